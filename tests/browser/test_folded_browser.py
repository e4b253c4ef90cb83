"""The folded feed in a real browser (the system's chromium through Playwright): two reports
of one aid package are one row, and the feed's toggle lists both mentions."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from folding_corpus import ARTICLES, PAIRS, fill
from materiel.api.app import create_app
from materiel.api.settings import Settings


@contextmanager
def serving(folder: Path, settings: Settings) -> Iterator[str]:
    """The workbench on a store of linked reports, served in this process."""
    import uvicorn

    store = fill(f"sqlite:///{folder / 'materiel.db'}", folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = create_app(store, settings)
    served = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not served.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def folded_server(tmp_path_factory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("folded-browser"),
                 Settings(facet_time_limit_ms=60_000)) as url:
        yield url


@pytest.fixture(scope="module")
def hurried_folded_server(tmp_path_factory) -> Iterator[str]:
    """No time at all for the counts, and pages of three rows: the page cannot know its
    total, and the script fetches it with the facets."""
    with serving(tmp_path_factory.mktemp("hurried-folded"),
                 Settings(facet_time_limit_ms=0, feed_page_size=3)) as url:
        yield url


@pytest.fixture
def folded_page(browser, folded_server) -> Iterator[object]:
    """A page of the session's browser (tests/browser/conftest.py) on that server."""
    context = browser.new_context(base_url=folded_server,
                                  viewport={"width": 1280, "height": 860})
    yield context.new_page()
    context.close()


def test_two_reports_are_one_row_and_the_toggle_shows_both(folded_page):
    page = folded_page
    page.goto("/?type=aid")  # type: ignore[attr-defined]
    rows = page.locator("table.events tbody tr")  # type: ignore[attr-defined]
    aid = [k for k, (_, _, event) in ARTICLES.items() if event[0] == "aid"]
    folded = len(aid) - sum(1 for pair in PAIRS if pair[0] in aid)
    assert rows.count() == folded
    hawk = page.locator("table.events tr", has_text="HAWK")  # type: ignore[attr-defined]
    assert hawk.count() == 1
    assert hawk.locator("a.mentions").inner_text() == "2 mentions"
    assert hawk.locator("td.sources").inner_text() == "2"

    page.locator("a.rows-toggle").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/\?type=aid&rows=mentions$"))  # type: ignore[attr-defined]
    assert rows.count() == len(aid)
    assert hawk.count() == 2
    shown = hawk.locator("td.summary > a:first-child").all_inner_texts()
    for doc in ("hawk-wire", "hawk-daily"):  # each report's own sentence
        assert sum(ARTICLES[doc][1] in text for text in shown) == 1, doc

    # back to one row per real event, and from there to the list of its mentions
    page.locator("a.rows-toggle").click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/\?type=aid$"))  # type: ignore[attr-defined]
    hawk.locator("a.mentions").click()
    page.wait_for_url(re.compile(r"/canonical/\d+$"))  # type: ignore[attr-defined]
    assert page.locator("table.mentions tbody tr").count() == 2  # type: ignore[attr-defined]


def test_the_script_fills_in_counts_of_what_the_rows_are(browser, hurried_folded_server):
    context = browser.new_context(base_url=hurried_folded_server,
                                  viewport={"width": 1280, "height": 860})
    page = context.new_page()
    try:
        real_events = len(ARTICLES) - len(PAIRS)
        for path, total, hawk in (("/", f"{real_events} events", 1),
                                  ("/?rows=mentions", f"{len(ARTICLES)} mentions", 2)):
            page.goto(path)
            page.wait_for_selector("aside.facets section.pending", state="detached")
            assert page.locator(".events-total").inner_text() == total, path
            item = page.locator('section[data-facet="item"] li', has_text="HAWK missiles")
            assert item.locator(".count").inner_text() == str(hawk), path
    finally:
        context.close()
