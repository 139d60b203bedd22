"""What the room gets, read from the built examples: card sets per group, sheets filled, everyone
in the room on the logistics, role colours that are a key, the countable comparison question.

The expectations are computed from the example files (kits, werkvormen, casussen, lists), not
written out, so they hold while the examples grow.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import docx
import pytest

from casuskit import participants, rolecolours
from casuskit.cardgrid import grid_for
from casuskit.cardset import cards_for, werkvorm_sets
from casuskit.workspace import load_workspace


@pytest.fixture(scope="module")
def examples(built_examples):
    return built_examples, load_workspace(built_examples)


def kit_folder(root: Path, kit) -> Path:
    last = f"ronde-{kit.round}" if kit.round is not None else \
        re.sub(r"[^a-z0-9]+", "-", kit.session.lower()).strip("-")
    return root / "output" / kit.project / kit.neighbourhood / last


def copies(folder: Path) -> dict[str, int]:
    """File → copies (reserve included) from printlijst.txt."""
    found = {}
    for line in (folder / "printlijst.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\S+\.docx)\s+(\d+)(?: \+ (\d+))? ×", line)
        if match:
            found[match.group(1)] = int(match.group(2)) + int(match.group(3) or 0)
    return found


def fronts(path: Path) -> list[list[str]]:
    """The card ids on each front sheet of a card document (backs follow every front)."""
    tables = docx.Document(path).tables[::2]
    return [[p.text for row in t.rows for c in row.cells for p in c.paragraphs
             if p.style.name == "Kaart Id"] for t in tables]


def card_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("gesprekskaarten*.docx"))


def test_card_copies_per_kit_equal_the_cards_the_groups_need(examples):
    root, ws = examples
    checked = 0
    for entry in ws.of("kit").values():
        kit = entry.model
        werkvorm = ws.get("werkvorm", kit.werkvorm)
        if "gesprekskaarten" not in werkvorm.documents:
            continue
        own = [c.id for s in werkvorm_sets(kit.id, werkvorm) for c in s.cards]
        need: dict[str, int] = {}  # card id → sets the groups need
        for group in range(kit.groups):
            casus_ids = kit.casussen
            ids = own if not casus_ids else [
                c.id for c in cards_for(kit.id, ws.get("casus", casus_ids[group % len(casus_ids)]),
                                        werkvorm.card_categories)] + own
            for card in ids:
                need[card] = need.get(card, 0) + 1
        folder = kit_folder(root, kit)
        printed: dict[str, int] = {}
        for path in card_files(folder):
            for sheet in fronts(path):
                for card in sheet:
                    printed[card] = printed.get(card, 0) + copies(folder)[path.name]
        assert printed == need, kit.id
        checked += 1
    assert checked >= 9


def test_no_card_sheet_is_left_half_empty_where_cards_could_share_it(examples):
    root, ws = examples
    files = [p for e in ws.of("kit").values() for p in card_files(kit_folder(root, e.model))]
    files += sorted((root / "output").rglob("rolkaarten.docx"))
    assert len(files) >= 15
    for path in files:
        per_sheet = grid_for("a6" if path.name == "rolkaarten.docx" else "a7").per_sheet
        counts = [len(sheet) for sheet in fronts(path)]
        # every sheet full but the last: a file's cards run on without starting a new sheet
        assert counts[:-1] == [per_sheet] * (len(counts) - 1), path
        assert len(counts) == math.ceil(sum(counts) / per_sheet), path


def seating_tables(path: Path):
    """The "who sits here" tables of a table-sheet document."""
    return [t for t in docx.Document(path).tables if t.rows[0].cells[0].text == "Naam"]


def people_in(path: Path) -> list[str]:
    return [row.cells[0].text.removesuffix(" (gast)") for t in seating_tables(path) for row in t.rows[1:]]


def tent_names(path: Path) -> list[str]:
    return [t.rows[0].cells[0].paragraphs[0].text for t in docx.Document(path).tables
            if t.rows[0].cells[0].paragraphs[0].text.strip()]


def test_everyone_in_the_room_has_a_tent_and_a_place_and_who_cancelled_has_none(examples):
    root, ws = examples
    listed_kits = [e.model for e in ws.of("kit").values()
                   if participants.path_for(root, e.model.id).is_file()]
    assert len(listed_kits) >= 2
    cancelled_somewhere = False
    for kit in listed_kits:
        listed, _ = participants.load(root, kit.id)
        coming = sorted([p.name for p in listed.people if not p.cancelled] + [g.name for g in kit.guests])
        gone = [p.name for p in listed.people if p.cancelled]
        cancelled_somewhere |= bool(gone)
        folder = kit_folder(root, kit)
        table_sheets = [n for n in people_in(folder / "tafelkaarten.docx")]
        assert sorted(table_sheets) == coming, kit.id  # one place each
        assert sorted(tent_names(folder / "naambordjes.docx")) == coming, kit.id
        sign_in = [row.cells[1].text for row in docx.Document(folder / "presentielijst.docx").tables[0].rows[1:]
                   if row.cells[1].text]
        assert sorted(sign_in) == coming, kit.id
    assert cancelled_somewhere  # the examples show a cancellation
    resident = ws.get("kit", "hhw-noord-ronde-1").guests[0].name
    sheets = seating_tables(kit_folder(root, ws.get("kit", "hhw-noord-ronde-1")) / "tafelkaarten.docx")
    assert any(row.cells[0].text == f"{resident} (gast)" for row in sheets[0].rows)  # at table 1


def test_the_resident_gets_a_tent_also_without_a_participant_list(examples):
    root, ws = examples
    for buurt in ("midden", "zuid"):
        kit = ws.get("kit", f"hhw-{buurt}-ronde-1")
        assert not participants.path_for(root, kit.id).is_file()
        folder = kit_folder(root, kit)
        assert tent_names(folder / "naambordjes.docx") == [g.name for g in kit.guests]
        assert "alleen voor de gasten" in (folder / "printlijst.txt").read_text(encoding="utf-8")


def role_bands(path: Path) -> dict[str, dict[str, str]]:
    """Person → role label → band style, from a table-sheet document."""
    found = {}
    for table in seating_tables(path):
        for row in table.rows[1:]:
            band = row.cells[2].paragraphs[0]
            if band.style.name.startswith("Rolband "):
                found[row.cells[0].text.removesuffix(" (gast)")] = (band.text, band.style.name)
    return found


def test_role_colours_differ_within_each_meeting_and_hold_per_person_across_rounds(examples):
    root, ws = examples
    meetings = {kit_id: role_bands(kit_folder(root, ws.get("kit", kit_id)) / "tafelkaarten.docx")
                for kit_id in ("hhw-noord-ronde-1", "hhw-noord-ronde-2")}
    every_role: dict[str, set[str]] = {}
    for kit_id, people in meetings.items():
        bands = {role: style for role, style in people.values()}
        assert len(set(bands.values())) == len(bands), kit_id  # no two roles share a band
        for role, style in bands.items():
            every_role.setdefault(role, set()).add(style)
    assert all(len(styles) == 1 for styles in every_role.values())  # one colour per role
    both = set(meetings["hhw-noord-ronde-1"]) & set(meetings["hhw-noord-ronde-2"])
    assert len(both) >= 10
    for person in both:
        assert meetings["hhw-noord-ronde-1"][person] == meetings["hhw-noord-ronde-2"][person], person
    # ronde 2 has more roles than there are colours: the outlined look is the second cue
    assert len(meetings["hhw-noord-ronde-2"]) and max(
        int(style.split()[1]) for _, style in meetings["hhw-noord-ronde-2"].values()) > rolecolours.COLOURS


def test_role_colours_are_assigned_greedily_and_distinct_per_meeting():
    many = {f"rol-{n}" for n in range(12)}
    bands = rolecolours.assign([many, {"wijkagent", "rol-1"}])
    assert len({bands[r] for r in many}) == 12  # twelve roles, eight colours: all bands differ
    assert len({rolecolours.colour_of(bands[r]) for r in many}) == rolecolours.COLOURS
    assert bands["wijkagent"] == 1  # a known profession first, in casuskit's order
    assert bands == rolecolours.assign([{"wijkagent", "rol-1"}, many])  # order of meetings: no matter
    apart = rolecolours.assign([{"wijkagent"}, {"opbouwwerker"}])
    assert apart == {"opbouwwerker": 1, "wijkagent": 1}  # never together: may share


def test_the_final_heerhugowaard_form_asks_a_countable_werkvorm_question(examples):
    root, ws = examples
    for n in (1, 2, 3):
        kit = ws.get("kit", f"hhw-zuid-ronde-{n}")
        doc = docx.Document(kit_folder(root, kit) / "evaluatieformulier.docx")
        tables = [t for t in doc.tables if [c.text for c in t.rows[0].cells][1:] ==
                  ["Werkvorm", "Was erbij", "Hielp het meest"]]
        if n < 3:
            assert tables == []
            continue
        [table] = tables
        names = [ws.get("werkvorm", ws.get("kit", f"hhw-zuid-ronde-{r}").werkvorm).name for r in (1, 2, 3)]
        assert [row.cells[1].text for row in table.rows[1:]] == [
            f"{name} (ronde {r})" for r, name in enumerate(names, start=1)]
        assert all(c.text == "\u2610" for row in table.rows[1:] for c in row.cells[2:])
    with open(root / "evaluaties/hhw-zuid-ronde-3.csv", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert {"voorkeur", "meegedaan"} <= set(header)
    report = docx.Document(root / "output/heerhugowaard/evaluatie.docx")
    assert "Welke vorm hielp het meest?" in [p.text for p in report.paragraphs]


def test_werkvorm_cards_and_street_map_are_made_and_their_moment_is_in_the_draaiboek(examples):
    root, ws = examples
    kit = ws.get("kit", "osw-appelscha-bedoeling")
    folder = kit_folder(root, kit)
    ids = [card for sheet in fronts(folder / "gesprekskaarten.docx") for card in sheet]
    assert [c for c in ids if " · wegen · " in c] == [f"{kit.id} · wegen · {n:02d}" for n in range(1, 6)]
    guide = docx.Document(folder / "draaiboek.docx")
    leads = [p.text for p in guide.paragraphs if p.text.startswith("Kaarten: Kaartset")]
    assert leads == ["Kaarten: Kaartset ‘Vijf wegen’ (nrs. wegen · 01–05 in gesprekskaarten.docx, één "
                     "set per groep)."]
    street = next(kit_folder(root, ws.get("kit", "osw-oosterwolde-straataanpak"))
                  .glob("werkblad-stap-1-*.docx"))
    [grid] = [t for t in docx.Document(street).tables if t.rows[0].cells[1].text == "straat"]
    assert [c.text for c in grid.rows[0].cells] == ["even kant", "straat", "oneven kant"]
    assert len(grid.rows) == 1 + 12


def test_a_kit_sets_its_own_reserve_and_the_print_list_shows_it_apart(ws):
    from conftest import run
    path = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "reserve: 0\n", encoding="utf-8")
    assert run(ws, "build", "hhw-noord-ronde-2", "hhw-noord-ronde-3").exit_code == 0
    out = ws / "output/heerhugowaard/noord"
    none = (out / "ronde-2/printlijst.txt").read_text(encoding="utf-8")
    assert " + " not in none and "reserve" not in none
    project = (out / "ronde-3/printlijst.txt").read_text(encoding="utf-8")  # the project's 2
    assert re.search(r"\nevaluatieformulier\.docx +20 \+ 2 ×", project)
    assert "waarvan 6 reserve (het getal na de +)" in project  # two hand-outs and the form
