"""Parties, councils and coalitions: validation, immutability, majorities."""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions
from coalitions import Council, Party
from coalitions.exceptions import (
    CoalitionsError,
    DuplicatePartyError,
    InvalidNameError,
    InvalidQuotaError,
    InvalidSeatsError,
    InvalidTypeError,
    InvalidValueError,
    UnknownPartyError,
)

from .strategies import councils


def test_default_quota_is_smallest_integer_above_half() -> None:
    """For every total from 1 to 1000 the quota is the least integer above half."""
    for total in range(1, 1001):
        quota = Council("C", [], total).majority
        assert 2 * quota > total, total
        assert 2 * (quota - 1) <= total, total
        assert coalitions.simple_majority(total) == quota


@pytest.mark.parametrize("total", [2, 4, 10, 50, 138, 650, 1000])
def test_exactly_half_never_wins(total: int) -> None:
    """Two parties with half the seats each: neither wins alone."""
    council = Council.from_seats("C", {"A": total // 2, "B": total // 2})
    assert not council.is_winning("A")
    assert not council.is_winning("B")
    assert council.is_winning(["A", "B"])


def test_ireland_1937_exactly_half_is_a_minority() -> None:
    """Fianna Fail held 69 of 138 seats in 1937: exactly half, not a majority."""
    council = Council.from_seats("Dail 1937", {"Fianna Fail": 69}, total_seats=138)
    assert council.majority == 70
    assert not council.is_winning("Fianna Fail")


@pytest.mark.parametrize(
    ("total", "fraction", "exceed", "expected"),
    [
        (50, Fraction(2, 3), False, 34),
        (60, "2/3", False, 40),
        (60, "2/3", True, 41),
        (100, "3/5", False, 60),
        (101, "3/5", False, 61),
        (50, "1/2", True, 26),
        (51, "1/2", True, 26),
        (50, "1/2", False, 25),
        (7, 1, False, 7),
    ],
)
def test_supermajority(
    total: int, fraction: object, exceed: bool, expected: int
) -> None:
    """Met fractions round up; exceeded ones need one seat more when exact."""
    assert coalitions.supermajority(total, fraction, exceed=exceed) == expected  # type: ignore[arg-type]


@given(st.integers(1, 1000), st.fractions(min_value=0, max_value=1), st.booleans())
def test_supermajority_is_smallest_meeting_the_fraction(
    total: int, share: Fraction, exceed: bool
) -> None:
    """The quota is the smallest seat count that meets (or exceeds) the share."""
    if share == 0 or (exceed and share == 1):
        with pytest.raises(InvalidQuotaError):
            coalitions.supermajority(total, share, exceed=exceed)
        return
    quota = coalitions.supermajority(total, share, exceed=exceed)

    def enough(seats: int) -> bool:
        return seats > share * total if exceed else seats >= share * total

    assert enough(quota)
    assert not enough(quota - 1)


@pytest.mark.parametrize(
    "bad", [0.5, 2 / 3, True, None, "two thirds", Fraction(3, 2), 0]
)
def test_supermajority_refuses_inexact_or_out_of_range(bad: object) -> None:
    """Floats, bools, words and shares outside (0, 1] are refused, naming the field."""
    with pytest.raises((InvalidTypeError, InvalidQuotaError)) as caught:
        coalitions.supermajority(50, bad)  # type: ignore[arg-type]
    assert caught.value.field == "fraction"


@pytest.mark.parametrize(
    ("seats", "error"),
    [
        (-3, InvalidSeatsError),
        (2.5, InvalidSeatsError),
        (Fraction(5, 2), InvalidSeatsError),
        (float("nan"), InvalidSeatsError),
        (float("inf"), InvalidSeatsError),
        (True, InvalidTypeError),
        (False, InvalidTypeError),
        ("23", InvalidTypeError),
        (None, InvalidTypeError),
        ([1], InvalidTypeError),
    ],
)
def test_bad_seats(seats: object, error: type[Exception]) -> None:
    """Negative, fractional, bool and non-numeric seats raise, naming the field."""
    with pytest.raises(error) as caught:
        Party("Labour", seats)  # type: ignore[arg-type]
    assert isinstance(caught.value, CoalitionsError)
    assert caught.value.field == "seats"  # type: ignore[attr-defined]
    assert "seats" in str(caught.value)
    assert repr(seats) in str(caught.value)


def test_bad_seats_in_mapping_name_the_party() -> None:
    """from_seats names the party whose seats are wrong."""
    with pytest.raises(InvalidSeatsError) as caught:
        Council.from_seats("C", {"Labour": 23, "Green": -7})
    assert caught.value.field == "seats['Green']"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("seats", [23.0, Fraction(46, 2), Decimal("23"), 23])
def test_whole_numbers_of_other_types_are_accepted(seats: object) -> None:
    """Integral floats, Fractions and Decimals become ints."""
    party = Party("Labour", seats)  # type: ignore[arg-type]
    assert party.seats == 23
    assert type(party.seats) is int


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_names(name: str) -> None:
    """Empty party and council names are refused."""
    with pytest.raises(InvalidNameError) as caught:
        Party(name, 1)
    assert caught.value.field == "name"
    with pytest.raises(InvalidNameError):
        Council(name, [], 10)


def test_non_string_name() -> None:
    """A party name must be a string."""
    with pytest.raises(InvalidTypeError) as caught:
        Party(42, 1)  # type: ignore[arg-type]
    assert caught.value.field == "name"


@pytest.mark.parametrize(
    "names", [("Labour", "Labour"), ("Labour", "labour "), ("Lib  Dem", "lib dem")]
)
def test_duplicate_names(names: tuple[str, str]) -> None:
    """Names equal but for case and white space are the same party: refused."""
    with pytest.raises(DuplicatePartyError) as caught:
        Council("C", [Party(names[0], 1), Party(names[1], 2)], 10)
    assert caught.value.field == "parties[1].name"
    assert isinstance(caught.value, ValueError)


def test_declared_above_total() -> None:
    """Parties holding more seats than the council has are refused."""
    with pytest.raises(InvalidSeatsError) as caught:
        Council.from_seats("C", {"A": 30, "B": 25}, total_seats=50)
    assert caught.value.field == "total_seats"
    assert "55" in str(caught.value)


@pytest.mark.parametrize("total", [0, -5])
def test_total_must_be_positive(total: int) -> None:
    """A council has at least one seat."""
    with pytest.raises(InvalidSeatsError) as caught:
        Council("C", [], total)
    assert caught.value.field == "total_seats"


@pytest.mark.parametrize(
    ("quota", "error"),
    [
        (0, InvalidSeatsError),
        (-1, InvalidSeatsError),
        (51, InvalidQuotaError),
        (25, InvalidQuotaError),
        (10, InvalidQuotaError),
        (2.5, InvalidSeatsError),
        ("26", InvalidTypeError),
    ],
)
def test_bad_quota(quota: object, error: type[Exception]) -> None:
    """Quotas <= 0, above the total, at or below half, or not whole are refused."""
    with pytest.raises(error) as caught:
        Council.from_seats("C", {"A": 30, "B": 20}, quota=quota)  # type: ignore[arg-type]
    assert caught.value.field == "quota"  # type: ignore[attr-defined]


def test_improper_quota_when_allowed() -> None:
    """An improper quota works when explicitly allowed: disjoint winners exist."""
    council = Council.from_seats("C", {"A": 25, "B": 25}, quota=25, allow_improper=True)
    assert council.is_winning("A")
    assert council.is_winning("B")


def test_explicit_quota_overrides() -> None:
    """An explicit quota is the majority in force."""
    council = Council.from_seats("C", {"A": 30, "B": 20}, quota=34)
    assert council.majority == 34
    assert not council.is_winning("A")


def test_unknown_party_lookup() -> None:
    """Unknown names raise UnknownPartyError, a KeyError that lists the parties."""
    council = Council.from_seats("C", {"Labour": 3, "Green": 1})
    with pytest.raises(UnknownPartyError) as caught:
        council["Reform"]
    assert isinstance(caught.value, KeyError)
    assert caught.value.name == "Reform"
    assert "'Labour'" in str(caught.value)
    with pytest.raises(UnknownPartyError):
        council.is_winning(["Labour", "Reform"])


def test_lookup_ignores_case_and_space() -> None:
    """Lookups and membership ignore case and surrounding white space."""
    council = Council.from_seats("C", {"Liberal Democrat": 3})
    assert council[" liberal  democrat"].name == "Liberal Democrat"
    assert "LIBERAL DEMOCRAT" in council
    assert "Labour" not in council


def test_parties_must_be_party_objects() -> None:
    """A list of tuples is refused with the position of the bad entry."""
    with pytest.raises(InvalidTypeError) as caught:
        Council("C", [Party("A", 1), ("B", 2)], 10)  # type: ignore[list-item]
    assert caught.value.field == "parties[1]"
    with pytest.raises(InvalidTypeError) as caught:
        Council("C", {"A": 1}, 10)  # type: ignore[arg-type]
    assert caught.value.field == "parties"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("colour", "red", InvalidValueError),
        ("colour", 0xFF0000, InvalidTypeError),
        ("position", "left", InvalidTypeError),
        ("position", float("nan"), InvalidValueError),
        ("abbreviation", "", InvalidNameError),
    ],
)
def test_bad_optional_fields(field: str, value: object, error: type[Exception]) -> None:
    """Optional party fields are validated and name themselves."""
    with pytest.raises(error) as caught:
        Party("A", 1, **{field: value})  # type: ignore[arg-type]
    assert caught.value.field == field  # type: ignore[attr-defined]


