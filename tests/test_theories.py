"""Coalition theories and classification against their definitions."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions
from coalitions import Council, Party
from coalitions.exceptions import MissingPositionError, TooManyCoalitionsError

from .oracles import (
    all_coalitions,
    brute_constrained_minimal_winning,
    brute_minimal_winning,
    brute_winning,
    listing_key,
    quota,
    seats,
    wins,
)
from .strategies import councils


def line(council: Council) -> list[str]:
    """Positioned parties, left to right, ties in council order."""
    placed = [
        (Fraction(str(p.position)), i, p.name)
        for i, p in enumerate(council.parties)
        if p.position is not None
    ]
    return [name for _, _, name in sorted(placed)]


def connected(order: list[str], members: frozenset[str]) -> bool:
    spots = sorted(order.index(m) for m in members)
    return bool(spots) and spots[-1] - spots[0] + 1 == len(spots)


def median_of(council: Council) -> str | None:
    """The party holding the middle seat on the line (both, if even), or None."""
    seated = [name for name in line(council) for _ in range(council[name].seats)]
    if not seated:
        return None
    middle = {seated[(len(seated) - 1) // 2], seated[len(seated) // 2]}
    return middle.pop() if len(middle) == 1 else None


def quota_with(council: Council, members: frozenset[str]) -> int:
    """The seats these members need: one fewer with a chair's casting vote at a tie."""
    chair = council.rule.chair
    if chair is not None and council[chair].name in members:
        return (council.total_seats + 1) // 2
    return quota(council)


def minimal_connected(council: Council, order: list[str]) -> set[frozenset[str]]:
    """Connected winning coalitions from which no end party can be dropped."""
    found = set()
    for start in range(len(order)):
        for stop in range(start + 1, len(order) + 1):
            members = frozenset(order[start:stop])
            ends = {order[start], order[stop - 1]}
            if wins(council, members) and all(
                not wins(council, members - {end}) for end in ends if len(members) > 1
            ):
                found.add(members)
    return found


def span(council: Council, members: frozenset[str]) -> Fraction:
    spots = [Fraction(str(council[m].position)) for m in members]
    return max(spots) - min(spots)


@given(councils(max_parties=9))
def test_minimum_winning_and_fewest_parties(council: Council) -> None:
    """Minimal winning coalitions with the fewest seats, and with the fewest parties."""
    minimal = brute_minimal_winning(council)
    seats = {m: sum(council[n].seats for n in m) for m in minimal}
    fewest_seats = min(seats.values(), default=0)
    assert {frozenset(c.names) for c in coalitions.minimum_winning(council)} == {
        m for m in minimal if seats[m] == fewest_seats
    }
    fewest = min((len(m) for m in minimal), default=0)
    assert {frozenset(c.names) for c in coalitions.fewest_parties(council)} == {
        m for m in minimal if len(m) == fewest
    }
    # No winning coalition has fewer seats than the minimum winning ones.
    assert all(
        sum(council[n].seats for n in w) >= fewest_seats for w in brute_winning(council)
    )


@given(councils(max_parties=9))
def test_minimal_connected_winning(council: Council) -> None:
    """Connected, winning, and dropping any member loses or leaves a gap."""
    order = line(council)
    expected = set()
    for members in all_coalitions(council):
        if not members or not set(members) <= set(order):
            continue
        if not (connected(order, members) and wins(council, members)):
            continue
        if all(
            not wins(council, members - {m}) or not connected(order, members - {m})
            for m in members
            if len(members) > 1
        ):
            expected.add(members)
    found = coalitions.minimal_connected_winning(council, unpositioned="omit")
    assert [frozenset(c.names) for c in found] == sorted(
        expected, key=lambda m: listing_key(council, m)
    )


@given(councils(max_parties=9))
def test_minimal_range(council: Council) -> None:
    """The smallest range over all winning coalitions, reached by minimal ones."""
    placed = frozenset(line(council))
    winners = [w for w in brute_winning(council) if w <= placed]
    if not winners:
        assert coalitions.minimal_range(council, unpositioned="omit") == []
        return
    smallest = min(span(council, w) for w in winners)
    expected = {
        m
        for m in brute_minimal_winning(council)
        if m <= placed and span(council, m) == smallest
    }
    found = coalitions.minimal_range(council, unpositioned="omit")
    assert {frozenset(c.names) for c in found} == expected


