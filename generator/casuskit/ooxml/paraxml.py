"""Paragraphs and runs spelled as XML text, exactly as python-docx builds them.

Parsing one string is much cheaper than creating its elements one by one through python-docx,
so :mod:`casuskit.ooxml.tablexml` (whole tables) and :mod:`casuskit.ooxml.fastdocx` (body
paragraphs and runs) write their ``w:p`` and ``w:r`` here. Callers resolve style names to ids;
``styled`` says a style was assigned at all: python-docx then writes the properties element
even for the default style, whose id it leaves out.
"""

from __future__ import annotations

import re

from docx.oxml.ns import nsdecls

W_DECLARATION = f" {nsdecls('w')}"  # for the root element of a string to parse
_SPECIAL = re.compile(r"([\t\r\n])")


def paragraph_start(style_id: str | None, styled: bool, num_id: int | None = None,
                    declarations: str = "") -> str:
    """``<w:p>`` and its properties: the style, and level 0 of list ``num_id``."""
    if not styled and num_id is None:
        return f"<w:p{declarations}>"
    start = f"<w:p{declarations}><w:pPr>"
    if style_id is not None:
        start += f'<w:pStyle w:val="{attr(style_id)}"/>'
    if num_id is not None:
        start += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    return start + "</w:pPr>"


def run_start(style_id: str | None, styled: bool, declarations: str = "") -> str:
    """``<w:r>`` and its properties (the character style)."""
    if not styled:
        return f"<w:r{declarations}>"
    if style_id is None:
        return f"<w:r{declarations}><w:rPr/>"
    return f'<w:r{declarations}><w:rPr><w:rStyle w:val="{attr(style_id)}"/></w:rPr>'


def run_text(text: str) -> str:
    """A run's content: a tab or line break becomes an element, the rest ``w:t``."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text) if text else ""
    parts = []
    for piece in _SPECIAL.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            parts.append(_t(piece))
    return "".join(parts)


def _t(text: str) -> str:
    """A ``w:t``; spaces at either end are preserved."""
    preserve = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{preserve}>{escape(text)}</w:t>"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return escape(value).replace('"', "&quot;")
