"""The generated one-line summary of an event."""

from __future__ import annotations

from materiel.extract.summary import summarize
from materiel.models import Argument, Event


def _event(type_: str, status: str, **roles: list[str]) -> Event:
    return Event(doc="d", type=type_, status=status,
                 args={role: [Argument(text=t) for t in texts] for role, texts in roles.items()})


def test_the_count_comes_before_the_goods_and_the_value_after():
    e = _event("procurement", "done", buyer=["Chile"], quantity=["12"], item=["patrol boats"],
               value=["$90 million"], seller=["a Dutch yard"])
    assert summarize(e) == "Chile bought 12 patrol boats worth $90 million from a Dutch yard"


def test_a_value_without_goods_is_worth_of_the_default():
    e = _event("aid", "announced", donor=["Norway"], value=["NOK 2 billion"], recipient=["Moldova"])
    assert summarize(e) == "Norway pledges military aid worth NOK 2 billion to Moldova"


def test_spending_keeps_its_amount():
    e = _event("spending", "planned", spender=["Peru"], value=["$1 billion"])
    assert summarize(e) == "Peru plans defense spending of $1 billion"
