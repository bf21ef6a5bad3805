"""Power indices and key players against brute force, axioms and published cases."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from html import escape

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions
from coalitions import Council, Party, Supermajority, _power
from coalitions._cli import main
from coalitions._engine import bigint, packed, power_kernels
from coalitions._engine import enumerate as enumerate_module
from coalitions._engine.enumerate import losing_count, minimal_winning_count
from coalitions._engine.game import Game, game_of
from coalitions.exceptions import (
    ComputationTooLargeError,
    InvalidTypeError,
    InvalidValueError,
    NoWinningCoalitionError,
)

from .data import electoral_college, load
from .oracles import (
    brute_deegan_packel,
    brute_johnston,
    brute_minimal_winning,
    brute_public_good_counts,
    brute_shapley_shubik,
    brute_swings,
    brute_winning,
    normalise,
    shapley_shubik_by_orderings,
    wins,
)
from .strategies import councils, renamed_rule

INDEX_NAMES = sorted(coalitions.POWER_INDICES)
METHODS = ["dynamic", "meet", "enumeration"]


def winnable(council: Council) -> bool:
    """Some coalition wins: the grand coalition does (by the oracle's rule)."""
    return wins(council, frozenset(council.names))


def assert_undefined(council: Council) -> None:
    """Where nobody can win, every index refuses rather than answering."""
    for index in coalitions.POWER_INDICES.values():
        with pytest.raises(NoWinningCoalitionError):
            index(council)


def brute_index(council: Council, name: str) -> dict[str, Fraction]:
    """Each registered index, from its definition."""
    swings = brute_swings(council)
    if name == "banzhaf":
        return normalise({k: Fraction(v) for k, v in swings.items()})
    if name == "penrose_banzhaf":
        scale = 2 ** (len(council.names) - 1)
        return {k: Fraction(v, scale) for k, v in swings.items()}
    if name == "shapley_shubik":
        return brute_shapley_shubik(council)
    if name == "deegan_packel":
        return brute_deegan_packel(council)
    if name == "public_good":
        counts = brute_public_good_counts(council)
        return normalise({k: Fraction(v) for k, v in counts.items()})
    assert name == "johnston"
    return brute_johnston(council)


def test_registry_lists_every_index() -> None:
    """The registry holds the six indices, each callable on a council."""
    assert set(coalitions.POWER_INDICES) == {
        "banzhaf",
        "penrose_banzhaf",
        "shapley_shubik",
        "deegan_packel",
        "public_good",
        "johnston",
    }
    for name, index in coalitions.POWER_INDICES.items():
        assert index.name == name
        assert index.title
        assert index.reference


@pytest.mark.parametrize("name", INDEX_NAMES)
@given(council=councils(max_parties=10, max_seats=25))
def test_index_equals_brute_force(name: str, council: Council) -> None:
    """Every index equals its definition computed over all coalitions, exactly."""
    if not winnable(council):
        assert_undefined(council)
        return
    expected = brute_index(council, name)
    actual = coalitions.POWER_INDICES[name](council)
    assert list(actual) == list(council.names)  # council order
    assert actual == expected
    assert all(isinstance(value, Fraction) for value in actual.values())


@pytest.mark.parametrize("method", METHODS)
@given(council=councils(max_parties=9, max_seats=20))
def test_methods_agree_with_brute_force(method: str, council: Council) -> None:
    """Every method gives the brute-force swings, counts and indices."""
    if not winnable(council):
        assert_undefined(council)
        return
    if method == "dynamic" and council.member_quota != (0, None):
        with pytest.raises(InvalidValueError, match="method"):
            coalitions.swings(council, method=method)  # tables count weight only
        return
    assert coalitions.swings(council, method=method) == brute_swings(council)
    assert coalitions.public_good_counts(council, method=method) == (
        brute_public_good_counts(council)
    )
    assert coalitions.shapley_shubik(council, method=method) == (
        brute_shapley_shubik(council)
    )
    assert coalitions.deegan_packel(council, method=method) == (
        brute_deegan_packel(council)
    )
    if method != "meet":  # Johnston has no meet-in-the-middle form
        assert coalitions.johnston(council, method=method) == brute_johnston(council)


@given(councils(max_parties=6, max_seats=12))
def test_shapley_shubik_counts_orderings(council: Council) -> None:
    """Shapley-Shubik is the share of orderings in which a party is pivotal."""
    if not winnable(council):
        assert_undefined(council)
        return
    assert coalitions.shapley_shubik(council) == shapley_shubik_by_orderings(council)


@pytest.mark.parametrize("name", INDEX_NAMES)
@given(council=councils(max_parties=12, max_seats=40))
def test_axioms(name: str, council: Council) -> None:
    """Normalised indices sum to 1; null players get 0; equal seats, equal values
    (but for the chair's party, whose casting vote sets it apart)."""
    if not winnable(council):
        assert_undefined(council)
        return
    values = coalitions.POWER_INDICES[name](council)
    if name != "penrose_banzhaf":
        assert sum(values.values()) == 1
    null = set(coalitions.dummies(council))
    for party in council.parties:
        # A seatless party still adds a member where the rule counts them.
        seatless_null = council.member_quota == (0, None) and party.seats == 0
        if party.name in null or seatless_null:
            assert values[party.name] == 0
        for other in council.parties:
            if other.seats == party.seats and not (
                council.is_chair(other) or council.is_chair(party)
            ):
                assert values[other.name] == values[party.name]


@pytest.mark.parametrize("name", INDEX_NAMES)
@given(council=councils(max_parties=10), data=st.data())
def test_dictator_gets_everything(
    name: str, council: Council, data: st.DataObject
) -> None:
    """A party with a majority on its own has index 1 (absolute: 1), others 0."""
    boss = Party("Boss", council.total_seats + 1)
    with_boss = Council(
        "Dictatorship", [*council.parties, boss], 2 * council.total_seats + 1
    )
    assert coalitions.dictator(with_boss) == "Boss"
    values = coalitions.POWER_INDICES[name](with_boss)
    assert values["Boss"] == 1
    assert all(v == 0 for k, v in values.items() if k != "Boss")


@pytest.mark.parametrize("name", INDEX_NAMES)
@given(council=councils(max_parties=10), rnd=st.randoms(use_true_random=False))
def test_relabelling_permutes_results(
    name: str, council: Council, rnd: random.Random
) -> None:
    """Shuffling and renaming parties permutes the values and changes nothing else."""
    if not winnable(council):
        assert_undefined(council)
        return
    order = list(council.parties)
    rnd.shuffle(order)
    renamed = {p.name: f"X{i}" for i, p in enumerate(order)}
    other = Council(
        "Relabelled",
        [Party(renamed[p.name], p.seats) for p in order],
        council.total_seats,
        quota=renamed_rule(council, renamed),
        allow_improper=council.allow_improper,
    )
    values = coalitions.POWER_INDICES[name](council)
    relabelled = coalitions.POWER_INDICES[name](other)
    assert list(relabelled) == [renamed[p.name] for p in order]
    assert {name: relabelled[renamed[name]] for name in values} == values


@given(councils(max_parties=10))
def test_veto_players(council: Council) -> None:
    """A veto player belongs to every winning coalition, and only they do."""
    winning = brute_winning(council)
    expected = tuple(
        name
        for name in council.names
        if winning and all(name in members for members in winning)
    )
    assert coalitions.veto_players(council) == expected


@given(councils(max_parties=10))
def test_dummies_are_in_no_minimal_winning_coalition(council: Council) -> None:
    """Dummies are exactly the parties in no minimal winning coalition."""
    minimal = brute_minimal_winning(council)
    expected = tuple(
        name for name in council.names if not any(name in m for m in minimal)
    )
    assert coalitions.dummies(council) == expected


@given(councils(max_parties=10), st.data())
def test_pivotal_members(council: Council, data: st.DataObject) -> None:
    """Pivotal members are those whose departure makes a winning coalition lose."""
    members = frozenset(
        data.draw(st.sets(st.sampled_from(council.names))) if council.names else set()
    )
    pivotal = coalitions.pivotal_members(council, members)
    expected = {
        m
        for m in members
        if wins(council, members) and not wins(council, members - {m})
    }
    assert set(pivotal) == expected
    assert len(pivotal) == len(set(pivotal))


def test_published_cases() -> None:
    """EEC 1958 and Nassau County 1958: published and hand-derived values."""
    for case in load("power_cases")["cases"]:
        council = Council.from_dict(case["council"])
        for name in coalitions.POWER_INDICES:
            if name in case:
                expected = {k: Fraction(v) for k, v in case[name].items()}
                assert coalitions.POWER_INDICES[name](council) == expected, name
        if "swings" in case:
            assert coalitions.swings(council) == case["swings"]
        assert list(coalitions.dummies(council)) == case["dummies"]
        assert list(coalitions.veto_players(council)) == case["veto_players"]


def test_darlington_labour_holds_the_veto() -> None:
    """Darlington on election day: Labour is in every majority."""
    council = coalitions.example("darlington-2023")
    assert coalitions.veto_players(council) == ("Labour",)
    assert coalitions.dummies(council) == ("Independent",)
    assert coalitions.dictator(council) is None
    banzhaf = coalitions.banzhaf(council)
    assert banzhaf["Conservative"] == banzhaf["Liberal Democrat"]


def test_undeclared_seats_only_raise_the_bar() -> None:
    """Undeclared seats belong to nobody: they change the quota, not the players."""
    declared = Council.from_seats("C", {"A": 4, "B": 3, "C": 2})  # quota 5
    pending = Council.from_seats("C", {"A": 4, "B": 3, "C": 2}, total_seats=11)  # 6
    assert coalitions.swings(declared) == {"A": 2, "B": 2, "C": 2}
    assert coalitions.swings(pending) == brute_swings(pending)
    assert coalitions.swings(pending) == {"A": 3, "B": 1, "C": 1}


def test_no_winning_coalition_is_an_error() -> None:
    """Indices are undefined when nobody can reach the quota."""
    council = Council.from_seats("C", {"A": 10, "B": 5}, total_seats=40)
    for index in coalitions.POWER_INDICES.values():
        with pytest.raises(NoWinningCoalitionError) as caught:
            index(council)
        assert caught.value.quota == 21
    assert coalitions.veto_players(council) == ()
    assert coalitions.dummies(council) == ("A", "B")


def test_bad_method_and_council() -> None:
    """An unknown method or a non-council is refused, naming the field."""
    council = coalitions.example("eec-1958")
    with pytest.raises(InvalidValueError) as caught:
        coalitions.banzhaf(council, method="guess")  # type: ignore[arg-type]
    assert caught.value.field == "method"
    with pytest.raises(InvalidTypeError) as type_error:
        coalitions.shapley_shubik({"A": 1})  # type: ignore[arg-type]
    assert type_error.value.field == "council"


def test_population_weights_with_few_parties_are_not_tabled() -> None:
    """Huge weights and few parties: the swings are not tabled by seat totals,
    and the methods that can run give the definition's answers."""
    seats = {f"State {i}": 9_000_011 * (i + 2) + 3 * i for i in range(8)}
    council = Council.from_seats("Populations", seats)
    game = game_of(council)
    assert _power._choose(council, game, "auto", "swings", "").method != "dynamic"
    assert coalitions.swings(council) == brute_swings(council)
    for method in ("meet", "enumeration"):
        assert coalitions.shapley_shubik(
            council, method=method
        ) == brute_shapley_shubik(council)


@given(
    seats=st.lists(st.integers(0, 10**9), min_size=1, max_size=8),
    share=st.sampled_from([Fraction(1, 2), Fraction(2, 3), Fraction(13, 20)]),
)
def test_meeting_in_the_middle_equals_the_definition(
    seats: list[int], share: Fraction
) -> None:
    """Weights up to 10^9: meeting in the middle and listing agree with brute force."""
    assume(sum(seats) > 0)
    council = Council.from_seats(
        "Populations",
        {f"P{i}": s for i, s in enumerate(seats)},
        quota=Supermajority(share),
        allow_improper=True,  # half of all seats may win: weights of any kind
    )
    if not winnable(council):
        assert_undefined(council)
        return
    for method in ("meet", "enumeration"):
        assert coalitions.swings(council, method=method) == brute_swings(council)
        assert coalitions.shapley_shubik(council, method=method) == (
            brute_shapley_shubik(council)
        )
        assert coalitions.public_good_counts(council, method=method) == (
            brute_public_good_counts(council)
        )
        assert coalitions.deegan_packel(council, method=method) == (
            brute_deegan_packel(council)
        )
    assert coalitions.count_winning(council) == len(brute_winning(council))
    assert coalitions.count_minimal_winning(council) == len(
        brute_minimal_winning(council)
    )


def test_johnston_cannot_meet_in_the_middle() -> None:
    council = coalitions.example("eec-1958")
    with pytest.raises(InvalidValueError, match="dynamic, enumeration"):
        coalitions.johnston(council, method="meet")  # type: ignore[arg-type]


def test_population_weights_with_many_parties_are_refused() -> None:
    """Huge weights and many parties: a clear error, not a hang or a float."""
    seats = {f"State {i}": 9_000_011 * (i + 2) + 3 * i for i in range(40)}
    council = Council.from_seats("Populations", seats)
    with pytest.raises(ComputationTooLargeError) as caught:
        coalitions.shapley_shubik(council)
    assert "40 parties" in str(caught.value)


def _swings_by_subset_sums(council: Council) -> dict[str, int]:
    """Swings from the definition: subsets of the others weighing [q - w, q)."""
    quota = council.quota
    result = {}
    for party in council.parties:
        sums = {0: 1}
        for other in council.parties:
            if other.name == party.name:
                continue
            grown = dict(sums)
            for total, ways in sums.items():
                if total + other.seats < quota:
                    grown[total + other.seats] = (
                        grown.get(total + other.seats, 0) + ways
                    )
            sums = grown
        result[party.name] = sum(
            ways for total, ways in sums.items() if total >= quota - party.seats
        )
    return result


def test_electoral_college_swings_equal_the_definition() -> None:
    """Every state's swings, against subset sums written from the definition."""
    council = electoral_college()
    assert coalitions.swings(council) == _swings_by_subset_sums(council)


def test_electoral_college_power_is_consistent() -> None:
    """The Electoral College: indices sum to 1 and equal states are equal."""
    council = electoral_college()
    for name, index in coalitions.POWER_INDICES.items():
        values = index(council)
        if name != "penrose_banzhaf":
            assert sum(values.values()) == 1
        assert values["VT"] == values["WY"] > 0
        assert values["CA"] > values["TX"] > values["WY"]


def assert_critical_members_scored_one_are_counts(game: Game) -> None:
    """Scoring every critical member 1 gives the swings and the memberships.

    Both are counted by other kernels, independently of the critical one.
    """
    assert power_kernels.critical_tallies(
        game, lambda k: 1, minimal_only=False
    ) == power_kernels.swings(game)
    assert power_kernels.critical_tallies(
        game, lambda k: 1, minimal_only=True
    ) == power_kernels.minimal_counts(game)


def test_critical_tallies_score_one_are_swings_and_memberships() -> None:
    """Scoring every critical member 1 gives two independent kernels' counts."""
    rng = random.Random(7)
    for _ in range(200):
        seats = {f"P{i}": rng.randint(0, 30) for i in range(rng.randint(1, 12))}
        council = Council.from_seats("Random", seats)
        game = game_of(council)
        if not game.can_win:
            continue
        assert_critical_members_scored_one_are_counts(game)


@pytest.mark.parametrize("integers", bigint.available())
@given(council=councils(max_parties=9, max_seats=20))
def test_tables_count_alike_in_every_integer_type(
    integers: bigint.Backend, council: Council
) -> None:
    """Python's and GMP's integers give the definition's counts, as Python ints.

    Critical members are read both by dividing rows and by gathering digits.
    """
    game = game_of(council)
    if not game.can_win or game.graded or not game.simple:
        return
    names = [council.parties[position].name for position in game.parties]
    scale = math.lcm(*range(1, game.size + 1))
    in_use = bigint.backend()
    bigint.use(integers)
    try:
        swings = power_kernels.swings(game)
        shapley = power_kernels.shapley_shubik(game)
        memberships, gathered = (
            power_kernels.critical_tallies(
                game, lambda k: 1, minimal_only=True, gathered=gathered
            )
            for gathered in (False, True)
        )
        tabled = power_kernels.minimal_counts(game)
        johnston, johnston_gathered = (
            power_kernels.critical_tallies(
                game, lambda k: scale // k, minimal_only=False, gathered=gathered
            )
            for gathered in (False, True)
        )
        minimal, losing = minimal_winning_count(game), losing_count(game)
    finally:
        bigint.use(in_use)
    assert dict(zip(names, swings, strict=True)) == brute_swings(council)
    assert dict(zip(names, shapley, strict=True)) == brute_shapley_shubik(council)
    assert dict(zip(names, memberships, strict=True)) == (
        brute_public_good_counts(council)
    )
    assert tabled == memberships == gathered
    assert johnston == johnston_gathered
    assert normalise(
        {name: Fraction(value) for name, value in zip(names, johnston, strict=True)}
    ) == brute_johnston(council)
    assert minimal == len(brute_minimal_winning(council))
    assert losing == 2 ** len(council.parties) - len(brute_winning(council))
    counts = (*swings, *memberships, *gathered, *tabled, *johnston)
    for value in (*counts, *johnston_gathered, minimal, losing):
        assert type(value) is int
    assert all(type(value.numerator) is int for value in shapley)


@pytest.mark.parametrize("integers", bigint.available())
def test_memberships_fit_digits_sized_for_their_players(
    integers: bigint.Backend,
) -> None:
    """Around the players at which digits widen (27 to 32 bits, then 64), the
    memberships tabled in narrow digits are those the critical tables count.
    """
    rng = random.Random(27)
    in_use = bigint.backend()
    bigint.use(integers)
    try:
        for players in (*range(22, 30), 56, 57, 58, 59):
            for most in (1, 3, 9):
                seats = {f"P{i}": rng.randint(1, most) for i in range(players)}
                game = game_of(Council.from_seats("Random", seats))
                assert power_kernels.minimal_counts(game) == (
                    power_kernels.critical_tallies(game, lambda k: 1, minimal_only=True)
                )
    finally:
        bigint.use(in_use)


def seeded_councils(seed: int, *, most_seats: int, most_parties: int) -> list[Council]:
    """Sixty councils of random seats (zero allowed), the same for a seed."""
    rng = random.Random(seed)
    return [
        Council.from_seats(
            "Random",
            {
                f"P{i}": rng.randint(0, most_seats)
                for i in range(rng.randint(1, most_parties))
            },
        )
        for _ in range(60)
    ]


def test_losing_coalitions_counted_from_two_halves_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Large games count losing coalitions from two half tables, to the same count."""
    monkeypatch.setattr(enumerate_module, "SPLIT_PLAYERS", 0)
    for council in seeded_councils(5, most_seats=30, most_parties=11):
        expected = 2 ** len(council.parties) - len(brute_winning(council))
        assert losing_count(game_of(council)) == expected


def test_swings_read_from_bytes_when_the_table_is_long(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the list's limit the tables are read in place, with equal counts."""
    councils_ = seeded_councils(11, most_seats=40, most_parties=12)
    games = [game_of(council) for council in councils_]
    listed = [
        (power_kernels.swings(game), power_kernels.minimal_counts(game))
        for game in games
    ]
    monkeypatch.setattr(packed, "UNPACKED_ENTRIES_LIMIT", 0)
    for council, game, (swings, memberships) in zip(
        councils_, games, listed, strict=True
    ):
        names = [council.parties[position].name for position in game.parties]
        assert power_kernels.swings(game) == swings
        assert power_kernels.minimal_counts(game) == memberships
        assert dict(zip(names, swings, strict=True)) == _swings_by_subset_sums(council)
        if game.can_win:
            assert dict(zip(names, memberships, strict=True)) == (
                brute_public_good_counts(council)
            )


@pytest.mark.slow
@pytest.mark.parametrize(("count", "largest"), [(100, 199), (400, 20)])
def test_hundreds_of_parties_get_every_index(count: int, largest: int) -> None:
    """100 parties of 1-199 seats, 400 of 1-20: no index is refused.

    The critical members' kernel, scored 1, reproduces the swings and the
    minimal winning memberships that two other kernels count.
    """
    rng = random.Random(count)
    seats = {f"P{i}": rng.randint(1, largest) for i in range(count)}
    council = Council.from_seats("Many parties", seats)
    game = game_of(council)
    assert_critical_members_scored_one_are_counts(game)
    for name in ("deegan_packel", "johnston"):
        values = coalitions.POWER_INDICES[name](council)
        assert sum(values.values()) == 1
        heavier = max(seats, key=seats.__getitem__)
        lighter = min(seats, key=seats.__getitem__)
        assert values[heavier] >= values[lighter] > 0


def test_tables_by_size_too_large_for_memory_are_refused() -> None:
    """40 parties of half a million seats: no gigabyte tables, a clear refusal."""
    seats = {f"P{i}": 500_000 + i % 2 for i in range(40)}
    council = Council.from_seats("Large seats", seats)
    for index in (coalitions.deegan_packel, coalitions.johnston):
        with pytest.raises(ComputationTooLargeError, match="40 parties"):
            index(council)
    assert_asked_for_table_refused(council, "deegan_packel")
    assert_asked_for_table_refused(council, "johnston")


def assert_asked_for_table_refused(council: Council, tally: str) -> None:
    """``method="dynamic"`` is refused for its memory, before any table.

    Checked where every index chooses its way, so that a regression fails
    here instead of allocating gigabytes.
    """
    with pytest.raises(ComputationTooLargeError, match="MiB") as caught:
        _power._choose(council, game_of(council), "dynamic", tally, tally)
    assert "method='auto'" in str(caught.value)  # what to do instead


def test_word_tables_too_large_for_memory_are_refused() -> None:
    """Two parties of hundreds of millions: the public good index is met in
    the middle, and its word-wide table over the quota is refused if forced."""
    council = Council.from_seats("Populations", {"A": 700_000_001, "B": 300_000_000})
    assert coalitions.public_good(council) == {"A": 1, "B": 0}  # met in the middle
    assert_asked_for_table_refused(council, "minimal_counts")


def test_games_out_of_reach_are_refused_with_the_estimate() -> None:
    """300 parties of 300 sizes: Johnston's tables are out of reach, said at once."""
    seats = {f"P{i}": 2 * i + 1 for i in range(300)}
    council = Council.from_seats("Many sizes", seats)
    with pytest.raises(ComputationTooLargeError) as caught:
        coalitions.johnston(council)
    assert "300 parties" in str(caught.value)
    assert "steps" in str(caught.value)


@given(
    equal=st.integers(1, 9),
    seats=st.integers(1, 5),
    seatless=st.integers(0, 2),
    undeclared=st.integers(0, 6),
    share=st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(2, 3)]),
)
def test_equal_parties_swing_as_by_definition(
    equal: int, seats: int, seatless: int, undeclared: int, share: Fraction
) -> None:
    """Councils of equal parties (and seatless ones) are counted without a table."""
    parties = {f"P{i}": seats for i in range(equal)} | {
        f"Z{i}": 0 for i in range(seatless)
    }
    total = equal * seats + undeclared
    council = Council.from_seats(
        "Equal",
        parties,
        total_seats=total,
        quota=Supermajority(share),
        allow_improper=True,
    )
    assume(winnable(council))
    assert coalitions.swings(council) == brute_swings(council)
    assert coalitions.shapley_shubik(council) == brute_shapley_shubik(council)


