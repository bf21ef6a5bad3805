"""Checks and conversions shared by the model, the loaders and the scenarios."""

from __future__ import annotations

import math
import operator
import re
from decimal import Decimal
from fractions import Fraction

from coalitions.exceptions import (
    InvalidNameError,
    InvalidSeatsError,
    InvalidTypeError,
    InvalidValueError,
)

_WHITESPACE = re.compile(r"\s+")
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def whole_number(
    value: object,
    field: str,
    *,
    minimum: int = 0,
    error: type[InvalidValueError] = InvalidSeatsError,
) -> int:
    """Return ``value`` as an ``int`` if it is a whole number ``>= minimum``.

    Integral floats, Fractions and Decimals (``23.0``) are accepted and
    converted; bools and strings are refused, since ``True`` seats or ``"23"``
    seats are almost always a bug in the caller's data. A value of the right
    type but out of range raises ``error`` (seats, by default).
    """
    if isinstance(value, bool):
        raise InvalidTypeError(field, value, "a whole number, not a bool")
    if isinstance(value, float | Fraction | Decimal):
        finite = (
            value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        )
        if not finite or value != int(value):
            raise error(field, value, "a whole number")
        number = int(value)
    else:
        try:
            number = operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            raise InvalidTypeError(field, value, "a whole number") from None
    if number < minimum:
        expected = (
            "a non-negative whole number"
            if minimum == 0
            else f"a whole number of at least {minimum}"
        )
        raise error(field, value, expected)
    return number


def count(value: object, field: str, *, minimum: int = 0) -> int:
    """Return a whole number that counts something other than seats (a cap, a top N).

    Like [`whole_number`][coalitions._validate.whole_number], but a bad value
    raises [`InvalidValueError`][coalitions.exceptions.InvalidValueError],
    not an error about seats.
    """
    return whole_number(value, field, minimum=minimum, error=InvalidValueError)


def clean_name(value: object, field: str) -> str:
    """Trim a name and fold inner white space; refuse empty or non-string names."""
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "a string")
    cleaned = _WHITESPACE.sub(" ", value).strip()
    if not cleaned:
        raise InvalidNameError(field, value, "a non-empty name")
    return cleaned


def name_key(name: str) -> str:
    """Return the key under which two party names count as the same party."""
    return _WHITESPACE.sub(" ", name).strip().casefold()


def optional_text(value: object, field: str) -> str | None:
    """Return a cleaned optional label (such as an abbreviation), or ``None``."""
    if value is None:
        return None
    return clean_name(value, field)


def optional_colour(value: object, field: str) -> str | None:
    """Return a ``#rgb`` or ``#rrggbb`` colour in lower case, or ``None``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "a colour string such as '#e4003b'")
    if not _HEX_COLOUR.fullmatch(value.strip()):
        raise InvalidValueError(field, value, "a hex colour such as '#e4003b'")
    return value.strip().lower()


def optional_position(value: object, field: str) -> float | None:
    """Return a finite left-right position as a float, or ``None``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(
        value, int | float | Fraction | Decimal
    ):
        raise InvalidTypeError(field, value, "a number or None")
    position = float(value)
    if not math.isfinite(position):
        raise InvalidValueError(field, value, "a finite number")
    return position
