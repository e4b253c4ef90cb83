"""Encodings of real-world text: UTF-8 with a few stray Latin-1 bytes, BOM-less UTF-32, and
detection that stays bounded on huge one-line blobs."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from materiel.ingest.encoding import decode_bytes, looks_binary, sniff_encoding
from materiel.models import Document

GERMAN = "Spenden für die Vögel: Die Bundeswehr übt mit 24 Panzerhaubitzen in Litauen."


def with_stray_latin1(text: str) -> bytes:
    """UTF-8, with one word pasted in Latin-1."""
    return text.encode() + " Caf\u00e9 n\u00e4her.".encode("latin-1")


def test_utf8_with_a_few_latin1_bytes_stays_utf8():
    data = with_stray_latin1(GERMAN)
    expected = GERMAN + " Café näher."
    assert decode_bytes(data) == (expected, "utf-8")
    assert decode_bytes(data, "utf-8") == (expected, "utf-8")


def test_stray_byte_undefined_in_cp1252_becomes_a_replacement_character():
    assert decode_bytes("Vögel".encode() + b" \x81")[0] == "Vögel \ufffd"


def test_legacy_text_is_still_detected_as_legacy():
    sentence = "Die Bundeswehr erhält 24 Panzerhaubitzen für die Brigade in Litauen."
    assert decode_bytes(sentence.encode("cp1252")) == (sentence, "cp1252")


def test_stray_bytes_in_text_jsonl_and_csv_files(tmp_path, read):
    (tmp_path / "a.txt").write_bytes(with_stray_latin1(GERMAN))
    line = json.dumps({"id": "j1", "text": GERMAN}, ensure_ascii=False).encode()
    (tmp_path / "b.jsonl").write_bytes(line[:-2] + b" Caf\xe9" + line[-2:] + b"\n")
    (tmp_path / "c.csv").write_bytes(b"id,text\nc1," + with_stray_latin1(GERMAN) + b"\n")
    texts = [d.text for d in read(tmp_path)]
    assert texts == [GERMAN + " Café näher.", GERMAN + " Café", GERMAN + " Café näher."]


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_is_text(tmp_path, read, codec):
    data = GERMAN.encode(codec)
    assert not looks_binary(data)
    assert decode_bytes(data) == (GERMAN, codec)
    assert sniff_encoding(data) == codec
    (tmp_path / "note.txt").write_bytes(data)
    lines = "".join(json.dumps({"text": t}) + "\n" for t in (GERMAN, "Zweite Zeile."))
    (tmp_path / "wire.jsonl").write_bytes(lines.encode(codec))
    assert [d.text for d in read(tmp_path)] == [GERMAN, GERMAN, "Zweite Zeile."]


def test_binary_is_still_binary():
    noise = random.Random(7).randbytes(8192)
    assert looks_binary(noise)
    assert looks_binary(b"\x00\x00\x00\x01" * 100)  # NULs that are not UTF-32 text


def test_detection_on_a_huge_one_line_blob_is_bounded(tmp_path):
    """14 MB of high bytes on one line, read in a fresh interpreter: seconds and well under
    a couple hundred MB above the blob itself."""
    rng = random.Random(3)
    blob = bytes(rng.randrange(0x20, 0x100) for _ in range(1_000_000)) * 14
    path = tmp_path / "blob.txt"
    path.write_bytes(blob)
    script = """
import json, resource, sys, time
from materiel.ingest import read_paths
def peak_mb():  # VmHWM: this process's own peak (ru_maxrss keeps the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
start = time.monotonic()
items = list(read_paths([sys.argv[1]]))
print(json.dumps({"kind": type(items[0]).__name__, "seconds": time.monotonic() - start,
                  "peak_mb": peak_mb()}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120
    )
    result = json.loads(done.stdout)
    assert result["kind"] == Document.__name__
    assert result["seconds"] < 10 and result["peak_mb"] < 250
