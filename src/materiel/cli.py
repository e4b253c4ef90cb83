"""The `materiel` command: a thin layer over the library."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from materiel import __version__
from materiel.bounds import DATE_FORMS, MAX_OFFSET, MAX_ROWS, STATUSES, is_iso_date
from materiel.models import EVENT_TYPES
from materiel.terminal import safe, safe_block, to_json

if TYPE_CHECKING:
    from materiel.ingest import ReaderOptions
    from materiel.models import Event
    from materiel.pipeline import EventSink, IngestSummary
    from materiel.store import Store
    from materiel.store.query import EventQuery

app = typer.Typer(help="Turn defense news into a source-linked database of events.",
                  no_args_is_help=True, add_completion=False)
docs_app = typer.Typer(help="Stored documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")
kb_app = typer.Typer(help="The knowledge base: entities, aliases and facts.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
users_app = typer.Typer(help="Users who may review and change events.", no_args_is_help=True)
app.add_typer(users_app, name="users")
tokens_app = typer.Typer(help="API tokens (Authorization: Bearer) for changes through the API.",
                         no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")

out = Console()
# what a table or a document's text needs when printed to a pipe or a file: each table row as
# wide as its cells, each line of text as it is (Rich would fold both at 80 columns)
PIPE_WIDTH = 1_000
err = Console(stderr=True)

SAMPLE_DIR = Path(__file__).parent / "data" / "sample"

# (parentheses: Rich would take square brackets for markup and drop them)
DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database URL or SQLite path (default: $MATERIEL_DB, else materiel.db in "
                 "the user data directory: ~/.local/share/materiel on Linux).",
    show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def _fail(message: str, status: int = 2) -> NoReturn:
    """One error line on stderr, then exit (2: bad usage). `message` may hold data."""
    err.print(Text.assemble(("error:", "red"), " ", safe(message)), soft_wrap=True)
    raise typer.Exit(status)


def _print_rejected(errors: Iterable[str]) -> None:
    for line in errors:
        err.print(Text.assemble(("rejected", "yellow"), " ", safe(line)), soft_wrap=True)


def _print_reasons(counts: dict[str, int]) -> None:
    if counts:
        kinds = ", ".join(f"{safe(kind)} {n:,}" for kind, n in
                          sorted(counts.items(), key=lambda kv: -kv[1]))
        err.print(Text(f"rejected by reason: {kinds}"), soft_wrap=True)


PRINTED_REJECTIONS = 1000


def _rejection_printer(limit: int = PRINTED_REJECTIONS) -> Callable[[str], None]:
    """Prints rejection lines as they happen, the first `limit` of them; the rest are only
    counted (the summary gives the counts by reason)."""
    printed = 0

    def on_reject(line: str) -> None:
        nonlocal printed
        printed += 1
        if printed <= limit:
            _print_rejected([line])
        elif printed == limit + 1:
            err.print(f"… more rejections are counted but not printed (first {limit:,} shown)",
                      highlight=False)

    return on_reject


def _whole_number(option: str, low: int, high: int) -> Callable[[str], int]:
    """A Typer parser: one error line and exit status 2 unless low <= value <= high."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            _fail(f"{option} must be a whole number from {low} to {high:,}, not {value!r}")
        return number
    return parse


def _parse_event_type(value: str) -> str:
    if value.lower() not in EVENT_TYPES:
        _fail(f"--type must be one of {', '.join(EVENT_TYPES)}; not {value!r}")
    return value.lower()


def _iso_date(option: str) -> Callable[[str], str]:
    """A Typer parser for a date bound, as `_whole_number`."""
    def parse(value: str) -> str:
        if not is_iso_date(value):
            _fail(f"{option} must be a date as {DATE_FORMS}, not {value!r}")
        return value
    return parse


def _limit_option() -> typer.models.OptionInfo:
    return typer.Option("--limit", help="How many.", metavar="N",
                        parser=_whole_number("--limit", 1, MAX_ROWS))


def _open_store(db: str | None) -> Store:
    from materiel.store import Store

    try:
        return Store.open(db)
    except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback
        _fail(f"cannot open the database: {(str(exc).splitlines() or [''])[0]}")


