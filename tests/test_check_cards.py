"""`casuskit check` measures the cards as the build does: kaart-te-vol before building."""

from __future__ import annotations

import io

import docx
import pytest

from casuskit import word
from casuskit.check import check_workspace
from casuskit.errors import BuildFailed
from casuskit.render import cards
from casuskit.plan import plan_kit
from casuskit.textrender import Texts
from casuskit.verify import check_project

from conftest import diagnostics, run, write

CASUS = "casussen/algemeen/stille-buurman.yaml"  # in the three kits of ronde 2, all on a7
SIGNAL = "      - Medicijnen blijven ongeopend liggen.\n"
LONG = " ".join(["Medicijnen blijven ongeopend liggen op de keukentafel naast de post."] * 11)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def overfull(ws) -> None:
    edit(ws / CASUS, SIGNAL, f"      - {LONG}\n")


def card_errors(ws):
    return [d for d in check_project(ws).diagnostics if d.code == "kaart-te-vol"]


def test_check_reports_what_the_build_reports_once_for_all_kits(ws):
    overfull(ws)
    [found] = card_errors(ws)  # three kits print this card: one error
    checked = check_workspace(ws).workspace
    ctx = plan_kit(checked, checked.get("kit", "hhw-midden-ronde-2"), Texts(ws), None)
    with pytest.raises(BuildFailed) as built:
        cards.render(ctx)
    assert built.value.diagnostics == [found]
    result = run(ws, "check")
    assert result.exit_code == 1
    assert ("fout[kaart-te-vol]: kaart hhw-midden-ronde-2 · stille-buurman · 01 (Signaal) past niet: "
            "de tekst is 14 mm te lang\n"
            "  --> casussen/algemeen/stille-buurman.yaml:53:9\n") in result.output
    assert ("  = veld: perspectieven → nr. 1 → signalen → nr. 1; kaartformaat a7 (100 × 70,4 mm)\n"
            "  = gemeten met lettertype Carlito (maatgelijk aan Calibri), 10 pt\n"
            "  = hulp: Kort de tekst in met ongeveer 35 woorden, of kies in de kit "
            "'kaartformaat: a6'.\n\n1 fout in 1 van ") in result.output
    assert result.output.count("kaart-te-vol") == 1
    assert "Traceback" not in result.output
    result = run(ws, "check", "kits")  # the error is in the casus: not asked for here
    assert result.exit_code == 0, result.output


def test_build_stops_at_the_same_single_error(ws, tmp_path):
    overfull(ws)
    result = run(ws, "build", "--uit", str(tmp_path / "uit"))
    assert result.exit_code == 1
    assert result.output.count("fout[kaart-te-vol]") == 1
    assert result.output.rstrip().endswith(
        "Er is niets geschreven; de vorige uitvoer is ongewijzigd.")
    assert not (tmp_path / "uit").exists()


def test_each_card_size_is_reported(ws):
    overfull(ws)
    edit(ws / "kits/heerhugowaard/zuid-ronde-2.yaml", "groepen: 3\n", "groepen: 3\nkaartformaat: a6\n")
    edit(ws / "kits/heerhugowaard/noord-ronde-2.yaml", "groepen: 3\n", "groepen: 3\nkaartformaat: a8\n")
    found = [d for d in card_errors(ws) if d.location.file == CASUS and d.location.line == 53]
    assert [(d.message.split(" (")[0], d.notes[0].split("; ")[1]) for d in found] == [
        ("kaart hhw-midden-ronde-2 · stille-buurman · 01", "kaartformaat a7 (100 × 70,4 mm)"),
        ("kaart hhw-noord-ronde-2 · stille-buurman · 01", "kaartformaat a8 (49,5 × 70,4 mm)")]  # a6 fits


