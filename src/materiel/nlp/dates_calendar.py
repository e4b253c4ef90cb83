"""Calendar arithmetic for resolving dates without a year against a publication date.

The tense rule (guide, "Date and status"): a month, day, weekday or holiday without a year is
the latest one up to publication when the sentence speaks of the past, and the coming one
(publication day or month included) when it speaks of the future.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# a month and day without a year in future tense: the coming one, unless the last one is only
# this many days back (a "will" clause about something a few days old is a misread tense)
_FUTURE_LOOKBACK_DAYS = 7
# and in past tense the last one, unless the coming one is only days ahead ("has proceeded on
# a visit from May 16", published May 15): a year-old day would be written with its year
_PAST_LOOKAHEAD_DAYS = 7


def ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def pick_occurrence(
    on_year: Callable[[int], dt.date | None], ref: dt.date, future: bool
) -> dt.date | None:
    """The latest day `on_year(y)` up to `ref` (past) or the first from `ref` on (future).

    Years up to four either side are tried, so February 29 and movable feasts resolve too.
    """
    cands = sorted(d for y in range(ref.year - 4, ref.year + 5) if (d := _safe(on_year, y)))
    if not cands:
        return None
    past = [c for c in cands if c <= ref]
    coming = [c for c in cands if c >= ref]
    if future:
        if past and (ref - past[-1]).days <= _FUTURE_LOOKBACK_DAYS:
            return past[-1]
        return coming[0] if coming else past[-1]
    if coming and (coming[0] - ref).days <= _PAST_LOOKAHEAD_DAYS:
        return coming[0]
    return past[-1] if past else coming[0]


def _safe(on_year: Callable[[int], dt.date | None], y: int) -> dt.date | None:
    if not 1 <= y <= 9999:
        return None
    try:
        return on_year(y)
    except (ValueError, OverflowError):
        return None


def month_day(month: int, day: int, ref: dt.date, future: bool) -> str | None:
    """A month and day without a year, resolved against `ref`."""
    got = pick_occurrence(lambda y: dt.date(y, month, day), ref, future)
    return got.isoformat() if got else None


def month_only(month: int, ref: dt.date, future: bool) -> str:
    """A month without a year: the latest up to the publication month (past) or the coming
    one, the publication month included (future)."""
    if future:
        y = ref.year if month >= ref.month else ref.year + 1
    else:
        y = ref.year if month <= ref.month else ref.year - 1
    return f"{y:04d}-{month:02d}"


def relative_month(month: int, rel: str, ref: dt.date) -> str:
    """ "next February" (the coming one, never the publication month), "last February" (the
    latest before the publication month), "this February" (the one of the publication year)."""
    if rel in ("next", "coming"):
        y = ref.year if month > ref.month else ref.year + 1
    elif rel in ("last", "past", "previous"):
        y = ref.year if month < ref.month else ref.year - 1
    else:
        y = ref.year
    return f"{y:04d}-{month:02d}"


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


def season_year(season: str, rel: str, ref: dt.date) -> int:
    """The year of "last summer", "this spring", "next autumn" (winter: the year its January
    falls in)."""
    start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[season]
    if rel in ("this", "current"):
        return ref.year
    if season == "winter":
        # the winter around the publication date is that of the coming/past January
        current = ref.year if ref.month <= 2 else ref.year + 1
        return current - 1 if rel in ("last", "past", "previous") else current + 1
    if rel in ("last", "past", "previous"):
        return ref.year if ref.month >= start + 3 else ref.year - 1
    return ref.year if ref.month < start else ref.year + 1


# --- holidays ------------------------------------------------------------------------------


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday (Julian computus, given in the Gregorian calendar)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    julian = dt.date(year, (d + e + 114) // 31, (d + e + 114) % 31 + 1)
    return julian + dt.timedelta(days=year // 100 - year // 400 - 2)


def nth_weekday(year: int, month: int, wd: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    y, m = shift_month(year, month, 1)
    last = dt.date(y, m, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda y: dt.date(y, month, day)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "christmas eve": _fixed(12, 24),
    "christmas day": _fixed(12, 25),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "orthodox christmas": _fixed(1, 7),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "armistice day": _fixed(11, 11),
    "veterans day": _fixed(11, 11),
    "remembrance day": _fixed(11, 11),
    "victory day": _fixed(5, 9),
    "easter": easter,
    "easter sunday": easter,
    "orthodox easter": orthodox_easter,
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
}

# Independence Day by the country named before it ("Ukraine's Independence Day"); without one,
# that of the outlet's country when known
INDEPENDENCE_DAYS: dict[str, tuple[int, int]] = {
    "us": (7, 4),
    "ukraine": (8, 24),
    "india": (8, 15),
    "pakistan": (8, 14),
    "poland": (11, 11),
    "philippines": (6, 12),
    "indonesia": (8, 17),
    "georgia": (5, 26),
    "finland": (12, 6),
    "lithuania": (2, 16),
    "estonia": (2, 24),
    "kazakhstan": (12, 16),
    "azerbaijan": (10, 18),
    "armenia": (9, 21),
    "moldova": (8, 27),
}
COUNTRY_WORDS: dict[str, str] = {
    "us": "us",
    "u.s.": "us",
    "america": "us",
    "american": "us",
    "united states": "us",
    "ukraine": "ukraine",
    "ukrainian": "ukraine",
    "india": "india",
    "indian": "india",
    "pakistan": "pakistan",
    "pakistani": "pakistan",
    "poland": "poland",
    "polish": "poland",
    "philippines": "philippines",
    "philippine": "philippines",
    "indonesia": "indonesia",
    "indonesian": "indonesia",
    "georgia": "georgia",
    "georgian": "georgia",
    "finland": "finland",
    "finnish": "finland",
    "lithuania": "lithuania",
    "lithuanian": "lithuania",
    "estonia": "estonia",
    "estonian": "estonia",
    "kazakhstan": "kazakhstan",
    "azerbaijan": "azerbaijan",
    "armenia": "armenia",
    "moldova": "moldova",
}


def holiday(name: str, ref: dt.date | None, future: bool, year: int | None = None) -> str | None:
    """A named holiday: in the given year, else the latest/coming one by tense."""
    rule = HOLIDAYS.get(" ".join(name.lower().replace("’", "'").split()))
    if rule is None:
        return None
    return _occurrence(rule, ref, future, year)


def independence_day(
    country: str | None, ref: dt.date | None, future: bool, year: int | None = None
) -> str | None:
    md = INDEPENDENCE_DAYS.get(country or "")
    if md is None or (ref is None and year is None):
        return None
    return _occurrence(_fixed(*md), ref, future, year)


def _occurrence(
    rule: Callable[[int], dt.date], ref: dt.date | None, future: bool, year: int | None
) -> str | None:
    if year is not None:
        got = _safe(rule, year)
        return got.isoformat() if got else None
    if ref is None:
        return None
    found = pick_occurrence(rule, ref, future)
    return found.isoformat() if found else None
