"""The ``coalitions`` command: who could govern a council, from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from coalitions._io import example, example_names, load_council
from coalitions._model import Coalition, Council
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
    show.add_argument(
        "source",
        help="a council file (.json or .csv) or a bundled example: "
        + ", ".join(example_names()),
    )
    show.add_argument(
        "--json", action="store_true", help="print JSON instead of a table"
    )
    show.add_argument(
        "--total-seats", type=int, help="all seats, for a CSV file without them"
    )
    show.add_argument(
        "--max-coalitions",
        type=int,
        default=DEFAULT_MAX_COALITIONS,
        help="refuse to list more coalitions than this (default: %(default)s)",
    )
    return parser


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
        found = minimal_winning(council, max_coalitions=args.max_coalitions)
    except CoalitionsError as error:
        print(f"coalitions: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(show_document(council, found), indent=2, ensure_ascii=False))
    else:
        print(show_table(council, found))
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


def show_table(council: Council, found: list[Coalition]) -> str:
    """Return the "who could govern" table printed by ``coalitions show``."""
    rule = (
        f"more than half of {council.total_seats} seats"
        if council.quota is None
        else "set for this council"
    )
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
