"""Exact tallies by meeting in the middle: few players, weights of any size.

Seat tables grow with the quota, so they cannot take populations or vote
shares as weights (the EU Council's population leg has a quota of 290
million after the common divisor). Listing subsets grows as ``2^n``. Meeting
in the middle needs neither: split the players into two halves, list the
subset sums of each (``2^(n/2)`` apiece), sort one half, and for every sum
``x`` of the other count the sums that fall in ``[low - x, high - x)`` by
binary search. Counts by coalition size ride along packed in one integer
(size ``k`` in bits ``[k*B, (k+1)*B)``), so the Shapley-Shubik index costs
no more than Banzhaf's.

References:
    Horowitz, E., and Sahni, S. (1974). Computing partitions with
    applications to the knapsack problem. *Journal of the ACM* 21(2),
    277-292. (The two-list method.)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from fractions import Fraction

from coalitions._engine.game import Game, players_by_weight


def _subsets(weights: Sequence[int]) -> list[tuple[int, int]]:
    """Every subset's (total, size): ``2^len(weights)`` pairs."""
    entries = [(0, 0)]
    for weight in weights:
        entries += [(total + weight, size + 1) for total, size in entries]
    return entries


def window_by_size(weights: Sequence[int], low: int, high: int) -> list[int]:
    """Count the subsets of ``weights`` whose total is in ``[low, high)``, by size.

    Returns ``counts`` with ``counts[k]`` the number of such subsets of ``k``
    players, ``k = 0 .. len(weights)``.
    """
    m = len(weights)
    counts = [0] * (m + 1)
    if high <= low or high <= 0 or low > sum(weights):
        return counts
    width = m + 2  # a count of subsets of m players stays below 2^(m+1)
    half = m // 2
    first = _subsets(weights[:half])
    second = sorted(_subsets(weights[half:]))
    sums = [total for total, _ in second]
    prefix = [0]  # prefix[t]: packed counts by size of second[:t]
    running = 0
    for _, size in second:
        running += 1 << (size * width)
        prefix.append(running)
    by_first_size = [0] * (half + 1)  # packed counts by the second half's size
    for total, size in first:
        top = bisect_left(sums, high - total)
        if top:
            bottom = bisect_left(sums, low - total, 0, top)
            if bottom < top:
                by_first_size[size] += prefix[top] - prefix[bottom]
    digit = (1 << width) - 1
    for size, packed in enumerate(by_first_size):
        other, rest = 0, packed
        while rest:
            counts[size + other] += rest & digit
            rest >>= width
            other += 1
    return counts


def graded_window_by_size(
    weights: Sequence[int], window: Callable[[int], tuple[int, int]]
) -> list[int]:
    """Count subsets whose total is in ``window(k)`` for their size ``k``.

    Sizes that share a window are counted together, so a game whose rule
    counts members (a few distinct windows) costs a few window counts.
    """
    sizes: dict[tuple[int, int], list[int]] = {}
    for size in range(len(weights) + 1):
        low, high = window(size)
        if low < high:
            sizes.setdefault((low, high), []).append(size)
    counts = [0] * (len(weights) + 1)
    for (low, high), same in sizes.items():
        found = window_by_size(weights, low, high)
        for size in same:
            counts[size] = found[size]
    return counts


def _thresholds(game: Game) -> list[int]:
    """The weight each number of players needs (one more than all if never)."""
    never = max(game.total, game.quota) + 1
    return [
        never if (needed := game.threshold(size)) is None else needed
        for size in range(game.size + 2)
    ]


def _window(
    needs: list[int], step: int, low_less: int, high_less: int
) -> Callable[[int], tuple[int, int]]:
    """The window of subsets of ``k`` players that ``step`` more players complete.

    ``[needs[k + step] - low_less, needs[k + step - 1] - high_less)``: with
    the players added the coalition wins, with one fewer of them it loses.
    """

    def window(size: int) -> tuple[int, int]:
        return needs[size + step] - low_less, needs[size + step - 1] - high_less

    return window


def _without(weights: Sequence[int], player: int) -> list[int]:
    return [w for j, w in enumerate(weights) if j != player]


