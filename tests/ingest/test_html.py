from __future__ import annotations

import hashlib
import random

from trafilatura.utils import load_html

from materiel.ingest import html_to_document
from materiel.ingest.html import fragment_to_text, needs_full_pass, with_standfirst
from materiel.ingest.html_plain import parse_page, plain_lines, plain_text
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


def test_html_pages_in_a_row(text):
    pages = [text.html.replace("24 howitzers", f"{n} howitzers") for n in range(100)]
    results = [html_to_document(p, path=f"p{i}.html", record=None) for i, p in enumerate(pages)]
    assert all(isinstance(r, Document) for r in results)
    assert all(f"{n} howitzers" in r.text for n, r in enumerate(results))


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


APACHE = "Poland signed a contract for 96 Apache helicopters."
POZNAN = "The first aircraft will be based near Poznań and Inowrocław."
STORY = [
    "Poland's defence ministry signed a contract on Thursday for 96 attack helicopters, the"
    " largest helicopter purchase in the country's history, officials said.",
    "The deal includes training, spare parts, sensors and weapons, and deliveries are due to"
    " begin in 2028 at the earliest.",
    "The helicopters will replace the army's ageing fleet, and the first crews will train"
    " abroad before the first aircraft arrive.",
    "Officials said the purchase was part of a wider plan to double the size of the armed"
    " forces over the next decade.",
    "Two army aviation brigades will receive the new aircraft, one in the east of the country"
    " and one near the capital.",
    "The ministry expects the industrial offset to bring maintenance work to two state-owned"
    " aviation plants.",
    "Opposition lawmakers asked for the full cost of the programme, including weapons and"
    " infrastructure, to be published.",
    "The first helicopters are expected to fly with the new brigades about a year after the"
    " first deliveries, the ministry said.",
    "Neighbouring countries have placed similar orders for attack helicopters since the start"
    " of the war in Ukraine.",
    "The contract follows a letter of acceptance signed last year for the same aircraft and"
    " their support equipment.",
    "A separate agreement covers the lease of older helicopters so that crews can start"
    " training before the deliveries.",
    "Each helicopter carries a radar, missiles and a cannon, and the package includes several"
    " hundred air-to-ground missiles.",
]


def test_deeply_nested_page(tmp_path, read):
    for depth in (255, 1000):
        path = tmp_path / f"deep-{depth}.html"
        path.write_text(
            "<html><head><title>Deep</title></head><body>"
            + "<div>" * depth
            + f"<p>{APACHE}</p><p>{POZNAN}</p>"
            + "</div>" * depth
            + "</body></html>"
        )
        [doc] = read(path)
        assert isinstance(doc, Document), doc
        assert APACHE in doc.text and POZNAN in doc.text and doc.title == "Deep"


def test_tiny_broken_page_is_read():
    page = f"<title>Broken<body><p>{APACHE}<div><p>Unclosed"
    doc = html_to_document(page, path="broken.html", record=None)
    assert isinstance(doc, Document), doc
    assert APACHE in doc.text and doc.title == "Broken"


def test_body_after_closed_html_is_read():
    # libxml2 puts the body into a second <html> beside the first; trafilatura reads only one
    story = "".join(f"<p>{sentence}</p>" for sentence in STORY[:3])
    page = (
        "<html><head><title>Apaches</title></head></html>"
        f'<body><ul><li><a href="/">Home</a></li></ul><div>{story}</div></body>'
    )
    doc = html_to_document(page, path="apaches.html", record=None)
    assert isinstance(doc, Document), doc
    assert doc.text == "\n".join(STORY[:3]) and doc.title == "Apaches"


def test_fragment_is_read_but_binary_noise_is_not():
    doc = html_to_document(f"<body><p>{POZNAN}</p></body>".encode(), path="f.html", record=None)
    assert isinstance(doc, Document) and doc.text == POZNAN
    noise = random.Random(7).randbytes(20_000)
    err = html_to_document(noise, path="noise.html", record=None)
    assert isinstance(err, ReadError) and err.reason == "no extractable text"


