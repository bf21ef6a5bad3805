"""A self-contained "who could govern" page: charts, coalitions and parties."""

from __future__ import annotations

import base64
import hashlib
import warnings
from collections.abc import Iterable, Mapping
from html import escape
from importlib import resources
from typing import Any

from coalitions._chances import Simulation
from coalitions._constraints import Constraints
from coalitions._engine.enumerate import DEFAULT_MAX_COALITIONS
from coalitions._model import Council
from coalitions._render.colours import (
    CLASH_THRESHOLD,
    ColourClashWarning,
    colour_clashes,
)
from coalitions._render.markup import quoteattr
from coalitions._render.panel import json_dumps, panel
from coalitions._render.svg import coalitions_chart, parliament_chart
from coalitions.exceptions import InvalidValueError

__all__ = ["html"]

_STYLE = """
.coalitions-panel { --ink: #1b1b1b; --muted: #595959; --rule: #d9d9d9; --bg: #ffffff;
  --accent: #1a5fb4; --meter: #e8e8e8;
  color: var(--ink); background: var(--bg); line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 720px; margin: 0 auto; padding: 16px; overflow-wrap: break-word; }
.coalitions-panel.theme-dark { --ink: #f0f0f0; --muted: #b3b3b3; --rule: #444;
  --bg: #161616; --accent: #8ab4f8; --meter: #333; color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  .coalitions-panel.theme-auto { --ink: #f0f0f0; --muted: #b3b3b3; --rule: #444;
    --bg: #161616; --accent: #8ab4f8; --meter: #333; color-scheme: dark; }
}
.coalitions-panel * { box-sizing: border-box; }
.coalitions-panel h1 { font-size: 1.6rem; margin: 0.4rem 0; }
.coalitions-panel h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; }
.coalitions-panel .control { font-size: 1.15rem; font-weight: 600; margin: 0.3rem 0; }
.coalitions-panel .summary, .coalitions-panel figcaption,
.coalitions-panel footer { color: var(--muted); }
.coalitions-panel figure { margin: 1rem 0; }
.coalitions-panel svg { width: 100%; height: auto; display: block; }
.coalitions-panel svg text { fill: var(--ink); }
.coalitions-panel svg .majority line { stroke: var(--ink); }
.coalitions-panel svg g.party { transition: opacity 0.2s; }
.coalitions-panel svg g.party.dim { opacity: 0.2; }
.coalitions-panel .scroll { overflow-x: auto; }
.coalitions-panel table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.coalitions-panel th, .coalitions-panel td { text-align: left; padding: 6px 8px;
  border-bottom: 1px solid var(--rule); vertical-align: top; }
.coalitions-panel td.number, .coalitions-panel th.number { text-align: right;
  font-variant-numeric: tabular-nums; }
.coalitions-panel .swatch { display: inline-block; width: 0.8em; height: 0.8em;
  border-radius: 2px; margin-right: 0.4em; vertical-align: baseline; flex: none; }
.coalitions-panel .status-possible { color: var(--muted); }
.coalitions-panel footer { margin-top: 2rem; font-size: 0.85rem; }
.coalitions-panel .choices { display: flex; flex-wrap: wrap; gap: 8px; padding: 0;
  margin: 0.5rem 0; list-style: none; }
.coalitions-panel button { font: inherit; color: var(--ink); background: var(--bg);
  border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px;
  min-height: 44px; cursor: pointer; text-align: left; }
.coalitions-panel button.party-toggle { display: flex; align-items: center;
  max-width: 100%; }
.coalitions-panel button[aria-pressed="true"] { border-color: var(--accent);
  box-shadow: inset 0 0 0 2px var(--accent); font-weight: 600; }
.coalitions-panel button:focus-visible, .coalitions-panel input:focus-visible {
  outline: 3px solid var(--accent); outline-offset: 2px; }
.coalitions-panel .meter { position: relative; height: 18px; background: var(--meter);
  border-radius: 9px; margin: 0.8rem 0 0.3rem; }
.coalitions-panel .meter-fill { height: 100%; width: 0; background: var(--muted);
  border-radius: 9px; transition: width 0.2s; }
.coalitions-panel .meter-fill.winning { background: var(--accent); }
.coalitions-panel .meter-line { position: absolute; top: -4px; bottom: -4px;
  border-left: 2px dashed var(--ink); }
.coalitions-panel .verdict { font-weight: 600; min-height: 3em; }
.coalitions-panel .red-lines label { display: block; margin: 0.3rem 0; }
.coalitions-panel .legend-list { display: none; list-style: none; padding: 0;
  margin: 0.5rem 0; flex-wrap: wrap; gap: 4px 14px; }
.coalitions-panel .legend-list li { display: flex; align-items: center; }
.coalitions-panel .swatch.hollow { border: 1.5px solid var(--muted); }
@media (max-width: 560px) {
  .coalitions-panel .legend-list { display: flex; }
  .coalitions-panel svg g.legend { display: none; }
}
@media (prefers-reduced-motion: reduce) {
  .coalitions-panel * { transition: none !important; }
}
"""

