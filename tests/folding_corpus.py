"""Documents written for the folded-feed tests (none copied from real articles), with the
events a scripted extractor reads from each: two real events each reported by two outlets
(their mentions far apart in every order the feed sorts by) and five reported once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from materiel.models import Argument, CleanDocument, Event
from materiel.pipeline import ingest
from materiel.store import Store

US = Argument("the United States", id="country:US")
UA = Argument("Ukraine", id="country:UA")
PL = Argument("Poland", id="country:PL")
DAY = "2022-11-04"


def _buyer(code: str, name: str, item: str) -> dict[str, list[Argument]]:
    return {"buyer": [Argument(name, id=f"country:{code}")], "item": [Argument(item)]}


# doc id -> (outlet, text, (type, date, status, args, confidence)), in storing order
ARTICLES: dict[str, tuple[str, str, tuple]] = {
    "hawk-wire": ("Wire One", "Washington pledged a $400 million package of HAWK missiles "
                  "to Ukraine on Friday.",
                  ("aid", DAY, "announced", {
                      "donor": [US], "recipient": [UA], "item": [Argument("HAWK missiles")],
                      "value": [Argument("$400 million", value=400e6, currency="USD")]}, 0.2)),
    "tanks-gazette": ("Gazette", "Poland signed for 180 K2 tanks on Friday, the ministry said.",
                      ("procurement", DAY, "done", {
                          "buyer": [PL], "item": [Argument("K2 tanks", id="equipment:k2")],
                          "quantity": [Argument("180", value=180.0)]}, 0.3)),
    "jets-herald": ("Herald", "India ordered twelve trainer jets on Friday.",
                    ("procurement", DAY, "done", _buyer("IN", "India", "trainer jets"), 0.4)),
    "boats-post": ("Post", "Japan bought six patrol boats on Friday.",
                   ("procurement", DAY, "done", _buyer("JP", "Japan", "patrol boats"), 0.5)),
    "radar-times": ("Times", "Chile ordered two coastal radars on Friday.",
                    ("procurement", DAY, "done", _buyer("CL", "Chile", "coastal radars"), 0.6)),
    "drones-courier": ("Courier", "Brazil acquired forty small drones on Friday.",
                       ("procurement", DAY, "done", _buyer("BR", "Brazil", "small drones"), 0.7)),
    "hawk-daily": ("Daily", "The United States will send HAWK missiles worth $425 million "
                   "to Ukraine, officials said.",
                   ("aid", DAY, "announced", {
                       "donor": [US], "recipient": [UA], "item": [Argument("HAWK missiles")],
                       "value": [Argument("$425 million", value=425e6, currency="USD")]}, 0.9)),
    "tanks-review": ("Review", "Warsaw's deal for 180 K2 tanks was signed on Friday.",
                     ("procurement", DAY, "done", {
                         "buyer": [PL], "item": [Argument("K2 tanks", id="equipment:k2")],
                         "quantity": [Argument("180", value=180.0)]}, 0.8)),
    "iris-monitor": ("Monitor", "Germany gave Ukraine an IRIS-T battery on Friday.",
                     ("aid", DAY, "done", {
                         "donor": [Argument("Germany", id="country:DE")], "recipient": [UA],
                         "item": [Argument("IRIS-T battery")]}, 0.55)),
}
PAIRS = (("hawk-wire", "hawk-daily"), ("tanks-gazette", "tanks-review"))


class Scripted:
    """An extractor that returns the event written above for each article."""

    def extract_many(self, clean_docs: Iterable[CleanDocument]
                     ) -> Iterator[tuple[CleanDocument, list[Event]]]:
        for clean in clean_docs:
            kind, date, status, args, confidence = ARTICLES[clean.doc.id][2]
            yield clean, [Event(doc=clean.doc.id, type=kind, date=date, status=status,
                                args=dict(args), evidence=clean.text, evidence_start=0,
                                evidence_end=len(clean.text), summary=clean.text,
                                confidence=confidence)]


def fill(url: str, folder: Path) -> Store:
    """A store at `url` holding the articles, linked as the ingest path links them."""
    path = folder / "folding.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for key, (outlet, text, _) in ARTICLES.items():
            fh.write(json.dumps({"id": key, "published": "2022-11-05", "outlet": outlet,
                                 "title": f"Story {key}", "text": text}) + "\n")
    store = Store.open(url)
    ingest([str(path)], store, extractor=Scripted(), batch_size=1)
    return store
