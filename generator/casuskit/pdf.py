"""Word documents to PDF with LibreOffice headless, in batches.

Starting LibreOffice costs about a second; converting one more document in a running instance
about a tenth of that. So :func:`convert` never starts it per document: it splits the documents
into one batch per worker (at most one per core) and converts each batch with a single
``soffice --convert-to pdf`` call, the workers side by side, each with its own throw-away
profile (``-env:UserInstallation``) so they neither block each other nor a LibreOffice the
user has open. Everything happens in a temporary folder; the caller gets the PDF bytes and
hands them to the writer, which moves them into ``output/`` all at once. Each LibreOffice runs
in a process group of its own, killed whole when its batch is done, fails, times out or is
interrupted; a :class:`~casuskit.reaper.Reaper` does the same, and removes the folder, when
casuskit itself is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from casuskit import oserrors
from casuskit.errors import PdfError
from casuskit.reaper import Reaper

INSTALL_HINT = "sudo apt-get install libreoffice-writer-nogui"
MAX_WORKERS = 4          # each LibreOffice takes 150-250 MB
MIN_PER_WORKER = 3       # below this, a second start costs more than it saves
START_TIMEOUT_S = 90     # first start (profile creation) on a slow machine
PER_DOCUMENT_TIMEOUT_S = 15
_OTHER_PLACES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


@dataclass
class Conversion:
    pdfs: dict[Path, bytes]  # source .docx → PDF
    workers: int
    seconds: float


def find_office() -> str | None:
    """The LibreOffice program (``soffice``), or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    return next((place for place in _OTHER_PLACES if Path(place).is_file()), None)


def missing_office() -> PdfError:
    return PdfError("LibreOffice is niet gevonden, dus er zijn geen PDF's gemaakt; de "
                    ".docx-bestanden zijn wel gebouwd",
                    f"Installeer LibreOffice en bouw opnieuw met --pdf: {INSTALL_HINT} "
                    "(op Windows of macOS: installeer het van libreoffice.org).")


def workers_for(count: int, cores: int | None = None) -> int:
    cores = cores if cores is not None else (os.cpu_count() or 1)
    return max(1, min(cores, MAX_WORKERS, count // MIN_PER_WORKER))


def batches(sources: list[Path], workers: int) -> list[list[Path]]:
    """Split ``sources`` into ``workers`` batches of about equal size in bytes (the biggest
    first, each to the lightest batch), keeping each batch in the given order."""
    loads = [[0, []] for _ in range(max(1, workers))]
    for source in sorted(sources, key=lambda p: -p.stat().st_size):
        lightest = min(loads, key=lambda load: load[0])
        lightest[0] += source.stat().st_size
        lightest[1].append(source)
    order = {source: i for i, source in enumerate(sources)}
    return [sorted(batch, key=order.__getitem__) for _, batch in loads if batch]


def convert(sources: list[Path], workers: int | None = None) -> Conversion:
    """Convert .docx files to PDF; raises PdfError when LibreOffice is missing or fails."""
    office = find_office()
    if office is None:
        raise missing_office()
    started = time.perf_counter()
    if not sources:
        return Conversion({}, 0, 0.0)
    workers = workers or workers_for(len(sources))
    # the reaper removes the folder (and stops LibreOffice) even when casuskit is killed
    with tempfile.TemporaryDirectory(prefix="casuskit-pdf-", ignore_cleanup_errors=True) as temp, \
            Reaper(Path(temp)) as reaper:
        jobs: list[_Job] = []
        pdfs: dict[Path, bytes] = {}
        try:
            for i, batch in enumerate(batches(sources, workers)):
                jobs.append(_start(office, Path(temp, f"werker-{i}"), batch, reaper))
            for job in jobs:
                pdfs.update(_finish(job))
        finally:  # done, failed or Ctrl-C: no LibreOffice of ours, nor a helper it started, runs on
            for job in jobs:
                _stop(job)
                reaper.forget(job.process.pid)
    return Conversion(pdfs, len(jobs), time.perf_counter() - started)


@dataclass
class _Job:
    process: subprocess.Popen
    folder: Path
    inputs: dict[Path, Path]  # source → its uniquely named copy in the batch folder
    deadline: float
    stopped: bool = False


def _start(office: str, folder: Path, batch: list[Path], reaper: Reaper) -> _Job:
    """Copy the batch under unique names (every kit has a draaiboek.docx) and start one
    LibreOffice for all of it."""
    (folder / "in").mkdir(parents=True)
    inputs = {}
    for n, source in enumerate(batch):
        inputs[source] = folder / "in" / f"{n:03d}-{source.name}"
        shutil.copyfile(source, inputs[source])
    command = [office, f"-env:UserInstallation={(folder / 'profiel').as_uri()}", "--headless",
               "--invisible", "--nologo", "--norestore", "--nolockcheck", "--nodefault",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(folder / "uit"),
               *(str(path) for path in inputs.values())]
    log = open(folder / "log.txt", "wb")
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT,
                                   start_new_session=sys.platform != "win32")
    except OSError as exc:
        raise PdfError(f"LibreOffice kon niet starten ({oserrors.reason(exc)})",
                       f"Controleer de installatie, of installeer opnieuw: {INSTALL_HINT}") from None
    finally:
        log.close()
    reaper.watch(process.pid)  # a session of its own: the group has the id of the process
    deadline = time.monotonic() + START_TIMEOUT_S + PER_DOCUMENT_TIMEOUT_S * len(batch)
    return _Job(process, folder, inputs, deadline)


def _finish(job: _Job) -> dict[Path, bytes]:
    ended = _ended(job.process, max(1.0, job.deadline - time.monotonic()))
    _stop(job)  # the whole group: a helper LibreOffice started may live on
    if not ended:
        raise PdfError("LibreOffice reageerde niet en is gestopt; er zijn geen PDF's gemaakt",
                       "Probeer het opnieuw. Blijft het hangen, start de computer dan opnieuw of "
                       "bouw minder kits tegelijk (casuskit build KIT --pdf).")
    pdfs, failed = {}, []
    for source, copy in job.inputs.items():
        pdf = job.folder / "uit" / (copy.stem + ".pdf")
        if pdf.is_file() and pdf.stat().st_size > 0:
            pdfs[source] = pdf.read_bytes()
        else:
            failed.append(source.name)
    if failed:
        log = (job.folder / "log.txt").read_text(encoding="utf-8", errors="replace").strip()
        raise PdfError(f"LibreOffice maakte geen PDF van {', '.join(failed)}",
                       "Open het document in LibreOffice of Word om te zien wat er mis is. "
                       + (f"Melding van LibreOffice: {log.splitlines()[-1]}" if log else ""))
    return pdfs


def _ended(process: subprocess.Popen, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for ``process`` to end, without reaping it: until it is
    reaped, its group id cannot pass to another program, so killing the group hits only ours."""
    if sys.platform == "win32" or not hasattr(os, "waitid"):
        try:
            process.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            return False
    deadline, pause = time.monotonic() + timeout, 0.005
    while True:
        try:
            if os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:  # already reaped
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def _stop(job: _Job) -> None:
    """Stop the LibreOffice we started, with the helpers it started (its own session), also
    when the first one already ended: a helper may live on in the group. Once per job."""
    if job.stopped:
        return
    job.stopped, process = True, job.process
    try:
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        elif process.poll() is None:
            process.kill()
    except OSError:  # the group is empty
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
