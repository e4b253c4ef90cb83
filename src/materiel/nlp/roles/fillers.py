"""The role filler of each event type."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.roles.agreements import fill_agreement
from materiel.nlp.roles.aid import fill_aid
from materiel.nlp.roles.meetings import fill_meeting
from materiel.nlp.roles.procurement import fill_procurement
from materiel.nlp.roles.production import fill_production
from materiel.nlp.roles.sanctions import fill_sanction
from materiel.nlp.roles.spending import fill_spending
from materiel.nlp.roles.strikes import fill_strike
from materiel.nlp.types import EventMention, NumberMention

RoleFiller = Callable[[Doc, Frame, EventMention, list[NumberMention]], list[Token]]
FILLERS_BY_TYPE: dict[str, RoleFiller] = {
    "procurement": fill_procurement,
    "aid": fill_aid,
    "production": fill_production,
    "agreement": fill_agreement,
    "sanction": fill_sanction,
    "meeting": fill_meeting,
    "spending": fill_spending,
    "strike": fill_strike,
}