def _reader_options(id_field: str, text_field: str, title_field: str, url_field: str,
                    published_field: str, input_format: str | None,
                    follow_symlinks: bool = False) -> ReaderOptions:
    from materiel.ingest import ReaderOptions

    return ReaderOptions(id_field=id_field, text_field=text_field, title_field=title_field,
                         url_field=url_field, published_field=published_field,
                         format=input_format, follow_symlinks=follow_symlinks)


IdField = Annotated[str, typer.Option("--id-field", help="JSONL/CSV field holding the id.")]
TextField = Annotated[str, typer.Option("--text-field", help="JSONL/CSV field holding the text.")]
TitleField = Annotated[str, typer.Option("--title-field", help="JSONL/CSV title field.")]
UrlField = Annotated[str, typer.Option("--url-field", help="JSONL/CSV url field.")]
PublishedField = Annotated[str, typer.Option("--published-field", help="JSONL/CSV date field.")]
FormatOption = Annotated[str | None, typer.Option(
    "--input-format", help="Force the input format (text, jsonl, csv, html, feed, warc).")]
FollowSymlinks = Annotated[bool, typer.Option(
    "--follow-symlinks", help="Read symbolic links in input folders that lead out of them.")]


MinConfidence = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Only events at least this likely to be right (confidence is a calibrated "
         "probability).")]
MaxDocChars = Annotated[int, typer.Option(
    "--max-doc-chars", min=1,
    help="Reject a document whose text is longer than this many characters.")]
DocTimeout = Annotated[float, typer.Option(
    "--doc-timeout", min=0,
    help="Reject a document whose cleaning or extraction takes longer than this many "
         "seconds (0: no limit).")]


def _progress(label: str) -> Progress:
    """A progress line on stderr, shown only on a terminal (pipes stay clean)."""
    return Progress(SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(),
                    TextColumn("{task.description}"), TimeElapsedColumn(),
                    console=err, transient=True, disable=not err.is_terminal)


KbOption = Annotated[
    str | None,
    typer.Option(
        "--kb", help="Your own knowledge-base file or folder, merged over the built-in one."
    ),
]


def _extractor(kb: str | None, use_kb: bool = True, min_confidence: float = 0.0) -> EventSink:
    from materiel.pipeline import make_extractor

    return make_extractor(kb, use_kb, min_confidence)


