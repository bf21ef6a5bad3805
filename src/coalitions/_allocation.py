"""From votes to seats: highest averages, largest remainders, thresholds, mixed systems.

Every seat is decided in exact arithmetic: votes are integers, quotients and
quotas are `Fraction`s (Huntington-Hill compares squared quotients), and a
tie for the last seat is reported or broken by a stated rule, never by the
order of a list.

Highest averages are computed in divisor form: each party starts from an
estimate of its seats (votes times house size over all votes), and seats
then move one at a time from the weakest claim held to the strongest claim
not held until no move helps. The result is the one that giving seats one
at a time would reach, after O(parties) moves rather than one step per seat.

References:
    Balinski, M. L., and Young, H. P. (2001). *Fair Representation*, 2nd ed.
    Brookings. (Divisor methods, quota, house monotonicity, the Alabama
    paradox.)
    Pukelsheim, F. (2017). *Proportional Representation*, 2nd ed. Springer.
    (Divisor form, thresholds, biproportional and compensatory systems.)
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import attrs

from coalitions._model import Council, Party
from coalitions._validate import MAX_SEATS, clean_name, count, name_key, whole_number
from coalitions.exceptions import InvalidTypeError, InvalidValueError, TiedSeatError

__all__ = [
    "ALLOCATION_METHODS",
    "Allocation",
    "PartyResult",
    "allocate",
    "parse_threshold",
]

#: Ways to settle a tie for the last seats.
TIE_RULES = ("raise", "votes", "lot")


@attrs.frozen
class _Method:
    """One allocation method.

    Attributes:
        name: Its name as ``method=`` takes it.
        title: Its name in words, with its other names.
        kind: ``"divisor"`` (highest averages) or ``"remainder"``.
        step, offset: For divisor methods with divisors ``step * s + offset``
            after ``s`` seats (``None`` for Huntington-Hill).
        quota: For largest remainder methods: the quota from the votes and
            the seats.
    """

    name: str
    title: str
    kind: str
    step: int = 1
    offset: int = 1
    quota: Callable[[int, int], Fraction] | None = None

    def divisor(self, held: int, first: Fraction | None) -> Fraction | None:
        """The divisor after ``held`` seats (``None``: irrational, see `claim`)."""
        if self.name == "huntington-hill":
            root = math.isqrt(held * (held + 1))
            return Fraction(root) if root * root == held * (held + 1) else None
        if held == 0 and first is not None:
            return first
        return Fraction(self.step * held + self.offset)

    def claim(self, votes: int, held: int, first: Fraction | None) -> tuple[int, Any]:
        """An ordering key for the quotient ``votes / divisor(held)``.

        ``(1, votes)`` when the divisor is 0 (every party is owed a first
        seat, larger parties first); else ``(0, quotient)``, squared for
        Huntington-Hill so that it stays rational.
        """
        if self.name == "huntington-hill":
            product = held * (held + 1)
            return (1, votes) if product == 0 else (0, Fraction(votes * votes, product))
        divisor = self.divisor(held, first)
        assert divisor is not None
        return (1, votes) if divisor == 0 else (0, votes / divisor)


def _hare(votes: int, seats: int) -> Fraction:
    return Fraction(votes, seats)


def _droop(votes: int, seats: int) -> Fraction:
    return Fraction(votes // (seats + 1) + 1)


def _hagenbach_bischoff(votes: int, seats: int) -> Fraction:
    return Fraction(votes, seats + 1)


def _imperiali_quota(votes: int, seats: int) -> Fraction:
    return Fraction(votes, seats + 2)


_METHODS = (
    _Method("dhondt", "D'Hondt (Jefferson): divisors 1, 2, 3, ...", "divisor", 1, 1),
    _Method(
        "sainte-lague",
        "Sainte-Laguë (Webster): divisors 1, 3, 5, ... (first divisor settable)",
        "divisor",
        2,
        1,
    ),
    _Method("danish", "Danish: divisors 1, 4, 7, ...", "divisor", 3, 1),
    _Method("imperiali", "Imperiali: divisors 2, 3, 4, ...", "divisor", 1, 2),
    _Method(
        "huntington-hill",
        "Huntington-Hill (equal proportions): divisors sqrt(s(s+1))",
        "divisor",
        2,  # signposts near s + 1/2, as Sainte-Laguë's: for the estimate only
        1,
    ),
    _Method(
        "adams", "Adams (smallest divisors): divisors 0, 1, 2, ...", "divisor", 1, 0
    ),
    _Method("hare", "Largest remainder, Hare quota V/S", "remainder", quota=_hare),
    _Method(
        "droop",
        "Largest remainder, Droop quota floor(V/(S+1)) + 1",
        "remainder",
        quota=_droop,
    ),
    _Method(
        "hagenbach-bischoff",
        "Largest remainder, Hagenbach-Bischoff quota V/(S+1)",
        "remainder",
        quota=_hagenbach_bischoff,
    ),
    _Method(
        "imperiali-quota",
        "Largest remainder, Imperiali quota V/(S+2)",
        "remainder",
        quota=_imperiali_quota,
    ),
)

#: Every method [`allocate`][coalitions.allocate] knows, by name, with its
#: description.
ALLOCATION_METHODS: Mapping[str, str] = {m.name: m.title for m in _METHODS}
_BY_NAME = {m.name: m for m in _METHODS}
#: Names people also use for the methods.
_ALIASES = {
    "d'hondt": "dhondt",
    "d-hondt": "dhondt",
    "jefferson": "dhondt",
    "webster": "sainte-lague",
    "sainte-laguë": "sainte-lague",
    "saint-lague": "sainte-lague",
    "equal-proportions": "huntington-hill",
    "largest-remainder": "hare",
    "hamilton": "hare",
}


def _method(value: object) -> _Method:
    if not isinstance(value, str):
        raise InvalidTypeError("method", value, "a method name (a string)")
    key = value.strip().casefold().replace(" ", "-").replace("_", "-")
    key = _ALIASES.get(key, key)
    if key not in _BY_NAME:
        raise InvalidValueError("method", value, f"one of {', '.join(_BY_NAME)}")
    return _BY_NAME[key]


def parse_threshold(value: object, field: str = "threshold") -> Fraction:
    """Return a threshold as an exact share of the valid votes, in ``[0, 1)``.

    Accepts ``"5%"``, ``"0.05"``, ``Fraction(1, 150)``, a ``Decimal``, or a
    float (read by its shortest decimal form, so ``0.05`` is exactly 1/20).

    Raises:
        InvalidValueError: The share is outside ``[0, 1)`` or not a number.
        InvalidTypeError: The value is neither text nor a number.

    Examples:
        >>> parse_threshold("5%")
        Fraction(1, 20)
        >>> parse_threshold(Fraction(1, 150))
        Fraction(1, 150)
    """
    expected = 'a share in [0, 1), such as "5%", "0.05" or Fraction(1, 150)'
    share: Fraction
    if isinstance(value, bool):
        raise InvalidTypeError(field, value, expected)
    if isinstance(value, str):
        text = value.strip()
        percent = text.endswith("%")
        try:
            number = Decimal(text.removesuffix("%").strip())
        except InvalidOperation:
            raise InvalidValueError(field, value, expected) from None
        if not number.is_finite():
            raise InvalidValueError(field, value, expected)
        share = Fraction(number) / (100 if percent else 1)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValueError(field, value, expected)
        share = Fraction(repr(value))
    elif isinstance(value, int | Fraction | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise InvalidValueError(field, value, expected)
        share = Fraction(value)
    else:
        raise InvalidTypeError(field, value, expected)
    if not 0 <= share < 1:
        raise InvalidValueError(field, value, expected)
    return share


@attrs.frozen
class PartyResult:
    """One party's line in an allocation.

    Attributes:
        name: The party.
        votes: Its votes.
        share: Its share of all valid votes, exactly.
        seats: Seats won in all (constituency seats included).
        constituency_seats: Seats won in constituencies (mixed systems).
        qualified: Whether it passed the threshold (or was exempt) and takes
            part in the allocation.
        votes_short: For highest averages, how many more votes (all else
            equal) would have won it one more seat; ``None`` otherwise.

    Examples:
        >>> votes = {"A": 5100, "B": 2990, "C": 1910}
        >>> line = allocate(votes, seats=10, method="dhondt")["A"]
        >>> line.seats, line.share, line.votes_short
        (5, Fraction(51, 100), 631)
    """

    name: str
    votes: int
    share: Fraction
    seats: int
    constituency_seats: int
    qualified: bool
    votes_short: int | None


@attrs.frozen
class Allocation:
    """Seats allocated from votes, with everything needed to explain them.

    Attributes:
        method: The method's name.
        parties: One line per party, in the order of the votes.
        house_size: The seats allocated in all (larger than asked when a
            compensatory system has overhang seats).
        threshold: The threshold applied, as a share of the valid votes.
        total_votes: All valid votes, those of ``others`` included.
        districts: For several districts, each district's allocation.
        overhang: Seats beyond the size asked for: constituency seats a
            party won beyond its entitlement in a compensatory system.

    Examples:
        >>> votes = {"A": 5000, "B": 3000, "C": 2000}
        >>> result = allocate(votes, seats=10, method="dhondt")
        >>> result.seats
        {'A': 5, 'B': 3, 'C': 2}
    """

    method: str
    parties: tuple[PartyResult, ...]
    house_size: int
    threshold: Fraction
    total_votes: int
    districts: Mapping[str, Allocation] | None = None

    @property
    def seats(self) -> dict[str, int]:
        """Each party's seats, every party listed (0 below the threshold)."""
        return {party.name: party.seats for party in self.parties}

    @property
    def votes(self) -> dict[str, int]:
        """Each party's votes."""
        return {party.name: party.votes for party in self.parties}

    overhang: int = 0

    def __getitem__(self, name: str) -> PartyResult:
        """Return a party's line by name (ignoring case and white space)."""
        key = name_key(clean_name(name, "name"))
        for party in self.parties:
            if name_key(party.name) == key:
                return party
        raise KeyError(name)

    def narrowest(self) -> str | None:
        """Say which party came closest to one more seat, in words.

        Examples:
            >>> votes = {"A": 5100, "B": 2990, "C": 1910}
            >>> result = allocate(votes, seats=10, method="dhondt")
            >>> print(result.narrowest())
            A missed a 6th seat by 631 votes
        """
        close = [p for p in self.parties if p.votes_short is not None]
        if not close:
            return None
        party = min(close, key=lambda p: p.votes_short or 0)
        word = "vote" if party.votes_short == 1 else "votes"
        seat = party.seats + 1
        return (
            f"{party.name} missed {_article(seat)} {_ordinal(seat)} seat by "
            f"{party.votes_short:,} {word}"
        )

    def council(self, name: str, *, with_seatless: bool = False) -> Council:
        """Return the elected body as a [`Council`][coalitions.Council].

        Each party carries its votes, so that panels can show them.

        Args:
            name: The council's name.
            with_seatless: Keep the parties that won no seat (as zero-seat
                parties); by default only seated parties sit.

        Examples:
            >>> votes = {"A": 5000, "B": 3000, "C": 2000}
        >>> result = allocate(votes, seats=10, method="dhondt")
            >>> result.council("Assembly").majority
            6
        """
        members = [
            Party(party.name, party.seats, votes=party.votes)
            for party in self.parties
            if party.seats or with_seatless
        ]
        return Council(name, members, self.house_size)


