"""Ingest benchmark: documents per second and peak memory for read + clean + dedup + store.

    python benchmarks/ingest.py [--docs 10000] [--html 1000] [--keep DIR]

Generates a synthetic corpus (sentences composed here, in the style of defense news), then
ingests it into a fresh SQLite file, each stage in its own process so that peak memory (max
RSS) is measured per run.  A read-only pass over the same input is the baseline; the JSONL
run is repeated at a fifth of the size to show whether memory stays flat with corpus size.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = ["Poland", "Norway", "Japan", "Canada", "India", "Brazil", "Finland", "Greece",
             "Romania", "Chile", "Kenya", "Vietnam", "Estonia", "Spain", "Egypt", "Peru"]
ITEMS = ["howitzers", "patrol boats", "air defence radars", "armoured vehicles", "drones",
         "artillery shells", "transport helicopters", "anti-tank missiles", "trainer jets"]
MAKERS = ["Hanwha Aerospace", "Rheinmetall", "Saab", "Thales", "Leonardo", "Embraer",
          "Kongsberg", "Elbit Systems", "Nammo", "Patria", "BAE Systems", "Naval Group"]
VERBS = ["ordered", "signed a contract for", "received", "plans to buy", "started producing"]
FILLER = [
    "Officials said the first deliveries would follow within two years.",
    "The ministry did not disclose the price of the deal.",
    "Analysts expect further orders as regional tensions remain high.",
    "Parliament must still approve the funding in the next budget.",
    "The company said local suppliers would make a share of the components.",
    "Training for crews will take place at a base in the north of the country.",
]


def article(rng: random.Random, n: int) -> dict[str, str]:
    country, maker = rng.choice(COUNTRIES), rng.choice(MAKERS)
    lead = (f"{country} {rng.choice(VERBS)} {rng.randint(2, 400)} {rng.choice(ITEMS)} from "
            f"{maker} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, report number {n} said.")
    body = [lead] + rng.sample(FILLER, 4)
    body.append(f"The contract is worth about ${rng.randint(10, 900)} million and runs until "
                f"{rng.randint(2026, 2035)}, according to document {n:06d}.")
    return {"id": f"bench-{n}", "title": f"{country} and {maker}: deal {n}",
            "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": "\n".join(body)}


def html_page(doc: dict[str, str]) -> str:
    paras = "".join(f"<p>{line}</p>" for line in doc["text"].split("\n"))
    return (f"<!DOCTYPE html><html><head><title>{doc['title']}</title>"
            f'<meta property="article:published_time" content="{doc["published"]}">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{doc['title']}</h1>"
            f"{paras}</article><footer>Subscribe to our newsletter.</footer></body></html>")


def generate(root: Path, n_docs: int, n_html: int) -> dict[str, Path]:
    rng = random.Random(7)
    docs = [article(rng, i) for i in range(n_docs)]
    paths = {"jsonl": root / "corpus.jsonl", "jsonl-small": root / "small.jsonl",
             "text": root / "text", "html": root / "html"}
    with paths["jsonl"].open("w") as fh:
        for doc in docs:
            fh.write(json.dumps(doc) + "\n")
    with paths["jsonl-small"].open("w") as fh:
        for doc in docs[: n_docs // 5]:
            fh.write(json.dumps(doc) + "\n")
    paths["text"].mkdir()
    for doc in docs[:n_docs]:
        (paths["text"] / f"{doc['id']}.txt").write_text(doc["title"] + "\n" + doc["text"])
    paths["html"].mkdir()
    for doc in docs[:n_html]:
        (paths["html"] / f"{doc['id']}.html").write_text(html_page(doc))
    return paths


def child(mode: str, path: str, db: str) -> None:
    """Runs in its own process; prints one JSON line of figures."""
    from materiel.ingest import read_paths
    from materiel.pipeline import ingest
    from materiel.store import Store

    start = time.perf_counter()
    if mode == "read":
        n = sum(1 for _ in read_paths([path]))
        figures = {"docs": n}
    else:
        store = Store.open(db)
        summary = ingest([path], store)
        store.close()
        figures = {"docs": summary.read, "new": summary.new, "rejected": summary.rejected}
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures | {"seconds": seconds, "peak_mb": peak_mb}))


def run(mode: str, path: Path, tmp: Path) -> dict[str, float]:
    db = tmp / f"{mode}-{path.name}.db"
    res = subprocess.run([sys.executable, __file__, "--child", mode, str(path), str(db)],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="text/JSONL documents")
    ap.add_argument("--html", type=int, default=1_000, help="HTML pages")
    ap.add_argument("--keep", help="write the corpus here instead of a temporary directory")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(args.keep or tmpdir)
        tmp.mkdir(parents=True, exist_ok=True)
        paths = generate(tmp, args.docs, args.html)
        print(f"{'run':28s} {'docs':>7s} {'seconds':>8s} {'docs/s':>8s} {'peak MB':>8s}")
        results = {}
        for label, mode, key in [
            ("read only, JSONL (baseline)", "read", "jsonl"),
            ("ingest JSONL", "ingest", "jsonl"),
            ("ingest JSONL, 1/5 size", "ingest", "jsonl-small"),
            ("ingest text files", "ingest", "text"),
            ("read only, HTML (baseline)", "read", "html"),
            ("ingest HTML", "ingest", "html"),
        ]:
            r = run(mode, paths[key], tmp)
            results[label] = r
            print(f"{label:28s} {r['docs']:7d} {r['seconds']:8.2f} "
                  f"{r['docs'] / r['seconds']:8.0f} {r['peak_mb']:8.0f}")
        full, small = results["ingest JSONL"], results["ingest JSONL, 1/5 size"]
        base = results["read only, JSONL (baseline)"]
        added_ms = 1000 * (full["seconds"] / full["docs"] - base["seconds"] / base["docs"])
        print(f"\nclean + dedup + store add {added_ms:.2f} ms per JSONL document to reading it; "
              f"peak memory at 5x the corpus: "
              f"{full['peak_mb'] / small['peak_mb']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
