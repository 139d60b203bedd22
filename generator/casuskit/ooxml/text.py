"""Paragraph-level OOXML: complex fields, paragraph borders and shading,
outline levels, and list numbering (definitions, instances, restarts).

Functions taking ``target`` accept a Paragraph or a paragraph style alike.
"""

from __future__ import annotations

import re
from typing import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from casuskit.ooxml._xml import (PBDR, PPR, RPR, Border, box, child, mm_to_twips, props,
                                 remove_children, set_edges, set_shading, set_w)


# -- fields -------------------------------------------------------------------

def add_field(paragraph: Paragraph, instr: str, placeholder: str = "1"):
    """Append a complex field (e.g. ``PAGE``, ``NUMPAGES``) to ``paragraph``.

    Writes the five runs begin / instrText / separate / result / end; Word and
    LibreOffice recalculate page fields on display. Returns the result run.
    """
    def run_with(tag, **attrs):
        run = paragraph.add_run()
        run._r.append(set_w(OxmlElement("w:" + tag), **attrs))
        return run

    run_with("fldChar", fldCharType="begin")
    instr_run = run_with("instrText")
    instr_el = instr_run._r[-1]
    instr_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_el.text = f" {instr.strip()} "
    run_with("fldChar", fldCharType="separate")
    result = paragraph.add_run(placeholder)
    run_with("fldChar", fldCharType="end")
    return result


def add_text_with_fields(paragraph: Paragraph, template: str) -> None:
    """Append ``template`` where ``{INSTR}`` becomes a field, e.g.
    ``"pagina {PAGE} van {NUMPAGES}"``."""
    for i, part in enumerate(re.split(r"\{([^{}]+)\}", template)):
        if i % 2:
            add_field(paragraph, part)
        elif part:
            paragraph.add_run(part)


# -- paragraphs and paragraph styles ------------------------------------------

def set_paragraph_borders(target, all: Border | None = None, **edges: Border | None) -> None:
    """Paragraph (or paragraph-style) borders; edges: top, left, bottom, right,
    between (drawn between consecutive paragraphs with the same borders), bar."""
    set_edges(child(props(target, "pPr"), "pBdr", PPR), PBDR, box(all, edges))


def set_paragraph_shading(target, fill: str | None) -> None:
    """Background fill (hex, e.g. ``"E2EEF0"``) of a paragraph or paragraph style."""
    set_shading(props(target, "pPr"), PPR, fill)


def set_character_spacing(target, pt: float | None) -> None:
    """Extra space between letters (w:spacing in rPr) of a run or style, in points."""
    rpr = props(target, "rPr")
    if pt is None:
        remove_children(rpr, "spacing")
    else:
        set_w(child(rpr, "spacing", RPR, replace=True), val=round(pt * 20))


def set_keep_with_next(target, on: bool = True) -> None:
    """Keep a paragraph (or every paragraph of a style) on the page of the next."""
    _set_on_off(target, "keepNext", on)


def set_page_break_before(target, on: bool = True) -> None:
    """Start a paragraph (or every paragraph of a style) on a new page."""
    _set_on_off(target, "pageBreakBefore", on)


def _set_on_off(target, tag: str, on: bool) -> None:
    """A paragraph toggle as python-docx's paragraph_format writes it (``w:val="0"`` for
    off), without its search through every possible sibling."""
    set_w(child(props(target, "pPr"), tag, PPR), val=None if on else "0")


def set_outline_level(target, level: int | None) -> None:
    """Outline level (0 = top) used by the navigation pane and a table of contents."""
    ppr = props(target, "pPr")
    if level is None:
        remove_children(ppr, "outlineLvl")
    else:
        set_w(child(ppr, "outlineLvl", PPR), val=level)


# -- numbering ----------------------------------------------------------------

def _main_part(obj):
    """The DocumentPart behind a Document, Paragraph (also in a header) or style."""
    part = obj.part
    if not hasattr(part, "numbering_part"):  # a header or footer part
        part = part.package.main_document_part
    return part


