"""The validation of a rule mention: its type's misreadings, then its need's judge."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from materiel.nlp.frames import Frame
from materiel.nlp.types import EventMention, Trigger
from materiel.nlp.validate.agreements import agreement_misread, judge_alliance, judge_signed
from materiel.nlp.validate.aid import aid_misread, judge_aid, judge_training, judge_transfer
from materiel.nlp.validate.case import Case
from materiel.nlp.validate.context import misread_as_background, misread_in_any_event
from materiel.nlp.validate.meeting_judges import (
    judge_call,
    judge_conference,
    judge_meet,
    judge_speakwith,
    judge_told,
    judge_visit,
)
from materiel.nlp.validate.meetings import meeting_lacks_sides, meeting_misread
from materiel.nlp.validate.procurement import (
    judge_deal,
    judge_item,
    judge_replace,
    procurement_misread,
)
from materiel.nlp.validate.production import judge_gov, judge_vessel, production_misread
from materiel.nlp.validate.sanctions import (
    judge_ban,
    judge_designate,
    judge_emergency,
    judge_export,
    judge_freeze,
    judge_list,
    judge_measure,
    judge_sanction,
    sanction_misread,
)
from materiel.nlp.validate.spending import judge_spend
from materiel.nlp.validate.strikes import (
    judge_blast,
    judge_campaign,
    judge_launch,
    judge_target,
    shelled_without_target,
    strike_misread_early,
    strike_misread_late,
)

Phase = Callable[[Case], bool | None]

MISREADINGS: dict[str, Phase] = {
    "sanction": sanction_misread,
    "agreement": agreement_misread,
    "strike": strike_misread_early,
    "procurement": procurement_misread,
    "production": production_misread,
    "aid": aid_misread,
    "meeting": meeting_misread,
}
EARLY_JUDGES: dict[str, Phase] = {
    "item": judge_item,
    "deal": judge_deal,
    "vessel": judge_vessel,
    "replace": judge_replace,
    "aid": judge_aid,
    "training": judge_training,
    "transfer": judge_transfer,
    "gov": judge_gov,
    "alliance": judge_alliance,
    "sanction": judge_sanction,
    "designate": judge_designate,
    "ban": judge_ban,
    "freeze": judge_freeze,
    "measure": judge_measure,
    "emergency": judge_emergency,
}
LATE_JUDGES: dict[str, Phase] = {
    "meet": judge_meet,
    "speakwith": judge_speakwith,
    "told": judge_told,
    "visit": judge_visit,
    "call": judge_call,
    "conference": judge_conference,
    "spend": judge_spend,
    "list": judge_list,
    "export": judge_export,
    "signed": judge_signed,
}
STRIKE_JUDGES: dict[str, Phase] = {
    "target": judge_target,
    "campaign": judge_campaign,
    "launch": judge_launch,
    "blast": judge_blast,
}


def phases(type_: str, need: str) -> list[Phase]:
    """The checks a mention of this type and need goes through, in order; the first verdict
    stands. Meetings drop junk participants before the late judges read them."""
    found = [
        misread_in_any_event,
        MISREADINGS.get(type_),
        EARLY_JUDGES.get(need),
        meeting_lacks_sides if type_ == "meeting" else None,
        LATE_JUDGES.get(need),
        misread_as_background,
        strike_misread_late if type_ == "strike" else None,
        shelled_without_target,
        STRIKE_JUDGES.get(need),
    ]
    return [p for p in found if p is not None]


def validate(
    doc: Doc, f: Frame, m: EventMention, trig: Trigger, need: str, item_toks: list[Token]
) -> bool:
    """Whether a rule mention stands as an event: the misreadings of its type, then the judge
    of what its trigger needs; with no verdict, any role found will do."""
    has = {r for r, v in m.args.items() if v}
    parties = has - {"item", "quantity", "value", "location"}
    case = Case(doc, f, m, trig, need, item_toks, has, parties)
    for phase in phases(m.type, need):
        verdict = phase(case)
        if verdict is not None:
            return verdict
    return bool(has)
