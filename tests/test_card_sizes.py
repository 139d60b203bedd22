"""Card text that uses the card, and card sheets an office printer prints whole.

Each card's text takes the largest size (in half points, between the project's minimum and
maximum) at which its front and back fit; the title is never smaller than the text, the back's
words never larger. Card sheets and the calibration page keep 5 mm from the paper's edges
unless the kit asks for exact full-bleed cards (``kaartvel: drukkerij``).
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest

from casuskit import cardfit, cardgrid, word
from casuskit.render import calibration, cards

from conftest import diagnostics, write
from proefkit import CASUS_FILE, casus_yaml
from test_cards import context, edit, workspace

SENTENCE = "Meneer laat de medicijnen van de apotheek al weken liggen en opent de deur niet."


def signal_card(ws: Path, words: int):
    """The kit's context and card 05 with a signal of ``words`` words."""
    write(ws, CASUS_FILE, casus_yaml(signal=" ".join((SENTENCE.split() * 40)[:words])))
    ctx = context(ws)
    return ctx, next(c for c in cards.card_files(ctx)[0].cards if c.id.endswith("· 05"))


def words_at(ws: Path, size: float) -> int:
    """The fewest words of signal that card 05 no longer holds at more than ``size``."""
    words = 1
    while True:
        ctx, card = signal_card(ws, words)
        if cardfit.card_sizes(ctx, [card], "a7")[card.id].text <= size:
            return words
        words += 3


def sizes_in(data: bytes) -> dict[str, dict[str, set[float]]]:
    """Card id → style → the font sizes (pt) its paragraphs print at, front and back."""
    document = docx.Document(io.BytesIO(data))
    found: dict[str, dict[str, set[float]]] = {}
    styles = document.styles
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                ids = [p.text for p in cell.paragraphs if p.style.name == "Kaart Id"]
                if not ids:
                    continue
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        size = run.font.size.pt if run.font.size else styles[paragraph.style.name].font.size.pt
                        found.setdefault(ids[0], {}).setdefault(paragraph.style.name, set()).add(size)
    return found


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return workspace(tmp_path)


def test_each_card_gets_the_largest_size_at_which_it_fits(ws):
    ctx, _ = signal_card(ws, words_at(ws, 12))
    every = cards.printed(ctx)[0][0]
    chosen = cardfit.card_sizes(ctx, every, "a7")
    styles, grid = ctx.reference.styles, cardgrid.grid_for("a7")
    for card in every:
        size = chosen[card.id].text
        assert 10 <= size <= 14 and size * 2 == int(size * 2)
        front, back = cardfit.overflow_mm(styles, card, grid, size)
        assert front <= 0 and back <= 0, card.id
        if size < 14:  # half a point more would not fit
            assert max(cardfit.overflow_mm(styles, card, grid, size + 0.5)) > 0, card.id
    assert chosen[f"{ctx.kit.id} · kaarttest · 04"].text == 14  # a short signal: the largest
    assert chosen[f"{ctx.kit.id} · kaarttest · 05"].text <= 12  # a long one: smaller
    printed = sizes_in(cards.render(ctx)[0][1])
    for card in every:
        sizes = chosen[card.id]
        assert printed[card.id]["Kaart Tekst"] == {sizes.text}
        assert min(printed[card.id].get("Kaart Titel", {99})) >= sizes.text  # never smaller
        assert printed[card.id]["Kaart Achterkant"] == {sizes.back} and sizes.back <= sizes.text
    assert cards.render(context(ws))[0][1] == cards.render(ctx)[0][1]  # deterministic


def test_a_card_at_the_house_styles_size_gets_no_size_of_its_own(ws):
    ctx, card = signal_card(ws, words_at(ws, 10))
    assert cardfit.card_sizes(ctx, [card], "a7")[card.id] == cardfit.Sizes(10, 13, 10)
    xml = docx.Document(io.BytesIO(cards.render(ctx)[0][1])).element.xml
    start = card.text[:30]
    paragraph = xml[:xml.index(start)].rsplit("<w:p>", 1)[-1]
    assert "KaartTekst" in paragraph and "<w:sz " not in paragraph  # the style's 10 pt


