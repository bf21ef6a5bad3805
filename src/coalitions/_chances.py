"""From a poll to the chance that each coalition wins a majority.

A poll of ``n`` respondents with shares ``p_i`` is read as multinomial
counts ``n p_i``; vote shares are drawn from the Dirichlet posterior with a
prior of ½ per party (as in the R package ``coalitions``), each draw is
turned into seats by the chosen method and threshold, and a coalition's
chance is the share of draws in which its seats are a majority (more than
half of the house). Each chance is an exact fraction of the draws, reported
with its Monte Carlo standard error ``sqrt(p (1 - p) / N)``.

References:
    Bender, A., and Bauer, A. (2018). coalitions: Coalition probabilities in
    multi-party democracies. *Journal of Open Source Software* 3(23), 606.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from coalitions._allocation import (
    _Method,
    _method,
    _names,
    _Tie,
    highest_averages,
    largest_remainder,
    parse_divisor,
    parse_threshold,
)
from coalitions._engine.enumerate import iter_minimal_winning_masks
from coalitions._engine.game import Game, bits
from coalitions._validate import clean_name, count, name_key
from coalitions.exceptions import InvalidTypeError, InvalidValueError

__all__ = ["Chance", "SeatRange", "Simulation", "simulate"]

#: How far the shares of a poll may add up from 100 and still be read
#: (they are then scaled to add up to exactly 100).
SHARE_TOLERANCE = Fraction(1, 2)
#: Resolution of the vote counts a draw is rounded to for methods without a
#: fast floating-point form.
_DRAW_SCALE = 10**9


@attrs.frozen
class Chance:
    """The chance that a coalition has a majority.

    Attributes:
        parties: The coalition's members, in the order of the poll.
        probability: The share of draws in which it has a majority, exactly.
        standard_error: The Monte Carlo standard error of ``probability``.

    Examples:
        >>> draws = [{"A": 60, "B": 40}, {"A": 45, "B": 55}]
        >>> print(simulate(draws=draws, seats=10, method="dhondt").chance("A"))
        A: 50.0% (± 35.4%)
    """

    parties: tuple[str, ...]
    probability: Fraction
    standard_error: float

    def __str__(self) -> str:
        return (
            f"{' + '.join(self.parties)}: {float(self.probability):.1%} "
            f"(± {self.standard_error:.1%})"
        )


@attrs.frozen
class SeatRange:
    """A party's seats across the draws.

    Attributes:
        party: The party.
        mean: Its mean seats, exactly.
        low: The 5th percentile of its seats.
        high: The 95th percentile: 90% of draws lie in ``[low, high]``.

    Examples:
        >>> draws = [{"A": 60, "B": 40}, {"A": 45, "B": 55}]
        >>> simulate(draws=draws, seats=10, method="dhondt").seat_ranges()[0]
        SeatRange(party='A', mean=Fraction(5, 1), low=4, high=6)
    """

    party: str
    mean: Fraction
    low: int
    high: int


@attrs.frozen
class Simulation:
    """Seats drawn from a poll's uncertainty, and the chances they imply.

    Attributes:
        parties: The parties, in the order of the poll.
        seats: The house size.
        draws: How many draws were made.
        outcomes: How often each seat vector (one number per party) came up.

    Examples:
        >>> draws = [{"A": 60, "B": 40}, {"A": 45, "B": 55}]
        >>> simulate(draws=draws, seats=10, method="dhondt").outcomes
        {(6, 4): 1, (4, 6): 1}
    """

    parties: tuple[str, ...]
    seats: int
    draws: int
    outcomes: Mapping[tuple[int, ...], int]

    def _positions(self, parties: Iterable[str] | str) -> list[int]:
        if isinstance(parties, str):
            parties = [parties]
        keys = {name_key(name): i for i, name in enumerate(self.parties)}
        positions = []
        for party in parties:
            key = name_key(clean_name(party, "parties"))
            if key not in keys:
                raise InvalidValueError("parties", party, "parties of the poll")
            positions.append(keys[key])
        return sorted(set(positions))

    def probability(
        self, parties: Iterable[str] | str, exclude_superior: bool = False
    ) -> Fraction:
        """Return the chance that these parties together hold a majority.

        Args:
            parties: The coalition.
            exclude_superior: Count a draw only when no smaller group of
                these parties already has a majority on its own (the
                coalition is then needed whole: minimal winning).

        Examples:
            >>> poll = simulate({"A": 48, "B": 42, "C": 10}, sample_size=1000,
            ...                 seats=100, method="dhondt", simulations=200, seed=1)
            >>> poll.probability(["A", "B"])
            Fraction(1, 1)
        """
        members = self._positions(parties)
        hits = 0
        for vector, times in self.outcomes.items():
            held = sum(vector[i] for i in members)
            if 2 * held <= self.seats:
                continue
            if exclude_superior:
                lightest = min(vector[i] for i in members)
                if 2 * (held - lightest) > self.seats:
                    continue
            hits += times
        return Fraction(hits, self.draws)

    def chance(
        self, parties: Iterable[str] | str, exclude_superior: bool = False
    ) -> Chance:
        """Return a coalition's chance with its standard error."""
        members = self._positions(parties)
        p = self.probability([self.parties[i] for i in members], exclude_superior)
        return Chance(
            tuple(self.parties[i] for i in members),
            p,
            math.sqrt(float(p * (1 - p)) / self.draws),
        )

    def table(self) -> tuple[Chance, ...]:
        """Every coalition minimal winning in at least one draw, with its chance.

        Ordered by chance of a majority (highest first), then fewer parties,
        then the order of the poll.
        """
        masks: set[int] = set()
        cache: dict[tuple[int, ...], list[int]] = {}
        for vector in self.outcomes:
            masks.update(_minimal_winning(vector, self.seats, cache))
        rows = [self.chance([self.parties[j] for j in bits(mask)]) for mask in masks]
        rows.sort(
            key=lambda row: (
                -row.probability,
                len(row.parties),
                [self.parties.index(p) for p in row.parties],
            )
        )
        return tuple(rows)

    def majority_alone(self) -> dict[str, Fraction]:
        """Each party's chance of a majority on its own."""
        return {party: self.probability([party]) for party in self.parties}

    def seat_ranges(self) -> tuple[SeatRange, ...]:
        """Each party's mean seats and 90% interval, in the order of the poll."""
        ranges = []
        for i, party in enumerate(self.parties):
            tally: Counter[int] = Counter()
            for vector, times in self.outcomes.items():
                tally[vector[i]] += times
            total = sum(seats * times for seats, times in tally.items())
            ranges.append(
                SeatRange(
                    party,
                    Fraction(total, self.draws),
                    _percentile(tally, self.draws, Fraction(5, 100)),
                    _percentile(tally, self.draws, Fraction(95, 100)),
                )
            )
        return tuple(ranges)