#: The script that makes the page interactive, shipped beside this module and
#: allowed by the page's content security policy by its hash.
_SCRIPT = (resources.files("coalitions") / "_render" / "builder.js").read_text(
    encoding="utf-8"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
#: The page's themes.
THEMES = ("auto", "light", "dark")


def _cell(text: object, *, number: bool = False) -> str:
    css = ' class="number"' if number else ""
    return f"<td{css}>{escape(str(text))}</td>"


def _chance_cell(chance: Mapping[str, Any] | None) -> str:
    if chance is None:
        return _cell("-", number=True)
    return _cell(f"{chance['value']:.0%}", number=True)


def _with_votes(document: Mapping[str, Any]) -> bool:
    return any(party.get("votes") is not None for party in document["parties"])


def _chances_note(document: Mapping[str, Any]) -> str:
    run = document.get("chances")
    if run is None:
        return ""
    return (
        f'<p class="summary">Chance of a majority: the share of {run["draws"]:,} '
        "results drawn from the poll's uncertainty in which the coalition holds "
        f"more than half of {run['seats']} seats.</p>"
    )


def _coalition_rows(
    document: Mapping[str, Any], red_lines: list[tuple[str, ...]]
) -> list[str]:
    """One row per coalition; rows that cross a red line start hidden."""
    undeclared = document["council"]["undeclared"]
    with_chances = document.get("chances") is not None
    rows = []
    for item in document["coalitions"]:
        crossed = any(
            a in item["parties"] and b in item["parties"] for a, b in red_lines
        )
        status = (
            "has a majority"
            if item["status"] == "certain"
            else f"needs {item['seats_needed']} of the {undeclared} seats to declare"
        )
        rows.append(
            f'<tr class="coalition status-{item["status"]}" '
            f"data-parties={quoteattr(json_dumps(item['parties'], indent=None))}"
            + (" hidden>" if crossed else ">")
            + "<td>"
            + " + ".join(f"<bdi>{escape(name)}</bdi>" for name in item["parties"])
            + "</td>"
            + _cell(item["seats"], number=True)
            + _cell(f"{item['surplus']:+d}", number=True)
            + _cell(status)
            + (_chance_cell(item["chance"]) if with_chances else "")
            + "</tr>"
        )
    return rows


def _party_rows(document: Mapping[str, Any], with_change: bool) -> list[str]:
    with_votes = _with_votes(document)
    rows = []
    for party in document["parties"]:
        cells = [
            f'<td><span class="swatch" style="background:{party["colour"]}"></span>'
            f"<bdi>{escape(party['name'])}</bdi></td>",
            _cell(party["seats"], number=True),
        ]
        if with_votes:
            votes = party.get("votes")
            cells.append(_cell("-" if votes is None else f"{votes:,}", number=True))
        if with_change:
            change = party["change"]
            cells.append(
                _cell(
                    "new" if party["seats_before"] == 0 else f"{change:+d}", number=True
                )
            )
        cells.extend(
            _cell(
                "n/a" if value is None else f"{value['value'] * 100:.1f}%", number=True
            )
            for value in party["power"].values()
        )
        rows.append('<tr class="party">' + "".join(cells) + "</tr>")
    return rows


def html(
    source: Council | Mapping[str, Any],
    *,
    previous: Council | None = None,
    constraints: Constraints | None = None,
    indices: Iterable[str] = ("banzhaf", "shapley_shubik"),
    colours: Mapping[str, str] | None = None,
    max_coalitions: int | None = DEFAULT_MAX_COALITIONS,
    top: int | None = 20,
    chances: Simulation | None = None,
    interactive: bool = True,
    fragment: bool = False,
    theme: str = "auto",
) -> str:
    """Return a self-contained HTML page: who could govern the council.

    One file with no network requests and no external assets (a content
    security policy forbids them): a seat chart, the coalitions that could
    govern (with their status while seats are undeclared) and a chart of
    them, and a table of the parties with their seats, change since
    ``previous`` and power. It reads well on a phone and on a desktop. The
    page shows exactly what [`panel`][coalitions.panel] returns for the same
    arguments: it is drawn from that document, built once, and a document
    (stored, or edited) can be given instead of a council.

    With ``interactive`` (the default) readers can also build their own
    coalition: they press party buttons and the page says whether those
    parties have a majority, by how much, and which of them are needed,
    highlighting their seats; red lines given in ``constraints`` can be
    switched off and on. The script is inlined and allowed by its hash; with
    JavaScript off the page is the same static page.

    Args:
        source: The council, or a panel document (then leave the other
            arguments at their defaults: they are the document's).
        previous: An earlier composition, for seat changes.
        constraints: Red lines, requirements and blocs for the coalitions.
        indices: Power indices to show.
        colours: Party colours to use instead of the defaults.
        max_coalitions: The cap on coalitions considered.
        top: How many coalitions to list (the page says how many there are
            in all); ``None`` for all of them.
        chances: A [`simulate`][coalitions.simulate] run: the coalitions
            table then shows each one's chance of a majority.
        interactive: Add the "build your own coalition" controls.
        fragment: Return an embeddable fragment instead of a page: one
            ``<div class="coalitions-panel">`` with its styles scoped to
            that class, no ``<html>`` or ``<head>``, and no element IDs, so
            that several can share a host page.
        theme: ``"auto"`` (follow the reader's light or dark setting),
            ``"light"`` or ``"dark"``.

    Returns:
        The page (or fragment), as a string.

    Raises:
        InvalidValueError: A document comes with arguments that only a
            council takes, or ``theme`` is not one of the themes.

    Warns:
        ColourClashWarning: Two seated parties' colours are closer than
            [`CLASH_THRESHOLD`][coalitions.CLASH_THRESHOLD] (CIEDE2000);
            the palette never picks such colours, so this comes from given
            or well-known ones.

    Examples:
        >>> page = html(example("darlington-2023"))
        >>> page.startswith("<!doctype html>"), "Labour + Liberal Democrat" in page
        (True, True)
        >>> html(example("darlington-2023"), fragment=True)[:36]
        '<div class="coalitions-panel theme-a'
    """
    if theme not in THEMES:
        raise InvalidValueError("theme", theme, f"one of {', '.join(THEMES)}")
    relaxed: Mapping[str, Any] | None = None
    if isinstance(source, Mapping):
        given = {
            "previous": previous,
            "constraints": constraints,
            "colours": colours,
            "chances": chances,
        }
        for field, value in given.items():
            if value is not None:
                raise InvalidValueError(
                    field, value, "None with a panel document (give it to panel())"
                )
        document = source
    else:
        options: dict[str, Any] = {
            "previous": previous,
            "indices": indices,
            "colours": colours,
            "max_coalitions": max_coalitions,
            "top": top,
            "chances": chances,
        }
        document = panel(source, constraints=constraints, **options)
        if interactive and constraints is not None and constraints.incompatible:
            # Readers may lift the red lines: list the coalitions without them,
            # hiding (until then) those that cross one.
            lifted = Constraints(
                excluding=constraints.excluding,
                requiring=constraints.requiring,
                blocs=constraints.blocs,
            )
            relaxed = panel(source, constraints=lifted or None, **options)
    _warn_of_clashes(document)
    content = _content(document, relaxed, interactive=interactive)
    classes = f"coalitions-panel theme-{theme}"
    if fragment:
        return f'<div class="{classes}"><style>{_STYLE}</style>\n{content}\n</div>'
    name = escape(document["council"]["name"])
    script = f" script-src 'sha256-{_SCRIPT_HASH}';" if interactive else ""
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta http-equiv="Content-Security-Policy" content="default-src '
            f"'none'; style-src 'unsafe-inline'; img-src data:;{script}\">",
            f"<title>Who could govern {name}?</title>",
            f"<style>body {{ margin: 0; }}{_STYLE}</style></head>",
            f'<body><main class="{classes}">',
            content,
            "</main></body></html>",
        ]
    )


