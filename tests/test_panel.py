"""The panel document, colours and charts."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from fractions import Fraction

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions
from coalitions import Council, Party
from coalitions._render import colours as colours_module
from coalitions._render import html as html_module
from coalitions.exceptions import InvalidValueError, UnknownPartyError

from .oracles import wins
from .strategies import constraints_for, councils

SVG = "{http://www.w3.org/2000/svg}"
SCHEMA = coalitions.panel_schema()


def test_schema_is_a_valid_json_schema() -> None:
    """The shipped schema is itself valid draft 2020-12."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema_version"]["const"] == (
        coalitions.PANEL_SCHEMA_VERSION
    )


@given(councils(max_parties=8), councils(max_parties=6), st.data())
def test_panel_validates_and_agrees_with_the_library(
    council: Council, previous: Council, data: st.DataObject
) -> None:
    """Random panels validate against the schema; their numbers are the library's."""
    constraints = data.draw(st.none() | constraints_for(council))
    document = coalitions.panel(
        council,
        previous=data.draw(st.none() | st.just(previous)),
        constraints=constraints,
    )
    jsonschema.validate(json.loads(json.dumps(document)), SCHEMA)
    assert document["council"]["majority"] == council.majority
    assert document["control"]["text"] == str(coalitions.control(council))
    assert [p["name"] for p in document["parties"]] == list(council.names)
    assert [p["seats"] for p in document["parties"]] == [
        p.seats for p in council.parties
    ]
    certain = [c["parties"] for c in document["coalitions"] if c["status"] == "certain"]
    assert certain == [
        list(i.coalition.names)
        for i in coalitions.rank(council, constraints=constraints)
    ]
    if wins(council, frozenset(council.names)):
        banzhaf = coalitions.banzhaf(council)
        for party in document["parties"]:
            assert (
                Fraction(party["power"]["banzhaf"]["exact"]) == banzhaf[party["name"]]
            )
    else:
        assert document["indices"]["banzhaf"]["defined"] is False


def test_darlington_panel() -> None:
    """Darlington on election day, with changes since 2019."""
    document = coalitions.panel(
        coalitions.example("darlington-2023"),
        previous=coalitions.example("darlington-2019"),
    )
    conservative = document["parties"][1]
    assert conservative["change_text"] == "Conservative fell from 22 seats to 14"
    assert conservative["colour"] == "#0087dc"
    assert [p["name"] for p in document["departed_parties"]] == [
        "Independent (1)",
        "Independent (2)",
        "Independent (3)",
    ]
    possible = [c for c in document["coalitions"] if c["status"] == "possible"]
    assert possible[0]["parties"] == [
        "Conservative",
        "Green",
        "Liberal Democrat",
        "Independent",
    ]
    assert possible[0]["seats_needed"] == 1


def test_panel_top() -> None:
    """top= keeps the first coalitions and still counts them all."""
    council = coalitions.example("darlington-2023")
    everything = coalitions.panel(council)
    first_two = coalitions.panel(council, top=2)
    assert first_two["coalitions"] == everything["coalitions"][:2]
    assert first_two["coalitions_total"] == everything["coalitions_total"] == 6
    page = coalitions.html(council, top=2)
    assert "The 2 most plausible of 6." in page


def test_panel_rejects_unknown_index() -> None:
    """Index names must come from the registry."""
    with pytest.raises(InvalidValueError) as caught:
        coalitions.panel(coalitions.example("eec-1958"), indices=["influence"])
    assert caught.value.field == "indices"


# --- Colours


@given(councils(max_parties=16))
def test_colours_are_complete_deterministic_and_distinct(council: Council) -> None:
    """Every party gets a colour, the same each time, and no two alike."""
    colours = coalitions.party_colours(council)
    assert list(colours) == list(council.names)
    assert colours == coalitions.party_colours(council)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values())
    assert len(set(colours.values())) == len(colours)  # strategy names are distinct


def test_colour_precedence() -> None:
    """Overrides beat a party's own colour, which beats the built-in table."""
    council = Council(
        "C",
        [Party("Labour", 3), Party("Green", 2, colour="#123456"), Party("Pirates", 1)],
        6,
    )
    colours = coalitions.party_colours(council, {"pirates": "#ABCDEF"})
    assert colours == {"Labour": "#e4003b", "Green": "#123456", "Pirates": "#abcdef"}
    with pytest.raises(UnknownPartyError):
        coalitions.party_colours(council, {"Reform": "#000000"})
    with pytest.raises(InvalidValueError):
        coalitions.party_colours(council, {"Labour": "red"})


def test_many_parties_get_generated_colours() -> None:
    """Beyond the palette, colours are generated, still distinct."""
    council = Council.from_seats("Big", {f"List {i}": 1 for i in range(40)})
    assert len(set(coalitions.party_colours(council).values())) == 40


# --- Charts


def seat_counts(root: ET.Element) -> dict[str, int]:
    counts = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "party":
            counts[group.get("data-party", "")] = len(group.findall(f"{SVG}circle"))
    return counts


@given(councils(max_parties=15, max_seats=60, max_undeclared=20))
def test_parliament_chart(council: Council) -> None:
    """Well-formed SVG: a mark per seat and per party, hollow undeclared, majority."""
    picture = coalitions.svg(council)
    root = ET.fromstring(picture)
    assert root.find(f"{SVG}title") is not None
    assert root.find(f"{SVG}desc") is not None
    circles = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "seat"]
    assert len(circles) == council.total_seats
    assert seat_counts(root) == {p.name: p.seats for p in council.parties if p.seats}
    undeclared = [g for g in root.iter(f"{SVG}g") if g.get("class") == "undeclared"]
    assert sum(len(g.findall(f"{SVG}circle")) for g in undeclared) == council.undeclared
    assert any(g.get("class") == "majority" for g in root.iter(f"{SVG}g"))
    assert picture == coalitions.svg(council)


