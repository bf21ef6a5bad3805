"""Quota rules and what-if operations on councils."""

from __future__ import annotations

import copy
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions
from coalitions import (
    CastingVote,
    Constraints,
    Council,
    DoubleMajority,
    Majority,
    Supermajority,
)
from coalitions.exceptions import (
    InvalidQuotaError,
    InvalidSeatsError,
    InvalidTypeError,
    InvalidValueError,
    UnknownPartyError,
)

from .oracles import (
    brute_minimal_winning,
    brute_winning,
    listing_key,
    quota,
    shown_order,
)
from .strategies import councils


def test_casting_vote_breaks_ties_for_the_chair() -> None:
    """25 of 50 governs with the chair's party, and not without it."""
    council = Council.from_seats(
        "C",
        {"Lab": 23, "Con": 14, "Grn": 8, "LD": 3, "Ind": 2},
        quota=CastingVote("Lab"),
    )
    assert council.is_winning(["Lab", "Ind"])  # 25, with the chair
    assert not council.is_winning(["Con", "Grn", "LD"])  # 25, without it
    assert council.is_winning(["Con", "Grn", "LD", "Ind"])  # 27
    assert council.coalition(["Lab", "Ind"]).quota == 25
    assert council.coalition(["Con", "Grn"]).quota == 26
    assert coalitions.dictator(council) is None
    assert council.with_seats({"Lab": 25, "Ind": 0}).is_winning("Lab")


@given(councils(max_parties=8), st.data())
def test_casting_vote_game_equals_definition(
    council: Council, data: st.DataObject
) -> None:
    """With a casting vote, minimal winning coalitions follow the definition."""
    seated = [p.name for p in council.parties if p.seats]
    if not seated:
        return
    chaired = council.with_rule(CastingVote(data.draw(st.sampled_from(seated))))
    expected = sorted(
        brute_minimal_winning(chaired), key=lambda m: listing_key(chaired, m)
    )
    found = coalitions.minimal_winning(chaired)
    assert [c.names for c in found] == [shown_order(chaired, m) for m in expected]
    assert found == [chaired.coalition(m) for m in expected]
    every = sorted(brute_winning(chaired), key=lambda m: listing_key(chaired, m))
    assert [c.names for c in coalitions.winning(chaired)] == [
        shown_order(chaired, m) for m in every
    ]


@given(st.integers(1, 300), st.sampled_from(["2/3", "3/5", "3/4"]), st.booleans())
def test_supermajority_rule_matches_its_quota(
    total: int, share: str, exceed: bool
) -> None:
    """A Supermajority rule's quota, and the helper's, follow the definition:
    the fewest whole seats at least (or more than) the share of all seats."""
    council = Council("C", [], total, quota=Supermajority(share, exceed=exceed))
    bar = Fraction(share) * total
    smallest = next(
        seats for seats in range(total + 1) if (seats > bar if exceed else seats >= bar)
    )
    assert council.quota == smallest
    assert coalitions.supermajority(total, share, exceed=exceed) == smallest
    assert quota(council) == smallest
    assert council.to_dict()["quota"] == {
        "rule": "supermajority",
        "fraction": str(Fraction(share)),
        "exceed": exceed,
        "filled_only": False,
    }


def test_majority_of_filled_seats() -> None:
    """Vacancies lower the bar only when the rule counts filled seats."""
    council = Council.from_seats("C", {"A": 24, "B": 23}, total_seats=50)
    assert council.majority == 26
    filled = council.with_rule(Majority(filled_only=True))
    assert filled.majority == 24
    assert filled.is_winning("A")
    assert "47 filled seats" in filled.rule_description


