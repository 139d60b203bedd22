"""Tests for casuskit.ooxml.paraxml and the paragraphs fastdocx writes with it: the same XML
as python-docx's add_paragraph, add_run and style."""

import docx
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from casuskit import docxio
from casuskit.ooxml import fastdocx, paraxml
from casuskit.ooxml.paraxml import Paragraph, Run

texts = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\t\r\n "),
                max_size=12)
paragraph_styles = st.sampled_from([None, "Normal", "Heading 1", "Kaart Tekst"])
run_styles = st.sampled_from([None, "Strong", "Default Paragraph Font"])


def body_xml(doc) -> bytes:
    return etree.tostring(doc.element.body)


def test_paragraph_start_and_runs_exactly():
    assert paraxml.paragraph_start(None, False) == "<w:p>"
    assert paraxml.paragraph_start(None, True) == "<w:p><w:pPr></w:pPr>"
    assert paraxml.paragraph_start('a"b', True, 3) == (
        '<w:p><w:pPr><w:pStyle w:val="a&quot;b"/>'
        '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>')
    assert paraxml.run_start("Strong", True) == '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr>'
    assert paraxml.run_start(None, True) == "<w:r><w:rPr/>"
    assert paraxml.run_text(" a<&>\tb\r\n") == (
        '<w:t xml:space="preserve"> a&lt;&amp;&gt;</w:t><w:tab/><w:t>b</w:t><w:br/><w:br/>')
    assert paraxml.run_text("") == ""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, paragraph_styles, st.lists(st.tuples(texts, run_styles),
                                                             max_size=3)), max_size=4))
def test_fast_paragraphs_equal_python_docx(paragraphs):
    fast, described, plain = docxio.new_document(), docxio.new_document(), docxio.new_document()
    plain.__class__ = docx.document.Document  # python-docx's own add_paragraph
    for text, style, runs in paragraphs:
        for doc in (fast, plain):
            paragraph = doc.add_paragraph(text, style=style)
            for run_text, run_style in runs:
                paragraph.add_run(run_text, style=run_style)
        fastdocx.add_described(described, Paragraph(
            style, ([Run(text)] if text else []) + [Run(t, s) for t, s in runs]))
    assert body_xml(fast) == body_xml(plain) == body_xml(described)
    assert docxio.to_bytes(fast) == docxio.to_bytes(plain) == docxio.to_bytes(described)


def test_spacing_as_python_docx_paragraph_format_writes_it():
    doc = docxio.new_document()
    fast = fastdocx.add_described(doc, Paragraph("Kaart Tekst", [Run("x")], spacing=(0, 3.5, 1)))
    slow = doc.add_paragraph("x", style="Kaart Tekst")
    slow.paragraph_format.space_before, slow.paragraph_format.space_after = Pt(0), Pt(3.5)
    slow.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    slow.paragraph_format.line_spacing = Pt(1)
    assert etree.tostring(fast._p) == etree.tostring(slow._p)
    assert b'<w:spacing w:before="0" w:after="70" w:lineRule="exact" w:line="20"/>' \
        in etree.tostring(fast._p)
