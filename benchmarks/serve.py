"""Serving benchmark: latency of the web pages and the API, and exports, at 100,000 events.

    python benchmarks/serve.py [--events 100000] [--docs 20000] [--repeat 15] [--keep DIR]
                               [--pg URL | --no-pg] [--no-sqlite]
                               [--exports csv,jsonl,parquet | --no-exports]

Builds a synthetic store (documents and events composed here, written straight into the
tables, a tenth of the documents in two-copy clusters) in SQLite and, when a PostgreSQL URL
is given or MATERIEL_TEST_PG_URL is set, in a database of its own on that server; then
times requests through the application (FastAPI's test client, so routing, queries and
templates all count): the feed unfiltered, by party, by full-text search and more, an event
page, the feed's deferred facet counts, API pages and the charts page. Each is asked
`--repeat` times: p50 and p95 of the wall-clock time, and of the CPU time the process spent
(the figures to compare when other work shares the machine). Requests whose answer depends
on kept counts are timed cold (kept counts emptied before each, as after every write: the
feed then shows the facets it could not count within its time limit without counts, and its
script fetches them from /facets.json) and warm. Each export of every event runs in a
process of its own: seconds, events per second, resident memory after 10,000 rows and at
the end (flat memory: the two stay close).
With --keep the stores are kept (SQLite: a file in DIR; PostgreSQL: the database
materiel_bench_EVENTS_DOCS) and reused by later runs with the same sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

PG_ENV = "MATERIEL_TEST_PG_URL"

TYPES = ["procurement", "aid", "production", "sanction", "agreement", "spending", "strike",
         "meeting"]
COUNTRIES = [("PL", "Poland"), ("NO", "Norway"), ("JP", "Japan"), ("CA", "Canada"),
             ("IN", "India"), ("BR", "Brazil"), ("FI", "Finland"), ("GR", "Greece"),
             ("RO", "Romania"), ("CL", "Chile"), ("KE", "Kenya"), ("VN", "Vietnam"),
             ("EE", "Estonia"), ("ES", "Spain"), ("EG", "Egypt"), ("PE", "Peru"),
             ("UA", "Ukraine"), ("DE", "Germany"), ("FR", "France"), ("US", "United States")]
MAKERS = ["Hanwha Aerospace", "Rheinmetall", "Saab", "Thales", "Leonardo", "Embraer",
          "Kongsberg", "Elbit Systems", "Nammo", "Patria", "BAE Systems", "Naval Group"]
ITEMS = ["howitzers", "patrol boats", "air defence radars", "armoured vehicles", "drones",
         "artillery shells", "transport helicopters", "anti-tank missiles", "trainer jets"]
OUTLETS = [f"Outlet {i}" for i in range(40)]
ROLES = {"procurement": ("buyer", "seller"), "aid": ("donor", "recipient"),
         "production": ("producer", "location"), "sanction": ("imposer", "target"),
         "agreement": ("party", "party"), "spending": ("spender", "location"),
         "strike": ("attacker", "location"), "meeting": ("participant", "location")}


def _slug(name: str) -> str:
    return re.sub(r"\W+", "-", name.lower()).strip("-")



def prepare(url: str) -> None:
    """Bring the store's schema up to date and, on PostgreSQL, its planner statistics, so
    that neither lands inside the timings."""
    from materiel.store import Store

    store = Store.open(url)
    if url.startswith("postgresql"):
        from sqlalchemy import text

        with store.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    store.close()

def build(url: str, n_events: int, n_docs: int, seed: int = 7) -> None:
    """A store at the newest schema holding n_docs documents and n_events events."""
    from sqlalchemy import insert, select, update

    from materiel.store import Store
    from materiel.store.schema import clusters, documents, event_args, events, sentences

    rng = random.Random(seed)
    store = Store.open(url)
    per_doc = max(n_events // n_docs, 1)
    event_id = 0
    with store.transaction() as conn:
        for start in range(0, n_docs, 1000):
            doc_rows, sent_rows, event_rows, arg_rows, cluster_rows = [], [], [], [], []
            for d in range(start, min(start + 1000, n_docs)):
                month, day = rng.randint(1, 12), rng.randint(1, 28)
                lines, spans = [], []
                at = 0
                wanted = per_doc + (1 if d < n_events - per_doc * n_docs else 0)
                found = []
                for _ in range(wanted):
                    kind = rng.choice(TYPES)
                    (c1, name1), (c2, name2) = rng.sample(COUNTRIES, 2)
                    maker, item = rng.choice(MAKERS), rng.choice(ITEMS)
                    line = (f"{name1} and {maker} agreed on {rng.randint(2, 400)} {item} "
                            f"for {name2} in report {d}.")
                    spans.append((at, at + len(line)))
                    lines.append(line)
                    at += len(line) + 1
                    found.append((kind, c1, name1, c2, name2, maker, item, line))
                text = " ".join(lines) + " Officials gave no further details."
                cluster = None
                if d % 20 == 1:  # this one and the one before tell the same story
                    cluster = d
                    cluster_rows.append({"id": d, "canonical_document_id": d})
                doc_rows.append({
                    "id": d + 1, "doc_key": f"bench-{d}", "title": f"Deal report {d}",
                    "url": f"https://news.example/{d}", "published": f"2025-{month:02d}-{day:02d}",
                    "outlet": rng.choice(OUTLETS), "author": None, "language": "en",
                    "raw_text": text, "clean_text": text, "content_hash": f"{d:064d}",
                    "is_feed": False, "stories": "[]", "segments": "[]", "cluster_id": cluster,
                    "ingested_at": f"2026-01-01T00:00:{d % 60:02d}", "flags": "[]"})
                for i, (s, e) in enumerate(spans):
                    sent_rows.append({"document_id": d + 1, "idx": i, "start": s, "end": e,
                                      "story": 0, "segment": 0, "truncated": False,
                                      "is_heading": False})
                for i, (kind, c1, name1, c2, name2, maker, item, line) in enumerate(found):
                    event_id += 1
                    date = f"2025-{month:02d}-{max(day - rng.randint(0, 3), 1):02d}"
                    event_rows.append({
                        "id": event_id, "document_id": d + 1, "type": kind,
                        "date": date if rng.random() > 0.1 else None,
                        "status": rng.choice(["done", "announced", "planned"]),
                        "evidence": line, "evidence_start": spans[i][0],
                        "evidence_end": spans[i][1], "sentence_idx": i,
                        "summary": f"{name1} {kind} {item}", "confidence": round(rng.random(), 3),
                        "flags": "[]"})
                    first, second = ROLES[kind]
                    for idx, (role, textv, name, eid) in enumerate([
                            (first, name1, name1, f"country:{c1}"),
                            (second, name2, name2, f"country:{c2}"),
                            ("seller" if kind == "procurement" else "party", maker, maker,
                             f"company:{_slug(maker)}"),
                            ("item", item, None, None)]):
                        arg_rows.append({"event_id": event_id, "role": role, "idx": idx,
                                         "text": textv, "name": name, "entity_id": eid,
                                         "value": None, "currency": None, "start": None,
                                         "end": None})
            if cluster_rows:
                conn.execute(insert(clusters), cluster_rows)
            conn.execute(insert(documents), doc_rows)
            conn.execute(insert(sentences), sent_rows)
            conn.execute(insert(events), event_rows)
            conn.execute(insert(event_args), arg_rows)
        # the document before each cluster's second copy is its first (and canonical) one
        conn.execute(update(documents).where(documents.c.id.in_(select(clusters.c.id)))
                     .values(cluster_id=documents.c.id))
    store.close()


def _clear_caches() -> None:
    from materiel.store import cache

    cache.clear()


def _time(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
          ) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each call (the application runs in this process,
    so its CPU time is a figure that other work on the machine does not inflate)."""
    laps, cpu = [], []
    for _ in range(repeat):
        if before:
            before()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        laps.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return laps, cpu


