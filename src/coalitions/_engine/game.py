"""A council compiled into an integer weighted game that algorithms run on.

Algorithms never see names: they see players ``0 .. n-1`` sorted by weight,
largest first (ties in council order), integer weights, an integer quota, and
coalitions as bitmasks in which bit ``j`` stands for player ``j``. Results are
decoded back into parties at the end.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar, overload

import attrs

from coalitions._constraints import Constraints
from coalitions._model import Coalition, Council, Party
from coalitions.exceptions import InvalidTypeError, InvalidValueError

_FIRST = operator.itemgetter(0)

_T = TypeVar("_T")


class _Kept(Generic[_T]):
    """A property computed on first use and kept in the instance's ``__dict__``.

    As `functools.cached_property`, without its lock (Python 3.11 takes one
    on every first use, which costs more than what games compute here):
    the value is a pure function of the frozen instance, so computing it
    twice at once is harmless.
    """

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type) -> _Kept[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> _T: ...
    def __get__(self, instance: object, owner: type) -> _Kept[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


@attrs.frozen(cache_hash=True, slots=False)  # a __dict__ keeps `_Kept` values
class Game:
    """A weighted majority game ``[quota; weights]``, with the council's constraints.

    Attributes:
        weights: Player weights, non-increasing. Zero weights come last.
        quota: Weight a coalition of players needs to win (after the weight of
            the ``fixed`` parties is taken off; it may then be 0 or less).
        members: For each player, the positions in the council of the parties
            it stands for: one party, or a bloc.
        fixed: Council positions of parties in every coalition (required).
        conflicts: For each player, a bitmask of the players it will not sit
            with (empty when there are no incompatibilities).
        infeasible: Whether the constraints contradict each other, so that no
            coalition at all may form.
        members_needed: Players a coalition needs besides the quota's weight
            (a rule that counts members; required parties already counted).
        members_enough: Players that win whatever their weight, or ``None``.
    """

    weights: tuple[int, ...]
    quota: int
    members: tuple[tuple[int, ...], ...] = attrs.field(hash=False)
    fixed: tuple[int, ...] = ()
    conflicts: tuple[int, ...] = ()
    infeasible: bool = False
    members_needed: int = 0
    members_enough: int | None = None

    @property
    def graded(self) -> bool:
        """Whether winning depends on the number of players, not weight alone."""
        return self.members_needed > 0 or self.members_enough is not None

    def threshold(self, size: int) -> int | None:
        """The weight a coalition of ``size`` players needs; ``None``: it never wins."""
        if self.members_enough is not None and size >= self.members_enough:
            return min(self.quota, 0)
        if size < self.members_needed:
            return None
        return self.quota

    def wins(self, size: int, weight: int) -> bool:
        """Whether a coalition of ``size`` players and ``weight`` wins."""
        needed = self.threshold(size)
        return needed is not None and weight >= needed

    @property
    def size(self) -> int:
        """The number of players, zero-weight ones included."""
        return len(self.weights)

    @_Kept
    def parties(self) -> tuple[int, ...]:
        """For each player, its party's council position (games without blocs)."""
        return tuple(map(_FIRST, self.members))

    @property
    def simple(self) -> bool:
        """Whether every player is one party and nothing is fixed or forbidden."""
        return not (self.fixed or self.conflicts or self.infeasible) and all(
            len(group) == 1 for group in self.members
        )

    @_Kept
    def active(self) -> int:
        """The number of players with positive weight (a prefix of ``weights``)."""
        return len(self.weights) - self.weights.count(0)

    @property
    def equal_weights(self) -> bool:
        """Whether every player with weight has the same weight (and one has).

        Such players are symmetric: binomial coefficients count for them,
        with no table.
        """
        active = self.weights[: self.active]
        return bool(active) and active[0] == active[-1]

    @_Kept
    def total(self) -> int:
        """The sum of all weights."""
        return sum(self.weights)

    @property
    def can_win(self) -> bool:
        """Whether the grand coalition reaches the quota."""
        return not self.infeasible and self.wins(self.size, self.total)


def players_by_weight(weights: Iterable[int]) -> dict[int, list[int]]:
    """Each distinct weight with the players that have it, in player order.

    Players of equal weight have equal power, so kernels compute one of them.
    """
    players: dict[int, list[int]] = {}
    for player, weight in enumerate(weights):
        players.setdefault(weight, []).append(player)
    return players


