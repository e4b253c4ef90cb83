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
