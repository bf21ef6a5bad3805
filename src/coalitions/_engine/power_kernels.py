"""Exact power-index tallies of a compiled game, by dynamic programming.

Every function here takes a [`Game`][coalitions._engine.game.Game] and returns one
integer (or Fraction) per player, in game order. Nothing lists coalitions.

Polynomials over seat totals are packed into Python ints (Kronecker
substitution): coefficient ``k`` sits in bits ``[k*B, (k+1)*B)``, so adding a
player of weight ``w`` to every subset is one shift and one add in C. ``B`` is
chosen so that no coefficient ever overflows into its neighbour.

References:
    Brams, S. J., and Affuso, P. J. (1976). Power and size: a new paradox.
    *Theory and Decision* 7, 29-56. (Banzhaf by generating functions.)
    Mann, I., and Shapley, L. S. (1962). *Values of Large Games VI: Evaluating
    the Electoral College Exactly*. RAND RM-3158. (Shapley-Shubik likewise.)
    Staudacher, J. et al. (2021). Computing power indices for weighted voting
    games via dynamic programming. *Operations Research and Decisions* 31(2).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from fractions import Fraction

from coalitions._engine.game import Game, players_by_weight


def _digit(packed: int, index: int, width: int) -> int:
    """Return coefficient ``index`` of a packed polynomial (0 below index 0)."""
    if index < 0:
        return 0
    return (packed >> (index * width)) & ((1 << width) - 1)


def swings(game: Game) -> list[int]:
    """Return each player's number of swings (Banzhaf's eta).

    A swing of ``i`` is a coalition ``S`` without ``i`` that loses, while
    ``S + i`` wins: ``quota - w_i <= w(S) < quota``. With ``G[k]`` the number
    of subsets (of everyone) with total at most ``k``, the same table without
    player ``i`` obeys ``G'[k] = G[k] - G'[k - w_i]``, whose solution is
    ``R - R * y`` with ``y = x^w_i`` and ``R = G * (1 + y^2 + y^4 + ...)``:
    only non-negative packed operations, O(log quota) of them per distinct
    weight.
    """
    quota, n = game.quota, game.size
    active = game.weights[: game.active]
    if quota > 0 and active and active[0] == active[-1]:
        return _equal_swings(game)
    width = n + quota.bit_length() + 2
    mask = (1 << (quota * width)) - 1
    cumulative = mask // ((1 << width) - 1)  # every total: the empty set
    for weight in game.weights:
        if weight < quota:
            cumulative = (cumulative + (cumulative << (weight * width))) & mask
    result = [0] * n
    for weight, players in players_by_weight(game.weights).items():
        if weight == 0:
            continue  # a player with no weight is never a swing
        even = cumulative
        step = 2 * weight
        while step < quota:
            even = (even + (even << (step * width))) & mask
            step *= 2
        without = even - ((even << (weight * width)) & mask)
        count = _digit(without, quota - 1, width) - _digit(
            without, quota - 1 - weight, width
        )
        for player in players:
            result[player] = count
    return result


def _equal_swings(game: Game) -> list[int]:
    """Swings when every player with weight has the same weight ``w``.

    Player ``i`` swings with ``k`` of the other ``m - 1`` weighted players
    when ``quota - w <= k w < quota``, whatever the weightless players do:
    binomial coefficients count it without a table.
    """
    m, weight = game.active, game.weights[0]
    least = max(0, -(-(game.quota - weight) // weight))
    most = min(m - 1, (game.quota - 1) // weight)
    count = sum(math.comb(m - 1, k) for k in range(least, most + 1))
    count <<= game.size - m
    return [count] * m + [0] * (game.size - m)


def shapley_shubik(game: Game) -> list[Fraction]:
    """Return each player's Shapley-Shubik index.

    ``phi_i = sum over swings S of i of |S|! (n - |S| - 1)! / n!`` (``S``
    without ``i``). Keeps, for each coalition size, the packed cumulative
    table of seat totals, so the work is O(n^2) shifts of ``quota``-digit
    numbers to build it and O(n) per distinct weight to remove a player.
    """
    quota, n = game.quota, game.size
    active = game.weights[: game.active]
    if quota > 0 and game.can_win and active and active[0] == active[-1]:
        # Equal players are symmetric and share all the power; weightless
        # ones are dummies.
        share = Fraction(1, game.active)
        return [share] * game.active + [Fraction(0)] * (n - game.active)
    width = n + 2  # cumulative counts of subsets of one size stay below 2^n
    mask = (1 << (quota * width)) - 1
    # No coalition of more than `largest` players has a total below the quota
    # (even the lightest ones reach it), so larger sizes are never tabled.
    lightest = sorted(game.weights)
    largest = 0
    while largest < n and sum(lightest[: largest + 1]) < quota:
        largest += 1
    by_size = [mask // ((1 << width) - 1)] + [0] * largest  # size 0: empty set
    added = 0
    for weight in game.weights:
        if weight >= quota:
            continue  # never part of a losing total
        added = min(added + 1, largest)
        shift = weight * width
        # Cut the source below quota - weight before shifting, so that the
        # sum needs no mask: cheaper than masking the shifted number.
        below = (1 << ((quota - weight) * width)) - 1
        for size in range(added, 0, -1):
            by_size[size] += (by_size[size - 1] & below) << shift
    factorial = [math.factorial(k) for k in range(n + 1)]
    result = [Fraction(0)] * n
    for weight, players in players_by_weight(game.weights).items():
        if weight == 0:
            continue
        shift = weight * width
        numerator = 0
        previous = 0  # table of size - 1 without the player
        for size in range(largest + 1):
            current = by_size[size] - ((previous << shift) & mask)
            count = _digit(current, quota - 1, width) - _digit(
                current, quota - 1 - weight, width
            )
            numerator += count * factorial[size] * factorial[n - size - 1]
            previous = current
        value = Fraction(numerator, factorial[n])
        for player in players:
            result[player] = value
    return result


def critical_tallies(
    game: Game, score: Callable[[int], int], *, minimal_only: bool
) -> list[int]:
    """Sum ``score(critical members)`` over the coalitions where a player is critical.

    A member ``j`` of a winning coalition ``S`` is *critical* when ``S - j``
    loses, that is when ``w_j > w(S) - quota`` (the surplus). So for a given
    surplus ``s`` the critical members of ``S`` are exactly its members
    heavier than ``s``; call them ``H`` and the rest ``L``. Grouping the
    surpluses between consecutive distinct weights fixes which players are
    heavy, and for each heavy player ``i``::

        tally_i = sum over S with i critical of score(|critical members of S|)

    is a sum over heavy sets ``B`` containing ``i`` (counted by size and
    weight) times light sets ``A`` (counted by weight), for totals
    ``quota + s``. With ``minimal_only`` only ``A`` empty counts: every
    member critical, i.e. the minimal winning coalitions.

    ``score(k) = 1`` gives swings (or, minimal only, the public good counts);
    ``score(k) = L / k`` gives Johnston's (or Deegan-Packel's) sums times
    ``L``.
    """
    quota, n = game.quota, game.size
    weights = game.weights
    classes = sorted({w for w in weights if w > 0})
    if not classes:
        return [0] * n
    top = quota + classes[-1]  # totals that matter are below this
    largest_score = max(score(k) for k in range(1, n + 1))
    width = largest_score.bit_length() + 2 * n + top.bit_length() + 2
    mask = (1 << (top * width)) - 1
    digit_mask = (1 << width) - 1

    heavy = [w for w in weights if w > 0]
    rows = [1]  # rows[k]: packed counts of heavy subsets of size k by weight
    for weight in heavy:
        rows.append(0)
        shift = weight * width
        below = (1 << ((top - weight) * width)) - 1  # see shapley_shubik
        for size in range(len(rows) - 1, 0, -1):
            rows[size] += (rows[size - 1] & below) << shift
    light = 1 << 0  # packed counts of light subsets by weight
    for weight in weights:
        if weight == 0:
            light = light + light  # a zero-weight player doubles every count
    scores = [0] + [score(k) for k in range(1, n + 1)]
    tally_by_weight: dict[int, int] = {}
    low = 0
    for high in classes:
        # Surpluses in [low, high): heavy players weigh >= high.
        first, last = quota + low, quota + high - 1
        for weight in (w for w in classes if w >= high):
            shift = weight * width
            with_member = 0  # sum over k of score(k) * (sets of size k with i)
            previous = 0
            for size in range(len(rows) - 1):
                current = rows[size] - ((previous << shift) & mask)
                with_member += scores[size + 1] * current
                previous = current
            with_member = (with_member << shift) & mask
            totals = with_member if minimal_only else (with_member * light) & mask
            window = (totals >> (first * width)) & (
                (1 << ((last - first + 1) * width)) - 1
            )
            tally = 0
            while window:
                tally += window & digit_mask
                window >>= width
            tally_by_weight[weight] = tally_by_weight.get(weight, 0) + tally
        # Players of weight `high` turn light for the next surpluses.
        shift = high * width
        for _ in range(weights.count(high)):
            previous = 0
            for size in range(len(rows)):
                rows[size] = rows[size] - ((previous << shift) & mask)
                previous = rows[size]
            rows.pop()
            light = (light + (light << shift)) & mask
        low = high
    return [tally_by_weight.get(w, 0) if w > 0 else 0 for w in weights]


def minimal_counts(game: Game) -> list[int]:
    """Return how many minimal winning coalitions each player belongs to.

    A minimal winning coalition is its lightest member ``l`` plus a set of
    heavier players weighing between ``quota - w_l`` and ``quota - 1``. For
    player ``i`` that is lightest, count those sets among the players before
    it (``forward``). For ``i`` among the heavier members, split the rest of
    the set into players before ``i`` (weighing ``p``) and players between
    ``i`` and the lightest member, and count the second part for every
    lightest member at once with a table built from the back::

        backward_i(r) = backward_{i+1}(r) + backward_{i+1}(r - w_{i+1})
                        + [1 <= r <= w_{i+1}]

    (``r`` is the weight still to find). Each player then costs one pass
    over the quota: O(n x quota) in all, with list operations that run in C.
    """
    quota = game.quota
    weights = game.weights[: game.active]
    n = len(weights)
    if quota <= 0 or not game.can_win:
        return [0] * game.size
    # backward[i][r], r = 0..quota, for the players after i.
    backward = [[0] * (quota + 1) for _ in range(n)]
    for i in range(n - 2, -1, -1):
        nxt, w = backward[i + 1], weights[i + 1]
        table = list(nxt)
        if w <= quota:
            table[w:] = map(operator.add, table[w:], nxt[: quota + 1 - w])
        for r in range(1, min(w, quota) + 1):
            table[r] += 1
        backward[i] = table
    counts = [0] * game.size
    forward = [1] + [0] * (quota - 1)  # subsets of the players before i, by weight
    for i, w in enumerate(weights):
        low = max(0, quota - w)
        alone = sum(forward[low:quota])
        need = quota - w
        heavier = (
            sum(map(operator.mul, forward[:need], reversed(backward[i][1 : need + 1])))
            if need > 0
            else 0
        )
        counts[i] = alone + heavier
        if w < quota:
            forward[w:] = map(operator.add, forward[w:], forward[: quota - w])
    return counts
