"""Style ids found in one document serve the next one started from the same reference, but
only where that document's own styles still say the same."""

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from casuskit import docxio

NAMES = [("Heading 1", WD_STYLE_TYPE.PARAGRAPH), ("Normal", WD_STYLE_TYPE.PARAGRAPH),
         ("Kaart Tekst", WD_STYLE_TYPE.PARAGRAPH), ("Strong", WD_STYLE_TYPE.CHARACTER),
         ("Casuskit Tabel", WD_STYLE_TYPE.TABLE)]


def ids(doc):
    return [doc.part.get_style_id(name, kind) for name, kind in NAMES]


def test_a_second_document_gets_the_same_answers():
    first, second = docxio.new_document(), docxio.new_document()
    assert ids(first) == ids(second) == ["Heading1", None, "KaartTekst", "Strong", "CasuskitTabel"]


def test_a_changed_document_is_not_answered_from_the_first():
    docxio.new_document().part.get_style_id("Heading 1", WD_STYLE_TYPE.PARAGRAPH)
    renamed = docxio.new_document()
    renamed.styles["Heading 1"].name = "Kop een"
    with pytest.raises(KeyError):
        renamed.part.get_style_id("Heading 1", WD_STYLE_TYPE.PARAGRAPH)
    new_id = docxio.new_document()
    new_id.styles["Heading 1"].element.set(qn("w:styleId"), "Kop1")
    assert new_id.part.get_style_id("Heading 1", WD_STYLE_TYPE.PARAGRAPH) == "Kop1"
    moved = docxio.new_document()
    heading = moved.styles["Heading 1"].element
    heading.getparent().append(heading)  # another place: the remembered one holds another style
    assert moved.part.get_style_id("Heading 1", WD_STYLE_TYPE.PARAGRAPH) == "Heading1"
    assert moved.part.get_style_id("Normal", WD_STYLE_TYPE.PARAGRAPH) is None
    removed = docxio.new_document()
    removed.styles["Kaart Tekst"].delete()
    with pytest.raises(KeyError):
        removed.part.get_style_id("Kaart Tekst", WD_STYLE_TYPE.PARAGRAPH)
    default = docxio.new_document()
    default.styles["Normal"].element.attrib.pop(qn("w:default"))
    assert default.part.get_style_id("Normal", WD_STYLE_TYPE.PARAGRAPH) == "Normal"
