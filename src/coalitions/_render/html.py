"""A self-contained "who could govern" page: charts, coalitions and parties."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from coalitions._chances import Simulation
from coalitions._constraints import Constraints
from coalitions._engine.enumerate import DEFAULT_MAX_COALITIONS
from coalitions._model import Council
from coalitions._render.panel import panel
from coalitions._render.svg import coalitions_chart, parliament_chart
from coalitions.exceptions import InvalidValueError

__all__ = ["html"]

_STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d9d9d9; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #fff; line-height: 1.45; }
main { max-width: 720px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; margin: 0.4rem 0; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 0.5rem; }
.control { font-size: 1.15rem; font-weight: 600; margin: 0.3rem 0; }
.summary, figcaption, footer { color: var(--muted); }
figure { margin: 1rem 0; }
svg { width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px;
  margin-right: 0.4em; vertical-align: baseline; }
.status-possible { color: var(--muted); }
footer { margin-top: 2rem; font-size: 0.85rem; }
"""


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


def _coalition_rows(document: Mapping[str, Any]) -> list[str]:
    undeclared = document["council"]["undeclared"]
    with_chances = document.get("chances") is not None
    rows = []
    for item in document["coalitions"]:
        status = (
            "has a majority"
            if item["status"] == "certain"
            else f"needs {item['seats_needed']} of the {undeclared} seats to declare"
        )
        rows.append(
            f'<tr class="coalition status-{item["status"]}">'
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

    Returns:
        The page, as a string.

    Raises:
        InvalidValueError: A document comes with arguments that only a
            council takes.

    Examples:
        >>> page = html(example("darlington-2023"))
        >>> page.startswith("<!doctype html>"), "Labour + Liberal Democrat" in page
        (True, True)
    """
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
        document = panel(
            source,
            previous=previous,
            constraints=constraints,
            indices=indices,
            colours=colours,
            max_coalitions=max_coalitions,
            top=top,
            chances=chances,
        )
    info = document["council"]
    name = escape(info["name"])
    with_change = document["previous"] is not None
    power_heads = "".join(
        f'<th class="number" scope="col">{escape(meta["title"])}</th>'
        for meta in document["indices"].values()
    )
    change_head = '<th class="number" scope="col">Change</th>' if with_change else ""
    coalitions = _coalition_rows(document)
    listed, total = len(document["coalitions"]), document["coalitions_total"]
    if not coalitions:
        note = "<p>No coalition can reach a majority.</p>"
    elif listed < total:
        note = f'<p class="summary">The {listed} most plausible of {total}.</p>'
    else:
        note = ""
    body = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>Who could govern {name}?</title>",
        f"<style>{_STYLE}</style></head>",
        "<body><main>",
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
        "<figcaption>One dot per seat; hollow dots are seats not yet declared or "
        "vacant; the dashed line marks a majority counted from the left.</figcaption>",
        "</figure>",
        "<section><h2>Coalitions that could govern</h2>",
        note,
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
        "</figure></section>",
        "<section><h2>Parties</h2>",
        '<div class="scroll"><table class="parties"><thead><tr>'
        '<th scope="col">Party</th><th class="number" scope="col">Seats</th>'
        + ('<th class="number" scope="col">Votes</th>' if _with_votes(document) else "")
        + f"{change_head}{power_heads}</tr></thead><tbody>",
        *_party_rows(document, with_change),
        "</tbody></table></div></section>",
        "<footer>Power: the share of decisive votes each party holds (exact "
        "indices; see the coalitions documentation). Made with coalitions.</footer>",
        "</main></body></html>",
    ]
    return "\n".join(part for part in body if part)
