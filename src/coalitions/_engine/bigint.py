"""The integers that packed tables are made of: Python's own, or GMP's.

The dynamic programmes pack whole tables into single integers and spend
their time shifting, adding and masking integers of many thousands of
digits. GMP, through the optional ``gmpy2`` package (``pip install
"coalition-calculator[gmp]"``), does that two to three times faster than
Python's own integers (docs/performance.md). Where it is installed, tables
start from its integers and stay in them; otherwise from Python's. Both
count exactly, and kernels hand back Python ints either way. Setting the
environment variable ``COALITIONS_INTEGERS=python`` keeps Python's.
``gmpy2`` is imported on the first table built, not with the library.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
from collections.abc import Callable
from typing import Any, Literal

Backend = Literal["python", "gmp"]

#: The backend in use, under the key "backend": GMP's where gmpy2 is
#: installed (unless the environment says otherwise), else Python's.
_STATE: dict[str, Backend] = {
    "backend": "gmp"
    if importlib.util.find_spec("gmpy2") is not None
    and os.environ.get("COALITIONS_INTEGERS") != "python"
    else "python"
}


def backend() -> Backend:
    """The integers tables are built from now: ``"gmp"`` or ``"python"``."""
    return _STATE["backend"]


def available() -> tuple[Backend, ...]:
    """The backends this installation offers, Python's first."""
    if importlib.util.find_spec("gmpy2") is None:
        return ("python",)
    return ("python", "gmp")


def use(name: Backend) -> None:
    """Build tables from ``name``'s integers from now on (tests, benchmarks)."""
    if name not in available():
        raise ValueError(f"integers {name!r} are not installed")
    _STATE["backend"] = name


@functools.cache
def _gmpy2() -> Any:
    """The ``gmpy2`` module, imported on first use."""
    return importlib.import_module("gmpy2")


@functools.cache
def _one(name: Backend) -> Any:
    """The integer 1 of a backend: shifting it makes the masks."""
    if name == "gmp":
        return _gmpy2().mpz(1)
    return 1


def low_bits(count: int) -> int:
    """Return ``2**count - 1``, a mask of ``count`` low bits, in the backend's type.

    Tables are built from these masks (and from ``mask // digit`` patterns),
    so they are in the backend's type from the start and never mixed.
    """
    mask: int = (_one(_STATE["backend"]) << count) - 1
    return mask


def from_bytes(data: bytes | bytearray) -> int:
    """Return the integer with these little-endian bytes, in the backend's type."""
    if _STATE["backend"] == "gmp":
        value: int = _gmpy2().mpz.from_bytes(data, "little")
        return value
    return int.from_bytes(data, "little")


def cutter() -> Callable[[int, int], int]:
    """Return a function ``cut(value, bits)``: ``value`` modulo ``2**bits``.

    Tables are cut below a total before a shift, so that sums need no mask.
    GMP cuts without a mask (``f_mod_2exp``); Python's integers need one,
    and the returned function keeps each mask it makes, for the tables of
    one computation (make a new cutter for each).
    """
    if _STATE["backend"] == "gmp":
        cut: Callable[[int, int], int] = _gmpy2().f_mod_2exp
        return cut
    masks: dict[int, int] = {}

    def cut_python(value: int, bits: int) -> int:
        mask = masks.get(bits)
        if mask is None:
            mask = masks[bits] = (1 << max(bits, 0)) - 1
        return value & mask

    return cut_python
