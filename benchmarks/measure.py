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
    sum_pss_mib: float = float("nan")  # the same for PSS (shared pages divided), when asked


PYCACHE = Path(tempfile.gettempdir()) / "casuskit-bench-pycache"


def casuskit(generator: Path, root: Path, *args: str, pss: bool = False) -> Run:
    """Run ``python -m casuskit ARGS`` in ``root`` with ``generator`` on the path; with ``pss``
    the proportional set size is sampled too (every 0.25 s or less often: reading it is costly).

    Byte-code is cached as on any normal installation (in a folder of its own, so the source
    tree stays clean), even where the environment says PYTHONDONTWRITEBYTECODE.
    """
    env = {**os.environ, "PYTHONPATH": str(generator), "NO_COLOR": "1", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "casuskit", *args], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = _TreeSampler(process.pid, pss)
    sampler.start()
    output = process.stdout.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    if process.returncode != 0:
        raise RuntimeError(f"casuskit {' '.join(args)} failed ({process.returncode}):\n{output}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               max(sampler.peak, usage.ru_maxrss * 1024) / 2**20, output,
               sampler.peak_pss / 2**20 if pss else float("nan"))


def median_run(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.wall)[len(runs) // 2]


class _TreeSampler(threading.Thread):
    """Peak of the summed RSS (and PSS) of a process and its descendants."""

    def __init__(self, pid: int, pss: bool = False):
        super().__init__(daemon=True)
        self.pid, self.pss, self.peak, self.peak_pss, self._done = pid, pss, 0, 0, threading.Event()

    def run(self) -> None:
        next_pss = 0.0
        while not self._done.is_set():
            tree = _tree(self.pid)
            self.peak = max(self.peak, sum(_status(p, "VmRSS:", "status") for p in tree))
            if self.pss and time.perf_counter() >= next_pss:
                # smaps_rollup walks every mapping (~12 ms for 500 MiB) and holds the process's
                # memory lock: read it seldom enough to cost the build under a tenth of a core
                start = time.perf_counter()
                self.peak_pss = max(self.peak_pss, sum(_status(p, "Pss:", "smaps_rollup") for p in tree))
                spent = time.perf_counter() - start
                next_pss = start + max(0.25, 10 * spent)
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


def _status(pid: int, field: str, file: str) -> int:
    """Bytes of ``field`` (a kB line such as VmRSS: or Pss:) in /proc/PID/``file``."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field):
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


def docx_markdown(path: Path) -> str:
    """A built document's content as Markdown, by the style names casuskit writes (title,
    headings, numbered and bulleted lists, note lines, tables), for pandoc to write it again."""
    import docx  # python-docx: casuskit's own dependency, read through its public API
    prefixes = {"Title": "# ", "Heading 1": "## ", "Heading 2": "### ", "Heading 3": "#### ",
                "List Number": "1. ", "List Bullet": "- "}
    lines: list[str] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if hasattr(block, "rows"):  # a table
            rows = [[" ".join(cell.text.split()).replace("|", "\\|") for cell in row.cells] for row in block.rows]
            lines += ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
            lines += ["| " + " | ".join(row) + " |" for row in rows[1:]] + [""]
            continue
        text, style = " ".join(block.text.split()), block.style.name if block.style is not None else ""
        if style == "Notitieregel" or not text:
            lines += ["\\", ""]
        elif style == "Subtitle":
            lines += [f"*{text}*", ""]
        else:
            lines += [prefixes.get(style, "") + text, ""]
    return "\n".join(lines)


def pandoc_each(sources: list[tuple[Path, Path]], processes: int) -> float:
    """Convert every (Markdown file, reference document) to .docx beside the Markdown, one
    pandoc process per document, ``processes`` of them side by side; seconds for all."""
    from concurrent.futures import ThreadPoolExecutor

    def convert(job: tuple[Path, Path]) -> None:
        source, reference = job
        subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", f"--reference-doc={reference}",
                        "-o", str(source.with_suffix(".docx")), str(source)], check=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        list(pool.map(convert, sources))
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    return statistics.median(values)
