"""Polls to chances: against closed forms, against allocate, and bad input."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coalitions import allocate, simulate
from coalitions.exceptions import InvalidTypeError, InvalidValueError, TiedSeatError


def beta_tail(a: int, b: int, x: Fraction) -> Fraction:
    """P(X > x) for X ~ Beta(a, b) with whole a, b: a binomial sum, exactly."""
    n = a + b - 1
    below = sum(
        math.comb(n, j) * x**j * (1 - x) ** (n - j) for j in range(a, n + 1)
    )  # the regularised incomplete beta I_x(a, b)
    return 1 - below


def test_two_parties_match_the_closed_form() -> None:
    """A 60-40 poll of 10, prior 1: A's share is Beta(7, 5).

    Of D'Hondt's 3 seats A wins two exactly when its second quotient beats
    B's second (``A/2 > B/2``), so when its share passes 1/2.
    """
    draws = 20_000
    poll = simulate(
        {"A": 60, "B": 40},
        sample_size=10,
        seats=3,
        method="dhondt",
        prior=1,
        simulations=draws,
        seed=7,
    )
    exact = beta_tail(7, 5, Fraction(1, 2))
    error = math.sqrt(float(exact * (1 - exact)) / draws)
    assert abs(float(poll.probability(["A"]) - exact)) < 4 * error
    assert abs(poll.chance("A").standard_error - error) < error / 10


@given(
    st.lists(
        st.lists(st.integers(0, 500), min_size=3, max_size=3).filter(any),
        min_size=1,
        max_size=6,
    ),
    st.integers(1, 30),
    st.sampled_from(["dhondt", "sainte-lague", "hare", "adams"]),
)
def test_given_draws_are_allocated_like_allocate(
    rows: list[list[int]], seats: int, method: str
) -> None:
    """Each of the caller's draws gives the seats allocate gives it."""
    expected: list[tuple[int, ...]] = []
    for row in rows:
        try:
            result = allocate(
                dict(zip("ABC", row, strict=True)), seats=seats, method=method
            )
        except (TiedSeatError, InvalidValueError):
            assume(False)
        expected.append(tuple(result.seats.values()))
    poll = simulate(
        draws=[dict(zip("ABC", row, strict=True)) for row in rows],
        seats=seats,
        method=method,
        simulations=len(rows),
    )
    assert poll.draws == len(rows)
    tally: dict[tuple[int, ...], int] = {}
    for vector in expected:
        tally[vector] = tally.get(vector, 0) + 1
    assert dict(poll.outcomes) == tally


def test_exclude_superior_counts_only_needed_coalitions() -> None:
    """Where A wins alone, A + B is not counted when superiors are excluded."""
    draws = [{"A": 60, "B": 30, "C": 10}, {"A": 40, "B": 35, "C": 25}]
    poll = simulate(draws=draws, seats=10, method="dhondt", simulations=2)
    assert poll.probability(["A", "B"]) == 1
    assert poll.probability(["A", "B"], exclude_superior=True) == Fraction(1, 2)
    assert poll.probability(["A"]) == Fraction(1, 2)
    assert poll.majority_alone() == {"A": Fraction(1, 2), "B": 0, "C": 0}
    table = poll.table()  # by chance, then fewer parties, then poll order
    assert [row.parties for row in table] == [
        ("A", "B"),
        ("A", "C"),
        ("A",),
        ("B", "C"),
    ]
    assert [row.probability for row in table] == [1, 1, Fraction(1, 2), Fraction(1, 2)]


def test_the_threshold_and_others_apply_in_every_draw() -> None:
    poll = simulate(
        {"A": 50, "B": 46, "Small": 2, "Others": 2},
        sample_size=2000,
        seats=50,
        method="sainte-lague",
        threshold="5%",
        others=["Others"],
        simulations=300,
        seed=3,
    )
    ranges = {r.party: r for r in poll.seat_ranges()}
    assert ranges["Small"].high == 0
    assert ranges["Others"].high == 0
    assert ranges["A"].low <= ranges["A"].mean <= ranges["A"].high


