"""People: titles before names, surnames after the full name, the country of a title."""

from __future__ import annotations

import re
from dataclasses import replace

from .base import ResolverBase
from .context import DocContext
from .lexicon import TITLE_HEADS
from .normalize import norm, strip_possessive
from .offices import office_check
from .translit import spelling
from .types import Resolution

NAME_WORD = re.compile(r"^[A-Z][a-zA-Z'’.-]*$")


class PersonRules(ResolverBase):
    def _doc_person(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None, first: bool
    ) -> Resolution | None:
        """A surname (or "Mr X") after the full name appeared in the document."""
        if types is not None and "person" not in types:
            return None
        parts = norm(text).split()
        if not parts or len(parts) > 2 or not ctx.persons:
            return None
        if len(parts) == 2 and parts[0] not in self.idx.titles:
            return None
        target = ctx.persons.get(spelling(parts[-1]))
        if target is None:
            return None
        if first and types is None and self.idx.exact.get(norm(text)):
            return None  # "Jordan" names a country too; without a label, the exact match wins
        if target.startswith("new:"):
            cluster = next((r for r in ctx.clusters.values() if r.id == target), None)
            return replace(cluster, score=0.5, method="unlinked") if cluster else None
        return self._make(target, 0.9, "surname", types)

    def _split_title(self, text: str) -> list[tuple[str, str]]:
        """(title, name) splits of "Defense Minister Rustem Umerov", best first."""
        words = text.split()
        out = []
        for i in range(1, len(words)):
            head = norm(words[i - 1])
            title = " ".join(words[:i])
            if head in TITLE_HEADS or norm(title) in self.idx.titles:
                out.append((title, " ".join(words[i:])))
            elif (
                i >= 2
                and norm(words[i - 1]) not in TITLE_HEADS
                and any(norm(w) in TITLE_HEADS for w in words[: i - 1])
                and norm(words[i - 2]) in ("of", "for")
            ):
                out.append((title, " ".join(words[i:])))  # "Secretary of State Antony Blinken"
        return out

    def _title_person(
        self, text: str, ctx: DocContext, types: tuple[str, ...] | None
    ) -> Resolution | None:
        if types is not None and "person" not in types:
            return None
        for title, name in self._split_title(text):
            person = (
                self._exact(name, ctx, ("person",))
                or self._doc_person(name, ctx, ("person",), first=False)
                or self._translit(name, ctx, ("person",))
            )
            if person is not None and person.type == "person":
                facts = dict(person.facts)
                facts["title"] = title
                country = self._title_country(title) or self._office_country(person.id, title)
                if country:
                    facts["country"] = country
                if person.id and (why := office_check(self.kb, person.id, title, ctx.published)):
                    facts["office_warning"] = why
                return replace(person, score=min(person.score, 0.98), method="title", facts=facts)
        return None

    def _title_country(self, title: str) -> str | None:
        """The country a title names: "German Defense Minister", "Ukraine's ... Minister"."""
        words = strip_possessive(title.split("'")[0] if "'" in title else title).split()
        for n in range(min(3, len(words)), 0, -1):
            rows = self.idx.exact.get(norm(" ".join(words[:n])), [])
            for eid, _ in rows:
                entry = self.kb.entries[eid]
                if entry.type == "country":
                    return entry.country
        return None

    def _office_country(self, person_id: str | None, title: str) -> str | None:
        entry = self.kb.entries.get(person_id or "")
        if entry is None:
            return None
        for office in entry.facts.get("offices") or ():
            if isinstance(office, dict) and norm(str(office.get("title", ""))) in norm(title):
                return office.get("country") or entry.country
        return entry.country

    @staticmethod
    def _looks_like_name(name: str) -> bool:
        words = name.split()
        return 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words)
