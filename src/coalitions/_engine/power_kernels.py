"""Exact power-index tallies of a compiled game, by dynamic programming.

Every function here takes a [`Game`][coalitions._engine.game.Game] and returns one
integer (or Fraction) per player, in game order. Nothing lists coalitions.

Polynomials over seat totals are packed into single integers (Kronecker
substitution; Python's or GMP's, see `bigint`, and the tables of `packed`):
coefficient ``k`` sits in bits ``[k*B, (k+1)*B)``, so adding a player of
weight ``w`` to every subset is one shift and one add in C. ``B`` is chosen
so that no coefficient ever overflows into its neighbour. A window of
totals is read as two entries of *cumulative* counts (subsets weighing at
most ``k``), or as one entry of counts summed over the window.

References:
    Brams, S. J., and Affuso, P. J. (1976). Power and size: a new paradox.
    *Theory and Decision* 7, 29-56. (Banzhaf by generating functions.)
    Mann, I., and Shapley, L. S. (1962). *Values of Large Games VI: Evaluating
    the Electoral College Exactly*. RAND RM-3158. (Shapley-Shubik likewise.)
    Staudacher, J. et al. (2021). Computing power indices for weighted voting
    games via dynamic programming. *Operations Research and Decisions* 31(2).
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from typing import Literal

import attrs

from coalitions._engine import bigint, packed
from coalitions._engine.game import Game, players_by_weight
from coalitions._engine.packed import Digits, SubsetTable

#: Rows of at least this many 64-bit words (totals x words a digit) are
#: read by gathering digits (`packed.without_one`); shorter ones by dividing
#: whole rows (`Table.without_one`), which costs less while rows are short,
#: and with GMP's integers, which divide rows three times as fast. Measured
#: on random games of 27 to 200 players.
GATHER_WORDS: dict[bigint.Backend, int] = {"python": 4000, "gmp": 12000}


def gathers(top: int, players: int) -> bool:
    """Whether `critical_tallies` reads rows of ``top`` totals by gathering."""
    return top * packed.digit_words(players) >= GATHER_WORDS[bigint.backend()]


def _digit(table: int, index: int, width: int) -> int:
    """Return coefficient ``index`` of a packed polynomial (0 below index 0)."""
    if index < 0:
        return 0
    return (table >> (index * width)) & ((1 << width) - 1)


def swings(game: Game) -> list[int]:
    """Return each player's number of swings (Banzhaf's eta).

    A swing of ``i`` is a coalition ``S`` without ``i`` that loses, while
    ``S + i`` wins: ``quota - w_i <= w(S) < quota``. With ``G[k]`` the number
    of subsets (of everyone) with total at most ``k``, from one packed table
    built with a shift and an add per player (`SubsetTable`), the same table
    without player ``i`` obeys ``G'[k] = G[k] - G'[k - w_i]``, that is

        G'[k] = G[k] - G[k - w] + G[k - 2w] - ...   (w = w_i)

    and the swings are ``G'[q - 1] - G'[q - 1 - w] = 2 G'[q - 1] - G[q - 1]``:
    each distinct weight costs O(quota / w) entries of ``G`` (`Cumulative`).

    When the quota is above half the total weight ``W``, the others' sets
    are counted by their complements instead: ``S`` is a swing when the
    rest, ``T``, weighs ``W - q - w_i < w(T) <= W - q``, so the table stops
    at ``W - q``, shorter than the quota (the EU Council under Nice: 91
    totals instead of 255).
    """
    quota, n = game.quota, game.size
    if quota <= 0:
        return [0] * n  # every coalition wins: nobody turns one
    if game.equal_weights:
        return _equal_swings(game)
    # The swings are the others' sets weighing in (read - w, read]: below
    # the quota, or (their complements) at most W - q.
    read = min(quota - 1, game.total - quota)
    table = SubsetTable(read + 1, unpacked=True)
    table.add_all(game.weights[::-1])  # lightest first: short tables longest
    of_weight = table.cumulative().windows(read, set(game.weights))
    return [of_weight[weight] for weight in game.weights]


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

    As for the swings (`swings`), a quota above half the total weight ``W``
    counts the complements instead, sets of the others weighing at most
    ``W - q``: a swing ``S`` of ``s`` players has a complement of
    ``n - 1 - s``, and ``s! (n - s - 1)!`` is the same for both.
    """
    quota, n = game.quota, game.size
    if quota > 0 and game.can_win and game.equal_weights:
        # Equal players are symmetric and share all the power; weightless
        # ones are dummies.
        share = Fraction(1, game.active)
        return [share] * game.active + [Fraction(0)] * (n - game.active)
    # The swings' sets (or their complements) weigh in (read - w, read].
    read = min(quota - 1, game.total - quota)
    width = n + 2  # cumulative counts of subsets of one size stay below 2^n
    table = Table(read + 1, width)
    mask = bigint.low_bits((read + 1) * width)
    # Rows of sizes whose every set weighs more than `read` are dropped as
    # they empty: no larger set weighs less.
    by_size = [table.ones]
    for weight in game.weights:
        if weight <= read:  # a heavier player is never in a set read
            table.add(by_size, weight)
    largest = len(by_size) - 1
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
            count = _digit(current, read, width) - _digit(current, read - weight, width)
            numerator += count * factorial[size] * factorial[n - size - 1]
            previous = current
        value = Fraction(int(numerator), factorial[n])
        for player in players:
            result[player] = value
    return result


