"""``casuskit watch``: rebuild the kits a saved file affects, and keep watching.

The watcher (watchfiles) only reports which files changed. :func:`affected_kits` turns those
into kit ids using the build manifest, which records the input files of every kit, and
:func:`rebuild` does one round: check, and either show the errors (and keep watching) or build
the affected kits, and make the PDFs again of those that had them (never a stale PDF). A
:class:`Session` keeps every changed file pending until a round that includes it succeeds: a file
saved while another file had an error is built once that error is fixed. All of it works
without a watcher, so it is tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from casuskit import incremental
from casuskit.paths import relative as relative_path

ALL = None  # affected_kits' answer when every kit may be affected


def relevant(root: Path, out: Path, path: Path) -> bool:
    """Whether a changed path can affect a kit: a file in the input folders, or any file a kit
    was built from (such as a house-style document). Never the output, never hidden or editor
    temporary files."""
    path = Path(path)
    if path.name.startswith((".", "~", "#")) or path.name.endswith(("~", ".swp", ".tmp")):
        return False
    try:
        path.resolve().relative_to(out.resolve())
        return False
    except ValueError:
        pass
    relative = relative_path(root, path)
    if relative is None:
        return False
    folder = relative.split("/", 1)[0]
    if folder in incremental.YAML_FOLDERS:
        return path.suffix.lower() in incremental.YAML_SUFFIXES  # not an editor's or sed's temporary file
    if folder in (incremental.TEMPLATE_FOLDER, incremental.PARTICIPANT_FOLDER):
        return True
    return bool(incremental.Manifest.load(out).users(relative))


def affected_kits(root: Path, out: Path, changed: Iterable[Path]) -> set[str] | None:
    """The ids of the kits built from any of the ``changed`` files, by the last build's
    manifest. :data:`ALL` (None) when that cannot be known: a project template changed, a file
    no kit used so far appeared (a new kit or casus), or there is no manifest yet."""
    manifest = incremental.Manifest.load(out)
    if not manifest.kits:
        return ALL
    affected: set[str] = set()
    for path in changed:
        relative = relative_path(root, Path(path))
        if relative is None:
            continue
        if not (root / relative).exists():
            return ALL  # deleted or renamed: a kit may be gone; let the build's digests decide
        users = manifest.users(relative)
        if users:
            affected |= users
        elif relative.startswith(incremental.TEMPLATE_FOLDER + "/"):
            return ALL
        elif relative.split("/", 1)[0] in incremental.YAML_FOLDERS + (incremental.PARTICIPANT_FOLDER,):
            # not an input of any kit yet: a new or renamed file. A new kit, or a file a kit
            # will now use; let the build's digests decide which.
            return ALL
    return affected


@dataclass
class Round:
    """What one round of :func:`rebuild` did."""

    kits: set[str] | None                     # the kits looked at (None: all)
    built: list[str] = field(default_factory=list)
    diagnostics: list = field(default_factory=list)  # errors shown instead of building
    failed: bool = False


def rebuild(root: Path, out: Path, changed: Iterable[Path] | None, jobs: int | None = None,
            show: Callable[[str], None] = print, show_diagnostics: Callable[[list], None] | None = None) -> Round:
    """One round: build the kits ``changed`` affects (every kit when ``changed`` is None or the
    affected kits cannot be known). Check errors are shown, not raised, and nothing is written
    then; the next save tries again."""
    from casuskit.build import build
    from casuskit.check import check_workspace
    from casuskit.errors import BuildFailed, CasuskitError, CheckFailed

    kits = ALL if changed is None else affected_kits(root, out, changed)
    result = Round(kits)
    try:
        if kits is not None and not kits:  # no kit uses the file, but it may hold errors
            checked = check_workspace(root)
            if checked.errors:
                raise CheckFailed(checked.errors)
            show("Geen kit gebruikt dit bestand; er is niets opnieuw gemaakt.")
            return result
        built = build(root, tuple(sorted(kits)) if kits is not None else (), out, jobs=jobs)
    except (CheckFailed, BuildFailed) as exc:
        result.diagnostics, result.failed = exc.diagnostics, True
        if show_diagnostics:
            show_diagnostics(exc.diagnostics)
        errors = sum(1 for d in exc.diagnostics if d.is_error)
        show(f"{errors} {'fout' if errors == 1 else 'fouten'}: er is niets geschreven. "
             "Sla het bestand opnieuw op als het is opgelost.")
        return result
    except CasuskitError as exc:
        result.failed = True
        show(f"fout: {exc.message}" + (f"\nhulp: {exc.hint}" if exc.hint else ""))
        return result
    result.built = [kit.printing.kit_id for kit in built.kits]
    if result.built:
        show("Opnieuw gemaakt: " + ", ".join(result.built))
    else:
        show("Alles was al bijgewerkt.")
    if not built.removed_prints:
        return result
    try:  # a kit with PDFs gets them again: they never show an older version
        from casuskit.printready import refresh
        problems = refresh(root, built, out, show)
    except CasuskitError as exc:
        result.failed = True
        show(f"fout: {exc.message}" + (f"\nhulp: {exc.hint}" if exc.hint else ""))
        return result
    if problems:
        result.diagnostics, result.failed = problems, True
        if show_diagnostics:
            show_diagnostics(problems)
        show("De PDF's van deze kits zijn niet gemaakt: op papier valt tekst weg.")
    return result


class Session:
    """The rounds of one ``casuskit watch``: changed files stay pending until a round succeeds."""

    def __init__(self, root: Path, out: Path, jobs: int | None = None):
        self.root, self.out, self.jobs = root, out, jobs
        self.pending: set[Path] | None = set()  # None: every kit (the first round, or after it failed)

    def round(self, changed: Iterable[Path] | None, show: Callable[[str], None] = print,
              show_diagnostics: Callable[[list], None] | None = None) -> Round:
        """One round for ``changed`` (None: every kit) and whatever is still pending."""
        if changed is None or self.pending is None:
            self.pending = None
        else:
            self.pending |= {Path(path) for path in changed}
        paths = None if self.pending is None else sorted(self.pending)
        result = rebuild(self.root, self.out, paths, self.jobs, show, show_diagnostics)
        if not result.failed:
            self.pending = set()
        return result
