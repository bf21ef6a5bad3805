"""The public API: every public name exported once and shown in the reference."""

from __future__ import annotations

import importlib
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

import coalitions
import coalitions.exceptions

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_all_is_sorted_and_unique() -> None:
    """__all__ is sorted (constants, classes, functions), unique, and complete."""

    def isort_style(name: str) -> tuple[int, str]:
        kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
        return (kind, name)

    assert len(set(coalitions.__all__)) == len(coalitions.__all__)
    assert coalitions.__all__ == sorted(coalitions.__all__, key=isort_style)
    for name in coalitions.__all__:
        assert hasattr(coalitions, name), name


def test_exceptions_all_complete() -> None:
    """Every error class of coalitions.exceptions is listed in its __all__."""
    defined = {
        name
        for name, value in vars(coalitions.exceptions).items()
        if isinstance(value, type)
        and issubclass(value, Exception)
        and value.__module__ == "coalitions.exceptions"
        and not name.startswith("_")
    }
    assert defined == set(coalitions.exceptions.__all__)


def test_every_error_inherits_a_builtin() -> None:
    """Each error is a CoalitionsError and also a ValueError, TypeError or KeyError."""
    for name in coalitions.exceptions.__all__:
        error = getattr(coalitions.exceptions, name)
        assert issubclass(error, coalitions.CoalitionsError)
        if error is not coalitions.CoalitionsError:
            assert issubclass(error, ValueError | TypeError | KeyError), name


def test_reference_documents_every_public_name() -> None:
    """Each name in __all__ appears in a reference page as ::: coalitions.NAME."""
    reference = "\n".join(
        p.read_text("utf-8") for p in (DOCS / "reference").glob("*.md")
    )
    missing = [
        name
        for name in coalitions.__all__
        if f"::: coalitions.{name}\n" not in reference
        and f"::: coalitions.exceptions.{name}\n" not in reference
    ]
    assert missing == []


def test_records_are_plain_rows_of_every_result() -> None:
    """One row per item, with plain values, for each kind of result."""
    council = coalitions.example("darlington-2023")
    listed = coalitions.minimal_winning(council)
    rows = coalitions.records(listed)
    assert [r["parties"] for r in rows] == [" + ".join(c.names) for c in listed]
    assert [r["surplus"] for r in rows] == [c.surplus for c in listed]
    power = coalitions.banzhaf(council)
    assert {
        r["party"]: Fraction(r["exact"]) for r in coalitions.records(power)
    } == power
    night = coalitions.outlook(council)
    assert [r["status"] for r in coalitions.records(night)] == [
        c.status.value for c in night.coalitions
    ]
    result = coalitions.allocate({"A": 600, "B": 400}, seats=5, method="dhondt")
    assert [r["seats"] for r in coalitions.records(result)] == [3, 2]
    poll = coalitions.simulate(
        draws=[{"A": 60, "B": 40}], seats=5, method="dhondt", simulations=1
    )
    assert coalitions.records(poll)[0]["parties"] == "A"
    with pytest.raises(coalitions.exceptions.InvalidTypeError):
        coalitions.records("Labour")


def test_to_dataframe_needs_pandas_and_says_so() -> None:
    council = coalitions.example("darlington-2023")
    try:
        importlib.import_module("pandas")
    except ModuleNotFoundError:
        with pytest.raises(ModuleNotFoundError, match="pip install pandas"):
            coalitions.to_dataframe(coalitions.minimal_winning(council))
    else:
        frame = coalitions.to_dataframe(coalitions.minimal_winning(council))
        assert list(frame["seats"]) == [37, 30, 26]


def test_importing_loads_only_the_core() -> None:
    """`import coalitions` loads the models, rules and listings; power,
    theories, election night, drawing, files, votes and gmpy2 load on first
    use."""
    code = (
        "import sys, coalitions; "
        "print(sorted(m for m in sys.modules if m.startswith(('coalitions', 'gmpy2'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    for deferred in (
        "_power",
        "_theories",
        "_election",
        "_changes",
        "_key_players",
        "_render",
        "_io",
        "_allocation",
        "_chances",
        "_engine.meet",
        "_engine.power_kernels",
    ):
        assert f"coalitions.{deferred}'" not in loaded
    assert "coalitions._winning'" in loaded
    assert "'gmpy2" not in loaded  # the optional integers load with a first table


def test_every_lazy_name_loads() -> None:
    """Each name loaded on first use is the object its module defines."""
    for name, module in coalitions._LAZY.items():
        assert getattr(coalitions, name) is getattr(
            importlib.import_module(module), name
        )
