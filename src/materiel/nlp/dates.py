"""Dates: find time expressions and resolve them against the publication date.

Rules (spec/EVENTS.md sections 2 and 6, docs/annotation-guide.md "Date and status"):
- a date with a year is taken as written (precision day, month or year);
- a month, day, weekday or holiday without a year: the latest one up to publication, or, when
  the clause speaks of the future, the coming one (`dates_calendar`);
- "last month", "this week", "next February", "late last year"... relative to publication;
- a deadline or target ("by 2030", "until 2028", "by the end of the year") is marked
  `target`: it is never an event's date;
- no publication date: relative expressions resolve to nothing (never the processing date).

`resolve(text, published, future)` resolves one expression (tested alone); the
`materiel_dates` component writes every date of a Doc to `Doc._.dates`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from materiel.nlp import dates_calendar as cal
from materiel.nlp import dates_resolvers as r
from materiel.nlp import extensions as _ext
from materiel.nlp.dates_calendar import WEEKDAYS, month_day, month_only, weekday
from materiel.nlp.dates_resolvers import MONTHS, Resolver
from materiel.nlp.dates_speech import rebase_quoted_days
from materiel.nlp.dates_tense import FUTURE_HEADS, clause_is_future, clause_tense
from materiel.nlp.intervals import DisjointSpans
from materiel.nlp.types import DateValue
from materiel.wordlists import word_set

_ext.register()

__all__ = [
    "FUTURE_HEADS",
    "MONTHS",
    "PATTERNS",
    "WEEKDAYS",
    "clause_is_future",
    "clause_tense",
    "find_dates",
    "find_expressions",
    "in_calendar",
    "is_target",
    "month_day",
    "month_only",
    "parse_published",
    "resolve",
    "resolve_match",
    "weekday",
]

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_FULL_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# "Ten years ago this month": the week or month of an anniversary is today's, the event's is
# the year back; the tail belongs to the "ago" and dates nothing of its own
_ANNIVERSARY_TAIL = r"(?:(?<=years\sago)\sthis\s(?:week|month)\b)?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s(?:morning|afternoon|evening|night))?"
_TO = r"\s?(?:[-–—]|to|and|through|until)\s?"
_REL = r"(?i:last|past|previous|this|current|next|coming)"
_HOLIDAY = (
    r"(?:New\sYear[’']s\s(?:Eve|Day)|Christmas(?:\s(?:Eve|Day))?|Boxing\sDay|Halloween|"
    r"Valentine[’']s\sDay|Armistice\sDay|Veterans\sDay|Remembrance\sDay|Victory\sDay|"
    r"Easter(?:\sSunday)?|Thanksgiving|Memorial\sDay|Labor\sDay)"
)


def parse_published(published: str | None) -> dt.date | None:
    """The date part of an ISO date or timestamp; None when absent or unreadable."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2})|$)", str(published).strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:  # "2024-13", "0000-01-01"
        return None


def in_calendar(value: str) -> bool:
    """ "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a year from 0001 to 9999: "last year" from a
    publication date in year 1 is year 0, which no date can hold."""
    year = value.split("-", 1)[0]
    return len(year) == 4 and year.isdigit() and year != "0000"


