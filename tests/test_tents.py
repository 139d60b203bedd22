"""Name tents are measured like cards: a long name shrinks to fit its face, never breaks
mid-word; one that fits at no size is a located error."""

from __future__ import annotations


import docx
import pytest

from casuskit import metrics, tentfit, word
from casuskit.render import nametents

from conftest import run

KIT = "hhw-noord-ronde-1"
LIST = f"deelnemers/{KIT}.csv"
LONG_NAME = "Anne-Marijke Wilhelmina van der Schuldhulpverleningsbureaumedewerkster"


def add_person(root, line: str) -> int:
    path = root / LIST
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return text.rstrip("\n").count("\n") + 2  # the new row's line


def test_a_long_name_gets_smaller_on_its_face_and_no_word_breaks(listed):
    add_person(listed, f"{LONG_NAME},Stichting Schuldhulp,schuldhulpverlener,,")
    assert run(listed, "build", KIT).exit_code == 0
    document = docx.Document(listed / "output/heerhugowaard/noord/ronde-1/naambordjes.docx")
    styles = word.open_reference().styles
    look = styles.look("Naambordje Naam")
    sizes = {}
    for table in document.tables:
        for paragraph in table.rows[0].cells[0].paragraphs:
            if paragraph.style.name == "Naambordje Naam":
                run_size = paragraph.runs[0].font.size
                sizes[paragraph.text] = run_size.pt if run_size else look.size
    assert sizes[LONG_NAME] < look.size  # smaller than the style's 44 pt ...
    assert all(size == look.size for name, size in sizes.items() if name != LONG_NAME)
    line = nametents.LENGTH_MM - 2 * styles.table_cell_margins_mm("Kaartraster", ("top", "bottom"))[0]
    longest = metrics.longest_word_mm(LONG_NAME, sizes[LONG_NAME], look.bold, look.font)
    assert longest < line  # ... so that its longest word fits a line


def test_a_name_that_fits_at_no_size_is_naambordje_te_vol_at_its_row(listed):
    line = add_person(listed, f"{'Schuldhulpverlening' * 8},Stichting,schuldhulpverlener,,")
    result = run(listed, "build", KIT)
    assert result.exit_code == 1
    assert (f"fout[naambordje-te-vol]: het naambordje van {'Schuldhulpverlening' * 8} past niet: "
            "de naam, organisatie of rol is te lang voor het bordje\n"
            f"  --> {LIST}:{line}:1\n") in result.output


def test_face_sizes_shrink_all_three_texts_alike():
    styles = word.open_reference().styles
    roomy = tentfit.face_sizes(styles, "Jan", "Politie", "Rolband 1", "Wijkagent", "Naambordje Rol",
                               250, 89)
    assert roomy == tentfit.Face(None, None, None)  # the styles' own sizes
    tight = tentfit.face_sizes(styles, LONG_NAME, "Stichting", "Rolband 1", "Wijkagent",
                               "Naambordje Rol", 250, 89)
    assert tight is not None and tight.name < 44
    assert tight.organisation / 22 == pytest.approx(tight.name / 44)


def test_a_guest_whose_tent_fits_at_no_size_is_naambordje_te_vol_at_the_kit(ws):
    kit = ws / "kits/heerhugowaard/noord-ronde-1.yaml"
    text = kit.read_text(encoding="utf-8")
    kit.write_text(text.replace("  - naam: Gerda Schipper\n", f"  - naam: {'Buurtbewoonster' * 9}\n"),
                   encoding="utf-8")
    line = text[:text.index("  - naam: Gerda Schipper")].count("\n") + 1
    result = run(ws, "build", KIT)  # no participant list: only the guest has a tent
    assert result.exit_code == 1
    assert (f"fout[naambordje-te-vol]: het naambordje van {'Buurtbewoonster' * 9} past niet: "
            "de naam, organisatie of rol is te lang voor het bordje\n"
            f"  --> kits/heerhugowaard/noord-ronde-1.yaml:{line}:5\n") in result.output
    assert "Kort de organisatie of de functie bij de gasten in de kit in" in result.output
    assert "Traceback" not in result.output
