"""``casuskit build``: the pipeline from YAML to a printable kit, top to bottom.

load and validate everything (``check``) → stop on any error → plan each kit (resolve ids,
personalise casussen) → render every document kind the werkvorm asks for → hand the bytes to
the writer → write all files at once. Nothing is written unless every kit rendered.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from casuskit.check import CheckResult, check_workspace
from casuskit.errors import BuildFailed, CheckFailed, Diagnostic, ReferenceDocError, UsageError
from casuskit.render.context import KitContext, plan_kit
from casuskit.textrender import Texts
from casuskit.writer import Output

OUTPUT_FOLDER = "output"
# document kind (werkvorm `documenten`) → renderer module with render(ctx) -> [(name, bytes)]
RENDERERS = {
    "draaiboek": "casuskit.render.draaiboek",
    "hand-out": "casuskit.render.handout",
    "gesprekskaarten": "casuskit.render.cards",
    "werkbladen": "casuskit.render.worksheets",
    "rolkaarten": "casuskit.render.rolecards",
}


@dataclass
class KitResult:
    context: KitContext
    files: list[str]


@dataclass
class BuildResult:
    kits: list[KitResult]
    written: list[Path]
    warnings: list[Diagnostic] = field(default_factory=list)


def build(root: Path, kit_ids: tuple[str, ...] = (), out: Path | None = None,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    checked = check_workspace(root)
    if checked.errors:
        raise CheckFailed(checked.diagnostics)
    ws = checked.workspace
    kits = select_kits(checked, kit_ids)
    texts = Texts(root)
    output = Output(out or root / OUTPUT_FOLDER)
    problems: list[Diagnostic] = []
    results: list[KitResult] = []
    references: dict[str, Path | None] = {}
    for kit in kits:
        project = ws.get("project", kit.project)
        if project.id not in references:
            references[project.id] = reference_for(root, project)
        ctx = plan_kit(ws, kit, texts, references[project.id])
        files: list[tuple[str, bytes]] = []
        for kind in ctx.werkvorm.documents:
            try:
                files += _renderer(kind)(ctx)
            except BuildFailed as exc:
                problems += exc.diagnostics
        from casuskit.render import printlist
        files += printlist.render(ctx)
        for name, content in files:
            output.add(f"{ctx.folder}/{name}", content)
        results.append(KitResult(ctx, [name for name, _ in files]))
        if progress:
            progress(kit.id)
    if problems:
        raise BuildFailed(sorted(problems, key=Diagnostic.sort_key))
    written = output.commit()
    return BuildResult(results, written, checked.warnings)


def select_kits(checked: CheckResult, kit_ids: tuple[str, ...]):
    known = checked.workspace.of("kit")
    if not kit_ids:
        return [entry.model for _, entry in sorted(known.items())]
    chosen = []
    for kit_id in kit_ids:
        if kit_id not in known:
            import difflib
            close = difflib.get_close_matches(kit_id, list(known), n=1)
            raise UsageError(f"er is geen kit met de id `{kit_id}`",
                             f"Bedoelde u `{close[0]}`?" if close else
                             "Bestaande kits: " + ", ".join(sorted(known)) + ".")
        chosen.append(known[kit_id].model)
    return chosen


def reference_for(root: Path, project) -> Path | None:
    """The project's house-style document, checked for every style the renderers use."""
    if not project.house_style:
        return None
    path = (root / project.house_style).resolve()
    from casuskit import docxio, huisstijl
    missing = huisstijl.missing_styles(docxio.open_reference(path))
    if missing:
        raise ReferenceDocError(
            f"de huisstijl {project.house_style} mist {len(missing)} stijl(en): " + ", ".join(missing),
            "Maak een nieuwe met `casuskit huisstijl PAD` en neem uw aanpassingen over, of voeg de "
            "stijlen met precies deze namen toe in Word (Start → Stijlen → Nieuwe stijl).")
    return path


def _renderer(kind: str):
    return importlib.import_module(RENDERERS[kind]).render
