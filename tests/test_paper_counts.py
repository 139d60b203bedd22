"""How much paper, without LibreOffice: page estimates, sheets per document and in total, and
table columns measured in the house style's font."""

from __future__ import annotations

import re

import docx
import pytest

from casuskit import metrics, pagecount, tablefit, word
from casuskit.build import build
from casuskit.printing import DOUBLE, SIMPLEX, KitPrint, PrintItem
from casuskit.render import printlist
from casuskit.report import build_summary

from huisstijlen import WIDE_FONT, smallest_card_text, use, wide

KIT = "hhw-noord-ronde-2"
FOLDER = "output/heerhugowaard/noord/ronde-2"


def test_short_columns_take_what_the_others_can_spare():
    assert tablefit.widened([10, 50, 40], [12, 20, 10]) == pytest.approx([12, 49.0, 39.0])
    assert sum(tablefit.widened([9, 40, 51, 36, 34], [11, 30, 30, 40, 5])) == pytest.approx(170)
    assert tablefit.widened([10, 10], [5, 5]) == [10, 10]  # nothing lacks: unchanged
    assert tablefit.widened([10, 10], [30, 10]) == pytest.approx([15, 5])  # cannot fit: shares


def test_sheets_per_document_and_in_total():
    kit = KitPrint("k", "p/b/r", "B · ronde 1", "1 januari", "W", "O",
                   [PrintItem("a.docx", 3, DOUBLE), PrintItem("b.docx", 2, SIMPLEX)],
                   ["a.docx", "b.docx"], pages={"a.docx": 5, "b.docx": 2})
    assert [kit.sheets(item) for item in kit.items] == [9, 4]  # 3 × ⌈5/2⌉, 2 × 2
    assert (kit.total_sheets(), kit.total_pages()) == (13, 19)
    assert KitPrint.from_dict(kit.to_dict()) == kit
    kit.pages = {"a.docx": 5}
    assert kit.total_sheets() is None and printlist.paper(kit, 6) == []  # unknown: not shown


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    """The examples with their participant lists, built in the shipped house style and again
    in a wide one (DejaVu Sans)."""
    import shutil
    from conftest import INPUT_FOLDERS, REPO
    root = tmp_path_factory.mktemp("papier")
    for folder in INPUT_FOLDERS + ("deelnemers",):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.tafels.csv"))
    result = build(root, (KIT,), jobs=1)
    return root, result


def test_the_print_list_says_pages_and_sheets_per_document_and_in_total(examples):
    root, result = examples
    kit = result.kits[0].printing
    listing = (root / FOLDER / "printlijst.txt").read_text(encoding="utf-8")
    assert "\nPapier (geschat; `casuskit build --pdf` telt ze precies in de PDF's):\n" in listing
    for item in kit.items:
        pages = kit.pages[item.file]
        sides = "enkelzijdig" if item.sides == SIMPLEX else "dubbelzijdig"
        assert re.search(rf"\n{re.escape(item.file)} +{pages} +{kit.sheets(item)}  "
                         rf"\({item.copies} × {pages} pagina('s)?, {sides}\)\n", listing), item.file
    assert f"\nTotaal {kit.total_sheets()} vellen A4 voor {kit.total_pages()} pagina's.\n" in listing
    card_files = {name: pages for name, pages in kit.pages.items() if name.startswith("gesprekskaarten-")}
    assert card_files == {"gesprekskaarten-stille-buurman.docx": 6,  # 20 cards: 3 sheets, fronts
                          "gesprekskaarten-la-vol-enveloppen.docx": 6,  # and backs, exact
                          "gesprekskaarten-ruzie-over-de-schutting.docx": 6}
    assert kit.pages["naambordjes.docx"] == 20      # one per participant, two blank spares
    assert kit.pages["tafelkaarten.docx"] == 3      # one per table
    assert "Kaarten A7: 100 × 70,4 mm, binnen de rand die een kantoorprinter niet bedrukt" in listing
    assert "Tekst gemeten met het lettertype Carlito (maatgelijk aan Calibri)." in listing
    summary = build_summary(result, root)
    assert re.search(r"\n  gesprekskaarten-stille-buurman\.docx +1 × dubbelzijdig, omslaan over de lange "
                     r"zijde  · 6 pagina's, 3 vellen\n", summary)
    assert re.search(r"\n  evaluatieformulier\.docx +18 \+ 2 × dubbelzijdig, omslaan over de lange "
                     r"zijde  · 1 pagina, 20 vellen\n", summary)  # spares are paper too
    assert f"\n  samen {kit.total_sheets()} vellen A4 voor {kit.total_pages()} pagina's\n" in summary
    assert f"Papier voor deze kit: {kit.total_sheets()} vellen A4 voor {kit.total_pages()} " \
           "pagina's (pagina's geschat;" in summary


