"""Print-ready kits, checked on the rendered PDFs: `casuskit build --pdf --voorbeeld`.

One build of a workspace with a kit per case (card sizes, duplex modes, a printer offset, a
card filled to its limit, every example hand-out) converts everything in one LibreOffice run;
the tests then read the PDFs back with pdfplumber (tests/pdfgeometry.py) and measure in mm.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from casuskit import cardfit, cardgrid, pdf, preview, printpack, word
from casuskit.check import check_workspace
from casuskit.render import cards
from casuskit.plan import plan_kit
from casuskit.render.registry import prepare
from casuskit.textrender import Texts

from conftest import run, write
from pdfgeometry import PT as PT_MM
from pdfgeometry import (Rect, card_ids, cells, is_empty, page_size, require, text_bounds,
                         texts_by_cell)
from pdfkits import (EVALUATION_KITS, EXAMPLES, ID, KITS, OFFSET, SENTENCE, SIZES, WORKSHEET_KITS,
                     folder, make_workspace)
from proefkit import CASUS_FILE, casus_yaml


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The workspace of pdfkits, built with --pdf --voorbeeld: one LibreOffice run."""
    require("soffice", "pdftoppm")
    root = tmp_path_factory.mktemp("printklaar")
    words = make_workspace(root)
    result = run(root, "build", *KITS, *EVALUATION_KITS, "pdf-hand-outs", *WORKSHEET_KITS, "--pdf",
                 "--voorbeeld")
    assert result.exit_code == 0, result.output
    return root, result.output, words


def open_pdf(root: Path, kit_id: str, name: str):
    return pdfplumber.open(folder(root, kit_id) / name)


# -- the build -------------------------------------------------------------------------------

def test_pdfs_pack_and_preview_are_written_next_to_the_docx(built):
    root, output, _ = built
    for kit_id in (*KITS, *EVALUATION_KITS, "pdf-hand-outs"):
        files = {p.name for p in folder(root, kit_id).iterdir()}
        for docx_name in (f for f in files if f.endswith(".docx")):
            assert docx_name.replace(".docx", ".pdf") in files, (kit_id, docx_name)
        assert {"printpakket.pdf", "voorbeeld.png", "printlijst.txt"} <= files
        assert not any(".casuskit-tmp" in name for name in files)
    assert "× LibreOffice" in output and "printpakket.pdf" in output


def test_no_pdf_has_an_empty_page(built):
    root, _, _ = built
    for path in (root / "output").rglob("*.pdf"):
        if path.name == printpack.PACK_NAME:
            continue  # blank pages there are on purpose (next test)
        with pdfplumber.open(path) as document:
            empty = [page.page_number for page in document.pages if is_empty(page)]
        assert not empty, f"{path.name}: empty pages {empty}"



def test_every_worksheet_keeps_each_question_with_its_writing_lines(built):
    """No page of a worksheet ends with a heading or question whose lines went to the next
    page, and no page starts with the lines of a part begun on the page before."""
    root, _, _ = built
    found, split = 0, []
    for kit_id in WORKSHEET_KITS:
        for path in sorted(folder(root, kit_id).glob("werkblad-*.pdf")):
            with pdfplumber.open(path) as document:
                for number, page in enumerate(document.pages, start=1):
                    rules = sorted(line["top"] * PT_MM for line in page.lines
                                   if abs(line["top"] - line["bottom"]) < 0.1
                                   and (line["x1"] - line["x0"]) * PT_MM > 150)
                    text = [char["bottom"] * PT_MM for char in page.chars
                            if char["text"].strip() and 15 < char["top"] * PT_MM < 270]
                    found += 1
                    if number > 1 and rules and rules[0] < min(text) - 1:
                        split.append((path.name, number, "begint met schrijfregels"))
                    if not rules or rules[-1] < max(text):
                        split.append((path.name, number, "eindigt zonder schrijfregels"))
    assert found >= 6 and split == []


def test_the_draaiboek_leaves_no_page_near_empty_before_its_last(built):
    """Chapters follow on the page before (the programme alone starts a new page, after the
    cover): every page but the cover and the last is filled to its bottom third."""
    root, _, _ = built
    with open_pdf(root, "pdf-hand-outs", "draaiboek.pdf") as document:
        lowest = [max((char["bottom"] * PT_MM for char in page.chars
                       if char["text"].strip() and char["top"] * PT_MM < 270), default=0)
                  for page in document.pages]  # the footer (below 270 mm) does not count
    assert len(lowest) > 10  # eleven casussen: enough chapters to end anywhere on a page
    assert [(page, round(mm)) for page, mm in enumerate(lowest[1:-1], start=2) if mm < 200] == []