def _warn_of_clashes(document: Mapping[str, Any]) -> None:
    """Warn when two seated parties' colours are too close to tell apart."""
    seated = {p["name"]: p["colour"] for p in document["parties"] if p["seats"]}
    clashes = colour_clashes(seated)
    if clashes:
        pairs = "; ".join(f"{a} and {b} ({d:.1f})" for a, b, d in clashes)
        warnings.warn(
            f"party colours too close to tell apart (CIEDE2000 below "
            f"{CLASH_THRESHOLD}): {pairs}; pass colours= to change them",
            ColourClashWarning,
            stacklevel=3,
        )


def _content(
    document: Mapping[str, Any],
    relaxed: Mapping[str, Any] | None,
    *,
    interactive: bool,
) -> str:
    """The panel's body: headline, charts, builder, coalitions and parties."""
    info = document["council"]
    name = escape(info["name"])
    with_change = document["previous"] is not None
    power_heads = "".join(
        f'<th class="number" scope="col">{escape(meta["title"])}</th>'
        for meta in document["indices"].values()
    )
    change_head = '<th class="number" scope="col">Change</th>' if with_change else ""
    red_lines = [
        tuple(pair)
        for pair in (document.get("constraints") or {}).get("incompatible", [])
    ]
    listing = relaxed if relaxed is not None else document
    coalitions = _coalition_rows(listing, red_lines)
    listed, total = len(document["coalitions"]), document["coalitions_total"]
    if not coalitions:
        note = "<p>No coalition can reach a majority.</p>"
    elif listed < total:
        note = f'<p class="summary">The {listed} most plausible of {total}.</p>'
    else:
        note = ""
    body = [
        f"<h1>Who could govern {name}?</h1>",
        f'<p class="control">{escape(document["control"]["text"])}</p>',
        f'<p class="summary">{info["total_seats"]} seats, {info["declared"]} declared'
        + (
            f", {info['undeclared']} still to declare or vacant"
            if info["undeclared"]
            else ""
        )
        + f". A majority is {info['majority']} seats "
        + f"({escape(info['rule']['text'])}).</p>",
        "<figure>",
        parliament_chart(document),
        _legend_list(document),
        "<figcaption>One dot per seat; hollow dots are seats not yet declared or "
        "vacant; the dashed line marks a majority counted from the left.</figcaption>",
        "</figure>",
        _builder(document, red_lines) if interactive else "",
        "<section><h2>Coalitions that could govern</h2>",
        note,
        _red_line_note(red_lines),
        '<div class="scroll"><table class="coalitions"><thead><tr>'
        '<th scope="col">Coalition</th><th class="number" scope="col">Seats</th>'
        '<th class="number" scope="col">Over majority</th><th scope="col">Status</th>'
        + (
            '<th class="number" scope="col">Chance of a majority</th>'
            if document.get("chances") is not None
            else ""
        )
        + "</tr></thead><tbody>",
        *coalitions,
        "</tbody></table></div>",
        _chances_note(document),
        "<figure>",
        coalitions_chart(document),
        _bars_caption(document),
        "</figure></section>",
        "<section><h2>Parties</h2>",
        '<div class="scroll"><table class="parties"><thead><tr>'
        '<th scope="col">Party</th><th class="number" scope="col">Seats</th>'
        + ('<th class="number" scope="col">Votes</th>' if _with_votes(document) else "")
        + f"{change_head}{power_heads}</tr></thead><tbody>",
        *_party_rows(document, with_change),
        "</tbody></table></div>",
        f'<p class="summary">{escape(document["power_note"])}</p>'
        if document.get("power_note")
        else "",
        "</section>",
        "<footer>Power: the share of decisive votes each party holds (exact "
        "indices; see the coalitions documentation). Made with coalitions.</footer>",
    ]
    if interactive:
        body += [
            '<script type="application/json" class="coalitions-data">'
            + _builder_data(document)
            + "</script>",
            f"<script>{_SCRIPT}</script>",
        ]
    return "\n".join(part for part in body if part)