def _article(number: int) -> str:
    """The article before a number read aloud: an 8th, an 11th, an 18th, a 1st."""
    digits = str(number)
    head = digits[: len(digits) % 3 or 3]
    return "an" if digits.startswith("8") or head in ("11", "18") else "a"


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@attrs.frozen
class _Tie:
    """How to settle a tie: the rule, a random source, and the names to report."""

    rule: str
    rng: random.Random | None
    names: Sequence[str]

    def settle(
        self, pool: list[int], seats: int, votes: Sequence[int], claim: str
    ) -> list[int]:
        """Return which ``seats`` of the tied ``pool`` win."""
        pool = sorted(pool)
        if self.rule == "votes":
            ranked = sorted(pool, key=lambda i: -votes[i])
            if seats == len(ranked) or votes[ranked[seats - 1]] != votes[ranked[seats]]:
                return ranked[:seats]
        elif self.rule == "lot":
            assert self.rng is not None
            return self.rng.sample(pool, seats)
        raise TiedSeatError(tuple(self.names[i] for i in pool), seats, claim)


def highest_averages(
    votes: Sequence[int],
    seats: int,
    method: _Method,
    *,
    first: Fraction | None = None,
    start: Sequence[int] | None = None,
    tie: _Tie,
) -> tuple[list[int], list[int | None]]:
    """Give ``seats`` more seats by highest averages; return seats and votes short.

    ``start[i]`` seats are already held by party ``i`` (constituency seats
    in an additional member system): its divisors start there. Parties with
    no votes take no seat.
    """
    n = len(votes)
    start = list(start) if start is not None else [0] * n
    active = [i for i in range(n) if votes[i] > 0]
    if seats and not active:
        raise InvalidValueError(
            "votes",
            dict(zip(tie.names, votes, strict=True)),
            "some votes for a party that may take seats",
        )
    claim = method.claim
    held = list(start)
    total = sum(votes[i] for i in active)
    house = seats + sum(start[i] for i in active)
    # The divisor-form estimate: with divisors step * s + offset, a party
    # with x = votes / D wins about x - offset / step + 1/2 seats; choosing
    # D = total / (house + n (offset / step - 1/2)) makes them add up to
    # about the house size.
    lean = Fraction(method.offset, method.step) if method.step else Fraction(1, 2)
    scale = house + len(active) * (lean - Fraction(1, 2))
    for i in active:
        guess = math.ceil(votes[i] * scale / total - lean)
        held[i] = max(start[i], guess)
    given = sum(held[i] - start[i] for i in active)

    def strongest() -> int:
        return max(active, key=lambda i: claim(votes[i], held[i], first))

    def weakest() -> int | None:
        holders = [i for i in active if held[i] > start[i]]
        if not holders:
            return None
        return min(holders, key=lambda i: claim(votes[i], held[i] - 1, first))

    while given < seats:
        held[strongest()] += 1
        given += 1
    while given > seats:
        loser = weakest()
        assert loser is not None
        held[loser] -= 1
        given -= 1
    while seats:
        winner, loser = strongest(), weakest()
        assert loser is not None
        if claim(votes[winner], held[winner], first) <= claim(
            votes[loser], held[loser] - 1, first
        ):
            break
        held[winner] += 1
        held[loser] -= 1
    if seats:
        loser = weakest()
        assert loser is not None
        lowest = claim(votes[loser], held[loser] - 1, first)
        holders = [
            i
            for i in active
            if held[i] > start[i] and claim(votes[i], held[i] - 1, first) == lowest
        ]
        rivals = [i for i in active if claim(votes[i], held[i], first) == lowest]
        if rivals:
            quotient = _shown(lowest)
            winners = tie.settle(
                holders + rivals, len(holders), votes, f"a quotient of {quotient}"
            )
            for i in holders:
                held[i] -= 1
            for i in winners:
                held[i] += 1
    return held, _votes_short(votes, held, start, method, first=first, active=active)


