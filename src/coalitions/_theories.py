"""Coalition theories: which coalitions political science predicts will form.

Each theory takes a council (and optional constraints) and returns the
coalitions it predicts, in listing order (fewest parties, most seats, names).
The position-based theories use each party's left-right ``position``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal

import attrs

from coalitions._constraints import Constraints
from coalitions._engine.game import check_council, game_of
from coalitions._model import Coalition, Council
from coalitions._validate import count, name_key
from coalitions._winning import (
    DEFAULT_MAX_COALITIONS,
    count_minimal_winning,
    minimal_winning,
    winning,
)
from coalitions.exceptions import (
    ComputationTooLargeError,
    InvalidValueError,
    MissingPositionError,
    TooManyCoalitionsError,
)

__all__ = [
    "THEORIES",
    "Classification",
    "Classifier",
    "Theory",
    "classify",
    "coalition_range",
    "fewest_parties",
    "median_party",
    "median_party_name",
    "minimal_connected_winning",
    "minimal_range",
    "minimum_winning",
    "plausibility",
    "rank",
]

Unpositioned = Literal["error", "omit"]


def _exact(position: float) -> Fraction:
    # Positions are decimals (ParlGov gives 4 places); compare them exactly.
    return Fraction(str(position))


def _positioned(council: Council, unpositioned: str, theory: str) -> list[int]:
    """Council positions of the parties on the left-right line, left to right.

    Parties without a position raise, or are left out with ``"omit"``.
    """
    if unpositioned not in ("error", "omit"):
        raise InvalidValueError("unpositioned", unpositioned, "'error' or 'omit'")
    missing = tuple(p.name for p in council.parties if p.position is None)
    if missing and unpositioned == "error":
        raise MissingPositionError(theory, missing)
    placed = [i for i, p in enumerate(council.parties) if p.position is not None]
    return sorted(placed, key=lambda i: (_exact(council.parties[i].position or 0), i))


def _omitting(
    council: Council, constraints: Constraints | None, line: list[int]
) -> Constraints | None:
    """The constraints, with every party off the line excluded as well."""
    off = tuple(
        council.parties[i].name for i in range(len(council.parties)) if i not in line
    )
    if not off:
        return constraints
    base = constraints or Constraints()
    return attrs.evolve(base, excluding=(*base.excluding, *off))


def _smallest(
    found: list[Coalition], key: Callable[[Coalition], int]
) -> list[Coalition]:
    """The coalitions with the smallest key, in their order."""
    least = min(map(key, found), default=0)
    return [coalition for coalition in found if key(coalition) == least]


def minimum_winning(
    council: Council, *, constraints: Constraints | None = None
) -> list[Coalition]:
    """Return the winning coalitions with the fewest seats (Gamson 1961; Riker 1962).

    Riker's size principle: parties form the smallest coalition that still
    wins, so that each gets the largest share of the spoils. Returned are the
    minimal winning coalitions with the fewest seats; no winning coalition
    has fewer (only parties with no seats could be added at no cost).

    Examples:
        >>> [c.names for c in minimum_winning(example("darlington-2023"))]
        [('Labour', 'Liberal Democrat')]

    References:
        Gamson, W. A. (1961). A theory of coalition formation. *American
        Sociological Review* 26(3), 373-382.
        Riker, W. H. (1962). *The Theory of Political Coalitions*. Yale UP.
    """
    found = minimal_winning(
        council, constraints=constraints, max_coalitions=DEFAULT_MAX_COALITIONS
    )
    return _smallest(found, key=lambda coalition: coalition.seats)


def fewest_parties(
    council: Council, *, constraints: Constraints | None = None
) -> list[Coalition]:
    """Return the minimal winning coalitions with the fewest parties (Leiserson 1968).

    The bargaining proposition: fewer partners make agreement easier.

    Examples:
        >>> len(fewest_parties(example("darlington-2023")))
        3

    References:
        Leiserson, M. (1968). Factions and coalitions in one-party Japan.
        *American Political Science Review* 62(3), 770-787.
    """
    found = minimal_winning(
        council, constraints=constraints, max_coalitions=DEFAULT_MAX_COALITIONS
    )
    return _smallest(found, key=len)


def constraints_allow(
    council: Council, constraints: Constraints | None, positions: list[int]
) -> bool:
    """Whether the parties at these positions may form a coalition together."""
    if not constraints:
        return True
    names = {name_key(council.parties[i].name) for i in positions}
    keys = [name_key(council[n].name) for n in constraints.excluding]
    if any(key in names for key in keys):
        return False
    if any(name_key(council[n].name) not in names for n in constraints.requiring):
        return False
    for a, b in constraints.incompatible:
        if name_key(council[a].name) in names and name_key(council[b].name) in names:
            return False
    for bloc in constraints.blocs:
        inside = [name_key(council[n].name) in names for n in bloc]
        if any(inside) and not all(inside):
            return False
    return True


def minimal_connected_winning(
    council: Council,
    *,
    constraints: Constraints | None = None,
    unpositioned: Unpositioned = "error",
) -> list[Coalition]:
    """Return the minimal connected winning coalitions (Axelrod 1970).

    Parties are lined up by ``position`` (ties in council order). A
    coalition is *connected* when it has no gap on that line: it holds every
    party between its leftmost and rightmost members. It is *minimal
    connected winning* when it wins and dropping either end party makes it
    lose (dropping an inner party would leave a gap). Parties with no seats
    in the middle belong to the coalition, as Axelrod's theory has it. Under
    constraints, only coalitions the constraints allow count, and an end
    party counts as droppable only when it is not required and the rest is
    still allowed.

    Args:
        council: The council.
        constraints: See [`Constraints`][coalitions.Constraints].
        unpositioned: ``"error"`` to refuse parties without a position, or
            ``"omit"`` to leave them off the line (they join no coalition).

    Raises:
        MissingPositionError: Some party has no position (with ``"error"``).

    Examples:
        >>> council = Council("C", [Party("Left", 30, position=2),
        ...     Party("Centre", 10, position=5), Party("Right", 25, position=9)], 65)
        >>> [c.names for c in minimal_connected_winning(council)]
        [('Left', 'Centre'), ('Right', 'Centre')]

    References:
        Axelrod, R. (1970). *Conflict of Interest*. Markham.
    """
    game_of(council, constraints)
    line = _positioned(council, unpositioned, "minimal connected winning")
    required = {
        name_key(council[name].name)
        for name in (constraints or Constraints()).requiring
    }
    found = []
    for start in range(len(line)):
        for stop in range(start + 1, len(line) + 1):
            members = line[start:stop]
            coalition = council.coalition_at(members)
            if not coalition.is_winning:
                continue
            if constraints_allow(council, constraints, members) and all(
                name_key(council.parties[end].name) in required
                or not council.coalition_at([i for i in members if i != end]).is_winning
                or not constraints_allow(
                    council, constraints, [i for i in members if i != end]
                )
                for end in {members[0], members[-1]}
                if len(members) > 1
            ):
                found.append(coalition)
            if not constraints:
                break  # longer intervals from this start only add surplus
    return sorted(found)


def minimal_range(
    council: Council,
    *,
    constraints: Constraints | None = None,
    unpositioned: Unpositioned = "error",
) -> list[Coalition]:
    """Return the minimal winning coalitions with the smallest left-right range.

    The range of a coalition is the distance between the positions of its
    leftmost and rightmost members. No winning coalition has a smaller range
    than its minimal winning subsets, so the smallest range among all winning
    coalitions is reached by minimal winning ones, which are returned
    (Leiserson 1966; de Swaan 1973).

    Args:
        council: The council.
        constraints: See [`Constraints`][coalitions.Constraints].
        unpositioned: ``"error"`` or ``"omit"``, as for
            [`minimal_connected_winning`][coalitions.minimal_connected_winning].

    Raises:
        MissingPositionError: Some party has no position (with ``"error"``).

    Examples:
        >>> council = Council("C", [Party("Left", 30, position=2),
        ...     Party("Centre", 10, position=5), Party("Right", 25, position=9)], 65)
        >>> [c.names for c in minimal_range(council)]
        [('Left', 'Centre')]

    References:
        Leiserson, M. (1966). *Coalitions in Politics*. PhD thesis, Yale.
        de Swaan, A. (1973). *Coalition Theories and Cabinet Formations*.
        Elsevier.
    """
    game_of(council, constraints)
    line = _positioned(council, unpositioned, "minimal range")
    found = minimal_winning(
        council,
        constraints=_omitting(council, constraints, line),
        max_coalitions=DEFAULT_MAX_COALITIONS,
    )
    ranges = [coalition_range(c) for c in found]
    smallest = min((r for r in ranges if r is not None), default=None)
    return [c for c, r in zip(found, ranges, strict=True) if r == smallest]


def coalition_range(coalition: Coalition) -> Fraction | None:
    """Return the left-right distance spanned by a coalition's members, exactly.

    ``None`` when a member has no position.

    Examples:
        >>> council = Council("C", [Party("Left", 30, position=2),
        ...     Party("Centre", 10, position=5.5), Party("Right", 25, position=9)], 65)
        >>> coalition_range(council.coalition(["Left", "Centre"]))
        Fraction(7, 2)
    """
    positions = [p.position for p in coalition.parties]
    if not positions or any(p is None for p in positions):
        return None
    exact = [_exact(p) for p in positions if p is not None]
    return max(exact) - min(exact)


def median_party_name(
    council: Council, *, unpositioned: Unpositioned = "error"
) -> str | None:
    """Return the median party: the one holding the median seat on the left-right line.

    Seats are lined up by their parties' positions. The median party is the
    one such that the parties to its left hold less than half of these seats,
    and so do the parties to its right (Laver and Schofield 1990). There is
    at most one; there is none when the median falls exactly between two
    parties (an even number of seats, split evenly).

    Raises:
        MissingPositionError: Some party has no position (with ``"error"``).

    Examples:
        >>> council = Council("C", [Party("Left", 30, position=2),
        ...     Party("Centre", 10, position=5), Party("Right", 25, position=9)], 65)
        >>> median_party_name(council)
        'Centre'

    References:
        Laver, M., and Schofield, N. (1990). *Multiparty Government: The
        Politics of Coalition in Europe*. Oxford UP.
    """
    check_council(council)
    line = _positioned(council, unpositioned, "the median party")
    total = sum(council.parties[i].seats for i in line)
    left = 0
    for i in line:
        seats = council.parties[i].seats
        if 2 * left < total and 2 * (total - left - seats) < total:
            return council.parties[i].name
        left += seats
    return None


def median_party(
    council: Council,
    *,
    constraints: Constraints | None = None,
    unpositioned: Unpositioned = "error",
) -> list[Coalition]:
    """Return the minimal winning coalitions that include the median party.

    The median party cannot be beaten on the left-right line, so theories
    from Black's median voter to Laver and Schofield predict it governs.

    Raises:
        MissingPositionError: Some party has no position (with ``"error"``).

    Examples:
        >>> council = Council("C", [Party("Left", 30, position=2),
        ...     Party("Centre", 10, position=5), Party("Right", 25, position=9)], 65)
        >>> [c.names for c in median_party(council)]
        [('Left', 'Centre'), ('Right', 'Centre')]
    """
    median = median_party_name(council, unpositioned=unpositioned)
    if median is None:
        return []
    line = _positioned(council, unpositioned, "the median party")
    found = minimal_winning(
        council,
        constraints=_omitting(council, constraints, line),
        max_coalitions=DEFAULT_MAX_COALITIONS,
    )
    return [c for c in found if median in c.names]


@attrs.frozen
class Theory:
    """A coalition theory in the registry [`THEORIES`][coalitions.THEORIES].

    Attributes:
        name: The registry key.
        title: A readable name.
        predict: The function: council (and constraints) in, coalitions out.
        summary: What it predicts, in one sentence.
        reference: The work that proposed it.
        uses_positions: Whether it needs the parties' left-right positions.

    A theory is called like its function:
    ``THEORIES["minimum_winning"](council)`` is ``minimum_winning(council)``.

    Examples:
        >>> THEORIES["minimum_winning"].title
        'Minimum winning'
        >>> [c.names for c in THEORIES["minimum_winning"](example("darlington-2023"))]
        [('Labour', 'Liberal Democrat')]
    """

    name: str
    title: str
    predict: Callable[..., list[Coalition]]
    summary: str
    reference: str
    uses_positions: bool

    def __call__(self, *args: Any, **kwargs: Any) -> list[Coalition]:
        """Predict: the same as calling the theory's function."""
        return self.predict(*args, **kwargs)