def _p(values: list[float], share: float) -> float:
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, int(share * len(ranked)))]


def time_requests(url: str, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from materiel.api.app import create_app
    from materiel.store import Store

    store = Store.open(url)
    client = TestClient(create_app(store))
    first = client.get("/").text
    older = re.search(r'href="(/\?[^"]*)"[^>]*>older', first)
    event_id = re.search(r'href="/events/(\d+)#evidence"', first)
    assert older and event_id, "the feed lists no events"
    older_link = older.group(1).replace("&amp;", "&")
    pending: list[int] = []

    def get(path: str) -> Callable[[], object]:
        def fetch() -> object:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            if path.startswith("/?") or path == "/":
                pending.append(response.text.count('class="facet pending"'))
            return response
        return fetch

    cases = [
        ("feed: first page", "/", True),
        ("feed: next page", older_link, True),
        ("feed: type=aid", "/?type=aid", True),
        ("feed: party=country:PL", "/?party=country:PL", True),
        ("feed: party=Poland (text)", "/?party=Poland", True),
        ("feed: outlet + dates", "/?outlet=Outlet+3&date_from=2025-03&date_to=2025-05", True),
        ("feed: search 'howitzers'", "/?q=howitzers", True),
        ("feed: search + type", "/?q=Norway+drones&type=aid", True),
        ("feed's facets.json (all)", "/facets.json", True),
        ("feed's facets.json party=Poland", "/facets.json?party=Poland", True),
        ("event page", f"/events/{event_id.group(1)}", False),
        ("api: events page", "/api/v1/events?limit=50", False),
        ("api: events party=country:PL", "/api/v1/events?party=country:PL&limit=50", False),
        ("api: facets", "/api/v1/facets", True),
        ("charts page", "/charts", True),
    ]
    print(f"{'request':38} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'CPU p95':>8} "
          f"{'untimed':>8}")
    for name, path, cached in cases:
        get(path)()  # warm-up: imports, template compilation
        for cold in ((True, False) if cached else (False,)):
            if not cold and (path == "/" or path.startswith("/?")):  # as the feed's script
                get("/facets.json" + path[1:])()
            pending.clear()
            laps, cpu = _time(get(path), repeat, before=_clear_caches if cold else None)
            label = name + (" (cold)" if cold else " (warm)" if cached else "")
            # untimed: facets the feed showed without counts (over its time limit), mean
            left = f"{statistics.mean(pending):8.1f}" if pending else ""
            print(f"{label:38} {_p(laps, .5):8.1f} {_p(laps, .95):8.1f} {_p(cpu, .5):8.1f} "
                  f"{_p(cpu, .95):8.1f} {left}")
    store.close()


def export_one(url: str, fmt: str, out: Path) -> None:
    """In a child process: write every event as `fmt`; print seconds, rows and memory."""
    from materiel.export import export_stream
    from materiel.store import Store
    from materiel.store.query import EventQuery

    store = Store.open(url)
    t0 = time.perf_counter()
    manifest, stream = export_stream(store, EventQuery(all_copies=True), fmt)
    size, early = 0, None
    with out.open("wb") as fh:
        for chunk in stream:
            size += len(chunk)
            fh.write(chunk)
            if early is None and size > 2_000_000:  # some 10,000 rows written
                early = _peak_mib()
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "rows": manifest.get("rows"), "bytes": size,
                      "early_mib": early or _peak_mib(), "peak_mib": _peak_mib()}))
    store.close()


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_exports(url: str, folder: Path, formats: list[str]) -> None:
    print(f"\n{'export (every event)':24} {'seconds':>8} {'events/s':>10} {'MiB out':>8} "
          f"{'peak RSS at 2 MB':>17} {'at the end':>11}")
    for fmt in formats:
        done = subprocess.run([sys.executable, __file__, "--export", fmt, "--url", url,
                               "--out", str(folder / f"events.{fmt}")],
                              check=True, capture_output=True, text=True)
        got = json.loads(done.stdout.strip().splitlines()[-1])
        rate = (got["rows"] or 0) / got["seconds"]
        print(f"{fmt:24} {got['seconds']:8.2f} {rate:10.0f} {got['bytes'] / 2**20:8.1f} "
              f"{got['early_mib']:17.0f} {got['peak_mib']:11.0f}")