def test_inputs_are_not_mutated() -> None:
    """from_seats and Council leave the caller's mapping and list untouched."""
    seats = {"Labour": 23, "Conservative": 14, "Green": 7}
    before = copy.deepcopy(seats)
    council = Council.from_seats("C", seats, total_seats=50)
    coalitions.minimal_winning(council)
    assert seats == before
    parties = [Party("A", 3), Party("B", 2)]
    parties_before = list(parties)
    Council("C", parties, 9)
    assert parties == parties_before


@given(councils())
def test_objects_are_immutable_and_hashable(council: Council) -> None:
    """Councils, parties and coalitions are frozen and usable in sets."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        council.total_seats = 1  # type: ignore[misc]
    assert hash(council) == hash(copy.deepcopy(council))
    found = set(coalitions.minimal_winning(council))
    assert len(found) == coalitions.count_minimal_winning(council)
    for party in council.parties:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            party.seats = 0  # type: ignore[misc]


@given(councils())
def test_dict_round_trip(council: Council) -> None:
    """from_dict(to_dict(c)) == c."""
    assert Council.from_dict(council.to_dict()) == council


@given(
    st.dictionaries(
        st.sampled_from(["A", "B", "C", "D"]), st.integers(0, 40), max_size=4
    ),
    st.integers(0, 20),
)
def test_declared_and_undeclared(seats: dict[str, int], empty: int) -> None:
    """Declared seats are those given to parties; undeclared are the rest."""
    total = max(1, sum(seats.values()) + empty)
    council = Council.from_seats("C", seats, total_seats=total, allow_improper=True)
    assert council.declared == sum(seats.values())
    assert council.undeclared == total - sum(seats.values())


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "C", "parties": [{"name": "A", "seats": -1}]}, "parties[0].seats"),
        ({"name": "C", "parties": [{"name": "A"}]}, "parties[0].seats"),
        (
            {"name": "C", "parties": [{"name": "A", "seats": 1, "seat": 2}]},
            "parties[0].seat",
        ),
        ({"name": "C", "parties": [], "qouta": 3}, "council.qouta"),
        ({"parties": []}, "council.name"),
        ({"name": "C", "parties": "A"}, "parties"),
        ({"name": "C", "parties": [3]}, "parties[0]"),
        ({"name": "C", "parties": [], "allow_improper": "yes"}, "allow_improper"),
    ],
)
def test_from_dict_errors_name_the_field(data: dict[str, object], field: str) -> None:
    """Bad dicts raise errors whose field locates the problem."""
    with pytest.raises((InvalidValueError, InvalidTypeError)) as caught:
        Council.from_dict(data)
    assert caught.value.field == field  # type: ignore[union-attr]


def test_coalition_str_and_surplus() -> None:
    """A coalition reads as members, seats, total and majority."""
    council = Council.from_seats("C", {"Lab": 23, "Con": 14, "Grn": 7}, total_seats=50)
    coalition = council.coalition(["Grn", "Lab"])
    assert str(coalition) == "Lab + Grn: 30 of 50 (majority 26)"
    assert coalition.surplus == 4
    assert "Lab" in coalition
    assert "Con" not in coalition
    assert len(coalition) == 2
    assert council.coalition(coalition) == coalition
    assert council.coalition(["Lab", "Lab", "Grn"]) == coalition


def test_filling_seats_for_a_mistyped_party_is_refused() -> None:
    """'Labor' on election night is a typo, not a new party, unless new=True."""
    council = coalitions.example("darlington-2023")
    with pytest.raises(UnknownPartyError, match="did you mean 'Labour'"):
        council.fill("Labor", 2)
    assert council.fill("Labor", 2, new=True)["Labor"].seats == 2
    assert council.fill("labour", 2)["Labour"].seats == 25


class SeriesLike:
    """What a pandas Series offers: items(), and a very long repr."""

    def __init__(self, data: dict[str, int]) -> None:
        self.data = data

    def items(self) -> Any:
        return iter(self.data.items())

    def __repr__(self) -> str:
        return (
            "SeriesLike\n" + "\n".join(f"{k}  {v}" for k, v in self.data.items()) * 50
        )


class FrameLike:
    """What a pandas DataFrame offers: columns, and a column by name."""

    def __init__(self, rows: list[tuple[str, int]], columns: list[str]) -> None:
        self.rows = rows
        self.columns = columns

    def __getitem__(self, column: str) -> list[object]:
        index = self.columns.index(column)
        return [row[index] for row in self.rows]


def test_series_and_data_frames_are_read_without_pandas() -> None:
    seats = {p.name: p.seats for p in coalitions.example("darlington-2023").parties}
    expected = Council.from_seats("Darlington", seats, total_seats=50)
    from_series = Council.from_seats(expected.name, SeriesLike(seats), total_seats=50)
    assert from_series == expected
    frame = FrameLike(list(seats.items()), ["Party", "Seats"])
    assert Council.from_seats(expected.name, frame, total_seats=50) == expected
    with pytest.raises(InvalidTypeError, match="'party' and 'seats'"):
        Council.from_seats("X", FrameLike([("A", 1)], ["name", "count"]))


def test_errors_quote_long_values_briefly() -> None:
    bad = SeriesLike({"A": -1})
    with pytest.raises(InvalidSeatsError) as caught:
        Council.from_seats("X", bad)
    assert len(str(caught.value)) < 300
    with pytest.raises(InvalidTypeError) as refused:
        Council.from_seats("X", "A" * 10_000)
    assert len(str(refused.value)) < 400


def test_with_positions_sets_some_and_keeps_the_rest() -> None:
    council = Council.from_seats("C", {"Lab": 23, "Con": 14, "Grn": 7})
    placed = council.with_positions({"lab": 3.5, "Grn": Fraction(3, 2)})
    assert [p.position for p in placed.parties] == [3.5, None, 1.5]
    assert council["Lab"].position is None  # the original is unchanged
    with pytest.raises(UnknownPartyError):
        council.with_positions({"Labor": 1})
    with pytest.raises(InvalidValueError):
        council.with_positions({"Lab": float("nan")})
