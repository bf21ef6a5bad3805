"""Votes to seats: each method against its definition, its properties, real results."""

from __future__ import annotations

import contextlib
import json
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions
from coalitions import ALLOCATION_METHODS, allocate
from coalitions.exceptions import InvalidTypeError, InvalidValueError, TiedSeatError

DIVISOR_METHODS = [
    "dhondt",
    "sainte-lague",
    "danish",
    "imperiali",
    "huntington-hill",
    "adams",
]
REMAINDER_METHODS = ["hare", "droop", "hagenbach-bischoff", "imperiali-quota"]
DATA = Path(__file__).parent / "data"


def divisor(method: str, held: int, first: Fraction | None = None) -> Fraction | float:
    """The method's divisor after ``held`` seats, from its textbook sequence."""
    if method == "sainte-lague" and held == 0 and first is not None:
        return first
    return {
        "dhondt": lambda s: Fraction(s + 1),
        "sainte-lague": lambda s: Fraction(2 * s + 1),
        "danish": lambda s: Fraction(3 * s + 1),
        "imperiali": lambda s: Fraction(s + 2),
        "huntington-hill": lambda s: math.sqrt(s * (s + 1)),
        "adams": Fraction,
    }[method](held)


def claim(
    method: str, votes: int, held: int, first: Fraction | None = None
) -> tuple[int, Fraction]:
    """Exact order of votes / divisor (Huntington-Hill squared; 0 divisors first)."""
    if method == "huntington-hill":
        product = held * (held + 1)
        return (
            (1, Fraction(votes))
            if product == 0
            else (0, Fraction(votes * votes, product))
        )
    d = divisor(method, held, first)
    assert isinstance(d, Fraction)
    return (1, Fraction(votes)) if d == 0 else (0, votes / d)


