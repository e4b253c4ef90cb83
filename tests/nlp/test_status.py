"""Status from modality and tense; negated and hypothetical statements give no event."""

from __future__ import annotations

import pytest


def _trigger(doc, lemma: str):
    return next(t for t in doc._.triggers if t.lemma == lemma)


@pytest.mark.parametrize(
    ("text", "lemma", "status"),
    [
        ("Poland plans to buy 48 attack helicopters from Boeing.", "buy", "planned"),
        ("Poland will buy 48 attack helicopters from Boeing.", "buy", "planned"),
        ("Poland is expected to order 48 attack helicopters.", "order", "planned"),
        ("Poland bought 48 attack helicopters from Boeing last year.", "buy", "done"),
        ("Poland has ordered 48 attack helicopters from Boeing.", "order", "done"),
        ("Norway announced a new aid package for Ukraine on Monday.", "package", "announced"),
        ("Norway pledged 20 howitzers to Ukraine.", "pledge", "announced"),
        ("The upcoming summit in Oslo will focus on air defence.", "summit", "planned"),
        ("The president has invited the Kenyan leader to visit Washington.", "visit", "planned"),
        ("The army has drawn up a roadmap to induct 200 drones.", "induct", "planned"),
        (
            "The minister said he had discussed air defence during talks with his Polish "
            "counterpart.",
            "talks",
            "done",
        ),
        (
            "At a meeting of defence ministers on Wednesday, Estonia urged allies to send more "
            "shells.",
            "meeting",
            "done",
        ),
        ("The jets, ordered from Saab in 2021, will arrive in January.", "order", "done"),
        (
            "The first lot will go to the army under a contract signed with Saab last year.",
            "contract",
            "done",
        ),
        (
            "The aid package, approved by the cabinet in December, will be delivered by spring.",
            "package",
            "announced",
        ),
    ],
)
def test_status(parse, text: str, lemma: str, status: str):
    trig = _trigger(parse(text), lemma)
    assert trig.status == status
    assert not trig.negated and not trig.hypothetical


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Austria did not buy any fighter jets this year.", "buy"),
        ("The government refused to sign the arms deal.", "deal"),
        ("Hungary has never sanctioned the company.", "sanction"),
        ("Talks stalled because orders are yet to be placed by the army.", "order"),
        ("The trials are over but orders yet to be placed by the army.", "order"),
    ],
)
def test_negated(parse, text: str, lemma: str):
    assert _trigger(parse(text), lemma).negated


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("The rifles could be produced locally if a licence is granted.", "produce"),
        ("Chile might buy six frigates.", "buy"),
        ("If talks succeed, Peru would order new tanks.", "order"),
        ("Analysts say Spain should build more warships.", "build"),
        ("The plant gives the country the ability to produce shells.", "produce"),
    ],
)
def test_hypothetical(parse, text: str, lemma: str):
    assert _trigger(parse(text), lemma).hypothetical


def test_would_in_reported_speech_is_future(parse):
    doc = parse("The president said he would send more tanks to the border guard.")
    trig = _trigger(doc, "send")
    assert not trig.hypothetical and trig.status == "planned"


def test_negated_statement_gives_no_event(parse):
    assert parse("Greece received no orders for its new patrol boats.")._.mentions == []
    assert parse("Austria did not buy any fighter jets from Sweden.")._.mentions == []
    assert parse("Chile might buy six frigates from Britain.")._.mentions == []


def test_orders_placed_are_not_negated(parse):
    assert not _trigger(parse("The orders were placed by the army last year."), "order").negated
