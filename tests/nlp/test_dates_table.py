"""The date table (`dates_table.yaml`): each sentence is parsed, so the clause's tense is read
as in the pipeline, and the expression (or, for `anchor` rows, the event) must get the date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from materiel.nlp.types import DateValue

TABLE = Path(__file__).with_name("dates_table.yaml")
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def _text(value: object) -> str | None:
    return None if value is None else str(value)  # YAML reads 2024-07-10 as a date


def _row_id(row: dict[str, Any]) -> str:
    return f"{_text(row['published'])}: {row['text'][:60]}"


def _expression(dates: list[DateValue], expr: str | None) -> DateValue | None:
    for d in dates:
        if expr is None or expr in d.text:
            return d
    return None


def test_table_is_large_and_well_formed():
    assert len(ROWS) >= 80
    for row in ROWS:
        assert {"published", "text", "date"} <= set(row), row
        if row["date"] is not None:
            assert row.get("precision") in ("day", "month", "year"), row
            assert (
                len(_text(row["date"]) or "")
                == {"day": 10, "month": 7, "year": 4}[row["precision"]]
            ), row


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(r) for r in ROWS])
def test_date_table(row: dict[str, Any], parse):
    doc = parse(row["text"], _text(row["published"]))
    expected = _text(row["date"])
    if row.get("anchor"):
        mentions = doc._.mentions or []
        assert mentions, "no event read from the sentence"
        got = mentions[0].date
    else:
        got = _expression(doc._.dates or [], row.get("expr"))
    if expected is None:
        assert got is None or got.target, got
        return
    assert got is not None
    assert (got.value, got.precision) == (expected, row["precision"])
    assert got.target == bool(row.get("target", False))
