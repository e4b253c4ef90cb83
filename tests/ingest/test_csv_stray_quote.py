"""A stray quote in a CSV file must not silently merge rows: the merged row is rejected with
one line naming it and the file lines it spans, and the rows after it are read."""

from __future__ import annotations

import pytest

from materiel.models import Document

HEADER = "id,text,date\n"


def rows(read, tmp_path, body: str, **options):
    path = tmp_path / "wire.csv"
    path.write_text(body, encoding="utf-8")
    items = read(path, **options)
    docs = [(i.id, i.text) for i in items if isinstance(i, Document)]
    errors = [(e.record, e.reason) for e in items if not isinstance(e, Document)]
    return docs, errors


def test_quote_closed_by_a_later_field_that_opens_one(tmp_path, read):
    docs, errors = rows(read, tmp_path, HEADER + (
        'c1,"Quoted start of a story,2024-03-01\n'
        "c2,The navy commissioned a frigate,2024-03-02\n"
        'c3,"The army ordered trucks",2024-03-03\n'
        "c4,The air force chose a radar,2024-03-04\n"
    ))
    assert docs == [("c4", "The air force chose a radar")]
    assert errors == [(1, "row 1: lines 2-4 read as one row, but a quote is not closed where it "
                          "should be (csv: ',' expected after '\"') (a stray quote?)")]


def test_quote_never_closed(tmp_path, read):
    docs, errors = rows(read, tmp_path, HEADER + (
        "c1,The navy commissioned a frigate,2024-03-02\n"
        'c2,"Quoted start of a story,2024-03-01\n'
        "c3,The air force chose a radar,2024-03-04\n"
    ))
    assert docs == [("c1", "The navy commissioned a frigate")]
    assert errors == [(2, "row 2: lines 3-4 read as one row, but a quote is not closed where it "
                          "should be (csv: unexpected end of data) (a stray quote?)")]


def test_quote_closed_by_another_stray_quote(tmp_path, read):
    # Strict quoting accepts this one: the merged field holds whole rows.
    docs, errors = rows(read, tmp_path, HEADER + (
        'c1,"Opening quote in a story,2024-03-01\n'
        "c2,The navy commissioned a frigate,2024-03-02\n"
        'c3,closing quote in a story",2024-03-03\n'
        "c4,The air force chose a radar,2024-03-04\n"
    ))
    assert docs == [("c4", "The air force chose a radar")]
    assert errors == [(1, "row 1: lines 2-4 read as one row, but a quoted field holds what "
                          "reads as further rows (a stray quote?)")]


def test_merged_row_with_the_wrong_field_count(tmp_path, read):
    docs, errors = rows(read, tmp_path, "id,title,text,date\n" + (
        'c1,Frigate,"Opening quote in a story,2024-03-01\n'
        'c2,Radar",The air force chose a radar,2024-03-02\n'
        "c3,Radar,The air force chose a radar,2024-03-04\n"
    ))
    assert docs == [("c3", "The air force chose a radar")]
    assert errors == [(1, "row 1: lines 2-3 read as one row, but it has 5 fields and the "
                          "header 4 (a stray quote?)")]


def test_unquoted_delimiters_give_too_many_fields(tmp_path, read):
    docs, errors = rows(read, tmp_path, HEADER + (
        "c1,The ministry, however, said no,2024-03-01\n"
        "c2,The navy commissioned a frigate,2024-03-02,\n"  # a trailing empty field is fine
    ))
    assert docs == [("c2", "The navy commissioned a frigate")]
    assert errors == [(1, "row 1: 5 fields, the header has 3")]


@pytest.mark.parametrize(
    "body",
    [
        'c1,"First paragraph, with commas, here.\nSecond paragraph, also, with commas.",2024\n',
        'c1,"Line one\nc2, said the spokesman, on Monday",2024\n',  # "c2" alone: no row shape
        'c1,"A ""quoted"" word\nand a second line",2024\n',
    ],
)
def test_legitimate_multi_line_fields_are_kept(tmp_path, read, body):
    docs, errors = rows(read, tmp_path, HEADER + body + "c9,Next row,2024\n")
    assert errors == [] and [d[0] for d in docs] == ["c1", "c9"]
    assert "\n" in docs[0][1]


def test_runaway_quote_stops_at_the_size_limit(tmp_path, read):
    body = HEADER + 'c1,"never closed,2024\n' + "c2,filler row of text,2024\n" * 100
    docs, errors = rows(read, tmp_path, body, max_document_bytes=1000)
    assert docs == []
    assert errors == [(1, "row 1: from line 2, over 1000 bytes without the row ending (a quote "
                          "never closed?): the rest of the file is not read")]
