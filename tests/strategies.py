"""Hypothesis strategies for parties and councils, shared by every test module."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from coalitions import (
    CastingVote,
    Constraints,
    Council,
    DoubleMajority,
    Majority,
    Party,
    Supermajority,
)
from coalitions.exceptions import InvalidQuotaError

PARTY_NAMES = (
    "Labour",
    "Conservative",
    "Green",
    "Liberal Democrat",
    "Independent",
    "Reform",
    "SNP",
    "Plaid",
    "Alliance",
    "Residents",
    "Socialist",
    "Liberal",
    "Christian",
    "Pirate",
    "Farmers",
    "Centre",
)


@st.composite
def parties(
    draw: st.DrawFn, *, max_parties: int = 12, max_seats: int = 30, min_parties: int = 0
) -> list[Party]:
    """Parties with distinct names; seats may tie or be zero."""
    names = draw(st.permutations(PARTY_NAMES))[:]
    count = draw(st.integers(min_parties, min(max_parties, len(names))))
    seats = draw(st.lists(st.integers(0, max_seats), min_size=count, max_size=count))
    positions = draw(
        st.lists(
            st.none() | st.integers(0, 100).map(lambda x: x / 10),
            min_size=count,
            max_size=count,
        )
    )
    return [
        Party(name, seat, position=position)
        for name, seat, position in zip(names[:count], seats, positions, strict=True)
    ]


@st.composite
def councils(
    draw: st.DrawFn,
    *,
    max_parties: int = 12,
    max_seats: int = 30,
    max_undeclared: int = 10,
    explicit_quota: bool = True,
    min_parties: int = 0,
) -> Council:
    """Councils with ties, zero-seat parties, undeclared seats and every quota rule."""
    members = draw(
        parties(max_parties=max_parties, max_seats=max_seats, min_parties=min_parties)
    )
    undeclared = draw(st.integers(0, max_undeclared))
    total = max(1, sum(p.seats for p in members) + undeclared)
    rules: list[object] = [None]
    if explicit_quota:
        share = st.sampled_from(
            [Fraction(1, 3), Fraction(1, 2), Fraction(3, 5), Fraction(2, 3), 1]
        )
        rules += [
            draw(st.integers(1, total)),
            Supermajority(draw(share)),
            Supermajority(draw(share.filter(lambda f: f < 1)), exceed=True),
            Supermajority(draw(share), filled_only=True),
            Supermajority(
                draw(share.filter(lambda f: f < 1)), exceed=True, filled_only=True
            ),
            Majority(filled_only=True),
        ]
        if total == sum(p.seats for p in members):  # members count: all declared
            rules.append(
                DoubleMajority(
                    draw(share),
                    members=draw(
                        st.one_of(
                            st.integers(0, len(members) + 1),
                            st.sampled_from([Fraction(1, 2), Fraction(11, 20), 1]),
                        )
                    ),
                    blocking=draw(st.none() | st.integers(1, len(members))),
                )
            )
        seated = [p for p in members if p.seats]
        if seated:
            rules.append(CastingVote(draw(st.sampled_from(seated)).name))
    rule = draw(st.sampled_from(rules))
    try:
        return Council("Random council", members, total, quota=rule)
    except InvalidQuotaError:
        # Every form the constructor accepts: improper rules with the flag.
        return Council(
            "Random council", members, total, quota=rule, allow_improper=True
        )


def renamed_rule(council: Council, rename: dict[str, str]) -> object:
    """The council's rule with the chair (if any) renamed like the parties."""
    if isinstance(council.rule, CastingVote):
        return CastingVote(rename[council[council.rule.chair].name])
    return council.rule


@st.composite
def constraints_for(draw: st.DrawFn, council: Council) -> Constraints:
    """Random red lines, requirements and (disjoint) blocs over a council's parties.

    No blocs under a rule that counts members: the library refuses them there
    (tested on its own).
    """
    names = list(council.names)
    if not names:
        return Constraints()
    pick = st.sampled_from(names)
    blocs = []
    counts_members = council.member_quota != (0, None)
    if len(names) >= 2 and not counts_members and draw(st.booleans()):
        members = draw(st.lists(pick, min_size=2, max_size=3, unique=True))
        blocs.append(members)
    pairs = (
        draw(st.lists(st.lists(pick, min_size=2, max_size=2, unique=True), max_size=2))
        if len(names) >= 2
        else []
    )
    return Constraints(
        excluding=draw(st.lists(pick, max_size=2, unique=True)),
        incompatible=pairs,
        requiring=draw(st.lists(pick, max_size=2, unique=True)),
        blocs=blocs,
    )
