"""Which coalitions of a council win: listing, streaming and counting them."""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import threading
from collections.abc import Callable, Iterator

import attrs

from coalitions._constraints import Constraints
from coalitions._engine.enumerate import (
    DEFAULT_MAX_COALITIONS,
    iter_minimal_winning_masks,
    iter_winning_masks,
    losing_count,
    minimal_winning_count,
)
from coalitions._engine.game import Game, decoder, game_of
from coalitions._model import Coalition, Council
from coalitions._validate import count as count_of
from coalitions.exceptions import (
    ComputationTooLargeError,
    TooManyCoalitionsError,
)

__all__ = [
    "DEFAULT_MAX_COALITIONS",
    "count_minimal_winning",
    "count_winning",
    "iter_minimal_winning",
    "iter_winning",
    "minimal_winning",
    "winning",
]


def minimal_winning(
    council: Council,
    *,
    constraints: Constraints | None = None,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
    max_parties: int | None = None,
) -> list[Coalition]:
    """Return every minimal winning coalition of the council.

    A coalition is *winning* when its seats reach the quota, and *minimal*
    when it would lose if any one member left (Riker 1962). Parties with no
    seats are never members. When the parties together cannot reach the
    quota, the list is empty.

    The list is sorted: fewest parties first, then most seats, then names.
    The number of coalitions is counted before any is built; above
    ``max_coalitions`` the call raises instead of filling memory.

    Args:
        council: The council.
        constraints: Red lines, requirements and blocs; see
            [`Constraints`][coalitions.Constraints] for what "minimal" means
            under each.
        max_coalitions: The most coalitions to return; ``None`` for no cap.
        max_parties: Only coalitions of at most this many parties (the
            search stops there, so a chamber with too many coalitions to
            list can still give its smallest ones).

    Returns:
        The minimal winning coalitions, in the order above.

    Raises:
        TooManyCoalitionsError: There are more than ``max_coalitions``; the
            error carries the count. Stream them with
            [`iter_minimal_winning`][coalitions.iter_minimal_winning].

    Examples:
        >>> council = Council.from_seats(
        ...     "Darlington Borough Council",
        ...     {"Labour": 23, "Conservative": 14, "Green": 7,
        ...      "Liberal Democrat": 3, "Independent": 1},
        ...     total_seats=50,
        ... )
        >>> for coalition in minimal_winning(council):
        ...     print(coalition)
        Labour + Conservative: 37 of 50 (majority 26)
        Labour + Green: 30 of 50 (majority 26)
        Labour + Liberal Democrat: 26 of 50 (majority 26)

    References:
        Riker, W. H. (1962). *The Theory of Political Coalitions*. Yale UP.

    See Also:
        [`count_minimal_winning`][coalitions.count_minimal_winning],
        [`iter_minimal_winning`][coalitions.iter_minimal_winning].
    """
    game = game_of(council, constraints)
    if max_parties is not None:  # not counted by size: streamed up to the cap
        most = count_of(max_parties, "max_parties")
        return _capped_list(
            council,
            game,
            constraints=constraints or None,
            search=functools.partial(iter_minimal_winning_masks, max_size=most),
            count=None,
            max_coalitions=max_coalitions,
            lazy_alternative="iter_minimal_winning",
        )
    return _capped_list(
        council,
        game,
        constraints=constraints or None,
        search=iter_minimal_winning_masks,
        count=lambda: _count_minimal_winning(game),
        max_coalitions=max_coalitions,
        lazy_alternative="iter_minimal_winning",
    )


def iter_minimal_winning(
    council: Council, *, constraints: Constraints | None = None
) -> Iterator[Coalition]:
    """Stream every minimal winning coalition of the council, one at a time.

    Use this for games with too many coalitions to hold in memory. The order
    is deterministic (a depth-first search over parties, largest first), but
    it is *not* the sorted order of
    [`minimal_winning`][coalitions.minimal_winning].

    Args:
        council: The council.
        constraints: See [`minimal_winning`][coalitions.minimal_winning].

    Returns:
        An iterator of coalitions; the council is checked at the call.

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> sorted(c.names for c in iter_minimal_winning(council))
        [('A', 'B'), ('A', 'C'), ('B', 'C')]
    """
    game = game_of(council, constraints)
    return map(
        decoder(council, constraints or None).coalition,
        iter_minimal_winning_masks(game),
    )


def count_minimal_winning(
    council: Council, *, constraints: Constraints | None = None
) -> int:
    """Return the number of minimal winning coalitions, without listing them.

    Dynamic programming over seat totals, O(parties x quota): the US
    Electoral College (51 players, quota 270) has about 5.1 x 10^13 minimal
    winning coalitions, counted in milliseconds.

    Raises:
        ComputationTooLargeError: The quota is in the hundreds of millions
            (after dividing seats by their common divisor) and there are more
            than 20 parties.

    Examples:
        >>> count_minimal_winning(Council.from_seats("C", {"A": 3, "B": 2, "C": 2}))
        3
    """
    game = game_of(council, constraints)
    return _count_minimal_winning(game)


