"""Text is measured in the font it prints in: fonts found, read and warned about."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from casuskit import cardfit, cardgrid, fonts, metrics, word
from casuskit.check import check_workspace
from casuskit.plan import plan_kit
from casuskit.render import cards
from casuskit.textrender import Texts
from casuskit.verify import check_project

from conftest import run, write
from huisstijlen import UNKNOWN_FONT, WIDE_FONT, unknown, use, wide
from proefkit import CASUS_FILE, casus_yaml, write_workspace

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SENTENCE = "Meneer laat de medicijnen van de apotheek al weken liggen en opent de deur niet".split()


@pytest.fixture(autouse=True)
def _fresh_faces():
    fonts.face.cache_clear()
    yield
    fonts.face.cache_clear()


def test_fonts_and_their_metric_compatible_twins_are_read_from_the_files():
    calibri, dejavu = fonts.face("Calibri"), fonts.face(WIDE_FONT)
    assert (calibri.family, calibri.kind, calibri.measurable) == ("Carlito", fonts.TWIN, True)
    assert calibri.described() == "Carlito (maatgelijk aan Calibri)"
    assert calibri.path.endswith("Carlito-Regular.ttf")
    assert fonts.face("Calibri", bold=True).path.endswith("Carlito-Bold.ttf")
    assert (dejavu.family, dejavu.kind, dejavu.described()) == ("DejaVu Sans", fonts.EXACT, "DejaVu Sans")
    assert fonts.face("Arial").family == "Liberation Sans" and fonts.face("Arial").measurable
    assert fonts.face("Times New Roman").family == "Liberation Serif"
    # Calibri's line: (1950 + 550) / 2048 em in Word, (1536 + 512 + 452) / 2048 in LibreOffice
    assert calibri.line_em == pytest.approx(2500 / 2048)
    assert dejavu.line_em == pytest.approx((1901 + 483) / 2048)
    # the same name in a wider font needs a wider column: one reason tables measure
    assert metrics.text_width_mm("Schuldhulpverlener", 10, font=WIDE_FONT) \
        > 1.2 * metrics.text_width_mm("Schuldhulpverlener", 10, font="Calibri")


def test_a_font_not_installed_is_a_guess_that_says_so():
    guess = fonts.face(UNKNOWN_FONT)
    assert guess.kind == fonts.GUESS and not guess.measurable
    assert guess.described() == f"{guess.family} (in plaats van {UNKNOWN_FONT}, niet maatgelijk)"


def test_without_fontconfig_the_font_folders_are_searched(tmp_path, monkeypatch):
    (tmp_path / "fonts").mkdir()
    shutil.copy(DEJAVU, tmp_path / "fonts" / "DejaVuSans.ttf")
    real_which = shutil.which
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None if name == "fc-match" else real_which(name))
    monkeypatch.setattr(fonts, "font_folders", lambda: [tmp_path / "fonts"])
    dejavu = fonts.face(WIDE_FONT)
    assert (dejavu.kind, Path(dejavu.path)) == (fonts.EXACT, tmp_path / "fonts" / "DejaVuSans.ttf")
    assert fonts.face(WIDE_FONT, bold=True).path == dejavu.path  # no bold file: the regular one
    calibri = fonts.face("Calibri")  # neither Calibri nor Carlito there: the built-in widths
    assert (calibri.path, calibri.kind, calibri.family) == (None, fonts.TWIN, "Carlito")
    assert calibri.width_em("Vraag") == pytest.approx(fonts.face.__wrapped__("Carlito").width_em("Vraag"))
    assert not fonts.face(UNKNOWN_FONT).measurable


def quiet_workspace(root: Path) -> Path:
    """The proef workspace without its warnings (a missing perspective, an evaluation form
    that no programme block hands out)."""
    write_workspace(root)
    path = root / "projecten/proef.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "verplichte_perspectieven: []\n", encoding="utf-8")
    path = root / "werkvormen/kaarten.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - titel: Afsluiting\n    duur: 10\n"
                    "    evaluatie: ja\n", encoding="utf-8")
    return root


def fitting_words(root: Path, reference=None) -> int:
    """The most words of SENTENCE (repeated) that card 05 of kaarttest holds at 10 pt."""
    ws = check_workspace(root).workspace
    ctx = plan_kit(ws, ws.get("kit", "proef-kaarten"), Texts(root), reference)
    card = next(c for c in cards.card_files(ctx)[0].cards if c.id.endswith("· 05"))
    styles, grid = ctx.reference.styles, cardgrid.grid_for("a7")
    n = 1
    while cardfit.overflow_mm(styles, dataclasses.replace(card, text=text(n + 1)), grid, 10)[0] <= 0:
        n += 1
    return n


def text(words: int) -> str:
    return " ".join((SENTENCE * 20)[:words]) + "."


def test_check_catches_the_card_a_wide_house_style_would_clip(tmp_path):
    root = quiet_workspace(tmp_path)
    words = fitting_words(root)
    write(root, CASUS_FILE, casus_yaml(signal=text(words)))
    assert not check_project(root).diagnostics  # fits in the shipped house style (Carlito)
    use(root, "proef", wide(root / "huisstijl" / "breed.docx"))
    [problem] = check_project(root).diagnostics  # DejaVu Sans: about a quarter wider
    assert problem.code == "kaart-te-vol" and problem.is_error
    assert problem.message.startswith("kaart proef-kaarten · kaarttest · 05 (Signaal) past niet: "
                                      "de tekst is ")
    assert problem.notes[1] == "gemeten met lettertype DejaVu Sans, 10 pt"
    # the font made it too long, not the writer: the facilitator can allow smaller card text
    assert problem.hint.endswith(", of laat de kaarttekst kleiner worden: zet onder standaard in het "
                                 "project 'kaarttekst_min_pt: 9' (nu 10 pt).")
    assert fitting_words(root, word.open_reference(root / "huisstijl" / "breed.docx")) < words
    project = root / "projecten/proef.yaml"
    text_ = project.read_text(encoding="utf-8")
    project.write_text(text_.replace("\nstandaard:\n", "\nstandaard:\n  kaarttekst_min_pt: 9\n", 1)
                       if "\nstandaard:\n" in text_ else text_ + "standaard:\n  kaarttekst_min_pt: 9\n",
                       encoding="utf-8")
    assert not check_project(root).diagnostics  # the advice works


def test_an_unknown_font_is_a_warning_naming_style_font_and_what_to_install(tmp_path):
    root = quiet_workspace(tmp_path)
    use(root, "proef", unknown(root / "huisstijl" / "onbekend.docx"))
    [problem] = check_project(root).diagnostics
    guess = fonts.face(UNKNOWN_FONT).family
    assert (problem.code, problem.severity) == ("lettertype-onbekend", "waarschuwing")
    assert problem.message == (f"lettertype {UNKNOWN_FONT} uit de huisstijl huisstijl/onbekend.docx "
                               "staat niet op deze computer: casuskit kan kaarten, naambordjes en "
                               "tabellen in die letter niet precies meten")
    text = (root / "projecten/proef.yaml").read_text(encoding="utf-8")
    line = text[:text.index("huisstijl:")].count("\n") + 1
    assert (problem.location.file, problem.location.line) == ("projecten/proef.yaml", line)
    assert problem.notes[0].startswith("stijlen: Normal, ")
    assert problem.notes[0].endswith(" andere") and "Kaart Tekst" not in problem.notes[0]
    assert problem.notes[1] == (f"nu gemeten met {guess} (in plaats van {UNKNOWN_FONT}, niet "
                                "maatgelijk); tekst die past volgens `casuskit check` kan in Word "
                                "toch afgekapt worden")
    assert problem.hint.startswith(f"Installeer {UNKNOWN_FONT} op deze computer (zet het "
                                   "lettertypebestand (.ttf of .otf) in ~/.local/share/fonts")
    result = run(root, "check")
    assert result.exit_code == 0 and "waarschuwing[lettertype-onbekend]" in result.output
    strict = run(root, "check", "--streng")
    assert strict.exit_code == 1 and "Met --streng tellen waarschuwingen als fouten." in strict.output


def test_the_hint_names_the_package_of_a_known_font_or_its_twin():
    from casuskit.fontcheck import install_hint
    assert "`sudo apt-get install fonts-crosextra-carlito`" in install_hint("Calibri")
    assert install_hint("Calibri").startswith("Installeer Calibri of het maatgelijke Carlito")
    assert "`sudo apt-get install ttf-mscorefonts-installer`" in install_hint("Verdana")
