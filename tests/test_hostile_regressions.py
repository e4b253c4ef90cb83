"""The exact inputs that hung or ran away before a pattern or a loop was fixed (the fix is
explained where the pattern is defined); each must now finish within the hang budget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hostile_inputs import within_budget
from materiel.clean import boilerplate, credits, normalize, sentences, stories
from materiel.clean.pipeline import clean
from materiel.extract import extractor, textnorm
from materiel.ingest import html, html_meta, html_plain, warc
from materiel.kb import offices
from materiel.kb.context import find_acronyms
from materiel.kb.resolver import strip_edges
from materiel.models import Document
from materiel.nlp import dates, numbers

N = 100_000


def _document(text: str) -> Document:
    return Document(id="hostile", text=text)


# (name, function, hostile input): the function gets the input.
CASES: list[tuple[str, Callable[[Any], Any], Any]] = [
    ("sentence splitter, 52 dots", lambda t: clean(_document(t)),
     "NATO met.\nTalks went well" + "." * 52 + "and they left.\n"),
    ("sentence splitter, dots then a letter", sentences.sentence_spans, "." * N + "x"),
    ("sentence splitter, question marks", sentences.sentence_spans, "?" * N + "x"),
    ("sentence splitter, ellipses", sentences.sentence_spans, "…" * N + "x"),
    ("speech after a quote", sentences.sentence_spans, "“Why now?”" + " " * N + "ann said."),
    ("contributor credit, spaces", credits.is_contributor_credit,
     "Ann" + " " * N + "Lee contributed."),
    ("contributor credit, one long name", credits.is_contributor_credit,
     "A'" * (N // 2) + " contributed."),
    ("wire credit separators", credits._WIRE_SPLIT.split, "AP" + " " * N + "x"),
    ("related link, many 'see'", boilerplate.is_related_link,
     "for more information " + "see " * (N // 4)),
    ("cookie notice, many 'cookie'", boilerplate.is_cookie_notice, "cookie " * (N // 7)),
    ("outlet dateline", boilerplate.is_outlet_dateline, "A" * N),
    ("unclosed HTML comments", normalize.normalize_line, "<!--" * (N // 4)),
    ("raw offset among tags", lambda t: normalize.raw_offset(t, 10), "<a>" * (N // 3)),
    ("acronyms, a long word", find_acronyms, "a" * 40_000),
    ("acronyms, a hyphenated word", find_acronyms, "A-" * (N // 2)),
    ("acronyms, spaces in brackets", find_acronyms, "AB (Abc" + " " * N + "x"),
    ("office title suffix", offices._FUTURE_SUFFIX.search, "President" + " -" * (N // 2) + "x"),
    ("mention edges", strip_edges, "a" + "." * N + "x"),
    ("dateline", extractor._DATELINE.match, " " * N + "x"),
    ("dateline prefix", extractor._DATELINE_PREFIX.match, "AB" + " " * N + "x"),
    ("argument tokens", textnorm.norm_tokens, "a " * (N // 2)),
    ("many dates", dates.find_expressions, "June 1 " * (2 * N // 7)),
    ("many amounts", numbers.find_money, "1 dollars " * (N // 10)),
    ("topic tiling, empty paragraphs", stories.topic_boundaries, ["x."] * (N // 5)),
    ("topic tiling, flat similarities", stories.depth_scores, [0.5] * N),
    ("photo credit in brackets", credits.is_photo_credit, "(photo" * (N // 6) + ":x"),
    ("WARC HTML sniffing", warc._HTML_START.match, b"<!---->" * 146 + b"x"),
    ("meta charset", html._META_CHARSET.search, b"<meta charset=" + b" " * 4_000 + b"!"),
    ("title separators", html_meta._TITLE_SEPARATOR.findall, "a" + " " * N + "b"),
    ("author separators", html_meta._AUTHOR_SEPARATOR.split, "Ann" + " " * N + "Lee"),
    ("runaway title", html_plain.close_runaway_title, "<title" * (N // 6)),
]


@pytest.mark.parametrize("name, function, text", CASES, ids=[case[0] for case in CASES])
def test_hostile_input_finishes_in_time(name: str, function: Callable[[Any], Any],
                                        text: Any) -> None:
    within_budget(name, function, text)
