"""``casuskit check``: load everything, validate, cross-check, and collect every finding.

:func:`check_workspace` never raises for bad input: it returns a :class:`CheckResult` holding
all diagnostics (sorted by file and line) and the workspace with every valid entry, which the
build uses when there are no errors. What depends on the documents themselves (house styles,
cards that fit) is added by :mod:`casuskit.verify`, which ``casuskit check`` runs.

:func:`blocking_errors` decides which errors stop a build of some kits: a mistake in a file
those kits are not made from does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casuskit import (check_address, check_dilemmas, check_status, crossref, fiction,
                      meetingcheck, participants, placeholders, textfields)
from casuskit.evaluation import results
from casuskit.errors import Diagnostic, error, warning
from casuskit.textrender import Texts, context_for
from casuskit.workspace import Workspace, load_workspace
from casuskit.yamlload import Document, text_offset_span


@dataclass
class CheckResult:
    workspace: Workspace
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def with_diagnostics(self, found: list[Diagnostic], only: set[str] | None = None) -> CheckResult:
        """The same workspace with ``found`` as its findings: each once, sorted, and limited
        to the files in ``only`` (display paths) when given."""
        if only is not None:
            found = [d for d in found if d.location is None or d.location.file in only]
        return CheckResult(self.workspace, sorted(dict.fromkeys(found), key=Diagnostic.sort_key))


def check_workspace(root: Path, only: set[str] | None = None) -> CheckResult:
    """Check the whole workspace; ``only`` limits the report to these files (display paths)."""
    ws = load_workspace(root)
    texts = Texts(ws.root)  # one, so that each casus text is compiled once
    found = list(ws.diagnostics)
    found += crossref.check_references(ws)
    found += crossref.check_casus_quality(ws)
    found += casus_variable_problems(ws, texts)
    found += template_syntax_problems(ws)
    found += check_address.address_problems(ws)
    found += placeholders.placeholder_problems(ws)
    found += check_dilemmas.dilemma_problems(ws)
    found += check_status.concept_problems(ws)
    found += participants.check_lists(ws.root, {k: e.model for k, e in ws.of("kit").items()})
    found += meetingcheck.check_meetings(ws)  # cards, evaluation moment, counts
    found += results.check_results(ws, texts)  # evaluaties/<kit-id>.csv
    for entries in ws.entries.values():
        for entry in entries.values():
            found += fiction_findings(entry.doc)
    return CheckResult(ws, []).with_diagnostics(found, only)


def blocking_errors(checked: CheckResult, kit_ids: tuple[str, ...] = ()) -> list[Diagnostic]:
    """The errors that stop ``casuskit build`` of ``kit_ids``; of a full build (no ids), all.

    An error stops a kit when it lies in a file the kit is made from (see :func:`kit_files`),
    in a file that goes by one of the ids the kit uses (a second file with that id, or one that
    did not load, or is not read at all), in the project's own ``sjablonen/``, or nowhere in
    particular. A kit that did not load itself is stopped by every error. Everything else —
    another kit's participant list, a casus no chosen kit uses, an evaluation results file —
    is shown, but the chosen kits are built. Ids that are no kit at all stop nothing here: the
    build says that they do not exist.
    """
    errors = checked.errors
    if not kit_ids or not errors:
        return errors
    ws = checked.workspace
    files: set[str] = set()
    for kit_id in kit_ids:
        entry = ws.of("kit").get(kit_id)
        if entry is None:
            if kit_id in ws.broken.get("kit", {}):
                return errors
            continue
        files |= kit_files(ws, entry.model)
    from casuskit.textrender import OVERRIDE_FOLDER
    return [d for d in errors if d.location is None or d.location.file in files
            or d.location.file.startswith(OVERRIDE_FOLDER + "/")]


def kit_files(ws: Workspace, kit) -> set[str]:
    """Every file a kit is made from, or that could stand for one of the ids it uses."""
    from casuskit.seating.plan import input_files
    wanted = [("kit", kit.id), ("project", kit.project), ("buurt", kit.neighbourhood),
              ("werkvorm", kit.werkvorm)]
    wanted += [("casus", c) for c in kit.casussen] + [("rol", r) for r in kit.roles]
    files: set[str] = set()
    for kind, id_ in wanted:
        entry = ws.of(kind).get(id_)
        if entry is not None:
            files.add(entry.doc.file)
        files.update(ws.broken.get(kind, {}).get(id_, ()))
    return files | set(input_files(ws, kit))


def fiction_findings(doc: Document) -> list[Diagnostic]:
    """Warn about real-looking personal data (BSN, IBAN, phone, e-mail, address) in any text."""
    found = []
    for path, text in textfields.texts(doc.data):
        for finding in fiction.scan_text(text):
            found.append(warning(finding.code, finding.message,
                                 text_offset_span(doc, path, finding.start, finding.end - finding.start),
                                 finding.hint))
    return found


def casus_variable_problems(ws: Workspace, texts: Texts) -> list[Diagnostic]:
    """Render every casus and rol text with ``{{ }}`` with the values of each kit that uses it
    (or of a buurt it could serve), so no kit's build can fail on it later."""
    found: list[Diagnostic] = []
    users: dict[tuple[str, str], list[str]] = {}  # (casus or rol, id) → the kits using it
    for kit_id, kit_entry in sorted(ws.of("kit").items()):
        for kind, ids in (("casus", kit_entry.model.casussen), ("rol", kit_entry.model.roles)):
            for id_ in dict.fromkeys(ids):
                users.setdefault((kind, id_), []).append(kit_id)
    for kind, entry in [*(("casus", e) for e in ws.of("casus").values()),
                        *(("rol", e) for e in ws.of("rol").values())]:
        seen: set[tuple] = set()
        if not any("{" in text for _, text in textfields.texts(entry.doc.data)):
            continue  # nothing to fill in: nothing that can fail
        kits = users.get((kind, entry.model.id), [])
        for number, (kit_id, context) in enumerate(_contexts_for(ws, entry.model, kits)):
            for path, text in textfields.texts(entry.doc.data):
                problem = texts.problem(text, context)
                if problem is None or (path, problem.message) in seen:
                    continue
                seen.add((path, problem.message))
                offset = _line_offset(text, problem.line)
                if problem.needle and text.find(problem.needle, offset) >= 0:
                    offset = text.find(problem.needle, offset)
                length = len(problem.needle) if problem.needle else 0
                notes = (f"alleen met de gegevens van kit `{kit_id}`",) if number else ()
                found.append(error("variabele", problem.message,
                                   text_offset_span(entry.doc, path, offset, length), problem.hint,
                                   notes=notes))
    return found


