"""How many pages a document prints on, estimated from its blocks without LibreOffice.

The print list and the build summary say how much paper a kit takes; ``check`` says when the
chosen font pushes a one-page form onto a second page. Without LibreOffice the only way to
know is to lay the document out ourselves, roughly as Word does: :func:`estimate` stacks the
blocks a :class:`~casuskit.word.Document` received on pages of its house style's body height,
every paragraph wrapped in the font its style resolves to (:mod:`casuskit.metrics`), table rows
as tall as their tallest cell (a row that may not split moves to the next page whole, a header
row repeats), pictures at their size, page breaks and "keep with next" honoured.

It is an estimate: widow and orphan control, kerning and the exact space Word suppresses at
the top of a page are left out. Sheets whose rows all have an exact height (cut cards, name
tents) come out exact. The print step counts the pages of the real PDFs instead
(:mod:`casuskit.printready`), and every text that shows these numbers says which it is.
"""

from __future__ import annotations

import dataclasses
import struct
from dataclasses import dataclass
from functools import lru_cache

from casuskit import metrics
from casuskit.word import Document, Field, PageBreak, Paragraph, Picture, Run, StyleSheet, Table

PT = metrics.PT_TO_MM
SPARE_MM = 5.0  # room to keep free on a page that must not overflow: estimates run ~2 % short
PICTURE_DPI = 72


@dataclass(frozen=True)
class Estimate:
    """How many pages a document prints on, and how much room (mm) its last page has left."""

    pages: int
    spare_mm: float


def estimate(doc: Document) -> Estimate:
    """How many pages ``doc`` will print on."""
    flow = flow_of(doc)
    return Estimate(flow.pages, flow.body - flow.used)


def fits_one_page(doc: Document) -> bool:
    """``doc`` fits one page, with :data:`SPARE_MM` to spare."""
    found = estimate(doc)
    return found.pages == 1 and found.spare_mm >= SPARE_MM


def room_mm(doc: Document) -> float:
    """What is left of ``doc``'s last page, with :data:`SPARE_MM` to spare."""
    flow = flow_of(doc)
    return flow.body - flow.used - SPARE_MM


def height_mm(doc: Document, blocks: list) -> float:
    """How tall ``blocks`` are set in ``doc``'s page and house style, all in one piece."""
    flow = Flow(doc.reference.styles, float("inf"))
    for block in blocks:
        flow.add(block, doc.page.body_width)
    return flow.used + sum(flow._kept)


