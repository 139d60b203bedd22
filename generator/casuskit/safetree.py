"""Folders below the output folder, opened without ever following a symbolic link.

A link planted inside output/ (``output/heerhugowaard -> /elders``) would send a kit's files
elsewhere, and one at a file name would have the target overwritten. :class:`Tree` opens every
folder relative to its parent with ``O_NOFOLLOW`` (``dir_fd``), creates new files with
``O_EXCL`` and renames them into place, so nothing below the output folder is ever reached
through a link: a linked folder is refused (:class:`LinkedFolder`), a link at a file's name is
replaced by the file, its target untouched. The output folder itself is the user's choice and
may be a link. Where the system has no ``dir_fd`` (Windows) the same checks run on paths.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import OrderedDict
from pathlib import Path, PurePosixPath
from typing import Iterable

BY_FD = all(f in os.supports_dir_fd for f in (os.open, os.mkdir, os.rename, os.unlink, os.stat)) \
    and os.listdir in os.supports_fd and hasattr(os, "O_DIRECTORY") and hasattr(os, "O_NOFOLLOW")
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
HERE = PurePosixPath(".")


OPEN_FOLDERS = 64  # folder handles kept open at a time


class LinkedFolder(Exception):
    """A folder below the output folder is a symbolic link; ``relative`` is its path."""

    def __init__(self, relative: PurePosixPath):
        super().__init__(relative.as_posix())
        self.relative = relative


class Tree:
    """The output folder (which must exist) for one commit; use as a context manager.

    Folder handles are opened once and kept for a while: a build of thousands of kits stages
    files in thousands of folders, more than a process may hold open, so only the
    :data:`OPEN_FOLDERS` used last stay open and the others are opened again when needed (always
    the same safe way, from the output folder down).
    """

    def __init__(self, root: Path):
        self.root = root
        self._folders: OrderedDict[PurePosixPath, int | Path | None] = OrderedDict()
        self.created: list[PurePosixPath] = []  # folders this commit made, in order

    def __enter__(self) -> Tree:
        self._folders[HERE] = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY) if BY_FD else self.root
        return self

    def __exit__(self, *exc) -> None:
        for handle in self._folders.values():
            if isinstance(handle, int):
                os.close(handle)
        self._folders.clear()

    def listing(self, folder: PurePosixPath) -> set[str] | None:
        """The names in ``folder``; None when it does not exist yet."""
        handle = self._folder(folder, create=False)
        return None if handle is None else set(os.listdir(handle))

    def write_new(self, folder: PurePosixPath, name: str, content: bytes | Iterable[bytes]) -> None:
        """Create the file ``name`` (a temporary name) with ``content`` (bytes, or its parts in
        order); whatever stood at that name is removed first (a link goes, its target stays).
        A failed write leaves nothing."""
        handle = self._folder(folder, create=True)
        try:
            fd = self._open_new(handle, name)
        except FileExistsError:  # ours from a process that is gone, or a planted link
            self.remove(folder, name)
            fd = self._open_new(handle, name)
        try:
            for part in (content,) if isinstance(content, (bytes, bytearray, memoryview)) else content:
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view):]
        except BaseException:
            os.close(fd)
            self.remove(folder, name)
            raise
        os.close(fd)

    def replace(self, folder: PurePosixPath, source: str, target: str) -> None:
        handle = self._folder(folder, create=False)
        if BY_FD:
            os.replace(source, target, src_dir_fd=handle, dst_dir_fd=handle)
        else:
            os.replace(handle / source, handle / target)

    def stat(self, folder: PurePosixPath, name: str) -> os.stat_result:
        """The file ``name`` in ``folder`` as the file system sees it (never through a link)."""
        handle = self._folder(folder, create=False)
        if BY_FD:
            return os.stat(name, dir_fd=handle, follow_symlinks=False)
        return os.lstat(handle / name)

    def remove(self, folder: PurePosixPath, name: str) -> None:
        """Remove ``name`` (never what a link points to); quietly, when cleaning up."""
        try:
            handle = self._folder(folder, create=False)
            if isinstance(handle, int):
                os.unlink(name, dir_fd=handle)
            elif handle is not None:
                os.unlink(handle / name)
        except OSError:
            pass

    def remove_created(self) -> None:
        """After a failure: remove the folders this commit made, deepest first, if empty."""
        for folder in reversed(self.created):
            self._close(folder)
            try:
                parent = self._folder(folder.parent, create=False)
                if isinstance(parent, int):
                    os.rmdir(folder.name, dir_fd=parent)
                elif parent is not None:
                    os.rmdir(parent / folder.name)
            except OSError:  # not empty, or already gone
                pass
        self.created.clear()

    @staticmethod
    def _open_new(handle, name: str) -> int:
        return os.open(name, NEW_FILE, 0o666, dir_fd=handle) if BY_FD else os.open(handle / name, NEW_FILE, 0o666)

    def _folder(self, folder: PurePosixPath, create: bool):
        """The handle of ``folder`` (a descriptor, or a checked path)."""
        if folder in self._folders and (self._folders[folder] is not None or not create):
            self._folders.move_to_end(folder)
            return self._folders[folder]
        parent = self._folder(folder.parent, create)
        if parent is None:
            return None
        handle = self._open_folder(parent, folder, create)
        self._folders[folder] = handle
        while len(self._folders) > OPEN_FOLDERS:  # the least recently used, never the root
            self._close(next(f for f in self._folders if f != HERE))
        return handle

    def _close(self, folder: PurePosixPath) -> None:
        handle = self._folders.pop(folder, None)
        if isinstance(handle, int):
            os.close(handle)

    def _open_folder(self, parent, folder: PurePosixPath, create: bool):
        name = folder.name
        if not BY_FD:
            path = parent / name
            if path.is_symlink():
                raise LinkedFolder(folder)
            if create and not path.exists():
                path.mkdir()
                self.created.append(folder)
            return path if path.is_dir() else None
        if create:
            try:
                os.mkdir(name, 0o777, dir_fd=parent)
                self.created.append(folder)
            except FileExistsError:
                pass
        try:
            return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent)
        except FileNotFoundError:
            if create:
                raise
            return None
        except OSError as exc:  # ELOOP (Linux) or ENOTDIR for a link; ENOTDIR for a file too
            try:
                linked = stat.S_ISLNK(os.stat(name, dir_fd=parent, follow_symlinks=False).st_mode)
            except OSError:
                linked = False
            if linked:
                raise LinkedFolder(folder) from None
            if exc.errno == errno.ELOOP:
                raise LinkedFolder(folder) from None
            raise
