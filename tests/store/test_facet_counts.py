"""Facet counts against a count done by hand: every event of the facet's selection (the
query without the facet's own filter) read back, its values tallied in Python. Run over a
varied store on both back ends, through each way the counts are worked out (no filter, a
few events, many events, a search or a party given as text), by mention and by real event
(the mentions of one canonical event counted once)."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from materiel.models import Argument, CleanDocument, Document, Event, Provenance, Sentence
from materiel.store import Store, facets
from materiel.store.events import PARTY_ROLES
from materiel.store.query import EventQuery, iter_events
from materiel.store.schema import canonical_events, canonical_members, events

COUNTRIES = [("Chile", "country:CL"), ("Peru", "country:PE"), ("Norway", "country:NO"),
             ("Kenya", "country:KE")]
MAKERS = [("Babcock", "company:babcock"), ("Navantia", None), ("Kongsberg", None)]
ITEMS = [("frigates", None), ("coastal radars", "equipment:radar"), ("drones", None)]
OUTLETS = ["Andes Wire", "Pacific Post", "Harbor Daily", None]
FILLER = ("Officials said the talks had been long and that further details would follow "
          "in the coming weeks, according to people familiar with the matter.")


def _event(rng: random.Random, doc: str, sentence: str, start: int) -> Event:
    (name1, id1), (name2, id2) = rng.sample(COUNTRIES, 2)
    maker, item = rng.choice(MAKERS), rng.choice(ITEMS)
    kind = rng.choice(["procurement", "aid", "agreement", "production"])
    first = Argument(name1, name=name1, id=id1)
    args = {
        "procurement": {"buyer": [first], "seller": [Argument(maker[0], id=maker[1])]},
        "aid": {"donor": [first], "recipient": [Argument(name2, name=name2, id=id2)]},
        "agreement": {"party": [first, Argument(name2, id=id2)]},
        # the producer's country is its location too: one event, counted once per country
        "production": {"producer": [Argument(maker[0], id=maker[1])],
                       "location": [first], "partner": [first]},
    }[kind]
    args["item"] = [Argument(item[0], id=item[1])]
    return Event(doc=doc, type=kind, date=rng.choice([None, "2025-03", "2025-04-02"]),
                 status=rng.choice([None, "done", "planned"]), args=args, evidence=sentence,
                 evidence_start=start, evidence_end=start + len(sentence),
                 confidence=rng.choice([0.3, 0.5, 0.62, 0.7, 0.95]), summary=f"{kind} {doc}")


def _add(store: Store, rng: random.Random, key: str, lines: list[str],
         outlet: str | None, credit: str = "") -> list[int]:
    text = " ".join(lines + [FILLER + credit])
    doc = Document(id=key, text=text, outlet=outlet, published="2025-04-03",
                   provenance=Provenance(path=f"{key}.jsonl", record=0, content_hash=key))
    spans, at = [], 0
    for line in lines:
        spans.append((at, line))
        at += len(line) + 1
    clean = CleanDocument(doc=doc, text=text, sentences=[
        Sentence(s, s + len(line), line) for s, line in spans])
    with store.transaction() as conn:
        added = store.add(conn, clean)
        store.add_events(conn, added.document_id, clean,
                         [_event(rng, key, line, s) for s, line in spans])
        return [added.document_id, added.cluster_id or 0]


@pytest.fixture
def varied(db_url) -> Any:
    store = Store.open(db_url)
    rng = random.Random(11)
    clusters = 0
    for d in range(14):
        lines = [f"Report {d} line {i}: {rng.choice(COUNTRIES)[0]} and "
                 f"{rng.choice(MAKERS)[0]} discussed {rng.choice(ITEMS)[0]}."
                 for i in range(rng.randint(1, 4))]
        _add(store, rng, f"doc-{d}", lines, OUTLETS[d % len(OUTLETS)])
        if d % 4 == 1:  # a copy of the story from another outlet, with its own events
            clusters += bool(_add(store, rng, f"copy-{d}", lines, "Copy Courier",
                                       " Reporting by the Copy Courier desk.")[1])
    assert clusters >= 2  # the copies were taken for copies
    with store.transaction() as conn:
        conn.execute(update(events).where(events.c.id % 3 == 0).values(review_state="accepted"))
        conn.execute(update(events).where(events.c.id % 7 == 0).values(review_state="rejected"))
    yield store
    store.close()


def link_at_random(store: Store, seed: int = 5) -> dict[int, int]:
    """Canonical events over the stored events, as a reviewer might leave them: groups of
    two or three mentions picked at random (their types, statuses, review states and
    confidences may differ), a few mentions alone with a canonical event of their own, the
    rest in none. Returns each mention's real event (its own id, negated, where none)."""
    rng = random.Random(seed)
    with store.transaction() as conn:
        ids = sorted(conn.execute(select(events.c.id)).scalars())
        rng.shuffle(ids)
        groups, at = [], 0
        while at < len(ids) * 3 // 4:
            size = rng.choice((1, 2, 2, 3))
            groups.append(ids[at:at + size])
            at += size
        for number, group in enumerate(groups, start=1):
            conn.execute(insert(canonical_events), {
                "id": number, "type": "aid", "args": "{}", "conflicts": "{}",
                "updated_at": "2026-01-01T00:00:00"})
            conn.execute(insert(canonical_members), [
                {"event_id": e, "canonical_id": number, "pinned": True} for e in group])
    real = {e: -e for e in ids}
    real.update({e: number for number, group in enumerate(groups, start=1) for e in group})
    assert any(len(g) > 1 for g in groups) and len(real) > len(groups)
    return real