#: Every coalition theory by name.
THEORIES: Mapping[str, Theory] = MappingProxyType(
    {
        theory.name: theory
        for theory in (
            Theory(
                "minimum_winning",
                "Minimum winning",
                minimum_winning,
                "The winning coalitions with the fewest seats.",
                "Gamson (1961); Riker (1962)",
                uses_positions=False,
            ),
            Theory(
                "fewest_parties",
                "Fewest parties",
                fewest_parties,
                "The minimal winning coalitions with the fewest parties.",
                "Leiserson (1968)",
                uses_positions=False,
            ),
            Theory(
                "minimal_connected_winning",
                "Minimal connected winning",
                minimal_connected_winning,
                "Winning coalitions with no gap on the left-right line, from "
                "which no end party can be dropped.",
                "Axelrod (1970)",
                uses_positions=True,
            ),
            Theory(
                "minimal_range",
                "Minimal range",
                minimal_range,
                "The minimal winning coalitions spanning the shortest left-right "
                "distance.",
                "Leiserson (1966); de Swaan (1973)",
                uses_positions=True,
            ),
            Theory(
                "median_party",
                "Median party",
                median_party,
                "The minimal winning coalitions that include the median party.",
                "Laver and Schofield (1990)",
                uses_positions=True,
            ),
        )
    }
)


