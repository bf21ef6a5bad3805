"""Key players: vetoes, dictators, dummies, and who holds a coalition together."""

from __future__ import annotations

from collections.abc import Iterable

from coalitions._engine.game import check_council, game_of
from coalitions._model import Coalition, Council
from coalitions._power import Method, swings

__all__ = ["dictator", "dummies", "pivotal_members", "veto_players"]


def veto_players(council: Council) -> tuple[str, ...]:
    """Return the parties that belong to every winning coalition.

    A party has a veto when all the others together fall short of the quota.
    When no coalition can win at all, nobody holds a veto and the result is
    empty.

    Returns:
        Party names, in council order.

    Examples:
        >>> darlington = Council.from_seats("Darlington", {"Labour": 23,
        ...     "Conservative": 14, "Green": 7, "Liberal Democrat": 3,
        ...     "Independent": 1}, total_seats=50)
        >>> veto_players(darlington)
        ('Labour',)
    """
    game = game_of(council)
    if not game.can_win:
        return ()
    vetoes = {
        game.parties[j]
        for j, weight in enumerate(game.weights)
        if not game.wins(game.size - 1, game.total - weight)
    }
    return tuple(party.name for i, party in enumerate(council.parties) if i in vetoes)


def dictator(council: Council) -> str | None:
    """Return the party that wins alone and is in every winning coalition, if any.

    With a proper quota (more than half the seats) a party that wins alone is
    the dictator: no coalition without it can win.

    Examples:
        >>> dictator(Council.from_seats("C", {"A": 6, "B": 3, "C": 1}))
        'A'
        >>> dictator(Council.from_seats("C", {"A": 5, "B": 4, "C": 1})) is None
        True
    """
    vetoes = set(veto_players(council))
    for name in council.names:
        if name in vetoes and council.is_winning(name):
            return name
    return None


def dummies(council: Council, *, method: Method = "auto") -> tuple[str, ...]:
    """Return the null players: parties whose votes never decide anything.

    A dummy is in no minimal winning coalition, so it never turns a losing
    coalition into a winning one, and every power index gives it 0. Parties
    with no seats are always dummies. When no coalition can win, every party
    is a dummy.

    Args:
        council: The council.
        method: How to count swings; see [`swings`][coalitions.swings].

    Returns:
        Party names, in council order.

    Examples:
        >>> eec = Council.from_seats("EEC 1958", {"France": 4, "Germany": 4,
        ...     "Italy": 4, "Belgium": 2, "Netherlands": 2, "Luxembourg": 1},
        ...     quota=12)
        >>> dummies(eec)
        ('Luxembourg',)
    """
    game = game_of(council)
    if not game.can_win:
        return council.names
    return tuple(
        name for name, count in swings(council, method=method).items() if not count
    )


def pivotal_members(
    council: Council, coalition: Coalition | Iterable[str] | str
) -> tuple[str, ...]:
    """Return the members whose departure would cost a coalition its majority.

    For a losing coalition the result is empty: nobody can break what does
    not win. In a minimal winning coalition every member is pivotal.

    Args:
        council: The council.
        coalition: A coalition, or party names.

    Returns:
        Member names, largest party first.

    Raises:
        UnknownPartyError: A name is not a party of the council.

    Examples:
        >>> council = Council.from_seats("C", {"Lab": 23, "Con": 14, "Grn": 7,
        ...     "LD": 3, "Ind": 1}, total_seats=50)
        >>> pivotal_members(council, ["Lab", "Grn", "LD"])
        ('Lab',)
        >>> pivotal_members(council, ["Lab", "LD"])
        ('Lab', 'LD')
    """
    check_council(council)
    members = council.coalition(coalition)
    if not members.is_winning:
        return ()
    return tuple(
        name
        for name in members.names
        if not council.is_winning([other for other in members.names if other != name])
    )
