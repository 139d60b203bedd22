"""Tests for casuskit.ooxml.tablexml: the exact w:tbl it writes, which is what python-docx and
the ooxml table helpers write for the same table."""

import re

import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from casuskit import docxio, ooxml
from casuskit.ooxml import Border, fastdocx, tablexml
from casuskit.ooxml.tablexml import Cell, Paragraph, Row, Run, Table

DASHED = Border("dashed", 4, "808080")


def xml(el) -> str:
    """Serialise without namespace declarations, for readable comparisons."""
    return re.sub(r'\s+xmlns:\w+="[^"]*"', "", etree.tostring(el, encoding="unicode"))


def body_xml(doc) -> bytes:
    return etree.tostring(doc.element.body)


@pytest.fixture
def doc():
    return docxio.new_document()


def test_a_small_table_exactly(doc):
    table = tablexml.add_table(doc, Table(
        [30, 50], [Row([Cell([Paragraph("Tabelkop", [Run("Naam")])], span=2)], header=True,
                       cant_split=True),
                   Row([Cell([Paragraph("Tabeltekst", [Run("Lead", "Strong"), Run(" tekst")])]),
                        Cell(valign="center", borders=tablexml.edges(DASHED, right=ooxml.NO_BORDER),
                             margins=tablexml.sides(all=1, left=2))],
                       height_mm=9, exact=False)],
        style="Casuskit Tabel"))
    assert xml(table._tbl) == (
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
    assert table.cell(1, 0).text == "Lead tekst"
    assert doc.element.body[-1].tag == qn("w:sectPr")  # written before the section properties


def test_text_is_escaped_and_split_as_python_docx_does(doc):
    table = tablexml.add_table(doc, Table([40], [Row([Cell([Paragraph(None, [
        Run("a & <b>\tc\r\nd "), Run(""), Run("x", "Default Paragraph Font")])])])]))
    assert xml(table._tbl.xpath("./w:tr/w:tc/w:p")[0]) == (
        '<w:p><w:r><w:t>a &amp; &lt;b&gt;</w:t><w:tab/><w:t>c</w:t><w:br/><w:br/>'
        '<w:t xml:space="preserve">d </w:t></w:r><w:r/><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>')


def test_default_styles_write_no_style_id(doc):
    table = tablexml.add_table(doc, Table([40], [Row([Cell([Paragraph("Normal", num_id=7)])])],
                                          style="Normal Table"))
    tbl = table._tbl
    assert tbl.find(qn("w:tblPr")).find(qn("w:tblStyle")) is None
    assert xml(tbl.xpath("./w:tr/w:tc/w:p")[0]) == (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:p>')


def test_table_placement_borders_and_nested_tables(doc):
    inner = Table([20], [Row([Cell()])], align="left")
    table = tablexml.add_table(doc, Table(
        [20, 20], [Row([Cell([Paragraph(None, [Run("x")]), inner], shading="EEEEEE",
                             text_direction="btLr"), Cell([inner])], height_mm=10)],
        style="Kaartraster", align="center",
        borders=tablexml.edges(Border("nil"), insideV=DASHED),
        cell_margins=tablexml.sides(all=0)))
    tblpr = table._tbl.tblPr
    assert [etree.QName(c).localname for c in tblpr] == [
        "tblStyle", "tblW", "jc", "tblBorders", "tblLayout", "tblCellMar", "tblLook"]
    assert tblpr.xpath("./w:tblBorders/*/@w:val") == ["nil"] * 4 + ["dashed"]
    first, second = table._tbl.xpath("./w:tr/w:tc")
    assert [etree.QName(c).localname for c in first] == ["tcPr", "p", "tbl", "p"]
    assert [etree.QName(c).localname for c in second] == ["tcPr", "tbl", "p"]
    assert xml(first.tcPr) == ('<w:tcPr><w:tcW w:w="1134" w:type="dxa"/>'
                               '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>'
                               '<w:textDirection w:val="btLr"/></w:tcPr>')


def test_rows_must_fill_the_grid(doc):
    with pytest.raises(ValueError):
        tablexml.add_table(doc, Table([20, 20], [Row([Cell()])]))


def test_unknown_styles_fail_as_in_python_docx(doc):
    with pytest.raises(KeyError):
        tablexml.add_table(doc, Table([20], [Row([Cell([Paragraph("Bestaat niet")])])]))
    with pytest.raises(ValueError):
        tablexml.add_table(doc, Table([20], [Row([Cell([Paragraph("Strong")])])]))


def _the_slow_way(doc, widths, rows, style):
    """The same table through python-docx and the ooxml helpers."""
    table = doc.add_table(rows=len(rows), cols=len(widths), style=style)
    for row, (texts, header) in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            paragraph = fastdocx.fast(cell.paragraphs[0])
            paragraph.style = "Tabelkop" if header else "Tabeltekst"
            paragraph.add_run(text)
            ooxml.set_cell_borders(cell, all=DASHED)
            ooxml.set_cell_margins(cell, top=1, right=2, bottom=3, left=4)
            ooxml.set_cell_vertical_alignment(cell, "center")
        ooxml.set_cant_split(row)
        ooxml.set_row_height(row, 12, exact=True)
        ooxml.set_repeat_header(row, header)
    ooxml.set_table_fixed_layout(table, widths)
    ooxml.set_table_alignment(table, "center")
    ooxml.set_cell_margins(table, all=2)


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\t\r\n "),
                max_size=12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(5, 80), min_size=1, max_size=4).flatmap(
    lambda widths: st.tuples(st.just(widths), st.lists(
        st.tuples(st.lists(texts, min_size=len(widths), max_size=len(widths)), st.booleans()),
        min_size=1, max_size=3))))
def test_same_bytes_as_python_docx_and_the_helpers(table):
    widths, rows = table
    slow, fast = docxio.new_document(), docxio.new_document()
    _the_slow_way(slow, widths, rows, "Kaartraster")
    tablexml.add_table(fast, Table(widths, [
        Row([Cell([Paragraph("Tabelkop" if header else "Tabeltekst", [Run(text)])],
                  borders=tablexml.edges(DASHED), valign="center",
                  margins=tablexml.sides(top=1, right=2, bottom=3, left=4)) for text in texts],
            height_mm=12, cant_split=True, header=header)
        for texts, header in rows], style="Kaartraster", align="center",
        cell_margins=tablexml.sides(all=2)))
    assert body_xml(fast) == body_xml(slow)
    assert docxio.to_bytes(fast) == docxio.to_bytes(slow)