@attrs.frozen
class Classification:
    """What a coalition is, for a panel: majority or minority, and by each theory.

    Position-based answers are ``None`` when a member (or, for the median, any
    party) has no position.

    Attributes:
        coalition: The coalition.
        winning: It reaches the quota.
        minority: It does not: a minority government.
        minimal: It is minimal winning.
        surplus: It wins, but some member could leave and it would still win.
        minimum_winning: It is among the minimum winning coalitions.
        fewest_parties: It is minimal winning with the fewest parties.
        connected: It has no gap on the left-right line.
        minimal_connected: It is minimal connected winning.
        contains_median: It includes the median party.
        margin: Seats above the quota (negative when short).
        range: The left-right distance it spans.

    Examples:
        >>> result = classify(example("darlington-2023"), ["Labour", "Green"])
        >>> result.minimal, result.surplus, result.connected
        (True, False, None)
    """

    coalition: Coalition
    winning: bool
    minority: bool
    minimal: bool
    surplus: bool
    minimum_winning: bool
    fewest_parties: bool
    connected: bool | None
    minimal_connected: bool | None
    contains_median: bool | None
    margin: int
    range: Fraction | None


class Classifier:
    """Classifies many coalitions of one council, making each prediction once.

    [`classify`][coalitions.classify] and [`rank`][coalitions.rank] answer
    one question each; a classifier keeps the minimal winning coalitions and
    the theories' predictions of its council, so that classifying many
    coalitions (a panel's, or a history of cabinets in one chamber) costs one
    listing.

    Args:
        council: The council.
        constraints: Constraints under which "minimal" and the theories are
            judged.
        max_coalitions: The cap on the minimal winning coalitions listed;
            above it the classifier refuses with
            [`TooManyCoalitionsError`][coalitions.exceptions.TooManyCoalitionsError].

    With ``max_parties`` only the minimal winning coalitions of at most that
    many parties are listed (and ranked): the first ones of the "most
    plausible" order when the chamber has too many to list. It needs a
    council without constraints, chair or member count, so that the fewest
    seats of any winning coalition can be counted without listing.

    Examples:
        >>> classifier = Classifier(example("darlington-2023"))
        >>> classifier.classify(example("darlington-2023").coalition(
        ...     ["Labour", "Green", "Independent"])).surplus
        True
        >>> [str(item.coalition) for item in classifier.rank()][0]
        'Labour + Liberal Democrat: 26 of 50 (majority 26)'
    """

    def __init__(
        self,
        council: Council,
        constraints: Constraints | None = None,
        *,
        max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
        max_parties: int | None = None,
    ) -> None:
        check_council(council)
        self.council = council
        self.listed = minimal_winning(
            council,
            constraints=constraints,
            max_coalitions=max_coalitions,
            max_parties=max_parties,
        )
        self.minimal = {frozenset(c.names) for c in self.listed}
        least = (
            min((c.seats for c in self.listed), default=0)
            if max_parties is None
            else _least_winning_seats(council)
        )
        self.minimum = {frozenset(c.names) for c in self.listed if c.seats == least}
        self.fewest = {frozenset(c.names) for c in _smallest(self.listed, key=len)}
        placed = all(p.position is not None for p in council.parties)
        self.line = _positioned(council, "omit", "") if placed else None
        self.connected_minimal = (
            {
                frozenset(c.names)
                for c in minimal_connected_winning(council, constraints=constraints)
            }
            if placed
            else None
        )
        self.median = median_party_name(council) if placed else None

    def rank(
        self, coalitions: Iterable[Coalition] | None = None
    ) -> list[Classification]:
        """Return coalitions classified, most plausible first.

        The minimal winning coalitions unless ``coalitions`` are given (all
        winning ones, say, surplus included). See [`rank`][coalitions.rank]
        for the order.
        """
        chosen = self.listed if coalitions is None else coalitions
        return sorted(map(self.classify, chosen), key=plausibility)

    def classify(self, coalition: Coalition) -> Classification:
        """Return what a coalition of this council is."""
        names = frozenset(coalition.names)
        connected = None
        if self.line is not None:
            spots = sorted(self.line.index(self.council.index(n)) for n in names)
            connected = not spots or spots[-1] - spots[0] + 1 == len(spots)
        return Classification(
            coalition=coalition,
            winning=coalition.is_winning,
            minority=not coalition.is_winning,
            minimal=names in self.minimal,
            surplus=coalition.is_winning and names not in self.minimal,
            minimum_winning=names in self.minimum,
            fewest_parties=names in self.fewest,
            connected=connected,
            minimal_connected=(
                None
                if self.connected_minimal is None
                else names in self.connected_minimal
            ),
            contains_median=(
                None
                if self.line is None
                else self.median is not None and self.median in names
            ),
            margin=coalition.surplus,
            range=coalition_range(coalition),
        )


