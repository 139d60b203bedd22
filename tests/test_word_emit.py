"""casuskit.word's emitter: the exact XML of paragraphs, runs, fields and tables, and that it is
what python-docx itself writes for the same content (tests/oracle.py)."""

from __future__ import annotations

import re

import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from casuskit import word
from casuskit.word.emit import Emitter, escape
from casuskit.errors import StyleError

from oracle import (body_xml, emitted_body, plain_document, set_cell_borders, set_cell_margins,
                    set_cell_valign, set_fixed_layout, set_row, set_table_alignment,
                    set_table_cell_margins)

DASHED = word.Border("dashed", 4, "808080")
P, Run = word.Paragraph, word.Run
texts = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\t\r\n "),
                max_size=12)


def xml(*blocks) -> str:
    out: list[str] = []
    emitter = Emitter(word.open_reference().styles, out)
    for block in blocks:
        emitter.block(block)
    return "".join(out)


def test_paragraphs_and_runs_exactly():
    assert xml(P(None)) == "<w:p></w:p>"
    assert xml(P("Normal")) == "<w:p><w:pPr/></w:p>"  # the default style: no id, as Word writes
    assert xml(P("List Number", [Run("a"), Run("b", "Strong")], 3, keep_with_next=True)) == (
        '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:keepNext/><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>a</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>b</w:t></w:r></w:p>')
    assert xml(P("Klein", [word.PageBreak()])) == (
        '<w:p><w:pPr><w:pStyle w:val="Klein"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>')
    assert xml(P(None, [Run(" a<&>\tb\r\n"), Run(""), Run("x", "Default Paragraph Font")])) == (
        '<w:p><w:r><w:t xml:space="preserve"> a&lt;&amp;&gt;</w:t><w:tab/><w:t>b</w:t><w:br/>'
        '<w:br/></w:r><w:r></w:r><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>')


def test_font_sizes_on_runs_and_the_paragraph_mark_in_schema_order():
    assert xml(P("Kaart Tekst", [Run("Wat ik doe:", "Strong"), Run(" luisteren"), Run("x", size_pt=9)],
                 size_pt=13.5)) == (
        '<w:p><w:pPr><w:pStyle w:val="KaartTekst"/><w:rPr><w:sz w:val="27"/><w:szCs w:val="27"/>'
        '</w:rPr></w:pPr><w:r><w:rPr><w:rStyle w:val="Strong"/><w:sz w:val="27"/>'
        '<w:szCs w:val="27"/></w:rPr><w:t>Wat ik doe:</w:t></w:r><w:r><w:rPr><w:sz w:val="27"/>'
        '<w:szCs w:val="27"/></w:rPr><w:t xml:space="preserve"> luisteren</w:t></w:r><w:r><w:rPr>'
        '<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:t>x</w:t></w:r></w:p>')
    assert xml(P(None, [Run("a", "Default Paragraph Font", 12)], keep_with_next=True, size_pt=12)) == (
        '<w:p><w:pPr><w:keepNext/><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:pPr>'
        '<w:r><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t>a</w:t></w:r></w:p>')


def test_fields_are_five_runs():
    assert xml(P("Footer", [Run("pagina "), word.Field("PAGE")])) == (
        '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">pagina </w:t>'
        '</w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t>'
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def test_characters_xml_cannot_hold_never_reach_the_document():
    assert escape("a\x1bb\x00c\ufffed\ud800e\tf") == "abcde\tf"
    doc = word.Document()
    doc.paragraph("Naam\x1b[31m met\x00 stuurtekens\ufffe", "Title")
    body = emitted_body(doc.to_bytes())  # parses: the package is well-formed
    assert b"Naam[31m met stuurtekens" in body


def test_a_small_table_exactly():
    assert xml(word.Table(
        [30, 50], [word.Row([word.Cell([P("Tabelkop", [Run("Naam")])], span=2)], header=True,
                            cant_split=True),
                   word.Row([word.Cell([P("Tabeltekst", [Run("Lead", "Strong"), Run(" tekst")])]),
                             word.Cell(valign="center", borders=word.edges(DASHED, right=word.NO_BORDER),
                                       margins=word.sides(all=1, left=2))],
                            height_mm=9, exact=False)],
        style="Casuskit Tabel")) == (
        '<w:tbl><w:tblPr><w:tblStyle w:val="CasuskitTabel"/><w:tblW w:w="4536" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="1701"/><w:gridCol w:w="2835"/></w:tblGrid>'
        '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
        '<w:tc><w:tcPr><w:tcW w:w="4536" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr>'
        '<w:p><w:pPr><w:pStyle w:val="Tabelkop"/></w:pPr><w:r><w:t>Naam</w:t></w:r></w:p>'
        '</w:tc></w:tr>'
        '<w:tr><w:trPr><w:trHeight w:val="510" w:hRule="atLeast"/></w:trPr>'
        '<w:tc><w:tcPr><w:tcW w:w="1701" w:type="dxa"/></w:tcPr>'
        '<w:p><w:pPr><w:pStyle w:val="Tabeltekst"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Lead</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> tekst</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="2835" w:type="dxa"/><w:tcBorders>'
        '<w:top w:val="dashed" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:left w:val="dashed" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:bottom w:val="dashed" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:right w:val="nil"/></w:tcBorders>'
        '<w:tcMar><w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tcMar>'
        '<w:vAlign w:val="center"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>')


def test_table_placement_borders_and_nested_tables():
    inner = word.Table([20], [word.Row([word.Cell()])], align="left")
    found = xml(word.Table(
        [20, 20], [word.Row([word.Cell([P(None, [Run("x")]), inner], shading="EEEEEE",
                                       text_direction="btLr"), word.Cell([inner])], height_mm=10)],
        style="Kaartraster", align="center", borders=word.edges(word.NO_BORDER, insideV=DASHED),
        cell_margins=word.sides(all=0)))
    table_props = re.search("<w:tblPr>(.*?)</w:tblPr>", found).group(1)
    assert re.findall(r"<w:(\w+)", table_props)[:7] == [
        "tblStyle", "tblW", "jc", "tblBorders", "top", "left", "bottom"]
    assert '<w:tcPr><w:tcW w:w="1134" w:type="dxa"/><w:shd w:val="clear" w:color="auto" ' \
           'w:fill="EEEEEE"/><w:textDirection w:val="btLr"/></w:tcPr>' in found
    assert found.count("<w:tbl>") == 3 and "</w:tbl><w:p/></w:tc>" in found  # cells end in a paragraph


def test_rows_must_fill_the_grid_and_styles_must_exist():
    with pytest.raises(ValueError):
        xml(word.Table([20, 20], [word.Row([word.Cell()])]))
    with pytest.raises(StyleError):
        xml(P("Bestaat niet"))
    with pytest.raises(StyleError):
        xml(P("Strong"))  # a character style on a paragraph


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(texts, st.sampled_from([None, "Normal", "Heading 1", "Kaart Tekst"]),
                          st.lists(st.tuples(texts, st.sampled_from([None, "Strong"])), max_size=3)),
                max_size=4))
