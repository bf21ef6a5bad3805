"""Minimal winning and winning coalitions against brute force and known cases."""

from __future__ import annotations

import gc
import itertools
import random
import sys
import threading
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions
from coalitions import CastingVote, Council, DoubleMajority, Party
from coalitions._engine import enumerate as enumerate_
from coalitions.exceptions import (
    ComputationTooLargeError,
    InvalidSeatsError,
    InvalidTypeError,
    InvalidValueError,
    TooManyCoalitionsError,
)

from .data import electoral_college
from .oracles import (
    brute_minimal_winning,
    brute_winning,
    listing_key,
    shown_order,
    wins,
)
from .strategies import councils, renamed_rule


def as_sets(found: list[coalitions.Coalition]) -> list[frozenset[str]]:
    return [frozenset(c.names) for c in found]


def darlington() -> Council:
    return Council.from_seats(
        "Darlington Borough Council",
        {
            "Labour": 23,
            "Conservative": 14,
            "Green": 7,
            "Liberal Democrat": 3,
            "Independent": 1,
        },
        total_seats=50,
    )


def test_darlington_election_day() -> None:
    """The three minimal winning coalitions of Darlington, 5 May 2023, in order."""
    found = coalitions.minimal_winning(darlington())
    assert [(c.names, c.seats) for c in found] == [
        (("Labour", "Conservative"), 37),
        (("Labour", "Green"), 30),
        (("Labour", "Liberal Democrat"), 26),
    ]
    assert [c.surplus for c in found] == [11, 4, 0]


def test_darlington_without_labour_no_majority() -> None:
    """Everyone but Labour holds 25 of 50: exactly half, which does not win."""
    council = darlington()
    others = [name for name in council.names if name != "Labour"]
    assert council.coalition(others).seats == 25
    assert not council.is_winning(others)


@given(councils())
def test_minimal_winning_equals_brute_force(council: Council) -> None:
    """The listing is exactly the set of minimal winning coalitions."""
    found = as_sets(coalitions.minimal_winning(council))
    assert len(found) == len(set(found))
    assert set(found) == brute_minimal_winning(council)


@given(councils())
def test_iter_minimal_winning_equals_brute_force(council: Council) -> None:
    """The lazy stream yields each minimal winning coalition once, as the council
    builds it (members in the shown order, the quota that applies to them)."""
    streamed = list(coalitions.iter_minimal_winning(council))
    assert len(streamed) == len(set(as_sets(streamed)))
    assert set(as_sets(streamed)) == brute_minimal_winning(council)
    for coalition in streamed:
        assert coalition == council.coalition(coalition.names)
        assert coalition.names == shown_order(council, frozenset(coalition.names))


@given(councils())
def test_counts_equal_enumeration(council: Council) -> None:
    """Counting without listing agrees with the length of each listing."""
    assert coalitions.count_minimal_winning(council) == len(
        brute_minimal_winning(council)
    )
    assert coalitions.count_winning(council) == len(brute_winning(council))


@given(
    st.lists(st.integers(1, 30), min_size=1, max_size=10).map(
        lambda weights: tuple(sorted(weights, reverse=True))
    ),
    st.data(),
)
def test_both_minimal_winning_counts_follow_the_definition(
    weights: tuple[int, ...], data: st.DataObject
) -> None:
    """The dual table and the complements' table count the same coalitions.

    Every quota from 1 to past the total, both routes (the dual read from
    the top down and as a product of digits), against a count of the sets
    that win and lose without any one member.
    """
    total = sum(weights)
    quota = data.draw(st.integers(1, total + 1))
    players = range(len(weights))
    expected = 0
    for size in range(1, len(weights) + 1):
        for members in itertools.combinations(players, size):
            seats = sum(weights[j] for j in members)
            if seats >= quota and all(seats - weights[j] < quota for j in members):
                expected += 1
    assert enumerate_._minimal_winning_by_dual(weights, quota) == expected
    by_top_down = enumerate_.PRODUCT_WORK
    enumerate_.PRODUCT_WORK = dict.fromkeys(by_top_down, -1)  # always a product
    try:
        assert enumerate_._minimal_winning_by_dual(weights, quota) == expected
    finally:
        enumerate_.PRODUCT_WORK = by_top_down
    assert enumerate_._dense_minimal_winning(weights, quota) == expected
    if quota <= total:
        by_complements = enumerate_._minimal_winning_by_complements
        assert by_complements(weights, quota, total - quota + 1) == expected


