"""Election night: what the seats still to declare can and cannot change.

A *completion* of a partial result gives every undeclared seat to a party,
existing or new. The questions here are about all completions at once:

- a coalition is **certain** to have a majority when it wins in every
  completion, **possible** when it wins in some, **impossible** when in none;
- a council is under a party's **control** when that party wins alone in
  every completion, in **no overall control** when no party (existing or
  new) wins alone in any, and **not yet known** otherwise.

Undeclared seats can only add to a coalition, and the quota is reckoned on
every seat (all of them are filled once the count ends), so a coalition's
fate depends only on how many of the undeclared seats its own members win.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

import attrs

from coalitions._engine.enumerate import subsets_by_total
from coalitions._engine.game import bits, check_council
from coalitions._model import Coalition, Council
from coalitions._validate import count
from coalitions._winning import (
    DEFAULT_MAX_COALITIONS,
    count_minimal_winning,
    minimal_winning,
)
from coalitions.exceptions import ComputationTooLargeError, TooManyCoalitionsError

__all__ = [
    "CoalitionOutlook",
    "Control",
    "ControlStatus",
    "Outlook",
    "PartyOutlook",
    "Status",
    "coalition_outlook",
    "control",
    "outlook",
]


class Status(enum.StrEnum):
    """Whether a coalition (or a party) has a majority, whatever is still to come.

    A string enum: ``Status.CERTAIN == "certain"``.

    Examples:
        >>> coalition_outlook(example("darlington-2023"), ["Labour"]).status.value
        'impossible'
    """

    #: Wins in every completion of the result: it already has a majority.
    CERTAIN = "certain"
    #: Wins in some completions: if its members win enough undeclared seats.
    POSSIBLE = "possible"
    #: Wins in none: even all the undeclared seats would not be enough.
    IMPOSSIBLE = "impossible"


@attrs.frozen
class CoalitionOutlook:
    """A coalition's prospects while seats are still to declare.

    Attributes:
        coalition: The coalition, with the seats declared so far.
        status: Certain, possible or impossible.
        seats_needed: Undeclared seats its members must still win: 0 when
            certain; more than the undeclared seats when impossible.

    Examples:
        >>> darlington = example("darlington-2023")
        >>> item = coalition_outlook(darlington, ["Labour", "Independent"])
        >>> item.status.value, item.seats_needed, item.coalition.seats
        ('possible', 2, 24)
    """

    coalition: Coalition
    status: Status
    seats_needed: int


@attrs.frozen
class PartyOutlook:
    """A party's prospects of a majority on its own.

    Attributes:
        name: The party.
        seats: Its seats so far.
        seats_needed: Seats it still needs for an outright majority (its
            "magic number"): 0 when it has one.
        status: Certain, possible (if it wins ``seats_needed`` of the
            undeclared seats) or impossible.

    Examples:
        >>> labour = outlook(example("darlington-2023")).parties[0]
        >>> labour.name, labour.seats, labour.seats_needed, labour.status.value
        ('Labour', 23, 3, 'impossible')
    """

    name: str
    seats: int
    seats_needed: int
    status: Status


@attrs.frozen
class Outlook:
    """Every coalition that could still govern, and every party's magic number.

    Attributes:
        council: The partial result.
        coalitions: Each coalition that is minimal winning in at least one
            completion of the result: the certain ones first (in listing
            order), then the possible ones by seats needed.
        parties: Each party's outlook, in council order.

    Examples:
        >>> night = outlook(example("darlington-2023"))
        >>> len(night.with_status(Status.CERTAIN))
        3
    """

    council: Council
    coalitions: tuple[CoalitionOutlook, ...]
    parties: tuple[PartyOutlook, ...]

    def with_status(self, status: Status) -> tuple[CoalitionOutlook, ...]:
        """Return the coalitions with one status."""
        return tuple(c for c in self.coalitions if c.status is status)


def _final(council: Council) -> Council:
    """The council's rule as it will apply once every seat is filled."""
    return council.with_rule(council.rule.final())


