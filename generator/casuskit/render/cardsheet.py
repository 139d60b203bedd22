"""Cut sheets on the card grid: the page, the grid table of one sheet, the closing paragraph.

Shared by the discussion cards, the role cards and the calibration page, which all lie on
exactly the same grid (:mod:`casuskit.cardgrid`). Each sheet is one "Kaartraster" table with
exact row heights that never split, fixed columns and padded cells; a back sheet is moved for
the printer's offset (:mod:`casuskit.render.backshift`).
"""

from __future__ import annotations

from casuskit import word
from casuskit.cardgrid import SEPARATOR_TWIPS, Grid
from casuskit.render import backshift

CUT_LINE = word.Border("dashed", 4, "808080")


def page(grid: Grid) -> word.PageLayout:
    """A4 with the grid centred, no header or footer room (the sheets are cut)."""
    return word.PageLayout(grid.margins_mm(), header_mm=0, footer_mm=0)


def grid_table(grid: Grid, cells: dict, shift=(0.0, 0.0)) -> word.Table:
    """The card grid: fixed widths, exact row heights that never split, centred, moved
    ``shift`` mm (right, down) for the printer's back offset (see backshift).

    ``cells`` maps (row, col) to a cell, which gets the padding that keeps its content in
    place (a cell spanning columns takes the right padding of its last one); the other
    positions stay empty.
    """
    moved = backshift.layout(grid, grid.padding, shift)
    rows = []
    for r in range(grid.rows):
        row, c = [], 0
        while c < grid.cols:
            cell = cells.get((r, c)) or word.Cell()
            if (r, c) in cells and (r, c) in moved.padding:
                top, _, bottom, left = moved.padding[(r, c)]
                right = moved.padding[(r, c + cell.span - 1)][1]
                cell.margins = word.sides(top=top, right=right, bottom=bottom, left=left)
            row.append(cell)
            c += cell.span
        rows.append(word.Row(row, moved.heights[r], exact=True, cant_split=True))
    return word.Table(moved.widths, rows, style="Kaartraster", align="center",
                      cell_margins=word.sides(all=grid.padding))


def separator() -> word.Paragraph:
    """Word needs a paragraph after a table. At 1 pt it fits under the grid, so it never opens
    an empty page, and the next sheet's first row no longer fits there: a new page."""
    return word.Paragraph("Normal", spacing=(0, 0, SEPARATOR_TWIPS / 20))


def add_sheet(doc: word.Document, table: word.Table) -> None:
    doc.add(table, separator())
