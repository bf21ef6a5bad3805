"""Power indices: speed against powerindex (PyPI 0.3.5), in one run.

Run: pip install ".[bench]" && python benchmarks/bench_power.py

Prints medians of several runs for the US Electoral College (51 players,
quota 270) and a 100-player game with distinct weights totalling about
10,000: Banzhaf plus Shapley-Shubik here and in powerindex on the same
inputs, the ratio, and the largest difference between the two (powerindex
returns floats). Then all indices for the Electoral College, and
Shapley-Shubik for a 400-player game with weights 1 to 20.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import powerindex

import coalitions
import timing
from bench_enumerate import EC_2024

REPEATS = 5


def median_seconds(run: Callable[[], object], repeats: int = REPEATS) -> float:
    return timing.median_seconds(run, repeats)


def ours(council: coalitions.Council) -> tuple[dict, dict]:
    return coalitions.banzhaf(council), coalitions.shapley_shubik(council)


def theirs(council: coalitions.Council) -> tuple[list[float], list[float]]:
    game = powerindex.Game(council.majority, weights=[p.seats for p in council.parties])
    game.calc_banzhaf()
    game.calc_shapley_shubik()
    return game.banzhaf, game.shapley_shubik


def compare(label: str, council: coalitions.Council) -> None:
    banzhaf, shapley = ours(council)
    their_banzhaf, their_shapley = theirs(council)
    pairs = [
        *zip(banzhaf.values(), their_banzhaf, strict=True),
        *zip(shapley.values(), their_shapley, strict=True),
    ]
    difference = max(abs(float(value) - other) for value, other in pairs)
    mine = median_seconds(lambda: ours(council))
    other = median_seconds(lambda: theirs(council), repeats=3)
    print(
        f"{label}: Banzhaf + Shapley-Shubik {mine * 1000:.1f} ms; powerindex "
        f"{other * 1000:.1f} ms; {other / mine:.1f}x faster; largest difference "
        f"{difference:.1e}"
    )


def main() -> None:
    college = coalitions.Council.from_seats("US Electoral College", EC_2024)
    rng = random.Random(100)
    hundred = coalitions.Council.from_seats(
        "100 players",
        {f"P{i}": w for i, w in enumerate(rng.sample(range(1, 200), 100))},
    )
    print(f"100-player game: total {hundred.total_seats}, quota {hundred.majority}")
    compare("Electoral College", college)
    compare("100 players", hundred)
    seconds = median_seconds(lambda: coalitions.public_good(hundred), repeats=3)
    print(f"100 players: public good index {seconds * 1000:.1f} ms")

    print("Electoral College, each index (median of", REPEATS, "runs):")
    total = 0.0
    for name, index in coalitions.POWER_INDICES.items():
        seconds = median_seconds(lambda index=index: index(college))
        total += seconds
        print(f"  {name:<16} {seconds * 1000:8.1f} ms")
    print(f"  {'all':<16} {total * 1000:8.1f} ms")

    rng = random.Random(400)
    big = coalitions.Council.from_seats(
        "400 players", {f"P{i}": rng.randint(1, 20) for i in range(400)}
    )
    seconds = median_seconds(lambda: coalitions.shapley_shubik(big), repeats=3)
    print(
        f"Shapley-Shubik, 400 players (weights 1-20, total {big.total_seats}): "
        f"{seconds:.2f} s"
    )


if __name__ == "__main__":
    main()
