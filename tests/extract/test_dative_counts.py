"""A receiver named before the goods ("gave Ukraine 18 howitzers"): the name is the recipient,
the number the count of the goods, not a model name ("Ukraine 18") as in "its Bharat 52 guns"."""

from __future__ import annotations

import pytest


def _aid(kb_extractor, make_clean, text: str):
    return [e for e in kb_extractor.extract(make_clean(text)) if e.type == "aid"]


def _texts(event, role: str) -> list[str]:
    return [v.text for v in event.args.get(role, [])]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Germany gave Ukraine 18 howitzers last year.", "18"),
        ("The US will send Ukraine 31 Abrams tanks.", "31"),
        ("Britain is to give Poland 14 Challenger 2 tanks.", "14"),
    ],
)
def test_a_count_after_the_receiver_is_the_quantity(kb_extractor, make_clean, text, count):
    [event] = _aid(kb_extractor, make_clean, text)
    assert _texts(event, "quantity") == [count]
    assert _texts(event, "recipient")


def test_a_number_inside_a_model_name_is_no_count(extractor, make_clean):
    events = extractor.extract(make_clean("The army ordered 100 of its Bharat 52 howitzers."))
    assert [v.text for e in events for v in e.args.get("quantity", [])] == ["100"]


@pytest.mark.parametrize(
    "text",
    [
        "Norway will send Ukraine 31 Leopard tanks, the defence ministry said on Tuesday.",
        "Denmark will send Moldova 12 Leopard tanks next year.",
    ],
)
def test_a_receiver_parsed_into_the_goods_phrase_is_the_recipient(kb_extractor, make_clean, text):
    # the parse reads "Ukraine 31 Leopard tanks" as one phrase, the state a modifier of "tanks"
    [event] = _aid(kb_extractor, make_clean, text)
    assert _texts(event, "recipient") in (["Ukraine"], ["Moldova"])
    assert _texts(event, "item") == ["Leopard tanks"]
    assert len(_texts(event, "quantity")) == 1


def test_a_state_inside_a_bought_goods_phrase_stays(kb_extractor, make_clean):
    events = kb_extractor.extract(make_clean("The army bought 31 Leopard tanks from Germany."))
    assert [v.text for e in events for v in e.args.get("item", [])] == ["Leopard tanks"]
