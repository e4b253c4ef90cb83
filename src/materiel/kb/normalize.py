"""String normalisation shared by the index and the resolver."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_POSSESSIVE = re.compile(r"(?<=\w)'s?$|(?<=s)'$")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})


def fold(text: str) -> str:
    """Lowercase, strip accents, unify quotes and dashes (punctuation kept)."""
    if text.isascii():
        return text.lower()
    text = _DASHES.sub("-", text.translate(_QUOTES)).lower().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def strip_possessive(text: str) -> str:
    """`Ukraine's` -> `Ukraine`, `allies'` -> `allies` (on the last word only)."""
    return _POSSESSIVE.sub("", text.translate(_QUOTES).rstrip())


def norm(text: str) -> str:
    """Lookup key: folded, possessive and punctuation removed, leading "the" dropped."""
    key = fold(text).strip()
    if "'" in key or "`" in key:
        key = strip_possessive(key)
    key = _NON_WORD.sub(" ", key).strip()
    return key[4:] if key.startswith("the ") else key


def compact(text: str) -> str:
    """Key without spaces: "F-16", "F 16" and "F16" share one."""
    return norm(text).replace(" ", "")


def slug(text: str) -> str:
    """Stable slug for ids: lowercase ascii, digits and '-'."""
    return norm(text).replace(" ", "-")[:60] or "x"


def words(text: str) -> list[str]:
    return norm(text).split()


def acronym_of(name: str) -> str:
    """Initials of the capitalised words: "Ukraine Defense Contact Group" -> "UDCG"."""
    parts = re.findall(r"[A-Za-z0-9][\w'-]*", name)
    return "".join(p[0].upper() for p in parts if p[0].isupper() or p[0].isdigit())


def is_acronym(text: str) -> bool:
    """All-caps short token such as "NATO", "UDCG", "US", "IRIS-T"."""
    letters = [c for c in text if c.isalpha()]
    return (
        2 <= len(text) <= 8
        and len(letters) >= 2
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in text)
    )
