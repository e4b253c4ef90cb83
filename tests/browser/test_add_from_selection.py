"""Adding a missed event from a sentence selected on a document page: the selection script
offers the sentence the selection starts in, the add-event form opens with it chosen, and
the event is stored with that sentence as its evidence (then undone, so the other browser
tests see the store as the pipeline left it)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser_corpus import MISSED

NAME, PASSWORD = "rev-sel", "another long pass phrase here"
NEXT = "The council will vote"


@pytest.fixture(scope="session")
def selector(db_path) -> str:
    script = shutil.which("materiel", path=str(Path(sys.executable).parent)) or "materiel"
    done = subprocess.run([script, "users", "add", NAME, "--db", str(db_path),
                           "--password-stdin"], input=PASSWORD + "\n", text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return NAME


def _notes_page(page) -> int:
    """Open the document page of the harbour notes; its store id."""
    listed = page.request.get("/api/v1/documents?limit=100").json()["items"]
    found = [d["id"] for d in listed if d["doc_key"] == "harbour-notes"]
    assert len(found) == 1
    page.goto(f"/documents/{found[0]}")
    return int(found[0])


def _drag_select(page, first: str, last: str) -> None:
    """Select with the mouse from the first character of `first` to the last of `last`
    (both found in the document's text), as a reader would."""
    box = page.evaluate("""([first, last]) => {
        const box = document.querySelector("[data-add-event]");
        const text = box.textContent;
        const at = (i) => {  // the text node and offset of the i-th UTF-16 unit
            const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            for (let node = walk.nextNode(); node; node = walk.nextNode()) {
                if (i < node.data.length) return [node, i];
                i -= node.data.length;
            }
        };
        const rect = (i) => {
            const [node, offset] = at(i);
            const r = document.createRange();
            r.setStart(node, offset);
            r.setEnd(node, offset + 1);
            return r.getBoundingClientRect();
        };
        const start = rect(text.indexOf(first));
        const end = rect(text.indexOf(last) + last.length - 1);
        return {x0: start.left + 1, y0: (start.top + start.bottom) / 2,
                x1: end.right - 1, y1: (end.top + end.bottom) / 2};
    }""", [first, last])
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move(box["x1"], box["y1"], steps=8)
    page.mouse.up()


def test_a_selection_offers_its_sentence(page, screenshots):
    _notes_page(page)
    offer = page.locator("a.add-from-selection")
    assert offer.is_hidden()
    # starting on the last character of a sentence after the wide character: counted in
    # UTF-16 units that start would fall past the sentence's end
    _drag_select(page, MISSED[-1] + " " + NEXT, NEXT)
    offer.wait_for(state="visible")
    spans = page.locator("[data-add-event]").get_attribute("data-sentences")
    chosen = int(offer.get_attribute("data-sentence"))
    assert any(s[0] == chosen for s in json.loads(spans))  # one of the page's sentences
    page.screenshot(path=str(screenshots / "add-from-selection.png"))
    href = offer.get_attribute("href")
    assert href.endswith(f"/add-event?sentence={chosen}")
    offer.click()
    page.wait_for_url(re.compile(r"/add-event\?sentence=\d+$"))
    assert page.locator("label.sentence.chosen").inner_text().strip() == MISSED
    assert page.locator("label.sentence.chosen input").is_checked()

    _notes_page(page)
    _drag_select(page, "council will", "new pier")  # inside one sentence
    offer.wait_for(state="visible")
    page.keyboard.press("Escape")  # put away
    assert offer.is_hidden()
    page.locator("article.document h1").click()  # the selection goes, and the offer stays away
    page.wait_for_function("window.getSelection().isCollapsed")
    assert offer.is_hidden()
    _drag_select(page, "council will", "new pier")
    offer.wait_for(state="visible")
    offer.click()
    page.wait_for_url(re.compile(r"/add-event\?sentence=\d+$"))
    assert page.locator("label.sentence.chosen").inner_text().strip().startswith(NEXT)


def test_add_an_event_from_a_selected_sentence_then_undo(selector, page):
    page.goto("/login?next=/")
    page.fill('input[name="name"]', selector)
    page.fill('input[name="password"]', PASSWORD)
    page.click('form[action="/login"] button[type="submit"]')
    page.wait_for_url(re.compile(r"/$"))
    doc_id = _notes_page(page)
    _drag_select(page, "ferry", "late twice")
    page.locator("a.add-from-selection").click()
    page.wait_for_url(re.compile(rf"/documents/{doc_id}/add-event\?sentence=\d+$"))
    form = page.locator(f'form[action="/documents/{doc_id}/add-event"]')
    form.locator('select[name="type"]').select_option("meeting")
    form.locator('select[name="role_0"]').select_option("location")
    form.locator('input[name="text_0"]').fill("Troms\u00f8")
    form.locator('input[name="reason"]').fill("missed by the extractor")
    form.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/events/\d+#evidence$"))
    event_id = int(re.search(r"/events/(\d+)", page.url)[1])
    assert page.locator("mark#evidence").inner_text() == MISSED
    rows = page.locator("table.audit tr").all()[1:]
    cells = [[c.strip() for c in r.locator("td").all_inner_texts()] for r in rows]
    assert [c[1:3] for c in cells] == [[selector, "add"], [selector, "add"]]
    assert any("missed by the extractor" in " ".join(c) for c in cells)

    with page.expect_navigation() as undone:
        page.keyboard.press("u")  # undo: the added event goes again
    assert undone.value is not None and undone.value.status == 404
    assert page.url.endswith(f"/events/{event_id}")
