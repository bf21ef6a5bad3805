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

from coalitions._model import Coalition, Council, Party
from coalitions._quota import CastingVote


@attrs.frozen
class Game:
    """A weighted majority game ``[quota; weights]``.

    Attributes:
        weights: Player weights, non-increasing. Zero weights come last.
        quota: Weight a coalition needs to win.
        parties: For each player, the position of its party in the council.
    """

    weights: tuple[int, ...]
    quota: int
    parties: tuple[int, ...]

    @property
    def size(self) -> int:
        """The number of players, zero-weight ones included."""
        return len(self.weights)

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
        return self.total >= self.quota

    def seats_of(self, mask: int) -> int:
        """Return the weight of a coalition given as a bitmask."""
        return sum(self.weights[j] for j in bits(mask))


def bits(mask: int) -> Iterable[int]:
    """Yield the positions of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


@functools.lru_cache(maxsize=128)
def compile_game(council: Council) -> Game:
    """Return the council's game, with weights and quota divided by their gcd.

    The quota rule is applied here, so that no algorithm needs to know it: a
    chair's casting vote doubles every weight, adds one to the chair's party
    and asks for ``total_seats + 1``. Dividing every weight by their greatest
    common divisor ``g`` and the quota by ``g``, rounding up, keeps exactly
    the same winning coalitions and makes the dynamic programmes on seat
    totals ``g`` times smaller.
    """
    seats = [party.seats for party in council.parties]
    quota = council.majority
    if isinstance(council.rule, CastingVote):
        seats = [2 * party.seats + council.is_chair(party) for party in council.parties]
        quota = council.total_seats + 1
    order = sorted(range(len(seats)), key=lambda position: (-seats[position], position))
    weights = [seats[position] for position in order]
    divisor = functools.reduce(math.gcd, weights, 0)
    if divisor > 1:
        weights = [weight // divisor for weight in weights]
        quota = -(-quota // divisor)
    return Game(tuple(weights), quota, tuple(order))


class Decoder:
    """Turns bitmasks of a council's game back into coalitions, fast.

    Bitmasks are cut into bytes; for each byte position a table maps each of
    the 256 byte values to what it stands for, so decoding costs one lookup
    per 8 players instead of one step per member.
    """

    _BITS = 8

    def __init__(self, council: Council, game: Game) -> None:
        players = [council.parties[position] for position in game.parties]
        self.quota = council.majority
        self.chair_quota = council.quota_for(with_chair=True)
        self._chair_bit = sum(
            1 << j for j, party in enumerate(players) if council.is_chair(party)
        )
        self.total_seats = total = council.total_seats
        # A coalition's names (largest party first) compare like the digits
        # of their alphabetical ranks, `width` bits each, read as one integer.
        rank = {name: r for r, name in enumerate(sorted(p.name for p in players))}
        self._width = width = max(1, len(players).bit_length())
        self._name_bits = width * len(players)
        self._parties: list[tuple[tuple[Party, ...], ...]] = []
        self._heads: list[tuple[int, ...]] = []
        self._name_shifts: list[tuple[int, ...]] = []
        self._names: list[tuple[int, ...]] = []
        for start in range(0, len(players), self._BITS):
            chunk = players[start : start + self._BITS]
            groups = tuple(
                tuple(chunk[j] for j in bits(value)) for value in range(1 << len(chunk))
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
        return members

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
def decoder(council: Council) -> Decoder:
    """Return the decoder of a council's compiled game."""
    return Decoder(council, compile_game(council))
