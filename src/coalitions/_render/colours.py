"""Party colours for charts: given, well-known, or from a fixed palette."""

from __future__ import annotations

import math
from collections.abc import Mapping

from coalitions._model import Council
from coalitions._validate import name_key, optional_colour
from coalitions.exceptions import InvalidTypeError

__all__ = ["CLASH_THRESHOLD", "ColourClashWarning", "colour_clashes", "party_colours"]

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
    used = [colour for colour in chosen.values() if colour]
    palette = iter(PALETTE)
    extra = 0
    result = {}
    for name, own in chosen.items():
        colour = own
        if colour is None:
            # The next palette colour that no colour in use comes close to.
            colour = next((c for c in palette if _distinct(c, used)), None)
        if colour is None:
            colour = _generated(extra)
            extra += 1
        if own is None:
            used.append(colour)
        result[name] = colour
    return result


#: Two colours closer than this CIEDE2000 difference are hard to tell apart
#: side by side in a chart (a difference of about 2 is just noticeable; 10
#: leaves small dots distinguishable for most readers).
CLASH_THRESHOLD = 10.0


class ColourClashWarning(UserWarning):
    """Two parties' colours are too close to tell apart in a chart.

    Examples:
        >>> import warnings
        >>> council = Council.from_seats("C", {"A": 3, "B": 2})
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = html(council, colours={"A": "#e4003b", "B": "#e5003c"})
        >>> caught[0].category.__name__
        'ColourClashWarning'
    """


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a ``#rrggbb`` or ``#rgb`` colour."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    rgb = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(
    first: tuple[float, float, float], second: tuple[float, float, float]
) -> float:
    """The CIEDE2000 colour difference of two L*a*b* colours.

    Sharma, G., Wu, W., and Dalal, E. N. (2005). The CIEDE2000 color-difference
    formula: implementation notes, supplementary test data, and mathematical
    observations. *Color Research & Application* 30(1), 21-30.
    """
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    big_dh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dl / s_l) ** 2
        + (dc / s_c) ** 2
        + (big_dh / s_h) ** 2
        + r_t * (dc / s_c) * (big_dh / s_h)
    )


def _distinct(colour: str, used: list[str]) -> bool:
    lab = _lab(colour)
    return all(ciede2000(lab, _lab(other)) >= CLASH_THRESHOLD for other in used)


def colour_clashes(
    colours: Mapping[str, str], threshold: float = CLASH_THRESHOLD
) -> list[tuple[str, str, float]]:
    """Return the pairs of parties whose colours are too close to tell apart.

    Args:
        colours: Party name to colour, as [`party_colours`][coalitions.party_colours]
            returns.
        threshold: The smallest CIEDE2000 difference that is not a clash.

    Returns:
        ``(first, second, difference)`` for each clashing pair, in the
        mapping's order.

    Examples:
        >>> colour_clashes({"A": "#e4003b", "B": "#e5003c", "C": "#0087dc"})
        [('A', 'B', 0.28...)]
    """
    labs = {name: _lab(colour) for name, colour in colours.items()}
    names = list(labs)
    return [
        (a, b, difference)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if (difference := ciede2000(labs[a], labs[b])) < threshold
    ]
