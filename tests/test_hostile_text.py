"""Hang tests for the text functions outside the cleaning stage: the knowledge base's
acronyms, context, normalisation and transliteration, dates, numbers and quotes, the
extraction helpers and the ingest helpers, on long runs of hostile text."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from hypothesis import given

from hostile_inputs import HOSTILE_SETTINGS, hostile_texts, within_budget
from materiel.extract import clauses, prefilter, textnorm
from materiel.ingest import common, html_plain
from materiel.kb import Resolver, load_kb, normalize, office_check, translit
from materiel.kb.context import DocContext, find_acronyms, match_expansion
from materiel.kb.locations import split_place
from materiel.kb.resolver import strip_edges
from materiel.kb.titles import office_flags
from materiel.nlp import chunks, dates, numbers, quotes

# Mentions and argument values are parts of one sentence, which extraction cuts at 1,200
# characters; the functions that compare two names (edit distance, sub-lists) are quadratic
# in the name's length by nature and get names of that size.
NAME_CHARS = 1_200


@cache
def _resolver() -> Resolver:
    return Resolver(load_kb())


def _near_military(text: str) -> bool:
    return DocContext(text=text).near_military_word(text[:8].strip() or "x")


KB_FUNCTIONS: list[tuple[str, Callable[[str], Any]]] = [
    ("find_acronyms", find_acronyms),
    ("match_expansion", lambda text: match_expansion("NATO", text.split())),
    ("near_military_word", _near_military),
    ("new_document", lambda text: _resolver().new_document(text, "2024-05-01")),
    ("office_flags", lambda text: office_flags(text, "2024-05-01", _resolver())),
    ("office_check", lambda text: office_check(_resolver().kb, "person:joe-biden", text, None)),
    ("strip_edges", strip_edges),
    ("split_place", split_place),
    *[(name, getattr(normalize, name)) for name in (
        "fold", "strip_possessive", "norm", "compact", "slug", "words", "acronym_of", "is_acronym"
    )],
    ("spelling", translit.spelling),
    ("skeleton", translit.skeleton),
]
NAME_FUNCTIONS: list[tuple[str, Callable[[str], Any]]] = [
    ("resolve", lambda name: _resolver().resolve(name, _resolver().new_document(name), "ORG")),
    ("close_enough", lambda name: translit.close_enough(name, name[::-1])),
    ("same_value", lambda name: textnorm.same_value(
        textnorm.norm_tokens(name), textnorm.norm_tokens(name[1:]))),
]
NLP_FUNCTIONS: list[tuple[str, Callable[[str], Any]]] = [
    ("parse_published", dates.parse_published),
    ("find_expressions", dates.find_expressions),
    ("resolve date", lambda text: dates.resolve(text, "2024-05-01")),
    ("resolve date from 0001-01-01", lambda text: dates.resolve(text, "0001-01-01", True)),
    ("resolve date from 9999-12-31", lambda text: dates.resolve(text, "9999-12-31", True)),
    ("find_money", numbers.find_money),
    ("parse_money", numbers.parse_money),
    ("parse_quantity", lambda text: numbers.parse_quantity(text.split())),
    ("quote_spans", quotes.quote_spans),
    ("bounded_chunks", lambda text: chunks.bounded_chunks(text, 1_000)),
]
EXTRACT_AND_INGEST_FUNCTIONS: list[tuple[str, Callable[[str], Any]]] = [
    ("norm_tokens", textnorm.norm_tokens),
    ("is_clause", clauses.is_clause),
    ("clause_drops", lambda text: clauses.clause_drops("agreement", text)),
    ("prefilter words", prefilter.words),
    ("normalize_date", common.normalize_date),
    ("one_line", common.one_line),
    ("close_runaway_title", html_plain.close_runaway_title),
]
GROUPS = {
    "kb": KB_FUNCTIONS,
    "nlp": NLP_FUNCTIONS,
    "extract and ingest": EXTRACT_AND_INGEST_FUNCTIONS,
}


@pytest.mark.parametrize("group", GROUPS)
@HOSTILE_SETTINGS
@given(text=hostile_texts())
def test_text_functions_finish_in_time(group: str, text: str) -> None:
    for name, function in GROUPS[group]:
        within_budget(name, function, text)


@HOSTILE_SETTINGS
@given(text=hostile_texts(min_size=NAME_CHARS, max_size=NAME_CHARS))
def test_name_functions_finish_in_time(text: str) -> None:
    for name, function in NAME_FUNCTIONS:
        within_budget(name, function, text)