def test_ten_thousand_independents_share_power_equally() -> None:
    """A council of 10,000 one-seat parties gets an answer, each 1/10,000."""
    council = Council.from_seats("Many", {f"P{i}": 1 for i in range(10_000)})
    assert set(coalitions.banzhaf(council).values()) == {Fraction(1, 10_000)}
    assert set(coalitions.shapley_shubik(council).values()) == {Fraction(1, 10_000)}


def test_power_says_what_it_counts_while_seats_are_undeclared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Table, JSON and page carry the same note; a full council has none."""
    night = coalitions.example("darlington-2023")
    note = coalitions.power_note(night)
    assert note is not None
    assert "48 declared" in note
    assert "2 seats undeclared" in note
    assert main(["power", "darlington-2023"]) == 0
    assert note in capsys.readouterr().out
    assert coalitions.panel(night)["power_note"] == note
    assert escape(note) in coalitions.html(night)
    full = coalitions.example("eec-1958")
    assert coalitions.power_note(full) is None
    assert coalitions.panel(full)["power_note"] is None


def test_two_huge_parties_are_not_tabled() -> None:
    """Four subsets settle two parties of ~10^9 seats: no index is tabled."""
    council = Council.from_seats(
        "Two", {"A": 790_916_440, "B": 463_873_690}, quota=956_802_195
    )
    game = game_of(council)
    for tally in _power._KERNELS:
        kernel = _power._choose(council, game, "auto", tally, "an index")
        assert kernel.method != "dynamic"
    for name, index in coalitions.POWER_INDICES.items():
        assert index(council) == brute_index(council, name)


@given(
    weights=st.lists(st.integers(0, 12), min_size=1, max_size=8)
    .filter(any)
    .map(lambda drawn: tuple(sorted(drawn, reverse=True))),
    data=st.data(),
)
def test_swings_below_and_above_half_the_total(
    weights: tuple[int, ...], data: st.DataObject
) -> None:
    """Every quota from 1 to the total: the tables of the others' sets below
    the quota, or (past half the total) of their complements, count the
    swings and the Shapley-Shubik index."""
    quota = data.draw(st.integers(1, sum(weights)))  # winnable, as kernels ask
    n = len(weights)
    game = Game(weights, quota, tuple((player,) for player in range(n)))
    swings, shapley = [0] * n, [Fraction(0)] * n
    for mask in range(1 << n):
        total = sum(w for j, w in enumerate(weights) if mask >> j & 1)
        others = mask.bit_count() - 1
        for j, weight in enumerate(weights):
            if mask >> j & 1 and total >= quota > total - weight:
                swings[j] += 1
                orders = math.factorial(others) * math.factorial(n - others - 1)
                shapley[j] += Fraction(orders, math.factorial(n))
    assert power_kernels.swings(game) == swings
    assert power_kernels.shapley_shubik(game) == shapley


@pytest.mark.parametrize("integers", bigint.available())
@given(
    seats=st.lists(st.integers(1, 6), min_size=57, max_size=75),
    share=st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(3, 4)]),
)
def test_memberships_of_games_past_one_word_digits(
    integers: bigint.Backend, seats: list[int], share: Fraction
) -> None:
    """Past 56 players the counts' digits take two words: the memberships
    still agree with the critical members scored one, counted by size."""
    weights = tuple(sorted(seats, reverse=True))
    quota = max(1, math.floor(sum(weights) * share))
    assume(sum(weights) >= quota)
    game = Game(weights, quota, tuple((player,) for player in range(len(weights))))
    with_backend = bigint.backend()
    bigint.use(integers)
    try:
        counts = power_kernels.minimal_counts(game)
        critical = power_kernels.critical_tallies(game, lambda k: 1, minimal_only=True)
    finally:
        bigint.use(with_backend)
    assert counts == critical
    assert all(type(count) is int for count in counts)


def test_deegan_packel_unwinds_its_tables_past_the_kept_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many distinct weights past the kept tables' limit go by lightest member,
    the tables unwound from the last, to the same shares."""
    council = Council.from_seats("Distinct", {f"P{i}": 3 * i + 1 for i in range(40)})
    game = game_of(council)
    kept = coalitions.deegan_packel(council, method="dynamic")
    assert power_kernels.critical_plan(game, minimal_only=True)[1] == "lightest"
    monkeypatch.setattr(power_kernels, "LIGHTEST_BITS_LIMIT", 0)
    assert power_kernels.critical_plan(game, minimal_only=True)[1] == "unwound"
    assert coalitions.deegan_packel(council, method="dynamic") == kept