@given(councils(max_parties=9))
def test_winning_equals_brute_force(council: Council) -> None:
    """All winning coalitions, surplus and zero-seat members included."""
    found = as_sets(coalitions.winning(council))
    assert len(found) == len(set(found))
    assert set(found) == brute_winning(council)
    assert as_sets(list(coalitions.iter_winning(council))).__len__() == len(found)


@given(councils())
def test_each_minimal_winning_is_winning_and_minimal(council: Council) -> None:
    """Each result wins, and loses when any one member leaves."""
    for coalition in coalitions.minimal_winning(council):
        members = frozenset(coalition.names)
        assert coalition.is_winning
        assert council.is_winning(coalition)
        assert all(not wins(council, members - {m}) for m in members)
        if council.member_quota == (0, None):  # else a seatless member counts
            assert all(party.seats > 0 for party in coalition.parties)


@given(councils(max_parties=9))
def test_every_winning_coalition_contains_a_minimal_one(council: Council) -> None:
    """Minimal winning coalitions are the minimal elements of the winning ones."""
    minimal = as_sets(coalitions.minimal_winning(council))
    for coalition in as_sets(coalitions.winning(council)):
        assert any(m <= coalition for m in minimal)


@given(councils())
def test_listing_order(council: Council) -> None:
    """Fewest parties, most seats, then names (members most seats first, ties in
    council order): the order of an independently written key, ties included."""
    expected = sorted(
        brute_minimal_winning(council), key=lambda m: listing_key(council, m)
    )
    found = coalitions.minimal_winning(council)
    assert [c.names for c in found] == [shown_order(council, m) for m in expected]
    assert found == [council.coalition(m) for m in expected]
    every = sorted(brute_winning(council), key=lambda m: listing_key(council, m))
    if len(every) <= 2000:
        assert [c.names for c in coalitions.winning(council)] == [
            shown_order(council, m) for m in every
        ]


def test_casting_vote_keeps_the_documented_order() -> None:
    """A chair's casting vote changes who wins, not how coalitions are ordered."""
    council = Council.from_seats("X", {"A": 2, "B": 2, "C": 2}, quota=CastingVote("B"))
    found = coalitions.minimal_winning(council)
    assert [c.names for c in found] == [("A", "B"), ("A", "C"), ("B", "C")]
    assert council.coalition(["A", "B"]) in found
    assert council.coalition(["B", "A"]) == found[0]
    streamed = {c.names for c in coalitions.iter_minimal_winning(council)}
    assert streamed == {("A", "B"), ("A", "C"), ("B", "C")}
    assert [c.names for c in coalitions.winning(council)][:3] == [
        ("A", "B"),
        ("A", "C"),
        ("B", "C"),
    ]


@given(councils(), st.randoms(use_true_random=False))
def test_shuffling_parties_changes_nothing(
    council: Council, rnd: random.Random
) -> None:
    """Reordering the parties gives the same coalitions."""
    shuffled = list(council.parties)
    rnd.shuffle(shuffled)
    other = Council(
        council.name,
        shuffled,
        council.total_seats,
        quota=council.rule,
        allow_improper=council.allow_improper,
    )
    assert set(as_sets(coalitions.minimal_winning(other))) == set(
        as_sets(coalitions.minimal_winning(council))
    )


@given(councils())
def test_renaming_parties_changes_only_names(council: Council) -> None:
    """Renaming maps the coalitions through the same renaming."""
    rename = {name: f"Renamed {i}" for i, name in enumerate(council.names)}
    renamed = Council(
        council.name,
        [Party(rename[p.name], p.seats) for p in council.parties],
        council.total_seats,
        quota=renamed_rule(council, rename),
        allow_improper=council.allow_improper,
    )
    expected = {
        frozenset(rename[n] for n in c)
        for c in as_sets(coalitions.minimal_winning(council))
    }
    assert set(as_sets(coalitions.minimal_winning(renamed))) == expected


