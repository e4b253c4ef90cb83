"""One resolver per kind of time expression: the regex match (see `dates.PATTERNS`), the
publication date and the clause's tense give a value and its precision, or None."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from materiel.nlp import dates_calendar as cal
from materiel.wordlists import word_map

_UNIT_DAYS = word_map("nlp/attach", "offset_unit_days", int)  # "a fortnight ago": 14
TENS_OF_YEARS = word_map("nlp/attach", "tens_of_years", int)  # "eighty years ago": 80

Resolver = Callable[[re.Match[str], dt.date | None, bool], tuple[str, str] | None]

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
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def count_word(word: str) -> int | None:
    """'two' -> 2, '3' -> 3, 'a' -> 1; None when the word is no small count."""
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBER_WORDS.get(w)


_REL_DELTA = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
}
# a numeric date whose day and month could be swapped is read the way that puts it this
# close before publication, when only one reading does
_NUMERIC_WINDOW_DAYS = 31


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def day_number(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _day(v: str | None) -> tuple[str, str] | None:
    return (v, "day") if v else None


def _month_value(y: int, m: int) -> tuple[str, str]:
    return f"{y:04d}-{m:02d}", "month"


def r_iso(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return _day(cal.ymd(int(m.group("y")), int(m.group("m")), int(m.group("d"))))


def r_numeric(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "05/03/2024", "5.3.2024": dots are day first; with slashes a part above 12 is the day,
    else the reading just before publication, else only the year is certain."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if m.group("sep") == "." or (a > 12 >= b):
        return _day(cal.ymd(y, b, a))
    if b > 12 >= a or a == b:
        return _day(cal.ymd(y, a, b))
    readings = [v for v in (cal.ymd(y, a, b), cal.ymd(y, b, a)) if v]
    if ref is not None:
        close = [
            v
            for v in readings
            if 0 <= (ref - dt.date.fromisoformat(v)).days <= _NUMERIC_WINDOW_DAYS
        ]
        if len(close) == 1:
            return close[0], "day"
    return (f"{y:04d}", "year") if readings else None


def r_mdy(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return _day(cal.ymd(int(m.group("y")), month_number(m.group("mon")), day_number(m.group("d"))))


def r_cross_month_range(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "30 May to 2 June 2023", "December 30, 2023 - January 2": the first day, in the year
    of the range's end (one before, when the range crosses New Year)."""
    y = int(m.group("y"))
    start_month = month_number(m.group("mon"))
    if start_month > month_number(m.group("mon2")):
        y -= 1
    return _day(cal.ymd(y, start_month, day_number(m.group("d"))))


def r_md(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    return _day(cal.month_day(month_number(m.group("mon")), day_number(m.group("d")), ref, fut))


def r_my(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return _month_value(int(m.group("y")), month_number(m.group("mon")))


def r_month_rel_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    return _month_value(ref.year + _REL_DELTA[m.group("rel").lower()], month_number(m.group("mon")))


def r_month_rel(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "next February", "last March", "this May"."""
    if ref is None:
        return None
    return cal.relative_month(month_number(m.group("mon")), m.group("rel").lower(), ref), "month"


def r_month(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    return cal.month_only(month_number(m.group("mon")), ref, fut), "month"


def r_weekday(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    rel = (m.group("rel") or "").lower()
    if rel == "next":
        return cal.weekday(m.group("wd"), ref, True, strict=True), "day"
    if rel in ("last", "past"):
        return cal.weekday(m.group("wd"), ref, False, strict=True), "day"
    return cal.weekday(m.group("wd"), ref, fut), "day"


def r_weekend(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "over the weekend": its Saturday (the last one, or the coming one for the future or
    "next weekend"); on a Sunday the weekend is the day before."""
    if ref is None:
        return None
    rel = (m.group("rel") or "").lower()
    if rel == "next" or (fut and rel != "last"):
        return cal.weekday("saturday", ref, True, strict=rel == "next"), "day"
    return cal.weekday("saturday", ref, False, strict=rel == "last"), "day"


def r_relday(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    word = " ".join(m.group("w").lower().split())
    delta = {"yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2}
    return (ref + dt.timedelta(days=delta.get(word, 0))).isoformat(), "day"


def r_relunit(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    delta = _REL_DELTA[m.group("rel").lower()]
    unit = m.group("unit").lower()
    if unit == "week":
        d = ref + dt.timedelta(days=7 * delta)
        return _month_value(d.year, d.month)
    if unit == "month":
        return _month_value(*cal.shift_month(ref.year, ref.month, delta))
    return f"{ref.year + delta:04d}", "year"


def r_season(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    rel = m.group("rel").lower()
    return f"{cal.season_year(m.group('season').lower(), rel, ref):04d}", "year"


def r_endyear(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if m.group("y"):
        return m.group("y"), "year"
    if ref is None:
        return None
    return f"{ref.year:04d}", "year"


def r_this_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return (f"{ref.year:04d}", "year") if ref else None


def r_year(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    return m.group("y"), "year"


def r_no_point(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "the 1990s", "in recent years": a period with no year to give."""
    return None


def r_ago(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    if ref is None:
        return None
    word = m.group("n").lower()
    n = _NUMBER_WORDS.get(word)
    if n is None:
        if not word.isdigit():
            return None
        n = int(word)
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        return (ref - dt.timedelta(days=n)).isoformat(), "day"
    if unit in ("week", "fortnight"):  # "a fortnight ago": two weeks, British
        d = ref - dt.timedelta(days=_UNIT_DAYS[unit] * n)
        return _month_value(d.year, d.month)
    if unit == "month":
        return _month_value(*cal.shift_month(ref.year, ref.month, -n))
    return f"{ref.year - n:04d}", "year"


def r_years_ago(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "Eighty years ago", "forty-five years ago": the year that many before the reference."""
    if ref is None:
        return None
    n = TENS_OF_YEARS[m.group("tens").lower()]
    if m.group("unit"):
        n += _NUMBER_WORDS.get(m.group("unit").lower(), 0)
    return f"{ref.year - n:04d}", "year"


def r_holiday(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    year = int(m.group("y")) if m.group("y") else None
    name = m.group("name")
    if m.group("orth"):
        name = "orthodox " + name
    return _day(cal.holiday(name, ref, fut, year))


_COUNTRY_BEFORE = re.compile(
    r"(?P<c>U\.S\.|US|United States|America|[A-Z][a-z]+)(?:'s|’s|n)?\s+(?:\d+(?:st|nd|rd|th)\s+)?$"
)


def r_independence(m: re.Match[str], ref: dt.date | None, fut: bool) -> tuple[str, str] | None:
    """ "Ukraine's Independence Day", "the US Independence Day": by the country named before
    it; without one there is no telling which."""
    before = _COUNTRY_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()])
    country = None
    if before is not None:
        word = before.group("c").lower()
        country = cal.COUNTRY_WORDS.get(word) or cal.COUNTRY_WORDS.get(word.rstrip("n"))
    year = int(m.group("y")) if m.group("y") else None
    return _day(cal.independence_day(country, ref, fut, year))
