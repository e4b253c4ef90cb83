"""Ukrainian/Russian romanisation equivalences.

A small table of rewrite rules maps every common romanisation of the same Cyrillic
spelling onto one skeleton: Oleksandr/Olexandr/Alexander, Zelensky/Zelenskyy/Zelenskiy,
Kyiv/Kiev, Kharkiv/Kharkov, Mykolaiv/Nikolaev, Odesa/Odessa, Bohdana/Bogdana.  Both the
knowledge-base names and the mentions are reduced, so no list of names is needed.  The
skeleton is lossy (vowels go), so a candidate found through it is then checked with
`close_enough` on the less reduced `spelling` form.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

# Word-initial Ukrainian/Russian pairs (Mykola/Nikolai, Oleksandr/Aleksandr, Yevhen/Evgeny).
_INITIAL = [
    (re.compile(r"\bmyk"), "nik"),
    (re.compile(r"\bole"), "ale"),
    (re.compile(r"\bolek"), "alek"),
    (re.compile(r"\by(?=[aeiou])"), ""),
    (re.compile(r"\bj(?=[aeiou])"), ""),
]
# Letter groups with several romanisations, longest first.
_GROUPS = [
    ("shch", "Q"),
    ("sch", "Q"),
    ("zh", "Z"),
    ("kh", "h"),
    ("ch", "C"),
    ("tch", "C"),
    ("sh", "S"),
    ("ts", "c"),
    ("tz", "c"),
    ("x", "ks"),
    ("w", "v"),
    ("ph", "f"),
    ("g", "h"),
    ("ck", "k"),
    ("q", "k"),
    # Cyrillic soft/iotated vowels: ye/ie/je, yi/ji (ї), yu/iu/ju, ya/ia/ja, iy/yy/ij endings
    ("ye", "e"),
    ("je", "e"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("ja", "a"),
    ("yi", "i"),
    ("ji", "i"),
    ("iy", "i"),
    ("yy", "i"),
    ("ij", "i"),
    ("yj", "i"),
    ("ii", "i"),
    ("y", "i"),
    ("j", "i"),
]
_GROUP_RE = re.compile("|".join(re.escape(a) for a, _ in _GROUPS))
_GROUP_MAP = dict(_GROUPS)
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouAEIOU]")
# Ukrainian i where Russian has o/e in a closed final syllable (Kharkiv/Kharkov, Mykolaiv/Nikolaev)
_FINAL = re.compile(r"(?<=[a-z])(?:ov|ev|iv)\b")


def spelling(key: str) -> str:
    """Normalised romanisation: letter groups unified, doubled letters collapsed."""
    for pattern, repl in _INITIAL:
        key = pattern.sub(repl, key)
    key = _FINAL.sub("iv", key.replace("w", "v"))
    key = _GROUP_RE.sub(lambda m: _GROUP_MAP[m.group(0)], key)
    key = key.replace("aie", "ai").replace("ae", "ai").replace("er", "r")
    return _DOUBLE.sub(r"\1", key)


def skeleton(key: str) -> str:
    """Consonant skeleton of a `norm` key, one per word; "" when too short to be safe."""
    out = " ".join(w for w in (_VOWELS.sub("", x) for x in spelling(key).split()) if w)
    return out if len(out.replace(" ", "")) >= 3 else ""


def close_enough(a: str, b: str, cutoff: float = 0.75, word_cutoff: float = 0.77) -> bool:
    """True when two `norm` keys are the same name in different romanisations: close as a
    whole and word by word ("Naval Grup" is not "NVL Group" though their skeletons agree)."""
    sa, sb = spelling(a), spelling(b)
    if sa == sb:
        return True
    wa, wb = sa.split(), sb.split()
    if len(wa) != len(wb) or Indel.normalized_similarity(sa, sb) < cutoff:
        return False
    return all(
        x[0] == y[0] and Indel.normalized_similarity(x, y) >= word_cutoff
        for x, y in zip(wa, wb, strict=True)
    )
