from dataclasses import replace

from materiel.clean import clean, source_text
from materiel.models import CleanDocument, Document

from .fixtures import AIR_DEFENCE, ARTICLE, FEED, FEED_DOCUMENT, SHIPYARD, TITLE
from .helpers import assert_consistent


def cleaned(text: str, title: str | None = None) -> CleanDocument:
    result = clean(Document(id="doc", text=text, title=title))
    assert_consistent(result)
    return result


def heading_texts(result: CleanDocument) -> list[str]:
    return [s.text for s in result.sentences if s.is_heading]


def test_title_is_prepended_as_a_title_segment() -> None:
    result = cleaned(ARTICLE, title=TITLE)
    assert result.text.startswith(TITLE + "\n")
    assert result.segments[0].kind == "title"
    assert result.sentences[0].text == TITLE and result.sentences[0].is_heading
    assert result.stories[0].heading == TITLE
    assert source_text(result.doc) == TITLE + "\n" + ARTICLE


def test_title_already_in_the_text_is_not_repeated() -> None:
    text = "Army awards drone contract\n\nThe army awarded a contract for 500 drones on Friday."
    result = cleaned(text, title="Army awards drone contract")
    assert result.text.count("Army awards drone contract") == 1
    assert [s.kind for s in result.segments] == ["title", "paragraph"]
    assert source_text(result.doc) == text


def test_title_glued_to_the_first_sentence_is_split_off() -> None:
    text = "Army awards drone contract The army awarded a contract for 500 drones."
    result = cleaned(text, title="Army awards drone contract")
    assert result.text == "Army awards drone contract\nThe army awarded a contract for 500 drones."
    assert [s.kind for s in result.segments] == ["title", "paragraph"]


def test_removal_after_a_glued_title_points_at_the_credit() -> None:
    text = "Army awards drone contract \u00a0 AP, Reuters\nThe army awarded a contract on Friday."
    result = cleaned(text, title="Army awards drone contract")
    assert [(r.reason, r.text) for r in result.removed] == [("wire credit", "AP, Reuters")]
    assert result.text == "Army awards drone contract\nThe army awarded a contract on Friday."


def test_credits_around_a_paragraph_are_cut_off() -> None:
    text = "SOURCE: XYZ The navy ordered six boats. Disclaimer: views are the author's own."
    result = cleaned(text)
    assert result.text == "The navy ordered six boats."
    assert [(r.reason, r.text) for r in result.removed] == [
        ("source credit", "SOURCE: XYZ "),
        ("disclaimer", "Disclaimer: views are the author's own."),
    ]


def test_boilerplate_and_repeats_are_removed_with_reasons() -> None:
    result = cleaned(ARTICLE, title=TITLE)
    reasons = [removal.reason for removal in result.removed]
    assert reasons == [
        "key takeaways header",
        "repeated line",
        "contributor credit",
        "wire credit",
        "newsletter prompt",
    ]
    source = source_text(result.doc)
    for removal in result.removed:
        assert source[removal.start : removal.end] == removal.text
    assert result.removed[3].text == "AP, Reuters"
    assert result.text.count("a new filling line") == 1
    assert "Reuters reported last month" in result.text
    for removed_text in ("Key Takeaways", "contributed", "AP, Reuters", "Sign up"):
        assert removed_text not in result.text


def test_glued_heading_is_split_onto_its_own_line() -> None:
    result = cleaned(ARTICLE, title=TITLE)
    assert "Poland Expands Artillery Output\nThe Polish defence ministry said" in result.text
    assert heading_texts(result) == [TITLE, "Poland Expands Artillery Output"]
    heading = next(s for s in result.segments if s.kind == "heading")
    assert result.text[heading.start : heading.end] == "Poland Expands Artillery Output"


def test_list_items_keep_their_text_without_the_marker() -> None:
    result = cleaned(ARTICLE, title=TITLE)
    assert "Poland will double artillery shell production by 2026." in [
        s.text for s in result.sentences
    ]


def test_headings_start_stories() -> None:
    text = "\n".join([*SHIPYARD[:3], "Air defence", *AIR_DEFENCE[:3]])
    result = cleaned(text)
    assert len(result.stories) == 2
    assert result.stories[1].heading == "Air defence"
    assert result.text[result.stories[1].start :].startswith("Air defence\n")


def test_glued_stories_are_split_at_the_topic_shift() -> None:
    result = cleaned("\n\n".join(SHIPYARD + AIR_DEFENCE))
    assert not result.is_feed
    assert len(result.stories) == 2
    second = result.stories[1]
    assert result.text[second.start : second.end].startswith(AIR_DEFENCE[0])
    assert {s.story for s in result.sentences if "Patriot" in s.text} == {1}


def test_one_article_is_one_story() -> None:
    result = cleaned("\n".join(SHIPYARD))
    assert len(result.stories) == 1
    assert all(s.kind == "paragraph" for s in result.segments)
    assert not any(s.truncated for s in result.sentences)


def test_feed_items_are_their_own_stories() -> None:
    result = cleaned(FEED_DOCUMENT)
    assert result.is_feed
    assert [r.reason for r in result.removed] == ["repeated line"]
    assert result.text.count(FEED[0]) == 1
    kinds = [s.kind for s in result.segments]
    assert kinds[0] == "heading" and set(kinds[1:]) == {"item"}
    assert len(result.stories) == len(result.segments)
    assert [s.story for s in result.segments] == list(range(len(result.segments)))
    truncated = [s.text for s in result.sentences if s.truncated]
    assert len(truncated) == 2
    assert truncated[0].endswith("low-cost interceptor drones")
    assert truncated[1].endswith("air defence crews and")


def test_windows_line_breaks_and_odd_spaces() -> None:
    result = cleaned("First\u00a0line  here.\r\n\r\nSecond line\u200b here.\r\n")
    assert result.text == "First line here.\nSecond line here."
    assert [s.text for s in result.sentences] == ["First line here.", "Second line here."]


def test_empty_and_junk_only_documents() -> None:
    empty = cleaned("")
    assert (empty.text, empty.segments, empty.stories, empty.sentences) == ("", [], [], [])
    junk = cleaned("Advertisement\n\n<!-- -->\n")
    assert junk.text == "" and [r.reason for r in junk.removed] == [
        "advertisement",
        "markup residue",
    ]


def test_deterministic() -> None:
    doc = Document(id="doc", text=ARTICLE, title=TITLE)
    assert clean(doc) == clean(replace(doc))