def bits(mask: int) -> Iterable[int]:
    """Yield the positions of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def check_council(council: object) -> Council:
    """Return the council, or raise if it is not one: the guard of every question."""
    if not isinstance(council, Council):
        raise InvalidTypeError("council", council, "a Council")
    return council


def game_of(council: object, constraints: object = None) -> Game:
    """Return a council's compiled game under its rule and the constraints.

    The one way from a council to the integers the algorithms run on; it
    checks both arguments' types first.

    Raises:
        InvalidTypeError: ``council`` is not a Council, or ``constraints``
            is neither Constraints nor ``None``.
    """
    checked = check_council(council)
    if constraints is not None and not isinstance(constraints, Constraints):
        raise InvalidTypeError("constraints", constraints, "a Constraints or None")
    return compile_game(checked, constraints or None)


_SEATS = operator.attrgetter("seats")


@functools.lru_cache(maxsize=128)
def compile_game(council: Council, constraints: Constraints | None = None) -> Game:
    """Return the council's game under its rule and the given constraints.

    The quota rule and the constraints are applied here, so that no
    algorithm needs to know them:

    - the rule gives integer weights and a quota (a chair's casting vote
      doubles every weight, adds one to the chair's party and asks for
      ``total_seats + 1``);
    - a bloc becomes one player; an excluded party is no player; required
      parties are fixed, their weight taken off the quota; incompatible pairs
      become per-player bitmasks of forbidden partners.

    Dividing every weight and the quota by the weights' greatest common
    divisor (rounding the quota up) keeps exactly the same winning coalitions
    and makes the dynamic programmes on seat totals smaller.
    """
    rule = council.rule
    chair = None if rule.chair is None else council.index(rule.chair)
    seats, quota = rule.weighted(
        list(map(_SEATS, council.parties)),
        chair,
        council.total_seats,
        council.declared,
    )
    if constraints is None:  # every party a player of its own
        players, weights, quota = _heaviest_first(list(range(len(seats))), seats, quota)
        needed, enough = council.member_quota
        return Game(
            tuple(weights), quota, tuple(zip(players)), (), (), False, needed, enough
        )
    plan = constraints.resolve(council)
    groups, fixed, conflicts = plan.groups, plan.fixed, plan.conflicts
    left_out = fixed | plan.banned
    weight = [sum(seats[i] for i in group) for group in groups]
    quota -= sum(weight[g] for g in fixed)
    players, weights, quota = _heaviest_first(
        [g for g in range(len(groups)) if g not in left_out], weight, quota
    )
    needed, enough = council.member_quota
    if (needed or enough is not None) and any(len(groups[g]) > 1 for g in players):
        raise InvalidValueError(
            "constraints.blocs",
            constraints,
            "no blocs under a rule that counts members: a bloc would count as "
            "one member",
        )
    required = sum(len(groups[g]) for g in fixed)
    needed = max(0, needed - required)
    if enough is not None:
        enough = max(0, enough - required)
    place = {g: j for j, g in enumerate(players)} if conflicts else {}
    masks = [0] * len(players)
    for group_a, group_b in conflicts:
        if group_a in place and group_b in place:
            masks[place[group_a]] |= 1 << place[group_b]
            masks[place[group_b]] |= 1 << place[group_a]
    return Game(
        tuple(weights),
        quota,
        tuple(map(groups.__getitem__, players)),
        tuple(i for g in sorted(fixed) for i in groups[g]),
        tuple(masks) if any(masks) else (),
        plan.infeasible,
        needed,
        enough,
    )


def _heaviest_first(
    players: list[int], weight: Sequence[int], quota: int
) -> tuple[list[int], list[int], int]:
    """Sort the players heaviest first; divide weights and quota by the weights' gcd.

    The sort is stable, so ties stay in council order; the quota is
    rounded up.
    """
    players.sort(key=weight.__getitem__, reverse=True)
    # Sorting the weights themselves compares ints in C: quicker than
    # looking each one up again.
    if len(players) == len(weight):
        weights = sorted(weight, reverse=True)
    else:
        weights = sorted([weight[player] for player in players], reverse=True)
    divisor = math.gcd(*weights)
    if divisor > 1:
        weights = [w // divisor for w in weights]
        quota = -(-quota // divisor)
    return players, weights, quota


class Decoder:
    """Turns bitmasks of a council's game back into coalitions, fast.

    Bitmasks are cut into bytes; for each byte position a table maps each of
    the 256 byte values to what it stands for, so decoding costs one lookup
    per 8 players instead of one step per member.
    """

    _BITS = 8

    def __init__(self, council: Council, game: Game) -> None:
        players = [
            tuple(council.parties[position] for position in group)
            for group in game.members
        ]
        self._fixed = tuple(council.parties[position] for position in game.fixed)
        # The tables give members in game order. Blocs, required parties and
        # a chair (whose extra weight puts it before parties with as many
        # seats) can make that differ from the order coalitions show, largest
        # party first and ties in council order: such coalitions are sorted
        # once decoded.
        shown = sorted(
            range(len(council.parties)),
            key=lambda i: (-council.parties[i].seats, i),
        )
        self.fast = game.simple and list(game.parties) == shown
        self._position = {party.name: i for i, party in enumerate(council.parties)}
        self.quota = council.quota
        self.chair_quota = council.quota_for(with_chair=True)
        self.members_needed, self.members_enough = council.member_quota
        self._chair_bit = sum(
            1 << j
            for j, group in enumerate(players)
            if any(map(council.is_chair, group))
        )
        if any(map(council.is_chair, self._fixed)):
            self.quota = self.chair_quota
        self.total_seats = total = council.total_seats
        # A coalition's names (largest party first) compare like the digits
        # of their alphabetical ranks, `width` bits each, read as one integer.
        rank = {name: r for r, name in enumerate(sorted(council.names))}
        width = max(1, len(council.parties).bit_length())
        self._name_bits = width * len(council.parties)
        self._parties: list[tuple[tuple[Party, ...], ...]] = []
        self._heads: list[tuple[int, ...]] = []
        self._name_shifts: list[tuple[int, ...]] = []
        self._names: list[tuple[int, ...]] = []
        for start in range(0, len(players), self._BITS):
            chunk = players[start : start + self._BITS]
            groups = tuple(
                tuple(party for j in bits(value) for party in chunk[j])
                for value in range(1 << len(chunk))
            )
            self._parties.append(groups)
            # size * (total + 1) - seats, summed over bytes (plus total) gives
            # size * (total + 1) + (total - seats): fewest parties, most seats.
            self._heads.append(
                tuple(len(g) * (total + 1) - sum(p.seats for p in g) for g in groups)
            )
            self._name_shifts.append(tuple(width * len(g) for g in groups))
            self._names.append(
                tuple(
                    functools.reduce(lambda code, p: code << width | rank[p.name], g, 0)
                    for g in groups
                )
            )

    def parties(self, mask: int) -> tuple[Party, ...]:
        """Return the parties of a bitmask, largest first (ties in council order)."""
        members: tuple[Party, ...] = ()
        for table in self._parties:
            members += table[mask & 0xFF]
            mask >>= self._BITS
            if not mask:
                break
        if self.fast:
            return members
        return tuple(
            sorted(
                members + self._fixed,
                key=lambda party: (-party.seats, self._position[party.name]),
            )
        )

    def coalition(self, mask: int) -> Coalition:
        """Return the coalition a bitmask stands for."""
        quota = self.chair_quota if mask & self._chair_bit else self.quota
        return Coalition(
            self.parties(mask),
            quota=quota,
            total_seats=self.total_seats,
            members_needed=self.members_needed,
            members_enough=self.members_enough,
        )

    @functools.cached_property
    def sort_key(self) -> Callable[[int], int]:
        """A function from bitmasks to ints that order them as listings do.

        Fewest parties first, then most seats, then names: the order of
        [`Coalition.sort_key`][coalitions.Coalition.sort_key], as one integer
        so that sorting compares numbers, not tuples of names. The high part
        (size and seats) decides unless it ties, and then the coalitions have
        as many members, so their name codes have equal lengths and compare
        as numbers without being aligned. Up to four bytes of players (32
        players) the lookups are written out for the number of bytes, which
        computes a key several times as fast as a loop over the bytes.
        """
        count = len(self._heads)
        if count > 4 or count == 0:  # no players at all: one key, the loop's
            return self._sort_key_by_loop
        total, name_bits = self.total_seats, self._name_bits
        h0, *heads = [tuple(total + h for h in self._heads[0]), *self._heads[1:]]
        n0, *names = self._names
        shifts = self._name_shifts[1:]
        if count == 1:
            return lambda mask: h0[mask] << name_bits | n0[mask]
        if count == 2:
            (h1,), (n1,), (s1,) = heads, names, shifts

            def key2(mask: int) -> int:
                a, b = mask & 255, mask >> 8
                return (h0[a] + h1[b]) << name_bits | n0[a] << s1[b] | n1[b]

            return key2
        if count == 3:
            (h1, h2), (n1, n2), (s1, s2) = heads, names, shifts

            def key3(mask: int) -> int:
                a, b, c = mask & 255, mask >> 8 & 255, mask >> 16
                return (
                    (h0[a] + h1[b] + h2[c]) << name_bits
                    | (n0[a] << s1[b] | n1[b]) << s2[c]
                    | n2[c]
                )

            return key3
        (h1, h2, h3), (n1, n2, n3), (s1, s2, s3) = heads, names, shifts

        def key4(mask: int) -> int:
            a, b, c, d = mask & 255, mask >> 8 & 255, mask >> 16 & 255, mask >> 24
            head = h0[a] + h1[b] + h2[c] + h3[d]
            return (
                head << name_bits
                | (((n0[a] << s1[b] | n1[b]) << s2[c] | n2[c]) << s3[d])
                | n3[d]
            )

        return key4

    def _sort_key_by_loop(self, mask: int) -> int:
        """The listing-order key of `sort_key`, for any number of players."""
        head = self.total_seats
        names = 0
        for heads, shifts, codes in zip(
            self._heads, self._name_shifts, self._names, strict=False
        ):
            byte = mask & 0xFF
            head += heads[byte]
            names = names << shifts[byte] | codes[byte]
            mask >>= self._BITS
            if not mask:
                break
        return head << self._name_bits | names


@functools.lru_cache(maxsize=128)
def decoder(council: Council, constraints: Constraints | None = None) -> Decoder:
    """Return the decoder of a council's compiled game."""
    return Decoder(council, compile_game(council, constraints))
