"""The coalitions command, end to end through main() and as a subprocess."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

import coalitions
from coalitions import POWER_INDICES
from coalitions._cli import main


def test_show_darlington_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The table lists parties, undeclared seats, control and every coalition."""
    assert main(["show", "darlington-2023"]) == 0
    out = capsys.readouterr().out
    assert "majority 26" in out
    assert "Control: No overall control" in out
    assert "(undeclared)          2" in out
    rows = [line.split("  ") for line in out.splitlines() if " + " in line]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    # The panel's order: most plausible first (fewer parties, then fewer seats).
    assert cells[:3] == [
        ["Labour + Liberal Democrat", "26", "+0", "certain"],
        ["Labour + Green", "30", "+4", "certain"],
        ["Labour + Conservative", "37", "+11", "certain"],
    ]
    assert cells[3] == [
        "Conservative + Green + Liberal Democrat + Independent",
        "25",
        "-1",
        "needs 1 of 2",
    ]


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints the panel document."""
    assert main(["show", "darlington-2023", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == coalitions.panel(coalitions.example("darlington-2023"))
    assert document["council"]["majority"] == 26
    assert document["council"]["undeclared"] == 2
    certain = [c for c in document["coalitions"] if c["status"] == "certain"]
    assert [c["parties"] for c in certain] == [
        ["Labour", "Liberal Democrat"],
        ["Labour", "Green"],
        ["Labour", "Conservative"],
    ]
    assert document["control"]["status"] == "no overall control"
    labour = document["parties"][0]
    assert (labour["seats_needed"], labour["majority_status"]) == (3, "impossible")


def test_show_changes_since_previous(capsys: pytest.CaptureFixture[str]) -> None:
    """--previous adds each party's change and the sentences a panel writes."""
    assert main(["show", "darlington-2023", "--previous", "darlington-2019"]) == 0
    out = capsys.readouterr().out
    assert "Conservative fell from 22 seats to 14" in out
    assert "Since darlington-2019:" in out
    arguments = ["show", "darlington-2023", "--previous", "darlington-2019", "--json"]
    assert main(arguments) == 0
    document = json.loads(capsys.readouterr().out)
    conservative = document["parties"][1]
    assert (conservative["seats_before"], conservative["seats"]) == (22, 14)
    assert ["Labour", "Green"] in document["previous"]["gained_majority"]


def test_show_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV file with --total-seats is read and shown."""
    path = tmp_path / "c.csv"
    path.write_text("party,seats\nA,30\nB,10\n", encoding="utf-8")
    assert main(["show", str(path), "--total-seats", "60"]) == 0
    out = capsys.readouterr().out
    assert "majority 31" in out
    assert "A + B" in out


def test_show_nothing_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before any result, the table says no coalition can govern yet."""
    path = tmp_path / "c.csv"
    path.write_text("party,seats\n", encoding="utf-8")
    assert main(["show", str(path), "--total-seats", "60"]) == 0
    assert "no coalition" in capsys.readouterr().out


