"""``casuskit evaluatie``: the evaluation report of a project, ``output/<project>/evaluatie.docx``.

Compares the werkvormen (the point of a series like Heerhugowaard's: which form of meeting
helps preventive cooperation most) and the rounds per buurt: n, mean and standard deviation per
statement and per respondent, two charts, and the open answers grouped per question. Built
from the project's house style like every other document; written atomically by the writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casuskit import word
from casuskit.errors import CheckFailed, UsageError
from casuskit.evaluation import charts, stats
from casuskit.evaluation.items import SCALE_WORDS, statements
from casuskit.evaluation.results import FOLDER, KitResults, load_all
from casuskit.render.draaiboek_parts import Para, add_table

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
    items = statements(Texts(root))
    results, problems = load_all(ws, items)
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
                         "met de kolommen " + ",".join(i.key for i in items) + ",vraag1,vraag2,….")
    written = []
    with Output(out or root / OUTPUT_FOLDER) as output:
        for project_id in wanted:
            mine = [r for r in results if r.kit.project == project_id]
            if not mine:
                continue
            project = ws.get("project", project_id)
            output.add(f"{project_id}/{FILE_NAME}", render(ws, project, mine, items,
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


def render(ws, project, results: list[KitResults], items, reference) -> bytes:
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
    _forms(doc, results, forms, names, items)
    _rounds(doc, ws, results, names)
    _open_answers(doc, ws, results, forms, names)
    doc.paragraph("Verantwoording", "Heading 2")
    doc.paragraph("De standaardafwijking is die van een steekproef (n − 1). De score van een "
                      "deelnemer is het gemiddelde van de stellingen die hij invulde; lege vakjes tellen "
                      f"niet mee. Bron: de bestanden in {FOLDER}/, per bijeenkomst één. Met zulke kleine "
                      "aantallen zijn verschillen van een paar tiende een aanwijzing, geen bewijs.",
                  "Klein")
    return doc.to_bytes(date)


def _forms(doc, results, forms, names, items) -> None:
    doc.paragraph("Werkvormen vergeleken", "Heading 1")
    per_form = {f: [r for r in results if r.kit.werkvorm == f] for f in forms}
    rows = [[f"{n}. {item.text}", *[stats.statement_summary(per_form[f], item.key).text() for f in forms]]
            for n, item in enumerate(items, start=1)]
    rows.append([Para("Alle stellingen, per deelnemer", "Tabelkop"),
                 *[stats.overall(per_form[f]).text() for f in forms]])
    rows.append([Para("Formulieren (n)", "Tabelkop"), *[str(stats.respondents(per_form[f])) for f in forms]])
    width = min(32, 100 // max(1, len(forms)))
    add_table(doc, ["Stelling", *[names[f] for f in forms]], rows, [170 - width * len(forms)] + [width] * len(forms))
    means = [[stats.statement_summary(per_form[f], i.key).mean for i in items] for f in forms]
    spreads = [[stats.statement_summary(per_form[f], i.key).sd for i in items] for f in forms]
    png = charts.statements_by_form([f"{n}. {i.text}" for n, i in enumerate(items, start=1)],
                                    [names[f] for f in forms], means, spreads)
    _picture(doc, png, "Figuur 1. Gemiddelde score per stelling en werkvorm; de streepjes tonen "
                       "de standaardafwijking.")


def _rounds(doc, ws, results, names) -> None:
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
    _picture(doc, png, "Figuur 2. Gemiddelde score per deelnemer, per buurt en ronde.")


def _open_answers(doc, ws, results, forms, names) -> None:
    doc.paragraph("Open antwoorden", "Heading 1")
    doc.paragraph("Letterlijk overgenomen van de formulieren, per vraag; tussen haakjes de buurt.",
                  "Klein")
    for form in forms:
        doc.paragraph(names[form], "Heading 2")
        questions = ws.get("werkvorm", form).evaluation
        kits = [r for r in results if r.kit.werkvorm == form]
        for number, question in enumerate(questions, start=1):
            doc.paragraph(f"{chr(64 + number)}. {question}", "Heading 3")
            answers = [(ws.get("buurt", r.kit.neighbourhood).name, a.answers[number])
                       for r in kits for a in r.responses if number in a.answers]
            if not answers:
                doc.paragraph("Geen antwoorden.", "Klein")
            for buurt, text in answers:
                doc.paragraph(f"“{text}” ({buurt})", "List Bullet")  # their words, in their form


def _picture(doc: word.Document, png: bytes, caption: str) -> None:
    doc.add(word.Picture(png, charts.WIDTH_IN * 25.4, keep_with_next=True))
    doc.paragraph(caption, "Caption")