def test_plain_text_keeps_paragraphs_only():
    tree = parse_page(
        "<html><head><title>T</title><style>p {}</style></head><body><header><p>Armour"
        " Review</p></header><nav><p>Home | Land | Sea</p></nav><div>Menu<script>x()</script>"
        f"<p>{APACHE}</p><ul><li>Deliveries begin in <b>2028</b>.</li></ul>"
        "<div>Ten words of loose text in a div are kept as prose here.</div>"
        "<div>Too short</div><aside><p>Related</p></aside><p>&gt;&gt;</p>"
        '<ul><li><a href="/a">Army</a></li><li><a href="/b">Navy</a> orders ships</li></ul></div>'
        "<footer><p>All rights reserved.</p></footer></body></html>"
    )
    assert plain_text(tree) == (
        f"{APACHE}\nDeliveries begin in 2028.\n"
        "Ten words of loose text in a div are kept as prose here.\n"
        "Navy orders ships"
    )


def test_fast_pass_fragment_is_retried():
    # The fast pass takes the comment policy for the article (its container looks like one);
    # the full pass finds the story.
    story = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    page = (
        "<html><head><title>Apaches</title></head><body>"
        f'<div class="col">{story}</div><div class="entry-content"><p>Comments are'
        " encouraged, but you must follow our user agreement. Keep it civil.</p></div>"
        "</body></html>"
    )
    doc = html_to_document(page, path="apaches.html", record=None)
    assert isinstance(doc, Document), doc
    assert STORY[0] in doc.text and STORY[-1] in doc.text


def test_standfirst_is_put_back():
    # trafilatura drops the lead paragraph in a "teaser" block; the meta description repeats
    # it, so it is put back before the story. A site description after the story is not.
    lead = (
        "Warsaw buys 96 Apache helicopters for two army aviation brigades, the largest order"
        " in its history."
    )
    about = "Armour Review brings you the news about the armies, navies and air forces of Europe."
    story = "".join(f"<p>{sentence}</p>" for sentence in STORY[:4])

    def page(description: str) -> str:
        return (
            "<html><head><title>Poland orders Apaches</title>"
            f'<meta name="description" content="{description}"></head><body><article>'
            f'<h1>Poland orders Apaches</h1><div class="teaser"><p>{lead}</p></div>{story}'
            f'</article><div class="about"><p>{about}</p></div></body></html>'
        )

    doc = html_to_document(page(lead), path="apaches.html", record=None)
    assert isinstance(doc, Document), doc
    lines = doc.text.splitlines()
    assert lead in lines and lines.index(lead) < lines.index(STORY[0])
    assert about not in doc.text
    doc = html_to_document(page(about), path="apaches.html", record=None)
    assert isinstance(doc, Document), doc
    assert STORY[0] in doc.text and lead not in doc.text and about not in doc.text


def test_with_standfirst():
    text = "\n".join(STORY[1:4])
    plain = "\n".join(["Poland orders 96 Apache helicopters", STORY[0], *STORY[1:4]])
    lead = STORY[0][:60] + "..."  # descriptions are often cut
    assert with_standfirst(text, plain, [lead]) == "\n".join(STORY[:4])
    # inside the text: after the line before it
    plain = "\n".join([STORY[1], STORY[0], *STORY[2:4]])
    assert with_standfirst(text, plain, [lead]).splitlines()[1] == STORY[0]
    assert with_standfirst(text, plain, [lead], [STORY[0]]) == text  # the headline
    assert with_standfirst(text, plain, ["Poland"]) == text  # too short to tell
    assert with_standfirst(text, "\n".join([*STORY[1:4], STORY[0]]), [lead]) == text  # after
    assert with_standfirst(STORY[0], plain, [lead]) == STORY[0]  # already there


def test_plain_lines_flag_headers():
    tree = parse_page(
        "<html><body><header><p>Armour Review</p></header><article><header><h1>Apaches</h1>"
        f"<p>{APACHE}</p></header>Loose <p>{POZNAN}</p> text</article></body></html>"
    )
    assert plain_lines(tree) == [
        ("Armour Review", True),
        ("Apaches", True),
        (APACHE, True),
        (POZNAN, False),
    ]
    assert plain_text(tree) == POZNAN


def test_needs_full_pass():
    story = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    tree = load_html(f"<html><body><div>{story}</div></body></html>")
    whole = " ".join(STORY)
    assert needs_full_pass("", tree)
    assert needs_full_pass(STORY[0], tree)  # short
    assert not needs_full_pass(whole, tree)
    long_page = load_html(f"<html><body><div>{story * 10}</div></body></html>")
    assert needs_full_pass(whole, long_page)  # a small share of the page's text
