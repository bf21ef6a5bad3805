"""How many seats make a majority."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from coalitions._validate import clean_name, whole_number
from coalitions.exceptions import InvalidQuotaError, InvalidTypeError, InvalidValueError


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


def _exact_fraction(value: object) -> Fraction:
    if isinstance(value, bool | float):
        raise InvalidTypeError(
            "fraction", value, "an exact share such as Fraction(2, 3) or '2/3'"
        )
    if isinstance(value, Fraction | int | Decimal):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value)
        except ValueError:
            pass
    raise InvalidTypeError(
        "fraction", value, "an exact share such as Fraction(2, 3) or '2/3'"
    )


def _quota_seats(value: object) -> int:
    return whole_number(value, "quota", minimum=1)


def _chair_name(value: object) -> str:
    return clean_name(value, "chair")


@attrs.frozen
class Majority:
    """More than half of the seats: ``seats // 2 + 1``. The default rule.

    Attributes:
        filled_only: Count only filled seats (those held by a party) instead
            of all seats. Use it where standing orders take a majority of the
            members in office, so that vacancies lower the bar; by default
            vacant and undeclared seats count, as in most councils.

    Examples:
        >>> council = Council.from_seats("C", {"A": 24, "B": 24}, total_seats=50)
        >>> council.majority
        26
        >>> council.with_rule(Majority(filled_only=True)).majority
        25
    """

    filled_only: bool = attrs.field(default=False, kw_only=True)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed, given all seats and the filled ones."""
        return (filled_seats if self.filled_only else total_seats) // 2 + 1

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words, with the numbers of this council."""
        basis = (
            f"{filled_seats} filled seats"
            if self.filled_only
            else (f"{total_seats} seats")
        )
        return f"more than half of {basis}"

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {"rule": "majority", "filled_only": self.filled_only}


@attrs.frozen
class Supermajority:
    """A share of the seats, such as two-thirds, met or exceeded.

    See [`supermajority`][coalitions.supermajority] for the rounding.

    Attributes:
        fraction: The share, exactly (``Fraction(2, 3)`` or ``"2/3"``).
        exceed: Whether the share must be exceeded rather than met.
        filled_only: Count only filled seats, as for [`Majority`][coalitions.Majority].

    Examples:
        >>> council = Council.from_seats("C", {"A": 30, "B": 20})
        >>> council.with_rule(Supermajority("2/3")).majority
        34
    """

    fraction: Fraction = attrs.field(converter=_exact_fraction)
    exceed: bool = attrs.field(default=False, kw_only=True)
    filled_only: bool = attrs.field(default=False, kw_only=True)

    @fraction.validator
    def _check_fraction(self, _: object, value: Fraction) -> None:
        if not 0 < value <= 1 or (self.exceed and value == 1):
            raise InvalidQuotaError("fraction", value, "a share in (0, 1]")

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed, given all seats and the filled ones."""
        basis = filled_seats if self.filled_only else total_seats
        return supermajority(max(basis, 1), self.fraction, exceed=self.exceed)

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words, with the numbers of this council."""
        basis = filled_seats if self.filled_only else total_seats
        verb = "more than" if self.exceed else "at least"
        return f"{verb} {self.fraction} of {basis} seats, rounded up"

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {
            "rule": "supermajority",
            "fraction": str(self.fraction),
            "exceed": self.exceed,
            "filled_only": self.filled_only,
        }


@attrs.frozen
class FixedQuota:
    """A set number of seats, given as ``quota=`` to a council.

    Attributes:
        seats: The seats a coalition needs.

    Examples:
        >>> Council.from_seats("C", {"A": 30, "B": 20}, quota=35).rule
        FixedQuota(seats=35)
    """

    seats: int = attrs.field(converter=_quota_seats)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed."""
        return self.seats

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words."""
        return f"{self.seats} seats, set for this council"

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {"rule": "fixed", "seats": self.seats}


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

    chair: str = attrs.field(converter=_chair_name)

    def quota(self, total_seats: int, filled_seats: int) -> int:
        """Return the seats needed by a coalition without the chair's party."""
        return total_seats // 2 + 1

    def describe(self, total_seats: int, filled_seats: int) -> str:
        """Return the rule in words."""
        return (
            f"more than half of {total_seats} seats, or exactly half with "
            f"{self.chair}'s casting vote"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the rule as a plain dict."""
        return {"rule": "casting_vote", "chair": self.chair}


#: Any quota rule a council can have.
QuotaRule = Majority | Supermajority | FixedQuota | CastingVote


def rule_from(value: object) -> QuotaRule:
    """Return a quota rule from ``None`` (majority), an int, a rule or its dict."""
    if value is None:
        return Majority()
    if isinstance(value, Majority | Supermajority | FixedQuota | CastingVote):
        return value
    if isinstance(value, dict):
        return _rule_from_dict(value)
    return FixedQuota(value)


def _rule_from_dict(data: dict[str, Any]) -> QuotaRule:
    kind = data.get("rule")
    options = {key: value for key, value in data.items() if key != "rule"}
    makers: dict[str, Any] = {
        "majority": Majority,
        "supermajority": Supermajority,
        "fixed": FixedQuota,
        "casting_vote": CastingVote,
    }
    if kind not in makers:
        raise InvalidValueError(
            "quota.rule", kind, f"one of {', '.join(sorted(makers))}"
        )
    try:
        rule: QuotaRule = makers[kind](**options)
    except TypeError:
        raise InvalidValueError(
            "quota", data, f"the options of the {kind!r} rule"
        ) from None
    return rule
