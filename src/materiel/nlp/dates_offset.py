"""An event told in a clause measured from the main clause's day takes that day moved.

"Sunak met Scholz on Friday, a day after the two governments signed a defence pact": the pact
is Thursday's, not Friday's. "Two days after", "a week before", "hours after" (the same day)
move the main clause's day by the measure; a bare "after" says nothing of how far and is left
to the other rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from spacy.tokens import Token

from materiel.nlp.dates_resolvers import count_word
from materiel.nlp.types import DateValue
from materiel.wordlists import word_map, word_set

_UNIT_DAYS = word_map("nlp/attach", "offset_unit_days", int)
_PER_DAY = word_map("nlp/attach", "offset_units_per_day", int)
_VAGUE = word_set("nlp/attach", "offset_vague_counts")
_DIRECTION = word_map("nlp/attach", "offset_directions", int)


def measured_clause(chain: list[Token]) -> tuple[int, int] | None:
    """(position in the trigger's head chain, signed days) of the first clause on the chain
    that opens with a measured 'after' or 'before' ("a day after ...", "hours before ...")."""
    for k, t in enumerate(chain):
        if t.dep_ != "advcl":
            continue
        mark = next((c for c in t.children if c.dep_ in ("mark", "prep")
                     and c.lower_ in _DIRECTION), None)
        measure = next((c for c in t.children if c.dep_ == "npadvmod"), None)
        if mark is None or measure is None:
            return None
        if measure.lower_ in _VAGUE or any(c.lower_ in _VAGUE for c in measure.children):
            return None  # "a few weeks after", "a couple of days after": how far is not said
        days = _measure_days(measure)
        return None if days is None else (k, days * _DIRECTION[mark.lower_])
    return None


def _measure_days(noun: Token) -> int | None:
    unit = _UNIT_DAYS.get(noun.lemma_.lower())
    if unit is None:
        return None
    counts = [count_word(c.text) for c in noun.children if c.dep_ in ("det", "nummod")]
    n = next((c for c in counts if c is not None), None)
    if unit == 0:  # "hours after": the same day; "48 hours after": two days
        per_day = _PER_DAY.get(noun.lemma_.lower())
        return 0 if n is None or not per_day else n // per_day
    if n is None and noun.tag_ == "NNS":
        return None  # "days after": how many is not said
    return unit * (n or 1)


def moved(d: DateValue, days: int) -> DateValue | None:
    """The day `days` from `d`; None when `d` is no day (a month moved by days is no date)."""
    if d.precision != "day":
        return None
    value = dt.date.fromisoformat(d.value) + dt.timedelta(days=days)
    return dataclasses.replace(d, value=value.isoformat())
