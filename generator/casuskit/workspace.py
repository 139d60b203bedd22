"""Finding, loading and validating every YAML file of a casuskit folder.

A *workspace* is a folder with ``projecten/``, ``buurten/``, ``werkvormen/``, ``casussen/``
and ``kits/``. :func:`load_workspace` reads all of them (nothing is written), validates each
into its model, and returns the valid entries together with every diagnostic found so far.
Cross-references between files are checked afterwards by :mod:`casuskit.crossref`.

Every file in those folders is accounted for: YAML by its extension in any letter case
(``.yaml``, ``.YML``); any other file is listed in :attr:`Workspace.unread`, so that ``check``
can name it (Notepad's ``.yaml.txt``). Hidden files and the system's own (``Thumbs.db``,
Word's ``~$`` lock files) are left alone. :func:`files_under` refuses a path given on the
command line that is no file ``check`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from casuskit.errors import Diagnostic, Location, UsageError, WorkspaceNotFound, error, warning
from casuskit.paths import shown

if TYPE_CHECKING:  # the model (pydantic) loads with the files: finding the root needs neither
    from casuskit.model import Kind
    from casuskit.yamlload import Document

SUFFIXES = (".yaml", ".yml")
ROOT_MARKERS = ("kits", "casussen")  # a folder holding either is a casuskit workspace
SYSTEM_FILES = ("thumbs.db", "desktop.ini", "icon\r")
# the other folders `check` reads, and the files in them it reads
OTHER_CHECKED = {"deelnemers": (".csv",), "evaluaties": (".csv",), "sjablonen": (".j2",)}


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
    unread: dict[str, list[str]] = field(default_factory=dict)  # kind name → other files in its folder
    # kind name → id → files that go by that id but did not load, validate or register (a
    # second file with the same id): references to them are not errors twice
    broken: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def all_files(self) -> list[str]:
        """Every file in the input folders: the YAML files and the ones casuskit does not read."""
        return self.files + [file for files in self.unread.values() for file in files]

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


def is_yaml(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def _ignored(path: Path) -> bool:
    """Hidden files, Word's lock files and the operating system's own: nobody's content."""
    return path.name.startswith((".", "~$")) or path.name.lower() in SYSTEM_FILES


def discover(root: Path) -> tuple[list[tuple[Kind, Path]], list[tuple[Kind, Path]]]:
    """The YAML files of each kind's folder, and the other files there."""
    from casuskit.model import KINDS
    found, other = [], []
    for kind in KINDS:
        folder = root / kind.folder
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not _ignored(path):
                    (found if is_yaml(path) else other).append((kind, path))
    return found, other


def load_workspace(root: Path) -> Workspace:
    from casuskit.model import KINDS
    from casuskit.model.sharing import share_field_sets
    from casuskit.validate import validate
    from casuskit.yamlload import load
    workspace = Workspace(root)
    for kind in KINDS:
        workspace.of(kind.name)
    found, other = discover(root)
    for kind, path in other:  # a kit using `x` of casussen/x.yaml.txt hears it from that file
        file = shown(root, path)
        workspace.unread.setdefault(kind.name, []).append(file)
        workspace.broken.setdefault(kind.name, {}).setdefault(intended_name(file), []).append(file)
    for kind, path in found:
        file = shown(root, path)
        workspace.files.append(file)
        doc, problems = load(path, file)
        workspace.diagnostics += problems
        model = None
        if doc is not None and not any(p.is_error for p in problems):
            model, problems = validate(doc, kind)
            workspace.diagnostics += problems
        if model is not None:
            share_field_sets(model)
            entry = Entry(kind, doc, model)
            workspace.diagnostics += _name_differs(entry, path)
            _add(workspace, entry)
            doc.forget_positions()  # read again from the text when a finding needs them
        else:
            _mark_broken(workspace, kind.name, path, doc)
    return workspace


def _mark_broken(workspace: Workspace, kind: str, path: Path, doc: Document | None) -> None:
    """Remember the ids a file that did not load or validate goes by, so that a kit using it
    gets no second error: its file name (an id is its file name) and its `id` if readable."""
    file = shown(workspace.root, path)
    ids = {path.stem}
    if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
        ids.add(doc.data["id"])
    elif doc is None:  # not YAML at all: an `id: …` line may still say which one it is
        from casuskit.yamlload import loose_top_level
        loose = loose_top_level(path, "id")
        if loose:
            ids.add(loose)
    for id_ in ids:
        workspace.broken.setdefault(kind, {}).setdefault(id_, []).append(file)


def _name_differs(entry: Entry, path: Path) -> list[Diagnostic]:
    """The docs promise that a casus (buurt, werkvorm …) is found by its file name."""
    if not entry.kind.named_by_id or entry.id == path.stem:
        return []
    return [warning("id-niet-bestandsnaam", f"de id `{entry.id}` is niet gelijk aan de bestandsnaam "
                    f"`{path.name}`", entry.doc.location(entry.doc.positions.value(("id",))),
                    f"Noem het bestand `{entry.id}{path.suffix}`, of maak de id `{path.stem}`; zo vindt "
                    f"iedereen de {entry.kind.name} terug aan zijn naam.")]


