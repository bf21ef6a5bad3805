"""Constraints on which coalitions may form: red lines, requirements and blocs."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from coalitions._validate import clean_name
from coalitions.exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from coalitions._model import Council

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

    def resolve(self, council: Council) -> Resolved:
        """Return what these constraints do to the council's parties.

        Raises:
            UnknownPartyError: A name is not a party of the council.
            InvalidValueError: Blocs overlap or repeat a party.
        """
        return _resolve(self, council)

    def allows(self, council: Council, members: Iterable[str]) -> bool:
        """Return whether these parties may form a coalition together.

        The one test of membership that every listing, theory and panel
        uses: no excluded party, every required one, no incompatible pair,
        and all of a bloc or none of it.

        Args:
            council: The council the names belong to.
            members: Party names.

        Raises:
            UnknownPartyError: A name is not a party of the council.

        Examples:
            >>> darlington = example("darlington-2023")
            >>> red_line = Constraints(incompatible=[("Labour", "Conservative")])
            >>> red_line.allows(darlington, ["Labour", "Green"])
            True
            >>> red_line.allows(darlington, ["Conservative", "Labour"])
            False
        """
        plan = self.resolve(council)
        return plan.allows({council.index(name) for name in members})


@attrs.frozen
class Resolved:
    """Constraints resolved against one council: groups of positions and rules.

    Attributes:
        groups: Council positions acting as one: a bloc, or a single party.
        group_of: For each council position, its group.
        fixed: Groups in every coalition (required).
        banned: Groups in no coalition (excluded, or ruled out by a red line
            with a required party or within a bloc).
        conflicts: Pairs of groups that will not sit together.
    """

    groups: tuple[tuple[int, ...], ...]
    group_of: tuple[int, ...]
    fixed: frozenset[int]
    banned: frozenset[int]
    conflicts: tuple[tuple[int, int], ...]

    @property
    def infeasible(self) -> bool:
        """Whether no coalition at all may form: the requirements clash."""
        return any(a in self.fixed and b in self.fixed for a, b in self.conflicts) or (
            not self.fixed.isdisjoint(self.banned)
        )

    def allows(self, positions: set[int]) -> bool:
        """Return whether the parties at these council positions may govern together."""
        inside = {self.group_of[position] for position in positions}
        return (
            not self.infeasible
            and self.fixed <= inside
            and inside.isdisjoint(self.banned)
            and all(set(self.groups[g]) <= positions for g in inside)
            and not any(a in inside and b in inside for a, b in self.conflicts)
        )


@functools.lru_cache(maxsize=128)
def _resolve(constraints: Constraints, council: Council) -> Resolved:
    group_of = list(range(len(council.parties)))
    in_a_bloc: set[int] = set()
    for bloc in constraints.blocs:
        positions = [council.index(name) for name in bloc]
        if len(set(positions)) < len(positions) or in_a_bloc & set(positions):
            raise InvalidValueError(
                "blocs", list(bloc), "blocs of different parties, in one bloc each"
            )
        in_a_bloc |= set(positions)
        for position in positions:
            group_of[position] = min(positions)
    members: dict[int, list[int]] = {}
    for position, leader in enumerate(group_of):
        members.setdefault(leader, []).append(position)
    ids = sorted(members)
    renumber = {old: new for new, old in enumerate(ids)}
    groups = tuple(tuple(members[old]) for old in ids)
    group = tuple(renumber[leader] for leader in group_of)
    fixed = {group[council.index(name)] for name in constraints.requiring}
    banned = {group[council.index(name)] for name in constraints.excluding}
    conflicts = []
    for name_a, name_b in constraints.incompatible:
        group_a, group_b = group[council.index(name_a)], group[council.index(name_b)]
        if group_a == group_b:
            banned.add(group_a)  # a bloc at odds with itself joins nothing
        elif group_a in fixed and group_b not in fixed:
            banned.add(group_b)
        elif group_b in fixed and group_a not in fixed:
            banned.add(group_a)
        else:
            conflicts.append((group_a, group_b))
    return Resolved(
        groups, group, frozenset(fixed), frozenset(banned), tuple(conflicts)
    )
