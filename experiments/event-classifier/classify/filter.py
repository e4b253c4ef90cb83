"""Drop an extractor's events whose evidence sentence the classifier finds unlikely."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from materiel.classify.model import SentenceClassifier
from materiel.models import CleanDocument, Event

if TYPE_CHECKING:
    from materiel.pipeline import EventSink


def default_model_path() -> Path:
    return Path(str(resources.files("materiel") / "data" / "classifier" / "model.json"))


class EventTypeFilter:
    """Wraps any extractor with `extract_many`: each event whose evidence gets a probability
    below the threshold for the event's type is dropped (`flag_only` keeps it, with a flag)."""

    def __init__(
        self,
        extractor: EventSink,
        model: SentenceClassifier | str | Path | None = None,
        threshold: float | None = None,
        flag_only: bool = False,
    ):
        self.extractor = extractor
        if not isinstance(model, SentenceClassifier):
            model = SentenceClassifier.load(model or default_model_path())
        self.model = model
        self.threshold = model.threshold if threshold is None else threshold
        self.flag_only = flag_only

    def keep(self, events: list[Event]) -> list[Event]:
        probs = self.model.predict([e.evidence for e in events])
        kept = []
        for event, p in zip(events, probs, strict=True):
            score = p.get(event.type, p.get("event"))
            if score is None or score >= self.threshold:
                kept.append(event)
            elif self.flag_only:
                event.flags.append(f"classifier: p({event.type})={score:.2f}")
                kept.append(event)
        return kept

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for clean_doc, events in self.extractor.extract_many(clean_docs):
            yield clean_doc, self.keep(events) if events else events
