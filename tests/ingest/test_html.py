from __future__ import annotations

import hashlib
import time

from materiel.ingest import html_to_document
from materiel.ingest.html import fragment_to_text
from materiel.models import Document, ReadError


def test_article_page(tmp_path, read, text):
    path = tmp_path / "howitzers.html"
    path.write_text(text.html, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document), doc
    assert doc.id == "howitzers"
    assert doc.title == "Ministry orders 24 howitzers"
    assert "The ministry signed a contract for 24 howitzers on 3 March." in doc.text
    assert "retire its towed guns" in doc.text
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    assert doc.published == "2024-03-04"
    assert (doc.author, doc.outlet, doc.language) == ("Jane Field", "Armour Review", "en")
    assert doc.provenance.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_html_to_document_with_url_and_fallback_date(text):
    page = text.html.replace(
        '<meta property="article:published_time" content="2024-03-04T09:30:00+00:00">', ""
    )
    doc = html_to_document(
        page,
        path="crawl.warc",
        record=4,
        url="https://armour.example/h",
        doc_id="c-4",
        published="2024-03-09T00:00:00Z",
    )
    assert isinstance(doc, Document)
    assert (doc.id, doc.url) == ("c-4", "https://armour.example/h")
    assert doc.published == "2024-03-09T00:00:00+00:00"
    assert doc.provenance.record == 4


def test_declared_charset_for_bytes(text):
    page = text.html.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "310 million euros", "310 millions d’euros (€)"
    )
    doc = html_to_document(page.encode("cp1252"), path="p.html", record=None)
    assert isinstance(doc, Document)
    assert "310 millions d’euros (€)" in doc.text
    assert doc.extra["encoding"] == "cp1252"


def test_malformed_html_does_not_crash(tmp_path, read, split):
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><head><title>Radar deal</title><body><div><p>The air force selected a "
        "ground-based radar for its new air defence network on Friday, <b>officials said"
        "<p>Two units enter service next year and four more follow by 2028, the ministry "
        "added.</div></span></i><<<>>"
    )
    empty = tmp_path / "empty-page.htm"
    empty.write_text("<html><body><div> </div><script>var x = 1;</script><style>p {}</style>")
    garbage = tmp_path / "garbage.xhtml"
    garbage.write_text("<<<<>>>> <! -- </ >")
    docs, errs = split(read(broken, empty, garbage))
    assert len(docs) == 1 and "ground-based radar" in docs[0].text
    assert [(e.path, e.reason) for e in errs] == [
        (str(empty), "no extractable text"),
        (str(garbage), "no extractable text"),
    ]


def test_html_to_document_error_numbers_from_one():
    err = html_to_document("<html><body></body></html>", path="a.warc", record=0)
    assert isinstance(err, ReadError) and err.record == 1


def test_fragment_to_text():
    assert (
        fragment_to_text(
            "<p>The army <b>ordered</b> 40&nbsp;trucks.</p><script>x()</script><ul><li>Ten"
            " in 2025</li><li>Thirty in 2026</li></ul>"
        )
        == "The army ordered 40 trucks.\nTen in 2025\nThirty in 2026"
    )
    assert fragment_to_text("  plain   text\n\n second ") == "plain text\nsecond"


def test_html_speed(text):
    pages = [text.html.replace("24 howitzers", f"{n} howitzers") for n in range(100)]
    start = time.perf_counter()
    results = [html_to_document(p, path=f"p{i}.html", record=None) for i, p in enumerate(pages)]
    rate = len(pages) / (time.perf_counter() - start)
    assert all(isinstance(r, Document) for r in results)
    assert rate >= 50, f"{rate:.0f} pages/s"


def test_xhtml_with_xml_declaration(tmp_path, read):
    path = tmp_path / "haubitzen.xhtml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><head><title>Haubitzen'
        b"</title></head><body><article><p>Das Ministerium hat am 3. M\xc3\xa4rz einen Vertrag "
        b"\xc3\xbcber 24 Haubitzen unterzeichnet.</p></article></body></html>"
    )
    [doc] = read(path)
    assert isinstance(doc, Document), doc
    assert (
        doc.text == "Das Ministerium hat am 3. März einen Vertrag über 24 Haubitzen unterzeichnet."
    )
    assert (doc.title, doc.language) == ("Haubitzen", "de")
