"""What a document is made of, as plain data: paragraphs, runs, tables, pictures.

Renderers describe content with these values and hand them to a
:class:`~casuskit.word.document.Document`; only :mod:`casuskit.word.emit` turns them into
WordprocessingML. Styles are referred to by name (as the facilitator sees them in Word), lengths
are in millimetres or points as each field says. Nothing here knows about XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Run:
    """Text in a character style (None: no run properties at all), at its own font size in
    points when ``size_pt`` is given. A tab becomes a tab, a line break a line break."""

    text: str
    style: str | None = None
    size_pt: float | None = None


@dataclass(slots=True, frozen=True)
class Field:
    """A field Word computes, such as ``PAGE`` or ``NUMPAGES``, shown as ``placeholder`` until
    it does."""

    instruction: str
    placeholder: str = "1"


@dataclass(slots=True, frozen=True)
class PageBreak:
    """A run holding a page break: what follows starts on a new page."""


@dataclass(slots=True)
class Paragraph:
    """A paragraph in a paragraph style (None: no paragraph properties at all).

    ``list_id`` makes it an item (level 0) of a list started with
    :meth:`Document.new_list <casuskit.word.document.Document.new_list>`; ``spacing`` is its own
    (space before, space after, exact line height) in points; ``keep_with_next`` keeps it on the
    page of the next paragraph, ``page_break_before`` starts it on a new page; ``size_pt`` sets
    the font size of its runs (those without a size of their own) and of its paragraph mark.
    """

    style: str | None = None
    runs: list = field(default_factory=list)  # Run, Field or PageBreak
    list_id: int | None = None
    spacing: tuple[float, float, float] | None = None
    keep_with_next: bool = False
    page_break_before: bool = False
    size_pt: float | None = None


@dataclass(frozen=True)
class Border:
    """One border edge: ``style`` is a w:ST_Border value (single, dashed, dotted, double, nil
    …), ``size_eighths_pt`` its width in eighths of a point, ``space_pt`` its distance from the
    text."""

    style: str = "single"
    size_eighths_pt: int = 4
    color: str = "auto"
    space_pt: int = 0


NO_BORDER = Border("nil")


@dataclass(slots=True)
class Cell:
    """One table cell; ``content`` holds paragraphs and nested tables (empty: one empty
    paragraph). ``borders`` maps an edge (top, left, bottom, right) to a Border, ``margins`` a
    side to mm (see :func:`edges`, :func:`sides`); ``text_direction`` is ``tbRl`` or ``btLr``,
    ``valign`` top, center or bottom."""

    content: list = field(default_factory=list)
    span: int = 1
    borders: dict[str, Border] | None = None
    shading: str | None = None
    margins: dict[str, float] | None = None
    text_direction: str | None = None
    valign: str | None = None


@dataclass(slots=True)
class Row:
    """A row of cells: ``height_mm`` exact (or at least, with ``exact=False``); ``cant_split``
    keeps it on one page, ``header`` repeats it at the top of every page."""

    cells: list[Cell]
    height_mm: float | None = None
    exact: bool = True
    cant_split: bool = False
    header: bool = False


@dataclass(slots=True)
class Table:
    """A fixed-layout table: one width per grid column in mm, the rows, and table-wide
    properties (``borders`` may also name insideH and insideV)."""

    widths_mm: list[float]
    rows: list[Row]
    style: str | None = None
    align: str | None = None
    borders: dict[str, Border] | None = None
    cell_margins: dict[str, float] | None = None


@dataclass(slots=True)
class Picture:
    """A PNG image in a paragraph of its own, ``width_mm`` wide (height keeps its proportions)."""

    png: bytes
    width_mm: float
    style: str | None = None
    keep_with_next: bool = False


def edges(all: Border | None = None, **each: Border) -> dict[str, Border]:
    """Border edges: ``all`` for top, left, bottom and right, then the ones named."""
    found = {side: all for side in ("top", "left", "bottom", "right")} if all is not None else {}
    found.update(each)
    return found


def sides(all: float | None = None, **each: float | None) -> dict[str, float]:
    """Padding in mm per side: ``all`` for every side, then the ones named (None: not set)."""
    found = {side: all for side in ("top", "left", "bottom", "right")} if all is not None else {}
    found.update((side, mm) for side, mm in each.items() if mm is not None)
    return found
