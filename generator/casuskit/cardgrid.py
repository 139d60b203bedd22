"""Where cards lie on an A4 sheet: the grid per card size, its margins, and where backs land.

Pure geometry, shared by the card renderers (the sheets), the calibration page and the card
measurement in ``check`` (:mod:`casuskit.cardfit`). Both card orientations are tried; the one
with most cards per sheet wins, centred on the paper.

Two kinds of sheet (``kaartvel``): for an office printer (the default) the grid stays
:data:`PRINTABLE_MM` from every paper edge, where a printer with an unprintable border of about
4.2 mm still prints every cut line and Word gives no margin warning; the cards are scaled down
evenly to fit (A7 becomes 100 × 70.4 mm; A6, two A7 rows high, 100 × 140.8 mm). Their padding
can then be smaller too (nothing near it is clipped), so they hold about as much text as an
exact card. For a print shop
(``drukkerij``) they are exactly A6/A7/A8, the grid filling the sheet to its edges, with a
padding that keeps text clear of a printer's border.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

A4_TWIPS = (11906, 16838)
CARD_SIZES_MM = {"a6": (105, 148), "a7": (74, 105), "a8": (52, 74)}  # short × long side
PADDING_MM = 5.0      # cell padding on a full-bleed sheet: edge clipping only touches blank paper
OFFICE_PADDING_MM = 3.5  # inside the printable area only the cutting needs some room
SEPARATOR_TWIPS = 20  # the 1 pt paragraph Word needs after every table
RESERVE_TWIPS = SEPARATOR_TWIPS + 20  # and 1 pt to spare
SPARE_TWIPS = 14      # LibreOffice opens an empty page below about 10 twips to spare
PRINTABLE_MM = 5.0    # office printers leave 4.2 mm or so unprinted; a little more to spare
OFFICE, PRINT_SHOP = "kantoorprinter", "drukkerij"


def mm_to_twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@dataclass(frozen=True)
class Grid:
    """One A4 sheet: ``cols`` × ``rows`` cards of ``width`` × ``height`` mm."""

    width: float
    height: float
    cols: int
    rows: int
    padding: float = PADDING_MM  # inside every card, on all four sides

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def content_mm(self) -> tuple[float, float]:
        """(width, height) inside a card's padding."""
        return self.width - 2 * self.padding, self.height - 2 * self.padding

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


def grid_for(size: str, sheet: str = OFFICE) -> Grid:
    """The A4 grid with most cards of ``size``; ties go to the least paper left over. On an
    office sheet the cards are then scaled down (in whole tenths of a mm), by the same factor
    for every size, so that each grid keeps :data:`PRINTABLE_MM` from every edge and all grids
    lie alike on the paper (the calibration page draws them one below the other)."""
    exact = _exact(size)
    if sheet == PRINT_SHOP:
        return exact
    # rows share the height every grid has: A6 is two A7 rows high (140,8 mm, not 140,9)
    height = _tenths(_office_grid_height() / exact.rows)
    return Grid(_tenths(exact.width * _office_scale()), height, exact.cols, exact.rows,
                OFFICE_PADDING_MM)


def _tenths(mm: float) -> float:
    """``mm`` rounded down to a tenth of a mm."""
    return int(mm * 10 + 1e-6) / 10


@lru_cache(maxsize=1)
def _office_grid_height() -> float:
    """The height (mm) of every office grid: the lowest of the scaled grids, so that rows of
    any size fill the same part of the page (a taller one would not fit the page of another)."""
    scale = _office_scale()
    return min(exact.rows * _tenths(exact.height * scale) for exact in map(_exact, CARD_SIZES_MM))


def _exact(size: str) -> Grid:
    page_w, page_h = A4_TWIPS
    short, long = CARD_SIZES_MM[size]
    options = []
    for width, height in ((short, long), (long, short)):
        w, h = mm_to_twips(width), mm_to_twips(height)
        cols, rows = page_w // w, (page_h - RESERVE_TWIPS) // h
        options.append((-cols * rows, page_w * page_h - cols * rows * w * h, width > height,
                        Grid(width, height, cols, rows)))
    return min(options, key=lambda option: option[:3])[3]


@lru_cache(maxsize=1)
def _office_scale() -> float:
    """The largest factor by which every size's exact grid fits inside the printable area."""
    page_w, page_h = A4_TWIPS
    border = mm_to_twips(PRINTABLE_MM)
    factors = []
    for size in CARD_SIZES_MM:
        exact = _exact(size)
        factors += [(page_w - 2 * border) / (exact.cols * mm_to_twips(exact.width)),
                    (page_h - 2 * border - RESERVE_TWIPS) / (exact.rows * mm_to_twips(exact.height))]
    return min(1.0, *factors)


def sheet_of(ctx) -> str:
    """The kit's kind of card sheet: its own ``kaartvel``, else its project's."""
    return ctx.kit.card_sheet or ctx.project.defaults.card_sheet


def size_text(grid: Grid) -> str:
    """'100 × 70,5 mm', as a card of ``grid`` is cut."""
    return f"{grid.width:g} × {grid.height:g} mm".replace(".", ",")


def excess_mm(ctx, padding_mm: float) -> tuple[float, float]:
    """How much narrower and lower (mm) the content of an outer back card can get, because
    the printer's offset is larger than the padding that would take it up."""
    printer = ctx.project.defaults.printer
    if ctx.back_mode == "geen":
        return 0.0, 0.0
    return max(0.0, abs(printer.back_x) - padding_mm), max(0.0, abs(printer.back_y) - padding_mm)
