"""Finding, loading and validating every YAML file of a casuskit folder.

A *workspace* is a folder with ``projecten/``, ``buurten/``, ``werkvormen/``, ``casussen/``
and ``kits/``. :func:`load_workspace` reads all of them (nothing is written), validates each
into its model, and returns the valid entries together with every diagnostic found so far.
Cross-references between files are checked afterwards by :mod:`casuskit.crossref`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from casuskit.errors import Diagnostic, Location, WorkspaceNotFound, error
from casuskit.paths import shown

if TYPE_CHECKING:  # the model (pydantic) loads with the files: finding the root needs neither
    from casuskit.model import Kind
    from casuskit.yamlload import Document

SUFFIXES = (".yaml", ".yml")
ROOT_MARKERS = ("kits", "casussen")  # a folder holding either is a casuskit workspace


@dataclass
class Entry:
    """One valid file: its kind, the loaded document (for locations) and the model."""

    kind: Kind
    doc: Document
    model: object

    @property
    def id(self) -> str:
        return self.model.id  # type: ignore[attr-defined]


@dataclass
class Workspace:
    root: Path
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)  # kind name → id → entry
    files: list[str] = field(default_factory=list)  # every YAML file seen, valid or not
    # ids of files that exist but did not load or validate: references to them are not errors twice
    broken: dict[str, set[str]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of(self, kind: str) -> dict[str, Entry]:
        return self.entries.setdefault(kind, {})

    def get(self, kind: str, id_: str):
        entry = self.of(kind).get(id_)
        return entry.model if entry else None


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds casuskit input folders."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).is_dir() for marker in ROOT_MARKERS):
            return folder
    raise WorkspaceNotFound(
        f"hier is geen casuskit-map gevonden (geen map kits/ of casussen/ in {start} of erboven)",
        "Ga met `cd` naar de map van uw project, of geef die op met `--map PAD`.")


def discover(root: Path) -> list[tuple[Kind, Path]]:
    from casuskit.model import KINDS
    found = []
    for kind in KINDS:
        folder = root / kind.folder
        if folder.is_dir():
            found += [(kind, p) for p in sorted(folder.rglob("*"))
                      if p.suffix in SUFFIXES and p.is_file() and not p.name.startswith(".")]
    return found


def load_workspace(root: Path) -> Workspace:
    from casuskit.model import KINDS
    from casuskit.validate import validate
    from casuskit.yamlload import load
    workspace = Workspace(root)
    for kind in KINDS:
        workspace.of(kind.name)
    for kind, path in discover(root):
        file = shown(root, path)
        workspace.files.append(file)
        doc, problems = load(path, file)
        workspace.diagnostics += problems
        model = None
        if doc is not None and not any(p.is_error for p in problems):
            model, problems = validate(doc, kind)
            workspace.diagnostics += problems
        if model is not None:
            _add(workspace, Entry(kind, doc, model))
        else:
            _mark_broken(workspace, kind.name, path, doc)
    return workspace


def _mark_broken(workspace: Workspace, kind: str, path: Path, doc: Document | None) -> None:
    """Remember the ids a file that did not load or validate goes by, so that a kit using it
    gets no second error: its file name (an id is its file name) and its `id` if readable."""
    ids = workspace.broken.setdefault(kind, set())
    ids.add(path.stem)
    if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
        ids.add(doc.data["id"])
    elif doc is None:  # not YAML at all: an `id: …` line may still say which one it is
        from casuskit.yamlload import loose_top_level
        loose = loose_top_level(path, "id")
        if loose:
            ids.add(loose)


def _add(workspace: Workspace, entry: Entry) -> None:
    same = workspace.of(entry.kind.name)
    first = same.get(entry.id)
    if first is not None:
        workspace.diagnostics.append(error(
            "dubbele-id", f"de id `{entry.id}` wordt al gebruikt door {first.doc.file}",
            entry.doc.location(entry.doc.positions.value(("id",))),
            f"Geef elke {entry.kind.name} een eigen id, bijv. `{entry.id}-2`.",
            notes=(f"eerste: {first.doc.file}",)))
        return
    same[entry.id] = entry


def files_under(root: Path, paths: list[Path]) -> set[str] | None:
    """The workspace files (display form) that the user's PAD arguments select; None = all."""
    if not paths:
        return None
    selected: set[str] = set()
    for given in paths:
        path = given if given.is_absolute() else Path.cwd() / given
        if not path.exists():
            from casuskit.errors import UsageError
            raise UsageError(f"het pad `{given}` bestaat niet", "Controleer de spelling van het pad.")
        targets = [path] if path.is_file() else [p for p in path.rglob("*") if p.suffix in SUFFIXES]
        selected |= {shown(root, p) for p in targets}
    return selected


def location_of(entry: Entry, path: tuple, key: bool = False) -> Location:
    positions = entry.doc.positions
    span = (positions.key(path) if key else None) or positions.value(path)
    return entry.doc.location(span)
