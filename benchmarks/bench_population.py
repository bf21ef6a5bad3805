"""Population-weighted bodies: meeting in the middle against the other methods.

Run: python benchmarks/bench_population.py

Prints, median of several runs each:

1. Two parties of hundreds of millions of seats: every index, and the
   method chosen.
2. A 27-member body with populations drawn at random (seeded) between half
   a million and 85 million, as in the EU Council: counts, Banzhaf,
   Shapley-Shubik, public good and Deegan-Packel, under a 65% population
   quota and under the double majority (55% of members and 65% of the
   population, 4 members to block).
3. The cost model: for games of 12 to 24 members with populations as
   weights, and of 16 and 20 members with up to 200 seats each (where the
   dynamic programme runs too), each method's estimated time (in the
   dynamic programmes' bit operations) beside its measured time, and their
   ratio, so that the automatic choice can be checked against the clock. Listing every
   coalition is the baseline: its time and meeting in the middle's are
   printed side by side.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import coalitions
import timing
from coalitions import _power
from coalitions._engine.game import game_of

REPEATS = 3


def median_seconds(run: Callable[[], object], repeats: int = REPEATS) -> float:
    return timing.median_seconds(run, repeats)


def populations(members: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {f"M{i:02d}": rng.randint(500_000, 85_000_000) for i in range(members)}


def two_parties() -> None:
    council = coalitions.Council.from_seats(
        "Two", {"A": 790_916_440, "B": 463_873_690}, quota=956_802_195
    )
    print("Two parties, quota 956,802,195:")
    for name, index in coalitions.POWER_INDICES.items():
        seconds = median_seconds(lambda index=index: index(council))
        print(f"  {name:<16} {seconds * 1000:8.2f} ms")
    game = game_of(council)
    chosen = _power._choose(council, game, "auto", "swings", "")
    print(f"  method chosen for the swings: {chosen.method}")


def body_of_27() -> None:
    seats = populations(27, seed=2024)
    bodies = {
        "65% of the population": coalitions.Supermajority("65%"),
        "double majority": coalitions.DoubleMajority("65%", members="55%", blocking=4),
    }
    tasks: dict[str, Callable[[coalitions.Council], object]] = {
        "count_winning": coalitions.count_winning,
        "count_minimal_winning": coalitions.count_minimal_winning,
        "banzhaf": coalitions.banzhaf,
        "shapley_shubik": coalitions.shapley_shubik,
        "public_good": coalitions.public_good,
        "deegan_packel": coalitions.deegan_packel,
    }
    for label, rule in bodies.items():
        council = coalitions.Council.from_seats("27 members", seats, quota=rule)
        print(f"27 members, {label} (quota {council.quota:,}):")
        for name, task in tasks.items():
            seconds = median_seconds(lambda task=task, council=council: task(council))
            print(f"  {name:<22} {seconds:7.2f} s")


def cost_model() -> None:
    print("Estimated against measured time, swings of population-weighted games:")
    print(
        f"  {'members':>7} {'method':<12} {'estimate':>14} {'seconds':>9} "
        f"{'ns per unit':>12}"
    )
    games = [
        (members, populations(members, seed=members)) for members in (12, 16, 20, 24)
    ]
    rng = random.Random(7)  # seats up to 200: the dynamic programme runs too
    games += [
        (members, {f"P{i}": rng.randint(1, 200) for i in range(members)})
        for members in (16, 20)
    ]
    for members, seats in games:
        council = coalitions.Council.from_seats(f"{members} members", seats)
        game = game_of(council)
        measured: dict[str, float] = {}
        for kernel in _power._KERNELS["swings"]:
            estimate = kernel.time(game)
            if kernel.refusal(game, asked=False):
                print(f"  {members:>7} {kernel.method:<12} {estimate:>14,}   refused")
                continue
            seconds = median_seconds(lambda kernel=kernel, game=game: kernel.run(game))
            measured[kernel.method] = seconds
            print(
                f"  {members:>7} {kernel.method:<12} {estimate:>14,} {seconds:9.4f} "
                f"{seconds * 1e9 / estimate:12.4f}"
            )
        if "enumeration" in measured:
            ratio = measured["enumeration"] / measured["meet"]
            print(f"  {members:>7} listing / meeting in the middle: {ratio:.1f}x")


def main() -> None:
    two_parties()
    body_of_27()
    cost_model()


if __name__ == "__main__":
    main()