def _judge(council: Council, coalition: Coalition) -> CoalitionOutlook:
    needed = max(0, coalition.quota - coalition.seats)
    if coalition.is_winning:
        status, needed = Status.CERTAIN, 0
    elif len(coalition) < coalition.members_needed:
        # Seats add no members: no number of undeclared seats is enough.
        status, needed = Status.IMPOSSIBLE, max(needed, council.undeclared + 1)
    elif needed <= council.undeclared:
        status = Status.POSSIBLE
    else:
        status = Status.IMPOSSIBLE
    return CoalitionOutlook(coalition, status, needed)


def coalition_outlook(
    council: Council, members: Iterable[str] | str | Coalition
) -> CoalitionOutlook:
    """Return one coalition's status while seats are still to declare.

    Args:
        council: The partial result.
        members: Party names, or a coalition.

    Returns:
        The coalition's status and the undeclared seats its members need.

    Raises:
        UnknownPartyError: A name is not a party of the council.

    Examples:
        >>> darlington = example("darlington-2023")
        >>> coalition_outlook(darlington, ["Labour", "Independent"]).seats_needed
        2
        >>> coalition_outlook(darlington, ["Labour", "Green"]).status
        <Status.CERTAIN: 'certain'>
    """
    check_council(council)
    final = _final(council)
    return _judge(final, final.coalition(members))


def outlook(
    council: Council, *, max_coalitions: int | None = DEFAULT_MAX_COALITIONS
) -> Outlook:
    """Return who could still govern while seats are still to declare.

    A coalition is listed when it is minimal winning in at least one
    completion of the result. That is exactly:

    - the minimal winning coalitions of the seats declared so far (with the
      quota of all seats): **certain**, since undeclared seats can only add
      to them. They stay winning in every completion, though one may stop
      being *minimal* if its own members win more seats;
    - the coalitions short of the quota by no more than the undeclared
      seats (and with no more seatless members than seats they need, since
      each must win one): **possible**. Any member leaving such a coalition
      once it has exactly the quota makes it lose, so they are minimal in the
      completion where they win just enough.

    No other coalition of the existing parties is minimal winning in any
    completion: a winning coalition that is not minimal now only grows
    further from minimal as its members win seats. With no undeclared seats
    the outlook lists exactly [`minimal_winning`][coalitions.minimal_winning].

    Args:
        council: The partial result.
        max_coalitions: The most coalitions to list; ``None`` for no cap.
            Early in the night almost every coalition is possible.

    Returns:
        The outlook.

    Raises:
        TooManyCoalitionsError: More than ``max_coalitions`` coalitions.

    Examples:
        >>> night = outlook(example("darlington-2023"))
        >>> for item in night.coalitions:
        ...     print(item.status, item.seats_needed, " + ".join(item.coalition.names))
        certain 0 Labour + Conservative
        certain 0 Labour + Green
        certain 0 Labour + Liberal Democrat
        possible 1 Conservative + Green + Liberal Democrat + Independent
        possible 2 Labour + Independent
        possible 2 Conservative + Green + Liberal Democrat
        >>> [(p.name, p.seats_needed) for p in night.parties][:2]
        [('Labour', 3), ('Conservative', 12)]
    """
    check_council(council)
    final = _final(council)
    cap = None if max_coalitions is None else count(max_coalitions, "max_coalitions")
    if cap is not None:
        many = _count_outlook(final)
        if many is not None and many > cap:
            raise TooManyCoalitionsError(many, cap, None)
    certain = [
        _judge(final, coalition)
        for coalition in minimal_winning(final, max_coalitions=cap)
    ]
    room = None if cap is None else cap - len(certain)
    possible: list[CoalitionOutlook] = []
    for positions in _short_by_at_most(final, final.undeclared):
        if room is not None and len(possible) >= room:
            raise TooManyCoalitionsError(None, cap or 0, None)
        possible.append(_judge(final, final.coalition_at(positions)))
    possible.sort(key=lambda item: (item.seats_needed, item.coalition.sort_key()))
    return Outlook(council, (*certain, *possible), _prospects(final))


