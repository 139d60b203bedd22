"""``casuskit build``: the pipeline from YAML to a printable kit, top to bottom.

load, validate and cross-check every file (:mod:`casuskit.check`) → open each project's house
style once (:mod:`casuskit.verify`) → stop on an error in what the chosen kits are made from →
skip kits whose inputs and output are unchanged (:mod:`casuskit.incremental`) → plan, divide
the tables and render every document of the others, kits side by side (:mod:`casuskit.parallel`,
through the document-kind registry :mod:`casuskit.render.registry`) → hand each kit's bytes to
the one writer (:mod:`casuskit.writer`) as it arrives, which stages them and commits all files
and the manifest at once. Nothing in ``output/`` changes unless every kit rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from casuskit import incremental
from casuskit.errors import BuildFailed, CheckFailed, Diagnostic, UsageError
from casuskit.printing import KitPrint
from casuskit.writer import OUTPUT_FOLDER, Output, locking


@dataclass
class KitResult:
    printing: KitPrint
    files: list[str]


@dataclass
class BuildResult:
    kits: list[KitResult]           # the kits (re)built now
    written: list[Path]
    warnings: list[Diagnostic] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # kit ids already up to date in output/
    errors: list[Diagnostic] = field(default_factory=list)  # in other files: shown, did not stop these kits
    removed_prints: dict[str, list[str]] = field(default_factory=dict)  # kit → stale prints removed


@locking(lambda root, kit_ids=(), out=None, *_, **__: out or root / OUTPUT_FOLDER)  # one build per folder
def build(root: Path, kit_ids: tuple[str, ...] = (), out: Path | None = None,
          progress: Callable[[str], None] | None = None, force: bool = False,
          jobs: int | None = None, strict: bool = False) -> BuildResult:
    """Check, then build the given kits (default: all) into ``out`` (default: output/).

    Kits whose inputs and output are unchanged since the last build are skipped unless
    ``force``; the others render in ``jobs`` processes (default: one per core). ``strict``
    (``--streng``) refuses to build while check has warnings, such as a concept casus.
    """
    folder = out or root / OUTPUT_FOLDER
    if not force:
        fresh = incremental.up_to_date(root, folder, kit_ids)
        if fresh is not None:
            if strict and fresh.warnings:
                raise CheckFailed(fresh.warnings)
            return BuildResult([], [], fresh.warnings, fresh.kit_ids)
    from casuskit import checkapart, printrecord, rolecolours, verify
    from casuskit.check import blocking_errors
    from casuskit.parallel import render_kits
    from casuskit.textrender import Texts

    hashes = incremental.Hashes(root)
    checked_digest = hashes.check_inputs()  # before check reads them: a file saved meanwhile
    checked = checkapart.check_for_build(root)  # only makes the next build look again
    ws = checked.workspace
    hashes.groups = rolecolours.input_groups(ws)
    styles = verify.house_styles(ws)
    checked = checked.with_diagnostics(checked.diagnostics + verify.house_style_problems(ws, styles)
                                       + verify.font_problems(ws, styles))
    if blocking_errors(checked, kit_ids) or (strict and checked.warnings):
        # errors in files these kits are not made from do not block; --streng: no warning either
        raise CheckFailed(checked.diagnostics)
    errors, found = checked.errors, checked.diagnostics
    kits = select_kits(ws, kit_ids)
    manifest = incremental.Manifest.load(folder)
    stale: list[tuple[str, incremental.KitRecord]] = []
    unchanged: list[str] = []
    for kit in kits:
        project = ws.get("project", kit.project)
        inputs = incremental.kit_inputs(ws, kit, project.house_style)
        record = incremental.KitRecord(hashes.kit(inputs), inputs)
        old = manifest.kits.get(kit.id)
        if not force and old is not None and old.digest == record.digest \
                and incremental.outputs_intact(folder, old):
            unchanged.append(kit.id)
        else:
            stale.append((kit.id, record))
    records = dict(stale)
    problems: list[Diagnostic] = []
    results: list[KitResult] = []
    removed: dict[str, list[str]] = {}
    shared: dict = {}  # what kits' print plans have in common, one object each
    with Output(folder) as output:  # each kit's files are staged as it arrives
        for result in render_kits(root, ws, Texts(root), styles, list(records), jobs, progress):
            result.raise_failure()
            problems += result.problems
            if problems:  # the build fails: collect every kit's problems, stage nothing more
                continue
            result.printing.share(shared)
            record, where = records[result.kit_id], result.printing.folder
            record.printing = result.printing
            files, old_prints = printrecord.settle(folder, manifest.kits.get(result.kit_id), record,
                                                   result.files)
            for name in old_prints:  # removed first at the commit: never a PDF of older documents
                output.remove(name)
            if old_prints:
                removed[result.kit_id] = [name.rsplit("/", 1)[-1] for name in old_prints]
            for name, content in files:
                output.add(f"{where}/{name}", content)
            record.outputs = incremental.content_record(files, where, output.stats)
            manifest.kits[result.kit_id] = record
            results.append(KitResult(result.printing, [shared.setdefault(name, name) for name, _ in files]))
        if problems:
            raise BuildFailed(once(problems))
        manifest.checked = None if errors else checked_digest  # errors elsewhere: check again
        manifest.warnings = [d for d in found if not d.is_error]
        manifest.all_kits = sorted(ws.of("kit"))
        manifest.groups = hashes.groups
        manifest.kits = {k: v for k, v in manifest.kits.items() if k in ws.of("kit")}
        output.add_manifest(incremental.MANIFEST_NAME, manifest.chunks())  # made as written
        written = [path for path in output.commit() if path.name != incremental.MANIFEST_NAME]
    results.sort(key=lambda result: result.printing.kit_id)
    return BuildResult(results, written, manifest.warnings, unchanged, errors, removed)


def once(problems: list[Diagnostic]) -> list[Diagnostic]:
    """Each problem once, sorted: a card several kits print from the same text is one mistake
    (the first kit names it), as ``check`` reports it."""
    found: dict[tuple, Diagnostic] = {}
    for problem in sorted(problems, key=Diagnostic.sort_key):
        found.setdefault((problem.code, problem.location, problem.notes), problem)
    return list(found.values())


def select_kits(ws, kit_ids: tuple[str, ...]):
    known = ws.of("kit")
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
