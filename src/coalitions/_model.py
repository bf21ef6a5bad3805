"""Parties, councils and coalitions: the immutable model users build."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from coalitions._rules import QuotaRule, rule_data, rule_from
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
    did_you_mean,
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


def _votes(value: object) -> int | None:
    if value is None:
        return None
    return whole_number(value, "votes", error=InvalidValueError)


@attrs.frozen
class Party:
    """A party (or any group that votes as one) and the seats it holds.

    Construct it as ``Party(name, seats, *, abbreviation=None, colour=None,
    position=None, votes=None)``.

    Attributes:
        name: The party's name. Surrounding white space is trimmed and runs of
            inner white space become one space.
        seats: Seats held: a non-negative whole number.
        abbreviation: An optional short name, e.g. ``"Lab"``.
        colour: An optional ``#rrggbb`` (or ``#rgb``) colour for charts.
        position: An optional left-right score (any finite number, larger is
            further right) used by position-based coalition theories.
        votes: The votes it won, if known (as
            [`Allocation.council`][coalitions.Allocation.council] records
            them); panels show them beside the seats.

    Raises:
        InvalidSeatsError: ``seats`` is negative or fractional.
        InvalidTypeError: ``seats`` is a bool or not a number, or ``name`` is
            not a string.
        InvalidNameError: ``name`` is empty.

    Examples:
        >>> Party("Labour", 23)
        Party(name='Labour', seats=23, abbreviation=None, colour=None, ...)
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
    votes: int | None = attrs.field(default=None, kw_only=True, converter=_votes)

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


def _seat_pairs(seats: object) -> list[tuple[Any, Any]]:
    """(party, seats) pairs from a mapping, a Series-like object or a data frame.

    Duck-typed, so that pandas (or polars) works without being a dependency.
    """
    columns = getattr(seats, "columns", None)
    if columns is not None and not isinstance(seats, Mapping):
        named = {str(column).strip().casefold(): column for column in columns}
        if "party" not in named or "seats" not in named:
            raise InvalidTypeError(
                "seats",
                f"a table with columns {[str(c) for c in columns]}",
                "a data frame with 'party' and 'seats' columns",
            )
        frame: Any = seats
        return list(zip(frame[named["party"]], frame[named["seats"]], strict=True))
    items = getattr(seats, "items", None)
    if isinstance(seats, str | bytes) or not callable(items):
        raise InvalidTypeError("seats", seats, "a mapping of party name to seats")
    return list(items())


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