def _builder(document: Mapping[str, Any], red_lines: list[tuple[str, ...]]) -> str:
    """The reader's controls: party buttons, a meter, the verdict, red lines.

    Hidden until the script shows them, so a page without JavaScript shows
    no control that does nothing.
    """
    info = document["council"]
    buttons = "".join(
        '<li><button type="button" class="party-toggle" aria-pressed="false">'
        f'<span class="swatch" style="background:{party["colour"]}"></span>'
        f"<bdi>{escape(party['name'])}</bdi>&nbsp;({party['seats']})</button></li>"
        for party in document["parties"]
    )
    share = 100 * info["majority"] / info["total_seats"]
    toggles = "".join(
        f'<label><input type="checkbox" class="red-line" checked '
        f"data-a={quoteattr(a)} data-b={quoteattr(b)}> "
        f"<bdi>{escape(a)}</bdi> will not work with <bdi>{escape(b)}</bdi></label>"
        for a, b in red_lines
    )
    return "".join(
        [
            '<section class="builder" hidden aria-label="Build a coalition">',
            "<h2>Build a coalition</h2>",
            '<p class="summary">Press parties to add them to a coalition or take '
            "them out.</p>",
            f'<ul class="choices">{buttons}</ul>',
            '<div class="meter" aria-hidden="true"><div class="meter-fill"></div>'
            f'<div class="meter-line" style="left:{share:.2f}%"></div></div>',
            '<p class="verdict" role="status" aria-live="polite"></p>',
            '<button type="button" class="clear">Clear the selection</button>',
            f'<div class="red-lines"><h3>Red lines</h3>{toggles}</div>'
            if toggles
            else "",
            "</section>",
        ]
    )


