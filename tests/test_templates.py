"""Project overrides of the fixed texts (sjablonen/): used, merged, and checked in Dutch."""

from __future__ import annotations

import docx

from casuskit.build import build
from conftest import run, write

KIT_DIR = "output/heerhugowaard/noord/ronde-2"


def test_a_broken_override_is_a_dutch_error_not_a_crash(ws):
    write(ws, "sjablonen/hand-out-intro.j2", "Welkom in {{ buurt.nam }}!\n")
    result = run(ws, "build", "hhw-noord-ronde-2")
    assert result.exit_code == 1
    assert "fout: het sjabloon sjablonen/hand-out-intro.j2, regel 1 klopt niet: onbekende variabele `nam`" \
        in result.output
    write(ws, "sjablonen/hand-out-intro.j2", "Welkom in {{ buurt.naam }!\n")
    result = run(ws, "check")
    assert "fout[sjabloon]: het sjabloon klopt niet: er mist een sluitend }}" in result.output
    assert "--> sjablonen/hand-out-intro.j2:1:1" in result.output


def test_a_failing_calculation_in_an_override_is_a_dutch_error(ws):
    write(ws, "sjablonen/hand-out-intro.j2", "Welkom in {{ buurt.naam }}!\nTafel {{ 1 / 0 }}.\n")
    result = run(ws, "build", "hhw-noord-ronde-2")
    assert result.exit_code == 1
    assert ("fout: het sjabloon sjablonen/hand-out-intro.j2, regel 2 klopt niet: een berekening erin "
            "gaat mis\nhulp: Gebruik alleen variabelen, zonder te rekenen; vergelijk met het origineel "
            "in casuskit (templates/teksten/hand-out-intro.j2).") in result.output
    assert not (ws / KIT_DIR).exists()


def test_a_partial_labels_override_keeps_the_other_headings(ws):
    write(ws, "sjablonen/hand-out-labels.j2", "vragen: Vragen om te bespreken\n")
    build(ws, ("hhw-noord-ronde-2",))
    doc = docx.Document(ws / KIT_DIR / "hand-out-stille-buurman.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Situatie", "Wie spelen een rol?", "Vragen om te bespreken", "Aantekeningen"]