def _ingest_on_ray(targets: list[str], store: Store, options: ReaderOptions,
                   address: str | None, workers: int | None,
                   common: dict[str, Any]) -> IngestSummary:
    try:
        from materiel.scale.ray_ingest import ingest_on_ray
    except ImportError as exc:
        _fail(f"--ray needs Ray: pip install 'materiel[ray]' ({exc})")
    from materiel.scale.cluster import ClusterError

    try:
        return ingest_on_ray(targets, store, options, address=address, workers=workers,
                             **common)
    except ClusterError as exc:
        _fail(f"Ray: {exc}")
    except ConnectionError as exc:  # with token authentication, the token is asked for
        _fail(f"Ray: {exc} (a cluster with token authentication needs RAY_AUTH_MODE=token "
              "here, and its token in ~/.ray/auth_token or $RAY_AUTH_TOKEN)")


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, directories, archives, or - for stdin.", show_default=False)] = None,
    db: DbOption = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the bundled sample corpus.")]
    = False,
    as_json: JsonOption = False,
    id_field: IdField = "id",
    text_field: TextField = "text",
    title_field: TitleField = "title",
    url_field: UrlField = "url",
    published_field: PublishedField = "published",
    input_format: FormatOption = None,
    follow_symlinks: FollowSymlinks = False,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Store documents only; do not extract events.")
    ] = False,
    kb: KbOption = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, max=100_000,
        help="Documents written per transaction.")] = 200,
    max_doc_chars: MaxDocChars = 1_000_000,
    doc_timeout: DocTimeout = 30.0,
    min_confidence: MinConfidence = 0.0,
    reextract: Annotated[bool, typer.Option(
        "--reextract", help="Extract the events of documents stored before again; events a "
                            "reviewer judged are kept.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, max=1024, show_default=False,
        help="Processes that extract events (each loads the model); this one writes. "
             "1 by default; with --ray, the Ray workers, one per CPU of the cluster by "
             "default.")] = None,
    ray: Annotated[bool, typer.Option(
        "--ray", help="Clean and extract on a Ray cluster started on this machine (Ray: "
                      "the ray extra); this process reads and writes.")] = False,
    ray_address: Annotated[str | None, typer.Option(
        "--ray-address", metavar="ADDRESS", show_default=False,
        help="Clean and extract on the Ray cluster at ADDRESS (host:port, or auto for the "
             "one this machine belongs to) instead.")] = None,
) -> None:
    """Read, clean, deduplicate and store documents, with the events extracted from them."""
    from materiel.pipeline import IngestSummary, Limits
    from materiel.pipeline import ingest as run_ingest

    targets = list(paths or [])
    if sample:
        targets.append(str(SAMPLE_DIR))
    if not targets:
        _fail("give at least one PATH (or --sample)")
    store = _open_store(db)
    options = _reader_options(id_field, text_field, title_field, url_field, published_field,
                              input_format, follow_symlinks)
    progress = _progress("ingest")
    with progress:
        task = progress.add_task("", total=None)
        extractor: EventSink | None = None
        factory: Callable[[], EventSink] | None = None
        on_ray = ray or ray_address is not None
        if not no_extract and (on_ray or (workers or 1) > 1):
            from functools import partial

            from materiel.pipeline import make_extractor

            factory = partial(make_extractor, kb, True, min_confidence)
        elif not no_extract:
            progress.update(task, description="loading the language model")
            extractor = _extractor(kb, min_confidence=min_confidence)
        common: dict[str, Any] = dict(
            batch_size=batch_size,
            limits=Limits(max_doc_chars, doc_timeout or None),
            summary=IngestSummary(on_reject=_rejection_printer()),
            reextract=reextract and not no_extract,
            extractor_factory=factory,
            on_document=lambda s: progress.update(
                task, description=f"{s.read} read, {s.new} new, {s.events} events"
            ),
        )
        if on_ray:
            progress.update(task, description="starting the Ray workers")
            summary = _ingest_on_ray(targets, store, options, ray_address, workers, common)
        else:
            summary = run_ingest(targets, store, options, extractor=extractor,
                                 workers=workers or 1, **common)
    store.close()
    if as_json:
        print(json.dumps(summary.to_json() | {"db": store.url}))
    else:
        out.print(
            f"read {summary.read}  new {summary.new}  duplicate {summary.duplicate}  "
            f"near-duplicate {summary.near_duplicate}  rejected {summary.rejected}  "
            f"events {summary.events}",
            highlight=False,
        )
        if summary.rejected > PRINTED_REJECTIONS:  # not every line was printed
            _print_reasons(summary.rejected_by_reason)
    if summary.read == 0:
        raise typer.Exit(1)


