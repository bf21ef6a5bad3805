"""The ``coalitions`` command: who could govern a council, from the shell."""

from __future__ import annotations

import argparse
import importlib.metadata
import math
import os
import sys
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn, cast

import attrs

from coalitions._allocation import ALLOCATION_METHODS, allocate
from coalitions._chances import simulate
from coalitions._constraints import Constraints
from coalitions._engine.enumerate import DEFAULT_MAX_COALITIONS
from coalitions._io import example, example_names, load_council, load_votes
from coalitions._model import Council
from coalitions._power import POWER_INDICES
from coalitions._render.html import html
from coalitions._render.panel import json_dumps, panel
from coalitions._render.svg import svg
from coalitions._render.text import power_document, power_table, show_table
from coalitions._render.votes import (
    allocation_document,
    allocation_table,
    simulation_document,
    simulation_table,
)
from coalitions.exceptions import (
    CoalitionsError,
    ComputationTooLargeError,
    InvalidValueError,
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


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
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
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
        "--top", type=int, help="list only the first N coalitions (most plausible)"
    )
    show.add_argument(
        "--order",
        choices=["plausibility", "size"],
        default="plausibility",
        help="plausibility (default: the panel's ranking) or size (fewest parties, "
        "then most seats)",
    )
    show.add_argument(
        "--positions",
        metavar="FILE|A=X,...",
        help="left-right positions: a file (CSV party,position or JSON) or "
        "pairs such as Lab=3.5,Con=7",
    )
    _repeatable(show, "--exclude", "PARTY", "a party in no coalition (repeatable)")
    _repeatable(show, "--require", "PARTY", "a party in every coalition (repeatable)")
    _repeatable(
        show,
        "--red-line",
        "A,B",
        "two parties that will not govern together (repeatable)",
    )
    _repeatable(
        show, "--bloc", "A,B,...", "parties that join or stay out together (repeatable)"
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
    seats = commands.add_parser(
        "seats",
        help="allocate seats from votes",
        description="Allocate seats from votes per party (CSV 'party,votes' or "
        "a JSON object).",
    )
    seats.add_argument("source", help="a .csv file 'party,votes' or a .json object")
    _add_allocation_arguments(seats)
    seats.add_argument("--json", action="store_true", help="print JSON")
    chances = commands.add_parser(
        "chances",
        help="the chance of each coalition from a poll",
        description="Draw seats from a poll's uncertainty (CSV 'party,share' or a "
        "JSON object of percentages) and report the chance of each coalition.",
    )
    chances.add_argument("source", help="a .csv file 'party,share' or a .json object")
    chances.add_argument(
        "--sample-size", type=int, required=True, help="the poll's respondents"
    )
    _add_allocation_arguments(chances)
    chances.add_argument(
        "--simulations", type=int, default=10_000, help="draws (default: %(default)s)"
    )
    chances.add_argument("--seed", type=int, help="seed for reproducible draws")
    chances.add_argument(
        "--format",
        choices=["table", "json", "html"],
        default="table",
        help="table (default), json, or html (a page of the poll's projection "
        "with each coalition's chance)",
    )
    chances.add_argument(
        "--json", action="store_true", help="the same as --format json"
    )
    return parser


def _repeatable(
    parser: argparse.ArgumentParser, flag: str, metavar: str, text: str
) -> None:
    """An option that may be given several times, collected in a list."""
    parser.add_argument(flag, action="append", default=[], metavar=metavar, help=text)


def _add_allocation_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seats", type=int, required=True, help="seats to allocate")
    parser.add_argument(
        "--method",
        required=True,
        choices=list(ALLOCATION_METHODS),
        help="the allocation method",
    )
    parser.add_argument("--threshold", help='the share of the vote needed, e.g. "5%%"')
    _repeatable(
        parser, "--exempt", "PARTY", "a party exempt from the threshold (repeatable)"
    )
    _repeatable(
        parser,
        "--others",
        "PARTY",
        "an entry that never takes seats, such as Others (repeatable)",
    )
    parser.add_argument(
        "--first-divisor", help="the first Sainte-Laguë divisor, e.g. 1.2"
    )


def _version() -> str:
    try:
        return importlib.metadata.version("coalition-calculator")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        return "unknown"


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
    parser.add_argument("--name", help="the council's name (a CSV file has none)")


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


def write_atomically(target: str, text: str) -> None:
    """Write a file whole or not at all: to a temporary file, then renamed.

    A failure part-way (a character that cannot be encoded, a full disk, the
    process killed) leaves any earlier file at ``target`` as it was. A
    symbolic link at ``target`` is replaced by the file, never followed.
    """
    if not target:
        raise InvalidValueError("--output", target, "a file name")
    path = Path(target)
    folder = path.parent
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command in ("seats", "chances"):
            output = _votes_command(args)
        else:
            output = _council_command(args)
        if args.command == "show" and args.output is not None:
            write_atomically(args.output, output + "\n")
            return EXIT_OK
    except CoalitionsError as error:
        print(f"coalitions: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("coalitions: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MemoryError:
        print("coalitions: error: out of memory for this input", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(
            f"coalitions: error: cannot write {getattr(args, 'output', None)}: "
            f"{error.strerror}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return _print(output)


def _council_command(args: argparse.Namespace) -> str:
    """Return what ``coalitions show`` or ``coalitions power`` prints."""
    council = read_source(args.source, total_seats=args.total_seats)
    if args.name is not None:
        council = attrs.evolve(council, name=args.name)
    if getattr(args, "positions", None):
        council = council.with_positions(_positions(args.positions))
    if args.command == "power":
        names = [args.index] if args.index else list(POWER_INDICES)
        indices: dict[str, dict[str, Fraction]] = {}
        skipped: dict[str, str] = {}
        for name in names:
            try:
                indices[name] = POWER_INDICES[name](council)
            except ComputationTooLargeError as error:
                if args.index:  # the one index asked for: say why not
                    raise
                skipped[name] = str(error)  # the others are still worth showing
        if args.json:
            return json_dumps(power_document(council, indices, skipped))
        return power_table(council, indices, skipped)
    return _show(council, args)


def _print(output: str) -> int:
    """Print the output; a reader that closed the pipe (``| head``) ends quietly."""
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes at exit: point at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        print(
            f"coalitions: error: cannot write the output: {error.strerror}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return EXIT_OK


def _show(council: Council, args: argparse.Namespace) -> str:
    """Return what ``coalitions show`` prints, in the format asked for."""
    previous = read_source(args.previous) if args.previous is not None else None
    form = "json" if args.json else args.format
    if form == "svg":
        return svg(council)
    options: dict[str, Any] = {
        "previous": previous,
        "max_coalitions": args.max_coalitions,
        "constraints": _constraints(args) or None,
        "top": args.top,
    }
    if form == "table":
        document = panel(council, indices=(), **options)
        return show_table(_ordered(council, document, args.order), since=args.previous)
    if form == "html" and args.order == "plausibility":
        return html(council, **options)
    document = _ordered(council, panel(council, **options), args.order)
    return html(document) if form == "html" else json_dumps(document)


def _ordered(council: Council, document: dict[str, Any], order: str) -> dict[str, Any]:
    """The document with its coalitions in the order asked for.

    ``plausibility`` is the panel's own order; ``size`` lists those with a
    majority by fewest parties, then most seats (the listing order of
    [`minimal_winning`][coalitions.minimal_winning]), then the possible ones.
    """
    if order == "plausibility":
        return document

    def key(item: dict[str, Any]) -> tuple[bool, tuple[int, int, tuple[str, ...]]]:
        coalition = council.coalition(item["parties"])
        return item["status"] != "certain", coalition.sort_key()

    return {**document, "coalitions": sorted(document["coalitions"], key=key)}


def _constraints(args: argparse.Namespace) -> Constraints:
    """The red lines, exclusions, requirements and blocs given as options."""
    return Constraints(
        excluding=args.exclude,
        incompatible=[_pair(text, "--red-line") for text in args.red_line],
        requiring=args.require,
        blocs=[_group(text, "--bloc") for text in args.bloc],
    )


def _positions(text: str) -> dict[str, Any]:
    """Positions from a file (CSV 'party,position' or JSON) or 'A=3.5,B=7'."""
    if Path(text).suffix.lower() in {".csv", ".tsv", ".json"}:
        return dict(load_votes(text, column="position"))
    positions: dict[str, Any] = {}
    for item in text.split(","):
        name, equals, value = item.partition("=")
        try:
            positions[name.strip()] = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            equals = ""
        if not equals or not name.strip():
            raise InvalidValueError(
                "--positions",
                text,
                "a file, or PARTY=NUMBER pairs such as Lab=3.5,Con=7",
            )
    return positions


def _group(text: str, option: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if len(names) < 2:
        raise InvalidValueError(option, text, "two or more parties, such as A,B")
    return names


def _pair(text: str, option: str) -> tuple[str, str]:
    names = _group(text, option)
    if len(names) != 2:
        raise InvalidValueError(option, text, "two parties, such as Lab,Con")
    return names[0], names[1]


def _votes_command(args: argparse.Namespace) -> str:
    """Return what ``coalitions seats`` or ``coalitions chances`` prints."""
    options = {
        "seats": args.seats,
        "method": args.method,
        "threshold": args.threshold,
        "exempt": args.exempt,
        "others": args.others,
        "first_divisor": args.first_divisor,
    }
    title = Path(args.source).stem
    if args.command == "seats":
        votes = cast("dict[str, int]", load_votes(args.source, column="votes"))
        result = allocate(votes, **options)
        if args.json:
            return json_dumps(allocation_document(result))
        return allocation_table(result, title)
    progress = _progress_bar if sys.stderr.isatty() else None
    shares = cast("dict[str, float]", load_votes(args.source, column="share"))
    simulation = simulate(
        shares,
        sample_size=args.sample_size,
        simulations=args.simulations,
        seed=args.seed,
        progress=progress,
        **options,
    )
    if progress is not None:
        print(file=sys.stderr)
    if args.json or args.format == "json":
        return json_dumps(simulation_document(simulation))
    if args.format == "html":
        # The panel shows the poll's own projection, with each coalition's chance.
        scale = math.lcm(*(Fraction(v).denominator for v in shares.values()))
        votes = {name: int(Fraction(v) * scale) for name, v in shares.items()}
        projection = allocate(votes, ties="votes", **options)
        return html(projection.council(title), chances=simulation)
    return simulation_table(simulation, title)


def _progress_bar(done: int, total: int) -> None:
    """Draw a one-line progress bar on the terminal."""
    width = 30
    filled = width * done // total
    print(
        f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} draws",
        end="",
        file=sys.stderr,
        flush=True,
    )
