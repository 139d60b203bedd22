"""The check of a big build, in a child process: the workspace comes back small.

The build forks its workers from the process that holds the checked workspace, and every page
that process holds counts again in each worker. :func:`check_apart` runs the check in a child,
which hands back only the findings and the models (through a temporary file, one entry at a
time, each file's text left on disk). The YAML data, the compiled texts and whatever else the
check leaves behind go with the child; freeing them here would not give the memory back, for
it lies between the models, and Python's allocator returns a block to the system only when
nothing in it is left. Texts repeated across files come back as one object
(:func:`~casuskit.model.sharing.share_strings`).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from casuskit.errors import CasuskitError
from casuskit.model.sharing import share_strings
from casuskit.workspace import Entry


APART_FROM = 100  # kit files: below this, memory is no concern and a child costs ~30 ms


def check_for_build(root: Path):
    """The check of ``root`` for a build: apart (:func:`check_apart`) when the workspace holds
    at least :data:`APART_FROM` kit files, else in this process."""
    from casuskit.check import check_workspace
    found = 0
    for _, _, files in os.walk(root / "kits"):
        found += len(files)
        if found >= APART_FROM:
            return check_apart(root)
    return check_workspace(root)


def check_apart(root: Path):
    """:func:`casuskit.check.check_workspace` of ``root``, run in a child process on Linux
    (in this one elsewhere): the same result, in a fraction of the memory."""
    from casuskit.check import CheckResult, check_workspace
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return check_workspace(root)
    with tempfile.TemporaryFile() as spill:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # until the child ignores it
        try:
            pid = os.fork()
            if pid == 0:  # the child: check, write the result, and leave without cleaning up
                _child(spill, root, check_workspace)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        try:
            _, status = os.waitpid(pid, 0)
        except BaseException:  # Ctrl-C (the child ignores it), or anything else: it goes now
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        spill.seek(0)
        found = _read(spill)
    if found is None:
        raise RuntimeError(f"het controleproces stopte onverwacht (status {os.waitstatus_to_exitcode(status)})")
    ws, diagnostics = found
    return CheckResult(ws, diagnostics)


def _child(spill, root: Path, check_workspace) -> None:
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        from casuskit.parallel import die_with_parent
        die_with_parent(os.getppid())
        checked = check_workspace(root)
        ws = checked.workspace
        pickler = pickle.Pickler(spill, protocol=pickle.HIGHEST_PROTOCOL)
        for kind_name, entries in ws.entries.items():
            for id_, entry in entries.items():
                entry.doc.release()  # the data and positions: composed again if asked for
                entry.doc.forget_text()  # and the text read again, only to show a mistake
                pickler.dump(("entry", kind_name, id_, entry.doc, entry.model))
                pickler.clear_memo()  # one entry at a time: the memo stays small
        ws.entries = {kind_name: {} for kind_name in ws.entries}
        pickler.dump(("end", ws, checked.diagnostics))
        status = 0
    except CasuskitError as exc:
        pickle.dump(("error", type(exc), exc.message, exc.hint), spill)
        status = 0
    except BaseException:  # noqa: BLE001 - a bug: its traceback goes to the parent, as text
        pickle.dump(("bug", traceback.format_exc()), spill)
        status = 0
    finally:
        spill.flush()
        os._exit(status)


def _read(spill):
    """The workspace and findings the child wrote, or None when it wrote nothing whole."""
    from casuskit.model import KIND_BY_NAME
    entries: list = []
    strings: dict[str, str] = {}
    while True:
        try:
            found = pickle.load(spill)  # one pickle per entry, each with its own memo
        except (EOFError, pickle.UnpicklingError):  # the child was killed while writing
            return None
        if found[0] == "entry":
            share_strings(found[4], strings)  # now: the next entry reuses what this frees
            entries.append(found[1:])
        elif found[0] == "end":
            ws, diagnostics = found[1:]
            for kind_name, id_, doc, model in entries:
                ws.entries[kind_name][id_] = Entry(KIND_BY_NAME[kind_name], doc, model)
            return ws, diagnostics
        elif found[0] == "error":
            kind, message, hint = found[1:]
            error = kind.__new__(kind)
            CasuskitError.__init__(error, message, hint)
            raise error
        else:
            raise RuntimeError(f"in het controleproces:\n{found[1]}")
