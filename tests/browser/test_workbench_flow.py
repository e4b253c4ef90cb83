"""The rest of the analyst's round in a real browser: accept one event and edit another and
find both in the audit log, export the feed's selection as CSV and read it back, facets
the server had no time to count filled in by the page's script, and the other main pages
(charts, an entity, a document) with their screenshots.

Every change made here is undone before the test ends, so the other browser tests see the
store as the pipeline left it (the audit log keeps the rows, as it should)."""

from __future__ import annotations

import csv
import re

from accounts import PASSWORD


def _log_in(page, name: str, target: str = "/review") -> None:
    page.goto(f"/login?next={target}")
    page.fill('input[name="name"]', name)
    page.fill('input[name="password"]', PASSWORD)
    page.click('form[action="/login"] button[type="submit"]')
    page.wait_for_url(re.compile(re.escape(target) + "$"))


def _audit(page) -> list[list[str]]:
    rows = page.locator("table.audit tr").all()[1:]
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in rows]


def _undo_on(page, event_id: int) -> None:
    page.goto(f"/events/{event_id}")
    count = len(_audit(page))
    page.keyboard.press("u")
    page.wait_for_function(f"document.querySelectorAll('table.audit tr').length > {count + 1}")


def test_accept_one_edit_another_both_in_the_audit_log(reviewer, page, screenshots):
    _log_in(page, reviewer)
    accepted = int(page.locator("article.card").get_attribute("data-event"))
    page.keyboard.press("a")
    page.wait_for_function(
        f"document.querySelector('article.card')?.dataset.event !== '{accepted}'")
    edited = int(page.locator("article.card").get_attribute("data-event"))
    page.keyboard.press("e")
    page.wait_for_url(re.compile(rf"/review/{edited}/edit"))
    form = page.locator(f'form[action="/review/{edited}/edit"]')
    status = form.locator('select[name="status"]')
    before = status.input_value()
    after = next(v for v in status.locator("option").evaluate_all(
        "options => options.map(o => o.value)") if v and v != before)
    status.select_option(after)
    form.locator('input[name="reason"]').fill("the article says so")
    with page.expect_navigation():  # back where the edit was opened from
        form.get_by_role("button", name="Save").click()
    page.goto(f"/events/{edited}")
    rows = _audit(page)
    change = next(r for r in rows if r[2] == "edit" and r[3] == "status")
    assert change[1] == reviewer and after in change[5] and change[6] == "the article says so"
    page.screenshot(path=str(screenshots / "audit-edit.png"))
    page.goto(f"/events/{accepted}")
    assert [r[1:3] for r in _audit(page)][-1] == [reviewer, "accept"]
    # the whole log, newest first, holds both
    log = page.request.get("/api/v1/audit").json()
    newest = [(e["event_id"], e["action"]) for e in log["items"]]
    assert (edited, "edit") in newest and (accepted, "accept") in newest

    _undo_on(page, edited)
    _undo_on(page, accepted)
    page.goto(f"/review/{edited}/edit")
    assert page.locator('select[name="status"]').input_value() == before


def test_export_the_selection_as_csv_and_read_it_back(page, tmp_path):
    page.goto("/?type=aid")
    listed = [int(i) for i in re.findall(
        r"/events/(\d+)#evidence",
        " ".join(page.locator("table.events td.summary a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")))]
    assert listed
    with page.expect_download() as download:
        page.locator(".exports a", has_text="CSV").click()
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [int(r["event_id"]) for r in rows] == listed
    assert {r["type"] for r in rows} == {"aid"}
    assert all(r["evidence"] for r in rows)


def test_facets_left_uncounted_are_filled_in_by_the_script(browser, hurried_server,
                                                           screenshots):
    context = browser.new_context(base_url=hurried_server,
                                  viewport={"width": 1280, "height": 860})
    page = context.new_page()
    try:
        page.goto("/?type=aid")
        # the page came without counts; the script fetched them and put them in place
        page.wait_for_selector("aside.facets section.pending", state="detached")
        assert page.locator(".timed-out").count() == 0
        aid = page.locator('section[data-facet="type"] li.on')
        assert aid.locator("a").inner_text() == "aid"
        shown = page.locator("table.events tbody tr").count()
        assert int(aid.locator(".count").inner_text()) == shown
        assert page.locator('section[data-facet="party"] li .count').count() >= 1
        page.locator('section[data-facet="party"] li a').first.click()
        page.wait_for_url(re.compile(r"type=aid&party="))
        page.screenshot(path=str(screenshots / "feed-facets-fetched.png"))
    finally:
        context.close()


def test_charts_entity_and_document_pages(page, screenshots):
    page.goto("/charts")
    assert page.locator("svg").count() >= 2
    page.screenshot(path=str(screenshots / "charts.png"), full_page=True)
    page.goto("/")
    page.locator("table.events a.entity").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("ol.timeline li").count() >= 1
    page.screenshot(path=str(screenshots / "entity.png"))
    page.goto("/?q=howitzers")
    page.locator("ul.doc-hits a").first.click()
    page.wait_for_url(re.compile(r"/documents/\d+"))
    assert page.locator("mark").count() >= 1  # the event's sentence marked in the text
    page.screenshot(path=str(screenshots / "document.png"))