def _numbering(obj):
    return _main_part(obj).numbering_part.element


def add_abstract_numbering(document, kind: str, style=None, levels: int = 3,
                           indent_mm: float = 6.35, hanging_mm: float = 6.35) -> int:
    """Define a bullet (``kind="bullet"``) or decimal list; returns abstractNumId.

    With ``style`` the definition's first level is linked to that paragraph style.
    """
    numbering = _numbering(document)
    ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract = set_w(OxmlElement("w:abstractNum"), abstractNumId=max(ids, default=-1) + 1)
    abstract.append(set_w(OxmlElement("w:multiLevelType"), val="hybridMultilevel"))
    bullets = ["\u2022", "\u2013", "\u25aa"]
    for ilvl in range(levels):
        lvl = set_w(OxmlElement("w:lvl"), ilvl=ilvl)
        abstract.append(lvl)
        for tag, val in (("start", 1), ("numFmt", "bullet" if kind == "bullet" else "decimal"),
                         ("pStyle", style.style_id if style is not None and ilvl == 0 else None),
                         ("lvlText", bullets[ilvl % 3] if kind == "bullet" else f"%{ilvl + 1}."),
                         ("lvlJc", "left")):
            if val is not None:
                lvl.append(set_w(OxmlElement("w:" + tag), val=val))
        ppr = OxmlElement("w:pPr")
        ppr.append(set_w(OxmlElement("w:ind"), left=mm_to_twips(indent_mm * (ilvl + 1)),
                         hanging=mm_to_twips(hanging_mm)))
        lvl.append(ppr)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return int(abstract.get(qn("w:abstractNumId")))


def add_numbering_instance(document, abstract_id: int, start: int | None = None) -> int:
    """Add a ``w:num`` for ``abstract_id``; with ``start`` its first level restarts
    there (lvlOverride/startOverride). Returns the new numId."""
    num = _numbering(document).add_num(abstract_id)
    if start is not None:
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def set_numbering(target, num_id: int, level: int = 0) -> None:
    """Attach a paragraph (or paragraph style) to list ``num_id`` at ``level``."""
    numpr = child(props(target, "pPr"), "numPr", PPR, replace=True)
    numpr.append(set_w(OxmlElement("w:ilvl"), val=level))
    numpr.append(set_w(OxmlElement("w:numId"), val=num_id))


def _style_num_id(style) -> int | None:
    while style is not None:
        found = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if found:
            return int(found[0])
        style = style.base_style
    return None


def new_list(document, style="List Number", start: int = 1) -> int:
    """A fresh list instance of a numbered style that starts at ``start``.

    Give the returned numId to :func:`set_numbering` for every paragraph of that
    list (they keep ``style``); the next list needs another ``new_list``.
    """
    if isinstance(style, str):
        style = _main_part(document).document.styles[style]
    num_id = _style_num_id(style)
    if num_id is None:
        raise ValueError(f"Stijl '{style.name}' heeft geen lijstnummering; "
                         "koppel in de huisstijl een nummering aan deze stijl.")
    abstract_id = _numbering(document).num_having_numId(num_id).abstractNumId.val
    return add_numbering_instance(document, abstract_id, start)


def restart_numbering(paragraphs: Paragraph | Iterable[Paragraph], style=None,
                      start: int = 1) -> int:
    """Make the given paragraphs one list restarting at ``start``; returns numId.

    ``style`` defaults to the first paragraph's style (e.g. "List Number").
    """
    paragraphs = [paragraphs] if isinstance(paragraphs, Paragraph) else list(paragraphs)
    if not paragraphs:
        raise ValueError("restart_numbering needs at least one paragraph")
    num_id = new_list(paragraphs[0], style or paragraphs[0].style, start)
    for paragraph in paragraphs:
        set_numbering(paragraph, num_id)
    return num_id