@given(councils(), st.integers(2, 7))
def test_scaling_seats_and_quota_changes_nothing(council: Council, factor: int) -> None:
    """Multiplying every seat count and the quota by one factor keeps the game."""
    # A casting vote and a share of the seats with a member count scale with
    # the seats; every other rule becomes a quota.
    rule = (
        council.rule
        if isinstance(council.rule, CastingVote | DoubleMajority)
        else (council.majority * factor)
    )
    scaled = Council(
        council.name,
        [Party(p.name, p.seats * factor) for p in council.parties],
        council.total_seats * factor,
        quota=rule,
        allow_improper=True,  # a majority of filled seats is one of all seats
    )
    assert set(as_sets(coalitions.minimal_winning(scaled))) == set(
        as_sets(coalitions.minimal_winning(council))
    )
    assert coalitions.count_winning(scaled) == coalitions.count_winning(council)


@given(councils(min_parties=1), st.data())
def test_more_seats_for_a_member_keeps_winning(
    council: Council, data: st.DataObject
) -> None:
    """Giving a member of a winning coalition undeclared seats keeps it winning."""
    found = coalitions.winning(council)
    assume(found and council.undeclared)
    coalition = data.draw(st.sampled_from(found))
    member = data.draw(st.sampled_from(coalition.names))
    extra = data.draw(st.integers(1, council.undeclared))
    richer = council.with_seats({member: council[member].seats + extra})
    assert richer.is_winning(coalition.names)


def test_unreachable_quota_gives_empty_result() -> None:
    """With 48 of 100 seats declared, nobody can win yet: no coalitions, no error."""
    council = Council.from_seats("C", {"A": 30, "B": 18}, total_seats=100)
    assert coalitions.minimal_winning(council) == []
    assert coalitions.winning(council) == []
    assert coalitions.count_minimal_winning(council) == 0
    assert coalitions.count_winning(council) == 0


def test_zero_seat_party_never_minimal_member() -> None:
    """A party with no seats is in no minimal winning coalition, but in winning ones."""
    council = Council.from_seats("C", {"A": 2, "B": 0, "C": 2})
    assert as_sets(coalitions.minimal_winning(council)) == [frozenset({"A", "C"})]
    assert set(as_sets(coalitions.winning(council))) == {
        frozenset({"A", "C"}),
        frozenset({"A", "B", "C"}),
    }


def test_cap_raises_with_count() -> None:
    """Above max_coalitions the call raises, carrying the count."""
    council = Council.from_seats("C", {f"P{i}": 1 for i in range(11)})
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.minimal_winning(council, max_coalitions=100)
    assert caught.value.count == 462  # C(11, 6)
    assert caught.value.lazy_alternative == "iter_minimal_winning"
    assert "iter_minimal_winning" in str(caught.value)
    assert len(coalitions.minimal_winning(council, max_coalitions=462)) == 462
    assert len(coalitions.minimal_winning(council, max_coalitions=None)) == 462


def test_cap_applies_to_winning() -> None:
    """The cap on all winning coalitions counts surplus coalitions too."""
    council = Council.from_seats("C", {f"P{i}": 1 for i in range(11)})
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.winning(council, max_coalitions=10)
    assert caught.value.count == 1024  # half of 2**11 subsets have >= 6 members


def test_huge_quota_streams_past_the_cap() -> None:
    """Population-sized weights, many parties: streamed up to the cap, not hung."""
    weights = {f"State {i}": 1_000_003 * (i + 7) + i for i in range(40)}
    council = Council.from_seats("Populations", weights)
    with pytest.raises(ComputationTooLargeError):
        coalitions.count_minimal_winning(council)
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.minimal_winning(council, max_coalitions=1000)
    assert caught.value.count is None


