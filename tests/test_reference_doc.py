"""Tests for the shipped reference document and its reproducible build."""

import io
import zipfile
from importlib import resources

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from casuskit.render.registry import required_styles
from casuskit.word import reference_build

KINDS = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
         "table": WD_STYLE_TYPE.TABLE}
REQUIRED_STYLES = {name: KINDS[kind] for name, kind in required_styles().items()}
# in the reference for facilitators, not named by any document: the base of the card bands, the
# cover style and the italic character style of the specimen
EXTRA = {"Kaart Categorie": WD_STYLE_TYPE.PARAGRAPH, "Omslag Gegevens": WD_STYLE_TYPE.PARAGRAPH,
         "Emphasis": WD_STYLE_TYPE.CHARACTER}

SHIPPED = resources.files("casuskit").joinpath("data", "referentie.docx").read_bytes()
W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


@pytest.fixture(scope="module")
def built():
    return reference_build.build_default_reference()


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(SHIPPED))


def part(name: str):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(SHIPPED)).read(name))


def test_shipped_file_equals_fresh_build(built):
    assert built == SHIPPED, (
        "data/referentie.docx is stale: run "
        "python -m casuskit.word.reference_build generator/casuskit/data/referentie.docx")


def test_build_is_reproducible(built, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert reference_build.build_default_reference() == built


def test_package_is_lean():
    names = set(zipfile.ZipFile(io.BytesIO(SHIPPED)).namelist())
    assert names == {
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
        "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
        "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml"}
    assert len(SHIPPED) < 20_000


def test_only_the_styles_we_use(document):
    found = {s.name: s.type for s in document.styles}
    defaults = {"Default Paragraph Font": WD_STYLE_TYPE.CHARACTER,
                "Normal Table": WD_STYLE_TYPE.TABLE}
    assert found == {**REQUIRED_STYLES, **EXTRA, **defaults}
    assert document.styles.element.find(qn("w:latentStyles")) is None


def test_builtin_style_ids_and_names_match_word():
    styles = part("word/styles.xml")
    ids = dict(zip(styles.xpath("//w:style/w:name/@w:val", namespaces=W),
                   styles.xpath("//w:style/@w:styleId", namespaces=W)))
    assert ids["heading 1"] == "Heading1" and ids["header"] == "Header"
    assert ids["footer"] == "Footer" and ids["caption"] == "Caption"
    assert ids["List Number"] == "ListNumber" and ids["Let op"] == "LetOp"
    custom = styles.xpath("//w:style[@w:customStyle='1']/w:name/@w:val", namespaces=W)
    assert "Normal" not in custom and "Kaart Titel" in custom


def test_a4_portrait_with_20mm_margins(document):
    section = document.sections[0]
    sect = section._sectPr
    assert sect.xpath("./w:pgSz/@w:w") == ["11906"] and sect.xpath("./w:pgSz/@w:h") == ["16838"]
    assert sect.xpath("./w:pgSz/@w:orient") == []
    for attr in ("top", "right", "bottom", "left"):
        assert sect.xpath(f"./w:pgMar/@w:{attr}") == ["1134"]
    assert sect.xpath("./w:pgMar/@w:header") == ["567"]
    assert sect.xpath("./w:pgMar/@w:footer") == ["567"]
    assert section.header.paragraphs[0].style.name == "Header"
    assert section.footer.paragraphs[0].style.name == "Footer"
    assert [p.text for p in section.header.paragraphs + section.footer.paragraphs] == ["", ""]


def test_specimen_shows_every_style(document):
    used = {p.style.name for p in document.paragraphs}
    used |= {p.style.name for t in document.tables for row in t.rows
             for c in row.cells for p in c.paragraphs}
    used |= {r.style.name for p in document.paragraphs for r in p.runs}
    used |= {t.style.name for t in document.tables}
    assert (set(REQUIRED_STYLES) | set(EXTRA)) - used == {"Header", "Footer"}


def test_dutch_language_everywhere(document):
    root = document.styles.element
    assert root.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["nl-NL"]
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            assert style.element.xpath("./w:rPr/w:lang/@w:val") == ["nl-NL"], style.name
    assert part("word/settings.xml").xpath("//w:themeFontLang/@w:val", namespaces=W) == \
        ["nl-NL"]
    assert document.core_properties.language == "nl-NL"


def test_body_font_and_headings(document):
    root = document.styles.element
    assert root.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii") == ["Calibri"]
    assert root.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val") == ["21"]
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        assert heading.paragraph_format.keep_with_next is True
        assert heading.font.bold is True
        assert str(heading.font.color.rgb) == reference_build.TEAL
        assert heading.element.xpath("./w:pPr/w:outlineLvl/@w:val") == [str(level - 1)]
    title = document.styles["Title"]
    assert title.font.size.pt >= 24
    assert title.font.size > document.styles["Heading 1"].font.size


@pytest.mark.parametrize("name,fmt,pstyle", [("List Number", "decimal", "ListNumber"),
                                             ("List Bullet", "bullet", "ListBullet")])
def test_lists_have_numbering_definitions(document, name, fmt, pstyle):
    num_id = int(document.styles[name].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0])
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    lvl = numbering.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl")[0]
    assert lvl.xpath("./w:numFmt/@w:val", namespaces=W) == [fmt]
    assert lvl.xpath("./w:pStyle/@w:val", namespaces=W) == [pstyle]


def test_note_line_and_instruction_styles(document):
    note = document.styles["Notitieregel"].element
    assert note.xpath("./w:pPr/w:pBdr/w:bottom/@w:val") == ["single"]
    assert note.xpath("./w:pPr/w:pBdr/w:between/@w:val") == ["single"]
    assert note.xpath("./w:pPr/w:spacing/@w:line") == ["510"]
    assert note.xpath("./w:pPr/w:spacing/@w:lineRule") == ["exact"]
    looks = {}
    for name in ("DOE", "ZEG", "Let op"):
        el = document.styles[name].element
        looks[name] = (tuple(el.xpath("./w:pPr/w:pBdr/*/@w:val")),
                       tuple(el.xpath("./w:pPr/w:shd/@w:fill")),
                       tuple(el.xpath("./w:rPr/w:i")))
        assert looks[name][0], f"{name} needs a border to survive greyscale printing"
    assert len(set(looks.values())) == 3


def test_table_styles(document):
    grid = document.styles["Casuskit Tabel"].element
    assert grid.xpath("./w:tblPr/w:tblBorders/w:insideH/@w:val") == ["single"]
    assert grid.xpath("./w:tblStylePr[@w:type='firstRow']/w:tcPr/w:shd/@w:fill")
    cards = document.styles["Kaartraster"].element
    assert set(cards.xpath("./w:tblPr/w:tblBorders/*/@w:val")) == {"nil"}


def test_no_python_docx_traces():
    archive = zipfile.ZipFile(io.BytesIO(SHIPPED))
    for name in archive.namelist():
        assert b"python-docx" not in archive.read(name), name
    app = part("docProps/app.xml")
    assert etree.QName(app).localname == "Properties"
    core = docx.Document(io.BytesIO(SHIPPED)).core_properties
    assert core.title == "Casuskit huisstijl" and core.author == "casuskit"
    assert core.comments == "" and core.last_modified_by == "casuskit"


def test_main_writes_file(tmp_path, built):
    out = tmp_path / "ref.docx"
    assert reference_build.main([str(out)]) == 0
    assert out.read_bytes() == built
    assert reference_build.main([]) == 2
