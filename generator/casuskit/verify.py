"""What only the renderers can tell about valid input: usable house styles, cards that fit.

``check`` (:mod:`casuskit.check`) validates the files; this module adds what depends on the
documents themselves, through the document-kind registry: every project's house style must hold
each style the documents use (:func:`house_styles`) in fonts this computer can measure
(:func:`casuskit.fontcheck.font_problems`), and every card a kit prints must fit its card,
measured in that house style (:func:`card_problems`). :func:`check_project` is the whole
of ``casuskit check``; the build runs the same steps on the kits it builds.
"""

from __future__ import annotations

from pathlib import Path

from casuskit import cardfit
from casuskit.check import CheckResult, check_workspace, kit_files
from casuskit.errors import Diagnostic, ReferenceDocError, error
from casuskit.fontcheck import font_problems
from casuskit.onepage import form_problems
from casuskit.huisstijl import missing_styles
from casuskit.plan import KitContext, plan_kit
from casuskit.textrender import Texts
from casuskit.word import Reference, open_reference


def reference_for(root: Path, project) -> Reference:
    """The project's house style (the shipped reference without one), with every style the
    documents use; a ReferenceDocError that says what is wrong otherwise."""
    if not project.house_style:
        return open_reference()
    path = (root / project.house_style).resolve()
    try:
        reference = open_reference(path)
    except ReferenceDocError as exc:  # say it with the path as the project file writes it
        problem = "is geen bruikbaar Word-document (.docx)" if path.is_file() else "bestaat niet"
        raise ReferenceDocError(f"de huisstijl {project.house_style} {problem}", exc.hint) from None
    from casuskit.render.registry import required_styles
    missing = missing_styles(reference.styles, required_styles())
    if missing:
        raise ReferenceDocError(
            f"de huisstijl {project.house_style} mist {len(missing)} stijl(en): " + ", ".join(missing),
            "Maak een nieuwe met `casuskit huisstijl PAD` en neem uw aanpassingen over, of voeg de "
            "stijlen met precies deze namen toe in Word (Start → Stijlen → Nieuwe stijl).")
    return reference


def house_styles(ws) -> dict[str, Reference | ReferenceDocError]:
    """Per project: its reference document, or why it cannot be used."""
    found: dict[str, Reference | ReferenceDocError] = {}
    for project_id, entry in sorted(ws.of("project").items()):
        try:
            found[project_id] = reference_for(ws.root, entry.model)
        except ReferenceDocError as exc:
            found[project_id] = exc
    return found


def house_style_problems(ws, styles: dict) -> list[Diagnostic]:
    """A located error for every project whose house style exists but cannot be used: not a
    .docx, or lacking styles (a missing file is crossref's)."""
    from casuskit.workspace import location_of
    found = []
    for project_id, reference in styles.items():
        entry = ws.of("project")[project_id]
        if isinstance(reference, ReferenceDocError) and (ws.root / entry.model.house_style).is_file():
            found.append(error("huisstijl-onbruikbaar", reference.message,
                               location_of(entry, ("huisstijl",)), reference.hint))
    return found


def card_problems(ctx: KitContext) -> list[Diagnostic]:
    """kaart-te-vol errors for the cards ``ctx``'s kit prints, measured in its house style."""
    from casuskit.render.registry import printed_cards
    return [problem for cards, size in printed_cards(ctx)
            for problem in cardfit.fit_problems(ctx, cards, size)]


def check_project(root: Path, only: set[str] | None = None) -> CheckResult:
    """``casuskit check``: the files (:func:`~casuskit.check.check_workspace`), then the house
    styles and the cards of every kit whose own files are valid. A card several kits print from
    the same text, at the same size and in the same house style, is reported once."""
    from jinja2 import TemplateError
    from pydantic import ValidationError

    result = check_workspace(root)
    ws, found = result.workspace, list(result.diagnostics)
    styles = house_styles(ws)
    found += house_style_problems(ws, styles) + font_problems(ws, styles)
    broken = {d.location.file for d in found if d.is_error and d.location is not None}
    texts = Texts(ws.root)
    reported: dict[tuple, Diagnostic] = {}
    for _, entry in sorted(ws.of("kit").items()):
        reference = styles.get(entry.model.project)
        if not complete(ws, entry.model) or kit_files(ws, entry.model) & broken \
                or not isinstance(reference, Reference):
            continue  # its own errors come first; measuring needs every file valid
        try:
            ctx = plan_kit(ws, entry.model, texts, reference)
        except (TemplateError, ValidationError):
            continue  # a filled-in text that no longer validates: not a card problem
        for problem in card_problems(ctx) + form_problems(ctx):
            reported.setdefault((reference.digest, problem.location, problem.notes), problem)
    found += reported.values()
    return result.with_diagnostics(found, only)


def complete(ws, kit) -> bool:
    """Every file the kit names exists and validated."""
    wanted = [("project", kit.project), ("buurt", kit.neighbourhood), ("werkvorm", kit.werkvorm)]
    wanted += [("casus", c) for c in kit.casussen] + [("rol", r) for r in kit.roles]
    return all(ws.of(kind).get(id_) is not None for kind, id_ in wanted)
