"""Filled-in evaluation forms: ``evaluaties/<kit-id>.csv``, one row per respondent.

Columns are the statement keys of the kit's form (``kennen``, ``signaleren`` …, scores 1 to 5,
empty when a respondent skipped one), ``vraag1`` … for the werkvorm's open questions, in the
order of the form (A, B, …), and on a form that compares the werkvormen ``voorkeur`` (the number
of the one box ticked under "hielp het meest", or the werkvorm's id) and ``meegedaan`` (the
numbers ticked under "was erbij", e.g. ``1 2 3``). Any subset of the columns may be present. The
forms are anonymous: the file holds no names, so it may be committed. Errors are located
(file:line:col) and Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from casuskit import csvload
from casuskit.errors import Diagnostic, Location, error
from casuskit.evaluation.form import PREFERENCE, TAKEN_PART, FormPlan, plan_form
from casuskit.evaluation.items import SCALE, question_column

FOLDER = "evaluaties"
SUFFIX = ".csv"


@dataclass
class Response:
    line: int
    scores: dict[str, int] = field(default_factory=dict)   # statement key → 1..5
    answers: dict[int, str] = field(default_factory=dict)  # open question number → text
    preference: str | None = None                          # werkvorm id that helped most
    taken_part: tuple[str, ...] = ()                       # werkvorm ids the respondent had


@dataclass
class KitResults:
    kit: object          # the Kit
    file: str
    responses: list[Response]
    form: FormPlan | None = None  # what the kit's form asked


def list_files(root: Path) -> list[Path]:
    folder = root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith("."))


def load_all(ws, texts) -> tuple[list[KitResults], list[Diagnostic]]:
    """Every results file of the workspace, checked against its kit's form."""
    kits = {kit_id: entry.model for kit_id, entry in ws.of("kit").items()}
    found: list[KitResults] = []
    problems: list[Diagnostic] = []
    for path in list_files(ws.root):
        kit_id, file = path.name[:-len(SUFFIX)], f"{FOLDER}/{path.name}"
        kit = kits.get(kit_id)
        if kit is None:
            problems.append(csvload.unknown_kit("resultaten-zonder-kit", kit_id, file, kits,
                                                f"Resultaten heten zoals de kit: {FOLDER}/<kit-id>.csv."))
            continue
        if ws.get("project", kit.project) is None or ws.get("werkvorm", kit.werkvorm) is None:
            continue  # unknown or broken: its own error says so; the form is unknown
        raw, problem = csvload.read_raw(path, file)
        if raw is None:
            problems.append(problem)
            continue
        form = plan_form(ws, kit, texts)
        results, more = parse(raw, file, form)
        problems += more
        if results is not None:
            found.append(KitResults(kit, file, results, form))
    return found, problems


def parse(raw: bytes, file: str, form: FormPlan) -> tuple[list[Response] | None, list[Diagnostic]]:
    keys = [s.key for s in form.statements]
    questions = len(form.questions)
    columns = keys + [question_column(n) for n in range(1, questions + 1)]
    if form.comparison is not None:
        columns += [PREFERENCE, TAKEN_PART]
    table, found = csvload.reads(raw, file, (), tuple(columns), "een bestand met evaluaties")
    if table is None:
        return None, found
    found = [_question_hint(d, questions) for d in found]
    if not any(name in table.columns for name in columns):
        found.append(error("geen-bekende-kolommen", "geen van de kolommen hoort bij het "
                           "evaluatieformulier", Location(file, 1, 1),
                           "De eerste regel noemt de kolommen, bijv.: " + ",".join(columns) + "."))
        return None, found
    responses = []
    for row in table.rows:
        response = Response(row.line)
        for key in keys:
            text = row.get(key)
            if not text:
                continue
            if text.isdigit() and int(text) in SCALE:
                response.scores[key] = int(text)
            else:
                found.append(error("geen-score", f"`{text}` is geen score van 1 tot 5",
                                   table.cell_location(row, key),
                                   "Schrijf het aangekruiste vakje als getal (1 = helemaal oneens, "
                                   "5 = helemaal eens), of laat het vak leeg als het niet is ingevuld."))
        for number in range(1, questions + 1):
            text = " ".join(row.get(question_column(number)).split())
            if text:
                response.answers[number] = text
        if form.comparison is not None:
            _comparison(table, row, form.comparison, response, found)
        responses.append(response)
    return responses, found


def _comparison(table, row, comparison, response: Response, found: list[Diagnostic]) -> None:
    """``voorkeur`` (one box) and ``meegedaan`` (boxes) as werkvorm ids."""
    hint = ("Schrijf het nummer van het aangekruiste vakje (" + ", ".join(
        f"{n} = {o.name}" for n, o in enumerate(comparison.options, start=1)) + ")")
    text = row.get(PREFERENCE).strip()
    if text:
        option = comparison.option(text)
        if option is None:
            found.append(error("onbekende-werkvorm", f"`{text}` is geen werkvorm op dit formulier",
                               table.cell_location(row, PREFERENCE),
                               hint + ", of laat het vak leeg als er niets is aangekruist."))
        else:
            response.preference = option.werkvorm
    ticked = []
    for part in re.split(r"[\s,;]+", row.get(TAKEN_PART).strip()):
        if not part:
            continue
        option = comparison.option(part)
        if option is None:
            found.append(error("onbekende-werkvorm", f"`{part}` is geen werkvorm op dit formulier",
                               table.cell_location(row, TAKEN_PART),
                               hint + "; meer kruisjes met spaties ertussen, bijv. `1 2 3`."))
        elif option.werkvorm not in ticked:
            ticked.append(option.werkvorm)
    response.taken_part = tuple(ticked)


def _question_hint(diagnostic: Diagnostic, questions: int) -> Diagnostic:
    """An unknown `vraagN` column: say how many open questions the werkvorm has."""
    name = diagnostic.message.removeprefix("onbekende kolom `").removesuffix("`")
    if diagnostic.code != "onbekende-kolom" or not name.startswith("vraag"):
        return diagnostic
    return error(diagnostic.code, diagnostic.message, diagnostic.location,
                 f"De werkvorm van deze kit heeft {questions} open vragen: "
                 + ", ".join(f"`{question_column(n)}`" for n in range(1, questions + 1)) + ".")


def check_results(ws, texts) -> list[Diagnostic]:
    """For ``casuskit check``: every problem in the results files."""
    return load_all(ws, texts)[1]
