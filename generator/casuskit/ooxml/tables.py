"""Table-level OOXML: fixed grids, placement, borders, cell padding, shading,
vertical alignment, row rules and the header row of a table style.

These adjust an existing table or table style (the reference document's); renderers write
their new tables whole with :mod:`casuskit.ooxml.tablexml`.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from casuskit.ooxml._xml import (EDGES, RPR, TBLPR, TCPR, TRPR, Border, box, child,
                                 element_of, mm_to_twips, props, set_edges, set_shading,
                                 set_w, toggle)


def set_table_fixed_layout(table, col_widths_mm: list[float]) -> None:
    """Exact column widths: fixed layout, tblW, gridCol and every tcW (twips)."""
    widths = [mm_to_twips(w) for w in col_widths_mm]
    tbl = table._tbl
    cols = tbl.tblGrid.findall(qn("w:gridCol"))
    if len(cols) != len(widths):
        raise ValueError(f"table has {len(cols)} columns, got {len(widths)} widths")
    tblpr = props(table, "tblPr")
    set_w(child(tblpr, "tblW", TBLPR, replace=True), w=sum(widths), type="dxa")
    set_w(child(tblpr, "tblLayout", TBLPR, replace=True), type="fixed")
    for col, width in zip(cols, widths):
        set_w(col, w=width)
    for tr in tbl.findall(qn("w:tr")):
        index = 0
        for tc in tr.findall(qn("w:tc")):
            span = int((tc.xpath("./w:tcPr/w:gridSpan/@w:val") or ["1"])[0])
            tcw = child(props(tc, "tcPr"), "tcW", TCPR, replace=True)
            set_w(tcw, w=sum(widths[index:index + span]), type="dxa")
            index += span


def set_table_alignment(table, align: str = "center") -> None:
    """Horizontal placement of the table: ``left``, ``center`` or ``right``."""
    set_w(child(props(table, "tblPr"), "jc", TBLPR, replace=True), val=align)


def set_table_indent(table, mm: float) -> None:
    """Indent of the table from the left margin."""
    set_w(child(props(table, "tblPr"), "tblInd", TBLPR, replace=True),
          w=mm_to_twips(mm), type="dxa")


def set_table_borders(target, all: Border | None = None, **edges: Border | None) -> None:
    """Borders of a table or table style; edges: top, left, bottom, right,
    insideH, insideV. ``all`` sets all six."""
    edges = box(all, edges, ("top", "left", "bottom", "right", "insideH", "insideV"))
    set_edges(child(props(target, "tblPr"), "tblBorders", TBLPR), EDGES, edges)


def set_cell_margins(target, all: float | None = None, top: float | None = None,
                     bottom: float | None = None, left: float | None = None,
                     right: float | None = None) -> None:
    """Inner padding in mm: a cell (tcMar) or a table / table style (tblCellMar)."""
    el = element_of(target)
    if etree.QName(el).localname == "tc":
        container = child(props(el, "tcPr"), "tcMar", TCPR)
    else:
        container = child(props(el, "tblPr"), "tblCellMar", TBLPR)
    sides = {"top": top, "left": left, "bottom": bottom, "right": right}
    for name in ("top", "left", "bottom", "right"):
        mm = all if sides[name] is None else sides[name]
        if mm is not None:
            set_w(child(container, name, EDGES, replace=True), w=mm_to_twips(mm), type="dxa")


def set_cell_borders(cell, all: Border | None = None, **edges: Border | None) -> None:
    """Borders of one cell: top, left, bottom, right (``all`` for the four);
    None for an edge removes it (the table's border shows again)."""
    set_edges(child(props(cell, "tcPr"), "tcBorders", TCPR), EDGES, box(all, edges))


def set_cell_shading(target, fill: str | None) -> None:
    """Fill of a cell, or of a conditional table-style block (hex colour)."""
    set_shading(props(target, "tcPr"), TCPR, fill)


def set_cell_vertical_alignment(cell, align: str = "center") -> None:
    """Vertical alignment of a cell's content: ``top``, ``center`` or ``bottom``."""
    set_w(child(props(cell, "tcPr"), "vAlign", TCPR, replace=True), val=align)


def set_row_height(row, mm: float, exact: bool = True) -> None:
    """Row height, exact (content is clipped) or at least ``mm``."""
    height = child(props(row, "trPr"), "trHeight", TRPR, replace=True)
    set_w(height, val=mm_to_twips(mm), hRule="exact" if exact else "atLeast")


def set_cant_split(row, on: bool = True) -> None:
    """Forbid a row from breaking across pages."""
    toggle(props(row, "trPr"), "cantSplit", TRPR, on)


def set_repeat_header(row, on: bool = True) -> None:
    """Repeat this (first) row at the top of every page the table runs onto."""
    toggle(props(row, "trPr"), "tblHeader", TRPR, on)


def set_table_style_header(style, fill: str | None = None, bold: bool = True,
                           color: str | None = None) -> None:
    """First-row formatting of a table style (``w:tblStylePr w:type="firstRow"``)."""
    el = style.element
    for old in el.xpath("./w:tblStylePr[@w:type='firstRow']"):
        el.remove(old)
    block = set_w(OxmlElement("w:tblStylePr"), type="firstRow")
    el.append(block)
    rpr = props(block, "rPr")
    if bold:
        child(rpr, "b", RPR)
    if color:
        set_w(child(rpr, "color", RPR), val=color)
    if fill:
        set_cell_shading(block, fill)
