"""Card fit in ``casuskit check``: the build's kaart-te-vol errors, found while writing.

Each kit whose files are otherwise correct is planned as the build plans it
(:func:`~casuskit.render.context.plan_kit`), and the cards its werkvorm prints (the
gesprekskaarten at the kit's card size, the rolkaarten on A6) are measured by the build's own
:func:`~casuskit.render.cards.fit_problems`, with the style metrics of the project's reference
document (house style). Check and build therefore give the same message, location and hint.

A card that several kits print from the same YAML value, at the same size and in the same
house style, is reported once: for the first of those kits. Measuring needs each project's
house style; one that exists but is no .docx or lacks styles is reported at its `huisstijl`
line (:func:`house_style_problems`), so a facilitator who restyled it in Word hears it from
``check`` too. Texts that recur across kits are wrapped only once
(:func:`casuskit.metrics.wrap` memoises), so this stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from casuskit.errors import Diagnostic, ReferenceDocError, error
from casuskit.textrender import Texts
from casuskit.workspace import Workspace



def card_fit_problems(ws: Workspace, found: list[Diagnostic], texts: Texts) -> list[Diagnostic]:
    """kaart-te-vol errors for every kit that ``found`` (the check so far) has no error in."""
    from jinja2 import TemplateError
    from pydantic import ValidationError

    from casuskit.render import cards
    from casuskit.render.context import plan_kit

    broken = {d.location.file for d in found if d.is_error and d.location is not None}
    styles = _house_styles(ws)
    reported: dict[tuple, Diagnostic] = {}
    for _, entry in sorted(ws.of("kit").items()):
        files = _files_of(ws, entry.model)
        if files is None or (files | {entry.doc.file}) & broken:
            continue  # its own errors come first; measuring needs every file valid
        project = ws.get("project", entry.model.project)
        if isinstance(styles[project.id], ReferenceDocError):
            continue  # house_style_problems reports it
        reference, document = styles[project.id]
        try:
            ctx = plan_kit(ws, entry.model, texts, reference)
        except (TemplateError, ValidationError):
            continue  # a filled-in text that no longer validates: not a card problem
        for card_list, size in printed_cards(ctx):
            for problem in cards.fit_problems(ctx, document, card_list, cards.grid_for(size), size):
                reported.setdefault((reference, problem.location, problem.notes), problem)
    return list(reported.values())


def printed_cards(ctx) -> list[tuple[list, str]]:
    """(cards, card size) for each card document the kit's werkvorm prints."""
    from casuskit.render import cards, rolecards

    found = []
    if "gesprekskaarten" in ctx.werkvorm.documents:
        found.append(([card for group in cards.card_sets(ctx) for card in group], ctx.card_size))
    if "rolkaarten" in ctx.werkvorm.documents:
        found.append((rolecards.role_cards(ctx), rolecards.SIZE))
    return found


def _files_of(ws: Workspace, kit) -> set[str] | None:
    """The files a kit is built from, or None if one of them is missing or did not validate."""
    wanted = [("project", kit.project), ("buurt", kit.neighbourhood), ("werkvorm", kit.werkvorm)]
    wanted += [("casus", c) for c in kit.casussen] + [("rol", r) for r in kit.roles]
    files = set()
    for kind, id_ in wanted:
        entry = ws.of(kind).get(id_)
        if entry is None:
            return None
        files.add(entry.doc.file)
    return files


def house_style_problems(ws: Workspace) -> list[Diagnostic]:
    """A located error for every project whose house style exists but cannot be used: not a
    .docx, or lacking styles the renderers need (a missing file is crossref's)."""
    from casuskit.workspace import location_of

    found = []
    for project_id, styles in sorted(_house_styles(ws).items()):
        entry = ws.of("project")[project_id]
        if isinstance(styles, ReferenceDocError) and (ws.root / entry.model.house_style).is_file():
            found.append(error("huisstijl-onbruikbaar", styles.message,
                               location_of(entry, ("huisstijl",)), styles.hint))
    return found


def _house_styles(ws: Workspace) -> dict[str, tuple | ReferenceDocError]:
    """Per project: (reference path, a document holding its styles), or why it is unusable;
    read once per workspace."""
    cached = ws.__dict__.get("_casuskit_house_styles")
    if cached is None:
        cached = ws.__dict__["_casuskit_house_styles"] = {
            project_id: _styles(ws.root, entry.model) for project_id, entry in ws.of("project").items()}
    return cached


def _styles(root: Path, project) -> tuple | ReferenceDocError:
    """The project's reference (None: the shipped one) and a document holding its styles."""
    from casuskit import docxio
    from casuskit.build import reference_for

    try:
        reference = reference_for(root, project)
        return reference, docxio.new_document(reference)
    except ReferenceDocError as exc:
        return exc