@given(councils(max_parties=9))
def test_median_party_holds_the_median_seat(council: Council) -> None:
    """The median party holds the middle seat (both middle seats, if even)."""
    seats = [name for name in line(council) for _ in range(council[name].seats)]
    if not seats:
        expected = None
    elif len(seats) % 2:
        expected = seats[len(seats) // 2]
    else:
        middle = {seats[len(seats) // 2 - 1], seats[len(seats) // 2]}
        expected = middle.pop() if len(middle) == 1 else None
    assert coalitions.median_party_name(council, unpositioned="omit") == expected
    found = coalitions.median_party(council, unpositioned="omit")
    unplaced = [n for n in council.names if n not in line(council)]
    candidates = brute_constrained_minimal_winning(
        council, coalitions.Constraints(excluding=unplaced)
    )
    predicted = [] if expected is None else [m for m in candidates if expected in m]
    assert [frozenset(c.names) for c in found] == sorted(
        predicted, key=lambda m: listing_key(council, m)
    )


@pytest.mark.parametrize(
    "theory", [t for t in coalitions.THEORIES.values() if t.uses_positions]
)
def test_missing_positions_raise_by_default(theory: coalitions.Theory) -> None:
    """Position-based theories refuse parties without a position, naming them."""
    council = Council("C", [Party("A", 5, position=2.0), Party("B", 4)], 9)
    with pytest.raises(MissingPositionError) as caught:
        theory.predict(council)
    assert caught.value.parties == ("B",)
    assert "'B'" in str(caught.value)


@given(councils(max_parties=8))
def test_classify(council: Council) -> None:
    """Each classification agrees with the definitions."""
    minimal = brute_minimal_winning(council)
    order = line(council)
    placed = len(order) == len(council.names)
    fewest_seats = min((seats(council, m) for m in minimal), default=0)
    fewest_members = min((len(m) for m in minimal), default=0)
    median = median_of(council) if placed else None
    for members in all_coalitions(council):
        if not members:
            continue
        result = coalitions.classify(council, sorted(members))
        assert result.winning == wins(council, members)
        assert result.minority == (not wins(council, members))
        assert result.minimal == (members in minimal)
        assert result.surplus == (wins(council, members) and members not in minimal)
        held = seats(council, members)
        assert result.margin == held - quota_with(council, members)
        assert result.minimum_winning == (
            members in minimal and seats(council, members) == fewest_seats
        )
        assert result.fewest_parties == (
            members in minimal and len(members) == fewest_members
        )
        if placed:
            assert result.connected == connected(order, members)
            assert result.minimal_connected == (
                members in minimal_connected(council, order)
            )
            assert result.contains_median == (median is not None and median in members)
            assert result.range == span(council, members)
        else:
            assert result.connected is None
            assert result.minimal_connected is None
            assert result.contains_median is None


@given(councils(max_parties=9))
def test_rank_orders_every_minimal_winning_coalition(council: Council) -> None:
    """rank is a reordering of the minimal winning coalitions by plausibility."""
    ranked = coalitions.rank(council)
    assert {frozenset(i.coalition.names) for i in ranked} == brute_minimal_winning(
        council
    )
    order = line(council)
    placed = len(order) == len(council.names)
    median = median_of(council) if placed else None

    def plausibility(members: frozenset[str]) -> tuple[object, ...]:
        return (
            len(members),
            not (placed and median is not None and median in members),
            not (placed and connected(order, members)),
            # A coalition's range counts when its own members all have positions.
            span(council, members)
            if all(council[m].position is not None for m in members)
            else 0,
            seats(council, members),
            listing_key(council, members),
        )

    expected = sorted(brute_minimal_winning(council), key=plausibility)
    assert [frozenset(i.coalition.names) for i in ranked] == expected


def test_rank_puts_fewer_parties_before_the_median_party() -> None:
    """Two parties without the median party come before three with it: the
    order that history favours (see the explanation page on theories)."""
    council = Council(
        "C",
        [
            Party("A", 30, position=1),
            Party("C", 15, position=4),
            Party("M", 10, position=5),
            Party("D", 20, position=6),
            Party("B", 25, position=9),
        ],
        100,
    )
    assert coalitions.median_party_name(council) == "M"
    ranked = [item.coalition.names for item in coalitions.rank(council)]
    assert ranked[0] == ("A", "B")
    assert ranked[1] == ("A", "C", "M")  # three, with the median, connected


@given(councils(max_parties=7))
def test_rank_with_surplus_orders_every_winning_coalition(council: Council) -> None:
    """surplus=True ranks every winning coalition, surplus ones classified so."""
    ranked = coalitions.rank(council, surplus=True)
    assert {frozenset(i.coalition.names) for i in ranked} == brute_winning(council)
    minimal = brute_minimal_winning(council)
    for item in ranked:
        assert item.surplus == (frozenset(item.coalition.names) not in minimal)
    keys = [coalitions.plausibility(item) for item in ranked]
    assert keys == sorted(keys)


def test_germany_1957_surplus_cabinet() -> None:
    """Germany 1957: CDU/CSU 270 of 497 won alone, so CDU/CSU + DP was surplus."""
    council = Council.from_seats(
        "Bundestag 1957",
        {"CDU/CSU": 270, "SPD": 169, "FDP": 41, "DP": 17},
        total_seats=497,
    )
    cabinet = coalitions.classify(council, ["CDU/CSU", "DP"])
    assert cabinet.winning
    assert cabinet.surplus
    assert not cabinet.minimal
    assert cabinet.margin == 287 - 249


def test_ireland_1937_minority() -> None:
    """Ireland 1937: Fianna Fail's 69 of 138 seats made a minority government."""
    council = Council.from_seats(
        "Dail 1937",
        {"Fianna Fail": 69, "Fine Gael": 48, "Labour": 13, "Independents": 8},
    )
    assert coalitions.classify(council, ["Fianna Fail"]).minority


def test_darlington_with_labour_ruling_out_the_conservatives() -> None:
    """Ranked options once Labour rules out the Conservatives."""
    council = coalitions.example("darlington-2023")
    red_line = coalitions.Constraints(incompatible=[("Labour", "Conservative")])
    ranked = coalitions.rank(council, constraints=red_line)
    assert [i.coalition.names for i in ranked] == [
        ("Labour", "Liberal Democrat"),
        ("Labour", "Green"),
    ]
    assert ranked[0].minimum_winning


def test_theories_are_called_like_their_functions() -> None:
    council = coalitions.example("darlington-2023")
    for theory in coalitions.THEORIES.values():
        if theory.uses_positions:
            continue
        assert theory(council) == theory.predict(council)


@given(councils(max_parties=9), st.integers(1, 6), st.data())
def test_the_top_coalitions_are_found_best_first(
    council: Council, top: int, data: st.DataObject
) -> None:
    """rank(top=N) with a cap below the number of coalitions searches by size,
    and gives exactly the first N of the full ranking, classified alike."""
    everything = coalitions.rank(council)
    cap = data.draw(st.integers(0, max(0, len(everything) - 1)))
    assume(len(everything) > cap)
    # The search lists every coalition of up to k parties, k the size of the
    # last one shown: within the cap it answers, past it it refuses.
    k = len(everything[min(top, len(everything)) - 1].coalition)
    needed = sum(1 for item in everything if len(item.coalition) <= k)
    if needed > cap or council.rule.chair is not None:  # a chair: not by size
        with pytest.raises(TooManyCoalitionsError):
            coalitions.rank(council, top=top, max_coalitions=cap)
        return
    found = coalitions.rank(council, top=top, max_coalitions=cap)
    assert found == everything[:top]


def test_a_chamber_with_too_many_coalitions_still_gives_its_first_ones() -> None:
    """41 parties: 40 billion minimal winning coalitions, the first 20 in a blink."""
    rng = random.Random(5)
    council = Council.from_seats(
        "41 parties", {f"P{i}": rng.randint(1, 12) for i in range(41)}
    )
    with pytest.raises(TooManyCoalitionsError):
        coalitions.rank(council)
    found = coalitions.rank(council, top=20)
    assert len(found) == 20
    assert all(len(item.coalition) == 12 for item in found)  # the fewest possible
    assert all(item.coalition.is_winning and item.minimal for item in found)
    document = coalitions.panel(council, top=20)
    assert document["coalitions_total"] == coalitions.count_minimal_winning(council)
    assert [item["parties"] for item in document["coalitions"]] == [
        list(item.coalition.names) for item in found
    ]
    with pytest.warns(coalitions.ColourClashWarning):  # 41 default colours
        assert "41 parties" in coalitions.html(council, top=20)