def test_every_example_hand_out_fits_its_page_budget(built):
    root, output, _ = built
    for casus in EXAMPLES:
        pages = len(PdfReader(folder(root, "pdf-hand-outs") / f"hand-out-{casus}.pdf").pages)
        assert pages <= printpack.PAGE_BUDGET["hand-out-"], casus
    assert "te passen" not in output  # the build's own page-budget warning


def open_questions(path: Path) -> list[list[tuple[str, int]]]:
    """Per page of an evaluation form: each open question's letter and the writing lines
    (long horizontal rules) below it on that page, before the next question or the thanks."""
    pages = []
    with pdfplumber.open(path) as document:
        for page in document.pages:
            lines = page.extract_text_lines()
            heading = [l["bottom"] for l in lines if l["text"] == "Open vragen"]
            rules = sorted({round(l["top"], 1) for l in page.lines
                            if abs(l["top"] - l["bottom"]) < 0.1 and (l["x1"] - l["x0"]) * PT_MM > 100
                            and l["top"] > (heading[0] if heading else 0)})
            marks = [(l["text"][0], l["top"]) for l in lines if re.match(r"[A-Z]\. ", l["text"])]
            ends = [top for _, top in marks[1:]] + [
                next((l["top"] for l in lines if l["text"].startswith("Bedankt!")), page.height)]
            pages.append([(letter, sum(1 for y in rules if top < y <= end + 0.5))
                          for (letter, top), end in zip(marks, ends)])
    return pages


def test_five_open_questions_fit_on_one_page_and_twelve_break_between_questions(built):
    root, _, _ = built
    five = open_questions(folder(root, "pdf-evaluatie-5") / "evaluatieformulier.pdf")
    assert five == [[(letter, 1) for letter in "ABCDE"]]
    twelve = open_questions(folder(root, "pdf-evaluatie-12") / "evaluatieformulier.pdf")
    assert len(twelve) == 2 and all(twelve)
    assert [letter for page in twelve for letter, _ in page] == list("ABCDEFGHIJKL")
    assert all(lines == 2 for page in twelve for _, lines in page)  # each with its lines
    with pdfplumber.open(folder(root, "pdf-evaluatie-12") / "evaluatieformulier.pdf") as document:
        assert "Dank u wel." in document.pages[-1].extract_text()


# -- card geometry ---------------------------------------------------------------------------

def sheets(root: Path, kit_id: str, name: str | None = None):
    """[(page, cells, {card id: cell})] of a card document (default: the kit's casus cards)."""
    name = name or f"gesprekskaarten-{KITS[kit_id][3]}.pdf"
    with open_pdf(root, kit_id, name) as document:
        found = []
        for page in document.pages:
            grid = cells(page)
            found.append((page, grid, card_ids(page, grid, ID)))
        return found


@pytest.mark.parametrize("kit_id", sorted(SIZES))
def test_card_cells_are_the_size_asked_for(built, kit_id):
    root, _, _ = built
    width, height = SIZES[kit_id]
    for n, (page, grid, ids) in enumerate(sheets(root, kit_id)):
        assert ids, f"page {page.page_number} has no cards"
        if kit_id == "pdf-verschoven" and n % 2:
            continue  # its backs are moved on purpose: the outer cells grow or shrink
        for cell in (ids[card] for card in ids):
            assert abs(cell.width - width) <= 0.5 and abs(cell.height - height) <= 0.5, \
                (kit_id, page.page_number, round(cell.width, 2), round(cell.height, 2))


@pytest.mark.parametrize("kit_id,edge", [("pdf-a7", "long"), ("pdf-a6", "long"), ("pdf-a8", "long"),
                                         ("pdf-kort", "short"), ("pdf-vol", "long"),
                                         ("pdf-drukkerij", "long")])
def test_each_back_lies_behind_its_front(built, kit_id, edge):
    root, _, _ = built
    found = sheets(root, kit_id)
    assert len(found) % 2 == 0
    worst = 0.0
    for (front_page, _, fronts), (back_page, _, backs) in zip(found[::2], found[1::2]):
        assert set(fronts) == set(backs)
        page_w, page_h = page_size(back_page)
        for card, cell in fronts.items():
            worst = max(worst, backs[card].flipped(page_w, page_h, edge).distance(cell))
    assert worst <= 0.5, f"{kit_id}: a back lies {worst:.2f} mm off its front"


