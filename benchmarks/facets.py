"""Facet counting benchmark: every facet counted cold, by mention and by real event.

    python benchmarks/facets.py [--events 20000] [--docs 4000] [--repeat 7] [--keep DIR]
                                [--pg URL]

Builds the synthetic store of `benchmarks/serve.py` (SQLite; and PostgreSQL given `--pg` or
MATERIEL_TEST_PG_URL), then links its events into canonical events as the linker would
leave them: every event a member, a third of the real events reported by two or three
documents, whose mentions may differ in status, review state and confidence. Then counts
every facet with the kept counts emptied before each count (as after a write), under a few
selections, `--repeat` times: p50 and p95 of the wall-clock milliseconds, for the facets
counted by mention and (where the code knows how) by real event.
"""

from __future__ import annotations

import argparse
import inspect
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from serve import PG_ENV, build, pg_database, prepare  # noqa: E402

QUERIES = {"all": {}, "type=aid": {"type": "aid"}, "party=Poland (text)": {"party": "Poland"},
           "party=country:PL": {"party": "country:PL"}, "search howitzers": {"text": "howitzers"},
           "status=done": {"status": "done"}}


def link(url: str, seed: int = 11) -> None:
    """Canonical events over the stored events: consecutive events of different documents
    joined in groups of two or three (a third of the real events), the rest alone; the
    members of a group take the first one's type."""
    from sqlalchemy import insert, select, update

    from materiel.store import Store
    from materiel.store.schema import canonical_events, canonical_members, events

    rng = random.Random(seed)
    store = Store.open(url)
    with store.transaction() as conn:
        if conn.execute(select(canonical_members.c.event_id).limit(1)).first():
            store.close()
            return
        rows = conn.execute(select(events.c.id, events.c.type, events.c.document_id)
                            .order_by(events.c.document_id, events.c.id)).all()
        by_doc: dict[int, list[tuple[int, str]]] = {}
        for event_id, kind, doc in rows:
            by_doc.setdefault(doc, []).append((event_id, kind))
        docs = sorted(by_doc)
        groups: list[list[tuple[int, str]]] = []
        placed: set[int] = set()
        for at, doc in enumerate(docs):
            for event_id, kind in by_doc[doc]:
                if event_id in placed:
                    continue
                group = [(event_id, kind)]
                if rng.random() < 0.33:  # reported again by the next one or two documents
                    for other in docs[at + 1:at + 1 + rng.choice((1, 2))]:
                        free = [e for e in by_doc[other] if e[0] not in placed]
                        if free:
                            group.append(free[0])
                placed.update(e for e, _ in group)
                groups.append(group)
        members, retyped = [], []
        for number, group in enumerate(groups, start=1):
            kind = group[0][1]
            members += [{"event_id": e, "canonical_id": number, "pinned": False,
                         "compared": True} for e, _ in group]
            retyped += [e for e, other in group if other != kind]
        conn.execute(insert(canonical_events), [
            {"id": n, "type": g[0][1], "date": None, "status": None, "args": "{}",
             "conflicts": "{}", "updated_at": "2026-01-01T00:00:00"}
            for n, g in enumerate(groups, start=1)])
        for start in range(0, len(members), 5000):
            conn.execute(insert(canonical_members), members[start:start + 5000])
        kinds = {e: g[0][1] for g in groups for e, _ in g}
        for event_id in retyped:
            conn.execute(update(events).where(events.c.id == event_id)
                         .values(type=kinds[event_id]))
    store.close()
    print(f"linked: {len(groups)} real events over {len(members)} mentions")


def time_counts(url: str, repeat: int) -> None:
    from materiel.store import Store, cache
    from materiel.store.facets import count_facets
    from materiel.store.query import EventQuery, freshness

    store = Store.open(url)
    folds = [False, True] if "fold" in inspect.signature(count_facets).parameters else [False]
    print(f"{'every facet, cold':28} {'rows':>9} {'p50 ms':>8} {'p95 ms':>8} {'total':>7}")
    for name, fields in QUERIES.items():
        q = EventQuery(**fields)  # type: ignore[arg-type]
        for fold in folds:
            extra = {"fold": fold} if len(folds) > 1 else {}
            count_facets(store, q, **extra)  # warm-up
            laps = []
            got = None
            for _ in range(repeat):
                cache.clear()
                fresh = freshness(store)
                t0 = time.perf_counter()
                got = count_facets(store, q, fresh=fresh, **extra)
                laps.append((time.perf_counter() - t0) * 1000)
            ranked = sorted(laps)
            p95 = ranked[min(len(ranked) - 1, int(0.95 * len(ranked)))]
            rows = "events" if fold else "mentions"
            print(f"{name:28} {rows:>9} {statistics.median(laps):8.1f} {p95:8.1f} "
                  f"{got.total if got else '':>7}")
    store.close()


def run(url: str, label: str, args: argparse.Namespace) -> None:
    from serve import _stored_events

    if not _stored_events(url):
        build(url, args.events, args.docs)
    link(url)
    prepare(url)
    print(f"\n== {label}: {args.events} events, {args.docs} documents, repeat {args.repeat}, "
          f"load average {os.getloadavg()[0]:.1f}")
    time_counts(url, args.repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--docs", type=int, default=4_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the stores; SQLite's here")
    parser.add_argument("--pg", default=os.environ.get(PG_ENV))
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        run(f"sqlite:///{folder / f'facets-{args.events}-{args.docs}.db'}", "SQLite", args)
        if args.pg and not args.no_pg:
            name = f"materiel_facets_{args.events}_{args.docs}"
            with pg_database(args.pg, name, keep=args.keep is not None) as url:
                run(url, "PostgreSQL", args)


if __name__ == "__main__":
    main()
