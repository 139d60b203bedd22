"""Tests for the draaiboek (facilitator guide): content, timing, copies, fixed texts.

The kit and its werkvorm are pinned below (the example files may grow); what depends on the
example casussen is computed from the kit context rather than written out. Styles, OOXML and
reproducibility are tested in ``test_draaiboek_docx.py`` with the fixtures defined here.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from casuskit.cardset import cards_for
from casuskit.check import check_workspace
from casuskit.model import professions
from casuskit.model.werkvorm import CARD_CATEGORIES
from casuskit.render import draaiboek
from casuskit.plan import plan_kit
from casuskit.render.registry import prepare
from casuskit.render.draaiboek_parts import phase_offsets
from casuskit.render.prose import paragraphs as paragraphs_of
from casuskit.textrender import Texts

from conftest import INPUT_FOLDERS, REPO, write

KIT = "hhw-noord-ronde-2"
KIT_FILE = "kits/heerhugowaard/noord-ronde-2.yaml"
WERKVORM_FILE = "werkvormen/kleine-groepen.yaml"
WERKVORM = """\
id: kleine-groepen
naam: Kleine groepen, fictieve casuïstiek
doel: |
  Professionals ontdekken aan de hand van een fictieve casus wat ze van elkaar weten, wat ze
  mogen delen en waar ze samen eerder kunnen ingrijpen.
documenten: [draaiboek, hand-out, gesprekskaarten]
blokken:
  - titel: Welkom en kennismaking
    duur: 15
    doe:
      - Zet de tafels in groepjes van zes, met op elke tafel de hand-outs omgekeerd.
    zeg:
      - Vanavond oefenen we met een verzonnen situatie, zodat we vrijuit kunnen praten.
    let_op:
      - Zorg dat aan elke tafel verschillende organisaties zitten.
  - titel: Casus in kleine groepen
    duur: 45
    per_casus: ja
    doe:
      - Deel de hand-out uit en leg de vraagkaarten open op tafel.
    materialen:
      - hand-outs, één per deelnemer
      - gesprekskaarten, één set per tafel
  - titel: Plenaire terugkoppeling
    duur: 20
    doe:
      - Vraag elke tafel om één ontdekking en één afspraak.
evaluatie:
  - Wat weet u nu over de andere professionals dat u eerst niet wist?
  - Met wie gaat u de komende maand contact opnemen?
