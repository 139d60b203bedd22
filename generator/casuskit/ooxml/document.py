"""Document-level OOXML: language, document defaults (docDefaults), the A4
page and the text width, emptying the body, and extended properties (docProps/app.xml).
"""

from __future__ import annotations

from docx.document import Document as _Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_TwipsMeasure
from docx.shared import Emu, Twips
from docx.styles.styles import Styles
from lxml import etree

from casuskit.ooxml._xml import PPR, RPR, child, mm_to_twips, props, set_w

A4_TWIPS = (11906, 16838)
_EP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def set_language(target, lang: str = "nl-NL") -> None:
    """Set ``w:lang`` (val, eastAsia, bidi) on the document defaults (pass a
    Document or its Styles) or on one style or run."""
    if isinstance(target, _Document):
        target = target.styles
    if isinstance(target, Styles):
        rpr = _doc_defaults(target)[0]
    else:
        rpr = props(target, "rPr")
    set_w(child(rpr, "lang", RPR), val=lang, eastAsia=lang, bidi=lang)


def set_default_style(style, on: bool = True) -> None:
    """Mark ``style`` as the default of its type (``w:default="1"``)."""
    set_w(style.element, default="1" if on else None)


def _doc_defaults(styles: Styles):
    """(rPr, pPr) of ``w:docDefaults``, created if absent."""
    root = styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        root.insert(0, defaults)
    rpr = child(child(defaults, "rPrDefault", ["rPrDefault", "pPrDefault"]), "rPr")
    ppr = child(child(defaults, "pPrDefault", ["rPrDefault", "pPrDefault"]), "pPr")
    return rpr, ppr


def set_doc_defaults(document, font: str, size_pt: float, lang: str = "nl-NL",
                     space_after_pt: float = 0, line_spacing: float = 1.0) -> None:
    """Document-wide defaults: font for all scripts, size, language, spacing."""
    rpr, ppr = _doc_defaults(document.styles)
    fonts = child(rpr, "rFonts", RPR, replace=True)  # drops theme-font attributes
    set_w(fonts, ascii=font, hAnsi=font, eastAsia=font, cs=font)
    half_points = round(size_pt * 2)
    set_w(child(rpr, "sz", RPR), val=half_points)
    set_w(child(rpr, "szCs", RPR), val=half_points)
    set_language(document, lang)
    set_w(child(ppr, "spacing", PPR), after=round(space_after_pt * 20),
          line=round(line_spacing * 240), lineRule="auto")


# -- sections, body and package -------------------------------------------------

def set_page_a4(section, margins_mm: float | tuple = 20, header_mm: float = 10,
                footer_mm: float = 10, landscape: bool = False) -> None:
    """A4 page; ``margins_mm`` is one number or (top, right, bottom, left)."""
    top, right, bottom, left = (margins_mm,) * 4 if isinstance(margins_mm, (int, float)) \
        else margins_mm
    width, height = A4_TWIPS[::-1] if landscape else A4_TWIPS
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(width), Twips(height)
    for name, mm in (("top_margin", top), ("right_margin", right), ("bottom_margin", bottom),
                     ("left_margin", left), ("header_distance", header_mm),
                     ("footer_distance", footer_mm), ("gutter", 0)):
        setattr(section, name, Twips(mm_to_twips(mm)))


def text_width_mm(document) -> float:
    """Width between the margins of the last section in mm: what python-docx's
    ``sections[-1]`` lengths give, without its search of the whole body for section breaks
    (the last section's properties are the body's own ``w:sectPr``)."""
    sectpr = document.element.body.sectPr
    size, margins = sectpr.find(qn("w:pgSz")), sectpr.find(qn("w:pgMar"))
    twips = ST_TwipsMeasure.convert_from_xml
    return Emu(twips(size.get(qn("w:w"))) - twips(margins.get(qn("w:left")))
               - twips(margins.get(qn("w:right")))).mm


def clear_body(document) -> None:
    """Remove all body content, keeping the final section properties."""
    body = document.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)


def set_app_property(document, name: str, value: str) -> None:
    """Set one extended property (docProps/app.xml), e.g. ``Company``."""
    package = document.part.package
    try:
        part = package.part_related_by(RT.EXTENDED_PROPERTIES)
        root = etree.fromstring(part.blob)
    except KeyError:
        root = etree.Element(f"{{{_EP_NS}}}Properties", nsmap={None: _EP_NS, "vt": _VT_NS})
        part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, b"", package)
        package.relate_to(part, RT.EXTENDED_PROPERTIES)
    found = root.find(f"{{{_EP_NS}}}{name}")
    if found is None:
        found = etree.SubElement(root, f"{{{_EP_NS}}}{name}")
    found.text = value
    # A plain Part keeps its bytes in ``_blob``; python-docx has no app.xml model.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
