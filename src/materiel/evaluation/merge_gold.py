"""The linker alone: the merge set's documents stored with their annotated events in place of
extracted ones, so that merging is measured apart from extraction's misses and mistakes.

`GoldEvents` is an extractor (the pipeline's `EventSink`) that returns, for each document,
its annotated events (`annotations/corpus`, and `annotations/merge/events.jsonl` for the
few merge-set articles annotated only for merging) as extraction would write them: the
first spelling of each value as its text, resolved against the knowledge base by the same
linker extraction uses, numbers parsed into value and currency.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from materiel.annotate.articles import Articles
from materiel.annotate.merges import MERGE_DIR
from materiel.annotate.offsets import to_gold
from materiel.annotate.store import ANNOTATIONS, load_offsets
from materiel.extract.resolve import KBLinker
from materiel.models import Argument, CleanDocument, Event

MERGE_EVENTS = MERGE_DIR / "events.jsonl"


def gold_records(articles: Articles, paths: Iterable[Path] | None = None
                 ) -> dict[str, dict[str, Any]]:
    """doc id -> its gold record (EVENTS.md §4), rebuilt from the stored offsets."""
    paths = list(paths) if paths is not None else [ANNOTATIONS / "corpus", MERGE_EVENTS]
    out: dict[str, dict[str, Any]] = {}
    for stored in load_offsets([p for p in paths if p.exists()]):
        gold = to_gold(stored, articles.get(stored["doc"]))
        if stored["doc"] in out:  # one article in two files: every event counts once
            known = out[stored["doc"]]["events"]
            known += [e for e in gold["events"] if e not in known]
        else:
            out[stored["doc"]] = gold
    return out


def _number(role: str, value: Any) -> Argument:
    if role == "value":
        amount, _, currency = str(value).partition(" ")
        return Argument(text=str(value), value=float(amount), currency=currency or None)
    return Argument(text=str(value), value=float(value))


def arguments(args: Mapping[str, list[Any]]) -> dict[str, list[Argument]]:
    """Gold role values as unresolved arguments: the first of "A|B" spellings as text."""
    out: dict[str, list[Argument]] = {}
    for role, values in args.items():
        if role in ("quantity", "value"):
            out[role] = [_number(role, v) for v in values]
        else:
            out[role] = [Argument(text=str(v).split("|")[0].strip()) for v in values]
    return out


class GoldEvents:
    """An extractor that returns each document's annotated events."""

    def __init__(self, gold: Mapping[str, dict[str, Any]], linker: KBLinker | None = None):
        self.gold = gold
        self.linker = linker if linker is not None else KBLinker.load()

    def _event(self, clean: CleanDocument, raw: Mapping[str, Any], ctx: Any) -> Event:
        evidence = str(raw.get("evidence") or "")
        start = clean.text.find(evidence) if evidence else -1
        event = Event(doc=clean.doc.id, type=str(raw["type"]), args=arguments(raw["args"]),
                      date=raw.get("date"), status=raw.get("status"), evidence=evidence,
                      evidence_start=start if start >= 0 else None,
                      evidence_end=start + len(evidence) if start >= 0 else None,
                      confidence=1.0)
        if self.linker is not None and ctx is not None:
            self.linker.link(event, {}, ctx)
        return event

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for clean in clean_docs:
            record = self.gold.get(clean.doc.id)
            if record is None:
                yield clean, []
                continue
            ctx = (self.linker.new_document(clean.text, clean.doc.published)
                   if self.linker is not None else None)
            yield clean, [self._event(clean, raw, ctx) for raw in record["events"]]
