"""Rendering kits side by side: one worker process per core, the writer stays in the parent.

Workers only render: each gets a kit id, plans the kit from the already checked workspace and
returns the finished files as bytes, together with any build problems (such as a card that
does not fit). The parent adds the results to the writer in kit order, so a parallel build
writes exactly the same bytes as a serial one, and writes nothing at all when any kit failed.

On Linux the workers are forked after the check, so they share the parent's loaded workspace
and imported modules for free; elsewhere (spawn) each worker loads the workspace once itself.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from casuskit.errors import CasuskitError, Diagnostic


@dataclass
class KitOutput:
    """What rendering one kit gave: its files, or the problems that stop the build."""

    kit_id: str
    files: list[tuple[str, bytes]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    failure: tuple[type, str, str | None] | None = None  # a CasuskitError, picklable

    def raise_failure(self) -> None:
        if self.failure is not None:
            kind, message, hint = self.failure
            error = kind.__new__(kind)
            CasuskitError.__init__(error, message, hint)
            raise error


# the worker's view of the build: workspace, fixed texts, reference document per project
_STATE: dict = {}


def default_jobs() -> int:
    return os.cpu_count() or 1


def render_kits(root: Path, ws, texts, references: dict, kit_ids: list[str], jobs: int | None = None,
                progress: Callable[[str], None] | None = None) -> list[KitOutput]:
    """Render ``kit_ids`` with up to ``jobs`` processes (default: one per core); results in
    the order of ``kit_ids``."""
    _STATE.update(root=root, ws=ws, texts=texts, references=references)
    try:
        if not kit_ids:
            return []
        # The first kit renders here: that imports every renderer and fills the per-process
        # caches (prepared reference, compressed parts, card metrics) once, before forking.
        first = [_report(render_one(kit_ids[0]), progress)]
        rest = kit_ids[1:]
        jobs = max(1, min(jobs or default_jobs(), len(rest)))
        if jobs == 1:
            return first + [_report(render_one(kit_id), progress) for kit_id in rest]
        method = start_method()
        initargs = (None, None) if method == "fork" else (root, references)
        chunk = max(1, len(rest) // (jobs * 8))
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                   initializer=_start_worker, initargs=initargs)
        try:
            results = [_report(result, progress) for result in pool.map(render_one, rest, chunksize=chunk)]
        except BaseException:  # Ctrl-C or a bug: finish only what is running, start nothing new
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
        return first + results
    finally:
        _STATE.clear()


def start_method() -> str:
    """fork on Linux: workers get the checked workspace and warm caches for free. Elsewhere
    (macOS, Windows) fork is unsafe or absent, and each worker loads the workspace itself."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _report(result: KitOutput, progress) -> KitOutput:
    if progress and not result.problems and result.failure is None:
        progress(result.kit_id)
    return result


def _start_worker(root: Path | None = None, references: dict | None = None) -> None:
    """Ctrl-C is the parent's to handle; spawned workers load the workspace themselves
    (forked ones already have it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if root is not None and not _STATE:
        from casuskit.textrender import Texts
        from casuskit.workspace import load_workspace
        _STATE.update(root=root, ws=load_workspace(root), texts=Texts(root), references=references)


def render_one(kit_id: str) -> KitOutput:
    """Plan and render one kit from the worker's workspace."""
    from casuskit.build import render_kit
    from casuskit.render.context import plan_kit
    ws = _STATE["ws"]
    kit = ws.of("kit")[kit_id].model
    try:
        ctx = plan_kit(ws, kit, _STATE["texts"], _STATE["references"].get(kit.project))
        files, problems = render_kit(ctx)
    except CasuskitError as exc:
        return KitOutput(kit_id, failure=(type(exc), exc.message, exc.hint))
    return KitOutput(kit_id, files, problems)
