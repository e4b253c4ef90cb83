"""`Watcher` against a loopback site: new items only, conditional requests, failures."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from watchsite import ARTICLES, article_html, options, rss

from materiel.ingest.http_fetch import retry_after_seconds
from materiel.ingest.watch import Watcher, backoff_delay, read_feed_list
from materiel.ingest.watch_state import WatchState, feed_items, feed_metadata, now_utc
from materiel.store.schema import documents


def documents_by_title(store) -> list[str]:
    with store.engine.connect() as conn:
        return sorted(row[0] for row in conn.execute(select(documents.c.title)))


def watcher(site, store, feeds, failures=None, **kwargs):
    return Watcher([site.url(f) for f in feeds], store, options(**kwargs),
                   on_failure=(failures.append if failures is not None else None))


def test_the_migration_makes_the_tables_the_code_reads(store):
    from sqlalchemy import inspect

    for name, table in feed_metadata.tables.items():
        columns = {c["name"] for c in inspect(store.engine).get_columns(name)}
        assert columns == {c.name for c in table.columns}, name


def test_a_second_pass_ingests_only_the_item_added_between_them(site, store):
    feed = site.feed("/feed.xml", ["howitzers", "frigate"], version=1)
    first = watcher(site, store, ["/feed.xml"]).run_pass()
    assert (first.summary.new, first.seen) == (2, 0)

    site.feed("/feed.xml", ["radar", "howitzers", "frigate"], version=2)
    second = watcher(site, store, ["/feed.xml"]).run_pass()
    assert (second.summary.new, second.summary.duplicate, second.seen) == (1, 0, 2)
    assert documents_by_title(store) == sorted(ARTICLES[n][0] for n in
                                               ("howitzers", "frigate", "radar"))
    assert [site.count(f"/a/{n}") for n in ("howitzers", "frigate", "radar")] == [1, 1, 1]
    assert feed.etag == '"v2"'
    assert WatchState(store).feed(site.url("/feed.xml")).etag == '"v2"'


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_an_unchanged_feed_answers_304_and_nothing_is_fetched(site, store, validator):
    route = site.feed("/feed.xml", ["howitzers"], version=1)
    if validator == "etag":
        route.last_modified = None
    else:
        route.etag = None
    watcher(site, store, ["/feed.xml"]).run_pass()
    again = watcher(site, store, ["/feed.xml"]).run_pass()
    _, headers = site.requests[-1]
    sent = headers.get("If-None-Match") if validator == "etag" else headers.get(
        "If-Modified-Since")
    assert sent == getattr(route, validator)
    assert again.not_modified == 1 and again.summary.read == 0
    assert site.count("/a/howitzers") == 1


def test_the_same_item_in_two_feeds_is_fetched_and_stored_once(site, store):
    site.feed("/one.xml", ["howitzers", "frigate"])
    site.feed("/two.xml", ["frigate", "radar"])
    report = watcher(site, store, ["/one.xml", "/two.xml"]).run_pass()
    assert (report.summary.new, report.seen) == (3, 1)
    assert site.count("/a/frigate") == 1
    assert len(documents_by_title(store)) == 3


def test_the_same_page_under_two_urls_is_stored_once(site, store):
    site.add("/copy/frigate", article_html("frigate"))
    site.feed("/one.xml", ["frigate"])
    site.add("/two.xml", rss([("other-guid", site.url("/copy/frigate"), "Copy")]),
             content_type="application/rss+xml")
    report = watcher(site, store, ["/one.xml", "/two.xml"]).run_pass()
    assert (report.summary.new, report.summary.duplicate) == (1, 1)
    assert len(documents_by_title(store)) == 1


def test_a_failing_feed_backs_off_while_the_others_go_on(site, store):
    site.feed("/bad.xml", ["howitzers"]).failures.append((500, {}))
    site.feed("/good.xml", ["frigate"])
    failures: list[str] = []
    first = watcher(site, store, ["/bad.xml", "/good.xml"], failures,
                    backoff_base=3600).run_pass()
    assert (first.failed, first.summary.new) == (1, 1)
    assert len(failures) == 1
    assert site.url("/bad.xml") in failures[0] and "HTTP 500" in failures[0]
    state = WatchState(store).feed(site.url("/bad.xml"))
    assert state.failures == 1
    assert timedelta(minutes=29) < state.retry_at - now_utc() <= timedelta(hours=1)

    asked = site.count("/bad.xml")
    waiting = watcher(site, store, ["/bad.xml", "/good.xml"]).run_pass()
    assert waiting.waiting == 1 and site.count("/bad.xml") == asked  # not asked again yet


def test_a_feed_recovers_after_a_500(site, store):
    site.feed("/feed.xml", ["howitzers"]).failures.append((500, {}))
    assert watcher(site, store, ["/feed.xml"]).run_pass().failed == 1
    recovered = watcher(site, store, ["/feed.xml"]).run_pass()  # backoff_base 0: due now
    assert (recovered.failed, recovered.summary.new) == (0, 1)
    state = WatchState(store).feed(site.url("/feed.xml"))
    assert (state.failures, state.retry_at, state.last_error) == (0, None, None)


def test_retry_after_of_a_429_is_honoured(site, store):
    site.feed("/feed.xml", ["howitzers"]).failures.append((429, {"Retry-After": "120"}))
    failures: list[str] = []
    assert watcher(site, store, ["/feed.xml"], failures).run_pass().failed == 1
    state = WatchState(store).feed(site.url("/feed.xml"))
    assert timedelta(seconds=110) < state.retry_at - now_utc() <= timedelta(seconds=120)
    assert "HTTP 429" in failures[0] and "next try in 2 min" in failures[0]
    assert watcher(site, store, ["/feed.xml"]).run_pass().waiting == 1


def test_a_503_on_an_item_page_makes_the_feed_wait(site, store):
    site.feed("/feed.xml", ["howitzers", "frigate"])
    site.routes["/a/frigate"].failures.append((503, {"Retry-After": "60"}))
    report = watcher(site, store, ["/feed.xml"]).run_pass()
    assert (report.summary.new, report.failed) == (1, 1)
    state = WatchState(store).feed(site.url("/feed.xml"))
    assert state.etag is None and state.retry_at - now_utc() > timedelta(seconds=50)


def test_a_slow_answer_times_out(site, store):
    site.feed("/slow.xml", ["howitzers"]).delay = 3.0
    site.feed("/fast.xml", ["frigate"])
    failures: list[str] = []
    started = time.monotonic()
    report = watcher(site, store, ["/slow.xml", "/fast.xml"], failures, timeout=0.5).run_pass()
    assert time.monotonic() - started < 2.5
    assert (report.failed, report.summary.new) == (1, 1)
    assert "timed out" in failures[0]


@pytest.mark.parametrize("declared", [True, False])
def test_a_huge_answer_is_refused_at_the_cap(site, store, declared):
    site.add("/huge.xml", b"<rss>" + b"x" * 3_000_000, content_type="application/rss+xml",
             stream_without_length=not declared)
    failures: list[str] = []
    report = watcher(site, store, ["/huge.xml"], failures, max_bytes=100_000).run_pass()
    assert report.failed == 1 and "too large" in failures[0]


def test_items_that_fail_are_tried_again_and_gone_ones_are_not(site, store):
    site.feed("/feed.xml", ["howitzers", "frigate", "radar"])
    site.routes["/a/frigate"].failures.append((500, {}))
    del site.routes["/a/radar"]  # 404
    failures: list[str] = []
    first = watcher(site, store, ["/feed.xml"], failures).run_pass()
    assert (first.summary.new, first.item_failures, first.failed) == (1, 2, 0)
    assert any("/a/frigate: HTTP 500" in line for line in failures)
    # an item left to retry: the validators are not kept, so the feed is read in full again
    assert WatchState(store).feed(site.url("/feed.xml")).etag is None
    second = watcher(site, store, ["/feed.xml"]).run_pass()
    assert (second.summary.new, second.seen) == (1, 2)
    assert site.count("/a/radar") == 1
    assert WatchState(store).feed(site.url("/feed.xml")).etag == '"v1"'


def test_max_items_leaves_the_rest_for_the_next_pass(site, store):
    site.feed("/feed.xml", ["howitzers", "frigate", "radar"])
    assert watcher(site, store, ["/feed.xml"], max_items=2).run_pass().summary.new == 2
    assert watcher(site, store, ["/feed.xml"], max_items=2).run_pass().summary.new == 1
    assert len(documents_by_title(store)) == 3


def test_url_lists_and_pages(site, store):
    site.add("/a/tanker", article_html("tanker"))
    site.add("/a/drones", article_html("drones"))
    site.add("/list.txt", f"# our picks\n{site.url('/a/tanker')}\n\n{site.url('/a/drones')}\n",
             content_type="text/plain")
    site.add("/page.html", article_html("radar"))
    report = watcher(site, store, ["/list.txt", "/page.html"]).run_pass()
    assert report.summary.new == 3
    again = watcher(site, store, ["/list.txt", "/page.html"]).run_pass()
    assert (again.summary.read, again.seen) == (0, 3)


def test_a_body_that_is_no_feed_list_or_page_is_a_feed_failure(site, store):
    site.add("/data.bin", b"\x00\x01binary", content_type="application/octet-stream")
    failures: list[str] = []
    assert watcher(site, store, ["/data.bin"], failures).run_pass().failed == 1
    assert "neither a feed" in failures[0]


def test_an_item_whose_page_has_no_text_falls_back_to_the_feed_text(site, store):
    text = " ".join(ARTICLES["drones"][1:])
    site.add("/a/empty", "<html><body></body></html>")
    site.add("/feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
             f"<item><guid>g1</guid><link>{site.url('/a/empty')}</link><title>Drones</title>"
             f"<description>{text}</description></item></channel></rss>",
             content_type="application/rss+xml")
    report = watcher(site, store, ["/feed.xml"]).run_pass()
    assert report.summary.new == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(documents.c.raw_text)).scalar() == text


def test_a_killed_run_between_commit_and_mark_loses_and_duplicates_nothing(
        site, store, monkeypatch):
    site.feed("/feed.xml", ["howitzers", "frigate", "radar"])
    real_mark = WatchState.mark
    marks = 0

    def dies_at_the_second_mark(self, *args, **kwargs):
        nonlocal marks
        marks += 1
        if marks == 2:
            raise KeyboardInterrupt  # the process dies after the commit, before the mark
        real_mark(self, *args, **kwargs)

    monkeypatch.setattr(WatchState, "mark", dies_at_the_second_mark)
    with pytest.raises(KeyboardInterrupt):
        watcher(site, store, ["/feed.xml"]).run_pass()
    monkeypatch.setattr(WatchState, "mark", real_mark)
    assert len(documents_by_title(store)) == 2  # committed: howitzers, frigate

    rerun = watcher(site, store, ["/feed.xml"]).run_pass()
    assert (rerun.seen, rerun.summary.duplicate, rerun.summary.new) == (1, 1, 1)
    assert len(documents_by_title(store)) == 3
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(feed_items)).scalar() == 3


def test_the_feeds_file(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# defence wires\nhttps://a.example/feed.xml  # nightly\n\n"
                    "http://b.example/list.txt\nhttps://a.example/feed.xml\n")
    assert read_feed_list(path) == ["https://a.example/feed.xml", "http://b.example/list.txt"]
    path.write_text("https://a.example/feed.xml\nfile:///etc/passwd\nftp://c.example/x\n")
    with pytest.raises(ValueError, match="line 2.*line 3"):
        read_feed_list(path)


def test_redirects_to_other_schemes_are_refused(site, store):
    site.add("/moved.xml", failures=[(302, {"Location": "ftp://127.0.0.1/feed.xml"})])
    failures: list[str] = []
    assert watcher(site, store, ["/moved.xml"], failures).run_pass().failed == 1
    assert "not http(s)" in failures[0]


def test_backoff_doubles_with_jitter_up_to_the_cap():
    assert [backoff_delay(n, 60, 3600, rng=lambda: 1.0) for n in (1, 2, 3, 10)] == [
        60, 120, 240, 3600]
    assert backoff_delay(1, 60, 3600, rng=lambda: 0.0) == 30
    assert backoff_delay(500, 60, 3600, rng=lambda: 1.0) == 3600


def test_retry_after_as_seconds_or_as_a_date():
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("90", now) == 90
    assert retry_after_seconds("Sun, 06 Dec 2026 12:05:00 GMT", now) == 300
    assert retry_after_seconds("Sun, 06 Dec 2026 11:00:00 GMT", now) == 0
    assert retry_after_seconds("99999999", now) == 24 * 3600
    assert retry_after_seconds("soon", now) is None


def test_a_gzipped_answer_sent_unasked_is_unpacked_within_the_cap(site, store):
    site.feed("/feed.xml", ["howitzers"])
    route = site.routes["/a/howitzers"]
    route.set(gzip.compress(route.body))
    route.headers["Content-Encoding"] = "gzip"
    assert watcher(site, store, ["/feed.xml"]).run_pass().summary.new == 1
    site.add("/bomb.xml", gzip.compress(b"<rss>" + b" " * 5_000_000),
             content_type="application/rss+xml", headers={"Content-Encoding": "gzip"})
    failures: list[str] = []
    assert watcher(site, store, ["/bomb.xml"], failures).run_pass().failed == 1
    assert "too large" in failures[0]


def test_an_unexpected_error_in_one_feed_does_not_stop_the_others(site, store, monkeypatch):
    site.feed("/one.xml", ["howitzers"])
    site.feed("/two.xml", ["frigate"])
    real = Watcher._read

    def breaks_on_howitzers(self, item):
        if item.url.endswith("/a/howitzers"):
            raise RuntimeError("reader bug")
        return real(self, item)

    monkeypatch.setattr(Watcher, "_read", breaks_on_howitzers)
    failures: list[str] = []
    report = watcher(site, store, ["/one.xml", "/two.xml"], failures).run_pass()
    assert (report.failed, report.summary.new) == (1, 1)
    assert "RuntimeError: reader bug" in failures[0]
