"""Workbench benchmark: latency of the web pages and the API, and export throughput.

    python benchmarks/workbench.py [--events 100000] [--docs 20000] [--repeat 15] [--keep DIR]

Builds a synthetic SQLite store (documents and events composed here, written straight into
the tables, a tenth of the documents in two-copy clusters), then times requests through the
application (FastAPI's test client, so routing, queries and templates all count): the feed's
first page, filtered pages, the next page, facets, full-text search, an event page, an API
page. Each is asked `--repeat` times; p50/p95 in milliseconds. Facets are timed cold (cache
emptied before each request, where the code has a cache) and warm. Each export (CSV, JSONL,
Parquet of every event) runs in its own process: seconds, events per second, peak RSS.
With --keep the store is kept in DIR and reused by later runs with the same sizes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def build(path: Path, n_events: int, n_docs: int, seed: int = 7) -> None:
    """A store at the newest schema holding n_docs documents and n_events events."""
    from sqlalchemy import insert, select, update

    from materiel.store import Store
    from materiel.store.schema import clusters, documents, event_args, events, sentences

    rng = random.Random(seed)
    store = Store.open(f"sqlite:///{path}")
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
    try:
        from materiel.store import cache
    except ImportError:  # code from before the cache
        return
    cache.clear()


def _time(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None
          ) -> tuple[float, float]:
    laps = []
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        laps.append((time.perf_counter() - t0) * 1000)
    laps.sort()
    return statistics.median(laps), laps[min(len(laps) - 1, int(0.95 * len(laps)))]


def time_requests(db: Path, repeat: int) -> None:
    from fastapi.testclient import TestClient

    from materiel.api.app import create_app
    from materiel.store import Store

    store = Store.open(f"sqlite:///{db}")
    client = TestClient(create_app(store))
    first = client.get("/").text
    older = re.search(r'href="(/\?[^"]*)"[^>]*>older', first)
    event_id = re.search(r'href="/events/(\d+)#evidence"', first)
    assert older and event_id, "the feed lists no events"
    older_link = older.group(1).replace("&amp;", "&")

    def get(path: str) -> Callable[[], object]:
        def fetch() -> object:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
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
        ("event page", f"/events/{event_id.group(1)}", False),
        ("api: events page", "/api/v1/events?limit=50", False),
        ("api: events party=country:PL", "/api/v1/events?party=country:PL&limit=50", False),
        ("api: facets", "/api/v1/facets", True),
        ("api: facets type=aid", "/api/v1/facets?type=aid", True),
        ("charts page", "/charts", True),
    ]
    print(f"{'request':36} {'p50 ms':>9} {'p95 ms':>9}")
    for name, path, cached in cases:
        get(path)()  # warm-up: imports, template compilation
        if cached:
            p50, p95 = _time(get(path), repeat, before=_clear_caches)
            print(f"{name + ' (cold)':36} {p50:9.1f} {p95:9.1f}")
        p50, p95 = _time(get(path), repeat)
        label = name + (" (warm)" if cached else "")
        print(f"{label:36} {p50:9.1f} {p95:9.1f}")
    store.close()


def export_one(db: Path, fmt: str, out: Path) -> None:
    """In a child process: write every event as `fmt`; print seconds, rows and peak RSS."""
    from materiel.export import export_stream
    from materiel.store import Store
    from materiel.store.query import EventQuery

    store = Store.open(f"sqlite:///{db}")
    t0 = time.perf_counter()
    manifest, stream = export_stream(store, EventQuery(all_copies=True), fmt)
    size = 0
    with out.open("wb") as fh:
        for chunk in stream:
            size += len(chunk)
            fh.write(chunk)
    seconds = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rows": manifest.get("rows"), "bytes": size,
                      "peak_mib": peak_mib}))
    store.close()


def time_exports(db: Path, folder: Path) -> None:
    print(f"\n{'export (every event)':24} {'seconds':>8} {'events/s':>10} {'MiB out':>8} "
          f"{'peak RSS MiB':>13}")
    for fmt in ("csv", "jsonl", "parquet"):
        done = subprocess.run([sys.executable, __file__, "--export", fmt, "--db", str(db),
                               "--out", str(folder / f"events.{fmt}")],
                              check=True, capture_output=True, text=True)
        got = json.loads(done.stdout.strip().splitlines()[-1])
        rate = (got["rows"] or 0) / got["seconds"]
        print(f"{fmt:24} {got['seconds']:8.2f} {rate:10.0f} {got['bytes'] / 2**20:8.1f} "
              f"{got['peak_mib']:13.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the store in this folder")
    parser.add_argument("--export", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export:
        export_one(args.db, args.export, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"workbench-{args.events}-{args.docs}.db"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.events, args.docs)
            print(f"built {args.events} events in {args.docs} documents: "
                  f"{time.perf_counter() - t0:.1f} s")
        from materiel.store import Store
        Store.open(f"sqlite:///{db}").close()  # brings the schema up to date, outside timings
        print(f"store: {db} ({db.stat().st_size / 2**20:.0f} MiB), repeat {args.repeat}\n")
        time_requests(db, args.repeat)
        time_exports(db, folder)


if __name__ == "__main__":
    main()
