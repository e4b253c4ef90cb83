from __future__ import annotations

import hashlib
import json
import tracemalloc
from pathlib import Path

import pytest

from _shared import SHARED
from materiel.models import Document, ReadError

SEEDS = SHARED / "seeds" / "seeds.jsonl"


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_good_and_malformed_lines(tmp_path, read, split, text):
    path = write_jsonl(
        tmp_path / "wire.jsonl",
        [
            json.dumps(
                {
                    "id": "w1",
                    "text": text.howitzers,
                    "title": "Howitzers ordered",
                    "url": "https://example.org/h",
                    "published": "2024-03-03",
                    "outlet": "Defense Wire",
                    "source": "wire",
                }
            ),
            json.dumps({"text": text.frigate}),
            '{"id": "w3", "text": "The army ordered" "trucks"}',
            "",
            json.dumps({"id": "w5", "title": "No body here"}),
            json.dumps(["not", "an", "object"]),
            json.dumps(
                {"id": 7, "text": text.radar, "published": "Tue, 05 Mar 2024 08:15:00 +0100"}
            ),
        ],
    )
    items = read(path)
    docs, errs = split(items)
    assert [d.id for d in docs] == ["w1", "wire-1", "7"]
    first = docs[0]
    assert (first.title, first.url, first.published, first.outlet) == (
        "Howitzers ordered",
        "https://example.org/h",
        "2024-03-03",
        "Defense Wire",
    )
    assert first.text == text.howitzers
    assert first.extra == {"source": "wire"}
    assert first.provenance.record == 0 and first.provenance.offset == 0
    assert docs[1].provenance.offset == len(path.read_bytes().split(b"\n")[0]) + 1
    assert docs[2].published == "2024-03-05T08:15:00+01:00"
    line = path.read_bytes().split(b"\n")[6]
    assert docs[2].provenance.content_hash == hashlib.sha256(line).hexdigest()
    assert [(e.record, e.reason) for e in errs] == [
        (3, "line 3: invalid JSON (Expecting ',' delimiter)"),
        (5, "line 5: no 'text' field"),
        (6, "line 6: expected a JSON object, got a list"),
    ]
    assert str(errs[0]) == f"{path}:3: line 3: invalid JSON (Expecting ',' delimiter)"
    assert items.index(errs[0]) == 2  # errors come in file order, reading goes on


def test_custom_field_names(tmp_path, read, split, text):
    record = {
        "guid": "x-9",
        "body": text.frigate,
        "headline": "Frigate joins fleet",
        "link": "https://example.org/f",
        "date": "March 5, 2024",
        "site": "Naval Dispatch",
        "text": "not this one",
        "author": "R. Kim",
    }
    path = write_jsonl(tmp_path / "custom.ndjson", [json.dumps(record)])
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
    assert not errs
    [doc] = docs
    assert (doc.id, doc.text, doc.title, doc.url, doc.published, doc.outlet, doc.author) == (
        "x-9",
        text.frigate,
        "Frigate joins fleet",
        "https://example.org/f",
        "2024-03-05",
        "Naval Dispatch",
        "R. Kim",
    )
    assert doc.extra == {"text": "not this one"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-03", "2024-03-03"),
        ("2024-03-03T10:00:00Z", "2024-03-03T10:00:00+00:00"),
        ("2024-03-03 10:00:00", "2024-03-03T10:00:00"),
        ("Sun, 03 Mar 2024 10:00:00 GMT", "2024-03-03T10:00:00+00:00"),
        ("3 March 2024", "2024-03-03"),
        ("2024/03/03", "2024-03-03"),
        (1709460000, "2024-03-03T10:00:00+00:00"),
        (1709460000000, "2024-03-03T10:00:00+00:00"),
        ("someday soon", None),
        ("2024-02-30", None),
    ],
)
def test_published_is_normalised(tmp_path, read, value, expected):
    path = write_jsonl(
        tmp_path / "d.jsonl", [json.dumps({"text": "The army ordered trucks.", "published": value})]
    )
    [doc] = read(path)
    assert doc.published == expected
    if expected is None:
        assert doc.extra["published_raw"] == value


def test_empty_text_non_string_text_and_bom(tmp_path, read, split, text):
    path = tmp_path / "b.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + "\n".join(
            [
                json.dumps({"id": "ok", "text": text.radar}),
                json.dumps({"text": "   "}),
                json.dumps({"text": 42}),
            ]
        ).encode()
    )
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["ok"]
    assert [e.reason for e in errs] == ["line 2: empty 'text'", "line 3: 'text' is not a string"]


def test_cp1252_lines_are_decoded(tmp_path, read):
    line = json.dumps({"text": "Le ministère a commandé 24 obusiers."}, ensure_ascii=False)
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(line.encode("cp1252") + b"\n")
    [doc] = read(path)
    assert doc.text == "Le ministère a commandé 24 obusiers."


def test_utf16_jsonl(tmp_path, read, text):
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"text": text.frigate}), json.dumps({"text": text.radar})]
    path.write_text("\n".join(lines), encoding="utf-16")
    items = read(path)
    assert [d.text for d in items] == [text.frigate, text.radar]


def test_overlong_line_is_skipped_without_stopping(tmp_path, read, split, text):
    path = write_jsonl(
        tmp_path / "long.jsonl",
        [json.dumps({"text": "x" * 5000}), json.dumps({"id": "after", "text": text.radar})],
    )
    docs, errs = split(read(path, max_document_bytes=1000))
    assert [d.id for d in docs] == ["after"]
    assert errs[0].reason == "line 1: too long (over 1000 bytes)"


