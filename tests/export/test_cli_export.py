"""`materiel export`, `materiel events --format` and `materiel serve` on the workbench store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from materiel.cli import app
from materiel.models import EVENT_TYPES
from materiel.store.query import EventQuery, count_events

runner = CliRunner()


@pytest.fixture
def db(store) -> str:
    return store.url


def test_export_writes_the_file_and_its_manifest(db, tmp_path):
    out = tmp_path / "aid.csv"
    res = runner.invoke(app, ["export", str(out), "--db", db, "--type", "aid", "--bom"])
    assert res.exit_code == 0, res.output
    assert "wrote 1 rows" in res.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["type"] for r in rows] == ["aid"]
    manifest = json.loads((tmp_path / "aid.csv.manifest.json").read_text())
    assert manifest["query"] == {"type": "aid"} and manifest["rows"] == 1


@pytest.mark.parametrize("name, fmt", [("e.parquet", "parquet"), ("e.xlsx", "xlsx"),
                                       ("e.gold.jsonl", "gold"), ("e.jsonl", "jsonl"),
                                       ("e.atom", "atom")])
def test_the_format_follows_the_suffix(db, tmp_path, name, fmt):
    res = runner.invoke(app, ["export", str(tmp_path / name), "--db", db])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / f"{name}.manifest.json").read_text())["format"] == fmt


def test_export_refuses_what_it_cannot_tell(db, tmp_path):
    res = runner.invoke(app, ["export", str(tmp_path / "e.docx"), "--db", db])
    assert res.exit_code == 2 and "--format" in res.stderr
    res = runner.invoke(app, ["export", str(tmp_path / "e.csv"), "--db", db, "--rows", "x"])
    assert res.exit_code == 2 and "--rows" in res.stderr
    assert not list(tmp_path.glob("e.*"))


def test_events_as_csv_and_jsonl(db, store):
    res = runner.invoke(app, ["events", "--db", db, "--format", "csv", "--country", "FI"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["type"], r["buyer"]) for r in rows] == [("procurement", "Finland")]
    res = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == count_events(store, EventQuery())
    assert res.stderr == ""


def test_a_cut_list_says_so(db, store):
    res = runner.invoke(app, ["events", "--db", db, "--limit", "2"])
    assert res.exit_code == 0
    assert "showing the first 2 events" in res.stderr
    total = count_events(store, EventQuery())
    res = runner.invoke(app, ["events", "--db", db, "--limit", str(total)])
    assert "showing the first" not in res.stderr


def test_a_wrong_type_lists_the_known_ones(db):
    res = runner.invoke(app, ["events", "--db", db, "--type", "purchase"])
    assert res.exit_code == 2
    assert all(t in res.stderr for t in EVENT_TYPES)


def test_serve_runs_the_app_on_localhost(db, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    res = runner.invoke(app, ["serve", "--db", db, "--port", "8765"])
    assert res.exit_code == 0, res.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8765
    assert started["app"].state.store.url == db
    assert "/api/v1/events" in started["app"].openapi()["paths"]


def test_serve_reads_the_database_from_the_environment(db, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app))
    monkeypatch.setenv("MATERIEL_DB", db.removeprefix("sqlite:///"))
    assert runner.invoke(app, ["serve"]).exit_code == 0
    assert started["app"].state.store.url == db
