"""Whole tables written in one go: a description in, one ``w:tbl`` out.

Building a table through python-docx (``add_table``, ``row.cells``, ``cell.add_paragraph``,
then a helper per property) creates and searches elements one at a time; a card sheet or a
draaiboek does that tens of thousands of times. Here a renderer describes the table instead
(:class:`Table` of :class:`Row` of :class:`Cell` holding paragraphs and nested tables, with
style names only; :class:`Paragraph` and :class:`Run` are those of
:mod:`casuskit.ooxml.paraxml`, importable from here) and :func:`add_table` writes the XML text,
parses it once and puts it in the body, as ``document.add_table`` does.

The XML is exactly what python-docx plus the helpers of :mod:`casuskit.ooxml.tables` write for
the same table (fixed layout, properties in schema order, the same attribute order), so a
renderer can switch without changing a byte of its output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml
from docx.table import Table as DocxTable

from casuskit.ooxml import paraxml
from casuskit.ooxml.paraxml import Paragraph, Run
from casuskit.ooxml._xml import EDGES, Border, append_to_body, box, mm_to_twips

__all__ = ["Cell", "Paragraph", "Row", "Run", "Table", "add_table", "edges", "sides",
           "table_xml"]

# python-docx's w:tblLook for a new table, attributes in its order
_LOOK = ('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
         'w:noHBand="0" w:noVBand="1" w:val="04A0"/>')


@dataclass(slots=True)
class Cell:
    """One cell; ``content`` holds paragraphs and nested tables (empty: one empty paragraph).
    ``borders`` maps an edge (top, left, bottom, right) to a Border, ``margins`` a side to mm
    (see :func:`edges`, :func:`sides`); ``text_direction`` is ``tbRl`` or ``btLr``."""

    content: list = field(default_factory=list)
    span: int = 1
    borders: dict[str, Border] | None = None
    shading: str | None = None
    margins: dict[str, float] | None = None
    text_direction: str | None = None
    valign: str | None = None


@dataclass(slots=True)
class Row:
    """A row of cells; ``height_mm`` exact or at least; ``header`` repeats it on every page."""

    cells: list[Cell]
    height_mm: float | None = None
    exact: bool = True
    cant_split: bool = False
    header: bool = False


@dataclass(slots=True)
class Table:
    """A fixed-layout table: one width per grid column, the rows, and table-wide properties
    (``borders`` may also name insideH / insideV)."""

    widths_mm: list[float]
    rows: list[Row]
    style: str | None = None
    align: str | None = None
    borders: dict[str, Border] | None = None
    cell_margins: dict[str, float] | None = None


def edges(all: Border | None = None, **each: Border) -> dict[str, Border]:
    """Border edges: ``all`` for top, left, bottom and right, then the ones named."""
    return box(all, each)


def sides(all: float | None = None, **each: float | None) -> dict[str, float]:
    """Padding in mm per side: ``all`` for every side, then the ones named (None: not set)."""
    found = {side: all for side in ("top", "left", "bottom", "right")} if all is not None else {}
    found.update((side, mm) for side, mm in each.items() if mm is not None)
    return found


def add_table(doc, table: Table) -> DocxTable:
    """Write ``table`` at the end of ``doc``'s body (before its section properties), as
    ``doc.add_table`` does; returns the python-docx Table."""
    tbl = parse_xml(table_xml(doc.part, table))
    append_to_body(doc.element.body, tbl)
    return DocxTable(tbl, doc._body)


def table_xml(part, table: Table) -> str:
    """The ``w:tbl`` of ``table`` as XML text with its namespace declaration; style names
    are resolved through ``part`` (a document part)."""
    out: list[str] = []
    _Writer(part, out).table(table, paraxml.W_DECLARATION)
    return "".join(out)


class _Writer(paraxml.Writer):
    """Appends the XML of tables to ``out``, resolving each style name once per table."""

    def table(self, table: Table, declarations: str = "") -> None:
        out = self._out
        widths = [mm_to_twips(mm) for mm in table.widths_mm]
        out.append(f"<w:tbl{declarations}><w:tblPr>")
        if table.style is not None:
            style_id = self._part.get_style_id(table.style, WD_STYLE_TYPE.TABLE)
            if style_id is not None:
                out.append(f'<w:tblStyle w:val="{paraxml.attr(style_id)}"/>')
        out.append(f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>')
        if table.align is not None:
            out.append(f'<w:jc w:val="{table.align}"/>')
        if table.borders:
            out.append(f"<w:tblBorders>{_borders(tuple(table.borders.items()))}</w:tblBorders>")
        out.append('<w:tblLayout w:type="fixed"/>')
        if table.cell_margins:
            margins = _margins(tuple(table.cell_margins.items()))
            out.append(f"<w:tblCellMar>{margins}</w:tblCellMar>")
        out.append(f"{_LOOK}</w:tblPr><w:tblGrid>")
        out.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
        out.append("</w:tblGrid>")
        for row in table.rows:
            self._row(row, widths)
        out.append("</w:tbl>")

    def _row(self, row: Row, widths: list[int]) -> None:
        out = self._out
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
        out = self._out
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
        if cell.span != 1:
            out.append(f'<w:gridSpan w:val="{cell.span}"/>')
        if cell.borders:
            out.append(f"<w:tcBorders>{_borders(tuple(cell.borders.items()))}</w:tcBorders>")
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


@lru_cache(maxsize=1024)
def _borders(found: tuple[tuple[str, Border], ...]) -> str:
    """The edge elements of (edge, Border) pairs, in schema order."""
    edges = dict(found)
    return "".join(_edge(name, edges[name]) for name in EDGES if name in edges)


def _edge(name: str, border: Border) -> str:
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