def test_every_cards_text_stays_inside_its_own_card(built):
    root, _, _ = built
    for kit_id in sorted(SIZES):
        for page, grid, ids in sheets(root, kit_id):
            inside, stray = texts_by_cell(page, grid)
            assert not stray, f"{kit_id} p{page.page_number}: text outside every card"
            for cell, chars in inside.items():
                if not chars:
                    continue
                assert cell in ids.values(), "a cell with text but no card id"
                padded = Rect(cell.left + 1, cell.top + 1, cell.right - 1, cell.bottom - 1)
                assert padded.contains(text_bounds(chars)), (kit_id, page.page_number)


def test_a_card_filled_to_the_limit_stays_inside_and_the_limit_is_honest(built):
    """The longest text fit_problems accepts really fits on paper, and with little to spare:
    the measured height is within 1.5 mm of the model's, so the limit is not far too strict."""
    root, _, words = built
    [(page, grid, ids), *_] = sheets(root, "pdf-vol")
    cell = ids["pdf-vol·kaartvol·05"]
    inside, _ = texts_by_cell(page, grid)
    body = [c for c in inside[cell] if c["size"] > 7.5]  # all but the id line at the top
    text = text_bounds(body)
    pad = cardgrid.grid_for("a7").padding
    content = Rect(cell.left + pad, cell.top + pad, cell.right - pad, cell.bottom - pad)
    assert content.contains(text, tolerance=0.1), (text, content)
    ws = check_workspace(root).workspace
    ctx = plan_kit(ws, ws.get("kit", "pdf-vol"), Texts(root), None)
    card = next(c for c in cards.card_files(ctx)[0].cards if c.id.endswith("· 05"))
    styles, grid_a7 = word.open_reference().styles, cardgrid.grid_for("a7")
    predicted_free = -cardfit.overflow_mm(styles, card, grid_a7)[0] + cardfit.SAFETY_MM
    measured_free = content.bottom - text.bottom
    assert abs(measured_free - predicted_free) <= 1.5, (measured_free, predicted_free)
    longer = dataclasses.replace(card, text=card.text + " " + " ".join(SENTENCE))
    assert cardfit.overflow_mm(styles, longer, grid_a7)[0] > 0, "one sentence more must not fit"
    assert words > 60


def back_texts(root: Path, kit_id: str) -> dict[str, Rect]:
    """Card number → where the big text on its back lies, seen from the front (long edge)."""
    found = {}
    for page, grid, ids in sheets(root, kit_id)[1::2]:
        inside, _ = texts_by_cell(page, grid)
        for card, cell in ids.items():
            big = [c for c in inside[cell] if c["size"] > 7.5]  # category and casus, centred
            found[card[-2:]] = text_bounds(big).flipped(*page_size(page), "long")
    return found


def test_the_printer_offset_moves_every_back_against_the_drift(built):
    """The proef printer puts backs 2 mm right and 1.5 mm up (seen from the front, against the
    light). So casuskit prints every back's inner cut lines and text 2 mm left and 1.5 mm
    down of its front: after the printer's drift they fall exactly behind it."""
    root, _, _ = built
    want_x, want_y = -OFFSET[0], -OFFSET[1]
    moved = []
    found = sheets(root, "pdf-verschoven")
    for (_, _, fronts), (back_page, _, backs) in zip(found[::2], found[1::2]):
        page_w, page_h = page_size(back_page)
        right = max(front.right for front in fronts.values())  # the grid's outer edges
        bottom = max(front.bottom for front in fronts.values())
        for card, front in fronts.items():
            back = backs[card].flipped(page_w, page_h, "long")
            if front.right < right - 1:  # inner cut lines only: the outer ones stay put
                moved.append((f"{card} rechterrand", back.right - front.right, want_x))
            if front.bottom < bottom - 1:
                moved.append((f"{card} onderrand", back.bottom - front.bottom, want_y))
    shifted, plain = back_texts(root, "pdf-verschoven"), back_texts(root, "pdf-a7")
    assert set(shifted) == set(plain)
    for number, text in shifted.items():
        moved.append((f"tekst {number} x", text.centre[0] - plain[number].centre[0], want_x))
        moved.append((f"tekst {number} y", text.centre[1] - plain[number].centre[1], want_y))
    assert len(moved) > 20
    for what, got, want in moved:
        assert abs(got - want) <= 0.3, f"{what}: {got:.2f} mm, want {want:.2f} mm"


# -- calibration page ------------------------------------------------------------------------

