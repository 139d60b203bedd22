"""The output writer: owns ``output/``, stages every file as it comes, then commits at once.

Renderers' bytes go to :meth:`Output.add`, which writes them straight away to a temporary name
next to their target (the staging area: hidden files no reader opens), so no process holds a
whole project's documents in memory. :meth:`Output.commit` then renames them all into place;
until then the previous output stands as it was, and a build that fails (or is stopped)
removes what it staged (:meth:`Output.discard`, or the ``with`` block). A path may be added
only once, and only below ``output/``. casuskit's own bookkeeping file (the build manifest,
:meth:`Output.add_manifest`) is renamed into place last, so it never describes files that were
not written.

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
from contextlib import ExitStack, contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterable

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


def _target(relative: str) -> tuple[PurePosixPath, str]:
    """A staged file's path and temporary name, made again from its relative path when needed:
    a build of thousands of kits stages tens of thousands of files."""
    path = PurePosixPath(relative)
    return path, temp_name(path.name)


@contextmanager
def build_lock(folder: Path, wait: float | None = None):
    """Hold the output folder for one build (waiting up to ``wait`` seconds for another). The
    first file it stages sweeps away what builds that were killed left behind (a build with
    nothing to write never walks the output folder)."""
    with outputlock.hold(folder, wait):
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


class Output:
    """The files of one build (or one report), staged as they are added, committed at once."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._staged: dict[str, None] = {}  # relative paths in the order staged (see _target)
        self._manifest: tuple[str, bytes | Iterable[bytes]] | None = None  # (hidden name, content)
        self._open: ExitStack | None = None  # the lock and the folder tree, while staging
        self._tree: Tree | None = None
        self.stats: dict[str, tuple[int, int]] = {}  # relative → (size, mtime in ns) once in place
        self._removals: list[PurePosixPath] = []  # files that no longer belong (stale PDFs)

    def __enter__(self) -> Output:
        return self

    def __exit__(self, kind, *_) -> None:
        if kind is not None:  # an error, Ctrl-C: nothing of this build stays
            self.discard()

    @property
    def files(self) -> list[str]:
        """The relative paths added so far."""
        return list(self._staged)

    def add(self, relative: str, content: bytes) -> None:
        """Stage ``content`` for ``relative`` (below the output folder) now."""
        path = PurePosixPath(relative)
        if path.is_absolute() or any(not SAFE_PART.match(part) or part in (".", "..") for part in path.parts):
            raise OutputError(f"casuskit weigert het pad `{relative}` te schrijven",
                              "Bestandsnamen komen uit id's; gebruik kleine letters, cijfers en streepjes.")
        if relative in self._staged:
            raise OutputError(f"`{relative}` zou twee keer geschreven worden",
                              "Twee kits of documenten krijgen dezelfde naam; geef ze een eigen id.")
        temp = temp_name(path.name)
        self._write(path, temp, content)
        self._staged[relative] = None
        found = self._tree.stat(path.parent, temp)  # a rename keeps both
        self.stats[relative] = (found.st_size, found.st_mtime_ns)

    def remove(self, relative: str) -> None:
        """Remove ``relative`` at the commit, before anything is put in place (a PDF of a
        document this build replaces); never what a link points to."""
        path = PurePosixPath(relative)
        if path.is_absolute() or any(not SAFE_PART.match(part) or part in (".", "..") for part in path.parts):
            raise OutputError(f"casuskit weigert het pad `{relative}` te verwijderen")
        self._removals.append(path)

    def add_manifest(self, name: str, content: bytes | Iterable[bytes]) -> None:
        """casuskit's own hidden file directly in the output folder, written last; ``content``
        may come in parts, made as they are written."""
        if not re.match(r"^\.[a-z0-9][a-z0-9._-]*$", name):
            raise OutputError(f"casuskit weigert het pad `{name}` te schrijven")
        self._manifest = (name, content)

    def commit(self) -> list[Path]:
        """Put everything staged in place, the manifest last. Returns the written paths."""
        targets = [_target(relative) for relative in sorted(self._staged)]
        try:
            if self._manifest is not None:
                name, content = self._manifest
                targets.append((PurePosixPath(name), temp_name(name)))
                self._write(*targets[-1], content)
            tree = self._start()
            present = {folder: tree.listing(folder) for folder in {path.parent for path, _ in targets}}
            for path, _ in targets:
                # Word's lock file: "~$" plus the name, minus its first two letters for longer names
                locks = {"~$" + path.name, "~$" + path.name[2:]}
                if path.suffix == ".docx" and locks & (present[path.parent] or set()):
                    raise OutputError(f"{self._shown(path)} is geopend in Word",
                                      "Sluit het document in Word en bouw opnieuw; er is niets gewijzigd.")
            for path in self._removals:
                tree.remove(path.parent, path.name)
                if path.name in (tree.listing(path.parent) or set()):
                    raise OutputError(f"{self._shown(path)} kan niet verwijderd worden; het hoort "
                                      "bij de vorige versie van de documenten",
                                      "Is het geopend in een PDF-lezer of ander programma? Sluit "
                                      "het en bouw opnieuw; er is niets gewijzigd.")
            for path, temp in targets:
                try:
                    tree.replace(path.parent, temp, path.name)
                except OSError as exc:
                    raise self._failed(exc, path) from None
                self._staged.pop(path.as_posix(), None)
        except BaseException:
            self.discard()
            raise
        self._close()
        return [self.folder / path for path, _ in targets]

    def discard(self) -> None:
        """Remove everything staged, and the folders made for it; the output stays as it was."""
        if self._tree is not None:
            for path, temp in map(_target, self._staged):
                self._tree.remove(path.parent, temp)
            if self._manifest is not None:
                self._tree.remove(PurePosixPath("."), temp_name(self._manifest[0]))
            self._tree.remove_created()
        self._staged.clear()
        self._close()

    def _start(self) -> Tree:
        """The lock (unless this build holds it already) and the tree, opened on first use;
        then, before anything is staged, the leftovers of builds that were killed go."""
        if self._tree is None:
            self._open = ExitStack()
            self._open.enter_context(outputlock.hold(self.folder))
            sweep(self.folder)
            self._tree = self._open.enter_context(Tree(self.folder))
        return self._tree

    def _close(self) -> None:
        if self._open is not None:
            self._open.close()
        self._open, self._tree = None, None

    def _write(self, path: PurePosixPath, temp: str, content: bytes | Iterable[bytes]) -> None:
        try:
            self._start().write_new(path.parent, temp, content)
        except LinkedFolder as exc:
            self.discard()
            raise OutputError(f"{self._shown(exc.relative)} is een snelkoppeling (symlink) naar een "
                              "andere plek; casuskit schrijft alleen in de uitvoermap zelf",
                              "Verwijder de snelkoppeling (waar hij naar wijst blijft staan) en bouw "
                              "opnieuw; er is niets gewijzigd.") from None
        except OSError as exc:
            self.discard()
            raise self._failed(exc, path) from None
        except BaseException:  # Ctrl-C while staging: nothing of this build stays
            self.discard()
            raise

    def _failed(self, exc: OSError, relative: PurePosixPath) -> OutputError:
        shown = self._shown(relative)
        if exc.errno in (errno.EACCES, errno.EPERM) and sys.platform == "win32":
            return OutputError(f"{shown} kan niet geschreven worden", "Is het bestand geopend in Word of "
                               "een ander programma? Sluit het en bouw opnieuw.")
        return OutputError(f"schrijven naar {shown} mislukte: {oserrors.reason(exc)}", oserrors.hint(exc))

    def _shown(self, relative: PurePosixPath) -> str:
        return PurePosixPath(self.folder.name, relative).as_posix()
