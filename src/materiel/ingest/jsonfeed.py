"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1): one Document per item."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from materiel.models import Document, ReadError

from .common import Source, normalize_date, sha256
from .html import fragment_to_text

_VERSION = "jsonfeed.org/version/"


def is_json_feed(obj: Any) -> bool:
    version = obj.get("version") if isinstance(obj, dict) else None
    return isinstance(version, str) and _VERSION in version and isinstance(obj.get("items"), list)


def _string(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # ids are strings in the spec, numbers in some feeds
    return (value.strip() or None) if isinstance(value, str) else None


def _authors(item: Mapping[str, Any], feed: Mapping[str, Any]) -> str | None:
    """Names from `authors` (1.1) or `author` (1.0), the item's first, else the feed's."""
    for source in (item, feed):
        people = source.get("authors")
        if not isinstance(people, list):
            people = [source.get("author")]
        names = [_string(p.get("name")) for p in people if isinstance(p, dict)]
        if found := [n for n in names if n]:
            return ", ".join(found)
    return None


def _body(item: Mapping[str, Any]) -> str:
    text = _string(item.get("content_text"))
    if text:
        return text
    html = _string(item.get("content_html"))
    return fragment_to_text(html) if html else _string(item.get("summary")) or ""


def _language(value: Any) -> str | None:
    text = _string(value)
    return (text.replace("_", "-").split("-")[0].lower() or None) if text else None


def read_json_feed(feed: Mapping[str, Any], src: Source) -> Iterator[Document | ReadError]:
    outlet = _string(feed.get("title"))
    for index, item in enumerate(feed["items"]):
        label = f"item {index + 1}"
        if not isinstance(item, dict):
            yield src.error(f"{label}: expected a JSON object", index)
            continue
        title = _string(item.get("title"))
        body = _body(item)
        if not (body or title):
            yield src.error(f"{label}: no text", index)
            continue
        url = _string(item.get("url")) or _string(item.get("external_url"))
        doc_id = _string(item.get("id")) or url or f"{src.stem}-{index}"
        extra: dict[str, Any] = {} if body else {"text_from": "title"}
        if tags := [t for t in item.get("tags") or [] if isinstance(t, str) and t.strip()]:
            extra["categories"] = tags
        raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield Document(
            id=doc_id,
            text=body or title or "",
            title=title,
            url=url,
            published=normalize_date(item.get("date_published"))
            or normalize_date(item.get("date_modified")),
            outlet=outlet,
            author=_authors(item, feed),
            language=_language(item.get("language")) or _language(feed.get("language")),
            provenance=src.provenance(sha256(raw), index),
            extra=extra,
        )