def _stored_events(url: str) -> int | None:
    """How many events the store at `url` holds (None: no store there yet)."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("events"):
                return None
            return int(conn.execute(text("SELECT count(*) FROM events")).scalar() or 0)
    finally:
        engine.dispose()


@contextmanager
def pg_database(admin: str, name: str, keep: bool) -> Iterator[str]:
    """The URL of database `name` on the server of `admin` (made when missing); dropped
    afterwards unless kept."""
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        if not keep:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(url: str, label: str, args: argparse.Namespace, folder: Path) -> None:

    held = _stored_events(url)
    if held not in (None, 0, args.events):
        raise SystemExit(f"{label} holds {held} events, not {args.events}: use another store")
    if not held:
        t0 = time.perf_counter()
        build(url, args.events, args.docs)
        print(f"{label}: built {args.events} events in {args.docs} documents: "
              f"{time.perf_counter() - t0:.1f} s")
    prepare(url)
    print(f"\n== {label}: {args.events} events, {args.docs} documents, repeat {args.repeat}, "
          f"load average {os.getloadavg()[0]:.1f}\n")
    time_requests(url, args.repeat)
    if args.exports:
        time_exports(url, folder, args.exports)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the stores; SQLite's here")
    parser.add_argument("--pg", default=os.environ.get(PG_ENV),
                        help=f"a PostgreSQL server's URL (default: ${PG_ENV})")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--exports", default="csv",
                        type=lambda s: [f for f in s.split(",") if f],
                        help="formats to export every event to (default: csv)")
    parser.add_argument("--no-exports", dest="exports", action="store_const", const=[])
    parser.add_argument("--export", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export:
        export_one(args.url, args.export, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"serve-{args.events}-{args.docs}.db"
        if not args.no_sqlite:
            run(f"sqlite:///{db}", "SQLite", args, folder)
        if args.pg and not args.no_pg:
            name = f"materiel_bench_{args.events}_{args.docs}"
            with pg_database(args.pg, name, keep=args.keep is not None) as url:
                run(url, "PostgreSQL", args, folder)


if __name__ == "__main__":
    main()
