"""How long `check` and `build` take, and how much memory, with a template bomb in the input.

    python benchmarks/template_bombs.py                         # measure, print, write BOMBS.md
    python benchmarks/template_bombs.py --generator OLD/generator --no-write   # an older checkout

Two bombs, each in a casus text and in a project template (``sjablonen/draaiboek-intro.j2``) of
the small test workspace (``tests/proefkit.py``, its werkvorm given a draaiboek):

- loop: ``{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}``
- times: ``{{ 'x' * 300000000 }}``

Every run is a fresh ``python -m casuskit`` process, stopped after ``--limit`` seconds; the
peak memory is the largest resident set of the process and the workers it waited for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))

from proefkit import CASUS_FILE, write_workspace  # noqa: E402

HEADER = """# Template bombs

`check` and `build` with a template bomb in a casus text or in a project template
(`sjablonen/draaiboek-intro.j2`) of the small test workspace; written by
`python benchmarks/template_bombs.py` (see its docstring). "gestopt": still running when the
run was stopped.

## Now

"""
BEGIN, END = "<!-- begin: written by benchmarks/template_bombs.py -->", "<!-- end -->"
BOMBS = {"loop": "{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}",
         "times": "{{ 'x' * 300000000 }}"}


def workspace(root: Path, bomb: str, where: str) -> Path:
    write_workspace(root)
    werkvorm = root / "werkvormen/kaarten.yaml"
    werkvorm.write_text(werkvorm.read_text(encoding="utf-8").replace(
        "[gesprekskaarten]", "[draaiboek, gesprekskaarten]"), encoding="utf-8")
    if where == "casus":
        casus = root / CASUS_FILE
        casus.write_text(casus.read_text(encoding="utf-8").replace(
            "trekt zich terug.", "trekt zich terug. " + BOMBS[bomb]), encoding="utf-8")
    else:
        (root / "sjablonen").mkdir()
        (root / "sjablonen/draaiboek-intro.j2").write_text(f"Welkom.\n{BOMBS[bomb]}\n", encoding="utf-8")
    return root


def run(generator: Path, root: Path, command: str, limit: float) -> tuple[str, float, float, str]:
    """(exit code or 'gestopt', seconds, peak MiB, last line of output)."""
    env = {**os.environ, "PYTHONPATH": str(generator), "NO_COLOR": "1"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "casuskit", command], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    timer = subprocess.Popen([sys.executable, "-c", f"import time, os; time.sleep({limit}); "
                              f"os.killpg({process.pid}, 9)"], start_new_session=True)
    output = process.stdout.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    timer.kill()
    timer.wait()
    code = os.waitstatus_to_exitcode(status)
    shown = "gestopt" if code == -signal.SIGKILL else str(code)
    lines = [line for line in output.splitlines() if line.startswith(("fout", "Gebouwd"))]
    return shown, seconds, usage.ru_maxrss / 1024, (lines[0] if lines else "")[:110]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--generator", type=Path, default=REPO / "generator")
    parser.add_argument("--limit", type=float, default=60.0, help="stop a run after this many seconds")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BOMBS.md alone")
    args = parser.parse_args()
    rows = []
    for bomb in BOMBS:
        for where in ("casus", "sjabloon"):
            for command in ("check", "build"):
                with tempfile.TemporaryDirectory() as temp:
                    code, seconds, mib, said = run(args.generator, workspace(Path(temp), bomb, where),
                                                   command, args.limit)
                rows.append(f"| {bomb} | {where} | {command} | {code} | {seconds:.2f} | {mib:.0f} | {said} |")
                print(rows[-1], flush=True)
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    table = "\n".join([
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} with `python benchmarks/template_bombs.py`, "
        f"casuskit `{commit}`, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; a run is "
        f"stopped after {args.limit:.0f} s.", "",
        "| bomb | in | command | exit | seconds | peak MiB | first message |", "|---|---|---|---|---|---|---|",
        *rows])
    if not args.no_write:  # the text outside the block is written by hand
        path = HERE / "BOMBS.md"
        text = path.read_text(encoding="utf-8") if path.exists() else HEADER + BEGIN + "\n" + END + "\n"
        before, _, rest = text.partition(BEGIN)
        path.write_text(before + BEGIN + "\n\n" + table + "\n\n" + END + rest.partition(END)[2],
                        encoding="utf-8")


if __name__ == "__main__":
    main()