def _percentile(tally: Counter[int], draws: int, share: Fraction) -> int:
    """The smallest value with at least ``share`` of the draws at or below it."""
    seen = 0
    for value in sorted(tally):
        seen += tally[value]
        if seen >= share * draws:
            return value
    return max(tally)


def _minimal_winning(
    vector: tuple[int, ...], seats: int, cache: dict[tuple[int, ...], list[int]]
) -> list[int]:
    """The minimal winning coalitions of a seat vector, as masks over the parties."""
    key = tuple(sorted(vector, reverse=True))
    order = sorted(range(len(vector)), key=lambda i: (-vector[i], i))
    if key not in cache:
        game = Game(key, seats // 2 + 1, tuple((i,) for i in range(len(key))))
        cache[key] = list(iter_minimal_winning_masks(game))
    return [sum(1 << order[j] for j in bits(mask)) for mask in cache[key]]


def _shares(shares: object, sample_size: object) -> tuple[list[str], list[Fraction]]:
    """Names and pooled respondent counts from one poll or several."""
    polls: list[object]
    sizes: list[object]
    if isinstance(shares, Mapping):
        polls, sizes = [shares], [sample_size]
    elif isinstance(shares, Sequence) and not isinstance(shares, str):
        polls = list(shares)
        if not isinstance(sample_size, Sequence) or len(sample_size) != len(polls):
            raise InvalidValueError(
                "sample_size", sample_size, "one sample size per poll"
            )
        sizes = list(sample_size)
    else:
        raise InvalidTypeError(
            "shares",
            shares,
            "a mapping of party names to percentages, or a list of them",
        )
    names: list[str] = []
    counts: dict[str, Fraction] = {}
    for index, (poll, size) in enumerate(zip(polls, sizes, strict=True)):
        field = "shares" if len(polls) == 1 else f"shares[{index}]"
        if not isinstance(poll, Mapping):
            raise InvalidTypeError(
                field, poll, "a mapping of party names to percentages"
            )
        respondents = count(size, "sample_size", minimum=1)
        values: dict[str, Fraction] = {}
        for raw, value in poll.items():
            name = clean_name(raw, f"{field} name")
            values[name] = _percentage(value, f"{field}[{name!r}]")
        total = sum(values.values(), Fraction(0))
        if abs(total - 100) > SHARE_TOLERANCE:
            raise InvalidValueError(
                field,
                dict(poll),
                f"percentages adding up to 100 ± {float(SHARE_TOLERANCE)} "
                f"(they add up to {float(total):g}, {float(total - 100):+g})",
            )
        if index and {name_key(n) for n in values} != {name_key(n) for n in names}:
            raise InvalidValueError(
                field, dict(poll), "the same parties as the first poll"
            )
        for name, value in values.items():
            key = next((n for n in names if name_key(n) == name_key(name)), None)
            if key is None:
                names.append(name)
                key = name
            counts[key] = counts.get(key, Fraction(0)) + value / total * respondents
    return names, [counts[name] for name in names]


def _percentage(value: object, field: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(
        value, int | float | Fraction | Decimal
    ):
        raise InvalidTypeError(field, value, "a percentage (a number)")
    number = Fraction(repr(value)) if isinstance(value, float) else Fraction(value)
    if not 0 <= number <= 100:
        raise InvalidValueError(field, value, "a percentage from 0 to 100")
    return number


def simulate(
    shares: Mapping[str, float] | Sequence[Mapping[str, float]] | None = None,
    *,
    sample_size: int | Sequence[int] | None = None,
    seats: int,
    method: str,
    threshold: object = None,
    exempt: Iterable[str] = (),
    others: Iterable[str] = (),
    first_divisor: object = None,
    simulations: int = 10_000,
    seed: int | None = None,
    prior: object = Fraction(1, 2),
    draws: Iterable[Mapping[str, float]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Simulation:
    """Draw seats from a poll's uncertainty, for the chance of each coalition.

    Args:
        shares: A poll: percentages per party adding up to 100 (± 0.5, then
            scaled to 100). Several polls (a list, with one sample size
            each) are pooled by their respondents.
        sample_size: The poll's respondents (a list for several polls).
        seats: The house size.
        method: The allocation method, as for [`allocate`][coalitions.allocate].
        threshold: The share of the vote a party needs, as for ``allocate``.
        exempt: Parties exempt from the threshold.
        others: Entries that never take seats (such as "Others").
        first_divisor: A first Sainte-Laguë divisor other than 1.
        simulations: How many draws to make.
        seed: Seed for reproducible draws.
        prior: The Dirichlet prior added to each party's count (½ by
            default).
        draws: Instead of a poll, the caller's own vote vectors (one mapping
            per draw, the same parties in each), from any other model.
        progress: Called as ``progress(done, total)`` every 1,000 draws.

    Returns:
        The simulation: ``probability(parties)``, ``table()``,
        ``majority_alone()``, ``seat_ranges()``.

    Raises:
        InvalidValueError: Shares do not add up to 100 (the message says by
            how much), a sample size below 1, a bad threshold, an exempt
            party not in the poll.

    Examples:
        >>> poll = simulate({"A": 40, "B": 35, "C": 20, "Others": 5},
        ...                 sample_size=1000, seats=100, method="sainte-lague",
        ...                 threshold="5%", others=["Others"], simulations=500, seed=1)
        >>> poll.probability(["A", "B"]), poll.probability(["A"])
        (Fraction(1, 1), Fraction(0, 1))
    """
    house = count(seats, "seats", minimum=1)
    total_draws = count(simulations, "simulations", minimum=1)
    rule = _method(method)
    share = Fraction(0) if threshold is None else parse_threshold(threshold)
    first = None if first_divisor is None else parse_divisor(first_divisor)
    if first is not None and rule.name != "sainte-lague":
        raise InvalidValueError(
            "first_divisor", first_divisor, 'None unless method="sainte-lague"'
        )
    if draws is None:
        if shares is None or sample_size is None:
            raise InvalidValueError(
                "shares", shares, "a poll with its sample_size, or draws="
            )
        names, counts = _shares(shares, sample_size)
        alpha_prior = _percentage(prior, "prior") if prior is not None else Fraction(0)
        alphas = [float(c + alpha_prior) for c in counts]
        if any(a <= 0 for a in alphas):
            raise InvalidValueError(
                "prior", prior, "a positive prior when a party has 0%"
            )
        rng = random.Random(seed)
        gamma = rng.gammavariate

        def vote_draws() -> Iterable[list[float]]:
            for _ in range(total_draws):
                yield [gamma(a, 1.0) for a in alphas]

        source = vote_draws()
    else:
        names, source, total_draws = _given_draws(draws, total_draws)
    known = {name_key(n): i for i, n in enumerate(names)}
    exempted = _names(exempt, "exempt", known)
    excluded = _names(others, "others", known)
    allocator = _allocator(rule, house, first, len(names))
    cut = float(share)
    outcomes: Counter[tuple[int, ...]] = Counter()
    done = 0
    for votes in source:
        total = sum(votes)
        floor = cut * total
        eligible = [
            v if i not in excluded and v > 0 and (i in exempted or v >= floor) else 0.0
            for i, v in enumerate(votes)
        ]
        outcomes[allocator(eligible)] += 1
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(done, total_draws)
    if progress is not None and done % 1000:
        progress(done, total_draws)
    if done == 0:
        raise InvalidValueError("draws", draws, "at least one draw")
    return Simulation(tuple(names), house, done, dict(outcomes))


def _given_draws(
    draws: Iterable[Mapping[str, float]], limit: int
) -> tuple[list[str], Iterable[list[float]], int]:
    """Names and vote vectors from the caller's draws (at most ``limit``)."""
    iterator = iter(draws)
    try:
        head = next(iterator)
    except StopIteration:
        raise InvalidValueError("draws", draws, "at least one draw") from None
    if not isinstance(head, Mapping):
        raise InvalidTypeError("draws[0]", head, "a mapping of party names to votes")
    names = [clean_name(n, "draws[0] name") for n in head]

    def vectors() -> Iterable[list[float]]:
        index = 0
        row: Mapping[str, float] = head
        while True:
            if not isinstance(row, Mapping) or len(row) != len(names):
                raise InvalidValueError(
                    f"draws[{index}]", row, f"votes for the same {len(names)} parties"
                )
            vector = []
            for name, value in zip(names, row.values(), strict=True):
                number = float(value)
                if not math.isfinite(number) or number < 0:
                    raise InvalidValueError(
                        f"draws[{index}][{name!r}]", value, "a non-negative number"
                    )
                vector.append(number)
            yield vector
            index += 1
            if index >= limit:
                return
            try:
                row = next(iterator)
            except StopIteration:
                return

    return names, vectors(), limit


def _allocator(
    rule: _Method, house: int, first: Fraction | None, n: int
) -> Callable[[list[float]], tuple[int, ...]]:
    """A seat allocation for one draw: fast floating point where the method allows."""
    if rule.kind == "divisor" and rule.name not in ("huntington-hill", "adams"):
        return _fast_divisor(house, float(rule.step), float(rule.offset), first)
    names = [str(i) for i in range(n)]
    tie = _Tie("lot", random.Random(0), names)

    def exact(votes: list[float]) -> tuple[int, ...]:
        scaled = [round(v / max(votes) * _DRAW_SCALE) if v else 0 for v in votes]
        if rule.kind == "divisor":
            held, _ = highest_averages(scaled, house, rule, first=first, tie=tie)
        else:
            held = largest_remainder(scaled, house, rule, tie=tie)
        return tuple(held)

    return exact


def _fast_divisor(
    house: int, step: float, offset: float, first: Fraction | None
) -> Callable[[list[float]], tuple[int, ...]]:
    """Highest averages with divisors ``step * s + offset`` on floating-point votes.

    Draws are continuous, so exact ties have probability zero; the divisor
    estimate puts every party within a seat or two of its result, and the
    exchange loop of [`highest_averages`][coalitions._allocation.highest_averages]
    finishes the job.
    """
    opening = offset if first is None else float(first)

    def divisor(s: int) -> float:
        return opening if s == 0 else step * s + offset

    def allocate_draw(votes: list[float]) -> tuple[int, ...]:
        total = sum(votes)
        live = [i for i, v in enumerate(votes) if v > 0]
        held = [0] * len(votes)
        if not live:
            return tuple(held)
        scale = total / (step * house)
        given = 0
        for i in live:
            s = int((votes[i] / scale - offset) / step + 1)
            s = s if s > 0 else 0
            held[i] = s
            given += s
        while given < house:
            best = max(live, key=lambda i: votes[i] / divisor(held[i]))
            held[best] += 1
            given += 1
        while given > house:
            worst = min(
                (i for i in live if held[i]),
                key=lambda i: votes[i] / divisor(held[i] - 1),
            )
            held[worst] -= 1
            given -= 1
        while True:
            best = max(live, key=lambda i: votes[i] / divisor(held[i]))
            worst = min(
                (i for i in live if held[i]),
                key=lambda i: votes[i] / divisor(held[i] - 1),
            )
            if votes[best] / divisor(held[best]) <= votes[worst] / divisor(
                held[worst] - 1
            ):
                return tuple(held)
            held[best] += 1
            held[worst] -= 1

    return allocate_draw