@pytest.mark.parametrize(
    ("quota", "error", "field"),
    [
        ({"rule": "dictatorship"}, InvalidValueError, "quota.rule"),
        (
            {"rule": "supermajority", "fraction": "7/5"},
            InvalidQuotaError,
            "quota.fraction",
        ),
        ({"rule": "casting_vote", "chair": "Nobody"}, UnknownPartyError, None),
        ({"rule": "casting_vote", "chair": "Zero"}, InvalidQuotaError, "quota.chair"),
        ({"rule": "majority", "colour": "red"}, InvalidValueError, "quota"),
        (Supermajority("1/2"), InvalidQuotaError, "quota"),
    ],
)
def test_bad_rules(quota: object, error: type[Exception], field: str | None) -> None:
    """Unknown, malformed and improper rules raise the documented errors."""
    data = {
        "name": "C",
        "parties": [{"name": "A", "seats": 30}, {"name": "Zero", "seats": 0}],
        "total_seats": 50,
    }

    def build() -> Council:
        if isinstance(quota, dict):
            return Council.from_dict({**data, "quota": quota})
        return Council.from_dict(data).with_rule(quota)  # type: ignore[arg-type]

    with pytest.raises(error) as caught:
        build()
    if field is not None:
        assert caught.value.field == field  # type: ignore[attr-defined]


@given(councils())
def test_rules_round_trip_through_dicts(council: Council) -> None:
    """Every rule survives to_dict and from_dict."""
    assert Council.from_dict(council.to_dict()).rule == council.rule


# --- What-ifs


def darlington_before() -> Council:
    """Darlington before the 2023 election (Yorkshire Post, 12 April 2023)."""
    return Council.from_seats(
        "Darlington Borough Council",
        {
            "Conservative": 22,
            "Labour": 16,
            "Independent": 4,
            "Darlington Independent": 2,
            "Liberal Democrat": 3,
            "Green": 2,
        },
        total_seats=50,
    )


def test_operations_never_mutate_their_arguments() -> None:
    """What-ifs leave the mappings and lists they are given as they were."""
    council = darlington_before()
    seats = {"Labour": 16, "Conservative": 18, "Reform": 1}
    pieces = {"Labour": 15, "Independent Labour": 1}
    retiring, elected = {"Conservative": 5}, {"Labour": 5}
    merged = ["Independent", "Darlington Independent"]
    arguments = (seats, pieces, retiring, elected, merged)
    snapshot = copy.deepcopy(arguments)
    built = Council.from_seats("C", seats)
    council.split("Labour", pieces)
    council.renewed(retiring, elected)
    council.merge(merged, into="Independents")
    council.with_seats({"Reform": 1, **seats})
    assert arguments == snapshot
    assert built.names == ("Labour", "Conservative", "Reform")


def test_self_transfer_is_refused() -> None:
    """Seats moved from a party to itself (however spelt) would create seats."""
    council = Council.from_seats("C", {"A": 3, "B": 2}, total_seats=10)
    for target in ("A", "a", " A "):
        with pytest.raises(InvalidValueError) as caught:
            council.transfer("A", target, 1)
        assert caught.value.field == "target"


@pytest.mark.parametrize(
    "rule",
    [
        Supermajority("1/2", filled_only=True),
        Supermajority("1/3", filled_only=True),
        Supermajority("2/5", exceed=True, filled_only=True),
    ],
)
def test_a_rule_improper_in_some_completion_is_refused_at_construction(
    rule: Supermajority,
) -> None:
    """Decided once: a rule that some filling of the seats makes improper."""
    with pytest.raises(InvalidQuotaError) as caught:
        Council.from_seats("C", {"A": 2, "B": 1}, total_seats=4, quota=rule)
    assert caught.value.field == "quota"
    with pytest.raises(InvalidQuotaError):
        Council.from_seats("C", {}, total_seats=4, quota=rule)
    allowed = Council.from_seats(
        "C", {"A": 2, "B": 1}, total_seats=4, quota=rule, allow_improper=True
    )
    # Accepted with the flag, every function works on it and its completions.
    coalitions.outlook(allowed)
    coalitions.control(allowed)
    coalitions.coalition_outlook(allowed, ["A"])
    coalitions.panel(allowed)
    assert allowed.fill("B").allow_improper


