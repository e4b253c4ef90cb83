"""Argument roles from the dependency parse, one filler per event type.

Each `fill_<type>` maps a trigger's `Frame` (frames.py) onto the roles of its type:
subject/object, prepositions (from, to, for, with, in), possessives, appositions, capitals,
coordination, passives. Items keep the noun phrase as written ("artillery shells").

`parties` reads who a token names, `items` the goods, `common` adds parties and places to a
mention; one module per event type holds its filler, `fillers.FILLERS_BY_TYPE` maps types to
them."""

from __future__ import annotations

from materiel.nlp.roles.aid import (
    BOUGHT_FOR_CUE,
    OWNER_STATE_CUE,
    add_thanked_donors,
    armed_support_item,
    coalition_joiners,
    givers_of_the_goods,
    thanked,
)
from materiel.nlp.roles.common import PLAIN_GOODS_CUE, add_parties
from materiel.nlp.roles.fillers import FILLERS_BY_TYPE
from materiel.nlp.roles.items import PROD_VERBS, items_from
from materiel.nlp.roles.meetings import MEETING_NOUNS, VISITOR_NOUNS, place_qualifier
from materiel.nlp.roles.parties import ARMED_FORCE_WORDS, is_armed_force, is_company, party, place
from materiel.nlp.roles.procurement import WON_DEAL_CUE
from materiel.nlp.roles.sellers import SUPPORTED_STATE_CUE
from materiel.nlp.roles.spending import DEFENSE_HOLDER_CUE
from materiel.nlp.roles.talks import fill_talks_to_buy, talks_to_buy

__all__ = [
    "ARMED_FORCE_WORDS",
    "BOUGHT_FOR_CUE",
    "DEFENSE_HOLDER_CUE",
    "FILLERS_BY_TYPE",
    "MEETING_NOUNS",
    "OWNER_STATE_CUE",
    "PLAIN_GOODS_CUE",
    "PROD_VERBS",
    "SUPPORTED_STATE_CUE",
    "VISITOR_NOUNS",
    "WON_DEAL_CUE",
    "add_parties",
    "add_thanked_donors",
    "givers_of_the_goods",
    "armed_support_item",
    "coalition_joiners",
    "fill_talks_to_buy",
    "is_armed_force",
    "is_company",
    "items_from",
    "party",
    "place",
    "place_qualifier",
    "talks_to_buy",
    "thanked",
]
