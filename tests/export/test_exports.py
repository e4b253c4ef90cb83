from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from _shared import SHARED
from materiel.export import ExportOptions, export_file, sidecar_path
from materiel.export.parquet import MANIFEST_KEY
from materiel.export.rows import ARG_COLUMNS, EVENT_COLUMNS, ROLE_COLUMNS
from materiel.store.query import EventQuery, iter_events
from workbench import HOSTILE_TITLE, insert_events

ALL = EventQuery()


def _records(store, query=ALL):
    return list(iter_events(store, query))


def _manifest(path: Path) -> dict:
    return json.loads(sidecar_path(path).read_text(encoding="utf-8"))


def test_csv_round_trip_one_row_per_event(store, tmp_path):
    path = tmp_path / "events.csv"
    export_file(store, ALL, "csv", path, ExportOptions(bom=True))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    records = _records(store)
    assert [int(r["event_id"]) for r in rows] == [e["event_id"] for e in records]
    assert list(rows[0]) == EVENT_COLUMNS and set(ROLE_COLUMNS) <= set(rows[0])
    aid = next(r for r in rows if r["type"] == "aid")
    assert aid["donor"] == "Estonia; Latvia" and aid["recipient"] == "Ukraine"
    buy = next(r for r in rows if r["type"] == "procurement")
    assert buy["quantity"] == "40" and buy["title"] == HOSTILE_TITLE
    manifest = _manifest(path)
    assert manifest["rows"] == len(records) and manifest["format"] == "csv"
    assert manifest["database"]["last_change"] and manifest["database"]["events"] >= len(rows)


def test_csv_one_row_per_argument_and_no_formulas(store, tmp_path):
    path = tmp_path / "args.csv"
    export_file(store, EventQuery(type="aid"), "csv", path, ExportOptions(rows="arg"))
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == ARG_COLUMNS
    # "The package also includes 2,000 artillery shells.": the package's goods (spec §6)
    assert sorted((r["role"], r["text"]) for r in rows) == [
        ("donor", "Estonia"), ("donor", "Latvia"), ("item", "air defense radars"),
        ("item", "artillery shells"), ("recipient", "Ukraine")]
    assert _manifest(path)["query"] == {"type": "aid"}


def test_csv_cells_never_start_a_formula():
    from materiel.export.csv_format import _cells

    assert _cells(["=HYPERLINK(\"x\")", "+1", "-2", "@a", "\tb", "plain", "", 4.5, None]) == [
        "'=HYPERLINK(\"x\")", "'+1", "'-2", "'@a", "'\tb", "plain", "", 4.5, None]


