"""Which coalitions of a council win: listing, streaming and counting them."""

from __future__ import annotations

import contextlib
import gc
import itertools
from collections.abc import Callable, Iterator

from coalitions._enumerate import (
    count_minimal_winning_and_losing,
    iter_minimal_winning_masks,
    iter_winning_masks,
)
from coalitions._game import Game, compile_game, decoder
from coalitions._model import Coalition, Council
from coalitions._validate import whole_number
from coalitions.exceptions import (
    ComputationTooLargeError,
    InvalidTypeError,
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

#: How many coalitions [`minimal_winning`][coalitions.minimal_winning] and
#: [`winning`][coalitions.winning] return at most unless told otherwise.
DEFAULT_MAX_COALITIONS = 1_000_000


def checked_game(council: object) -> tuple[Council, Game]:
    """Return the council and its compiled game, refusing anything else."""
    if not isinstance(council, Council):
        raise InvalidTypeError("council", council, "a Council")
    return council, compile_game(council)


def minimal_winning(
    council: Council, *, max_coalitions: int | None = DEFAULT_MAX_COALITIONS
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
        max_coalitions: The most coalitions to return; ``None`` for no cap.

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
    council, game = checked_game(council)
    return _capped_list(
        council,
        game,
        search=iter_minimal_winning_masks,
        count=lambda: count_minimal_winning_and_losing(game)[0],
        max_coalitions=max_coalitions,
        lazy_alternative="iter_minimal_winning",
    )


def iter_minimal_winning(council: Council) -> Iterator[Coalition]:
    """Stream every minimal winning coalition of the council, one at a time.

    Use this for games with too many coalitions to hold in memory. The order
    is deterministic (a depth-first search over parties, largest first), but
    it is *not* the sorted order of
    [`minimal_winning`][coalitions.minimal_winning].

    Args:
        council: The council.

    Returns:
        An iterator of coalitions; the council is checked at the call.

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> sorted(c.names for c in iter_minimal_winning(council))
        [('A', 'B'), ('A', 'C'), ('B', 'C')]
    """
    council, game = checked_game(council)
    return map(decoder(council).coalition, iter_minimal_winning_masks(game))


def count_minimal_winning(council: Council) -> int:
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
    _, game = checked_game(council)
    return count_minimal_winning_and_losing(game)[0]


def winning(
    council: Council, *, max_coalitions: int | None = DEFAULT_MAX_COALITIONS
) -> list[Coalition]:
    """Return every winning coalition of the council, surplus ones included.

    Parties with no seats are players too: adding one to a winning coalition
    gives another (surplus) winning coalition. Sorted like
    [`minimal_winning`][coalitions.minimal_winning], and capped the same way.

    Args:
        council: The council.
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
    council, game = checked_game(council)
    return _capped_list(
        council,
        game,
        search=iter_winning_masks,
        count=lambda: _count_winning(game),
        max_coalitions=max_coalitions,
        lazy_alternative="iter_winning",
    )


def iter_winning(council: Council) -> Iterator[Coalition]:
    """Stream every winning coalition of the council, surplus ones included.

    The order is deterministic but not sorted.

    Examples:
        >>> council = Council.from_seats("C", {"A": 3, "B": 2, "C": 2})
        >>> len(list(iter_winning(council)))
        4
    """
    council, game = checked_game(council)
    return map(decoder(council).coalition, iter_winning_masks(game))


def count_winning(council: Council) -> int:
    """Return the number of winning coalitions, without listing them.

    Examples:
        >>> count_winning(Council.from_seats("C", {"A": 3, "B": 2, "C": 2}))
        4
    """
    _, game = checked_game(council)
    return _count_winning(game)


def _count_winning(game: Game) -> int:
    return (1 << game.size) - count_minimal_winning_and_losing(game)[1]


def _capped_list(
    council: Council,
    game: Game,
    *,
    search: Callable[[Game], Iterator[int]],
    count: Callable[[], int],
    max_coalitions: int | None,
    lazy_alternative: str,
) -> list[Coalition]:
    stream = search(game)
    if max_coalitions is not None:
        cap = whole_number(max_coalitions, "max_coalitions")
        try:
            total: int | None = count()
        except ComputationTooLargeError:
            total = None  # too costly to count: stream, and stop past the cap
        if total is not None and total > cap:
            raise TooManyCoalitionsError(total, cap, lazy_alternative)
        if total is None:
            chunk = list(itertools.islice(stream, cap + 1))
            if len(chunk) > cap:
                raise TooManyCoalitionsError(None, cap, lazy_alternative)
            stream = iter(chunk)
    decode = decoder(council)
    with _collector_paused():
        masks = sorted(stream, key=decode.sort_key)
        return list(map(decode.coalition, masks))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large list.

    Building millions of coalitions triggers collections that traverse every
    object built so far, which costs more than building them; none of these
    objects form cycles, so nothing is lost by waiting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
