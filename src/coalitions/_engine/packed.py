"""Packed tables: many counts of subsets of players in one integer.

A polynomial over seat totals is packed into a single integer (Kronecker
substitution, in `bigint`'s integers): coefficient ``t`` sits in digit
``t``, the ``width`` bits from bit ``t * width``, so adding a player of
weight ``w`` to every subset is one shift and one add in C. Digits must be
wide enough that no count ever overflows into its neighbour; totals at or
above the table's ``top`` are dropped.

- `Digits`: the shape of such tables, the cut-then-shift that adds a
  player below the top, and an alternating sum read by folding the table.
- `SubsetTable`: a table whose digits start one byte wide and are widened
  as its counts grow, so that the early players, when the counts are small,
  cost a fraction of the late ones; one digit of it can be read after more
  players from the top down, the table shrinking (`digit_after`).
- `Cumulative`: a table of cumulative counts (subsets weighing at most
  ``t``), read entry by entry, in which a window of totals is two entries.
- `words`, `alternating_sum` and `without_one`: a table (or tables by
  coalition size) read as 64-bit words, with one player taken out, at one
  total, by strided slices in C instead of dividing whole tables.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterable, Sequence

import attrs

from coalitions._engine import bigint

#: Longest table of cumulative counts unpacked into a list (about 40 MB);
#: longer ones are read from their bytes.
UNPACKED_ENTRIES_LIMIT = 1_000_000

#: Tables of at most this many bits, at the width their last player needs,
#: are built at that width from the start: repacking costs more than it
#: saves on them.
EAGER_BITS = 1 << 15


def widen(table: int, entries: int, size: int, new_size: int) -> int:
    """Repack ``entries`` digits of ``size`` bytes as digits of ``new_size`` bytes.

    The table's bytes are spread out by ``size`` strided copies, in C, so a
    repacking costs about as much as one addition to the table.
    """
    data = table.to_bytes(entries * size, "little")
    spread = bytearray(entries * new_size)
    for byte in range(size):
        spread[byte::new_size] = data[byte::size]
    return bigint.from_bytes(spread)


def wider(size: int, bits: int) -> int:
    """Bytes per digit for digits of ``bits`` bits, now ``size`` bytes.

    ``size`` if they fit; else at least a quarter and two bytes more, so
    that a table of ``n`` players is repacked O(log n) times, not once per
    byte.
    """
    needed = -(-bits // 8)
    if needed <= size:
        return size
    return max(needed, size + 2 + size // 4)


def digit_words(players: int) -> int:
    """64-bit words a digit needs to count sets of ``players`` players.

    Counts stay below ``2^players``; two bits spare, rounded up to words.
    """
    return -(-(players + 2) // 64)


#: The array type code of unsigned integers of each size in bytes (1, 2, 4, 8).
_TYPECODES = {array(code).itemsize: code for code in "QLIHB"}


def aligned(size: int) -> int:
    """The least digit size of at least ``size`` bytes that `unpack` reads as is.

    One, two, four or eight bytes; wider digits are read one by one
    whatever their size, so they are left as they are.
    """
    if size in _TYPECODES or size > 8:
        return size
    return min(known for known in _TYPECODES if known > size)


def unpack(table: int, entries: int, size: int) -> list[int]:
    """Return the first ``entries`` digits of ``size`` bytes, as Python ints.

    Digits of one, two, four or eight bytes are read as an array, in C;
    other sizes up to eight bytes are first spread to whole 64-bit words by
    strided copies; wider ones are read one by one.
    """
    data = table.to_bytes(entries * size, "little")
    if size in _TYPECODES:
        return array(_TYPECODES[size], data).tolist()
    if size <= 8:
        spread = bytearray(entries * 8)
        for byte in range(size):
            spread[byte::8] = data[byte::size]
        return array("Q", spread).tolist()
    read = int.from_bytes
    return [
        read(data[start : start + size], "little")
        for start in range(0, entries * size, size)
    ]


@attrs.frozen
class Digits:
    """Packed tables of ``top`` digits of ``width`` bits, in the backend's integers.

    Digit ``t`` of a table counts the sets of players weighing ``t``, or
    (cumulative tables) at most ``t``; totals at or above ``top`` are dropped.

    Attributes:
        top: The number of digits kept.
        width: Bits per digit.
        cut: ``cut(value, bits)``, from `bigint.cutter`.
    """

    top: int
    width: int
    cut: Callable[[int, int], int] = attrs.field(factory=bigint.cutter)

    @property
    def ones(self) -> int:
        """Every digit 1: the empty set's cumulative table."""
        # Python's integers divide slowly: from bytes is quicker (GMP's, not).
        if self.width % 8 == 0 and bigint.backend() == "python":
            return bigint.from_bytes((b"\x01" + bytes(self.width // 8 - 1)) * self.top)
        return bigint.low_bits(self.top * self.width) // ((1 << self.width) - 1)

    def shifted(self, table: int, weight: int) -> int:
        """``table`` times ``x^weight``, below the top.

        The table is cut below ``top - weight`` before shifting, so that a
        sum with it needs no mask: cheaper than masking the shifted number.
        """
        below = max(self.top - weight, 0) * self.width
        return self.cut(table, below) << (weight * self.width)

    def window(self, row: int, span: int) -> int:
        """Digit ``t`` becomes the sum of digits ``t - span + 1 .. t``.

        That is the row times ``1 + x + ... + x^(span - 1)``, in
        O(log span) shifts and adds: blocks of 1, 2, 4, ... digits, as the
        bits of ``span`` ask.
        """
        if span == 1:
            return row
        total, offset, block, length = 0, 0, row, 1
        while span:
            if span & 1:
                total += self.shifted(block, offset)
                offset += length
            span >>= 1
            if span:
                block += self.shifted(block, length)
                length *= 2
        return total

    def alternating(self, table: int, digits: int, step: int) -> int:
        """``t[s] - t[s - step] + t[s - 2 step] - ...`` for ``s = digits - 1``.

        The alternating sum that takes a player of weight ``step`` out of
        ``table`` (its first ``digits`` digits, each non-negative), read at
        its top digit. The digits are folded onto the first ``2 step``,
        halving the number of blocks each time, and two digits read: those
        congruent to ``s`` add, to ``s - step`` subtract, and no digit sits
        above ``s``. The folded digits hold sums of up to
        ``ceil(digits / (2 step))`` digits: the caller sees that they fit
        (`folds`).
        """
        width, cut, block = self.width, self.cut, 2 * step
        blocks = -(-digits // block)
        value = cut(table, digits * width)
        while blocks > 1:
            half = (blocks + 1) // 2
            bits = half * block * width
            value = cut(value, bits) + (value >> bits)
            blocks = half
        top = digits - 1
        digit = (1 << width) - 1
        plus = (value >> (top % block * width)) & digit
        minus = (value >> ((top - step) % block * width)) & digit
        return int(plus) - int(minus)

    def folds(self, bits: int, digits: int, step: int) -> bool:
        """Whether `alternating` may fold digits of up to ``bits`` bits."""
        return bits + (-(-digits // (2 * step))).bit_length() <= self.width


class SubsetTable:
    """How many sets of the players added so far weigh each total below ``top``.

    It starts from the empty set alone (or, with ``empty_set=False``, from
    no set at all).

    Digits start one byte wide. Each operation first bounds the largest
    digit it can make (a player joining at most doubles it) and, if that
    would not fit, repacks the table with wider digits (`widen`); subsets of
    ``p`` players never need more than ``p + 1`` bits, so a table of ``n``
    players costs about half as many bit operations as one sized for all of
    them from the start. The table is also only as long as the players'
    total weight, until that reaches the top: adding light players first
    keeps it short longest.
    """

    def __init__(
        self, top: int, *, empty_set: bool = True, unpacked: bool = False
    ) -> None:
        self.top = top
        # Digits of sizes that `unpack` reads without spreading them.
        self.unpacked = unpacked
        self.size = 1  # bytes per digit
        self.length = min(top, int(empty_set))  # digits that may be nonzero
        self.most = self.length  # no digit exceeds this
        self.sum_most = self.length  # nor their sum
        self.value = bigint.low_bits(self.length)  # the empty set, at total 0
        self._cut = bigint.cutter()

    def _fit(self, most: int) -> None:
        """Widen the digits, if needed, so that ``most`` fits in one."""
        new = wider(self.size, most.bit_length())
        if self.unpacked:
            new = aligned(new)
        if new == self.size:
            return
        if self.length > 1:  # one digit (the empty set) reads alike at any width
            self.value = widen(self.value, self.length, self.size, new)
        self.size = new

    @property
    def _digits(self) -> Digits:
        """The table's shape now (it changes as the digits widen)."""
        return Digits(self.top, 8 * self.size, self._cut)

    def add_all(
        self, weights: Sequence[int], *, ones: bool = False, later: int = 0
    ) -> None:
        """Add players in turn: each joins every set (times ``1 + x^weight``).

        With ``ones``, after each player of weight ``w`` the first ``w``
        digits (or all, if fewer) also gain 1: the windows that
        `minimal_winning_count` sums. A table of a few dozen players is
        mostly the cost of the loop, so the loop keeps the table in local
        variables; if ``later`` more players will be added (`digit_after`),
        such a table is made wide enough for them now, not repacked then.
        """
        # No digit exceeds this after the last player: each at most doubles
        # the largest (and, with the ones, adds one to it).
        final = (self.most + ones) << len(weights)
        if self.top * (final.bit_length() + later) <= EAGER_BITS:
            self._fit(final << later)
            self._add_all_at_width(weights, final, ones=ones)
            return
        top, value, length = self.top, self.value, self.length
        most, sum_most = self.most, self.sum_most
        width, cut = 8 * self.size, self._cut

        def fit(bound: int) -> None:
            nonlocal value, width, cut
            self.value, self.length = value, length
            self._fit(bound)
            value, width, cut = self.value, 8 * self.size, self._cut

        prefixes: dict[int, int] = {}  # the ones a weight adds, at this width

        def ones_below(count: int) -> int:
            prefix = prefixes.get(count)
            if prefix is None:
                one = b"\x01" + bytes(width // 8 - 1)
                prefix = prefixes[count] = bigint.from_bytes(one * count)
            return prefix

        for weight in weights:
            if weight >= top:  # joins no set; with the ones, every digit gains 1
                if ones and weight:
                    if (most + 1).bit_length() > width:
                        fit(most + 1)
                        prefixes.clear()
                    most, sum_most = most + 1, sum_most + top
                    value += ones_below(top)
                    length = top
                continue
            # Joining at most doubles the largest digit; the ones add 1.
            bound = 2 * most + (1 if ones and weight else 0)
            if bound.bit_length() > width:
                fit(bound)
                prefixes.clear()
            most, sum_most = 2 * most, 2 * sum_most
            shift = weight * width
            if length + weight <= top:
                joined = value << shift
                length += weight
            else:
                joined = cut(value, (top - weight) * width) << shift
                length = top
            if ones and weight:
                # The joined sets start at digit `weight`: the ones below are
                # put in by an or, which copies where an add would carry.
                most, sum_most = most + 1, sum_most + weight
                joined |= ones_below(weight)
            value += joined
        self.value, self.length = value, length
        self.most, self.sum_most = most, sum_most

    def _add_all_at_width(
        self, weights: Sequence[int], final: int, *, ones: bool
    ) -> None:
        """`add_all` for a small table, already wide enough for ``final``: no checks."""
        top, value, length = self.top, self.value, self.length
        width, cut = 8 * self.size, self._cut
        # Each player once: joining every set that leaves room below the top
        # (nothing to cut while the table grows), then, with `ones`, the
        # first min(w, top) digits gain 1. A player at or above the top
        # joins no set (one that is at the top with an empty table changes
        # nothing either way, and is counted as joining: `most` stays a bound).
        skipped = 0
        row = bigint.from_bytes((b"\x01" + bytes(self.size - 1)) * top) if ones else 0
        prefixes: dict[int, int] = {}  # the ones a weight adds (weights repeat)
        for weight in weights:
            if weight >= top:
                skipped += 1
                if ones and weight:
                    value += row
                    length = top
                continue
            if length + weight <= top:
                joined = value << (weight * width)
                length += weight
            else:
                joined = cut(value, (top - weight) * width) << (weight * width)
                length = top
            if ones and weight:
                # The joined sets start at digit `weight`: the ones below are
                # put in by an or, which copies where an add would carry.
                prefix = prefixes.get(weight)
                if prefix is None:
                    prefix = prefixes[weight] = cut(row, weight * width)
                joined |= prefix
            value += joined
        self.value, self.length = value, length
        joined = len(weights) - skipped
        self.most = final if ones else self.most << joined
        self.sum_most = top * final if ones else self.sum_most << joined

    def digit_after(self, weights: Sequence[int], total: int) -> int:
        """Digit ``total`` once these players are added, as `add_all` would.

        Only digit ``total`` is wanted, and the players weigh at most
        ``total`` in all, so the table is worked from the top down: with
        ``R`` the weight still to add, digits below ``total - R`` can never
        reach ``total`` and are dropped. Adding a player of weight ``w``
        drops ``w`` more, and in the table's new place the step
        ``T (1 + x^w)`` is ``T + T / x^w``: the table shrinks instead of
        growing, and the last player leaves the digit read at the bottom.
        Digits more than ``R`` above the bottom never come down to it, so
        they are cut off only once they are half the table.
        """
        remaining = sum(weights)
        if remaining > total:
            raise ValueError("digit_after: the players outweigh the total read")
        self._fit(self.most << len(weights))  # each player at most doubles a digit
        width, cut = 8 * self.size, self._cut
        low = total - remaining  # the lowest digit that may still reach `total`
        kept = remaining + 1
        value = cut(self.value >> (low * width), kept * width)
        for weight in sorted(weights, reverse=True):  # heaviest first: shortest
            remaining -= weight
            value += value >> (weight * width)
            if 2 * (remaining + 1) <= kept:
                kept = remaining + 1
                value = cut(value, kept * width)
        return int(value & ((1 << width) - 1))

    def digit(self, total: int) -> int:
        """Sets weighing exactly ``total`` (below the top)."""
        if total >= self.length:
            return 0
        width = 8 * self.size
        return int((self.value >> (total * width)) & ((1 << width) - 1))

    def entries(self) -> list[int]:
        """Every digit, totals ``0 .. top - 1``, as Python ints."""
        return unpack(self.value, self.length, self.size) + [0] * (
            self.top - self.length
        )

    def total(self) -> int:
        """The sum of the digits: the sets weighing less than the top.

        Digits wide enough for the sum are added in halves, pairwise: the
        table is folded onto itself O(log top) times, O(length) work in all.
        """
        self._fit(self.sum_most)
        width, value, length = 8 * self.size, self.value, self.length
        cut = self._cut
        while length > 1:
            half = (length + 1) // 2
            value = cut(value, half * width) + (value >> (half * width))
            length = half
        return int(value)

    def cumulative(self) -> Cumulative:
        """The cumulative counts: entry ``t`` counts the sets weighing at most ``t``.

        Unpacked and summed in C; past ``UNPACKED_ENTRIES_LIMIT`` entries
        the prefix sums are taken packed instead, by doubling (each digit
        plus the one ``2^k`` below it, for ``2^k < top``), and read in place.
        """
        if self.top <= UNPACKED_ENTRIES_LIMIT:
            counts = unpack(self.value, self.length, self.size)
            sums = list(itertools.accumulate(counts))
            sums += [sums[-1] if sums else 0] * (self.top - self.length)
            return Cumulative(self.top, values=sums)
        self._fit(self.sum_most)
        value, step, digits = self.value, 1, self._digits
        while step < self.top:
            value += digits.shifted(value, step)
            step *= 2
        return Cumulative(self.top, packed=value, size=self.size)


class Cumulative:
    """A table of cumulative counts, read entry by entry.

    Entry ``t`` (for ``t < top``) is the number of subsets weighing at most
    ``t``. The table is a list of ints, summed by slices in C, or (for
    tables longer than ``UNPACKED_ENTRIES_LIMIT``) a packed int of ``size``
    bytes per entry, read from its bytes and never held as a list.
    """

    def __init__(
        self,
        top: int,
        *,
        values: list[int] | None = None,
        packed: int = 0,
        size: int = 1,
    ) -> None:
        self._top, self._size = top, size
        self._list = values  # held, not copied: read it before it changes
        self._bytes = b""
        if values is None:
            self._bytes = packed.to_bytes(top * size, "little")

    def entry(self, total: int) -> int:
        """Subsets weighing at most ``total``."""
        if self._list is not None:
            return self._list[total]
        start = total * self._size
        return int.from_bytes(self._bytes[start : start + self._size], "little")

    def _strided(self, total: int, step: int) -> int:
        return sum(map(self.entry, range(total, -1, -step)))

    def windows(self, total: int, weights: Iterable[int]) -> dict[int, int]:
        """For each weight ``w``, the subsets weighing ``total - w < t <= total``.

        Counted once a player of weight ``w`` is taken out: at
        ``total = quota - 1`` those are the player's swings. Taking the
        player out divides the table by ``1 + x^w``, whose entries are
        ``G'[t] = G[t] - G[t - w] + G[t - 2w] - ...``: two strided sums;
        and the window is ``G'[t] - G'[t - w] = 2 G'[t] - G[t]``. A player
        at or above the top was never in the table; one of no weight has
        an empty window.
        """
        if total < 0:
            return dict.fromkeys(weights, 0)
        below, values, top = self.entry(total), self._list, self._top
        counts = {}
        for weight in weights:
            if not weight or weight >= top:
                counts[weight] = below if weight else 0
            elif values is not None:  # the common case, written out
                kept = sum(values[total :: -2 * weight])
                if total >= weight:
                    kept -= sum(values[total - weight :: -2 * weight])
                counts[weight] = 2 * kept - below
            else:
                kept = self._strided(total, 2 * weight)
                if total >= weight:
                    kept -= self._strided(total - weight, 2 * weight)
                counts[weight] = 2 * kept - below
        return counts


def words(table: int, top: int, size: int) -> array[int]:
    """The ``top`` digits of ``size`` bytes (a multiple of 8) as 64-bit words."""
    return array("Q", table.to_bytes(top * size, "little"))


def read_width(bits: int) -> int:
    """Bits per digit of a table read by `low_words`, for counts of ``bits`` bits.

    8, 16, 32 or 64 (one array element a digit), or whole 64-bit words.
    """
    size = -(-bits // 8)
    return 8 * (aligned(size) if size <= 8 else 8 * -(-size // 8))


def low_words(table: int, top: int, size: int) -> array[int]:
    """The ``top`` lowest digits of ``size`` bytes of any integer, in two's complement.

    A table summed from tables with anything above the digits read needs
    no cut (one operation on the whole table) before it is read. Digits of
    one, two, four or eight bytes are one array element each; wider ones (a
    multiple of eight bytes) are 64-bit words, as in `words`.
    """
    length = top * size
    full = max(length, table.bit_length() // 8 + 1)
    data = table.to_bytes(full, "little", signed=True)[:length]
    return array(_TYPECODES.get(size, "Q"), data)


def _gather(row: array[int], total: int, step: int, count: int, size: int) -> int:
    """Digits ``total, total - step, ...`` (``count`` of them, none below 0).

    Returned packed lowest first, in digits one word wider than the row's
    (``size`` words), so that sums of them cannot overflow.
    """
    if total < 0:
        return 0
    count = min(count, total // step + 1)
    wide = size + 1
    gathered = array("Q", bytes(8 * wide * count))
    stride = step * size
    for word in range(size):
        start = total * size + word
        end = start - count * stride
        gathered[word::wide] = row[start : end if end >= 0 else None : -stride]
    return int.from_bytes(gathered, "little")


def without_one(
    rows: list[array[int]], total: int, weight: int, size: int
) -> list[int]:
    """Counts by size at one total, once a player of ``weight`` is taken out.

    ``rows[k]`` holds counts of sets of ``k`` players by total (as `words`,
    ``size`` words a digit), the player among them. Without the player, the
    sets of ``k`` players at total ``t`` number
    ``C[k][t] = R[k][t] - C[k-1][t - w]``, that is

        C[k][t] = sum over j <= k of (-1)^(k-j) R[j][t - (k-j) w]

    returned at ``t = total`` for ``k = 0 .. len(rows) - 1``. Row ``j``
    gives its digits at ``total - i w`` to the counts of sizes ``j + i``:
    gathered by strided copies of words, in C, and summed packed along the
    diagonals (even and odd ``j`` apart, to keep digits non-negative).
    O(sizes^2) word copies, against O(sizes x top) bits for dividing the
    rows by ``1 + y x^w``. The counts are at one total; a window of totals
    is one total of rows summed over the window (`Digits.window`).
    """
    sizes = len(rows)
    digit_bits = 64 * (size + 1)
    sums = [0, 0]  # rows of even and of odd size
    for j, row in enumerate(rows):
        sums[j & 1] += _gather(row, total, weight, sizes - j, size) << (j * digit_bits)
    even, odd = (unpack(value, sizes, 8 * (size + 1)) for value in sums)
    return [
        e - o if k % 2 == 0 else o - e
        for k, (e, o) in enumerate(zip(even, odd, strict=True))
    ]


def alternating_sum(row: array[int], total: int, step: int, size: int) -> int:
    """``row[total] - row[total - step] + row[total - 2 step] - ...``.

    Taking a player of weight ``step`` out of a table (dividing it by
    ``1 + x^step``), read at ``total``. ``row`` holds digits of ``size``
    64-bit words (`words`): each word of the digits at even, then at odd,
    multiples of the step is one strided slice, summed in C.
    """
    if size == 1:  # one word a digit: two slices
        result = sum(row[total :: -2 * step]) if total >= 0 else 0
        if total >= step:
            result -= sum(row[total - step :: -2 * step])
        return result
    result = 0
    for sign, start in ((1, total), (-1, total - step)):
        if start < 0:
            continue
        for word in range(size):
            column = row[start * size + word :: -2 * step * size]
            result += sign * (sum(column) << (64 * word))
    return result
