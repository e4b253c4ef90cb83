"""What the `materiel` command prints from hostile data: nothing a terminal acts on, no markup."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from materiel.models import (
    Argument,
    CleanDocument,
    Document,
    Event,
    Provenance,
    Removal,
    Sentence,
)
from materiel.store import Store
from materiel.terminal import BIDI_CONTROLS

HOSTILE = ("\x1b[2J\x1b]0;pwned\x07\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\"
           "\u202egnp.exe\u202c\u2066x\u2069 [/x][bold]b[link=file:///etc/passwd]l[/link]"
           " :smile: \x9b2J\x7f")
STORY = ("Finland ordered 40 howitzers from a Korean maker on 2 May, the defence ministry "
         "said, in a deal that also covers training, spare parts and ammunition for the "
         "artillery brigades in the north of the country. ")
# Nothing the terminal would act on: escapes, C0 (but line breaks and tabs), DEL, C1, bidi
INERT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items()
            if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")}
    res = subprocess.run([sys.executable, "-m", "materiel.cli", *args], capture_output=True,
                         env=base | (env or {}))
    return subprocess.CompletedProcess(res.args, res.returncode, res.stdout.decode("utf-8"),
                                       res.stderr.decode("utf-8"))


def assert_inert(text: str, sgr_allowed: bool = False) -> None:
    if sgr_allowed:  # a terminal gets our own colours, and nothing else
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert not INERT.search(text), repr(INERT.search(text))


def assert_payload_dropped(text: str) -> None:
    """The window title and the hyperlink target went with their escape sequences."""
    assert "pwned" not in text and "]8;" not in text


def _document(key: str, text: str, outlet: str) -> CleanDocument:
    doc = Document(id=key, text=text, title=HOSTILE, url=f"http://x/[/x]{HOSTILE}",
                   published="2025-05-03", outlet=outlet,
                   provenance=Provenance(path=f"in[/x]{HOSTILE}.jsonl", record=0,
                                         content_hash=key),
                   extra={"flags": [f"odd {HOSTILE}"]})
    return CleanDocument(doc=doc, text=text, sentences=[Sentence(0, len(STORY) - 1, STORY)],
                         removed=[Removal(HOSTILE, f"promo {HOSTILE}", 0, 3)])


@pytest.fixture
def hostile_db(tmp_path) -> str:
    """A store whose every printed field (ids, titles, outlets, urls, paths, text, removals,
    quotes, flags, arguments, evidence) carries escapes, bidi overrides and markup."""
    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    store = Store.open(url)
    text = STORY + HOSTILE
    first = _document(f"wire-[/x]{HOSTILE}", text, f"Outlet [bold]{HOSTILE}")
    copy = _document(f"copy-[/x]{HOSTILE}", text + " More.", f"Copy [/x]{HOSTILE}")
    event = Event(doc=first.doc.id, type="procurement", date="2025-05-02", status="done",
                  args={"buyer": [Argument(f"Finland {HOSTILE}")],
                        "item": [Argument("50% of the howitzers_[/x]")]},
                  evidence=text, evidence_start=0, evidence_end=len(text))
    with store.transaction() as conn:
        stored = store.add(conn, first)
        store.add_events(conn, stored.document_id, first, [event])
        store.add_quotes(conn, stored.document_id,
                         [{"text": HOSTILE, "speaker": HOSTILE, "start": 0, "end": 3}])
        assert store.add(conn, copy).status == "near_duplicate"
    store.close()
    return url


def test_listings_print_hostile_data_inert(hostile_db):
    printed = {}
    for args in (("events",), ("events", "--all-copies"), ("docs", "list"),
                 ("docs", "show", "1"), ("docs", "show", "2")):
        res = printed[args] = run(*args, "--db", hostile_db)
        assert res.returncode == 0, (args, res.stderr)
        assert_inert(res.stdout + res.stderr)
        assert_payload_dropped(res.stdout)
        assert res.stdout.strip() and not res.stderr, args
    shown = printed["docs", "show", "1"].stdout
    # markup and emoji codes in data are printed as they are written
    assert "[/x][bold]b[link=file:///etc/passwd]l[/link] :smile:" in shown
    assert "wire-[/x]" in shown and "same story as #2 copy-[/x]" in shown
    assert "promo " in shown and "flag odd" in shown
    events = printed["events",].stdout
    assert "buyer=Finland" in events and "also in: Copy [/x]" in events


def test_a_terminal_gets_only_our_colours(hostile_db):
    for args in (["docs", "show", "1"], ["events"], ["docs", "show", "[/x]"]):
        res = run(*args, "--db", hostile_db, env={"FORCE_COLOR": "1", "COLUMNS": "100"})
        assert res.returncode in (0, 1), res.stderr
        assert_inert(res.stdout + res.stderr, sgr_allowed=True)
        assert_payload_dropped(res.stdout)
        assert "Traceback" not in res.stderr


def test_json_output_is_faithful_and_inert(hostile_db):
    events = run("events", "--json", "--db", hostile_db)
    docs = run("docs", "list", "--json", "--db", hostile_db)
    shown = run("docs", "show", "1", "--json", "--db", hostile_db)
    for res in (events, docs, shown):
        assert res.returncode == 0, res.stderr
        assert_inert(res.stdout)
    event = json.loads(events.stdout.splitlines()[0])
    assert event["evidence"] == STORY + HOSTILE
    assert event["args"]["buyer"][0]["text"] == f"Finland {HOSTILE}"
    assert json.loads(docs.stdout.splitlines()[0])["title"] == HOSTILE
    assert json.loads(shown.stdout)["title"] == HOSTILE


def test_a_missing_document_named_with_markup_is_one_line(hostile_db):
    res = run("docs", "show", f"[/x]{HOSTILE}", "--db", hostile_db)
    assert res.returncode == 1
    assert res.stderr.startswith("error: no document '[/x]")
    assert len(res.stderr.splitlines()) == 1
    assert_inert(res.stderr)


def test_kb_search_and_show_print_hostile_entries_inert(tmp_path):
    kb_file = tmp_path / "mine.yaml"
    kb_file.write_text(
        '- id: company:zzhostile\n'
        '  name: "Zzhostile \\e[2J\\e]0;pwned\\a\\u202eWorks [/x]"\n'
        '  type: company\n'
        '  country: "F\\eI"\n'
        '  aliases: ["Zz\\u2066hostile\\u2069"]\n')
    found = run("kb", "search", "Zzhostile", "--kb", str(kb_file), "--limit", "1")
    assert found.returncode == 0, found.stderr
    assert "company:zzhostile" in found.stdout and "Works [/x]" in found.stdout
    shown = run("kb", "show", "company:zzhostile", "--kb", str(kb_file))
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["name"] == "Zzhostile \x1b[2J\x1b]0;pwned\x07\u202eWorks [/x]"
    for res in (found, shown):
        assert "\x1b" not in res.stdout + res.stderr
        assert not re.search(f"[{BIDI_CONTROLS}\x07]", res.stdout + res.stderr)


def test_ingest_reports_rejected_records_named_with_markup(tmp_path):
    folder = tmp_path / "d["
    folder.mkdir()
    bad = folder / "x].jsonl"  # the path reads d[/x].jsonl
    bad.write_text(json.dumps({"id": "ok", "text": STORY}) + "\n{not json\n"
                   + json.dumps({"id": f"[/x]{HOSTILE}", "text": " "}) + "\n")
    db = f"sqlite:///{tmp_path / 'm.db'}"
    plain = run("ingest", "--no-extract", str(bad), "--db", db)
    assert plain.returncode == 0, plain.stderr
    rejected = plain.stderr.splitlines()
    assert len(rejected) == 2 and all(line.startswith("rejected ") for line in rejected)
    assert "d[/x].jsonl" in plain.stderr and "Traceback" not in plain.stderr
    assert_inert(plain.stdout + plain.stderr)
    assert "new 1" in plain.stdout
    again = run("ingest", "--no-extract", "--json", str(bad), "--db", db)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["duplicate"] == 1