def classify(
    council: Council,
    coalition: Coalition | list[str] | tuple[str, ...] | str,
    *,
    constraints: Constraints | None = None,
) -> Classification:
    """Return what a coalition is: majority or minority, minimal or surplus, and more.

    Args:
        council: The council.
        coalition: A coalition or party names (such as a cabinet's parties).
        constraints: Constraints under which "minimal" and the theories are
            judged.

    Examples:
        >>> darlington = example("darlington-2023")
        >>> result = classify(darlington, ["Labour", "Liberal Democrat"])
        >>> result.minimal, result.minimum_winning, result.margin
        (True, True, 0)
        >>> classify(darlington, ["Labour"]).minority
        True
    """
    game_of(council, constraints)
    return Classifier(council, constraints).classify(council.coalition(coalition))


#: Most seats for which the fewest seats of a winning coalition are found by
#: a table of subset sums (a bitset of this many bits).
LEAST_SEATS_LIMIT = 10_000_000


def _least_winning_seats(council: Council) -> int:
    """The fewest seats any winning coalition holds, from the subset sums.

    Under a rule that counts members, the sums are kept per number of
    members (one bitset each), since the seats needed depend on it.
    """
    if council.rule.chair is not None:
        raise InvalidValueError(
            "max_parties", council.rule, "a council without a chair's casting vote"
        )
    if council.declared > LEAST_SEATS_LIMIT:
        raise InvalidValueError(
            "max_parties",
            council.declared,
            f"a council of at most {LEAST_SEATS_LIMIT:,} seats",
        )
    needed, enough = council.member_quota
    if (needed, enough) == (0, None):
        reach = 1  # bit t: some parties hold exactly t seats together
        for party in council.parties:
            reach |= reach << party.seats
        fewest = _least_at_or_above(reach, council.quota)
        return 0 if fewest is None else fewest  # 0: nobody wins
    rows = [1]  # rows[k], bit t: some k parties hold exactly t seats together
    for party in council.parties:
        rows.append(0)
        for size in range(len(rows) - 1, 0, -1):
            rows[size] |= rows[size - 1] << party.seats
    least = [
        _least_at_or_above(
            row, 0 if enough is not None and size >= enough else council.quota
        )
        for size, row in enumerate(rows)
        if size >= needed or (enough is not None and size >= enough)
    ]
    return min((seats for seats in least if seats is not None), default=0)