def swings_by_size(game: Game) -> list[list[int]]:
    """For each player, how many of its swings have each size (without it).

    A swing of ``i`` is a set ``S`` of ``k`` other players that loses while
    ``S + i`` wins: ``t(k+1) - w_i <= w(S) < t(k)``, with ``t(k)`` the weight
    ``k`` players need (the quota, unless the rule counts members).
    """
    weights = game.weights
    needs = _thresholds(game)
    result: list[list[int]] = [[0] * game.size for _ in range(game.size)]
    for weight, players in players_by_weight(weights).items():
        if weight == 0 and not game.graded:
            continue  # never a swing
        counts = graded_window_by_size(
            _without(weights, players[0]), _window(needs, 1, weight, 0)
        )
        for player in players:
            result[player] = counts
    return result


def swings(game: Game) -> list[int]:
    """Return each player's number of swings (Banzhaf's eta)."""
    return [sum(counts) for counts in swings_by_size(game)]


def shapley_shubik(game: Game) -> list[Fraction]:
    """Return each player's Shapley-Shubik index, from its swings by size."""
    n = game.size
    factorial = [math.factorial(k) for k in range(n + 1)]
    return [
        Fraction(
            sum(c * factorial[s] * factorial[n - s - 1] for s, c in enumerate(counts)),
            factorial[n],
        )
        for counts in swings_by_size(game)
    ]


def minimal_by_size(game: Game) -> list[list[int]]:
    """For each player, how many minimal winning coalitions of each size hold it.

    A minimal winning coalition is its lightest member ``j`` (the last in
    weight order) and a set ``T`` of ``m`` players before ``j`` such that
    ``T + j`` wins and ``T`` loses: ``t(m+1) - w_j <= w(T) < t(m)`` (dropping
    a heavier member instead leaves as many members and less weight). For
    ``j`` that is a window count over the players before it; for each player
    ``i`` before ``j``, a window count over the others before ``j``.
    """
    weights = game.weights
    n = game.size
    needs = _thresholds(game)
    result: list[list[int]] = [[0] * (n + 1) for _ in range(n)]
    if not game.can_win or game.wins(0, 0):
        return result
    before = 0  # weight of the players before j
    for j, weight in enumerate(weights):
        heavier = weights[:j]
        if game.wins(j + 1, before + weight):
            counts = graded_window_by_size(heavier, _window(needs, 1, weight, 0))
            for size, c in enumerate(counts):
                result[j][size + 1] += c
            for i, other in enumerate(heavier):
                counts = graded_window_by_size(
                    _without(heavier, i), _window(needs, 2, weight + other, other)
                )
                for size, c in enumerate(counts):
                    result[i][size + 2] += c
        before += weight
    return result


def minimal_counts(game: Game) -> list[int]:
    """Return how many minimal winning coalitions each player belongs to."""
    return [sum(counts) for counts in minimal_by_size(game)]


def minimal_shares(game: Game) -> list[Fraction]:
    """Sum ``1/|S|`` over the minimal winning coalitions ``S`` of each player."""
    return [
        sum((Fraction(c, size) for size, c in enumerate(counts) if c), Fraction(0))
        for counts in minimal_by_size(game)
    ]


def count_minimal_winning_and_losing(game: Game) -> tuple[int, int]:
    """Return (minimal winning coalitions, losing coalitions), as the tables do."""
    weights = game.weights
    needs = _thresholds(game)
    minimal = 0
    before = 0
    for j, weight in enumerate(weights):
        if game.wins(j + 1, before + weight):
            minimal += sum(
                graded_window_by_size(weights[:j], _window(needs, 1, weight, 0))
            )
        before += weight
    losing = sum(graded_window_by_size(weights, lambda size: (0, needs[size])))
    return minimal, losing


def cost(game: Game, calls: int) -> int:
    """Python steps of ``calls`` window counts over the game's players."""
    half = 1 << ((game.size + 1) // 2)
    windows = 3 if game.graded else 1
    return calls * windows * half * max(1, half.bit_length())
