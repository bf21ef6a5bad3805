"""Votes to seats and polls to chances: allocations per second, draws per second.

Run: python benchmarks/bench_votes.py

Prints (1) exact allocations per second of a 10-party, 630-seat parliament
by Sainte-Laguë and D'Hondt, against handing the 630 seats out one at a time
with a heap of exact quotients (the textbook procedure), in the same process;
(2) the time `simulate` takes for 100,000 draws of a 10-party, 630-seat
Sainte-Laguë parliament with a 5% threshold, against the time it takes only
to draw the same 100,000 Dirichlet samples with the same generator. Figures
are medians of several runs.
"""

from __future__ import annotations

import heapq
import random
from fractions import Fraction

import coalitions
from bench_enumerate import median_seconds

POLL = {
    "A": 27.0, "B": 21.0, "C": 15.0, "D": 11.0, "E": 8.0,
    "F": 6.0, "G": 5.0, "H": 3.5, "I": 2.0, "Others": 1.5,
}  # fmt: skip


def one_at_a_time(votes: dict[str, int], seats: int, step: int) -> dict[str, int]:
    """The textbook procedure: a heap of exact quotients, one pop per seat."""
    held = dict.fromkeys(votes, 0)
    heap = [(-Fraction(v, 1), name) for name, v in votes.items()]
    heapq.heapify(heap)
    for _ in range(seats):
        _, name = heapq.heappop(heap)
        held[name] += 1
        heapq.heappush(heap, (-Fraction(votes[name], step * held[name] + 1), name))
    return held


def allocations() -> None:
    rng = random.Random(1)
    elections = [
        {name: rng.randint(50_000, 5_000_000) for name in "ABCDEFGHIJ"}
        for _ in range(200)
    ]
    for method, step in (("sainte-lague", 2), ("dhondt", 1)):
        fast = median_seconds(
            lambda m=method: [
                coalitions.allocate(v, seats=630, method=m) for v in elections
            ]
        )
        slow = median_seconds(
            lambda s=step: [one_at_a_time(v, 630, s) for v in elections]
        )
        for votes in elections[:20]:
            expected = one_at_a_time(votes, 630, step)
            result = coalitions.allocate(votes, seats=630, method=method)
            assert result.seats == expected
        print(
            f"allocate, 10 parties, 630 seats, {method:>12}: "
            f"{len(elections) / fast:10,.0f} allocations/s; one seat at a time "
            f"{len(elections) / slow:8,.0f}/s; ratio {slow / fast:5.1f}x"
        )


def simulation() -> None:
    draws = 100_000
    shares = list(POLL.values())
    alphas = [s / 100 * 1000 + 0.5 for s in shares]

    def draw_only() -> None:
        gamma = random.Random(1).gammavariate
        for _ in range(draws):
            [gamma(a, 1.0) for a in alphas]

    def full() -> None:
        coalitions.simulate(
            POLL, sample_size=1000, seats=630, method="sainte-lague",
            threshold="5%", others=["Others"], simulations=draws, seed=1,
        )  # fmt: skip

    base = median_seconds(draw_only, 3)
    total = median_seconds(full, 3)
    print(
        f"simulate, 100,000 draws, 10 parties, 630 seats: {total:.2f} s; "
        f"drawing alone {base:.2f} s; ratio {total / base:.2f}x"
    )


if __name__ == "__main__":
    allocations()
    simulation()
