"""Developing goods together with a partner is a co-development, which the guide reads as
production; developing alone, past design work and wished joint work are not (sentences
written for these tests)."""

from __future__ import annotations

import pytest


def _mentions(doc, type_: str) -> list:
    return [m for m in doc._.mentions if m.type == type_ and m.rejected is None]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Tarsa Industries will co-develop a new tank engine with Norvik Arms.", "tank engine"),
        ("Norvik Arms and Tarsa Industries will jointly develop a new frigate.", "frigate"),
        ("Tarsa Industries, along with the Norvik Group, will be working to develop an "
         "unmanned surface vessel.", "unmanned surface vessel"),
        ("Valdoria and Ostrava are to cooperate in developing a new fighter jet.", "fighter jet"),
        ("Ostmark will develop the new submarine in collaboration with Brask.", "submarine"),
    ],
)
def test_a_joint_development_is_production(parse, text, item):
    ms = _mentions(parse(text), "production")
    assert any(item in v.text for m in ms for v in m.values("item"))


@pytest.mark.parametrize(
    "text",
    [
        "The defence agency is developing a new air-to-air missile.",
        "The rifle, which was developed by Tarsa Industries with Norvik Arms, entered service "
        "last year.",
        "Norvik Arms, partnered with Tarsa Industries, wants to co-develop a new jet engine.",
        "Ostrava is ready to collaborate in developing submarines and fighter jets.",
    ],
)
def test_developing_alone_past_or_wished_is_no_production(parse, text):
    assert not _mentions(parse(text), "production")


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("The howitzers will be built under licence by Tarsa Industries in Kerel.",
         "Tarsa Industries"),
        ("The frigates are being built at the Vesk yard by Tarsa Shipbuilding.",
         "Tarsa Shipbuilding"),
    ],
)
def test_a_maker_hung_on_the_phrase_before_it(parse, text, maker):
    ms = _mentions(parse(text), "production")
    assert any(v.text == maker for m in ms for v in m.values("producer"))
