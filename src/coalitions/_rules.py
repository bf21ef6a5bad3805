"""Quota rules: how many seats a coalition needs, and every way a rule acts.

A rule is one class that implements [`QuotaRule`][coalitions.QuotaRule]: the
quota with and without the chair, its weighted form for the compiled game,
its form once every seat is filled, whether it is proper, its description
and its dict. Nothing outside this module asks which rule a council has, so
a new rule is one class here (added to ``RULES``) and its tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, ClassVar, Protocol, runtime_checkable

import attrs

from coalitions._validate import clean_name, whole_number
from coalitions.exceptions import (
    InvalidQuotaError,
    InvalidTypeError,
    InvalidValueError,
)


def simple_majority(total_seats: int) -> int:
    """Return the seats needed for a majority: more than half of all seats.

    The rule is ``total_seats // 2 + 1``. Exactly half is *not* a majority:
    with 50 seats a coalition needs 26, and with 51 seats it also needs 26.
    Undeclared and vacant seats count towards ``total_seats``.

    Args:
        total_seats: All seats of the council, whether filled or not.

    Returns:
        The smallest number of seats strictly above half of ``total_seats``.

    Raises:
        InvalidSeatsError: ``total_seats`` is negative or fractional.
        InvalidTypeError: ``total_seats`` is not a number.

    Examples:
        >>> simple_majority(50)
        26
        >>> simple_majority(51)
        26
    """
    return whole_number(total_seats, "total_seats") // 2 + 1


def supermajority(
    total_seats: int, fraction: Fraction | int | str, *, exceed: bool = False
) -> int:
    """Return the seats needed to reach a fraction of all seats.

    The result is the smallest whole number of seats ``s`` with
    ``s >= fraction * total_seats`` when the fraction must be *met*
    (``exceed=False``, the usual reading of "at least two-thirds"), or with
    ``s > fraction * total_seats`` when it must be *exceeded*
    (``exceed=True``, "more than half"). Fractional products always round up,
    because a coalition cannot hold part of a seat.

    Args:
        total_seats: All seats of the council, whether filled or not.
        fraction: The share, exactly: a ``Fraction``, an ``int`` or a string
            such as ``"2/3"``. Floats are refused because ``0.67`` is not
            two-thirds.
        exceed: Whether the share must be strictly exceeded rather than met.

    Returns:
        The quota in seats.

    Raises:
        InvalidQuotaError: ``fraction`` is not in ``(0, 1]``, or asks to exceed
            all seats.
        InvalidTypeError: ``fraction`` is a float or not a number.

    Examples:
        >>> from fractions import Fraction
        >>> supermajority(50, Fraction(2, 3))  # 33.33... rounds up
        34
        >>> supermajority(60, "2/3")  # exactly 40 meets two-thirds
        40
        >>> supermajority(60, "2/3", exceed=True)
        41
        >>> supermajority(50, "1/2", exceed=True) == simple_majority(50)
        True
    """
    total = whole_number(total_seats, "total_seats")
    share = _exact_fraction(fraction)
    if not 0 < share <= 1:
        raise InvalidQuotaError("fraction", fraction, "a share in (0, 1]")
    product = share * total
    quota = product.numerator // product.denominator
    if quota < product or exceed:
        quota += 1
    if quota > total:
        raise InvalidQuotaError(
            "fraction", fraction, f"a share that {total} seats can exceed"
        )
    return quota


def _exact_fraction(value: object, field: str = "fraction") -> Fraction:
    if isinstance(value, bool | float):
        raise InvalidTypeError(
            field, value, "an exact share such as Fraction(2, 3), '2/3' or '65%'"
        )
    if isinstance(value, Fraction | int | Decimal):
        return Fraction(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if text.endswith("%"):
                return Fraction(text[:-1].strip()) / 100
            return Fraction(text)
        except ValueError:
            pass
    raise InvalidTypeError(
        field, value, "an exact share such as Fraction(2, 3), '2/3' or '65%'"
    )


def _quota_seats(value: object) -> int:
    return whole_number(value, "quota", minimum=1)


def _chair_name(value: object) -> str:
    return clean_name(value, "chair")


@runtime_checkable
class QuotaRule(Protocol):
    """What every quota rule does: the protocol that rules implement.

    A council keeps its rule in ``Council.rule`` and asks it every question
    about the quota; no other part of the library looks at which rule it is.
    ``total_seats`` is every seat of the council, ``filled_seats`` the seats
    that parties hold.

    Attributes:
        kind: The rule's name in a council's dict (``"majority"``, ...).
        chair: The party whose chair has a casting vote, or ``None``.

    Examples:
        >>> isinstance(Majority(), QuotaRule), isinstance(35, QuotaRule)
        (True, False)
    """

    kind: ClassVar[str]

    @property
    def chair(self) -> str | None:
        """The party whose chair breaks ties, if the rule has one."""

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats a coalition without the chair's party needs."""

    def chair_quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats a coalition with the chair's party needs."""

    def weighted(
        self,
        seats: Sequence[int],
        chair: int | None,
        total_seats: int,
        filled_seats: int,
    ) -> tuple[list[int], int]:
        """Return integer weights and a quota that make the same coalitions win.

        ``chair`` is the position in ``seats`` of the chair's party.
        """

    def final(self) -> QuotaRule:
        """Return the rule as it applies once every seat is filled."""

    def improper_basis(self, total_seats: int, filled_seats: int) -> int | None:
        """Return a seat count at which two disjoint coalitions could both win.

        ``None`` when the rule is proper now and however the unfilled seats
        are filled later (or left vacant).
        """

    def renamed(self, rename: Callable[[str], str]) -> QuotaRule:
        """Return the rule with the party names it holds passed through ``rename``."""

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words, with the numbers of this council."""

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict, with its ``kind`` under ``"rule"``."""

    def member_quota(self, parties: int) -> tuple[int, int | None]:
        """Return the members a coalition needs, and the members that win alone.

        ``(0, None)`` for rules that count seats only. A rule that also
        counts members returns how many parties a coalition needs besides
        its seats, and how many parties win whatever their seats (``None``
        when no number does).
        """


