"""Small records the pipeline components attach to a spaCy `Doc` (see `extensions.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class DateValue:
    """A resolved date: `value` is YYYY-MM-DD, YYYY-MM or YYYY (its precision)."""

    value: str
    precision: str  # "day" | "month" | "year"
    start: int = -1  # character offsets of the expression in the Doc text (-1: not from text)
    end: int = -1
    text: str = ""
    future: bool = False  # the expression points forward ("by the end of the year")
    target: bool = False  # a deadline or target ("by 2030", "until 2028"): never an event's date
    # which end of a night the day names: "evening" ("Tuesday night", "last night") or "morning"
    # ("overnight", "the early hours of Wednesday"); "" for none. One night is told by both.
    night: str = ""

    @property
    def from_text(self) -> bool:
        return self.start >= 0


@dataclass(frozen=True)
class NumberMention:
    """A number found in the text: a quantity, an amount of money, an ordinal or a percent."""

    kind: str  # "quantity" | "money" | "ordinal" | "percent" | "measure" | "year"
    value: float
    start: int  # character offsets in the Doc text
    end: int
    text: str
    currency: str | None = None
    token_start: int = -1  # token indices (end exclusive)
    token_end: int = -1


@dataclass
class Trigger:
    """A word that can announce an event of `type`."""

    i: int  # token index
    type: str
    lemma: str
    pos: str  # "VERB" | "NOUN"
    status: str | None = None  # planned | announced | done
    negated: bool = False
    hypothetical: bool = False
    cues: list[str] = field(default_factory=list)  # why the status was chosen


@dataclass
class RoleValue:
    """One filler of an event role, with offsets in the Doc text."""

    role: str
    text: str
    start: int
    end: int
    label: str | None = None  # entity label (KB or NER), None for plain noun phrases
    kb_id: str | None = None  # id from the KB entity ruler, when it matched
    value: float | None = None
    currency: str | None = None
    pronoun: bool = False  # "it", "its", "they": to resolve against earlier sentences


@dataclass
class EventMention:
    """An event as read from one sentence."""

    type: str
    trigger: str  # the trigger's lemma
    trigger_i: int
    trigger_start: int
    args: dict[str, list[RoleValue]] = field(default_factory=dict)
    date: DateValue | None = None
    status: str | None = None
    score: float = 0.5
    cues: list[str] = field(default_factory=list)
    rejected: str | None = None  # in recall mode: why the rules would have dropped it

    def values(self, role: str) -> list[RoleValue]:
        return self.args.get(role, [])

    def add(self, value: RoleValue) -> None:
        vals = self.args.setdefault(value.role, [])
        for v in vals:
            if v.start == value.start and v.end == value.end:
                return
            if (
                v.start <= value.start
                and value.end <= v.end
                and v.role not in ("quantity", "value")
            ):
                return  # already covered by a longer span
        vals.append(value)

    def recast(self, new_type: str, roles: dict[str, str]) -> EventMention:
        """The same mention read as another type, the values of `roles` moved to their new
        roles (the others left out)."""
        out = EventMention(type=new_type, trigger=self.trigger, trigger_i=self.trigger_i,
                           trigger_start=self.trigger_start, status=self.status,
                           date=self.date, score=self.score, cues=list(self.cues))
        for role, new_role in roles.items():
            for v in self.values(role):
                out.add(replace(v, role=new_role))
        return out


@dataclass(frozen=True)
class Quote:
    """A quoted statement and who said it (within one Doc)."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int = -1
    speaker_end: int = -1
    pronoun: bool = False  # the speaker is "he"/"she"/"they": resolve against earlier sentences
    verb: str | None = None
