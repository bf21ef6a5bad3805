"""Brute-force oracles written from the definitions, for small councils only.

A coalition is a frozenset of party names.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from fractions import Fraction

from coalitions import (
    CastingVote,
    Constraints,
    Council,
    DoubleMajority,
    FixedQuota,
    Majority,
    Supermajority,
)


def all_coalitions(council: Council) -> Iterator[frozenset[str]]:
    """Every subset of the parties, the empty one included."""
    names = council.names
    for size in range(len(names) + 1):
        for members in itertools.combinations(names, size):
            yield frozenset(members)


def seats(council: Council, members: frozenset[str]) -> int:
    return sum(council[name].seats for name in members)


def quota(council: Council) -> int:
    """The seats a coalition without the chair needs, from each rule's definition.

    Written from the rules' documented meaning, not from the library's
    arithmetic: a majority is the smallest number above half of the seats
    counted; a share is the smallest number of seats at least (or above) that
    share of the seats counted, and never less than one seat.
    """
    rule = council.rule
    if isinstance(rule, FixedQuota):
        return rule.seats
    if isinstance(rule, CastingVote):
        rule = Majority()
    counted = council.total_seats
    if getattr(rule, "filled_only", False):
        counted = council.declared
    # Fractions compare exactly: the smallest whole s above half (or at least,
    # or above, the share) is found by floor and ceiling.
    if isinstance(rule, Majority):
        return math.floor(Fraction(counted, 2)) + 1
    if isinstance(rule, DoubleMajority):
        return max(1, math.ceil(rule.share * counted))
    assert isinstance(rule, Supermajority)
    share = rule.fraction * counted
    smallest = math.floor(share) + 1 if rule.exceed else math.ceil(share)
    return max(1, smallest)


def wins(council: Council, members: frozenset[str]) -> bool:
    """Winning: the members' seats reach the quota; with a casting vote, more
    than half of all seats, or exactly half with the chair's party."""
    held = seats(council, members)
    rule = council.rule
    if isinstance(rule, DoubleMajority):
        # Enough seats and enough parties; or too few parties left out to block.
        parties = len(council.names)
        if rule.blocking is not None and parties - len(members) < rule.blocking:
            return True
        needed = (
            rule.members
            if isinstance(rule.members, int)
            else math.ceil(rule.members * parties)
        )
        return held >= quota(council) and len(members) >= needed
    if isinstance(council.rule, CastingVote):
        chair = council[council.rule.chair].name
        total = council.total_seats
        return 2 * held > total or (2 * held == total and chair in members)
    return held >= quota(council)


def shown_order(council: Council, members: frozenset[str]) -> tuple[str, ...]:
    """Members as a coalition shows them: most seats first, ties in council order."""
    return tuple(
        sorted(members, key=lambda n: (-council[n].seats, council.names.index(n)))
    )


def listing_key(
    council: Council, members: frozenset[str]
) -> tuple[int, int, tuple[str, ...]]:
    """The documented listing order: fewest parties, most seats, then names."""
    return (len(members), -seats(council, members), shown_order(council, members))


def brute_winning(council: Council) -> set[frozenset[str]]:
    return {c for c in all_coalitions(council) if wins(council, c)}


def brute_minimal_winning(council: Council) -> set[frozenset[str]]:
    """Winning, and losing once any single member leaves."""
    return {
        c
        for c in all_coalitions(council)
        if wins(council, c) and all(not wins(council, c - {m}) for m in c)
    }


# --- Power indices, from their definitions (DOMAIN: Felsenthal & Machover 1998).


def critical_members(council: Council, members: frozenset[str]) -> set[str]:
    """Members of a winning coalition whose leaving makes it lose."""
    if not wins(council, members):
        return set()
    return {m for m in members if not wins(council, members - {m})}


def brute_swings(council: Council) -> dict[str, int]:
    """Swings: winning coalitions in which the party is critical."""
    counts = dict.fromkeys(council.names, 0)
    for members in all_coalitions(council):
        for name in critical_members(council, members):
            counts[name] += 1
    return counts


def normalise(values: dict[str, Fraction]) -> dict[str, Fraction]:
    total = sum(values.values())
    return {name: Fraction(value) / total for name, value in values.items()}


def brute_shapley_shubik(council: Council) -> dict[str, Fraction]:
    """Sum over swings S (with i) of (|S|-1)! (n-|S|)! / n!."""
    n = len(council.names)
    values = dict.fromkeys(council.names, Fraction(0))
    for members in all_coalitions(council):
        for name in critical_members(council, members):
            size = len(members)
            values[name] += Fraction(
                math.factorial(size - 1) * math.factorial(n - size), math.factorial(n)
            )
    return values


