"""Enumerating and counting winning coalitions of a compiled game.

Everything here works on a [`Game`][coalitions._engine.game.Game] and on bitmasks;
nothing builds a party or a coalition object.

References:
    Riker, W. H. (1962). *The Theory of Political Coalitions*. Yale UP.
    (Minimal winning coalitions.)
    Staudacher, J. et al. (2021). Computing power indices for weighted voting
    games via dynamic programming. *Operations Research and Decisions* 31(2).
    (Counting by subset-sum tables.)
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterator

from coalitions._engine import bigint
from coalitions._engine.game import Game
from coalitions._engine.packed import Digits, SubsetTable
from coalitions.exceptions import ComputationTooLargeError

#: How many coalitions [`minimal_winning`][coalitions.minimal_winning] and
#: [`winning`][coalitions.winning] return at most unless told otherwise.
DEFAULT_MAX_COALITIONS = 1_000_000
#: Largest packed table, in bits, that the counting programmes build
#: (quota x bits per count); about 32 MiB.
DENSE_BITS_LIMIT = 1 << 28
#: Most players counted by meeting in the middle when the quota is too large
#: for a table: two lists of 2^18 subset sums.
MEET_PLAYER_LIMIT = 36
#: From this many players on, losing coalitions are counted from two tables
#: of half the players each, which saves more shifting than unpacking the
#: two tables costs (measured on 51 to 1,000 players: 0.64x the time of one
#: table at 400 players, 1.36x at 100).
SPLIT_PLAYERS = 250

#: The heavy players' work, ``heavy * (3 n - heavy) / 4`` per total, past
#: which `_minimal_winning_by_dual` reads its last digit as the product of
#: two tables' digits rather than by adding the heavy players from the top
#: down (`SubsetTable.digit_after`), by the integers in use. Measured with
#: Python's integers: 400 players of 1 to 20 seats (work 32,400) 4.5 ms ->
#: 3.2 ms, 100 of 1 to 199 (2,025) 1.24 ms -> 1.47 ms; with GMP's the top-down
#: read was as quick or quicker on both (None: never).
PRODUCT_WORK: dict[bigint.Backend, int | None] = {"python": 9000, "gmp": None}


def suffix_sums(weights: tuple[int, ...]) -> list[int]:
    """Return ``s`` with ``s[j] = sum(weights[j:])`` (and ``s[n] = 0``)."""
    sums = [0] * (len(weights) + 1)
    for j in range(len(weights) - 1, -1, -1):
        sums[j] = sums[j + 1] + weights[j]
    return sums


#: How many coalitions the searches collect before handing a batch over.
BATCH_SIZE = 4096


def iter_minimal_winning_masks(
    game: Game, max_size: int | None = None
) -> Iterator[int]:
    """Yield every minimal winning coalition once (of at most ``max_size`` players)."""
    return itertools.chain.from_iterable(iter_minimal_winning_batches(game, max_size))


def iter_minimal_winning_batches(
    game: Game, max_size: int | None = None
) -> Iterator[list[int]]:
    """Yield every minimal winning coalition once, as bitmasks in batches.

    Depth-first search adding players in weight order (largest first). A
    branch stops as soon as its total reaches the quota: the player just added
    is the lightest member, so dropping any member loses, and the coalition is
    minimal. Every minimal winning coalition is reached exactly once, by its
    members in order. A branch is entered only when the players after it can
    still reach the quota, so every node leads to at least one result and the
    work is O(n) per coalition (output-sensitive). Results are collected into
    lists of about ``BATCH_SIZE``, which is several times cheaper than
    yielding each one, while memory stays bounded.
    """
    if game.infeasible:
        return
    if game.wins(0, 0):  # the required parties win alone; nobody else is needed
        yield [0]
        return
    if game.graded or max_size is not None:
        yield from _minimal_winning_by_size(game, max_size)
        return
    if game.conflicts:
        yield from _minimal_winning_without_conflicts(game)
        return
    weights = game.weights[: game.active]
    remaining = suffix_sums(weights)
    if remaining[0] < game.quota:
        return
    n = len(weights)
    single = [1 << j for j in range(n)]
    after = [range(j, n) for j in range(n + 1)]
    stack = [(0, 0, game.quota)]  # (next player, members, seats still needed)
    pop, push = stack.pop, stack.append
    batch: list[int] = []
    emit = batch.append
    while stack:
        start, members, need = pop()
        for j in after[start]:
            weight = weights[j]
            if weight >= need:
                emit(members | single[j])
            elif remaining[j] >= need:
                push((j + 1, members | single[j], need - weight))
            else:
                break
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
            emit = batch.append
    if batch:
        yield batch


def _minimal_winning_without_conflicts(game: Game) -> Iterator[list[int]]:
    """Search like `iter_minimal_winning_batches`, minding red lines.

    A player is never added to a branch that holds one of its forbidden
    partners. Branches can now end without a result, so the work is no longer
    bounded by the output: deciding whether any majority avoids every red line
    is NP-hard in general.
    """
    weights = game.weights[: game.active]
    conflicts = game.conflicts
    remaining = suffix_sums(weights)
    if remaining[0] < game.quota:
        return
    stack = [(0, 0, game.quota)]
    batch: list[int] = []
    while stack:
        start, members, need = stack.pop()
        for j in range(start, len(weights)):
            if remaining[j] < need:
                break
            if conflicts[j] & members:
                continue
            if weights[j] >= need:
                batch.append(members | (1 << j))
            else:
                stack.append((j + 1, members | (1 << j), need - weights[j]))
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def _minimal_winning_by_size(game: Game, max_size: int | None) -> Iterator[list[int]]:
    """Search like `iter_minimal_winning_batches`, counting members as it goes.

    For rules that count members, and for coalitions of at most ``max_size``
    players. Players join in weight order and only losing coalitions are
    extended, so a coalition that wins as its lightest member joins is
    minimal: dropping that member leaves the losing coalition it grew from,
    and dropping a heavier one leaves as many members with less weight.
    Seatless players take part only where they add a member that counts.
    Red lines are minded as above.
    """
    weights = game.weights if game.graded else game.weights[: game.active]
    n = len(weights)
    most = n if max_size is None else min(n, max_size)
    before = [0] * (n + 1)  # before[j]: weight of the players ahead of j
    for j, weight in enumerate(weights):
        before[j + 1] = before[j] + weight
    conflicts = game.conflicts
    wins = game.wins
    if not wins(n, before[n]):
        return
    stack = [(0, 0, 0, 0)]  # (next player, members, their number, weight)
    batch: list[int] = []
    while stack:
        start, members, size, weight = stack.pop()
        for j in range(start, n):
            # The heaviest way on from here: the next players, as many as
            # the size allows. Lighter starts only do worse: stop.
            room = min(most - size, n - j)
            if not wins(size + room, weight + before[j + room] - before[j]):
                break
            if conflicts and conflicts[j] & members:
                continue
            grown, total = members | (1 << j), weight + weights[j]
            if wins(size + 1, total):
                batch.append(grown)
            elif room > 1:
                stack.append((j + 1, grown, size + 1, total))
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_winning_masks(game: Game) -> Iterator[int]:
    """Yield every winning coalition once, as a bitmask (zero-weight players too).

    Branches on each player in turn (in, then out). Once a branch reaches the
    quota, every way of completing it with the remaining players wins, and all
    are yielded directly; a branch whose remaining players cannot reach the
    quota is cut. The work is O(n) per coalition.
    """
    if game.infeasible or not game.can_win:
        return
    if game.graded:
        yield from _graded_winning(game)
        return
    weights = game.weights
    quota = game.quota
    n = len(weights)
    remaining = suffix_sums(weights)
    conflicts = game.conflicts
    stack = [(0, 0, quota)]
    while stack:
        j, members, need = stack.pop()
        if need <= 0 and not conflicts:
            for rest in range(1 << (n - j)):
                yield members | (rest << j)
            continue
        if j == n:
            if need <= 0:
                yield members
            continue
        if remaining[j] < need:
            continue
        stack.append((j + 1, members, need))
        if not (conflicts and conflicts[j] & members):
            stack.append((j + 1, members | (1 << j), need - weights[j]))


def _graded_winning(game: Game) -> Iterator[int]:
    """`iter_winning_masks` when members count: the same branching, by `wins`."""
    weights, n, conflicts, wins = game.weights, game.size, game.conflicts, game.wins
    remaining = suffix_sums(weights)
    stack = [(0, 0, 0, 0)]  # (next player, members, their number, weight)
    while stack:
        j, members, size, weight = stack.pop()
        if not conflicts and wins(size, weight):  # every completion wins too
            for rest in range(1 << (n - j)):
                yield members | (rest << j)
            continue
        if j == n:
            if wins(size, weight):
                yield members
            continue
        if not wins(size + n - j, weight + remaining[j]):
            continue
        stack.append((j + 1, members, size, weight))
        if not (conflicts and conflicts[j] & members):
            stack.append((j + 1, members | (1 << j), size + 1, weight + weights[j]))


def _meet_counts(game: Game) -> tuple[int, int]:
    """Count by meeting in the middle, loading that module on first need.

    Most councils never need it, and importing it costs time.
    """
    from coalitions._engine import meet  # noqa: PLC0415 - loaded on first use

    return meet.count_minimal_winning_and_losing(game)


def minimal_winning_count(game: Game) -> int:
    """Return the number of minimal winning coalitions, without listing them.

    A coalition whose lightest member is ``j`` (in weight order) is minimal
    winning when it wins but loses without ``j``: it is ``j`` and a set ``S``
    of heavier players with ``quota - w_j <= w(S) < quota``. Summing those
    windows over ``j`` takes one table of ``n`` shifts and adds
    (`_minimal_winning_by_dual`), or, when the quota is well above half the
    total, one of the complements of ``S``, shorter
    (`_minimal_winning_by_complements`). When the quota is too large for a table
    (populations as weights), the windows are counted by meeting in the
    middle, in O(n 2^(n/2) log) steps.

    Raises:
        ComputationTooLargeError: The quota is too large for a table and there
            are too many players to meet in the middle.
    """
    return _count(game, minimal=True)


def losing_count(game: Game) -> int:
    """Return the number of losing coalitions (the empty one included).

    One table of the players' subsets by total below the quota, summed (or,
    when the quota is above half the total, of those weighing at most the
    total less the quota: the complements of the winning ones); or by
    meeting in the middle, as in `minimal_winning_count`.

    Raises:
        ComputationTooLargeError: As `minimal_winning_count`.
    """
    return _count(game, minimal=False)


def _count(game: Game, *, minimal: bool) -> int:
    if game.graded:
        if game.size > MEET_PLAYER_LIMIT:
            raise ComputationTooLargeError(
                "the number of coalitions",
                f"{game.size} players under a rule that counts members, more "
                f"than {MEET_PLAYER_LIMIT} to meet in the middle",
                "use iter_minimal_winning() to stream the coalitions instead",
            )
        return _meet_counts(game)[0 if minimal else 1]
    weights = game.weights[: game.active]
    zero_weight = game.size - game.active
    quota = game.quota
    if game.equal_weights:
        # Equal weights (a council of independents): k = ceil(quota / w) of
        # the n players win, and fewer lose; binomial coefficients count both.
        n, needed = len(weights), -(-quota // weights[0])
        if minimal:
            return math.comb(n, needed) if 0 < needed <= n else 0
        losing = sum(math.comb(n, size) for size in range(min(needed, n + 1)))
        return losing << zero_weight
    width = len(weights) + 1  # a count of subsets of n players needs n+1 bits
    if quota * width <= DENSE_BITS_LIMIT:
        if minimal:
            return _dense_minimal_winning(weights, quota)
        return _dense_losing(weights, quota) << zero_weight
    if len(weights) <= MEET_PLAYER_LIMIT:
        return _meet_counts(game)[0 if minimal else 1]
    raise ComputationTooLargeError(
        "the number of coalitions",
        f"the quota ({quota:,} after dividing by the seats' common divisor) "
        f"and {len(weights)} players make a table of {quota * width:,} bits, "
        f"above {DENSE_BITS_LIMIT:,}, and more than {MEET_PLAYER_LIMIT} "
        f"players to meet in the middle",
        "use iter_minimal_winning() to stream the coalitions instead",
    )


def _dense_minimal_winning(weights: tuple[int, ...], quota: int) -> int:
    complements = sum(weights) - quota + 1
    if complements <= 0:
        return 0  # not even everyone wins
    # The dual table, built lightest first, is short for most of its build;
    # the complements' table is as long as it will be from the start. Theirs
    # pays when it needs at most half the totals: the EU Council under Nice
    # (91 of 255) in 0.65x the time; the Electoral College's (269 of 270)
    # would take 1.3x.
    if 2 * complements <= quota:
        return _minimal_winning_by_complements(weights, quota, complements)
    return _minimal_winning_by_dual(weights, quota)


def _minimal_winning_by_dual(weights: tuple[int, ...], quota: int) -> int:
    """Count minimal winning coalitions from one dual table of ``quota`` totals.

    Players 1..n heaviest first; H_j is the table of the players before j
    and r_j the indicator of the window [quota - w_j, quota). The count is
    sum_j <H_j, r_j> = E_1[0], where E_(n+1) = 0 and
    E_j = r_j + adj(1 + x^(w_j)) E_(j+1) (Horner's rule; the adjoint of
    multiplying by x^w shifts down by w). Kept reversed, digit t holding
    E[quota - 1 - t], each step multiplies by 1 + x^(w_j) and adds ones to
    the low w_j digits: a table built lightest first, short for longest.
    """
    # The heaviest players, while they weigh less than the quota together,
    # are the lightest member of no minimal winning coalition: their ones
    # are never read, and the table need only be read at quota - 1 after
    # them, from the top down (`SubsetTable.digit_after`), or, for many
    # heavy players, as a product of digits (`PRODUCT_WORK`).
    heavy = 0
    for total in itertools.accumulate(weights):
        if total >= quota:
            break
        heavy += 1
    dual = SubsetTable(quota, empty_set=False)
    threshold = PRODUCT_WORK[bigint.backend()]
    if threshold is not None and heavy * (3 * len(weights) - heavy) > 4 * threshold:
        # Digit quota - 1 of the dual times the heavy players' own table
        # (without the ones), whose digits are as narrow as they are few.
        dual.add_all(weights[heavy:][::-1], ones=True)  # lightest first
        table = SubsetTable(quota)
        table.add_all(weights[:heavy])
        return sum(map(operator.mul, reversed(dual.entries()), table.entries()))
    dual.add_all(weights[heavy:][::-1], ones=True, later=heavy)  # lightest first
    return dual.digit_after(weights[:heavy], quota - 1)


def _minimal_winning_by_complements(
    weights: tuple[int, ...], quota: int, top: int
) -> int:
    """Count minimal winning coalitions from one table of ``top`` totals.

    A minimal winning coalition is its lightest member ``j`` and a set ``S``
    of the players before ``j`` (heaviest first), of total ``b_j``, with
    ``q - w_j <= w(S) < q``. The rest of those players then weigh
    ``b_j - q < b_j - w(S) <= b_j - q + w_j``, at most ``W - q`` in all: a
    window of the cumulative table of the players before ``j``, which
    needs ``top = W - q + 1`` totals rather than ``q`` (the EU Council
    under Nice: 91, not 255). Two digits are read per player, both near
    the window, and the table gains each player by a shift and an add.
    """
    digits = Digits(top, len(weights) + 1)  # cumulative counts reach 2^n
    width, cut = digits.width, digits.cut
    digit = (1 << width) - 1
    table = digits.ones  # the empty set weighs at most every total
    count = 0
    before = 0  # the weight of the players before this one
    for weight in weights:
        high = before - quota + weight
        if high >= 0:
            count += (table >> (high * width)) & digit
            if before >= quota:
                count -= (table >> ((before - quota) * width)) & digit
        if weight < top:
            table += cut(table, (top - weight) * width) << (weight * width)
        before += weight
    return int(count)


def _dense_losing(weights: tuple[int, ...], quota: int) -> int:
    complements = sum(weights) - quota + 1
    if complements < quota:
        # Fewer totals to the complements: a set wins when the rest of the
        # players weigh at most total - quota (none does if they fall short).
        winning = _subsets_below(weights, complements) if complements > 0 else 0
        return (1 << len(weights)) - winning
    return _subsets_below(weights, quota)


def _subsets_below(weights: tuple[int, ...], quota: int) -> int:
    light = weights[::-1]  # lightest first: short tables longest
    if len(light) < SPLIT_PLAYERS:
        table = SubsetTable(quota)
        table.add_all(light)
        return table.total()
    # Two tables of every other player, half as wide and about half as long
    # for most of their build; a losing coalition is a pair of sets, one
    # from each, weighing t and at most quota - 1 - t.
    halves = SubsetTable(quota), SubsetTable(quota)
    halves[0].add_all(light[0::2])
    halves[1].add_all(light[1::2])
    at_most = list(itertools.accumulate(halves[1].entries()))
    return sum(map(operator.mul, halves[0].entries(), reversed(at_most)))


def subsets_by_total(weights: list[int], limit: int) -> list[int] | None:
    """Return how many subsets of ``weights`` have each total ``0 .. limit - 1``.

    One packed table, as in the counting programmes above; ``None`` when the
    table would exceed ``DENSE_BITS_LIMIT`` bits, so that a caller can fall
    back to listing.
    """
    if limit <= 0:
        return []
    if limit * (len(weights) + 1) > DENSE_BITS_LIMIT:
        return None
    table = SubsetTable(limit)
    table.add_all(sorted(weights))  # lightest first: short tables longest
    return table.entries()
