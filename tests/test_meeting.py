"""Meeting logistics in the build and `casuskit tafels`: documents from the participant list.

Opens the new documents and checks their content; the layout (name tents readable from both
sides once folded) was checked by eye on rendered pages, see render/nametents.py.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx

from casuskit import participants
from conftest import diagnostics, run, write

KIT = "hhw-noord-ronde-2"
KIT_DIR = "output/heerhugowaard/noord/ronde-2"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def names_in_list(root: Path, kit_id: str = KIT) -> list[str]:
    listed, _ = participants.load(root, kit_id)
    return [p.name for p in listed.people]


def texts(document) -> list[str]:
    found = [p.text for p in document.paragraphs]
    found += [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return found


def test_a_participant_list_adds_table_sheets_name_tents_and_a_sign_in_list(listed):
    result = run(listed, "build", KIT)
    assert result.exit_code == 0, result.output
    folder = listed / KIT_DIR
    for name in ("tafelkaarten.docx", "naambordjes.docx", "presentielijst.docx", "evaluatieformulier.docx"):
        assert (folder / name).is_file(), name
        assert re.search(rf"\n{re.escape(name)} +\d+( \+ \d+)? ×", (folder / "printlijst.txt").read_text("utf-8"))
    people = names_in_list(listed)

    sheets = docx.Document(folder / "tafelkaarten.docx")
    titles = [p.text for p in sheets.paragraphs if p.style.name == "Title"]
    assert titles == ["Tafel 1", "Tafel 2", "Tafel 3"]
    seated = [row.cells[0].text for t in sheets.tables for row in t.rows[1:] if row.cells[0].text in people]
    assert sorted(seated) == sorted(people)  # everyone at exactly one table
    body = " ".join(texts(sheets))
    assert "De stille buurman" in body and "Welkom en kennismaking" in body

    tents = docx.Document(folder / "naambordjes.docx")
    assert len(tents.tables) == len(people) + 2  # and the project's reserve: two blank tents
    for table in tents.tables[:len(people)]:
        left, right = table.rows[0].cells
        assert left.paragraphs[0].text == right.paragraphs[0].text in people
        directions = [c._tc.find(f"{W}tcPr/{W}textDirection").get(f"{W}val") for c in (left, right)]
        assert directions == ["tbRl", "btLr"]  # letter tops towards the fold on both faces
        assert left.paragraphs[2].style.name.startswith("Rolband ")

    sign_in = docx.Document(folder / "presentielijst.docx")
    rows = sign_in.tables[0].rows
    assert [c.text for c in rows[0].cells] == ["Nr.", "Naam", "Organisatie", "Rol", "Handtekening"]
    assert [r.cells[1].text for r in rows[1:len(people) + 1]] == sorted(people, key=str.casefold)
    note = " ".join(p.text for p in sign_in.paragraphs)
    assert "Waarom deze lijst" in note and "vernietigt" in note

    draaiboek = " ".join(texts(docx.Document(folder / "draaiboek.docx")))
    assert "Naambordjes" in draaiboek and "persoonsgegevens" in draaiboek


def test_evaluation_form_has_likert_boxes_and_the_werkvorm_questions(ws):
    assert run(ws, "build", KIT).exit_code == 0
    form = docx.Document(ws / KIT_DIR / "evaluatieformulier.docx")
    table = form.tables[0]
    assert [c.text for c in table.rows[0].cells[2:]] == ["1", "2", "3", "4", "5"]
    assert len(table.rows) == 7 and all(c.text == "\u2610" for r in table.rows[1:] for c in r.cells[2:])
    body = " ".join(texts(form))
    assert "Hielp het werken met een verzonnen casus" in body
    assert "anoniem" in body


def test_without_a_list_the_kit_builds_from_counts_as_before(ws):
    assert run(ws, "build", KIT).exit_code == 0
    names = {p.name for p in (ws / KIT_DIR).iterdir()}
    assert not names & {"tafelkaarten.docx", "naambordjes.docx", "presentielijst.docx"}
    assert "evaluatieformulier.docx" in names


def test_a_list_that_fits_no_division_stops_the_build_with_the_reason(listed):
    kit = listed / "kits/heerhugowaard/noord-ronde-2.yaml"
    kit.write_text(kit.read_text("utf-8") + "tafelindeling:\n  rollen_per_tafel: 12\n", "utf-8")
    result = run(listed, "build", KIT)
    assert result.exit_code == 1
    assert ("fout[indeling-onmogelijk]: de deelnemers van `hhw-noord-ronde-2` passen niet zo aan 3 "
            "tafels: 3 tafels met elk 12 verschillende rollen vraagt minstens 36 deelnemers, er zijn er 18"
            in result.output)
    line = kit.read_text("utf-8").splitlines().index("  rollen_per_tafel: 12") + 1
    assert f"--> kits/heerhugowaard/noord-ronde-2.yaml:{line}:21" in result.output


def test_check_reports_list_errors_located(listed):
    write(listed, "deelnemers/hhw-noord-ronde-2.csv", "naam,organisatie,rol,tafel\nAnna,GGD,kok,\nBas,GGD,huisarts,7\n")
    write(listed, "deelnemers/hhw-nord-ronde-9.csv", "naam,organisatie,rol\n")
    found = [d for d in diagnostics(listed) if d[2].startswith("deelnemers/")]
    assert found == [
        ("onbekende-rol", "`kok` is geen bekende rol", "deelnemers/hhw-noord-ronde-2.csv:2:10"),
        ("tafel-bestaat-niet", "tafel 7 bestaat niet: de kit heeft 3 groepen",
         "deelnemers/hhw-noord-ronde-2.csv:3:18"),
        ("lijst-zonder-kit", "er is geen kit met de id `hhw-nord-ronde-9`", "deelnemers/hhw-nord-ronde-9.csv:1:1"),
    ]


def table_of(output: str) -> dict[str, int]:
    where, table = {}, 0
    for line in output.splitlines():
        if line.startswith("Tafel ") and line[6:].isdigit():
            table = int(line[6:])
        elif line.startswith("  ") and table:
            where[line.strip().split(" (")[0]] = table
    return where


def test_tafels_keeps_everyone_in_place_for_no_shows_and_late_arrivals(listed):
    first = run(listed, "tafels", KIT)
    assert first.exit_code == 0, first.output
    assert "elke organisatie één keer" in first.output
    assert "Paren uit eerdere rondes vermeden waar het kon: hhw-noord-ronde-1" in first.output
    before = table_of(first.output)
    assert sorted(before) == sorted(names_in_list(listed))
    gone = run(listed, "tafels", KIT, "--afwezig", "ruud kramer", "--afwezig", "Fatima el Amrani")
    assert gone.exit_code == 0, gone.output
    assert "Afwezig: Fatima el Amrani, Ruud Kramer" in gone.output
    assert "Verplaatst: niemand" in gone.output
    after = table_of(gone.output)
    assert all(before[name] == table for name, table in after.items())
    back = run(listed, "tafels", KIT, "--laat", "Ruud Kramer")
    assert "Verplaatst: niemand" in back.output and "Ruud Kramer" in table_of(back.output)
    # the build prints the kept division
    assert run(listed, "build", KIT).exit_code == 0
    sheets = docx.Document(listed / KIT_DIR / "tafelkaarten.docx")
    assert "Fatima el Amrani" not in " ".join(texts(sheets))


def test_tafels_names_someone_not_on_the_list(listed):
    result = run(listed, "tafels", KIT, "--afwezig", "Ruud Kramr")
    assert result.exit_code == 2
    assert "fout: `Ruud Kramr` staat niet op de deelnemerslijst deelnemers/hhw-noord-ronde-2.csv" in result.output
    assert "Bedoelde u `Ruud Kramer`?" in result.output


def test_tafels_without_a_list_says_how_to_make_one(ws):
    result = run(ws, "tafels", KIT)
    assert result.exit_code == 2
    assert "de kit `hhw-noord-ronde-2` heeft geen deelnemerslijst" in result.output


def test_an_earlier_rounds_list_or_a_kept_division_makes_the_kit_rebuild(listed):
    from casuskit.build import build
    build(listed, jobs=1)
    assert build(listed, jobs=1).kits == []  # nothing changed: nothing rebuilt
    earlier = listed / "deelnemers/hhw-noord-ronde-1.csv"
    earlier.write_text(earlier.read_text("utf-8").replace("Tom Jansen,Jeugdhulp De Kade,jeugdhulpverlener,,,\n", ""),
                       "utf-8")
    rebuilt = {k.printing.kit_id for k in build(listed, jobs=1).kits}
    # ronde 3 has no list and no guests: earlier rounds do not matter; the ronde 1 kits of the
    # other buurten have guests, whose role colours are the project's (made from every list)
    assert rebuilt == {"hhw-noord-ronde-1", KIT, "hhw-midden-ronde-1", "hhw-zuid-ronde-1"}
    assert run(listed, "tafels", KIT, "--afwezig", "Tom Jansen").exit_code == 0
    assert {k.printing.kit_id for k in build(listed, jobs=1).kits} == {KIT}


def test_evaluation_form_gives_fewer_lines_per_question_as_questions_grow(ws):
    from casuskit.check import check_workspace
    from casuskit.render import evaluationform
    from casuskit.plan import plan_kit
    from casuskit.textrender import Texts
    workspace = check_workspace(ws).workspace
    ctx = plan_kit(workspace, workspace.get("kit", KIT), Texts(ws), None)
    form = ctx.evaluation
    for count, lines in {1: 3, 3: 3, 4: 2, 5: 1, 6: 1, 7: 2, 12: 2}.items():
        questions = [f"Vraag nummer {n}?" for n in range(1, count + 1)]
        ctx.evaluation = dataclasses.replace(form, questions=questions)
        [(_, data)] = evaluationform.render(ctx)
        paragraphs = docx.Document(io.BytesIO(data)).paragraphs
        start = next(i for i, p in enumerate(paragraphs) if p.text == "Open vragen") + 1
        shown = [(p.style.name, p.text, bool(p.paragraph_format.keep_with_next))
                 for p in paragraphs[start:]]
        expected = []
        for n, question in enumerate(questions):
            expected.append(("Normal", f"{chr(65 + n)}. {question}", True))  # never alone
            expected += [("Notitieregel", "", line < lines - 1 or n == count - 1)
                         for line in range(lines)]
        expected.append(("Klein", "Dank u wel. Leg het formulier bij het weggaan in de doos bij "
                                  "de deur.", False))
        assert shown == expected, count
