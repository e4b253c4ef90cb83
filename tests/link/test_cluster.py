"""Partitioning a group of matching mentions: strongest matches first, never across a
conflict, and the same groups whatever order the mentions are given in."""

from __future__ import annotations

from itertools import permutations

from materiel.link.cluster import connected, partition
from materiel.link.facts import Facts, build


def mention(event_id: int, date: str, published: str) -> Facts:
    return build(event_id, event_id, "aid", "announced", date, published, "", {},
                 lookup=lambda _: None, order=(f"doc-{event_id}",))


# 1 and 2 are two packages (a fortnight apart); 3, a vague report, matches both, 1 better;
# 4 matches 2 only.
MENTIONS = {1: mention(1, "2022-11-04", "2022-11-05"), 2: mention(2, "2022-11-18", "2022-11-18"),
            3: mention(3, "2022-11", "2022-11-30"), 4: mention(4, "2022-11-18", "2022-11-19")}
EDGES = {(1, 3): (3, 1), (2, 3): (2, 1), (2, 4): (4, 2)}


def conflict(a: Facts, b: Facts) -> bool:
    return {a.event_id, b.event_id} == {1, 2}


def test_a_vague_report_joins_its_best_match_and_bridges_nothing():
    assert partition(MENTIONS, EDGES, conflict) == [frozenset({1, 3}), frozenset({2, 4})]


def test_the_partition_ignores_the_order_of_its_input():
    results = {tuple(partition(dict(order), dict(reversed(list(EDGES.items()))), conflict))
               for order in permutations(MENTIONS.items())}
    assert len(results) == 1


def test_equal_matches_go_to_the_report_published_nearest():
    members = {1: MENTIONS[1], 2: MENTIONS[2], 5: mention(5, "2022-11", "2022-11-20")}
    tied = {(1, 5): (2, 1), (2, 5): (2, 1)}
    assert frozenset({2, 5}) in partition(members, tied, conflict)


def test_connected_follows_matches():
    assert connected([1], {1: {3}, 3: {1, 2}, 2: {3}, 4: set()}) == {1, 2, 3}


def test_equal_matches_go_to_the_report_told_alike():
    # one document tells a package signed today and funding Congress has yet to pass; a
    # report of the package announced that day is the package, not the funding
    def told(event_id: int, document_id: int, status: str) -> Facts:
        return build(event_id, document_id, "aid", status, None, "2023-12-12", "", {},
                     lookup=lambda _: None, order=(f"doc-{document_id}", f"{event_id}"))

    members = {1: told(1, 1, "planned"), 2: told(2, 1, "done"), 3: told(3, 2, "announced")}
    tied = {(1, 3): (2, 2), (2, 3): (2, 2)}

    def one_document(a: Facts, b: Facts) -> bool:
        return a.document_id == b.document_id

    assert partition(members, tied, one_document) == [frozenset({1}), frozenset({2, 3})]