def test_calibration_ruler_is_ten_centimetres_and_its_crosses_meet(built):
    root, _, _ = built
    with open_pdf(root, "pdf-a7", "kalibratie.pdf") as document:
        front, back = document.pages
        ticks = sorted(line["x0"] * PT_MM for line in front.lines
                       if abs(line["x0"] - line["x1"]) < 0.05 and (line["bottom"] - line["top"]) * PT_MM < 9)
        assert len(ticks) == 21 and abs(ticks[-1] - ticks[0] - 100) <= 0.2, ticks
        page_w, page_h = page_size(back)
        fronts, backs = cells(front, dashed=False), cells(back, dashed=False)
        assert len(fronts) == len(backs) == 7  # the wide top cell and six card cells
        for cell in fronts:
            nearest = min(b.flipped(page_w, page_h, "long").distance(cell) for b in backs)
            assert nearest <= 0.5, cell
        assert "Kalibratie · kaarten A7 (100 × 70,4 mm)" in front.extract_text()
        assert "Nu ingesteld: x = 0 mm, y = 0 mm." in back.extract_text().replace("\n", " ")
    with open_pdf(root, "pdf-verschoven", "kalibratie.pdf") as document:
        assert "x = 2 mm, y = -1,5 mm" in document.pages[1].extract_text().replace("\n", " ")
    for kit_id in ("pdf-a6", "pdf-a7", "pdf-a8", "pdf-kort"):  # all its text inside the lines
        with open_pdf(root, kit_id, "kalibratie.pdf") as document:
            for page in document.pages:
                inside, stray = texts_by_cell(page, cells(page, dashed=False))
                assert not stray, (kit_id, page.page_number, "".join(c["text"] for c in stray))
                for cell, chars in inside.items():
                    inner = Rect(cell.left + 1, cell.top + 1, cell.right - 1, cell.bottom - 1)
                    assert not chars or inner.contains(text_bounds(chars)), (kit_id, page.page_number)


# -- print pack and contact sheet ------------------------------------------------------------

def pack_ranges(pack: PdfReader) -> dict[str, tuple[int, range]]:
    """file → (copies, 1-based page range) from the pack's bookmarks, which also say how many
    sheets that takes (the pack is printed double-sided)."""
    found = {}
    for item in pack.outline:
        match = re.fullmatch(r"(\S+) · (\d+) × · pagina (\d+)–(\d+) · (\d+) vel(len)?", item.title)
        pages = range(int(match[3]), int(match[4]) + 1)
        assert int(match[5]) == len(pages) // 2, item.title
        found[match[1]] = (int(match[2]), pages)
    return found


def test_pack_has_every_copy_in_print_order_with_blanks_only_where_meant(built):
    root, _, _ = built
    kit = folder(root, "pdf-hand-outs")
    ws = check_workspace(root).workspace
    ctx = plan_kit(ws, ws.get("kit", "pdf-hand-outs"), Texts(root), None)
    items = prepare(ctx).print_items
    pack = PdfReader(kit / "printpakket.pdf")
    ranges = pack_ranges(pack)
    assert list(ranges) == [printpack.pdf_name(item.file) for item in items]  # print order
    expected_blank, page = [], 1
    for item in items:
        pages = len(PdfReader(kit / printpack.pdf_name(item.file)).pages)
        per_copy = pages + pages % 2  # duplex: a fresh sheet for every copy
        copies, pack_range = ranges[printpack.pdf_name(item.file)]
        assert copies == item.copies and pack_range == range(page, page + copies * per_copy)
        expected_blank += [page + c * per_copy + pages for c in range(copies) if pages % 2]
        page += copies * per_copy
    assert len(pack.pages) == page - 1
    with pdfplumber.open(kit / "printpakket.pdf") as document:
        assert [p.page_number for p in document.pages if is_empty(p)] == expected_blank


def test_pack_prints_short_edge_and_single_sided_documents_in_one_long_edge_job(built):
    root, _, _ = built
    short = PdfReader(folder(root, "pdf-kort") / "printpakket.pdf")
    copies, pages = pack_ranges(short)["gesprekskaarten-kaarttest.pdf"]
    assert copies == 2 and len(pages) == 8
    assert [short.pages[n - 1].get("/Rotate", 0) for n in pages] == [0, 180] * 4
    single = folder(root, "pdf-geen") / "printpakket.pdf"
    copies, pages = pack_ranges(PdfReader(single))["gesprekskaarten-kaarttest.pdf"]
    with pdfplumber.open(single) as document:
        assert [is_empty(document.pages[n - 1]) for n in pages] == [False, True] * 4
    listing = (folder(root, "pdf-geen") / "printlijst.txt").read_text(encoding="utf-8")
    assert "Print dat in één keer: A4, dubbelzijdig, omslaan over de lange zijde, afdrukken op " \
           "100 % (werkelijke grootte)" in listing
    assert re.search(r"\ngesprekskaarten-kaarttest\.docx +2 × +enkelzijdig", listing)