def test_jsonl_is_the_output_contract(store, tmp_path):
    path = tmp_path / "events.jsonl"
    export_file(store, ALL, "jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == _records(store)
    for event in lines:
        assert {"doc", "type", "date", "status", "args", "evidence", "summary",
                "confidence"} <= set(event)


def test_parquet_round_trip_in_row_groups(store, tmp_path):
    path = tmp_path / "events.parquet"
    export_file(store, ALL, "parquet", path, ExportOptions(flush_rows=2))
    parquet = pq.ParquetFile(path)
    records = _records(store)
    assert parquet.metadata.num_rows == len(records)
    assert parquet.metadata.num_row_groups == (len(records) + 1) // 2
    table = parquet.read().to_pylist()
    assert [r["event_id"] for r in table] == [e["event_id"] for e in records]
    aid = next(r for r in table if r["type"] == "aid")
    assert [(a["role"], a["text"]) for a in aid["args"] if a["role"] == "donor"] == [
        ("donor", "Estonia"), ("donor", "Latvia")]
    inside = json.loads(parquet.metadata.metadata[MANIFEST_KEY])
    assert inside["rows"] == len(records) and "created" in inside


def test_xlsx_round_trip_keeps_text_as_text(store, tmp_path):
    path = tmp_path / "events.xlsx"
    export_file(store, ALL, "xlsx", path)
    book = load_workbook(path, read_only=True)
    rows = list(book["events"].iter_rows(values_only=True))
    assert list(rows[0]) == EVENT_COLUMNS
    records = _records(store)
    assert [r[0] for r in rows[1:]] == [e["event_id"] for e in records]
    titles = {r[EVENT_COLUMNS.index("title")] for r in rows[1:]}
    assert HOSTILE_TITLE in titles
    about = dict(book["manifest"].iter_rows(values_only=True))
    assert about["rows"] == len(records) and about["format"] == "xlsx"


def test_xlsx_never_writes_a_formula(tmp_path):
    from openpyxl import Workbook

    from materiel.export.xlsx import _cell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    sheet.append([_cell(sheet, "=1+1"), _cell(sheet, "bell\x07")])
    book.save(tmp_path / "f.xlsx")
    cells = next(load_workbook(tmp_path / "f.xlsx")["s"].iter_rows())
    assert cells[0].data_type == "s" and cells[0].value == "=1+1"
    assert cells[1].value == "bell"


def _reference_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("the reference scorer is not here")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_export_holds_what_reviewers_judged_and_scores_in_the_reference_scorer(
        store, tmp_path):
    from materiel import review

    scorer = _reference_scorer()
    by_doc: dict[str, list[int]] = {}
    for e in _records(store):
        by_doc.setdefault(e["doc"], []).append(e["event_id"])
    assert {"wb-1", "wb-2", "wb-3"} <= set(by_doc)
    for event_id in by_doc["wb-1"]:
        review.accept(store, event_id, "ana")
    for event_id in by_doc["wb-3"]:
        review.reject(store, event_id, "ana", "not an event")
    gold_path, pred_path = tmp_path / "events.gold.jsonl", tmp_path / "events.jsonl"
    export_file(store, ALL, "gold", gold_path)
    export_file(store, EventQuery(review="accepted"), "jsonl", pred_path)
    gold = {d["doc"]: d for d in scorer.load_jsonl(str(gold_path))}
    # judged documents only: every event of wb-2 and the rest is still unreviewed
    assert set(gold) == {"wb-1", "wb-3"}
    assert gold["wb-3"]["events"] == []  # all rejected: a document without events
    assert gold["wb-1"]["events"][0]["args"]["quantity"] == [40]
    preds: dict[str, list] = {}
    for event in scorer.load_jsonl(str(pred_path)):
        preds.setdefault(event["doc"], []).append(event)
    result = scorer.score(gold, preds)
    assert result["event"]["f1"] == 1.0 and result["argument"]["f1"] == 1.0
    manifest = _manifest(gold_path)
    assert manifest["reviewed_only"] is True and manifest["rows"] == 2
    assert manifest["events"] == len(by_doc["wb-1"])
    # a document of two events: gold once both are judged, with the one that stands
    insert_events(store, "gold", ["2025-01-02", "2025-01-03"])
    first, second = [e["event_id"] for e in _records(store, EventQuery(doc="late-gold"))]
    review.accept(store, first, "ana")
    export_file(store, ALL, "gold", gold_path)
    assert {d["doc"] for d in scorer.load_jsonl(str(gold_path))} == {"wb-1", "wb-3"}
    review.reject(store, second, "ana")
    export_file(store, ALL, "gold", gold_path)
    lines = {d["doc"]: d for d in scorer.load_jsonl(str(gold_path))}
    assert [e["date"] for e in lines["late-gold"]["events"]] == [
        next(e["date"] for e in _records(store) if e["event_id"] == first)]


def test_atom_feed_of_a_search(store, tmp_path):
    path = tmp_path / "feed.atom"
    export_file(store, EventQuery(outlet="Northern Wire"), "atom", path,
                ExportOptions(base_url="https://materiel.example"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(path).getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(_records(store, EventQuery(outlet="Northern Wire"))) >= 2
    assert feed.find("a:updated", ns).text
    links = [link.get("href") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert all(href.startswith("https://") for href in links), links  # no javascript:
    assert "Northern Wire" in feed.find("a:subtitle", ns).text


def test_streaming_reads_one_snapshot(store):
    """Rows written while an export runs do not show up in it halfway."""
    expected = [e["event_id"] for e in _records(store)]
    stream = iter_events(store, ALL, batch=2)
    first = next(stream)
    insert_events(store, "meanwhile", ["2020-01-01", ""])  # would sort after every batch
    assert [first["event_id"]] + [e["event_id"] for e in stream] == expected
    assert len(_records(store)) == len(expected) + 2


def test_a_failed_export_leaves_no_half_file(store, tmp_path, monkeypatch):
    from materiel.export import jsonl

    def broken(records, manifest, options):
        yield b"{}\n"
        raise RuntimeError("disk gone")

    monkeypatch.setattr(jsonl, "chunks", broken)
    path = tmp_path / "events.jsonl"
    with pytest.raises(RuntimeError):
        export_file(store, ALL, "jsonl", path)
    assert list(tmp_path.glob("events.jsonl*")) == []
