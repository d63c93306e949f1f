"""Values derived once from the rules every call passes in (the measures, the character folds):
the regex of the measures' words, the measures by name, the sorted folds and their translation
table. Kept per object, so another list of rules (a test's own) gets its own values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")

_CACHE: dict[tuple[int, Callable[[Any], Any]], tuple[Any, Any]] = {}


def derived(source: S, build: Callable[[S], T]) -> T:
    """``build(source)``, computed once per source object and build function (``build`` must be
    a module-level function, not a fresh lambda)."""
    key = (id(source), build)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not source:  # an id may be reused once its object is gone
        hit = _CACHE[key] = (source, build(source))
    return hit[1]
