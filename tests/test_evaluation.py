"""Evaluation results (evaluaties/<kit-id>.csv) and the report `casuskit evaluatie` writes.

The report is built from the shipped fictional results; its numbers are recomputed here from
the CSV files with the statistics module, so a wrong aggregation cannot pass.
"""

from __future__ import annotations

import csv
import shutil
import statistics
from pathlib import Path

import docx
import pytest

from casuskit.evaluation import charts, results
from casuskit.evaluation.form import Comparison, FormPlan, Option, plan_form
from casuskit.evaluation.items import statements
from casuskit.textrender import Texts
from casuskit.workspace import load_workspace
from conftest import REPO, diagnostics, run, write

FILE = "evaluaties/hhw-noord-ronde-2.csv"
REPORT = "output/heerhugowaard/evaluatie.docx"


@pytest.fixture
def evaluated(ws: Path) -> Path:
    shutil.copytree(REPO / results.FOLDER, ws / results.FOLDER)
    return ws


def form(questions: int = 4, comparison: Comparison | None = None) -> FormPlan:
    """A form with the default statements and ``questions`` open questions."""
    return FormPlan(statements(Texts(None)), [f"Vraag {n}?" for n in range(questions)], "", comparison)


def problems(text: str, questions: int = 4, comparison: Comparison | None = None):
    _, found = results.parse(text.encode("utf-8"), FILE, form(questions, comparison))
    return [(d.code, d.message, f"{d.location.file}:{d.location.line}:{d.location.column}") for d in found]


def test_scores_must_be_1_to_5_and_blanks_are_skipped():
    assert problems("kennen,delen,vraag1\n4,,Goed\n6,3,\nvier,2,\n") == [
        ("geen-score", "`6` is geen score van 1 tot 5", f"{FILE}:3:1"),
        ("geen-score", "`vier` is geen score van 1 tot 5", f"{FILE}:4:1")]


def test_an_open_question_the_werkvorm_does_not_have():
    _, found = results.parse(b"kennen,vraag5\n4,x\n", FILE, form(4))
    assert [(d.code, d.message, d.location.column) for d in found] == [
        ("onbekende-kolom", "onbekende kolom `vraag5`", 8)]
    assert found[0].hint == "De werkvorm van deze kit heeft 4 open vragen: `vraag1`, `vraag2`, `vraag3`, `vraag4`."


def test_non_utf8_and_unknown_columns_are_located():
    raw = "kennen,opmerking\n4,Caf\u00e9\n".encode("cp1252")
    _, found = results.parse(raw, FILE, form(4))
    assert [(d.code, d.location.line, d.location.column) for d in found] == [("geen-utf8", 2, 6)]
    assert problems("kenen,vraag1\n4,x\n")[0] == ("onbekende-kolom", "onbekende kolom `kenen`", f"{FILE}:1:1")


def test_check_reports_results_problems(evaluated):
    write(evaluated, FILE, "kennen,vraag1\n9,x\n")
    write(evaluated, "evaluaties/hhw-noord-ronde-7.csv", "kennen\n4\n")
    found = [d for d in diagnostics(evaluated) if d[2].startswith("evaluaties/")]
    assert found == [("geen-score", "`9` is geen score van 1 tot 5", f"{FILE}:2:1"),
                     ("resultaten-zonder-kit", "er is geen kit met de id `hhw-noord-ronde-7`",
                      "evaluaties/hhw-noord-ronde-7.csv:1:1")]


def read_csvs(root: Path) -> dict[str, list[dict]]:
    return {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in sorted((root / "evaluaties").glob("*.csv"))}


def mean_sd(values: list[int]) -> str:
    return f"{statistics.mean(values):.1f} ({statistics.stdev(values):.1f})".replace(".", ",")


def table_with(doc, *header: str):
    return next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:len(header)] == list(header))


