"""Plumbing shared by the ooxml helpers: units, the Border value, schema orders.

Child elements are always inserted at their position in the ECMA-376
(transitional) sequence, so documents stay valid however often a helper runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# Schema order of the children we may create (ECMA-376 transitional).
PPR = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
       "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
       "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
       "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
       "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
       "sectPr pPrChange").split()
RPR = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow "
       "emboss imprint noProof snapToGrid vanish webHidden color spacing w kern "
       "position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
       "lang eastAsianLayout specVanish oMath").split()
TBLPR = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize "
         "tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd "
         "tblLayout tblCellMar tblLook tblCaption tblDescription").split()
TRPR = ("cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight "
        "tblHeader tblCellSpacing jc hidden").split()
TCPR = ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar "
        "textDirection tcFitText vAlign hideMark").split()
STYLE = ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
         "unhideWhenUsed qFormat locked personal personalCompose personalReply "
         "rsid pPr rPr tblPr trPr tcPr tblStylePr").split()
TBLSTYLEPR = "pPr rPr tblPr trPr tcPr".split()
_SECTPR = qn("w:sectPr")
EDGES = "top left start bottom right end insideH insideV tl2br tr2bl".split()
PBDR = "top left bottom right between bar".split()


def mm_to_twips(mm: float) -> int:
    """Millimetres to twentieths of a point (1 mm = 56.69 twips), rounded."""
    return round(mm * 1440 / 25.4)


def mm_to_emu(mm: float) -> int:
    """Millimetres to English Metric Units (36 000 per mm)."""
    return round(mm * 36000)


@dataclass(frozen=True)
class Border:
    """One border edge: ``style`` is a w:ST_Border value (single, dashed, dotted,
    double, thick, nil...), ``size_eighths_pt`` its width in eighths of a point."""

    style: str = "single"
    size_eighths_pt: int = 4
    color: str = "auto"
    space_pt: int = 0


NO_BORDER = Border("nil")


# -- element plumbing -------------------------------------------------------

def element_of(target):
    """The lxml element behind a python-docx object (or the element itself)."""
    return getattr(target, "_element", target)


def child(parent, tag: str, order: list[str] | None = None, replace: bool = False):
    """Return ``parent``'s ``w:tag`` child, creating it at its schema position."""
    found = parent.find(w(tag))
    if found is not None and not replace:
        return found
    if found is not None:
        parent.remove(found)
    new = OxmlElement("w:" + tag)
    if order is None:  # the props element: always the first child
        parent.insert(0, new)
        return new
    later = _later(tag, tuple(order))
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(new)
            return new
    parent.append(new)
    return new


@lru_cache(maxsize=None)
def w(name: str) -> str:
    """The Clark name of ``w:name`` (asked for every element and attribute written)."""
    return qn("w:" + name)


@lru_cache(maxsize=None)
def _later(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """Clark names of the elements that follow ``tag`` in ``order`` (asked thousands of times)."""
    return frozenset(qn("w:" + t) for t in order[order.index(tag) + 1:])


def set_w(el, **attrs):
    """Set ``w:`` attributes (None removes one) and return ``el``."""
    for name, value in attrs.items():
        if value is None:
            el.attrib.pop(w(name), None)
        else:
            el.set(w(name), str(value))
    return el


def append_to_body(body, element) -> None:
    """Put a paragraph or table at the end of ``w:body``, before its final ``w:sectPr``, as
    python-docx does, without searching all of the body for it."""
    last = next(body.iterchildren(reversed=True), None)  # len(body) would count them all
    if last is not None and last.tag == _SECTPR:
        last.addprevious(element)
    else:
        body.insert_element_before(element, "w:sectPr")


def remove_children(parent, tag: str) -> None:
    for found in parent.findall(w(tag)):
        parent.remove(found)


def props(target, tag: str):
    """The pPr/rPr/tblPr/trPr/tcPr of a paragraph, run, table, row, cell, style or
    conditional table-style block (``w:tblStylePr``), created if absent."""
    el = element_of(target)
    local = etree.QName(el).localname
    if local == "style":
        return child(el, tag, STYLE)
    if local == "tblStylePr":
        return child(el, tag, TBLSTYLEPR)
    return child(el, tag)


def toggle(parent, tag: str, order: list[str], on: bool) -> None:
    if on:
        child(parent, tag, order)
    else:
        remove_children(parent, tag)


def set_shading(container, order: list[str], fill: str | None) -> None:
    """A plain fill (hex colour) as ``w:shd`` in a pPr or tcPr; None removes it."""
    if fill is None:
        remove_children(container, "shd")
    else:
        set_w(child(container, "shd", order, replace=True), val="clear", color="auto", fill=fill)


def set_edges(container, order: list[str], edges: dict) -> None:
    """Write border edges in schema order; None removes an edge."""
    for name in sorted(edges, key=order.index):
        border = edges[name]
        if border is None:
            remove_children(container, name)
            continue
        edge = child(container, name, order, replace=True)
        if border.style in ("nil", "none"):
            set_w(edge, val=border.style)
        else:
            set_w(edge, val=border.style, sz=border.size_eighths_pt,
                  space=border.space_pt, color=border.color)


def box(all_edges, edges: dict, sides=("top", "left", "bottom", "right")) -> dict:
    """Edges dict: ``all_edges`` for every side in ``sides``, then ``edges``."""
    merged = {side: all_edges for side in sides} if all_edges is not None else {}
    merged.update(edges)
    return merged


