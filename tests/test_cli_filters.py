"""Filters and windows of the listing commands: checked before the database is touched."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from materiel.cli import app
from materiel.store import Store

runner = CliRunner()


@pytest.mark.parametrize("args, option", [
    (["events", "--limit", "-1"], "--limit"),
    (["events", "--limit", "0"], "--limit"),
    (["events", "--limit", "99999999999999999999"], "--limit"),
    (["events", "--limit", "1000001"], "--limit"),
    (["events", "--limit", "ten"], "--limit"),
    (["events", "--limit", "9" * 5000], "--limit"),  # past Python's int-parsing limit
    (["events", "--from", "2025-13"], "--from"),
    (["events", "--from", "2025-02-30"], "--from"),
    (["events", "--from", "last week"], "--from"),
    (["events", "--to", "25-01-01"], "--to"),
    (["events", "--to", "2025-1"], "--to"),
    (["events", "--to", "2025-01-01T00:00"], "--to"),
    (["events", "--type", "purchase"], "--type"),
    (["events", "--type", "[/x]\x1b[2J"], "--type"),
    (["docs", "list", "--limit", "-1"], "--limit"),
    (["docs", "list", "--offset", "-1"], "--offset"),
    (["docs", "list", "--offset", "99999999999999999999"], "--offset"),
    (["kb", "search", "x", "--limit", "0"], "--limit"),
])
def test_bad_values_give_one_line_and_status_2(tmp_path, args, option):
    db = tmp_path / "never.db"
    res = runner.invoke(app, [*args, "--db", str(db)] if args[0] != "kb" else args)
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {option} must be "), lines
    assert "\x1b" not in res.stderr
    assert not db.exists()  # refused before opening the store


def test_good_values_are_accepted(db_url):
    Store.open(db_url).close()
    for args in (["events", "--type", "AID", "--from", "2025", "--to", "2025-06",
                  "--limit", "1000000", "--party", "50%_\\"],
                 ["events", "--from", "2024-02-29", "--to", "2025-12-31", "--limit", "1"],
                 ["docs", "list", "--limit", "1000000", "--offset", "1000000000"]):
        res = runner.invoke(app, [*args, "--db", db_url])
        assert res.exit_code == 0, (args, res.output, res.exception)


def test_bad_limits_never_reach_the_database(db_url):
    """`--limit -1` failed on PostgreSQL, a 20-digit one on SQLite; both are refused now."""
    Store.open(db_url).close()
    for value in ("-1", "99999999999999999999"):
        for command in (["events"], ["docs", "list"]):
            res = runner.invoke(app, [*command, "--limit", value, "--db", db_url])
            assert res.exit_code == 2 and len(res.stderr.splitlines()) == 1, res.output


@pytest.mark.parametrize("content", [None, "not json\n", '["a list"]\n', '{"events": []}\n'])
def test_eval_with_a_missing_or_bad_gold_file_says_so_in_one_line(tmp_path, content):
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    news = tmp_path / "news.jsonl"
    news.write_text('{"id": "a", "text": "The army ordered ten trucks."}\n', encoding="utf-8")
    res = runner.invoke(app, ["eval", "--gold", str(gold), str(news)])
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert res.stdout == ""
    assert len(res.stderr.splitlines()) == 1 and "gold" in res.stderr, res.stderr


def test_extract_reads_weekdays_against_a_given_publication_date():
    text = "Chile ordered six patrol boats from a Dutch yard on Friday.\n"
    res = runner.invoke(app, ["extract", "-", "--no-kb", "--published", "2026-12-07"],
                        input=text)
    assert res.exit_code == 0, res.output
    dates = {json.loads(line)["date"] for line in res.stdout.splitlines()}
    assert dates == {"2026-12-04"}, res.stdout
    bad = runner.invoke(app, ["extract", "-", "--published", "last Friday"], input=text)
    assert bad.exit_code == 2 and bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1 and "--published" in bad.stderr
