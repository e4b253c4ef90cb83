from __future__ import annotations

import pytest
from sqlalchemy import select

from materiel import review
from materiel.review.agreement import agreement, cohen_kappa
from materiel.store.schema import events


def test_kappa_on_a_hand_worked_example():
    # 10 items: both yes on 4, both no on 3, A yes/B no on 2, A no/B yes on 1
    pairs = [("y", "y")] * 4 + [("n", "n")] * 3 + [("y", "n")] * 2 + [("n", "y")]
    # p_o = 0.7; A says yes 6/10, B 5/10: p_e = 0.6*0.5 + 0.4*0.5 = 0.5; kappa = 0.2/0.5
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_edge_cases():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("y", "y"), ("y", "y")]) is None  # no variation: undefined
    assert cohen_kappa([("y", "n"), ("n", "y")]) == pytest.approx(-1.0)
    assert cohen_kappa([("y", "y"), ("n", "n")]) == pytest.approx(1.0)


def test_agreement_over_the_events_both_reviewers_judged(store):
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(events.c.id).order_by(events.c.id))]
    for event_id in ids[:3]:
        review.accept(store, event_id, "ana")
    review.accept(store, ids[0], "ben")
    review.reject(store, ids[1], "ben")
    review.reject(store, ids[3], "ben")  # ana did not judge it
    review.accept(store, ids[2], "ben")
    review.undo(store, ids[2], "ben")  # an undone judgement does not count
    with store.engine.connect() as conn:
        [pair] = agreement(conn)
    assert (pair.first, pair.second, pair.shared, pair.agreed) == ("ana", "ben", 2, 1)
    # ana: accepted, accepted; ben: accepted, rejected -> p_o 0.5, p_e 0.5: kappa 0
    assert pair.kappa == pytest.approx(0.0)