def party_outlooks(council: Council) -> tuple[PartyOutlook, ...]:
    """Each party's outlook alone, without listing coalitions (for panels)."""
    check_council(council)
    return _prospects(_final(council))


def _prospects(final: Council) -> tuple[PartyOutlook, ...]:
    """Each party's chances of a majority of its own, in council order."""
    prospects = []
    for i, party in enumerate(final.parties):
        judged = _judge(final, final.coalition_at([i]))
        prospects.append(
            PartyOutlook(party.name, party.seats, judged.seats_needed, judged.status)
        )
    return tuple(prospects)


def _short_by_at_most(council: Council, undeclared: int) -> Iterator[list[int]]:
    """Yield the losing coalitions that the undeclared seats could make win.

    Coalitions come as party positions. Each is short by at most
    ``undeclared`` seats, with no more seatless members than seats it needs.
    """
    if undeclared == 0:
        return
    order = sorted(range(len(council.parties)), key=lambda i: -council.parties[i].seats)
    seats = [council.parties[i].seats for i in order]
    chair = [council.is_chair(council.parties[i]) for i in order]
    # A chair's casting vote lowers the quota by one for coalitions with it.
    high = council.quota_for(with_chair=False)
    low = council.quota_for(with_chair=True)
    remaining = [sum(seats[j:]) for j in range(len(seats) + 1)]
    stack = [(0, 0, 0)]  # (next position, members as a bitmask, their seats)
    while stack:
        start, members, held = stack.pop()
        if members:
            with_chair = any(chair[j] for j in bits(members))
            short = council.quota_for(with_chair=with_chair) - held
            zeros = sum(1 for j in bits(members) if seats[j] == 0)
            if 0 < short <= undeclared and zeros <= short:
                yield sorted(order[j] for j in bits(members))
        for j in range(start, len(seats)):
            total = held + seats[j]
            # Seats only add up: past the quota no superset is short, and
            # below reach of it even with every later party none will be.
            if total < high and total + remaining[j + 1] + undeclared >= low:
                stack.append((j + 1, members | (1 << j), total))


def _count_outlook(final: Council) -> int | None:
    """How many coalitions the outlook lists, or ``None`` if too costly to count."""
    possible = _count_short_by_at_most(final, final.undeclared)
    try:
        certain = count_minimal_winning(final)
    except ComputationTooLargeError:
        return None
    return None if possible is None else certain + possible


def _count_short_by_at_most(council: Council, undeclared: int) -> int | None:
    """Count what `_short_by_at_most` yields, without listing; ``None`` if too costly.

    Split the members into seated parties other than the chair's (counted
    by seat total with one table) and seatless ones (any ``k`` of the ``z``
    of them may join a coalition short by ``k`` seats or more), with and
    without the chair's party.
    """
    if undeclared == 0:
        return 0
    chair = next(
        (i for i, p in enumerate(council.parties) if council.is_chair(p)), None
    )
    others = [p.seats for i, p in enumerate(council.parties) if i != chair]
    seated = [seats for seats in others if seats > 0]
    seatless = len(others) - len(seated)
    cases = [(council.quota_for(with_chair=False), 0, 0)]
    if chair is not None:
        chair_seats = council.parties[chair].seats
        cases.append(
            (council.quota_for(with_chair=True), chair_seats, int(chair_seats == 0))
        )
    # ways[k]: subsets of the seatless parties of at most k members.
    ways, term, running = [], 1, 0
    for k in range(min(seatless, undeclared) + 1):
        running += term
        ways.append(running)
        term = term * (seatless - k) // (k + 1)
    total = 0
    for quota, held, zeros in cases:
        by_total = subsets_by_total(seated, max(0, quota - held))
        if by_total is None:
            return None
        for seats in range(max(0, quota - held - undeclared), len(by_total)):
            short = quota - held - seats  # 1 .. undeclared
            if short >= zeros:
                total += by_total[seats] * ways[min(short - zeros, seatless)]
        if held == 0 and zeros == 0 and 0 < quota <= undeclared:
            total -= 1  # the empty coalition is no coalition
    return total


