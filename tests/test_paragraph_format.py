"""ooxml's paragraph-format helpers write exactly what python-docx's paragraph_format writes,
and the text width is what python-docx's section lengths give."""

import pytest
from docx.shared import Emu, Mm
from lxml import etree

from casuskit import docxio, ooxml


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
