"""casuskit.word's documents as packages: started from a reference (shipped, a house style, one
saved by LibreOffice), their properties, header and footer, lists and pictures, and the
reproducible zip."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from casuskit import word
from casuskit.errors import ReferenceDocError
from casuskit.huisstijl import missing_styles
from casuskit.render.registry import required_styles
from casuskit.word import package
from casuskit.word.reference import Reference

EP = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
DAY = dt.date(2025, 3, 14)


def _png() -> bytes:
    """2 × 1 pixels, 72 dpi (no pHYs chunk)."""
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (2, 1), "teal").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()


def small_document(reference: Reference | None = None) -> word.Document:
    doc = word.Document(reference)
    doc.properties("Draaiboek", "Buurtoverleg Zuid", "Gemeente Voorbeeld", ["buurt", "overleg"])
    doc.header("Zuid · ronde 1")
    doc.footer("Buurtoverleggen\t\t", *word.PAGE_NUMBERS)
    doc.paragraph("Burenruzie om de schuur", "Title")
    doc.numbered(["Welkom", "Kennismaking"])
    doc.add(word.Table([40, 40], [word.Row([word.Cell(), word.Cell()])], style="Casuskit Tabel"))
    return doc


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_new_document_keeps_the_references_page_header_and_footer():
    document = opened(word.Document().to_bytes())
    assert document.paragraphs == []
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.left_margin.twips == 1134
    assert len(section._sectPr.xpath("./w:headerReference | ./w:footerReference")) == 2
    assert section.header.paragraphs[0].style.name == "Header"
    assert "Kaart Titel" in document.styles


def test_page_layout_and_header_modes():
    layout = word.PageLayout((1, 2, 3, 4), header_mm=0, footer_mm=0)
    cut = opened(word.Document(layout=layout, header="none").to_bytes()).sections[0]
    assert [round(m.mm, 1) for m in (cut.top_margin, cut.right_margin, cut.bottom_margin,
                                     cut.left_margin)] == [1, 2, 3, 4]
    assert cut._sectPr.xpath("./w:headerReference | ./w:footerReference") == []
    blank = word.Document(header="blank")
    blank.header("niet te zien")
    assert opened(blank.to_bytes()).sections[0].header.paragraphs[0].text == ""
    assert word.Document().text_width_mm == pytest.approx(170, abs=0.01)


def test_documents_from_a_house_style_keep_its_styles(tmp_path):
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    reference.styles["Normal"].font.size = Pt(12)
    reference.add_paragraph("voorbeeldtekst van de facilitator")
    path = tmp_path / "eigen.docx"
    path.write_bytes(saved(reference))
    document = opened(small_document(word.open_reference(path)).to_bytes(DAY))
    assert document.styles["Normal"].font.size == Pt(12)
    assert "voorbeeldtekst" not in " ".join(p.text for p in document.paragraphs)


def test_a_logo_in_the_header_stays_and_typed_text_goes(tmp_path):
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    line = reference.sections[0].header.paragraphs[0]
    line.add_run("Gemeente Voorbeeld ")
    line.add_run().add_picture(io.BytesIO(PNG), width=docx.shared.Mm(20))
    path = tmp_path / "logo.docx"
    path.write_bytes(saved(reference))
    header = opened(small_document(word.open_reference(path)).to_bytes()).sections[0].header
    runs = header.paragraphs[0]._p.xpath("./w:r")
    assert len(runs[-2].xpath(".//w:drawing")) == 1  # the logo, before our text
    assert header.paragraphs[0].text == "Zuid · ronde 1"


def test_bad_references_raise(tmp_path):
    with pytest.raises(ReferenceDocError, match="niet gevonden"):
        word.open_reference(tmp_path / "bestaat-niet.docx")
    junk = tmp_path / "kapot.docx"
    junk.write_text("geen zip")
    with pytest.raises(ReferenceDocError, match="geen bruikbaar"):
        word.open_reference(junk)


def test_same_input_gives_identical_bytes():
    first = small_document().to_bytes(DAY)
    assert small_document().to_bytes(DAY) == first
    assert small_document().to_bytes(dt.date(2025, 3, 15)) != first


def test_zip_entries_are_fixed_and_ordered():
    infos = zipfile.ZipFile(io.BytesIO(small_document().to_bytes(DAY))).infolist()
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.date_time for i in infos} == {(2025, 3, 14, 12, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert {i.external_attr for i in infos} == {0o644 << 16}
    assert zipfile.ZipFile(io.BytesIO(small_document().to_bytes(DAY))).testzip() is None


def test_zip_timestamp_sources(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert package.zip_timestamp() == dt.datetime(1980, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert package.zip_timestamp() == dt.datetime(2023, 11, 14, 22, 13, 20)
    assert package.zip_timestamp(DAY) == dt.datetime(2025, 3, 14, 12, 0)
    assert package.zip_timestamp(dt.date(1970, 1, 1)) == dt.datetime(1980, 1, 1)
    aware = dt.datetime(2025, 3, 14, 20, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert package.zip_timestamp(aware) == dt.datetime(2025, 3, 14, 19, 30)
    dates = {i.date_time for i in zipfile.ZipFile(io.BytesIO(word.Document().to_bytes())).infolist()}
    assert dates == {(2023, 11, 14, 22, 13, 20)}


def test_core_and_app_properties():
    data = small_document().to_bytes(DAY)
    props = opened(data).core_properties
    assert (props.title, props.subject, props.author, props.last_modified_by, props.keywords) == (
        "Draaiboek", "Buurtoverleg Zuid", "Gemeente Voorbeeld", "Gemeente Voorbeeld",
        "buurt; overleg")
    assert props.language == "nl-NL" and props.comments == "" and props.revision == 1
    noon_utc = dt.datetime(2025, 3, 14, 12, 0, tzinfo=dt.timezone.utc)
    assert props.created == props.modified == noon_utc
    archive = zipfile.ZipFile(io.BytesIO(data))
    app = etree.fromstring(archive.read("docProps/app.xml"))
    assert app.xpath("//ep:Company/text()", namespaces=EP) == ["Gemeente Voorbeeld"]
    for name in archive.namelist():
        assert b"python-docx" not in archive.read(name), name
        assert "\ue000".encode() not in archive.read(name), name  # no placeholder left


def test_python_docx_reads_what_it_expects():
    document = opened(small_document().to_bytes(DAY))
    assert [p.style.name for p in document.paragraphs] == ["Title", "List Number", "List Number"]
    assert document.tables[0].style.name == "Casuskit Tabel"
    footer = document.sections[0].footer.paragraphs[0]
    assert [t.strip() for t in footer._p.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Buurtoverleggen\t\tpagina 1 van 1")
    lang = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang")[0]
    assert lang.get(qn("w:val")) == "nl-NL"


def test_each_numbered_list_restarts_in_a_new_instance():
    doc = word.Document()
    doc.numbered(["a", "b"])
    doc.numbered(["c"])
    doc.bullets(["d"])
    numbering = opened(doc.to_bytes()).part.numbering_part.element
    first, second = (num.numId for num in numbering.num_lst[-2:])
    assert first != second
    for num in numbering.num_lst[-2:]:
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]
    body = opened(doc.to_bytes()).element.body
    assert body.xpath("./w:p/w:pPr/w:numPr/w:numId/@w:val") == [str(first)] * 2 + [str(second)]


def test_a_list_style_without_numbering_is_written_without_list(tmp_path):
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    style = reference.styles["List Number"].element
    style.pPr.remove(style.pPr.find(qn("w:numPr")))
    path = tmp_path / "zonder-nummers.docx"
    path.write_bytes(saved(reference))
    doc = word.Document(word.open_reference(path))
    doc.numbered(["a"])
    paragraph = opened(doc.to_bytes()).paragraphs[0]
    assert paragraph.style.name == "List Number" and paragraph._p.pPr.numPr is None


def test_pictures_get_their_part_relationship_and_size():
    doc = word.Document()
    doc.add(word.Picture(PNG, 50.8, keep_with_next=True))
    data = doc.to_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.read("word/media/image1.png") == PNG
    assert b'<Default Extension="png" ContentType="image/png"/>' in archive.read("[Content_Types].xml")
    document = opened(data)
    [shape] = document.inline_shapes
    assert (shape.width, shape.height) == (1828800, 914400)  # 2 inch wide: 2 × 1 inch
    assert document.paragraphs[0].paragraph_format.keep_with_next


def test_capitalised_builtin_names_are_normalised(tmp_path):
    """LibreOffice saves "Heading 1"/"Header"; Word and python-docx store "heading 1"."""
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    for name in ("Heading 1", "Header", "Caption"):
        reference.styles[name].name = name  # the raw, capitalised spelling
    assert "Heading 1" not in reference.styles
    path = tmp_path / "libreoffice.docx"
    path.write_bytes(saved(reference))
    found = word.open_reference(path)
    assert found.styles.style_id("Heading 1") == "Heading1"
    assert missing_styles(found.styles, required_styles()) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_reference_saved_by_libreoffice_still_works(tmp_path):
    source = tmp_path / "referentie.docx"
    source.write_bytes(word.default_reference_bytes())
    out = tmp_path / "uit"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(out), str(source)], check=True, capture_output=True, timeout=180)
    reference = word.open_reference(out / "referentie.docx")
    assert missing_styles(reference.styles, required_styles()) == []
    doc = word.Document(reference)
    assert doc.new_list("List Number") is not None
    doc.numbered(["a", "b"])
    assert opened(doc.to_bytes()).sections[0].page_width.twips == 11906


def test_pictures_in_the_body_never_replace_the_logo_in_the_header(tmp_path):
    """The evaluation report's charts once took the place of the house style's logo."""
    from huisstijlen import logo_png, restyled
    chart = _png()
    assert chart != logo_png()
    style = restyled(tmp_path / "logo.docx", "Calibri", logo=True)
    doc = word.Document(word.open_reference(style))
    doc.add(word.Picture(chart, 50))
    written = docx.Document(io.BytesIO(doc.to_bytes()))
    header = written.sections[0].header
    [logo] = [header.part.related_parts[r] for r in header._element.xpath(".//a:blip/@r:embed")]
    [body] = [written.part.related_parts[r] for r in written.element.body.xpath(".//a:blip/@r:embed")]
    assert logo.blob == logo_png() and body.blob == chart
    assert logo.partname != body.partname