"""
# The files this kit is made of; other example files may change while these tests stand.
KIT_FILES = {KIT_FILE, WERKVORM_FILE, "buurten/noord.yaml",
             "casussen/algemeen/stille-buurman.yaml", "casussen/noord/druk-gezin.yaml"}


def kit_yaml(**changes: str | None) -> str:
    fields = {"id": KIT, "project": "heerhugowaard", "buurt": "noord", "ronde": "2",
              "werkvorm": "kleine-groepen", "datum": "2016-11-08", "starttijd": "19:30",
              "eindtijd": "21:00", "locatie": "Buurthuis De Schakel, grote zaal",
              "gespreksleider": "Marloes de Wit", "deelnemers": "18", "groepen": "3"}
    fields.update(changes)
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "\n".join(lines + ["casussen:", "  - stille-buurman", "  - druk-gezin", ""])


def pin(root: Path, werkvorm: str = WERKVORM, **kit_changes: str | None) -> Path:
    """Write the pinned werkvorm and kit (with ``kit_changes``) into a scratch workspace."""
    write(root, WERKVORM_FILE, werkvorm)
    write(root, KIT_FILE, kit_yaml(**kit_changes))
    return root


def context(root: Path):
    result = check_workspace(root)
    errors = [d for d in result.errors if d.location and d.location.file in KIT_FILES]
    assert not errors, [d.message for d in errors]
    ws = result.workspace
    return prepare(plan_kit(ws, ws.get("kit", KIT), Texts(ws.root)))


def render(root: Path) -> bytes:
    [(name, data)] = draaiboek.render(context(root))
    assert name == "draaiboek.docx"
    return data


def part(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def body_text(document) -> str:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def table_starting_with(document, first_header: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == first_header)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("draaiboek")
    for folder in INPUT_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    return pin(root)


@pytest.fixture(scope="module")
def ctx(root):
    return context(root)


@pytest.fixture(scope="module")
def data(root) -> bytes:
    return render(root)


@pytest.fixture(scope="module")
def doc(data):
    return docx.Document(io.BytesIO(data))


# -- content --------------------------------------------------------------------

def test_cover(doc, ctx):
    title, subtitle = doc.paragraphs[:2]
    assert (title.text, title.style.name) == ("Draaiboek", "Title")
    assert subtitle.style.name == "Subtitle"
    assert subtitle.text == "Kleine groepen, fictieve casuïstiek"
    facts = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows[1:]}
    assert facts == {
        "Buurt": ctx.buurt.name, "Ronde": "ronde 2",
        "Werkvorm": "Kleine groepen, fictieve casuïstiek", "Datum": "dinsdag 8 november 2016",
        "Tijd": "19:30–21:00", "Locatie": "Buurthuis De Schakel, grote zaal",
        "Gespreksleider": "Marloes de Wit", "Deelnemers": "18", "Groepen": "3"}
    text = body_text(doc)
    assert "wat ze mogen delen en waar ze samen eerder kunnen ingrijpen" in text  # werkvorm doel
    first = ctx.casussen[0].title
    assert f"Casus 1 · {first}: groep 1 en 3" in text


def test_programme_clock_times(doc):
    heading = next(p for p in doc.paragraphs if p.text == "Programma")
    assert heading.style.name == "Heading 1"
    assert heading.paragraph_format.page_break_before  # the cover ends with a page break
    table = table_starting_with(doc, "Tijd")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Tijd", "Onderdeel", "Duur"],
        ["19:30–19:45", "Welkom en kennismaking", "15 min"],
        ["19:45–20:30", "Casus in kleine groepen", "45 min"],
        ["20:30–20:50", "Plenaire terugkoppeling", "20 min"],
        ["20:50", "Einde", "totaal 80 min"],
    ]
    text = body_text(doc)
    assert "Het programma begint om 19:30 en is om 20:50 afgelopen." in text
    assert "De geplande eindtijd is 21:00; dat geeft 10 minuten ruimte voor uitloop." in text


def test_tables_repeat_header_and_rows_do_not_split(doc):
    programme = table_starting_with(doc, "Tijd")
    assert programme.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    for table in doc.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
        for row in table.rows:
            assert row._tr.xpath("./w:trPr/w:cantSplit"), row.cells[0].text


def test_blocks_have_timed_headings_and_lead_words(doc, ctx):
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert ["19:30 · Welkom en kennismaking (15 min)", "19:45 · Casus in kleine groepen (45 min)",
            "20:30 · Plenaire terugkoppeling (20 min)"] == [h for h in headings if " · " in h
                                                             and h[:2].isdigit()]
    leads = {"DOE": "Doe:", "ZEG": "Zeg:", "Let op": "Let op:"}
    found = {name: 0 for name in leads}
    for paragraph in doc.paragraphs:
        if paragraph.style.name in leads:
            first = paragraph.runs[0]
            assert first.text == leads[paragraph.style.name]
            assert first.style.name == "Strong"
            found[paragraph.style.name] += 1
    assert all(found.values()), found
    text = body_text(doc)
    assert "Doe: Zet de tafels in groepjes van zes" in text
    for number, casus in enumerate(ctx.casussen, start=1):  # the per_casus block
        groups = " en ".join(str(g) for g in ctx.groups_for(casus.id))
        assert f"Groep {groups}: Casus {number} · {casus.title}" in text


def test_casus_chapters(doc, ctx):
    chapters = [p for p in doc.paragraphs if p.style.name == "Heading 1"
                and p.text.startswith("Casus ")]
    assert [p.text for p in chapters] == [f"Casus {n} · {c.title}"
                                          for n, c in enumerate(ctx.casussen, start=1)]
    # a chapter follows on: a page break would leave the end of the one before on a page alone
    assert not any(p.paragraph_format.page_break_before for p in chapters)
    text = body_text(doc)
    assert "Groep 1 en 3 bespreken deze casus, samen ongeveer 12 deelnemers." in text
    assert "Groep 2 bespreekt deze casus, met ongeveer 6 deelnemers." in text
    assert not [p.text for p in doc.paragraphs if "\n" in p.text]  # YAML lines re-flowed
    for casus in ctx.casussen:
        assert paragraphs_of(casus.summary)[0] in text


def test_phase_cards_are_timed_over_the_casus_block(doc, ctx):
    text = body_text(doc)
    block_start = dt.datetime(2016, 11, 8, 19, 45)  # the per_casus block: 45 minutes
    for casus in ctx.casussen:
        numbers = [card.id.rsplit(" · ", 1)[1] for card in
                   cards_for(ctx.kit.id, casus, list(CARD_CATEGORIES)) if card.category == "fase"]
        assert len(numbers) == len(casus.phases)
        for number, minutes in zip(numbers, phase_offsets(45, len(casus.phases))):
            at = block_start + dt.timedelta(minutes=minutes)
            assert (f"Doe: Deel kaart {number} uit na ongeveer {minutes} minuten, "
                    f"rond {at:%H:%M}.") in text
    card_table = table_starting_with(doc, "Kaarten")
    assert card_table.rows[1].cells[0].text == "Vraagkaarten"
    assert card_table.rows[1].cells[1].text.startswith("01")


def test_facilitator_only_content(doc, ctx):
    text = body_text(doc)
    for casus in ctx.casussen:
        expected = [*casus.tips, *casus.debrief, *(d.question for d in casus.dilemmas),
                    *(d.explanation for d in casus.dilemmas if d.explanation),
                    *(a for item in casus.actions for a in item.actions),
                    *(professions.label(item.profession) for item in casus.actions),
                    *paragraphs_of(casus.goal or "")]
        assert expected
        for item in expected:
            assert " ".join(item.split()) in text, item
    assert "Privacy (AVG)" in text and "Ik mag niet delen:" in text
    assert "{{" not in text and "}}" not in text


def test_materials_checklist_uses_print_list_copies(doc, ctx):
    table = next(t for t in doc.tables if t.rows[0].cells[1].text == "Aantal")
    rows = {row.cells[2].paragraphs[-1].text: (row.cells[0].text, row.cells[1].text)
            for row in table.rows[1:]}
    first, second = (c.id for c in ctx.casussen)
    # the project's reserve (2) comes on top of what each person gets; cards one set per group
    assert rows == {"draaiboek.docx": ("\u2610", "1 ×"),
                    f"hand-out-{first}.docx": ("\u2610", "12 + 2 ×"),
                    f"hand-out-{second}.docx": ("\u2610", "6 + 2 ×"),
                    f"gesprekskaarten-{first}.docx": ("\u2610", "2 ×"),
                    f"gesprekskaarten-{second}.docx": ("\u2610", "1 ×"),
                    "evaluatieformulier.docx": ("\u2610", "18 + 2 ×")}
    text = body_text(doc)
    assert f"Hand-out ‘{ctx.casussen[0].title}’" in text
    assert "\u2610 gesprekskaarten, één set per tafel" in text  # block materials
    assert "Het getal na de + is reserve voor wie onverwacht aanschuift: 2 extra" in text


def test_the_card_overview_says_where_each_kind_is_and_when_it_comes_out(doc):
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Kaarten", "Waar", "Wanneer"])
    rows = {row.cells[0].text: row.cells[2].text for row in table.rows[1:]}
    assert list(rows) == ["Vraagkaarten", "Signaalkaarten", "Dilemmakaarten", "Fasekaarten", "Rolkaarten"]
    assert rows["Signaalkaarten"] == ("Casus in kleine groepen (19:45–20:30): bij de start uitdelen; "
                                      "ieder krijgt de signalen van het eigen beroep.")


def test_evaluation(doc):
    numbered = [p.text for p in doc.paragraphs if p.style.name == "List Number"]
    assert numbered[-2:] == ["Wat weet u nu over de andere professionals dat u eerst niet wist?",
                             "Met wie gaat u de komende maand contact opnemen?"]
    assert "Sluit de bijeenkomst af met het evaluatieformulier" in body_text(doc)


# -- variations on a scratch workspace ------------------------------------------------

def test_without_end_time_the_programme_end_is_used(ws):
    document = docx.Document(io.BytesIO(render(pin(ws, eindtijd=None, starttijd="09:05"))))
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows[1:]}
    assert facts["Tijd"] == "09:05–10:25"
    rows = [[c.text for c in row.cells] for row in table_starting_with(document, "Tijd").rows]
    assert rows[1][0] == "09:05–09:20" and rows[-1][:2] == ["10:25", "Einde"]
    assert "uitloop" not in body_text(document)


def test_project_overrides_labels_and_keeps_the_rest(ws):
    write(ws, "sjablonen/draaiboek-labels.j2", "programma: Tijdschema voor {{ buurt.naam }}\n")
    document = docx.Document(io.BytesIO(render(pin(ws))))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Tijdschema voor " + context(ws).buurt.name in headings
    assert "Verloop per onderdeel" in headings  # not overridden: the shipped label


def test_fewer_groups_and_no_phase_cards(ws):
    werkvorm = WERKVORM.replace("blokken:", "kaarten: [vraag, dilemma]\nblokken:")
    document = docx.Document(io.BytesIO(render(pin(ws, werkvorm, groepen="2",
                                                   deelnemers="10"))))
    text = body_text(document)
    assert "Vertel de groep na ongeveer" in text and "Deel kaart" not in text
    assert "Fasekaarten" not in text
    assert "Groep 1 bespreekt deze casus, met ongeveer 5 deelnemers." in text
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Aantal")
    copies = {row.cells[2].paragraphs[-1].text: row.cells[1].text for row in table.rows[1:]}
    assert copies["gesprekskaarten-stille-buurman.docx"] == "1 ×"  # group 1 only
    assert copies["hand-out-stille-buurman.docx"] == "5 + 2 ×"


# -- helpers ---------------------------------------------------------------------

def test_phase_offsets_spread_evenly():
    assert phase_offsets(45, 2) == [15, 30]
    assert phase_offsets(45, 1) == [20]
    assert phase_offsets(60, 3) == [15, 30, 45]
    assert phase_offsets(10, 3) == [2, 5, 7]
    assert phase_offsets(20, 0) == []


def test_yaml_text_becomes_paragraphs():
    assert paragraphs_of("Een\nzin.\n\n  Tweede alinea. \n") == ["Een zin.", "Tweede alinea."]
    # a line of only spaces separates paragraphs too, and runs of spaces become one
    assert paragraphs_of("Een  zin.\n  \nTwee.\n \n\n") == ["Een zin.", "Twee."]
    assert paragraphs_of("  ") == [] and paragraphs_of("kort") == ["kort"]
