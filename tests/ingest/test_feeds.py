from __future__ import annotations

from materiel.models import Document


def test_rss_feed(tmp_path, read, split, text):
    path = tmp_path / "naval.rss"
    path.write_text(text.rss, encoding="utf-8")
    docs, errs = split(read(path))
    assert not errs
    first, second = docs
    assert first.id == "naval-0001"
    assert first.url == "https://naval.example.org/frigate"
    assert first.title == "Navy commissions third frigate"
    assert first.text == "The navy commissioned its third frigate.\nIt joins the northern fleet."
    assert first.published == "2024-03-05T08:15:00+01:00"
    assert (first.outlet, first.language) == ("Naval Dispatch", "en")
    assert first.extra["categories"] == ["Naval"]
    assert first.provenance.record == 0 and len(first.provenance.content_hash) == 64
    assert second.id == "https://naval.example.org/radar"  # no guid: the link
    assert second.text == "The air force selected a ground-based radar."
    assert second.published == "2024-03-06T10:00:00+00:00"
    assert second.provenance.record == 1
    assert first.provenance.content_hash != second.provenance.content_hash


def test_atom_feed_prefers_content_over_summary(tmp_path, read, text):
    path = tmp_path / "land.atom"
    path.write_text(text.atom, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.id == "urn:example:land:42"
    assert doc.url == "https://land.example.org/vehicles"
    assert doc.text == (
        "The army received the first 12 armoured vehicles on Thursday.\nSix go to the 1st brigade."
    )
    assert (doc.title, doc.author, doc.outlet) == (
        "Army receives first armoured vehicles",
        "Sam Ortiz",
        "Land Forces Wire",
    )
    assert doc.published == "2024-03-07T11:00:00+02:00"


def test_feed_detected_by_content_under_xml_name(tmp_path, read, text):
    path = tmp_path / "feed.xml"
    path.write_text(text.atom)
    [doc] = read(path)
    assert doc.outlet == "Land Forces Wire"


def test_title_only_entry_uses_the_title(tmp_path, read):
    path = tmp_path / "teasers.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Army orders 40 trucks</title>'
        "<link>https://t.example/1</link></item><item><link>https://t.example/2</link></item>"
        "</channel></rss>"
    )
    doc, err = read(path)
    assert (doc.text, doc.extra["text_from"]) == ("Army orders 40 trucks", "title")
    assert (err.record, err.reason) == (2, "entry 2: no text")


def test_malformed_and_empty_feeds(tmp_path, read):
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?><rss><channel><title>Oops</chan')
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>Quiet week</title></channel></rss>')
    not_a_feed = tmp_path / "sitemap.xml"
    not_a_feed.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>'
    )
    errs = read(broken, empty, not_a_feed)
    assert errs[0].path == str(broken) and errs[0].reason.startswith("malformed feed (")
    assert "\n" not in errs[0].reason
    assert errs[1].reason == "feed has no entries"
    assert errs[2].reason.startswith(("malformed feed", "feed has no entries"))


def test_cut_short_feed_is_reported(tmp_path, read, split):
    """A feed cut short (or otherwise not well-formed) still gives the entries before the
    damage, and says it is malformed: feedparser's lenient parser drops the rest silently."""
    items = "".join(
        f"<item><title>Order {i}</title><guid>o{i}</guid><description>The army ordered "
        f"{i + 10} trucks.</description></item>\n"
        for i in range(4)
    )
    rss = f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>W</title>\n{items}'
    rss += "</channel></rss>\n"
    whole = tmp_path / "whole.rss"
    whole.write_text(rss)
    cut = tmp_path / "cut.rss"
    cut.write_text(rss[: rss.index("<item><title>Order 2")])
    assert split(read(whole)) == (split(read(whole))[0], [])
    docs, errs = split(read(cut))
    assert [d.id for d in docs] == ["o0", "o1"]
    assert len(errs) == 1 and errs[0].path == str(cut)
    assert errs[0].reason.startswith("malformed feed (") and "\n" not in errs[0].reason


def test_loose_but_whole_feed_gives_no_error(tmp_path, read, split):
    """An entity XML does not define (&nbsp;, common in real feeds) makes a feed not well-formed,
    but the lenient parser reads every entry: no error for that."""
    items = "".join(
        f"<item><title>Order&nbsp;{i}</title><guid>n{i}</guid><description>The navy ordered "
        f"{i + 2} boats.</description></item>\n"
        for i in range(3)
    )
    path = tmp_path / "loose.rss"
    path.write_text(f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>N</title>\n'
                    f"{items}</channel></rss>\n")
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["n0", "n1", "n2"] and errs == []


def test_feed_with_a_damaged_entry_tag_is_reported(tmp_path, read, split):
    items = [
        f"<item><title>Order {i}</title><guid>d{i}</guid><description>The army ordered "
        f"{i + 10} trucks.</description></item>\n"
        for i in range(3)
    ]
    items[1] = items[1].replace("<item>", "<itme>", 1)  # the lenient parser loses this entry
    path = tmp_path / "damaged.rss"
    path.write_text(f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>D</title>\n'
                    f"{''.join(items)}</channel></rss>\n")
    docs, errs = split(read(path))
    assert "d1" not in [d.id for d in docs]
    assert len(errs) == 1 and errs[0].reason.startswith("malformed feed (")


def test_stray_nul_in_a_feed_costs_its_entry(tmp_path, read, split):
    """A NUL byte is damage to the entry that holds it, not a binary file: the other entries
    are read, that one is rejected in one line."""
    items = [
        f"<item><title>Order {i}</title><guid>z{i}</guid><description>The navy ordered "
        f"{i + 2} boats.</description></item>\n"
        for i in range(4)
    ]
    items[2] = items[2].replace("navy", "na\x00vy")
    path = tmp_path / "nul.rss"
    path.write_text(f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Z</title>\n'
                    f"{''.join(items)}</channel></rss>\n")
    docs, errs = split(read(path))
    assert [d.id for d in docs] == ["z0", "z1", "z3"]
    assert [e.reason for e in errs] == ["entry 3: a NUL byte in its text (damaged data)"]
