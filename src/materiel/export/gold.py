"""The gold format of EVENTS.md: one line per document with its events, ready for
`materiel eval` and the reference scorer. Gold is what reviewers judged: the documents whose
every event has been reviewed, each with the events that stand (`query.iter_reviewed`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from materiel.export.options import ExportOptions

MEDIA_TYPE = "application/x-ndjson"
SUFFIX = ".gold.jsonl"


def spellings(value: dict[str, Any]) -> Any:
    """A gold value: a number, money as "N CUR", else the text and name joined by |."""
    if value.get("value") is not None:
        number = value["value"]
        if value.get("currency"):
            return f"{number:.0f} {value['currency']}"
        return int(number) if float(number).is_integer() else number
    forms = [value.get("text"), value.get("name")]
    return "|".join(dict.fromkeys(f.replace("|", " ") for f in forms if f))


def gold_event(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": record["type"],
        "date": record["date"],
        "status": record["status"],
        "args": {role: [spellings(v) for v in values]
                 for role, values in record["args"].items()},
        "evidence": record["evidence"],
    }


def chunks(documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]],
           manifest: dict[str, Any], options: ExportOptions) -> Iterator[bytes]:
    n_docs = n_events = 0
    for document, found in documents:
        line = {"doc": document["doc"], "published": document["published"],
                "events": [gold_event(r) for r in found]}
        n_docs += 1
        n_events += len(found)
        yield (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
    manifest["rows"] = n_docs
    manifest["events"] = n_events
