"""JSON Feed 1 and 1.1 files: one Document per item."""

from __future__ import annotations

import json

from materiel.models import Document, ReadError

FEED_11 = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Harbour Watch",
    "home_page_url": "https://harbour.example/",
    "language": "en-GB",
    "authors": [{"name": "Desk Editor"}],
    "items": [
        {
            "id": "hw-101",
            "url": "https://harbour.example/frigate",
            "title": "Third frigate commissioned",
            "content_html": "<p>The navy <b>commissioned</b> its third frigate.</p><p>It joins "
            "the northern fleet.</p>",
            "date_published": "2024-03-05T08:15:00+01:00",
            "authors": [{"name": "Ana Reis"}, {"name": "Tom Berg"}],
            "tags": ["naval"],
        },
        {
            "id": 102,
            "title": "Radar chosen",
            "content_text": "The air force selected a ground-based radar.",
            "content_html": "<p>ignored when there is plain text</p>",
            "date_published": "2024-03-06",
            "language": "de",
        },
        {"id": "hw-103", "title": "Headline only"},
        {"id": "hw-104"},
        "not an object",
    ],
}

FEED_10 = {
    "version": "https://jsonfeed.org/version/1",
    "title": "Land Wire",
    "author": {"name": "Wire Staff"},
    "items": [
        {
            "id": "lw-1",
            "url": "https://land.example/vehicles",
            "content_text": "The army received the first 12 armoured vehicles on Thursday.",
            "date_published": "2024-03-07T11:00:00Z",
        }
    ],
}


def test_json_feed_1_1(tmp_path, read, split):
    path = tmp_path / "harbour.json"
    path.write_text(json.dumps(FEED_11, indent=2))
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["hw-101", "102", "hw-103"]
    first, second, third = docs
    assert first.text == "The navy commissioned its third frigate.\nIt joins the northern fleet."
    assert (first.title, first.url, first.outlet) == (
        "Third frigate commissioned",
        "https://harbour.example/frigate",
        "Harbour Watch",
    )
    assert first.published == "2024-03-05T08:15:00+01:00"
    assert first.author == "Ana Reis, Tom Berg" and first.language == "en"
    assert first.extra == {"categories": ["naval"]}
    assert (first.provenance.record, first.provenance.location) == (0, f"{path}:1")
    assert second.text == "The air force selected a ground-based radar."
    assert (second.published, second.language, second.author) == ("2024-03-06", "de", "Desk Editor")
    assert third.text == "Headline only" and third.extra == {"text_from": "title"}
    assert [(e.record, e.reason) for e in errs] == [
        (4, "item 4: no text"),
        (5, "item 5: expected a JSON object"),
    ]


def test_json_feed_1_without_extension_is_sniffed(tmp_path, read):
    path = tmp_path / "landwire"
    path.write_text(json.dumps(FEED_10, indent=2))
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.author, doc.published, doc.url) == (
        "lw-1",
        "Wire Staff",
        "2024-03-07T11:00:00+00:00",
        "https://land.example/vehicles",
    )


def test_broken_json_feed_is_one_rejection(tmp_path, read):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(FEED_10)[:-20])
    [err] = read(path)
    assert isinstance(err, ReadError) and err.reason.startswith("invalid JSON")
