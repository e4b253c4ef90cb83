"""Answers kept until the database changes: keyed on the question and on the database's
freshness (last change, sizes, newest event, newest review), so that a write or a review
makes the next request compute again. For counts over every event (facets, charts), which
take a large part of a second at 100,000 events and change only with the data."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from materiel.store.query import Freshness, freshness
from materiel.store.repository import Store

T = TypeVar("T")
SIZE = 256

_answers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()
MISSING = object()  # what `lookup` gives when nothing is kept


def clear() -> None:
    with _lock:
        _answers.clear()


def _key(store: Store, key: Hashable, fresh: Freshness) -> tuple[Any, ...]:
    return (store.url, key, tuple(fresh.to_json().values()))


def lookup(store: Store, key: Hashable, fresh: Freshness) -> Any:
    """The answer kept for `key` at this state of the database, or `MISSING`."""
    full = _key(store, key, fresh)
    with _lock:
        if full in _answers:
            _answers.move_to_end(full)
            return _answers[full]
    return MISSING


def keep(store: Store, key: Hashable, fresh: Freshness, answer: Any) -> None:
    full = _key(store, key, fresh)
    with _lock:
        _answers[full] = answer
        while len(_answers) > SIZE:
            _answers.popitem(last=False)


def cached(store: Store, key: Hashable, compute: Callable[[], T],
           fresh: Freshness | None = None) -> T:
    """`compute()`, or its answer kept from an earlier call with the same key and the same
    state of the database."""
    fresh = fresh or freshness(store)
    found = lookup(store, key, fresh)
    if found is not MISSING:
        return found
    answer = compute()
    keep(store, key, fresh, answer)
    return answer
