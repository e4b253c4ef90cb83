from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from materiel.models import Document


def test_csv_with_custom_field_names(tmp_path, read, split, text):
    path = tmp_path / "export.csv"
    path.write_text(
        "guid,headline,body,link,date,site,desk\n"
        f'c1,Howitzers ordered,"{text.howitzers}",https://example.org/h,2024-03-03,'
        "Armour Review,land\n"
        'c2,Frigate,"The navy commissioned a frigate.\nIt joins the ""northern"" fleet.",,'
        "05.03.2024,,naval\n"
        "\n"
        "c3,No body,,,,,\n",
        encoding="utf-8",
    )
    docs, errs = split(
        read(
            path,
            id_field="guid",
            text_field="body",
            title_field="headline",
            url_field="link",
            published_field="date",
            outlet_field="site",
        )
    )
    assert [d.id for d in docs] == ["c1", "c2"]
    first, second = docs
    assert (first.title, first.text, first.url, first.published, first.outlet) == (
        "Howitzers ordered",
        text.howitzers,
        "https://example.org/h",
        "2024-03-03",
        "Armour Review",
    )
    assert first.extra == {"desk": "land"}
    assert second.text == 'The navy commissioned a frigate.\nIt joins the "northern" fleet.'
    assert (second.url, second.outlet, second.published) == (None, None, "2024-03-05")
    raw_lines = path.read_bytes().split(b"\n")
    assert second.provenance.offset == len(raw_lines[0]) + len(raw_lines[1]) + 2
    assert (
        second.provenance.content_hash
        == hashlib.sha256(raw_lines[2] + b"\n" + raw_lines[3]).hexdigest()
    )
    assert [(e.record, e.reason) for e in errs] == [(3, "row 3: empty 'body'")]


def test_tsv_and_default_ids(tmp_path, read, text):
    path = tmp_path / "wire.tsv"
    path.write_text(f"title\ttext\nRadar\t{text.radar}\nFrigate\t{text.frigate}\n")
    items = read(path)
    assert all(isinstance(i, Document) for i in items)
    assert [(d.id, d.title, d.text) for d in items] == [
        ("wire-0", "Radar", text.radar),
        ("wire-1", "Frigate", text.frigate),
    ]


def test_semicolon_csv_in_cp1252_with_crlf(tmp_path, read):
    path = tmp_path / "fr.csv"
    path.write_bytes(
        (
            "id;text\r\nf1;Le ministère a commandé 24 obusiers.\r\nf2;Livraison prévue en 2026.\r\n"
        ).encode("cp1252")
    )
    items = read(path)
    assert [(d.id, d.text) for d in items] == [
        ("f1", "Le ministère a commandé 24 obusiers."),
        ("f2", "Livraison prévue en 2026."),
    ]


def test_missing_text_column(tmp_path, read):
    path = tmp_path / "bad.csv"
    path.write_text("id,headline\n1,Army buys trucks\n")
    [err] = read(path)
    assert err.reason == "no 'text' column (columns: id, headline)"


def test_huge_field_within_limit(tmp_path, read):
    body = "The brigade received 44 armoured vehicles. " * 5000  # over csv's 128 KB default
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\nlong,"{body}"\n')
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text == body


def _write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("cut", ["in_quote", "in_columns"])
def test_file_cut_inside_its_last_row_is_reported(tmp_path, read, split, cut):
    rows = ["id,title,text", "a1,Tanks,The army ordered 40 tanks.",
            'a2,Boats,"The navy ordered six boats, officials said."', "a3,Jets,Twelve jets left."]
    whole = "\n".join(rows)  # no line ending after the last row: still whole
    assert [d.id for d in split(read(_write(tmp_path / "whole.csv", whole)))[0]] == [
        "a1", "a2", "a3"]
    end = whole.index("six boats") if cut == "in_quote" else whole.index(",Boats")
    docs, errs = split(read(_write(tmp_path / "cut.csv", whole[:end])))
    assert [d.id for d in docs] == ["a1"]
    assert [(e.record, e.reason) for e in errs] == [
        (2, "row 2: the file ends inside this row (cut short?)")]
