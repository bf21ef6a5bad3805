"""Reading councils from JSON and CSV files and the bundled examples."""

from __future__ import annotations

import json
from fractions import Fraction
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


@pytest.mark.parametrize("seats", ["-3", "-3.0"])
def test_negative_seats_are_quoted_as_written(tmp_path: Path, seats: str) -> None:
    """A negative seat count is reported as the whole number the file holds."""
    path = write(tmp_path, "bad.csv", f"party,seats\nLabour,23\nGreen,{seats}\n")
    with pytest.raises(InputFileError, match=r"got -3\)") as caught:
        coalitions.load_council(path)
    assert (caught.value.line, caught.value.field) == (3, "seats")


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


@pytest.mark.parametrize(
    ("suffix", "body"),
    [
        (".csv", "party;seats;position\nLabour;23;3,5\nGreen;7;2\n"),
        (".tsv", "party\tseats\nLabour\t23\nGreen\t7\n"),
        (".csv", "party\tseats\nLabour\t23\nGreen\t7\n"),
    ],
)
def test_spreadsheet_dialects_are_read(tmp_path: Path, suffix: str, body: str) -> None:
    """Semicolons (European spreadsheets) and tabs separate columns as commas do."""
    path = tmp_path / f"council{suffix}"
    path.write_text(body, encoding="utf-8")
    if "3,5" in body:
        # A decimal comma is not a number here: refused, naming the field.
        with pytest.raises(InputFileError, match="position"):
            coalitions.load_council(path)
        path.write_text(body.replace("3,5", "3.5"), encoding="utf-8")
    council = coalitions.load_council(path)
    assert [(p.name, p.seats) for p in council.parties] == [
        ("Labour", 23),
        ("Green", 7),
    ]


def test_decimal_commas_are_read_in_poll_shares(tmp_path: Path) -> None:
    path = tmp_path / "poll.csv"
    path.write_text("party;share\nA;40,5\nB;59,5\n", encoding="utf-8")
    assert coalitions.load_votes(path, column="share") == {
        "A": Fraction(81, 2),
        "B": Fraction(119, 2),
    }


def test_mistyped_keys_and_columns_are_named_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "council.json"
    path.write_text('{"name": "C", "parties": [{"name": "A", "seat": 3}]}', "utf-8")
    with pytest.raises(InputFileError, match="did you mean 'seats'"):
        coalitions.load_council(path)
    table = tmp_path / "council.csv"
    table.write_text("party,seat\nA,3\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="did you mean 'seats'"):
        coalitions.load_council(table)
