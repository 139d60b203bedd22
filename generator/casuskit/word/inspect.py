"""Where the fixed boxes of a written document lie on paper, and what was written in them.

A sheet document — cut cards, the calibration page, name tents — is a run of tables whose rows
all have an exact height, one table per page. :func:`fixed_cells` reads such a .docx back and
gives every cell with text: its page, its rectangle in mm from the paper's top left corner (from
the page margins, the table's alignment, its grid columns and exact rows) and the text written
in it, so that the print step can compare it with the words on the rendered PDF
(:mod:`casuskit.pdfcheck`). A table that does not start its page (a name tent after a page
break) has a single row; its cells then reach over the whole height of the page. A document
that is not made of such sheets has no fixed cells.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIP_MM = 25.4 / 1440


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class FixedCell:
    page: int       # 0-based
    left: float
    top: float
    right: float
    bottom: float
    text: str       # paragraphs joined by newlines


@dataclass(frozen=True)
class Sheets:
    """The fixed cells of a sheet document and how many pages (tables) it has."""

    pages: int
    cells: list[FixedCell]
    page_size: tuple[float, float]


def fixed_cells(docx: bytes) -> Sheets | None:
    """The sheets of ``docx``; None when it is not a sheet document."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(_w("body"))
    section = body.find(_w("sectPr"))
    size, margins = section.find(_w("pgSz")), section.find(_w("pgMar"))
    page_w, page_h = (int(size.get(_w(k))) * TWIP_MM for k in ("w", "h"))
    top = int(margins.get(_w("top"))) * TWIP_MM
    left, right = (int(margins.get(_w(k))) * TWIP_MM for k in ("left", "right"))
    tables = [child for child in body if child.tag == _w("tbl")]
    if not tables or not all(_fixed(table) for table in tables):
        return None
    cells, starts_page = [], True  # a sheet fills its page: the next table starts the next one
    page = 0
    for child in body:
        if child.tag == _w("p"):  # after a page break, what is left of its paragraph comes first
            starts_page = starts_page and not _text(child).strip() and not _breaks(child)
            continue
        if child.tag != _w("tbl"):
            continue
        cells += _cells(child, page, left, page_w - right, top if starts_page else None, page_h)
        page, starts_page = page + 1, True
    return Sheets(page, cells, (page_w, page_h))


def _fixed(table) -> bool:
    rows = table.findall(_w("tr"))
    return bool(rows) and all(
        (height := row.find(f"{_w('trPr')}/{_w('trHeight')}")) is not None
        and height.get(_w("hRule")) == "exact" for row in rows)


def _breaks(paragraph) -> bool:
    return any(br.get(_w("type")) == "page" for br in paragraph.iter(_w("br")))


def _cells(table, page: int, text_left: float, text_right: float, top: float | None,
           page_h: float) -> list[FixedCell]:
    widths = [int(col.get(_w("w"))) * TWIP_MM for col in table.find(_w("tblGrid"))]
    align = table.find(f"{_w('tblPr')}/{_w('jc')}")
    x0 = text_left
    if align is not None and align.get(_w("val")) == "center":
        x0 = text_left + (text_right - text_left - sum(widths)) / 2
    rows = table.findall(_w("tr"))
    found, y = [], top
    for row in rows:
        height = int(row.find(f"{_w('trPr')}/{_w('trHeight')}").get(_w("val"))) * TWIP_MM
        column = 0
        for cell in row.findall(_w("tc")):
            span = cell.find(f"{_w('tcPr')}/{_w('gridSpan')}")
            span = int(span.get(_w("val"))) if span is not None else 1
            x = x0 + sum(widths[:column])
            text = "\n".join(_text(p) for p in cell.iter(_w("p")))
            if text.strip():
                if y is None:  # not at the top of its page: a one-row table, anywhere on it
                    box = (0.0, page_h) if len(rows) == 1 else None
                else:
                    box = (y, y + height)
                if box is not None:
                    found.append(FixedCell(page, x, box[0], x + sum(widths[column:column + span]),
                                           box[1], text))
            column += span
        y = None if y is None else y + height
    return found


def _text(paragraph) -> str:
    parts = []
    for node in paragraph.iter(_w("t"), _w("tab"), _w("br")):
        parts.append(node.text or "" if node.tag == _w("t") else " ")
    return "".join(parts)
