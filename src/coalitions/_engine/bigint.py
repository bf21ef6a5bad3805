"""The integers that packed tables are made of: Python's own, or GMP's.

The dynamic programmes pack whole tables into single integers and spend
their time shifting, adding and masking integers of many thousands of
digits. GMP, through the optional ``gmpy2`` package (``pip install
"coalitions[gmp]"``), does that several times faster than Python's own
integers (docs/performance.md). Where it is installed, tables start from its
integers and stay in them; otherwise from Python's. Both count exactly, and
kernels hand back Python ints either way. Setting the environment variable
``COALITIONS_INTEGERS=python`` keeps Python's.
"""

from __future__ import annotations

import os
from typing import Any, Literal

try:
    import gmpy2  # type: ignore[import-untyped,unused-ignore]
except ImportError:  # pragma: no cover - the optional extra is absent
    gmpy2 = None

Backend = Literal["python", "gmp"]

#: The integers 1 of each backend on offer: shifting them makes the masks.
_ONE: dict[str, Any] = {"python": 1}
if gmpy2 is not None:
    _ONE["gmp"] = gmpy2.mpz(1)

#: The backend in use, under the key "backend": GMP's where gmpy2 is
#: installed (unless the environment says otherwise), else Python's.
_STATE: dict[str, Backend] = {
    "backend": "gmp"
    if "gmp" in _ONE and os.environ.get("COALITIONS_INTEGERS") != "python"
    else "python"
}


def backend() -> Backend:
    """The integers tables are built from now: ``"gmp"`` or ``"python"``."""
    return _STATE["backend"]


def available() -> tuple[Backend, ...]:
    """The backends this installation offers, Python's first."""
    return ("python", "gmp") if "gmp" in _ONE else ("python",)


def use(name: Backend) -> None:
    """Build tables from ``name``'s integers from now on (tests, benchmarks)."""
    if name not in _ONE:
        raise ValueError(f"integers {name!r} are not installed")
    _STATE["backend"] = name


def low_bits(count: int) -> int:
    """Return ``2**count - 1``, a mask of ``count`` low bits, in the backend's type.

    Tables are built from these masks (and from ``mask // digit`` patterns),
    so they are in the backend's type from the start and never mixed.
    """
    mask: int = (_ONE[_STATE["backend"]] << count) - 1
    return mask