def test_paragraphs_are_what_python_docx_writes(paragraphs):
    plain, doc = plain_document(), word.Document()
    for text, style, runs in paragraphs:
        paragraph = plain.add_paragraph(text, style=style)
        for run_text, run_style in runs:
            paragraph.add_run(run_text, style=run_style)
        doc.add(P(style, ([Run(text)] if text else []) + [Run(t, s) for t, s in runs]))
    assert emitted_body(doc.to_bytes()) == body_xml(plain)


def test_spacing_page_break_and_keep_with_next_are_what_python_docx_writes():
    plain, doc = plain_document(), word.Document()
    slow = plain.add_paragraph("x", style="Kaart Tekst")
    slow.paragraph_format.space_before, slow.paragraph_format.space_after = Pt(0), Pt(3.5)
    slow.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    slow.paragraph_format.line_spacing = Pt(1)
    doc.add(P("Kaart Tekst", [Run("x")], spacing=(0, 3.5, 1)))
    for style in (None, "Heading 1"):
        slow = plain.add_paragraph("a", style=style)
        slow.paragraph_format.page_break_before = True
        slow.paragraph_format.keep_with_next = True
        doc.paragraph("a", style, keep_with_next=True, page_break_before=True)
    assert emitted_body(doc.to_bytes()) == body_xml(plain)
    assert b'<w:spacing w:before="0" w:after="70" w:lineRule="exact" w:line="20"/>' in body_xml(plain)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(5, 80), min_size=1, max_size=4).flatmap(
    lambda widths: st.tuples(st.just(widths), st.lists(
        st.tuples(st.lists(texts, min_size=len(widths), max_size=len(widths)), st.booleans()),
        min_size=1, max_size=3))))
def test_tables_are_what_python_docx_and_the_old_helpers_write(table):
    widths, rows = table
    plain, doc = plain_document(), word.Document()
    slow = plain.add_table(rows=len(rows), cols=len(widths), style="Kaartraster")
    for row, (cells, header) in zip(slow.rows, rows):
        for cell, text in zip(row.cells, cells):
            paragraph = cell.paragraphs[0]
            paragraph.style = "Tabelkop" if header else "Tabeltekst"
            paragraph.add_run(text)
            set_cell_borders(cell, "dashed", 4, "808080")
            set_cell_margins(cell, top=1, right=2, bottom=3, left=4)
            set_cell_valign(cell, "center")
        set_row(row, 12, exact=True, cant_split=True, header=header)
    set_fixed_layout(slow, widths)
    set_table_alignment(slow, "center")
    set_table_cell_margins(slow, 2)
    doc.add(word.Table(widths, [
        word.Row([word.Cell([P("Tabelkop" if header else "Tabeltekst", [Run(text)])],
                            borders=word.edges(DASHED), valign="center",
                            margins=word.sides(top=1, right=2, bottom=3, left=4)) for text in cells],
                 height_mm=12, cant_split=True, header=header)
        for cells, header in rows], style="Kaartraster", align="center",
        cell_margins=word.sides(all=2)))
    assert emitted_body(doc.to_bytes()) == body_xml(plain)
