"""Packed tables against plain lists of counts, in every integer type; exact ratios."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coalitions._engine import bigint, packed
from coalitions._engine.packed import Digits
from coalitions._engine.power_kernels import Table
from coalitions._engine.ratio import ratio, ratios

#: Players added to a table, each with or without the window of ones after it.
operations = st.lists(st.tuples(st.booleans(), st.integers(0, 40)), max_size=40)


@contextmanager
def integers(name: bigint.Backend) -> Iterator[None]:
    in_use = bigint.backend()
    bigint.use(name)
    try:
        yield
    finally:
        bigint.use(in_use)


def model(top: int, steps: list[tuple[bool, int]], *, empty_set: bool) -> list[int]:
    """The table as a list: counts by total below ``top``, by the definition."""
    counts = [0] * top
    if empty_set and top:
        counts[0] = 1
    for ones, weight in steps:
        # Every set, with and without a player of this weight.
        counts = [
            counts[t] + (counts[t - weight] if t >= weight else 0) for t in range(top)
        ]
        if ones:
            counts = [count + (t < weight) for t, count in enumerate(counts)]
    return counts


#: Run a test in each integer type installed, as `name`.
every_backend = pytest.mark.parametrize("name", bigint.available())
#: Run a test with tables widened as they grow, and built at their last width.
widening_or_eager = pytest.mark.parametrize(
    "eager", [0, packed.EAGER_BITS], ids=["widening", "eager"]
)


@contextmanager
def eager_bits(bits: int) -> Iterator[None]:
    """Build tables of up to ``bits`` bits at their last width from the start."""
    default = packed.EAGER_BITS
    packed.EAGER_BITS = bits
    try:
        yield
    finally:
        packed.EAGER_BITS = default


@widening_or_eager
@every_backend
@given(top=st.integers(0, 120), steps=operations, empty_set=st.booleans())
def test_subset_tables_count_as_lists_do(
    name: bigint.Backend,
    eager: int,
    top: int,
    steps: list[tuple[bool, int]],
    empty_set: bool,
) -> None:
    """Widening digits, growing and cutting at the top never change a count.

    Small tables (all of these, by default) are built at their last width
    from the start; with no eager bits, they widen as they grow.
    """
    expected = model(top, steps, empty_set=empty_set)
    with integers(name), eager_bits(eager):
        table = packed.SubsetTable(top, empty_set=empty_set)
        for ones, weight in steps:  # one player at a time
            table.add_all([weight], ones=ones)
        assert table.entries() == expected
        assert [table.digit(t) for t in range(top)] == expected
        assert table.total() == sum(expected)
        for ones in (False, True):  # the same players in one loop
            in_one_loop = model(top, [(ones, w) for _, w in steps], empty_set=empty_set)
            table_in_one = packed.SubsetTable(top, empty_set=empty_set)
            table_in_one.add_all([weight for _, weight in steps], ones=ones)
            assert table_in_one.entries() == in_one_loop
        cumulative = list(itertools.accumulate(expected))
        listed = table.cumulative()
        assert [listed.entry(t) for t in range(top)] == cumulative


@widening_or_eager
@every_backend
@given(top=st.integers(1, 120), steps=operations, data=st.data())
def test_a_digit_read_after_more_players_is_the_digit_of_the_table(
    name: bigint.Backend,
    eager: int,
    top: int,
    steps: list[tuple[bool, int]],
    data: st.DataObject,
) -> None:
    """Working down from the top gives the digit that adding the players would."""
    later = data.draw(st.lists(st.integers(0, 30), max_size=12))
    total = data.draw(st.integers(min(sum(later), top - 1), top - 1))
    assume(sum(later) <= total)
    expected = model(top, [*steps, *((False, w) for w in later)], empty_set=True)
    with integers(name), eager_bits(eager):
        table = packed.SubsetTable(top)
        for ones, weight in steps:
            table.add_all([weight], ones=ones)
        assert table.digit_after(later, total) == expected[total]
        # Built in one loop, wide enough for the players still to come.
        plain = model(
            top,
            [(False, w) for _, w in steps + [(False, w) for w in later]],
            empty_set=True,
        )
        in_one_loop = packed.SubsetTable(top)
        in_one_loop.add_all([weight for _, weight in steps], later=len(later))
        assert in_one_loop.digit_after(later, total) == plain[total]
        with pytest.raises(ValueError, match="outweigh"):
            table.digit_after([*later, total + 1 - sum(later)], total)


def test_long_tables_take_prefix_sums_packed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the list's limit the cumulative counts are summed packed, alike."""
    steps = [(False, weight) for weight in (3, 1, 4, 1, 5, 9, 2, 6)]
    expected = list(itertools.accumulate(model(30, steps, empty_set=True)))
    monkeypatch.setattr(packed, "UNPACKED_ENTRIES_LIMIT", 0)
    table = packed.SubsetTable(30)
    table.add_all([weight for _, weight in steps])
    read = table.cumulative()
    assert [read.entry(t) for t in range(30)] == expected


