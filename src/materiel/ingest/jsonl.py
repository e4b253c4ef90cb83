"""JSON Lines (one object per line) and JSON files holding a list of objects (an array that
does not parse whole is read item by item: a damaged record costs only itself)."""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from materiel.models import Document, ReadError

from .common import Source, iter_lines, prepend, record_to_document, sha256, utf8_stream
from .encoding import LineDecoder, decode_bytes
from .jsonfeed import is_json_feed, read_json_feed
from .options import ReaderOptions


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    return "null" if value is None else kinds.get(type(value), "a number")


def read_jsonl(
    stream: IO[bytes], src: Source, options: ReaderOptions, encoding: str | None = None
) -> Iterator[Document | ReadError]:
    """One Document per line; a bad line gives a ReadError and reading goes on.
    Record numbers are 0-based line numbers; reasons say "line N" counting from 1."""
    stream, exact_offsets = utf8_stream(stream, encoding)
    decode = LineDecoder(encoding)
    limit = options.max_document_bytes
    for index, (offset, raw) in enumerate(iter_lines(stream, limit)):
        label = f"line {index + 1}"
        if raw is None:
            yield src.error(f"{label}: too long (over {limit} bytes)", index)
            continue
        line = raw.rstrip(b"\r\n")
        if index == 0 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        try:
            obj = json.loads(decode(line))
        except json.JSONDecodeError as exc:
            yield src.error(f"{label}: invalid JSON ({exc.msg})", index)
            continue
        except RecursionError:
            yield src.error(f"{label}: invalid JSON (nested too deeply)", index)
            continue
        if not isinstance(obj, dict):
            yield src.error(f"{label}: expected a JSON object, got {_kind(obj)}", index)
            continue
        yield record_to_document(
            obj,
            src=src,
            index=index,
            label=label,
            options=options,
            content_hash=sha256(line),
            offset=offset if exact_offsets else None,
        )


def _items(obj: Any, text_field: str) -> list[Any] | None:
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        if text_field in obj:
            return [obj]
        # A wrapper such as {"articles": [...]}: its only list holds the records.
        lists = [v for v in obj.values() if isinstance(v, list)]
        return lists[0] if len(lists) == 1 else None
    return None


def read_json(
    stream: IO[bytes], src: Source, options: ReaderOptions, encoding: str | None = None
) -> Iterator[Document | ReadError]:
    """A .json file: a list of objects (or one object), or a JSON Feed; JSON Lines content is
    read as such."""
    limit = options.max_document_bytes
    too_big = src.size is not None and src.size > limit
    data = stream.read(4096 if too_big else limit + 1)
    if too_big or len(data) > limit:
        # Too big to parse whole: only JSON Lines can be streamed.
        if data.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
            yield from read_jsonl(prepend(data, stream), src, options, encoding)
        else:
            size = f"{src.size} bytes" if too_big else f"over {limit} bytes"
            yield src.error(f"too large for one document ({size})")
        return
    text, _ = decode_bytes(data)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from read_jsonl(io.BytesIO(data), src, options, encoding)
        elif text.lstrip("\ufeff \t\r\n").startswith("["):
            yield from _array_items(_salvaged(text), src, options)
        else:
            yield src.error(f"invalid JSON ({exc.msg} at line {exc.lineno})")
        return
    except RecursionError:
        yield src.error("invalid JSON (nested too deeply)")
        return
    if is_json_feed(obj):
        yield from read_json_feed(obj, src)
        return
    items = _items(obj, options.text_field)
    if items is None:
        yield src.error(f"expected a JSON list of objects, got {_kind(obj)}")
        return
    yield from _array_items(enumerate(items), src, options)


def _array_items(
    items: Iterable[tuple[int, Any]], src: Source, options: ReaderOptions
) -> Iterator[Document | ReadError]:
    for index, item in items:
        label = f"item {index + 1}"
        if isinstance(item, json.JSONDecodeError):
            yield src.error(f"{label}: invalid JSON ({item.msg} at line {item.lineno})", index)
            continue
        if not isinstance(item, dict):
            yield src.error(f"{label}: expected a JSON object, got {_kind(item)}", index)
            continue
        raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield record_to_document(
            item, src=src, index=index, label=label, options=options, content_hash=sha256(raw)
        )


_NEXT_OBJECT = re.compile(r"\}\s*,\s*(?=\{)")


def _salvaged(text: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON array that does not parse whole, one by one: a damaged item becomes
    its decoding error and reading goes on at the next object ("}, {"), so one bad record does
    not cost the others; an array cut short ends with the error of its last item."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    index = 0
    while True:
        pos = _skip_space(text, pos)
        if pos >= len(text):
            yield index, json.JSONDecodeError("the array ends without ']' (cut short)", text, pos)
            return
        if text[pos] == "]":
            return
        try:
            item, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield index, exc
            resync = _NEXT_OBJECT.search(text, exc.pos)
            if resync is None:
                return
            pos, index = resync.end(), index + 1
            continue
        yield index, item
        index += 1
        pos = _skip_space(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos >= len(text) or text[pos] != "]":
            yield index, json.JSONDecodeError("expected ',' or ']' after an item", text, pos)
            return


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos
