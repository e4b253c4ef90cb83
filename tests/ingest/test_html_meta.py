"""Titles without the site's name, authors that are people: small pages written for these tests."""

from __future__ import annotations

import pytest

from materiel.clean import clean
from materiel.ingest import html_to_document
from materiel.ingest.html_meta import byline_author, strip_site_name
from materiel.models import Document

SITE = '<meta property="og:site_name" content="Armour Review">'
BODY = (
    "<p>The ministry signed a contract for 24 howitzers on 3 March. The order, worth 310"
    " million euros, covers guns, ammunition handling systems and training.</p>"
    "<p>Deliveries of the self-propelled guns are due to begin in 2026, and the first"
    " battalion should reach initial operating capability a year later, officials said.</p>"
)


def page(title: str, head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><main><article>{BODY}"
        "</article></main></body></html>"
    )


def read(html: str, url: str | None = None) -> Document:
    doc = html_to_document(html, path="p.html", record=None, url=url)
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize(
    ("title", "head", "url"),
    [
        ("Ministry orders howitzers | Armour Review", SITE, None),
        ("Ministry orders howitzers - Armour Review", "", "https://www.armourreview.com/land/1"),
        ("Armour Review | Ministry orders howitzers", SITE, None),
        ("Ministry orders howitzers — Armour Review Online", SITE, None),
        ("Ministry orders howitzers | Land", "", None),
    ],
)
def test_site_name_leaves_title(title, head, url):
    doc = read(page(title, head), url)
    assert doc.title == "Ministry orders howitzers"
    assert clean(doc).text.startswith("Ministry orders howitzers\n")


def test_title_without_site_name_is_kept():
    head = '<meta property="og:site_name" content="Apple Insider">'
    assert read(page("Apple - Samsung patent fight resumes", head)).title == (
        "Apple - Samsung patent fight resumes"
    )
    assert read(page("Poland - US deal signed")).title == "Poland - US deal signed"
    # a bogus site name that is the headline itself
    assert strip_site_name("New wind farm opens | EnBW", ["New wind farm opens"]) == (
        "New wind farm opens | EnBW"
    )


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Field", "Jane Field"),
        ("By Jane Field", "Jane Field"),
        ("Christoph von Ritter", "Christoph von Ritter"),
        ("admin", None),
        ("Name", None),
        ("Armour Review", None),
        ("Armour Review Staff", None),
        ("Photo: Getty Images", None),
        ("Getty Images", None),
    ],
)
def test_author_must_be_a_person(author, expected):
    head = f'{SITE}<meta name="author" content="{author}">'
    assert read(page("Ministry orders howitzers", head)).author == expected


def test_byline_author():
    site = ["Armour Review", "armourreview.com"]
    assert byline_author("Jane Field; Armour Review; PhD", site) == "Jane Field"
    assert byline_author("Jane Field, Sam Ortiz", site) == "Jane Field; Sam Ortiz"
    assert byline_author("Deutsche Welle", ["DW.COM", "dw"]) is None  # the site's initials
    assert byline_author("Agencies", site) is None
    assert byline_author("张伟", site) == "张伟"
    assert byline_author(None, site) is None


def test_malformed_urls_do_not_break_reading():
    head = '<meta property="og:site_name" content="http://[broken">'
    doc = read(page("Ministry orders howitzers | Armour Review", head), url="http://[bad/x")
    assert "24 howitzers" in doc.text
