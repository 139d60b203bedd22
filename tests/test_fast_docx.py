"""The speed-ups change nothing: same zip bytes, same style answers, same line breaks."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casuskit import docxio, docxzip, metrics, ooxml
from casuskit.ooxml import fastdocx


def test_zip_written_once_equals_the_normalised_python_docx_save():
    doc = docxio.new_document()
    doc.add_paragraph("Één casus · “citaat” – €5", style="Heading 1")
    doc.add_paragraph("gewone tekst", style="Normal")
    when = dt.datetime(2016, 11, 8, 12, 0, 0)
    buffer = io.BytesIO()
    doc.save(buffer)
    assert docxzip.write_zip(docxzip.package_members(doc), when) == \
        docxio.normalize_zip(buffer.getvalue(), when)
    assert docxio.to_bytes(doc, when) == docxio.normalize_zip(buffer.getvalue(), when)


def test_zip_entries_are_fixed_and_readable():
    data = docxio.to_bytes(docxio.new_document(), dt.date(2018, 3, 1))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
        assert {i.date_time for i in z.infolist()} == {(2018, 3, 1, 12, 0, 0)}
        assert {i.external_attr >> 16 for i in z.infolist()} == {0o644}


def test_documents_from_one_reference_are_independent():
    first, second = docxio.new_document(), docxio.new_document()
    first.add_paragraph("alleen in het eerste", style="Title")
    assert len(second.paragraphs) == 0
    assert docxio.to_bytes(second) == docxio.to_bytes(docxio.new_document())


def test_memoised_styles_answer_as_python_docx_does():
    doc = docxio.new_document()
    plain = docxio.open_reference()
    for name in ("Normal", "Heading 1", "Kaart Tekst", "List Number"):
        paragraph, reference = doc.add_paragraph("x", style=name), plain.add_paragraph("x", style=name)
        assert paragraph._p.style == reference._p.style  # None for the default style
        assert doc.styles[name] == doc.styles[name]
    with pytest.raises(KeyError):
        doc.styles["Bestaat niet"]
    with pytest.raises(ValueError):
        doc.add_paragraph("x", style="Strong")  # a character style on a paragraph


def test_a_renamed_style_is_looked_up_again():
    doc = docxio.new_document()
    assert doc.add_paragraph("x", style="Heading 1")._p.style == "Heading1"
    doc.styles["Heading 1"].name = "Kop een"
    with pytest.raises(KeyError):
        doc.add_paragraph("y", style="Heading 1")
    assert doc.add_paragraph("z", style="Kop een")._p.style == "Heading1"


def test_style_memo_is_shared_per_reference_only():
    calls = []
    one, two = docxio.new_document(), docxio.new_document()
    for doc in (one, two):
        fastdocx.style_memo(doc, ("test", 1), lambda: calls.append(1) or len(calls))
    assert calls == [1]


def _wrap_by_remeasuring(text, width_mm, size_pt, bold=False):
    """The plain greedy wrapper: measure every candidate line from its start."""
    lines = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and metrics.text_width_mm(candidate, size_pt, bold) > width_mm:
                lines.append(current)
                current = word
                while metrics.text_width_mm(current, size_pt, bold) > width_mm and len(current) > 1:
                    cut = metrics._fit(current, width_mm, size_pt, bold)
                    lines.append(current[:cut])
                    current = current[cut:]
            else:
                current = candidate
        lines.append(current)
    return lines


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefgh ijklmnopWM  éë€–“…•\n-,.0123456789", max_size=300),
       st.floats(min_value=5, max_value=120), st.sampled_from([7, 8, 9, 10.5, 12, 16]), st.booleans())
def test_wrap_breaks_exactly_where_remeasuring_would(text, width, size, bold):
    assert metrics.wrap(text, width, size, bold) == _wrap_by_remeasuring(text, width, size, bold)


def test_fast_paragraphs_write_what_python_docx_writes():
    fast, plain = docxio.new_document(), docxio.open_reference()
    ooxml.clear_body(plain)
    assert type(fast) is not type(plain)
    for doc in (fast, plain):
        doc.add_paragraph("Titel", style="Title")
        doc.add_paragraph(" spaties aan de rand ", style="Normal")
        doc.add_paragraph("tab\tEn\nregel\r", style="Klein")
        doc.add_paragraph("")
        doc.add_paragraph("zonder stijl")
        lead = doc.add_paragraph(style="Heading 1")
        lead.add_run("Doe:", style="Strong")
        lead.add_run(" iets", style="Default Paragraph Font")
        lead.add_run()
        doc.add_paragraph("al eigenschappen", style="Normal").style = "Heading 2"
    assert [p._p.xml for p in fast.paragraphs] == [p._p.xml for p in plain.paragraphs]


def test_table_cell_paragraphs_made_fast_write_the_same_xml():
    fast, plain = docxio.new_document(), docxio.open_reference()
    ooxml.clear_body(plain)
    for doc, wrap in ((fast, fastdocx.fast), (plain, lambda p: p)):
        cell = doc.add_table(rows=1, cols=1, style="Casuskit Tabel").rows[0].cells[0]
        first = wrap(cell.paragraphs[0])
        first.text = "Naam"
        first.style = doc.styles["Tabelkop"]
        second = wrap(cell.add_paragraph())
        second.style = "Tabeltekst"
        second.add_run("Let op:", style="Strong")
        second.add_run(" tekst")
    assert fast.tables[0]._tbl.xml == plain.tables[0]._tbl.xml
