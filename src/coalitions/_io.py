"""Reading councils from JSON and CSV files, and the bundled examples."""

from __future__ import annotations

import csv
import json
import os
import re
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from coalitions._model import Council, Party
from coalitions._validate import clean_name, whole_number
from coalitions.exceptions import (
    CoalitionsError,
    InputFileError,
    InvalidTypeError,
    InvalidValueError,
    did_you_mean,
)

__all__ = ["example", "example_names", "load_council", "load_votes"]

#: Suffixes read as delimited text: comma, semicolon (spreadsheets with a
#: decimal comma) or tab separated, told apart by the header row.
_TABLE_SUFFIXES = (".csv", ".tsv")


def _delimiter(text: str) -> str:
    """The separator of a delimited file: the one its header row uses most.

    Spreadsheets set to Dutch, German or French save ``;`` (their decimal
    separator is the comma); ``.tsv`` files and pasted tables use tabs.
    """
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


_CSV_COLUMNS = ("party", "seats", "abbreviation", "colour", "position", "votes")


def load_council(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    total_seats: int | None = None,
    quota: int | None = None,
) -> Council:
    r"""Read a council from a JSON or CSV file, chosen by the file's suffix.

    A **JSON** file holds the dict of
    [`Council.from_dict`][coalitions.Council.from_dict]:

    ```json
    {"name": "Darlington Borough Council", "total_seats": 50,
     "parties": [{"name": "Labour", "seats": 23}, {"name": "Green", "seats": 7}]}
    ```

    A **CSV** file has a header row with the columns ``party`` and ``seats``,
    and optionally ``abbreviation``, ``colour``, ``position`` and ``votes``; one row per
    party. Empty optional cells mean "not given". A CSV file has no room for
    the council's name or size, so pass ``name`` (default: the file name
    without suffix) and ``total_seats`` (default: the seats in the file).

    Args:
        path: A ``.json`` or ``.csv`` file.
        name: The council's name; overrides the file's.
        total_seats: All seats; overrides the file's.
        quota: The quota; overrides the file's.

    Returns:
        The council.

    Raises:
        InputFileError: The file is missing, unreadable or malformed, or a
            value in it is invalid; the message names the file, and the line
            and field where they are known.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "hartlepool.csv").write_text(
        ...     "party,seats\nLabour,17\nConservative,8\nIndependent,11\n")
        >>> council = load_council(folder / "hartlepool.csv", total_seats=36)
        >>> council.name, council.quota
        ('hartlepool', 19)
    """
    file = Path(path)
    shown = str(path)
    text = _read_text(file, shown)
    suffix = file.suffix.lower()
    if suffix == ".json":
        data = _json_council(shown, text)
    elif suffix in _TABLE_SUFFIXES:
        data = _csv_council(shown, text, default_name=file.stem)
    else:
        raise InputFileError(
            shown,
            f"unknown file type {file.suffix!r}; expected .json, .csv or .tsv",
        )
    overrides = {"name": name, "total_seats": total_seats, "quota": quota}
    data.update({key: value for key, value in overrides.items() if value is not None})
    if data.get("parties") == [] and data.get("total_seats") is None:
        # No party and no size: nothing says how many seats the council has.
        raise InputFileError(
            shown,
            "no party is listed and total_seats is not given; list the parties "
            "or give total_seats for a council with nothing declared yet",
            field="parties",
        )
    try:
        return Council.from_dict(data)
    except CoalitionsError as error:
        raise InputFileError.from_error(shown, error) from None


#: The largest council file read, in bytes (8 MiB: tens of thousands of
#: parties). A larger file, or one that never ends, is refused unread.
MAX_INPUT_BYTES = 8 * 1024 * 1024