def one_seat_at_a_time(
    votes: list[int], seats: int, method: str, first: Fraction | None = None
) -> list[int] | None:
    """Highest averages by definition: the ``seats`` largest quotients win.

    ``None`` when the last quotient that wins equals the first that does not,
    so that a tie decides a seat.
    """
    pool = sorted(
        (
            (claim(method, v, held, first), i)
            for i, v in enumerate(votes)
            if v > 0
            for held in range(seats + 1)
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    if len(pool) > seats and pool[seats - 1][0] == pool[seats][0]:
        return None
    held = [0] * len(votes)
    for _, i in pool[:seats]:
        held[i] += 1
    return held


def by_quota(votes: list[int], seats: int, method: str) -> list[int] | None:
    """Largest remainder by definition; ``None`` if a tie decides a seat."""
    total = sum(votes)
    quota = {
        "hare": Fraction(total, seats),
        "droop": Fraction(total // (seats + 1) + 1),
        "hagenbach-bischoff": Fraction(total, seats + 1),
        "imperiali-quota": Fraction(total, seats + 2),
    }[method]
    held = [math.floor(v / quota) for v in votes]
    remainders = [v - h * quota for v, h in zip(votes, held, strict=True)]
    left = seats - sum(held)
    if left < 0:
        ranked = sorted(
            (i for i in range(len(votes)) if held[i]), key=lambda i: remainders[i]
        )
        cut = -left
        if cut < len(ranked) and remainders[ranked[cut - 1]] == remainders[ranked[cut]]:
            return None
        for i in ranked[:cut]:
            held[i] -= 1
        return held
    ranked = sorted(
        (i for i in range(len(votes)) if votes[i]), key=lambda i: -remainders[i]
    )
    if (
        0 < left < len(ranked)
        and remainders[ranked[left - 1]] == remainders[ranked[left]]
    ):
        return None
    for i in ranked[:left]:
        held[i] += 1
    return held


def assert_allocates(
    votes: list[int], seats: int, method: str, expected: list[int] | None
) -> None:
    """``allocate`` gives ``expected``, or raises a tie where it is ``None``."""
    if expected is None:
        with pytest.raises(TiedSeatError):
            allocate(named(votes), seats=seats, method=method)
        return
    result = allocate(named(votes), seats=seats, method=method)
    assert list(result.seats.values()) == expected


VOTES = st.lists(st.integers(0, 2000), min_size=1, max_size=7).filter(
    lambda v: sum(v) > 0
)


def named(votes: list[int]) -> dict[str, int]:
    return {f"P{i}": v for i, v in enumerate(votes)}


@pytest.mark.parametrize("method", DIVISOR_METHODS)
@given(votes=VOTES, seats=st.integers(1, 40))
def test_divisor_methods_give_seats_as_one_at_a_time(
    method: str, votes: list[int], seats: int
) -> None:
    """The divisor form gives what handing seats out one by one gives, ties raised."""
    parties = sum(1 for v in votes if v)
    if method in ("adams", "huntington-hill"):
        assume(seats >= parties)  # every party with votes is owed a first seat
    expected = one_seat_at_a_time(votes, seats, method)
    assert_allocates(votes, seats, method, expected)


@given(
    votes=VOTES,
    seats=st.integers(1, 40),
    first=st.sampled_from([Fraction(6, 5), Fraction(7, 5), Fraction(1, 2)]),
)
def test_modified_sainte_lague(votes: list[int], seats: int, first: Fraction) -> None:
    """A first divisor other than 1 changes only the first seat's quotient."""
    expected = one_seat_at_a_time(votes, seats, "sainte-lague", first)
    assume(expected is not None)
    result = allocate(
        named(votes), seats=seats, method="sainte-lague", first_divisor=first
    )
    assert list(result.seats.values()) == expected


@pytest.mark.parametrize("method", REMAINDER_METHODS)
@given(votes=VOTES, seats=st.integers(1, 40))
def test_largest_remainder_by_definition(
    method: str, votes: list[int], seats: int
) -> None:
    expected = by_quota(votes, seats, method)
    assert_allocates(votes, seats, method, expected)


@given(votes=VOTES, seats=st.integers(1, 40))
def test_hare_satisfies_quota(votes: list[int], seats: int) -> None:
    """Every party gets its exact quota rounded down or up."""
    assume(by_quota(votes, seats, "hare") is not None)
    result = allocate(named(votes), seats=seats, method="hare")
    total = sum(votes)
    for v, won in zip(votes, result.seats.values(), strict=True):
        exact = Fraction(v * seats, total)
        assert math.floor(exact) <= won <= math.ceil(exact)


@pytest.mark.parametrize("method", ["dhondt", "sainte-lague", "danish", "imperiali"])
@given(votes=VOTES, seats=st.integers(1, 40))
def test_divisor_methods_are_house_monotone(
    method: str, votes: list[int], seats: int
) -> None:
    """One more seat never costs a party a seat."""
    assume(one_seat_at_a_time(votes, seats, method) is not None)
    assume(one_seat_at_a_time(votes, seats + 1, method) is not None)
    smaller = allocate(named(votes), seats=seats, method=method)
    larger = allocate(named(votes), seats=seats + 1, method=method)
    assert all(
        b >= a
        for a, b in zip(smaller.seats.values(), larger.seats.values(), strict=True)
    )


@pytest.mark.parametrize(
    ("votes", "seats", "method", "expected"),
    [
        # Quotients 100k 80k 50k 40k 33.3k 30k 26.7k 25k win; D's 20k ties
        # A's fifth and B's fourth quotient, all below the eighth seat.
        ((100_000, 80_000, 30_000, 20_000), 8, "dhondt", (4, 3, 1, 0)),
        # Divisors 1, 3, 5, 7: C's 23k/3 = 7,667 beats A's 53k/7 = 7,571.
        ((53_000, 24_000, 23_000), 7, "sainte-lague", (3, 2, 2)),
        # Hare quota 100,000/7: whole quotas 3, 1, 1; the two seats left go
        # to the largest remainders, A's (0.71 of a quota) and B's (0.68).
        ((53_000, 24_000, 23_000), 7, "hare", (4, 2, 1)),
        # Droop quota 12,501 for 7 seats of 100,000 votes: 4, 1, 1 and one
        # remainder (A's 3,996 < B's 11,499 > C's 10,499).
        ((53_000, 24_000, 23_000), 7, "droop", (4, 2, 1)),
    ],
)
def test_hand_derived_cases(
    votes: tuple[int, ...], seats: int, method: str, expected: tuple[int, ...]
) -> None:
    result = allocate(named(list(votes)), seats=seats, method=method)
    assert tuple(result.seats.values()) == expected


def test_hare_shows_the_alabama_paradox() -> None:
    """Votes 6, 6, 2: the third party has 2 of 10 seats but 1 of 11."""
    votes = {"A": 6, "B": 6, "C": 2}
    assert allocate(votes, seats=10, method="hare").seats == {"A": 4, "B": 4, "C": 2}
    assert allocate(votes, seats=11, method="hare").seats == {"A": 5, "B": 5, "C": 1}


def test_a_tie_names_the_parties_and_can_be_settled() -> None:
    votes = {"A": 300, "B": 200, "C": 200}
    with pytest.raises(TiedSeatError) as caught:
        allocate(votes, seats=2, method="dhondt")
    assert caught.value.parties == ("B", "C")
    assert "200" in str(caught.value)
    assert (
        allocate(
            {"A": 300, "B": 200, "C": 201}, seats=2, method="dhondt", ties="votes"
        ).seats["C"]
        == 1
    )
    with pytest.raises(TiedSeatError):
        allocate(votes, seats=2, method="dhondt", ties="votes")  # still equal
    drawn = {
        allocate(votes, seats=2, method="dhondt", ties="lot", seed=s).seats["B"]
        for s in range(20)
    }
    assert drawn == {0, 1}
    same = allocate(votes, seats=2, method="dhondt", ties="lot", seed=3)
    assert same == allocate(votes, seats=2, method="dhondt", ties="lot", seed=3)


def test_threshold_exempt_and_others() -> None:
    votes = {"A": 600, "B": 300, "C": 40, "D": 30, "Others": 30}
    result = allocate(
        votes,
        seats=10,
        method="dhondt",
        threshold="5%",
        exempt=["D"],
        others=["Others"],
    )
    among = allocate({"A": 600, "B": 300, "D": 30}, seats=10, method="dhondt")
    assert result.seats == {**among.seats, "C": 0, "Others": 0}
    assert [p.qualified for p in result.parties] == [True, True, False, True, False]
    assert result.total_votes == 1000


def test_the_threshold_is_met_at_exactly_the_share() -> None:
    """At least 5% qualifies: 50 of 1,000 votes is enough, 49 is not."""
    assert (
        allocate({"A": 950, "B": 50}, seats=100, method="dhondt", threshold="5%").seats[
            "B"
        ]
        > 0
    )
    assert (
        allocate({"A": 951, "B": 49}, seats=100, method="dhondt", threshold="5%").seats[
            "B"
        ]
        == 0
    )


def test_votes_short_is_exact() -> None:
    """The votes a party is short really are the fewest that win it another seat."""
    votes = {"A": 5100, "B": 2990, "C": 1910}
    result = allocate(votes, seats=10, method="dhondt")
    for party in result.parties:
        assert party.votes_short is not None
        more = dict(votes, **{party.name: party.votes + party.votes_short})
        fewer = dict(votes, **{party.name: party.votes + party.votes_short - 1})
        assert (
            allocate(more, seats=10, method="dhondt", ties="votes").seats[party.name]
            > party.seats
        )
        with contextlib.suppress(TiedSeatError):  # one vote fewer may tie
            assert (
                allocate(fewer, seats=10, method="dhondt").seats[party.name]
                == party.seats
            )


def test_additional_member_counts_constituency_seats_as_divisors() -> None:
    """A party with 3 constituencies starts its list divisors at 4."""
    votes = {"A": 40_000, "B": 30_000, "C": 20_000, "D": 10_000}
    result = allocate(
        votes,
        seats=7,
        method="dhondt",
        mixed="additional",
        constituency_seats={"A": 3, "B": 1},
    )
    expected = one_seat_at_a_time_from(votes, 7, {"A": 3, "B": 1})
    assert result.seats == expected


def one_seat_at_a_time_from(
    votes: dict[str, int], seats: int, start: dict[str, int]
) -> dict[str, int]:
    held = {name: start.get(name, 0) for name in votes}
    for _ in range(seats):
        best = max(votes, key=lambda n: Fraction(votes[n], held[n] + 1))
        held[best] += 1
    return held


def test_compensatory_keeps_overhang_seats() -> None:
    """A party that wins more constituencies than its entitlement keeps them."""
    votes = {"A": 50_000, "B": 40_000, "C": 7_000, "D": 3_000}
    result = allocate(
        votes,
        seats=20,
        method="sainte-lague",
        threshold="5%",
        mixed="compensatory",
        constituency_seats={"A": 6, "B": 3, "D": 2},
    )
    entitled = allocate(
        {"A": 50_000, "B": 40_000, "C": 7_000}, seats=18, method="sainte-lague"
    ).seats
    assert result.seats == {
        "A": entitled["A"],
        "B": entitled["B"],
        "C": entitled["C"],
        "D": 2,
    }
    assert result.house_size == 20
    assert result.overhang == 0
    heavy = allocate(
        votes,
        seats=20,
        method="sainte-lague",
        threshold="5%",
        mixed="compensatory",
        constituency_seats={"A": 6, "B": 3, "C": 3},
    )
    assert heavy.seats["C"] == 3
    assert heavy.overhang == heavy.house_size - 20 > 0


def test_districts_are_allocated_separately_and_summed() -> None:
    votes = {"North": {"A": 600, "B": 400}, "South": {"A": 300, "B": 700}}
    result = allocate(
        votes, seats=8, method="dhondt", districts={"North": 5, "South": 3}
    )
    assert result.districts is not None
    assert result.districts["North"].seats == {"A": 3, "B": 2}
    assert result.districts["South"].seats == {"A": 1, "B": 2}
    assert result.seats == {"A": 4, "B": 4}


def test_alliances_pool_votes_then_share_within() -> None:
    votes = {"A": 460, "B": 280, "C": 260}
    alone = allocate(votes, seats=5, method="dhondt").seats
    allied = allocate(votes, seats=5, method="dhondt", alliances=[("B", "C")]).seats
    assert alone == {"A": 3, "B": 1, "C": 1}
    assert allied == {"A": 2, "B": 2, "C": 1}


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"votes": {"A": -1}}, "votes['A']"),
        ({"votes": {"A": 1.5}}, "votes['A']"),
        ({"threshold": "100%"}, "threshold"),
        ({"threshold": "-1%"}, "threshold"),
        ({"threshold": "five"}, "threshold"),
        ({"exempt": ["Z"]}, "exempt"),
        ({"others": ["Z"]}, "others"),
        ({"method": "borda"}, "method"),
        ({"seats": 0}, "seats"),
        ({"ties": "coin"}, "ties"),
        ({"first_divisor": 0}, "first_divisor"),
    ],
)
def test_bad_input_names_the_field(options: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {
        "votes": {"A": 10, "B": 5},
        "seats": 3,
        "method": "sainte-lague",
    }
    arguments.update(options)
    with pytest.raises((InvalidValueError, InvalidTypeError)) as caught:
        allocate(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_district_without_seats_is_refused() -> None:
    with pytest.raises(InvalidValueError) as caught:
        allocate(
            {"N": {"A": 1}, "S": {"A": 1}},
            seats=1,
            method="dhondt",
            districts={"N": 1, "S": 0},
        )
    assert caught.value.field == "districts['S']"
    with pytest.raises(InvalidValueError) as added:
        allocate(
            {"N": {"A": 1}, "S": {"A": 1}},
            seats=5,
            method="dhondt",
            districts={"N": 1, "S": 2},
        )
    assert added.value.field == "seats"
    assert "(3)" in str(added.value)


def test_every_method_is_listed() -> None:
    assert set(ALLOCATION_METHODS) == set(DIVISOR_METHODS) | set(REMAINDER_METHODS)


def test_inputs_are_not_mutated() -> None:
    votes = {"A": 10, "B": 5}
    exempt = ["B"]
    allocate(votes, seats=3, method="dhondt", threshold="50%", exempt=exempt)
    assert votes == {"A": 10, "B": 5}
    assert exempt == ["B"]


REAL = json.loads((DATA / "allocations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "case", REAL["results"], ids=[c["name"] for c in REAL["results"]]
)
def test_real_results_reproduce(case: dict[str, object]) -> None:
    """Official results, each with its source in tests/data/allocations.json."""
    options = dict(case["options"])  # type: ignore[call-overload]
    result = allocate(case["votes"], **options)  # type: ignore[arg-type]
    assert {k: v for k, v in result.seats.items() if v} == case["seats"]
    assert result.overhang == case.get("overhang", 0)
    for district, seats in case.get("district_seats", {}).items():  # type: ignore[attr-defined]
        won = result.districts[district].seats
        assert {k: v for k, v in won.items() if v} == seats


def test_czech_regions_take_their_seats_by_the_hare_quota() -> None:
    """Czech law gives each region seats by its valid votes, Hare over 200."""
    (case,) = [c for c in REAL["results"] if c["name"].startswith("Czech Chamber")]
    valid = {region: sum(votes.values()) for region, votes in case["votes"].items()}
    regions = allocate(valid, seats=200, method="hare")
    assert regions.seats == case["options"]["districts"]


def test_a_national_threshold_is_the_same_as_naming_the_parties_below_it() -> None:
    votes = {
        "North": {"A": 100, "B": 60, "C": 40},  # B wins a seat here
        "South": {"A": 2000, "B": 10, "C": 1000},  # but has 2.2% overall
    }
    districts = {"North": 3, "South": 3}
    national = allocate(
        votes, seats=6, method="dhondt", districts=districts, national_threshold="5%"
    )
    named = allocate(votes, seats=6, method="dhondt", districts=districts, others=["B"])
    assert national.seats == named.seats
    assert national.seats["B"] == 0
    spared = allocate(
        votes,
        seats=6,
        method="dhondt",
        districts=districts,
        national_threshold="5%",
        exempt=["B"],
    )
    assert spared.seats["B"] == 1


def test_a_national_threshold_needs_districts() -> None:
    with pytest.raises(InvalidValueError, match="national_threshold"):
        allocate({"A": 10, "B": 5}, seats=3, method="dhondt", national_threshold="5%")


def test_the_council_of_an_allocation() -> None:
    result = coalitions.allocate(
        {"A": 5000, "B": 3000, "C": 2000, "D": 10}, seats=10, method="dhondt"
    )
    council = result.council("Assembly")
    assert council.names == ("A", "B", "C")
    assert council.total_seats == 10
    assert "D" in result.council("Assembly", with_seatless=True)


def test_the_council_carries_votes_to_the_panel() -> None:
    result = allocate({"A": 5000, "B": 3000, "C": 2000}, seats=10, method="dhondt")
    council = result.council("Assembly")
    assert [party.votes for party in council.parties] == [5000, 3000, 2000]
    document = coalitions.panel(council)
    assert [party["votes"] for party in document["parties"]] == [5000, 3000, 2000]
    assert ">5,000<" in coalitions.html(council)
    assert coalitions.Council.from_dict(council.to_dict()) == council
