"""An Atom feed of a search: the newest events that match it, for a feed reader to follow."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from materiel.export.options import ExportOptions

MEDIA_TYPE = "application/atom+xml; charset=utf-8"
SUFFIX = ".atom"
NS = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 200  # a feed reader wants the latest, not the archive


def _timestamp(value: str | None, fallback: str) -> str:
    """An RFC 3339 time from a stored date of any precision ("2025" is its first day)."""
    if not value:
        return fallback
    try:
        moment = datetime.fromisoformat(value + "-01-01"[: max(0, 10 - len(value))])
    except ValueError:
        return fallback
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds")


def _text(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{NS}}}{tag}", attrs)
    node.text = text or ""
    return node


def _entry(feed: ET.Element, record: dict[str, Any], base: str, fallback: str) -> None:
    entry = ET.SubElement(feed, f"{{{NS}}}entry")
    _text(entry, "id", f"{base}/api/v1/events/{record['event_id']}")
    _text(entry, "title", f"{record['type']}: {record['summary']}")
    _text(entry, "updated", _timestamp(record["date"] or record["published"], fallback))
    ET.SubElement(entry, f"{{{NS}}}link", {"rel": "alternate",
                                            "href": f"{base}/events/{record['event_id']}"})
    if str(record.get("url") or "").lower().startswith(("http://", "https://")):
        ET.SubElement(entry, f"{{{NS}}}link", {"rel": "related", "href": record["url"]})
    _text(entry, "category", None, term=record["type"])
    _text(entry, "summary", record["evidence"], type="text")


def chunks(records: Iterable[dict[str, Any]], manifest: dict[str, Any],
           options: ExportOptions) -> Iterator[bytes]:
    ET.register_namespace("", NS)
    base = options.base_url.rstrip("/")
    query = json.dumps(manifest["query"], sort_keys=True)
    updated = _timestamp(manifest["database"]["last_change"], manifest["created"])
    feed = ET.Element(f"{{{NS}}}feed")
    digest = hashlib.sha256(query.encode()).hexdigest()[:16]
    _text(feed, "id", f"{base}/api/v1/export?feed={digest}")
    _text(feed, "title", options.title)
    _text(feed, "subtitle", f"events matching {query}")
    _text(feed, "updated", updated)
    _text(feed, "generator", "materiel", version=str(manifest["materiel"]))
    n = 0
    for record in records:
        if n == MAX_ENTRIES:
            break
        _entry(feed, record, base, updated)
        n += 1
    manifest["rows"] = n
    yield b'<?xml version="1.0" encoding="utf-8"?>\n'
    yield ET.tostring(feed, encoding="utf-8", xml_declaration=False)