def _read_text(file: Path, shown: str) -> str:
    """Read a regular file of at most ``MAX_INPUT_BYTES`` as UTF-8 text.

    Raises:
        InputFileError: The file cannot be read, is not a regular file, is
            too large or is not UTF-8; the message names it.
    """
    try:
        if file.exists() and not file.is_file():
            # A FIFO would block and a device (/dev/zero) never end.
            raise InputFileError(shown, "not a regular file")
        with file.open("rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputFileError(
            shown, f"cannot read the file ({error.strerror})"
        ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputFileError(
            shown, f"the file is larger than {MAX_INPUT_BYTES:,} bytes"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(shown, "the file is not UTF-8 text") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a key given twice (JSON would keep the last)."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise InvalidValueError(key, value, f"one value (the key {key!r} repeats)")
        data[key] = value
    return data


def _json_council(path: str, text: str) -> dict[str, Any]:
    return _json_object(path, text, "a JSON object with 'name' and 'parties'")


def _json_object(path: str, text: str, expected: str) -> dict[str, Any]:
    """A JSON file's top-level object: keys once each, no runaway nesting."""
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise InputFileError(
            path, f"invalid JSON: {error.msg} (column {error.colno})", line=error.lineno
        ) from None
    except InvalidValueError as error:
        raise InputFileError.from_error(path, error) from None
    except RecursionError:
        raise InputFileError(path, "the JSON is nested too deeply") from None
    except ValueError as error:  # such as an integer of thousands of digits
        raise InputFileError(path, f"invalid JSON: {error}") from None
    if not isinstance(data, dict):
        raise InputFileError(path, f"expected {expected}")
    return data


def _csv_council(path: str, text: str, *, default_name: str) -> dict[str, Any]:
    reader = csv.DictReader(text.splitlines(), delimiter=_delimiter(text), strict=True)
    header = [column.strip().lower() for column in reader.fieldnames or []]
    repeated = sorted({column for column in header if header.count(column) > 1})
    if repeated:
        raise InputFileError(
            path, f"the column {repeated[0]!r} appears twice", line=1, field=repeated[0]
        )
    unknown = [column for column in header if column not in _CSV_COLUMNS]
    if unknown:
        close = did_you_mean(unknown[0], _CSV_COLUMNS)
        raise InputFileError(
            path,
            f"unknown column {unknown[0]!r}; "
            + (f"{close} " if close else "")
            + "expected some of "
            + ", ".join(_CSV_COLUMNS),
            line=1,
            field=unknown[0],
        )
    if "party" not in header or "seats" not in header:
        raise InputFileError(
            path, "the header row must name the columns 'party' and 'seats'", line=1
        )
    reader.fieldnames = header
    parties = []
    try:
        for row in reader:
            line = reader.line_num
            if None in row or any(value is None for value in row.values()):
                raise InputFileError(
                    path, f"expected {len(header)} cells, as in the header", line=line
                )
            cells = {key: value.strip() for key, value in row.items()}
            if not any(cells.values()):
                continue
            parties.append(_csv_party(path, line, cells))
    except csv.Error as error:
        raise InputFileError(
            path, f"invalid CSV: {error}", line=reader.line_num
        ) from None
    return {"name": default_name, "parties": parties}


def _csv_party(path: str, line: int, cells: dict[str, str]) -> dict[str, Any]:
    try:
        entry: dict[str, Any] = {
            "name": clean_name(cells["party"], "party"),
            "seats": whole_number(_number(cells["seats"], "seats"), "seats"),
        }
        for key in ("abbreviation", "colour"):
            if cells.get(key):
                entry[key] = cells[key]
        if cells.get("position"):
            entry["position"] = _number(cells["position"], "position")
        if cells.get("votes"):
            entry["votes"] = _number(cells["votes"], "votes")
        Party(**entry)  # validate here, where the line is known
    except (InvalidValueError, InvalidTypeError) as error:
        raise InputFileError.from_error(path, error, line=line) from None
    return entry


_WHOLE = re.compile(r"-?[0-9]+(?:\.0*)?", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def load_votes(
    path: str | os.PathLike[str], *, column: str = "votes"
) -> dict[str, int] | dict[str, Fraction]:
    r"""Read votes (or a poll's percentages, or positions) per party from a file.

    A **CSV** file has a header row naming ``party`` and ``column``
    (``votes`` or ``share``), one row per party; a **JSON** file is an
    object of party names to numbers. Votes are whole numbers; shares are
    decimal percentages, read exactly.

    Args:
        path: A ``.csv`` or ``.json`` file.
        column: ``"votes"`` (whole numbers), ``"share"`` (percentages) or
            ``"position"`` (left-right positions, any decimal number).

    Returns:
        The numbers by party, in the file's order.

    Raises:
        InputFileError: The file is missing, malformed or holds a bad value;
            the message names the file, the line and the field.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "poll.csv").write_text("party,share\nA,40.5\nB,59.5\n")
        >>> load_votes(folder / "poll.csv", column="share")
        {'A': Fraction(81, 2), 'B': Fraction(119, 2)}
    """
    if column not in ("votes", "share", "position"):
        raise InvalidValueError("column", column, '"votes", "share" or "position"')
    file = Path(path)
    shown = str(path)
    text = _read_text(file, shown)
    suffix = file.suffix.lower()
    rows: list[tuple[int | None, object, object]] = []
    delimiter = ","
    if suffix == ".json":
        data = _json_object(shown, text, "a JSON object of party names to numbers")
        rows = [(None, name, value) for name, value in data.items()]
    elif suffix in _TABLE_SUFFIXES:
        delimiter = _delimiter(text)
        reader = csv.reader(text.splitlines(), delimiter=delimiter, strict=True)
        try:
            header = [cell.strip().lower() for cell in next(reader, [])]
            if sorted(header) != sorted(["party", column]):
                raise InputFileError(
                    shown, f"the header row must be 'party,{column}'", line=1
                )
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != 2:
                    raise InputFileError(
                        shown,
                        "expected 2 cells, as in the header",
                        line=reader.line_num,
                    )
                entry = dict(zip(header, (c.strip() for c in cells), strict=True))
                rows.append((reader.line_num, entry["party"], entry[column]))
        except csv.Error as error:
            raise InputFileError(
                shown, f"invalid CSV: {error}", line=reader.line_num
            ) from None
    else:
        raise InputFileError(
            shown, f"unknown file type {file.suffix!r}; expected .json or .csv"
        )
    numbers: dict[str, Any] = {}
    for line, raw, value in rows:
        try:
            name = clean_name(raw, "party")
            if column == "votes":
                number: int | Fraction = whole_number(
                    _number(value, "votes") if isinstance(value, str) else value,
                    "votes",
                    error=InvalidValueError,
                )
            else:
                number = _share(
                    value.replace(",", ".")
                    if isinstance(value, str) and delimiter != ","
                    else value
                )
        except (InvalidValueError, InvalidTypeError) as error:
            raise InputFileError.from_error(shown, error, line=line) from None
        if name in numbers:
            raise InputFileError(shown, f"the party {name!r} appears twice", line=line)
        numbers[name] = number
    if not numbers:
        raise InputFileError(shown, "no party is listed")
    return numbers


def _share(value: object) -> Fraction:
    """A percentage from a CSV cell (exact decimal) or a JSON number."""
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value):
            raise InvalidTypeError("share", value, "a decimal number such as 4.5")
        return Fraction(Decimal(value))
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidTypeError("share", value, "a number")
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _number(text: str, field: str) -> int | float:
    """A CSV cell as a number: plain ASCII digits only for seats.

    Seats are whole numbers written out (``23`` or ``23.0``; a negative one
    is read as written, so that the error quotes it); exponents (``1e30``),
    digit separators (``1_000``) and other scripts' digits are refused
    rather than read as something the file did not say.
    """
    if field in ("seats", "votes") and _WHOLE.fullmatch(text):
        return int(text.split(".", maxsplit=1)[0])
    if not _DECIMAL.fullmatch(text):
        raise InvalidTypeError(field, text, "a decimal number such as 4.5")
    return float(text)


def example_names() -> tuple[str, ...]:
    """Return the names of the bundled example councils.

    Examples:
        >>> "darlington-2023" in example_names()
        True
    """
    folder = resources.files("coalitions") / "examples"
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in folder.iterdir()
            if entry.name.endswith(".json")
        )
    )


def example(name: str) -> Council:
    """Return a bundled example council by name.

    ``darlington-2023`` is Darlington Borough Council on election day, 5 May
    2023, with 48 of its 50 seats declared (Northern Echo, 5 May 2023).
    [`example_names`][coalitions.example_names] lists them all.

    Raises:
        InvalidValueError: No example has that name.

    Examples:
        >>> example("darlington-2023").undeclared
        2
    """
    names = example_names()
    if name not in names:
        raise InvalidValueError("example", name, f"one of {', '.join(names)}")
    text = (resources.files("coalitions") / "examples" / f"{name}.json").read_text(
        encoding="utf-8"
    )
    return Council.from_dict(json.loads(text))