def _keys(event: dict[str, Any], roles: list[str] | None) -> set[str]:
    found = (a for role, args in event["args"].items() if roles is None or role in roles
             for a in args)
    return {a.get("id") or a.get("name") or a["text"] for a in found}


def by_hand(store: Store, q: EventQuery, name: str,
            real: dict[int, int] | None = None) -> dict[str, int]:
    """The facet `name` under `q`, counted in Python over the events themselves: each
    value's mentions, or (given `real`, each mention's real event) its real events."""
    unfiltered = {"type": {"type": None}, "status": {"status": None},
                  "review": {"review": None}, "party": {"party": None},
                  "item": {"item": None}, "country": {"country": None},
                  "outlet": {"outlet": None}, "confidence": {"min_confidence": 0.0}}[name]
    chosen = list(iter_events(store, replace(q, **unfiltered)))
    counted: dict[str, set[int]] = {}
    for e in chosen:
        values: set[str] = set()
        if name == "confidence":
            values = {str(step) for step in facets.CONFIDENCE_STEPS if e["confidence"] >= step}
        elif name in ("type", "status", "review"):
            values = {e[name]} if e[name] is not None else set()
        elif name == "party":
            values = _keys(e, PARTY_ROLES)
        elif name == "item":
            values = _keys(e, ["item"])
        elif name == "country":
            values = {k for k in _keys(e, None) if k.startswith("country:")}
        else:
            copies = {c["outlet"] for c in e["copies"]} | {e["outlet"]}
            values = {o for o in copies if o}
        for value in values:
            counted.setdefault(value, set()).add(
                e["event_id"] if real is None else real[e["event_id"]])
    counts = {value: len(keys) for value, keys in counted.items()}
    if name == "confidence":
        return {str(step): counts.get(str(step), 0) for step in facets.CONFIDENCE_STEPS}
    return counts


def total_by_hand(store: Store, q: EventQuery, real: dict[int, int] | None = None) -> int:
    found = [e["event_id"] for e in iter_events(store, q)]
    return len(set(found if real is None else (real[e] for e in found)))


QUERIES = [
    EventQuery(),
    EventQuery(all_copies=True),
    EventQuery(type="aid"),
    EventQuery(status="done", review="accepted"),
    EventQuery(min_confidence=0.62),
    EventQuery(party="country:CL"),
    EventQuery(party="NAVANT"),  # text, any case
    EventQuery(item="rada"),
    EventQuery(item="equipment:radar", country="PE"),
    EventQuery(outlet="andes wire"),
    EventQuery(text="frigates"),
    EventQuery(text="kenya", type="procurement", min_confidence=0.5),
    EventQuery(date_from="2025-04", all_copies=True),
    EventQuery(doc="doc-3"),  # a few events: their arguments looked up one by one
    EventQuery(party="kenya", item="drones", outlet="Pacific Post", review="unreviewed"),
]


def test_facet_counts_equal_a_count_by_hand(varied):
    facets.clear_cache()
    for q in QUERIES:
        found = facets.facet_counts(varied, q, top=100)
        for name in facets.FACETS:
            counted = {v.value: v.events for v in found[name]}
            assert counted == by_hand(varied, q, name), (q, name)
            ranked = [(-v.events, v.value) for v in found[name]]
            if name != "confidence":
                assert ranked == sorted(ranked), (q, name)  # most first, then by value


def test_folded_counts_equal_a_count_by_hand(varied):
    """By real event: a value counts the real events with a kept mention that carries it,
    once however many of their mentions do; the total counts each real event once."""
    real = link_at_random(varied)
    facets.clear_cache()
    for q in QUERIES:
        for fold in (True, False):  # the two are kept apart in the cache
            counted = facets.count_facets(varied, q, top=100, fold=fold)
            assert counted.total == total_by_hand(varied, q, real if fold else None), q
            for name in facets.FACETS:
                got = {v.value: v.events for v in counted.facets[name]}
                assert got == by_hand(varied, q, name, real if fold else None), (q, name, fold)
    # the store was linked so that real events spread over several values: folding told
    everything = facets.count_facets(varied, EventQuery(), top=100, fold=True)
    types = sum(v.events for v in everything.facets["type"])
    assert everything.total is not None and types > everything.total
    assert everything.total < facets.count_facets(varied, EventQuery(), top=100).total


def test_top_keeps_the_commonest_values(varied):
    facets.clear_cache()
    every = facets.facet_counts(varied, EventQuery(), top=100)
    few = facets.facet_counts(varied, EventQuery(), top=2)
    for name in ("status", "review", "party", "item", "country", "outlet"):
        assert few[name] == every[name][:2], name
    assert few["type"] == every["type"]  # all types: the total is read off them
    labels = {v.value: v.label for v in every["party"]}
    assert labels["country:CL"] == "Chile" and labels["company:babcock"] == "Babcock"
