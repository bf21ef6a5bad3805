"""Escaping text and attribute values for HTML and SVG (XML) output."""

from __future__ import annotations

import html

__all__ = ["escape", "quoteattr"]

#: White space that an attribute value would otherwise lose to normalisation.
_ATTRIBUTE_WHITESPACE = str.maketrans({"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` for element content (HTML and XML alike)."""
    return html.escape(text, quote=False)


def quoteattr(value: str) -> str:
    """Return ``value`` as a double-quoted attribute, safe in HTML and XML.

    Quotes, ``&``, ``<`` and ``>`` become character references, and so do
    line breaks and tabs, which attribute normalisation would turn into
    spaces.
    """
    return '"' + html.escape(value, quote=True).translate(_ATTRIBUTE_WHITESPACE) + '"'
