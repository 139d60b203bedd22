"""A watchdog that ends casuskit's helper programs and removes their folder if casuskit dies.

LibreOffice runs in a process group of its own (so a Ctrl-C in the terminal reaches casuskit,
which then stops it), and casuskit stops it on every failure it sees. A build killed outright
(``kill -9``, a closed terminal) runs no code at all, though, and would leave LibreOffice and
its temporary profile behind. So :class:`Reaper` starts a tiny watchdog process in its own
session and keeps a pipe to it open: the watchdog learns the process groups as they start
(``+123``) and stop (``-123``), and when the pipe closes — at the end of the ``with`` block, or
because casuskit died — it kills the groups still listed and removes the folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WATCHDOG = """
import os, shutil, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
groups = set()
for line in sys.stdin:
    number = int(line[1:])
    groups.add(number) if line[0] == "+" else groups.discard(number)
for group in groups:
    try:
        os.killpg(group, signal.SIGKILL)
    except OSError:
        pass
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""


class Reaper:
    """Watches ``folder`` and the process groups given to :meth:`watch` (POSIX only; elsewhere
    it does nothing and casuskit's own cleanup is all there is)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.process: subprocess.Popen | None = None
        self.pipe: int | None = None

    def __enter__(self) -> Reaper:
        if sys.platform == "win32":
            return self
        read, self.pipe = os.pipe()
        try:
            self.process = subprocess.Popen([sys.executable, "-I", "-S", "-c", WATCHDOG, str(self.folder)],
                                            stdin=read, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:  # no watchdog: casuskit's own cleanup still runs
            os.close(self.pipe)
            self.pipe = None
        finally:
            os.close(read)
        return self

    def watch(self, group: int) -> None:
        self._say(f"+{group}\n")

    def forget(self, group: int) -> None:
        self._say(f"-{group}\n")

    def _say(self, line: str) -> None:
        if self.pipe is not None:
            try:
                os.write(self.pipe, line.encode())
            except OSError:  # the watchdog is gone; nothing to tell
                pass

    def __exit__(self, *exc) -> None:
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
