"""Tar archives: plain and gzipped, read as streams; unsafe members refused, damage reported."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest


def _add(archive: tarfile.TarFile, name: str, data: bytes, kind: bytes = tarfile.REGTYPE,
         link: str = "") -> None:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    archive.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


def _records(prefix: str, count: int) -> bytes:
    lines = [json.dumps({"id": f"{prefix}{i}", "text": f"The navy ordered {i + 2} boats."})
             for i in range(count)]
    return ("\n".join(lines) + "\n").encode()


def _archive(path: Path, text: object, *, gzipped: bool = False) -> Path:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        _add(archive, "news", b"", tarfile.DIRTYPE)
        _add(archive, "news/b.jsonl", _records("b", 2))
        _add(archive, "news/a.html", text.html.encode())  # type: ignore[attr-defined]
        _add(archive, "news/.hidden.txt", b"Not read.")
        _add(archive, "./news/c.txt", text.radar.encode())  # type: ignore[attr-defined]
    data = raw.getvalue()
    path.write_bytes(gzip.compress(data) if gzipped else data)
    return path


@pytest.mark.parametrize("name", ["news.tar", "news.tar.gz", "news.tgz", "news.bin"])
def test_tar_members_are_read_in_archive_order(tmp_path, read, split, text, name):
    path = _archive(tmp_path / name, text, gzipped=name.endswith("gz"))
    docs, errs = split(read(path))
    assert errs == []
    assert [d.id for d in docs][:2] == ["b0", "b1"] and len(docs) == 4
    assert docs[2].title == "Ministry orders 24 howitzers"
    assert docs[3].text == text.radar
    assert "./news/c.txt" in docs[3].provenance.location  # "./" as `tar -C folder .` writes


def test_piped_tar_is_read_from_stdin(tmp_path, text):
    path = _archive(tmp_path / "news.tar.gz", text, gzipped=True)
    script = (
        "from materiel.ingest import read_paths\n"
        "print(sum(1 for i in read_paths(['-']) if not hasattr(i, 'reason')))"
    )
    out = subprocess.run([sys.executable, "-c", script], input=path.read_bytes(),
                         capture_output=True, check=True)
    assert out.stdout.strip() == b"4"


def test_unsafe_and_special_members_are_refused_the_rest_read(tmp_path, read, split):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        _add(archive, "../climb.jsonl", _records("x", 1))
        _add(archive, "/etc/absolute.jsonl", _records("y", 1))
        _add(archive, "link.jsonl", b"", tarfile.SYMTYPE, "/etc/passwd")
        _add(archive, "fifo", b"", tarfile.FIFOTYPE)
        _add(archive, "ok.jsonl", _records("k", 2))
    path = tmp_path / "hostile.tar"
    path.write_bytes(raw.getvalue())
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["k0", "k1"]
    assert [e.reason for e in errs] == [
        "member name climbs out of the archive ('..'): not read",
        "absolute member name: not read",
        "link member, not a regular file: not read",
        "special file member, not a regular file: not read",
    ]


def _member_offsets(data: bytes) -> list[int]:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r") as archive:
        return [m.offset for m in archive.getmembers()]


def test_tar_cut_between_members_is_reported(tmp_path, read, split, text):
    whole = _archive(tmp_path / "whole.tar", text).read_bytes()
    offsets = _member_offsets(whole)  # dir, b.jsonl, a.html, .hidden.txt, c.txt
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole[: offsets[3]])  # ends cleanly after the HTML member
    docs, errs = split(read(cut))
    assert [d.id for d in docs][:2] == ["b0", "b1"] and len(docs) == 3
    assert [e.reason for e in errs] == [
        "corrupt tar archive (cut short: no end-of-archive marker)"
    ]


def test_tar_cut_inside_a_member_is_reported(tmp_path, read, split, text):
    whole = _archive(tmp_path / "whole.tar", text).read_bytes()
    offsets = _member_offsets(whole)
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole[: offsets[2] + 700])  # inside the HTML member's data
    docs, errs = split(read(cut))
    assert [d.id for d in docs] == ["b0", "b1"]
    assert errs and all(e.reason for e in errs)
    assert any("tar archive" in e.reason or "read failed" in e.reason for e in errs)


def test_tar_with_a_damaged_header_is_reported(tmp_path, read, split, text):
    whole = bytearray(_archive(tmp_path / "whole.tar", text).read_bytes())
    offsets = _member_offsets(bytes(whole))
    whole[offsets[2] + 148 : offsets[2] + 156] = b"garbage!"  # the HTML member's checksum
    path = tmp_path / "damaged.tar"
    path.write_bytes(bytes(whole))
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["b0", "b1"]
    assert len(errs) == 1 and errs[0].reason.startswith("corrupt tar archive (")