@app.command()
def watch(
    feeds_file: Annotated[Path, typer.Argument(
        help="One URL a line (# comments): an RSS/Atom/JSON feed, a plain-text list of URLs, "
             "or an HTML page.", show_default=False)],
    db: DbOption = None,
    interval: Annotated[float, typer.Option("--interval", min=1.0,
                                            help="Seconds between passes.")] = 900.0,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (cron).")] = False,
    max_items: Annotated[int | None, typer.Option(
        "--max-items", min=1, help="New items fetched per pass; the rest wait for the next.")]
    = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1.0,
                                           help="Seconds per HTTP request.")] = 20.0,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1024,
                                           help="Largest response read.")] = 10_000_000,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Store documents only.")]
    = False,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Poll feeds on an interval and ingest their new items (Ctrl-C stops after the current
    item)."""
    from materiel.ingest.http_fetch import HttpLimits
    from materiel.ingest.watch import (
        StopFlag,
        Watcher,
        WatchOptions,
        read_feed_list,
        stop_on_signals,
    )

    try:
        feeds = read_feed_list(feeds_file)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _fail(f"{feeds_file}: {exc}")
    if not feeds:
        _fail(f"{feeds_file}: no feed URLs")
    store, stop = _open_store(db), StopFlag()
    options = WatchOptions(interval=interval, once=once, max_items=max_items,
                           http=HttpLimits(timeout=timeout, max_bytes=max_bytes))
    watcher = Watcher(feeds, store, options, extractor=None if no_extract else _extractor(kb),
                      on_failure=lambda line: err.print(Text.assemble(
                          ("failed", "red"), " ", safe(line)), soft_wrap=True),
                      on_reject=_rejection_printer(), stop=stop)

    def show(r: Any) -> None:
        if as_json:
            print(json.dumps(r.to_json()), flush=True)
            return
        s = r.summary
        out.print(f"pass {r.number}: feeds {r.feeds} (not modified {r.not_modified}, failed "
                  f"{r.failed}, waiting {r.waiting})  items: new {s.new}  duplicate "
                  f"{s.duplicate}  near-duplicate {s.near_duplicate}  seen {r.seen}  rejected "
                  f"{s.rejected}  failed {r.item_failures}  events {s.events}",
                  highlight=False, soft_wrap=True)

    with stop_on_signals(stop):
        last = watcher.run(show)
    store.close()
    if once and last.feeds and last.failed == last.feeds:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories, archives, or - for stdin.", show_default=False),
    ],
    output_format: Annotated[
        str, typer.Option("--format", help="jsonl (the output contract), table, or summary.")
    ] = "jsonl",
    kb: KbOption = None,
    no_kb: Annotated[
        bool, typer.Option("--no-kb", help="Do not resolve mentions against the knowledge base.")
    ] = False,
    id_field: IdField = "id",
    text_field: TextField = "text",
    title_field: TitleField = "title",
    url_field: UrlField = "url",
    published_field: PublishedField = "published",
    input_format: FormatOption = None,
    follow_symlinks: FollowSymlinks = False,
    max_doc_chars: MaxDocChars = 1_000_000,
    doc_timeout: DocTimeout = 30.0,
    min_confidence: MinConfidence = 0.0,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) of documents that give none, such "
        "as standard input: 'on Friday' is read against it.")] = None,
) -> None:
    """Extract events from documents and print them (no database)."""
    import datetime as dt

    from materiel.pipeline import IngestSummary, Limits, extract_paths

    if output_format not in ("jsonl", "table", "summary"):
        _fail(f"unknown --format {output_format!r}")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            _fail(f"--published must be a date such as 2025-03-14, not {published!r:.40}")
    options = _reader_options(
        id_field, text_field, title_field, url_field, published_field, input_format,
        follow_symlinks,
    )
    summary = IngestSummary(on_reject=_rejection_printer())
    per_type: dict[str, int] = {}
    n_docs = n_events = 0
    rows = []
    progress = _progress("extract")
    task = progress.add_task("loading the language model", total=None)
    progress.start()
    for clean_doc, events in extract_paths(
        paths, options, kb_path=kb, use_kb=not no_kb, summary=summary,
        limits=Limits(max_doc_chars, doc_timeout or None), min_confidence=min_confidence,
        published=published,
    ):
        n_docs += 1
        progress.update(task, description=f"{n_docs} documents")
        for event in events:
            n_events += 1
            per_type[event.type] = per_type.get(event.type, 0) + 1
            if output_format == "jsonl":
                sys.stdout.write(to_json(event.to_json()) + "\n")
            elif output_format == "table":
                rows.append((clean_doc.doc.id, event))
    progress.stop()
    if output_format == "table":
        _print_events_table(rows)
    elif output_format == "summary":
        print(f"documents {n_docs}  events {n_events}  rejected {summary.rejected}")
        for event_type, count in sorted(per_type.items(), key=lambda kv: -kv[1]):
            print(f"  {event_type:12s} {count}")
    if summary.read == 0:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    paths: Annotated[
        list[str],
        typer.Argument(help="Inputs to extract from (as for `extract`).", show_default=False),
    ],
    gold: Annotated[
        list[str],
        typer.Option("--gold", help="Gold file(s), one document a line (repeat the option)."),
    ],
    errors: Annotated[int, typer.Option(help="List this many missed/spurious events.")] = 20,
    kb: KbOption = None,
    no_kb: Annotated[bool, typer.Option("--no-kb", help="No knowledge-base resolution.")] = False,
    save: Annotated[
        str | None, typer.Option(help="Also write the predictions (JSONL) to this file.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Extract events and score them against gold, as the reference scorer does."""
    from materiel.evaluation import format_report, load_gold, score
    from materiel.pipeline import IngestSummary, extract_paths

    for path in gold:
        if not Path(path).is_file():
            _fail(f"{path}: no such gold file")
    try:
        gold_docs = load_gold(gold)
    except (ValueError, KeyError, TypeError) as exc:
        _fail(f"gold: not a gold file, one JSON object with a \"doc\" a line ({exc!r:.120})")
    summary = IngestSummary()
    predictions = [
        event.to_json()
        for _doc, events in extract_paths(paths, kb_path=kb, use_kb=not no_kb, summary=summary)
        for event in events
    ]
    _print_rejected(summary.errors)
    if save:
        with open(save, "w", encoding="utf-8") as fh:
            for event in predictions:
                fh.write(json.dumps(event, ensure_ascii=False) + "\n")
    result = score(gold_docs, predictions)
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        print(safe_block(format_report(result, errors=errors)))


