"""The one place that spells WordprocessingML: blocks in, XML text out.

Every paragraph, run, field, table, row, cell and picture of every document casuskit writes —
body, table cells, headers and footers — is spelled here, as text, from the blocks of
:mod:`casuskit.word.blocks`. Style names become ids through the reference's
:class:`~casuskit.word.styles.StyleSheet`, resolved once per emitter. Properties are written in
the order the ISO 29500 schema requires, so every document validates.

Text is escaped for XML, and characters XML 1.0 cannot hold (control characters such as ESC
or NUL, U+FFFE, lone surrogates) are left out: whatever a YAML or CSV file carries, the
package stays well-formed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from casuskit.word.blocks import Border, Cell, Field, PageBreak, Paragraph, Picture, Row, Run, Table
from casuskit.word.styles import CHARACTER, PARAGRAPH, TABLE, StyleSheet
from casuskit.word.units import mm_to_twips, pt_to_twips

EDGES = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV")
# python-docx's w:tblLook for a new table, attributes in its order
_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
         'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')
_SPECIAL = re.compile(r"([\t\r\n])")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escape(text: str) -> str:
    """``text`` as XML character data; characters XML cannot hold are dropped."""
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return escape(value).replace('"', "&quot;")


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


def field_runs(field: Field) -> str:
    """The five runs of a complex field: begin, instruction, separate, result, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(field.instruction.strip())} '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{run_text(field.placeholder)}</w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