def _weekday_and_date(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "Tuesday, December 12": the December 12 that falls on a Tuesday nearest publication
    (either side: such a pair is written out for dates close to it), else the tense's one."""
    month, day = r.month_number(m.group("mon")), r.day_number(m.group("d"))
    target = WEEKDAYS[m.group("wd").lower()]
    if ref is None:
        return None
    fits = []
    for y in range(ref.year - 6, ref.year + 7):
        v = r.cal.ymd(y, month, day) if 1 <= y <= 9999 else None
        if v and dt.date.fromisoformat(v).weekday() == target:
            fits.append(dt.date.fromisoformat(v))
    if fits:
        return min(fits, key=lambda d: abs((d - ref).days)).isoformat(), "day"
    got = month_day(month, day, ref, fut)
    return (got, "day") if got else None


def _new_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "in the New Year": the year just begun, or for the future in late autumn, the next."""
    if ref is None:
        return None
    ahead = fut and ref.month >= 10
    return f"{ref.year + ahead:04d}", "year"


PATTERNS: list[tuple[str, re.Pattern[str], Resolver, bool]] = [
    # (kind, pattern, resolver, implies future); earlier patterns win over overlapping later ones
    (
        # "overnight on May 9", "overnight into 9 May 2023", "overnight on May 9-10": the
        # night's end
        "overnight_md",
        re.compile(
            r"\b(?i:overnight)\s(?i:into|to|on)\s\(?(?:(?P<mon>"
            + _MON
            + r")\s(?P<d>"
            + _DAY
            + r")(?:[-–](?:(?P<endmon>"
            + _MON
            + r")\s)?(?P<end>"
            + _DAY
            + r"))?|(?:the\s)?(?P<d2>"
            + _DAY
            + r")(?:[-–](?P<end2>"
            + _DAY
            + r"))?\s(?:of\s)?(?P<mon2>"
            + _MON
            + r"))\b(?:,?\s(?P<y>"
            + _YEAR
            + r")\b)?\)?"
            r"(?!,?\s?\d|[-–]\w)"  # no range it does not read
        ),
        lambda m, ref, fut: _overnight_day(m, ref, fut),
        False,
    ),
    (
        "iso",
        re.compile(
            r"\b(?P<y>" + _YEAR + r")(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
            r"(?P<d>[0-2]?\d|3[01])\b(?![-/.]\d)"
        ),
        r.r_iso,
        False,
    ),
    (
        "numeric",
        re.compile(
            r"(?<![\d.,/])(?P<a>[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?P<b>[12]\d|3[01]|0?[1-9])"
            r"(?P=sep)(?P<y>" + _YEAR + r")\b(?![/.]\d)"
        ),
        r.r_numeric,
        False,
    ),
    (
        "md_range_cross",
        re.compile(
            r"\b(?P<mon>"
            + _MON
            + r")\s(?P<d>"
            + _DAY
            + r")"
            + _TO
            + r"(?P<mon2>"
            + _MON
            + r")\s"
            + _DAY
            + r",?\s(?P<y>"
            + _YEAR
            + r")\b"
        ),
        r.r_cross_month_range,
        False,
    ),
    (
        "dm_range_cross",
        re.compile(
            r"\b(?P<d>"
            + _DAY
            + r")\s(?P<mon>"
            + _MON
            + r")"
            + _TO
            + _DAY
            + r"\s(?P<mon2>"
            + _MON
            + r"),?\s(?P<y>"
            + _YEAR
            + r")\b"
        ),
        r.r_cross_month_range,
        False,
    ),
    (
        "mdy",
        re.compile(
            r"\b(?:"
            + _WD
            + r",?\s)?(?P<mon>"
            + _MON
            + r")\s(?P<d>"
            + _DAY
            + r")(?:"
            + _TO
            + _DAY
            + r")?,?\s(?P<y>"
            + _YEAR
            + r")\b"
        ),
        r.r_mdy,
        False,
    ),
    (
        "dmy",
        re.compile(
            r"\b(?:" + _WD + r",?\s)?(?P<d>" + _DAY + r")(?:" + _TO + _DAY + r")?\s(?:of\s)?"
            r"(?P<mon>" + _MON + r"),?\s(?P<y>" + _YEAR + r")\b"
        ),
        r.r_mdy,
        False,
    ),
    (
        "holiday",
        re.compile(
            r"\b(?P<orth>(?i:orthodox)\s)?(?P<name>"
            + _HOLIDAY
            + r")(?:,?\s(?P<y>"
            + _YEAR
            + r"))?\b"
        ),
        r.r_holiday,
        False,
    ),
    (
        "independence",
        re.compile(r"\bIndependence\sDay(?:,?\s(?P<y>" + _YEAR + r"))?\b"),
        r.r_independence,
        False,
    ),
    ("new_year", re.compile(r"\b(?i:the)\s(?i:new\syear)\b(?![’']s)"), _new_year, False),
    (
        "m_rel_year",
        re.compile(r"\b(?P<mon>" + _MON + r")\s(?:of\s)?(?P<rel>last|this|next)\syear\b", re.I),
        r.r_month_rel_year,
        False,
    ),
    (
        "m_rel",
        re.compile(r"\b(?P<rel>" + _REL + r")\s(?P<mon>" + _FULL_MON + r")\b(?!,?\s(?:of\s)?\d)"),
        r.r_month_rel,
        False,
    ),
    (
        "my",
        re.compile(r"\b(?P<mon>" + _MON + r"),?\s(?:of\s)?(?P<y>" + _YEAR + r")\b"),
        r.r_my,
        False,
    ),
    (
        "relday_md",  # "tomorrow, December 21": the written date wins
        re.compile(
            r"\b(?i:today|tomorrow|yesterday|tonight),?\s\(?(?:(?P<mon>"
            + _MON
            + r")\s(?P<d>"
            + _DAY
            + r")|(?:the\s)?(?P<d2>"
            + _DAY
            + r")\s(?:of\s)?(?P<mon2>"
            + _MON
            + r"))\b\)?"
            r"(?!,?\s?\d)"
        ),
        lambda m, ref, fut: r.r_md(_normalise_md(m), ref, fut),
        False,
    ),
    (
        "wd_md",
        re.compile(
            r"\b(?P<wd>" + _WD + r"),?\s\(?(?:(?P<mon>" + _MON + r")\s(?P<d>" + _DAY + r")|"
            r"(?:the\s)?(?P<d2>" + _DAY + r")\s(?:of\s)?(?P<mon2>" + _MON + r"))\b\)?"
            r"(?!,?\s?\d)"
        ),
        lambda m, ref, fut: _weekday_and_date(_normalise_wd_md(m), ref, fut),
        False,
    ),
    (
        "md",
        re.compile(r"\b(?P<mon>" + _MON + r")\s(?P<d>" + _DAY + r")\b(?!,?\s?\d)"),
        r.r_md,
        False,
    ),
    (
        "dm",
        re.compile(
            r"\b(?P<d>" + _DAY + r")\s(?:of\s)?(?P<mon>" + _MON + r")\b(?!,?\s" + _YEAR + ")"
        ),
        r.r_md,
        False,
    ),
    (
        "overnight_wd",  # "overnight into Thursday": the night ends on that day
        re.compile(r"\b(?i:overnight)\s(?i:into|to|on)\s(?P<wd>" + _WD + r")\b"),
        lambda m, ref, fut: (cal.weekday(m.group("wd"), ref, fut), "day") if ref else None,
        False,
    ),
    (
        "weekend",
        re.compile(
            r"\b(?:(?P<rel>last|next|this|past)|over\sthe|at\sthe|on\sthe)\sweekend\b", re.I
        ),
        r.r_weekend,
        False,
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<rel>last|next|this|past|on)\s)?(?P<wd>" + _WD + r")" + _PART + r"\b", re.I
        ),
        r.r_weekday,
        False,
    ),
    (
        "relday",
        re.compile(
            r"\b(?P<w>the\sday\sbefore\syesterday|today|yesterday|tomorrow|tonight|"
            r"last\snight|overnight|this\s(?:morning|afternoon|evening))\b",
            re.I,
        ),
        r.r_relday,
        False,
    ),
    (
        "endyear",
        re.compile(
            r"\b(?:by|before|until|till)\s(?:the\s)?end\s(?:of\s)?(?:(?:the|this)\s"
            r"(?:year|calendar year|fiscal year)|(?P<y>" + _YEAR + r"))\b",
            re.I,
        ),
        r.r_endyear,
        True,
    ),
    (
        "span",  # "over the next year": twelve months from now, no calendar year to give
        re.compile(
            r"\b(?:over|throughout)\sthe\s(?:next|coming|past|last)\syear\b(?!s)", re.I
        ),
        r.r_no_point,
        False,
    ),
    (
        "yearsago",
        re.compile(
            r"\b(?P<tens>" + "|".join(sorted(r.TENS_OF_YEARS)) + r")"
            r"(?:-(?P<unit>one|two|three|four|five|six|seven|eight|nine))?\syears\sago\b"
            + _ANNIVERSARY_TAIL,
            re.I,
        ),
        r.r_years_ago,
        False,
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"\d{1,2})\s(?P<unit>days?|weeks?|fortnights?|months?|years?)\sago\b"
            + _ANNIVERSARY_TAIL,
            re.I,
        ),
        r.r_ago,
        False,
    ),
    (
        "relunit",
        re.compile(
            r"\b(?:(?:earlier|later)\s(?:in\s)?)?(?P<rel>last|past|previous|this|current|"
            r"next|coming)\s(?P<unit>week|month|year)\b(?!s)",
            re.I,
        ),
        r.r_relunit,
        False,
    ),
    (
        "season",
        re.compile(
            r"\b(?P<rel>" + _REL + r")\s(?P<season>(?i:spring|summer|autumn|fall|winter))"
            r"\b"
        ),
        r.r_season,
        False,
    ),
    ("laterinyear", re.compile(r"\blater\sin\sthe\syear\b", re.I), r.r_this_year, True),
    ("earlierinyear", re.compile(r"\bearlier\sin\sthe\syear\b", re.I), r.r_this_year, False),
    (
        "period",  # a span with no single year: it keeps its numbers from reading as years
        re.compile(
            r"(?:\b(?:the\s)?(?:(?:early|mid|late)[\s-])?(?:19|20)\d0s\b|[’']\d0s\b|"
            r"\b(?:19|20)\d\d\s?[-–]\s?(?:19|20)\d\d\b(?=\s(?:period|war|conflict)))",
            re.I,
        ),
        r.r_no_point,
        False,
    ),
    (
        "month",
        re.compile(
            r"\b(?i:in|on|since|by|from|during|until|of|early|late|mid|earlier\sin|"
            r"later\sin|end\sof|beginning\sof|start\sof|through|before|for)[\s-](?P<mon>"
            + _FULL_MON
            + r")\b(?!\s\d)"
        ),
        r.r_month,
        False,
    ),
    (
        "month_attr",  # "the ministry's May announcement", "the March summit"
        re.compile(
            r"(?:(?<=\b[Tt]he\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\btheir\s)|"
            r"(?<=\bour\s)|(?<='s\s)|(?<=’s\s))(?P<mon>" + _FULL_MON + r")"
            r"(?=\s[a-z]{3,})(?!\s(?:be|have|not|also|still|well|need|want)\b)"
            # "the May government", "the May era": the prime minister, no month
            r"(?!\s(?:government|administration|cabinet|ministry|premiership|era|years|deal)\b)"
        ),
        r.r_month,
        False,
    ),
    (
        "year",
        re.compile(
            r"(?<![\d,.$€£#/-])(?:(?:mid|early|late|end|fiscal(?:\syear)?|FY)[\s-]?)?"
            r"(?P<y>" + _YEAR + r")(?:-\d{2,4})?(?!\d|,\d|%|s\b|\s?(?:km|kg|mm|tons?|troops|"
            r"units|jets|aircraft)\b)"
        ),
        r.r_year,
        False,
    ),
]


def _normalise_md(m: re.Match[str]) -> re.Match[str]:
    """ "21 December" reads as "December 21"."""
    if m.group("mon") is not None:
        return m
    norm = re.match(r"(?P<mon>\S+) (?P<d>\S+)", f"{m.group('mon2')} {m.group('d2')}")
    assert norm is not None
    return norm


def _overnight_day(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """The written day a night ends on ("May 9", the second day of "May 9-10" or "April
    30-May 1"), in its written year when it has one."""
    month = r.month_number(m.group("endmon") or m.group("mon") or m.group("mon2"))
    day = r.day_number(m.group("end") or m.group("end2") or m.group("d") or m.group("d2"))
    if m.group("y") is not None:
        got = cal.ymd(int(m.group("y")), month, day)
    elif ref is None:
        return None
    else:
        got = month_day(month, day, ref, fut)
    return (got, "day") if got else None


def _normalise_wd_md(m: re.Match[str]) -> re.Match[str]:
    """ "Friday, 12 May" reads as "Friday, May 12"."""
    if m.group("mon") is not None:
        return m
    norm = re.match(
        r"(?P<wd>\w+) (?P<mon>\S+) (?P<d>\S+)", f"{m.group('wd')} {m.group('mon2')} {m.group('d2')}"
    )
    assert norm is not None
    return norm


# Words after which a four-digit number is not a year.
_NOT_YEAR_BEFORE = re.compile(
    r"(?:order|no\.?|number|resolution|section|article|type|class|"
    r"model|mk|\$|€|£|rs\.?|code|route|flight|unit|batch)\s*$",
    re.I,
)

_YEAR_LEADS = {
    "in",
    "by",
    "since",
    "from",
    "until",
    "till",
    "during",
    "fiscal",
    "fy",
    "early",
    "late",
    "mid",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
    "of",
    "for",
    "before",
    "after",
    "the",
    "and",
    "or",
    "to",
    "through",
    "between",
    "end",
}

# What makes an expression a deadline or a target rather than the time of an action: "by
# 2030", "until 2028", "(in effect) beyond March 6", "no later than March", "(raise it) to
# 2.5% by the end of 2027".
_TARGET_LEAD = re.compile(
    r"\b(?:by|until|till|through|thru|before|beyond|within|no\slater\sthan|not\slater\sthan|"
    r"deadline\sof|target\sof|goal\sof)\s+(?:the\s+)?"
    r"(?:(?:end|middle|start|beginning|close|turn|first\shalf|second\shalf)\s+of\s+(?:the\s+)?)?"
    r"$",
    re.I,
)


# "to" marks a target before a year only ("from 2025 to 2027", "extended to 2030"): a day or
# month after it is often the new date of the action itself ("postponed to Friday")
_YEAR_TARGET_LEAD = re.compile(r"\bto\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)


def is_target(text: str, start: int, kind: str = "", end: int | None = None) -> bool:
    """Whether the expression starting at `start` (ending at `end`, where known) is a deadline
    or target, a comparison's baseline or a budget's year: never an event's date."""
    before = text[max(0, start - 40) : start]
    if kind == "year" and _YEAR_TARGET_LEAD.search(before):
        return True
    if comparison_baseline(text, start, end, kind) or budget_year(text, start, end, kind):
        return True
    return kind == "endyear" or _TARGET_LEAD.search(before) is not None


def _phrase_alternatives(words: frozenset[str]) -> str:
    """The lexicon's words and phrases as a regex alternation, longest first."""
    parts = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


# "ten times last year's number", "more than today", "up from 2023": the baseline compared with
_COMPARISON_LEAD = re.compile(
    r"(?<![\w-])(?:" + _phrase_alternatives(word_set("nlp/attach", "comparison_leads"))
    + r")\s+(?:the\s+)?$",
    re.I,
)
# "up from 2.4% in 2023": the baseline's amount stands between the lead and its time
_COMPARISON_AMOUNT_LEAD = re.compile(
    r"(?<![\w-])(?:" + _phrase_alternatives(word_set("nlp/attach", "comparison_amount_leads"))
    + r")\s+(?:[^\s,;:()]+\s+){1,3}(?:in\s+|on\s+)?$",
    re.I,
)
# "ten times last year's number": a multiple of a possessive time
_MULTIPLIER_LEAD = re.compile(
    r"(?<![\w-])(?:" + _phrase_alternatives(word_set("nlp/attach", "multiplier_leads"))
    + r")\s+$",
    re.I,
)
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_BUDGET_NOUN = _phrase_alternatives(word_set("nlp/attach", "budget_nouns"))
_BUDGET_BETWEEN = _phrase_alternatives(word_set("nlp/attach", "budget_between"))
# "the 2026 budget", "fiscal 2025 defence budget": the year names the budget
_YEAR_OF_BUDGET = re.compile(
    r"(?:['’]s)?\s+(?:(?:" + _BUDGET_BETWEEN + r")\s+){0,2}(?:" + _BUDGET_NOUN + r")\b", re.I
)
# "the budget proposal for 2025", "the defence budget for fiscal year 2026"
_BUDGET_FOR = re.compile(
    r"\b(?:" + _BUDGET_NOUN + r")(?:\s+(?:proposal|request|plan|bill|law|draft))?\s+for\s+"
    r"(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|fy\s*)?$",
    re.I,
)
_YEAR_KINDS = ("year",)


def comparison_baseline(text: str, start: int, end: int | None, kind: str = "") -> bool:
    """A time told as what the news is compared with ("up from 2.4% in 2023", "than today",
    "ten times last year's number"); "less than a week ago" is a time, roughly told."""
    if kind in ("ago", "yearsago"):
        return False
    before = text[max(0, start - 40) : start]
    if _COMPARISON_LEAD.search(before) or _COMPARISON_AMOUNT_LEAD.search(before):
        return True
    return (end is not None and _MULTIPLIER_LEAD.search(before) is not None
            and _POSSESSIVE.match(text, end) is not None)


def budget_year(text: str, start: int, end: int | None, kind: str) -> bool:
    """A year that names a budget's period ("the 2026 budget", "the budget for 2025")."""
    if kind not in _YEAR_KINDS:
        return False
    if _BUDGET_FOR.search(text[max(0, start - 60) : start]):
        return True
    return end is not None and _YEAR_OF_BUDGET.match(text, end) is not None


def _model_number(text: str, start: int) -> bool:
    """ "PzH 2000", "Vision 2030": a four-digit number right after a capitalised name."""
    m = re.search(r"([A-Za-z][\w-]*)\s+$", text[max(0, start - 25) : start])
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in _YEAR_LEADS or word.lower().rstrip(".") in MONTHS:
        return False
    return word[0].isupper() or any(ch.isdigit() for ch in word)


@lru_cache(maxsize=4096)
def find_expressions(text: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """Non-overlapping time expressions in `text`: (start, end, kind, match), left to right.

    Earlier patterns in `PATTERNS` win over later ones (a full date over its month).
    Remembered by text: the extractor reads a sentence's dates before its parse too.
    """
    out: list[tuple[int, int, str, re.Match[str]]] = []
    taken, kept = DisjointSpans(), 0
    for kind, pat, _res, _fut in PATTERNS:
        # the matches of one pattern never overlap each other
        if len(out) != kept:
            taken, kept = DisjointSpans((os_, oe) for os_, oe, _, _ in out), len(out)
        for m in pat.finditer(text):
            s, e = m.span()
            if kind == "weekday" and m.group("rel") == "on":
                s = m.start("wd")
            if taken.overlaps(s, e):
                continue
            if kind == "year" and _NOT_YEAR_BEFORE.search(text[max(0, s - 12) : s]):
                continue
            if kind == "year" and _model_number(text, s):
                continue
            out.append((s, e, kind, m))
    out.sort(key=lambda t: t[0])
    return tuple(out)


_RESOLVERS = {kind: (res, fut) for kind, _p, res, fut in PATTERNS}


def resolve_match(
    kind: str, m: re.Match[str], ref: dt.date | None, future: bool
) -> DateValue | None:
    res, implies_future = _RESOLVERS[kind]
    try:
        got = res(m, ref, future or implies_future)
    except (OverflowError, ValueError):  # "next Friday" published on 9999-12-31
        return None
    if got is None or not in_calendar(got[0]):
        return None
    value, precision = got
    target = is_target(m.string, m.start(), kind, m.end())
    return DateValue(
        value, precision, m.start(), m.end(), m.group(0), future or implies_future, target
    )


def resolve(text: str, published: str | dt.date | None, future: bool = False) -> DateValue | None:
    """Resolve the first time expression in `text` against the publication date."""
    ref = published if isinstance(published, dt.date) else parse_published(published)
    for _s, _e, kind, m in find_expressions(text):
        got = resolve_match(kind, m, ref, future)
        if got is not None:
            return got
    return None


def _days_from(value: str, ref: dt.date) -> int:
    """How far a resolved value lies from publication, in days (a month from its middle)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return abs(parts[0] - ref.year) * 365
    day = parts[2] if len(parts) == 3 else 15
    return abs((dt.date(parts[0], parts[1], day) - ref).days)


def resolve_nearest(kind: str, m: re.Match[str], ref: dt.date | None) -> DateValue | None:
    """The past or the coming reading, whichever lies nearer publication (a tie: the past)."""
    past = resolve_match(kind, m, ref, False)
    coming = resolve_match(kind, m, ref, True)
    if past is None or coming is None or ref is None or past.value == coming.value:
        return past or coming
    return coming if _days_from(coming.value, ref) < _days_from(past.value, ref) else past


# a day told as a night: its evening ("Tuesday night", "last night", "the night of 8 May") or
# its morning ("overnight", "overnight into Thursday", "in the early hours of Wednesday")
_EVENING_WORDS = re.compile(
    r"\b(?:" + _phrase_alternatives(word_set("nlp/attach", "night_evening_words")) + r")\b", re.I
)
_MORNING_WORDS = re.compile(
    r"\b(?:" + _phrase_alternatives(word_set("nlp/attach", "night_morning_words")) + r")\b", re.I
)
_EVENING_FRAME = re.compile(
    r"\b(?:" + _phrase_alternatives(word_set("nlp/attach", "night_evening_frames"))
    + r")\s+(?:the\s+)?$",
    re.I,
)
_MORNING_FRAME = re.compile(
    r"\b(?:" + _phrase_alternatives(word_set("nlp/attach", "night_morning_frames"))
    + r")\s+(?:the\s+)?$",
    re.I,
)


def _with_night(text: str, d: DateValue) -> DateValue:
    if d.precision != "day":
        return d
    before = text[max(0, d.start - 30) : d.start]
    if _MORNING_WORDS.search(d.text) or _MORNING_FRAME.search(before):
        return dataclasses.replace(d, night="morning")
    if _EVENING_WORDS.search(d.text) or _EVENING_FRAME.search(before):
        return dataclasses.replace(d, night="evening")
    return d


def find_dates(doc: Doc, published: str | None) -> list[DateValue]:
    ref = parse_published(published)
    out: list[tuple[str, DateValue]] = []
    for s, e, kind, m in find_expressions(doc.text):
        span: Span | None = doc.char_span(s, e, alignment_mode="expand")
        tense = clause_tense(span.root) if span is not None else "past"
        if tense == "near":
            got = resolve_nearest(kind, m, ref)
        else:
            got = resolve_match(kind, m, ref, tense == "future")
        if got is not None:
            out.append((kind, _with_night(doc.text, got)))
    return rebase_quoted_days(doc, out, ref)


@Language.component("materiel_dates")
def dates_component(doc: Doc) -> Doc:
    doc._.dates = find_dates(doc, doc._.published)
    return doc
