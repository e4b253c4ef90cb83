"""The workbench in a real browser: the feed, a facet, a search, an event's evidence in view,
and hostile article text that stays text."""

from __future__ import annotations

import re
from urllib.parse import quote

from browser_corpus import EVIDENCE, HOSTILE_TITLE


def test_feed_lists_events_and_a_facet_filters_them(page, screenshots):
    page.goto("/")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 4
    page.screenshot(path=str(screenshots / "feed.png"))
    aid = page.locator('section[data-facet="type"] a', has_text="aid")
    expected = int(aid.locator("xpath=following-sibling::span[1]").inner_text())
    aid.click()
    page.wait_for_url(re.compile(r"type=aid"))
    types = page.locator("table.events tbody td .type").all_inner_texts()
    assert types and set(types) == {"aid"} and len(types) == expected
    assert page.locator('section[data-facet="type"] li.on').inner_text().startswith("aid")


def test_search_marks_the_hit(page, screenshots):
    page.goto("/")
    page.fill('header input[name="q"]', "howitzers")
    page.press('header input[name="q"]', "Enter")
    page.wait_for_url(re.compile(r"q=howitzers"))
    hits = page.locator("table.events .hit mark")
    assert hits.count() >= 1 and hits.first.inner_text().lower().startswith("howitzer")
    assert page.locator("ul.doc-hits mark").count() >= 1
    page.screenshot(path=str(screenshots / "search.png"))


def test_event_page_scrolls_the_evidence_into_view(page, screenshots):
    page.goto("/?q=" + quote("patrol boats"))
    page.locator("table.events td.summary a").first.click()
    page.wait_for_url(re.compile(r"/events/\d+#evidence"))
    mark = page.locator("mark#evidence")
    assert mark.inner_text() == EVIDENCE
    # the sentence stands far down a long text: it is only visible because the page brought
    # it into view inside the text's scrolling box
    page.wait_for_function("document.querySelector('.support.own .text').scrollTop > 0")
    in_view = page.evaluate("""() => {
        const mark = document.getElementById("evidence").getBoundingClientRect();
        const box = document.querySelector(".support.own .text").getBoundingClientRect();
        return mark.top >= box.top && mark.bottom <= box.bottom
            && mark.top >= 0 && mark.bottom <= window.innerHeight;
    }""")
    assert in_view
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
    page.screenshot(path=str(screenshots / "event.png"))


def test_hostile_text_stays_inert(page):
    page.goto("/?q=frigates")
    link = page.locator("table.events td.summary a").first
    link.click()
    page.wait_for_url(re.compile(r"/events/\d+"))
    doc_link = page.locator("section.support h3 a").first
    assert doc_link.inner_text() == HOSTILE_TITLE  # shown as text, not as an image
    doc_link.click()
    page.wait_for_url(re.compile(r"/documents/\d+"))
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    for path in ("/", "/charts", "/?q=" + quote('<script>alert("q")</script>'),
                 "/?outlet=" + quote("<b onmouseover=alert(3)>X</b>")):
        page.goto(path)
        page.mouse.move(300, 300)
        page.mouse.move(600, 400)
    page.goto("/")
    hostile_row = page.locator("table.events tr", has_text="frigates").first
    hostile_row.hover()
    assert page.dialogs == []  # type: ignore[attr-defined]
    # the checker would notice a script that ran
    page.evaluate("() => alert('the test itself')")
    assert page.dialogs == ["the test itself"]  # type: ignore[attr-defined]