def by_size(weights: list[int], top: int) -> list[list[int]]:
    """Counts of sets of each size by total below ``top``, by the definition."""
    rows = [[0] * top for _ in range(len(weights) + 1)]
    for members in itertools.product((0, 1), repeat=len(weights)):
        total = sum(w for w, chosen in zip(weights, members, strict=True) if chosen)
        if total < top:
            rows[sum(members)][total] += 1
    return rows


@pytest.mark.parametrize("size", [1, 2], ids=["one word", "two words"])
@given(
    others=st.lists(st.integers(0, 6), max_size=7),
    weight=st.integers(1, 6),
    total=st.integers(0, 15),
    span=st.integers(1, 16),
)
def test_reading_without_a_player_by_gathering_equals_dividing(
    size: int, others: list[int], weight: int, total: int, span: int
) -> None:
    """Gathered diagonals and divided rows both count the sets without the player.

    Digits of two words are what games of more than 62 players use.
    """
    top = 16
    table = Table(top, 64 * size)

    def pack(values: list[int]) -> int:
        return sum(value << (64 * size * t) for t, value in enumerate(values))

    windows = [table.window(pack(row), span) for row in by_size([weight, *others], top)]
    words = [packed.words(window, top, 8 * size) for window in windows]
    divided = table.without_one(windows, total, weight)
    assert packed.without_one(words, total, weight, size) == divided
    # The sets of the others of each size weighing total - span + 1 .. total.
    expected = [
        sum(row[max(0, total - span + 1) : total + 1]) for row in by_size(others, top)
    ]
    expected += [0] * (len(divided) - len(expected))
    assert divided == expected


