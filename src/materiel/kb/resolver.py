"""Entity resolution: a mention (and its NER label) to a knowledge-base entry."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .base import UNLINKED_TYPES, allowed_types
from .context import DocContext, find_acronyms, scan
from .locations import Place, candidates, gazetteer, split_place
from .normalize import fold, norm, slug, strip_possessive
from .people import NAME_WORD, PersonRules
from .states import StateRules
from .translit import spelling
from .types import Entry, Resolution

SMALL_TOWN = 100_000
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "LOCATION"})
# Quotes and brackets around a mention, and its final punctuation.  Stripped, not matched
# with `[...]+$`, which rescanned a long run of dots from each of them.
_LEADING_EDGE = "\"'“”‘’(["
_TRAILING_EDGE = "\"'“”‘’)].,;:!?"


def strip_edges(mention: str) -> str:
    """`mention` without leading spaces, quotes and brackets, and without trailing spaces,
    quotes, brackets and punctuation."""
    start, end = 0, len(mention)
    while start < end and (mention[start].isspace() or mention[start] in _LEADING_EDGE):
        start += 1
    while end > start and (mention[end - 1].isspace() or mention[end - 1] in _TRAILING_EDGE):
        end -= 1
    return mention[start:end]


class Resolver(PersonRules, StateRules):
    """Resolves mentions against one knowledge base; per-document state lives in DocContext."""

    # -- documents -----------------------------------------------------------------------
    def new_document(self, text: str, published: str | None = None) -> DocContext:
        ctx = DocContext(text=text, published=published, acronyms=find_acronyms(text))
        scan(self.kb, text, ctx)
        return ctx

    # -- mentions ------------------------------------------------------------------------
    def resolve(self, mention: str, ctx: DocContext, label: str | None = None) -> Resolution:
        """Never None: an unknown mention gets a "new:<slug>" cluster id, method "unlinked"."""
        memo_key = (mention, label)
        if memo_key in ctx.memo:
            return ctx.memo[memo_key]
        text = strip_edges(mention)
        types = allowed_types(label)
        if self._bare_article_name(text):
            bare = self._unlinked(text, ctx, label)
            ctx.memo[memo_key] = bare
            return bare
        res = self._from_acronym(text, ctx, types) or self._resolve(text, ctx, types)
        if res is None and label and label.upper() in PLACE_LABELS:
            place = self.resolve_location(text, ctx)
            res = place if place.method == "gazetteer" or place.linked else None
        if res is None:
            res = self._unlinked(text, ctx, label)
        self._remember(text, res, ctx)
        if res.linked:  # unlinked answers may change as the document names more people
            ctx.memo[memo_key] = res
        return res

    def _bare_article_name(self, text: str) -> bool:
        """ "States" where the KB only knows "the States"."""
        return norm(text) in self.idx.needs_article and not fold(text).strip().startswith("the ")

    def _resolve(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        if not norm(text):
            return None
        return (
            self._doc_person(text, ctx, types, first=True)
            or self._exact(text, ctx, types)
            or self._title_person(text, ctx, types)
            or self._government(text, ctx, types)
            or self._possessive(text, ctx, types)
            or self._plural(text, ctx, types)
            or self._item_phrase(text, ctx, types)
            or self._doc_person(text, ctx, types, first=False)
            or self._translit(text, ctx, types)
            or self._known_acronym(text, types)
            or self._fuzzy(text, ctx, types)
        )

    # -- strategies ------------------------------------------------------------------------
    def _from_acronym(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        expansion = ctx.acronyms.get(text) or ctx.acronyms.get(text.upper())
        if not expansion or norm(expansion) == norm(text):
            return None
        res = self._resolve(expansion, ctx, types) or self._unlinked(expansion, ctx, None)
        return replace(res, method="acronym" if res.method != "unlinked" else "unlinked")

    # -- bookkeeping ---------------------------------------------------------------------
    def _unlinked(self, text: str, ctx: DocContext, label: str | None) -> Resolution:
        name, facts = text, {}
        if label is None or (label.upper() in ("PERSON", "PER")):
            for title, rest in self._split_title(text):
                if all(NAME_WORD.match(w) for w in rest.split()):
                    name, facts = rest, {"title": title}
                    if country := self._title_country(title):
                        facts["country"] = country
                    break
        name = strip_possessive(name)
        key = norm(name)
        if key in ctx.clusters:
            return ctx.clusters[key]
        etype = UNLINKED_TYPES.get(label.upper(), "unknown") if label else "unknown"
        if facts.get("title"):
            etype = "person"
        cid = f"new:{slug(name)}" if key else None
        res = Resolution(cid, name, etype, facts.get("country"), 0.0, "unlinked", facts)
        if key:
            ctx.clusters[key] = res
        return res

    def _remember(self, text: str, res: Resolution, ctx: DocContext) -> None:
        if res.id is None:
            return
        if res.linked:
            ctx.seen[res.id] += 1
            if res.country and res.type in ("country", "company", "organization"):
                ctx.countries[res.country] += 1
        if res.type == "person" or (res.type == "unknown" and self._looks_like_name(res.name)):
            parts = norm(res.name).split()
            if len(parts) >= 2:
                ctx.persons.setdefault(spelling(parts[-1]), res.id)
            entry: Entry | None = self.kb.entries.get(res.id)
            for alias in entry.aliases if entry else ():
                if len(p := norm(alias).split()) >= 2:
                    ctx.persons.setdefault(spelling(p[-1]), res.id)

    # -- places --------------------------------------------------------------------------
    def resolve_location(self, mention: str, ctx: DocContext) -> Resolution:
        """Countries, regions and cities (offline gazetteer); coordinates in `facts`."""
        text = strip_possessive(strip_edges(mention))
        if self._bare_article_name(text):
            return self._unlinked(text, ctx, "LOC")
        base, kind = split_place(text)
        gaz = gazetteer()
        if kind is None:
            rows = [
                r
                for r in self.idx.exact.get(norm(base), [])
                if self.kb.entries[r[0]].type == "country" and r[1] in ("name", "alias")
            ]
            if rows:
                entry = self.kb.entries[rows[0][0]]
                facts: dict[str, Any] = {}
                capital = gaz.place(gaz.capitals.get(entry.country or "", -1))
                if capital is not None:
                    facts = {"lat": capital.lat, "lon": capital.lon, "coords_of": capital.name}
                return Resolution(
                    entry.id, entry.name, "country", entry.country, 1.0, "alias", facts
                )
        places = candidates(gaz, base)
        if kind == "region":
            places = [p for p in places if p.kind in ("state", "city")]
        if ctx.countries:
            # a small town abroad that shares the name of something in the story's own
            # countries ("Goa" in an Indian story is no Philippine town) is no answer
            places = [
                p
                for p in places
                if p.kind != "city" or p.population >= SMALL_TOWN or ctx.countries[p.country or ""]
            ]
        if places and max(p.population for p in places) < SMALL_TOWN:
            # a known name beats a small town's ("the White House")
            known = self._exact(text, ctx, None)
            if known is not None and known.type != "person":
                return known
        if not places:
            # a known name that is no gazetteer place ("the White House"): the KB's entry
            known = self._resolve(text, ctx, None)
            if known is not None and known.method in ("alias", "metonym", "acronym"):
                return known
            return self._unlinked(text, ctx, "LOC")
        total = sum(ctx.countries.values()) or 1

        def weight(p: Place) -> float:
            share = ctx.countries[p.country] / total if p.country else 0.0
            return (p.population + 1) * (1 + 9 * share) * (2 if p.kind != "city" else 1)

        best = max(places, key=weight)
        score = 0.95 if len({p.country for p in places}) == 1 else 0.8
        facts = {
            "lat": best.lat,
            "lon": best.lon,
            "population": best.population,
            "geonameid": best.geonameid,
        }
        if kind == "region" and best.kind == "city":
            facts["approximate"] = True  # the region's coordinates are its main city's
        if best.country:
            ctx.countries[best.country] += 1
        return Resolution(
            f"geonames:{best.geonameid}",
            best.name,
            kind or best.kind,
            best.country,
            score,
            "gazetteer",
            facts,
        )
