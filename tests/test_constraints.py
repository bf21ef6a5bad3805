"""Constraints: red lines, requirements and blocs, against brute force."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions
from coalitions import Constraints, Council
from coalitions._engine.game import compile_game
from coalitions.exceptions import InvalidTypeError, InvalidValueError, UnknownPartyError

from .oracles import (
    brute_constrained_minimal_winning,
    brute_constrained_winning,
    listing_key,
)
from .strategies import constraints_for, councils


@given(councils(max_parties=9), st.data())
def test_constrained_minimal_winning_equals_brute_force(
    council: Council, data: st.DataObject
) -> None:
    """Listing, streaming and counting follow the documented definitions."""
    constraints = data.draw(constraints_for(council))
    expected = brute_constrained_minimal_winning(council, constraints)
    found = coalitions.minimal_winning(council, constraints=constraints)
    assert [frozenset(c.names) for c in found].__len__() == len(expected)
    assert [frozenset(c.names) for c in found] == sorted(
        expected, key=lambda m: listing_key(council, m)
    )
    streamed = coalitions.iter_minimal_winning(council, constraints=constraints)
    assert {frozenset(c.names) for c in streamed} == expected
    assert coalitions.count_minimal_winning(council, constraints=constraints) == len(
        expected
    )
    for coalition in found:
        seats = [p.seats for p in coalition.parties]
        assert seats == sorted(seats, reverse=True)
        assert coalition.is_winning


@given(councils(max_parties=8), st.data())
def test_constrained_winning_equals_brute_force(
    council: Council, data: st.DataObject
) -> None:
    """All feasible winning coalitions, listed and counted."""
    constraints = data.draw(constraints_for(council))
    expected = brute_constrained_winning(council, constraints)
    found = coalitions.winning(council, constraints=constraints)
    assert {frozenset(c.names) for c in found} == expected
    assert len(found) == len(expected)
    assert coalitions.count_winning(council, constraints=constraints) == len(expected)


@given(councils(max_parties=8, min_parties=2), st.data())
def test_bloc_acts_like_one_party(council: Council, data: st.DataObject) -> None:
    """A bloc gives the same coalitions as merging its parties, naming members."""
    assume(council.member_quota == (0, None))  # merging changes the member count
    bloc = data.draw(
        st.lists(st.sampled_from(council.names), min_size=2, max_size=3, unique=True)
    )
    merged = council.merge(bloc, into="The Bloc")
    as_bloc = coalitions.minimal_winning(council, constraints=Constraints(blocs=[bloc]))
    as_party = coalitions.minimal_winning(merged)

    def unfold(names: tuple[str, ...]) -> frozenset[str]:
        return frozenset(
            n for name in names for n in (bloc if name == "The Bloc" else [name])
        )

    assert {frozenset(c.names) for c in as_bloc} == {unfold(c.names) for c in as_party}
    for coalition in as_bloc:
        assert set(bloc) <= set(coalition.names) or not set(bloc) & set(coalition.names)


def test_darlington_red_line() -> None:
    """Labour rules out the Conservatives: two coalitions remain."""
    council = coalitions.example("darlington-2023")
    red_line = Constraints(incompatible=[("Labour", "Conservative")])
    assert [
        c.names for c in coalitions.minimal_winning(council, constraints=red_line)
    ] == [("Labour", "Green"), ("Labour", "Liberal Democrat")]


def test_requiring_a_party_that_is_not_needed() -> None:
    """Coalitions with the Independent: it comes along, everyone else is needed."""
    council = coalitions.example("darlington-2023")
    with_independent = coalitions.minimal_winning(
        council, constraints=Constraints(requiring=["Independent"])
    )
    assert [c.names for c in with_independent] == [
        ("Labour", "Conservative", "Independent"),
        ("Labour", "Green", "Independent"),
        ("Labour", "Liberal Democrat", "Independent"),
    ]


def test_required_party_winning_alone() -> None:
    """A required party with a majority of its own governs alone."""
    council = Council.from_seats("C", {"A": 6, "B": 3, "C": 1})
    found = coalitions.minimal_winning(
        council, constraints=Constraints(requiring=["A"])
    )
    assert [c.names for c in found] == [("A",)]


def test_contradictions_give_nothing() -> None:
    """Requiring an excluded party, or two incompatible ones, leaves no coalition."""
    council = coalitions.example("darlington-2023")
    for constraints in (
        Constraints(requiring=["Labour"], excluding=["Labour"]),
        Constraints(requiring=["Labour", "Green"], incompatible=[("Labour", "Green")]),
    ):
        assert coalitions.minimal_winning(council, constraints=constraints) == []
        assert coalitions.count_winning(council, constraints=constraints) == 0


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"excluding": "Labour"}, InvalidTypeError),
        ({"incompatible": [("Labour",)]}, InvalidValueError),
        ({"blocs": [("Labour",)]}, InvalidValueError),
        ({"requiring": [""]}, InvalidValueError),
    ],
)
def test_malformed_constraints(
    kwargs: dict[str, object], error: type[Exception]
) -> None:
    """Malformed constraints are refused when made, naming the field."""
    with pytest.raises(error) as caught:
        Constraints(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field in kwargs  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "constraints",
    [
        Constraints(excluding=["Reform"]),
        Constraints(incompatible=[("Labour", "Reform")]),
        Constraints(requiring=["Reform"]),
        Constraints(blocs=[("Labour", "Reform")]),
    ],
)
def test_unknown_parties_in_constraints(constraints: Constraints) -> None:
    """Constraints naming parties the council does not have raise UnknownPartyError."""
    with pytest.raises(UnknownPartyError):
        coalitions.minimal_winning(
            coalitions.example("darlington-2023"), constraints=constraints
        )


def test_overlapping_blocs() -> None:
    """A party can belong to one bloc only."""
    with pytest.raises(InvalidValueError) as caught:
        coalitions.minimal_winning(
            coalitions.example("darlington-2023"),
            constraints=Constraints(
                blocs=[("Labour", "Green"), ("Green", "Independent")]
            ),
        )
    assert caught.value.field == "blocs"


@given(councils(max_parties=12))
def test_no_constraints_compile_as_empty_constraints_do(council: Council) -> None:
    """The plain council's quick compilation agrees with the general one."""
    assert compile_game(council, None) == compile_game(council, Constraints())


@given(councils(max_parties=12))
def test_a_game_keeps_what_it_computes_and_compares_by_its_fields(
    council: Council,
) -> None:
    """Kept values match the fields; games differing in members are unequal.

    A game's hash leaves out whom each player stands for, so equality must
    still tell two such games apart.
    """
    game = compile_game(council)
    assert game.total == sum(game.weights)
    assert game.active == sum(1 for weight in game.weights if weight > 0)
    assert sorted(game.parties) == list(range(len(council.parties)))
    assert game.total == sum(game.weights)  # read again: the kept value
    moved = attrs.evolve(game, members=game.members[::-1])
    assume(moved.members != game.members)
    assert moved != game
    assert len({game, moved}) == 2
