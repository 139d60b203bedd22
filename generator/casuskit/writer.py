"""The output writer: owns ``output/``, gathers everything first, then writes atomically.

Renderers hand finished bytes to :meth:`Output.add`; nothing touches the disk until
:meth:`Output.commit`. Commit first writes every file to a temporary name next to its target
and only then renames them all into place, so a build that fails halfway leaves the previous
output as it was. A path may be added only once, and only below ``output/``. casuskit's own
bookkeeping file (the build manifest, :meth:`Output.add_manifest`) is renamed into place last, so
it never describes files that were not written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from casuskit.errors import OutputError

OUTPUT_FOLDER = "output"
SAFE_PART = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class Output:
    folder: Path
    files: dict[str, bytes] = field(default_factory=dict)  # relative posix path → content
    manifest: tuple[str, bytes] | None = None  # (hidden file name in folder, content)

    def add(self, relative: str, content: bytes) -> None:
        path = PurePosixPath(relative)
        if path.is_absolute() or any(not SAFE_PART.match(part) or part in (".", "..") for part in path.parts):
            raise OutputError(f"casuskit weigert het pad `{relative}` te schrijven",
                              "Bestandsnamen komen uit id's; gebruik kleine letters, cijfers en streepjes.")
        if relative in self.files:
            raise OutputError(f"`{relative}` zou twee keer geschreven worden",
                              "Twee kits of documenten krijgen dezelfde naam; geef ze een eigen id.")
        self.files[relative] = content

    def add_manifest(self, name: str, content: bytes) -> None:
        """casuskit's own hidden file directly in the output folder, written last."""
        if not re.match(r"^\.[a-z0-9][a-z0-9._-]*$", name):
            raise OutputError(f"casuskit weigert het pad `{name}` te schrijven")
        self.manifest = (name, content)

    def commit(self) -> list[Path]:
        """Write everything, or nothing. Returns the written paths."""
        targets = [(self.folder / rel, content) for rel, content in sorted(self.files.items())]
        if self.manifest is not None:
            targets.append((self.folder / self.manifest[0], self.manifest[1]))
        present = _names_by_folder({target.parent for target, _ in targets})
        for target, _ in targets:
            # Word's lock file: "~$" plus the name, minus its first two letters for longer names
            locks = {"~$" + target.name, "~$" + target.name[2:]}
            if target.suffix == ".docx" and locks & (present[target.parent] or set()):
                raise OutputError(f"{self._shown(target)} is geopend in Word",
                                  "Sluit het document in Word en bouw opnieuw; er is niets gewijzigd.")
        staged: list[tuple[Path, Path]] = []
        try:
            for target, content in targets:
                if present[target.parent] is None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    present[target.parent] = set()
                temp = target.with_name(f".{target.name}.casuskit-tmp")
                with open(temp, "wb") as handle:
                    handle.write(content)
                staged.append((temp, target))
            for temp, target in staged:
                os.replace(temp, target)
        except PermissionError as exc:
            self._clean(staged)
            raise OutputError(f"{self._shown(Path(exc.filename or self.folder))} kan niet geschreven worden",
                              "Is het bestand geopend in Word of een ander programma? Sluit het en bouw "
                              "opnieuw.") from None
        except OSError as exc:
            self._clean(staged)
            raise OutputError(f"schrijven naar {self._shown(self.folder)} mislukte ({exc.strerror})",
                              "Controleer of er schijfruimte is en of u in deze map mag schrijven.") from None
        return [target for _, target in staged]

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.folder.parent).as_posix()
        except ValueError:
            return str(path)

    @staticmethod
    def _clean(staged: list[tuple[Path, Path]]) -> None:
        for temp, _ in staged:
            try:
                temp.unlink()
            except OSError:
                pass


def _names_by_folder(folders: set[Path]) -> dict[Path, set[str] | None]:
    """The file names in each folder (None if it does not exist yet), listed once: a big build
    writes thousands of files."""
    names: dict[Path, set[str] | None] = {}
    for folder in folders:
        try:
            names[folder] = set(os.listdir(folder))
        except (FileNotFoundError, NotADirectoryError):
            names[folder] = None
    return names
