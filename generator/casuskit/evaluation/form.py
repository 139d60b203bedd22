"""What one kit's evaluation form asks, as data: the form, the results file and the report share it.

Statements (scored 1 to 5): the project's (``evaluatie: stellingen`` in the project file, else the
default statements of ``evaluatie-stellingen.j2``), then the werkvorm's own (``stellingen``). Open
questions: the werkvorm's ``evaluatie``. Where the project compares its werkvormen
(``evaluatie: werkvormvraag``), the form of the last round in each buurt also asks which of the
forms that buurt had helped most, with a box per form, and which of them the respondent took part
in: countable answers, columns ``voorkeur`` and ``meegedaan`` in ``evaluaties/<kit-id>.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casuskit.evaluation.items import Statement, statements as default_statements
from casuskit.model.evaluation import RESERVED_KEYS

PREFERENCE, TAKEN_PART = RESERVED_KEYS  # the CSV columns of the comparison question


@dataclass(frozen=True)
class Option:
    werkvorm: str  # werkvorm id
    name: str      # werkvorm name as the form shows it
    rounds: tuple[int, ...] = ()  # the buurt's rounds in this form

    @property
    def label(self) -> str:
        if not self.rounds:
            return self.name
        numbers = [str(n) for n in self.rounds]
        listed = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " en " + numbers[-1]
        return f"{self.name} (ronde {listed})"


@dataclass(frozen=True)
class Comparison:
    """The countable question: ``question`` with one box per werkvorm of the buurt's rounds."""

    question: str
    options: tuple[Option, ...]

    def option(self, text: str) -> Option | None:
        """The option a CSV cell names: its number on the form (1, 2 …) or the werkvorm id."""
        text = text.strip().lower()
        if text.isdigit() and 1 <= int(text) <= len(self.options):
            return self.options[int(text) - 1]
        return next((o for o in self.options if o.werkvorm == text), None)


@dataclass(frozen=True)
class FormPlan:
    statements: list[Statement]
    questions: list[str]
    purpose: str | None  # the project's own sentence on the form; None: the form's default
    comparison: Comparison | None = None
    project_keys: frozenset[str] = field(default_factory=frozenset)  # statements every form has

    @property
    def asks_anything(self) -> bool:
        return bool(self.statements or self.questions or self.comparison)


def project_statements(project, texts) -> list[Statement]:
    chosen = project.evaluation.statements
    if chosen is None:
        return default_statements(texts)
    return [Statement(s.key, " ".join(s.text.split())) for s in chosen]


def plan_form(ws, kit, texts) -> FormPlan:
    """The form of ``kit`` (its project and werkvorm must exist)."""
    project = ws.get("project", kit.project)
    werkvorm = ws.get("werkvorm", kit.werkvorm)
    shared = project_statements(project, texts)
    own = [Statement(s.key, " ".join(s.text.split())) for s in werkvorm.statements]
    purpose = " ".join((project.evaluation.purpose or "").split()) or None
    return FormPlan(shared + own, list(werkvorm.evaluation), purpose, comparison(ws, kit, project),
                    frozenset(s.key for s in shared))


def comparison(ws, kit, project) -> Comparison | None:
    """The comparison question on ``kit``'s form, if the project asks one and this is the last
    round of its buurt, after at least two different werkvormen."""
    question = project.evaluation.compare_question
    if not question or kit.round is None:
        return None
    rounds = sorted((e.model for e in ws.of("kit").values()
                     if e.model.project == kit.project and e.model.neighbourhood == kit.neighbourhood
                     and e.model.round is not None), key=lambda k: (k.round, k.id))
    if not rounds or rounds[-1].round != kit.round:
        return None
    forms = list(dict.fromkeys(k.werkvorm for k in rounds))
    # a werkvorm that does not exist (its kit's own error) keeps its place: the numbers on the
    # form, and so in the results, stay the same
    options = tuple(Option(f, ws.get("werkvorm", f).name if ws.get("werkvorm", f) else f,
                           tuple(k.round for k in rounds if k.werkvorm == f)) for f in forms)
    return Comparison(" ".join(question.split()), options) if len(options) >= 2 else None


def input_files(ws, kit) -> list[str]:
    """The files a kit's form depends on besides its own (for incremental builds): in a project
    that compares its werkvormen, the other round kits of its buurt and their werkvormen, which
    decide whether its form asks the comparison question, and with which forms."""
    project = ws.get("project", kit.project)
    if project is None or not project.evaluation.compare_question:
        return []
    found = []
    for entry in ws.of("kit").values():
        other = entry.model
        if other.project == kit.project and other.neighbourhood == kit.neighbourhood \
                and other.round is not None and kit.round is not None:
            found.append(entry.doc.file)
            if other.werkvorm in ws.of("werkvorm"):
                found.append(ws.of("werkvorm")[other.werkvorm].doc.file)
    return found
