"""Incremental builds: which kits are already up to date in ``output/``.

Every build records in ``output/.casuskit-manifest.json`` (written in the same atomic commit as
the kits) for each kit: a digest of everything its documents are made from, the input files
that digest covers, and the size and SHA-256 of each file it wrote. The digest covers

- the bytes of the kit's own files: kit, project, buurt, werkvorm, casussen, rollen, the
  project's house-style document, the kit's participant list and kept table division, and
  those of the earlier rounds of its buurt (``deelnemers/``: they decide who sits where); when
  it prints role colours, every list of its project, recorded once per project as a group
  (``groups``), not once per kit: at 2,000 kits the lists would make the manifest quadratic;
- the shared inputs: casuskit's version, its own code, templates and data, and the project's
  ``sjablonen/``.

A kit is rebuilt when its digest changed or one of its files is missing or was changed by hand.
The PDFs, print pack and contact sheet made from a kit's documents (``--pdf``) are recorded too
(``prints``): when the documents change they are made again or removed, never left behind
showing an older version (:mod:`casuskit.printrecord`).

The manifest also keeps the digest of *all* input files at the last successful check. When
that is unchanged, ``casuskit check`` would find exactly what it found then (no errors, or there
would be no manifest), so a build with nothing to do answers from hashes alone: no YAML parsing,
no pydantic, no python-docx. This module therefore imports nothing heavy.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import casuskit
from casuskit.errors import Diagnostic, Location
from casuskit.printing import KitPrint

MANIFEST_NAME = ".casuskit-manifest.json"
FORMAT = 5
# the workspace folders holding YAML (as casuskit.model.KINDS; a test keeps them equal)
YAML_FOLDERS = ("projecten", "buurten", "werkvormen", "casussen", "rollen", "kits")
YAML_SUFFIXES = (".yaml", ".yml")
TEMPLATE_FOLDER = "sjablonen"        # project overrides of the fixed texts: shared by all kits
PARTICIPANT_FOLDER = "deelnemers"    # deelnemers/<kit-id>.csv: belongs to one kit
_MISSING = "-"                       # digest of a file that does not exist


@dataclass
class KitRecord:
    digest: str
    inputs: list[str]                                          # workspace-relative posix paths
    outputs: dict[str, tuple[int, str, int]] = field(default_factory=dict)  # → (size, sha256, mtime ns)
    printing: KitPrint | None = None                           # what to print of it (print pack)
    prints: dict[str, tuple[int, str, int]] = field(default_factory=dict)  # its PDFs, pack, preview


@dataclass
class Manifest:
    checked: str | None = None      # digest of all inputs at the last successful check
    warnings: list[Diagnostic] = field(default_factory=list)  # what check warned about then
    all_kits: list[str] = field(default_factory=list)  # every kit id in the workspace then
    kits: dict[str, KitRecord] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)  # an input naming many files

    def users(self, relative: str) -> set[str]:
        """The kits built from the file ``relative``, directly or through a group."""
        names = {relative} | {name for name, files in self.groups.items() if relative in files}
        return {kit_id for kit_id, record in self.kits.items() if names.intersection(record.inputs)}

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest in ``folder``; an empty one when absent, unreadable or of another
        casuskit version (then everything is rebuilt once)."""
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("casuskit") != casuskit.__version__:
                return cls()
            kits = {kit_id: KitRecord(k["digest"], list(k["inputs"]),
                                      {name: tuple(found) for name, found in k["outputs"].items()},
                                      KitPrint.from_dict(k["print"]) if k.get("print") else None,
                                      {name: tuple(found) for name, found in k.get("prints", {}).items()})
                    for kit_id, k in data["kits"].items()}
            warnings = [_diagnostic(d) for d in data.get("warnings", [])]
            groups = {str(name): [str(f) for f in files] for name, files in data.get("groups", {}).items()}
            return cls(data.get("checked"), warnings, [str(k) for k in data.get("all_kits", [])], kits,
                       groups)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls()

    def to_bytes(self) -> bytes:
        return b"".join(self.chunks())

    def chunks(self) -> Iterator[bytes]:
        """The manifest as JSON, one line per kit, made as it is written: readable, by the json
        module's C encoder (an indented dump goes through its Python one: at 2,000 kits that
        took 70 MiB and a second), and never whole in memory (10 MB at 2,000 kits)."""
        head = {"format": FORMAT, "casuskit": casuskit.__version__, "checked": self.checked,
                "warnings": [dataclasses.asdict(d) for d in self.warnings],
                "all_kits": sorted(self.all_kits),
                "groups": {name: sorted(files) for name, files in sorted(self.groups.items())}}
        yield ("{\n" + "".join(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n"
                               for key, value in head.items()) + ' "kits": {').encode("utf-8")
        for number, (kit_id, record) in enumerate(sorted(self.kits.items())):
            yield (f"{',' if number else ''}\n  {json.dumps(kit_id)}: "
                   f"{json.dumps(_kit_data(record), ensure_ascii=False)}").encode("utf-8")
        yield b"\n }\n}\n" if self.kits else b"}\n}\n"


def _kit_data(r: KitRecord) -> dict:
    return {"digest": r.digest, "inputs": r.inputs,
            "outputs": {n: list(v) for n, v in sorted(r.outputs.items())},
            "print": r.printing.to_dict() if r.printing else None,
            "prints": {n: list(v) for n, v in sorted(r.prints.items())}}


def _diagnostic(data: dict) -> Diagnostic:
    location = Location(**data["location"]) if data.get("location") else None
    return Diagnostic(data["severity"], data["code"], data["message"], location, data.get("hint"),
                      tuple(data.get("notes", ())))


