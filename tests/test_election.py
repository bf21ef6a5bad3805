"""Election night: statuses, control and changes against every completion."""

from __future__ import annotations

import pytest
from hypothesis import assume, given

import coalitions
from coalitions import Council, Status
from coalitions.exceptions import TooManyCoalitionsError

from .oracles import (
    all_coalitions,
    brute_minimal_winning,
    completions,
    extra_seats_needed,
    listing_key,
    majority_party,
    shown_order,
    wins,
)
from .strategies import councils

SMALL = councils(max_parties=5, max_seats=12, max_undeclared=3)


@given(SMALL)
def test_statuses_against_every_completion(council: Council) -> None:
    """Certain: wins in every completion; possible: in some; impossible: none.
    Seats needed: the fewest undeclared seats that make it win."""
    finals = list(completions(council))
    for members in all_coalitions(council):
        if not members:
            continue
        judged = coalitions.coalition_outlook(council, members)
        outcomes = [wins(final, members) for final in finals]
        if all(outcomes):
            assert judged.status is Status.CERTAIN
            assert judged.seats_needed == 0
        elif any(outcomes):
            assert judged.status is Status.POSSIBLE
            assert judged.seats_needed == extra_seats_needed(council, members)
        else:
            assert judged.status is Status.IMPOSSIBLE
            assert judged.seats_needed > council.undeclared


def test_a_coalition_short_of_members_needs_more_seats_than_are_left() -> None:
    """Under a member count, a coalition with the seats but too few members is
    impossible, and no number of the undeclared seats is enough for it."""
    council = Council.from_seats(
        "Short of members",
        {"Labour": 0, "Conservative": 1},
        total_seats=1,
        quota=coalitions.DoubleMajority("1/3", members=2),
    )
    judged = coalitions.coalition_outlook(council, ["Conservative"])
    assert judged.status is Status.IMPOSSIBLE
    assert judged.seats_needed > council.undeclared


@given(SMALL)
def test_outlook_lists_what_is_minimal_winning_in_some_completion(
    council: Council,
) -> None:
    """The outlook's coalitions are those minimal winning in some final result."""
    expected: set[frozenset[str]] = set()
    for final in completions(council):
        expected |= {m for m in brute_minimal_winning(final) if m <= set(council.names)}
    night = coalitions.outlook(council)
    listed = [frozenset(item.coalition.names) for item in night.coalitions]
    assert len(listed) == len(set(listed))
    assert set(listed) == expected
    # The documented order: certain ones in listing order, then possible ones
    # by seats needed, then listing order; keys written from the definitions.
    needs = {m: extra_seats_needed(council, m) for m in expected}
    certain = sorted(
        (m for m in expected if needs[m] == 0), key=lambda m: listing_key(council, m)
    )
    possible = sorted(
        (m for m in expected if needs[m] != 0),
        key=lambda m: (needs[m], listing_key(council, m)),
    )
    assert listed == certain + possible


@given(SMALL)
def test_magic_numbers(council: Council) -> None:
    """Each party's magic number is the fewest seats that give it a majority."""
    for party in coalitions.outlook(council).parties:
        needed = extra_seats_needed(council, frozenset({party.name}))
        if needed is None:
            assert party.status is Status.IMPOSSIBLE
        else:
            assert party.seats_needed == needed
            assert party.status is (Status.CERTAIN if needed == 0 else Status.POSSIBLE)


@given(SMALL)
def test_control_against_every_completion(council: Council) -> None:
    """Not yet known exactly when completions disagree on who has a majority."""
    # With an improper rule two parties can both reach the quota: "control"
    # by one party is defined for proper rules only.
    assume(not council.allow_improper)
    outcomes = {majority_party(final) for final in completions(council)}
    result = coalitions.control(council)
    if len(outcomes) > 1:
        assert result.status is coalitions.ControlStatus.NOT_YET_KNOWN
    elif outcomes == {None}:
        assert result.status is coalitions.ControlStatus.NO_OVERALL_CONTROL
        assert result.party is None
    else:
        assert result.status is coalitions.ControlStatus.MAJORITY
        assert {result.party} == outcomes
    largest = max((p.seats for p in council.parties), default=0)
    assert result.largest_seats == largest


@given(councils(max_undeclared=0, min_parties=1))
def test_outlook_without_undeclared_seats_is_minimal_winning(council: Council) -> None:
    """With every seat declared, the outlook lists the minimal winning
    coalitions (by the brute-force oracle), in listing order, all certain."""
    night = coalitions.outlook(council)
    expected = sorted(
        brute_minimal_winning(council), key=lambda m: listing_key(council, m)
    )
    if council.undeclared:
        return  # a council of seatless parties keeps one seat undeclared
    assert [item.coalition.names for item in night.coalitions] == [
        shown_order(council, m) for m in expected
    ]
    assert all(item.status is Status.CERTAIN for item in night.coalitions)


