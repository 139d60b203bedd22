"""Proofreading the built examples: every document read as a facilitator reads it, findings at zero.

The proofreader (tests/proofread.py) reads each .docx (body with tables, headers and footers)
and printlijst.txt of the examples, and looks for doubled labels, u and je in one document (or
the other form than the project's), raw template syntax, words from code, scaffold text left
in, and "Gemeente X" without its article. The second half proves it finds each of those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casuskit import word
from conftest import REPO, run, write
from proofread import findings, paragraphs, proofread

FORMS = {"heerhugowaard": "u", "ooststellingwerf": "je"}


def test_the_projects_say_which_form_they_use():
    from casuskit.yamlload import load
    for project, form in FORMS.items():
        doc, _ = load(REPO / "projecten" / f"{project}.yaml", f"projecten/{project}.yaml")
        assert doc.data["aanspreekvorm"] == form


def test_every_document_of_the_examples_reads_clean(built_examples):
    assert proofread(built_examples / "output", FORMS) == []


def test_every_document_kind_was_read(built_examples):
    output = built_examples / "output"
    read = {path.name.split("-")[0].removesuffix(".docx").removesuffix(".txt")
            for path in output.rglob("*") if path.suffix in (".docx", ".txt") and paragraphs(path)}
    assert read == {"draaiboek", "hand", "werkblad", "gesprekskaarten", "kalibratie",
                    "evaluatieformulier", "tafelkaarten", "naambordjes", "presentielijst",
                    "printlijst", "evaluatie", "rolkaarten"}


def test_the_examples_speak_in_their_projects_form(built_examples):
    from casuskit.addressform import forms_in
    output = built_examples / "output"
    hand_out = output / "heerhugowaard/noord/ronde-2/hand-out-stille-buurman.docx"
    worksheet = output / "ooststellingwerf/appelscha/de-bedoeling/werkblad-mijn-bedoeling.docx"
    assert forms_in("\n".join(paragraphs(hand_out))) == {"u"}
    assert forms_in("\n".join(paragraphs(worksheet))) == {"je"}
    draaiboek = paragraphs(output / "ooststellingwerf/appelscha/de-bedoeling/draaiboek.docx")
    assert draaiboek[2].startswith("Dit draaiboek is voor jou als gespreksleider")


# -- the proofreader finds what it looks for -------------------------------------------------

def _document(path: Path, body: list[str], header: str = "", table: list[str] = ()) -> Path:
    doc = word.Document()
    doc.header(header)
    for text in body:
        doc.paragraph(text)
    if table:
        doc.add(word.Table([80, 90], [word.Row([word.Cell([word.Paragraph("Normal", [word.Run(t)])])
                                               for t in table])]))
    path.write_bytes(doc.to_bytes())
    return path


@pytest.mark.parametrize("text,what", [
    ("De bedoeling · Appelscha · De bedoeling · dinsdag 13 november 2018", "dubbel label"),
    ("Dilemma · dilemma", "dubbel label"),
    ("Let op: Let op afspraken die voor alle casussen gelden.", "dubbel label"),
    ("Vraag wie wie belt.", "dubbel label"),
    ("Welkom {{ buurt.naam }}", "sjabloontekst"),
    ("Locatie: None", "woord uit de code"),
    ("Signal · Wijkagent", "woord uit de code"),
    ("Zie mag_delen in de casus.", "veldnaam"),
    ("Titel van de casus", "voorbeeldtekst"),
    ("Uw antwoorden helpen Gemeente Heerhugowaard om te kiezen.", "gemeente zonder lidwoord"),
])
def test_each_kind_of_slip_is_found(tmp_path, text, what):
    path = _document(tmp_path / "proef.docx", ["Een gewone zin.", text])
    assert [(w, t) for _, w, t in findings(path, None)] == [(what, text)]


def test_a_value_said_twice_in_a_table_of_facts_is_found(tmp_path):
    path = _document(tmp_path / "feiten.docx", ["Gegevens"], table=["Bijeenkomst", "De bedoeling"])
    doc = word.Document()
    rows = [["Gegevens", ""], ["Bijeenkomst", "De bedoeling"], ["Werkvorm", "De bedoeling"],
            ["Deelnemers", "10"], ["Groepen", "10"]]
    doc.add(word.Table([80, 90], [word.Row([word.Cell([word.Paragraph("Normal", [word.Run(t)])])
                                            for t in row]) for row in rows]))
    path.write_bytes(doc.to_bytes())
    assert findings(path, None) == [("feiten.docx", "dubbel label", "De bedoeling")]


def test_both_forms_in_one_document_are_found_in_headers_and_tables_too(tmp_path):
    path = _document(tmp_path / "proef.docx", ["Wat ziet u?"], table=["Naam", "Wat zie je?"])
    assert findings(path, "u") == [("proef.docx", "u en je in één document", "Wat zie je?")]
    path = _document(tmp_path / "kop.docx", ["Wat ziet u?"], header="Jouw buurt · ronde 2")
    assert findings(path, "u") == [("kop.docx", "u en je in één document", "Jouw buurt · ronde 2")]


def test_the_other_form_than_the_projects_is_found_and_quotes_are_not(tmp_path):
    path = _document(tmp_path / "proef.docx", ["Wat zie je?", "De buurvrouw zegt: ‘Kunt u helpen?’"])
    assert findings(path, "je") == []
    assert findings(path, "u") == [("proef.docx", "aanspreekvorm je, project zegt u", "Wat zie je?")]


def test_a_role_card_kit_reads_clean_and_names_its_place(ws, tmp_path):
    """Role cards (no shipped kit prints them): first person, the buurt's own place word."""
    write(ws, "kits/heerhugowaard/noord-rollen.yaml", """
        id: hhw-noord-rollen
        project: heerhugowaard
        buurt: noord
        sessie: Rollenwisseling
        werkvorm: rollenwisseling
        datum: 2016-12-06
        starttijd: "09:30"
        locatie: Buurthuis De Schakel
        gespreksleider: Marloes de Wit
        deelnemers: 8
        groepen: 1
        casussen: [stille-buurman]
        rollen: [wijkagent, wijkverpleegkundige, opbouwwerker, jeugd-en-gezinscoach]
        """)
    assert run(ws, "build", "hhw-noord-rollen").exit_code == 0
    output = ws / "output"
    assert proofread(output, FORMS) == []
    cards = paragraphs(output / "heerhugowaard/noord/rollenwisseling/rolkaarten.docx")
    assert "Mijn werk: Ik ben het vaste gezicht van de politie in de buurt. Ik handel meldingen af, " \
           "maar investeer vooral in contact, zodat problemen niet uit de hand lopen." in cards
    assert not any(" hij " in text or " hem " in text for text in cards)


def test_a_role_in_a_village_says_dorp(ws):
    from casuskit.plan import plan_kit
    from casuskit.textrender import Texts
    from casuskit.workspace import load_workspace
    kit = ws / "kits/ooststellingwerf/appelscha-bedoeling.yaml"
    kit.write_text(kit.read_text(encoding="utf-8") + "rollen: [wijkagent, opbouwwerker]\n",
                   encoding="utf-8")
    workspace = load_workspace(ws)
    ctx = plan_kit(workspace, workspace.get("kit", "osw-appelscha-bedoeling"), Texts(ws))
    assert ctx.roles[0].does.startswith("Ik ben het vaste gezicht van de politie in het dorp.")
    assert ctx.roles[1].does.startswith("Ik werk met bewoners aan hun straat en hun dorp.")
