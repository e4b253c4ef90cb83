"""Reader benchmark on peer projects' test corpora (see README, "Reader benchmarks").

    python benchmarks/readers.py PATH... [--sweep]

For each PATH: files, documents stored, records rejected by reason and seconds through
materiel.ingest.read_paths. Two corpora are also scored:

- trafilatura's evaluation (a folder with evaldata.json and the pages in cache/ and eval/):
  the share of must-contain snippets found and of must-not-contain snippets leaked by
  Materiel's text, by its cleaned text (materiel.clean.clean), and by trafilatura.extract
  alone with default settings;
- newspaper's test pages (a folder with html/ and text/): pages whose recall of the expected
  text's words is under 0.5; expected texts under 300 characters are too short to score.

--sweep also runs trafilatura's fast and full passes on every scored page and prints the
scores each pair of retry thresholds (html.RETRY_CHARS, html.RETRY_SHARE) would give.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from materiel.clean import clean
from materiel.ingest import html as reader
from materiel.ingest import read_paths
from materiel.ingest.html_plain import plain_text
from materiel.models import Document, ReadError

MIN_EXPECTED_CHARS = 300
LOW_RECALL = 0.5
_WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    return " ".join(text.split())


def recall(expected: str, got: str) -> float:
    want = Counter(w.lower() for w in _WORD.findall(expected))
    have = Counter(w.lower() for w in _WORD.findall(got))
    return sum((want & have).values()) / max(1, sum(want.values()))


def reason_kind(error: ReadError) -> str:
    """The reason without record and details: "entry 3: no text" -> "no text"."""
    return error.reason.split(" (")[0].rsplit(": ", 1)[-1]


def read_corpus(name: str, folders: list[Path]) -> dict[str, Document]:
    files = sum(1 for folder in folders for path in folder.rglob("*") if path.is_file())
    start = time.perf_counter()
    docs: dict[str, Document] = {}
    rejected: Counter[str] = Counter()
    for item in read_paths([str(folder) for folder in folders]):
        if isinstance(item, Document):
            docs[item.provenance.path] = item
        else:
            rejected[reason_kind(item)] += 1
    seconds = time.perf_counter() - start
    print(
        f"\n## {name}: {files} files, {len(docs)} stored, {sum(rejected.values())} rejected,"
        f" {seconds:.1f} s"
    )
    for reason, count in rejected.most_common():
        print(f"   {count:5d}  {reason}")
    return docs


class Snippets:
    """Must-contain and must-not-contain hits over trafilatura's evaluation pages."""

    def __init__(self) -> None:
        self.found = self.wanted = self.leaked = self.unwanted = 0

    def add(self, item: dict[str, list[str]], text: str) -> None:
        text = norm(text)
        self.found += sum(norm(s) in text for s in item["with"])
        self.wanted += len(item["with"])
        self.leaked += sum(norm(s) in text for s in item["without"])
        self.unwanted += len(item["without"])

    def row(self, label: str, seconds: float | None = None) -> str:
        took = "" if seconds is None else f"  {seconds:7.1f}"
        return (
            f"   {label:32s}  {self.found / self.wanted:.4f}  "
            f"{self.leaked / self.unwanted:.4f}{took}"
        )


def trafilatura_pages(root: Path) -> dict[Path, dict[str, list[str]]]:
    evaldata = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    pages = {}
    for item in evaldata.values():
        path = next(p for d in ("cache", "eval") if (p := root / d / item["file"]).is_file())
        pages[path] = item
    return pages


def newspaper_pages(root: Path) -> dict[Path, str]:
    pages = {}
    for html in sorted((root / "html").glob("*.html")):
        expected = root / "text" / f"{html.stem}.txt"
        if expected.is_file():
            text = expected.read_text(encoding="utf-8", errors="replace")
            if len(text.strip()) >= MIN_EXPECTED_CHARS:
                pages[html] = text
    return pages