def test_the_example_results_give_a_report_with_the_right_numbers(evaluated):
    result = run(evaluated, "evaluatie")
    assert result.exit_code == 0, result.output
    assert "Geschreven: output/heerhugowaard/evaluatie.docx (9 bijeenkomsten, 104 formulieren)" in result.output
    doc = docx.Document(evaluated / REPORT)
    forms = doc.tables[0]
    assert [c.text for c in forms.rows[0].cells] == [
        "Stelling", "Bewoner aan tafel", "Kleine groepen, fictieve casuïstiek", "Buurtcasus, samen geschreven"]
    rows = read_csvs(evaluated)
    by_round = {n: [r for kit, kit_rows in rows.items() if kit.startswith("hhw") and kit.endswith(f"ronde-{n}")
                    for r in kit_rows] for n in (1, 2, 3)}
    keys = [s.key for s in load_workspace(evaluated).get("project", "heerhugowaard").evaluation.statements]
    for i, key in enumerate(keys, start=1):
        for n in (1, 2, 3):
            values = [int(r[key]) for r in by_round[n] if r[key]]
            assert forms.rows[i].cells[n].text == mean_sd(values), (key, n)
    assert [c.text for c in forms.rows[-1].cells[1:]] == [str(len(by_round[n])) for n in (1, 2, 3)]
    per_kit = {row.cells[0].text + " " + row.cells[1].text: row.cells[3].text
               for row in table_with(doc, "Buurt", "Ronde").rows[1:]}
    assert per_kit["Heerhugowaard Noord ronde 2"] == str(len(rows["hhw-noord-ronde-2"]))
    answers = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    in_csv = [v for kit, kit_rows in rows.items() if kit.startswith("hhw") for r in kit_rows
              for k, v in r.items() if k.startswith("vraag") and v]
    assert len(answers) == len(in_csv) and len(set(in_csv)) == len(in_csv)
    # forms compared, the counted question, buurten within each of the three forms, the rounds
    assert len(doc.inline_shapes) == 6


def test_the_report_counts_which_form_helped_most(evaluated):
    assert run(evaluated, "evaluatie", "heerhugowaard").exit_code == 0
    doc = docx.Document(evaluated / REPORT)
    table = table_with(doc, "Werkvorm", "Heerhugowaard Midden")
    assert [c.text for c in table.rows[0].cells] == [
        "Werkvorm", "Heerhugowaard Midden", "Heerhugowaard Noord", "Heerhugowaard Zuid", "Totaal"]
    rows = read_csvs(evaluated)
    last = {b: rows[f"hhw-{b}-ronde-3"] for b in ("midden", "noord", "zuid")}
    for number, row in enumerate(table.rows[1:4], start=1):
        chose = [sum(r["voorkeur"] == str(number) for r in last[b]) for b in last]
        took = [sum(str(number) in r["meegedaan"].split() for r in last[b]) for b in last]
        assert [c.text for c in row.cells[1:]] == [f"{c} ({t})" for c, t in zip(chose, took)] + \
            [f"{sum(chose)} ({sum(took)})"]
    answered = [sum(bool(r["voorkeur"]) for r in last[b]) for b in last]
    assert [c.text for c in table.rows[4].cells[1:]] == \
        [f"{a} van {len(last[b])}" for a, b in zip(answered, last)] + \
        [f"{sum(answered)} van {sum(len(v) for v in last.values())}"]


def test_the_report_compares_buurten_per_statement_within_a_form(evaluated):
    assert run(evaluated, "evaluatie", "heerhugowaard").exit_code == 0
    doc = docx.Document(evaluated / REPORT)
    tables = [t for t in doc.tables if [c.text for c in t.rows[0].cells] ==
              ["Stelling", "Heerhugowaard Midden", "Heerhugowaard Noord", "Heerhugowaard Zuid", "Samen"]]
    assert len(tables) == 3  # one per werkvorm, in round order
    rows = read_csvs(evaluated)
    for n, table in enumerate(tables, start=1):
        kits = [rows[f"hhw-{b}-ronde-{n}"] for b in ("midden", "noord", "zuid")]
        expected = [mean_sd([int(r["kennen"]) for r in kit if r["kennen"]]) for kit in kits]
        expected.append(mean_sd([int(r["kennen"]) for kit in kits for r in kit if r["kennen"]]))
        assert [c.text for c in table.rows[1].cells[1:]] == expected


