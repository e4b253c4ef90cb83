"""Value matching as the reference scorer does it (spec/EVENTS.md section 5).

A predicted value matches a gold value when its `name` or `text`, normalised (case, accents,
punctuation, a leading article, plural "s"), equals one of the gold spellings ("A|B|C"), or one
holds the other whole-word and is at least half as long; numbers match within 1 %, with the
currency when both sides give one.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_ARTICLES = {"the", "a", "an"}
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
}
_CURRENCIES = {
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "uah": "UAH",
    "hryvnias": "UAH",
    "rubles": "RUB",
    "roubles": "RUB",
    "rub": "RUB",
    "kroner": "DKK",
    "dkk": "DKK",
    "nok": "NOK",
    "sek": "SEK",
}
_NUMERIC_GOLD = re.compile(r"\s*[\d.,]+\s*([A-Za-z]{3})?\s*")
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?")


def normalize(text: Any) -> list[str]:
    """Lowercase ASCII words, no leading article, singular."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    s = s.lower().replace("'s ", " ").replace("’s ", " ")
    words = re.findall(r"[a-z0-9]+", s)
    start = 0
    while start < len(words) and words[start] in _ARTICLES:
        start += 1
    out = []
    for w in words[start:]:
        if len(w) > 3 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


def read_number(x: Any) -> tuple[float | None, str | None]:
    """(number, currency) from a number or a text such as "$400 million"."""
    if isinstance(x, bool):
        return None, None
    if isinstance(x, int | float):
        return float(x), None
    s = str(x).strip().lower()
    currency = None
    for symbol, code in _CURRENCIES.items():
        if symbol in "$€£":
            if symbol in s:
                currency = code
                break
        elif re.search(rf"\b{re.escape(symbol)}\b", s):
            currency = code
            break
    m = _NUMBER.search(s.replace("\u00a0", " "))
    if m is None:
        return None, currency
    value = float(m.group(1).replace(",", ""))
    unit = m.group(2) or ""
    if unit in _SCALES:
        value *= _SCALES[unit]
    return value, currency


def _holds(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    if n == 0:
        return False
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def is_numeric_gold(gold: Any) -> bool:
    return isinstance(gold, int | float) or _NUMERIC_GOLD.fullmatch(str(gold)) is not None


def value_matches(pred: dict[str, Any], gold: Any) -> bool:
    """pred: an argument of the output contract; gold: one gold value."""
    if is_numeric_gold(gold):
        g_num, g_cur = read_number(gold)
        for field in ("value", "text", "name"):
            candidate = pred.get(field)
            if candidate is None:
                continue
            p_num, p_cur = read_number(candidate)
            if p_num is None or g_num is None:
                continue
            cur = pred.get("currency") or p_cur
            if g_cur and cur and g_cur != cur:
                continue
            if abs(p_num - g_num) <= 0.01 * max(abs(g_num), 1.0):
                return True
        return False
    spellings = [normalize(s) for s in str(gold).split("|")]
    for field in ("name", "text"):
        p = pred.get(field)
        if not p or not isinstance(p, str):
            continue
        pt = normalize(p)
        if not pt:
            continue
        for gt in spellings:
            if not gt:
                continue
            if pt == gt:
                return True
            short, longer = (pt, gt) if len(pt) <= len(gt) else (gt, pt)
            if _holds(longer, short) and 2 * len(short) >= len(longer):
                return True
    return False


def arguments(event: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """An event's args as lists of argument objects (plain strings become {"text": s})."""
    out: dict[str, list[dict[str, Any]]] = {}
    for role, vals in (event.get("args") or {}).items():
        seq = vals if isinstance(vals, list) else [vals]
        out[role] = [v if isinstance(v, dict) else {"text": str(v)} for v in seq]
    return out


def matched_values(pred: dict[str, Any], gold: dict[str, Any]) -> int:
    """How many gold role values the prediction matches."""
    p_args = arguments(pred)
    total = 0
    for role, g_vals in (gold.get("args") or {}).items():
        cands = p_args.get(role, [])
        total += sum(1 for g in g_vals if any(value_matches(p, g) for p in cands))
    return total


def evidence_overlaps(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    a = set(normalize(pred.get("evidence") or ""))
    b = set(normalize(gold.get("evidence") or ""))
    la, lb = len(normalize(pred.get("evidence") or "")), len(normalize(gold.get("evidence") or ""))
    if la < 4 or lb < 4:
        return False
    return len(a & b) >= 0.6 * min(len(a), len(b))


def compatible_types(gold: dict[str, Any]) -> set[Any]:
    return {gold.get("type")} | set(gold.get("alt_types") or [])


def date_agrees(pred_date: Any, gold_date: Any) -> bool:
    if not pred_date:
        return False
    g = str(gold_date)
    return str(pred_date)[: len(g)] == g