def score_trafilatura(root: Path, docs: dict[str, Document]) -> None:
    pages = trafilatura_pages(root)
    ours, cleaned, alone, no_comments = Snippets(), Snippets(), Snippets(), Snippets()
    seconds: Counter[str] = Counter()

    def timed(label: str, run: Callable[..., str | None], *args: Any, **options: Any) -> str:
        start = time.perf_counter()
        text = run(*args, **options) or ""
        seconds[label] += time.perf_counter() - start
        return text

    for path, item in pages.items():
        doc = docs.get(str(path))
        ours.add(item, doc.text if doc else "")
        cleaned.add(item, timed("clean", lambda d: clean(d).text, doc) if doc else "")
        data = path.read_bytes()
        alone.add(item, timed("alone", trafilatura.extract, data))
        no_comments.add(item, timed("none", trafilatura.extract, data, include_comments=False))
    print(f"   {len(pages)} evaluation pages           must-contain  leaked  seconds")
    print(ours.row("Materiel read"))
    print(cleaned.row("Materiel read + clean", seconds["clean"]))
    print(alone.row("trafilatura.extract alone", seconds["alone"]))
    print(no_comments.row("  same, include_comments=False", seconds["none"]))


def score_newspaper(root: Path, docs: dict[str, Document]) -> None:
    pages = newspaper_pages(root)
    low = []
    for path, expected in pages.items():
        doc = docs.get(str(path))
        value = recall(expected, doc.text if doc else "")
        if value < LOW_RECALL:
            low.append(f"{path.stem} {value:.2f}")
    print(
        f"   recall < {LOW_RECALL} against the expected text: {len(low)} of {len(pages)} pages"
        + (f" ({', '.join(low)})" if low else "")
    )


def passes(path: Path) -> tuple[str, str, int, float, float]:
    """Fast text, full text, plain text length, fast (+ plain) seconds, full seconds."""
    html, _ = reader.decode_page(path.read_bytes())
    tree = load_html(html)
    if tree is None:
        return "", "", 0, 0.0, 0.0
    start = time.perf_counter()
    fast = reader.main_text(reader.extract_pass(tree, None, fast=True))
    middle = time.perf_counter()
    full = reader.main_text(reader.extract_pass(tree, None, fast=False))
    end = time.perf_counter()
    plain = len(plain_text(tree))
    return fast, full, plain, middle - start + time.perf_counter() - end, end - middle


def sweep(traf_root: Path, news_root: Path) -> None:
    traf = {path: (item, passes(path)) for path, item in trafilatura_pages(traf_root).items()}
    news = {path: (text, passes(path)) for path, text in newspaper_pages(news_root).items()}

    def chosen(run: tuple[str, str, int, float, float], chars: int, share: float):
        fast, full, plain, fast_s, full_s = run
        if len(fast) >= chars and len(fast) >= share * plain:
            return fast, 0, fast_s
        return (full if len(full) > len(fast) else fast), 1, fast_s + full_s

    print(
        "\n## retry thresholds: a full pass when the fast text is under CHARS characters or"
        " under SHARE of the page's plain text"
    )
    print("   chars  share  must-contain  leaked  full passes  news<0.5  extraction s")
    grid = [(c, s) for c in (0, 250, 500, 750, 1000, 1500) for s in (0.0, 0.1, 0.2, 0.3, 0.4)]
    for chars, share in [*grid, (10**9, 0.0)]:
        snippets, retries, seconds = Snippets(), 0, 0.0
        for item, run in traf.values():
            text, retried, took = chosen(run, chars, share)
            snippets.add(item, text)
            retries, seconds = retries + retried, seconds + took
        low = sum(
            recall(exp, chosen(run, chars, share)[0]) < LOW_RECALL for exp, run in news.values()
        )
        label = "always" if chars == 10**9 else f"{chars:5d}  {share:4.1f}"
        print(
            f"   {label:12s}  {snippets.found / snippets.wanted:.4f}      "
            f"{snippets.leaked / snippets.unwanted:.4f}  {retries:5d}/{len(traf)}"
            f"    {low:3d}/{len(news)}  {seconds:8.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--sweep", action="store_true", help="sweep the retry thresholds")
    args = parser.parse_args()
    traf_root = news_root = None
    for root in args.paths:
        if (root / "evaldata.json").is_file():
            traf_root = root
            score_trafilatura(
                root,
                read_corpus(f"{root} (trafilatura evaluation)", [root / "cache", root / "eval"]),
            )
        elif (root / "html").is_dir() and (root / "text").is_dir():
            news_root = root
            score_newspaper(root, read_corpus(f"{root} (newspaper test pages)", [root / "html"]))
        else:
            read_corpus(str(root), [root])
    if args.sweep:
        if traf_root is None or news_root is None:
            parser.error("--sweep needs trafilatura's and newspaper's corpora among PATHs")
        sweep(traf_root, news_root)


if __name__ == "__main__":
    main()
