"""Hang tests for the cleaning stage: `clean` on a Document, each step of its pipeline and
each line function, on long runs of hostile text (see hostile_inputs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given

from hostile_inputs import HOSTILE_SETTINGS, hostile_texts, within_budget
from materiel.clean import boilerplate, credits, headings, normalize, repeats, sentences, stories
from materiel.clean import pipeline as steps
from materiel.clean.pipeline import clean
from materiel.models import Document


def _document(text: str) -> Document:
    return Document(id="hostile", text=text, title=text[:300], published="2024-05-01")


def _lines(text: str) -> list[steps.Line]:
    return steps.read_lines(text)


def _laid_out(text: str) -> tuple[str, list[Any]]:
    return steps.lay_out(steps.split_headings(_lines(text)))


PIPELINE: list[tuple[str, Callable[[str], Any]]] = [
    ("clean", lambda text: clean(_document(text))),
    ("clean without title", lambda text: clean(Document(id="hostile", text=text))),
    ("source_text", lambda text: steps.source_text(_document(text))),
    ("read_lines", steps.read_lines),
    ("mark_title", lambda text: steps.mark_title(_lines(text), text[:300], text)),
    ("drop_boilerplate", lambda text: steps.drop_boilerplate(_lines(text), text, [])),
    ("drop_repeats", lambda text: steps.drop_repeats(_lines(text), text, [])),
    ("split_headings", lambda text: steps.split_headings(_lines(text))),
    ("lay_out", _laid_out),
    ("assign_stories", lambda text: steps.assign_stories(*_laid_out(text), False)),
    ("assign_stories feed", lambda text: steps.assign_stories(*_laid_out(text), True)),
    ("split_segments", lambda text: steps.split_segments(*_laid_out(text))),
]

_CLASSIFIERS = [(f"boilerplate {reason}", function) for reason, function in boilerplate.CLASSIFIERS]
LINE_FUNCTIONS: list[tuple[str, Callable[[str], Any]]] = [
    *_CLASSIFIERS,
    ("boilerplate_reason", boilerplate.boilerplate_reason),
    ("trailing_notice_start", boilerplate.trailing_notice_start),
    ("is_name_list", credits.is_name_list),
    ("source_credit_length", credits.source_credit_length),
    ("source_credit_length after SOURCE:", lambda text: credits.source_credit_length(
        "SOURCE: " + text)),
    ("ends_sentence", headings.ends_sentence),
    ("is_standalone_heading", headings.is_standalone_heading),
    ("glued_heading_end", headings.glued_heading_end),
    ("line_spans", normalize.line_spans),
    ("normalize_line", normalize.normalize_line),
    ("normalize_text", normalize.normalize_text),
    ("tag_spans", normalize.tag_spans),
    ("raw_offset", lambda text: normalize.raw_offset(text, len(text) // 2)),
    ("repeat_key", repeats.repeat_key),
    ("repeated_lines", lambda text: repeats.repeated_lines(text.splitlines())),
    ("sentence_spans", sentences.sentence_spans),
    ("ends_with_terminal", sentences.ends_with_terminal),
    ("is_truncated", sentences.is_truncated),
    ("content_words", stories.content_words),
    ("is_feed", lambda text: stories.is_feed(text.splitlines())),
    ("topic_boundaries", lambda text: stories.topic_boundaries(text.splitlines())),
]


@pytest.mark.parametrize("name, function", PIPELINE, ids=[name for name, _ in PIPELINE])
@HOSTILE_SETTINGS
@given(text=hostile_texts())
def test_cleaning_pipeline_finishes_in_time(name: str, function: Callable[[str], Any],
                                            text: str) -> None:
    within_budget(name, function, text)


@HOSTILE_SETTINGS
@given(text=hostile_texts())
def test_line_functions_finish_in_time(text: str) -> None:
    """Every line function on the raw text, and on it normalised as the pipeline does."""
    line = normalize.normalize_line(text)
    for name, function in LINE_FUNCTIONS:
        within_budget(name, function, text)
        within_budget(f"{name} (normalised)", function, line)