def critical_tallies(
    game: Game,
    score: Callable[[int], int],
    *,
    minimal_only: bool,
    gathered: bool | None = None,
) -> list[int]:
    """Sum ``score(critical members)`` over the coalitions where a player is critical.

    A member ``j`` of a winning coalition ``S`` is *critical* when ``S - j``
    loses, that is when ``w_j`` exceeds the surplus ``w(S) - quota``. Take the
    distinct weights ``v_1 > v_2 > ... > v_d`` (and ``v_{d+1} = 0``). A
    surplus in ``[v_{c+1}, v_c)`` makes exactly the members of weight ``v_c``
    or more critical: call those players *heavy* (``K_c``) and the rest
    light. So for a heavy player ``i`` of weight ``v``::

        tally_i = sum over c, k of score(k + 1) * #{T in K_c - i, |T| = k,
                  L light: q + v_{c+1} <= v + w(T) + w(L) < q + v_c}

    With ``minimal_only`` only ``L`` empty counts: every member critical,
    that is the minimal winning coalitions (``score(k) = 1`` counts them per
    member, Holler; ``score(k) = lcm / k`` gives Deegan-Packel's sums).
    Without it, ``score(k) = lcm / k`` gives Johnston's sums and
    ``score(k) = 1`` the swings.

    The table of ``K_c`` (with the light players' weights folded in, when
    they count) is kept by size, each row a packed polynomial of counts by
    total below ``quota + v_1`` (below the quota with ``minimal_only``); per
    class each row is summed over the class's window of totals once
    (`Digits.window`), so that a window is one digit. Per heavy weight
    ``v``, ``i`` is taken out as if dividing by
    ``1 + y x^v``, but only the window is read: on short rows by dividing
    whole rows (`Table.without_one`), on long ones by gathering the few
    digits the window depends on (`packed.without_one`); ``gathered``
    forces one or the other. O(d^2 n) row operations in all, plus O(n^2)
    to build the tables, with digits ``n + 2`` bits wide, rounded up to
    words (scores are applied to the counts read out, not carried in the
    tables); with ``minimal_only``, only as wide as the heavy players need,
    widened as classes join.

    With ``minimal_only`` on rows that are not gathered, the minimal
    winning coalitions are counted by their lightest member instead
    (`_minimal_by_lightest`: O(d n) row operations), while its tables fit
    in `LIGHTEST_BITS_LIMIT`.
    """
    quota, n, weights = game.quota, game.size, game.weights
    multiplicity = Counter(weight for weight in weights if weight > 0)
    classes = sorted(multiplicity, reverse=True)
    if quota <= 0 or not classes:
        return [0] * n  # nobody is ever critical
    top, route = critical_plan(game, minimal_only=minimal_only, gathered=gathered)
    # Rows read by gathering have digits of whole 64-bit words.
    gather = route == "gathered"
    unit = 8 if gather else 1
    scores = [0] + [score(k) for k in range(1, n + 1)]
    if route in ("lightest", "unwound"):
        return _minimal_by_lightest(game, scores, kept=route == "lightest")
    tallies: dict[int, int] = {}

    def tally_surplus(table: Table, rows: list[int], index: int) -> None:
        """Add the coalitions whose surplus lies in ``[v_{c+1}, v_c)``."""
        high = classes[index]
        low = classes[index + 1] if index + 1 < len(classes) else 0
        heavy = [w for w in classes[: index + 1] for _ in range(multiplicity[w])]
        if minimal_only and sum(heavy) < quota + low:
            return  # the heavy players together fall short
        # The lightest k heavy players weigh lightest[k - 1]: more of them than
        # `stop` weigh too much for the window, and their rows are not read.
        lightest = list(itertools.accumulate(reversed(heavy)))
        # Digit t of a window row counts the sets weighing in
        # (t - (high - low), t]: the window for a player of weight v is
        # its digit quota + high - v - 1.
        reach = bisect.bisect_left(lightest, quota + high - classes[index])
        windows = [table.window(row, high - low) for row in rows[: reach + 1]]
        size = table.width // 64
        words = [packed.words(row, top, 8 * size) for row in windows] if gather else []
        for weight in classes[: index + 1]:
            last = quota + high - weight  # the rest weighs in [last - gap, last)
            if last <= 0:
                continue
            stop = bisect.bisect_left(lightest, last)
            if gather:
                counts = packed.without_one(words[: stop + 1], last - 1, weight, size)
            else:
                counts = table.without_one(windows[: stop + 1], last - 1, weight)
            tally = sum(map(operator.mul, scores[1 : len(counts) + 1], counts))
            tallies[weight] = tallies.get(weight, 0) + tally

    if minimal_only:
        # Counts of sets of heavy players need only as many bits as there
        # are heavy players (and two): digits widen as classes join.
        table = Table(top, 8 * unit, unit=unit)
        rows = [bigint.low_bits(1)]  # the empty set
        heavy = 0
        for index, weight in enumerate(classes):
            heavy += multiplicity[weight]
            table = table.widened(rows, heavy + 2)
            for _ in range(multiplicity[weight]):
                table.add(rows, weight)
            tally_surplus(table, rows, index)
    else:
        # Counts of sets of one size stay below 2^n. Weightless players are
        # always light: each doubles every count.
        table = Table(top, 64 * packed.digit_words(n) if gather else n + 2)
        rows = [bigint.low_bits(1) << (n - game.active)]
        for weight in classes:
            for _ in range(multiplicity[weight]):
                table.add(rows, weight)
        for index in range(len(classes) - 1, -1, -1):
            tally_surplus(table, rows, index)
            for _ in range(multiplicity[classes[index]]):
                table.make_light(rows, classes[index])
    return [tallies.get(weight, 0) if weight > 0 else 0 for weight in weights]


