"""Measuring helpers for the benchmarks: timed runs of casuskit, memory, machine, pandoc.

Every casuskit run is a fresh ``python -m casuskit`` process, so start-up counts, exactly as a
facilitator experiences it. CPU time and the largest resident set come from ``wait4`` (the
process and the workers it waited for); the total over all processes is sampled from /proc.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    wall: float          # seconds
    cpu: float           # user + system seconds of the whole process tree
    max_rss_mib: float   # largest single process
    sum_rss_mib: float   # peak of the sum over the process tree (sampled every 10 ms)
    output: str


PYCACHE = Path(tempfile.gettempdir()) / "casuskit-bench-pycache"


def casuskit(generator: Path, root: Path, *args: str) -> Run:
    """Run ``python -m casuskit ARGS`` in ``root`` with ``generator`` on the path.

    Byte-code is cached as on any normal installation (in a folder of its own, so the source
    tree stays clean), even where the environment says PYTHONDONTWRITEBYTECODE.
    """
    env = {**os.environ, "PYTHONPATH": str(generator), "NO_COLOR": "1", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "casuskit", *args], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = _TreeSampler(process.pid)
    sampler.start()
    output = process.stdout.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    if process.returncode != 0:
        raise RuntimeError(f"casuskit {' '.join(args)} failed ({process.returncode}):\n{output}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               max(sampler.peak, usage.ru_maxrss * 1024) / 2**20, output)


def median_run(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


class _TreeSampler(threading.Thread):
    """Peak of the summed RSS of a process and its descendants."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            self._done.wait(0.01)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            children = []
        todo += [int(c) for c in children]
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
        memory = f"{int(memory) / 2**20:.1f} GiB"
        load = Path("/proc/loadavg").read_text().split()[0]
    except (OSError, StopIteration):
        memory, load = "?", "?"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": memory, "load": load,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version()}


# -- pandoc -----------------------------------------------------------------------------

def pandoc_version() -> str | None:
    try:
        out = subprocess.run(["pandoc", "--version"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.splitlines()[0]


def handout_markdown(casus, subtitle: str, intro: str) -> str:
    """The hand-out's content (title, situation, persons, questions, note lines) as Markdown."""
    lines = [f"# {casus.title}", "", f"*{subtitle}*", "", intro, "", "## Situatie", ""]
    lines += [" ".join(block.split()) + "\n" for block in casus.situation.split("\n\n") if block.strip()]
    if casus.persons:
        lines += ["## Personen", "", "| Naam | Leeftijd | Rol in het verhaal |", "|---|---|---|"]
        lines += [f"| {p.name} | {p.age if p.age is not None else ''} | {p.role} |" for p in casus.persons]
        lines.append("")
    if casus.questions:
        lines += ["## Vragen", ""] + [f"{i}. {' '.join(q.split())}" for i, q in enumerate(casus.questions, 1)]
        lines.append("")
    lines += ["## Aantekeningen", ""] + ["\\", ""] * 12
    return "\n".join(lines)


def pandoc_each(markdown: list[str], reference: Path, folder: Path) -> float:
    """Convert every Markdown text with its own pandoc process, one after another; seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for i, text in enumerate(markdown):
        source = folder / f"hand-out-{i:04d}.md"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    start = time.perf_counter()
    for source in sources:
        subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", f"--reference-doc={reference}",
                        "-o", str(source.with_suffix(".docx")), str(source)], check=True)
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)
