"""Flat rows of events: one per event (a column per role) or one per argument."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from materiel.models import ROLES

# Every role of every type, in the order the types list them: the columns stay the same
# whatever the selection holds, so a header can be written before the first row is read.
ROLE_COLUMNS = list(dict.fromkeys(role for roles in ROLES.values() for role in roles))
EVENT_COLUMNS = ["event_id", "doc", "date", "type", "status", "confidence", *ROLE_COLUMNS,
                 "summary", "evidence", "outlet", "published", "url", "title", "flags"]
ARG_COLUMNS = ["event_id", "doc", "date", "type", "status", "confidence", "role", "position",
               "text", "name", "entity_id", "value", "currency", "evidence"]
SEPARATOR = "; "


def shown(value: dict[str, Any]) -> str:
    """An argument as a reader wants it in one cell: money with its currency, else the name."""
    number = value.get("value")
    if number is None:
        return str(value.get("name") or value.get("text") or "")
    if value.get("currency"):
        return f"{number:.0f} {value['currency']}"
    return f"{number:.0f}" if float(number).is_integer() else str(number)


def event_row(record: dict[str, Any]) -> list[Any]:
    # only the roles the event has are worked out; the other columns are empty
    cells = {role: SEPARATOR.join([shown(v) for v in values])
             for role, values in record["args"].items()}
    return [
        record["event_id"], record["doc"], record["date"], record["type"], record["status"],
        record["confidence"],
        *[cells.get(role, "") for role in ROLE_COLUMNS],
        record["summary"], record["evidence"], record["outlet"], record["published"],
        record["url"], record["title"], SEPARATOR.join(record["flags"]),
    ]


def argument_rows(record: dict[str, Any]) -> Iterator[list[Any]]:
    head = [record["event_id"], record["doc"], record["date"], record["type"],
            record["status"], record["confidence"]]
    for role, values in record["args"].items():
        for position, v in enumerate(values):
            yield [*head, role, position, v.get("text"), v.get("name"), v.get("id"),
                   v.get("value"), v.get("currency"), record["evidence"]]


def table(records: Iterable[dict[str, Any]], per: str) -> tuple[list[str], Iterator[list[Any]]]:
    """The header and the rows, `per` "event" or "arg"."""
    if per == "event":
        return EVENT_COLUMNS, (event_row(r) for r in records)
    if per == "arg":
        return ARG_COLUMNS, (row for r in records for row in argument_rows(r))
    raise ValueError(f"rows are per 'event' or per 'arg', not {per!r}")
