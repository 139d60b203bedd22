"""The test oracle: the same content written the slow, well-known way, through python-docx.

casuskit.word spells WordprocessingML itself. These helpers build paragraphs and tables with
python-docx's own API (and, for what it has no API for, a few lxml edits in schema order, the
way casuskit wrote them before its own emitter), so tests can demand that the emitter writes
exactly what python-docx would. They exist only here.
"""

from __future__ import annotations

import io
import zipfile

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from casuskit.word.reference import _open, default_reference_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TBLPR = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
         "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook").split()
TRPR = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader".split()
TCPR = ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
        "tcFitText vAlign hideMark").split()
EDGES = "top left start bottom right end insideH insideV".split()


def plain_document(reference: bytes | None = None):
    """A python-docx Document of the reference (default: the shipped one), body emptied."""
    document = _open(reference or default_reference_bytes(), "oracle")
    body = document.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    return document


def body_xml(document) -> bytes:
    """The body of a python-docx document, serialised by lxml."""
    return etree.tostring(document.element.body)


def emitted_body(data: bytes) -> bytes:
    """The body of a .docx casuskit wrote, serialised by lxml in the same way."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return etree.tostring(root.find(qn("w:body")))


def _child(parent, tag: str, order: list[str], replace: bool = True):
    found = parent.find(qn("w:" + tag))
    if found is not None:
        if not replace:
            return found
        parent.remove(found)
    new = OxmlElement("w:" + tag)
    later = {qn("w:" + t) for t in order[order.index(tag) + 1:]}
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(new)
            return new
    parent.append(new)
    return new


def _props(element, tag: str):
    found = element.find(qn("w:" + tag))
    if found is None:
        found = OxmlElement("w:" + tag)
        element.insert(0, found)
    return found


def _set(element, **attributes):
    for name, value in attributes.items():
        element.set(qn("w:" + name), str(value))
    return element


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def set_fixed_layout(table, widths_mm: list[float]) -> None:
    widths = [twips(mm) for mm in widths_mm]
    tbl = table._tbl
    tblpr = _props(tbl, "tblPr")
    _set(_child(tblpr, "tblW", TBLPR), w=sum(widths), type="dxa")
    _set(_child(tblpr, "tblLayout", TBLPR), type="fixed")
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
        _set(col, w=width)
    for tr in tbl.findall(qn("w:tr")):
        for tc, width in zip(tr.findall(qn("w:tc")), widths):
            _set(_child(_props(tc, "tcPr"), "tcW", TCPR), w=width, type="dxa")


def set_table_alignment(table, align: str) -> None:
    _set(_child(_props(table._tbl, "tblPr"), "jc", TBLPR), val=align)


def set_table_cell_margins(table, mm: float) -> None:
    container = _child(_props(table._tbl, "tblPr"), "tblCellMar", TBLPR, replace=False)
    for side in ("top", "left", "bottom", "right"):
        _set(_child(container, side, EDGES), w=twips(mm), type="dxa")


def set_cell_borders(cell, style: str, size: int, color: str) -> None:
    container = _child(_props(cell._tc, "tcPr"), "tcBorders", TCPR, replace=False)
    for side in ("top", "left", "bottom", "right"):
        _set(_child(container, side, EDGES), val=style, sz=size, space=0, color=color)


def set_cell_margins(cell, **sides_mm: float) -> None:
    container = _child(_props(cell._tc, "tcPr"), "tcMar", TCPR, replace=False)
    for side in ("top", "left", "bottom", "right"):
        if side in sides_mm:
            _set(_child(container, side, EDGES), w=twips(sides_mm[side]), type="dxa")


def set_cell_valign(cell, align: str) -> None:
    _set(_child(_props(cell._tc, "tcPr"), "vAlign", TCPR), val=align)


def set_row(row, height_mm: float, exact: bool, cant_split: bool, header: bool) -> None:
    trpr = _props(row._tr, "trPr")
    if cant_split:
        _child(trpr, "cantSplit", TRPR)
    _set(_child(trpr, "trHeight", TRPR), val=twips(height_mm), hRule="exact" if exact else "atLeast")
    if header:
        _child(trpr, "tblHeader", TRPR)
