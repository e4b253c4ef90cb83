"""Aid the rules used to miss (sentences written for these tests): a sum given as a
contribution, a grant or an announcement; the training of another state's troops told as a
noun; deliveries a government commits or coordinates."""

from __future__ import annotations

import pytest


def _aid(doc) -> list:
    return [m for m in doc._.mentions if m.type == "aid" and m.rejected is None]


def _texts(m, role: str) -> list[str]:
    return [v.text for v in m.values(role)]


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        ("Belgium announced a €40 million contribution to the fund for Moldova's air defence.",
         "Belgium"),
        ("Canada made a grant of $30 million to buy drones for Georgia.", "Canada"),
        ("The Pentagon's announcement of nearly $2 billion to support Latvia's defense came "
         "on Tuesday.", "Pentagon"),
    ],
)
def test_a_sum_given_for_arms_is_aid(parse, text, donor):
    found = _aid(parse(text))
    assert any(donor in _texts(m, "donor") and m.values("value") for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "The foundation received a $2 million grant for cancer research.",
        "The company's announcement of $3 billion in revenue lifted its shares.",
        "The new pledge brings Finland's military contributions to Estonia to $90m.",
        "Japan announced a $10 million contribution to help Moldova restore its power grid.",
    ],
)
def test_no_aid_in_a_civil_sum_or_a_running_total(parse, text):
    assert not any(m.trigger in ("grant", "announcement", "contribution")
                   for m in _aid(parse(text)))


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        ("Norway will extend its participation in the training of Ukrainian soldiers "
         "through 2026.", "Norway"),
        ("Britain's training of Georgian pilots began in January.", "Britain"),
    ],
)
def test_training_of_another_states_troops_is_aid(parse, text, donor):
    (m,) = [m for m in _aid(parse(text)) if m.trigger == "training"]
    assert _texts(m, "donor") == [donor]
    assert m.values("recipient")


def test_no_aid_in_training_ones_own_recruits(parse):
    assert not _aid(parse("The army completed the training of 200 new recruits."))


def test_deliveries_a_government_coordinates_are_aid(parse):
    doc = parse("The United States is coordinating sustained deliveries of air defense "
                "systems to Moldova.")
    (m,) = _aid(doc)
    assert _texts(m, "donor") == ["United States"]
    assert m.values("item")


def test_no_aid_in_deliveries_in_general(parse):
    assert not _aid(parse("Arms deliveries to Moldova slowed in the winter."))


@pytest.mark.parametrize(
    ("text", "donor", "recipient"),
    [
        ("The minister said Norway would provide training and spare parts to the Moldovan army.",
         "Norway", "Moldovan army"),
        ("Poland will provide training to the Georgian military next spring.", "Poland",
         "Georgian military"),
    ],
)
def test_training_provided_to_another_force_is_aid(parse, text, donor, recipient):
    found = _aid(parse(text))
    assert any(donor in _texts(m, "donor") and recipient in _texts(m, "recipient")
               for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "The charity will provide training to local teachers.",
        "The city will provide training to its bus drivers.",
    ],
)
def test_training_for_civilians_is_no_aid(parse, text):
    assert not _aid(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Lindell Aerospace was awarded a contract worth about $90 million to supply air "
        "defence guns to a Nordic country.",
        "Vesk Dynamics has won a contract to deliver twelve radars to a Baltic country.",
    ],
)
def test_goods_a_contract_hands_over_are_a_sale_not_aid(parse, text):
    doc = parse(text)
    assert not _aid(doc)
    assert [m for m in doc._.mentions if m.type == "procurement" and m.rejected is None]
