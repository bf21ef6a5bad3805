"""How many seats make a majority."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from coalitions._validate import whole_number
from coalitions.exceptions import InvalidQuotaError, InvalidTypeError


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