@kb_app.command("search")
def kb_search(
    query: Annotated[str, typer.Argument(help="A name, alias or part of one.")],
    limit: Annotated[int, _limit_option()] = 10,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find entries by name or alias (fuzzy)."""
    from materiel.kb import load_kb

    hits = load_kb([kb] if kb else []).search(query, limit=limit)
    if as_json:
        for entry, hit_score in hits:
            print(
                json.dumps(
                    {
                        "id": entry.id,
                        "name": entry.name,
                        "type": entry.type,
                        "country": entry.country,
                        "score": round(hit_score, 3),
                    }
                )
            )
        return
    for entry, hit_score in hits:
        print(
            f"{hit_score:5.2f}  {safe(entry.id):40}  {safe(entry.name)}  ({safe(entry.type)}"
            f"{', ' + safe(entry.country) if entry.country else ''})"
        )


@kb_app.command("show")
def kb_show(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An entry id or a name.")],
    kb: KbOption = None,
) -> None:
    """Print one entry with its aliases and facts."""
    from materiel.kb import load_kb

    base = load_kb([kb] if kb else [])
    entry = base.get(entry_id)
    if entry is None:
        hits = base.search(entry_id, limit=1)
        entry = hits[0][0] if hits and hits[0][1] >= 0.9 else None
    if entry is None:
        _fail(f"no entry {entry_id!r} (try `materiel kb search`)", status=1)
    data = {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "country": entry.country,
        "aliases": list(entry.aliases),
        **dict(entry.facts),
    }
    print(to_json(data, indent=2, default=str))


@kb_app.command("validate")
def kb_validate(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders to check [default: the built-in knowledge base].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check knowledge-base files against the schema; one line per problem."""
    from materiel.kb import validate_kb
    from materiel.kb.loader import builtin_files

    targets = list(paths) if paths else [str(p) for p in builtin_files()]
    problems = validate_kb(targets)
    for line in problems:
        print(safe(line))
    if problems:
        raise typer.Exit(1)
    err.print(f"ok: {len(targets)} file(s), no problems")


@kb_app.command("stats")
def kb_stats(kb: KbOption = None, as_json: JsonOption = False) -> None:
    """Count entries by type."""
    from materiel.kb import load_kb

    counts = load_kb([kb] if kb else []).stats()
    if as_json:
        print(json.dumps(counts))
        return
    for key, value in counts.items():
        print(f"{safe(key):16} {value}")


EVENT_FORMATS = ("table", "csv", "jsonl")
StatusOption = Annotated[str | None, typer.Option(
    "--status", help=f"Status: {', '.join(STATUSES)}.",
    parser=lambda v: _one_of("--status", v, STATUSES))]
CountryOption = Annotated[str | None, typer.Option(
    "--country", help="A country in any role: ISO code, country:XX, or its name.")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="The outlet's name.")]
TypeOption = Annotated[str | None, typer.Option(
    "--type", help=f"Event type: {', '.join(EVENT_TYPES)}.", parser=_parse_event_type)]
ItemOption = Annotated[str | None, typer.Option(help="An item: text, name or KB id.")]
FromOption = Annotated[str | None, typer.Option(
    "--from", help=f"From this date ({DATE_FORMS}).", parser=_iso_date("--from"))]
ToOption = Annotated[str | None, typer.Option(
    "--to", help="Up to this date.", parser=_iso_date("--to"))]


