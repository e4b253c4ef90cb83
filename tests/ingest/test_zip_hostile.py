"""Hostile zip and gzip input: unsafe member names, links, deep nesting, and bombs that must
be streamed with bounded memory."""

from __future__ import annotations

import gzip
import json
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

from materiel.models import Document, ReadError

# 100 MB of "{}" lines deflate to about 98 KB.
BOMB_LINES = 33_333_333


def write_bomb(path: Path, member: str = "lines.jsonl") -> Path:
    chunk = b"{}\n" * 1_000_000
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(member, "w") as body,
    ):
        for _ in range(BOMB_LINES // 1_000_000):
            body.write(chunk)
        body.write(b"{}\n" * (BOMB_LINES % 1_000_000))
    return path


def run_reader(path: Path, options: str = "", stop_after: int | None = None) -> dict:
    """Read `path` in a fresh interpreter; its item counts, first reasons and peak RSS."""
    script = f"""
import itertools, json, resource, sys, time
from materiel.ingest import ReaderOptions, read_paths
def peak_mb():  # VmHWM: this process's own peak (ru_maxrss keeps the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
start = time.monotonic()
items = itertools.islice(read_paths([sys.argv[1]], ReaderOptions({options})), {stop_after})
docs = errors = 0
reasons = []
for item in items:
    if hasattr(item, "reason"):
        errors += 1
        reasons.append(item.reason) if len(reasons) < 3 else None
        last = str(item)
    else:
        docs += 1
print(json.dumps({{"docs": docs, "errors": errors, "reasons": reasons, "last": last,
    "seconds": time.monotonic() - start,
    "peak_mb": peak_mb()}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_zip_bomb_of_bad_lines_is_abandoned_with_a_cap(tmp_path):
    bomb = write_bomb(tmp_path / "bomb.zip")
    assert bomb.stat().st_size < 150_000
    result = run_reader(bomb, "max_rejections_in_a_row=1000")
    assert result["docs"] == 0 and result["errors"] == 1001
    assert result["reasons"][0] == "line 1: no 'text' field"
    assert result["last"] == (
        f"{bomb}!lines.jsonl: 1000 rejections in a row: the rest is not read"
    )
    assert result["peak_mb"] < 200 and result["seconds"] < 30


def test_zip_bomb_without_the_cap_streams_one_record_at_a_time(tmp_path):
    bomb = write_bomb(tmp_path / "bomb.zip")
    result = run_reader(bomb, "max_rejections_in_a_row=None", stop_after=300_000)
    assert result["errors"] == 300_000  # each bad line its own rejection
    assert result["peak_mb"] < 200  # nothing is decompressed ahead of what is read


def test_zip_bomb_as_one_document_is_refused_unread(tmp_path):
    result = run_reader(write_bomb(tmp_path / "bomb.zip", member="story.txt"))
    assert result["reasons"] == ["too large for one document (99999999 bytes)"]
    assert result["peak_mb"] < 200


def test_gzip_bomb_single_line_is_skipped_without_holding_it(tmp_path):
    path = tmp_path / "line.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as body:
        body.write(b'{"text": "')
        for _ in range(100):
            body.write(b"a" * 1_000_000)
        body.write(b'"}\n' + json.dumps({"text": "The army ordered trucks."}).encode() + b"\n")
    result = run_reader(path)
    assert result["reasons"] == ["line 1: too long (over 20000000 bytes)"]
    assert result["docs"] == 1 and result["peak_mb"] < 200


def _member(name: str, mode: int | None = None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.external_attr = mode << 16
    return info


def test_unsafe_zip_members_are_refused_by_name(tmp_path, read, split, text):
    path = tmp_path / "upload.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(_member("../escape.txt"), text.radar)
        archive.writestr(_member("/etc/cron.d/job.txt"), text.radar)
        archive.writestr(_member("docs/../../up.txt"), text.radar)
        archive.writestr(_member("link.txt", stat.S_IFLNK | 0o777), "/etc/passwd")
        archive.writestr(_member("ok.txt", stat.S_IFREG | 0o644), text.frigate)
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["ok"]
    assert [str(e) for e in errs] == [
        f"{path}!../escape.txt: member name climbs out of the archive ('..'): not read",
        f"{path}!/etc/cron.d/job.txt: absolute member name: not read",
        f"{path}!docs/../../up.txt: member name climbs out of the archive ('..'): not read",
        f"{path}!link.txt: symbolic link member, not a regular file: not read",
    ]


def test_deeply_nested_archives_stop(tmp_path, read, text):
    data = text.radar.encode()
    name = "story.txt"
    for level in range(6):
        inner = tmp_path / f"level{level}.zip"
        with zipfile.ZipFile(inner, "w") as archive:
            archive.writestr(name, data)
        data, name = inner.read_bytes(), inner.name
    [err] = read(tmp_path / "level5.zip")
    assert isinstance(err, ReadError)
    assert err.reason == "archive nested more than 4 levels deep: not read"
    assert err.path.count("!") == 4
    [doc] = read(tmp_path / "level2.zip")
    assert isinstance(doc, Document) and doc.text == text.radar


def test_member_with_newline_in_its_name_stays_on_one_line(tmp_path, read):
    path = tmp_path / "odd.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("bad\nname.txt", b"")
    [err] = read(path)
    assert str(err) == f"{path}!bad\\nname.txt: empty file"


def test_directory_entry_running_over_the_next_ones_is_reported(tmp_path, read, split):
    """A damaged directory entry whose comment length runs over the entries after it: zipfile
    stops at the directory's stated size and never sees those members, so they vanished."""
    path = tmp_path / "orders.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(1, 6):
            archive.writestr(f"a{n}.txt", f"The army ordered {n * 10} trucks on Monday.\n")
    data = bytearray(path.read_bytes())
    entries = [i for i in range(len(data)) if data[i : i + 4] == b"PK\x01\x02"]
    third, directory_end = entries[2], data.rindex(b"PK\x05\x06")
    name_and_extra = 46 + int.from_bytes(data[third + 28 : third + 30], "little")
    comment = directory_end - third - name_and_extra  # swallows the 4th and 5th entries
    data[third + 32 : third + 34] = comment.to_bytes(2, "little")
    path.write_bytes(bytes(data))
    docs, errs = split(read(path))
    assert sorted(d.provenance.member for d in docs) == ["a1.txt", "a2.txt", "a3.txt"]
    assert [e.reason for e in errs] == [
        "corrupt zip archive (its directory promises 5 members, 3 can be read)"
    ]
