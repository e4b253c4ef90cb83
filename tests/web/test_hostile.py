"""Article text is data, never markup: documents holding scripts, event-handler attributes and
javascript: links render inert on every page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from corpus import EVIL_NAME, HOSTILE_URL

import materiel.web
from materiel.store.query import EventQuery, iter_events

LINK_ATTRS = {"href", "src", "action", "formaction", "xlink:href"}
# the package's own scripts, served from its static folder: no other script may appear
OWN_SCRIPTS = {f"/static/{path.name}" for path in
               (Path(materiel.web.__file__).parent / "static").glob("*.js")}
FORBIDDEN_TAGS = {"iframe", "img", "object", "embed", "svg:script"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src") not in OWN_SCRIPTS:
            self.problems.append(f"script {attrs}")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"{tag} {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"handler {name}={value} on <{tag}>")
            if name in LINK_ATTRS and value and not value.startswith(("/", "#", "http://",
                                                                      "https://")):
                self.problems.append(f"link {name}={value} on <{tag}>")


def problems(html: str) -> list[str]:
    parser = Tags()
    parser.feed(html)
    return parser.problems


def hostile_pages(store) -> list[str]:
    evil = store.get_document('evil"><script>alert(1)</script>')
    pipeline_made = store.get_document("hostile")
    events = [e["event_id"] for e in iter_events(store, EventQuery())
              if e["doc"] in (evil.doc_key, pipeline_made.doc_key)]
    return ["/", "/?q=drones", "/?q=" + quote('<script>alert("q")</script>'),
            "/?party=" + quote(EVIL_NAME), "/?outlet=" + quote("<b>Bad Outlet</b>"),
            f"/documents/{evil.id}", f"/documents/{pipeline_made.id}", "/charts",
            "/entities/company:evil", "/entities/" + quote(EVIL_NAME, safe="")] + [
            f"/events/{i}" for i in events]


def test_the_checker_sees_live_markup():
    assert problems('<p><img src=x onerror="alert(1)"><a href="javascript:x">y</a></p>')


def test_hostile_documents_render_inert(client, filled_store):
    pages = hostile_pages(filled_store)
    assert len(pages) >= 12
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert problems(response.text) == [], path


def test_hostile_text_is_shown_escaped(client, filled_store):
    evil = filled_store.get_document('evil"><script>alert(1)</script>')
    html = client.get(f"/documents/{evil.id}").text
    assert "&lt;script&gt;alert(&#34;stored&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#34;title2&#34;)&gt;" in html
    assert "&lt;iframe" in html  # what cleaning removed, shown as text


@pytest.mark.parametrize("doc_key", ["hostile", 'evil"><script>alert(1)</script>'])
def test_only_web_urls_become_links(client, filled_store, doc_key):
    doc = filled_store.get_document(doc_key)
    html = client.get(f"/documents/{doc.id}").text
    assert 'href="javascript' not in html.lower()
    assert '<span class="url">javascript:' in html
    safe = client.get(f"/documents/{filled_store.get_document('fi-howitzers').id}").text
    assert '<a href="https://north.example/fi-howitzers"' in safe
    assert HOSTILE_URL.startswith("javascript:")
