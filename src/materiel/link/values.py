"""A canonical event's values from its mentions: the most precise, most often reported date
and numbers, every party and item, and the values the sources disagree on, side by side with
the documents that report each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from materiel.link.facts import NUMBER_ROLES, normalise, party_key

STATUS_RANK = {"planned": 0, "announced": 1, "done": 2}


@dataclass(frozen=True)
class MemberView:
    """One mention with what the canonical record needs of it."""

    event_id: int
    doc: str  # the document's own id
    date: str | None
    status: str | None
    args: Mapping[str, Sequence[Mapping[str, Any]]] = field(default_factory=dict)


def significant_digits(value: float) -> int:
    digits = f"{abs(value):.6f}".replace(".", "").strip("0")
    return len(digits)


def _ranked(counts: dict[str, set[str]], precision: Mapping[str, int],
            first_seen: Mapping[str, int]) -> list[str]:
    """Values, most precise first, then most often reported, then first reported."""
    return sorted(counts, key=lambda v: (-precision[v], -len(counts[v]), first_seen[v]))


def _refines(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _sides(counts: dict[str, set[str]], order: list[str]) -> list[dict[str, Any]]:
    return [{"value": v, "sources": sorted(counts[v])} for v in order]


def canonical_date(members: Sequence[MemberView]) -> tuple[str | None, list[dict[str, Any]]]:
    counts: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for i, m in enumerate(members):
        if m.date:
            counts.setdefault(m.date, set()).add(m.doc)
            first.setdefault(m.date, i)
    if not counts:
        return None, []
    order = _ranked(counts, {d: len(d) for d in counts}, first)
    best = order[0]
    conflict = any(not _refines(best, other) for other in order[1:])
    return best, (_sides(counts, order) if conflict else [])


def _number_key(arg: Mapping[str, Any]) -> str:
    value = arg.get("value")
    if value is None:
        return "text:" + normalise(str(arg.get("text", "")))
    number = f"{float(value):.6g}" if float(value) % 1 else str(int(float(value)))
    return f"{number} {arg.get('currency') or ''}".strip()


def _role_values(role: str, members: Sequence[MemberView]
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    counts: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    example: dict[str, Mapping[str, Any]] = {}
    precision: dict[str, int] = {}
    numeric = role in NUMBER_ROLES
    for m in members:
        for arg in m.args.get(role, ()):
            key = _number_key(arg) if numeric else party_key(arg)
            counts.setdefault(key, set()).add(m.doc)
            first.setdefault(key, len(first))
            example.setdefault(key, arg)
            value = arg.get("value")
            precision[key] = significant_digits(float(value)) if numeric and value else 0
    if not numeric:
        order = sorted(counts, key=lambda k: (-len(counts[k]), first[k]))
        return [dict(example[k]) for k in order], []
    order = _ranked(counts, precision, first)
    conflicts = _sides(counts, order) if len(order) > 1 else []
    return [dict(example[order[0]])] if order else [], conflicts


def canonical_values(members: Sequence[MemberView]) -> dict[str, Any]:
    """{"date", "status", "args": role -> [values], "conflicts": field -> [{value, sources}]}."""
    date, date_conflicts = canonical_date(members)
    statuses = [m.status for m in members if m.status in STATUS_RANK]
    status = max(statuses, key=lambda s: STATUS_RANK[s]) if statuses else None
    conflicts: dict[str, list[dict[str, Any]]] = {}
    if date_conflicts:
        conflicts["date"] = date_conflicts
    args: dict[str, list[dict[str, Any]]] = {}
    roles = sorted({role for m in members for role in m.args})
    for role in roles:
        values, role_conflicts = _role_values(role, members)
        if values:
            args[role] = values
        if role_conflicts:
            conflicts[role] = role_conflicts
    return {"date": date, "status": status, "args": args, "conflicts": conflicts}
