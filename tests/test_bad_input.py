"""Wrong types and values anywhere in the public API raise the library's errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import coalitions
from coalitions.exceptions import CoalitionsError

COUNCIL = coalitions.example("darlington-2023")

CASES: dict[str, tuple[Callable[[], object], str | None]] = {
    "svg colours": (lambda: coalitions.svg(COUNCIL, colours="red"), "colours"),
    "html colours": (lambda: coalitions.html(COUNCIL, colours=["red"]), "colours"),
    "svg max_bars": (
        lambda: coalitions.svg(COUNCIL, chart="coalitions", max_bars="x"),
        "max_bars",
    ),
    "panel previous": (lambda: coalitions.panel(COUNCIL, previous="x"), "council"),
    "split into": (lambda: COUNCIL.split("Labour", "x"), "into"),
    "renewed retiring": (lambda: COUNCIL.renewed(["Labour"], {}), "retiring"),
    "transfer none": (lambda: COUNCIL.transfer("Labour", "Green", 0), "seats"),
    "with_rule words": (lambda: COUNCIL.with_rule("two thirds"), "quota"),
    "outlook cap": (
        lambda: coalitions.outlook(COUNCIL, max_coalitions=-1),
        "max_coalitions",
    ),
    "coalition_outlook number": (
        lambda: coalitions.coalition_outlook(COUNCIL, 5),
        "members",
    ),
    "pivotal number": (lambda: coalitions.pivotal_members(COUNCIL, 3), "members"),
    "is_winning number": (lambda: COUNCIL.is_winning(5), "members"),
    "rank constraints": (
        lambda: coalitions.rank(COUNCIL, constraints="x"),
        "constraints",
    ),
    "median option": (
        lambda: coalitions.median_party_name(COUNCIL, unpositioned="guess"),
        "unpositioned",
    ),
    "classify unknown": (lambda: coalitions.classify(COUNCIL, ["Reform"]), None),
    "colour value": (
        lambda: coalitions.party_colours(COUNCIL, {"Labour": 5}),
        "colours['Labour']",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_raises_a_library_error(case: str) -> None:
    """Each bad call raises a CoalitionsError that names the field at fault."""
    call, field = CASES[case]
    with pytest.raises(CoalitionsError) as caught:
        call()
    if field is not None:
        assert caught.value.field == field  # type: ignore[attr-defined]


def test_single_names_where_lists_are_expected() -> None:
    """A lone name is one party, not a string of letters."""
    assert COUNCIL.merge("Labour", into="Labour Party").names[0] == "Labour Party"
    assert list(coalitions.panel(COUNCIL, indices="banzhaf")["indices"]) == ["banzhaf"]