@given(
    size=st.integers(1, 3),
    step=st.integers(1, 8),
    total=st.integers(-3, 40),
    data=st.data(),
)
def test_alternating_sums_take_a_player_out(
    size: int, step: int, total: int, data: st.DataObject
) -> None:
    """row[t] - row[t - w] + row[t - 2w] - ... over digits of one to three words."""
    digits = data.draw(
        st.lists(st.integers(0, (1 << (64 * size - 2)) - 1), min_size=41, max_size=41)
    )
    table = sum(digit << (64 * size * t) for t, digit in enumerate(digits))
    row = packed.words(table, len(digits), 8 * size)
    expected = (
        sum((-1) ** i * digits[total - i * step] for i in range(total // step + 1))
        if total >= 0
        else 0
    )
    assert packed.alternating_sum(row, total, step, size) == expected


@every_backend
@given(
    value=st.integers(-(1 << 600), 1 << 600),
    top=st.integers(0, 12),
    size=st.sampled_from([1, 2, 4, 8, 16]),
)
def test_low_words_are_the_low_digits_in_twos_complement(
    name: bigint.Backend, value: int, top: int, size: int
) -> None:
    """A table of any sign and length reads as its low digits, as a cut would.

    Digits of up to eight bytes are one element each; wider ones, words.
    """
    bits = top * size * 8
    expected = value % (1 << bits)  # two's complement, by the definition
    elements = packed.low_words(value, top, size)
    element_bits = 8 * min(size, 8)
    assert sum(e << (element_bits * i) for i, e in enumerate(elements)) == expected
    assert len(elements) == top * max(size // 8, 1)
    with integers(name):
        table = bigint.from_bytes(_bytes(abs(value)))
        table = -table if value < 0 else table
        assert list(packed.low_words(table, top, size)) == list(elements)
        if size % 8 == 0:
            cut = bigint.cutter()(table, bits)
            assert list(packed.words(cut, top, size)) == list(elements)


def test_read_widths_are_the_least_an_array_reads() -> None:
    """One, two, four or eight bytes, else whole words: the least holding the bits."""
    for bits in range(1, 300):
        width = packed.read_width(bits)
        assert width >= bits
        assert width in (8, 16, 32) or width % 64 == 0
        narrower = [w for w in (8, 16, 32, *range(64, width, 64)) if w < width]
        assert all(w < bits for w in narrower)


@every_backend
@given(
    width=st.integers(1, 130),
    step=st.integers(1, 9),
    count=st.integers(1, 60),
    data=st.data(),
)
def test_folded_alternating_sums_take_a_player_out(
    name: bigint.Backend, width: int, step: int, count: int, data: st.DataObject
) -> None:
    """Folding the digits onto 2w reads row[s] - row[s - w] + ... at the top.

    Digits are as wide as `Digits.folds` allows, so that the folded sums
    fill the digits; digits past the ones read are noise to be ignored.
    """
    digits = Digits(count, width)
    blocks = -(-count // (2 * step))
    bits = width - blocks.bit_length()
    assume(bits >= 1)
    assert digits.folds(bits, count, step)
    assert not digits.folds(bits + 1, count, step)
    values = data.draw(
        st.lists(st.integers(0, (1 << bits) - 1), min_size=count, max_size=count)
    )
    noise = data.draw(st.integers(0, 1 << 70))
    table = sum(v << (width * t) for t, v in enumerate(values))
    table += noise << (width * count)
    top = count - 1
    expected = sum((-1) ** i * values[top - i * step] for i in range(top // step + 1))
    with integers(name):
        digits = Digits(count, width)  # the backend's cut
        assert digits.alternating(bigint.from_bytes(_bytes(table)), count, step) == (
            expected
        )


def _bytes(value: int) -> bytes:
    return value.to_bytes(max(1, -(-value.bit_length() // 8)), "little")


@given(
    size=st.integers(1, 12),
    data=st.data(),
)
def test_unpacking_reads_back_every_digit(size: int, data: st.DataObject) -> None:
    """Digits of one to twelve bytes (spread to words, or read one by one)."""
    digits = data.draw(st.lists(st.integers(0, (1 << (8 * size)) - 1), max_size=50))
    table = sum(digit << (8 * size * t) for t, digit in enumerate(digits))
    assert packed.unpack(table, len(digits), size) == digits


def test_aligned_sizes_are_the_least_read_without_spreading() -> None:
    """One, two, four or eight bytes (the least at or above), or wider as it is."""
    for size in range(1, 50):
        expected = size if size > 8 else min(k for k in (1, 2, 4, 8) if k >= size)
        assert packed.aligned(size) == expected


@widening_or_eager
@every_backend
@given(weights=st.lists(st.integers(0, 30), max_size=30), top=st.integers(1, 80))
def test_unpacked_tables_count_as_packed_ones(
    name: bigint.Backend, eager: int, weights: list[int], top: int
) -> None:
    """A table with digits of sizes read as is counts the sets as any other."""
    with integers(name), eager_bits(eager):
        table = packed.SubsetTable(top, unpacked=True)
        table.add_all(weights)
        assert table.size == packed.aligned(table.size)
        steps = [(False, weight) for weight in weights]
        assert table.entries() == model(top, steps, empty_set=True)


@given(st.integers(-(10**30), 10**30), st.integers(1, 10**30))
def test_ratio_is_the_fraction_of_its_integers(
    numerator: int, denominator: int
) -> None:
    expected = Fraction(numerator, denominator)
    made = ratio(numerator, denominator)
    assert type(made) is Fraction
    assert (made.numerator, made.denominator) == (
        expected.numerator,
        expected.denominator,
    )
    assert made == expected
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    assert made + expected == 2 * expected


@given(st.lists(st.integers(-(10**20), 10**20), max_size=12), st.integers(1, 10**20))
def test_ratios_are_the_fractions_of_each_numerator(
    numerators: list[int], denominator: int
) -> None:
    made = ratios(numerators, denominator)
    assert set(made) == set(numerators)
    for numerator in numerators:
        expected = Fraction(numerator, denominator)
        assert (made[numerator].numerator, made[numerator].denominator) == (
            expected.numerator,
            expected.denominator,
        )
