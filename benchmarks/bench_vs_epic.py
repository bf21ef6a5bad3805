"""Power indices against EPIC (C++ with GMP), side by side on one machine.

Run: python benchmarks/bench_vs_epic.py [--epic BINARY | --epic-source DIR]

EPIC (Staudacher et al., github.com/jhstaudacher/EPIC) is the fastest
public power-index program. The script builds it from its public source in a
scratch directory (``git clone`` then ``make``: it needs git, make, a C++
compiler and libgmp-dev), or from a checkout given with ``--epic-source``, or
runs a binary given with ``--epic``. Each game and index is then run by both
programs in turn, ``--repeats`` rounds, and the ratio ours / EPIC printed: at
most 1.0 means this library is as fast or faster. EPIC's time is the compute
time it prints (making the index and computing it), or where it prints none
its process's wall time less that of the same index on three players (its
start-up); quick runs are repeated for ``EPIC_BUDGET`` seconds. Each of this
library's runs is a whole call, compiling the council included; calls
quicker than 0.1 s are repeated for 0.1 s. Both sides keep their quickest
run: on a loaded machine other work stretches a call of tens of
microseconds two- or threefold.

Where EPIC cannot be built or run, the script says why and prints this
library's times beside EPIC's compute times measured earlier on the same
machine (``RECORDED_EPIC_SECONDS``), marked as recorded.

It also prints, for every run of a tenth of a second or more, the time per
unit of the cost estimate that chooses a method and refuses games out of
reach, so that the spread of the estimate against measured time shows.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import coalitions
import timing
from bench_enumerate import EC_2024
from coalitions import _power
from coalitions._engine import bigint
from coalitions._engine.game import game_of

EPIC_REPOSITORY = "https://github.com/jhstaudacher/EPIC"
EPIC_TIMEOUT = 300  # seconds, by default; EPIC's Johnston for 100 players takes longer

#: The EU Council under the Treaty of Nice (27 members, 2007-2013): 255 of 345.
EU_NICE = {
    "DE": 29, "FR": 29, "IT": 29, "UK": 29, "ES": 27, "PL": 27, "RO": 14,
    "NL": 13, "BE": 12, "CZ": 12, "EL": 12, "HU": 12, "PT": 12, "AT": 10,
    "BG": 10, "SE": 10, "DK": 7, "IE": 7, "LT": 7, "SK": 7, "FI": 7, "CY": 4,
    "EE": 4, "LV": 4, "LU": 4, "SI": 4, "MT": 3,
}  # fmt: skip


def _random_weights(count: int, largest: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {f"P{i}": rng.randint(1, largest) for i in range(count)}


#: The games: name, weights, quota (None: a simple majority of the total).
GAMES: dict[str, tuple[dict[str, int], int | None]] = {
    "Electoral College 2024": (EC_2024, 270),
    "EU Council, Nice": (EU_NICE, 255),
    "20 parties, 1-60 seats": (_random_weights(20, 60, 20), None),
    "100 players, 1-199 seats": (_random_weights(100, 199, 1), None),
    "400 players, 1-20 seats": (_random_weights(400, 20, 2), None),
}

#: This library's functions and EPIC's shortcut for the same index.
INDICES: dict[str, tuple[str | None, Callable[[coalitions.Council], object]]] = {
    "banzhaf": ("BZ", coalitions.banzhaf),
    "shapley_shubik": ("SH", coalitions.shapley_shubik),
    "deegan_packel": ("DP", coalitions.deegan_packel),
    "public_good": ("PG", coalitions.public_good),
    "johnston": ("J", coalitions.johnston),
    "count_minimal_winning": ("WM", coalitions.count_minimal_winning),
    "count_winning": ("W", coalitions.count_winning),
}

#: EPIC's compute times in seconds, the quicker of two side-by-side runs of
#: this script (five rounds each) on the machine the figures in
#: docs/performance.md come from, printed when EPIC cannot be built here.
#: None: EPIC did not finish in two minutes.
RECORDED_EPIC_SECONDS: dict[tuple[str, str], float | None] = {
    ("Electoral College 2024", "banzhaf"): 8.4e-05,
    ("Electoral College 2024", "shapley_shubik"): 0.001977,
    ("Electoral College 2024", "deegan_packel"): 0.003215,
    ("Electoral College 2024", "public_good"): 0.000283,
    ("Electoral College 2024", "johnston"): 0.143321,
    ("Electoral College 2024", "count_minimal_winning"): 3.9e-05,
    ("Electoral College 2024", "count_winning"): 4.5e-05,
    ("EU Council, Nice", "banzhaf"): 3.7e-05,
    ("EU Council, Nice", "shapley_shubik"): 0.000212,
    ("EU Council, Nice", "deegan_packel"): 0.000867,
    ("EU Council, Nice", "public_good"): 0.000101,
    ("EU Council, Nice", "johnston"): 0.014118,
    ("EU Council, Nice", "count_minimal_winning"): 3.2e-05,
    ("EU Council, Nice", "count_winning"): 2.5e-05,
    ("20 parties, 1-60 seats", "banzhaf"): 5.5e-05,
    ("20 parties, 1-60 seats", "shapley_shubik"): 0.000457,
    ("20 parties, 1-60 seats", "deegan_packel"): 0.000729,
    ("20 parties, 1-60 seats", "public_good"): 0.000111,
    ("20 parties, 1-60 seats", "johnston"): 0.013131,
    ("20 parties, 1-60 seats", "count_minimal_winning"): 3e-05,
    ("20 parties, 1-60 seats", "count_winning"): 3.4e-05,
    ("100 players, 1-199 seats", "banzhaf"): 0.004417,
    ("100 players, 1-199 seats", "shapley_shubik"): 0.457059,
    ("100 players, 1-199 seats", "deegan_packel"): 0.76723,
    ("100 players, 1-199 seats", "public_good"): 0.018073,
    ("100 players, 1-199 seats", "johnston"): 66.9768,
    ("100 players, 1-199 seats", "count_minimal_winning"): 0.001148,
    ("100 players, 1-199 seats", "count_winning"): 0.001494,
    ("400 players, 1-20 seats", "banzhaf"): 0.009714,
    ("400 players, 1-20 seats", "shapley_shubik"): 7.70919,
    ("400 players, 1-20 seats", "deegan_packel"): 3.31872,
    ("400 players, 1-20 seats", "public_good"): 0.022643,
    ("400 players, 1-20 seats", "johnston"): None,
    ("400 players, 1-20 seats", "count_minimal_winning"): 0.003369,
    ("400 players, 1-20 seats", "count_winning"): 0.004253,
}


def council_of(name: str) -> coalitions.Council:
    weights, quota = GAMES[name]
    if quota is None:
        return coalitions.Council.from_seats(name, weights)
    return coalitions.Council.from_seats(name, weights, quota=quota)


def build_epic(source: Path | None, scratch: Path) -> tuple[Path | None, str]:
    """Build EPIC; return its binary, or None and the reason it could not be."""
    missing = [tool for tool in ("make", "g++") if shutil.which(tool) is None]
    if missing:
        return None, f"{', '.join(missing)} not found"
    if source is None:
        if shutil.which("git") is None:
            return None, "git not found"
        source = scratch / "EPIC"
        clone = subprocess.run(
            ["git", "clone", "--quiet", "--depth", "1", EPIC_REPOSITORY, source],
            capture_output=True,
            text=True,
            check=False,
        )
        if clone.returncode:
            return None, f"git clone failed: {clone.stderr.strip()}"
    else:
        copy = scratch / "EPIC"
        shutil.copytree(source, copy)
        source = copy
    built = subprocess.run(
        ["make", "-j2", "all"], cwd=source, capture_output=True, text=True, check=False
    )
    binary = source / "epic"
    if built.returncode or not binary.exists():
        tail = "\n".join(built.stderr.strip().splitlines()[-3:])
        return None, f"make failed (is libgmp-dev installed?): {tail}"
    return binary, ""


#: Seconds of EPIC runs (whole processes) from which the quickest is kept.
EPIC_BUDGET = 0.3

#: The compute time EPIC prints, in microseconds, for what it times itself:
#: making the index and computing it, not starting up or reading the weights.
EPIC_COMPUTE_TIME = re.compile(r"Time difference = (\d+)\s*\[")


class Epic:
    """Runs EPIC on weight files in a scratch directory."""

    def __init__(self, binary: Path, scratch: Path, timeout: float) -> None:
        self.binary = binary
        self.scratch = scratch
        self.timeout = timeout
        self.startup: dict[str, float] = {}
        self.timed_out: set[tuple[str, tuple[int, ...], int]] = set()

    def _run(
        self, code: str, weights: list[int], quota: int
    ) -> tuple[float, float | None] | None:
        """Wall time and EPIC's own compute time (if printed); None: timed out."""
        path = self.scratch / "weights.csv"
        path.write_text("".join(f"{w}\n" for w in weights))
        command = [str(self.binary), "-i", code, "-w", str(path), "-q", str(quota)]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [*command, "--quiet"],
                capture_output=True,
                check=True,
                text=True,
                timeout=self.timeout,
            )
        except subprocess.TimeoutExpired:
            return None
        wall = time.perf_counter() - start
        own = EPIC_COMPUTE_TIME.search(done.stdout)
        return wall, None if own is None else int(own.group(1)) / 1e6

    def seconds(self, code: str, council: coalitions.Council) -> float | None:
        """EPIC's compute time for one index on one council (None: timed out).

        The time EPIC prints for its computation where it prints one; else
        its wall time less its start-up (the same index on three players).
        Quick runs are repeated for `EPIC_BUDGET` seconds and the quickest
        kept, as this library's calls are. A game it did not finish in time
        is not run again.
        """
        weights = [party.seats for party in council.parties]
        key = (code, tuple(weights), council.quota)
        if key in self.timed_out:
            return None
        runs: list[tuple[float, float | None]] = []
        while sum(wall for wall, _ in runs) < EPIC_BUDGET:
            timed = self._run(code, weights, council.quota)
            if timed is None:
                self.timed_out.add(key)
                return None
            runs.append(timed)
        if all(own is not None for _, own in runs):
            return max(min(own for _, own in runs if own is not None), 1e-6)
        if code not in self.startup:
            start = self._run(code, [2, 1, 1], 3)
            self.startup[code] = start[0] if start else 0.0
        return max(min(wall for wall, _ in runs) - self.startup[code], 1e-6)


