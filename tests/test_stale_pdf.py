"""Never a stale PDF, and what paper shows is verified (LibreOffice).

A kit built with --pdf whose casus then changes gets new PDFs from the next build or watch
round, or has them removed where LibreOffice is missing; never does a PDF older than its .docx,
or with the old text, stay behind. With the card measurement bypassed on purpose, the check on
the rendered PDF catches the clipped card and names it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from casuskit import cardfit, incremental, pdf, printrecord
from casuskit.render import cards
from casuskit.watch import rebuild

from conftest import run, write
from pdfgeometry import require
from proefkit import CASUS_FILE, casus_yaml, write_workspace

KIT = "proef-kaarten"
FOLDER = f"output/proef/centrum/{KIT}"
OLD, NEW, NEWER = "De kaarttest", "Het nieuwe huis", "De derde titel"


def retitle(root: Path, old: str, new: str) -> None:
    path = root / CASUS_FILE
    text = path.read_text(encoding="utf-8")
    assert f"titel: {old}\n" in text
    path.write_text(text.replace(f"titel: {old}\n", f"titel: {new}\n", 1), encoding="utf-8")


def pdf_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def assert_current(root: Path, title: str, stale: tuple[str, ...]) -> list[Path]:
    """Every PDF in output/ is as new as its .docx and shows ``title``, none a ``stale`` one."""
    pdfs = sorted((root / "output").rglob("*.pdf"))
    for path in pdfs:
        docx_path = path.with_suffix(".docx")
        if docx_path.is_file():
            assert path.stat().st_mtime_ns >= docx_path.stat().st_mtime_ns, path.name
        text = pdf_text(path)
        assert not any(old in text for old in stale), path.name
    assert title in pdf_text(root / FOLDER / "printpakket.pdf")  # on the card backs
    return pdfs


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    require("soffice")
    root = write_workspace(tmp_path)
    assert run(root, "build", "--pdf").exit_code == 0
    return root


def test_a_changed_casus_never_leaves_a_stale_pdf_build_or_watch(ws):
    before = assert_current(ws, OLD, ())
    assert {p.name for p in before} == {"gesprekskaarten-kaarttest.pdf", "kalibratie.pdf",
                                        "evaluatieformulier.pdf", "printpakket.pdf"}
    retitle(ws, OLD, NEW)
    result = run(ws, "build")  # no --pdf: the kit had PDFs, so it gets them again
    assert result.exit_code == 0, result.output
    assert "PDF's bijgewerkt: de documenten van 1 kit waren veranderd, dus ook hun PDF's en " \
           "printpakket (3 documenten in " in result.output
    assert assert_current(ws, NEW, (OLD,)) == before
    listing = (ws / FOLDER / "printlijst.txt").read_text(encoding="utf-8")
    assert "Papier (geteld in de PDF's):" in listing and printrecord.REMOVED not in listing
    record = incremental.Manifest.load(ws / "output").kits[KIT]
    assert set(record.prints) == {f"proef/centrum/{KIT}/{p.name}" for p in before}
    assert run(ws, "build").output.startswith("Niets te bouwen")
    retitle(ws, NEW, NEWER)
    shown: list[str] = []
    done = rebuild(ws, ws / "output", [ws / CASUS_FILE], jobs=1, show=shown.append)
    assert done.built == [KIT] and not done.failed, shown
    assert any(line.startswith("PDF's bijgewerkt") for line in shown)
    assert_current(ws, NEWER, (OLD, NEW))


def test_without_libreoffice_stale_pdfs_are_removed_and_the_print_list_says_so(ws, monkeypatch):
    retitle(ws, OLD, NEW)
    monkeypatch.setattr(pdf, "find_office", lambda: None)
    result = run(ws, "build")
    assert result.exit_code == 0
    assert (f"Let op: de PDF's en het printpakket in proef/centrum/{KIT}/ zijn verwijderd: ze "
            "hoorden bij de vorige versie. Maak nieuwe met `casuskit build --pdf` (daarvoor is "
            "LibreOffice nodig).") in result.output
    assert not list((ws / "output").rglob("*.pdf"))
    listing = (ws / FOLDER / "printlijst.txt").read_text(encoding="utf-8")
    assert f"\n{printrecord.REMOVED}\n" in listing and "Papier (geschat;" in listing
    assert incremental.Manifest.load(ws / "output").kits[KIT].prints == {}
    monkeypatch.undo()
    assert run(ws, "build", "--pdf").exit_code == 0  # back, current, and the list says so
    assert_current(ws, NEW, (OLD,))
    assert printrecord.REMOVED not in (ws / FOLDER / "printlijst.txt").read_text(encoding="utf-8")


def test_unchanged_documents_keep_their_pdfs(ws):
    before = {p: p.stat().st_mtime_ns for p in (ws / "output").rglob("*.pdf")}
    kit = ws / "kits" / f"{KIT}.yaml"
    kit.write_text(kit.read_text(encoding="utf-8") + "opmerking: alleen voor mij\n", encoding="utf-8")
    result = run(ws, "build")  # the kit file changed, its printed documents did not
    assert result.exit_code == 0 and "Gebouwd: 1 kit" in result.output
    assert "PDF's" not in result.output.split("Printen:")[0]
    assert {p: p.stat().st_mtime_ns for p in (ws / "output").rglob("*.pdf")} == before
    assert "Papier (geteld in de PDF's):" in (ws / FOLDER / "printlijst.txt").read_text(encoding="utf-8")


def test_a_card_clipped_on_paper_fails_the_build_naming_kit_card_field_and_words(tmp_path, monkeypatch):
    """The measurement is bypassed on purpose: every card claims to fit at 14 pt."""
    require("soffice")
    root = write_workspace(tmp_path)
    words = ("Meneer laat de medicijnen van de apotheek al weken liggen en opent de deur "
             "niet meer als de wijkverpleegkundige aanbelt. ") * 5 + "Slotwoord."
    write(root, CASUS_FILE, casus_yaml(signal=words))
    monkeypatch.setattr(cards, "fit_problems", lambda *args: [])
    monkeypatch.setattr(cards, "card_sizes", lambda ctx, every, size: {
        card.id: cardfit.Sizes(14, 14, 14) for card in every})
    result = run(root, "build", "--pdf", "--processen", "1")
    assert result.exit_code == 1, result.output
    text = (root / CASUS_FILE).read_text(encoding="utf-8")
    line = text[:text.index("Meneer laat de medicijnen")].count("\n") + 1
    match = re.search(r"fout\[kaart-afgekapt\]: kaart proef-kaarten · kaarttest · 05 \(Signaal\) is "
                      r"in gesprekskaarten-kaarttest\.pdf op papier afgekapt: (\d+) woorden ontbreken\n"
                      rf"  --> {CASUS_FILE}:{line}:\d+\n", result.output)
    assert match and int(match[1]) > 10, result.output
    assert "  = kit proef-kaarten, pagina 1; veld: perspectieven → nr. 1 → signalen → nr. 2\n" \
        in result.output
    assert re.search(r"  = ontbreekt op papier: .*Slotwoord\.", result.output) is None  # 12 shown
    assert re.search(r"  = ontbreekt op papier: (\S+ ){12}…\n", result.output)
    assert "De PDF's van deze kits zijn niet gemaakt: op papier valt tekst weg." in result.output
    assert not list((root / "output").rglob("*.pdf"))  # nothing half-verified is printed
    assert (root / FOLDER / "gesprekskaarten-kaarttest.docx").is_file()