#: Most bits `_minimal_by_lightest` keeps to read its tables at each class's
#: first player as they were built: one table by size per distinct weight
#: (16 MiB). Past it they are unwound from the last table.
LIGHTEST_BITS_LIMIT = 1 << 27

#: Most bits of the tables `_minimal_by_lightest` holds at once while
#: unwinding them (128 MiB).
UNWOUND_BITS_LIMIT = 1 << 30

#: The time of a bit operation on rows, against gathering digits (array work,
#: alike with either integers), relative to its estimate. Measured on 100
#: players (Deegan-Packel unwound against gathered): 0.70 s against 0.57 s
#: with Python's integers, 0.28 s against 0.63 s with GMP's.
ROW_TIME_AGAINST_GATHERING: dict[bigint.Backend, int] = {"python": 2, "gmp": 1}

#: How `critical_tallies` reads its tables: by lightest member (the tables
#: kept, or unwound), by gathering digits of long rows, or by dividing
#: short rows.
CriticalRoute = Literal["lightest", "unwound", "gathered", "divided"]


def critical_plan(
    game: Game, *, minimal_only: bool, gathered: bool | None = None
) -> tuple[int, CriticalRoute]:
    """The totals `critical_tallies` keeps, and how it reads its tables.

    Totals that matter are below the quota for the heavy part of a minimal
    winning coalition, which still lacks its lightest member, and below the
    quota plus the heaviest weight otherwise. Minimal winning coalitions on
    rows that are not gathered go by their lightest member while its
    ``distinct + 1`` tables by size fit in `LIGHTEST_BITS_LIMIT`; past it,
    by their lightest member with the tables unwound where that is estimated
    to be quicker (`critical_cost`, and `ROW_TIME_AGAINST_GATHERING`) and
    fits in `UNWOUND_BITS_LIMIT`.
    ``gathered`` forces gathering or dividing.
    """
    n, heaviest = game.size, max(game.weights, default=0)
    top = game.quota if minimal_only else game.quota + heaviest
    gather = gathers(top, n) if gathered is None else gathered
    route: CriticalRoute = "gathered" if gather else "divided"
    if not minimal_only:
        return top, route
    distinct = len(set(game.weights[: game.active]))
    if not gather and (distinct + 1) * (n + 1) * top * (n + 2) <= LIGHTEST_BITS_LIMIT:
        return top, "lightest"
    if gathered is not None or critical_bits(game, top, "unwound") > UNWOUND_BITS_LIMIT:
        return top, route
    unwound = critical_cost(game, top, "unwound", minimal_only=True)
    if gather:
        unwound *= ROW_TIME_AGAINST_GATHERING[bigint.backend()]
    if unwound < critical_cost(game, top, route, minimal_only=True):
        return top, "unwound"
    return top, route