def estimate_units(index: str, council: coalitions.Council) -> int | None:
    """The cost estimate of the method `auto` chooses, in its time units."""
    tally = {
        "banzhaf": "swings",
        "shapley_shubik": "shapley_shubik",
        "deegan_packel": "deegan_packel",
        "public_good": "minimal_counts",
        "johnston": "johnston",
    }.get(index)
    if tally is None:
        return None
    game = game_of(council)
    kernel = _power._choose(council, game, "auto", tally, index)
    return kernel.time(game)


def recorded(seconds: float | None, mine: float) -> str:
    """EPIC's recorded time and the ratio."""
    if seconds is None:
        return f"{'>120000 rec.':>13} {'<' + format(mine / 120, '.3f'):>11}"
    return f"{f'{seconds * 1e3:.3f} rec.':>13} {mine / seconds:11.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epic", type=Path, help="an EPIC binary to run")
    parser.add_argument("--epic-source", type=Path, help="an EPIC checkout to build")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--games", nargs="*", default=list(GAMES))
    parser.add_argument(
        "--epic-timeout",
        type=float,
        default=EPIC_TIMEOUT,
        help="seconds EPIC may take on one index and game",
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        scratch = Path(directory)
        binary, reason = options.epic, ""
        if binary is None:
            binary, reason = build_epic(options.epic_source, scratch)
        epic = (
            Epic(binary, scratch, options.epic_timeout) if binary is not None else None
        )
        print(f"integers: {bigint.backend()} (of {', '.join(bigint.available())})")
        if epic is None:
            print(f"EPIC not run: {reason}")
            print("EPIC columns give its compute times recorded on the same machine.")
        print(
            f"{'game':<26} {'index':<22} {'ours ms':>10} {'EPIC ms':>13} "
            f"{'ours/EPIC':>11}"
        )
        rates = []
        for game in options.games:
            council = council_of(game)
            for index, (code, run) in INDICES.items():
                ours, theirs = [], []
                for _ in range(options.repeats):
                    try:
                        ours.append(
                            timing.least_seconds(
                                lambda r=run, c=council: r(c), budget=0.1
                            )
                        )
                    except coalitions.ComputationTooLargeError:
                        ours.append(float("inf"))
                    if epic is not None and code is not None:
                        theirs.append(epic.seconds(code, council))
                mine = min(ours)
                print(f"{game:<26} {index:<22} {mine * 1e3:10.3f} ", end="")
                if epic is not None and code is not None:
                    finished = [t for t in theirs if t is not None]
                    if finished:
                        other = min(finished)
                        print(f"{other * 1e3:13.3f} {mine / other:11.2f}")
                    else:
                        beyond = f">{options.epic_timeout * 1000:.0f}"
                        print(
                            f"{beyond:>13} {f'<{mine / options.epic_timeout:.3f}':>11}"
                        )
                elif epic is None and (game, index) in RECORDED_EPIC_SECONDS:
                    print(recorded(RECORDED_EPIC_SECONDS[(game, index)], mine))
                else:
                    print(f"{'-':>13} {'-':>11}")
                units = estimate_units(index, council)
                if units and 0.1 <= mine < float("inf"):
                    rates.append((mine * 1e9 / units, game, index))
        if rates:
            low, high = min(rates), max(rates)
            middle = statistics.median(rate for rate, _, _ in rates)
            print(
                f"ns per unit of estimated cost, runs of 0.1 s or more: median "
                f"{middle:.3f}, lowest {low[0]:.3f} ({low[1]}, {low[2]}), highest "
                f"{high[0]:.3f} ({high[1]}, {high[2]}); highest / lowest "
                f"{high[0] / low[0]:.1f}"
            )


if __name__ == "__main__":
    main()
