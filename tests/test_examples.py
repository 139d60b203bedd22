"""The shipped examples are the product's default content: pin the kit list and what it proves."""

from __future__ import annotations

import docx

from casuskit.build import build
from casuskit.model import professions
from casuskit.workspace import load_workspace
from conftest import REPO, run, write

EXPECTED_KITS = sorted(
    [f"hhw-{buurt}-ronde-{n}" for buurt in ("noord", "midden", "zuid") for n in (1, 2, 3)]
    + ["osw-appelscha-bedoeling", "osw-haulerwijk-bedoeling", "osw-oosterwolde-straataanpak"])


def test_the_twelve_example_kits_are_all_there():
    assert sorted(load_workspace(REPO).of("kit")) == EXPECTED_KITS


def test_heerhugowaard_rounds_use_their_own_werkvorm_and_casussen():
    ws = load_workspace(REPO)
    for buurt in ("noord", "midden", "zuid"):
        r1, r2, r3 = (ws.get("kit", f"hhw-{buurt}-ronde-{n}") for n in (1, 2, 3))
        assert (r1.werkvorm, r2.werkvorm, r3.werkvorm) == ("bewoner-aan-tafel", "kleine-groepen", "buurtcasus")
        assert len(r2.casussen) >= 3 and all(ws.get("casus", c).is_general for c in r2.casussen)
        assert len(r3.casussen) >= 2
        kinds = set()
        for casus_id in r3.casussen:
            casus = ws.get("casus", casus_id)
            assert casus.neighbourhoods == [buurt]
            present = {professions.key(p.profession) for p in casus.perspectives}
            assert set(professions.CORE_FOUR) <= present
            assert casus.phases and casus.questions
            kinds |= {d.kind for d in casus.dilemmas}
        assert {"privacy", "meldcode", "mandaat"} <= kinds, buurt


def test_seven_role_cards_one_per_profession():
    roles = load_workspace(REPO).of("rol")
    assert len(roles) == 7
    assert len({professions.key(r.model.profession) for r in roles.values()}) == 7


def test_the_seven_role_cards_are_used_in_every_second_round_at_its_welcome():
    ws = load_workspace(REPO)
    roles = sorted(ws.of("rol"))
    for buurt in ("noord", "midden", "zuid"):
        kit = ws.get("kit", f"hhw-{buurt}-ronde-2")
        assert sorted(kit.roles) == roles
        werkvorm = ws.get("werkvorm", kit.werkvorm)
        assert "rolkaarten" in werkvorm.documents
        assert "rolkaarten" in werkvorm.blocks[0].cards  # the welcome: who does what in the buurt


def test_each_meeting_gives_its_evaluation_a_block_of_ten_minutes_or_more():
    ws = load_workspace(REPO)
    for entry in ws.of("werkvorm").values():
        [block] = [b for b in entry.model.blocks if b.evaluation]
        assert block.minutes >= 10, entry.id
    resident = ws.get("werkvorm", "bewoner-aan-tafel").blocks[-1]
    assert resident.evaluation and resident.minutes == 15  # form, a round, thanking the resident
    for kit_id in ("hhw-noord-ronde-1", "hhw-midden-ronde-1", "hhw-zuid-ronde-1"):
        [guest] = ws.get("kit", kit_id).guests
        assert professions.key(guest.role) == "buurtbewoner"


def test_de_bedoeling_and_the_straataanpak_ask_what_they_are_for():
    ws = load_workspace(REPO)
    bedoeling, straat = ws.get("werkvorm", "de-bedoeling"), ws.get("werkvorm", "straataanpak")
    assert {s.key for s in bedoeling.statements} >= {"bedoeling", "dorp"}
    assert {s.key for s in straat.statements} >= {"straat", "eerste-stap"}
    project = ws.get("project", "ooststellingwerf").evaluation
    texts = " ".join(s.text for s in project.statements).lower()
    assert "buurtoverleg" not in texts and "buurt" not in texts.replace("buurtgroep", "")
    [wegen] = bedoeling.card_sets
    assert [c.title for c in wegen.cards] == ["Zichtbaarheid", "Verbinding met bewoners",
                                              "Collectief in plaats van individueel",
                                              "Eigenaarschap bij bewoners", "Lef"]


def test_role_cards_render_on_a6_with_one_card_per_role(ws):
    write(ws, "kits/rw.yaml", """
        id: rw
        project: ooststellingwerf
        buurt: appelscha
        sessie: Rollenwisseling
        werkvorm: rollenwisseling
        datum: 2019-05-14
        starttijd: 09:30
        locatie: Dorpshuis
        gespreksleider: Marieke Postma
        deelnemers: 12
        groepen: 2
        casussen:
          - klaverkamp-trapveld
        """)
    result = run(ws, "check", "kits/rw.yaml")
    assert result.exit_code == 1
    assert "fout[geen-rollen]: de werkvorm `rollenwisseling` gebruikt rolkaarten" in result.output
    roles = sorted(load_workspace(ws).of("rol"))
    path = ws / "kits/rw.yaml"
    path.write_text(path.read_text() + "rollen:\n" + "".join(f"  - {r}\n" for r in roles))
    build(ws, ("rw",))
    doc = docx.Document(ws / "output/ooststellingwerf/appelscha/rollenwisseling/rolkaarten.docx")
    text = "\n".join(c.text for t in doc.tables[::2] for row in t.rows for c in row.cells)
    backs = "\n".join(c.text for t in doc.tables[1::2] for row in t.rows for c in row.cells)
    for role in load_workspace(ws).of("rol").values():
        assert professions.label(role.model.profession) in text
        assert role.model.does.split()[0] in text
        # rollenwisseling draws them blind: the back does not give the profession away
        assert professions.label(role.model.profession) not in backs
    assert len(doc.tables) == 4  # 7 cards at 4 per A6 sheet: 2 fronts and 2 backs


def test_worksheets_are_built_per_step_with_writing_lines(ws):
    build(ws, ("osw-oosterwolde-straataanpak",))
    folder = next((ws / "output/ooststellingwerf/oosterwolde").iterdir())
    sheets = sorted(p.name for p in folder.glob("werkblad-*.docx"))
    werkvorm = load_workspace(ws).get("werkvorm", "straataanpak")
    assert sheets == sorted(f"werkblad-{s.id}.docx" for s in werkvorm.worksheets)
    assert len(sheets) == 5
    doc = docx.Document(folder / sheets[0])
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title" and "Notitieregel" in styles
    printlist = (folder / "printlijst.txt").read_text(encoding="utf-8")
    assert all(name in printlist for name in sheets)
