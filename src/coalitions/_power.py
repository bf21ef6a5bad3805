"""Voting power: exact power indices of a council's parties, and their registry.

Each index maps party names (in council order) to an exact ``Fraction``.
They are computed on the council's compiled game by the quickest of three
methods, by estimated time: dynamic programming over seat totals
(`_engine.power_kernels`), meeting in the middle over the subset sums of two
halves of the parties (`_engine.meet`: up to about 36 parties, weights of
any size, such as populations), or listing the winning coalitions (a
handful of parties). When all three are out of reach the call refuses with
[`ComputationTooLargeError`][coalitions.exceptions.ComputationTooLargeError],
naming the cheapest estimate. Nothing is ever approximated.
"""

from __future__ import annotations

import functools
import itertools
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal, cast

import attrs

from coalitions._engine import bigint, meet, packed, power_kernels
from coalitions._engine.enumerate import MEET_PLAYER_LIMIT, iter_winning_masks
from coalitions._engine.game import Game, game_of
from coalitions._engine.ratio import ratio, ratios
from coalitions._model import Council
from coalitions.exceptions import (
    ComputationTooLargeError,
    InvalidValueError,
    NoWinningCoalitionError,
)

__all__ = [
    "POWER_INDICES",
    "PowerIndex",
    "banzhaf",
    "deegan_packel",
    "johnston",
    "power_note",
    "public_good",
    "public_good_counts",
    "shapley_shubik",
    "swings",
]

Method = Literal["auto", "dynamic", "meet", "enumeration"]
_METHODS = ("auto", "dynamic", "meet", "enumeration")

#: Largest dynamic programme run, in bit operations on packed tables: about
#: 25 seconds of work with Python's integers on a small machine, under 10
#: with GMP's (docs/performance.md). Past it, few parties are enumerated or
#: met in the middle, and many are refused.
DYNAMIC_WORK_LIMIT = 4 * 10**11
#: Largest table kept by coalition size (Shapley-Shubik, Deegan-Packel,
#: Johnston), or of whole words (the public good index), in bits: 512 MiB.
#: Larger ones are refused like work past the limit, before anything is
#: allocated.
TABLE_BITS_LIMIT = 1 << 32
#: Most parties for which power is computed by listing winning coalitions,
#: when seat numbers are too large for dynamic programming.
ENUMERATION_PLAYER_LIMIT = 22
#: Bit operations of the dynamic programmes that take as long as one unit of
#: listing (one player of one subset, in Python). With this scale and
#: `MEET_SCALE` a unit of estimated time takes 0.06-0.14 ns by every method on
#: games of 12-24 parties (`benchmarks/bench_population.py`, the table in
#: docs/performance.md).
ENUMERATION_SCALE = 7000
#: Most work of meeting in the middle, in Python steps (one binary search
#: over a half's sums): about a minute.
MEET_WORK_LIMIT = 5 * 10**8
#: Bit operations of the dynamic programmes that take as long as one step of
#: meeting in the middle (one binary search over a half's sums); calibrated
#: with `ENUMERATION_SCALE`.
MEET_SCALE = 1600


@attrs.frozen
class _Tallies:
    """What every index is computed from, per player in game order."""

    swings: list[int]
    shapley_shubik: list[Fraction]
    minimal_counts: list[int]
    minimal_shares: list[Fraction]  # sum over MWCs S containing i of 1/|S|
    johnston: list[Fraction]  # sum over winning S with i critical of 1/crit(S)


def _swings_top(game: Game) -> int:
    """Totals in the swings' table: below the quota, or to ``W - q`` if fewer."""
    return max(min(game.quota, game.total - game.quota + 1), 1)


