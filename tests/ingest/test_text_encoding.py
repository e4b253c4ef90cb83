from __future__ import annotations

import json
import os

import pytest

from materiel.ingest.encoding import decode_bytes, looks_binary, sniff_encoding
from materiel.models import Document, ReadError


def test_text_file_is_one_document(tmp_path, read, text):
    path = tmp_path / "contract-news.txt"
    path.write_text(text.howitzers + "\n", encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.id == "contract-news"
    assert doc.title is None
    assert doc.text == text.howitzers + "\n"
    assert doc.provenance.path == str(path)
    assert len(doc.provenance.content_hash) == 64
    assert doc.extra["encoding"] == "utf-8"


def test_content_hash_is_sha256_of_the_file(tmp_path, read, text):
    import hashlib

    path = tmp_path / "a.md"
    path.write_bytes(text.frigate.encode())
    [doc] = read(path)
    assert doc.provenance.content_hash == hashlib.sha256(text.frigate.encode()).hexdigest()


@pytest.mark.parametrize(
    ("sentence", "encoding"),
    [
        ("Le ministère a signé un contrat pour 24 obusiers livrés à l’armée en 2026.", "cp1252"),
        ("“The ministry” signed a €310 million deal — 24 howitzers — on 3 March.", "cp1252"),
        ("Die Bundeswehr erhält 24 Panzerhaubitzen für die Brigade in Litauen.", "latin-1"),
        ("El ministerio firmó un contrato por 24 obuses; la entrega comenzará en 2026.", "latin-1"),
        ("The navy commissioned its third frigate on Tuesday.", "utf-16"),
        ("Ça coûte 310 millions d’euros, a indiqué le ministère.", "utf-8-sig"),
    ],
)
def test_legacy_and_unicode_encodings(tmp_path, read, sentence, encoding):
    path = tmp_path / "legacy.txt"
    path.write_bytes(sentence.encode(encoding))
    [doc] = read(path)
    assert isinstance(doc, Document), doc
    assert doc.text == sentence


def test_decode_bytes_never_raises_on_invalid_utf8():
    data = b"The army ordered 40 trucks \xff\xfe\x80 for the logistics brigade."
    text, encoding = decode_bytes(data)
    assert text.startswith("The army ordered 40 trucks")
    assert encoding != "utf-8"


def test_decode_bytes_uses_declared_charset_first():
    data = "Rüstung: 24 Haubitzen bestellt".encode("cp1252")
    assert decode_bytes(data, "windows-1252") == ("Rüstung: 24 Haubitzen bestellt", "cp1252")
    assert decode_bytes(b"plain ascii") == ("plain ascii", "utf-8")


def test_decode_cyrillic_is_not_forced_into_cp1252():
    sentence = "Министерство обороны подписало контракт на поставку 24 гаубиц."
    assert decode_bytes(sentence.encode("cp1251"))[0] == sentence


def test_utf16_without_bom_is_text_not_binary():
    data = "The frigate sailed for the exercise.".encode("utf-16-le")
    assert not looks_binary(data)
    assert decode_bytes(data) == ("The frigate sailed for the exercise.", "utf-16-le")


def test_sniff_encoding_tolerates_a_cut_utf8_sequence():
    head = "Le ministère a commandé".encode()[:12]  # cut inside "è"
    assert sniff_encoding(head) is None


def test_looks_binary():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert looks_binary(os.urandom(4096))
    assert looks_binary(bytes(range(1, 9)) * 200)  # control bytes, no NUL
    assert not looks_binary("Un contrat pour 24 obusiers.\n".encode("latin-1"))
    assert not looks_binary(b"")


def test_binary_empty_and_blank_files(tmp_path, read):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t ")
    items = read(tmp_path / "image.txt", tmp_path / "empty.txt", tmp_path / "blank.txt")
    assert all(isinstance(i, ReadError) for i in items)
    assert [i.reason for i in items] == [
        "binary content",
        "empty file",
        "no text (whitespace only)",
    ]
    assert [i.path for i in items] == [
        str(tmp_path / n) for n in ("image.txt", "empty.txt", "blank.txt")
    ]


def test_too_large_single_document_is_refused(tmp_path, read, text):
    path = tmp_path / "big.txt"
    path.write_text(text.radar * 10)
    [err] = read(path, max_document_bytes=100)
    assert isinstance(err, ReadError)
    assert err.reason == f"too large for one document ({path.stat().st_size} bytes)"


def test_stray_nul_in_a_file_of_records_costs_one_record(tmp_path, read, split):
    lines = [json.dumps({"id": f"j{i}", "text": f"The army ordered {i + 10} trucks."})
             for i in range(4)]
    lines[1] = lines[1].replace("trucks", "tru\x00cks")  # raw NUL: invalid JSON
    path = tmp_path / "damaged.jsonl"
    path.write_bytes("\n".join(lines).encode().replace(b"\\u0000", b"\x00"))
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["j0", "j2", "j3"]
    assert [e.record for e in errs] == [2] and "invalid JSON" in errs[0].reason
    table = tmp_path / "damaged.csv"
    table.write_bytes(b"id,text\nc1,The navy ordered six boats.\nc2,The ar\x00my left.\n"
                      b"c3,Twelve jets arrived.\n")
    docs, errs = split(read(table))
    assert [d.id for d in docs] == ["c1", "c3"]
    assert [(e.record, e.reason) for e in errs] == [
        (2, "row 2: a NUL byte in line 3 (damaged data)")
    ]
    image = tmp_path / "image.jsonl"  # a binary file under a record format's name
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert [e.reason for e in read(image)] == ["binary content"]
