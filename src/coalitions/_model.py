"""Parties, councils and coalitions: the immutable model users build."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from coalitions._quota import simple_majority
from coalitions._validate import (
    clean_name,
    name_key,
    optional_colour,
    optional_position,
    optional_text,
    whole_number,
)
from coalitions.exceptions import (
    DuplicatePartyError,
    InvalidQuotaError,
    InvalidSeatsError,
    InvalidTypeError,
    InvalidValueError,
    UnknownPartyError,
)

__all__ = ["Coalition", "Council", "Party"]


def _party_name(value: object) -> str:
    return clean_name(value, "name")


def _seats(value: object) -> int:
    return whole_number(value, "seats")


def _abbreviation(value: object) -> str | None:
    return optional_text(value, "abbreviation")


def _colour(value: object) -> str | None:
    return optional_colour(value, "colour")


def _position(value: object) -> float | None:
    return optional_position(value, "position")


@attrs.frozen
class Party:
    """A party (or any group that votes as one) and the seats it holds.

    Construct it as ``Party(name, seats, *, abbreviation=None, colour=None,
    position=None)``.

    Attributes:
        name: The party's name. Surrounding white space is trimmed and runs of
            inner white space become one space.
        seats: Seats held: a non-negative whole number.
        abbreviation: An optional short name, e.g. ``"Lab"``.
        colour: An optional ``#rrggbb`` (or ``#rgb``) colour for charts.
        position: An optional left-right score (any finite number, larger is
            further right) used by position-based coalition theories.

    Raises:
        InvalidSeatsError: ``seats`` is negative or fractional.
        InvalidTypeError: ``seats`` is a bool or not a number, or ``name`` is
            not a string.
        InvalidNameError: ``name`` is empty.

    Examples:
        >>> Party("Labour", 23)
        Party(name='Labour', seats=23, abbreviation=None, colour=None, position=None)
        >>> Party("  Liberal   Democrat ", 3.0).name
        'Liberal Democrat'
    """

    name: str = attrs.field(converter=_party_name)
    seats: int = attrs.field(converter=_seats)
    abbreviation: str | None = attrs.field(
        default=None, kw_only=True, converter=_abbreviation
    )
    colour: str | None = attrs.field(default=None, kw_only=True, converter=_colour)
    position: float | None = attrs.field(
        default=None, kw_only=True, converter=_position
    )

    def to_dict(self) -> dict[str, Any]:
        """Return the party as a plain dict, leaving out unset optional fields.

        Examples:
            >>> Party("Green", 7, colour="#02A95B").to_dict()
            {'name': 'Green', 'seats': 7, 'colour': '#02a95b'}
        """
        return {
            key: value
            for key, value in attrs.asdict(self, recurse=False).items()
            if value is not None
        }


def _council_name(value: object) -> str:
    return clean_name(value, "name")


def _parties(value: object) -> tuple[Party, ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            "parties",
            value,
            "an iterable of Party (use Council.from_seats for a "
            "mapping of names to seats)",
        )
    parties = tuple(value)
    for index, party in enumerate(parties):
        if not isinstance(party, Party):
            raise InvalidTypeError(f"parties[{index}]", party, "a Party")
    return parties


def _total_seats(value: object) -> int:
    return whole_number(value, "total_seats", minimum=1)


def _optional_quota(value: object) -> int | None:
    if value is None:
        return None
    return whole_number(value, "quota", minimum=1)


@attrs.frozen
class Council:
    """A council or parliament: parties, their seats and the quota to govern.

    By default a coalition needs more than half of *all* seats,
    ``total_seats // 2 + 1``, counting undeclared and vacant seats: exactly
    half never wins. Pass ``quota`` for another rule (see
    [`supermajority`][coalitions.supermajority]).

    Construct it as ``Council(name, parties, total_seats, *, quota=None,
    allow_improper=False)``, or with
    [`from_seats`][coalitions.Council.from_seats] from a mapping of names to
    seats.

    Party names are trimmed, and two names that differ only in case or white
    space (``"Labour"`` and ``"labour "``) are the same party: such duplicates
    are refused, and lookups ignore case and surrounding white space.

    Attributes:
        name: The council's name.
        parties: The parties, in the order to show them.
        total_seats: All seats, including undeclared and vacant ones. Must be
            at least the seats the parties hold.
        quota: Seats a coalition needs to win; ``None`` for a simple majority.
        allow_improper: Allow a quota at or below half of ``total_seats``, with
            which two disjoint coalitions could both win.

    Raises:
        InvalidSeatsError: The parties hold more than ``total_seats``.
        InvalidQuotaError: ``quota`` is above ``total_seats``, or at or below
            half of it without ``allow_improper``.
        DuplicatePartyError: Two parties share a name.
        InvalidTypeError: ``parties`` holds something that is not a Party.

    Examples:
        >>> council = Council("Example", [Party("A", 5), Party("B", 4)], 10)
        >>> council.majority, council.declared, council.undeclared
        (6, 9, 1)
    """

    name: str = attrs.field(converter=_council_name)
    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    total_seats: int = attrs.field(converter=_total_seats)
    quota: int | None = attrs.field(
        default=None, kw_only=True, converter=_optional_quota
    )
    allow_improper: bool = attrs.field(default=False, kw_only=True)
    _index: dict[str, int] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, int] = {}
        for position, party in enumerate(self.parties):
            key = name_key(party.name)
            if key in index:
                first = self.parties[index[key]].name
                raise DuplicatePartyError(
                    f"parties[{position}].name",
                    party.name,
                    f"a name different from parties[{index[key]}].name "
                    f"{first!r} (names ignore case and white space)",
                )
            index[key] = position
        object.__setattr__(self, "_index", index)
        declared = self.declared
        if declared > self.total_seats:
            raise InvalidSeatsError(
                "total_seats",
                self.total_seats,
                f"at least the {declared} seats the parties hold",
            )
        if self.quota is not None:
            if self.quota > self.total_seats:
                raise InvalidQuotaError(
                    "quota", self.quota, f"at most total_seats ({self.total_seats})"
                )
            if 2 * self.quota <= self.total_seats and not self.allow_improper:
                raise InvalidQuotaError(
                    "quota",
                    self.quota,
                    f"more than half of total_seats ({self.total_seats}), so "
                    "that two disjoint coalitions cannot both win; pass "
                    "allow_improper=True to allow it",
                )

    @classmethod
    def from_seats(
        cls,
        name: str,
        seats: Mapping[str, int],
        *,
        total_seats: int | None = None,
        quota: int | None = None,
        allow_improper: bool = False,
    ) -> Council:
        """Build a council from a mapping of party names to seats.

        Args:
            name: The council's name.
            seats: Party name to seats, in the order to show them. Not modified.
            total_seats: All seats; defaults to the seats in ``seats``.
            quota: Seats a coalition needs; ``None`` for a simple majority.
            allow_improper: See [`Council`][coalitions.Council].

        Returns:
            The council.

        Raises:
            InvalidTypeError: ``seats`` is not a mapping.

        Examples:
            >>> darlington = Council.from_seats(
            ...     "Darlington Borough Council",
            ...     {"Labour": 23, "Conservative": 14, "Green": 7,
            ...      "Liberal Democrat": 3, "Independent": 1},
            ...     total_seats=50,
            ... )
            >>> darlington.majority, darlington.declared, darlington.undeclared
            (26, 48, 2)
        """
        if not isinstance(seats, Mapping):
            raise InvalidTypeError("seats", seats, "a mapping of party name to seats")
        parties = [
            Party(party, whole_number(count, f"seats[{party!r}]"))
            for party, count in seats.items()
        ]
        if total_seats is None:
            total_seats = max(1, sum(party.seats for party in parties))
        return cls(
            name, parties, total_seats, quota=quota, allow_improper=allow_improper
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Council:
        """Build a council from a plain dict, the form that `to_dict` returns.

        The dict has ``name``, ``total_seats`` (optional: defaults to the
        declared seats), ``parties`` (a list of dicts with ``name``, ``seats``
        and optionally ``abbreviation``, ``colour``, ``position``), and
        optionally ``quota`` and ``allow_improper``. Unknown keys are refused,
        so that a misspelt ``qouta`` cannot be silently ignored.

        Args:
            data: The dict. Not modified.

        Returns:
            The council.

        Raises:
            InvalidValueError: A key is missing or unknown; errors about a party
                name the field as ``parties[i].field``.
            InvalidTypeError: ``data`` or a party entry is not a mapping.

        Examples:
            >>> data = {"name": "Tiny", "total_seats": 3,
            ...         "parties": [{"name": "A", "seats": 2}]}
            >>> Council.from_dict(data).to_dict() == data
            True
        """
        _check_keys(
            data,
            "council",
            required={"name", "parties"},
            optional={"total_seats", "quota", "allow_improper"},
        )
        entries = data["parties"]
        if isinstance(entries, str | bytes | Mapping) or not isinstance(
            entries, Iterable
        ):
            raise InvalidTypeError("parties", entries, "a list of party objects")
        parties = []
        for position, entry in enumerate(entries):
            field = f"parties[{position}]"
            _check_keys(
                entry,
                field,
                required={"name", "seats"},
                optional={"abbreviation", "colour", "position"},
            )
            parties.append(_labelled(Party, field, **entry))
        total = data.get("total_seats")
        if total is None:
            total = max(1, sum(party.seats for party in parties))
        allow_improper = data.get("allow_improper", False)
        if not isinstance(allow_improper, bool):
            raise InvalidTypeError("allow_improper", allow_improper, "true or false")
        return cls(
            data["name"],
            parties,
            total,
            quota=data.get("quota"),
            allow_improper=allow_improper,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the council as a plain, JSON-serialisable dict.

        ``quota`` and ``allow_improper`` appear only when set.

        Examples:
            >>> Council.from_seats("Tiny", {"A": 2}, total_seats=3).to_dict()
            {'name': 'Tiny', 'total_seats': 3, 'parties': [{'name': 'A', 'seats': 2}]}
        """
        data: dict[str, Any] = {
            "name": self.name,
            "total_seats": self.total_seats,
            "parties": [party.to_dict() for party in self.parties],
        }
        if self.quota is not None:
            data["quota"] = self.quota
        if self.allow_improper:
            data["allow_improper"] = True
        return data

    @property
    def majority(self) -> int:
        """The seats a coalition needs to win: the quota in force."""
        if self.quota is not None:
            return self.quota
        return simple_majority(self.total_seats)

    @property
    def declared(self) -> int:
        """The seats held by the parties."""
        return sum(party.seats for party in self.parties)

    @property
    def undeclared(self) -> int:
        """The seats held by no party: undeclared or vacant."""
        return self.total_seats - self.declared

    @property
    def names(self) -> tuple[str, ...]:
        """The party names, in council order."""
        return tuple(party.name for party in self.parties)

    def index(self, name: str) -> int:
        """Return the position of the named party in ``parties``.

        Raises:
            UnknownPartyError: No party has that name.
        """
        if isinstance(name, str):
            position = self._index.get(name_key(name))
            if position is not None:
                return position
        raise UnknownPartyError(name, self.names)

    def __getitem__(self, name: str) -> Party:
        """Return the party with this name (ignoring case and white space).

        Raises:
            UnknownPartyError: No party has that name; it is also a
                ``KeyError``.

        Examples:
            >>> council = Council.from_seats("C", {"Labour": 3, "Green": 1})
            >>> council["labour "].seats
            3
        """
        return self.parties[self.index(name)]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in self._index

    def coalition(self, members: Iterable[str] | str | Coalition) -> Coalition:
        """Return the coalition of the named parties in this council.

        Args:
            members: Party names (a single name is one party), or a
                coalition whose parties are looked up by name. Repeated names
                count once.

        Returns:
            The coalition, its parties largest first (ties in council order).

        Raises:
            UnknownPartyError: A name is not a party of this council.

        Examples:
            >>> council = Council.from_seats("C", {"A": 2, "B": 5, "C": 1})
            >>> str(council.coalition(["A", "B"]))
            'B + A: 7 of 8 (majority 5)'
        """
        if isinstance(members, Coalition):
            names: Iterable[str] = members.names
        elif isinstance(members, str):
            names = (members,)
        else:
            names = members
        positions = sorted({self.index(name) for name in names})
        return self.coalition_at(positions)

    def coalition_at(self, positions: Iterable[int]) -> Coalition:
        """Return the coalition of the parties at these positions in ``parties``."""
        members = [self.parties[position] for position in positions]
        ranked = sorted(
            members, key=lambda party: (-party.seats, self._index[name_key(party.name)])
        )
        return Coalition(
            tuple(ranked), quota=self.majority, total_seats=self.total_seats
        )

    def is_winning(self, members: Iterable[str] | str | Coalition) -> bool:
        """Return whether the named parties together reach the quota.

        Examples:
            >>> council = Council.from_seats("C", {"A": 25, "B": 25})
            >>> council.is_winning(["A"])  # exactly half is not a majority
            False
            >>> council.is_winning(["A", "B"])
            True
        """
        return self.coalition(members).seats >= self.majority