def _legend_list(document: Mapping[str, Any]) -> str:
    """The chart's legend as HTML text, shown instead of the chart's own on phones.

    Text in an SVG shrinks with the chart; this list keeps the reader's font
    size, wraps names between words and keeps each swatch beside its name.
    """
    items = [
        f'<li><span class="swatch" style="background:{p["colour"]}"></span>'
        f"<span><bdi>{escape(p['name'])}</bdi>&nbsp;{p['seats']:,}</span></li>"
        for p in document["parties"]
        if p["seats"]
    ]
    undeclared = document["council"]["undeclared"]
    if undeclared:
        items.append(
            '<li><span class="swatch hollow"></span>'
            f"<span>Undeclared&nbsp;{undeclared:,}</span></li>"
        )
    return f'<ul class="legend-list">{"".join(items)}</ul>'


def _bars_caption(document: Mapping[str, Any]) -> str:
    """Say which coalitions the bar chart shows: those with a majority, first ten."""
    certain = sum(1 for c in document["coalitions"] if c["status"] == "certain")
    if not certain:
        return ""
    shown = min(certain, 10)
    which = (
        "each coalition with a majority"
        if shown == certain
        else f"the first {shown} of the {certain} coalitions with a majority"
    )
    return (
        f"<figcaption>The bars show {which} in the table's order, against the "
        "majority line.</figcaption>"
    )


def _red_line_note(red_lines: list[tuple[str, ...]]) -> str:
    if not red_lines:
        return ""
    listed = "; ".join(
        f"<bdi>{escape(a)}</bdi>\u2013<bdi>{escape(b)}</bdi>" for a, b in red_lines
    )
    return f'<p class="summary">Red lines: {listed}.</p>'


def _builder_data(document: Mapping[str, Any]) -> str:
    """What the script needs, as JSON safe inside a script element."""
    info = document["council"]
    data = {
        "council": {
            key: info.get(key)
            for key in (
                "total_seats",
                "undeclared",
                "majority",
                "chair",
                "majority_with_chair",
                "members_needed",
                "members_enough",
            )
        },
        "parties": [
            {"name": party["name"], "seats": party["seats"]}
            for party in document["parties"]
        ],
        "coalitions": [
            {"parties": item["parties"], "chance": item.get("chance")}
            for item in document["coalitions"]
            if item.get("chance") is not None
        ],
    }
    return json_dumps(data, indent=None)