class Emitter:
    """Spells blocks as XML text into ``out``, resolving each style name once.

    ``pictures`` is called for a :class:`Picture` with its PNG bytes and returns the drawing
    XML (the document adds the image part and its relationship).
    """

    def __init__(self, styles: StyleSheet, out: list[str], pictures=None):
        self._styles = styles
        self.out = out
        self._pictures = pictures
        self._starts: dict[tuple, str] = {}  # paragraph properties → "<w:p><w:pPr>…</w:pPr>"
        self._runs: dict[tuple, str] = {(None, None): "<w:r>"}  # (style, size) → "<w:r><w:rPr>…"

    def block(self, block) -> None:
        kind = type(block)
        if kind is Paragraph:
            self.paragraph(block)
        elif kind is Table:
            self.table(block)
        elif kind is Picture:
            self.picture(block)
        else:
            raise TypeError(f"not a block: {block!r}")

    # -- paragraphs -------------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> None:
        key = (paragraph.style, paragraph.list_id, paragraph.spacing, paragraph.keep_with_next,
               paragraph.page_break_before, paragraph.size_pt)
        start = self._starts.get(key)
        if start is None:
            start = self._starts[key] = self._paragraph_start(*key)
        parts = [start]
        size = paragraph.size_pt
        for run in paragraph.runs:
            kind = type(run)
            if kind is Run:
                run_key = (run.style, run.size_pt if run.size_pt is not None else size)
                opening = self._runs.get(run_key)
                if opening is None:
                    opening = self._runs[run_key] = self._run_start(*run_key)
                parts += (opening, run_text(run.text), "</w:r>")
            elif kind is Field:
                parts.append(field_runs(run))
            elif kind is PageBreak:
                parts.append('<w:r><w:br w:type="page"/></w:r>')
            else:
                raise TypeError(f"not a run: {run!r}")
        parts.append("</w:p>")
        self.out.append("".join(parts))

    def _paragraph_start(self, style, list_id, spacing, keep_next, break_before, size) -> str:
        """``<w:p>`` and its properties in schema order: style, keep with next, page break
        before, list, spacing, the paragraph mark's size. A style that is the default gets an
        empty ``w:pPr``."""
        if style is None and list_id is None and spacing is None and not keep_next \
                and not break_before and size is None:
            return "<w:p>"
        start = "<w:p><w:pPr>"
        if style is not None:
            style_id = self._styles.style_id(style, PARAGRAPH)
            if style_id is not None:
                start += f'<w:pStyle w:val="{attr(style_id)}"/>'
        if keep_next:
            start += "<w:keepNext/>"
        if break_before:
            start += "<w:pageBreakBefore/>"
        if list_id is not None:
            start += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/></w:numPr>'
        if spacing is not None:
            before, after, line = (pt_to_twips(points) for points in spacing)
            start += (f'<w:spacing w:before="{before}" w:after="{after}" w:lineRule="exact" '
                      f'w:line="{line}"/>')
        if size is not None:
            start += f"<w:rPr>{size_xml(size)}</w:rPr>"
        return start + "</w:pPr>" if start != "<w:p><w:pPr>" else "<w:p><w:pPr/>"

    def _run_start(self, style: str | None, size: float | None = None) -> str:
        """``<w:r>`` and its properties: character style, then size (schema order)."""
        style_id = None if style is None else self._styles.style_id(style, CHARACTER)
        sized = size_xml(size) if size is not None else ""
        if style_id is None:
            return f"<w:r><w:rPr>{sized}</w:rPr>" if sized else "<w:r><w:rPr/>"
        return f'<w:r><w:rPr><w:rStyle w:val="{attr(style_id)}"/>{sized}</w:rPr>'

    def picture(self, picture: Picture) -> None:
        self.paragraph(Paragraph(picture.style, keep_with_next=picture.keep_with_next))
        drawing = self._pictures(picture)
        self.out[-1] = self.out[-1][:-len("</w:p>")] + f"<w:r>{drawing}</w:r></w:p>"

    # -- tables -----------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        out = self.out
        widths = [mm_to_twips(mm) for mm in table.widths_mm]
        out.append("<w:tbl><w:tblPr>")
        if table.style is not None:
            style_id = self._styles.style_id(table.style, TABLE)
            if style_id is not None:
                out.append(f'<w:tblStyle w:val="{attr(style_id)}"/>')
        out.append(f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>')
        if table.align is not None:
            out.append(f'<w:jc w:val="{table.align}"/>')
        if table.borders:
            out.append(f"<w:tblBorders>{borders_xml(tuple(table.borders.items()))}</w:tblBorders>")
        out.append('<w:tblLayout w:type="fixed"/>')
        if table.cell_margins:
            out.append(f"<w:tblCellMar>{_margins(tuple(table.cell_margins.items()))}</w:tblCellMar>")
        out.append(f"{_LOOK}</w:tblPr><w:tblGrid>")
        out.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
        out.append("</w:tblGrid>")
        for row in table.rows:
            self._row(row, widths)
        out.append("</w:tbl>")

    def _row(self, row: Row, widths: list[int]) -> None:
        out = self.out
        out.append("<w:tr>")
        if row.cant_split or row.height_mm is not None or row.header:
            out.append("<w:trPr>")
            if row.cant_split:
                out.append("<w:cantSplit/>")
            if row.height_mm is not None:
                rule = "exact" if row.exact else "atLeast"
                out.append(f'<w:trHeight w:val="{mm_to_twips(row.height_mm)}" w:hRule="{rule}"/>')
            if row.header:
                out.append("<w:tblHeader/>")
            out.append("</w:trPr>")
        column = 0
        for cell in row.cells:
            self._cell(cell, sum(widths[column:column + cell.span]))
            column += cell.span
        if column != len(widths):
            raise ValueError(f"row spans {column} columns, the table has {len(widths)}")
        out.append("</w:tr>")

    def _cell(self, cell: Cell, width: int) -> None:
        out = self.out
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
        if cell.span != 1:
            out.append(f'<w:gridSpan w:val="{cell.span}"/>')
        if cell.borders:
            out.append(f"<w:tcBorders>{borders_xml(tuple(cell.borders.items()))}</w:tcBorders>")
        if cell.shading is not None:
            out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.shading}"/>')
        if cell.margins:
            out.append(f"<w:tcMar>{_margins(tuple(cell.margins.items()))}</w:tcMar>")
        if cell.text_direction is not None:
            out.append(f'<w:textDirection w:val="{cell.text_direction}"/>')
        if cell.valign is not None:
            out.append(f'<w:vAlign w:val="{cell.valign}"/>')
        out.append("</w:tcPr>")
        last = None
        for last in cell.content:
            if type(last) is Paragraph:
                self.paragraph(last)
            else:
                self.table(last)
        if type(last) is not Paragraph:  # a cell must end with a paragraph
            out.append("<w:p/>")
        out.append("</w:tc>")


def size_xml(points: float) -> str:
    """Font size for Latin and complex scripts, in half points (Word rounds to those)."""
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


@lru_cache(maxsize=1024)
def borders_xml(found: tuple[tuple[str, Border], ...]) -> str:
    """The edge elements of (edge, Border) pairs, in schema order."""
    edges = dict(found)
    return "".join(border_xml(name, edges[name]) for name in EDGES if name in edges)


def border_xml(name: str, border: Border) -> str:
    """One edge element, e.g. ``<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>``."""
    if border.style in ("nil", "none"):
        return f'<w:{name} w:val="{border.style}"/>'
    return (f'<w:{name} w:val="{border.style}" w:sz="{border.size_eighths_pt}" '
            f'w:space="{border.space_pt}" w:color="{border.color}"/>')


@lru_cache(maxsize=1024)
def _margins(found: tuple[tuple[str, float], ...]) -> str:
    """The side elements of (side, mm) pairs, in schema order."""
    sides = dict(found)
    return "".join(f'<w:{side} w:w="{mm_to_twips(sides[side])}" w:type="dxa"/>'
                   for side in EDGES if side in sides)