@given(councils(max_parties=6, max_undeclared=4))
def test_every_accepted_council_answers_every_election_question(
    council: Council,
) -> None:
    """Whatever the constructor accepts, the election-night functions and
    the what-ifs that fill seats accept too."""
    coalitions.outlook(council)
    coalitions.control(council)
    coalitions.panel(council, indices=())
    if council.undeclared:
        council.fill(council.names[0] if council.names else "New", 1, new=True)


@given(councils(min_parties=2), st.data())
def test_transfer_preserves_total(council: Council, data: st.DataObject) -> None:
    """A defection moves seats and keeps every total."""
    givers = [p.name for p in council.parties if p.seats]
    if not givers:
        return
    source = data.draw(st.sampled_from(givers))
    target = data.draw(st.sampled_from([*council.names, "Brand New Party"]))
    seats = data.draw(st.integers(1, council[source].seats))
    if target == source:
        # Moving seats from a party to itself would create seats: refused.
        with pytest.raises(InvalidValueError) as caught:
            council.transfer(
                source, data.draw(st.sampled_from([source, source.upper()])), seats
            )
        assert caught.value.field == "target"
        return
    chair = council.rule.chair
    if (
        chair is not None
        and council[chair].name == source
        and seats == council[source].seats
    ):
        # The chair's party would hold no seat: the casting vote has no holder.
        with pytest.raises(InvalidQuotaError):
            council.transfer(source, target, seats)
        return
    after = council.transfer(source, target, seats)
    assert after.total_seats == council.total_seats
    assert after.declared == council.declared
    assert after[source].seats == council[source].seats - seats
    previous = council[target].seats if target in council else 0
    assert after[target].seats == previous + seats
    assert Council.from_dict(after.to_dict()) == after


def test_transfer_more_than_held() -> None:
    """Moving more seats than a party holds is refused, naming the field."""
    with pytest.raises(InvalidSeatsError) as caught:
        darlington_before().transfer("Green", "Labour", 3)
    assert caught.value.field == "seats"
    with pytest.raises(UnknownPartyError):
        darlington_before().transfer("Reform", "Labour", 1)


def test_vacancy_and_by_election() -> None:
    """A vacancy keeps the quota (of all seats); a by-election fills it."""
    council = darlington_before().vacate("Conservative")
    assert (council.undeclared, council.majority) == (2, 26)  # 1 was vacant already
    after = council.fill("Labour")
    assert after["Labour"].seats == 17
    with pytest.raises(InvalidSeatsError):
        after.fill("Labour", 5)


def test_merge_and_split() -> None:
    """Merging sums seats in place; splitting must add up."""
    council = darlington_before()
    merged = council.merge(
        ["Independent", "Darlington Independent"], into="Independents"
    )
    assert merged.names == (
        "Conservative",
        "Labour",
        "Independents",
        "Liberal Democrat",
        "Green",
    )
    assert merged["Independents"].seats == 6
    assert merged.declared == council.declared
    with pytest.raises(InvalidSeatsError) as caught:
        council.split("Labour", {"Labour": 10, "Other": 5})
    assert caught.value.field == "into"


def test_merge_moves_the_casting_vote() -> None:
    """The chair's casting vote goes with its party into a merger."""
    council = darlington_before().with_rule(CastingVote("Independent"))
    merged = council.merge(
        ["Independent", "Darlington Independent"], into="Independents"
    )
    assert merged.rule == CastingVote("Independents")


def test_elections_by_thirds() -> None:
    """Continuing members plus newly elected make the new council."""
    council = darlington_before()
    after = council.renewed(
        retiring={"Conservative": 8, "Labour": 5, "Green": 1},
        elected={"Labour": 10, "Conservative": 2, "Green": 2, "Reform": 1},
    )
    assert after["Conservative"].seats == 16
    assert after["Labour"].seats == 21
    assert after["Reform"].seats == 1
    with pytest.raises(InvalidSeatsError) as caught:
        council.renewed({"Green": 3}, {})
    assert caught.value.field == "retiring['Green']"