@attrs.frozen(repr=False, cache_hash=True)
class Council:
    """A council or parliament: parties, their seats and the quota to govern.

    By default a coalition needs more than half of *all* seats,
    ``total_seats // 2 + 1``, counting undeclared and vacant seats: exactly
    half never wins. Pass ``quota`` for another rule: a whole number of
    seats, or a rule object ([`Majority`][coalitions.Majority],
    [`Supermajority`][coalitions.Supermajority],
    [`CastingVote`][coalitions.CastingVote]). Every function of the library
    honours the council's rule.

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
        rule: The quota rule in force, given to the constructor as
            ``quota``: ``None`` (a simple majority), a whole number of seats
            (a [`FixedQuota`][coalitions.FixedQuota]) or a rule object.
        allow_improper: Allow a quota at or below half of ``total_seats``, with
            which two disjoint coalitions could both win.

    Raises:
        InvalidSeatsError: The parties hold more than ``total_seats``.
        InvalidQuotaError: ``quota`` is above ``total_seats``, or at or below
            half of it without ``allow_improper``.
        UnknownPartyError: A casting vote names a chair that is no party.
        InvalidQuotaError: A casting vote names a party that holds no seat.
        DuplicatePartyError: Two parties share a name.
        InvalidTypeError: ``parties`` holds something that is not a Party.

    Examples:
        >>> council = Council("Example", [Party("A", 5), Party("B", 4)], 10)
        >>> council.quota, council.declared, council.undeclared
        (6, 9, 1)
    """

    name: str = attrs.field(converter=_council_name)
    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    total_seats: int = attrs.field(converter=_total_seats)
    rule: QuotaRule = attrs.field(
        default=None, kw_only=True, converter=rule_from, alias="quota"
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
        chair = self.rule.chair
        if chair is not None and not self[chair].seats:
            raise InvalidQuotaError(
                "quota.chair",
                chair,
                "a party holding at least one seat (the chair is a member)",
            )
        quota = self.quota
        if quota > self.total_seats:
            raise InvalidQuotaError(
                "quota", quota, f"at most total_seats ({self.total_seats})"
            )
        improper = self.rule.improper_basis(self.total_seats, declared)
        if improper is not None and not self.allow_improper:
            when = "" if improper == self.total_seats else " when that many are filled"
            raise InvalidQuotaError(
                "quota",
                quota if improper == self.total_seats else self.rule,
                f"more than half of the {improper} seats it counts{when}, so that "
                "two disjoint coalitions cannot both win; pass allow_improper=True "
                "to allow it",
            )
        needed, enough = self.member_quota
        parties = len(self.parties)
        if (needed or enough is not None) and self.undeclared:
            raise InvalidQuotaError(
                "quota",
                self.rule,
                f"a rule that counts seats only while {self.undeclared} seats are "
                "undeclared or vacant: a rule that counts members needs every "
                "seat held, since who holds the rest would change the members",
            )
        if enough is not None and enough < 1:
            raise InvalidQuotaError(
                "quota.blocking",
                self.rule,
                f"a blocking minority of at most the {parties} parties, so that "
                "some coalition can block (otherwise even no party wins)",
            )
        if (
            enough is not None
            and not self.allow_improper
            and (2 * enough <= parties or needed + enough <= parties)
        ):
            raise InvalidQuotaError(
                "quota.blocking",
                self.rule,
                f"a blocking minority so small that two disjoint coalitions "
                f"could both win: {enough} of the {parties} parties win whatever "
                f"their seats, and {needed} with enough seats; pass "
                f"allow_improper=True to allow it",
            )

    def __repr__(self) -> str:
        # The constructor takes the rule as ``quota``: say so, so that
        # ``eval(repr(council))`` gives the council back.
        return (
            f"Council(name={self.name!r}, parties={self.parties!r}, "
            f"total_seats={self.total_seats!r}, quota={self.rule!r}, "
            f"allow_improper={self.allow_improper!r})"
        )

    @classmethod
    def from_seats(
        cls,
        name: str,
        seats: Mapping[str, int],
        *,
        total_seats: int | None = None,
        quota: int | QuotaRule | None = None,
        allow_improper: bool = False,
    ) -> Council:
        """Build a council from a mapping of party names to seats.

        Args:
            name: The council's name.
            seats: Party name to seats, in the order to show them: a mapping,
                anything with ``items()`` (a pandas Series indexed by party),
                or a data frame with ``party`` and ``seats`` columns. Not
                modified.
            total_seats: All seats; defaults to the seats in ``seats``.
            quota: Seats a coalition needs, or a rule; ``None`` for a simple
                majority.
            allow_improper: See [`Council`][coalitions.Council].

        Returns:
            The council.

        Raises:
            InvalidTypeError: ``seats`` is none of those.

        Examples:
            >>> darlington = Council.from_seats(
            ...     "Darlington Borough Council",
            ...     {"Labour": 23, "Conservative": 14, "Green": 7,
            ...      "Liberal Democrat": 3, "Independent": 1},
            ...     total_seats=50,
            ... )
            >>> darlington.quota, darlington.declared, darlington.undeclared
            (26, 48, 2)
        """
        parties = [
            Party(party, whole_number(count, f"seats[{party!r}]"))
            for party, count in _seat_pairs(seats)
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
        optionally ``quota`` (a whole number of seats, or a rule as its
        ``to_dict`` gives it) and ``allow_improper``. Unknown keys are refused,
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
                optional={"abbreviation", "colour", "position", "votes"},
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

        ``quota`` and ``allow_improper`` appear only when set: a fixed quota
        as a number, another rule as a dict.

        Examples:
            >>> Council.from_seats("Tiny", {"A": 2}, total_seats=3).to_dict()
            {'name': 'Tiny', 'total_seats': 3, 'parties': [{'name': 'A', 'seats': 2}]}
        """
        data: dict[str, Any] = {
            "name": self.name,
            "total_seats": self.total_seats,
            "parties": [party.to_dict() for party in self.parties],
        }
        quota = rule_data(self.rule)
        if quota is not None:
            data["quota"] = quota
        if self.allow_improper:
            data["allow_improper"] = True
        return data

    @property
    def quota(self) -> int:
        """The seats a coalition needs to win under the council's rule.

        With a [`CastingVote`][coalitions.CastingVote], coalitions that
        include the chair's party need one seat fewer when the total is even
        (see [`quota_for`][coalitions.Council.quota_for]).
        """
        return self.rule.quota(self.total_seats, self.declared)

    @property
    def majority(self) -> int:
        """The same number as [`quota`][coalitions.Council.quota], by its usual name.

        Kept because "majority" is the word most councils use; both always
        agree.
        """
        return self.quota

    @property
    def rule_description(self) -> str:
        """The quota rule in words, e.g. ``"more than half of 50 seats"``."""
        return self.rule.describe(self.total_seats, self.declared)

    @functools.cached_property
    def member_quota(self) -> tuple[int, int | None]:
        """The parties a coalition needs besides seats, and the number that wins alone.

        ``(0, None)`` unless the rule counts members, as a
        [`DoubleMajority`][coalitions.DoubleMajority] does.
        """
        return self.rule.member_quota(len(self.parties))

    def quota_for(self, *, with_chair: bool) -> int:
        """Return the seats a coalition needs, with or without the chair's party.

        Only a rule with a chair, such as a
        [`CastingVote`][coalitions.CastingVote], tells them apart.
        """
        if with_chair:
            return self.rule.chair_quota(self.total_seats, self.declared)
        return self.quota

    def with_rule(self, quota: int | QuotaRule | None) -> Council:
        """Return the same council under another quota rule.

        Examples:
            >>> council = Council.from_seats("C", {"A": 30, "B": 20})
            >>> council.with_rule(40).quota
            40
        """
        return attrs.evolve(self, quota=quota)

    @functools.cached_property
    def declared(self) -> int:
        """The seats held by the parties."""
        return sum(party.seats for party in self.parties)

    @property
    def undeclared(self) -> int:
        """The seats held by no party: undeclared or vacant."""
        return self.total_seats - self.declared

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        """The party names, in council order."""
        return tuple(party.name for party in self.parties)

    # --- What-ifs: each returns a new council and leaves this one unchanged.

    def _replaced(
        self, parties: Iterable[Party], *, total_seats: int | None = None
    ) -> Council:
        return Council(
            self.name,
            parties,
            self.total_seats if total_seats is None else total_seats,
            quota=self.rule,
            allow_improper=self.allow_improper,
        )

    def with_positions(self, positions: Mapping[str, float]) -> Council:
        """Return the council with left-right positions set for some parties.

        For the position-based theories (minimal connected winning, minimal
        range, the median party) when the council came without positions.

        Raises:
            UnknownPartyError: A name is not a party of the council.
            InvalidValueError: A position is not a finite number.

        Examples:
            >>> council = Council.from_seats("C", {"Lab": 23, "Con": 14})
            >>> council.with_positions({"Lab": 3.5, "Con": 7})["Con"].position
            7.0
        """
        if not isinstance(positions, Mapping):
            raise InvalidTypeError(
                "positions", positions, "a mapping of party name to position"
            )
        given = {
            self.index(name): optional_position(value, f"positions[{name!r}]")
            for name, value in positions.items()
        }
        parties = [
            attrs.evolve(party, position=given[i]) if i in given else party
            for i, party in enumerate(self.parties)
        ]
        return attrs.evolve(self, parties=parties)

    def with_seats(
        self, seats: Mapping[str, int], *, total_seats: int | None = None
    ) -> Council:
        """Return the council with some parties' seats set anew.

        Names not yet in the council are added at the end as new parties.
        The total stays the same unless ``total_seats`` is given, so seats
        gained come out of the undeclared (or vacant) ones: this is how a
        result comes in on election night.

        Raises:
            InvalidSeatsError: The parties would hold more than the total.

        Examples:
            >>> council = Council.from_seats("C", {"Lab": 23, "Con": 14},
            ...                              total_seats=50)
            >>> council.with_seats({"Lab": 25, "Grn": 7}).undeclared
            4
        """
        if not isinstance(seats, Mapping):
            raise InvalidTypeError("seats", seats, "a mapping of party name to seats")
        updates = {
            name_key(clean_name(name, "seats")): whole_number(count, f"seats[{name!r}]")
            for name, count in seats.items()
        }
        parties = [
            attrs.evolve(party, seats=updates.pop(name_key(party.name), party.seats))
            for party in self.parties
        ]
        # What is left of the updates names new parties, in the order given.
        parties.extend(
            Party(name, updates[name_key(name)])
            for name in seats
            if name_key(name) in updates
        )
        return self._replaced(parties, total_seats=total_seats)

    def _held(
        self, party: str, seats: object, field: str, *, minimum: int
    ) -> tuple[Party, int]:
        """Return the party and a whole number of seats it holds, or raise."""
        number = whole_number(seats, field, minimum=minimum)
        holder = self[party]
        if number > holder.seats:
            raise InvalidSeatsError(
                field, seats, f"at most the {holder.seats} seats {holder.name} holds"
            )
        return holder, number

    def transfer(self, source: str, target: str, seats: int = 1) -> Council:
        """Return the council after seats move from one party to another.

        For defections and floor-crossing. ``target`` may be a new party
        (added at the end). A party left with no seats stays in the council
        with 0 seats. The total is unchanged.

        Raises:
            InvalidSeatsError: ``seats`` is not positive, or more than
                ``source`` holds.
            InvalidValueError: ``target`` is ``source`` (names compared as
                the council compares them).
            UnknownPartyError: ``source`` is not a party.

        Examples:
            >>> council = Council.from_seats("C", {"Con": 22, "Lab": 20})
            >>> council.transfer("Con", "Independent", 2)["Con"].seats
            20
        """
        giver, moved = self._held(source, seats, "seats", minimum=1)
        if isinstance(target, str) and name_key(target) == name_key(giver.name):
            raise InvalidValueError(
                "target", target, f"a party other than the source, {giver.name!r}"
            )
        receiving = self[target].seats if target in self else 0
        return self.with_seats(
            {giver.name: giver.seats - moved, target: receiving + moved}
        )

    def vacate(self, party: str, seats: int = 1) -> Council:
        """Return the council after a party's seats fall vacant.

        For deaths and resignations before a by-election. The seats stay in
        the total, so by default they still count towards the majority (see
        [`Majority`][coalitions.Majority] to count filled seats only).

        Raises:
            InvalidSeatsError: ``seats`` is not positive or more than the
                party holds.

        Examples:
            >>> council = Council.from_seats("C", {"Con": 22, "Lab": 20})
            >>> council.vacate("Lab").undeclared
            1
        """
        holder, lost = self._held(party, seats, "seats", minimum=1)
        return self.with_seats({holder.name: holder.seats - lost})

    def fill(self, party: str, seats: int = 1, *, new: bool = False) -> Council:
        """Return the council after a party wins vacant or undeclared seats.

        For by-elections and for results declared on election night. A party
        the council does not have yet is added only with ``new=True``, so
        that a mistyped name ("Labor") is refused rather than becoming a
        party.

        Raises:
            InvalidSeatsError: ``seats`` is not positive, or more than the
                seats still unfilled.
            UnknownPartyError: ``party`` is not in the council and ``new`` is
                false; the message suggests the closest name.

        Examples:
            >>> council = Council.from_seats("C", {"Con": 22, "Lab": 19},
            ...                              total_seats=42)
            >>> council.fill("Lab")["Lab"].seats
            20
        """
        won = whole_number(seats, "seats", minimum=1)
        if won > self.undeclared:
            raise InvalidSeatsError(
                "seats", seats, f"at most the {self.undeclared} seats still unfilled"
            )
        if party not in self and not new:
            raise UnknownPartyError(party, self.names, hint="or pass new=True")
        current = self[party].seats if party in self else 0
        return self.with_seats({party: current + won})

    def merge(self, parties: Iterable[str], into: str) -> Council:
        """Return the council with several parties merged into one.

        The merged party takes the place of the first of them, and the name
        ``into`` (which may be one of theirs). A chair's casting vote moves
        with its party.

        Raises:
            UnknownPartyError: A name is not a party.

        Examples:
            >>> council = Council.from_seats("C", {"Con": 22, "Ind A": 2, "Ind B": 1})
            >>> council.merge(["Ind A", "Ind B"], into="Independents").names
            ('Con', 'Independents')
        """
        if isinstance(parties, str):
            parties = [parties]
        merged = sorted({self.index(name) for name in parties})
        if not merged:
            return self
        new_name = clean_name(into, "into")
        total = sum(self.parties[i].seats for i in merged)
        kept = [
            Party(new_name, total) if i == merged[0] else party
            for i, party in enumerate(self.parties)
            if i == merged[0] or i not in merged
        ]
        keys = {name_key(self.parties[i].name) for i in merged}
        rule = self.rule.renamed(
            lambda name: new_name if name_key(name) in keys else name
        )
        return Council(
            self.name,
            kept,
            self.total_seats,
            quota=rule,
            allow_improper=self.allow_improper,
        )

    def split(self, party: str, into: Mapping[str, int]) -> Council:
        """Return the council with one party split into several.

        The new parties take the old one's place, in the order given. Their
        seats must add up to the old party's.

        Raises:
            InvalidSeatsError: The new parties' seats do not add up.

        Examples:
            >>> council = Council.from_seats("C", {"Lab": 20, "Con": 22})
            >>> council.split("Lab", {"Lab": 17, "Independent Labour": 3}).names
            ('Lab', 'Independent Labour', 'Con')
        """
        if not isinstance(into, Mapping):
            raise InvalidTypeError("into", into, "a mapping of new party name to seats")
        position = self.index(party)
        old = self.parties[position]
        pieces = [
            Party(name, whole_number(count, f"into[{name!r}]"))
            for name, count in into.items()
        ]
        if sum(piece.seats for piece in pieces) != old.seats:
            raise InvalidSeatsError(
                "into", dict(into), f"seats adding up to the {old.seats} of {old.name}"
            )
        parties = [*self.parties[:position], *pieces, *self.parties[position + 1 :]]
        return self._replaced(parties)

    def renewed(
        self, retiring: Mapping[str, int], elected: Mapping[str, int]
    ) -> Council:
        """Return the council after a partial renewal, such as elections by thirds.

        The new council is the continuing members (each party's seats less
        those ``retiring``) plus those newly ``elected``, who may belong to
        new parties.

        Raises:
            InvalidSeatsError: A party retires more seats than it holds, or the
                result holds more seats than the council has.

        Examples:
            >>> council = Council.from_seats("C", {"Lab": 30, "Con": 21, "LD": 6})
            >>> after = council.renewed({"Lab": 10, "Con": 7, "LD": 2},
            ...                         {"Lab": 8, "Con": 6, "Grn": 5})
            >>> dict(zip(after.names, (p.seats for p in after.parties)))
            {'Lab': 28, 'Con': 20, 'LD': 4, 'Grn': 5}
        """
        for field, value in (("retiring", retiring), ("elected", elected)):
            if not isinstance(value, Mapping):
                raise InvalidTypeError(field, value, "a mapping of party name to seats")
        seats = {party.name: party.seats for party in self.parties}
        for name, count in retiring.items():
            holder, number = self._held(name, count, f"retiring[{name!r}]", minimum=0)
            seats[holder.name] -= number
        for name, count in elected.items():
            number = whole_number(count, f"elected[{name!r}]")
            key = self[name].name if name in self else name
            seats[key] = seats.get(key, 0) + number
        return self.with_seats(seats)

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
        elif isinstance(members, Iterable):
            names = members
        else:
            raise InvalidTypeError(
                "members", members, "party names, one name, or a Coalition"
            )
        positions = sorted({self.index(name) for name in names})
        return self.coalition_at(positions)

    def coalition_at(self, positions: Iterable[int]) -> Coalition:
        """Return the coalition of the parties at these positions in ``parties``."""
        members = [self.parties[position] for position in positions]
        ranked = sorted(
            members, key=lambda party: (-party.seats, self._index[name_key(party.name)])
        )
        needed, enough = self.member_quota
        return Coalition(
            tuple(ranked),
            quota=self.quota_for(with_chair=any(map(self.is_chair, members))),
            total_seats=self.total_seats,
            members_needed=needed,
            members_enough=enough,
        )

    def is_chair(self, party: Party) -> bool:
        """Return whether the party holds the chair's casting vote."""
        chair = self.rule.chair
        return chair is not None and name_key(party.name) == name_key(chair)

    def is_winning(self, members: Iterable[str] | str | Coalition) -> bool:
        """Return whether the named parties together reach the quota.

        Examples:
            >>> council = Council.from_seats("C", {"A": 25, "B": 25})
            >>> council.is_winning(["A"])  # exactly half is not a majority
            False
            >>> council.is_winning(["A", "B"])
            True
        """
        return self.coalition(members).is_winning


def _labelled(factory: Any, prefix: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``factory``, naming the field of an input error as ``prefix.field``."""
    try:
        return factory(*args, **kwargs)
    except (InvalidValueError, InvalidTypeError) as error:
        field = (
            error.field if error.field.startswith(prefix) else f"{prefix}.{error.field}"
        )
        raise type(error)(field, error.value, error.expected) from None


def _check_keys(
    data: object, field: str, *, required: set[str], optional: set[str]
) -> None:
    if not isinstance(data, Mapping):
        raise InvalidTypeError(field, data, "an object (mapping)")
    # Unknown keys first: a mistyped "seat" is reported as itself, with the
    # key it probably meant, rather than as a missing "seats".
    unknown = sorted(str(key) for key in data.keys() - required - optional)
    if unknown:
        allowed = sorted(required | optional)
        close = did_you_mean(unknown[0], allowed)
        hint = f"; {close}" if close else ""
        raise InvalidValueError(
            f"{field}.{unknown[0]}",
            data[unknown[0]],
            f"one of the known keys ({', '.join(allowed)}){hint}",
        )
    missing = sorted(required - data.keys())
    if missing:
        raise InvalidValueError(
            f"{field}.{missing[0]}", None, "present (it is required)"
        )


@functools.total_ordering
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
        members_needed: The parties the coalition needs besides seats (under
            a [`DoubleMajority`][coalitions.DoubleMajority]; otherwise 0).
        members_enough: The number of parties that wins whatever the seats,
            or ``None``.

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
    members_needed: int = attrs.field(default=0, kw_only=True)
    members_enough: int | None = attrs.field(default=None, kw_only=True)

    @property
    def seats(self) -> int:
        """The seats the members hold together."""
        return sum(party.seats for party in self.parties)

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        """The member names, largest party first."""
        return tuple(party.name for party in self.parties)

    @property
    def surplus(self) -> int:
        """Seats above the quota (negative when the coalition falls short)."""
        return self.seats - self.quota

    @property
    def is_winning(self) -> bool:
        """Whether the members reach the quota (and are enough parties)."""
        size = len(self.parties)
        if self.members_enough is not None and size >= self.members_enough:
            return True
        return self.seats >= self.quota and size >= self.members_needed

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