def _least_at_or_above(reach: int, quota: int) -> int | None:
    """The smallest total at least ``quota`` in a bitset of totals, if any."""
    above = reach >> quota
    if not above:
        return None
    return quota + (above & -above).bit_length() - 1


def plausibility(item: Classification) -> tuple[object, ...]:
    """The sort key of the "most plausible first" order, lower first.

    Fewer parties first; then coalitions that include the median party;
    then connected ones; then a smaller left-right range; then fewer seats
    (a smaller surplus); then the listing order. Criteria that need
    positions give every coalition the same key when parties have none.
    Chosen against history: of ten orders scored on the first cabinets
    formed after 556 majority elections in ParlGov, it put the cabinet
    that formed first most often (47%, tied) and in the top five most often
    (66% among minimal winning coalitions, 69% among all winning ones);
    see the explanation page on theories.

    Examples:
        >>> items = rank(example("darlington-2023"))
        >>> [plausibility(item)[0] for item in items]  # number of parties
        [2, 2, 2]
    """
    return (
        len(item.coalition),
        item.contains_median is False,
        item.connected is False,
        item.range if item.range is not None else Fraction(0),
        item.coalition.seats,
        item.coalition.sort_key(),
    )


def rank(
    council: Council,
    *,
    constraints: Constraints | None = None,
    surplus: bool = False,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
    top: int | None = None,
) -> list[Classification]:
    """Return the minimal winning coalitions, classified, most plausible first.

    The order, for a "most plausible first" panel and table: fewer parties
    first, then coalitions that include the median party, then connected
    ones, then a smaller left-right range, then fewer seats (a smaller
    surplus), then the listing order (see
    [`plausibility`][coalitions.plausibility] for the evidence behind it).
    Criteria that need positions are skipped when parties have none.

    Args:
        council: The council.
        constraints: Constraints the coalitions must meet.
        surplus: Rank every winning coalition, surplus ones included (such
            as the Dutch cabinet of 2024), not only the minimal ones.
        max_coalitions: The most coalitions to rank; above it
            [`TooManyCoalitionsError`][coalitions.exceptions.TooManyCoalitionsError].
        top: Return only the first ``top``. When there are more minimal
            winning coalitions than ``max_coalitions``, they are found best
            first: since fewer parties come first, the search lists those
            of one party, then two, and so on, until it holds ``top`` of
            them, and ranks only those (councils without constraints,
            chair or member count).

    Examples:
        >>> for item in rank(example("darlington-2023")):
        ...     print(item.coalition)
        Labour + Liberal Democrat: 26 of 50 (majority 26)
        Labour + Green: 30 of 50 (majority 26)
        Labour + Conservative: 37 of 50 (majority 26)
        >>> items = rank(example("darlington-2023"), surplus=True)
        >>> len(items), items[3].surplus
        (14, True)
    """
    game_of(council, constraints)
    shown = None if top is None else count(top, "top")
    if shown is not None and not surplus:
        classifier, _ = best_first(council, shown, constraints, max_coalitions)
        return classifier.rank()[:shown]
    classifier = Classifier(council, constraints, max_coalitions=max_coalitions)
    if not surplus:
        return classifier.rank()
    ranked = classifier.rank(
        winning(council, constraints=constraints, max_coalitions=max_coalitions)
    )
    return ranked if shown is None else ranked[:shown]


def best_first(
    council: Council,
    top: int,
    constraints: Constraints | None = None,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
) -> tuple[Classifier, int]:
    """A classifier holding at least the ``top`` most plausible coalitions.

    All the minimal winning coalitions when there are at most
    ``max_coalitions``; otherwise those of at most ``k`` parties, for the
    smallest ``k`` that gives ``top`` of them (fewer parties come first in
    the order, so these include the first ``top``). Returns it with the
    number of minimal winning coalitions there are.

    Raises:
        TooManyCoalitionsError: Too many to list, and they cannot be counted
            or constraints apply.
    """
    try:
        total: int | None = count_minimal_winning(council, constraints=constraints)
    except ComputationTooLargeError:
        total = None
    if max_coalitions is None or (total is not None and total <= max_coalitions):
        classifier = Classifier(council, constraints, max_coalitions=max_coalitions)
        return classifier, len(classifier.listed)
    if constraints or total is None or council.rule.chair is not None:
        raise TooManyCoalitionsError(total, max_coalitions, "iter_minimal_winning")
    for size in range(1, len(council.parties) + 1):
        classifier = Classifier(
            council, max_coalitions=max_coalitions, max_parties=size
        )
        if len(classifier.listed) >= top:
            break
    return classifier, total
