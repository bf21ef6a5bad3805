"""Checks and conversions shared by the model, the loaders and the scenarios."""

from __future__ import annotations

import math
import operator
import re
import unicodedata
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


#: The most seats (or votes, as weights) a party or council may have: far
#: more than any population, and small enough that every chart and ratio
#: can be computed in floating point.
MAX_SEATS = 10**15


def whole_number(
    value: object,
    field: str,
    *,
    minimum: int = 0,
    maximum: int | None = MAX_SEATS,
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
    if maximum is not None and number > maximum:
        raise error(field, _short(value), f"at most {maximum:,}")
    return number


def _short(value: object) -> object:
    """A huge number, shown by its size rather than all its digits."""
    if isinstance(value, int) and value.bit_length() > 200:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    return value


def count(value: object, field: str, *, minimum: int = 0) -> int:
    """Return a whole number that counts something other than seats (a cap, a top N).

    Like [`whole_number`][coalitions._validate.whole_number], but a bad value
    raises [`InvalidValueError`][coalitions.exceptions.InvalidValueError],
    not an error about seats.
    """
    return whole_number(
        value, field, minimum=minimum, maximum=None, error=InvalidValueError
    )


#: The longest name accepted, in characters: longer ones are refused, so that
#: a name cannot multiply the size of every listing and page that shows it.
MAX_NAME_LENGTH = 200


def clean_name(value: object, field: str) -> str:
    """Return a name as the library keeps it, or refuse it.

    The name is put in Unicode normal form C (so that a precomposed and a
    decomposed "é" are one letter); invisible format characters (zero-width
    spaces, soft hyphens, directional marks, embeddings, overrides and
    isolates, byte-order marks) are removed, so that they can neither
    reorder the figures shown next to a name nor make two look-alike names
    different parties; runs of white space become one space, and the ends
    are trimmed. Control characters (such as NUL or an escape) are refused,
    and so are names longer than ``MAX_NAME_LENGTH`` characters.
    """
    if not isinstance(value, str):
        raise InvalidTypeError(field, value, "a string")
    for character in value:
        if unicodedata.category(character) in {"Cc", "Cs"} and not character.isspace():
            raise InvalidNameError(
                field,
                value,
                f"a name without control characters (found U+{ord(character):04X})",
            )
    visible = "".join(c for c in value if unicodedata.category(c) != "Cf")
    cleaned = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", visible)).strip()
    if not cleaned:
        raise InvalidNameError(field, value, "a non-empty name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidNameError(
            field,
            f"{cleaned[:40]}... ({len(cleaned)} characters)",
            f"a name of at most {MAX_NAME_LENGTH} characters",
        )
    return cleaned


def name_key(name: str) -> str:
    """Return the key under which two party names count as the same party.

    Names compare after the cleaning of `clean_name`, in compatibility form
    (full-width letters are ordinary ones) and ignoring case, including the
    dot of a Turkish capital I (so "İYİ Parti" and "iyi parti" are one).
    """
    visible = "".join(c for c in name if unicodedata.category(c) != "Cf")
    folded = unicodedata.normalize("NFKC", visible).casefold().replace("\u0307", "")
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", folded)).strip()


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