def critical_cost(
    game: Game, top: int, route: CriticalRoute, *, minimal_only: bool
) -> int:
    """The estimated work of `critical_tallies` by ``route``, in bit operations.

    Packed row operations, each over the table's ``top`` totals: building
    the table by size and turning players light one by one (Johnston only);
    then, per pair of surplus class and heavier weight, over about 0.7 of
    the rows, one division of each row or, on long rows, one gathering of
    its digits: about 150,000 bit operations' time, and 400 per word copied
    (power benchmark). By lightest member: about twelve operations per row
    and distinct weight, and, unwound, the players taken out again.
    """
    active, distinct = game.active, len(set(game.weights[: game.active]))
    built = active * active // 2 + (0 if minimal_only else active * active)
    read = 7 * distinct * (distinct + 1) * active // 20
    width = game.size + 2
    if route in ("lightest", "unwound"):
        unwound = built if route == "unwound" else 0
        return (built + unwound + 12 * distinct * active * 7 // 10) * top * width
    if route == "divided":
        return (built + read) * top * width
    words = packed.digit_words(game.size)
    return built * top * 64 * words + read * (150_000 + 400 * words * active // 2)


def critical_bits(game: Game, top: int, route: CriticalRoute) -> int:
    """The bits of the tables `critical_tallies` holds by ``route``.

    A row per coalition size, digits of ``n + 2`` bits (whole words if the
    rows are read by gathering); by lightest member, one such table per
    distinct weight, or (unwound) six at once.
    """
    width, rows = game.size + 2, game.active + 1
    if route == "lightest":
        distinct = len(set(game.weights[: game.active]))
        return (distinct + 1) * rows * top * width
    if route == "unwound":
        return 6 * rows * top * width
    if route == "gathered":
        width = 64 * packed.digit_words(game.size)
    return rows * top * width


def _minimal_by_lightest(game: Game, scores: list[int], *, kept: bool) -> list[int]:
    """`critical_tallies` of the minimal winning coalitions, by their lightest member.

    As in `minimal_counts`, with the tables kept by coalition size: ``Q_j``
    has a row per size ``k``, the cumulative counts of the ``k``-sets of
    the players before ``j`` (heaviest first). A player ``i`` scores
    ``score(k + 1)`` for each ``k``-set before it in the window
    ``[q - w_i, q)`` (``i`` the lightest member), and, for each lighter
    ``j``, ``score(u + 2)`` for each ``u``-set ``U`` before ``j`` without
    ``i`` such that ``U + i`` is in ``j``'s window: ``C_i``, the sum over
    ``j > i`` of the windows ``W_j = Q_j - x^(w_j) Q_j``, divided by
    ``1 + y x^(w_i)`` (`Table.without_one`) and read at ``q - 1 - w_i``.
    The ``Q_j`` of a weight class sum to ``(Q_next - Q_first) / (y x^w)``
    (one size down, ``w`` totals down), exact below ``q - w``, which is
    all that is read; rows may hold anything above that (even negative
    numbers: digits are read in two's complement, exact below). The tables
    are kept at each class's first player (or, not ``kept``, unwound from
    the last table by taking the players out again, `Table.remove`: no more
    tables held than a few), then the classes are read lightest first,
    summing the ``W_j`` of the classes read: O(n^2) row operations to build
    (and unwind), O(d n) to read, against O(d^2 n) by surplus class.
    """
    quota, n, weights = game.quota, game.size, game.weights
    multiplicity = Counter(weights[: game.active])  # heaviest first
    # A player who wins alone is only in the coalition of itself.
    tallies = dict.fromkeys(multiplicity, scores[1])
    classes = [weight for weight in multiplicity if weight < quota]
    scores = [*scores, 0]  # no coalition has n + 1 members
    table = Table(quota, n + 2)
    width, digit = table.width, (1 << table.width) - 1
    following = [table.ones]  # Q_0: the empty set, at every total
    firsts = []  # Q at each class's first player, if kept
    for weight in classes:
        if kept:
            firsts.append(list(following))
        for _ in range(multiplicity[weight]):
            table.add(following, weight)
    top = (quota - 1) * width
    later: list[int] = []  # the W_j of the classes read, by size
    for weight in reversed(classes):
        # Q at the class's first player, from Q at the next class's first.
        if kept:
            first = firsts.pop()
        else:
            first = list(following)
            for _ in range(multiplicity[weight]):
                table.remove(first, weight)
        shift, read = weight * width, (quota - 1 - weight) * width
        own = sum(
            scores[k + 1] * int(((row >> top) & digit) - ((row >> read) & digit))
            for k, row in enumerate(first)
        )
        # The class's sum of Q_j, a size down; its windows, and i's own.
        spanned = [
            (after - before) >> shift
            for after, before in itertools.zip_longest(
                following[1:], first[1:], fillvalue=0
            )
        ]
        windows = [row - (row << shift) for row in spanned]
        later = [a + b for a, b in itertools.zip_longest(later, windows, fillvalue=0)]
        rest = [
            a - (b - (b << shift))
            for a, b in itertools.zip_longest(later, first, fillvalue=0)
        ]
        counts = table.without_one(rest, quota - 1 - weight, weight)
        heavier = sum(map(operator.mul, scores[2 : len(counts) + 2], counts))
        tallies[weight] = own + heavier
        following = first
    return [tallies.get(weight, 0) for weight in weights]


@attrs.frozen
class Table(Digits):
    """Packed rows by coalition size of counts by total weight.

    Row ``k`` holds, in digit ``t`` (``width`` bits, ``t < top``), the
    number of sets of ``k`` players weighing ``t`` or, if the rows started
    from every digit 1 (`Digits.ones`), at most ``t``.

    Attributes:
        unit: Digits are widened to whole multiples of this many bytes (8,
            whole words, for rows read by `packed.without_one`).
    """

    unit: int = 1

    def widened(self, rows: list[int], bits: int) -> Table:
        """A table with digits of at least ``bits`` bits; the rows repacked in place.

        Digits are whole multiples of ``unit`` bytes (`packed.wider`), so
        that rows are repacked from their bytes (`packed.widen`).
        """
        size = self.width // 8
        new = self.unit * -(-packed.wider(size, bits) // self.unit)
        if new == size:
            return self
        rows[:] = [packed.widen(row, self.top, size, new) for row in rows]
        return Table(self.top, 8 * new, unit=self.unit)

    def add(self, rows: list[int], weight: int) -> None:
        """Multiply by ``1 + y x^weight``: a player joins, one size up."""
        rows.append(0)
        below = bigint.low_bits(max(self.top - weight, 0) * self.width)
        shift = weight * self.width
        for size in range(len(rows) - 1, 0, -1):
            rows[size] += (rows[size - 1] & below) << shift
        _trim(rows)

    def without_one(self, rows: list[int], total: int, weight: int) -> list[int]:
        """As `packed.without_one`, by dividing the rows by ``1 + y x^weight``.

        Each row of the table without the player is its row less the row
        below shifted by ``weight``: three operations on whole rows per
        size, cheaper than gathering digits while rows are short.
        """
        digit = (1 << self.width) - 1
        shift, read = weight * self.width, total * self.width
        # Totals from total + 1 - weight up, shifted, pass the one read.
        keep = bigint.low_bits(max(total + 1 - weight, 0) * self.width)
        counts = []
        previous = 0  # the row one size down, without the player
        for row in rows:
            previous = row - ((previous & keep) << shift)
            counts.append(int((previous >> read) & digit))
        return counts

    def remove(self, rows: list[int], weight: int) -> None:
        """Divide by ``1 + y x^weight``: a player leaves (`add` undone).

        Row ``k`` without the player is its row less row ``k - 1`` without
        the player, shifted: exact below the top, which only lower totals
        reach.
        """
        previous = 0
        for size, row in enumerate(rows):
            previous = row - self.shifted(previous, weight)
            rows[size] = previous
        _trim(rows)

    def make_light(self, rows: list[int], weight: int) -> None:
        """Turn a heavy player light: divide by ``1 + y x^w``, times ``1 + x^w``."""
        self.remove(rows, weight)
        for size, row in enumerate(rows):
            rows[size] = row + self.shifted(row, weight)


def _trim(rows: list[int]) -> None:
    """Drop rows that are zero below the top (no set of that size is light enough)."""
    while len(rows) > 1 and not rows[-1]:
        rows.pop()


def minimal_counts_cost(players: int, distinct: int, quota: int) -> int:
    """The estimated work of `minimal_counts`, in bit operations.

    Three operations on the table per player (a cut, a shift and an add of
    ``quota`` digits, as wide as `packed.read_width` makes them) and about
    ten per distinct weight, with the alternating sum read from its digits
    as an array; plus a fixed cost per distinct
    weight (about 30,000). Measured with the power benchmark on the
    Electoral College, the EU Council and 100 and 400 players.
    """
    width = packed.read_width(players + players.bit_length())
    return (3 * players + 10 * distinct) * quota * width + 30_000 * distinct


def minimal_counts(game: Game) -> list[int]:
    """Return how many minimal winning coalitions each player belongs to.

    Number the players with weight heaviest first. A coalition whose last
    (lightest) member is ``j`` is minimal winning when it loses without
    ``j``: it is ``j`` and a set ``T`` of the players before ``j`` with
    ``q - w_j <= w(T) < q``. With ``Q_j`` the cumulative table of the sets
    of players before ``j`` (digit ``t``: the sets weighing at most ``t``),
    those sets number ``W_j[q - 1]``, where ``W_j = Q_j - x^(w_j) Q_j``
    counts sets by windows of ``w_j`` totals. So a player ``i`` is in

    - ``W_i[q - 1]`` coalitions as their lightest member, and
    - as a heavier one, in those of every later ``j``: the sets before
      ``j`` that hold ``i`` and weigh ``q - w_j - w_i <= w(T - i) <
      q - w_i``, which is ``C_i = sum over j > i of W_j`` divided by
      ``1 + x^(w_i)`` (taking ``i`` out), read at ``q - w_i - 1``: one
      alternating sum.

    The windows are summed as the classes are read, lightest first, since
    ``W_j = 2 Q_j - Q_(j+1)``: a class of one player adds its own; the
    ``Q_j`` of a class of several of weight ``w`` sum to
    ``(Q_next - Q_first) / x^w`` (their products telescope), exact below
    ``q - w``, which is all that is read, and their windows to that plus
    ``Q_first - Q_next``. Players of equal weight have
    equal counts, so the table is kept at each class's first player only:
    O(n) shifts and adds of ``quota``-digit tables, and O(d) more and one
    alternating sum per distinct weight (with GMP's integers, folded in
    place, `Digits.alternating`; with Python's, read from the row's words).
    """
    quota, n, weights = game.quota, game.size, game.weights
    if quota <= 0 or not game.can_win:
        return [0] * n
    players = game.active
    multiplicity = Counter(weights[:players])  # heaviest first, as the weights
    # A player who wins alone is only in the coalition of itself.
    counts = dict.fromkeys(multiplicity, 1)
    classes = [weight for weight in multiplicity if weight < quota]
    # Cumulative counts reach 2^players; their sums over players, n times that.
    width = packed.read_width(players + players.bit_length())
    size = max(width // 64, 1)  # elements of a row read per digit
    digits = Digits(quota, width)
    width, cut = digits.width, digits.cut
    table = digits.ones  # Q_0: the empty set weighs at most every total
    firsts = []  # Q at each class's first player
    for weight in classes:
        firsts.append(table)
        below, shift = (quota - weight) * width, weight * width
        for _ in range(multiplicity[weight]):
            table += cut(table, below) << shift
    top, digit = (quota - 1) * width, (1 << width) - 1
    # GMP cuts without a mask, so folding a row to read it beats converting
    # it to words (0.84-0.93 of the time for 20 to 51 players); Python's
    # integers would make a mask for each fold (1.1-1.14).
    fold = bigint.backend() == "gmp"
    windows = 0  # the W_j of the players after a class: 2 Q_j - Q_(j+1)
    following = table  # Q at the next class's first player
    while firsts:  # lightest class first, each table let go once read
        weight, first = classes[len(firsts) - 1], firsts.pop()
        read = quota - weight  # digits below this are exact
        shift = weight * width
        lightest = (first >> top) - ((first >> (top - shift)) & digit)  # W_i[q-1]
        if multiplicity[weight] == 1:
            rest = windows  # C_i: no other player of the weight
            windows += (first << 1) - following
        else:
            # The class's Q_j, and with them its W_j: C_i is those of the
            # class and after, less i's own (Q_(i+1) - Q_i = x^w Q_i), exact
            # below the digits read (GMP's integers cut what is not read).
            spanned = (following - first) >> shift
            common = windows + spanned - following
            if read <= weight:  # x^w Q_i lies wholly above the digits read
                rest = common
            elif fold:
                rest = common + (cut(first, (read - weight) * width) << shift)
            else:
                rest = common + (first << shift)
            windows = common + first
        if fold and digits.folds(players + players.bit_length(), read, weight):
            heavier = digits.alternating(rest, read, weight)
        else:
            row = packed.low_words(rest, read, width // 8)
            heavier = packed.alternating_sum(row, read - 1, weight, size)
        counts[weight] = int(lightest) + heavier
        following = first
    return [counts.get(weight, 0) for weight in weights]
