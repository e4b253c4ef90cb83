"""The mention under judgement, as the validation checks read it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.types import EventMention, Trigger


@dataclass
class Case:
    """One rule mention under judgement: its sentence, frame, trigger, what the trigger needs,
    its item tokens, and the roles (and party roles) it has."""

    doc: Doc
    f: Frame
    m: EventMention
    trig: Trigger
    need: str
    item_toks: list[Token]
    has: set[str]
    parties: set[str]