def _one_of(option: str, value: str, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    if value.lower() not in allowed:
        _fail(f"{option} must be one of {', '.join(allowed)}; not {value!r}")
    return value.lower()


def _event_query(**fields: object) -> EventQuery:
    from materiel.store.query import EventQuery

    try:
        return EventQuery(**fields)  # type: ignore[arg-type]
    except ValueError as exc:  # e.g. an unknown country
        _fail(str(exc))


@app.command("events")
def events_list(
    db: DbOption = None,
    event_type: TypeOption = None,
    party: Annotated[
        str | None,
        typer.Option(help="A party (buyer, donor, participant...): text, name or KB id."),
    ] = None,
    item: ItemOption = None,
    country: CountryOption = None,
    status: StatusOption = None,
    outlet: OutletOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    doc: Annotated[str | None, typer.Option(help="Only this document (its own id).")] = None,
    all_copies: Annotated[bool, typer.Option(
        "--all-copies", help="List the events of every copy of a syndicated story.")] = False,
    limit: Annotated[int, _limit_option()] = 100,
    min_confidence: MinConfidence = 0.0,
    output_format: Annotated[str, typer.Option(
        "--format", help="table (for reading), csv (a column per role) or jsonl (the output "
                         "contract).", parser=lambda v: _one_of("--format", v, EVENT_FORMATS))]
    = "table",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format jsonl.")] = False,
    mentions: Annotated[bool, typer.Option(
        "--mentions", help="One line per document's event, not per real event.")] = False,
) -> None:
    """List stored events (newest first), one per real event with its number of sources;
    --json lists every mention of each."""
    from materiel.export import ExportOptions, csv_format
    from materiel.store.query import iter_events

    flt = _event_query(type=event_type, party=party, item=item, country=country,
                       status=status, outlet=outlet, date_from=date_from, date_to=date_to,
                       doc=doc, all_copies=all_copies, min_confidence=min_confidence)
    store = _open_store(db)
    # one more than asked for: whether --limit cut the list
    rows = list(iter_events(store, flt, limit=limit + 1, batch=min(limit + 1, 500)))
    cut = len(rows) > limit
    rows = rows[:limit]
    if not mentions:
        from materiel.link.listing import by_canonical

        with store.engine.connect() as conn:
            rows = by_canonical(conn, rows)
    store.close()
    if as_json:
        output_format = "jsonl"
    if output_format == "jsonl":
        for row in rows:
            print(to_json(row))
    elif output_format == "csv":
        for chunk in csv_format.chunks(rows, {}, ExportOptions()):
            sys.stdout.buffer.write(chunk)
        sys.stdout.flush()
    elif not rows:
        err.print("no events")
    else:
        _print_event_lines(rows)
    if cut:
        err.print(f"note: showing the first {limit:,} events; more match (raise --limit, "
                  "or use `materiel export`)", highlight=False, soft_wrap=True)


def _print_event_lines(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        print(
            f"{safe(row['date']) or '----------':10}  {safe(row['type']):11}  "
            f"{safe(row['status']):9}  {safe(row['doc'])}  {_format_args(row['args'])}"
        )
        print(f"{'':12}\u201c{_cut(safe(row['evidence']), 150)}\u201d")
        others = [c for c in row["copies"] if c["doc"] != row["doc"]]
        if others:
            print(f"{'':12}also in: " + ", ".join(safe(c["outlet"] or c["doc"]) for c in others))
        if row.get("sources", 1) > 1:
            print(f"{'':12}{row['sources']} sources: "
                  + ", ".join(safe(o) for o in row.get("outlets", [])))


@app.command("export")
def export_events(
    output: Annotated[Path, typer.Argument(
        help="The file to write; NAME.manifest.json is written next to it.",
        show_default=False)],
    export_format: Annotated[str | None, typer.Option(
        "--format", help="csv, jsonl, parquet, xlsx, gold or atom [default: from the file's "
                         "suffix].", show_default=False)] = None,
    db: DbOption = None,
    event_type: TypeOption = None,
    party: Annotated[str | None, typer.Option(help="A party: text, name or KB id.")] = None,
    item: ItemOption = None,
    country: CountryOption = None,
    status: StatusOption = None,
    outlet: OutletOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    all_copies: Annotated[bool, typer.Option(
        "--all-copies", help="Export the events of every copy of a syndicated story.")] = False,
    min_confidence: MinConfidence = 0.0,
    rows: Annotated[str, typer.Option(
        "--rows", help="csv, xlsx: one row per event (roles as columns) or per argument.",
        parser=lambda v: _one_of("--rows", v, ("event", "args", "arg")))] = "event",
    bom: Annotated[bool, typer.Option(
        "--bom", help="csv: begin with a UTF-8 byte-order mark (Excel then reads UTF-8).")]
    = False,
    base_url: Annotated[str, typer.Option(
        "--base-url", help="atom: the server address entries link to.")]
    = "http://127.0.0.1:8000",
) -> None:
    """Write the events matching the filters to a file, streamed, with a manifest."""
    from materiel.export import FORMATS, ExportOptions, export_file

    fmt = export_format or _format_from_suffix(output, FORMATS)
    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}; not {fmt!r}")
    flt = _event_query(type=event_type, party=party, item=item, country=country,
                       status=status, outlet=outlet, date_from=date_from, date_to=date_to,
                       all_copies=all_copies, min_confidence=min_confidence)
    options = ExportOptions(rows="arg" if rows.startswith("arg") else "event", bom=bom,
                            base_url=base_url)
    store = _open_store(db)
    try:
        manifest = export_file(store, flt, fmt, output, options)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}", status=1)
    finally:
        store.close()
    err.print(Text(f"wrote {manifest['rows']:,} {'documents' if fmt == 'gold' else 'rows'} "
                   f"to {safe(str(output))} (manifest: {safe(output.name)}.manifest.json)"),
              soft_wrap=True)


