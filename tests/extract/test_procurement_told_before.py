"""A plan of goods only pointed back to ("such frigates", "these fighters") is the purchase
told before by the same buyer, told again; another buyer's plan, a follow-on lot, a seller of
its own or goods only shown before make a plan of its own (`materiel.extract.retype`)."""

from __future__ import annotations

import pytest

from materiel.clean import clean
from materiel.extract import Extractor
from materiel.models import Document


def _plans_in_second_sentence(ex: Extractor, text: str) -> list:
    second = text.index(". ") + 2 if ". " in text else 0
    doc = Document(id="tb", text=text, published="2024-05-10")
    return [
        e for e in ex.extract(clean(doc))
        if e.type == "procurement"
        and any((a.start or 0) >= second for vals in e.args.values() for a in vals)
        and e.status != "done"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Kerel navy ordered two Lindell-class frigates in 2022. The Kerel navy has plans to "
        "induct such frigates as part of its future fleet.",
        "The Ostmark air force signed a contract for 36 Falcon fighters last year. The Ostmark "
        "air force intends to prioritise the procurement of these fighters before the navy "
        "programme.",
        "Ostmark bought 40 Falcon jets from Lindell Aerospace in 2021. It now plans to buy these "
        "jets again.",
    ],
)
def test_a_plan_of_goods_the_same_buyer_bought_before_is_no_new_purchase(
    extractor: Extractor, text: str
) -> None:
    assert not _plans_in_second_sentence(extractor, text), text


@pytest.mark.parametrize(
    "text",
    [
        # another buyer
        "Ostmark received its first Lindell Falcon jets last week. Neighbouring Brask also plans "
        "to buy these fighters.",
        # a follow-on lot
        "Ostmark's army has praised its Lindell Viper drones. The defence ministry said on "
        "Tuesday it would order more of these drones.",
        "Kerel's navy operates two Lindell-class frigates. The government said on Tuesday it "
        "will order additional such frigates.",
        "The Brask Air Force bought 12 Falcon fighters in 2020. The Brask Air Force plans to buy "
        "24 more of these fighters.",
        # a seller of its own
        "Ostmark's army tested two new tanks in May. The Ostmark Army plans to buy these tanks "
        "from Lindell Defence, the minister said on Tuesday.",
        # goods shown, not bought, before
        "Lindell Aerospace unveiled its new Hawk-X trainer jet at the show. The Brask Air Force "
        "intends to buy these jets.",
        # nothing told before
        "Kerel plans to induct such warships, the navy chief said on Tuesday.",
    ],
)
def test_a_plan_of_pointed_goods_not_bought_before_by_the_buyer_stays(
    extractor: Extractor, text: str
) -> None:
    assert _plans_in_second_sentence(extractor, text), text
