"""Tests for the draaiboek as a Word document: named styles only, list numbering, table rows,
fields, page, language, properties and byte-identical rebuilds (fixtures: test_draaiboek.py).
"""

from __future__ import annotations

import datetime as dt

from docx.oxml.ns import qn
from lxml import etree

from test_draaiboek import ctx, data, doc, part, render, root  # noqa: F401 (fixtures)

W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


# -- styles and OOXML -------------------------------------------------------------

def test_named_styles_only(doc, data):
    used = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "DOE", "ZEG", "Let op",
            "List Bullet", "List Number", "Quote", "Normal"} <= used
    xml = part(data, "word/document.xml").decode()
    for tag in ("w:rFonts", "w:sz", "w:szCs", "w:color", "w:b", "w:i", "w:u", "w:highlight"):
        assert f"<{tag} " not in xml and f"<{tag}/>" not in xml, tag
    for rpr in doc.element.body.iter(qn("w:rPr")):
        assert [child.tag for child in rpr] == [qn("w:rStyle")]


def test_headings_keep_with_next_from_styles(doc):
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert doc.styles[name].paragraph_format.keep_with_next
    kept = [p for p in doc.paragraphs if p.paragraph_format.keep_with_next is not None]
    start = next(i for i, p in enumerate(doc.paragraphs) if p.text == "Evaluatievragen") + 1
    closing = [p for p in doc.paragraphs[start:] if p.style.name == "List Number"]
    credits = doc.paragraphs[next(i for i, p in enumerate(doc.paragraphs)
                                  if p.text == "Verantwoording") + 1:]
    assert len(closing) >= 2 and len(credits) >= 2  # the evaluation questions, then the credits
    # the only direct pagination: these two short closing blocks each stay on one page
    assert [p._p for p in kept] == [p._p for p in closing[:-1] + credits[:-1]]
    assert all(p.paragraph_format.keep_with_next for p in kept)


def test_numbered_lists_restart_per_casus(doc, data):
    lists, current = [], []
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "Heading 1":
            current = []
            lists.append(current)
        if paragraph.style.name == "List Number":
            current.append(int(paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]))
    groups = [set(ids) for ids in lists if ids]
    assert len(groups) == 3  # the nabespreking of two casussen, and the evaluation
    assert all(len(ids) == 1 for ids in groups)
    num_ids = [next(iter(ids)) for ids in groups]
    assert len(set(num_ids)) == len(num_ids)
    numbering = etree.fromstring(part(data, "word/numbering.xml"))
    for num_id in num_ids:
        start = numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:lvlOverride[@w:ilvl='0']"
                                "/w:startOverride/@w:val", namespaces=W)
        assert start == ["1"], num_id


def test_header_and_footer(doc, ctx):
    section = doc.sections[0]
    instr = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    assert ctx.project.name in section.footer.paragraphs[0].text
    assert section.header.paragraphs[0].text == \
        f"{ctx.buurt.name} · ronde 2 · dinsdag 8 november 2016"


def test_page_language_and_properties(data, doc, ctx):
    section = doc.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    styles = part(data, "word/styles.xml").decode()
    assert 'w:lang w:val="nl-NL"' in styles
    props = doc.core_properties
    assert props.title == f"Draaiboek {ctx.buurt.name}, ronde 2"
    assert props.author == ctx.project.organisation
    assert props.created.date() == dt.date(2016, 11, 8)
    for name in ("docProps/core.xml", "docProps/app.xml"):
        assert b"python-docx" not in part(data, name)


def test_rebuild_is_byte_identical(root, data):
    assert render(root) == data
