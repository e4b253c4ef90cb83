"""Scoring the resolver on a linking test set (used by tests/kb and benchmarks/kb.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .resolver import Resolver


@dataclass
class LinkingScore:
    total: int = 0
    correct: int = 0
    failures: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # expected type -> [ok, n]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return list(data or [])


def mentions(cases: Sequence[dict[str, Any]]) -> int:
    return sum(len(c.get("mentions") or ()) for c in cases)


def score(resolver: Resolver, cases: Sequence[dict[str, Any]]) -> LinkingScore:
    """Accuracy: an expected id must be returned exactly; `null` must stay unlinked."""
    out = LinkingScore()
    for case in cases:
        ctx = resolver.new_document(case["text"], case.get("published"))
        for mention, label, expected in case.get("mentions") or ():
            res = resolver.resolve(mention, ctx, label)
            got = res.id if res.linked else None
            ok = got == expected
            kind = expected.split(":", 1)[0] if expected else "unlinked"
            tally = out.by_kind.setdefault(kind, [0, 0])
            tally[0] += ok
            tally[1] += 1
            out.total += 1
            out.correct += ok
            if not ok:
                out.failures.append((mention, expected, got, res.method))
    return out