def _add(workspace: Workspace, entry: Entry) -> None:
    same = workspace.of(entry.kind.name)
    first = same.get(entry.id)
    if first is not None:
        workspace.diagnostics.append(error(
            "dubbele-id", f"de id `{entry.id}` wordt al gebruikt door {first.doc.file}",
            entry.doc.location(entry.doc.positions.value(("id",))),
            f"Geef elke {entry.kind.name} een eigen id, bijv. `{entry.id}-2`.",
            notes=(f"eerste: {first.doc.file}",)))
        workspace.broken.setdefault(entry.kind.name, {}).setdefault(entry.id, []).append(entry.doc.file)
        return
    same[entry.id] = entry


def files_under(root: Path, paths: list[Path]) -> set[str] | None:
    """The workspace files (display form) that the user's PAD arguments select; None = all.
    A path that is not a file ``check`` reads, or a folder holding none, is refused."""
    if not paths:
        return None
    selected: set[str] = set()
    for given in paths:
        path = (given if given.is_absolute() else Path.cwd() / given).resolve()
        if not path.exists():
            raise UsageError(f"het pad `{given}` bestaat niet", "Controleer de spelling van het pad.")
        try:
            relative = path.relative_to(root.resolve())
        except ValueError:
            raise UsageError(f"`{given}` ligt buiten de projectmap {root}",
                             f"casuskit controleert alleen de bestanden in {_folders()} van de projectmap.") from None
        if path.is_file():
            _refuse_unless_checked(given, relative)
            selected.add(relative.as_posix())
            continue
        inside = [p for p in path.rglob("*") if p.is_file() and not _ignored(p)
                  and _checked_folder(p.relative_to(root.resolve())) is not None]
        if not inside:
            raise UsageError(f"in `{given}` staan geen bestanden die casuskit controleert",
                             f"casuskit controleert de bestanden in {_folders()}.")
        selected |= {p.relative_to(root.resolve()).as_posix() for p in inside}
    return selected


def _checked_folder(relative: Path) -> tuple[str, ...] | None:
    """The suffixes ``check`` reads in the top folder of ``relative`` (() for any: a kind's
    folder, where other files get a warning), or None when ``check`` does not look there."""
    from casuskit.model import KINDS
    top = relative.parts[0] if len(relative.parts) > 1 else ""
    if top in {kind.folder for kind in KINDS}:
        return ()
    return OTHER_CHECKED.get(top)


def _refuse_unless_checked(given: Path, relative: Path) -> None:
    suffixes = _checked_folder(relative)
    if suffixes is None:
        raise UsageError(f"`{given}` is geen bestand dat casuskit controleert",
                         f"casuskit controleert de bestanden in {_folders()}.")
    if suffixes == () and not is_yaml(relative):
        raise UsageError(f"casuskit leest `{given}` niet: alleen bestanden die op .yaml of .yml eindigen",
                         unread_hint(relative.as_posix()))
    if suffixes and relative.suffix.lower() not in suffixes:
        raise UsageError(f"casuskit leest `{given}` niet: in {relative.parts[0]}/ alleen "
                         + " en ".join(suffixes) + "-bestanden", "Controleer de naam van het bestand.")


def _folders() -> str:
    from casuskit.model import KINDS
    names = [f"{kind.folder}/" for kind in KINDS] + [f"{folder}/" for folder in OTHER_CHECKED]
    return ", ".join(names[:-1]) + " en " + names[-1]


def intended_name(file: str) -> str:
    """The id a file not read as YAML was probably meant to have: ``x`` for ``x.yaml.txt``."""
    name = file.rsplit("/", 1)[-1]
    lower = name.lower()
    for suffix in SUFFIXES:
        if suffix + "." in lower:
            return name[:lower.index(suffix + ".")]
    return name.split(".", 1)[0]


def unread_hint(file: str) -> str:
    """How to make casuskit read a file it skips, or why it may stay."""
    folder, _, name = file.rpartition("/")
    lower = name.lower()
    if any(suffix + "." in lower for suffix in SUFFIXES):
        return (f"Hernoem het naar {folder}/{intended_name(file)}.yaml. Kladblok zet er .txt achter "
                "als u bij 'Opslaan als' niet het type 'Alle bestanden' kiest.")
    if lower.endswith(("~", ".bak", ".orig", ".tmp")):
        return "Het lijkt een reservekopie; verwijder het, of zet het buiten deze map."
    return (f"Is het een {folder.split('/')[0]}-bestand, sla het dan op als tekst met de extensie .yaml. "
            "Anders: zet het buiten deze map.")


def location_of(entry: Entry, path: tuple, key: bool = False) -> Location:
    positions = entry.doc.positions
    span = (positions.key(path) if key else None) or positions.value(path)
    return entry.doc.location(span)
