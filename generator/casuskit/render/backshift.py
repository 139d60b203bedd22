"""The printer's back offset, applied to the back sheets of card documents.

The project says (``standaard → printer``) how far the printed back lands from the front, as
the facilitator sees it holding the calibration page to the light, front side facing them:
``x`` mm to the right, ``y`` mm down. :func:`shift_mm` turns that into a correction in the back
page's own coordinates, which depend on how the sheet is turned over. :func:`layout` then moves
the back grid by that much without touching the page: the first column (row) grows and the
last one shrinks by the shift, and the outer cells' padding takes up the difference, so every
inner cut line and every card's content moves while the table still fills exactly the same
part of the page (a grid of A7 cards covers all of A4; a moved table would fall off it).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Layout:
    """Column widths and row heights (mm) of one sheet, and per-cell padding (top, right,
    bottom, left in mm) where it differs from the grid's padding."""

    widths: list[float]
    heights: list[float]
    padding: dict[tuple[int, int], tuple[float, float, float, float]] = field(default_factory=dict)


def shift_mm(ctx) -> tuple[float, float]:
    """(right, down) in mm to move the back sheets by, on the back page itself.

    Turned over the long edge, the back's x runs mirrored to the front's; over the short
    edge its y does. Seen from the front, a back that lands ``x`` mm too far right is
    corrected by moving it ``x`` mm right on the mirrored page (long edge), or ``x`` mm left
    (short edge); likewise for ``y``.
    """
    printer = ctx.project.defaults.printer
    x, y = printer.back_x, printer.back_y
    if ctx.back_mode == "duplex-korte-zijde":
        return -x, y
    return x, -y


def layout(grid, padding_mm: float, shift: tuple[float, float] = (0.0, 0.0)) -> Layout:
    """The sheet layout of ``grid`` moved ``shift`` mm (right, down); unmoved by default."""
    dx, dy = shift
    widths = _moved([grid.width] * grid.cols, dx)
    heights = _moved([grid.height] * grid.rows, dy)
    pads = {}
    if dx or dy:
        for row in range(grid.rows):
            for col in range(grid.cols):
                top = padding_mm + (dy if row == 0 else 0)
                bottom = padding_mm - (dy if row == grid.rows - 1 else 0)
                left = padding_mm + (dx if col == 0 else 0)
                right = padding_mm - (dx if col == grid.cols - 1 else 0)
                # a shift beyond the padding narrows that card's content (cardgrid.excess_mm)
                pads[(row, col)] = tuple(max(0.0, pad) for pad in (top, right, bottom, left))
    return Layout(widths, heights, pads)


def _moved(sizes: list[float], by: float) -> list[float]:
    """The first size grows and the last shrinks by ``by``: the inner lines move, the total
    stays. A single column (row) keeps its size; only its padding moves the content."""
    if not by or len(sizes) < 2:
        return list(sizes)
    return [sizes[0] + by, *sizes[1:-1], sizes[-1] - by]