def _shown(claim: tuple[int, Any]) -> str:
    tier, value = claim
    if tier:
        return "an unlimited quotient (a first seat owed)"
    return (
        f"{float(value):,.4f}"
        if isinstance(value, Fraction) and value.denominator != 1
        else f"{value}"
    )


def _votes_short(
    votes: Sequence[int],
    held: Sequence[int],
    start: Sequence[int],
    method: _Method,
    *,
    first: Fraction | None,
    active: Sequence[int],
) -> list[int | None]:
    """Votes each party needed, all else equal, to beat the weakest seat of another."""
    n = len(votes)
    short: list[int | None] = [None] * n
    if method.name == "huntington-hill":
        return short
    lowest: list[tuple[Fraction, int]] = []
    for i in active:
        if held[i] > start[i]:
            divisor = method.divisor(held[i] - 1, first)
            assert divisor is not None
            if divisor > 0:
                lowest.append((votes[i] / divisor, i))
    lowest.sort()
    for i in active:
        others = [q for q, j in lowest if j != i]
        divisor = method.divisor(held[i], first)
        if not others or divisor is None or divisor == 0:
            continue
        target = others[0] * divisor  # votes at which i's next quotient ties
        short[i] = max(1, math.floor(target) - votes[i] + 1)
    return short


