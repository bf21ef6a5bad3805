"""The coalitions command, end to end through main() and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from coalitions import POWER_INDICES
from coalitions._cli import main


def test_show_darlington_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The table lists the parties, undeclared seats and the three coalitions."""
    assert main(["show", "darlington-2023"]) == 0
    out = capsys.readouterr().out
    assert "majority 26" in out
    assert "(undeclared)          2" in out
    rows = [line.split() for line in out.splitlines() if " + " in line]
    assert [" ".join(row[:-2]) for row in rows] == [
        "Labour + Conservative",
        "Labour + Green",
        "Labour + Liberal Democrat",
    ]
    assert [row[-2] for row in rows] == ["37", "30", "26"]


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the council and the coalitions as JSON."""
    assert main(["show", "darlington-2023", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["majority"] == 26
    assert document["undeclared"] == 2
    assert [c["parties"] for c in document["minimal_winning"]] == [
        ["Labour", "Conservative"],
        ["Labour", "Green"],
        ["Labour", "Liberal Democrat"],
    ]


def test_show_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV file with --total-seats is read and shown."""
    path = tmp_path / "c.csv"
    path.write_text("party,seats\nA,30\nB,10\n", encoding="utf-8")
    assert main(["show", str(path), "--total-seats", "60"]) == 0
    out = capsys.readouterr().out
    assert "majority 31" in out
    assert "A + B" in out


def test_show_nothing_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With too few seats declared the table says no coalition wins yet."""
    path = tmp_path / "c.csv"
    path.write_text("party,seats\nA,3\n", encoding="utf-8")
    assert main(["show", str(path), "--total-seats", "60"]) == 0
    assert "no coalition" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["show", "no-such-example"],
        ["show", "missing.json"],
        ["show", "darlington-2023", "--max-coalitions", "1"],
        ["show", "darlington-2023", "--max-coalitions", "many"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad input: exit code 2 and a single error line on stderr, no traceback."""
    assert exit_code(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "error" in err
    assert "Traceback" not in err


def exit_code(args: list[str]) -> int | str | None:
    """Run main(), returning its exit code whether it returns or exits."""
    try:
        return main(args)
    except SystemExit as stop:
        return stop.code


def test_python_dash_m(tmp_path: Path) -> None:
    """python -m coalitions runs the same command, with exit codes."""
    ok = subprocess.run(
        [sys.executable, "-m", "coalitions", "show", "eec-1958"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0
    assert "France" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "coalitions", "show", str(tmp_path / "x.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1


def test_power_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The power table shows every index in per cent, parties in council order."""
    assert main(["power", "darlington-2023"]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.strip().startswith("Party"))
    for index in POWER_INDICES.values():
        assert index.short_title in header
    labour = next(
        line for line in out.splitlines() if line.strip().startswith("Labour")
    )
    assert "70.0%" in labour  # Banzhaf: 14 of 20 swings


def test_power_json_one_index(capsys: pytest.CaptureFixture[str]) -> None:
    """--index picks one index; --json writes exact fractions as strings."""
    assert main(["power", "eec-1958", "--index", "shapley_shubik", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document["indices"]) == ["shapley_shubik"]
    values = document["indices"]["shapley_shubik"]
    assert sum(Fraction(v) for v in values.values()) == 1
    assert values["Luxembourg"] == "0"


@pytest.mark.parametrize(
    "args", [["power", "eec-1958", "--index", "nope"], ["power", "nowhere.csv"]]
)
def test_power_bad_input(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown indices and missing files exit 2 with one line."""
    assert exit_code(args) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_power_no_majority_possible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Power is undefined when no coalition can win: exit 2, one line."""
    path = tmp_path / "c.csv"
    path.write_text("party,seats\nA,3\n", encoding="utf-8")
    assert main(["power", str(path), "--total-seats", "60"]) == 2
    assert "no coalition can win" in capsys.readouterr().err