class _Plain:
    """What rules without a chair share: one quota, weights are the seats."""

    @property
    def chair(self) -> str | None:
        """No chair breaks ties."""
        return None

    def quota(self, total_seats: int, filled_seats: int) -> int:
        raise NotImplementedError  # pragma: no cover - every rule defines it

    def chair_quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the quota: without a chair, every coalition needs the same."""
        return self.quota(total_seats, filled_seats)

    def weighted(
        self,
        seats: Sequence[int],
        chair: int | None,
        total_seats: int,
        filled_seats: int,
    ) -> tuple[list[int], int]:
        """Return the seats as weights, and the quota."""
        return list(seats), self.quota(total_seats, filled_seats)

    def renamed(self, rename: Callable[[str], str]) -> Any:
        """Return the rule itself: it names no party."""
        return self

    def improper_basis(self, total_seats: int, filled_seats: int) -> int | None:
        """Return ``total_seats`` if the quota is at most half of it, else ``None``."""
        quota = self.quota(total_seats, filled_seats)
        return total_seats if 2 * quota <= total_seats else None

    def member_quota(self, parties: int) -> tuple[int, int | None]:
        """Return ``(0, None)``: only seats count."""
        return 0, None


def _first_improper(quota_of: Callable[[int], int], total_seats: int) -> int | None:
    """The first seat count up to ``total_seats`` whose quota is at most half of it.

    For the rules that count filled seats, whose quota follows the count. A
    share is improper at some count only when it is one half or less, and
    then it is at every even count from 2 up: so the counts 0, 1 and 2 tell,
    and the full count is checked as well.
    """
    for basis in range(min(total_seats, 2) + 1):
        if 2 * quota_of(basis) <= basis:
            return basis
    if total_seats > 2 and 2 * quota_of(total_seats) <= total_seats:
        return total_seats
    return None


@attrs.frozen
class Majority(_Plain):
    """More than half of the seats: ``seats // 2 + 1``. The default rule.

    Attributes:
        filled_only: Count only filled seats (those held by a party) instead
            of all seats. Use it where standing orders take a majority of the
            members in office, so that vacancies lower the bar; by default
            vacant and undeclared seats count, as in most councils.

    Examples:
        >>> council = Council.from_seats("C", {"A": 24, "B": 24}, total_seats=50)
        >>> council.quota
        26
        >>> council.with_rule(Majority(filled_only=True)).quota
        25
    """

    kind: ClassVar[str] = "majority"
    filled_only: bool = attrs.field(default=False, kw_only=True)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed, given all seats and the filled ones."""
        return (filled_seats if self.filled_only else total_seats) // 2 + 1

    def final(self) -> Majority:
        """Return a majority of all seats: once filled, they are the same."""
        return Majority()

    def improper_basis(self, total_seats: int, filled_seats: int) -> int | None:
        """Return ``None``: more than half is never at most half."""
        return None

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words, with the numbers of this council."""
        if self.filled_only:
            return f"more than half of {filled_seats} filled seats"
        return f"more than half of {total_seats} seats"

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {"rule": self.kind, "filled_only": self.filled_only}


@attrs.frozen
class Supermajority(_Plain):
    """A share of the seats, such as two-thirds, met or exceeded.

    See [`supermajority`][coalitions.supermajority] for the rounding. A share
    of one half or less is improper (two disjoint coalitions could both
    reach it) and a council refuses it unless ``allow_improper=True``; with
    ``filled_only`` it is refused whenever any number of filled seats would
    make it so.

    Attributes:
        fraction: The share, exactly (``Fraction(2, 3)`` or ``"2/3"``).
        exceed: Whether the share must be exceeded rather than met.
        filled_only: Count only filled seats, as for [`Majority`][coalitions.Majority].

    Examples:
        >>> council = Council.from_seats("C", {"A": 30, "B": 20})
        >>> council.with_rule(Supermajority("2/3")).quota
        34
    """

    kind: ClassVar[str] = "supermajority"
    fraction: Fraction = attrs.field(converter=_exact_fraction)
    exceed: bool = attrs.field(default=False, kw_only=True)
    filled_only: bool = attrs.field(default=False, kw_only=True)

    @fraction.validator
    def _check_fraction(self, _: object, value: Fraction) -> None:
        if not 0 < value <= 1 or (self.exceed and value == 1):
            raise InvalidQuotaError("fraction", value, "a share in (0, 1]")

    def _of(self, basis: int) -> int:
        return supermajority(max(basis, 1), self.fraction, exceed=self.exceed)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed, given all seats and the filled ones."""
        return self._of(filled_seats if self.filled_only else total_seats)

    def final(self) -> Supermajority:
        """Return the same share of all seats: once filled, they are the same."""
        return attrs.evolve(self, filled_only=False)

    def improper_basis(self, total_seats: int, filled_seats: int) -> int | None:
        """Return a seat count whose quota is at most half of it, if any."""
        if not self.filled_only:
            return super().improper_basis(total_seats, filled_seats)
        return _first_improper(self._of, total_seats)

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words, with the numbers of this council."""
        basis = filled_seats if self.filled_only else total_seats
        verb = "more than" if self.exceed else "at least"
        filled = " filled" if self.filled_only else ""
        return f"{verb} {self.fraction} of {basis}{filled} seats, rounded up"

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {
            "rule": self.kind,
            "fraction": str(self.fraction),
            "exceed": self.exceed,
            "filled_only": self.filled_only,
        }


@attrs.frozen
class FixedQuota(_Plain):
    """A set number of seats, given as ``quota=`` to a council.

    Attributes:
        seats: The seats a coalition needs.

    Examples:
        >>> Council.from_seats("C", {"A": 30, "B": 20}, quota=35).rule
        FixedQuota(seats=35)
    """

    kind: ClassVar[str] = "fixed"
    seats: int = attrs.field(converter=_quota_seats)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed."""
        return self.seats

    def final(self) -> FixedQuota:
        """Return the rule itself: the number does not depend on filled seats."""
        return self

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words."""
        return f"{self.seats} seats, set for this council"

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {"rule": self.kind, "seats": self.seats}


@attrs.frozen
class CastingVote:
    """A simple majority, where the chair's party breaks ties.

    A coalition governs with more than half of all seats, or with exactly
    half if it includes the chair's party (as in many UK councils, where the
    chair has a casting vote). This is still a weighted majority game:
    doubling every party's seats, adding one to the chair's party, and asking
    for ``total_seats + 1`` gives exactly the same winners.

    Attributes:
        chair: The name of the chair's party.

    Examples:
        >>> council = Council.from_seats("C", {"A": 25, "B": 20, "C": 5})
        >>> council.is_winning("A")
        False
        >>> council.with_rule(CastingVote("A")).is_winning("A")
        True
    """

    kind: ClassVar[str] = "casting_vote"
    chair: str = attrs.field(converter=_chair_name)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed by a coalition without the chair's party."""
        return total_seats // 2 + 1

    def chair_quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed by a coalition with the chair's party: half."""
        return (total_seats + 1) // 2

    def weighted(
        self,
        seats: Sequence[int],
        chair: int | None,
        total_seats: int,
        filled_seats: int,
    ) -> tuple[list[int], int]:
        """Return doubled seats, one more for the chair, and ``total_seats + 1``."""
        weights = [
            2 * count + (position == chair) for position, count in enumerate(seats)
        ]
        return weights, total_seats + 1

    def final(self) -> CastingVote:
        """Return the rule itself: it counts every seat already."""
        return self

    def improper_basis(self, total_seats: int, filled_seats: int) -> int | None:
        """Return ``None``: two disjoint coalitions cannot both hold the chair."""
        return None

    def renamed(self, rename: Callable[[str], str]) -> CastingVote:
        """Return the rule with the chair's party renamed."""
        return CastingVote(rename(self.chair))

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words."""
        return (
            f"more than half of {total_seats} seats, or exactly half with "
            f"{self.chair}'s casting vote"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {"rule": self.kind, "chair": self.chair}

    def member_quota(self, parties: int) -> tuple[int, int | None]:
        """Return ``(0, None)``: only seats count."""
        return 0, None


def _share_text(share: Fraction) -> str:
    """A share as a percentage when it is a whole one (``65%``), else ``2/3``."""
    percent = share * 100
    if percent.denominator == 1:
        return f"{percent.numerator}%"
    return str(share)


def _exact_share(value: object) -> Fraction:
    return _exact_fraction(value, "share")


def _members(value: object) -> int | Fraction:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise InvalidQuotaError("members", value, "a number of members, 0 or more")
        return value
    share = _exact_fraction(value, "members")
    if not 0 < share <= 1:
        raise InvalidQuotaError("members", value, "a share of the members in (0, 1]")
    return share


def _blocking(value: object) -> int | None:
    if value is None:
        return None
    return whole_number(value, "blocking", minimum=1, error=InvalidQuotaError)


@attrs.frozen
class DoubleMajority(_Plain):
    """A share of the seats *and* a number of members, as in the Council of the EU.

    A coalition wins when it holds at least ``share`` of all seats and has
    at least ``members`` parties (a number, or a share of all the parties,
    rounded up). With ``blocking``, a blocking minority needs at least that
    many parties: any coalition that leaves out fewer wins, whatever its
    seats. Seats can be populations, shares or votes: the EU Council's
    qualified majority is 55% of the member states (15 of 27) holding 65%
    of the population, and four states at least to block.

    Attributes:
        share: The share of all seats to meet (``"65%"``, ``Fraction(13, 20)``).
        members: The parties needed: a number (``15``) or a share of the
            parties (``"55%"``), rounded up.
        blocking: The fewest parties that can block, or ``None``.

    Examples:
        >>> rule = DoubleMajority("65%", members="55%", blocking=2)
        >>> seats = {"A": 40, "B": 30, "C": 20, "D": 5, "E": 5}
        >>> council = Council.from_seats("C", seats, quota=rule)
        >>> council.quota, council.member_quota  # 65 seats and 3 parties; or 4
        (65, (3, 4))
        >>> council.is_winning(["A", "B"]), council.is_winning(["A", "B", "D"])
        (False, True)
        >>> council.is_winning(["B", "C", "D", "E"])  # only one party blocks
        True
    """

    kind: ClassVar[str] = "double_majority"
    share: Fraction = attrs.field(converter=_exact_share)
    members: int | Fraction = attrs.field(converter=_members, kw_only=True)
    blocking: int | None = attrs.field(default=None, kw_only=True, converter=_blocking)

    @share.validator
    def _check_share(self, _: object, value: Fraction) -> None:
        if not 0 < value <= 1:
            raise InvalidQuotaError("share", value, "a share in (0, 1]")

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed: the share of all seats, rounded up."""
        return supermajority(max(total_seats, 1), self.share)

    def member_quota(self, parties: int) -> tuple[int, int | None]:
        """Return the parties needed, and how many win whatever their seats."""
        if isinstance(self.members, int):
            needed = self.members
        else:
            product = self.members * parties
            needed = -(-product.numerator // product.denominator)
        enough = None if self.blocking is None else max(0, parties - self.blocking + 1)
        return needed, enough

    def final(self) -> DoubleMajority:
        """Return the rule itself: it counts every seat already."""
        return self

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words, with the numbers of this council."""
        members = (
            f"{self.members} parties"
            if isinstance(self.members, int)
            else f"{_share_text(self.members)} of the parties"
        )
        text = (
            f"at least {_share_text(self.share)} of {total_seats:,} seats and "
            f"at least {members}"
        )
        if self.blocking is not None:
            text += f"; blocking needs {self.blocking} parties"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {
            "rule": self.kind,
            "share": str(self.share),
            "members": self.members
            if isinstance(self.members, int)
            else str(self.members),
            "blocking": self.blocking,
        }


#: Every quota rule by its ``kind``, as a council's dict names it.
RULES: Mapping[str, type[QuotaRule]] = MappingProxyType(
    {
        rule.kind: rule
        for rule in (Majority, Supermajority, FixedQuota, CastingVote, DoubleMajority)
    }
)


def rule_from(value: object) -> QuotaRule:
    """Return a quota rule from ``None`` (majority), an int, a rule or its dict."""
    if value is None:
        return Majority()
    if isinstance(value, tuple(RULES.values())):
        return value  # type: ignore[return-value]
    if isinstance(value, Mapping):
        return _rule_from_dict(value)
    return FixedQuota(value)


def rule_data(rule: QuotaRule) -> object:
    """Return the rule as a council's dict holds it under ``quota``.

    ``None`` for the default majority (the key is left out), a number for a
    fixed quota, otherwise the rule's dict.
    """
    if isinstance(rule, FixedQuota):
        return rule.seats
    if rule == Majority():
        return None
    return rule.to_dict()


def _rule_from_dict(data: Mapping[str, Any]) -> QuotaRule:
    kind = data.get("rule")
    options = {key: value for key, value in data.items() if key != "rule"}
    if not isinstance(kind, str) or kind not in RULES:
        raise InvalidValueError(
            "quota.rule", kind, f"one of {', '.join(sorted(RULES))}"
        )
    try:
        rule: QuotaRule = RULES[kind](**options)
    except (InvalidValueError, InvalidTypeError) as error:  # say which option
        raise type(error)(f"quota.{error.field}", error.value, error.expected) from None
    except TypeError:  # an option missing or unknown
        raise InvalidValueError(
            "quota", dict(data), f"the options of the {kind!r} rule"
        ) from None
    return rule
