"""One build at a time per output folder: ``output/.casuskit-lock``.

Two builds writing the same folder at once would mix their files and manifests. The lock is an
advisory lock on the lock file (``flock``; ``msvcrt.locking`` on Windows) that the operating
system drops when the process ends, however it ends, so the lock of a killed build is taken over
without anyone deleting anything. The file names the holder's process id, for the message the
second build shows after waiting :data:`WAIT_S` seconds. Forked worker processes close their
copy at once: a lock outliving a killed build in its workers would block the next one.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from casuskit import oserrors
from casuskit.errors import OutputError

LOCK_NAME = ".casuskit-lock"
WAIT_S = 10.0    # a second build waits this long for the first before giving up
POLL_S = 0.1

_held: dict[Path, tuple[int, int]] = {}  # folder → (lock file descriptor, depth), this process


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (on this computer)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        import ctypes
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def held(folder: Path) -> bool:
    """Whether this process holds the lock of ``folder``."""
    return _key(folder) in _held


@contextmanager
def hold(folder: Path, wait: float | None = None):
    """Hold the lock of ``folder`` (created if missing, and removed again if it stays empty);
    re-entrant within one process. Waits up to ``wait`` seconds (default :data:`WAIT_S`) for
    another build, then raises :class:`OutputError`."""
    key = _key(folder)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
        try:
            yield
        finally:
            _held[key] = (fd, _held[key][1] - 1)
        return
    created = _make_folder(folder)
    try:
        fd = _acquire(folder, WAIT_S if wait is None else wait)
    except BaseException:
        _remove_empty(created)
        raise
    _held[key] = (fd, 1)
    try:
        yield
    finally:
        del _held[key]
        _release(folder, fd)
        _remove_empty(created)


def _key(folder: Path) -> Path:
    return Path(os.path.abspath(folder))


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; returns the ones created, deepest first."""
    missing = []
    for path in (folder, *folder.parents):
        if path.exists() or path.is_symlink():
            break
        missing.append(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"de map {folder} kan niet gemaakt worden: {oserrors.reason(exc)}",
                          oserrors.hint(exc)) from None
    return missing


def _remove_empty(created: list[Path]) -> None:
    for path in created:
        try:
            path.rmdir()
        except OSError:  # not empty: a build wrote there
            return


def _acquire(folder: Path, wait: float) -> int:
    path = folder / LOCK_NAME
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            what = "is een snelkoppeling (symlink)" if exc.errno == errno.ELOOP else \
                f"kan niet gemaakt worden: {oserrors.reason(exc)}"
            raise OutputError(f"het slot {path} {what}",
                              "Verwijder het bestand .casuskit-lock in die map en bouw opnieuw."
                              if exc.errno == errno.ELOOP else oserrors.hint(exc)) from None
        got = _lock(fd)
        if got is None:  # a file system without locks: trust a living process id instead
            owner = _owner(fd)
            got = not (owner and owner[0].isdigit() and int(owner[0]) != os.getpid()
                       and pid_alive(int(owner[0])))
        if got:
            if _same_file(fd, path):  # not unlinked by a holder that just finished
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
                return fd
            _unlock(fd)
            os.close(fd)
            continue
        owner = _owner(fd)
        os.close(fd)
        if time.monotonic() >= deadline:
            raise busy(folder, owner)
        time.sleep(POLL_S)


def _owner(fd: int) -> list[str]:
    """What the lock file says: process id and computer name."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").split()
    except OSError:  # Windows: the holder's lock covers what we would read
        return []


def busy(folder: Path, owner: list[str]) -> OutputError:
    pid = owner[0] if owner and owner[0].isdigit() else None
    here = len(owner) < 2 or owner[1] == socket.gethostname()
    who = f" (proces {pid}" + ("" if here else f" op {owner[1]}") + ")" if pid else ""
    if pid and here and not pid_alive(int(pid)):  # its forked workers still hold the lock
        return OutputError(f"een afgebroken build{who} heeft nog hulpprocessen die in {folder.name}/ werken",
                           "Wacht een halve minuut en probeer opnieuw, of stop de overgebleven "
                           "casuskit-processen.")
    return OutputError(f"er draait al een andere build in {folder.name}/{who}",
                       "Wacht tot die klaar is en probeer het dan opnieuw. Bouwt `casuskit watch` "
                       "mee, dan hoeft u zelf niet te bouwen.")


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
    except OSError:
        return False


def _release(folder: Path, fd: int) -> None:
    path = folder / LOCK_NAME
    if sys.platform != "win32" and _same_file(fd, path):  # Windows cannot remove an open file
        try:
            path.unlink()
        except OSError:
            pass
    _unlock(fd)
    os.close(fd)


if sys.platform == "win32":  # pragma: no cover - not run on Linux CI
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _lock(fd: int) -> bool | None:
        """True when locked, False when another holds it, None when locks do not work here."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:  # a file system without locks: this process is the only judge
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                return None
            raise

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass

    def _close_in_child() -> None:
        """A forked worker must not keep its parent's lock alive after the parent is gone."""
        for fd, _ in list(_held.values()):
            try:
                os.close(fd)
            except OSError:
                pass
        _held.clear()

    os.register_at_fork(after_in_child=_close_in_child)
