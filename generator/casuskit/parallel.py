"""Rendering kits side by side: one worker process per core, the writer stays in the parent.

Workers plan and render: each gets a batch of kit ids, plans those kits from the already checked
workspace (their table division included), renders every document and returns the files as
bytes, together with any build problems (such as a card that does not fit) and what the print
step needs of the kit. Each kit is planned exactly once. The parent hands each kit to the
writer as it arrives; what a kit's files hold does not depend on the order (the manifest is
sorted), so a parallel build writes exactly the same bytes as a serial one, and writes nothing
at all when any kit failed.

Kits whose tables are divided from a participant list go to one worker per buurt, first: a
later round's division avoids the pairings of the earlier rounds, so they share their solves,
and only that worker loads the constraint solver while the other renders the rest.

On Linux the workers are forked after the check, so they share the parent's loaded workspace
and imported modules for free; elsewhere (spawn) each worker loads the workspace once itself.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from casuskit.errors import BuildFailed, CasuskitError, Diagnostic
from casuskit.printing import KitPrint


@dataclass
class KitOutput:
    """What rendering one kit gave: its files and print plan, or the problems that stop the
    build."""

    kit_id: str
    files: list[tuple[str, bytes]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    failure: tuple[type, str, str | None] | None = None  # a CasuskitError, picklable
    bug: str | None = None  # any other exception in the worker: its traceback, as text
    printing: KitPrint | None = None

    def raise_failure(self) -> None:
        if self.failure is not None:
            kind, message, hint = self.failure
            error = kind.__new__(kind)
            CasuskitError.__init__(error, message, hint)
            raise error
        if self.bug is not None:  # a bug in casuskit: reported as one, with the worker's traceback
            raise RuntimeError(f"in het werkproces voor kit {self.kit_id}:\n{self.bug}")


# the worker's view of the build: workspace, fixed texts, reference document per project
_STATE: dict = {}


def default_jobs() -> int:
    return os.cpu_count() or 1


def render_kits(root: Path, ws, texts, references: dict, kit_ids: list[str], jobs: int | None = None,
                progress: Callable[[str], None] | None = None) -> Iterator[KitOutput]:
    """Render ``kit_ids`` with up to ``jobs`` processes (default: one per core), yielding each
    kit's output as soon as it is done: the caller writes it away, so no process holds more than
    a few kits' bytes at a time, however big the project."""
    _STATE.update(root=root, ws=ws, texts=texts, references=references)
    try:
        if not kit_ids:
            return
        # One kit renders here first: that imports the renderers and fills the per-process
        # caches (prepared reference, compressed parts, card metrics) once, before forking.
        batches = batches_for(root, ws, kit_ids)
        first = _warm_up_kit(ws, batches)
        yield _report(render_one(first), progress)
        batches = [batch for batch in ([k for k in batch if k != first] for batch in batches) if batch]
        jobs = max(1, min(jobs or default_jobs(), len(batches)))
        if jobs == 1:
            for kit_id in (k for batch in batches for k in batch):
                yield _report(render_one(kit_id), progress)
            return
        method = start_method()
        initargs = (os.getpid(), None, None) if method == "fork" else (os.getpid(), root, references)
        gc.freeze()  # the collector never touches what the workers share with this process
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                   initializer=_start_worker, initargs=initargs)
        try:
            for done in _completed(pool, batches, window=2 * jobs):
                for output in done.result():
                    yield _report(output, progress)
        except BaseException:  # Ctrl-C, a failed kit, a bug: finish only what runs, start nothing new
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            gc.unfreeze()
        pool.shutdown()
    finally:
        _STATE.clear()


def _completed(pool: ProcessPoolExecutor, batches: list[list[str]], window: int) -> Iterator[Future]:
    """Each batch's future as it completes, with at most ``window`` batches submitted at a time:
    when the parent writes more slowly than the workers render, finished kits wait in the
    workers' queue of work not yet started rather than as bytes in this process."""
    waiting = iter(batches)
    running: set[Future] = set()
    while True:
        running |= {pool.submit(render_batch, batch) for batch in islice(waiting, window - len(running))}
        if not running:
            return
        done, running = wait(running, return_when=FIRST_COMPLETED)
        yield from done


def batches_for(root: Path, ws, kit_ids: list[str]) -> list[list[str]]:
    """Work for the pool: the kits with a participant list, one batch per buurt (biggest
    first), then every other kit on its own."""
    from casuskit import participants
    chains: dict[tuple, list[str]] = {}
    single: list[list[str]] = []
    for kit_id in kit_ids:
        kit = ws.of("kit")[kit_id].model
        if participants.path_for(root, kit_id).is_file():
            chains.setdefault((kit.project, kit.neighbourhood), []).append(kit_id)
        else:
            single.append([kit_id])
    return sorted(chains.values(), key=len, reverse=True) + single


def _warm_up_kit(ws, batches: list[list[str]]) -> str:
    """The kit to render before forking: one that needs no table division (so the solver is
    not loaded here) and uses the most kinds of document, to warm the most caches."""
    plain = [batch[0] for batch in batches if len(batch) == 1] or [batches[0][0]]
    return max(plain, key=lambda k: len(ws.of("werkvorm")[ws.of("kit")[k].model.werkvorm].model.documents))


def start_method() -> str:
    """fork on Linux: workers get the checked workspace and warm caches for free. Elsewhere
    (macOS, Windows) fork is unsafe or absent, and each worker loads the workspace itself."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _report(result: KitOutput, progress) -> KitOutput:
    if progress and not result.problems and result.failure is None and result.bug is None:
        progress(result.kit_id)
    return result


def _start_worker(parent: int, root: Path | None = None, references: dict | None = None) -> None:
    """Ctrl-C is the parent's to handle, and a worker never outlives it (a killed build leaves
    no process behind); spawned workers load the workspace themselves (forked ones have it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)
    if root is not None and not _STATE:
        from casuskit.textrender import Texts
        from casuskit.workspace import load_workspace
        _STATE.update(root=root, ws=load_workspace(root), texts=Texts(root), references=references)


def die_with_parent(parent: int) -> None:
    """Ask Linux to end this process when the build that started it ends, however it ends
    (kill -9 included). Elsewhere the pool's own shutdown has to do."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return
    if os.getppid() != parent:  # the parent died before we asked: go now
        os._exit(1)


def render_batch(kit_ids: list[str]) -> list[KitOutput]:
    return [render_one(kit_id) for kit_id in kit_ids]


def render_one(kit_id: str) -> KitOutput:
    """Plan (with its table division) and render one kit from the worker's workspace."""
    from casuskit.plan import plan_kit
    from casuskit.render.registry import kit_print, render_kit
    from casuskit.seating.plan import for_kit
    ws = _STATE["ws"]
    kit = ws.of("kit")[kit_id].model
    try:
        ctx = plan_kit(ws, kit, _STATE["texts"], _STATE["references"][kit.project])
        ctx.seating, ctx.seating_problems = for_kit(ws, kit)  # solved only for a kit with a list
        if ctx.seating_problems:
            return KitOutput(kit_id, problems=list(ctx.seating_problems))
        files = render_kit(ctx)
    except BuildFailed as exc:
        return KitOutput(kit_id, problems=exc.diagnostics)
    except CasuskitError as exc:
        return KitOutput(kit_id, failure=(type(exc), exc.message, exc.hint))
    except Exception:  # noqa: BLE001 - whatever it is must reach the parent, picklable
        return KitOutput(kit_id, bug=traceback.format_exc())
    return KitOutput(kit_id, files, printing=kit_print(ctx))