def test_seeded_runs_repeat_and_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    options = {"sample_size": 500, "seats": 20, "method": "dhondt", "simulations": 2500}
    first = simulate(
        {"A": 50, "B": 50},
        seed=11,
        progress=lambda d, t: calls.append((d, t)),
        **options,
    )  # type: ignore[arg-type]
    again = simulate({"A": 50, "B": 50}, seed=11, **options)  # type: ignore[arg-type]
    assert first == again
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_several_polls_are_pooled_by_respondents() -> None:
    """Two polls of 500 pool to one poll of 1,000 with the mean shares."""
    options = {"seats": 20, "method": "dhondt", "simulations": 200, "seed": 5}
    pooled = simulate(
        [{"A": 40, "B": 60}, {"A": 60, "B": 40}], sample_size=[500, 500], **options
    )  # type: ignore[arg-type]
    single = simulate({"A": 50, "B": 50}, sample_size=1000, **options)  # type: ignore[arg-type]
    assert pooled == single


@pytest.mark.parametrize(
    ("arguments", "field", "words"),
    [
        ({"shares": {"A": 60, "B": 39}}, "shares", "-1"),
        ({"shares": {"A": 60, "B": 40.4}}, None, None),
        ({"sample_size": 0}, "sample_size", None),
        ({"threshold": "1.5"}, "threshold", None),
        ({"exempt": ["Z"]}, "exempt", None),
        ({"shares": {"A": -5, "B": 105}}, "shares['A']", None),
        ({"simulations": 0}, "simulations", None),
    ],
)
def test_bad_input_names_the_field(
    arguments: dict[str, object], field: str | None, words: str | None
) -> None:
    options: dict[str, object] = {
        "shares": {"A": 60, "B": 40},
        "sample_size": 100,
        "seats": 10,
        "method": "dhondt",
        "simulations": 10,
        "seed": 1,
    }
    options.update(arguments)
    if field is None:
        simulate(**options)  # type: ignore[arg-type]  # within tolerance: accepted
        return
    with pytest.raises((InvalidValueError, InvalidTypeError)) as caught:
        simulate(**options)  # type: ignore[arg-type]
    assert caught.value.field == field
    if words is not None:
        assert words in str(caught.value)


def test_the_r_package_allensbach_example() -> None:
    """The R package's README example agrees within Monte Carlo error.

    Source: the README of the R package ``coalitions`` (Bender & Bauer,
    github.com/adibender/coalitions, 2017): Allensbach, 18 July 2017, 1,403
    respondents; ``get_probabilities(nsim = 1e4)`` printed CDU/CSU + FDP
    53.49% and CDU/CSU + FDP + Greens 46.51% (counted only without a
    CDU/CSU + FDP majority); 598 seats, Sainte-Laguë, 5% threshold.
    """
    draws = 10_000
    poll = simulate(
        {
            "cdu": 39.5,
            "spd": 25.0,
            "gruene": 7.0,
            "fdp": 9.0,
            "linke": 9.0,
            "afd": 7.0,
            "sonstige": 3.5,
        },
        sample_size=1403,
        seats=598,
        method="sainte-lague",
        threshold="5%",
        others=["sonstige"],
        simulations=draws,
        seed=1,
    )
    published = {("cdu", "fdp"): 0.5349, ("cdu", "fdp", "gruene"): 0.4651}
    for parties, theirs in published.items():
        ours = float(poll.probability(parties, exclude_superior=True))
        # Two independent estimates of 10,000 draws each.
        error = math.sqrt(2 * theirs * (1 - theirs) / draws)
        assert abs(ours - theirs) < 3 * error
    assert poll.probability(["cdu"]) == 0
    assert poll.probability(["linke", "spd"]) == 0
