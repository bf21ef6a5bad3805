"""A council compiled into an integer weighted game that algorithms run on.

Algorithms never see names: they see players ``0 .. n-1`` sorted by weight,
largest first (ties in council order), integer weights, an integer quota, and
coalitions as bitmasks in which bit ``j`` stands for player ``j``. Results are
decoded back into parties at the end.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import attrs

from coalitions._constraints import Constraints
from coalitions._model import Coalition, Council, Party
from coalitions._quota import CastingVote
from coalitions.exceptions import InvalidValueError


@attrs.frozen
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
    """

    weights: tuple[int, ...]
    quota: int
    members: tuple[tuple[int, ...], ...]
    fixed: tuple[int, ...] = ()
    conflicts: tuple[int, ...] = ()
    infeasible: bool = False

    @property
    def size(self) -> int:
        """The number of players, zero-weight ones included."""
        return len(self.weights)

    @property
    def parties(self) -> tuple[int, ...]:
        """For each player, its party's council position (games without blocs)."""
        return tuple(group[0] for group in self.members)

    @property
    def simple(self) -> bool:
        """Whether every player is one party and nothing is fixed or forbidden."""
        return not (self.fixed or self.conflicts or self.infeasible) and all(
            len(group) == 1 for group in self.members
        )

    @functools.cached_property
    def active(self) -> int:
        """The number of players with positive weight (a prefix of ``weights``)."""
        return sum(1 for weight in self.weights if weight > 0)

    @functools.cached_property
    def total(self) -> int:
        """The sum of all weights."""
        return sum(self.weights)

    @property
    def can_win(self) -> bool:
        """Whether the grand coalition reaches the quota."""
        return not self.infeasible and self.total >= self.quota


def bits(mask: int) -> Iterable[int]:
    """Yield the positions of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


@functools.lru_cache(maxsize=128)
def compile_game(council: Council, constraints: Constraints | None = None) -> Game:
    """Return the council's game under its rule and the given constraints.

    The quota rule and the constraints are applied here, so that no
    algorithm needs to know them:

    - a chair's casting vote doubles every weight, adds one to the chair's
      party and asks for ``total_seats + 1``;
    - a bloc becomes one player; an excluded party is no player; required
      parties are fixed, their weight taken off the quota; incompatible pairs
      become per-player bitmasks of forbidden partners.

    Dividing every weight and the quota by the weights' greatest common
    divisor (rounding the quota up) keeps exactly the same winning coalitions
    and makes the dynamic programmes on seat totals smaller.
    """
    seats = [party.seats for party in council.parties]
    quota = council.majority
    if isinstance(council.rule, CastingVote):
        seats = [2 * party.seats + council.is_chair(party) for party in council.parties]
        quota = council.total_seats + 1
    groups, fixed, banned, conflicts = _apply(council, constraints or Constraints())
    infeasible = any(
        group_a in fixed and group_b in fixed for group_a, group_b in conflicts
    ) or any(group in banned for group in fixed)
    players = [g for g in range(len(groups)) if g not in fixed and g not in banned]
    quota -= sum(seats[i] for g in fixed for i in groups[g])
    weight = {g: sum(seats[i] for i in groups[g]) for g in players}
    players.sort(key=lambda g: (-weight[g], groups[g][0]))
    weights = [weight[g] for g in players]
    divisor = functools.reduce(math.gcd, weights, 0)
    if divisor > 1:
        weights = [w // divisor for w in weights]
        quota = -(-quota // divisor)
    place = {g: j for j, g in enumerate(players)}
    masks = [0] * len(players)
    for group_a, group_b in conflicts:
        if group_a in place and group_b in place:
            masks[place[group_a]] |= 1 << place[group_b]
            masks[place[group_b]] |= 1 << place[group_a]
    return Game(
        tuple(weights),
        quota,
        tuple(groups[g] for g in players),
        tuple(i for g in sorted(fixed) for i in groups[g]),
        tuple(masks) if any(masks) else (),
        infeasible,
    )


def _apply(
    council: Council, constraints: Constraints
) -> tuple[list[tuple[int, ...]], set[int], set[int], list[tuple[int, int]]]:
    """Return the groups of parties and what the constraints do to them.

    Groups are tuples of council positions (a bloc, or a single party); the
    rest is the set of groups fixed in, the set banned, and the incompatible
    pairs of groups.
    """
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
    ids = sorted(set(group_of))
    renumber = {old: new for new, old in enumerate(ids)}
    groups = [
        tuple(i for i in range(len(group_of)) if group_of[i] == old) for old in ids
    ]
    group = [renumber[group_of[i]] for i in range(len(group_of))]
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
    return groups, fixed, banned, conflicts


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
        # Blocs and required parties upset the largest-first order that the
        # tables give, so such coalitions are sorted once decoded.
        self.fast = game.simple
        self._position = {party.name: i for i, party in enumerate(council.parties)}
        self.quota = council.majority
        self.chair_quota = council.quota_for(with_chair=True)
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
        self._width = width = max(1, len(council.parties).bit_length())
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
        return Coalition(self.parties(mask), quota=quota, total_seats=self.total_seats)

    def sort_key(self, mask: int) -> int:
        """Return an int that orders bitmasks like their coalitions' listing order.

        Fewest parties first, then most seats, then names: the order of
        [`Coalition.sort_key`][coalitions.Coalition.sort_key], as one integer
        so that sorting compares numbers, not tuples of names.
        """
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
        size = head // (self.total_seats + 1)
        padding = self._name_bits - self._width * size
        return (head << self._name_bits) | (names << padding)


@functools.lru_cache(maxsize=128)
def decoder(council: Council, constraints: Constraints | None = None) -> Decoder:
    """Return the decoder of a council's compiled game."""
    return Decoder(council, compile_game(council, constraints))
