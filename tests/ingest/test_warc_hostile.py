"""Damaged and unusual WARC files: truncated records, one-stream gzip, resource records,
and warcio's own warnings."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from materiel.models import Document, ReadError

PAGE = (
    "<html><head><title>Radar</title></head><body><article><p>The air force has selected a "
    "ground-based radar for its new air defence network.</p><p>The first two units will enter "
    "service next year, the ministry said.</p></article></body></html>"
)
NOTE = "La marine a mis en service sa troisième frégate à la base navale du nord."


def warc_bytes(compress: bool, pages: int = 2) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for n in range(pages):
        writer.write_record(
            writer.create_warc_record(
                f"https://radar.example/{n}",
                "response",
                payload=io.BytesIO(PAGE.encode()),
                http_headers=StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                ),
            )
        )
    writer.write_record(
        writer.create_warc_record(
            "file:///notes/frigate.txt",
            "resource",
            payload=io.BytesIO(NOTE.encode("cp1252")),
            warc_content_type="text/plain; charset=windows-1252",
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "file:///saved/radar.html",
            "resource",
            payload=io.BytesIO(PAGE.encode()),
            warc_content_type="text/html",
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "file:///logo.png", "resource", payload=io.BytesIO(b"\x89PNG\r\n"),
            warc_content_type="image/png",
        )
    )
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_resource_records_are_read_like_responses(tmp_path, read):
    items = read(write(tmp_path / "saved.warc", warc_bytes(False)))
    assert all(isinstance(i, Document) for i in items), items
    assert [(d.id, d.url) for d in items] == [
        ("saved-0", "https://radar.example/0"),
        ("saved-1", "https://radar.example/1"),
        ("saved-2", "file:///notes/frigate.txt"),
        ("saved-3", "file:///saved/radar.html"),
    ]
    note, page = items[2], items[3]
    assert note.text == NOTE and note.extra["encoding"] == "cp1252"
    assert note.provenance.member == "file:///notes/frigate.txt" and note.published
    assert "ground-based radar" in page.text and page.title == "Radar"


def test_truncated_record_is_rejected_not_stored(tmp_path, read, split):
    data = warc_bytes(False, pages=3)
    third = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)][2]
    cut = data[: data.index(b"<html", third) + 100]  # inside the third page's payload
    docs, errs = split(read(write(tmp_path / "cut.warc", cut)))
    assert [d.id for d in docs] == ["cut-0", "cut-1"]
    [err] = errs
    assert err.record == 3
    assert re.fullmatch(
        r"https://radar\.example/2: truncated WARC record \(\d+ bytes missing\)", err.reason
    )


def test_record_cut_in_its_headers_is_rejected(tmp_path, read, split):
    data = warc_bytes(False, pages=2)
    second = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", data)][1]
    docs, errs = split(read(write(tmp_path / "cut.warc", data[: second + 60])))
    assert [d.id for d in docs] == ["cut-0"]
    assert [(e.record, e.reason) for e in errs] == [
        (2, "truncated WARC record (the file ends in it)")
    ]


def test_truncated_gzip_record_is_rejected(tmp_path, read, split):
    data = warc_bytes(True, pages=3)
    members = [m.start() for m in re.finditer(rb"\x1f\x8b\x08", data)]
    docs, errs = split(read(write(tmp_path / "cut.warc.gz", data[: members[3] - 40])))
    assert [d.id for d in docs] == ["cut-0", "cut-1"]
    [err] = errs
    assert err.record == 3 and "truncated WARC record" in err.reason


def test_warc_gzipped_as_one_stream(tmp_path, read):
    data = gzip.compress(warc_bytes(False))
    whole = read(write(tmp_path / "crawl.warc.gz", data))
    renamed = read(write(tmp_path / "crawl.gz", data))
    assert [d.id for d in whole] == ["crawl-0", "crawl-1", "crawl-2", "crawl-3"]
    assert [(d.id, d.text) for d in whole] == [(d.id, d.text) for d in renamed]


def test_warcio_warnings_become_rejections_not_terminal_noise(tmp_path, read, split, capfd):
    data = warc_bytes(False)
    length = re.search(rb"Content-Length: (\d+)", data)
    assert length is not None
    shorter = str(int(length.group(1)) - 40).encode()
    damaged = data[: length.start(1)] + shorter + data[length.end(1) :]
    docs, errs = split(read(write(tmp_path / "damaged.warc", damaged)))
    out, err_text = capfd.readouterr()
    assert out == "" and err_text == ""
    assert [str(e) for e in errs][0] == (
        f"{tmp_path / 'damaged.warc'}:1: https://radar.example/0: damaged WARC record "
        "(Record not followed by newline, perhaps Content-Length is invalid)"
    )
    assert "damaged-1" in [d.id for d in docs]


def test_warc_of_garbage_ends_with_one_line(tmp_path, read):
    [err] = read(write(tmp_path / "junk.warc", b"WARC/1.0\r\n" + bytes(range(256)) * 20))
    assert isinstance(err, ReadError) and "\n" not in str(err)
