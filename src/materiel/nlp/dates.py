"""Dates: find time expressions and resolve them against the publication date.

Rules (see spec/EVENTS.md, section 2 and 6):
- a date with a year is taken as written (precision day, month or year);
- "on June 18" (no year): the latest June 18 up to publication, or, when the clause speaks
  of the future, the nearest June 18 either side of publication;
- a weekday: the latest such day up to publication, or the coming one for future tense;
- "last month", "this week", "next year", "yesterday"... relative to publication;
- no publication date: relative expressions resolve to nothing (never the processing date).

`resolve(text, published, future)` resolves one expression (tested alone); the
`materiel_dates` component writes every date of a Doc to `Doc._.dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from materiel.nlp import extensions as _ext
from materiel.nlp.intervals import DisjointSpans
from materiel.nlp.types import DateValue

_ext.register()

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s(?:morning|afternoon|evening|night))?"

Resolver = Callable[[re.Match[str], dt.date | None, bool], tuple[str, str] | None]


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


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def month_day(month: int, day: int, ref: dt.date, future: bool) -> str | None:
    """A month and day without a year, resolved against `ref`."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        v = _ymd(y, month, day)
        if v:
            cands.append(dt.date.fromisoformat(v))
    if not cands:
        return None
    if future:
        return min(cands, key=lambda c: (abs((c - ref).days), c < ref)).isoformat()
    past = [c for c in cands if c <= ref]
    return max(past).isoformat() if past else min(cands).isoformat()


def month_only(month: int, ref: dt.date, future: bool) -> str:
    cands = [(y, month) for y in (ref.year - 1, ref.year, ref.year + 1)]
    key = ref.year * 12 + ref.month
    if future:
        y, m = min(cands, key=lambda c: (abs(c[0] * 12 + c[1] - key), c[0] * 12 + c[1] < key))
    else:
        y, m = max(c for c in cands if c[0] * 12 + c[1] <= key)
    return f"{y:04d}-{m:02d}"


def weekday(name: str, ref: dt.date, future: bool, strict: bool = False) -> str:
    """The latest such day up to `ref` (the day itself counts), or for the future the coming
    one (also the day itself: "will meet on Wednesday" published on a Wednesday is that
    day); strict: never the day itself ("last Friday", "next Tuesday")."""
    target = WEEKDAYS[name.lower()]
    if future:
        delta = (target - ref.weekday()) % 7 or (7 if strict else 0)
        return (ref + dt.timedelta(days=delta)).isoformat()
    delta = (ref.weekday() - target) % 7
    if strict and delta == 0:
        delta = 7
    return (ref - dt.timedelta(days=delta)).isoformat()


# --- one resolver per kind of expression -------------------------------------------------