def test_parliament_chart_for_650_seats() -> None:
    """A 15-party, 650-seat chamber draws every seat."""
    council = Council.from_seats(
        "Commons",
        {
            f"Party {i}": seats
            for i, seats in enumerate(
                [200, 150, 80, 50, 40, 30, 20, 18, 15, 12, 10, 8, 6, 4, 2]
            )
        },
        total_seats=650,
    )
    root = ET.fromstring(coalitions.svg(council))
    assert (
        len([c for c in root.iter(f"{SVG}circle") if c.get("class") == "seat"]) == 650
    )


def test_coalition_chart() -> None:
    """The coalition chart has one bar per coalition and a majority line."""
    council = coalitions.example("darlington-2023")
    root = ET.fromstring(coalitions.svg(council, chart="coalitions"))
    bars = [
        g.get("data-parties")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "coalition"
    ]
    assert bars == [
        "Labour + Liberal Democrat",
        "Labour + Green",
        "Labour + Conservative",
    ]
    assert any(g.get("class") == "majority" for g in root.iter(f"{SVG}g"))
    with pytest.raises(InvalidValueError):
        coalitions.svg(council, chart="pie")  # type: ignore[arg-type]


def test_names_are_escaped() -> None:
    """Party names with markup characters cannot break the SVG or the page."""
    council = Council.from_seats("<Council & Co>", {'A "<b>" & B': 3, "C's": 2})
    ET.fromstring(coalitions.svg(council))
    ET.fromstring(coalitions.svg(council, chart="coalitions"))
    page = coalitions.html(council)
    assert "<b>" not in page.replace("<body>", "")


def test_page_is_self_contained() -> None:
    """No external scripts, styles, images or links; a policy forbids them."""
    page = coalitions.html(coalitions.example("darlington-2023"))
    assert "Content-Security-Policy" in page
    assert not re.search(r"\b(src|href)\s*=", page)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


def test_panel_shows_each_coalitions_chance_from_a_poll() -> None:
    """With a simulation each listed coalition carries its chance, as does the page."""
    result = coalitions.allocate(
        {"A": 4200, "B": 3100, "C": 1800, "D": 900}, seats=40, method="sainte-lague"
    )
    council = result.council("Assembly")
    poll = coalitions.simulate(
        {"A": 42, "B": 31, "C": 18, "D": 9},
        sample_size=800,
        seats=40,
        method="sainte-lague",
        simulations=400,
        seed=2,
    )
    document = coalitions.panel(council, chances=poll)
    jsonschema.validate(json.loads(json.dumps(document)), SCHEMA)
    assert document["chances"] == {"draws": 400, "seats": 40}
    for item in document["coalitions"]:
        expected = poll.chance(item["parties"])
        assert item["chance"]["exact"] == str(expected.probability)
        assert item["chance"]["standard_error"] == expected.standard_error
    page = coalitions.html(council, chances=poll)
    assert 'scope="col">Chance of a majority' in page
    assert "400 results drawn" in page
    plain = coalitions.panel(council)
    assert plain["chances"] is None
    assert {item["chance"] for item in plain["coalitions"]} == {None}
    assert 'scope="col">Chance of a majority' not in coalitions.html(council)


def test_a_coalition_outside_the_poll_has_no_chance() -> None:
    council = Council.from_seats("C", {"A": 5, "B": 4, "New": 2})
    poll = coalitions.simulate(
        draws=[{"A": 50, "B": 50}], seats=11, method="dhondt", simulations=1
    )
    document = coalitions.panel(council, chances=poll)
    chances = {tuple(i["parties"]): i["chance"] for i in document["coalitions"]}
    assert chances[("A", "New")] is None
    assert chances[("A", "B")] is not None


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_contrast_meets_wcag_aa_in_both_themes() -> None:
    """Body and muted text against the background: at least 4.5:1 (WCAG 2 AA)."""
    themes = re.findall(r"\{ *(--ink: [^}]*)\}", html_module._STYLE)
    assert len(themes) == 3  # light, dark, and dark when the reader asks for it
    for block in themes:
        values = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", block))
        for text in ("ink", "muted"):
            assert _contrast(values[text], values["bg"]) >= 4.5, (block, text)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [  # Sharma, Wu and Dalal (2005), supplementary test data, pairs 1, 2 and 7.
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, 3.1571, -77.2803), (50, 0, -82.7485), 2.8615),
        ((50, 0, 0), (50, -1, 2), 2.3669),
    ],
)
def test_ciede2000_matches_the_published_test_data(
    first: tuple[float, float, float],
    second: tuple[float, float, float],
    expected: float,
) -> None:
    assert round(colours_module.ciede2000(first, second), 4) == expected


def test_close_colours_warn_and_the_palette_avoids_them() -> None:
    council = Council.from_seats("C", {"A": 3, "B": 2, "C": 1, "D": 1})
    with pytest.warns(coalitions.ColourClashWarning, match="A and B"):
        coalitions.html(council, colours={"A": "#e4003b", "B": "#e5003c"})
    # Given a colour next to the palette's first, the palette skips that one.
    chosen = coalitions.party_colours(council, {"A": "#e69f01"})
    assert chosen["B"] != "#e69f00"
    assert coalitions.colour_clashes(chosen) == []