def test_a_project_with_one_werkvorm_compares_its_buurten(evaluated):
    (evaluated / "evaluaties/osw-oosterwolde-straataanpak.csv").unlink()
    result = run(evaluated, "evaluatie", "ooststellingwerf")
    assert result.exit_code == 0, result.output
    doc = docx.Document(evaluated / "output/ooststellingwerf/evaluatie.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert "Werkvormen vergeleken" not in headings and "Welke vorm hielp het meest?" not in headings
    assert "Buurten vergeleken" in headings
    table = table_with(doc, "Stelling", "Appelscha")
    assert [c.text for c in table.rows[0].cells] == ["Stelling", "Appelscha", "Haulerwijk", "Samen"]
    werkvorm = load_workspace(evaluated).get("werkvorm", "de-bedoeling")
    shown = [row.cells[0].text for row in table.rows[1:-1]]
    assert shown[-len(werkvorm.statements):] == [f"{n}. {s.text}" for n, s in enumerate(
        werkvorm.statements, start=len(shown) - len(werkvorm.statements) + 1)]
    assert len(doc.inline_shapes) == 1  # the buurten of de bedoeling; sessies have no rounds


def test_the_comparison_question_is_on_the_last_round_only():
    ws = load_workspace(REPO)
    texts = Texts(REPO)
    for n in (1, 2):
        assert plan_form(ws, ws.get("kit", f"hhw-noord-ronde-{n}"), texts).comparison is None
    last = plan_form(ws, ws.get("kit", "hhw-noord-ronde-3"), texts).comparison
    assert [o.label for o in last.options] == [
        "Bewoner aan tafel (ronde 1)", "Kleine groepen, fictieve casuïstiek (ronde 2)",
        "Buurtcasus, samen geschreven (ronde 3)"]
    assert plan_form(ws, ws.get("kit", "osw-appelscha-bedoeling"), texts).comparison is None


def test_preference_and_taken_part_are_read_by_number_or_id():
    comparison = Comparison("Welke?", (Option("bewoner-aan-tafel", "Bewoner aan tafel"),
                                       Option("buurtcasus", "Buurtcasus")))
    found, problems_ = results.parse(
        b"kennen,voorkeur,meegedaan\n4,2,1 2\n3,bewoner-aan-tafel,\"1;2\"\n3,,\n", FILE, form(0, comparison))
    assert problems_ == []
    assert [(r.preference, r.taken_part) for r in found] == [
        ("buurtcasus", ("bewoner-aan-tafel", "buurtcasus")),
        ("bewoner-aan-tafel", ("bewoner-aan-tafel", "buurtcasus")), (None, ())]
    assert problems("voorkeur,meegedaan\n3,1 4\n", 0, comparison) == [
        ("onbekende-werkvorm", "`3` is geen werkvorm op dit formulier", f"{FILE}:2:1"),
        ("onbekende-werkvorm", "`4` is geen werkvorm op dit formulier", f"{FILE}:2:3")]


def test_the_report_and_its_charts_are_byte_for_byte_reproducible(evaluated):
    run(evaluated, "evaluatie")
    first = (evaluated / REPORT).read_bytes()
    run(evaluated, "evaluatie")
    assert (evaluated / REPORT).read_bytes() == first
    png = charts.rounds_by_buurt(["ronde 1", "ronde 2"], ["Noord"], [[3.2, 3.9]])
    assert png == charts.rounds_by_buurt(["ronde 1", "ronde 2"], ["Noord"], [[3.2, 3.9]])
    assert png.startswith(b"\x89PNG") and b"matplotlib" not in png.lower()


def test_without_results_the_command_says_what_to_do(ws):
    result = run(ws, "evaluatie")
    assert result.exit_code == 2
    assert "er zijn nog geen ingevulde evaluaties in evaluaties/" in result.output


def test_a_mistake_in_a_werkvorm_with_results_is_located_not_a_crash(evaluated):
    """The werkvorm of kits with results does not validate: its own error, no exit 70."""
    path = evaluated / "werkvormen/buurtcasus.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("naam: Buurtcasus, samen geschreven",
                                                             "naam: ["), encoding="utf-8")
    result = run(evaluated, "check")
    assert result.exit_code == 1, result.output
    assert "--> werkvormen/buurtcasus.yaml:" in result.output
    assert "er ging iets mis in casuskit zelf" not in result.output
    assert run(evaluated, "evaluatie").exit_code == 1


def test_a_kit_with_results_and_an_unknown_werkvorm_is_located(evaluated):
    path = evaluated / "kits/heerhugowaard/noord-ronde-2.yaml"
    text = path.read_text(encoding="utf-8")
    werkvorm = next(line for line in text.splitlines() if line.startswith("werkvorm:"))
    path.write_text(text.replace(werkvorm, "werkvorm: bestaat-niet"), encoding="utf-8")
    assert diagnostics(evaluated, errors_only=True) == [
        ("onbekende-verwijzing", "er is geen werkvorm met de id `bestaat-niet`",
         "kits/heerhugowaard/noord-ronde-2.yaml:6:11")]


@pytest.mark.parametrize("char, shown, column", [("\x1b", "U+001B", 3), ("\x00", "U+0000", 3),
                                                 ("\ufffe", "U+FFFE", 3), ("\x0c", "U+000C", 3)])
def test_control_characters_in_results_are_located(char, shown, column):
    assert problems(f"kennen,vraag1\n4,x{char}y\n") == [
        ("stuurteken", f"hier staat een onzichtbaar stuurteken ({shown}) dat niet in een "
                       "Word-document kan", f"{FILE}:2:{column + 1}")]
