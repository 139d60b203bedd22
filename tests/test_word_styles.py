"""casuskit.word's style sheet: the ids python-docx would write, and the resolved looks text
measurement uses, read from styles.xml once per reference."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from casuskit import word
from casuskit.errors import StyleError
from casuskit.word.styles import CHARACTER, PARAGRAPH, TABLE, StyleSheet

NAMES = [("Heading 1", PARAGRAPH, WD_STYLE_TYPE.PARAGRAPH), ("Normal", PARAGRAPH, WD_STYLE_TYPE.PARAGRAPH),
         ("Kaart Tekst", PARAGRAPH, WD_STYLE_TYPE.PARAGRAPH), ("Strong", CHARACTER, WD_STYLE_TYPE.CHARACTER),
         ("Casuskit Tabel", TABLE, WD_STYLE_TYPE.TABLE)]


def sheet(document) -> StyleSheet:
    from lxml import etree
    return StyleSheet(etree.tostring(document.styles.element))


def reference():
    return docx.Document(io.BytesIO(word.default_reference_bytes()))


def test_ids_are_the_ones_python_docx_writes():
    document = reference()
    styles = sheet(document)
    assert [styles.style_id(name, kind) for name, kind, _ in NAMES] == \
        [document.part.get_style_id(name, kind) for name, _, kind in NAMES] == \
        ["Heading1", None, "KaartTekst", "Strong", "CasuskitTabel"]


def test_unknown_renamed_and_mistyped_styles_are_refused():
    document = reference()
    document.styles["Heading 1"].name = "Kop een"
    styles = sheet(document)
    with pytest.raises(StyleError):
        styles.style_id("Heading 1")
    assert styles.style_id("Kop een") == "Heading1"
    with pytest.raises(StyleError):
        styles.style_id("Strong", PARAGRAPH)
    assert not styles.has("Strong", PARAGRAPH) and styles.has("Strong", CHARACTER)


def test_without_a_default_the_normal_style_gets_its_id():
    document = reference()
    document.styles["Normal"].element.attrib.pop(docx.oxml.ns.qn("w:default"))
    assert sheet(document).style_id("Normal") == "Normal"


def test_looks_resolve_through_based_on_and_the_document_defaults():
    document = reference()
    styles = sheet(document)
    text = styles.look("Kaart Tekst")
    assert (text.font, text.size, text.bold, text.line_rule, text.line, text.after) == (
        "Calibri", 10, False, "auto", 1.05, 3)
    band = styles.look("Kaart Band Rol")  # based on Kaart Categorie: caps and bold from there
    assert (band.size, band.bold, band.caps, band.before, band.after) == (9, True, True, 0, 4)
    normal = styles.look("Normal")  # everything from the document defaults
    assert (normal.size, normal.line, normal.after) == (10.5, 1.1, 6)
    assert styles.look("Notitieregel").line_rule == "exact"
    document.styles["Normal"].font.name = "Verdana"
    document.styles["Normal"].font.size = Pt(12)
    changed = sheet(document)
    assert (changed.look("Kaart Tekst").font, changed.look("Kaart Tekst").size) == ("Verdana", 10)
    assert changed.look("Normal").size == 12


def test_list_styles_know_their_numbering():
    styles = word.open_reference().styles
    assert styles.list_num_id("List Number") is not None
    assert styles.list_num_id("Normal") is None
