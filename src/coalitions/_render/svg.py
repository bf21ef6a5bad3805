"""Seat charts as self-contained SVG: a parliament (hemicycle) and coalition bars."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from coalitions._constraints import Constraints
from coalitions._engine.game import game_of
from coalitions._model import Council
from coalitions._render.markup import escape, quoteattr
from coalitions._render.panel import panel, seat_document
from coalitions._validate import count
from coalitions.exceptions import InvalidValueError

__all__ = ["svg"]

_WIDTH = 640
_FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif"
_UNDECLARED = "#ffffff"
_UNDECLARED_STROKE = "#767676"
_LABEL_CHARACTERS = 24


def _rows(seats: int) -> int:
    return max(1, round(math.sqrt(seats) / 2))


def seat_layout(seats: int) -> tuple[list[tuple[float, float]], float]:
    """Return seat centres on a unit hemicycle, left to right, and the dot radius.

    Rows are concentric half rings; each row holds seats in proportion to its
    radius (largest remainders settle the rounding), and seats are dealt out
    by angle, so that consecutive seats form wedges from left to right.
    """
    if seats == 0:
        return [], 0.0
    rows = _rows(seats)
    inner = 0.35 if rows > 1 else 0.8
    step = (1 - inner) / rows
    radii = [inner + (i + 0.5) * step for i in range(rows)]
    shares = [seats * r / sum(radii) for r in radii]
    counts = [math.floor(share) for share in shares]
    by_remainder = sorted(range(rows), key=lambda i: (counts[i] - shares[i], -i))
    for i in by_remainder[: seats - sum(counts)]:
        counts[i] += 1
    places = []
    for radius, in_row in zip(radii, counts, strict=True):
        for k in range(in_row):
            angle = math.pi * (1 - (k + 0.5) / in_row)
            places.append((angle, radius))
    places.sort(key=lambda place: (-round(place[0], 9), place[1]))
    arc = min(math.pi * r / c for r, c in zip(radii, counts, strict=True) if c)
    dot = 0.42 * min(step, arc)
    return [(r * math.cos(a), r * math.sin(a)) for a, r in places], dot


def _isolated(name: str) -> str:
    """A name as SVG text isolated for bidirectional text.

    A right-to-left name then cannot reorder the figures written beside it.
    """
    return f'<tspan style="unicode-bidi:isolate">{escape(name)}</tspan>'


def _label(text: str) -> str:
    if len(text) <= _LABEL_CHARACTERS:
        return text
    return text[: _LABEL_CHARACTERS - 1] + "\u2026"


def _order(parties: Sequence[Mapping[str, Any]]) -> list[int]:
    """Parties left to right: by position when every party has one."""
    if parties and all(p["position"] is not None for p in parties):
        return sorted(range(len(parties)), key=lambda i: (parties[i]["position"], i))
    return list(range(len(parties)))


def _legend(
    entries: Sequence[tuple[str, str, str, str, bool]], top: float
) -> tuple[list[str], float]:
    """Lay out legend entries (name, figure, colour, css class, hollow) in columns."""
    columns = max(1, min(3, len(entries)))
    width = _WIDTH / columns
    lines = []
    for index, (name, figure, colour, css, hollow) in enumerate(entries):
        x = (index % columns) * width + 16
        y = top + (index // columns) * 24
        fill = _UNDECLARED if hollow else colour
        stroke = f' stroke="{_UNDECLARED_STROKE}"' if hollow else ""
        lines.append(
            f'<g class="legend {css}"><title>{escape(name)} {figure}</title>'
            f'<rect x="{x:.1f}" y="{y - 11:.1f}" width="14" '
            f'height="14" rx="3" fill="{fill}"{stroke}/>'
            f'<text x="{x + 20:.1f}" y="{y:.1f}" font-size="14">'
            f"{_isolated(_label(name))} {figure}</text></g>"
        )
    rows = math.ceil(len(entries) / columns)
    return lines, top + rows * 24


def _document(title: str, description: str, height: float, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} '
            f'{height:.0f}" width="{_WIDTH}" height="{height:.0f}" role="img" '
            f"aria-label={quoteattr(title)} "
            f"aria-description={quoteattr(description)} "
            f'style="{_FONT}">',
            f"<title>{escape(title)}</title>",
            f"<desc>{escape(description)}</desc>",
            *body,
            "</svg>",
        ]
    )


#: The most seats drawn one dot each; a larger body (a shareholder meeting,
#: votes as weights) is drawn as one bar of proportional segments, so that
#: the chart's size does not grow with the number of seats.
MAX_DOTS = 2000


def _proportional_bar(document: Mapping[str, Any]) -> str:
    """One bar of party segments, for bodies with more seats than dots."""
    info = document["council"]
    total, undeclared, quota = (
        info["total_seats"],
        info["undeclared"],
        info["majority"],
    )
    left, right = 16, _WIDTH - 16
    body = []
    x = float(left)
    parties = document["parties"]
    groups = [parties[i] for i in _order(parties) if parties[i]["seats"]]
    for party in groups:
        width = (right - left) * party["seats"] / total
        body.append(
            f'<g class="party" data-party={quoteattr(party["name"])} '
            f'data-seats="{party["seats"]}" fill="{party["colour"]}">'
            f"<title>{escape(party['name'])}: {party['seats']:,} seats</title>"
            f'<rect x="{x:.1f}" y="40" width="{width:.1f}" height="40"/></g>'
        )
        x += width
    quota_x = left + (right - left) * quota / total
    body.append(
        f'<g class="majority"><title>Majority: {quota:,} seats</title>'
        f'<line x1="{quota_x:.1f}" y1="30" x2="{quota_x:.1f}" y2="90" '
        f'stroke="#222" stroke-width="2" stroke-dasharray="6 4"/></g>'
        f'<text class="headline" x="{left}" y="24" font-size="16" '
        f'font-weight="600">{total:,} seats, majority {quota:,}</text>'
    )
    entries = [
        (p["name"], f"{p['seats']:,}", p["colour"], "party", False) for p in groups
    ]
    if undeclared:
        entries.append(("Undeclared", f"{undeclared:,}", "", "undeclared", True))
    legend, bottom = _legend(entries, 120)
    body += legend
    description = (
        f"Seat chart of {info['name']}: {total:,} seats in proportion. "
        + ", ".join(f"{p['name']} {p['seats']:,}" for p in groups)
        + f". A majority needs {quota:,} seats ({info['rule']['text']})."
    )
    return _document(f"{info['name']}: seats", description, bottom + 8, body)


def parliament_chart(document: Mapping[str, Any]) -> str:
    """Return the hemicycle of a panel document (or of its seat part).

    Above ``MAX_DOTS`` seats, one proportional bar instead.
    """
    info = document["council"]
    total, undeclared, quota = (
        info["total_seats"],
        info["undeclared"],
        info["majority"],
    )
    if total > MAX_DOTS:
        return _proportional_bar(document)
    colours = {party["name"]: party["colour"] for party in document["parties"]}
    places, dot = seat_layout(total)
    radius = _WIDTH / 2 - 24
    centre_x, centre_y = _WIDTH / 2, radius + 24
    body = []
    seat = 0
    parties = document["parties"]
    groups = [(parties[i]["name"], parties[i]["seats"]) for i in _order(parties)]
    for name, seats in groups:
        if not seats:
            continue
        circles = []
        for x, y in places[seat : seat + seats]:
            circles.append(
                f'<circle class="seat" cx="{centre_x + x * radius:.1f}" '
                f'cy="{centre_y - y * radius:.1f}" r="{dot * radius:.1f}"/>'
            )
        seat += seats
        noun = "seat" if seats == 1 else "seats"
        body.append(
            f'<g class="party" data-party={quoteattr(name)} data-seats="{seats}" '
            f'fill="{colours[name]}"><title>{escape(name)}: {seats} {noun}</title>'
            + "".join(circles)
            + "</g>"
        )
    if undeclared:
        circles = [
            f'<circle class="seat" cx="{centre_x + x * radius:.1f}" '
            f'cy="{centre_y - y * radius:.1f}" r="{dot * radius * 0.85:.1f}"/>'
            for x, y in places[seat:]
        ]
        body.append(
            f'<g class="undeclared" data-seats="{undeclared}" '
            f'fill="{_UNDECLARED}" stroke="{_UNDECLARED_STROKE}" stroke-width="1.5">'
            f"<title>Undeclared or vacant: {undeclared}</title>"
            + "".join(circles)
            + "</g>"
        )
    if 0 < quota <= len(places):
        before = math.atan2(places[quota - 1][1], places[quota - 1][0])
        after = (
            math.atan2(places[quota][1], places[quota][0]) if quota < len(places) else 0
        )
        angle = (before + after) / 2
        inner, outer = 0.28 * radius, radius + 14
        x1, y1 = centre_x + inner * math.cos(angle), centre_y - inner * math.sin(angle)
        x2, y2 = centre_x + outer * math.cos(angle), centre_y - outer * math.sin(angle)
        body.append(
            f'<g class="majority"><title>Majority: {quota} seats</title>'
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#222" stroke-width="2" stroke-dasharray="6 4"/></g>'
        )
    body.append(
        f'<text class="headline" x="{centre_x:.1f}" y="{centre_y - 8:.1f}" '
        f'text-anchor="middle" font-size="20" font-weight="600">'
        f"{total} seats</text>"
        f'<text x="{centre_x:.1f}" y="{centre_y + 16:.1f}" text-anchor="middle" '
        f'font-size="14">majority {quota}</text>'
    )
    entries = [
        (name, str(seats), colours[name], "party", False) for name, seats in groups
    ]
    if undeclared:
        entries.append(("Undeclared", str(undeclared), "", "undeclared", True))
    legend, bottom = _legend(entries, centre_y + 48)
    body += legend
    listed = ", ".join(f"{name} {seats}" for name, seats in groups)
    description = (
        f"Seat chart of {info['name']}: {total} seats. {listed}"
        + (f", {undeclared} undeclared or vacant" if undeclared else "")
        + f". A majority needs {quota} seats ({info['rule']['text']})."
    )
    return _document(f"{info['name']}: seats", description, bottom + 8, body)


def coalitions_chart(document: Mapping[str, Any], max_bars: int = 10) -> str:
    """Return the coalition bars of a panel document: its first certain coalitions."""
    info = document["council"]
    total, quota = info["total_seats"], info["majority"]
    seats_of = {party["name"]: party["seats"] for party in document["parties"]}
    colours = {party["name"]: party["colour"] for party in document["parties"]}
    found = [c for c in document["coalitions"] if c["status"] == "certain"]
    left, right = 16, _WIDTH - 16
    scale = (right - left) / max(total, 1)
    body = []
    y = 40
    for coalition in found[:max_bars]:
        label = " + ".join(coalition["parties"])
        summary = f"{label}: {coalition['seats']} of {total} (majority {quota})"
        body.append(
            f'<g class="coalition" data-parties={quoteattr(label)}>'
            f"<title>{escape(summary)}</title>"
            f'<text x="{left}" y="{y:.0f}" font-size="14">'
            + " + ".join(_isolated(name) for name in coalition["parties"])
            + f" ({coalition['seats']})</text>"
        )
        x = float(left)
        for name in coalition["parties"]:
            width = seats_of[name] * scale
            body.append(
                f'<rect x="{x:.1f}" y="{y + 6:.0f}" width="{width:.1f}" height="18" '
                f'fill="{colours[name]}"><title>{escape(name)}: '
                f"{seats_of[name]}</title></rect>"
            )
            x += width
        body.append("</g>")
        y += 48
    quota_x = left + quota * scale
    body.append(
        f'<g class="majority"><title>Majority: {quota} seats</title>'
        f'<line x1="{quota_x:.1f}" y1="16" x2="{quota_x:.1f}" y2="{y - 16:.0f}" '
        f'stroke="#222" stroke-width="2" stroke-dasharray="6 4"/>'
        f'<text x="{quota_x + 4:.1f}" y="14" font-size="12">majority '
        f"{quota}</text></g>"
    )
    listed = "; ".join(
        f"{' + '.join(c['parties'])}, {c['seats']} seats" for c in found[:max_bars]
    )
    description = (
        f"Coalitions that could govern {info['name']}, against the majority of "
        f"{quota} of {total} seats: {listed or 'none'}."
    )
    return _document(f"{info['name']}: coalitions", description, y, body)


def svg(
    source: Council | Mapping[str, Any],
    *,
    chart: Literal["parliament", "coalitions"] = "parliament",
    colours: Mapping[str, str] | None = None,
    constraints: Constraints | None = None,
    max_bars: int = 10,
) -> str:
    """Return a self-contained SVG chart of a council or of its panel document.

    ``chart="parliament"`` draws a hemicycle: one dot per seat, grouped and
    coloured by party (left to right by position when every party has one,
    otherwise in council order), undeclared and vacant seats as hollow dots,
    and a dashed line where the seats counted from the left reach a majority.
    ``chart="coalitions"`` draws each minimal winning coalition (most
    plausible first, at most ``max_bars``) as a bar of its parties' seats
    against a dashed majority line. Both carry a ``<title>`` and a
    ``<desc>`` that say in words what the chart shows, for screen readers.

    The chart draws a [`panel`][coalitions.panel] document. Given a council,
    it builds the part of that document it needs; given a document (from
    ``panel``, perhaps stored or edited), it draws it as it is.

    Args:
        source: The council, or a panel document.
        chart: Which chart.
        colours: Party colours to use instead of the defaults (see
            [`party_colours`][coalitions.party_colours]); with a council only.
        constraints: For the coalition chart, the constraints to list under;
            with a council only.
        max_bars: For the coalition chart, how many coalitions to show.

    Returns:
        The SVG document as a string.

    Raises:
        InvalidValueError: ``chart`` is neither kind, or ``colours`` or
            ``constraints`` come with a document (they belong to ``panel``).

    Examples:
        >>> picture = svg(example("darlington-2023"))
        >>> picture.count('class="seat"')
        50
        >>> "<title" in picture and 'class="majority"' in picture
        True
        >>> document = panel(example("darlington-2023"))
        >>> svg(document, chart="coalitions").count('class="coalition"')
        3
    """
    bars = count(max_bars, "max_bars")
    if chart not in ("parliament", "coalitions"):
        raise InvalidValueError("chart", chart, "'parliament' or 'coalitions'")
    if isinstance(source, Mapping):
        for field, given in (("colours", colours), ("constraints", constraints)):
            if given is not None:
                raise InvalidValueError(
                    field, given, "None with a panel document (give it to panel())"
                )
        document = source
    elif chart == "parliament":
        game_of(source, constraints)
        document = seat_document(source, colours)
    else:
        document = panel(source, constraints=constraints, colours=colours, indices=())
    if chart == "parliament":
        return parliament_chart(document)
    return coalitions_chart(document, bars)
