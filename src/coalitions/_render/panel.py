"""The "who could govern" panel: one JSON-ready document with everything shown."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from fractions import Fraction
from importlib import resources
from typing import Any

from coalitions._chances import Simulation
from coalitions._changes import changes
from coalitions._constraints import Constraints
from coalitions._election import (
    CoalitionOutlook,
    Outlook,
    Status,
    control,
    outlook,
    party_outlooks,
)
from coalitions._engine.enumerate import DEFAULT_MAX_COALITIONS
from coalitions._engine.game import game_of
from coalitions._model import Council
from coalitions._power import POWER_INDICES, power_note
from coalitions._render.colours import party_colours
from coalitions._theories import Classification, Classifier, best_first
from coalitions._validate import count
from coalitions.exceptions import (
    CoalitionsError,
    ComputationTooLargeError,
    InvalidTypeError,
    InvalidValueError,
)

__all__ = [
    "MAX_PANEL_BYTES",
    "PANEL_SCHEMA_VERSION",
    "json_dumps",
    "panel",
    "panel_schema",
]

#: The version of the panel document's layout. The minor number grows when
#: fields are added; the major number when a field changes or goes.
PANEL_SCHEMA_VERSION = "1.2"


def panel_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of [`panel`][coalitions.panel]'s document.

    The schema ships with the package as ``coalitions/schema/panel.schema.json``.

    Examples:
        >>> panel_schema()["properties"]["schema_version"]["const"]
        '1.2'
    """
    text = (resources.files("coalitions") / "schema" / "panel.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


#: What `json_dumps` writes as escapes, so that the text can stand inside an
#: HTML ``<script>`` element (and in JavaScript source) as it is.
_UNSAFE_IN_SCRIPT = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_dumps(document: Any, *, indent: int | None = 2) -> str:
    r"""Return a panel document as JSON that is safe to inline in a web page.

    The same JSON as ``json.dumps``, with ``<``, ``>``, ``&`` and the line
    separators U+2028 and U+2029 written as ``\u`` escapes: a party named
    ``</script>`` then cannot close the script element the JSON is written
    into. Any JSON parser reads it back unchanged. ``coalitions show
    --json`` prints documents this way.

    Examples:
        >>> json_dumps({"name": "</script>"}, indent=None)
        '{"name": "\\u003c/script\\u003e"}'
    """
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    for character, escape in _UNSAFE_IN_SCRIPT.items():
        text = text.replace(character, escape)
    return text


def seat_document(
    council: Council, colours: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Return the council and its parties' seats, as the panel document has them.

    The part of [`panel`][coalitions.panel]'s document that a seat chart
    needs: ``council`` (name, seats, quota and rule) and ``parties`` (name,
    abbreviation, colour, seats and position of each), with nothing that
    takes listing coalitions.
    """
    palette = party_colours(council, colours)
    chair = None if council.rule.chair is None else council[council.rule.chair].name
    return {
        "council": {
            "name": council.name,
            "total_seats": council.total_seats,
            "declared": council.declared,
            "undeclared": council.undeclared,
            "majority": council.quota,
            "chair": chair,
            "majority_with_chair": None
            if chair is None
            else council.quota_for(with_chair=True),
            "members_needed": council.member_quota[0],
            "members_enough": council.member_quota[1],
            "rule": {**council.rule.to_dict(), "text": council.rule_description},
        },
        "parties": [
            {
                "name": party.name,
                "abbreviation": party.abbreviation,
                "colour": palette[party.name],
                "seats": party.seats,
                "position": party.position,
                "votes": party.votes,
            }
            for party in council.parties
        ],
    }


#: The most bytes a panel document's coalitions may take when written as JSON
#: (estimated before it is built): 64 MiB. Longer lists need ``top=``.
MAX_PANEL_BYTES = 64 * 2**20
#: Bytes a listed coalition takes besides its names (fields and indentation).
_BYTES_PER_COALITION = 400


def _check_size(listed: Iterable[Classification | CoalitionOutlook]) -> None:
    """Refuse a document whose coalitions would exceed `MAX_PANEL_BYTES`."""
    size = 0
    for item in listed:
        size += _BYTES_PER_COALITION + sum(
            len(name) + 8 for name in item.coalition.names
        )
        if size > MAX_PANEL_BYTES:
            raise ComputationTooLargeError(
                "the panel document",
                f"its coalitions would take more than {MAX_PANEL_BYTES:,} bytes",
                "pass top= to list fewer of them",
            )


def _chance(chances: Simulation | None, parties: list[str]) -> dict[str, Any] | None:
    """A coalition's chance of a majority in the simulation, for the document."""
    if chances is None:
        return None
    try:
        row = chances.chance(parties)
    except InvalidValueError:
        return None  # a party the poll does not have
    return {**fraction_value(row.probability), "standard_error": row.standard_error}


def fraction_value(value: Fraction) -> dict[str, Any]:
    """Return an exact value as the panel document writes it: text and float."""
    return {"exact": str(value), "value": float(value)}


def _classification(item: Classification) -> dict[str, Any]:
    return {
        "minimal": item.minimal,
        "minimum_winning": item.minimum_winning,
        "fewest_parties": item.fewest_parties,
        "connected": item.connected,
        "minimal_connected": item.minimal_connected,
        "contains_median": item.contains_median,
        "range": None if item.range is None else str(item.range),
    }


def panel(
    council: Council,
    *,
    previous: Council | None = None,
    constraints: Constraints | None = None,
    indices: Iterable[str] = ("banzhaf", "shapley_shubik"),
    colours: Mapping[str, str] | None = None,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
    top: int | None = None,
    chances: Simulation | None = None,
) -> dict[str, Any]:
    """Return everything a "who could govern" panel shows, as plain JSON data.

    The document (described field by field in the docs, and by the JSON
    Schema that [`panel_schema`][coalitions.panel_schema] returns) holds:
    the council and its quota rule; who controls it; every party with its
    colour, seats, magic number, change since ``previous`` and power; and
    the coalitions a panel lists. Coalitions come in this order: those with a
    majority already (the minimal winning coalitions under ``constraints``,
    most plausible first, as [`rank`][coalitions.rank] orders them), then,
    while seats are undeclared, those that could still get one, fewest seats
    needed first.

    Args:
        council: The council.
        previous: An earlier composition, for seat changes.
        constraints: Red lines, requirements and blocs for the coalitions.
        indices: Names from [`POWER_INDICES`][coalitions.POWER_INDICES] to
            include for each party.
        colours: Party colours to use instead of the defaults.
        max_coalitions: The cap on coalitions considered; above it the call
            raises
            [`TooManyCoalitionsError`][coalitions.exceptions.TooManyCoalitionsError].
        top: List only the first ``top`` coalitions (``coalitions_total``
            still counts them all); ``None`` lists every one.
        chances: A [`simulate`][coalitions.simulate] run for the same
            parties: each coalition then shows its chance of a majority
            (``null`` for a coalition with a party the poll does not have).

    Returns:
        A dict of strings, numbers, booleans, lists and dicts only, ready for
        ``json.dumps``.

    Raises:
        InvalidValueError: An index name is not in the registry.
        ComputationTooLargeError: The listed coalitions would take more than
            [`MAX_PANEL_BYTES`][coalitions.MAX_PANEL_BYTES] as JSON; pass
            ``top``.

    Examples:
        >>> document = panel(example("darlington-2023"))
        >>> document["control"]["text"]
        'No overall control: Labour is 3 seats short of a majority'
        >>> for item in document["coalitions"][:3]:
        ...     print(item["status"], item["parties"])
        certain ['Labour', 'Liberal Democrat']
        certain ['Labour', 'Green']
        certain ['Labour', 'Conservative']
    """
    game_of(council, constraints)
    shown = None if top is None else count(top, "top")
    names = [indices] if isinstance(indices, str) else list(indices)
    for name in names:
        if name not in POWER_INDICES:
            raise InvalidValueError(
                "indices", name, f"one of {', '.join(POWER_INDICES)}"
            )
    state = control(council)
    # With top and every seat declared, the coalitions are found best first
    # (outlook would list them all); while seats are undeclared, it lists.
    best = shown is not None and not council.undeclared
    night = (
        Outlook(council, (), party_outlooks(council))
        if best
        else outlook(council, max_coalitions=max_coalitions)
    )
    power: dict[str, dict[str, Fraction] | None] = {}
    for name in names:
        try:
            power[name] = POWER_INDICES[name](council)
        except CoalitionsError:
            power[name] = None  # undefined (nobody can win) or too large to compute
    diff = changes(previous, council) if previous is not None else None
    before = {row.name: row for row in diff.parties} if diff else {}
    if best:
        assert shown is not None
        context, total = best_first(council, shown, constraints, max_coalitions)
    else:
        context = Classifier(council, constraints, max_coalitions=max_coalitions)
    certain = context.rank()
    rules = constraints or Constraints()
    possible = [
        item
        for item in night.with_status(Status.POSSIBLE)
        if rules.allows(council, item.coalition.names)
    ]
    _check_size(itertools.islice(itertools.chain(certain, possible), shown))
    coalitions = [
        {
            "parties": list(item.coalition.names),
            "seats": item.coalition.seats,
            "surplus": item.coalition.surplus,
            "status": Status.CERTAIN.value,
            "seats_needed": 0,
            "classification": _classification(item),
        }
        for item in certain
    ] + [
        {
            "parties": list(item.coalition.names),
            "seats": item.coalition.seats,
            "surplus": item.coalition.surplus,
            "status": item.status.value,
            "seats_needed": item.seats_needed,
            "classification": _classification(context.classify(item.coalition)),
        }
        for item in possible
    ]
    if chances is not None and not isinstance(chances, Simulation):
        raise InvalidTypeError(
            "chances", chances, "a Simulation (from simulate) or None"
        )
    for item in coalitions:
        item["chance"] = _chance(chances, item["parties"])
    seating = seat_document(council, colours)
    parties = []
    for basics, prospects in zip(seating["parties"], night.parties, strict=True):
        change = before.get(basics["name"])
        parties.append(
            {
                **basics,
                "seats_needed": prospects.seats_needed,
                "majority_status": prospects.status.value,
                "seats_before": None if change is None else change.before,
                "change": None if change is None else change.change,
                "change_text": None if change is None else change.describe(),
                "power": {
                    name: None
                    if values is None
                    else fraction_value(values[basics["name"]])
                    for name, values in power.items()
                },
            }
        )
    return {
        "schema_version": PANEL_SCHEMA_VERSION,
        "council": seating["council"],
        "control": {
            "status": state.status.value,
            "party": state.party,
            "largest": list(state.largest),
            "largest_seats": state.largest_seats,
            "seats_short": state.seats_short,
            "contenders": list(state.contenders),
            "text": str(state),
        },
        "parties": parties,
        "departed_parties": [
            {
                "name": row.name,
                "seats_before": row.before,
                "change_text": row.describe(),
            }
            for row in (diff.parties if diff else ())
            if row.name not in council
        ],
        "previous": None
        if diff is None
        else {
            "name": diff.previous.name,
            "total_seats": diff.previous.total_seats,
            "total_seats_changed": diff.total_seats_changed,
            "gained_majority": [list(c.names) for c in diff.gained_majority],
            "lost_majority": [list(c.names) for c in diff.lost_majority],
        },
        "constraints": None
        if not constraints
        else {
            "excluding": list(constraints.excluding),
            "incompatible": [list(pair) for pair in constraints.incompatible],
            "requiring": list(constraints.requiring),
            "blocs": [list(bloc) for bloc in constraints.blocs],
        },
        "indices": {
            name: {
                "title": POWER_INDICES[name].title,
                "defined": power[name] is not None,
            }
            for name in names
        },
        "power_note": power_note(council),
        "chances": None
        if chances is None
        else {"draws": chances.draws, "seats": chances.seats},
        "coalitions_total": total if best else len(coalitions),
        "coalitions": coalitions if shown is None else coalitions[:shown],
    }
