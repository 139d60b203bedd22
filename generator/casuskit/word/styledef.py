"""Style definitions: the WordprocessingML of styles, document defaults and list numbering.

Used only to build the shipped reference document (:mod:`casuskit.word.reference_build`):
documents never define styles, they name them. Each function takes a python-docx style (or
the Document) and writes what python-docx has no API for, every child element at its place in
the ISO 29500 (transitional) sequence. Border edges are spelled by the emitter
(:func:`casuskit.word.emit.border_xml`), as in tables.
"""

from __future__ import annotations

from functools import lru_cache

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from casuskit.word.blocks import Border
from casuskit.word.emit import border_xml
from casuskit.word.units import mm_to_twips

# Schema order of the children created here (ECMA-376 transitional).
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
TCPR = ("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar "
        "textDirection tcFitText vAlign hideMark").split()
STYLE = ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
         "unhideWhenUsed qFormat locked personal personalCompose personalReply "
         "rsid pPr rPr tblPr trPr tcPr tblStylePr").split()
TBLSTYLEPR = "pPr rPr tblPr trPr tcPr".split()
EDGES = "top left start bottom right end insideH insideV tl2br tr2bl".split()
PBDR = "top left bottom right between bar".split()


# -- element plumbing -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _w(name: str) -> str:
    return qn("w:" + name)


def _element(target):
    """The XML element of a python-docx style, or the element itself."""
    return target.element if hasattr(target, "element") else target


def child(parent, tag: str, order: list[str] | None = None, replace: bool = False):
    """``parent``'s ``w:tag`` child, created at its schema position."""
    found = parent.find(_w(tag))
    if found is not None and not replace:
        return found
    if found is not None:
        parent.remove(found)
    new = OxmlElement("w:" + tag)
    if order is None:  # the properties element: always the first child
        parent.insert(0, new)
        return new
    later = {_w(t) for t in order[order.index(tag) + 1:]}
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(new)
            return new
    parent.append(new)
    return new


def set_w(element, **attributes):
    """Set ``w:`` attributes (None removes one); returns ``element``."""
    for name, value in attributes.items():
        if value is None:
            element.attrib.pop(_w(name), None)
        else:
            element.set(_w(name), str(value))
    return element


def props(target, tag: str):
    """The pPr / rPr / tblPr / tcPr of a style or a conditional table-style block."""
    element = _element(target)
    local = element.tag.rsplit("}", 1)[-1]
    if local == "style":
        return child(element, tag, STYLE)
    if local == "tblStylePr":
        return child(element, tag, TBLSTYLEPR)
    return child(element, tag)


def _edges(container, order: list[str], edges: dict[str, Border]) -> None:
    for name in sorted(edges, key=order.index):
        old = container.find(_w(name))
        if old is not None:
            container.remove(old)
        edge = parse_xml(border_xml(name, edges[name]).replace(f"<w:{name} ",
                                                               f"<w:{name} {nsdecls('w')} ", 1))
        later = {_w(t) for t in order[order.index(name) + 1:]}
        for existing in container:
            if existing.tag in later:
                existing.addprevious(edge)
                break
        else:
            container.append(edge)


def _shading(container, order: list[str], fill: str) -> None:
    set_w(child(container, "shd", order, replace=True), val="clear", color="auto", fill=fill)


# -- styles ----------------------------------------------------------------------------------

def set_default_style(style) -> None:
    """Mark ``style`` as the default of its type (``w:default="1"``)."""
    set_w(style.element, default="1")


def set_language(target, lang: str = "nl-NL") -> None:
    """``w:lang`` (val, eastAsia, bidi) of one style, or of the document defaults (a Document)."""
    rpr = _doc_defaults(target)[0] if hasattr(target, "styles") else props(target, "rPr")
    set_w(child(rpr, "lang", RPR), val=lang, eastAsia=lang, bidi=lang)