def test_role_cards_are_measured_on_a6(ws):
    write(ws, "kits/rollen.yaml", """
        id: rollen-proef
        project: heerhugowaard
        buurt: noord
        sessie: Rollenwisseling
        werkvorm: rollenwisseling
        datum: 2016-12-06
        starttijd: 09:30
        locatie: Buurthuis De Schakel
        gespreksleider: Marloes de Wit
        deelnemers: 14
        groepen: 2
        casussen: [druk-gezin]
        rollen: [wmo-consulent, wijkagent]
        """)
    assert not [d for d in diagnostics(ws) if d[2].startswith("kits/rollen.yaml")]
    role = ws / "rollen/wmo-consulent.yaml"
    edit(role, "  naar eigen kracht en netwerk, daarna naar voorzieningen.\n",
         f"  {LONG}\n")
    # the ronde 2 kits print all seven role cards too: reported once, for the first kit
    assert diagnostics(ws, errors_only=True) == [(
        "kaart-te-vol", "kaart hhw-midden-ronde-2 · rol · 06 (Rol) past niet: de tekst is 8 mm te lang",
        "rollen/wmo-consulent.yaml:6:7")]
    [found] = card_errors(ws)
    assert found.notes == ("veld: doet; kaartformaat a6 (100 × 140,8 mm)",
                           "gemeten met lettertype Carlito (maatgelijk aan Calibri), 10 pt")


def test_werkvorm_question_cards_are_measured(ws):
    edit(ws / "werkvormen/kleine-groepen.yaml", "  - Wie neemt de regie, en hoe weten de anderen dat?\n",
         f"  - {LONG}\n")
    assert [(d.message.split(" (")[0], d.location.file, d.notes) for d in card_errors(ws)] == [
        ("kaart hhw-midden-ronde-2 · kleine-groepen · 03", "werkvormen/kleine-groepen.yaml",
         ("veld: vraagkaarten → nr. 3 van werkvorm kleine-groepen; kaartformaat a7 (100 × 70,4 mm)",
          "gemeten met lettertype Carlito (maatgelijk aan Calibri), 10 pt"))]


def test_the_projects_house_style_is_measured(ws):
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    reference.styles["Kaart Tekst"].font.size = docx.shared.Pt(28)
    (ws / "huisstijl").mkdir()
    reference.save(ws / "huisstijl/groot.docx")
    edit(ws / "projecten/ooststellingwerf.yaml", "standaard:", "huisstijl: huisstijl/groot.docx\nstandaard:")
    kits = {d.message.split(" · ")[0] for d in card_errors(ws)}
    assert kits == {"kaart osw-appelscha-bedoeling", "kaart osw-oosterwolde-straataanpak"}
    # de bedoeling prints the same question cards in Haulerwijk: reported for Appelscha only


def test_kits_with_errors_are_not_measured(ws):
    kit = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    edit(kit, "groepen: 3\n", "groepen: 3\nkaartformaat: a8\n")
    assert {d[0] for d in diagnostics(ws, errors_only=True)} == {"kaart-te-vol"}
    edit(kit, "- stille-buurman", "- stille-buurmam")
    assert diagnostics(ws, errors_only=True) == [
        ("onbekende-verwijzing", "er is geen casus met de id `stille-buurmam`",
         "kits/heerhugowaard/noord-ronde-2.yaml:16:5")]


def test_unusable_house_style_or_a_kit_only_variable_never_crash_check(ws):
    write(ws, "huisstijl/kapot.docx", b"geen zip")
    edit(ws / "projecten/heerhugowaard.yaml", "standaard:", "huisstijl: huisstijl/kapot.docx\nstandaard:")
    edit(ws / CASUS, "titel: De stille buurman", "titel: De stille buurman {{ kit.locatie[32] }}")
    result = run(ws, "check")  # index 32 exists in some kits' locatie only: a variabele error
    assert result.exit_code == 1, result.output
    assert {d[0] for d in diagnostics(ws, errors_only=True)} == {"variabele", "huisstijl-onbruikbaar"}
    assert "Traceback" not in result.output and "casuskit zelf" not in result.output
