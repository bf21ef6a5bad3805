"""Exact fractions of integers, made without `Fraction`'s checks.

`Fraction(numerator, denominator)` spends about a microsecond checking and
converting its arguments; a power index of a small council makes a
fraction per distinct value, so that cost is a tenth of the whole call.
`ratio` takes Python ints it knows to be ints and builds the same object.
"""

from __future__ import annotations

import math
from fractions import Fraction

_new = object.__new__


def ratio(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)`` for Python ints, ``denominator > 0``.

    Reduced by their greatest common divisor, as `Fraction` would; the
    result is an ordinary `Fraction` (equal, hashing and printing alike).

    Examples:
        >>> ratio(6, 4), ratio(0, 5), ratio(-3, 9)
        (Fraction(3, 2), Fraction(0, 1), Fraction(-1, 3))
    """
    common = math.gcd(numerator, denominator)
    if common != 1:
        numerator //= common
        denominator //= common
    value = _new(Fraction)
    value._numerator = numerator  # type: ignore[attr-defined]
    value._denominator = denominator  # type: ignore[attr-defined]
    return value
