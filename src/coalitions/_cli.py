"""The ``coalitions`` command: who could govern a council, from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn

from coalitions._io import example, example_names, load_council
from coalitions._model import Coalition, Council
from coalitions._power import POWER_INDICES
from coalitions._winning import DEFAULT_MAX_COALITIONS, minimal_winning
from coalitions.exceptions import CoalitionsError, InvalidValueError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the command-line parser."""
    parser = _Parser(
        prog="coalitions",
        description="Who could govern? Majorities and coalitions of a council.",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser
    )
    show = commands.add_parser(
        "show",
        help="show the parties and every minimal winning coalition",
        description="Show a council's parties and every minimal winning coalition.",
    )
    _add_source_arguments(show)
    show.add_argument(
        "--max-coalitions",
        type=int,
        default=DEFAULT_MAX_COALITIONS,
        help="refuse to list more coalitions than this (default: %(default)s)",
    )
    power = commands.add_parser(
        "power",
        help="show each party's voting power",
        description="Show each party's voting power by every index, or one.",
    )
    _add_source_arguments(power)
    power.add_argument(
        "--index",
        choices=list(POWER_INDICES),
        help="show only this index (default: all)",
    )
    return parser


def _add_source_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        help="a council file (.json or .csv) or a bundled example: "
        + ", ".join(example_names()),
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON instead of a table"
    )
    parser.add_argument(
        "--total-seats", type=int, help="all seats, for a CSV file without them"
    )


def read_source(source: str, *, total_seats: int | None = None) -> Council:
    """Return the council named by a CLI argument: an example name or a file."""
    names = example_names()
    if source in names and total_seats is None:
        return example(source)
    if not Path(source).exists() and Path(source).suffix.lower() not in {
        ".json",
        ".csv",
    }:
        raise InvalidValueError(
            "source", source, f"a .json or .csv file, or an example: {', '.join(names)}"
        )
    return load_council(source, total_seats=total_seats)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        council = read_source(args.source, total_seats=args.total_seats)
        if args.command == "power":
            names = [args.index] if args.index else list(POWER_INDICES)
            indices = {name: POWER_INDICES[name](council) for name in names}
            document = power_document(council, indices)
            table = power_table(council, indices)
        else:
            found = minimal_winning(council, max_coalitions=args.max_coalitions)
            document = show_document(council, found)
            table = show_table(council, found)
    except CoalitionsError as error:
        print(f"coalitions: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(table)
    return EXIT_OK


def show_document(council: Council, found: list[Coalition]) -> dict[str, Any]:
    """Return the JSON document printed by ``coalitions show --json``."""
    return {
        "council": council.to_dict(),
        "majority": council.majority,
        "declared": council.declared,
        "undeclared": council.undeclared,
        "minimal_winning": [
            {"parties": list(c.names), "seats": c.seats, "surplus": c.surplus}
            for c in found
        ],
    }


def power_document(
    council: Council, indices: Mapping[str, Mapping[str, Fraction]]
) -> dict[str, Any]:
    """Return the JSON document printed by ``coalitions power --json``.

    Values are exact fractions written as strings (``"7/10"``).
    """
    return {
        "council": council.to_dict(),
        "majority": council.majority,
        "indices": {
            name: {party: str(value) for party, value in values.items()}
            for name, values in indices.items()
        },
    }


def power_table(council: Council, indices: Mapping[str, Mapping[str, Fraction]]) -> str:
    """Return the table printed by ``coalitions power``, values in per cent."""
    header = ("Party", "Seats", *(POWER_INDICES[name].short_title for name in indices))
    rows = [
        (
            party.name,
            str(party.seats),
            *(f"{float(values[party.name]) * 100:.1f}%" for values in indices.values()),
        )
        for party in council.parties
    ]
    lines = [
        council.name,
        f"{council.total_seats} seats, majority {council.majority}",
        "",
        *_table(header, rows),
    ]
    return "\n".join(lines)


def show_table(council: Council, found: list[Coalition]) -> str:
    """Return the "who could govern" table printed by ``coalitions show``."""
    rule = council.rule_description
    lines = [
        council.name,
        f"{council.total_seats} seats, {council.declared} declared, "
        f"{council.undeclared} undeclared; majority {council.majority} ({rule})",
        "",
    ]
    party_rows = [(party.name, str(party.seats)) for party in council.parties]
    if council.undeclared:
        party_rows.append(("(undeclared)", str(council.undeclared)))
    lines += _table(("Party", "Seats"), party_rows)
    lines.append("")
    if not found:
        lines.append(
            f"Who could govern: no coalition of the declared parties reaches "
            f"{council.majority} seats yet."
        )
        return "\n".join(lines)
    noun = "coalition" if len(found) == 1 else "coalitions"
    lines.append(f"Who could govern: {len(found)} minimal winning {noun}")
    lines += _table(
        ("Coalition", "Seats", "Surplus"),
        [(" + ".join(c.names), str(c.seats), f"+{c.surplus}") for c in found],
    )
    return "\n".join(lines)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        first, *numbers = row
        cells = [first.ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(numbers, widths[1:], strict=True)
        ]
        return "  " + "  ".join(cells).rstrip()

    return [line(header), *(line(row) for row in rows)]
