"""Party colours for charts: given, well-known, or from a fixed palette."""

from __future__ import annotations

from collections.abc import Mapping

from coalitions._model import Council
from coalitions._validate import name_key, optional_colour
from coalitions.exceptions import InvalidTypeError

__all__ = ["party_colours"]

#: Colours of well-known UK parties, as used across UK election coverage
#: (the parties' own brand colours, as collected by Wikipedia's "Template:
#: Party colours" pages). Keys are lower-case names and common short forms.
KNOWN_COLOURS: Mapping[str, str] = {
    "labour": "#e4003b",
    "lab": "#e4003b",
    "labour co-operative": "#e4003b",
    "conservative": "#0087dc",
    "conservatives": "#0087dc",
    "con": "#0087dc",
    "liberal democrat": "#faa61a",
    "liberal democrats": "#faa61a",
    "lib dem": "#faa61a",
    "lib dems": "#faa61a",
    "ld": "#faa61a",
    "green": "#02a95b",
    "green party": "#02a95b",
    "greens": "#02a95b",
    "grn": "#02a95b",
    "scottish green": "#00b140",
    "snp": "#fdf38e",
    "scottish national party": "#fdf38e",
    "plaid cymru": "#005b54",
    "pc": "#005b54",
    "reform uk": "#12b6cf",
    "reform": "#12b6cf",
    "ukip": "#6d3177",
    "independent": "#a0a0a0",
    "independents": "#a0a0a0",
    "ind": "#a0a0a0",
    "dup": "#d46a4c",
    "democratic unionist party": "#d46a4c",
    "sinn féin": "#326760",
    "sinn fein": "#326760",
    "sf": "#326760",
    "alliance": "#f6cb2f",
    "uup": "#48a5ee",
    "ulster unionist party": "#48a5ee",
    "sdlp": "#2aa82c",
}

#: Distinguishable colours for parties with none of their own: the
#: colour-blind-safe Okabe-Ito palette, then Tableau's ten.
PALETTE: tuple[str, ...] = (
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
    "#cc79a7", "#000000", "#4e79a7", "#f28e2b", "#e15759", "#76b7b2",
    "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


def _generated(index: int) -> str:
    """A further colour: hues a golden angle apart, alternating lightness."""
    hue = (index * 137.508) % 360
    lightness = 0.45 if index % 2 else 0.6
    chroma = (1 - abs(2 * lightness - 1)) * 0.65
    x = chroma * (1 - abs((hue / 60) % 2 - 1))
    m = lightness - chroma / 2
    sector = int(hue // 60)
    r, g, b = [(chroma, x, 0), (x, chroma, 0), (0, chroma, x),
               (0, x, chroma), (x, 0, chroma), (chroma, 0, x)][sector]  # fmt: skip
    return "#" + "".join(f"{round((c + m) * 255):02x}" for c in (r, g, b))


def party_colours(
    council: Council, overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Return a colour for every party, in council order.

    Each party takes, in this order of preference: the colour in
    ``overrides``; its own ``colour``; the colour of a well-known UK party of
    that name or abbreviation (Labour, Conservative, Liberal Democrat, Green,
    SNP, Plaid Cymru, Reform UK, the Northern Irish parties, independents);
    otherwise the next unused colour of a fixed, colour-blind-safe palette.
    The same council always gets the same colours.

    Args:
        council: The council.
        overrides: Party name to ``#rrggbb`` colour; names ignore case.

    Returns:
        Party name to colour.

    Raises:
        UnknownPartyError: An override names no party.
        InvalidValueError: An override is not a hex colour.

    Examples:
        >>> party_colours(example("darlington-2023"))["Labour"]
        '#e4003b'
        >>> party_colours(example("eec-1958"))["France"]
        '#e69f00'
    """
    if overrides is not None and not isinstance(overrides, Mapping):
        raise InvalidTypeError(
            "colours", overrides, "a mapping of party name to colour"
        )
    chosen: dict[str, str | None] = {}
    given = {
        name_key(council[name].name): optional_colour(colour, f"colours[{name!r}]")
        for name, colour in (overrides or {}).items()
    }
    for party in council.parties:
        key = name_key(party.name)
        known = KNOWN_COLOURS.get(key) or KNOWN_COLOURS.get(
            name_key(party.abbreviation or "")
        )
        chosen[party.name] = given.get(key) or party.colour or known
    used = {colour for colour in chosen.values() if colour}
    spare = (colour for colour in PALETTE if colour not in used)
    extra = 0
    result = {}
    for name, own in chosen.items():
        colour = own or next(spare, None)
        if colour is None:
            colour = _generated(extra)
            extra += 1
        result[name] = colour
    return result
