"""A day named inside a quote is counted from the day the words were spoken.

A paper reports on Friday what a minister said on Thursday: '"Today we have signed a contract
for 12 howitzers," the minister told reporters on Thursday.' The quoted "today" is Thursday,
not the day of publication; "yesterday" in the quote is Wednesday. The speech's day is a day
named outside the quote in the sentences that hold it, on the verb of saying itself ("told
reporters on Thursday", "Speaking yesterday"): a day in another clause ("The minister, who
visited Kyiv on Monday, said: ...", "..., a day after he met Scholz on Thursday") is another
event's, not the speech's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Doc

from materiel.nlp.lexicon import SPEECH_VERBS
from materiel.nlp.quotes import quote_spans
from materiel.nlp.types import DateValue
from materiel.wordlists import word_set

_SAYING = SPEECH_VERBS | word_set("nlp/attach", "speech_day_verbs")


def _quote_of(d: DateValue, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((s, e) for s, e in spans if s <= d.start and d.end <= e), None)


def _sentences_around(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character extent of the sentences the quote runs through."""
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc.text)
    sents = [s for s in doc.sents if s.start_char < end and s.end_char > start]
    if not sents:
        return 0, len(doc.text)
    return sents[0].start_char, sents[-1].end_char


def _on_verb_of_saying(doc: Doc, d: DateValue, spans: list[tuple[int, int]]) -> bool:
    """The first verb above the date is a verb of saying outside the quote ("said on
    Thursday", "told reporters in Paris on Thursday", "Speaking yesterday")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.head is not t and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in _SAYING:
        return False
    return not any(s <= t.idx < e for s, e in spans)


def _speech_day(
    doc: Doc, quote: tuple[int, int], dates: list[DateValue], spans: list[tuple[int, int]],
    ref: dt.date,
) -> dt.date | None:
    lo, hi = _sentences_around(doc, *quote)
    said = [
        d for d in dates
        if lo <= d.start and d.end <= hi and _quote_of(d, spans) is None
        and d.precision == "day" and not d.target and not d.future
        and _on_verb_of_saying(doc, d, spans)
    ]
    if not said:
        return None
    day = dt.date.fromisoformat(min(said, key=lambda d: abs(d.start - quote[0])).value)
    return day if day < ref else None


def rebase_quoted_days(
    doc: Doc, found: list[tuple[str, DateValue]], ref: dt.date | None
) -> list[DateValue]:
    """`found`: (kind, date) pairs; a relative day ("today", "yesterday") in a quote moves by
    the gap between the speech's day and publication."""
    spans = quote_spans(doc.text) if ref is not None else []
    dates = [d for _k, d in found]
    if ref is None or not spans:
        return dates
    out = []
    for kind, d in found:
        quote = _quote_of(d, spans) if kind == "relday" else None
        spoken = _speech_day(doc, quote, dates, spans, ref) if quote else None
        if spoken is not None:
            moved = dt.date.fromisoformat(d.value) + (spoken - ref)
            d = dataclasses.replace(d, value=moved.isoformat())
        out.append(d)
    return out