def _r_iso(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    v = _ymd(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return (v, "day") if v else None


def _r_mdy(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    v = _ymd(int(m.group("y")), _month(m.group("mon")), _day(m.group("d")))
    return (v, "day") if v else None


def _r_md(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    v = month_day(_month(m.group("mon")), _day(m.group("d")), ref, fut)
    return (v, "day") if v else None


def _r_my(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return f"{int(m.group('y')):04d}-{_month(m.group('mon')):02d}", "month"


def _r_m_rel_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    rel = m.group("rel").lower()
    y = ref.year + {"last": -1, "this": 0, "next": 1}[rel]
    return f"{y:04d}-{_month(m.group('mon')):02d}", "month"


def _r_month(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    return month_only(_month(m.group("mon")), ref, fut), "month"


def _r_weekday(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    rel = (m.group("rel") or "").lower()
    if rel == "next":
        return weekday(m.group("wd"), ref, True, strict=True), "day"
    if rel == "last":
        return weekday(m.group("wd"), ref, False, strict=True), "day"
    return weekday(m.group("wd"), ref, fut), "day"


def _r_relday(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group("w").lower()]
    return (ref + dt.timedelta(days=delta)).isoformat(), "day"


def _r_relunit(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    delta = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this": 0,
        "current": 0,
        "next": 1,
        "coming": 1,
    }[rel]
    if unit == "week":
        d = ref + dt.timedelta(days=7 * delta)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if unit == "month":
        y, mo = _shift_month(ref.year, ref.month, delta)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{ref.year + delta:04d}", "year"


def _r_endyear(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if m.group("y"):
        return m.group("y"), "year"
    if ref is None:
        return None
    return f"{ref.year:04d}", "year"


def _r_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return m.group("y"), "year"


def _r_ago(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(
        m.group("n").lower()
    )
    if n is None:
        try:
            n = int(m.group("n"))
        except ValueError:
            return None
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        return (ref - dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        d = ref - dt.timedelta(days=7 * n)
        return f"{d.year:04d}-{d.month:02d}", "month"
    if unit == "month":
        y, mo = _shift_month(ref.year, ref.month, -n)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{ref.year - n:04d}", "year"


PATTERNS: list[tuple[str, re.Pattern[str], Resolver, bool]] = [
    # (kind, pattern, resolver, implies future)
    (
        "iso",
        re.compile(r"\b(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"),
        _r_iso,
        False,
    ),
    (
        "mdy",
        re.compile(
            r"\b(?P<mon>" + _MON + r")\s(?P<d>" + _DAY + r")(?:\s?[-–]\s?" + _DAY + r")?,?\s"
            r"(?P<y>" + _YEAR + r")\b"
        ),
        _r_mdy,
        False,
    ),
    (
        "dmy",
        re.compile(
            r"\b(?P<d>" + _DAY + r")(?:\s?[-–]\s?" + _DAY + r")?\s(?:of\s)?(?P<mon>" + _MON
            + r"),?\s(?P<y>" + _YEAR + r")\b"
        ),
        _r_mdy,
        False,
    ),
    (
        "m_rel_year",
        re.compile(r"\b(?P<mon>" + _MON + r")\s(?:of\s)?(?P<rel>last|this|next)\syear\b", re.I),
        _r_m_rel_year,
        False,
    ),
    (
        "my",
        re.compile(r"\b(?P<mon>" + _MON + r"),?\s(?:of\s)?(?P<y>" + _YEAR + r")\b"),
        _r_my,
        False,
    ),
    (
        "md",
        re.compile(r"\b(?P<mon>" + _MON + r")\s(?P<d>" + _DAY + r")\b(?!,?\s?\d)"),
        _r_md,
        False,
    ),
    (
        "dm",
        re.compile(r"\b(?P<d>" + _DAY + r")\s(?P<mon>" + _MON + r")\b(?!,?\s" + _YEAR + ")"),
        _r_md,
        False,
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<rel>last|next|this|on)\s)?(?P<wd>" + _WD + r")" + _PART + r"\b", re.I
        ),
        _r_weekday,
        False,
    ),
    ("relday", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b", re.I), _r_relday, False),
    (
        "endyear",
        re.compile(
            r"\b(?:by|before|until|till)\s(?:the\s)?end\s(?:of\s)?(?:(?:the|this)\s"
            r"(?:year|calendar year|fiscal year)|(?P<y>" + _YEAR + r"))\b",
            re.I,
        ),
        _r_endyear,
        True,
    ),
    (
        "relunit",
        re.compile(
            r"\b(?:(?:earlier|later)\s(?:in\s)?)?(?P<rel>last|past|previous|this|current|"
            r"next|coming)\s(?P<unit>week|month|year)\b(?!s)",
            re.I,
        ),
        _r_relunit,
        False,
    ),
    (
        "laterinyear",
        re.compile(r"\blater\sin\sthe\s(?P<unit>year)\b", re.I),
        lambda m, ref, fut: (f"{ref.year:04d}", "year") if ref else None,
        True,
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|\d{1,2})\s(?P<unit>days?|weeks?|months?|"
            r"years?)\sago\b",
            re.I,
        ),
        _r_ago,
        False,
    ),
    (
        "month",
        re.compile(
            r"\b(?:in|on|since|by|from|during|until|of|early|late|mid|earlier\sin|"
            r"later\sin|end\sof|beginning\sof|start\sof)[\s-](?P<mon>January|February|"
            r"March|April|May|June|July|August|September|October|November|December)\b"
            r"(?!\s\d)"
        ),
        _r_month,
        False,
    ),
    (
        "year",
        re.compile(
            r"(?<![\d,.$€£#/-])(?:(?:mid|early|late|end|fiscal year|FY)[\s-]?)?"
            r"(?P<y>" + _YEAR + r")(?:-\d{2,4})?(?!\d|,\d|%|\s?(?:km|kg|mm|tons?|troops|"
            r"units|jets|aircraft)\b)"
        ),
        _r_year,
        False,
    ),
]

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


def _model_number(text: str, start: int) -> bool:
    """ "PzH 2000", "Vision 2030": a four-digit number right after a capitalised name."""
    m = re.search(r"([A-Za-z][\w-]*)\s+$", text[max(0, start - 25) : start])
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in _YEAR_LEADS or word.lower().rstrip(".") in MONTHS:
        return False
    return word[0].isupper() or any(ch.isdigit() for ch in word)


def find_expressions(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping time expressions in `text`: (start, end, kind, match), left to right.

    Earlier patterns in `PATTERNS` win over later ones (a full date over its month).
    """
    out: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pat, _res, _fut in PATTERNS:
        # the matches of one pattern never overlap each other
        taken = DisjointSpans((os_, oe) for os_, oe, _, _ in out)
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
    return out


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
    return DateValue(value, precision, m.start(), m.end(), m.group(0), future or implies_future)


def resolve(text: str, published: str | dt.date | None, future: bool = False) -> DateValue | None:
    """Resolve the first time expression in `text` against the publication date."""
    ref = published if isinstance(published, dt.date) else parse_published(published)
    for _s, _e, kind, m in find_expressions(text):
        got = resolve_match(kind, m, ref, future)
        if got is not None:
            return got
    return None


# --- tense of the clause a date belongs to ------------------------------------------------

FUTURE_HEADS = {
    "plan",
    "expect",
    "intend",
    "schedule",
    "set",
    "aim",
    "due",
    "slate",
    "prepare",
    "hope",
    "want",
    "seek",
    "propose",
    "upcoming",
    "forthcoming",
    "next",
    "likely",
}


def clause_is_future(token: Token) -> bool:
    """Whether the clause holding `token` speaks of the future ("will meet", "is to sign")."""
    cur: Token | None = token
    for _ in range(6):
        if cur is None:
            break
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            for child in cur.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in (
                    "will",
                    "shall",
                    "'ll",
                    "wo",
                ):
                    return True
                if child.lower_ in ("upcoming", "forthcoming", "next"):
                    return True
            if cur.tag_ == "VBD" or any(
                c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in cur.children
            ):
                return False
            if cur.dep_ == "xcomp" and cur.head.lemma_ in FUTURE_HEADS:
                return True
            if (
                cur.tag_ in ("VB",)
                and cur.dep_ in ("xcomp",)
                and any(c.lower_ == "to" for c in cur.children)
                and cur.head.lemma_ in ("be", "go")
            ):
                return True
            if cur.dep_ in ("ccomp", "advcl", "conj", "relcl", "ROOT") and cur.pos_ == "VERB":
                return False
        if cur.pos_ == "NOUN" and any(
            c.lower_ in ("upcoming", "forthcoming", "next") for c in cur.children
        ):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def find_dates(doc: Doc, published: str | None) -> list[DateValue]:
    ref = parse_published(published)
    out = []
    for s, e, kind, m in find_expressions(doc.text):
        span: Span | None = doc.char_span(s, e, alignment_mode="expand")
        future = clause_is_future(span.root) if span is not None else False
        got = resolve_match(kind, m, ref, future)
        if got is not None:
            out.append(got)
    return out


@Language.component("materiel_dates")
def dates_component(doc: Doc) -> Doc:
    doc._.dates = find_dates(doc, doc._.published)
    return doc
