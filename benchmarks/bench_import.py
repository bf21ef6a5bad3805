"""How long ``import coalitions`` takes, beside ``import attrs`` in the same run.

Run: python benchmarks/bench_import.py

Starts a fresh interpreter 15 times with ``python -X importtime -c "import
attrs; import coalitions"`` and prints the median cumulative import time of
each (attrs first, so the coalitions figure is the library's own cost on top
of its one dependency), and their ratio.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys

RUNS = 15
LINE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$")


def one_run() -> dict[str, int]:
    report = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import attrs; import coalitions"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    found = {}
    for line in report.splitlines():
        match = LINE.match(line.strip())
        if match and match.group(2) in ("attrs", "coalitions"):
            found[match.group(2)] = int(match.group(1))
    return found


def main() -> None:
    runs = [one_run() for _ in range(RUNS)]
    attrs_ms = statistics.median(r["attrs"] for r in runs) / 1000
    library_ms = statistics.median(r["coalitions"] for r in runs) / 1000
    print(
        f"import attrs: {attrs_ms:.1f} ms; import coalitions (after attrs): "
        f"{library_ms:.1f} ms; ratio {library_ms / attrs_ms:.2f}x "
        f"(medians of {RUNS} fresh interpreters)"
    )


if __name__ == "__main__":
    main()