class Hashes:
    """SHA-256 digests of a workspace's files, each file read at most once."""

    def __init__(self, root: Path, groups: dict[str, list[str]] | None = None):
        self.root = root
        self.groups = groups or {}  # an input that names many files: their digest together
        self._files: dict[str, str] = {}
        self._shared: str | None = None

    def file(self, relative: str) -> str:
        found = self._files.get(relative)
        if found is None and relative in self.groups:
            found = self._files[relative] = self.of(self.groups[relative])
        elif found is None:
            try:
                found = hashlib.sha256((self.root / relative).read_bytes()).hexdigest()
            except OSError:
                found = _MISSING
            self._files[relative] = found
        return found

    def of(self, relatives) -> str:
        """One digest over the given files: their paths and their contents."""
        digest = hashlib.sha256()
        for relative in sorted(set(relatives)):
            digest.update(f"{relative}\0{self.file(relative)}\n".encode("utf-8"))
        return digest.hexdigest()

    def shared(self) -> str:
        """casuskit itself (version, code, templates, data) and the project's sjablonen/."""
        if self._shared is None:
            digest = hashlib.sha256(f"casuskit {casuskit.__version__}\n".encode("utf-8"))
            digest.update(package_digest().encode("ascii"))
            digest.update(self.of(files_in(self.root, TEMPLATE_FOLDER)).encode("ascii"))
            self._shared = digest.hexdigest()
        return self._shared

    def kit(self, inputs: list[str]) -> str:
        return hashlib.sha256(f"{self.shared()}\n{self.of(inputs)}".encode("ascii")).hexdigest()

    def check_inputs(self) -> str:
        """Everything ``casuskit check`` reads: every YAML file, the participant lists, and
        the shared inputs (the variables a casus text may use come from the code)."""
        files = [f for folder in YAML_FOLDERS for f in files_in(self.root, folder)]  # check names the others
        files += files_in(self.root, PARTICIPANT_FOLDER)
        return hashlib.sha256(f"{self.shared()}\n{self.of(files)}".encode("ascii")).hexdigest()


def files_in(root: Path, folder: str, suffixes: tuple[str, ...] | None = None) -> list[str]:
    """Workspace-relative paths of the (non-hidden) files below ``root/folder``."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in base.rglob("*")
                  if p.is_file() and not p.name.startswith(".")
                  and (suffixes is None or p.suffix.lower() in suffixes))


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of casuskit's own files (code, templates, data), once per process."""
    package = Path(casuskit.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def kit_inputs(ws, kit, house_style: str | None) -> list[str]:
    """The workspace files one kit's documents are made from (see the module docstring)."""
    files = [ws.of("kit")[kit.id].doc.file, ws.of("project")[kit.project].doc.file,
             ws.of("buurt")[kit.neighbourhood].doc.file, ws.of("werkvorm")[kit.werkvorm].doc.file]
    files += [ws.of("casus")[casus_id].doc.file for casus_id in kit.casussen]
    files += [ws.of("rol")[role_id].doc.file for role_id in kit.roles]
    if house_style:
        files.append(Path(house_style).as_posix())
    from casuskit.seating.plan import input_files  # list, kept division, earlier rounds' lists
    files += input_files(ws, kit)
    from casuskit.evaluation.form import input_files as form_inputs  # the comparison question
    from casuskit.rolecolours import input_files as colour_inputs  # the project's role colours
    files += form_inputs(ws, kit) + colour_inputs(ws, kit)  # a group: see Hashes.groups
    return sorted(set(files))


def content_record(files: list[tuple[str, bytes]], folder: str,
                   stats: dict[str, tuple[int, int]]) -> dict[str, tuple[int, str, int]]:
    """What a kit wrote: output-relative path → (size, SHA-256, modification time in ns), the
    size and time as the writer found them once staged."""
    record = {}
    for name, content in files:
        relative = f"{folder}/{name}"
        record[relative] = (len(content), hashlib.sha256(content).hexdigest(), stats[relative][1])
    return record


def outputs_intact(out: Path, record: KitRecord) -> bool:
    """True when every file the kit wrote is still there, unchanged."""
    return files_intact(out, record.outputs)


def files_intact(out: Path, recorded: dict[str, tuple[int, str, int]]) -> bool:
    """True when every ``recorded`` file is still there, unchanged (False for none): the same
    size and time answer at once; only a file touched since is read and hashed."""
    for name, (size, sha, mtime) in recorded.items():
        path = out / name
        try:
            found = path.stat()
            if found.st_size != size:
                return False
            if found.st_mtime_ns != mtime and hashlib.sha256(path.read_bytes()).hexdigest() != sha:
                return False
        except OSError:
            return False
    return bool(recorded)


def is_fresh(hashes: Hashes, out: Path, record: KitRecord | None) -> bool:
    """The kit's recorded inputs are unchanged and its output is intact."""
    return (record is not None and hashes.kit(record.inputs) == record.digest
            and outputs_intact(out, record))


@dataclass
class UpToDate:
    kit_ids: list[str]
    warnings: list[Diagnostic]


def up_to_date(root: Path, out: Path, kit_ids: tuple[str, ...] = ()) -> UpToDate | None:
    """When nothing needs building (all inputs as at the last successful check, every asked
    kit fresh): which kits, and how many warnings check found. Otherwise None."""
    manifest = Manifest.load(out)
    if manifest.checked is None or not manifest.all_kits:
        return None
    hashes = Hashes(root, manifest.groups)
    if hashes.check_inputs() != manifest.checked:
        return None
    wanted = list(kit_ids) or manifest.all_kits
    if not all(is_fresh(hashes, out, manifest.kits.get(kit_id)) for kit_id in wanted):
        return None
    return UpToDate(wanted, manifest.warnings)