def _contexts_for(ws: Workspace, model, kit_ids: list[str]) -> list[tuple[str | None, dict]]:
    """(kit id, variables) for every kit using the casus or rol (``kit_ids``); the names are
    the same for every kit, but values differ, and a text may index or test them."""
    found = []
    for kit_id in kit_ids:
        kit = ws.of("kit")[kit_id].model
        project, buurt = ws.get("project", kit.project), ws.get("buurt", kit.neighbourhood)
        if project and buurt:
            found.append((kit_id, context_for(project, buurt, kit)))
    if found:
        return found
    projects = list(ws.of("project").values())
    buurten = [b for b in ([ws.get("buurt", b) for b in getattr(model, "neighbourhoods", [])]
                           or [e.model for e in ws.of("buurt").values()]) if b]
    kits = list(ws.of("kit").values())
    if projects and buurten:  # not in any kit yet: check against a buurt it could serve
        return [(None, context_for(projects[0].model, buurten[0], kits[0].model if kits else None))]
    return []


def _line_offset(text: str, line: int | None) -> int:
    if not line or line <= 1:
        return 0
    offset = 0
    for _ in range(line - 1):
        offset = text.find("\n", offset) + 1
    return offset


def template_syntax_problems(ws: Workspace) -> list[Diagnostic]:
    """A project's own fixed texts (sjablonen/*.j2) must at least parse, and not ask for
    endless work with every variable empty; variables are checked when a kit is built, with
    the kit's context."""
    from jinja2 import TemplateSyntaxError

    from casuskit.errors import Location
    from casuskit.textrender import LIMIT_HINT, OVERRIDE_FOLDER, _dutch_syntax, too_much_work
    folder = ws.root / OVERRIDE_FOLDER
    found: list[Diagnostic] = []
    if not folder.is_dir():
        return found
    env = Texts(ws.root).env
    for path in sorted(folder.glob("*.j2")):
        file = f"{OVERRIDE_FOLDER}/{path.name}"
        try:
            env.parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            found.append(error("geen-utf8", "het sjabloon is niet als UTF-8 opgeslagen", Location(file),
                               "Sla het bestand op met de codering UTF-8."))
        except TemplateSyntaxError as exc:
            found.append(error("sjabloon", f"het sjabloon klopt niet: {_dutch_syntax(exc.message)}",
                               Location(file, exc.lineno or 1, 1),
                               "Vergelijk met het origineel in casuskit (templates/teksten/"
                               f"{path.name})."))
        else:
            problem = too_much_work(ws.root, path.name)
            if problem:
                found.append(error("sjabloon", f"het sjabloon {problem[0]}", Location(file, problem[1] or 1, 1),
                                   LIMIT_HINT.replace("Een casustekst", "Een sjabloon")))
        if not (Path(__file__).parent / "templates" / "teksten" / path.name).is_file():
            found.append(warning("onbekend-sjabloon", f"casuskit kent geen sjabloon `{path.name}`",
                                 Location(file), "Alleen bestanden met de naam van een bestaand sjabloon "
                                 "(templates/teksten/) worden gebruikt; controleer de naam."))
    return found
