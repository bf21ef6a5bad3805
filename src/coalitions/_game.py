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

from coalitions._model import Coalition, Council


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

    Dividing every weight by their greatest common divisor ``g`` and the quota
    by ``g``, rounding up, keeps exactly the same winning coalitions and makes
    the dynamic programmes on seat totals ``g`` times smaller.
    """
    order = sorted(
        range(len(council.parties)),
        key=lambda position: (-council.parties[position].seats, position),
    )
    weights = [council.parties[position].seats for position in order]
    divisor = functools.reduce(math.gcd, weights, 0)
    quota = council.majority
    if divisor > 1:
        weights = [weight // divisor for weight in weights]
        quota = -(-quota // divisor)
    return Game(tuple(weights), quota, tuple(order))


def decode(council: Council, game: Game, mask: int) -> Coalition:
    """Return the coalition of the council that a bitmask of players stands for."""
    members = tuple(council.parties[game.parties[j]] for j in bits(mask))
    return Coalition(members, quota=council.majority, total_seats=council.total_seats)
