"""Normalised word lists to compare argument values (case, accents, "the", plural "s")."""

from __future__ import annotations

import re
import unicodedata

_ARTICLES = {"the", "a", "an"}
_TOKEN = re.compile(r"[a-z0-9]+")


def norm_tokens(s: str) -> list[str]:
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode()
    s = s.lower().replace("'s ", " ").replace("’s ", " ")
    toks = _TOKEN.findall(s)
    first = 0  # leading articles dropped with one slice, not one slice each
    while first < len(toks) and toks[first] in _ARTICLES:
        first += 1
    out = []
    for t in toks[first:]:
        if len(t) > 3 and t.endswith("ies"):
            t = t[:-3] + "y"
        elif len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
            t = t[:-1]
        out.append(t)
    return out


def contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def same_value(a: list[str], b: list[str]) -> bool:
    """Equal, or one holds the other whole-word (e.g. "Ukraine" / "Ukraine's Armed Forces")."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return contains(long_, short)
