"""Constraints on which coalitions may form: red lines, requirements and blocs."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from coalitions._validate import clean_name
from coalitions.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Constraints"]


def _names(value: object, field: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, "a list of party names")
    return tuple(clean_name(name, field) for name in value)


def _groups(value: object, field: str, size: int | None) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidTypeError(field, value, "a list of lists of party names")
    groups = []
    for group in value:
        names = _names(group, field)
        if size is not None and len(names) != size:
            raise InvalidValueError(field, group, f"{size} party names")
        if size is None and len(names) < 2:
            raise InvalidValueError(field, group, "two or more party names")
        groups.append(names)
    return tuple(groups)


def _excluding(value: object) -> tuple[str, ...]:
    return _names(value, "excluding")


def _requiring(value: object) -> tuple[str, ...]:
    return _names(value, "requiring")


def _incompatible(value: object) -> tuple[tuple[str, ...], ...]:
    return _groups(value, "incompatible", 2)


def _blocs(value: object) -> tuple[tuple[str, ...], ...]:
    return _groups(value, "blocs", None)


@attrs.frozen
class Constraints:
    """Which coalitions may form: what parties have ruled in and out.

    Every function that lists or counts coalitions takes
    ``constraints=Constraints(...)``, and all of them follow the same
    definitions:

    - ``excluding``: these parties join no coalition. The minimal winning
      coalitions are those of the council without them.
    - ``incompatible``: pairs of parties that rule each other out. The
      minimal winning coalitions are those (of the council) that contain no
      such pair.
    - ``requiring``: parties that must be in every coalition, such as "led by
      the largest party". The coalitions listed contain them all and win, and
      every *other* member is needed: dropping any one of them loses. These
      are the minimal winning coalitions that contain the required parties,
      plus, when a required party is not needed, the coalitions that carry it
      along (which a panel of "coalitions with Labour" should show).
    - ``blocs``: groups of parties that act as one (CDU and CSU). A coalition
      has all of a bloc or none of it, and is minimal when dropping any one
      bloc or party loses. Excluding or requiring one member of a bloc
      excludes or requires the whole bloc. Results still name the member
      parties.

    Names are matched as the council matches them (ignoring case and white
    space); a name the council does not know raises
    [`UnknownPartyError`][coalitions.exceptions.UnknownPartyError] when the
    constraints are applied.

    Attributes:
        excluding: Parties that join no coalition.
        incompatible: Pairs of parties that will not sit together.
        requiring: Parties every coalition must include.
        blocs: Groups of parties that act as one.

    Examples:
        >>> darlington = example("darlington-2023")
        >>> red_line = Constraints(incompatible=[("Labour", "Conservative")])
        >>> for coalition in minimal_winning(darlington, constraints=red_line):
        ...     print(coalition)
        Labour + Green: 30 of 50 (majority 26)
        Labour + Liberal Democrat: 26 of 50 (majority 26)
    """

    excluding: tuple[str, ...] = attrs.field(default=(), converter=_excluding)
    incompatible: tuple[tuple[str, ...], ...] = attrs.field(
        default=(), converter=_incompatible
    )
    requiring: tuple[str, ...] = attrs.field(default=(), converter=_requiring)
    blocs: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_blocs)

    def __bool__(self) -> bool:
        return bool(self.excluding or self.incompatible or self.requiring or self.blocs)