def lines_that_fit(doc: Document, heading: Paragraph, line: Paragraph) -> int:
    """How many ``line`` paragraphs fit on the last page of ``doc`` below ``heading``, with
    :data:`SPARE_MM` to spare (negative: not even the heading fits)."""
    flow = flow_of(doc)
    width = doc.page.body_width
    heading_mm = sum(flow.lines(heading, width, flow._after)[0])
    line_mm = sum(flow.lines(line, width, 0.0)[0])
    return int((flow.body - flow.used - heading_mm - SPARE_MM) // line_mm)


def flow_of(doc: Document) -> "Flow":
    """``doc``'s blocks laid out on its pages."""
    page, styles = doc.page, doc.reference.styles
    flow = Flow(styles, body_height(page, styles))
    for block in doc.blocks:
        flow.add(block, page.body_width)
    return flow


def body_height(page, styles: StyleSheet) -> float:
    """The height (mm) of the body on each page: between the margins, or between header and
    footer where those reach further (a logo in the header pushes the body down)."""
    top = max(page.top, page.header_distance + story_mm(page.header, styles)) \
        if page.header else page.top
    bottom = max(page.bottom, page.footer_distance + story_mm(page.footer, styles)) \
        if page.footer else page.bottom
    return page.height - top - bottom


def story_mm(paragraphs, styles: StyleSheet) -> float:
    """How tall a header or footer is: each paragraph a line of its style, or as tall as its
    picture plus the line's descent, with its spacing."""
    height = 0.0
    for name, picture in paragraphs:
        look = styles.look(name) if styles.has(name) else styles.look("Normal")
        line = metrics.style_line_pt(look) * PT
        tall = max(line, picture + line * 0.25) if picture else line
        height += look.before * PT + tall + look.after * PT
    return height


class Flow:
    """Blocks stacked on pages ``body_mm`` high; ``pages`` so far, ``used`` mm of the last."""

    def __init__(self, styles: StyleSheet, body_mm: float):
        self.styles = styles
        self.body = body_mm
        self.pages = 1
        self.used = 0.0
        self._kept: list[float] = []  # paragraphs kept with the next block, not placed yet
        self._boxed: str | None = None  # style of the last paragraph if it has borders
        self._after = 0.0  # the space after the last paragraph (mm): collapses with the next's

    def add(self, block, width: float) -> None:
        kind = type(block)
        if kind is Paragraph:
            self.paragraph(block, width)
        elif kind is Table:
            self.table(block)
        elif kind is Picture:
            self.place([picture_mm(block.png, block.width_mm)], False)

    # -- placing -----------------------------------------------------------------------------

    def new_page(self) -> None:
        self.pages += 1
        self.used = 0.0
        self._after = 0.0

    def place(self, lines: list[float], splits: bool, keep_next: bool = False) -> None:
        """Place a block of ``lines`` (heights in mm); with ``splits`` it may break between
        them, otherwise it moves to the next page whole when it does not fit."""
        if keep_next:
            self._kept.append(sum(lines))
            return
        kept, self._kept = self._kept, []
        first = lines[0] if lines else 0.0
        if kept and self.used and self.used + sum(kept) + first > self.body:
            self.new_page()  # the kept paragraphs go along with the first line of this block
        self.used += sum(kept)
        if not splits:
            if self.used and self.used + sum(lines) > self.body:
                self.new_page()
            self.used += sum(lines)
            return
        for line in lines:
            if self.used and self.used + line > self.body:
                self.new_page()
            self.used += line

    # -- paragraphs -------------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph, width: float) -> None:
        if paragraph.page_break_before and (self.used or self._kept):
            self.place([], False)
            self.new_page()
        parts = split_at_page_breaks(paragraph)
        if len(parts) == 1:
            lines, after = self.lines(paragraph, width, self._after)
            self.place(self.joined(paragraph, lines), True, paragraph.keep_with_next)
            self._after = after
            return
        for number, runs in enumerate(parts):
            if number:
                self.new_page()
            lines, self._after = self.lines(dataclasses.replace(paragraph, runs=runs), width,
                                            self._after)
            self.place(lines, True, paragraph.keep_with_next and number == len(parts) - 1)

    def lines(self, paragraph: Paragraph, width: float,
              after_previous: float = 0.0) -> tuple[list[float], float]:
        """The heights (mm) of a paragraph's lines, its spacing added to the first and last,
        and its space after. Space before and the previous paragraph's space after overlap:
        the larger counts, as LibreOffice lays out Word documents."""
        runs = paragraph.runs
        text = runs[0].text if len(runs) == 1 and type(runs[0]) is Run else "".join(
            run.text if type(run) is Run else run.placeholder if type(run) is Field else ""
            for run in runs)
        count, before, after, line, ends = _shape(
            self.styles, paragraph.style or "Normal", paragraph.size_pt, text,
            width - (6.35 if paragraph.list_id is not None else 0.0), paragraph.spacing)
        heights = [line] * count
        heights[0] += max(0.0, before - after_previous) + ends
        heights[-1] += after + ends
        return heights, after

    def joined(self, paragraph: Paragraph, lines: list[float]) -> list[float]:
        """Consecutive paragraphs with the same borders share one box: no border between."""
        style = paragraph.style or "Normal"
        look = self.styles.look(style)
        if look.ends_mm and self._boxed == style and lines:
            lines = [max(0.0, lines[0] - look.ends_mm), *lines[1:]]
        self._boxed = style if look.ends_mm else None
        return lines

    # -- tables -----------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        self._boxed, self._after = None, 0.0
        top, bottom = self.styles.table_cell_margins_mm(table.style, ("top", "bottom")) \
            if table.style else (0.0, 0.0)
        left, right = self.styles.table_cell_margins_mm(table.style) if table.style else (1.9, 1.9)
        if table.cell_margins:
            top, bottom = table.cell_margins.get("top", top), table.cell_margins.get("bottom", bottom)
            left, right = table.cell_margins.get("left", left), table.cell_margins.get("right", right)
        header = 0.0
        self.place([], False)  # paragraphs kept with a table: placed with its first row below
        for row in table.rows:
            height = self.row_mm(row, table.widths_mm, (top, right, bottom, left))
            if row.header:
                header += height
            if self.used and self.used + height > self.body and (row.cant_split or row.exact):
                self.new_page()
                self.used += 0.0 if row.header else header
            elif self.used + height > self.body:  # a row that may split runs on
                rest = height - (self.body - self.used)
                self.new_page()
                self.used = header + rest
                continue
            self.used += height

    def row_mm(self, row, widths: list[float], pad: tuple[float, float, float, float]) -> float:
        if row.height_mm is not None and row.exact:
            return row.height_mm
        tallest, column = 0.0, 0
        for cell in row.cells:
            top, right, bottom, left = pad
            if cell.margins:
                top, right = cell.margins.get("top", top), cell.margins.get("right", right)
                bottom, left = cell.margins.get("bottom", bottom), cell.margins.get("left", left)
            inner = sum(widths[column:column + cell.span]) - left - right
            column += cell.span
            content, after = 0.0, 0.0
            for block in cell.content:
                if type(block) is Paragraph:
                    lines, after = self.lines(block, inner, after)
                    content += sum(lines)
            tallest = max(tallest, content + top + bottom)
        return max(tallest, row.height_mm or 0.0)


@lru_cache(maxsize=4096)
def _shape(styles: StyleSheet, style: str, size: float | None, text: str, width: float,
           spacing: tuple[float, float, float] | None) -> tuple[int, float, float, float, float]:
    """(lines, space before, space after, line height, half the border height) in mm of a
    paragraph of ``text`` in ``style`` at ``size``, ``width`` wide: the same paragraph recurs
    in every kit of a werkvorm, so it is wrapped once."""
    look = styles.look(style)
    if size:
        look = dataclasses.replace(look, size=size)
    count = metrics.line_count(text.upper() if look.caps else text,
                               max(width - look.indent_mm - look.sides_mm, 5.0), look.size,
                               look.bold, look.font) if text else 1
    if spacing is not None:
        before, after, line = (points * PT for points in spacing)
    else:
        before, after, line = look.before * PT, look.after * PT, metrics.style_line_pt(look) * PT
    return count, before, after, line, look.ends_mm / 2


def split_at_page_breaks(paragraph: Paragraph) -> list[list]:
    """The runs before, between and after the paragraph's page breaks."""
    if not any(type(run) is PageBreak for run in paragraph.runs):
        return [paragraph.runs]
    parts: list[list] = [[]]
    for run in paragraph.runs:
        if type(run) is PageBreak:
            parts.append([])
        else:
            parts[-1].append(run)
    return parts


def picture_mm(png: bytes, width_mm: float) -> float:
    """The height of a PNG shown ``width_mm`` wide."""
    width_px, height_px = struct.unpack(">II", png[16:24])
    return width_mm * height_px / max(width_px, 1)


def sheets(pages: int, double_sided: bool) -> int:
    """Sheets of paper for one copy of ``pages`` pages."""
    return -(-pages // 2) if double_sided else pages