def shapley_shubik_by_orderings(council: Council) -> dict[str, Fraction]:
    """The share of all n! orderings in which the party completes a majority."""
    names = council.names
    pivots = dict.fromkeys(names, 0)
    orderings = 0
    for order in itertools.permutations(names):
        orderings += 1
        for position, name in enumerate(order):
            if wins(council, frozenset(order[: position + 1])):
                pivots[name] += 1
                break
    return {name: Fraction(count, orderings) for name, count in pivots.items()}


def brute_public_good_counts(council: Council) -> dict[str, int]:
    counts = dict.fromkeys(council.names, 0)
    for members in brute_minimal_winning(council):
        for name in members:
            counts[name] += 1
    return counts


def brute_deegan_packel(council: Council) -> dict[str, Fraction]:
    minimal = brute_minimal_winning(council)
    values = dict.fromkeys(council.names, Fraction(0))
    for members in minimal:
        for name in members:
            values[name] += Fraction(1, len(members) * len(minimal))
    return values


def brute_johnston(council: Council) -> dict[str, Fraction]:
    values = dict.fromkeys(council.names, Fraction(0))
    for members in all_coalitions(council):
        critical = critical_members(council, members)
        for name in critical:
            values[name] += Fraction(1, len(critical))
    return normalise(values)


# --- Election night: every way the undeclared seats could fall.

NEW_PARTY = "A New Party"


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to write total as an ordered sum of `parts` non-negative ints."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def completions(council: Council) -> Iterator[Council]:
    """Every final result: undeclared seats to existing parties, to one new
    party, or scattered one each to new single-seat parties."""
    names = list(council.names)
    for shares in _compositions(council.undeclared, len(names) + 2):
        *to_parties, to_new, scattered = shares
        seats = {
            name: council[name].seats + extra
            for name, extra in zip(names, to_parties, strict=True)
        }
        if to_new:
            seats[NEW_PARTY] = to_new
        for single in range(scattered):
            seats[f"Single {single}"] = 1
        yield council.with_seats(seats)


def extra_seats_needed(council: Council, members: frozenset[str]) -> int | None:
    """The fewest undeclared seats the members must win to govern, or None."""
    best = None
    for final in completions(council):
        if wins(final, members):
            gained = sum(final[m].seats - council[m].seats for m in members)
            best = gained if best is None else min(best, gained)
    return best


def majority_party(council: Council) -> str | None:
    """The party (if any) that wins on its own."""
    return next((n for n in council.names if wins(council, frozenset({n}))), None)


# --- Constraints, from their definitions (see coalitions.Constraints).


def constrained_units(
    council: Council, constraints: Constraints
) -> list[frozenset[str]]:
    """The units that join or leave together: each bloc, and every other party."""
    in_bloc = {council[name].name for bloc in constraints.blocs for name in bloc}
    units = [
        frozenset(council[name].name for name in bloc) for bloc in constraints.blocs
    ]
    units += [frozenset({name}) for name in council.names if name not in in_bloc]
    return units


def feasible(
    council: Council, constraints: Constraints, members: frozenset[str]
) -> bool:
    """No excluded party, no incompatible pair, every required party, whole blocs."""
    canonical = {name: council[name].name for name in council.names}
    excluded = {council[n].name for n in constraints.excluding}
    required = {council[n].name for n in constraints.requiring}
    for unit in constrained_units(council, constraints):
        if unit & members and not unit <= members:
            return False
        if unit & excluded and unit <= members:
            return False
        if unit & required and not unit <= members:
            return False
    for a, b in constraints.incompatible:
        if council[a].name in members and council[b].name in members:
            return False
    return all(canonical[m] == m for m in members)


def brute_constrained_minimal_winning(
    council: Council, constraints: Constraints
) -> set[frozenset[str]]:
    """Feasible and winning, and losing once any unit that is not required leaves."""
    required = {council[n].name for n in constraints.requiring}
    units = constrained_units(council, constraints)
    found = set()
    for members in all_coalitions(council):
        if not (feasible(council, constraints, members) and wins(council, members)):
            continue
        removable = [u for u in units if u <= members and not u & required]
        if all(not wins(council, members - unit) for unit in removable):
            found.add(members)
    return found


def brute_constrained_winning(
    council: Council, constraints: Constraints
) -> set[frozenset[str]]:
    return {
        members
        for members in all_coalitions(council)
        if feasible(council, constraints, members) and wins(council, members)
    }
