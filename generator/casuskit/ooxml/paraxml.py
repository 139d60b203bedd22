"""Paragraphs and runs spelled as XML text, exactly as python-docx builds them.

Parsing one string is much cheaper than creating its elements one by one through python-docx,
so :mod:`casuskit.ooxml.tablexml` (whole tables) and :mod:`casuskit.ooxml.fastdocx` (body
paragraphs and runs) write their ``w:p`` and ``w:r`` here. A :class:`Paragraph` of
:class:`Run` describes one with style names; :class:`Writer` spells it. The lower-level
functions take style ids; ``styled`` says a style was assigned at all: python-docx then writes
the properties element even for the default style, whose id it leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsdecls
from docx.shared import Pt

W_DECLARATION = f" {nsdecls('w')}"  # for the root element of a string to parse
_SPECIAL = re.compile(r"([\t\r\n])")


@dataclass(slots=True)
class Run:
    """Text in a character style (None: no run properties at all)."""

    text: str
    style: str | None = None


@dataclass(slots=True)
class Paragraph:
    """A paragraph in a paragraph style (None: no paragraph properties), optionally an item
    (level 0) of list ``num_id``, optionally with its own ``spacing``: (space before, space
    after, exact line height) in points."""

    style: str | None = None
    runs: list[Run] = field(default_factory=list)
    num_id: int | None = None
    spacing: tuple[float, float, float] | None = None


class Writer:
    """Appends the XML of paragraphs to ``out``, resolving each style name through ``part`` (a
    document part) once per writer: a writer lives as long as one piece of XML."""

    def __init__(self, part, out: list[str]):
        self._part = part
        self._out = out
        self._starts: dict[tuple, str] = {}  # (style, num_id, spacing, declarations) → "<w:p…"
        self._runs: dict[str, str] = {}      # character style → "<w:r><w:rPr>…</w:rPr>"

    def paragraph(self, paragraph: Paragraph, declarations: str = "") -> None:
        out = self._out
        key = (paragraph.style, paragraph.num_id, paragraph.spacing, declarations)
        start = self._starts.get(key)
        if start is None:
            style_id = None if paragraph.style is None else \
                self._part.get_style_id(paragraph.style, WD_STYLE_TYPE.PARAGRAPH)
            start = self._starts[key] = paragraph_start(
                style_id, paragraph.style is not None, paragraph.num_id, declarations,
                paragraph.spacing)
        parts = [start]
        for run in paragraph.runs:
            style = run.style
            if style:
                opening = self._runs.get(style)
                if opening is None:
                    style_id = self._part.get_style_id(style, WD_STYLE_TYPE.CHARACTER)
                    opening = self._runs[style] = run_start(style_id, True)
            else:
                opening = "<w:r>"
            parts += (opening, run_text(run.text), "</w:r>")
        parts.append("</w:p>")
        out.append("".join(parts))


def paragraph_start(style_id: str | None, styled: bool, num_id: int | None = None,
                    declarations: str = "", spacing: tuple | None = None) -> str:
    """``<w:p>`` and its properties: the style, level 0 of list ``num_id``, and ``spacing``
    (before, after, exact line height in points) as python-docx's paragraph_format sets it."""
    if not styled and num_id is None and spacing is None:
        return f"<w:p{declarations}>"
    start = f"<w:p{declarations}><w:pPr>"
    if style_id is not None:
        start += f'<w:pStyle w:val="{attr(style_id)}"/>'
    if num_id is not None:
        start += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    if spacing is not None:
        before, after, line = (Pt(points).twips for points in spacing)
        start += (f'<w:spacing w:before="{before}" w:after="{after}" w:lineRule="exact" '
                  f'w:line="{line}"/>')
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