def test_huge_quota_with_few_parties_is_counted() -> None:
    """Few parties with huge weights use the sparse count and agree with brute force."""
    weights = {f"State {i}": 10_000_019 * (i + 3) + 7 * i for i in range(12)}
    council = Council.from_seats("Populations", weights)
    assert coalitions.count_minimal_winning(council) == len(
        brute_minimal_winning(council)
    )
    assert coalitions.count_winning(council) == len(brute_winning(council))


#: Minimal winning coalitions of the US Electoral College, 2024 apportionment
#: (538 votes, 270 to win): the public figure for this game.
ELECTORAL_COLLEGE_MINIMAL_WINNING = 51_178_341_131_036


def test_electoral_college_count() -> None:
    """The US Electoral College's count equals the published value exactly."""
    council = electoral_college()
    assert (
        coalitions.count_minimal_winning(council) == ELECTORAL_COLLEGE_MINIMAL_WINNING
    )
    doubled = coalitions.Council.from_seats(  # doubled seats and quota: same game
        "EC x2", {p.name: 2 * p.seats for p in council.parties}, quota=540
    )
    assert (
        coalitions.count_minimal_winning(doubled) == ELECTORAL_COLLEGE_MINIMAL_WINNING
    )


@pytest.mark.parametrize("bad", [-1, 2.5, "10"])
def test_bad_cap(bad: object) -> None:
    """max_coalitions must be a whole number or None; it is a count, not seats."""
    with pytest.raises((InvalidValueError, InvalidTypeError)) as caught:
        coalitions.minimal_winning(darlington(), max_coalitions=bad)  # type: ignore[arg-type]
    assert caught.value.field == "max_coalitions"
    assert not isinstance(caught.value, InvalidSeatsError)


@pytest.mark.parametrize(
    "function",
    [
        coalitions.minimal_winning,
        coalitions.iter_minimal_winning,
        coalitions.count_minimal_winning,
        coalitions.winning,
        coalitions.iter_winning,
        coalitions.count_winning,
    ],
)
def test_functions_refuse_non_councils(function: object) -> None:
    """A mapping instead of a council is refused at the call, naming the field."""
    with pytest.raises(InvalidTypeError) as caught:
        function({"A": 3})  # type: ignore[operator]
    assert caught.value.field == "council"


@pytest.mark.slow
def test_concurrent_listings_leave_the_collector_on() -> None:
    """Many threads listing at once never leave garbage collection switched off."""
    council = Council.from_seats(
        "Threads", {f"P{i}": 1 + i % 5 for i in range(16)}, total_seats=60
    )
    assert gc.isenabled()
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(10):
                coalitions.minimal_winning(council)
        except BaseException as error:
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, to interleave pauses
    try:
        rounds(work, barrier, errors)
    finally:
        sys.setswitchinterval(interval)


def rounds(
    work: Callable[[], None], barrier: threading.Barrier, errors: list[BaseException]
) -> None:
    for _ in range(3):
        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        barrier.reset()
        assert errors == []
        assert gc.isenabled()


@given(st.integers(1, 10), st.integers(1, 4), st.integers(0, 3), st.data())
def test_councils_of_equal_parties_are_counted_exactly(
    parties: int, seats: int, empty: int, data: st.DataObject
) -> None:
    """Equal parties (independents) are counted by binomials: the definition's."""
    total = parties * seats + empty
    quota = data.draw(st.integers(total // 2 + 1, total))
    council = Council.from_seats(
        "Independents",
        {f"Independent {i}": seats for i in range(parties)},
        total_seats=total,
        quota=quota,
    )
    assert coalitions.count_minimal_winning(council) == len(
        brute_minimal_winning(council)
    )
    assert coalitions.count_winning(council) == len(brute_winning(council))


def test_a_huge_council_of_independents_is_refused_by_count() -> None:
    """Tens of thousands of one-seat parties: counted, then refused, not listed."""
    council = Council.from_seats(
        "Independents", {f"Independent {i}": 1 for i in range(20_000)}
    )
    with pytest.raises(TooManyCoalitionsError) as caught:
        coalitions.minimal_winning(council)
    assert caught.value.count is not None
    assert "10^" in str(caught.value)
