"""Where cards lie on an A4 sheet: the grid per card size, its margins, and where backs land.

Pure geometry, shared by the card renderers (the sheets), the calibration page and the card
measurement in ``check`` (:mod:`casuskit.cardfit`). Both card orientations are tried; the one
with most cards per sheet wins, centred on the paper with minimal margins.
"""

from __future__ import annotations

from dataclasses import dataclass

A4_TWIPS = (11906, 16838)
CARD_SIZES_MM = {"a6": (105, 148), "a7": (74, 105), "a8": (52, 74)}  # short × long side
PADDING_MM = 5.0      # cell padding: printer edge clipping only touches the blank border
SEPARATOR_TWIPS = 20  # the 1 pt paragraph Word needs after every table
RESERVE_TWIPS = SEPARATOR_TWIPS + 20  # and 1 pt to spare
SPARE_TWIPS = 14      # LibreOffice opens an empty page below about 10 twips to spare


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@dataclass(frozen=True)
class Grid:
    """One A4 sheet: ``cols`` × ``rows`` cards of ``width`` × ``height`` mm."""

    width: float
    height: float
    cols: int
    rows: int

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    def margins_twips(self) -> tuple[int, int, int, int]:
        """(top, right, bottom, left): the grid centred on the paper, as far as the 1 pt
        closing paragraph under it allows, so that a back sheet flipped over either edge lands
        on its front (a 296 mm grid on A4: about 0.2 mm off centre)."""
        page_w, page_h = A4_TWIPS
        free_w = page_w - self.cols * mm_to_twips(self.width)
        free_h = page_h - self.rows * mm_to_twips(self.height)
        top = min(free_h // 2, free_h - SEPARATOR_TWIPS - SPARE_TWIPS)
        return top, free_w - free_w // 2, max(0, free_h - top - RESERVE_TWIPS), free_w // 2

    def margins_mm(self) -> tuple[float, float, float, float]:
        return tuple(twips * 25.4 / 1440 for twips in self.margins_twips())

    def back_position(self, row: int, col: int, mode: str) -> tuple[int, int]:
        """Where the back of the card at (row, col) lies on the back sheet: sheets flipped
        over the long edge swap columns, over the short edge rows."""
        if mode == "duplex-korte-zijde":
            return self.rows - 1 - row, col
        return row, self.cols - 1 - col


def grid_for(size: str) -> Grid:
    """The A4 grid with most cards of ``size``; ties go to the least paper left over."""
    page_w, page_h = A4_TWIPS
    short, long = CARD_SIZES_MM[size]
    options = []
    for width, height in ((short, long), (long, short)):
        w, h = mm_to_twips(width), mm_to_twips(height)
        cols, rows = page_w // w, (page_h - RESERVE_TWIPS) // h
        options.append((-cols * rows, page_w * page_h - cols * rows * w * h, width > height,
                        Grid(width, height, cols, rows)))
    return min(options, key=lambda option: option[:3])[3]