def largest_remainder(
    votes: Sequence[int], seats: int, method: _Method, *, tie: _Tie
) -> list[int]:
    """Give ``seats`` seats by whole quotas, then the largest remainders.

    A quota smaller than Hare's (Hagenbach-Bischoff, Imperiali) can award
    more whole quotas than there are seats; the surplus seats are then taken
    back from the parties with the smallest remainders.
    """
    assert method.quota is not None
    n = len(votes)
    total = sum(votes)
    if total == 0:
        raise InvalidValueError(
            "votes",
            dict(zip(tie.names, votes, strict=True)),
            "some votes for a party that may take seats",
        )
    quota = method.quota(total, seats)
    held = [math.floor(v / quota) for v in votes]
    remainder = [votes[i] - held[i] * quota for i in range(n)]
    surplus = sum(held) - seats
    if surplus > 0:
        candidates = [i for i in range(n) if held[i] > 0]
        ranked = sorted(candidates, key=lambda i: remainder[i])
        taken = _cut(ranked, surplus, remainder, tie, votes, lowest_first=True)
        for i in taken:
            held[i] -= 1
        return held
    left = seats - sum(held)
    ranked = sorted((i for i in range(n) if votes[i] > 0), key=lambda i: -remainder[i])
    for i in _cut(ranked, left, remainder, tie, votes, lowest_first=False):
        held[i] += 1
    return held