def words_of(document) -> list[tuple[str, float, str]]:
    """(text, column width in mm, style) of every table cell of a .docx."""
    found = []
    for table in document.tables:
        widths = [int(w) / 56.6929 for w in table._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
        for row in table.rows:
            for column, cell in enumerate(row._tr.tc_lst):
                if cell.grid_span != 1:
                    continue
                for paragraph in cell.xpath(".//w:p"):
                    text = "".join(paragraph.xpath(".//w:t/text()"))
                    style = paragraph.xpath("./w:pPr/w:pStyle/@w:val")
                    found.append((text, widths[column], style[0] if style else "Normal"))
    return found


def test_table_columns_hold_their_longest_word_in_a_wide_font(examples, tmp_path):
    root, _ = examples
    use(root, "heerhugowaard", wide(root / "huisstijl" / "breed.docx"))
    smallest_card_text(root, "heerhugowaard", "9")
    build(root, (KIT,), out=tmp_path / "uit", jobs=1)
    folder = tmp_path / "uit/heerhugowaard/noord/ronde-2"
    reference = word.open_reference(root / "huisstijl" / "breed.docx")
    names = {s.style_id: s.name for s in docx.Document(root / "huisstijl" / "breed.docx").styles}
    checked = 0
    for name in ("presentielijst.docx", "tafelkaarten.docx", "draaiboek.docx",
                 "evaluatieformulier.docx"):
        for text, width, style_id in words_of(docx.Document(folder / name)):
            look = reference.styles.look(names.get(style_id, "Normal"))
            assert look.font == WIDE_FONT
            longest = metrics.longest_word_mm(text, look.size, look.bold, look.font)
            assert longest + 3.8 <= width + 0.01, (name, text, round(width, 1))
            checked += 1
    assert checked > 100
    sign_in = docx.Document(folder / "presentielijst.docx").tables[0]
    widths = [int(w) for w in sign_in._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
    assert widths[0] > word.mm_to_twips(9)  # "Nr." in bold DejaVu Sans needs more than 9 mm
    assert sum(widths) == pytest.approx(word.mm_to_twips(170), abs=5)  # the same total


def test_cut_sheets_and_forms_are_estimated_from_their_blocks():
    doc = word.Document()
    body = pagecount.flow_of(doc).body
    assert body == pytest.approx(297 - 20 - 20, abs=0.1)  # an empty header and footer fit
    rows = [word.Row([word.Cell([word.Paragraph("Normal", [word.Run("x")])])], 100, exact=True,
                     cant_split=True) for _ in range(5)]
    doc.add(word.Table([170], rows))
    assert pagecount.estimate(doc).pages == 3  # 2 + 2 + 1 rows of 100 mm
    doc.add(word.Paragraph("Normal", [word.Run("na"), word.PageBreak(), word.Run("nieuw")]))
    assert pagecount.estimate(doc).pages == 4
    doc.paragraph("kop", "Heading 1", page_break_before=True)
    assert pagecount.estimate(doc).pages == 5
