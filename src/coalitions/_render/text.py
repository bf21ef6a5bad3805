"""Plain-text tables for the terminal, and the power document, from results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from coalitions._model import Council
from coalitions._power import POWER_INDICES, power_note
from coalitions._render.panel import fraction_value


def power_document(
    council: Council,
    indices: Mapping[str, Mapping[str, Fraction]],
    skipped: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Return the JSON document printed by ``coalitions power --json``.

    Each value is written as the panel document writes power: ``{"exact":
    "7/10", "value": 0.7}``. ``skipped`` gives the indices out of reach for
    this council, with the reason.
    """
    return {
        "council": council.to_dict(),
        "majority": council.quota,
        "note": power_note(council),
        "indices": {
            name: {party: fraction_value(value) for party, value in values.items()}
            for name, values in indices.items()
        },
        "not_computed": dict(skipped or {}),
    }


def power_table(
    council: Council,
    indices: Mapping[str, Mapping[str, Fraction]],
    skipped: Mapping[str, str] | None = None,
) -> str:
    """Return the table printed by ``coalitions power``, values in per cent.

    Indices in ``skipped`` (out of reach for this council) are listed below
    the table with the reason.
    """
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
        f"{council.total_seats} seats, majority {council.quota}",
        "",
        *table(header, rows),
    ]
    note = power_note(council)
    if note:
        lines += ["", note]
    for name, reason in (skipped or {}).items():
        lines += ["", f"{POWER_INDICES[name].title}: not computed: {reason}"]
    return "\n".join(lines)


def show_table(document: Mapping[str, Any], *, since: str | None = None) -> str:
    """Return the "who could govern" table of a panel document.

    The table ``coalitions show`` prints: the council, who controls it, each
    party (with its change and the seats it still needs while seats are
    undeclared) and the coalitions, in the panel's order.
    """
    info = document["council"]
    undeclared = info["undeclared"]
    pending = undeclared > 0
    previous = document["previous"]
    lines = [
        info["name"],
        f"{info['total_seats']} seats, {info['declared']} declared, "
        f"{undeclared} undeclared; majority {info['majority']} "
        f"({info['rule']['text']})",
        f"Control: {document['control']['text']}",
        "",
    ]
    columns = ["Party", "Seats"]
    if previous is not None:
        columns.append("Change")
    if pending:
        columns.append("Needs")
    rows = []
    for party in document["parties"]:
        row = [party["name"], str(party["seats"])]
        if previous is not None:
            row.append(f"{party['change']:+d}")
        if pending:
            row.append(
                _needs(party["seats_needed"], party["majority_status"], undeclared)
            )
        rows.append(tuple(row))
    if previous is not None:
        rows += [
            (
                f"{gone['name']} (gone)",
                "0",
                f"{-gone['seats_before']:+d}",
                *([""] if pending else []),
            )
            for gone in document["departed_parties"]
        ]
    if pending:
        rows.append(("(undeclared)", str(undeclared), *[""] * (len(columns) - 2)))
    lines += table(tuple(columns), rows)
    if previous is not None:
        changed = [p["change_text"] for p in document["parties"] if p["change"]]
        changed += [gone["change_text"] for gone in document["departed_parties"]]
        lines += ["", f"Since {since or previous['name']}:"]
        lines += [f"  {text}" for text in changed]
        if previous["total_seats_changed"]:
            lines.append(
                f"  (the council had {previous['total_seats']} seats, "
                f"now {info['total_seats']})"
            )
    lines.append("")
    found = document["coalitions"]
    if not found:
        lines.append(
            f"Who could govern: no coalition of the declared parties reaches "
            f"{info['majority']} seats, nor can it with the seats to declare."
        )
        return "\n".join(lines)
    certain = sum(1 for item in found if item["status"] == "certain")
    possible = len(found) - certain
    noun = "coalition" if certain == 1 else "coalitions"
    heading = f"Who could govern: {certain} minimal winning {noun}"
    if possible:
        heading += f", {possible} more possible with the seats to declare"
    if len(found) < document["coalitions_total"]:
        heading += f" (the first {len(found)} of {document['coalitions_total']})"
    lines.append(heading)
    header = ("Coalition", "Seats", "Surplus", *(("Status",) if pending else ()))
    lines += table(
        header,
        [
            (
                " + ".join(item["parties"]),
                str(item["seats"]),
                f"{item['surplus']:+d}",
                *(
                    (_needs(item["seats_needed"], item["status"], undeclared),)
                    if pending
                    else ()
                ),
            )
            for item in found
        ],
    )
    return "\n".join(lines)


def _needs(seats_needed: int, status: str, undeclared: int) -> str:
    if status == "certain":
        return "certain"
    if status == "possible":
        return f"needs {seats_needed} of {undeclared}"
    return f"needs {seats_needed}: out of reach"


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Return aligned lines: the first column left, the others right."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        first, *numbers = row
        cells = [first.ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(numbers, widths[1:], strict=True)
        ]
        return "  " + "  ".join(cells).rstrip()

    return [line(header), *(line(row) for row in rows)]