def test_contact_sheet_shows_every_page_once(built):
    root, _, _ = built
    kit = folder(root, "pdf-a7")
    pages = sum(len(PdfReader(kit / name).pages) for name in ("gesprekskaarten-kaarttest.pdf", "kalibratie.pdf"))
    with Image.open(kit / "voorbeeld.png") as image:
        rows = -(-pages // preview.COLUMNS)
        assert image.width > 1000 and image.height > rows * 250
        assert image.text[preview.SOURCE_KEY] == printpack.made_from(kit / "printpakket.pdf")


def test_a_second_build_keeps_print_ready_kits_that_did_not_change(built):
    root, _, _ = built
    result = run(root, "build", "pdf-a7", "--pdf", "--voorbeeld")
    assert result.exit_code == 0, result.output
    assert "PDF's van 1 kit waren al actueel" in result.output
    assert "omgezet" not in result.output


# -- failures ---------------------------------------------------------------------------------

def test_without_libreoffice_the_docx_are_built_and_the_message_says_how_to_install(ws, monkeypatch):
    monkeypatch.setattr(pdf, "find_office", lambda: None)
    result = run(ws, "build", "hhw-noord-ronde-2", "--pdf")
    assert result.exit_code == 1
    assert "fout: LibreOffice is niet gevonden, dus er zijn geen PDF's gemaakt" in result.output
    assert "sudo apt-get install libreoffice-writer-nogui" in result.output
    kit = ws / "output/heerhugowaard/noord/ronde-2"
    assert (kit / "draaiboek.docx").is_file() and not list(kit.glob("*.pdf"))


def test_an_overlong_card_fails_the_build_before_any_pdf(built, tmp_path):
    root, _, _ = built
    copy = tmp_path / "ws"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("output"))
    long = " ".join(SENTENCE * 12)
    write(copy, CASUS_FILE, casus_yaml(signal=long))
    result = run(copy, "build", "pdf-a7", "--pdf")
    assert result.exit_code == 1
    assert "kaart pdf-a7 · kaarttest · 05 (Signaal) past niet: de tekst is" in result.output
    assert "mm te lang" in result.output
    assert "veld: perspectieven → nr. 1 → signalen → nr. 2; kaartformaat a7 (100 × 70,4 mm)" in result.output
    assert not (copy / "output").exists() or not list((copy / "output").rglob("*.pdf"))


def test_without_pdftoppm_the_pdfs_and_pack_are_made_and_the_message_says_so(built, tmp_path,
                                                                              monkeypatch):
    root, _, _ = built
    copy = tmp_path / "ws"
    shutil.copytree(root, copy)
    kit = folder(copy, "pdf-a7")
    (kit / "printpakket.pdf").unlink()
    (kit / "voorbeeld.png").unlink()
    converted = {path: path.with_suffix(".pdf").read_bytes() for path in kit.glob("*.docx")}
    monkeypatch.setattr(pdf, "convert", lambda sources, workers=None: pdf.Conversion(
        {source: converted[source] for source in sources}, 1, 0.0))
    monkeypatch.setattr(preview, "available", lambda: False)
    result = run(copy, "build", "pdf-a7", "--voorbeeld")
    assert result.exit_code == 1
    assert "fout: pdftoppm (poppler) is niet gevonden, dus er is geen voorbeeld.png gemaakt; " \
           "de PDF's en het printpakket zijn wel gemaakt" in result.output
    assert "sudo apt-get install poppler-utils" in result.output
    assert (kit / "printpakket.pdf").is_file() and not (kit / "voorbeeld.png").exists()


# -- batching (no LibreOffice needed) ---------------------------------------------------------

def test_documents_are_split_into_few_batches_of_about_equal_size(tmp_path):
    sizes = [900, 100, 100, 100, 400, 300, 200]
    files = []
    for n, size in enumerate(sizes):
        files.append(tmp_path / f"{n}.docx")
        files[-1].write_bytes(b"x" * size)
    split = pdf.batches(files, 2)
    assert sorted(sum(p.stat().st_size for p in batch) for batch in split) == [1000, 1100]
    assert all(batch == sorted(batch, key=files.index) for batch in split)
    assert pdf.workers_for(1, cores=8) == 1 and pdf.workers_for(70, cores=2) == 2
    assert pdf.workers_for(70, cores=16) == pdf.MAX_WORKERS
