"""``casuskit build``: the pipeline from YAML to a printable kit, top to bottom.

load and validate everything (``check``) → stop on any error → plan each kit (resolve ids,
personalise casussen) → skip kits whose inputs and output are unchanged (``incremental``) →
render every document kind the werkvorm asks for, kits side by side (``parallel``) → hand the
bytes to the writer → write all files and the manifest at once. Nothing is written unless every
kit rendered.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from casuskit import incremental
from casuskit.errors import BuildFailed, CheckFailed, Diagnostic, ReferenceDocError, UsageError
from casuskit.writer import Output, locking

if TYPE_CHECKING:  # imported when building: a build with nothing to do needs none of them
    from casuskit.check import CheckResult
    from casuskit.render.context import KitContext

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
    kits: list[KitResult]           # the kits (re)built now
    written: list[Path]
    warnings: list[Diagnostic] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # kit ids already up to date in output/


@locking(lambda root, kit_ids=(), out=None, *_, **__: out or root / OUTPUT_FOLDER)  # one build per folder
def build(root: Path, kit_ids: tuple[str, ...] = (), out: Path | None = None,
          progress: Callable[[str], None] | None = None, force: bool = False,
          jobs: int | None = None) -> BuildResult:
    """Check, then build the given kits (default: all) into ``out`` (default: output/).

    Kits whose inputs and output are unchanged since the last build are skipped unless
    ``force``; the others render in ``jobs`` processes (default: one per core).
    """
    folder = out or root / OUTPUT_FOLDER
    if not force:
        fresh = incremental.up_to_date(root, folder, kit_ids)
        if fresh is not None:
            return BuildResult([], [], fresh.warnings, fresh.kit_ids)
    from casuskit.check import check_workspace
    from casuskit.parallel import render_kits
    from casuskit.render.context import plan_kit
    from casuskit.textrender import Texts

    hashes = incremental.Hashes(root)
    checked_digest = hashes.check_inputs()  # before check reads them: a file saved meanwhile
    checked = check_workspace(root)         # only makes the next build look again
    if checked.errors:
        raise CheckFailed(checked.diagnostics)
    ws = checked.workspace
    kits = select_kits(checked, kit_ids)
    texts = Texts(root)
    manifest = incremental.Manifest.load(folder)
    references: dict[str, Path | None] = {}
    stale: list[tuple[KitContext, incremental.KitRecord]] = []
    unchanged: list[str] = []
    for kit in kits:
        project = ws.get("project", kit.project)
        if project.id not in references:
            references[project.id] = reference_for(root, project)
        inputs = incremental.kit_inputs(ws, kit, project.house_style)
        record = incremental.KitRecord(hashes.kit(inputs), inputs)
        old = manifest.kits.get(kit.id)
        if not force and old is not None and old.digest == record.digest \
                and incremental.outputs_intact(folder, old):
            unchanged.append(kit.id)
            continue
        stale.append((plan_kit(ws, kit, texts, references[project.id]), record))
    rendered = render_kits(root, ws, texts, references, [ctx.kit.id for ctx, _ in stale], jobs, progress)
    output = Output(folder)
    problems: list[Diagnostic] = []
    results: list[KitResult] = []
    for (ctx, record), result in zip(stale, rendered):
        result.raise_failure()
        ctx.use_seating(result.seating)  # the summary and print pack need it: never solve twice
        problems += result.problems
        for name, content in result.files:
            output.add(f"{ctx.folder}/{name}", content)
        record.outputs = incremental.content_record(result.files, ctx.folder)
        manifest.kits[ctx.kit.id] = record
        results.append(KitResult(ctx, [name for name, _ in result.files]))
    if problems:
        raise BuildFailed(sorted(problems, key=Diagnostic.sort_key))
    manifest.checked, manifest.warnings = checked_digest, checked.warnings
    manifest.all_kits = sorted(ws.of("kit"))
    manifest.kits = {k: v for k, v in manifest.kits.items() if k in ws.of("kit")}
    output.add_manifest(incremental.MANIFEST_NAME, manifest.to_bytes())
    written = [path for path in output.commit() if path.name != incremental.MANIFEST_NAME]
    return BuildResult(results, written, checked.warnings, unchanged)


def render_kit(ctx: KitContext) -> tuple[list[tuple[str, bytes]], list[Diagnostic]]:
    """Every file of one kit, and the problems (such as over-full cards) that stop the build."""
    files: list[tuple[str, bytes]] = []
    problems: list[Diagnostic] = []
    for kind in ctx.werkvorm.documents:
        try:
            files += _renderer(kind)(ctx)
        except BuildFailed as exc:
            problems += exc.diagnostics
    from casuskit.render import calibration, printlist
    files += calibration.render(ctx)  # kalibratie.docx, when the kit prints cards
    from casuskit.render import meeting  # participant-list documents and the evaluation form
    problems += meeting.problems(ctx)
    files += meeting.render(ctx)
    files += printlist.render(ctx)
    return files, problems


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
    try:
        reference = docxio.open_reference(path)
    except ReferenceDocError as exc:  # say it with the path as the project file writes it
        problem = "is geen bruikbaar Word-document (.docx)" if path.is_file() else "bestaat niet"
        raise ReferenceDocError(f"de huisstijl {project.house_style} {problem}", exc.hint) from None
    missing = huisstijl.missing_styles(reference)
    if missing:
        raise ReferenceDocError(
            f"de huisstijl {project.house_style} mist {len(missing)} stijl(en): " + ", ".join(missing),
            "Maak een nieuwe met `casuskit huisstijl PAD` en neem uw aanpassingen over, of voeg de "
            "stijlen met precies deze namen toe in Word (Start → Stijlen → Nieuwe stijl).")
    return path


def _renderer(kind: str):
    return importlib.import_module(RENDERERS[kind]).render
