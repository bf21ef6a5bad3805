"""Exact fractions of integers, made without `Fraction`'s checks.

`Fraction(numerator, denominator)` spends about a microsecond checking and
converting its arguments; a power index of a small council makes a
fraction per distinct value, so that cost is a tenth of the whole call.
`ratio` takes Python ints it knows to be ints and builds the same object;
`ratios` divides many numerators by one denominator.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
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
    return _reduced(numerator // common, denominator // common)


def _reduced(numerator: int, denominator: int) -> Fraction:
    """The `Fraction` of two coprime ints, ``denominator > 0``, made directly."""
    value = _new(Fraction)
    value._numerator = numerator  # type: ignore[attr-defined]
    value._denominator = denominator  # type: ignore[attr-defined]
    return value


def ratios(numerators: Iterable[int], denominator: int) -> dict[int, Fraction]:
    """Each distinct numerator, to ``ratio(numerator, denominator)``.

    Each distinct numerator is divided once.

    Examples:
        >>> ratios([2, 3, 2], 6)
        {2: Fraction(1, 3), 3: Fraction(1, 2)}
    """
    gcd = math.gcd
    made = {}
    for numerator in set(numerators):
        common = gcd(numerator, denominator)
        made[numerator] = _reduced(numerator // common, denominator // common)
    return made