def winning(
    council: Council,
    *,
    constraints: Constraints | None = None,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
) -> list[Coalition]:
    """Return every winning coalition of the council, surplus ones included.

    Parties with no seats are players too: adding one to a winning coalition
    gives another (surplus) winning coalition. Sorted like
    [`minimal_winning`][coalitions.minimal_winning], and capped the same way.

    Args:
        council: The council.
        constraints: Red lines, requirements and blocs; see
            [`Constraints`][coalitions.Constraints] for what "minimal" means
            under each.
        max_coalitions: The most coalitions to return; ``None`` for no cap.

    Returns:
        The winning coalitions: fewest parties first, then most seats, then
        names.

    Raises:
        TooManyCoalitionsError: There are more than ``max_coalitions``.

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> for coalition in winning(council):
        ...     print(coalition)
        A + B: 5 of 7 (majority 4)
        A + C: 5 of 7 (majority 4)
        B + C: 4 of 7 (majority 4)
        A + B + C: 7 of 7 (majority 4)
    """
    game = game_of(council, constraints)
    return _capped_list(
        council,
        game,
        constraints=constraints or None,
        search=iter_winning_masks,
        count=lambda: _count_winning(game),
        max_coalitions=max_coalitions,
        lazy_alternative="iter_winning",
    )


def iter_winning(
    council: Council, *, constraints: Constraints | None = None
) -> Iterator[Coalition]:
    """Stream every winning coalition of the council, surplus ones included.

    The order is deterministic but not sorted.

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> len(list(iter_winning(council)))
        4
    """
    game = game_of(council, constraints)
    return map(
        decoder(council, constraints or None).coalition, iter_winning_masks(game)
    )


def count_winning(council: Council, *, constraints: Constraints | None = None) -> int:
    """Return the number of winning coalitions, without listing them.

    Examples:
        >>> count_winning(Council.from_seats("C", {"A": 3, "B": 2, "C": 2}))
        4
    """
    game = game_of(council, constraints)
    return _count_winning(game)


def _count_minimal_winning(game: Game) -> int:
    if game.infeasible:
        return 0
    if game.wins(0, 0):
        return 1  # the required parties alone
    if game.conflicts:
        return _count_by_listing(game, iter_minimal_winning_masks)
    return minimal_winning_count(game)


def _count_winning(game: Game) -> int:
    if game.infeasible:
        return 0
    if game.conflicts:
        return _count_by_listing(game, iter_winning_masks)
    if game.wins(0, 0):
        return 1 << game.size
    return (1 << game.size) - losing_count(game)


#: Most coalitions counted one by one when red lines rule out counting by
#: dynamic programming.
COUNT_BY_LISTING_LIMIT = 10_000_000


def _count_by_listing(game: Game, search: Callable[[Game], Iterator[int]]) -> int:
    """Count coalitions under red lines by listing them, within a limit."""
    free = attrs.evolve(game, conflicts=())
    bound = (
        _count_winning(free)
        if search is iter_winning_masks
        else _count_minimal_winning(free)
    )
    if bound > COUNT_BY_LISTING_LIMIT:
        raise ComputationTooLargeError(
            "the number of coalitions under these red lines",
            f"without the red lines there are {bound:,}, too many to check one "
            f"by one (above {COUNT_BY_LISTING_LIMIT:,})",
            "stream them with the iter_ function and count as you go",
        )
    return sum(1 for _ in search(game))


def _capped_list(
    council: Council,
    game: Game,
    *,
    constraints: Constraints | None,
    search: Callable[[Game], Iterator[int]],
    count: Callable[[], int] | None,
    max_coalitions: int | None,
    lazy_alternative: str,
) -> list[Coalition]:
    stream = search(game)
    if max_coalitions is not None:
        cap = count_of(max_coalitions, "max_coalitions")
        try:
            total = None if count is None else count()
        except ComputationTooLargeError:
            total = None  # too costly to count: stream, and stop past the cap
        if total is not None and total > cap:
            raise TooManyCoalitionsError(total, cap, lazy_alternative)
        if total is None:
            chunk = list(itertools.islice(stream, cap + 1))
            if len(chunk) > cap:
                raise TooManyCoalitionsError(None, cap, lazy_alternative)
            stream = iter(chunk)
    decode = decoder(council, constraints)
    with _collector_paused():
        if decode.fast:
            masks = sorted(stream, key=decode.sort_key)
            return list(map(decode.coalition, masks))
        found = list(map(decode.coalition, stream))
        found.sort(key=Coalition.sort_key)
        return found


_pause_lock = threading.Lock()
_pauses = 0  # how many calls are building lists now
_was_enabled = False  # whether the collector ran before the first of them


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large list.

    Building millions of coalitions triggers collections that traverse every
    object built so far, which costs more than building them; none of these
    objects form cycles, so nothing is lost by waiting. Pauses are counted
    under a lock, so that calls in several threads at once leave the
    collector as the first of them found it when the last one ends.
    """
    global _pauses, _was_enabled  # noqa: PLW0603 - one process-wide switch
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
