from __future__ import annotations

import pytest

from materiel.kb import KnowledgeBase, office_check


@pytest.mark.parametrize(
    ("person", "title", "date", "wrong"),
    [
        ("person:joe-biden", "former US President", "2024-05-01", True),  # in office then
        ("person:joe-biden", "former US President", "2025-03-01", False),
        ("person:joe-biden", "US President", "2025-03-01", True),  # left office
        ("person:joe-biden", "President", "2022-06", False),
        ("person:joe-biden", "Vice President", "2015", False),
        ("person:joe-biden", "President", "2016-05-01", True),  # not yet in office
        ("person:joe-biden", "President-elect", "2020-12-01", False),
        ("person:oleksandr-kamyshin", "Strategic Industries Minister", "2024-09-01", True),
        ("person:oleksandr-kamyshin", "Strategic Industries Minister", "2023-11-20", False),
        ("person:oleksandr-kamyshin", "former Strategic Industries Minister", "2024-09-01", False),
        ("person:oleksii-reznikov", "Ukrainian Defence Minister", "2023-01-10", False),
        ("person:oleksii-reznikov", "Minister of Defense", "2024-02-01", True),
        ("person:oleksii-reznikov", "then-Defense Minister", "2024-02-01", False),
        ("person:boris-pistorius", "Defense Minister", None, False),
        ("person:boris-pistorius", "Chancellor", "2024-01-01", False),  # unknown office: no claim
        ("person:nobody", "President", "2024-01-01", False),
    ],
)
def test_office_check(
    mini_kb: KnowledgeBase, person: str, title: str, date: str | None, wrong: bool
) -> None:
    reason = office_check(mini_kb, person, title, date)
    assert (reason is not None) == wrong, reason


def test_reason_names_the_date(mini_kb: KnowledgeBase) -> None:
    reason = office_check(
        mini_kb, "person:oleksandr-kamyshin", "Strategic Industries Minister", "2024-09-01"
    )
    assert reason is not None and "2024-07-16" in reason


@pytest.mark.parametrize(
    ("person", "title", "date", "wrong"),
    [
        ("person:joe-biden", "former US President", "2024-05-01", True),
        ("person:donald-trump", "former President", "2023-06-01", False),
        ("person:donald-trump", "former President", "2025-06-01", True),
        ("person:oleksandr-kamyshin", "Strategic Industries Minister", "2024-10-01", True),
        ("person:oleksandr-kamyshin", "Minister of Strategic Industries", "2024-02-01", False),
        ("person:oleksii-reznikov", "Ukrainian Defence Minister", "2023-03-28", False),
        ("person:oleksii-reznikov", "Defense Minister", "2024-03-28", True),
    ],
)
def test_office_check_on_builtin_people(person: str, title: str, date: str, wrong: bool) -> None:
    from materiel.kb import load_kb

    kb = load_kb()
    if kb.get(person) is None:
        pytest.skip(f"{person} not in the built-in knowledge base")
    assert (office_check(kb, person, title, date) is not None) == wrong