def _cut(
    ranked: list[int],
    k: int,
    remainder: Sequence[Fraction],
    tie: _Tie,
    votes: Sequence[int],
    *,
    lowest_first: bool,
) -> list[int]:
    """The first ``k`` of ``ranked``, settling a tie at the cut by the tie rule."""
    if k <= 0:
        return []
    if k >= len(ranked):
        return list(ranked)
    edge = remainder[ranked[k - 1]]
    if remainder[ranked[k]] != edge:
        return ranked[:k]
    sure = [i for i in ranked[:k] if remainder[i] != edge]
    pool = [i for i in ranked if remainder[i] == edge]
    return sure + tie.settle(
        pool, k - len(sure), votes, f"a remainder of {_shown((0, edge))} votes"
    )


def _names(values: object, field: str, known: Mapping[str, int]) -> set[int]:
    """Positions of the named parties, each of which must be in the votes."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, Iterable):
        raise InvalidTypeError(field, values, "party names")
    positions = set()
    for value in values:
        key = name_key(clean_name(value, field))
        if key not in known:
            raise InvalidValueError(field, value, "the name of a party in the votes")
        positions.add(known[key])
    return positions


def _votes(votes: object, field: str = "votes") -> tuple[list[str], list[int]]:
    if not isinstance(votes, Mapping):
        raise InvalidTypeError(field, votes, "a mapping of party names to votes")
    names: list[str] = []
    numbers: list[int] = []
    seen: set[str] = set()
    for raw, number in votes.items():
        name = clean_name(raw, f"{field} name")
        key = name_key(name)
        if key in seen:
            raise InvalidValueError(field, raw, "each party once")
        seen.add(key)
        names.append(name)
        numbers.append(
            whole_number(
                number, f"{field}[{name!r}]", maximum=MAX_SEATS, error=InvalidValueError
            )
        )
    return names, numbers


def allocate(
    votes: Mapping[str, int] | Mapping[str, Mapping[str, int]],
    *,
    seats: int | Mapping[str, int],
    method: str,
    threshold: object = None,
    exempt: Iterable[str] = (),
    others: Iterable[str] = (),
    first_divisor: object = None,
    constituency_seats: Mapping[str, int] | None = None,
    mixed: str | None = None,
    districts: Mapping[str, int] | None = None,
    national_threshold: object = None,
    alliances: Iterable[Iterable[str]] = (),
    ties: str = "raise",
    seed: int | None = None,
) -> Allocation:
    """Allocate seats from votes, exactly.

    Args:
        votes: Votes per party (every party, including those that will win
            nothing). With ``districts``: votes per party per district,
            ``{district: {party: votes}}``.
        seats: Seats to allocate: the house size (with ``districts``, the
            sum of their seats); for ``mixed="additional"`` the list
            (additional) seats.
        method: One of [`ALLOCATION_METHODS`][coalitions.ALLOCATION_METHODS]:
            ``"dhondt"``, ``"sainte-lague"``, ``"danish"``, ``"imperiali"``,
            ``"huntington-hill"``, ``"adams"`` (highest averages) or
            ``"hare"``, ``"droop"``, ``"hagenbach-bischoff"``,
            ``"imperiali-quota"`` (largest remainder).
        threshold: The share of all valid votes a party needs (at least) to
            take part: ``"5%"``, ``Fraction(1, 150)``; ``None`` for none.
        exempt: Parties that take part whatever their share (national
            minorities; parties that won enough constituencies).
        others: Entries that never take seats ("Others" in a poll), though
            their votes count in the total the threshold is reckoned on.
        first_divisor: For ``"sainte-lague"``: the first divisor instead of 1
            (``Fraction(6, 5)`` in Sweden, ``Fraction(7, 5)`` formerly in
            Norway).
        constituency_seats: Seats each party won in constituencies, for
            ``mixed``.
        mixed: ``"additional"`` (additional member: list seats by the method,
            each party's divisors starting after its constituency seats) or
            ``"compensatory"`` (mixed-member proportional: entitlements over
            the whole house among qualifying parties; a party keeps
            constituency seats beyond its entitlement and the house grows).
        districts: The seats of each district (its magnitude), for votes
            given per district: each district is allocated on its own (with
            its own threshold) and the seats are summed.
        national_threshold: With ``districts``: the share of the votes of
            every district added up that a party needs (at least) to take
            seats in any district, as in the Czech Chamber of Deputies;
            ``exempt`` parties are spared it too.
        alliances: Groups of parties whose qualifying members' votes are
            pooled: seats go first to the alliance, then within it by the
            same method.
        ties: What to do when parties tie for the last seats: ``"raise"``
            ([`TiedSeatError`][coalitions.exceptions.TiedSeatError]),
            ``"votes"`` (more votes first; still equal: raise) or ``"lot"``
            (at random, reproducibly with ``seed``).
        seed: The seed for ``ties="lot"``.

    Returns:
        The allocation: ``.seats`` per party, ``.council(name)``, and each
        party's votes, share and how close it came to another seat.

    Raises:
        InvalidValueError: A field is out of range: negative or fractional
            votes, a threshold outside ``[0, 1)``, an exempt party not in
            the votes, a district without seats, district seats that do not
            add up to ``seats``, an unknown method, a national threshold
            without districts.
        TiedSeatError: Parties tie for the last seats and ``ties="raise"``.

    Examples:
        >>> result = allocate(
        ...     {"A": 48_000, "B": 31_000, "C": 16_000, "D": 4_000, "E": 1_000},
        ...     seats=10, method="sainte-lague", threshold="5%",
        ... )
        >>> result.seats
        {'A': 5, 'B': 3, 'C': 2, 'D': 0, 'E': 0}
    """
    if ties not in TIE_RULES:
        raise InvalidValueError("ties", ties, f"one of {', '.join(TIE_RULES)}")
    if districts is not None or national_threshold is not None:
        return _by_district(
            votes,
            districts,
            count(seats, "seats", minimum=1),
            national_threshold,
            method=method,
            threshold=threshold,
            exempt=exempt,
            others=others,
            first_divisor=first_divisor,
            alliances=alliances,
            ties=ties,
            seed=seed,
        )
    names, numbers = _votes(votes)
    rule = _method(method)
    share = Fraction(0) if threshold is None else parse_threshold(threshold)
    house = (
        count(seats, "seats", minimum=1)
        if mixed != "additional"
        else count(seats, "seats")
    )
    first = None
    if first_divisor is not None:
        if rule.name != "sainte-lague":
            raise InvalidValueError(
                "first_divisor", first_divisor, 'None unless method="sainte-lague"'
            )
        first = parse_divisor(first_divisor)
    known = {name_key(name): i for i, name in enumerate(names)}
    exempted = _names(exempt, "exempt", known)
    excluded = _names(others, "others", known)
    total = sum(numbers)
    qualified = [
        i not in excluded
        and numbers[i] > 0
        and (i in exempted or numbers[i] >= share * total)
        for i in range(len(names))
    ]
    won = [0] * len(names)
    if constituency_seats is not None:
        if mixed is None:
            raise InvalidValueError(
                "constituency_seats",
                constituency_seats,
                'given only with mixed="additional" or "compensatory"',
            )
        if not isinstance(constituency_seats, Mapping):
            raise InvalidTypeError(
                "constituency_seats",
                constituency_seats,
                "a mapping of party names to seats",
            )
        for raw, number in constituency_seats.items():
            (i,) = _names([raw], "constituency_seats", known)
            won[i] = whole_number(number, f"constituency_seats[{raw!r}]")
    tie = _Tie(ties, random.Random(seed) if ties == "lot" else None, names)
    groups = _alliances(alliances, known, qualified)
    if mixed not in (None, "additional", "compensatory"):
        raise InvalidValueError("mixed", mixed, 'None, "additional" or "compensatory"')
    if mixed is not None and (rule.kind != "divisor" or groups):
        raise InvalidValueError(
            "mixed", mixed, "None with largest remainder methods or alliances"
        )
    eligible = [numbers[i] if qualified[i] else 0 for i in range(len(names))]
    overhang = 0
    short: list[int | None] = [None] * len(names)
    if mixed == "additional":
        start = [won[i] if qualified[i] else 0 for i in range(len(names))]
        held, short = highest_averages(
            eligible, house, rule, first=first, start=start, tie=tie
        )
        final = [held[i] if qualified[i] else won[i] for i in range(len(names))]
    elif mixed == "compensatory":
        kept = sum(won[i] for i in range(len(names)) if not qualified[i])
        if kept > house:
            raise InvalidValueError(
                "constituency_seats",
                constituency_seats,
                f"at most {house} seats won by parties below the threshold",
            )
        entitled, short = highest_averages(
            eligible, house - kept, rule, first=first, tie=tie
        )
        final = [
            max(entitled[i], won[i]) if qualified[i] else won[i]
            for i in range(len(names))
        ]
        overhang = sum(final) - house
    else:
        final, short = _share_out(
            eligible, house, rule, first=first, groups=groups, tie=tie
        )
    parties = tuple(
        PartyResult(
            names[i],
            numbers[i],
            Fraction(numbers[i], total) if total else Fraction(0),
            final[i],
            won[i],
            qualified[i],
            short[i] if qualified[i] else None,
        )
        for i in range(len(names))
    )
    return Allocation(rule.name, parties, sum(final), share, total, None, overhang)


def parse_divisor(value: object) -> Fraction:
    """Return a first divisor as an exact positive number."""
    if isinstance(value, bool) or not isinstance(
        value, int | Fraction | Decimal | float | str
    ):
        raise InvalidTypeError(
            "first_divisor", value, "a positive number such as Fraction(7, 5)"
        )
    try:
        number = Fraction(repr(value) if isinstance(value, float) else value)
    except (ValueError, ZeroDivisionError):
        raise InvalidValueError("first_divisor", value, "a positive number") from None
    if number <= 0:
        raise InvalidValueError("first_divisor", value, "a positive number")
    return number


def _alliances(
    alliances: Iterable[Iterable[str]],
    known: Mapping[str, int],
    qualified: Sequence[bool],
) -> list[list[int]]:
    """The qualifying members of each alliance, as positions."""
    if isinstance(alliances, str) or not isinstance(alliances, Iterable):
        raise InvalidTypeError("alliances", alliances, "groups of party names")
    groups: list[list[int]] = []
    seen: set[int] = set()
    for index, group in enumerate(alliances):
        members = _names(group, f"alliances[{index}]", known)
        if members & seen:
            raise InvalidValueError(
                f"alliances[{index}]", group, "parties in no other alliance"
            )
        seen |= members
        groups.append(sorted(i for i in members if qualified[i]))
    return [g for g in groups if len(g) > 1]


def _share_out(
    votes: list[int],
    seats: int,
    rule: _Method,
    *,
    first: Fraction | None,
    groups: list[list[int]],
    tie: _Tie,
) -> tuple[list[int], list[int | None]]:
    """Allocate among parties, or first among alliances and then within them."""
    if not groups:
        if rule.kind == "divisor":
            return highest_averages(votes, seats, rule, first=first, tie=tie)
        return largest_remainder(votes, seats, rule, tie=tie), [None] * len(votes)
    grouped = {i for g in groups for i in g}
    units = list(groups) + [[i] for i in range(len(votes)) if i not in grouped]
    unit_votes = [sum(votes[i] for i in unit) for unit in units]
    unit_names = [" + ".join(tie.names[i] for i in unit) for unit in units]
    unit_tie = _Tie(tie.rule, tie.rng, unit_names)
    unit_seats, _ = _share_out(
        unit_votes, seats, rule, first=first, groups=[], tie=unit_tie
    )
    final = [0] * len(votes)
    for unit, won in zip(units, unit_seats, strict=True):
        if len(unit) == 1:
            final[unit[0]] = won
            continue
        inner_tie = _Tie(tie.rule, tie.rng, [tie.names[i] for i in unit])
        inner, _ = (
            _share_out(
                [votes[i] for i in unit],
                won,
                rule,
                first=first,
                groups=[],
                tie=inner_tie,
            )
            if won
            else ([0] * len(unit), None)
        )
        for i, number in zip(unit, inner, strict=True):
            final[i] = number
    return final, [None] * len(votes)


def _below_national_threshold(
    votes: Mapping[Any, object], share: Fraction, exempt: Iterable[str]
) -> list[str]:
    """The parties whose votes over every district fall short of ``share``."""
    national: dict[str, int] = {}
    for district, district_votes in votes.items():
        names, numbers = _votes(district_votes, f"votes[{district!r}]")
        for name, number in zip(names, numbers, strict=True):
            national[name] = national.get(name, 0) + number
    spared = {name_key(clean_name(n, "exempt")) for n in exempt}
    total = sum(national.values())
    return [
        name
        for name, number in national.items()
        if name_key(name) not in spared and number < share * total
    ]


def _by_district(
    votes: object,
    seats: object,
    total: int,
    national_threshold: object,
    **options: Any,
) -> Allocation:
    if seats is None:
        raise InvalidValueError(
            "national_threshold",
            national_threshold,
            "None unless votes are given per district with districts=",
        )
    if not isinstance(seats, Mapping):
        raise InvalidTypeError("districts", seats, "a mapping of district to seats")
    if not isinstance(votes, Mapping):
        raise InvalidTypeError("votes", votes, "a mapping of district to votes")
    if set(votes) != set(seats):
        raise InvalidValueError(
            "districts",
            seats,
            f"one entry per district of the votes: {', '.join(map(str, votes))}",
        )
    magnitudes = {
        district: whole_number(
            seats[district],
            f"districts[{district!r}]",
            minimum=1,
            error=InvalidValueError,
        )
        for district in votes
    }
    added = sum(magnitudes.values())
    if added != total:
        raise InvalidValueError(
            "seats", total, f"the districts' seats added up ({added:,})"
        )
    options["exempt"] = list(options["exempt"])
    options["others"] = list(options["others"])
    if national_threshold is not None:
        options["others"] = [
            *options["others"],
            *_below_national_threshold(
                votes, parse_threshold(national_threshold), options["exempt"]
            ),
        ]
    results: dict[str, Allocation] = {}
    names: list[str] = []
    for district, district_votes in votes.items():
        magnitude = magnitudes[district]
        present = (
            {name_key(clean_name(n, "votes name")) for n in district_votes}
            if isinstance(district_votes, Mapping)
            else set()
        )
        kept = {
            key: [n for n in options[key] if name_key(clean_name(n, key)) in present]
            for key in ("exempt", "others")
        }
        result = allocate(district_votes, seats=magnitude, **{**options, **kept})
        results[str(district)] = result
        for party in result.parties:
            if party.name not in names:
                names.append(party.name)
    totals: dict[str, list[int]] = {name: [0, 0] for name in names}
    for result in results.values():
        for party in result.parties:
            totals[party.name][0] += party.votes
            totals[party.name][1] += party.seats
    all_votes = sum(v for v, _ in totals.values())
    parties = tuple(
        PartyResult(
            name,
            v,
            Fraction(v, all_votes) if all_votes else Fraction(0),
            s,
            0,
            any(r[name].qualified for r in results.values() if name in r.seats),
            None,
        )
        for name, (v, s) in totals.items()
    )
    first = next(iter(results.values()))
    return Allocation(
        first.method,
        parties,
        sum(s for _, s in totals.values()),
        first.threshold,
        all_votes,
        results,
    )
