"""`materiel watch`: the command's output, a clean stop on SIGTERM, and a killed run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner
from watchsite import ARTICLES

from materiel.cli import app
from materiel.store import Store
from materiel.store.schema import documents, events

MATERIEL = str(Path(sys.executable).with_name("materiel"))


def feeds_file(tmp_path: Path, *urls: str) -> str:
    path = tmp_path / "feeds.txt"
    path.write_text("# test feeds\n" + "\n".join(urls) + "\n")
    return str(path)


def titles(db: str) -> list[str]:
    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            return sorted(row[0] for row in conn.execute(select(documents.c.title)))
    finally:
        store.close()


def test_one_pass_prints_its_counts_and_a_second_finds_nothing_new(site, tmp_path):
    site.feed("/feed.xml", ["howitzers", "frigate"])
    db = str(tmp_path / "m.db")
    args = ["watch", feeds_file(tmp_path, site.url("/feed.xml")), "--once", "--no-extract",
            "--db", db]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "pass 1: feeds 1 (not modified 0, failed 0, waiting 0)  items: new 2" in first.output
    second = CliRunner().invoke(app, args)
    assert "feeds 1 (not modified 1, failed 0, waiting 0)  items: new 0" in second.output


def test_every_feed_failing_exits_1_with_a_line_naming_it(site, tmp_path):
    site.add("/gone.xml", failures=[(500, {})])
    result = CliRunner().invoke(app, ["watch", feeds_file(tmp_path, site.url("/gone.xml")),
                                      "--once", "--no-extract", "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 1
    assert f"failed {site.url('/gone.xml')}: HTTP 500" in result.output


def test_a_feeds_file_with_a_bad_line_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["watch", feeds_file(tmp_path, "file:///etc/passwd"),
                                      "--once", "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 2 and "line 2: not an http(s) URL" in result.output


def test_items_are_extracted_as_by_ingest(site, tmp_path):
    site.feed("/feed.xml", ["howitzers"])
    db = str(tmp_path / "m.db")
    result = CliRunner().invoke(app, ["watch", feeds_file(tmp_path, site.url("/feed.xml")),
                                      "--once", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    store = Store.open(db)
    with store.engine.connect() as conn:
        types = [row[0] for row in conn.execute(select(events.c.type))]
    store.close()
    assert "procurement" in types, types


def _start(args: list[str]) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.Popen([MATERIEL, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def test_sigterm_finishes_the_item_and_a_killed_run_loses_nothing(site, tmp_path):
    names = ["howitzers", "frigate", "radar"]
    site.feed("/feed.xml", names)
    db = str(tmp_path / "m.db")
    args = ["watch", feeds_file(tmp_path, site.url("/feed.xml")), "--no-extract", "--db", db,
            "--interval", "3600"]

    # SIGTERM while the second page is on its way: it is stored, then the command exits
    asked = site.on_request["/a/frigate"] = threading.Event()
    site.routes["/a/frigate"].delay = 1.0
    run = _start(args)
    assert asked.wait(60), run.communicate()[0]
    run.send_signal(signal.SIGTERM)
    output, _ = run.communicate(timeout=60)
    assert run.returncode == 0, output
    assert "items: new 2" in output
    assert titles(db) == sorted(ARTICLES[n][0] for n in names[:2])
    assert site.count("/a/radar") == 0

    # SIGKILL while the third page is on its way: nothing of it is kept
    asked = site.on_request["/a/radar"] = threading.Event()
    site.routes["/a/radar"].delay = 30.0
    run = _start(args)
    assert asked.wait(60), run.communicate()[0]
    run.kill()
    run.communicate(timeout=60)
    assert len(titles(db)) == 2

    site.routes["/a/radar"].delay = 0.0
    run = _start([*args, "--once"])
    output, _ = run.communicate(timeout=120)
    assert run.returncode == 0, output
    assert "items: new 1  duplicate 0  near-duplicate 0  seen 2" in output
    assert titles(db) == sorted(ARTICLES[n][0] for n in names)
