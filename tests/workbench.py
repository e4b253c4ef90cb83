"""A small store for the API and export tests, filled by the real pipeline.

The documents are written for these tests; one carries markup in its title, text and URL
so the tests can check that it comes back as data.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import Store

HOSTILE_TITLE = '<script>alert("t")</script> Finland orders howitzers'
HOSTILE_URL = "javascript:alert(1)"

DOCUMENTS = [
    {"id": "wb-1", "outlet": "Northern Wire", "published": "2025-05-03",
     "url": HOSTILE_URL, "title": HOSTILE_TITLE,
     "text": "Finland ordered 40 K9 howitzers from Hanwha Aerospace on 2 May 2025. "
             "<script>alert('x')</script> The <b onmouseover=\"alert(2)\">deal</b> "
             "is worth 300 million euros."},
    {"id": "wb-2", "outlet": "Baltic Ledger", "published": "2025-06-10",
     "url": "https://ledger.example/aid",
     "title": "Estonia pledges radars",
     "text": "Estonia and Latvia pledged air defense radars to Ukraine on 9 June 2025. "
             "The package also includes 2,000 artillery shells."},
    {"id": "wb-3", "outlet": "Baltic Ledger", "published": "2025-03-14",
     "url": "https://ledger.example/budget",
     "title": "Poland raises its defense budget",
     "text": "Poland announced on 12 March 2025 that it will raise defense spending to "
             "4.7 percent of GDP next year."},
    {"id": "wb-4", "outlet": "Northern Wire", "published": "2025-04-22",
     "url": "https://wire.example/plant",
     "title": "Rheinmetall opens plant",
     "text": "Rheinmetall opened a new ammunition plant in Unterluess on 21 April 2025. "
             "The factory will produce 200,000 artillery shells a year."},
    {"id": "wb-5", "outlet": "Harbor Post", "published": "2025-02-05",
     "url": "https://post.example/sanction",
     "title": "Sanctions on drone makers",
     "text": "The United States imposed sanctions on three Iranian drone makers on "
             "4 February 2025."},
    {"id": "wb-6", "outlet": "Harbor Post", "published": "2025-06-20",
     "url": "https://post.example/meeting",
     "title": "Defense ministers meet",
     "text": "The defense ministers of France and Germany met in Paris on 19 June 2025 "
             "to discuss joint tank production."},
]


def write_corpus(path: Path, docs: list[dict[str, str]] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs or DOCUMENTS:
            fh.write(json.dumps(doc) + "\n")
    return path


def build_store(folder: Path) -> Path:
    """A SQLite file holding DOCUMENTS and the events the pipeline finds in them."""
    from materiel.pipeline import ingest, make_extractor

    db = folder / "workbench.db"
    store = Store.open(str(db))
    try:
        ingest([str(write_corpus(folder / "corpus.jsonl"))], store, extractor=make_extractor())
    finally:
        store.close()
    return db


def copy_store(source: Path, folder: Path) -> Path:
    """A private copy (tests that write must not disturb the others)."""
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def insert_events(store: Store, tag: str, dates: list[str]) -> None:
    """A new document `tag` with one procurement event per date ("" for none)."""
    text = f"Norway ordered {tag} radars from a maker."
    doc = Document(id=f"late-{tag}", text=text,
                   provenance=Provenance(path=f"{tag}.jsonl", record=0, content_hash=tag))
    clean = CleanDocument(doc=doc, text=text, sentences=[Sentence(0, len(text), text)])
    found = [Event(doc=doc.id, type="procurement", date=d or None, status="done",
                   args={"buyer": [Argument("Norway")]}, evidence=text, evidence_start=0,
                   evidence_end=len(text), confidence=0.5) for d in dates]
    with store.transaction() as conn:
        store.add_events(conn, store.add(conn, clean).document_id, clean, found)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("workbench"))


@pytest.fixture
def store(built_db, tmp_path):
    """A private copy of the workbench store (tests may write to it)."""
    opened = Store.open(str(copy_store(built_db, tmp_path)))
    yield opened
    opened.close()
