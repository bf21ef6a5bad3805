"""Brute-force oracles written from the definitions, for small councils only.

A coalition is a frozenset of party names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from coalitions import Council


def all_coalitions(council: Council) -> Iterator[frozenset[str]]:
    """Every subset of the parties, the empty one included."""
    names = council.names
    for size in range(len(names) + 1):
        for members in itertools.combinations(names, size):
            yield frozenset(members)


def seats(council: Council, members: frozenset[str]) -> int:
    return sum(council[name].seats for name in members)


def wins(council: Council, members: frozenset[str]) -> bool:
    """Winning: the members' seats reach the quota."""
    return seats(council, members) >= council.majority


def brute_winning(council: Council) -> set[frozenset[str]]:
    return {c for c in all_coalitions(council) if wins(council, c)}


def brute_minimal_winning(council: Council) -> set[frozenset[str]]:
    """Winning, and losing once any single member leaves."""
    return {
        c
        for c in all_coalitions(council)
        if wins(council, c) and all(not wins(council, c - {m}) for m in c)
    }