def _qualified_majority_council() -> Council:
    """27 members, populations in units of 0.01% of the total (10,000).

    Four large members, then ten of 3%, six of 2% and seven of 1%; one 2%
    member is 1.9% and one 3% member 3.1%, so that two coalitions of 15
    members hold exactly 65.0% and 64.9%.
    """
    sizes = [1600, 1400, 1200, 900] + [310] + [300] * 9 + [190] + [200] * 5
    sizes += [100] * 7
    populations = {f"M{i:02d}": size for i, size in enumerate(sizes)}
    assert sum(populations.values()) == 10_000
    rule = DoubleMajority("65%", members="55%", blocking=4)
    return Council.from_seats("Qualified majority", populations, quota=rule)


def test_the_qualified_majority_at_each_threshold() -> None:
    """15 members with 65.0% win, with 64.9% lose; 14 members never win;
    any 24 members win, since a blocking minority needs 4."""
    council = _qualified_majority_council()
    assert council.quota == 6_500
    assert council.member_quota == (15, 24)
    names = council.names
    core = [*names[:3], *names[-6:], *names[5:10]]  # 4,200 + 600 + 1,500
    winning = [*core, names[15]]  # a 2% member: 6,500 (65.0%)
    losing = [*core, names[14]]  # the 1.9% member: 6,490 (64.9%)
    assert len(winning) == len(losing) == 15
    assert council.coalition(winning).seats == 6_500
    assert council.coalition(losing).seats == 6_490
    assert council.is_winning(winning)
    assert not council.is_winning(losing)
    fourteen = names[:14]  # 81.1% of the population
    assert council.coalition(fourteen).seats > 6_500
    assert not council.is_winning(fourteen)
    assert council.is_winning(names[3:])  # 24 members with 58%: 3 cannot block
    assert not council.is_winning(names[4:])  # 23 members with 49%: 4 can block


def test_a_double_majority_round_trips_and_describes_itself() -> None:
    council = _qualified_majority_council()
    assert Council.from_dict(council.to_dict()) == council
    assert council.rule_description == (
        "at least 65% of 10,000 seats and at least 55% of the parties; "
        "blocking needs 4 parties"
    )


def test_a_double_majority_refuses_what_it_cannot_mean() -> None:
    seats = {"A": 5, "B": 3, "C": 2}
    with pytest.raises(InvalidQuotaError, match="undeclared"):
        Council.from_seats(
            "C", seats, total_seats=12, quota=DoubleMajority("65%", members=2)
        )
    with pytest.raises(InvalidQuotaError, match="blocking"):
        Council.from_seats(
            "C", seats, quota=DoubleMajority("65%", members=2, blocking=4)
        )
    with pytest.raises(InvalidQuotaError, match="two disjoint"):
        Council.from_seats(
            "C", seats, quota=DoubleMajority("65%", members=1, blocking=2)
        )
    with pytest.raises(InvalidQuotaError, match="members"):
        DoubleMajority("65%", members=Fraction(3, 2))
    council = Council.from_seats("C", seats, quota=DoubleMajority("65%", members=2))
    with pytest.raises(InvalidValueError, match="blocs"):
        coalitions.minimal_winning(council, constraints=Constraints(blocs=[["A", "B"]]))


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"share": "abc", "members": 2}, "quota.share"),
        ({"share": 0.65, "members": 2}, "quota.share"),
        ({"share": "65%", "members": "x"}, "quota.members"),
        ({"share": "65%", "members": True}, "quota.members"),
        ({"share": "65%", "members": 2, "blocking": "x"}, "quota.blocking"),
        ({"share": "165%", "members": 2}, "quota.share"),
    ],
)
def test_a_double_majority_from_a_file_names_the_bad_option(
    options: dict[str, object], field: str
) -> None:
    data = {
        "name": "C",
        "parties": [{"name": "A", "seats": 5}, {"name": "B", "seats": 3}],
        "quota": {"rule": "double_majority", **options},
    }
    with pytest.raises((InvalidValueError, InvalidTypeError)) as caught:
        Council.from_dict(data)
    assert caught.value.field == field
