from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from materiel.models import Document

PAGE2 = """<html lang="fr"><head><title>Frégate</title></head><body><article>
<p>La marine a mis en service sa troisième frégate de défense aérienne mardi.</p>
<p>Le navire rejoindra la flotte du nord au printemps, selon le ministère.</p>
</article></body></html>"""


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    content_type: str | None,
    status: str = "200 OK",
    date: str = "2024-03-08T12:00:00Z",
) -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def make_warc(path: Path, html: str, gzip: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        _response(
            writer, "https://armour.example/howitzers", html.encode(), "text/html; charset=utf-8"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://armour.example/howitzers",
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
            )
        )
        _response(
            writer, "https://armour.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"
        )
        _response(
            writer,
            "https://armour.example/missing",
            b"<html><body>Not found</body></html>",
            "text/html",
            status="404 Not Found",
        )
        _response(
            writer,
            "https://naval.example/fregate",
            PAGE2.encode("cp1252"),
            "text/html; charset=windows-1252",
            date="2024-03-09T07:00:00Z",
        )
    return path


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses(tmp_path, read, text, gzip):
    path = make_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), text.html, gzip)
    items = read(path)
    assert all(isinstance(i, Document) for i in items), items
    first, second = items
    assert first.id == "crawl-1" and second.id == "crawl-5"
    assert first.url == "https://armour.example/howitzers"
    assert first.title == "Ministry orders 24 howitzers"
    assert "contract for 24 howitzers on 3 March" in first.text
    assert first.published == "2024-03-04"  # from the page, not the WARC-Date
    assert (first.provenance.path, first.provenance.record) == (str(path), 1)
    assert first.provenance.member == "https://armour.example/howitzers"
    assert "troisième frégate" in second.text and second.language == "fr"
    assert second.published == "2024-03-09T07:00:00+00:00"  # WARC-Date fallback
    # the offsets point at the records in the file as stored
    raw = path.read_bytes()
    assert 0 < first.provenance.offset < second.provenance.offset < len(raw)
    if not gzip:
        assert raw[first.provenance.offset :].startswith(b"WARC/1.")
        assert raw[second.provenance.offset :].startswith(b"WARC/1.")
    else:
        assert raw[first.provenance.offset :].startswith(b"\x1f\x8b")


def test_corrupt_warc_stops_gracefully(tmp_path, read, split, text):
    good = make_warc(tmp_path / "good.warc", text.html, gzip=False).read_bytes()
    first_end = good.index(b"WARC/1.", 10)  # end of the warcinfo record
    second_end = good.index(b"WARC/1.", first_end + 10)
    path = tmp_path / "damaged.warc"
    path.write_bytes(good[:second_end] + b"NOT A WARC HEADER\r\n\r\nxx")
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["damaged-1"]
    [err] = errs
    assert err.reason.startswith("corrupt WARC record (") and err.record == 3


def test_corrupt_warc_gz(tmp_path, read, split, text):
    data = bytearray(make_warc(tmp_path / "full.warc.gz", text.html, gzip=True).read_bytes())
    middle = len(data) // 2
    data[middle : middle + 20] = bytes(20)
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["bad-1"]
    [err] = errs
    assert err.reason.startswith("corrupt WARC record (") and "\n" not in err.reason


def _member_starts(data: bytes) -> list[int]:
    """Where each gzip member of a record-by-record .warc.gz begins."""
    starts, pos = [], 0
    while pos < len(data):
        starts.append(pos)
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member.decompress(data[pos:])
        pos = len(data) - len(member.unused_data)
    return starts


@pytest.mark.parametrize("member", [1, 2, 3, 4, 5])
def test_each_damaged_gzip_member_is_reported(tmp_path, read, split, text, member):
    # warcio reads a member that does not decompress as plain bytes, sometimes finding
    # "records" in them: the records before it are kept and the damage is reported at it
    data = bytearray(make_warc(tmp_path / "full.warc.gz", text.html, gzip=True).read_bytes())
    starts = _member_starts(bytes(data)) + [len(data)]
    middle = (starts[member] + starts[member + 1]) // 2
    data[middle - 4 : middle + 4] = bytes(8)
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    docs, errs = split(read(path))
    assert [d.id for d in docs] == (["bad-1"] if member > 1 else [])
    [err] = errs
    assert err.reason == "corrupt WARC record (its gzip data does not decompress)"
    assert err.record == member + 1


def test_warc_sniffed_without_extension(tmp_path, read, text):
    path = make_warc(tmp_path / "capture", text.html, gzip=False)
    assert [d.url for d in read(path)] == [
        "https://armour.example/howitzers",
        "https://naval.example/fregate",
    ]


def test_warc_cut_in_record_headers_is_reported(tmp_path, read, split, text):
    """A plain WARC that ends inside a record's headers: warcio takes it for the end of the
    archive, so the record (and, cut in the first one, the whole file) vanished silently."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for n in range(3):
        _response(writer, f"https://armour.example/{n}", text.html.encode(), "text/html")
    data = out.getvalue()
    second = data.index(b"WARC/1.", 1)
    in_headers = b"Content-Type: application/http"  # after Content-Length, before the blank line
    cuts = {"first.warc": data.index(in_headers), "second.warc": data.index(in_headers, second)}
    for name, cut in cuts.items():
        (tmp_path / name).write_bytes(data[:cut])
    docs, errs = split(read(tmp_path / "first.warc"))
    assert docs == [] and [e.record for e in errs] == [1]
    assert errs[0].reason.startswith("truncated WARC record (")
    docs, errs = split(read(tmp_path / "second.warc"))
    assert [d.url for d in docs] == ["https://armour.example/0"]
    assert [(e.record, e.reason) for e in errs] == [
        (2, "truncated WARC record (the file ends in its headers)")
    ]
