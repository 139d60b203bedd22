"""Tests for casuskit.ooxml: the exact WordprocessingML each helper writes."""

import re

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from casuskit import docxio, ooxml
from casuskit.ooxml import Border


def xml(el) -> str:
    """Serialise without namespace declarations, for readable comparisons."""
    return re.sub(r'\s+xmlns:\w+="[^"]*"', "", etree.tostring(el, encoding="unicode"))


def child_tags(el) -> list[str]:
    return [etree.QName(c).localname for c in el]


@pytest.fixture
def doc():
    return docxio.new_document()


def test_units():
    assert ooxml.mm_to_twips(20) == 1134
    assert ooxml.mm_to_twips(210) == 11906
    assert ooxml.mm_to_twips(297) == 16838
    assert ooxml.mm_to_twips(9) == 510
    assert ooxml.mm_to_emu(1) == 36000
    assert ooxml.mm_to_emu(85.5) == 3078000


def test_add_field_writes_complex_field(doc):
    paragraph = doc.add_paragraph()
    result = ooxml.add_field(paragraph, "PAGE")
    assert xml(paragraph._p) == (
        "<w:p>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "</w:p>")
    assert result.text == "1"


def test_add_text_with_fields_page_x_of_y(doc):
    paragraph = doc.sections[0].footer.paragraphs[0]
    ooxml.add_text_with_fields(paragraph, "pagina {PAGE} van {NUMPAGES}")
    p = paragraph._p
    assert [t.strip() for t in p.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    assert p.xpath(".//w:t/text()") == ["pagina ", "1", " van ", "1"]
    kinds = p.xpath(".//w:fldChar/@w:fldCharType")
    assert kinds == ["begin", "separate", "end"] * 2
    assert paragraph.style.name == "Footer"


def test_cell_borders_exact_and_replaceable(doc):
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    ooxml.set_cell_borders(cell, top=Border("dashed", 4, "808080"), right=ooxml.NO_BORDER)
    borders = cell._tc.tcPr.find(qn("w:tcBorders"))
    assert xml(borders) == (
        '<w:tcBorders><w:top w:val="dashed" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:right w:val="nil"/></w:tcBorders>')
    ooxml.set_cell_borders(cell, all=Border("single", 8, "000000"), top=None)
    assert child_tags(borders) == ["left", "bottom", "right"]
    assert borders.find(qn("w:right")).get(qn("w:val")) == "single"
    assert borders.find(qn("w:right")).get(qn("w:sz")) == "8"


def test_cell_properties_keep_schema_order(doc):
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    ooxml.set_cell_vertical_alignment(cell, "center")
    ooxml.set_cell_margins(cell, all=2, left=4)
    ooxml.set_cell_shading(cell, "E3EEF0")
    ooxml.set_cell_borders(cell, bottom=Border())
    tcpr = cell._tc.tcPr
    assert child_tags(tcpr) == ["tcW", "tcBorders", "shd", "tcMar", "vAlign"]
    assert xml(tcpr.find(qn("w:shd"))) == '<w:shd w:val="clear" w:color="auto" w:fill="E3EEF0"/>'
    assert xml(tcpr.find(qn("w:tcMar"))) == (
        '<w:tcMar><w:top w:w="113" w:type="dxa"/><w:left w:w="227" w:type="dxa"/>'
        '<w:bottom w:w="113" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tcMar>')
    assert xml(tcpr.find(qn("w:vAlign"))) == '<w:vAlign w:val="center"/>'
    ooxml.set_cell_shading(cell, None)
    assert tcpr.find(qn("w:shd")) is None


def test_row_rules(doc):
    row = doc.add_table(rows=2, cols=1).rows[0]
    ooxml.set_repeat_header(row)
    ooxml.set_row_height(row, 60)
    ooxml.set_cant_split(row)
    trpr = row._tr.trPr
    assert xml(trpr) == ('<w:trPr><w:cantSplit/><w:trHeight w:val="3402" w:hRule="exact"/>'
                         "<w:tblHeader/></w:trPr>")
    ooxml.set_row_height(row, 10, exact=False)
    ooxml.set_cant_split(row, False)
    ooxml.set_repeat_header(row, False)
    assert xml(trpr) == '<w:trPr><w:trHeight w:val="567" w:hRule="atLeast"/></w:trPr>'


def test_fixed_layout_sets_every_width(doc):
    table = doc.add_table(rows=2, cols=3)
    table.cell(1, 0).merge(table.cell(1, 1))
    ooxml.set_table_fixed_layout(table, [30, 100, 40])
    tbl = table._tbl
    assert tbl.xpath("./w:tblPr/w:tblLayout/@w:type") == ["fixed"]
    assert tbl.xpath("./w:tblPr/w:tblW/@w:w") == [str(1701 + 5669 + 2268)]
    assert tbl.xpath("./w:tblPr/w:tblW/@w:type") == ["dxa"]
    assert tbl.xpath("./w:tblGrid/w:gridCol/@w:w") == ["1701", "5669", "2268"]
    assert tbl.xpath("./w:tr[1]/w:tc/w:tcPr/w:tcW/@w:w") == ["1701", "5669", "2268"]
    assert tbl.xpath("./w:tr[2]/w:tc/w:tcPr/w:tcW/@w:w") == [str(1701 + 5669), "2268"]
    assert set(tbl.xpath(".//w:tcW/@w:type")) == {"dxa"}
    with pytest.raises(ValueError):
        ooxml.set_table_fixed_layout(table, [50, 50])


def test_table_placement_borders_and_margins(doc):
    table = doc.add_table(rows=1, cols=2)
    table.style = doc.styles["Kaartraster"]
    ooxml.set_cell_margins(table, all=0)
    ooxml.set_table_borders(table, all=Border("nil"), insideV=Border("dashed", 4, "808080"))
    ooxml.set_table_indent(table, 5)
    ooxml.set_table_alignment(table, "center")
    tblpr = table._tbl.tblPr
    assert child_tags(tblpr) == ["tblStyle", "tblW", "jc", "tblInd", "tblBorders",
                                 "tblCellMar", "tblLook"]
    assert xml(tblpr.find(qn("w:jc"))) == '<w:jc w:val="center"/>'
    assert xml(tblpr.find(qn("w:tblInd"))) == '<w:tblInd w:w="283" w:type="dxa"/>'
    assert tblpr.xpath("./w:tblBorders/*/@w:val") == ["nil"] * 5 + ["dashed"]
    assert tblpr.xpath("./w:tblCellMar/*/@w:w") == ["0"] * 4


def test_paragraph_borders_shading_and_style_level(doc):
    paragraph = doc.add_paragraph(style="Kaart Tekst")
    ooxml.set_paragraph_shading(paragraph, "FFF3D6")
    ooxml.set_paragraph_borders(paragraph, bottom=Border("single", 4, "A6A6A6"),
                                between=Border("single", 4, "A6A6A6"))
    ooxml.set_keep_with_next(paragraph)
    ppr = paragraph._p.pPr
    assert child_tags(ppr) == ["pStyle", "keepNext", "pBdr", "shd"]
    assert xml(ppr.find(qn("w:pBdr"))) == (
        '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:between w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:pBdr>')
    style = doc.styles["Klein"]
    ooxml.set_page_break_before(style)
    ooxml.set_keep_with_next(style)
    ooxml.set_outline_level(style, 3)
    ooxml.set_character_spacing(style, 0.5)
    assert style.element.xpath("./w:pPr/w:keepNext") and style.element.xpath(
        "./w:pPr/w:pageBreakBefore")
    assert style.element.xpath("./w:pPr/w:outlineLvl/@w:val") == ["3"]
    assert style.element.xpath("./w:rPr/w:spacing/@w:val") == ["10"]
    assert child_tags(style.element.pPr)[:2] == ["keepNext", "pageBreakBefore"]


def test_language_on_defaults_and_style():
    document = docx.Document()
    ooxml.set_language(document, "nl-NL")
    lang = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang")[0]
    assert xml(lang) == '<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="nl-NL"/>'
    ooxml.set_language(document.styles["Normal"], "nl-BE")
    assert document.styles["Normal"].element.xpath("./w:rPr/w:lang/@w:val") == ["nl-BE"]


def test_doc_defaults():
    document = docx.Document()
    ooxml.set_doc_defaults(document, "Calibri", 10.5, "nl-NL", space_after_pt=6,
                           line_spacing=1.1)
    root = document.styles.element
    assert root.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:cs") == ["Calibri"]
    assert root.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val") == ["21"]
    assert xml(root.xpath("./w:docDefaults/w:pPrDefault/w:pPr/w:spacing")[0]) == (
        '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>')


def _num_ids(paragraphs):
    return [int(p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]) for p in paragraphs]


def test_restart_numbering_makes_new_instance_of_style_list(doc):
    numbering = doc.part.numbering_part.element
    style_num = int(doc.styles["List Number"].element.xpath(".//w:numId/@w:val")[0])
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    first = [doc.add_paragraph(t, style="List Number") for t in "abc"]
    second = [doc.add_paragraph(t, style="List Number") for t in "de"]
    num_a = ooxml.restart_numbering(first)
    num_b = ooxml.restart_numbering(second)
    assert len({style_num, num_a, num_b}) == 3
    assert _num_ids(first) == [num_a] * 3 and _num_ids(second) == [num_b] * 2
    num = numbering.num_having_numId(num_b)
    assert xml(num) == (
        f'<w:num w:numId="{num_b}"><w:abstractNumId w:val="{abstract}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    assert child_tags(numbering)[-1] == "num"
    assert child_tags(first[0]._p.pPr) == ["pStyle", "numPr"]


def test_new_list_for_streaming_and_errors(doc):
    num_id = ooxml.new_list(doc, "List Number", start=3)
    paragraph = doc.add_paragraph("x", style="List Number")
    ooxml.set_numbering(paragraph, num_id, level=1)
    assert paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val") == ["1"]
    num = doc.part.numbering_part.element.num_having_numId(num_id)
    assert num.xpath(".//w:startOverride/@w:val") == ["3"]
    with pytest.raises(ValueError, match="geen lijstnummering"):
        ooxml.new_list(doc, "Normal")


def test_abstract_numbering_definition(doc):
    style = doc.styles["Klein"]
    abstract_id = ooxml.add_abstract_numbering(doc, "decimal", style, levels=1)
    abstract = doc.part.numbering_part.element.xpath(
        f"./w:abstractNum[@w:abstractNumId='{abstract_id}']")[0]
    assert xml(abstract) == (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Klein"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>')
    tags = child_tags(doc.part.numbering_part.element)
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")


def test_page_a4_portrait_and_landscape():
    document = docx.Document()  # python-docx's US Letter template
    section = document.sections[0]
    ooxml.set_page_a4(section, margins_mm=20, header_mm=10, footer_mm=8)
    assert xml(section._sectPr.find(qn("w:pgSz"))) == '<w:pgSz w:w="11906" w:h="16838"/>'
    mar = section._sectPr.find(qn("w:pgMar"))
    assert [mar.get(qn("w:" + a)) for a in ("top", "right", "bottom", "left", "header",
                                            "footer", "gutter")] == \
        ["1134"] * 4 + ["567", "454", "0"]
    ooxml.set_page_a4(section, margins_mm=(10, 15, 10, 15), landscape=True)
    pgsz = section._sectPr.find(qn("w:pgSz"))
    assert (pgsz.get(qn("w:w")), pgsz.get(qn("w:h")), pgsz.get(qn("w:orient"))) == \
        ("16838", "11906", "landscape")
    assert section._sectPr.find(qn("w:pgMar")).get(qn("w:left")) == "850"


def test_clear_body_keeps_section():
    document = docx.Document()
    document.add_paragraph("x")
    document.add_table(rows=1, cols=1)
    ooxml.clear_body(document)
    assert child_tags(document.element.body) == ["sectPr"]


def test_table_style_header(doc):
    style = doc.styles["Casuskit Tabel"]
    ooxml.set_table_style_header(style, fill="CCCCCC", bold=True, color="000000")
    blocks = style.element.xpath("./w:tblStylePr")
    assert len(blocks) == 1
    assert xml(blocks[0]) == (
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="000000"/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="CCCCCC"/></w:tcPr>'
        "</w:tblStylePr>")


def test_app_property_created_and_updated():
    document = docx.Document()
    ooxml.set_app_property(document, "Company", "Gemeente Utrecht")
    ooxml.set_app_property(document, "Company", "Buurtteam Oost")
    part = document.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "extended-properties")
    root = etree.fromstring(part.blob)
    ns = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
    assert root.xpath("//ep:Company/text()", namespaces=ns) == ["Buurtteam Oost"]


_CELL_OPS = {
    "borders": lambda c: ooxml.set_cell_borders(c, all=Border("dashed")),
    "shading": lambda c: ooxml.set_cell_shading(c, "EEEEEE"),
    "margins": lambda c: ooxml.set_cell_margins(c, all=1),
    "valign": lambda c: ooxml.set_cell_vertical_alignment(c, "bottom"),
}
_TCPR_ORDER = ["tcW", "tcBorders", "shd", "tcMar", "vAlign"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(_CELL_OPS)), min_size=1, max_size=8))
def test_any_order_of_cell_calls_gives_schema_order(ops):
    cell = docx.Document().add_table(rows=1, cols=1).cell(0, 0)
    for op in ops:
        _CELL_OPS[op](cell)
    tags = child_tags(cell._tc.tcPr)
    assert tags == sorted(tags, key=_TCPR_ORDER.index)
    assert len(tags) == len(set(tags)) == 1 + len(set(ops))
