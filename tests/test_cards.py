"""Tests for the discussion-card sheets (gesprekskaarten-<casus>.docx): grid, cut lines, bands,
backs, overflow errors and reproducibility."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from casuskit import cardfit, cardgrid, word
from casuskit.check import check_workspace
from casuskit.errors import BuildFailed
from casuskit.render import cards
from casuskit.plan import plan_kit
from casuskit.textrender import Texts

from proefkit import CASUS_FILE, write_workspace

KIT = "proef-kaarten"
CASUS = CASUS_FILE


def workspace(root: Path) -> Path:
    """A small workspace of our own (tests/proefkit.py): the shipped examples keep changing."""
    return write_workspace(root, KIT)


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def context(root: Path, card_size: str | None = None, back_mode: str | None = None,
            reference: Path | None = None):
    result = check_workspace(root)
    assert not [e for e in result.errors if e.code != "kaart-te-vol"], result.errors  # rendered below
    ws = result.workspace
    ctx = plan_kit(ws, ws.get("kit", KIT), Texts(ws.root),
                   word.open_reference(reference) if reference else None)
    updates = {k: v for k, v in (("card_size", card_size), ("back_mode", back_mode)) if v}
    if updates:
        ctx.kit = ctx.kit.model_copy(update=updates)
    return ctx


def build(ctx) -> docx.document.Document:
    [(name, data)] = cards.render(ctx)
    assert name == "gesprekskaarten-kaarttest.docx"
    return docx.Document(io.BytesIO(data))


def cell_ids(table) -> dict[tuple[int, int], str]:
    """(row, col) → the card id printed in that cell (cells without a card left out)."""
    found = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            ids = [p.text for p in cell.paragraphs if p.style.name == "Kaart Id"]
            if ids:
                found[(r, c)] = ids[0]
    return found


def attr(element, path: str) -> list[str]:
    return element.xpath(path)


@pytest.fixture
def ws(tmp_path: Path) -> Path:  # our own small workspace instead of conftest's example copy
    return workspace(tmp_path)


@pytest.fixture(scope="module")
def a7(tmp_path_factory):
    ctx = context(workspace(tmp_path_factory.mktemp("kaarten")))
    data = cards.render(ctx)[0][1]
    return ctx, data, docx.Document(io.BytesIO(data))


# -- grid -----------------------------------------------------------------------------------

@pytest.mark.parametrize("size,sheet,expected", [
    ("a7", "drukkerij", (105, 74, 2, 4)), ("a8", "drukkerij", (52, 74, 4, 4)),
    ("a6", "drukkerij", (105, 148, 2, 2)), ("a7", "kantoorprinter", (100, 70.4, 2, 4)),
    ("a8", "kantoorprinter", (49.5, 70.4, 4, 4)), ("a6", "kantoorprinter", (100, 140.8, 2, 2))])
def test_grid_is_computed_for_a4(size, sheet, expected):
    grid = cardgrid.grid_for(size, sheet)
    assert (grid.width, grid.height, grid.cols, grid.rows) == expected
    if sheet == "kantoorprinter":  # inside an office printer's unprintable border of 4.2 mm
        assert min(grid.margins_mm()) >= cardgrid.PRINTABLE_MM - 0.01
        assert cardgrid.grid_for(size) == grid  # the default
        # every office grid is as high as the others: the calibration page puts A7 and A6
        # sheets on one page layout, and a taller grid would push its last row onto a new page
        assert grid.margins_twips()[0::2] == cardgrid.grid_for("a7").margins_twips()[0::2]
    top, right, bottom, left = grid.margins_twips()
    page_w, page_h = cardgrid.A4_TWIPS
    # centred on the paper (not just in the text area): backs flipped either way land on fronts
    free_h = page_h - grid.rows * cardgrid.mm_to_twips(grid.height)
    assert left == right and abs(free_h - 2 * top) <= cardgrid.mm_to_twips(0.25)
    # the grid plus the 1 pt paragraph after it fits, so no sheet spills onto an empty page
    assert top + grid.rows * cardgrid.mm_to_twips(grid.height) + cardgrid.SEPARATOR_TWIPS \
        + bottom < page_h
    assert left + grid.cols * cardgrid.mm_to_twips(grid.width) + right == page_w


@pytest.mark.parametrize("size,col,row,cols,rows", [
    ("a7", "5669", "3991", 2, 4), ("a8", "2806", "3991", 4, 4), ("a6", "5669", "7982", 2, 2)])
def test_table_geometry_in_twips(ws, size, col, row, cols, rows):
    if size == "a8":  # the role card is too long for a8
        edit(ws, "werkvormen/kaarten.yaml", "blokken:", "kaarten: [vraag, signaal]\nblokken:")
    document = build(context(ws, card_size=size))
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.left_margin.twips == section.right_margin.twips
    for table in document.tables:
        tbl = table._tbl
        assert table.style.name == "Kaartraster"
        assert attr(tbl, "./w:tblGrid/w:gridCol/@w:w") == [col] * cols
        assert attr(tbl, "./w:tblPr/w:tblLayout/@w:type") == ["fixed"]
        assert len(table.rows) == rows
        for tr in tbl.tr_lst:
            assert attr(tr, "./w:trPr/w:trHeight/@w:val") == [row]
            assert attr(tr, "./w:trPr/w:trHeight/@w:hRule") == ["exact"]
            assert len(attr(tr, "./w:trPr/w:cantSplit")) == 1


def test_no_header_or_footer_on_cut_sheets(a7):
    _, _, document = a7
    sect = document.sections[0]._sectPr
    assert attr(sect, "./w:headerReference") == [] and attr(sect, "./w:footerReference") == []
    assert attr(sect, "./w:pgMar/@w:header") == ["0"] and attr(sect, "./w:pgMar/@w:footer") == ["0"]


def test_every_card_has_dashed_cut_lines_and_empty_cells_have_none(a7):
    _, _, document = a7
    for table in document.tables:
        ids = cell_ids(table)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                edges = attr(cell._tc, "./w:tcPr/w:tcBorders/*")
                if (r, c) in ids:
                    assert sorted(e.tag.rsplit("}")[1] for e in edges) == \
                        ["bottom", "left", "right", "top"]
                    assert {e.get(qn("w:val")) for e in edges} == {"dashed"}
                else:
                    assert edges == [] and "".join(p.text for p in cell.paragraphs) == ""


def test_sheets_are_separated_by_a_1pt_paragraph(a7):
    _, _, document = a7
    body = document.element.body
    children = [child.tag.rsplit("}")[1] for child in body.iterchildren()]
    assert children == ["tbl", "p"] * len(document.tables) + ["sectPr"]
    for paragraph in document.paragraphs:
        fmt = paragraph.paragraph_format
        assert paragraph.text == "" and fmt.line_spacing.pt == 1
        assert fmt.space_before == 0 and fmt.space_after == 0


def test_band_styles_stay_apart_and_readable_in_greyscale():
    def luminance(hex_colour: str) -> float:  # WCAG relative luminance
        def channel(c: int) -> float:
            c /= 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    styles = docx.Document(io.BytesIO(word.default_reference_bytes())).styles
    greys = []
    for label in ("Vraag", "Signaal", "Dilemma", "Fase", "Rol"):
        style = styles[f"Kaart Band {label}"]
        assert style.base_style.name == "Kaart Categorie"
        [fill] = attr(style.element, "./w:pPr/w:shd/@w:fill")
        text = str(style.font.color.rgb)
        lighter, darker = sorted((luminance(fill), luminance(text)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, label
        greys.append(luminance(fill))
    greys.sort()
    assert min(b - a for a, b in zip(greys, greys[1:])) > 0.04  # five distinct grey levels


# -- content --------------------------------------------------------------------------------

def front_paragraphs(document):
    return [p for t in document.tables[::2] for row in t.rows for c in row.cells
            for p in c.paragraphs]


def test_fronts_show_band_title_text_and_id(a7):
    ctx, _, document = a7
    paragraphs = front_paragraphs(document)
    bands = [(p.text, p.style.name) for p in paragraphs if p.style.name.startswith("Kaart Band")]
    assert bands == [(w, f"Kaart Band {w}") for w in
                     ["Vraag"] * 3 + ["Signaal"] * 3 + ["Dilemma", "Fase", "Rol"]]
    ids = [p.text for p in paragraphs if p.style.name == "Kaart Id"]
    assert ids == [f"{KIT} · kaarttest · {n:02d}" for n in range(1, 10)]
    titles = [p.text for p in paragraphs if p.style.name == "Kaart Titel"]
    assert titles == ["Signaal · Wijkverpleegkundige"] * 2 + [
        "Signaal · Opbouwwerker", "Dilemma · Privacy (AVG)", "Fase 1 · Twee weken later",
        "Rol · Wijkverpleegkundige"]  # no "Vraag" title under a VRAAG band
    texts = [p.text for p in paragraphs if p.style.name == "Kaart Tekst"]
    assert texts[:3] == ["Welke signalen ziet u?", "Wat kunt u doen voordat het misgaat?",
                         "Wie heeft het beste contact met meneer?"]
    # the YAML editor's line break is gone; the fase question is a paragraph of its own
    assert texts[7:9] == ["De buurvrouw belt de gemeente: de brievenbus zit vol en ze heeft "
                          "meneer al vier dagen niet gezien.", "• Wie gaat er nu langs?"]
    role = [p for p in paragraphs if p.style.name == "Kaart Tekst"][9:]
    assert [p.text for p in role] == [
        "Ik zie: Meneer is afgevallen.",
        "Ik weet: Hij krijgt twee keer per week hulp bij het douchen.",
        "Ik mag delen: Dat ik me zorgen maak.",
        "Ik mag niet delen: Medische gegevens, zonder toestemming."]
    assert [(r.text, r.style.name) for r in role[3].runs] == [
        ("Ik mag niet delen:", "Strong"), (" Medische gegevens, zonder toestemming.",
                                           "Default Paragraph Font")]


def test_werkvorm_question_cards_share_the_casus_sheets(tmp_path):
    root = workspace(tmp_path)
    edit(root, "werkvormen/kaarten.yaml", "blokken:",
         "vraagkaarten:\n  - Wie neemt de regie?\nblokken:")
    document = build(context(root))
    fronts = [cell_ids(t) for t in document.tables[::2]]
    assert [len(ids) for ids in fronts] == [8, 2]  # not a sheet of its own for one card
    assert fronts[1] == {(0, 0): f"{KIT} · kaarttest · 09", (0, 1): f"{KIT} · kaarten · 01"}
    back = document.tables[3].cell(0, 0)
    assert [p.text for p in back.paragraphs][1:3] == ["Vraag", "Kaarten op tafel"]


def test_backs_follow_fronts_mirrored_on_the_long_edge(a7):
    _, _, document = a7
    tables = document.tables
    assert len(tables) == 4
    for front, back in zip(tables[::2], tables[1::2]):
        assert cell_ids(back) == {(r, 1 - c): card for (r, c), card in cell_ids(front).items()}
    cell = tables[1].cell(0, 1)  # behind the front's first card, top left
    assert [(p.style.name, p.text) for p in cell.paragraphs] == [
        ("Kaart Band Vraag", ""), ("Kaart Achterkant", "Vraag"),
        ("Kaart Achterkant", "De kaarttest"), ("Kaart Id", f"{KIT} · kaarttest · 01")]
    fase = tables[1].cell(3, 0)  # card 08 lies at row 3, column 1 on the front
    assert [p.text for p in fase.paragraphs] == [
        "Pas omdraaien als de gespreksleider fase 1 aankondigt.", "Fase 1", "De kaarttest",
        f"{KIT} · kaarttest · 08"]
    assert cell_ids(tables[3]) == {(0, 1): f"{KIT} · kaarttest · 09"}


def backs(document) -> dict[str, list[str]]:
    """Card id → the large lines on its back."""
    found = {}
    for table in document.tables[1::2]:
        for row in table.rows:
            for cell in row.cells:
                lines = [p.text for p in cell.paragraphs if p.style.name == "Kaart Achterkant"]
                ids = [p.text for p in cell.paragraphs if p.style.name == "Kaart Id"]
                if ids:
                    found[ids[0]] = lines
    return found


def test_backs_say_what_the_card_is_handed_out_by(a7):
    _, _, document = a7
    found = backs(document)
    card = f"{KIT} · kaarttest · "
    assert found[card + "04"] == ["Signaal", "Wijkverpleegkundige", "De kaarttest"]  # per profession
    assert found[card + "06"] == ["Signaal", "Opbouwwerker", "De kaarttest"]
    assert found[card + "09"] == ["Rol", "Wijkverpleegkundige", "De kaarttest"]
    assert found[card + "08"] == ["Fase 1", "De kaarttest"]                          # by number
    assert found[card + "07"] == ["Dilemma", "Privacy (AVG)", "De kaarttest"]        # by kind


def test_a_werkvorm_that_draws_blind_gets_backs_that_tell_nothing(ws):
    edit(ws, "werkvormen/kaarten.yaml", "blokken:", "blind_trekken: [signaal, fase]\nblokken:")
    found = backs(build(context(ws)))
    card = f"{KIT} · kaarttest · "
    assert found[card + "04"] == ["Signaal", "De kaarttest"]
    assert found[card + "08"] == ["Fase", "De kaarttest"]
    assert found[card + "09"] == ["Rol", "Wijkverpleegkundige", "De kaarttest"]  # not blind


def test_a_casus_file_is_printed_once_per_group_that_discusses_it(ws):
    ctx = context(ws)
    ctx.kit = ctx.kit.model_copy(update={"groups": 3})
    [item] = cards.print_items(ctx)
    assert (item.file, item.copies, item.label) == (
        "gesprekskaarten-kaarttest.docx", 3, "Gesprekskaarten ‘De kaarttest’")
    assert item.note.startswith("één set per groep: groepen 1, 2, 3; 9 kaarten;")


def test_short_edge_duplex_mirrors_rows(ws):
    document = build(context(ws, back_mode="duplex-korte-zijde"))
    for front, back in zip(document.tables[::2], document.tables[1::2]):
        assert cell_ids(back) == {(3 - r, c): card for (r, c), card in cell_ids(front).items()}
    assert cell_ids(document.tables[3]) == {(3, 0): f"{KIT} · kaarttest · 09"}


def test_no_backs(ws):
    document = build(context(ws, back_mode="geen"))
    assert [len(cell_ids(t)) for t in document.tables] == [8, 1]
    styles = {p.style.name for t in document.tables for row in t.rows for c in row.cells
              for p in c.paragraphs}
    assert "Kaart Achterkant" not in styles


def test_rebuild_is_byte_identical(a7, ws):
    ctx, data, _ = a7
    assert cards.render(ctx)[0][1] == data
    assert cards.render(context(ws))[0][1] == data  # a fresh plan of the same files too


# -- overflow -------------------------------------------------------------------------------

def test_overlong_card_text_fails_with_its_yaml_line(ws):
    signal = "Meneer is zichtbaar afgevallen."
    long = " ".join(["Meneer laat de medicijnen van de apotheek al weken liggen."] * 12)
    edit(ws, CASUS, signal, long)
    text = (ws / CASUS).read_text(encoding="utf-8")
    line = text[:text.index(long)].count("\n") + 1
    with pytest.raises(BuildFailed) as failed:
        cards.render(context(ws))
    [problem] = failed.value.diagnostics
    assert problem.code == "kaart-te-vol"
    assert re.fullmatch(rf"kaart {KIT} · kaarttest · 05 \(Signaal\) past niet: de tekst is "
                        r"\d+ mm te lang", problem.message), problem.message
    assert (problem.location.file, problem.location.line) == (CASUS, line)
    assert re.fullmatch(r"Kort de tekst in met ongeveer \d+ woorden, of kies in de kit "
                        r"'kaartformaat: a6'\.", problem.hint), problem.hint
    assert problem.notes[0].startswith("veld: perspectieven → nr. 1 → signalen → nr. 2;")


def test_every_overflow_is_reported_with_its_size(ws):
    long = " ".join(["Er is twee keer gebeld over een brandlucht bij het huis."] * 6)
    edit(ws, CASUS, "Medicijnen blijven liggen.", long)
    edit(ws, CASUS, "Welke signalen ziet u?", long)
    edit(ws, "werkvormen/kaarten.yaml", "blokken:", "kaarten: [vraag, signaal]\nblokken:")
    ctx = context(ws, card_size="a8")
    with pytest.raises(BuildFailed) as failed:
        cards.render(ctx)
    problems = failed.value.diagnostics
    assert [p.message.split(" (")[0] for p in problems] == \
        [f"kaart {KIT} · kaarttest · 01", f"kaart {KIT} · kaarttest · 04"]
    grid, styles = cardgrid.grid_for("a8"), word.open_reference().styles
    card = cards.card_files(ctx)[0].cards[0]
    width, height = grid.content_mm
    over = cardfit.front_mm(styles, card, width) - (height - cardfit.SAFETY_MM)
    assert problems[0].message.endswith(f"de tekst is {math.ceil(over)} mm te lang")
    assert "'kaartformaat: a7'" in problems[0].hint
    assert problems[0].notes == ("veld: vragen → nr. 1; kaartformaat a8 (49,5 × 70,4 mm)",
                                 "gemeten met lettertype Carlito (maatgelijk aan Calibri), 10 pt")


def test_restyled_house_style_is_measured(ws, tmp_path):
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    reference.styles["Kaart Tekst"].font.size = docx.shared.Pt(28)
    path = tmp_path / "groot.docx"
    reference.save(path)
    cards.render(context(ws))  # fits with the shipped house style
    with pytest.raises(BuildFailed) as failed:
        cards.render(context(ws, reference=path))
    assert {p.code for p in failed.value.diagnostics} == {"kaart-te-vol"}


# -- on paper (LibreOffice) -----------------------------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_prints_one_page_per_sheet(tmp_path, a7):
    _, data, document = a7
    source = tmp_path / "gesprekskaarten-kaarttest.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "gesprekskaarten-kaarttest.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == len(document.tables) == 4  # no empty pages, no sheet spilling over