def test_darlington_election_day() -> None:
    """Election day: three certain coalitions, and the rest of the night's hopes."""
    night = coalitions.outlook(coalitions.example("darlington-2023"))
    assert [
        (" + ".join(i.coalition.names), i.status.value, i.seats_needed)
        for i in night.coalitions
    ] == [
        ("Labour + Conservative", "certain", 0),
        ("Labour + Green", "certain", 0),
        ("Labour + Liberal Democrat", "certain", 0),
        ("Conservative + Green + Liberal Democrat + Independent", "possible", 1),
        ("Labour + Independent", "possible", 2),
        ("Conservative + Green + Liberal Democrat", "possible", 2),
    ]
    labour = night.parties[0]
    assert (labour.name, labour.seats_needed, labour.status) == (
        "Labour",
        3,
        Status.IMPOSSIBLE,
    )
    control = coalitions.control(coalitions.example("darlington-2023"))
    assert control.status is coalitions.ControlStatus.NO_OVERALL_CONTROL
    assert (control.largest, control.seats_short) == (("Labour",), 3)


def test_outlook_cap() -> None:
    """Early in the night nearly everything is possible: the cap refuses."""
    council = Council.from_seats("C", {f"P{i}": 1 for i in range(12)}, total_seats=60)
    with pytest.raises(TooManyCoalitionsError):
        coalitions.outlook(council, max_coalitions=100)


@given(councils(max_parties=6), councils(max_parties=6))
def test_changes(before: Council, after: Council) -> None:
    """Seat changes cover every party; majorities gained and lost match brute force."""
    result = coalitions.changes(before, after)
    names = {row.name.casefold() for row in result.parties}
    assert names == {n.casefold() for n in (*before.names, *after.names)}
    for row in result.parties:
        assert row.before == (before[row.name].seats if row.name in before else 0)
        assert row.after == (after[row.name].seats if row.name in after else 0)
    if before.total_seats == after.total_seats:
        assert not result.total_seats_changed
        assert sum(r.change for r in result.parties) == after.declared - before.declared

    def won(council: Council, members: frozenset[str]) -> bool:
        present = frozenset(m for m in members if m in council)
        return bool(present) and wins(
            council, frozenset(council[m].name for m in present)
        )

    gained = {m for m in brute_minimal_winning(after) if not won(before, m)}
    lost = {m for m in brute_minimal_winning(before) if not won(after, m)}
    assert {frozenset(c.names) for c in result.gained_majority} == gained
    assert {frozenset(c.names) for c in result.lost_majority} == lost


def test_darlington_changes_read_like_the_article() -> None:
    """ "The Tories fell from holding 22 seats to just 14"."""
    result = coalitions.changes(
        coalitions.example("darlington-2019"), coalitions.example("darlington-2023")
    )
    lines = [row.describe() for row in result.parties]
    assert "Conservative fell from 22 seats to 14" in lines
    assert "Independent (1) lost its only seat" in lines
    assert not result.total_seats_changed


def test_inputs_not_mutated() -> None:
    """The mutable things callers hand over (mappings, lists) stay as they were."""
    seats = {"Labour": 23, "Conservative": 14, "Green": 7}
    colours = {"Labour": "#e4003b"}
    red_lines = [["Labour", "Conservative"]]
    excluded = ["Green"]
    arguments = (
        dict(seats),
        dict(colours),
        [list(p) for p in red_lines],
        list(excluded),
    )
    council = Council.from_seats("C", seats, total_seats=50)
    constraints = coalitions.Constraints(incompatible=red_lines, excluding=excluded)
    coalitions.outlook(council)
    coalitions.panel(council, colours=colours, constraints=constraints)
    coalitions.html(council, colours=colours)
    coalitions.changes(council, council.with_seats(seats))
    assert (seats, colours, red_lines, excluded) == arguments


def test_changes_between_councils_of_different_sizes_are_flagged() -> None:
    """A council that grew is compared all the same, and flagged."""
    before = Council.from_seats("C", {"A": 20, "B": 19})  # 39 seats
    after = Council.from_seats("C", {"A": 22, "B": 20, "C": 3})  # 45 seats
    result = coalitions.changes(before, after)
    assert result.total_seats_changed
    assert [(r.name, r.change) for r in result.parties] == [
        ("A", 2),
        ("B", 1),
        ("C", 3),
    ]


def test_outlook_cap_offers_no_stream() -> None:
    """The outlook's cap error names no streaming function, as none exists."""
    council = Council.from_seats("C", {f"P{i}": 1 for i in range(12)}, total_seats=60)
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.outlook(council, max_coalitions=100)
    assert caught.value.lazy_alternative is None
    assert "stream" not in str(caught.value)


@given(councils(max_parties=8))
def test_outlook_refuses_by_exact_count(council: Council) -> None:
    """The cap is checked against the number of coalitions, counted before listing."""
    listed = len(coalitions.outlook(council, max_coalitions=None).coalitions)
    assert len(coalitions.outlook(council, max_coalitions=listed).coalitions) == listed
    assume(listed > 0)
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.outlook(council, max_coalitions=listed - 1)
    assert caught.value.count == listed


def test_outlook_refuses_a_trillion_possibilities_without_listing_them() -> None:
    """40 one-seat parties and 40 seats to declare: every non-empty set is possible."""
    council = Council.from_seats("C", {f"P{i}": 1 for i in range(40)}, total_seats=80)
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.outlook(council)
    assert caught.value.count == 2**40 - 1
