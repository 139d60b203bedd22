"""ooxml's paragraph-format helpers write exactly what python-docx's paragraph_format writes,
and the text width is what python-docx's section lengths give."""

import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Emu, Mm, Pt
from lxml import etree

from casuskit import docxio, ooxml


def test_spacing_as_python_docx_writes_it():
    doc = docxio.new_document()
    fast = doc.add_paragraph(style="Normal")
    ooxml.set_spacing(fast, 0, 3.5, 1)
    slow = doc.add_paragraph(style="Normal").paragraph_format
    slow.space_before, slow.space_after = Pt(0), Pt(3.5)
    slow.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    slow.line_spacing = Pt(1)
    first, second = doc.element.body[:2]
    assert etree.tostring(first) == etree.tostring(second)
    assert b'<w:spacing w:before="0" w:after="70" w:lineRule="exact" w:line="20"/>' \
        in etree.tostring(first)


@pytest.mark.parametrize("style", [None, "Heading 1"])
def test_page_break_and_keep_with_next_as_python_docx_writes_them(style):
    doc = docxio.new_document()
    fast, slow = doc.add_paragraph("a", style=style), doc.add_paragraph("a", style=style)
    for on in (True, False, True):
        ooxml.set_page_break_before(fast, on)
        ooxml.set_keep_with_next(fast, on)
        slow.paragraph_format.page_break_before = on
        slow.paragraph_format.keep_with_next = on
        assert etree.tostring(fast._p) == etree.tostring(slow._p)
    assert b"<w:keepNext/><w:pageBreakBefore/>" in etree.tostring(fast._p)
    style = doc.styles["Klein"]
    ooxml.set_page_break_before(style, False)
    assert style.paragraph_format.page_break_before is False


def test_text_width_is_python_docxs():
    doc = docxio.new_document()
    section = doc.sections[-1]
    assert ooxml.text_width_mm(doc) == \
        Emu(section.page_width - section.left_margin - section.right_margin).mm
    section.left_margin, section.right_margin = Mm(31), Mm(12.3)
    assert ooxml.text_width_mm(doc) == \
        Emu(section.page_width - section.left_margin - section.right_margin).mm