class ControlStatus(enum.StrEnum):
    """Who controls a council. A string enum, e.g. ``"no overall control"``.

    Examples:
        >>> control(example("eec-1958")).status.value
        'no overall control'
    """

    #: One party has a majority on its own, whatever is still to declare.
    MAJORITY = "majority"
    #: No party has, or can still get, a majority on its own.
    NO_OVERALL_CONTROL = "no overall control"
    #: The seats still to declare could decide it.
    NOT_YET_KNOWN = "not yet known"


@attrs.frozen
class Control:
    """Who controls a council, ready for a panel's headline.

    Attributes:
        status: Majority, no overall control, or not yet known.
        party: The party with a majority, if any.
        largest: The largest party (several when tied), in council order.
        largest_seats: The largest party's seats.
        seats_short: Seats the largest party lacks for a majority on its own
            (0 when it has one).
        undeclared: Seats still to declare (or vacant).
        contenders: Parties that could still win a majority on their own
            (when not yet known).

    Examples:
        >>> print(control(example("darlington-2023")))
        No overall control: Labour is 3 seats short of a majority
    """

    status: ControlStatus
    party: str | None
    largest: tuple[str, ...]
    largest_seats: int
    seats_short: int
    undeclared: int
    contenders: tuple[str, ...]

    def __str__(self) -> str:
        if self.status is ControlStatus.MAJORITY:
            return f"{self.party} majority"
        if len(self.largest) > 1:
            largest = ", ".join(self.largest[:-1]) + " and " + self.largest[-1]
        else:
            largest = "".join(self.largest) or "no party"
        seats = "seat" if self.seats_short == 1 else "seats"
        short = f"{largest} {'are' if len(self.largest) > 1 else 'is'} "
        short += f"{self.seats_short} {seats} short of a majority"
        if self.status is ControlStatus.NO_OVERALL_CONTROL:
            return f"No overall control: {short}"
        left = f"{self.undeclared} seat" + ("" if self.undeclared == 1 else "s")
        return f"Not yet known: {short} with {left} to declare"


def control(council: Council) -> Control:
    """Return who controls the council: a party, nobody, or not yet known.

    "Not yet known" means that some way the undeclared seats could fall
    gives a party a majority and another does not (or gives it to another
    party). A new party counts: it could win a majority if enough seats are
    still to declare.

    Control by one party is meaningful under a proper rule. Under an
    improper one (``allow_improper=True``) several parties may reach the
    quota at once; the first of them in council order is reported.

    Examples:
        >>> darlington = example("darlington-2023")
        >>> control(darlington).status  # even 2 more would leave Labour short
        <ControlStatus.NO_OVERALL_CONTROL: 'no overall control'>
        >>> print(control(darlington.with_seats({"Labour": 24, "Green": 5})))
        Not yet known: Labour is 2 seats short of a majority with 3 seats to declare
        >>> print(control(darlington.with_seats({"Labour": 26, "Green": 5})))
        Labour majority
    """
    check_council(council)
    final = _final(council)
    parties = _prospects(final)
    most = max((party.seats for party in parties), default=0)
    largest = tuple(p.name for p in parties if p.seats == most and most > 0)
    short = min(
        (party.seats_needed for party in parties if party.seats == most),
        default=final.quota_for(with_chair=False),
    )
    winner = next((p.name for p in parties if p.status is Status.CERTAIN), None)
    contenders = tuple(p.name for p in parties if p.status is Status.POSSIBLE)
    newcomer_can_win = (
        final.undeclared >= final.quota_for(with_chair=False)
        and final.member_quota[0] <= 1
    )
    if winner is not None:
        status = ControlStatus.MAJORITY
    elif contenders or newcomer_can_win:
        status = ControlStatus.NOT_YET_KNOWN
    else:
        status = ControlStatus.NO_OVERALL_CONTROL
    return Control(status, winner, largest, most, short, final.undeclared, contenders)
