"""Documents and an extractor written for the review tests: one event per sentence whose
second word is a verb it knows, so that re-ingesting gives the same events again."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from materiel.models import Argument, CleanDocument, Event

VERBS = {"ordered": ("procurement", "buyer"), "donated": ("aid", "donor"),
         "sanctioned": ("sanction", "imposer")}

ARTICLES = [
    {"id": "rv-1", "title": "Orders", "published": "2025-03-02",
     "text": "Norway ordered ten radars from a maker on 1 March 2025. "
             "Denmark donated two boats to Estonia. The weather was mild. "
             "Officials from both capitals spoke at length about coastal patrols, "
             "training schedules, spare parts and the upkeep of harbour facilities "
             "during a long afternoon session that ran past its planned end."},
    {"id": "rv-2", "title": "Sanctions", "published": "2025-04-09",
     "text": "Canada sanctioned a shipping firm on 8 April 2025. "
             "Chile ordered four trainers."},
]


class VerbExtractor:
    """Finds one event per sentence whose second word is a verb of VERBS."""

    def __init__(self) -> None:
        self.runs = 0

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        self.runs += 1
        for clean in clean_docs:
            found = []
            for sentence in clean.sentences:
                words = sentence.text.split()
                if len(words) > 1 and words[1] in VERBS:
                    kind, role = VERBS[words[1]]
                    found.append(Event(
                        doc=clean.doc.id, type=kind, args={role: [Argument(
                            words[0], start=sentence.start,
                            end=sentence.start + len(words[0]))]},
                        evidence=sentence.text, evidence_start=sentence.start,
                        evidence_end=sentence.end, summary=sentence.text,
                        confidence=0.2 + 0.1 * len(found)))
            yield clean, found


def write_articles(folder: Path, articles: list[dict[str, str]] | None = None) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles or ARTICLES))
    return path