def _doc_defaults(document):
    """(rPr, pPr) of ``w:docDefaults``, created if absent."""
    root = document.styles.element
    defaults = root.find(_w("docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        root.insert(0, defaults)
    rpr = child(child(defaults, "rPrDefault", ["rPrDefault", "pPrDefault"]), "rPr")
    ppr = child(child(defaults, "pPrDefault", ["rPrDefault", "pPrDefault"]), "pPr")
    return rpr, ppr


def set_doc_defaults(document, font: str, size_pt: float, lang: str = "nl-NL",
                     space_after_pt: float = 0, line_spacing: float = 1.0) -> None:
    """Document-wide defaults: font for all scripts, size, language, spacing."""
    rpr, ppr = _doc_defaults(document)
    set_w(child(rpr, "rFonts", RPR, replace=True), ascii=font, hAnsi=font, eastAsia=font, cs=font)
    half_points = round(size_pt * 2)
    set_w(child(rpr, "sz", RPR), val=half_points)
    set_w(child(rpr, "szCs", RPR), val=half_points)
    set_language(document, lang)
    set_w(child(ppr, "spacing", PPR), after=round(space_after_pt * 20),
          line=round(line_spacing * 240), lineRule="auto")


def set_paragraph_borders(style, **edges: Border) -> None:
    """Paragraph borders of a style: top, left, bottom, right, between (drawn between
    consecutive paragraphs with the same borders), bar."""
    _edges(child(props(style, "pPr"), "pBdr", PPR), PBDR, edges)


def set_paragraph_shading(style, fill: str) -> None:
    _shading(props(style, "pPr"), PPR, fill)


def set_character_spacing(style, pt: float) -> None:
    """Extra space between letters, in points."""
    set_w(child(props(style, "rPr"), "spacing", RPR, replace=True), val=round(pt * 20))


def set_outline_level(style, level: int) -> None:
    """Outline level (0 = top), for the navigation pane and a table of contents."""
    set_w(child(props(style, "pPr"), "outlineLvl", PPR), val=level)


def set_table_borders(style, border: Border) -> None:
    """All six borders of a table style: outside and inside, both ways."""
    edges = dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), border)
    _edges(child(props(style, "tblPr"), "tblBorders", TBLPR), EDGES, edges)


def set_cell_margins(style, top: float | None = None, bottom: float | None = None,
                     left: float | None = None, right: float | None = None,
                     all: float | None = None) -> None:
    """Inner cell padding of a table style, in mm."""
    container = child(props(style, "tblPr"), "tblCellMar", TBLPR)
    sides = {"top": top, "left": left, "bottom": bottom, "right": right}
    for name in ("top", "left", "bottom", "right"):
        mm = all if sides[name] is None else sides[name]
        if mm is not None:
            set_w(child(container, name, EDGES, replace=True), w=mm_to_twips(mm), type="dxa")


def set_table_style_header(style, fill: str, bold: bool = True) -> None:
    """First-row formatting of a table style (``w:tblStylePr w:type="firstRow"``)."""
    block = set_w(OxmlElement("w:tblStylePr"), type="firstRow")
    style.element.append(block)
    if bold:
        child(props(block, "rPr"), "b", RPR)
    _shading(props(block, "tcPr"), TCPR, fill)


# -- numbering -------------------------------------------------------------------------------

def add_abstract_numbering(document, kind: str, style, levels: int = 3,
                           indent_mm: float = 6.35, hanging_mm: float = 6.35) -> int:
    """Define a bullet (``kind="bullet"``) or decimal list whose first level is linked to the
    paragraph ``style``; returns its abstractNumId."""
    numbering = document.part.numbering_part.element
    ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract = set_w(OxmlElement("w:abstractNum"), abstractNumId=max(ids, default=-1) + 1)
    abstract.append(set_w(OxmlElement("w:multiLevelType"), val="hybridMultilevel"))
    bullets = ["\u2022", "\u2013", "\u25aa"]
    for ilvl in range(levels):
        lvl = set_w(OxmlElement("w:lvl"), ilvl=ilvl)
        abstract.append(lvl)
        for tag, val in (("start", 1), ("numFmt", "bullet" if kind == "bullet" else "decimal"),
                         ("pStyle", style.style_id if ilvl == 0 else None),
                         ("lvlText", bullets[ilvl % 3] if kind == "bullet" else f"%{ilvl + 1}."),
                         ("lvlJc", "left")):
            if val is not None:
                lvl.append(set_w(OxmlElement("w:" + tag), val=val))
        ppr = OxmlElement("w:pPr")
        ppr.append(set_w(OxmlElement("w:ind"), left=mm_to_twips(indent_mm * (ilvl + 1)),
                         hanging=mm_to_twips(hanging_mm)))
        lvl.append(ppr)
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return int(abstract.get(_w("abstractNumId")))


def link_numbering(document, style, abstract_id: int) -> None:
    """A list instance of ``abstract_id``, and ``style``'s paragraphs in it."""
    num_id = document.part.numbering_part.element.add_num(abstract_id).numId
    numpr = child(props(style, "pPr"), "numPr", PPR, replace=True)
    numpr.append(set_w(OxmlElement("w:ilvl"), val=0))
    numpr.append(set_w(OxmlElement("w:numId"), val=num_id))