def test_json_list_file(tmp_path, read, split, text):
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps(
            [
                {"id": "a", "text": text.howitzers},
                "oops",
                {"text": text.frigate, "title": "Frigate"},
            ],
            indent=2,
        )
    )
    docs, errs = split(read(path))
    assert [(d.id, d.title, d.provenance.record) for d in docs] == [
        ("a", None, 0),
        ("batch-2", "Frigate", 2),
    ]
    assert [(e.record, e.reason) for e in errs] == [
        (2, "item 2: expected a JSON object, got a string")
    ]


def test_json_file_variants(tmp_path, read, split, text):
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"id": "one", "text": text.radar}, indent=2))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"count": 1, "articles": [{"text": text.frigate}]}))
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps({"text": text.howitzers}) + "\n" + json.dumps({"text": "x"}))
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "The army"')
    docs, errs = split(read(single, wrapped, lines, broken))
    assert [d.id for d in docs] == ["one", "wrapped-0", "lines-0", "lines-1"]
    assert docs[1].text == text.frigate
    assert [e.reason for e in errs] == ["item 1: invalid JSON (Expecting ',' delimiter at line 1)"]


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not present")
def test_shared_seeds(read, split):
    docs, errs = split(read(SEEDS))
    assert not errs
    assert [d.id for d in docs] == ["seed-000", "seed-001", "seed-002"]
    assert all(d.text.strip() and d.published for d in docs)
    assert docs[0].extra.get("source") == "seed"


def test_large_jsonl_is_streamed(tmp_path, read):
    from materiel.ingest import ReaderOptions, read_paths

    sentence = "The ministry signed a contract for 24 howitzers on 3 March. "
    body = sentence * 33  # about 2 KB per record
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(25_000):
            out.write(json.dumps({"id": f"r{i}", "text": body}) + "\n")
    assert path.stat().st_size > 50_000_000
    tracemalloc.start()
    try:
        count = 0
        for item in read_paths([str(path)], ReaderOptions()):
            assert isinstance(item, Document)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 25_000
    assert peak < 5_000_000, f"peak {peak} bytes"


def test_jsonl_reads_a_large_file_whole(tmp_path):
    from materiel.ingest import ReaderOptions, read_paths

    path = tmp_path / "speed.jsonl"
    record = {
        "text": "The navy commissioned its third frigate on Tuesday. " * 20,
        "title": "Frigate",
        "published": "2024-03-05T10:00:00Z",
        "url": "https://x.org/a",
    }
    path.write_text("".join(json.dumps(record) + "\n" for _ in range(20_000)))
    items = list(read_paths([str(path)], ReaderOptions()))
    # its speed is benchmarks/ingest.py's read-only pass, never a timed test
    assert len(items) == 20_000
    assert all(isinstance(i, Document) for i in items)
    assert not any(isinstance(i, ReadError) for i in items)


def test_json_file_over_the_limit(tmp_path, read, split, text):
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"text": text.howitzers}, {"text": text.frigate}]))
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps({"text": text.howitzers}) + "\n" + json.dumps({"text": text.radar}))
    docs, errs = split(read(array, lines, max_document_bytes=200))
    assert [d.text for d in docs] == [text.howitzers, text.radar]
    assert [e.reason for e in errs] == [
        f"too large for one document ({array.stat().st_size} bytes)"
    ]


def _array(records: list[dict]) -> str:
    return "[\n" + ",\n".join("  " + json.dumps(r) for r in records) + "\n]\n"


def test_damaged_record_in_a_json_array_costs_only_itself(tmp_path, read, split):
    records = [{"id": f"a{i}", "text": f"The navy ordered {i + 2} boats."} for i in range(5)]
    text = _array(records)
    damaged = tmp_path / "damaged.json"
    damaged.write_text(text.replace('"id": "a1", "text"', '"id": "a1" "text"'))  # a comma lost
    docs, errs = split(read(damaged))
    assert [d.id for d in docs] == ["a0", "a2", "a3", "a4"]
    assert [e.record for e in errs] == [2] and errs[0].reason.startswith("item 2: invalid JSON")
    nul = tmp_path / "nul.json"
    nul.write_bytes(text.replace("4 boats", "4 bo\x00ats").encode())  # a raw NUL in item 3
    docs, errs = split(read(nul))
    assert [d.id for d in docs] == ["a0", "a1", "a3", "a4"] and len(errs) == 1


def test_json_array_cut_short_keeps_the_items_before(tmp_path, read, split):
    records = [{"id": f"c{i}", "text": f"The army ordered {i + 10} trucks."} for i in range(4)]
    text = _array(records)
    cut = tmp_path / "cut.json"
    cut.write_text(text[: text.index('{"id": "c2"') + 12])
    docs, errs = split(read(cut))
    assert [d.id for d in docs] == ["c0", "c1"]
    assert len(errs) == 1 and errs[0].reason.startswith("item 3: invalid JSON")
    at_boundary = tmp_path / "boundary.json"
    at_boundary.write_text(text[: text.index(',\n  {"id": "c3"')])  # no closing bracket
    docs, errs = split(read(at_boundary))
    assert [d.id for d in docs] == ["c0", "c1", "c2"] and len(errs) == 1
