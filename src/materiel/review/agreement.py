"""Agreement between reviewers: Cohen's kappa over the events two reviewers both judged.

A reviewer's judgement of an event is their latest accept, reject or edit of it that has
not been undone; the categories are accepted, rejected and edited.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import Connection, select

from materiel.store.reviewed import SYSTEM_USER
from materiel.store.schema import audit_log

JUDGING_ACTIONS = ("accept", "reject", "edit")


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels over the same items; None when it is undefined
    (no items, or both raters always gave one and the same label)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / (n * n)
    if expected == 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def judgements(conn: Connection) -> dict[tuple[str, int], str]:
    """{(reviewer, event id): state} from the audit log, undone changes left out."""
    found: dict[tuple[str, int], tuple[str, str]] = {}  # -> (state, change)
    rows = conn.execute(
        select(audit_log.c.user_name, audit_log.c.event_id, audit_log.c.action,
               audit_log.c.after, audit_log.c.change, audit_log.c.undoes)
        .where(audit_log.c.field == "review").order_by(audit_log.c.id))
    for user, event_id, action, after, change, undoes in rows:
        if action == "undo":
            for key, (_, judged_in) in list(found.items()):
                if judged_in == undoes:
                    del found[key]
        elif action in JUDGING_ACTIONS and user != SYSTEM_USER:
            found[(user, event_id)] = (json.loads(after)["state"], change)
    return {key: state for key, (state, _) in found.items()}


@dataclass(frozen=True)
class Agreement:
    first: str
    second: str
    shared: int  # events both judged
    agreed: int
    kappa: float | None


def agreement(conn: Connection) -> list[Agreement]:
    """Every pair of reviewers who judged at least one event in common, most shared first."""
    by_user: dict[str, dict[int, str]] = {}
    for (user, event_id), state in judgements(conn).items():
        by_user.setdefault(user, {})[event_id] = state
    out = []
    for a, b in combinations(sorted(by_user), 2):
        shared = sorted(by_user[a].keys() & by_user[b].keys())
        if shared:
            pairs = [(by_user[a][e], by_user[b][e]) for e in shared]
            out.append(Agreement(a, b, len(shared), sum(x == y for x, y in pairs),
                                 cohen_kappa(pairs)))
    return sorted(out, key=lambda g: (-g.shared, g.first, g.second))