def test_show_early_in_the_night(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With most seats to declare, a small party can still reach a majority."""
    path = tmp_path / "c.csv"
    path.write_text("party,seats\nA,3\n", encoding="utf-8")
    assert main(["show", str(path), "--total-seats", "60"]) == 0
    out = capsys.readouterr().out
    assert "Control: Not yet known" in out
    assert "needs 28 of 57" in out


@pytest.mark.parametrize(
    "args",
    [
        ["show", "no-such-example"],
        ["show", "missing.json"],
        ["show", "darlington-2023", "--max-coalitions", "1"],
        ["show", "darlington-2023", "--previous", "missing.csv"],
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
    """--index picks one index; --json writes values as the panel does."""
    assert main(["power", "eec-1958", "--index", "shapley_shubik", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document["indices"]) == ["shapley_shubik"]
    values = document["indices"]["shapley_shubik"]
    assert sum(Fraction(v["exact"]) for v in values.values()) == 1
    assert values["Luxembourg"] == {"exact": "0", "value": 0.0}
    # EEC 1958 (Felsenthal and Machover 1998): France 7/30, Belgium 3/20.
    assert values["France"]["exact"] == "7/30"
    assert values["Belgium"] == {"exact": "3/20", "value": 0.15}


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


def test_tutorial_shows_the_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    """The command output quoted in the tutorial is what the command prints."""
    tutorial = (
        Path(__file__).resolve().parent.parent / "docs" / "tutorial.md"
    ).read_text("utf-8")
    prompt = "$ coalitions show darlington-2023\n"
    quoted = tutorial[tutorial.index(prompt) + len(prompt) :].split("```")[0]
    assert main(["show", "darlington-2023"]) == 0
    assert capsys.readouterr().out == quoted


@pytest.mark.parametrize("form", ["table", "json", "svg", "html"])
def test_show_formats_to_a_file(tmp_path: Path, form: str) -> None:
    """Every format can be written to a file with -o."""
    out = tmp_path / f"panel.{form}"
    assert main(["show", "darlington-2023", "--format", form, "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    if form == "json":
        assert json.loads(text)["schema_version"] == coalitions.PANEL_SCHEMA_VERSION
    elif form == "svg":
        assert text.startswith("<svg")
        assert text.count('class="seat"') == 50
    elif form == "html":
        assert text.startswith("<!doctype html>")
    else:
        assert "Who could govern" in text


def test_show_to_an_unwritable_place(capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be written is a one-line error, exit 2."""
    assert main(["show", "eec-1958", "-o", "/nonexistent/dir/out.html"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


BUNDESTAG_2025 = """party,votes
CDU,11196374
AfD,10328780
SPD,8149124
GRÜNE,5762380
Die Linke,4356532
CSU,2964028
BSW,2472947
FDP,2148757
SSW,76138
Others,2194452
"""
SEATS_OPTIONS = [
    "--seats",
    "630",
    "--method",
    "sainte-lague",
    "--threshold",
    "5%",
    "--exempt",
    "SSW",
    "--others",
    "Others",
]


def test_seats_table_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``coalitions seats`` allocates a result file as allocate() does."""
    source = tmp_path / "bundestag.csv"
    source.write_text(BUNDESTAG_2025, encoding="utf-8")
    assert main(["seats", str(source), *SEATS_OPTIONS]) == 0
    out = capsys.readouterr().out
    assert "630 seats by Sainte-Laguë" in out
    rows = {line.split()[0]: line.split()[-1] for line in out.splitlines()[4:14]}
    assert rows["CDU"] == "164"
    assert rows["BSW"] == "-"
    assert main(["seats", str(source), *SEATS_OPTIONS, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    seats = {p["name"]: p["seats"] for p in document["parties"] if p["seats"]}
    assert seats == {
        "CDU": 164,
        "AfD": 152,
        "SPD": 120,
        "GRÜNE": 85,
        "Die Linke": 64,
        "CSU": 44,
        "SSW": 1,
    }


POLL_OPTIONS = ["--sample-size", "1000", "--seats", "50", "--method", "dhondt"]


def write_poll(folder: Path, rows: str) -> str:
    """Write a poll file 'party,share' and return its path."""
    source = folder / "poll.csv"
    source.write_text("party,share\n" + rows, encoding="utf-8")
    return str(source)


def test_chances_are_reproducible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same seed prints the same chances; --json has one row per coalition."""
    source = write_poll(tmp_path, "A,45\nB,40\nC,15\n")
    options = [*POLL_OPTIONS, "--simulations", "500", "--seed", "4"]
    assert main(["chances", source, *options]) == 0
    first = capsys.readouterr().out
    assert main(["chances", source, *options]) == 0
    assert capsys.readouterr().out == first
    assert "A + B" in first
    assert main(["chances", str(source), *options, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["draws"] == 500
    expected = coalitions.simulate(
        {"A": 45, "B": 40, "C": 15},
        sample_size=1000,
        seats=50,
        method="dhondt",
        simulations=500,
        seed=4,
    )
    assert [row["parties"] for row in document["coalitions"]] == [
        list(row.parties) for row in expected.table()
    ]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("party,votes\nA,-3\n", "line 2"),
        ("party,votes\nA,1e9\n", "line 2"),
        ("party,seats\nA,3\n", "header"),
        ("party,votes\nA,3\nA,4\n", "twice"),
        ("party,votes\n", "no party"),
    ],
)
def test_bad_vote_files_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, words: str
) -> None:
    source = tmp_path / "votes.csv"
    source.write_text(body, encoding="utf-8")
    assert main(["seats", str(source), "--seats", "5", "--method", "dhondt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert words in err


def test_a_poll_that_does_not_add_up_says_by_how_much(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_poll(tmp_path, "A,45\nB,40\n")
    assert main(["chances", source, *POLL_OPTIONS]) == 2
    assert "-15" in capsys.readouterr().err


def test_chances_page_shows_the_projection_with_chances(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_poll(tmp_path, "A,45.5\nB,40\nC,14.5\n")
    options = [*POLL_OPTIONS, "--simulations", "200", "--seed", "4", "--format", "html"]
    assert main(["chances", source, *options]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>")
    assert "Chance of a majority" in page
    assert "200 results drawn" in page


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.split() == ["coalitions", coalitions.__version__]


def test_show_with_constraints_top_and_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Command-line red lines, exclusions, blocs and --top give panel()'s answer."""
    options = ["--red-line", "Labour,Conservative", "--exclude", "Independent"]
    options += ["--require", "Labour", "--top", "1", "--json"]
    assert main(["show", "darlington-2023", *options]) == 0
    document = json.loads(capsys.readouterr().out)
    expected = coalitions.panel(
        coalitions.example("darlington-2023"),
        constraints=coalitions.Constraints(
            excluding=["Independent"],
            incompatible=[("Labour", "Conservative")],
            requiring=["Labour"],
        ),
        top=1,
    )
    assert document["coalitions"] == json.loads(json.dumps(expected["coalitions"]))
    assert document["coalitions_total"] == expected["coalitions_total"] > 1
    source = tmp_path / "hartlepool.csv"
    source.write_text("party,seats\nLabour,17\nIndependent,11\n", encoding="utf-8")
    assert (
        main(
            [
                "show",
                str(source),
                "--name",
                "Hartlepool",
                "--bloc",
                "Labour,Independent",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Hartlepool")
    assert main(["show", "darlington-2023", "--red-line", "Labour"]) == 2
    assert "--red-line" in capsys.readouterr().err


def test_show_order_size_lists_as_minimal_winning_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "darlington-2023", "--order", "size", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    certain = [c["parties"] for c in document["coalitions"] if c["status"] == "certain"]
    expected = coalitions.minimal_winning(coalitions.example("darlington-2023"))
    assert certain == [list(c.names) for c in expected]
    assert main(["show", "darlington-2023", "--json"]) == 0
    ranked = json.loads(capsys.readouterr().out)["coalitions"]
    assert (
        ranked == coalitions.panel(coalitions.example("darlington-2023"))["coalitions"]
    )


def test_show_with_positions_inline_or_from_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--positions gives the position-based theories what they need."""
    positions = {
        "Labour": 3.5,
        "Conservative": 7,
        "Green": 2,
        "Liberal Democrat": 5,
        "Independent": 5,
    }
    inline = ",".join(f"{name}={value}" for name, value in positions.items())
    source = tmp_path / "positions.csv"
    source.write_text(
        "party,position\n" + "".join(f"{n},{v}\n" for n, v in positions.items()),
        encoding="utf-8",
    )
    expected = coalitions.panel(
        coalitions.example("darlington-2023").with_positions(positions)
    )["coalitions"]
    for given in (inline, str(source)):
        assert main(["show", "darlington-2023", "--positions", given, "--json"]) == 0
        document = json.loads(capsys.readouterr().out)
        assert document["coalitions"] == json.loads(json.dumps(expected))
        assert [p["position"] for p in document["parties"]] == [
            float(v) for v in positions.values()
        ]
    assert main(["show", "darlington-2023", "--positions", "Labour"]) == 2
    assert "PARTY=NUMBER" in capsys.readouterr().err


def test_power_shows_what_it_can_and_says_what_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """23 parties with population-sized seats: Johnston is out of reach, the
    other indices are shown and the table says why Johnston is missing."""
    rng = random.Random(23)
    rows = "".join(f"P{i},{rng.randint(10**6, 10**8)}\n" for i in range(23))
    path = tmp_path / "populations.csv"
    path.write_text("party,seats\n" + rows, encoding="utf-8")
    assert main(["power", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Johnston: not computed: cannot compute the Johnston index" in out
    assert "Shapley-Shubik" in out
    assert main(["power", str(path), "--json", "--index", "banzhaf"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["not_computed"] == {}
    assert main(["power", str(path), "--index", "johnston"]) == 2
    assert "Johnston" in capsys.readouterr().err
