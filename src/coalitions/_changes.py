"""What changed between two compositions of a council."""

from __future__ import annotations

import attrs

from coalitions._engine.game import check_council
from coalitions._model import Coalition, Council
from coalitions._validate import name_key
from coalitions._winning import DEFAULT_MAX_COALITIONS, minimal_winning

__all__ = ["Changes", "SeatChange", "changes"]


@attrs.frozen
class SeatChange:
    """One party's seats before and after.

    Attributes:
        name: The party (as named in the later council, if it is there).
        before: Seats before (0 for a party that is new).
        after: Seats after (0 for a party that has gone).

    Examples:
        >>> SeatChange("Green", 2, 7).change
        5
    """

    name: str
    before: int
    after: int

    @property
    def change(self) -> int:
        """Seats gained (positive) or lost (negative)."""
        return self.after - self.before

    def describe(self) -> str:
        """Return the change as a sentence for a panel.

        Examples:
            >>> SeatChange("Conservative", 22, 14).describe()
            'Conservative fell from 22 seats to 14'
            >>> SeatChange("Reform", 0, 1).describe()
            'Reform won 1 seat, up from none'
        """

        def seats(number: int) -> str:
            return f"{number} seat" if number == 1 else f"{number} seats"

        if self.before == self.after:
            return f"{self.name} held {seats(self.after)}"
        if self.before == 0:
            return f"{self.name} won {seats(self.after)}, up from none"
        if self.after == 0:
            if self.before == 1:
                return f"{self.name} lost its only seat"
            return f"{self.name} lost all {seats(self.before)}"
        verb = "rose" if self.after > self.before else "fell"
        return f"{self.name} {verb} from {seats(self.before)} to {self.after}"


@attrs.frozen
class Changes:
    """Seat changes between two compositions, and which majorities they made or broke.

    Attributes:
        previous: The earlier council.
        current: The later council.
        parties: Each party's change: parties of the later council in its
            order, then those only in the earlier one.
        gained_majority: Minimal winning coalitions of the later council that
            did not win before (parties new to it counting as 0 seats then).
        lost_majority: Minimal winning coalitions of the earlier council that
            no longer win (with the later seats of the same parties).
        total_seats_changed: Whether the councils differ in size, in which
            case the quotas differ too and seat changes do not add up to zero.

    Examples:
        >>> result = changes(example("darlington-2019"), example("darlington-2023"))
        >>> [" + ".join(c.names) for c in result.gained_majority]
        ['Labour + Green', 'Labour + Liberal Democrat']
    """

    previous: Council
    current: Council
    parties: tuple[SeatChange, ...]
    gained_majority: tuple[Coalition, ...]
    lost_majority: tuple[Coalition, ...]
    total_seats_changed: bool


def changes(
    previous: Council,
    current: Council,
    *,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
) -> Changes:
    """Return the seat changes and majority changes from one council to another.

    Parties are matched by name (ignoring case and white space). A party in
    only one of the councils counts as holding 0 seats in the other. Councils
    of different sizes are compared all the same, and flagged with
    ``total_seats_changed``.

    Args:
        previous: The earlier composition.
        current: The later one.
        max_coalitions: The cap for listing each council's minimal winning
            coalitions.

    Returns:
        The changes.

    Examples:
        >>> before = example("darlington-2019")
        >>> after = example("darlington-2023")
        >>> print(changes(before, after).parties[1].describe())
        Conservative fell from 22 seats to 14
    """
    check_council(previous)
    check_council(current)
    earlier = {name_key(p.name): p.seats for p in previous.parties}
    later = {name_key(p.name): p.seats for p in current.parties}
    rows = [
        SeatChange(p.name, earlier.get(name_key(p.name), 0), p.seats)
        for p in current.parties
    ]
    rows += [
        SeatChange(p.name, p.seats, 0)
        for p in previous.parties
        if name_key(p.name) not in later
    ]

    def won_in(council: Council, coalition: Coalition) -> bool:
        # Members missing from the other council held no seats there.
        present = [name for name in coalition.names if name in council]
        return bool(present) and council.is_winning(present)

    gained = tuple(
        coalition
        for coalition in minimal_winning(current, max_coalitions=max_coalitions)
        if not won_in(previous, coalition)
    )
    lost = tuple(
        coalition
        for coalition in minimal_winning(previous, max_coalitions=max_coalitions)
        if not won_in(current, coalition)
    )
    return Changes(
        previous,
        current,
        tuple(rows),
        gained,
        lost,
        previous.total_seats != current.total_seats,
    )