def _format_from_suffix(path: Path, formats: Iterable[str]) -> str:
    name = path.name.lower()
    if name.endswith(".gold.jsonl"):
        return "gold"
    suffix = path.suffix.lower().lstrip(".")
    aliases = {"xml": "atom", "ndjson": "jsonl", "pq": "parquet"}
    found = aliases.get(suffix, suffix)
    if found not in formats:
        _fail(f"cannot tell the format from {path.name!r}: give --format "
              f"({', '.join(formats)})")
    return found


@app.command("serve")
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    max_page_size: Annotated[int, typer.Option(
        "--max-page-size", min=1, max=1000, help="The largest page the API hands out.")] = 500,
    login_to_read: Annotated[bool, typer.Option(
        "--login-to-read", envvar="MATERIEL_LOGIN_TO_READ",
        help="Reading needs a login or a token too (changes always do).")] = False,
    facet_time_limit: Annotated[int, typer.Option(
        "--facet-time-limit", envvar="MATERIEL_FACET_TIME_LIMIT_MS", min=0,
        help="Milliseconds the feed waits for its facet counts; the page's script fetches "
             "the rest.")] = 30,
) -> None:
    """Serve the REST API (/api/v1, schema at /api/v1/openapi.json) and the web pages."""
    import uvicorn

    from materiel.api.app import create_app
    from materiel.api.settings import Settings

    store = _open_store(db)
    import os

    settings = Settings(max_page_size=max_page_size,
                        default_page_size=min(50, max_page_size),
                        login_required_to_read=login_to_read,
                        facet_time_limit_ms=facet_time_limit,
                        # a fixed key keeps sessions valid across restarts
                        secret_key=os.environ.get("MATERIEL_SECRET_KEY", ""))
    err.print(Text(f"serving {safe(store.url)} on http://{safe(host)}:{port}/ "
                   f"(API: /api/v1, schema: /api/v1/openapi.json)"), soft_wrap=True)
    try:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level="info")
    finally:
        store.close()


def _format_args(args: dict[str, list[dict[str, object]]]) -> str:
    parts = []
    for role, values in args.items():
        shown = ", ".join(safe(v.get("name") or v.get("text")) for v in values)
        parts.append(f"{safe(role)}={shown}")
    return "; ".join(parts)


def _print_events_table(rows: list[tuple[str, Event]]) -> None:
    from rich.table import Table

    table = Table("doc", "type", "date", "status", "arguments", "evidence", show_lines=True)
    for doc_id, event in rows:
        data = event.to_json()
        table.add_row(*(Text(safe(cell)) for cell in (
            doc_id, event.type, event.date, event.status, _format_args(data["args"]),
            event.evidence[:200])))
    (out if out.is_terminal else Console(width=PIPE_WIDTH)).print(table)


