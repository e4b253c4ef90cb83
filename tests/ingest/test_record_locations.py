"""One way of printing where a record is: "path[!member]:N" with N counting from 1, for
rejections (ReadError) and for documents (Provenance.location) alike."""

from __future__ import annotations

import json
import zipfile

from materiel.models import Document, Provenance, ReadError, format_location


def test_format_location():
    assert format_location("news.jsonl") == "news.jsonl"
    assert format_location("news.jsonl", 1) == "news.jsonl:1"
    assert format_location("odd\nname.txt", 2) == "odd\\nname.txt:2"


def test_provenance_location_counts_from_one():
    assert Provenance("a.jsonl", record=0).location == "a.jsonl:1"
    assert Provenance("a.zip", record=4, member="x.csv").location == "a.zip!x.csv:5"
    assert Provenance("a.txt").location == "a.txt"


def test_rejections_and_documents_number_lines_alike(tmp_path, read):
    path = tmp_path / "wire.jsonl"
    path.write_text("not json\n" + json.dumps({"text": "The army ordered trucks."}) + "\n")
    err, doc = read(path)
    assert isinstance(err, ReadError) and isinstance(doc, Document)
    assert str(err) == f"{path}:1: line 1: invalid JSON (Expecting value)"
    assert doc.provenance.location == f"{path}:2"  # the second line


def test_locations_inside_a_zip(tmp_path, read):
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("rows.csv", "id,text\nr1,\nr2,The navy commissioned a frigate.\n")
    err, doc = read(path)
    assert str(err) == f"{path}!rows.csv:1: row 1: empty 'text'"
    assert doc.provenance.location == f"{path}!rows.csv:2"
