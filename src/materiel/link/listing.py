"""Event listings by real event: a page of stored events (output-contract records, newest
first) folded so that each canonical event appears once, with its number of sources, its
conflicting values, its story links and every mention behind it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from materiel.link.records import canonical_of, records


def by_canonical(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with one per canonical event (its first, i.e. newest, mention in the list),
    each given `canonical_id`, `sources`, `outlets`, `conflicts`, `story` and `mentions`; a
    row without a canonical event stays as it is, with one source."""
    links = canonical_of(conn, [r["event_id"] for r in rows])
    found = records(conn, set(links.values()))
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    for row in rows:
        canonical_id = links.get(row["event_id"])
        record = found.get(canonical_id) if canonical_id is not None else None
        if record is None:
            out.append({**row, "canonical_id": None, "sources": 1, "mentions": []})
            continue
        if record["canonical_id"] in seen:
            continue
        seen.add(record["canonical_id"])
        out.append({**row, "canonical_id": record["canonical_id"],
                    "canonical": {k: record[k] for k in ("date", "status", "args")},
                    "sources": record["sources"], "outlets": record["outlets"],
                    "conflicts": record["conflicts"], "story": record["story"],
                    "mentions": record["mentions"]})
    return out