@docs_app.command("list")
def docs_list(
    db: DbOption = None,
    limit: Annotated[int, _limit_option()] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.", metavar="N",
                                        parser=_whole_number("--offset", 0, MAX_OFFSET))] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored documents."""
    store = _open_store(db)
    rows = store.list_documents(limit=limit, offset=offset)
    store.close()
    if as_json:
        for row in rows:
            print(json.dumps(row))
        return
    print(f"{'id':>5}  {'doc':24}  {'published':10}  {'outlet':20}  {'sources':>7}  title")
    for row in rows:
        print(f"{row['id']:>5}  {_cut(safe(row['doc_key']), 24):24}  "
              f"{safe(row['published'])[:10]:10}  {_cut(safe(row['outlet']), 20):20}  "
              f"{row['sources']:>7}  {_cut(safe(row['title']), 60)}")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@docs_app.command("show")
def docs_show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Store id or the input's own id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print a document's cleaned text, its sources, and what cleaning removed."""
    from dataclasses import asdict

    store = _open_store(db)
    doc = store.get_document(doc_id)
    store.close()
    if doc is None:
        _fail(f"no document {doc_id!r}", status=1)
    if as_json:
        print(json.dumps(asdict(doc)))
        return
    out.print(Text.assemble((safe(doc.doc_key), "bold"),
                            f" (#{doc.id})  {safe(doc.published) or 'no date'}  "
                            f"{safe(doc.outlet)}  {safe(doc.url)}"))
    for src in doc.sources:
        where = src["path"] + (f":{src['record']}" if src["record"] >= 0 else "")
        out.print(Text(f"  source {safe(where)} {safe(src['member'])}".rstrip()))
    for flag in doc.flags:
        out.print(Text.assemble("  ", ("flag", "yellow"), " ", safe(flag)))
    for other in doc.cluster:
        out.print(Text(f"  same story as #{other['id']} {safe(other['doc_key'])} "
                       f"{safe(other['outlet'])} {safe(other['url'])}".rstrip()))
    out.print()
    out.print(Text(safe_block(doc.clean_text)), soft_wrap=not out.is_terminal)
    if doc.quotes:
        out.print()
        out.print(Text("quotes", "bold"))
        for quote in doc.quotes:
            out.print(Text(f"  \u201c{safe(quote['text'])}\u201d \u2014 "
                           f"{safe(quote['speaker']) or 'unknown'}"))
    if doc.removals:
        out.print()
        out.print(Text("removed by cleaning", "bold"))
        for rem in doc.removals:
            out.print(Text.assemble("  ", (f"{safe(rem['reason'])}:", "dim"), " ",
                                    safe(rem["text"])))


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user's name.")],
    db: DbOption = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin.")] = False,
) -> None:
    """Add a user (the password is asked for, or read from stdin)."""
    from materiel.auth import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    store = _open_store(db)
    try:
        add_user(store, name, password)
    except ValueError as exc:
        _fail(str(exc))
    finally:
        store.close()
    err.print(Text(f"added user {safe(name)}"))


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """List the users."""
    from materiel.auth import list_users

    store = _open_store(db)
    for user in list_users(store):
        print(f"{safe(user['name'])}  created {user['created_at']}")
    store.close()


@tokens_app.command("create")
def tokens_create(
    user: Annotated[str, typer.Option("--user", help="Whose token it is.")],
    name: Annotated[str, typer.Option("--name", help="What the token is for.")],
    db: DbOption = None,
) -> None:
    """Create a token; it is printed once and never stored in clear."""
    from materiel.auth import create_token

    store = _open_store(db)
    try:
        token_id, secret = create_token(store, user, name)
    except ValueError as exc:
        _fail(str(exc))
    finally:
        store.close()
    err.print(Text(f"token {token_id} for {safe(user)} (keep it: it is not shown again)"))
    print(secret)


@tokens_app.command("revoke")
def tokens_revoke(
    token_id: Annotated[int, typer.Argument(metavar="ID", help="From `materiel tokens list`.")],
    db: DbOption = None,
) -> None:
    """Revoke a token: requests carrying it are refused from now on."""
    from materiel.auth import revoke_token

    store = _open_store(db)
    done = revoke_token(store, token_id)
    store.close()
    if not done:
        _fail(f"no live token {token_id}", status=1)
    err.print(Text(f"revoked token {token_id}"))


@tokens_app.command("list")
def tokens_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the tokens (never their secrets)."""
    from materiel.auth import list_tokens

    store = _open_store(db)
    rows = list_tokens(store)
    store.close()
    for row in rows:
        if as_json:
            print(json.dumps(row))
        else:
            state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "live"
            print(f"{row['id']:>4}  {safe(row['user'])}  {safe(row['name'])}  "
                  f"created {row['created_at']}  {state}")


def version_callback(value: bool) -> None:
    if value:
        print(f"materiel {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=version_callback, is_eager=True, help="Show the version.")]
        = False) -> None:
    pass


def main() -> None:
    # trafilatura logs its own warnings for pages we already report as rejected
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    app(prog_name="materiel")


if __name__ == "__main__":  # pragma: no cover
    main()
