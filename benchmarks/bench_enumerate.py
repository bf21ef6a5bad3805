"""Minimal winning coalitions per second, against brute force, and the EC count.

Run: python benchmarks/bench_enumerate.py

Prints, for random games of 20, 25 and 30 players, how many minimal winning
coalitions per second the library produces on its internal path (bitmasks),
as streamed objects (iter_minimal_winning) and as a sorted list
(minimal_winning); the ratio against a brute-force scan of all 2^n subsets at
n = 20, run in the same process; and the time to count the minimal winning
coalitions of the US Electoral College. Figures are medians of several runs.
"""

from __future__ import annotations

import collections
import random
from collections.abc import Callable

import coalitions
import timing
from coalitions._engine.enumerate import iter_minimal_winning_masks
from coalitions._engine.game import compile_game

REPEATS = 5
EC_2024 = {  # electoral votes for 2024 (apportionment after the 2020 census)
    "CA": 54,
    "TX": 40,
    "FL": 30,
    "NY": 28,
    "IL": 19,
    "PA": 19,
    "OH": 17,
    "GA": 16,
    "NC": 16,
    "MI": 15,
    "NJ": 14,
    "VA": 13,
    "WA": 12,
    "AZ": 11,
    "IN": 11,
    "MA": 11,
    "TN": 11,
    "CO": 10,
    "MD": 10,
    "MN": 10,
    "MO": 10,
    "WI": 10,
    "AL": 9,
    "SC": 9,
    "KY": 8,
    "LA": 8,
    "OR": 8,
    "CT": 7,
    "OK": 7,
    "AR": 6,
    "IA": 6,
    "KS": 6,
    "MS": 6,
    "NV": 6,
    "UT": 6,
    "NE": 5,
    "NM": 5,
    "HI": 4,
    "ID": 4,
    "ME": 4,
    "MT": 4,
    "NH": 4,
    "RI": 4,
    "WV": 4,
    "AK": 3,
    "DE": 3,
    "DC": 3,
    "ND": 3,
    "SD": 3,
    "VT": 3,
    "WY": 3,
}


def median_seconds(run: Callable[[], object], repeats: int = REPEATS) -> float:
    return timing.median_seconds(run, repeats, whole_calls=False)


def random_game(players: int, low: int, high: int, seed: int) -> coalitions.Council:
    """A random game whose quota is raised until it has at most `high` MWCs."""
    # Weights close together give the most minimal winning coalitions (up to
    # C(n, n/2) by Sperner's theorem); the quota then trims them to size.
    rng = random.Random(seed)
    seats = {f"P{i}": rng.randint(90, 110) for i in range(players)}
    total = sum(seats.values())
    for quota in range(total // 2 + 1, total + 1):
        council = coalitions.Council.from_seats("Random", seats, quota=quota)
        if coalitions.count_minimal_winning(council) <= high:
            break
    count = coalitions.count_minimal_winning(council)
    assert low <= count <= high, (players, count)
    return council


def naive_minimal_winning(council: coalitions.Council) -> int:
    """Scan all 2^n subsets, summing each from scratch, as the definition reads."""
    weights = [party.seats for party in council.parties]
    quota = council.majority
    n = len(weights)
    found = 0
    for mask in range(1, 1 << n):
        members = [weights[j] for j in range(n) if mask >> j & 1]
        seats = sum(members)
        if seats >= quota and seats - min(members) < quota:
            found += 1
    return found


def brute_force_minimal_winning(council: coalitions.Council) -> int:
    """Scan all 2^n subsets with running sums: winning, and losing without the
    smallest member. A tuned baseline: each subset costs a few operations."""
    weights = [party.seats for party in council.parties]
    quota = council.majority
    n = len(weights)
    seats = [0] * (1 << n)
    smallest = [0] * (1 << n)
    found = 0
    for mask in range(1, 1 << n):
        low = mask & -mask
        j = low.bit_length() - 1
        rest = mask ^ low
        seats[mask] = seats[rest] + weights[j]
        smallest[mask] = weights[j] if not rest else min(weights[j], smallest[rest])
        if seats[mask] >= quota and seats[mask] - smallest[mask] < quota:
            found += 1
    return found


def main() -> None:
    print("Minimal winning coalitions per second (median of", REPEATS, "runs)")
    print(f"{'n':>3} {'MWCs':>10} {'internal/s':>12} {'objects/s':>12} {'list/s':>12}")
    rates = {}
    games = {
        20: random_game(20, 100_000, 2_000_000, seed=20),
        25: random_game(25, 1_000_000, 3_000_000, seed=25),
        30: random_game(30, 1_000_000, 3_000_000, seed=30),
    }
    for n, council in games.items():
        count = coalitions.count_minimal_winning(council)
        game = compile_game(council)
        internal = median_seconds(
            lambda game=game: collections.deque(iter_minimal_winning_masks(game), 0)
        )
        streamed = median_seconds(
            lambda council=council: collections.deque(
                coalitions.iter_minimal_winning(council), 0
            ),
            repeats=3,
        )
        listed = median_seconds(
            lambda council=council: coalitions.minimal_winning(
                council, max_coalitions=None
            ),
            repeats=3,
        )
        rates[n] = count / internal
        print(
            f"{n:>3} {count:>10,} {count / internal:>12,.0f} "
            f"{count / streamed:>12,.0f} {count / listed:>12,.0f}"
        )
    print(f"rate at n=30 / rate at n=20 (internal): {rates[30] / rates[20]:.2f}")
    for n in (20, 25):
        council = games[n]
        medians = timing.interleaved_medians(
            {
                "streamed": lambda council=council: collections.deque(
                    coalitions.iter_minimal_winning(council), 0
                ),
                "listed": lambda council=council: coalitions.minimal_winning(
                    council, max_coalitions=None
                ),
            },
            repeats=5,
        )
        print(
            f"n={n}: sorted list / streamed, taking turns: "
            f"{medians['listed'] / medians['streamed']:.2f}"
        )

    council = games[20]
    game = compile_game(council)
    expected = coalitions.count_minimal_winning(council)
    assert brute_force_minimal_winning(council) == expected
    assert naive_minimal_winning(council) == expected
    naive = median_seconds(lambda: naive_minimal_winning(council), repeats=3)
    brute = median_seconds(lambda: brute_force_minimal_winning(council), repeats=3)
    ours = median_seconds(
        lambda: collections.deque(iter_minimal_winning_masks(game), 0)
    )
    listed = median_seconds(
        lambda: coalitions.minimal_winning(council, max_coalitions=None), repeats=3
    )
    print(f"n=20: internal {ours * 1000:.0f} ms, sorted list {listed * 1000:.0f} ms")
    for label, seconds in (("naive 2^n scan", naive), ("tuned 2^n scan", brute)):
        print(
            f"  vs {label}: {seconds * 1000:.0f} ms; internal {seconds / ours:.1f}x "
            f"faster, sorted list {seconds / listed:.1f}x faster"
        )

    college = coalitions.Council.from_seats("US Electoral College", EC_2024)

    def count_college() -> int:
        compile_game.cache_clear()  # time the whole call, compiling included
        return coalitions.count_minimal_winning(college)

    seconds = median_seconds(count_college, repeats=21)
    print(
        f"count_minimal_winning(Electoral College) = {count_college():,} "
        f"in {seconds * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()
