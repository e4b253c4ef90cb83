"""Does a title written before a person's name fit the date of the text?"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .knowledge import KnowledgeBase
from .normalize import norm

_PAST = re.compile(r"^(?:former|ex|then|late|onetime|one-time)\b[\s-]*", re.I)
_FUTURE = re.compile(r"^(?:incoming|designate|future|nominee|newly elected|elected)\b\s*", re.I)
# From the start of a run of spaces and dashes only (each of its positions was tried).
_FUTURE_SUFFIX = re.compile(r"(?<![\s-])[\s-]++(?:elect|designate|nominee)$", re.I)
_LOOSE = re.compile(r"^(?:acting|interim|outgoing|current|new|sitting)\b\s*", re.I)
_SYNONYMS = [
    (re.compile(r"\bdefence\b"), "defense"),
    (re.compile(r"\bforeign affairs\b"), "foreign"),
    (re.compile(r"\bsecretary general\b"), "secretary-general"),
    (re.compile(r"\bpm\b"), "prime minister"),
    # "Minister of Strategic Industries" -> "strategic industries minister"
    (re.compile(r"\b(minister|secretary) (?:of|for) (?:the )?(.+)$"), r"\2 \1"),
]
_RANKS = frozenset({"deputy", "vice", "first", "assistant", "under", "acting"})


def _canon(title: str) -> str:
    key = norm(title).replace("secretary general", "secretary-general")
    for pattern, repl in _SYNONYMS:
        key = pattern.sub(repl, key)
    return key


def _day(date: str | None, end: bool = False) -> str:
    """Pad "2024" / "2024-05" to a full ISO day (start or end of the period)."""
    if not date:
        return dt.date.today().isoformat()
    date = str(date)[:10]
    if len(date) == 4:
        return date + ("-12-31" if end else "-01-01")
    if len(date) == 7:
        return date + ("-31" if end else "-01")
    return date


def _fits(office_title: str, title: str) -> bool:
    """ "Defense Minister" fits "Ukrainian Defense Minister", "Minister of Defence" and
    "Minister"; "Prime Minister" does not fit "Deputy Prime Minister"."""
    a, b = _canon(office_title), _canon(title)
    if not a or not b:
        return False
    wa, wb = a.split(), b.split()
    if wa[-1] != wb[-1] or (_RANKS & set(wa)) != (_RANKS & set(wb)):
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def office_check(kb: KnowledgeBase, person_id: str, title: str, date: str | None) -> str | None:
    """A reason when the title does not fit the date, else None (also when unknown)."""
    entry = kb.get(person_id)
    if entry is None:
        return None
    offices: list[dict[str, Any]] = [
        o for o in entry.facts.get("offices") or () if isinstance(o, dict)
    ]
    text = title.strip()
    past = bool(_PAST.match(text))
    future = bool(_FUTURE.match(text) or _FUTURE_SUFFIX.search(text))
    core = _LOOSE.sub("", _FUTURE.sub("", _PAST.sub("", _FUTURE_SUFFIX.sub("", text)))).strip()
    matching = [o for o in offices if _fits(str(o.get("title", "")), core)]
    if not core or not matching:
        return None
    day = _day(date)
    held = [o for o in matching if _day(o.get("start")) <= day <= _day(o.get("end"), end=True)]
    name = entry.name
    if past:
        if held and not text.lower().startswith("then"):
            o = held[0]
            return f"'{title}' but {name} held that office on {day} (since {o.get('start')})"
        return None
    if held:
        return None
    started = [o for o in matching if _day(o.get("start")) > day]
    if future and started:
        return None
    if started and len(started) == len(matching):
        o = min(started, key=lambda o: str(o.get("start")))
        return f"'{title}' on {day} but {name} took that office on {o.get('start')}"
    ended = [o for o in matching if o.get("end") and _day(o.get("end"), end=True) < day]
    if ended:
        o = max(ended, key=lambda o: str(o.get("end")))
        return f"'{title}' on {day} but {name} left that office on {o.get('end')}"
    return None