@pytest.mark.parametrize("integers", bigint.available())
def test_deegan_packel_sums_by_lightest_member_and_by_surplus_alike(
    integers: bigint.Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short rows count minimal winning coalitions by their lightest member,
    with the tables kept or unwound; past its memory limit, by surplus
    class. All give the definition's sums (1/|S| over the minimal winning
    coalitions S of a party)."""
    councils_ = seeded_councils(17, most_seats=25, most_parties=10)
    monkeypatch.setattr(bigint, "_STATE", {"backend": integers})
    for council in councils_:
        game = game_of(council)
        if not game.can_win:
            continue
        scale = math.lcm(*range(1, game.size + 1))

        def sums(game: Game = game, scale: int = scale) -> list[int]:
            return power_kernels.critical_tallies(
                game, lambda k: scale // k, minimal_only=True, gathered=False
            )

        plan = power_kernels.critical_plan(game, minimal_only=True, gathered=False)
        assert plan == (game.quota, "lightest")
        by_lightest = sums()
        with monkeypatch.context() as patch:
            patch.setattr(power_kernels, "LIGHTEST_BITS_LIMIT", 0)
            by_surplus = sums()
        assert by_lightest == by_surplus
        scores = [0] + [scale // size for size in range(1, game.size + 1)]
        unwound = power_kernels._minimal_by_lightest(game, scores, kept=False)
        assert unwound == by_lightest
        names = [council.parties[position].name for position in game.parties]
        minimal = len(brute_minimal_winning(council))
        expected = brute_deegan_packel(council)
        for name, total in zip(names, by_lightest, strict=True):
            assert Fraction(total, scale * minimal) == expected[name]
