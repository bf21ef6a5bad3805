"""Timing shared by the benchmarks: the median of several runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from coalitions._engine.game import compile_game, decoder


def median_seconds(
    run: Callable[[], object], repeats: int, *, whole_calls: bool = True
) -> float:
    """Return the median time of ``repeats`` runs, in seconds.

    With ``whole_calls`` the compiled games are dropped before each run, so
    that the time includes compiling the council, as a first call pays it.
    """
    return statistics.median(_timed(run, whole_calls) for _ in range(repeats))


def least_seconds(run: Callable[[], object], *, budget: float) -> float:
    """Return the least time of whole calls run for about ``budget`` seconds.

    At least one call is made. On a loaded machine a call of tens of
    microseconds is often stretched two- or threefold by other work; the
    quickest of many is what the call itself costs.
    """
    times = [_timed(run, whole_calls=True)]
    while sum(times) < budget:
        times.append(_timed(run, whole_calls=True))
    return min(times)


def _timed(run: Callable[[], object], whole_calls: bool) -> float:
    if whole_calls:
        compile_game.cache_clear()
        decoder.cache_clear()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def interleaved_medians(
    runs: dict[str, Callable[[], object]], repeats: int
) -> dict[str, float]:
    """Return each run's median time, the runs taking turns ``repeats`` times.

    Taking turns spreads the machine's changing load over every run alike, so
    the ratios between them are steadier than those of separate medians.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}
