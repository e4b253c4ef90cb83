"""Review in a real browser: log in through the login page, judge with the keys, see the audit
log, undo, reach the edit form, and a form posted without its CSRF token refused.

Every change made here is undone before the test ends, so the other browser tests see the
store as the pipeline left it (the audit log keeps the rows, as it should)."""

from __future__ import annotations

import re

from accounts import NAME, PASSWORD


def _log_in(page, target: str = "/review") -> None:
    page.goto(f"/login?next={target}")
    page.fill('input[name="name"]', NAME)
    page.fill('input[name="password"]', PASSWORD)
    page.click('form[action="/login"] button[type="submit"]')
    page.wait_for_url(re.compile(re.escape(target) + "$"))


def _card(page) -> int:
    return int(page.locator("article.card").get_attribute("data-event"))


def _audit_rows(page) -> list[list[str]]:
    rows = page.locator("table.audit tr").all()[1:]  # under the header
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in rows]


def test_a_wrong_password_is_refused(reviewer, page):
    page.goto("/login")
    page.fill('input[name="name"]', reviewer)
    page.fill('input[name="password"]', "not the password")
    page.click('form[action="/login"] button[type="submit"]')
    assert page.locator(".problem").inner_text() == "Wrong name or password."
    page.goto("/review")
    assert page.locator(".review-actions").count() == 0  # still a reader


def test_accept_with_a_then_undo_with_u(reviewer, page, screenshots):
    _log_in(page)
    first = _card(page)
    page.screenshot(path=str(screenshots / "review.png"))
    page.keyboard.press("a")
    page.wait_for_function(
        f"document.querySelector('article.card')?.dataset.event !== '{first}'")
    assert _card(page) != first  # the queue moved on to the next card

    page.goto(f"/events/{first}")
    rows = _audit_rows(page)
    assert len(rows) >= 1
    accepted = rows[-1]
    assert accepted[1] == reviewer and accepted[2] == "accept"
    page.screenshot(path=str(screenshots / "audit.png"))

    count = len(rows)
    page.keyboard.press("u")
    page.wait_for_function(f"document.querySelectorAll('table.audit tr').length > {count + 1}")
    undone = _audit_rows(page)[-1]
    assert undone[1] == reviewer and undone[2] == "undo"
    page.goto("/review")
    assert _card(page) == first  # unreviewed again: back at the head of the queue


def test_e_opens_the_edit_form(reviewer, page):
    _log_in(page)
    shown = _card(page)
    page.keyboard.press("e")
    page.wait_for_url(re.compile(rf"/review/{shown}/edit"))
    form = page.locator(f'form[action="/review/{shown}/edit"]')
    assert form.locator('[name="type"]').count() == 1
    assert form.locator('[name="date"]').count() == 1
    assert form.locator('[name="role_0"]').count() == 1
    assert form.locator('input[name="csrf_token"]').get_attribute("value")


def test_a_form_without_its_csrf_token_is_refused(reviewer, page):
    _log_in(page)
    shown = _card(page)
    page.goto(f"/events/{shown}")
    logged = len(_audit_rows(page))
    page.goto("/review")
    with page.expect_navigation() as sent:
        page.evaluate("""() => {
            const form = document.querySelector('form[data-key="a"]');
            form.querySelector('input[name="csrf_token"]').remove();
            form.submit();
        }""")
    assert sent.value.status == 403
    assert "CSRF token" in page.content()
    page.goto(f"/events/{shown}")
    assert len(_audit_rows(page)) == logged  # nothing was changed
