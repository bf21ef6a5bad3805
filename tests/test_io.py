"""Reading councils from JSON and CSV files and the bundled examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import coalitions
from coalitions import Council
from coalitions.exceptions import InputFileError, InvalidValueError

from .strategies import councils


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(councils())
def test_json_file_round_trip(tmp_path: Path, council: Council) -> None:
    """A council written as JSON with to_dict reads back equal."""
    path = write(tmp_path, "council.json", json.dumps(council.to_dict()))
    assert coalitions.load_council(path) == council


def test_csv_file(tmp_path: Path) -> None:
    """CSV rows become parties in order; optional cells may be empty."""
    path = write(
        tmp_path,
        "darlington.csv",
        "party,seats,abbreviation,colour,position\n"
        "Labour,23,Lab,#E4003B,3.5\n"
        "Conservative,14,Con,,\n"
        "\n"
        "Green, 7 ,,,\n",
    )
    council = coalitions.load_council(path, name="Darlington", total_seats=50)
    assert council.name == "Darlington"
    assert council.names == ("Labour", "Conservative", "Green")
    assert council["Labour"].colour == "#e4003b"
    assert council["Labour"].position == 3.5
    assert council["Green"].seats == 7
    assert council.undeclared == 6


@pytest.mark.parametrize(
    ("name", "text", "line", "field"),
    [
        ("bad.csv", "party,seats\nLabour,23\nGreen,2.5\n", 3, "seats"),
        ("bad.csv", "party,seats\nLabour,-1\n", 2, "seats"),
        ("bad.csv", "party,seats\nLabour,lots\n", 2, "seats"),
        ("bad.csv", "party,seats\n,4\n", 2, "party"),
        ("bad.csv", "party,seats\nLabour,4\nLabour,3\n", None, "parties[1].name"),
        ("bad.csv", "party,votes\nLabour,4\n", 1, None),
        ("bad.csv", "party,seats,leader\nLabour,4,X\n", 1, "leader"),
        ("bad.csv", "party,seats\nLabour,4,extra\n", 2, None),
        ("bad.csv", "party,seats\nLabour\n", 2, None),
        (
            "bad.json",
            '{"name": "C", "parties": [\n{"name": "A", "seats": 1},\n]}',
            3,
            None,
        ),
        ("bad.json", "[1, 2]", None, None),
        (
            "bad.json",
            '{"name": "C", "parties": [{"name": "A", "seats": -4}]}',
            None,
            "parties[0].seats",
        ),
        ("bad.txt", "anything", None, None),
    ],
)
def test_file_errors_name_file_line_and_field(
    tmp_path: Path, name: str, text: str, line: int | None, field: str | None
) -> None:
    """Malformed files raise InputFileError naming the file, line and field."""
    path = write(tmp_path, name, text)
    with pytest.raises(InputFileError) as caught:
        coalitions.load_council(path)
    error = caught.value
    assert error.path == str(path)
    assert str(path) in str(error)
    assert error.line == line
    assert error.field == field
    assert isinstance(error, ValueError)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is an InputFileError, not an OSError traceback."""
    with pytest.raises(InputFileError, match="cannot read"):
        coalitions.load_council(tmp_path / "missing.json")


def test_examples() -> None:
    """Every bundled example loads; Darlington 2023 has the election-day figures."""
    assert {"darlington-2019", "darlington-2023", "eec-1958"} <= set(
        coalitions.example_names()
    )
    for name in coalitions.example_names():
        assert isinstance(coalitions.example(name), Council)
    darlington = coalitions.example("darlington-2023")
    assert dict(
        zip(darlington.names, (p.seats for p in darlington.parties), strict=True)
    ) == {
        "Labour": 23,
        "Conservative": 14,
        "Green": 7,
        "Liberal Democrat": 3,
        "Independent": 1,
    }
    assert (darlington.total_seats, darlington.majority) == (50, 26)
    with pytest.raises(InvalidValueError) as caught:
        coalitions.example("darlington-2099")
    assert caught.value.field == "example"