def _labelled(factory: Any, prefix: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``factory``, naming the field of an input error as ``prefix.field``."""
    try:
        return factory(*args, **kwargs)
    except (InvalidValueError, InvalidTypeError) as error:
        field = (
            error.field
            if error.field.startswith(prefix)
            else (f"{prefix}.{error.field}")
        )
        raise type(error)(field, error.value, error.expected) from None


def _check_keys(
    data: object, field: str, *, required: set[str], optional: set[str]
) -> None:
    if not isinstance(data, Mapping):
        raise InvalidTypeError(field, data, "an object (mapping)")
    missing = sorted(required - data.keys())
    if missing:
        raise InvalidValueError(
            f"{field}.{missing[0]}", None, "present (it is required)"
        )
    unknown = sorted(str(key) for key in data.keys() - required - optional)
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise InvalidValueError(
            f"{field}.{unknown[0]}",
            data[unknown[0]],
            f"one of the known keys ({allowed})",
        )


@attrs.frozen(order=False)
class Coalition:
    """A set of parties in a council, with what they hold against the quota.

    Coalitions are made by the council and by the functions that list them;
    parties come largest first (ties in council order). Coalitions are
    hashable, and sort by the order used for every listing: fewest parties
    first, then most seats, then names.

    Attributes:
        parties: The member parties, largest first.
        quota: The council's quota.
        total_seats: The council's total seats.

    Examples:
        >>> council = Council.from_seats("C", {"Lab": 23, "Con": 14}, total_seats=50)
        >>> coalition = council.coalition(["Con", "Lab"])
        >>> coalition.names, coalition.seats, coalition.surplus
        (('Lab', 'Con'), 37, 11)
        >>> print(coalition)
        Lab + Con: 37 of 50 (majority 26)
    """

    parties: tuple[Party, ...]
    quota: int = attrs.field(kw_only=True)
    total_seats: int = attrs.field(kw_only=True)

    @property
    def seats(self) -> int:
        """The seats the members hold together."""
        return sum(party.seats for party in self.parties)

    @property
    def names(self) -> tuple[str, ...]:
        """The member names, largest party first."""
        return tuple(party.name for party in self.parties)

    @property
    def surplus(self) -> int:
        """Seats above the quota (negative when the coalition falls short)."""
        return self.seats - self.quota

    @property
    def is_winning(self) -> bool:
        """Whether the members reach the quota."""
        return self.seats >= self.quota

    def __len__(self) -> int:
        return len(self.parties)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in {
            name_key(member) for member in self.names
        }

    def __str__(self) -> str:
        members = " + ".join(self.names) or "(no parties)"
        return f"{members}: {self.seats} of {self.total_seats} (majority {self.quota})"

    def sort_key(self) -> tuple[int, int, tuple[str, ...]]:
        """The key of the listing order: fewest parties, most seats, then names."""
        return (len(self.parties), -self.seats, self.names)

    def __lt__(self, other: Coalition) -> bool:
        if not isinstance(other, Coalition):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Coalition) -> bool:
        if not isinstance(other, Coalition):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Coalition) -> bool:
        if not isinstance(other, Coalition):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Coalition) -> bool:
        if not isinstance(other, Coalition):
            return NotImplemented
        return self.sort_key() >= other.sort_key()
