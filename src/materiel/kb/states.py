"""States: governments, ministries and armies standing for their country; possessives."""

from __future__ import annotations

import re
from dataclasses import replace

from .base import ResolverBase
from .context import DocContext
from .lexicon import GOV_WORDS
from .normalize import norm, strip_possessive
from .types import Resolution

_POSS_SPLIT = re.compile(r"^(.+?)['’]s?\s+(.+)$")


class StateRules(ResolverBase):
    def _country_ref(self, words: list[str]) -> tuple[str, int, int] | None:
        """(country id, start, end) of the longest run of words naming a country."""
        keys = [norm(w) for w in words]
        best: tuple[str, int, int] | None = None
        for i in range(len(words)):
            for j in range(min(len(words), i + 4), i, -1):
                if best and j - i <= best[2] - best[1]:
                    break
                for eid, kind in self.idx.exact.get(" ".join(k for k in keys[i:j] if k), []):
                    if self.kb.entries[eid].type == "country" and kind != "ambiguous":
                        best = (eid, i, j)
                        break
        return best

    def _government(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        """ "German government", "Armed Forces of Ukraine", "Danish military stocks" -> country."""
        if types is not None and "country" not in types:
            return None
        words = strip_possessive(text).replace("’", "'").replace("'s ", " ").split()
        if len(words) < 2:
            return None
        ref = self._country_ref(words)
        if ref is None:
            return None
        eid, i, j = ref
        rest = [norm(w) for w in words[:i] + words[j:]]
        if not all(not w or w in GOV_WORDS or set(w.split()) <= GOV_WORDS for w in rest):
            return None
        return self._make(eid, 0.92, "government", types)

    def _possessive(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        """ "Germany's Rheinmetall" -> Rheinmetall; "Ukraine's new drone makers" -> Ukraine."""
        m = _POSS_SPLIT.match(text.replace("’", "'"))
        if not m:
            return None
        owner, owned = m.group(1), m.group(2)
        res = self._exact(owned, ctx, types) or self._plural(owned, ctx, types)
        if res is not None:
            return res
        if types is not None and not {"country", "organization", "company"} & set(types):
            return None
        res = self._exact(owner, ctx, None)
        if (
            res is None
            or not owned[:1].islower()
            and any(norm(w) not in GOV_WORDS for w in owned.split())
        ):
            return None
        return replace(res, score=min(res.score, 0.85), method="possessive")
