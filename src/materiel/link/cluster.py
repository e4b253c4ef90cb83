"""Mentions into real events: a pure, order-free partition of a group of mentions that
match one another.

The pairs that match are taken strongest first (then those naming parties alike, then the
two reports published nearest in time, then in a stable order of the mentions, never the
order they arrived in); each joins the two groups it links unless a member of one
conflicts with a member of the other (two events of one document, two dates, two
amounts). So a vague mention that fits two different packages joins the one it fits best
and does not bridge them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from materiel.link.facts import Facts

Pair = tuple[int, int]
Strength = tuple[int, int]  # facts shared, then parties named alike
UNKNOWN_DAYS = 10**6


def partition(members: Mapping[int, Facts], edges: Mapping[Pair, Strength],
              conflict: Callable[[Facts, Facts], bool]) -> list[frozenset[int]]:
    """Groups of the event ids in `members`; `edges` maps matching pairs (event ids) to
    their strength (stronger first); `conflict` says whether two mentions cannot be one
    event."""
    group = {i: i for i in members}
    parts: dict[int, set[int]] = {i: {i} for i in members}

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    def rank(pair: Pair) -> tuple[int, int, int, bool, tuple[str, ...], tuple[str, ...]]:
        a, b = members[pair[0]], members[pair[1]]
        first, second = sorted((a.order, b.order))
        strength, exact = edges[pair]
        return -strength, -exact, _days_apart(a, b), _tenses_differ(a, b), first, second

    clashes: dict[Pair, bool] = {}

    def clash(x: int, y: int) -> bool:
        key = (min(x, y), max(x, y))
        if key not in clashes:
            clashes[key] = conflict(members[x], members[y])
        return clashes[key]

    for pair in sorted((p for p in edges if p[0] in members and p[1] in members), key=rank):
        a, b = find(pair[0]), find(pair[1])
        if a == b or any(clash(x, y) for x in parts[a] for y in parts[b]):
            continue
        keep, gone = sorted((a, b), key=lambda g: min(members[i].order for i in parts[g]))
        group[gone] = keep
        parts[keep] |= parts.pop(gone)
    return sorted((frozenset(p) for p in parts.values()),
                  key=lambda p: min(members[i].order for i in p))


def _tenses_differ(a: Facts, b: Facts) -> bool:
    """One told as a plan, the other not: of equally good matches, one told alike wins (a
    package announced is the drawdown signed that day, not the funding Congress has yet to
    pass)."""
    return (a.status == "planned") != (b.status == "planned")


def _days_apart(a: Facts, b: Facts) -> int:
    """Between two reports' publication: of equally good matches, the nearer in time wins."""
    if a.published is None or b.published is None:
        return UNKNOWN_DAYS
    return abs((a.published - b.published).days)


def connected(start: Iterable[int], neighbours: Mapping[int, Iterable[int]]) -> set[int]:
    """Every id reachable from `start` through `neighbours`."""
    seen = set(start)
    todo = list(seen)
    while todo:
        for other in neighbours.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen
