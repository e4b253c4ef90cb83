"""A store of a few thousand events written straight into the tables, for tests whose
subject is how counts and pages scale (time limits, query plans)."""

from __future__ import annotations

import random

from sqlalchemy import insert

from materiel.store import Store
from materiel.store.schema import documents, event_args, events

NATIONS = [("Chile", "country:CL"), ("Peru", "country:PE"), ("Norway", "country:NO"),
           ("Kenya", "country:KE"), ("Japan", "country:JP")]
ITEMS = ["frigates", "radars", "drones", "trucks"]


def many_events(url: str, n_docs: int = 1500, per_doc: int = 4) -> Store:
    """A store of n_docs * per_doc events, written straight into the tables."""
    rng = random.Random(5)
    store = Store.open(url)
    doc_rows, event_rows, arg_rows = [], [], []
    for d in range(n_docs):
        sentence = f"Report {d}: the navy ordered {rng.choice(ITEMS)} from a shipyard."
        doc_rows.append({"id": d + 1, "doc_key": f"d{d}", "title": f"Report {d}",
                         "url": None, "published": "2025-05-01", "outlet": f"Wire {d % 9}",
                         "author": None, "language": "en", "raw_text": sentence,
                         "clean_text": sentence, "content_hash": f"{d:064d}", "is_feed": False,
                         "stories": "[]", "segments": "[]", "cluster_id": None,
                         "ingested_at": "2026-01-01T00:00:00", "flags": "[]"})
        for _ in range(per_doc):
            event_id = len(event_rows) + 1
            (name1, id1), (name2, id2) = rng.sample(NATIONS, 2)
            event_rows.append({"id": event_id, "document_id": d + 1,
                               "type": rng.choice(["aid", "procurement"]), "date": "2025-05",
                               "status": "done", "evidence": sentence, "evidence_start": 0,
                               "evidence_end": len(sentence), "sentence_idx": 0,
                               "summary": sentence, "confidence": rng.random(), "flags": "[]"})
            for idx, (role, name, eid) in enumerate([("buyer", name1, id1),
                                                     ("seller", name2, id2),
                                                     ("item", rng.choice(ITEMS), None)]):
                arg_rows.append({"event_id": event_id, "role": role, "idx": idx, "text": name,
                                 "name": name, "entity_id": eid, "value": None,
                                 "currency": None, "start": None, "end": None})
    with store.transaction() as conn:
        conn.execute(insert(documents), doc_rows)
        conn.execute(insert(events), event_rows)
        conn.execute(insert(event_args), arg_rows)
    return store
