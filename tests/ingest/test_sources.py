from __future__ import annotations

import gzip
import io
import json
import sys
import zipfile

import pytest

from materiel.ingest import ReaderOptions, read_paths, sniff_format
from materiel.models import Document, ReadError


class _Pipe(io.RawIOBase):
    """A non-seekable byte stream, like a shell pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        chunk = self._data.read(min(len(buffer), 1000))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def set_stdin(monkeypatch, data: bytes, pipe: bool = True) -> None:
    raw = io.BufferedReader(_Pipe(data)) if pipe else io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw))


def jsonl(*texts: str) -> bytes:
    return "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path, read, split, text):
    (tmp_path / "b.txt").write_text(text.frigate)
    (tmp_path / "a.jsonl").write_bytes(jsonl(text.howitzers, text.radar))
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("cached")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text(text.html)
    (tmp_path / "sub" / "empty.txt").write_text("")
    docs, errs = split(read(tmp_path))
    assert [d.id for d in docs] == ["a-0", "a-1", "b", "c"]
    assert [(e.path, e.reason) for e in errs] == [
        (str(tmp_path / "sub" / "empty.txt"), "empty file")
    ]


def test_missing_and_unreadable_paths(tmp_path, read, text):
    (tmp_path / "ok.txt").write_text(text.radar)
    items = read(tmp_path / "nope.jsonl", tmp_path / "ok.txt")
    assert items[0] == ReadError(str(tmp_path / "nope.jsonl"), "no such file or directory")
    assert isinstance(items[1], Document) and items[1].id == "ok"


def test_reading_is_lazy(tmp_path):
    items = read_paths([str(tmp_path / "missing.txt")])
    assert not isinstance(items, list)
    assert isinstance(next(items), ReadError)


def test_gzip_files(tmp_path, read, split, text):
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress(jsonl(text.howitzers, text.frigate)))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(text.radar.encode()))
    (tmp_path / "blob.gz").write_bytes(gzip.compress(text.rss.encode()))
    (tmp_path / "bad.txt.gz").write_bytes(gzip.compress(b"The army ordered trucks")[:-12])
    docs, errs = split(read(tmp_path))
    assert [d.id for d in docs] == [
        "naval-0001",
        "https://naval.example.org/radar",
        "note",
        "wire-0",
        "wire-1",
    ]
    assert docs[3].provenance.path == str(tmp_path / "wire.jsonl.gz")
    assert docs[4].provenance.offset == len(jsonl(text.howitzers))  # in the decompressed stream
    assert docs[2].text == text.radar
    [err] = errs
    assert err.path == str(tmp_path / "bad.txt.gz")
    assert err.reason.startswith("corrupt compressed data (")


def test_zip_members(tmp_path, read, split, text):
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("news/frigate.txt", text.frigate)
        archive.writestr("news/wire.jsonl", jsonl(text.howitzers, text.radar))
        archive.writestr("news/.DS_Store", b"\x00\x01")
        archive.writestr("__MACOSX/news/._frigate.txt", b"\x00\x05")
        archive.writestr("page.htm", text.html)
        archive.writestr("inner.zip", _zip_bytes({"deep.txt": text.radar}))
        archive.writestr("empty.txt", b"")
    docs, errs = split(read(path))
    assert [(d.id, d.provenance.member) for d in docs] == [
        ("deep", "inner.zip!deep.txt"),
        ("frigate", "news/frigate.txt"),
        ("wire-0", "news/wire.jsonl"),
        ("wire-1", "news/wire.jsonl"),
        ("page", "page.htm"),
    ]
    assert all(d.provenance.path == str(path) for d in docs)
    assert docs[1].text == text.frigate
    assert [(e.path, e.reason) for e in errs] == [(f"{path}!empty.txt", "empty file")]


def _zip_bytes(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_corrupt_zip(tmp_path, read):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    [err] = read(path)
    assert err.reason.startswith("corrupt zip archive (")


@pytest.mark.parametrize("pipe", [True, False])
def test_stdin_jsonl(monkeypatch, split, text, pipe):
    set_stdin(monkeypatch, jsonl(text.howitzers, text.frigate) + b"{oops\n", pipe=pipe)
    docs, errs = split(read_paths(["-"]))
    assert [(d.id, d.text, d.provenance.path) for d in docs] == [
        ("stdin-0", text.howitzers, "-"),
        ("stdin-1", text.frigate, "-"),
    ]
    assert [(e.path, e.record) for e in errs] == [("-", 3)]


@pytest.mark.parametrize(
    ("payload", "expected_id"),
    [
        ("html", "stdin"),
        ("rss", "naval-0001"),
        ("atom", "urn:example:land:42"),
        ("howitzers", "stdin"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, text, payload, expected_id):
    set_stdin(monkeypatch, getattr(text, payload).encode())
    first = next(read_paths(["-"]))
    assert isinstance(first, Document) and first.id == expected_id


def test_stdin_gzip_and_zip(monkeypatch, split, text):
    set_stdin(monkeypatch, gzip.compress(jsonl(text.radar)))
    assert [d.text for d in read_paths(["-"])] == [text.radar]
    set_stdin(monkeypatch, _zip_bytes({"a.txt": text.frigate, "b.txt": text.radar}))
    docs, errs = split(read_paths(["-"]))
    assert not errs
    assert [(d.id, d.provenance.member) for d in docs] == [("a", "a.txt"), ("b", "b.txt")]


def test_empty_stdin(monkeypatch):
    set_stdin(monkeypatch, b"")
    assert list(read_paths(["-"])) == [ReadError("-", "empty file")]


def test_unknown_extension_is_sniffed(tmp_path, read, text):
    (tmp_path / "1.dat").write_bytes(jsonl(text.howitzers))
    (tmp_path / "2.dat").write_text(text.html)
    (tmp_path / "3.dat").write_text(text.radar)
    (tmp_path / "4.dat").write_text(text.atom)
    (tmp_path / "5").write_bytes(gzip.compress(text.frigate.encode()))
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document"] * 5
    assert [i.id for i in items] == ["1-0", "2", "3", "urn:example:land:42", "5"]
    assert items[4].text == text.frigate


def test_forced_format(tmp_path, read, text):
    path = tmp_path / "odd.txt"
    path.write_bytes(jsonl(text.radar))
    [as_text] = read(path)
    [as_jsonl] = read(path, format="jsonl")
    assert as_text.text.startswith('{"text"') and as_jsonl.text == text.radar
    with pytest.raises(ValueError, match="unknown format"):
        ReaderOptions(format="docx")


def test_binary_file_under_known_and_unknown_names(tmp_path, read):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (tmp_path / "report.docx").write_bytes(_zip_bytes({"word/document.xml": "<w:document/>"}))
    errs = read(tmp_path)
    assert [(e.path.rsplit("/", 1)[-1], e.reason) for e in errs] == [
        ("photo.jpg", "binary content"),
        ("report.docx", "binary content"),
    ]


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'{"text": "x"}', "jsonl"),
        (b"  [\n{", "json"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf<html><body>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<div>fragment</div>", "html"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo", "warc"),
        (b"\x1f\x8b\x08\x00", "gz"),
        (b"PK\x03\x04", "zip"),
        (b"The army ordered 40 trucks.", "text"),
    ],
)
def test_sniff_format(head, fmt):
    assert sniff_format(head) == fmt


def test_single_str_or_path_objects(tmp_path, text):
    path = tmp_path / "one.txt"
    path.write_text(text.frigate)
    assert [d.id for d in read_paths(str(path))] == ["one"]  # type: ignore[arg-type]
    assert [d.id for d in read_paths([path])] == ["one"]  # type: ignore[list-item]