def test_the_project_sets_the_smallest_and_largest_card_text(ws):
    edit(ws, "projecten/proef.yaml", "  achterkant: duplex-lange-zijde\n",
         "  achterkant: duplex-lange-zijde\n  kaarttekst_min_pt: 9\n  kaarttekst_max_pt: 11,5\n")
    ctx = context(ws)
    assert cardfit.text_range(ctx) == (9, 11.5)
    every = cards.printed(ctx)[0][0]
    assert {s.text for s in cardfit.card_sizes(ctx, every, "a7").values()} <= {9, 9.5, 10, 10.5, 11, 11.5}
    edit(ws, "projecten/proef.yaml", "kaarttekst_max_pt: 11,5", "kaarttekst_max_pt: 8")
    assert cardfit.text_range(context(ws)) == (9, 9)  # the largest is never below the smallest
    edit(ws, "projecten/proef.yaml", "kaarttekst_min_pt: 9", "kaarttekst_min_pt: 9,3")
    text = (ws / "projecten/proef.yaml").read_text(encoding="utf-8")
    line = text[:text.index("9,3")].count("\n") + 1
    column = text.split("\n")[line - 1].index("9,3") + 1
    assert ("geen-punten", "`9,3` is geen lettergrootte voor `standaard.kaarttekst_min_pt`",
            f"projecten/proef.yaml:{line}:{column}") in diagnostics(ws)


def test_a_kit_without_room_at_the_smallest_size_is_kaart_te_vol(ws):
    signal_card(ws, words_at(ws, 10) + 12)
    assert [d[0] for d in diagnostics(ws, errors_only=True)] == ["kaart-te-vol"]
    edit(ws, "projecten/proef.yaml", "  achterkant: duplex-lange-zijde\n",
         "  achterkant: duplex-lange-zijde\n  kaarttekst_min_pt: 7\n")
    assert diagnostics(ws, errors_only=True) == []  # a smaller minimum makes room


def margins_mm(data: bytes) -> list[float]:
    section = docx.Document(io.BytesIO(data)).sections[0]
    return [m.mm for m in (section.top_margin, section.right_margin, section.bottom_margin,
                           section.left_margin)]


def test_office_sheets_stay_inside_a_printers_unprintable_border(ws):
    ctx = context(ws)
    from casuskit.render.registry import prepare
    prepare(ctx)
    for data in (cards.render(ctx)[0][1], calibration.render(ctx)[0][1]):
        assert min(margins_mm(data)) >= 4.99  # a printer leaves about 4.2 mm unprinted
        document = docx.Document(io.BytesIO(data))
        widths = {int(w) for t in document.tables for w in t._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")}
        assert word.mm_to_twips(100) in widths  # A7 scaled to 100 × 70.4 mm


def test_a_print_shop_gets_exact_full_bleed_cards_kit_before_project(ws):
    edit(ws, "projecten/proef.yaml", "  kaartformaat: a7\n", "  kaartformaat: a7\n  kaartvel: drukkerij\n")
    ctx = context(ws)
    assert cardgrid.sheet_of(ctx) == "drukkerij"
    data = cards.render(ctx)[0][1]
    assert max(margins_mm(data)) < 0.5  # to the paper's edge
    rows = {int(h) for h in docx.Document(io.BytesIO(data)).element.xpath("//w:trHeight/@w:val")}
    assert rows == {word.mm_to_twips(74)}
    kit = ws / "kits/proef-kaarten.yaml"
    kit.write_text(kit.read_text(encoding="utf-8") + "kaartvel: kantoorprinter\n", encoding="utf-8")
    assert cardgrid.sheet_of(context(ws)) == "kantoorprinter"
    assert cardgrid.grid_for("a7", "drukkerij").padding == cardgrid.PADDING_MM


def test_a_printer_offset_beyond_the_padding_narrows_the_backs_it_measures(ws):
    edit(ws, "projecten/proef.yaml", "  achterkant: duplex-lange-zijde\n",
         "  achterkant: duplex-lange-zijde\n  printer:\n    achterkant_verschuiving_x_mm: 4,5\n")
    ctx = context(ws)
    grid = cardgrid.grid_for("a7")
    assert cardgrid.excess_mm(ctx, grid.padding) == (1.0, 0.0)
    data = cards.render(ctx)[0][1]
    margins = docx.Document(io.BytesIO(data)).element.xpath("//w:tcMar/*/@w:w")
    assert all(int(m) >= 0 for m in margins)  # never a negative cell margin
    card = cards.card_files(ctx)[0].cards[0]
    wide = cardfit.overflow_mm(ctx.reference.styles, dataclasses.replace(card, casus_title="Een titel " * 4), grid)
    narrow = cardfit.overflow_mm(ctx.reference.styles, dataclasses.replace(card, casus_title="Een titel " * 4),
                                 grid, back_excess=(1.0, 0.0))
    assert narrow[1] >= wide[1]
