"""The `materiel` command: a thin layer over the library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from materiel import __version__

if TYPE_CHECKING:
    from materiel.ingest import ReaderOptions
    from materiel.store import Store

app = typer.Typer(help="Turn defense news into a source-linked database of events.",
                  no_args_is_help=True, add_completion=False)
docs_app = typer.Typer(help="Stored documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")

out = Console()
err = Console(stderr=True)

SAMPLE_DIR = Path(__file__).parent / "data" / "sample"

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database URL or SQLite path [default: $MATERIEL_DB, else a file in the "
                 "user data directory].", show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]


def _open_store(db: str | None) -> Store:
    from materiel.store import Store


    try:
        return Store.open(db)
    except Exception as exc:  # noqa: BLE001 - one clear line instead of a traceback
        err.print(f"[red]error:[/red] cannot open the database: {exc}".splitlines()[0])
        raise typer.Exit(2) from exc


def _reader_options(id_field: str, text_field: str, title_field: str, url_field: str,
                    published_field: str, input_format: str | None) -> ReaderOptions:
    from materiel.ingest import ReaderOptions

    return ReaderOptions(id_field=id_field, text_field=text_field, title_field=title_field,
                         url_field=url_field, published_field=published_field,
                         format=input_format)


IdField = Annotated[str, typer.Option("--id-field", help="JSONL/CSV field holding the id.")]
TextField = Annotated[str, typer.Option("--text-field", help="JSONL/CSV field holding the text.")]
TitleField = Annotated[str, typer.Option("--title-field", help="JSONL/CSV title field.")]
UrlField = Annotated[str, typer.Option("--url-field", help="JSONL/CSV url field.")]
PublishedField = Annotated[str, typer.Option("--published-field", help="JSONL/CSV date field.")]
FormatOption = Annotated[str | None, typer.Option(
    "--input-format", help="Force the input format (text, jsonl, csv, html, feed, warc).")]


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
) -> None:
    """Read, clean, deduplicate and store documents."""
    from materiel.pipeline import ingest as run_ingest

    targets = list(paths or [])
    if sample:
        targets.append(str(SAMPLE_DIR))
    if not targets:
        err.print("[red]error:[/red] give at least one PATH (or --sample)")
        raise typer.Exit(2)
    store = _open_store(db)
    options = _reader_options(id_field, text_field, title_field, url_field, published_field,
                              input_format)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(),
                        TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("", total=None)
        summary = run_ingest(targets, store, options, on_document=lambda s: progress.update(
            task, description=f"{s.read} read, {s.new} new"))
    store.close()
    for line in summary.errors:
        err.print(f"[yellow]rejected[/yellow] {line}", highlight=False, soft_wrap=True)
    if as_json:
        print(json.dumps(summary.to_json() | {"db": store.url}))
    else:
        out.print(f"read {summary.read}  new {summary.new}  duplicate {summary.duplicate}  "
                  f"near-duplicate {summary.near_duplicate}  rejected {summary.rejected}",
                  highlight=False)
    if summary.read == 0:
        raise typer.Exit(1)


@docs_app.command("list")
def docs_list(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
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
        print(f"{row['id']:>5}  {_cut(row['doc_key'], 24):24}  "
              f"{(row['published'] or '')[:10]:10}  {_cut(row['outlet'] or '', 20):20}  "
              f"{row['sources']:>7}  {_cut(row['title'] or '', 60)}")


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
        err.print(f"[red]error:[/red] no document {doc_id!r}")
        raise typer.Exit(1)
    if as_json:
        print(json.dumps(asdict(doc)))
        return
    out.print(f"[bold]{doc.doc_key}[/bold] (#{doc.id})  {doc.published or 'no date'}  "
              f"{doc.outlet or ''}  {doc.url or ''}", highlight=False)
    for src in doc.sources:
        where = src["path"] + (f":{src['record']}" if src["record"] >= 0 else "")
        out.print(f"  source {where} {src['member'] or ''}".rstrip(), highlight=False)
    for other in doc.cluster:
        out.print(f"  same story as #{other['id']} {other['doc_key']} {other['outlet'] or ''} "
                  f"{other['url'] or ''}".rstrip(), highlight=False)
    out.print()
    out.print(doc.clean_text, highlight=False, markup=False)
    if doc.removals:
        out.print()
        out.print("[bold]removed by cleaning[/bold]")
        for rem in doc.removals:
            out.print(f"  [dim]{rem['reason']}:[/dim] {rem['text']}", highlight=False)


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
    app(prog_name="materiel")


if __name__ == "__main__":  # pragma: no cover
    main()
