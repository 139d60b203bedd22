"""Tests for casuskit.docxio: new documents from a reference, metadata, reproducible saving."""

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

from casuskit import docxio, huisstijl, ooxml
from casuskit.errors import ReferenceDocError

EP = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
DAY = dt.date(2025, 3, 14)


def small_document(reference=None):
    document = docxio.new_document(reference)
    document.add_paragraph("Burenruzie om de schuur", style="Title")
    document.add_paragraph("Welkom", style="List Number")
    ooxml.add_text_with_fields(document.sections[0].footer.paragraphs[0],
                               "pagina {PAGE} van {NUMPAGES}")
    table = document.add_table(rows=2, cols=2)
    table.style = document.styles["Casuskit Tabel"]
    docxio.set_core_properties(document, "Draaiboek", "Buurtoverleg Zuid",
                               "Gemeente Voorbeeld", ["buurt", "overleg"], DAY)
    return document


def test_new_document_has_empty_body_and_keeps_section():
    document = docxio.new_document()
    assert [etree.QName(c).localname for c in document.element.body] == ["sectPr"]
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.left_margin.twips == 1134
    refs = section._sectPr.xpath("./w:headerReference | ./w:footerReference")
    assert len(refs) == 2
    assert section.header.paragraphs[0].style.name == "Header"
    assert "Kaart Titel" in document.styles


def test_new_document_from_custom_reference(tmp_path):
    reference = docxio.new_document()
    reference.styles["Normal"].font.size = Pt(12)
    reference.add_paragraph("voorbeeldtekst van de facilitator")
    path = tmp_path / "eigen.docx"
    docxio.save(reference, path)
    document = docxio.new_document(path)
    assert document.styles["Normal"].font.size == Pt(12)
    assert document.paragraphs == []


def test_bad_references_raise(tmp_path):
    with pytest.raises(ReferenceDocError, match="niet gevonden"):
        docxio.new_document(tmp_path / "bestaat-niet.docx")
    junk = tmp_path / "kapot.docx"
    junk.write_text("geen zip")
    with pytest.raises(ReferenceDocError, match="geen bruikbaar"):
        docxio.new_document(junk)


def test_same_input_gives_identical_bytes():
    first = docxio.to_bytes(small_document(), DAY)
    second = docxio.to_bytes(small_document(), DAY)
    assert first == second
    assert docxio.to_bytes(small_document(), dt.date(2025, 3, 15)) != first


def test_zip_entries_are_fixed_and_ordered():
    data = docxio.to_bytes(small_document(), DAY)
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.date_time for i in infos} == {(2025, 3, 14, 12, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert {i.external_attr for i in infos} == {0o644 << 16}


def test_zip_timestamp_sources(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert docxio.zip_timestamp() == dt.datetime(1980, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert docxio.zip_timestamp() == dt.datetime(2023, 11, 14, 22, 13, 20)
    assert docxio.zip_timestamp(DAY) == dt.datetime(2025, 3, 14, 12, 0)
    assert docxio.zip_timestamp(dt.date(1970, 1, 1)) == dt.datetime(1980, 1, 1)
    data = docxio.to_bytes(docxio.new_document())
    dates = {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert dates == {(2023, 11, 14, 22, 13, 20)}


def test_core_and_app_properties():
    data = docxio.to_bytes(small_document(), DAY)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Draaiboek"
    assert props.subject == "Buurtoverleg Zuid"
    assert props.author == "Gemeente Voorbeeld"
    assert props.last_modified_by == "Gemeente Voorbeeld"
    assert props.keywords == "buurt; overleg"
    assert props.language == "nl-NL"
    noon_utc = dt.datetime(2025, 3, 14, 12, 0, tzinfo=dt.timezone.utc)
    assert props.created == props.modified == noon_utc
    assert props.comments == "" and props.revision == 1
    archive = zipfile.ZipFile(io.BytesIO(data))
    app = etree.fromstring(archive.read("docProps/app.xml"))
    assert app.xpath("//ep:Company/text()", namespaces=EP) == ["Gemeente Voorbeeld"]
    for name in archive.namelist():
        assert b"python-docx" not in archive.read(name), name


def test_aware_datetime_is_stored_as_utc():
    document = docxio.new_document()
    when = dt.datetime(2025, 3, 14, 20, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    docxio.set_core_properties(document, "x", date=when)
    utc = dt.datetime(2025, 3, 14, 19, 30, tzinfo=dt.timezone.utc)
    assert document.core_properties.created == utc


def test_saved_document_round_trips(tmp_path):
    path = docxio.save(small_document(), tmp_path / "uit.docx", DAY)
    document = docx.Document(str(path))
    assert [p.style.name for p in document.paragraphs] == ["Title", "List Number"]
    assert document.tables[0].style.name == "Casuskit Tabel"
    footer = document.sections[0].footer.paragraphs[0]._p
    assert [t.strip() for t in footer.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    lang = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang")[0]
    assert lang.get(qn("w:val")) == "nl-NL"


def test_capitalised_builtin_names_are_normalised(tmp_path):
    """LibreOffice saves "Heading 1"/"Header"; python-docx looks up "heading 1"."""
    reference = docxio.new_document()
    for name in ("Heading 1", "Header", "Caption"):
        reference.styles[name].name = name  # the raw, capitalised spelling
    assert "Heading 1" not in reference.styles
    path = docxio.save(reference, tmp_path / "libreoffice.docx")
    document = docxio.new_document(path)
    assert document.styles["Heading 1"].style_id == "Heading1"
    assert document.styles["Header"].element.name_val == "header"
    document.add_paragraph("kop", style="Heading 1")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_reference_saved_by_libreoffice_still_works(tmp_path):
    source = tmp_path / "referentie.docx"
    source.write_bytes(docxio.default_reference_bytes())
    out = tmp_path / "uit"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(out), str(source)], check=True, capture_output=True, timeout=180)
    document = docxio.new_document(out / "referentie.docx")
    assert huisstijl.missing_styles(document) == []
    items = [document.add_paragraph(t, style="List Number") for t in "ab"]
    assert ooxml.restart_numbering(items) > 0
    assert document.sections[0].page_width.twips == 11906
