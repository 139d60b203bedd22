"""The output writer: owns ``output/``, gathers everything first, then writes atomically.

Renderers hand finished bytes to :meth:`Output.add`; nothing touches the disk until
:meth:`Output.commit`. Commit first writes every file to a temporary name next to its target
and only then renames them all into place, so a build that fails halfway leaves the previous
output as it was. A path may be added only once, and only below ``output/``. casuskit's own
bookkeeping file (the build manifest, :meth:`Output.add_manifest`) is renamed into place last, so
it never describes files that were not written.

Nothing is written through a symbolic link below the output folder (:mod:`casuskit.safetree`).
Temporary names carry the process id (``.draaiboek.docx.1234.casuskit-tmp``), so two processes
never share one; every failure (a full disk, Ctrl-C) removes them, and :func:`build_lock`, which
lets one build at a time write a folder (:mod:`casuskit.outputlock`), first sweeps away those
of processes that are gone. A commit outside a build takes the same lock for its own writes.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from casuskit import oserrors, outputlock
from casuskit.errors import OutputError
from casuskit.safetree import LinkedFolder, Tree

OUTPUT_FOLDER = "output"
SAFE_PART = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
TEMP_SUFFIX = ".casuskit-tmp"
TEMP_NAME = re.compile(r"^\..+\.(\d+)\.casuskit-tmp$")
OLD_TEMP_NAME = re.compile(r"^\..+\.casuskit-tmp$")  # casuskit before process ids
OLD_TEMP_AGE_S = 3600  # no build writes for an hour: an older one of those is a leftover


def temp_name(name: str) -> str:
    return f".{name}.{os.getpid()}{TEMP_SUFFIX}"


@contextmanager
def build_lock(folder: Path, wait: float | None = None):
    """Hold the output folder for one build (waiting up to ``wait`` seconds for another),
    after sweeping the temporary files of builds that were killed or ran out of disk."""
    with outputlock.hold(folder, wait):
        sweep(folder)
        yield


def locking(folder_of):
    """Decorate a build function: it runs holding :func:`build_lock` of
    ``folder_of(*its arguments)``."""
    def decorate(function):
        @functools.wraps(function)
        def locked(*args, **kwargs):
            with build_lock(folder_of(*args, **kwargs)):
                return function(*args, **kwargs)
        return locked
    return decorate


def sweep(folder: Path) -> list[Path]:
    """Remove casuskit's temporary files whose process is gone; returns what was removed.
    Nothing else is touched, and no linked folder is entered."""
    removed = []
    now = time.time()
    for where, _, names in os.walk(folder):
        for name in names:
            path = Path(where, name)
            match = TEMP_NAME.match(name)
            if match:
                pid = int(match.group(1))
                stale = pid == os.getpid() or not outputlock.pid_alive(pid)  # ours: no commit runs now
            else:
                stale = bool(OLD_TEMP_NAME.match(name)) and _age(path, now) > OLD_TEMP_AGE_S
            if stale:
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    return removed


def _age(path: Path, now: float) -> float:
    try:
        return now - path.lstat().st_mtime
    except OSError:
        return 0.0


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
        targets = [(PurePosixPath(rel), content) for rel, content in sorted(self.files.items())]
        if self.manifest is not None:
            targets.append((PurePosixPath(self.manifest[0]), self.manifest[1]))
        with outputlock.hold(self.folder), Tree(self.folder) as tree:
            current = PurePosixPath(".")
            try:
                present = {folder: tree.listing(folder) for folder in {rel.parent for rel, _ in targets}}
                for rel, _ in targets:
                    # Word's lock file: "~$" plus the name, minus its first two letters for longer names
                    locks = {"~$" + rel.name, "~$" + rel.name[2:]}
                    if rel.suffix == ".docx" and locks & (present[rel.parent] or set()):
                        raise OutputError(f"{self._shown(rel)} is geopend in Word",
                                          "Sluit het document in Word en bouw opnieuw; er is niets gewijzigd.")
                staged: list[tuple[PurePosixPath, str]] = []
                done = 0
                try:
                    for current, content in targets:
                        staged.append((current, temp_name(current.name)))
                        tree.write_new(current.parent, staged[-1][1], content)
                    for current, temp in staged:
                        tree.replace(current.parent, temp, current.name)
                        done += 1
                finally:  # a failure, Ctrl-C: no temporary file, nor a folder made for one, stays
                    for rel, temp in staged[done:]:
                        tree.remove(rel.parent, temp)
                    if done < len(staged):
                        tree.remove_created()
            except LinkedFolder as exc:
                raise OutputError(f"{self._shown(exc.relative)} is een snelkoppeling (symlink) naar een "
                                  "andere plek; casuskit schrijft alleen in de uitvoermap zelf",
                                  "Verwijder de snelkoppeling (waar hij naar wijst blijft staan) en bouw "
                                  "opnieuw; er is niets gewijzigd.") from None
            except OSError as exc:
                raise self._failed(exc, current) from None
        return [self.folder / rel for rel, _ in targets]

    def _failed(self, exc: OSError, relative: PurePosixPath) -> OutputError:
        shown = self._shown(relative)
        if exc.errno in (errno.EACCES, errno.EPERM) and sys.platform == "win32":
            return OutputError(f"{shown} kan niet geschreven worden", "Is het bestand geopend in Word of "
                               "een ander programma? Sluit het en bouw opnieuw.")
        return OutputError(f"schrijven naar {shown} mislukte: {oserrors.reason(exc)}", oserrors.hint(exc))

    def _shown(self, relative: PurePosixPath) -> str:
        return PurePosixPath(self.folder.name, relative).as_posix()
