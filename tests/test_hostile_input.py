"""Input from feeds nobody here controls: names, files and output that embeds."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions
from coalitions import Council
from coalitions import _cli as cli
from coalitions._cli import main
from coalitions._io import MAX_INPUT_BYTES
from coalitions._render import panel as panel_module
from coalitions._validate import MAX_NAME_LENGTH
from coalitions.exceptions import (
    CoalitionsError,
    ComputationTooLargeError,
    DuplicatePartyError,
    InputFileError,
    InvalidNameError,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sinn F\u00e9in", "Sinn Fe\u0301in"),  # composed and decomposed
        ("Labour", "Lab\u200bour"),  # zero-width space
        ("Labour", "Lab\u00adour"),  # soft hyphen
        ("Labour", "\u200eLabour"),  # left-to-right mark
        ("Labour", "\uff2c\uff41\uff42\uff4f\uff55\uff52"),  # full-width letters
        ("\u0130Y\u0130 Parti", "iyi parti"),  # Turkish dotted capital I
    ],
)
def test_look_alike_names_are_one_party(first: str, second: str) -> None:
    with pytest.raises(DuplicatePartyError):
        Council.from_seats("C", {first: 1, second: 2})
    council = Council.from_seats("C", {first: 3})
    assert council[second].seats == 3


def test_directional_controls_cannot_reorder_figures() -> None:
    """An override character is removed from the name, in every output."""
    council = Council.from_seats("C", {"Labour\u202e": 12, "Green": 3})
    assert council.names == ("Labour", "Green")
    page = coalitions.html(council)
    assert "\u202e" not in page
    assert "\u202e" not in coalitions.svg(council)


@pytest.mark.parametrize("control", ["\x00", "\x1b[2J", "\x07", "\x9b", "\ud800"])
def test_control_characters_are_refused(control: str) -> None:
    with pytest.raises(InvalidNameError) as caught:
        Council.from_seats("C", {f"Labour{control}": 1})
    assert caught.value.field == "name"


def test_overlong_names_are_refused() -> None:
    with pytest.raises(InvalidNameError) as caught:
        Council.from_seats("C", {"x" * (MAX_NAME_LENGTH + 1): 1})
    assert str(MAX_NAME_LENGTH) in str(caught.value)
    assert len(str(caught.value)) < 300  # the message does not repeat the name


@given(st.text(max_size=40))
def test_any_name_gives_a_party_or_a_library_error(name: str) -> None:
    """Every string, from every category of Unicode: a council or a clear error."""
    try:
        council = Council.from_seats("C", {name: 1})
    except CoalitionsError:
        return
    assert council.names[0] == council.names[0].strip()
    assert council[name].seats == 1


def test_panel_json_is_safe_inside_a_script_element() -> None:
    council = Council.from_seats("C", {"</script><script>alert(1)</script>": 3})
    text = coalitions.json_dumps(coalitions.panel(council))
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text) == coalitions.panel(council)


def test_cli_json_is_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("party,seats\n</script> & co,3\nB,2\n", encoding="utf-8")
    assert main(["show", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "</script>" not in out
    assert json.loads(out)["parties"][0]["name"] == "</script> & co"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"name": "C", "parties": [{"name": "A", "seats": 3, "seats": 30}]}', "seats"),
        ('{"name": "C", "name": "D", "parties": []}', "name"),
        ('{"name": "C", "parties": []}', "parties"),
    ],
)
def test_json_that_says_two_things_is_refused(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        coalitions.load_council(path)
    assert caught.value.field == field


def test_an_empty_council_of_known_size_is_read(tmp_path: Path) -> None:
    """Before the first declaration: no party yet, and the size given."""
    path = tmp_path / "c.json"
    path.write_text('{"name": "C", "total_seats": 50, "parties": []}', "utf-8")
    assert coalitions.load_council(path).undeclared == 50


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("party,seats\nA,1e30\n", "seats"),
        ("party,seats\nA,1_000\n", "seats"),
        ("party,seats\nA,\u0663\n", "seats"),  # Arabic-Indic three
        ("party,seats,seats\nA,3,30\n", "seats"),
        ("party,seats\n", "parties"),
        ("party,seats,position\nA,3,1_0\n", "position"),
    ],
)
def test_csv_cells_that_are_not_plain_numbers_are_refused(
    tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        coalitions.load_council(path)
    assert caught.value.field == field


def test_output_file_is_replaced_whole_or_not_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failed write leaves the earlier file as it was, and no temporary file."""
    target = tmp_path / "panel.html"
    target.write_text("earlier", encoding="utf-8")
    assert main(["show", "darlington-2023", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith("Darlington")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert main(["show", "darlington-2023", "-o", ""]) == 2
    assert "--output" in capsys.readouterr().err


def test_output_replaces_a_link_instead_of_following_it(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me", encoding="utf-8")
    link = tmp_path / "panel.txt"
    os.symlink(elsewhere, link)
    assert main(["show", "darlington-2023", "-o", str(link)]) == 0
    assert elsewhere.read_text("utf-8") == "keep me"
    assert not link.is_symlink()


def _one_line_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("coalitions: ")
    return lines[0]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000 + "]" * 50_000,
        '{"name": "C", "parties": [{"name": "A", "seats": ' + "9" * 5000 + "}]}",
        '{"name": "C", "parties": [{"name": "A", "seats": 1' + "0" * 4000 + "}]}",
    ],
    ids=["deeply nested", "over 4,300 digits", "10^4000 seats"],
)
def test_cli_hostile_json_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    _one_line_error(["show", str(path), "--format", "svg"], capsys)


def test_cli_refuses_files_that_never_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FIFO (which would block) and a link to a device (which never ends)."""
    fifo = tmp_path / "feed.json"
    os.mkfifo(fifo)
    assert "regular file" in _one_line_error(["show", str(fifo)], capsys)
    endless = tmp_path / "zero.json"
    os.symlink("/dev/zero", endless)
    assert "regular file" in _one_line_error(["show", str(endless)], capsys)


def test_cli_refuses_oversized_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"party,seats\n" + b" " * (MAX_INPUT_BYTES + 1))
    assert "larger than" in _one_line_error(["show", str(path)], capsys)


def test_cli_interrupt_prints_one_line_and_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "read_source", interrupted)
    assert main(["show", "darlington-2023"]) == 130
    assert capsys.readouterr().err == "coalitions: interrupted\n"


def test_seats_beyond_any_population_are_refused() -> None:
    with pytest.raises(coalitions.exceptions.InvalidSeatsError) as caught:
        Council.from_seats("C", {"A": 10**4000})
    assert len(str(caught.value)) < 200


def test_right_to_left_names_are_isolated_in_every_output() -> None:
    """A Hebrew or Arabic name cannot pull the figures beside it into its order."""
    council = Council.from_seats("C", {"\u05e2\u05d1\u05d5\u05d3\u05d4": 12, "B": 3})
    page = coalitions.html(council)
    assert "<bdi>\u05e2\u05d1\u05d5\u05d3\u05d4</bdi>" in page
    for chart in ("parliament", "coalitions"):
        picture = coalitions.svg(council, chart=chart)  # type: ignore[arg-type]
        assert (
            '<tspan style="unicode-bidi:isolate">\u05e2\u05d1\u05d5\u05d3\u05d4</tspan>'
            in picture
        )


def test_the_panel_cap_reaches_the_ranking() -> None:
    """panel(max_coalitions=N) refuses by count at N, in ranking too."""
    council = Council.from_seats("C", {f"P{i}": 1 for i in range(9)})
    assert coalitions.count_minimal_winning(council) == 126
    with pytest.raises(coalitions.exceptions.TooManyCoalitionsError) as caught:
        coalitions.panel(council, max_coalitions=100)
    assert caught.value.max_coalitions == 100
    assert len(coalitions.panel(council, max_coalitions=200)["coalitions"]) == 126


def test_huge_bodies_are_drawn_in_proportion_not_dot_by_dot() -> None:
    council = Council.from_seats(
        "Shareholders", {"Fund A": 3_000_000_000, "Fund B": 1_000_000_000}
    )
    picture = coalitions.svg(council)
    assert len(picture) < 10_000
    assert 'class="seat"' not in picture
    assert picture.count('class="party"') == 2
    ET.fromstring(picture)
    assert "3,000,000,000" in picture


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
COUNCIL_LIKE = st.fixed_dictionaries(
    {"name": st.text(max_size=10) | JSON_VALUES},
    optional={
        "parties": st.lists(
            st.fixed_dictionaries({"name": st.text(max_size=10), "seats": JSON_VALUES})
            | JSON_VALUES,
            max_size=4,
        ),
        "total_seats": JSON_VALUES,
        "quota": JSON_VALUES,
    },
)


@given(st.one_of(COUNCIL_LIKE, JSON_VALUES))
def test_any_json_gives_a_council_or_a_library_error(data: object) -> None:
    path = Path(tempfile.mkdtemp()) / "c.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with contextlib.suppress(CoalitionsError):
        assert isinstance(coalitions.load_council(path), Council)


@given(st.text(max_size=200))
def test_any_csv_gives_a_council_or_a_library_error(body: str) -> None:
    path = Path(tempfile.mkdtemp()) / "c.csv"
    try:
        path.write_text("party,seats,position\n" + body, encoding="utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates cannot be written as UTF-8 at all
    with contextlib.suppress(CoalitionsError):
        assert isinstance(coalitions.load_council(path), Council)


def test_cli_into_a_closed_pipe_or_a_full_disk() -> None:
    """`| head` ends quietly; a full disk is one line and exit code 2."""
    command = [sys.executable, "-m", "coalitions", "show", "darlington-2023"]
    piped = subprocess.run(
        f"{shlex.join([*command, '--format', 'html'])} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.stdout == "<!doctype "
    assert piped.stderr == ""
    if Path("/dev/full").exists():
        with Path("/dev/full").open("w") as full:
            done = subprocess.run(
                command, stdout=full, stderr=subprocess.PIPE, text=True, check=False
            )
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1


def test_panel_output_is_bounded_by_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the byte budget the document is refused; ``top`` lists fewer."""
    council = Council.from_seats("Long", {"A" * 200: 3, "B" * 200: 3, "C" * 200: 3})
    document = coalitions.panel(council)
    written = len(coalitions.json_dumps(document["coalitions"]).encode())
    monkeypatch.setattr(panel_module, "MAX_PANEL_BYTES", written // 2)
    with pytest.raises(ComputationTooLargeError, match="top="):
        coalitions.panel(council)
    with pytest.raises(ComputationTooLargeError):
        coalitions.html(council)
    assert len(coalitions.panel(council, top=1)["coalitions"]) == 1
