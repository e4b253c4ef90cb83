"""The `materiel` command as a user runs it: a real process, a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def materiel(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "materiel.cli", *args, "--db", str(db)],
                          capture_output=True, text=True, input=stdin)


def test_ingest_summary_and_json(tmp_path):
    db = tmp_path / "m.db"
    doc = tmp_path / "note.txt"
    doc.write_text("The navy commissioned a new frigate at the port on Monday.\n"
                   "Sign up for our newsletter to get the latest defence news.\n")
    first = materiel("ingest", str(doc), db=db)
    assert first.returncode == 0, first.stderr
    assert "read 1  new 1" in first.stdout
    again = json.loads(materiel("ingest", str(doc), "--json", db=db).stdout)
    assert again["new"] == 0 and again["duplicate"] == 1
    shown = materiel("docs", "show", "note", db=db)
    assert "commissioned a new frigate" in shown.stdout
    assert "newsletter prompt" in shown.stdout  # what cleaning removed, and why
    listed = materiel("docs", "list", "--json", db=db)
    assert json.loads(listed.stdout.splitlines()[0])["doc_key"] == "note"


def test_stdin_and_exit_status(tmp_path):
    db = tmp_path / "m.db"
    line = json.dumps({"id": "s1", "text": "Estonia received two radars from a Dutch firm."})
    ok = materiel("ingest", "-", db=db, stdin=line + "\n")
    assert ok.returncode == 0 and "new 1" in ok.stdout
    bad = materiel("ingest", str(tmp_path / "nowhere.txt"), db=db)
    assert bad.returncode == 1
    assert "nowhere.txt" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    missing = materiel("docs", "show", "nope", db=db)
    assert missing.returncode == 1


def test_environment_variable_picks_the_database(tmp_path):
    db = tmp_path / "env.db"
    doc = tmp_path / "x.txt"
    doc.write_text("Finland ordered artillery shells from a Norwegian maker in May.")
    env = {"MATERIEL_DB": str(db), "PATH": "/usr/bin:/bin"}
    res = subprocess.run([sys.executable, "-m", "materiel.cli", "ingest", str(doc)],
                         capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    assert db.exists()


SAMPLE = Path(__file__).resolve().parents[1] / "src" / "materiel" / "data" / "sample"


def test_sample_ingest_stores_events_and_lists_them(tmp_path):
    """The README's first command: ingest the bundled sample, then list the events."""
    db = tmp_path / "m.db"
    res = materiel("ingest", "--sample", "--json", db=db)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["new"] >= 7 and summary["events"] >= 5
    listed = [json.loads(line) for line in
              materiel("events", "--json", "--type", "procurement", db=db).stdout.splitlines()]
    assert listed and all(e["type"] == "procurement" for e in listed)
    poland = [e for e in listed if e["doc"] == "sample-wire-001"]
    assert poland and poland[0]["args"]["buyer"][0]["name"] == "Poland"
    assert poland[0]["evidence"].startswith("Poland's defence ministry signed")
    again = json.loads(materiel("ingest", "--sample", "--json", db=db).stdout)
    assert again["new"] == 0 and again["events"] == 0
    aid = [json.loads(line) for line in
           materiel("events", "--json", "--type", "aid", db=db).stdout.splitlines()]
    for e in aid:  # no one gives to itself; a sanction's reason is no aid
        donors = {a.get("name") or a["text"] for a in e["args"].get("donor", [])}
        assert not donors & {a.get("name") or a["text"] for a in e["args"].get("recipient", [])}
    assert not [e for e in aid if e["doc"] == "sample-wire-004"]
    dutch = [e for e in aid if e["doc"] == "sample-wire-002"]
    assert [[a["name"] for a in e["args"]["donor"]] for e in dutch] == [["Netherlands"]]


def test_extract_writes_the_output_contract(tmp_path):
    doc = tmp_path / "story.jsonl"
    doc.write_text(json.dumps({
        "id": "x-1", "published": "2025-03-14",
        "text": "Finland signed a contract with Patria on Tuesday for 91 armoured vehicles "
                "worth 300 million euros, the defence ministry said."}) + "\n")
    res = subprocess.run([sys.executable, "-m", "materiel.cli", "extract", str(doc)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    events = [json.loads(line) for line in res.stdout.splitlines()]
    buys = [e for e in events if e["type"] == "procurement"]
    assert buys, events
    event = buys[0]
    assert event["doc"] == "x-1" and event["date"] == "2025-03-11"
    assert {"doc", "type", "date", "status", "args", "evidence"} <= set(event)
    assert any(v.get("value") == 300_000_000 and v.get("currency") == "EUR"
               for v in event["args"].get("value", []))
    assert event["args"]["buyer"][0]["name"] == "Finland"
    assert event["args"]["buyer"][0]["id"] == "country:FI"


def test_table_and_text_in_a_pipe_are_not_folded_at_80_columns(tmp_path):
    """Piped to a file or to grep, a table row and a line of a document stay one line each."""
    doc = tmp_path / "long.jsonl"
    sentence = ("Finland signed a contract with Patria on Tuesday for 91 armoured vehicles "
                "worth 300 million euros, the defence ministry in Helsinki said on its website.")
    doc.write_text(json.dumps({"id": "wide-1", "published": "2025-03-14",
                               "text": sentence}) + "\n")
    res = subprocess.run([sys.executable, "-m", "materiel.cli", "extract", "--format", "table",
                          str(doc)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert any(sentence[:150] in line for line in res.stdout.splitlines()), res.stdout
    db = tmp_path / "m.db"
    assert materiel("ingest", str(doc), db=db).returncode == 0
    shown = materiel("docs", "show", "wide-1", db=db).stdout
    assert sentence in shown.splitlines()