def _swings_cost(game: Game) -> int:
    n, top = game.size, _swings_top(game)
    if game.equal_weights:
        return n * n  # binomial coefficients, no table
    # One shift per player to build the table (with digits half as wide as
    # the last ones, on average), unpacking it (about 3,000 bit operations'
    # time per entry), and top / w entries summed per distinct weight w
    # (about 300 each).
    width = n + 2
    entries = sum(top // weight + 1 for weight in set(game.weights) - {0})
    return (n * width // 2 + 3000) * top + 300 * entries


def _swings_bits(game: Game) -> int:
    if game.equal_weights:
        return 0  # binomial coefficients, no table
    # Digits of whole bytes, widened past n + 2 bits by at most two bytes.
    return _swings_top(game) * 8 * (-(-(game.size + 2) // 8) + 2)


def _shapley_shubik_cost(game: Game) -> int:
    n = game.size
    if game.equal_weights:
        return n  # equal players: 1/n each, by symmetry
    # A shift per party and coalition size to build the table, and as many
    # per distinct seat size to take a party out.
    distinct = len(set(game.weights[: game.active]))
    return (n * n // 2 + distinct * n) * _swings_top(game) * (n + 2)


def _shapley_shubik_bits(game: Game) -> int:
    if game.equal_weights:
        return 0  # equal players: by symmetry, no table
    # A row per size of the sets read (below the quota, or their complements).
    top = _swings_top(game)
    active = sorted(game.weights[: game.active])
    sizes = sum(1 for total in itertools.accumulate(active) if total < top)
    return (sizes + 1) * top * (game.size + 2)


def _minimal_counts_cost(game: Game) -> int:
    distinct = len(set(game.weights[: game.active]))
    return power_kernels.minimal_counts_cost(game.size, distinct, game.quota)


def _minimal_counts_bits(game: Game) -> int:
    # A table per distinct weight, and a few being read.
    distinct = len(set(game.weights[: game.active]))
    width = packed.read_width(game.size + game.size.bit_length())
    return (distinct + 4) * game.quota * width


def _critical_cost(game: Game, *, minimal_only: bool) -> int:
    top, route = power_kernels.critical_plan(game, minimal_only=minimal_only)
    return power_kernels.critical_cost(game, top, route, minimal_only=minimal_only)


def _critical_bits(game: Game, *, minimal_only: bool) -> int:
    top, route = power_kernels.critical_plan(game, minimal_only=minimal_only)
    return power_kernels.critical_bits(game, top, route)


def _no_table(game: Game) -> int:
    return 0


def _enumeration_cost(game: Game) -> int:
    return game.size << game.size


def _meet_swings_cost(game: Game) -> int:
    return meet.cost(game, len(set(game.weights)))


def _meet_minimal_cost(game: Game) -> int:
    # One window count per pair (player, lightest member), over fewer
    # players for lighter members: about n^2/12 full-size counts (measured).
    return meet.cost(game, game.size * game.size // 12 + 1)


@attrs.frozen
class _Kernel:
    """One way to compute a tally, with what it costs.

    Attributes:
        method: ``"dynamic"`` or ``"enumeration"``, as ``method=`` names it.
        cost: Estimated work on a game, in the units of ``limit``.
        limit: The most work run without being asked to.
        run: The computation: a game in, one value per player out.
        scale: What one unit of ``cost`` takes, in the dynamic programmes'
            bit operations, so that methods can be compared by time.
        table_bits: The bits of the tables it would hold on a game; past
            `TABLE_BITS_LIMIT` it is refused even when asked for.
    """

    method: str
    cost: Callable[[Game], int]
    limit: int
    run: Callable[[Game], list[Any]]
    scale: int = 1
    table_bits: Callable[[Game], int] = _no_table

    def refusal(self, game: Game, *, asked: bool) -> str | None:
        """Why this way is out of reach on ``game`` (``None``: it is not).

        Memory is never exhausted; work past the limit runs when ``asked``.
        """
        cost = self.cost(game)
        if cost > self.limit and not asked:
            return f"needs about {cost:,} steps, above its limit of {self.limit:,}"
        bits = self.table_bits(game)
        if bits > TABLE_BITS_LIMIT:
            return (
                f"needs tables of about {bits >> 23:,} MiB, above "
                f"{TABLE_BITS_LIMIT >> 23:,} MiB"
            )
        return None

    def time(self, game: Game) -> int:
        """The estimated time on ``game``, in bit operations."""
        return self.cost(game) * self.scale


def _enumerated(pick: Callable[[_Tallies], list[Any]]) -> _Kernel:
    return _Kernel(
        "enumeration",
        _enumeration_cost,
        _enumeration_cost(Game((1,) * ENUMERATION_PLAYER_LIMIT, 1, ())),
        lambda game: pick(_by_enumeration(game)),
        ENUMERATION_SCALE,
    )


def _critical_shares(*, minimal_only: bool) -> Callable[[Game], list[Fraction]]:
    """Sum ``1/k`` over coalitions where a player is one of ``k`` critical members.

    Deegan-Packel's sums (minimal winning coalitions only) and Johnston's
    (every winning coalition), exactly: scaled by lcm(1..n) to stay integers.
    """

    def shares(game: Game) -> list[Fraction]:
        scale = math.lcm(*range(1, game.size + 1)) if game.size else 1
        sums = power_kernels.critical_tallies(
            game, lambda k: scale // k, minimal_only=minimal_only
        )
        # Players of equal weight have equal sums: one fraction each.
        fractions = ratios(sums, scale)
        return [fractions[total] for total in sums]

    return shares


def _ways(
    cost: Callable[[Game], int],
    run: Callable[[Game], list[Any]],
    pick: Callable[[_Tallies], list[Any]],
    *,
    bits: Callable[[Game], int],
    meet_cost: Callable[[Game], int] | None = None,
    meet_run: Callable[[Game], list[Any]] | None = None,
) -> tuple[_Kernel, ...]:
    """The dynamic programme, meeting in the middle and listing, with costs."""
    ways = [_Kernel("dynamic", cost, DYNAMIC_WORK_LIMIT, run, table_bits=bits)]
    if meet_cost is not None and meet_run is not None:
        ways.append(_Kernel("meet", meet_cost, MEET_WORK_LIMIT, meet_run, MEET_SCALE))
    return (*ways, _enumerated(pick))


#: How each tally can be computed: the dynamic programme over seat totals,
#: meeting in the middle (not for Johnston, whose critical members depend on
#: each coalition's surplus), or listing every winning coalition. Of those
#: within their limits the quickest by estimated time runs: listing for a
#: handful of parties with huge seat numbers, meeting in the middle for a few
#: dozen, the programme otherwise.
_KERNELS: Mapping[str, tuple[_Kernel, ...]] = {
    "swings": _ways(
        _swings_cost,
        power_kernels.swings,
        lambda t: t.swings,
        bits=_swings_bits,
        meet_cost=_meet_swings_cost,
        meet_run=meet.swings,
    ),
    "shapley_shubik": _ways(
        _shapley_shubik_cost,
        power_kernels.shapley_shubik,
        lambda t: t.shapley_shubik,
        bits=_shapley_shubik_bits,
        meet_cost=_meet_swings_cost,
        meet_run=meet.shapley_shubik,
    ),
    "minimal_counts": _ways(
        _minimal_counts_cost,
        power_kernels.minimal_counts,
        lambda t: t.minimal_counts,
        bits=_minimal_counts_bits,
        meet_cost=_meet_minimal_cost,
        meet_run=meet.minimal_counts,
    ),
    "deegan_packel": _ways(
        functools.partial(_critical_cost, minimal_only=True),
        _critical_shares(minimal_only=True),
        lambda t: t.minimal_shares,
        bits=functools.partial(_critical_bits, minimal_only=True),
        meet_cost=_meet_minimal_cost,
        meet_run=meet.minimal_shares,
    ),
    "johnston": _ways(
        functools.partial(_critical_cost, minimal_only=False),
        _critical_shares(minimal_only=False),
        lambda t: t.johnston,
        bits=functools.partial(_critical_bits, minimal_only=False),
    ),
}


def _choose(
    council: Council, game: Game, method: str, tally: str, title: str
) -> _Kernel:
    if method not in _METHODS:
        raise InvalidValueError("method", method, f"one of {', '.join(_METHODS)}")
    if not game.can_win:
        raise NoWinningCoalitionError(title, council.quota, council.declared)
    quickest = _quickest(game, tally, method, bigint.backend())
    if quickest is not None:
        return quickest
    kernels = _offered(game, tally, method)
    if not kernels:
        offered = ", ".join(kernel.method for kernel in _offered(game, tally, "auto"))
        raise InvalidValueError("method", method, f"for {title}: one of {offered}")
    asked = method != "auto"
    cheapest = min(
        kernels, key=lambda kernel: Fraction(kernel.cost(game), kernel.limit)
    )
    methods = {kernel.method for kernel in _KERNELS[tally]}
    most = MEET_PLAYER_LIMIT if "meet" in methods else ENUMERATION_PLAYER_LIMIT
    raise ComputationTooLargeError(
        title,
        f"{game.size} parties with a quota of {game.quota:,} seats (after "
        f"dividing by the seats' common divisor): "
        f"{'the method asked for' if asked else 'the cheapest method'}, "
        f"{cheapest.method!r}, {cheapest.refusal(game, asked=asked)}",
        ("leave the method to the library (method='auto'), or " if asked else "")
        + f"round the seats to a coarser unit (dividing every seat count and "
        f"the quota by the same number; the work grows with the quota), or "
        f"merge parties (up to about {most} are counted whatever their seats)",
    )


def _offered(game: Game, tally: str, method: str) -> tuple[_Kernel, ...]:
    """The ways to compute ``tally`` on ``game`` that ``method`` allows."""
    return tuple(
        kernel
        for kernel in _KERNELS[tally]
        if not (game.graded and kernel.method == "dynamic")  # tables of weight only
        and method in ("auto", kernel.method)
    )


#: The quickest way found, by game shape, tally, method and integers.
_QUICKEST: dict[tuple[Any, ...], _Kernel | None] = {}
_QUICKEST_KEPT = 256


def _quickest(
    game: Game, tally: str, method: str, backend: bigint.Backend
) -> _Kernel | None:
    """The quickest way within reach, by estimated time, or ``None``.

    Kept per game and integers (``backend``, on which some estimates
    depend): every index asked of one council estimates the same costs.
    The key is the game's fields but whom each player stands for, which
    no estimate reads: it compares and hashes faster than the game.
    """
    key = (
        game.weights,
        game.quota,
        game.fixed,
        game.conflicts,
        game.infeasible,
        game.members_needed,
        game.members_enough,
        tally,
        method,
        backend,
    )
    if key in _QUICKEST:
        return _QUICKEST[key]
    if len(_QUICKEST) >= _QUICKEST_KEPT:
        _QUICKEST.clear()
    quickest = _QUICKEST[key] = _estimated_quickest(game, tally, method)
    return quickest


def _estimated_quickest(game: Game, tally: str, method: str) -> _Kernel | None:
    """`_quickest`, estimated afresh."""
    asked = method != "auto"
    feasible = [
        kernel
        for kernel in _offered(game, tally, method)
        if not kernel.refusal(game, asked=asked)
    ]
    if not feasible:
        return None
    # The quickest by measured cost (two huge parties: listing).
    return min(feasible, key=lambda kernel: kernel.time(game))


def _by_enumeration(game: Game) -> _Tallies:
    """Tally every index by listing the winning coalitions (few players only)."""
    n, quota, weights = game.size, game.quota, game.weights
    swings_ = [0] * n
    swing_sizes = [[0] * n for _ in range(n)]
    minimal = [0] * n
    shares = [Fraction(0)] * n
    johnston_ = [Fraction(0)] * n
    for mask in iter_winning_masks(game):
        members = [j for j in range(n) if mask >> j & 1]
        total = sum(weights[j] for j in members)
        if game.graded:  # dropping a member also drops the count of members
            size = len(members) - 1
            critical = [j for j in members if not game.wins(size, total - weights[j])]
        else:
            critical = [j for j in members if weights[j] > total - quota]
        for j in critical:
            swings_[j] += 1
            swing_sizes[j][len(members) - 1] += 1
            johnston_[j] += Fraction(1, len(critical))
        if len(critical) == len(members):
            for j in members:
                minimal[j] += 1
                shares[j] += Fraction(1, len(members))
    factorial = [math.factorial(k) for k in range(n + 1)]
    shapley = [
        Fraction(
            sum(c * factorial[s] * factorial[n - s - 1] for s, c in enumerate(sizes)),
            factorial[n],
        )
        for sizes in swing_sizes
    ]
    return _Tallies(swings_, shapley, minimal, shares, johnston_)


def _tally(
    council: Council,
    method: str,
    *,
    tally: str,
    title: str,
    normalised: bool = False,
) -> dict[str, Any]:
    """Compute one tally per player and return it by party name, council order.

    With ``normalised``, each value is divided by their sum first.
    """
    game = game_of(council)
    values = _choose(council, game, method, tally, title).run(game)
    order = game.parties
    in_council_order: Sequence[Any] = values  # parties listed largest first
    if order != tuple(range(len(order))):
        in_council_order = [None] * len(values)
        for party, value in zip(order, values, strict=True):
            in_council_order[party] = value
    if normalised:
        in_council_order = list(map(_share(values), in_council_order))
    return dict(zip(council.names, in_council_order, strict=True))


def _share(values: Sequence[int | Fraction]) -> Callable[[Any], Fraction]:
    """A function from each of the values to it divided by their sum.

    Players of equal weight share a value: each distinct one is divided once.
    """
    total = sum(values)
    if type(total) is int:  # a sum of ints
        return ratios(cast(Sequence[int], values), total).__getitem__
    # A fraction's hash is a modular inverse: key on its two integers.
    shares: dict[tuple[int, int], Fraction] = {}

    def share(value: Fraction) -> Fraction:
        key = value.numerator, value.denominator
        divided = shares.get(key)
        if divided is None:
            divided = shares[key] = ratio(
                value.numerator * total.denominator, value.denominator * total.numerator
            )
        return divided

    return share


def swings(council: Council, *, method: Method = "auto") -> dict[str, int]:
    """Return how many swings each party has: Banzhaf's raw counts.

    A *swing* of party ``i`` is a coalition that wins with ``i`` and loses
    without it. Parties with no seats, and other null players, have none.

    Args:
        council: The council.
        method: ``"dynamic"`` (dynamic programming over seat totals),
            ``"meet"`` (meeting in the middle: up to about 36 parties,
            seat numbers of any size), ``"enumeration"`` (list every
            winning coalition: few parties only), or ``"auto"`` to choose
            the quickest by estimated time.

    Returns:
        Party name to number of swings, in council order.

    Raises:
        NoWinningCoalitionError: No coalition can reach the quota.
        ComputationTooLargeError: Seat totals are too large for dynamic
            programming and there are too many parties to enumerate; or
            the method asked for would hold tables past 512 MiB.

    Examples:
        >>> council = Council.from_seats("EEC 1958", {"France": 4, "Germany": 4,
        ...     "Italy": 4, "Belgium": 2, "Netherlands": 2, "Luxembourg": 1},
        ...     quota=12)
        >>> swings(council)["France"], swings(council)["Luxembourg"]
        (10, 0)
    """
    return _tally(council, method, tally="swings", title="the swings")


def banzhaf(
    council: Council,
    *,
    normalised: bool = True,
    method: Method = "auto",
    normalized: bool | None = None,
) -> dict[str, Fraction]:
    """Return each party's Banzhaf index.

    Normalised (the default): a party's swings divided by all parties'
    swings, so the values sum to 1 (Banzhaf 1965). With
    ``normalised=False``: the absolute Penrose-Banzhaf measure, swings
    divided by ``2^(n-1)`` — the probability that the party decides the
    outcome when every other party votes yes or no at random (Penrose 1946).

    Args:
        council: The council.
        normalised: Whether to normalise to sum 1.
        method: See [`swings`][coalitions.swings].
        normalized: Deprecated spelling of ``normalised``; it still works
            and warns.

    Returns:
        Party name to index, in council order.

    Raises:
        NoWinningCoalitionError: No coalition can reach the quota.
        ComputationTooLargeError: See [`swings`][coalitions.swings].

    Examples:
        >>> darlington = Council.from_seats("Darlington", {"Labour": 23,
        ...     "Conservative": 14, "Green": 7, "Liberal Democrat": 3,
        ...     "Independent": 1}, total_seats=50)
        >>> for party, value in banzhaf(darlington).items():
        ...     print(party, value)
        Labour 7/10
        Conservative 1/10
        Green 1/10
        Liberal Democrat 1/10
        Independent 0

    References:
        Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical
        analysis. *Rutgers Law Review* 19, 317-343.
        Penrose, L. S. (1946). The elementary statistics of majority voting.
        *Journal of the Royal Statistical Society* 109, 53-57.
    """
    if normalized is not None:
        warnings.warn(
            "banzhaf(normalized=) is deprecated; use normalised=",
            DeprecationWarning,
            stacklevel=2,
        )
        normalised = normalized
    if normalised:
        return _tally(
            council, method, tally="swings", title="the swings", normalised=True
        )
    counts = swings(council, method=method)
    scale = 2 ** (len(counts) - 1)
    return {name: ratio(count, scale) for name, count in counts.items()}


def shapley_shubik(council: Council, *, method: Method = "auto") -> dict[str, Fraction]:
    """Return each party's Shapley-Shubik index.

    The share of the ``n!`` orders in which parties could join a coalition
    where the party is the one that first makes it win (Shapley and Shubik
    1954). Values sum to 1.

    Args:
        council: The council.
        method: See [`swings`][coalitions.swings].

    Returns:
        Party name to index, in council order.

    Raises:
        NoWinningCoalitionError: No coalition can reach the quota.
        ComputationTooLargeError: See [`swings`][coalitions.swings].

    Examples:
        >>> council = Council.from_seats("C", {"A": 50, "B": 49, "C": 1})
        >>> {name: str(value) for name, value in shapley_shubik(council).items()}
        {'A': '2/3', 'B': '1/6', 'C': '1/6'}

    References:
        Shapley, L. S., and Shubik, M. (1954). A method for evaluating the
        distribution of power in a committee system. *American Political
        Science Review* 48(3), 787-792.
    """
    return _tally(
        council, method, tally="shapley_shubik", title="the Shapley-Shubik index"
    )


def public_good_counts(council: Council, *, method: Method = "auto") -> dict[str, int]:
    """Return how many minimal winning coalitions each party belongs to.

    The raw counts of Holler's public good index.

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> public_good_counts(council)
        {'A': 2, 'B': 2, 'C': 2}
    """
    return _tally(
        council, method, tally="minimal_counts", title="the public good index"
    )


def public_good(council: Council, *, method: Method = "auto") -> dict[str, Fraction]:
    """Return each party's Holler public good index.

    A party's number of minimal winning coalitions, divided by the sum of
    these numbers over all parties (Holler 1982). It treats the spoils of
    government as a public good that every member of the winning coalition
    enjoys, so only minimal winning coalitions count.

    Args:
        council: The council.
        method: See [`swings`][coalitions.swings].

    Returns:
        Party name to index, in council order.

    Raises:
        NoWinningCoalitionError: No coalition can reach the quota.
        ComputationTooLargeError: See [`swings`][coalitions.swings].

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> {name: str(value) for name, value in public_good(council).items()}
        {'A': '1/3', 'B': '1/3', 'C': '1/3'}

    References:
        Holler, M. J. (1982). Forming coalitions and measuring voting power.
        *Political Studies* 30(2), 262-271.
    """
    return _tally(
        council,
        method,
        tally="minimal_counts",
        title="the public good index",
        normalised=True,
    )


def deegan_packel(council: Council, *, method: Method = "auto") -> dict[str, Fraction]:
    """Return each party's Deegan-Packel index.

    Every minimal winning coalition is taken to be equally likely to form and
    to share power equally among its members: a party's index is the sum,
    over the minimal winning coalitions ``S`` it belongs to, of ``1/|S|``,
    divided by the number of minimal winning coalitions (Deegan and Packel
    1978). Values sum to 1.

    Args:
        council: The council.
        method: See [`swings`][coalitions.swings].

    Returns:
        Party name to index, in council order.

    Raises:
        NoWinningCoalitionError: No coalition can reach the quota.
        ComputationTooLargeError: See [`swings`][coalitions.swings].

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 1, "D": 1})
        >>> {name: str(value) for name, value in deegan_packel(council).items()}
        {'A': '3/8', 'B': '5/24', 'C': '5/24', 'D': '5/24'}

    References:
        Deegan, J., and Packel, E. W. (1978). A new index of power for simple
        n-person games. *International Journal of Game Theory* 7, 113-123.
    """
    # Each minimal winning coalition's shares sum to 1, so they sum to |M|.
    return _tally(
        council,
        method,
        tally="deegan_packel",
        title="the Deegan-Packel index",
        normalised=True,
    )


def johnston(council: Council, *, method: Method = "auto") -> dict[str, Fraction]:
    """Return each party's Johnston index.

    In every winning coalition, the *critical* members are those whose
    leaving would make it lose; each of the ``k`` critical members scores
    ``1/k``. A party's index is its total score divided by all parties'
    total (Johnston 1978). Values sum to 1.

    Args:
        council: The council.
        method: See [`swings`][coalitions.swings].

    Returns:
        Party name to index, in council order.

    Raises:
        NoWinningCoalitionError: No coalition can reach the quota.
        ComputationTooLargeError: See [`swings`][coalitions.swings].

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 1, "D": 1})
        >>> {name: str(value) for name, value in johnston(council).items()}
        {'A': '9/14', 'B': '5/42', 'C': '5/42', 'D': '5/42'}

    References:
        Johnston, R. J. (1978). On the measurement of power: some reactions to
        Laver. *Environment and Planning A* 10, 907-914.
    """
    return _tally(
        council, method, tally="johnston", title="the Johnston index", normalised=True
    )


@attrs.frozen
class PowerIndex:
    """A power index in the registry [`POWER_INDICES`][coalitions.POWER_INDICES].

    Attributes:
        name: The registry key, e.g. ``"banzhaf"``.
        title: A human-readable name, e.g. ``"Banzhaf (normalised)"``.
        short_title: A name for narrow table columns, e.g. ``"Banzhaf"``.
        compute: The function: council in, party name to ``Fraction`` out.
        summary: One sentence on what it measures.
        reference: The publication that defined it.

    Examples:
        >>> POWER_INDICES["shapley_shubik"].title
        'Shapley-Shubik'
    """

    name: str
    title: str
    short_title: str
    compute: Callable[[Council], dict[str, Fraction]]
    summary: str
    reference: str

    def __call__(self, council: Council) -> dict[str, Fraction]:
        """Compute the index for a council."""
        return self.compute(council)


def _absolute_banzhaf(council: Council) -> dict[str, Fraction]:
    return banzhaf(council, normalised=False)


#: Every power index by name, in the order docs, panels and the CLI show them.
POWER_INDICES: Mapping[str, PowerIndex] = MappingProxyType(
    {
        index.name: index
        for index in (
            PowerIndex(
                "banzhaf",
                "Banzhaf (normalised)",
                "Banzhaf",
                banzhaf,
                "Share of all swings: how often the party turns a losing "
                "coalition into a winning one.",
                "Banzhaf (1965), Rutgers Law Review 19",
            ),
            PowerIndex(
                "penrose_banzhaf",
                "Penrose-Banzhaf (absolute)",
                "Absolute Banzhaf",
                _absolute_banzhaf,
                "Probability of deciding the outcome when all others vote at random.",
                "Penrose (1946), JRSS 109",
            ),
            PowerIndex(
                "shapley_shubik",
                "Shapley-Shubik",
                "Shapley-Shubik",
                shapley_shubik,
                "Share of the orders of joining in which the party completes "
                "the majority.",
                "Shapley and Shubik (1954), APSR 48(3)",
            ),
            PowerIndex(
                "deegan_packel",
                "Deegan-Packel",
                "Deegan-Packel",
                deegan_packel,
                "Expected share of power if each minimal winning coalition is "
                "equally likely and shares power equally.",
                "Deegan and Packel (1978), IJGT 7",
            ),
            PowerIndex(
                "public_good",
                "Holler public good",
                "Public good",
                public_good,
                "Share of memberships of minimal winning coalitions.",
                "Holler (1982), Political Studies 30(2)",
            ),
            PowerIndex(
                "johnston",
                "Johnston",
                "Johnston",
                johnston,
                "Like Banzhaf, but a swing shared by k critical members counts 1/k.",
                "Johnston (1978), Environment and Planning A 10",
            ),
        )
    }
)


def power_note(council: Council) -> str | None:
    """Say what power is computed over while seats are undeclared or vacant.

    Every index here counts the declared seats only (the undeclared ones
    belong to no party yet), against the quota of all seats. Tables, the
    panel document and the page print this note beside the figures.

    Examples:
        >>> note = power_note(example("darlington-2023"))
        >>> note.startswith("Power counts the 48 declared seats only")
        True
        >>> power_note(example("eec-1958")) is None
        True
    """
    if not council.undeclared:
        return None
    return (
        f"Power counts the {council.declared} declared seats only; the "
        f"{council.undeclared} seats undeclared or vacant belong to no party "
        f"(a majority is {council.quota} of all {council.total_seats})."
    )
