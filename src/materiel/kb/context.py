"""Per-document state: acronyms defined in the text, entities seen, people named."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .index import KIND_RANK
from .knowledge import KnowledgeBase
from .lexicon import MILITARY_WORDS
from .normalize import norm
from .translit import spelling
from .types import Resolution

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# "(ABC)" after a long name; the name's words are read backwards from the bracket (a regex
# for "up to 12 words, then the bracket" was tried from every character of a long word).
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*+([A-Z][A-Za-z0-9&-]{1,11})\s*+\)")
_MAX_NAME_WORDS = 12
_NAME_PUNCTUATION = frozenset("_'’&.-")
_SHORT_FIRST = re.compile(r"\b([A-Z][A-Z0-9&-]{1,11})\s*+\(\s*+([A-Z][^()]{3,120}?)\s*\)")
_FILLERS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "der", "&", "to"})


@dataclass
class DocContext:
    text: str = ""
    published: str | None = None
    acronyms: dict[str, str] = field(default_factory=dict)  # "UDCG" -> "Ukraine Defense ..."
    seen: Counter[str] = field(default_factory=Counter)  # kb ids named in the text
    countries: Counter[str] = field(default_factory=Counter)  # ISO2 of what the text names
    persons: dict[str, str] = field(default_factory=dict)  # surname spelling -> id / cluster id
    clusters: dict[str, Resolution] = field(default_factory=dict)  # norm key -> unlinked
    memo: dict[tuple[str, str | None], Resolution] = field(default_factory=dict)
    _near: dict[str, bool] = field(default_factory=dict)

    def mark_military(self, mention: str) -> None:
        """The mention was written with a weapon word ("Lynx vehicles")."""
        self._near[mention] = True

    def near_military_word(self, mention: str, window: int = 40) -> bool:
        """True when some occurrence of `mention` has a weapon word close by."""
        if mention not in self._near:
            found = False
            pattern = re.compile(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", re.I)
            for m in pattern.finditer(self.text):
                around = self.text[max(0, m.start() - window) : m.end() + window]
                if any(w.lower() in MILITARY_WORDS for w in _TOKEN.findall(around)):
                    found = True
                    break
            self._near[mention] = found
        return self._near[mention]


def _initials(words: list[str], skip_fillers: bool) -> str:
    out: list[str] = []
    for w in words:
        if skip_fillers and w.lower() in _FILLERS:
            continue
        parts = re.split(r"[-/]", w) if "-" in w or "/" in w else [w]
        out.extend(p[0].upper() for p in parts if p)
    return "".join(out)


def match_expansion(acronym: str, words: list[str]) -> str | None:
    """The shortest run of trailing `words` whose initials spell `acronym`."""
    letters = re.sub(r"[^A-Za-z0-9]", "", acronym).upper()
    for n in range(1, min(len(words), len(letters) + 4) + 1):
        tail = words[-n:]
        if tail[0].lower() in _FILLERS or not (tail[0][:1].isupper() or tail[0][:1].isdigit()):
            continue
        if letters in (_initials(tail, True), _initials(tail, False)):
            return " ".join(tail)
    return None


def _is_name_char(char: str) -> bool:
    return char.isalnum() or char in _NAME_PUNCTUATION  # the regex class [\w'’&.-]


def words_before(text: str, end: int, limit: int = _MAX_NAME_WORDS) -> list[str]:
    """The last `limit` words (runs of letters, digits and _'’&.-) before `end`, spaces
    before `end` skipped; the run stops at anything but a space between two words.

    Linear in the characters it walks back over."""
    words: list[str] = []
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    while len(words) < limit:
        start = stop
        while start > 0 and _is_name_char(text[start - 1]):
            start -= 1
        if start == stop:
            break
        words.append(text[start:stop])
        stop = start
        while stop > 0 and text[stop - 1].isspace():
            stop -= 1
        if stop == start:
            break  # no space before the word: "said,Foo (F)" starts at "Foo"
    words.reverse()
    return words


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text: "Long Name (ABC)" and "ABC (Long Name)"."""
    found: dict[str, str] = {}
    for m in _ACRONYM_IN_BRACKETS.finditer(text):
        acronym = m.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        expansion = match_expansion(acronym, words_before(text, m.start()))
        if expansion:
            found.setdefault(acronym, expansion)
    for m in _SHORT_FIRST.finditer(text):
        acronym, long = m.group(1), m.group(2).strip()
        if acronym not in found and match_expansion(acronym, long.split()) == long:
            found[acronym] = long
    return found


@lru_cache(maxsize=65536)
def _token_key(token: str) -> str:
    return norm(token)


def scan(kb: KnowledgeBase, text: str, ctx: DocContext) -> None:
    """Count the entries the text names outright (capitalised n-grams found in the index)."""
    tokens = [m.group(0) for m in _TOKEN.finditer(text)]
    keys = [_token_key(t) for t in tokens]
    exact = kb.index.exact
    max_n = min(kb.index.max_words, 6)
    i = 0
    while i < len(tokens):
        first = tokens[i]
        if not (first[:1].isupper() or first[:1].isdigit()):
            i += 1
            continue
        step = 1
        for n in range(min(max_n, len(tokens) - i), 0, -1):
            if n == 1 and len(first) <= 3 and not first.isupper():
                continue
            rows = exact.get(" ".join(k for k in keys[i : i + n] if k))
            if not rows:
                continue
            rows = [r for r in rows if KIND_RANK[r[1]] < KIND_RANK["ambiguous"]]
            if len({eid for eid, _ in rows}) != 1:
                break
            eid = rows[0][0]
            ctx.seen[eid] += 1
            entry = kb.entries[eid]
            if entry.country:
                ctx.countries[entry.country] += 1
            if entry.type == "person" and n >= 2:
                ctx.persons.setdefault(spelling(keys[i + n - 1]), eid)
            step = n
            break
        i += step
