"""``casuskit evaluatie``: the evaluation report of a project, ``output/<project>/evaluatie.docx``.

Compares the werkvormen (the point of a series like Heerhugowaard's: which form of meeting
helps preventive cooperation most) on the statements they share, counts the answers to the
comparison question, compares the buurten per statement within each werkvorm, and the rounds per
buurt: n, mean and standard deviation per statement and per respondent, a chart to every
comparison (:mod:`casuskit.evaluation.sections`), and the open answers grouped per question.
Works as well for a project with one werkvorm. Built from the project's house style like every
other document; written atomically by the writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casuskit import word
from casuskit.errors import CheckFailed, UsageError
from casuskit.evaluation import charts, sections, stats
from casuskit.evaluation.items import SCALE_WORDS
from casuskit.evaluation.results import FOLDER, KitResults, load_all
from casuskit.render.draaiboek_parts import add_table

FILE_NAME = "evaluatie.docx"


@dataclass
class Written:
    project: str
    path: Path
    kits: int
    respondents: int


def write_reports(root: Path, project_ids: tuple[str, ...] = (), out: Path | None = None) -> list[Written]:
    from casuskit.check import check_workspace
    from casuskit.textrender import Texts
    from casuskit.verify import reference_for
    from casuskit.writer import OUTPUT_FOLDER, Output
    checked = check_workspace(root)
    if checked.errors:
        raise CheckFailed(checked.diagnostics)
    ws = checked.workspace
    results, problems = load_all(ws, Texts(root))
    if any(d.is_error for d in problems):
        raise CheckFailed(problems)
    for project_id in project_ids:
        if project_id not in ws.of("project"):
            raise UsageError(f"er is geen project met de id `{project_id}`",
                             "Bestaande projecten: " + ", ".join(sorted(ws.of("project"))) + ".")
    wanted = project_ids or tuple(sorted({r.kit.project for r in results}))
    if not any(r.kit.project in wanted for r in results):
        raise UsageError(f"er zijn nog geen ingevulde evaluaties in {FOLDER}/"
                         + (f" voor {', '.join(project_ids)}" if project_ids else ""),
                         f"Typ de formulieren over in {FOLDER}/<kit-id>.csv, één regel per formulier, "
                         "met als kolommen de sleutels van de stellingen (bijv. kennen,signaleren), "
                         "vraag1,vraag2,… en op het laatste formulier voorkeur,meegedaan.")
    written = []
    with Output(out or root / OUTPUT_FOLDER) as output:
        for project_id in wanted:
            mine = [r for r in results if r.kit.project == project_id]
            if not mine:
                continue
            project = ws.get("project", project_id)
            output.add(f"{project_id}/{FILE_NAME}", render(ws, project, mine,
                                                            reference_for(root, project)))
            written.append(Written(project_id, (out or root / OUTPUT_FOLDER) / project_id / FILE_NAME,
                                   len(mine), stats.respondents(mine)))
        output.commit()
    return written


def _order(ws, results: list[KitResults]):
    """Werkvormen in the order of the first round they were used in; kits by buurt and ronde."""
    results = sorted(results, key=lambda r: (r.kit.round or 0, r.kit.neighbourhood, r.kit.id))
    forms = list(dict.fromkeys(r.kit.werkvorm for r in results))
    return results, forms


def render(ws, project, results: list[KitResults], reference) -> bytes:
    results, forms = _order(ws, results)
    names = {f: ws.get("werkvorm", f).name for f in forms}
    date = max(r.kit.date for r in results)
    doc = word.Document(reference)
    doc.properties(f"Evaluatie {project.name}", "Evaluatie", project.organisation,
                   ["casuskit", "evaluatie"])
    doc.header(f"{project.name} · evaluatie")
    doc.footer(f"{project.organisation}\t\t", *word.PAGE_NUMBERS)

    doc.paragraph(f"Evaluatie {project.name}", "Title")
    doc.paragraph(f"{len(results)} bijeenkomsten · {stats.respondents(results)} ingevulde formulieren"
                      + (f" · {project.period}" if project.period else ""), "Subtitle")
    if project.description:
        doc.paragraph(" ".join(project.description.split()), "Normal")
    doc.paragraph("Deelnemers scoorden elke stelling van 1 (" + SCALE_WORDS[1] + ") tot 5 ("
                      + SCALE_WORDS[5] + "). In de tabellen staat het gemiddelde met tussen haakjes "
                      "de standaardafwijking (de spreiding); n is het aantal antwoorden.", "Normal")
    figure = sections.add_forms(doc, results, forms, names, 1)
    figure = sections.add_preference(doc, ws, results, figure)
    figure = sections.add_buurten(doc, ws, results, forms, names, figure)
    _rounds(doc, ws, results, names, figure)
    _open_answers(doc, ws, results, forms, names)
    doc.paragraph("Verantwoording", "Heading 2")
    doc.paragraph("De standaardafwijking is die van een steekproef (n − 1). De score van een "
                      "deelnemer is het gemiddelde van de stellingen die hij invulde; lege vakjes tellen "
                      f"niet mee. Bron: de bestanden in {FOLDER}/, per bijeenkomst één. Met zulke kleine "
                      "aantallen zijn verschillen van een paar tiende een aanwijzing, geen bewijs.",
                  "Klein")
    return doc.to_bytes(date)


def _rounds(doc, ws, results, names, figure: int) -> None:
    doc.paragraph("Per buurt en ronde", "Heading 1")
    rows = []
    for r in sorted(results, key=lambda r: (ws.get("buurt", r.kit.neighbourhood).name, r.kit.round or 0)):
        summary = stats.overall([r])
        rows.append([ws.get("buurt", r.kit.neighbourhood).name, r.kit.round_label,
                     names[r.kit.werkvorm], str(len(r.responses)), summary.text()])
    add_table(doc, ["Buurt", "Ronde", "Werkvorm", "n", "Gemiddelde (sd)"], rows, [44, 18, 64, 12, 32])
    rounds = sorted({r.kit.round for r in results if r.kit.round is not None})
    buurten = list(dict.fromkeys(r.kit.neighbourhood for r in sorted(results, key=lambda r: r.kit.neighbourhood)))
    if not rounds:
        return
    labels = []
    for number in rounds:
        used = {names[r.kit.werkvorm] for r in results if r.kit.round == number}
        labels.append(f"ronde {number}" + (f": {used.pop()}" if len(used) == 1 else ""))
    means = [[stats.overall([r for r in results if r.kit.neighbourhood == b and r.kit.round == n]).mean
              for n in rounds] for b in buurten]
    png = charts.rounds_by_buurt(labels, [ws.get("buurt", b).name for b in buurten], means)
    sections.picture(doc, png, f"Figuur {figure}. Gemiddelde score per deelnemer, per buurt en ronde.")


def _open_answers(doc, ws, results, forms, names) -> None:
    doc.paragraph("Open antwoorden", "Heading 1")
    doc.paragraph("Letterlijk overgenomen van de formulieren, per vraag; tussen haakjes de buurt.",
                  "Klein")
    for form in forms:
        doc.paragraph(names[form], "Heading 2")
        kits = [r for r in results if r.kit.werkvorm == form]
        questions = next((r.form.questions for r in kits if r.form is not None), [])
        for number, question in enumerate(questions, start=1):
            doc.paragraph(f"{chr(64 + number)}. {question}", "Heading 3")
            answers = [(ws.get("buurt", r.kit.neighbourhood).name, a.answers[number])
                       for r in kits for a in r.responses if number in a.answers]
            if not answers:
                doc.paragraph("Geen antwoorden.", "Klein")
            for buurt, text in answers:
                doc.paragraph(f"“{text}” ({buurt})", "List Bullet")  # their words, in their form
