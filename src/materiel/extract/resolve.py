"""Optional step: resolve argument texts to canonical names and ids with `materiel.kb`.

Extraction works without it (arguments then carry only `text`); `KBLinker.load()` returns
None when the KB package is not importable or fails to load.
"""

from __future__ import annotations

import logging
from typing import Any

from materiel.models import Argument, Event

log = logging.getLogger(__name__)

PARTY_ROLES = {
    "producer",
    "buyer",
    "seller",
    "donor",
    "recipient",
    "party",
    "imposer",
    "target",
    "participant",
    "spender",
    "attacker",
    "partner",
}
_LABELS = {
    "GPE": "COUNTRY",
    "COUNTRY": "COUNTRY",
    "NORP": "DEMONYM",
    "DEMONYM": "DEMONYM",
    "METONYM": "METONYM",
    "ORG": "ORG",
    "COMPANY": "COMPANY",
    "PERSON": "PERSON",
    "WEAPON": "WEAPON",
    "PRODUCT": "WEAPON",
    "FAC": None,
    "LOC": None,
    "NOUN": None,
    "PROPN": None,
}


STATE_ROLES = ("donor", "buyer", "imposer", "spender", "party")  # a state acts, not a person


class KBLinker:
    def __init__(self, kb: Any, resolver: Any) -> None:
        self.kb = kb
        self.resolver = resolver
        self._country_names: dict[str, str] | None = None

    @classmethod
    def load(cls, kb_path: str | None = None) -> KBLinker | None:
        try:
            from materiel.kb import Resolver, load_kb
        except Exception:  # noqa: BLE001 - optional
            return None
        try:
            kb = load_kb([kb_path]) if kb_path else load_kb()
            return cls(kb, Resolver(kb))
        except Exception as exc:  # noqa: BLE001
            log.warning("KB resolution disabled: %s", exc)
            return None

    def country_name(self, iso: str | None) -> str | None:
        """The KB's name of the country with this ISO code."""
        if not iso:
            return None
        names = getattr(self, "_country_names", None)
        if names is None:
            names = {
                str(e.country): str(e.name)
                for e in self.kb.entries.values()
                if e.type == "country" and e.country
            }
            self._country_names = names
        return names.get(iso)

    def speaker_country(self, speaker: str, ctx: Any) -> str | None:
        """The country of a quote's speaker ("the British foreign secretary", a known person)."""
        try:
            res = self.resolver.resolve(speaker, ctx, "PERSON")
        except Exception:  # noqa: BLE001
            return None
        country = getattr(res, "country", None) or (getattr(res, "facts", None) or {}).get(
            "country"
        )
        if not isinstance(country, str):
            country = self._country_word(speaker)  # "the Polish defence minister"
        return self.country_name(country) if isinstance(country, str) else None

    def _country_word(self, text: str) -> str | None:
        for word in text.split():
            for eid, kind in self.kb.lookup(word):
                entry = self.kb.entries[eid]
                if entry.type == "country" and kind in ("name", "demonym") and entry.country:
                    return str(entry.country)
        return None

    def new_document(self, text: str, published: str | None) -> Any:
        try:
            return self.resolver.new_document(text, published)
        except Exception:  # noqa: BLE001
            return None

    def _apply(self, arg: Argument, res: Any, facts: dict[int, tuple[str, str | None]]) -> None:
        if res is None:
            return
        if getattr(res, "linked", False):
            facts[id(arg)] = (str(getattr(res, "type", "")), getattr(res, "country", None))
        rid = getattr(res, "id", None)
        if not rid:
            return
        arg.id = rid
        linked = getattr(res, "linked", not str(rid).startswith("new:"))
        name = getattr(res, "name", None)
        if linked and name:
            arg.name = name

    def officials_as_states(
        self, event: Event, facts: dict[int, tuple[str, str | None]]
    ) -> None:
        """A leader or minister who gives, buys, sanctions, spends or signs does it for the
        state ("President X announced a package": the United States gives): the argument
        keeps its text and takes the state's name (a meeting's sides stay people)."""
        for role in STATE_ROLES:
            for arg in event.args.get(role, []):
                kind, iso = facts.get(id(arg), ("", None))
                entry = self.kb.entries.get(arg.id) if arg.id else None
                if kind != "person" or not iso or entry is None:
                    continue
                if not (entry.facts or {}).get("offices"):
                    continue  # a public office holder only
                name = self.country_name(iso)
                if name:
                    arg.name, arg.id = name, f"country:{iso}"
                    facts[id(arg)] = ("country", iso)

    def link(
        self, event: Event, labels: dict[int, str | None], ctx: Any
    ) -> dict[int, tuple[str, str | None]]:
        """Fill `name`/`id` of the event's arguments (labels: id(arg) -> entity label).

        Returns id(arg) -> (KB type, ISO country) for the arguments that were linked."""
        facts: dict[int, tuple[str, str | None]] = {}
        for role, args in event.args.items():
            for arg in args:
                if role in ("quantity", "value"):
                    continue
                try:
                    if role == "location":
                        res = self.resolver.resolve_location(arg.text, ctx)
                    elif role == "item":
                        res = self.resolver.resolve(arg.text, ctx, "WEAPON")
                    else:
                        label = _LABELS.get(labels.get(id(arg)) or "")
                        res = self.resolver.resolve(arg.text, ctx, label)
                    self._apply(arg, res, facts)
                except Exception as exc:  # noqa: BLE001
                    log.debug("resolution failed for %r: %s", arg.text, exc)
        return facts
