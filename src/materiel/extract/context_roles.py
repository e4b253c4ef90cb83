"""Role values from the context of a sentence, for the mentions that lack only roles the
context may give (`materiel.nlp.gaps`): "Estonia tested the K9 in May. Orders for 54 more
followed in June." makes Estonia the buyer of the order.

Cautious by design: a role takes a value only from the nearest place that names any entity of
its kind (the sentence before, then the story's heading), and only when that place names
exactly one such entity, other than the mention's own values. A sentence that itself names an
unused entity of the kind (its parse left it out for a reason) takes none. Looking two
sentences back, taking the role values of the events read there rather than the entities,
and counting ORG as a company each cost event F1 on our set."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from materiel.extract.merge import Candidate
from materiel.models import Argument, Sentence
from materiel.nlp.gaps import GAP_CUE, GAP_ROLES
from materiel.nlp.spans import is_pronoun
from materiel.nlp.types import EventMention

# the entity labels that can fill a role of each kind (the stand-in labels of `nlp.gaps`)
KIND_LABELS: dict[str, frozenset[str]] = {
    "COMPANY": frozenset({"COMPANY"}),
    "COUNTRY": frozenset({"COUNTRY", "GPE"}),
    "WEAPON": frozenset({"WEAPON"}),
}
LOOK_BACK = 1
# Types whose goods are borrowed only when an event of the sentence before names them: "Poland
# ordered 96 K9 howitzers. Hanwha will begin production next year." Any weapon named nearby was
# too loose for production (a maker's other products, the weapon a plant also services).
ITEM_FROM_EVENTS = frozenset({"production"})


@dataclass(frozen=True)
class _Value:
    key: str  # the KB id, else the lower-cased text: what tells two values apart
    label: str
    arg: Argument


@dataclass
class ContextRoles:
    """The entities of each sentence read so far in one document, and each story's heading."""

    # sentence index -> (its story, its entities)
    seen: dict[int, tuple[int, list[_Value]]] = field(default_factory=dict)
    headings: dict[int, int] = field(default_factory=dict)  # story -> index of its last heading
    items: dict[int, list[str]] = field(default_factory=dict)  # sentence -> goods told

    def see(self, index: int, sent: Sentence, skip: int, doc: Doc) -> None:
        base = sent.start + skip
        values = [
            _Value(ent.ent_id_ or ent.text.lower(), ent.label_,
                   Argument(text=ent.text, start=base + ent.start_char, end=base + ent.end_char))
            for ent in doc.ents
            if not is_pronoun(ent.root)
        ]
        self.seen[index] = (sent.story, values)
        if sent.is_heading:
            self.headings[sent.story] = index

    def told(self, index: int, cands: list[Candidate]) -> None:
        """Notes the goods of the events read in sentence `index`."""
        self.items[index] = [
            a.text.lower() for c in cands for a in c.event.args.get("item", [])
        ]

    def fill(self, cand: Candidate, m: EventMention, index: int, sent: Sentence) -> bool:
        """Adds a context value for each of the mention's open roles; False (and the candidate
        unchanged) when one of them has no single clear value."""
        roles = [c[len(GAP_CUE):] for c in m.cues if c.startswith(GAP_CUE)]
        kinds = GAP_ROLES.get(m.type, {})
        own = {a.text.lower() for vals in cand.event.args.values() for a in vals}
        found: dict[str, _Value] = {}
        for role in roles:
            labels = KIND_LABELS.get(kinds.get(role, ""), frozenset())
            value = self._nearest(index, sent.story, labels, own)
            if value is None:
                return False
            if role == "item" and m.type in ITEM_FROM_EVENTS and not self._told_before(
                    index, value):
                return False
            found[role] = value
            own.add(value.arg.text.lower())
        for role, value in found.items():
            cand.event.args.setdefault(role, []).append(value.arg)
            cand.labels[id(value.arg)] = value.label
        return bool(found)

    def _told_before(self, index: int, value: _Value) -> bool:
        text = value.arg.text.lower()
        return any(text in told or told in text for told in self.items.get(index - 1, []))

    def _nearest(self, index: int, story: int, labels: frozenset[str],
                 own: set[str]) -> _Value | None:
        here = [v for v in self.seen.get(index, (story, []))[1] if v.label in labels]
        if any(v.arg.text.lower() not in own for v in here):
            return None
        places = [index - k for k in range(1, LOOK_BACK + 1)]
        heading = self.headings.get(story)
        if heading is not None and heading < index and heading not in places:
            places.append(heading)
        for place in places:
            place_story, values = self.seen.get(place, (story, []))
            if place_story != story:
                break
            kind = [v for v in values if v.label in labels and v.arg.text.lower() not in own]
            if kind:
                keys = {v.key for v in kind}
                return kind[0] if len(keys) == 1 else None
        return None
