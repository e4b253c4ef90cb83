"""What each trigger needs to stand as an event (items, parties, a governing verb...), and
the type of a contract/deal/agreement decided from what hangs off it.

`dispatch.validate` runs a mention through the misreadings of its type (`procurement`,
`aid`, `production`, `sanctions`, `strikes`, `meetings`, `agreements`, `context`) and the
judge of what its trigger needs; `deals.decide_deal_type` types a deal; `security` tells
whether a story speaks of security at all."""

from __future__ import annotations

from materiel.nlp.validate.deals import decide_deal_type
from materiel.nlp.validate.dispatch import validate
from materiel.nlp.validate.procurement import POINTED_GOODS_CUE
from materiel.nlp.validate.sanctions import sanctioning_office_targets
from materiel.nlp.validate.security import on_security, story_off_security

__all__ = [
    "POINTED_GOODS_CUE",
    "decide_deal_type",
    "on_security",
    "sanctioning_office_targets",
    "story_off_security",
    "validate",
]
