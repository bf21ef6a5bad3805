"""The ``coalitions`` command: who could govern a council, from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn

from coalitions._changes import Changes, changes
from coalitions._election import Outlook, Status, control, outlook
from coalitions._html import html
from coalitions._io import example, example_names, load_council
from coalitions._model import Council
from coalitions._panel import panel
from coalitions._power import POWER_INDICES
from coalitions._svg import svg
from coalitions._winning import DEFAULT_MAX_COALITIONS
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
        "--previous",
        metavar="SOURCE",
        help="an earlier composition (file or example) to show changes since",
    )
    show.add_argument(
        "--format",
        choices=["table", "json", "svg", "html"],
        default="table",
        help="table (default), json (the panel document), svg (seat chart) or "
        "html (a self-contained page)",
    )
    show.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of the screen"
    )
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
            output = (
                json.dumps(
                    power_document(council, indices), indent=2, ensure_ascii=False
                )
                if args.json
                else power_table(council, indices)
            )
        else:
            output = _show(council, args)
        if args.command == "show" and args.output:
            Path(args.output).write_text(output + "\n", encoding="utf-8")
            return EXIT_OK
    except CoalitionsError as error:
        print(f"coalitions: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(
            f"coalitions: error: cannot write {args.output}: {error.strerror}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    print(output)
    return EXIT_OK


def _show(council: Council, args: argparse.Namespace) -> str:
    """Return what ``coalitions show`` prints, in the format asked for."""
    previous = read_source(args.previous) if args.previous is not None else None
    form = "json" if args.json else args.format
    if form == "json":
        document = panel(council, previous=previous, max_coalitions=args.max_coalitions)
        return json.dumps(document, indent=2, ensure_ascii=False)
    if form == "svg":
        return svg(council)
    if form == "html":
        return html(council, previous=previous, max_coalitions=args.max_coalitions)
    night = outlook(council, max_coalitions=args.max_coalitions)
    diff = (
        changes(previous, council, max_coalitions=args.max_coalitions)
        if previous is not None
        else None
    )
    return show_table(night, diff, since=args.previous)


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


def show_table(
    night: Outlook, previous: Changes | None, *, since: str | None = None
) -> str:
    """Return the "who could govern" table printed by ``coalitions show``."""
    council = night.council
    pending = council.undeclared > 0
    lines = [
        council.name,
        f"{council.total_seats} seats, {council.declared} declared, "
        f"{council.undeclared} undeclared; majority {council.majority} "
        f"({council.rule_description})",
        f"Control: {control(council)}",
        "",
    ]
    before = {row.name: row for row in previous.parties} if previous else {}
    columns = ["Party", "Seats"]
    if previous is not None:
        columns.append("Change")
    if pending:
        columns.append("Needs")
    rows = []
    for party in night.parties:
        row = [party.name, str(party.seats)]
        if previous is not None:
            row.append(f"{before[party.name].change:+d}")
        if pending:
            row.append(_needs(party.seats_needed, party.status, council.undeclared))
        rows.append(tuple(row))
    if previous is not None:
        rows += [
            (f"{row.name} (gone)", "0", f"{row.change:+d}", *([""] if pending else []))
            for row in previous.parties
            if row.after == 0 and row.name not in council
        ]
    if pending:
        rows.append(
            ("(undeclared)", str(council.undeclared), *[""] * (len(columns) - 2))
        )
    lines += _table(tuple(columns), rows)
    if previous is not None:
        lines += ["", f"Since {since or previous.previous.name}:"]
        lines += [f"  {row.describe()}" for row in previous.parties if row.change]
        if previous.total_seats_changed:
            lines.append(
                f"  (the council had {previous.previous.total_seats} seats, "
                f"now {council.total_seats})"
            )
    lines.append("")
    certain = night.with_status(Status.CERTAIN)
    possible = night.with_status(Status.POSSIBLE)
    if not night.coalitions:
        lines.append(
            f"Who could govern: no coalition of the declared parties reaches "
            f"{council.majority} seats, nor can it with the seats to declare."
        )
        return "\n".join(lines)
    noun = "coalition" if len(certain) == 1 else "coalitions"
    heading = f"Who could govern: {len(certain)} minimal winning {noun}"
    if possible:
        heading += f", {len(possible)} more possible with the seats to declare"
    lines.append(heading)
    header = ("Coalition", "Seats", "Surplus", *(("Status",) if pending else ()))
    lines += _table(
        header,
        [
            (
                " + ".join(item.coalition.names),
                str(item.coalition.seats),
                f"{item.coalition.surplus:+d}",
                *(
                    (_needs(item.seats_needed, item.status, council.undeclared),)
                    if pending
                    else ()
                ),
            )
            for item in night.coalitions
        ],
    )
    return "\n".join(lines)


def _needs(seats_needed: int, status: Status, undeclared: int) -> str:
    if status is Status.CERTAIN:
        return "certain"
    if status is Status.POSSIBLE:
        return f"needs {seats_needed} of {undeclared}"
    return f"needs {seats_needed}: out of reach"


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
