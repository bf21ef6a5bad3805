"""The errors raised by `coalitions`.

Every error derives from [`CoalitionsError`][coalitions.exceptions.CoalitionsError]
and from the nearest built-in exception, so ``except ValueError`` keeps working
for callers who do not know this library.

Errors about an input carry structured attributes (``field``, ``value``,
``expected``) and build their own message from them. The exception *types* and
their attributes are part of the public API; the wording of the messages is not.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

__all__ = [
    "CoalitionsError",
    "ComputationTooLargeError",
    "DuplicatePartyError",
    "InputFileError",
    "InvalidNameError",
    "InvalidQuotaError",
    "InvalidSeatsError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingPositionError",
    "NoWinningCoalitionError",
    "TiedSeatError",
    "TooManyCoalitionsError",
    "UnknownPartyError",
]


class CoalitionsError(Exception):
    """Root of every error raised by `coalitions`."""


def did_you_mean(name: object, known: Iterable[str]) -> str:
    """Return "did you mean 'X'?" for the known name closest to ``name``, or "".

    ``difflib`` is imported here, when an error needs it, not with the
    library: it is slower to import than the rest of the library's core.
    """
    if not isinstance(name, str):
        return ""
    difflib = importlib.import_module("difflib")
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


#: The longest rendering of a bad value an error message quotes.
_MAX_SHOWN = 200


def _field_message(field: str, value: object, expected: str) -> str:
    shown = repr(value)
    if len(shown) > _MAX_SHOWN:  # a whole data frame or file is no help
        shown = shown[:_MAX_SHOWN] + f"... ({len(shown):,} characters)"
    return f"{field!r} must be {expected} (got {shown})"


class _FieldError(CoalitionsError):
    """An error about one input field: its name, the value, what was expected."""

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(_field_message(field, value, expected))


class InvalidValueError(_FieldError, ValueError):
    """A field has a value of the right type that is not allowed.

    Attributes:
        field: The name of the offending field, e.g. ``"seats"`` or
            ``"parties[2].seats"``.
        value: The value received.
        expected: What the field accepts, in words.
    """


class InvalidTypeError(_FieldError, TypeError):
    """A field has a value of the wrong type (a string or a bool for seats).

    Attributes:
        field: The name of the offending field.
        value: The value received.
        expected: What the field accepts, in words.
    """


class InvalidSeatsError(InvalidValueError):
    """Seats are negative, fractional, or more than the council has."""


class InvalidNameError(InvalidValueError):
    """A party or council name is empty."""


class DuplicatePartyError(InvalidValueError):
    """Two parties have the same name.

    Names are compared after trimming surrounding white space, folding runs of
    inner white space to one space and ignoring case, so ``"Labour"`` and
    ``"labour "`` are the same party.
    """


class InvalidQuotaError(InvalidValueError):
    """A quota is not a whole number of seats that makes a proper game."""


class UnknownPartyError(CoalitionsError, KeyError):
    """A party name does not belong to the council.

    Attributes:
        name: The name that was looked up.
        known: The names the council does know, in council order.
    """

    def __init__(
        self, name: object, known: tuple[str, ...], *, hint: str | None = None
    ) -> None:
        self.name = name
        self.known = known
        self.hint = hint
        super().__init__(name)

    def __str__(self) -> str:
        known = ", ".join(repr(k) for k in self.known) or "none"
        suggestion = did_you_mean(self.name, self.known)
        suggestion = f"{suggestion} " if suggestion else ""
        hint = f" ({self.hint})" if self.hint else ""
        return (
            f"unknown party {self.name!r}; {suggestion}the council's parties are: "
            f"{known}{hint}"
        )


class TooManyCoalitionsError(CoalitionsError, ValueError):
    """Listing the coalitions would exceed the cap on their number.

    Attributes:
        count: How many coalitions there are, or ``None`` when the number is
            too expensive to count and only ``more than max_coalitions`` is
            known.
        max_coalitions: The cap in force.
        lazy_alternative: The name of the function that streams them instead,
            or ``None`` when there is none.
    """

    def __init__(
        self, count: int | None, max_coalitions: int, lazy_alternative: str | None
    ) -> None:
        self.count = count
        self.max_coalitions = max_coalitions
        self.lazy_alternative = lazy_alternative
        if count is None:
            how_many = f"more than {max_coalitions:,}"
        elif count.bit_length() > 256:  # too many digits to print usefully
            how_many = f"about 10^{int(count.bit_length() * 0.30103)}"
        else:
            how_many = f"{count:,}"
        stream = (
            f"use {lazy_alternative}() to stream them, or "
            if lazy_alternative is not None
            else ""
        )
        super().__init__(
            f"there are {how_many} coalitions, above max_coalitions="
            f"{max_coalitions:,}; {stream}raise max_coalitions (None for no cap)"
        )


class ComputationTooLargeError(CoalitionsError, ValueError):
    """An exact computation would need more time or memory than is sensible.

    Attributes:
        what: The computation that was refused.
        reason: Why, with the figures that decided it.
        suggestion: What would work instead.
    """

    def __init__(self, what: str, reason: str, suggestion: str) -> None:
        self.what = what
        self.reason = reason
        self.suggestion = suggestion
        super().__init__(f"cannot compute {what}: {reason}; {suggestion}")


class NoWinningCoalitionError(CoalitionsError, ValueError):
    """A result is undefined because no coalition can reach the quota.

    Attributes:
        what: The quantity that is undefined.
        quota: The quota in force.
        declared: The seats held by parties, which fall short of it.
    """

    def __init__(self, what: str, quota: int, declared: int) -> None:
        self.what = what
        self.quota = quota
        self.declared = declared
        super().__init__(
            f"cannot compute {what}: the parties hold {declared} seats in all, "
            f"below the quota of {quota}, so no coalition can win"
        )


class MissingPositionError(CoalitionsError, ValueError):
    """A theory needs left-right positions that some parties do not have.

    Attributes:
        theory: The theory or measure that needs them.
        parties: The parties without a position, in council order.
    """

    def __init__(self, theory: str, parties: tuple[str, ...]) -> None:
        self.theory = theory
        self.parties = parties
        names = ", ".join(repr(name) for name in parties)
        super().__init__(
            f"{theory} needs a left-right position for every party; missing for "
            f"{names} (set Party.position, or pass unpositioned='omit' to leave "
            "them out)"
        )


class InputFileError(CoalitionsError, ValueError):
    """A council file cannot be read.

    Attributes:
        path: The file.
        line: The 1-based line of the problem, or ``None`` when it is not tied
            to one line.
        field: The field at fault, or ``None``.
        reason: What is wrong.
    """

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = reason
        where = path if line is None else f"{path}, line {line}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {reason}")

    @classmethod
    def from_error(
        cls, path: str, error: Any, *, line: int | None = None
    ) -> InputFileError:
        """Wrap a validation error raised while building a council from a file."""
        return cls(path, str(error), line=line, field=getattr(error, "field", None))


class TiedSeatError(CoalitionsError, ValueError):
    """Two or more parties have an equal claim to the last seats to give.

    Raised by [`allocate`][coalitions.allocate] with ``ties="raise"`` (the
    default): a tie is never broken silently.

    Attributes:
        parties: The tied parties, in the order of the votes.
        seats: How many of the seats at stake they compete for.
        claim: What ties them, in words (a quotient or a remainder).
    """

    def __init__(self, parties: tuple[str, ...], seats: int, claim: str) -> None:
        self.parties = parties
        self.seats = seats
        self.claim = claim
        names = ", ".join(repr(name) for name in parties)
        seat_word = "seat" if seats == 1 else "seats"
        super().__init__(
            f"{names} tie for {seats} {seat_word} with {claim}; pass "
            'ties="votes" (more votes first) or ties="lot" with a seed'
        )
