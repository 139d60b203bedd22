"""casuskit speed and scale benchmark: one command, results in benchmarks/RESULTS.md.

    python benchmarks/run.py                          # measure, print, update RESULTS.md
    python benchmarks/run.py --kits 30 --runs 1 --no-write   # a quicker look
    python benchmarks/run.py --memory 150 500 2000    # only the memory table, at these sizes
    python benchmarks/run.py --bron OLD --generator OLD/generator --no-write   # an older checkout

Every casuskit run is a fresh ``python -m casuskit`` process (start-up included):

- the synthetic project (``synthetic.py``, ``--kits 150``: about 1,000 .docx, all seven
  werkvormen, per-buurt casussen, participant lists, evaluations, role cards, a house style).
  ``--runs`` rounds of: a clean full build, then the floor (``floor.py``: the same documents
  written again as text into zips) on its output, then pandoc (one process per hand-out, for a
  sample of the build's own hand-outs, side by side and one after another). Medians of the
  rounds give build ÷ floor and pandoc ÷ build per document; also CPU, peak memory, a no-op
  rebuild and one general casus changed;
- the shipped example project: ``--runs`` rounds of a clean full build, then one casus changed
  (stille-buurman, used by the three ronde-2 kits); the same change rebuilt in a running process
  as the watcher does (``warm.py``); a build in one process, a no-op rebuild and
  ``casuskit --help``.

``--memory`` builds projects of the given sizes once each and writes only the memory table:
wall time, the largest process's peak RSS and the peak over all processes together.

Timings are wall-clock on a shared machine: the load average at the start is reported with them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import results  # noqa: E402
import synthetic  # noqa: E402

EXAMPLE_FOLDERS = ("projecten", "buurten", "werkvormen", "casussen", "kits", "rollen", "deelnemers",
                   "evaluaties", "sjablonen")
CHANGED_CASUS = ("stille-buurman.yaml", "anderhalf jaar geleden", "twee jaar geleden")  # file, old, new
KIT_LINE = re.compile(r"^\S.*/\s+\(", re.M)  # the build's heading line of every kit it wrote


def main() -> None:
    parser = argparse.ArgumentParser(description="casuskit speed and scale benchmark")
    parser.add_argument("--kits", type=int, default=150, help="kits in the synthetic project (150 ≈ 1,000 .docx)")
    parser.add_argument("--runs", type=int, default=5, help="rounds of the alternating measurements (default 5, ≥ 3)")
    parser.add_argument("--pandoc-sample", type=int, default=100, help="hand-outs pandoc writes per round")
    parser.add_argument("--memory", type=int, nargs="+", metavar="KITS",
                        help="only the memory table, for projects of these sizes (e.g. 150 500 2000)")
    parser.add_argument("--generator", type=Path, default=REPO / "generator", help="folder holding casuskit")
    parser.add_argument("--bron", type=Path, default=REPO,
                        help="casuskit checkout whose example files are used (default: this one)")
    parser.add_argument("--label", help="what is measured (default: the last commit that changed --generator)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    args.generator, args.bron = args.generator.resolve(), args.bron.resolve()
    label = args.label or code_version(args.generator)
    command = "python benchmarks/run.py " + " ".join(sys.argv[1:]).replace(" --no-write", "")
    info = measure.machine()
    with tempfile.TemporaryDirectory(prefix="casuskit-bench-") as scratch:
        warm_up(Path(scratch), args)
        if args.memory:
            memory_rows = memory_table(Path(scratch), args)
        else:
            values, rows = measure_synthetic(Path(scratch), args)
            more_values, more_rows = measure_example(Path(scratch), args)
    info["load_end"] = measure.machine()["load"]
    if args.memory:
        report, block = results.render_memory(info, label, command.strip(), memory_rows), results.MEMORY_BLOCK
    else:
        report = results.render(info, label, command.strip(), {**values, **more_values}, rows + more_rows)
        block = results.RUN_BLOCK
    print(report)
    if not args.no_write:
        results.write_block(report, block)
        print(f"\nWritten to {results.PATH}")


def code_version(generator: Path) -> str:
    """The last commit that changed ``generator`` (not the benchmarks), ``-dirty`` if it has
    uncommitted changes; the folder itself outside a git checkout."""
    def git(*words: str) -> str:
        return subprocess.run(["git", "-C", str(generator), *words, "--", "."], capture_output=True,
                              text=True).stdout.strip()
    commit = git("log", "-1", "--format=%h")
    return (commit + ("-dirty" if git("status", "--porcelain") else "")) if commit else str(generator)


def warm_up(scratch: Path, args) -> None:
    """Compile casuskit's byte-code once, as an installation would, before anything is timed."""
    warm = synthetic.generate(scratch / "opwarmen", 7, args.bron, args.generator)
    measure.casuskit(args.generator, warm, "build")
    shutil.rmtree(warm)


def clean_build(generator: Path, project: Path, *options: str, pss: bool = False) -> measure.Run:
    shutil.rmtree(project / "output", ignore_errors=True)
    return measure.casuskit(generator, project, "build", *options, pss=pss)


# -- the synthetic project ----------------------------------------------------------------

def measure_synthetic(scratch: Path, args) -> tuple[dict, list]:
    project = synthetic.generate(scratch / "synthetisch", args.kits, args.bron, args.generator)
    check = measure.casuskit(args.generator, project, "check")  # raises on errors
    print(f"synthetic project: {args.kits} kits; {args.runs} rounds of build, floor, pandoc …", file=sys.stderr)
    pandoc = measure.pandoc_version()
    builds, floors, side_by_side, one_by_one = [], [], [], []
    sources: list[tuple[Path, Path]] = []
    for round_ in range(args.runs):
        builds.append(clean_build(args.generator, project))
        floors.append(run_floor(project / "output", scratch / "vloer"))
        if pandoc is None:
            continue
        if round_ == 0:
            sources = pandoc_sources(scratch, project, args)
            measure.pandoc_each(sources[:2], 1)  # untimed: pandoc's first start reads it from disk
        side_by_side.append(measure.pandoc_each(sources, os.cpu_count() or 1) / len(sources))
        one_by_one.append(measure.pandoc_each(sources, 1) / len(sources))
    docs = sorted((project / "output").rglob("*.docx"))
    files = [p for p in (project / "output").rglob("*") if p.is_file() and not p.name.startswith(".")]
    build = measure.median_run(builds)
    floor = measure.median([f["seconds"] for f in floors])
    floor_cpu = measure.median([f["cpu_seconds"] for f in floors])
    per_doc = build.wall / len(docs)
    values = {"floor_ratio": build.wall / floor, "ms_per_doc": per_doc * 1000,
              "rss": max(b.max_rss_mib for b in builds)}
    rows = [("synthetic project", describe(project, len(docs), len(files) - len(docs), check.output)),
            ("full build, wall", f"**{build.wall:.2f} s = {per_doc * 1000:.1f} ms per .docx** (median of "
                                 f"{_seconds(builds)})"),
            ("the floor (`floor.py`), one process", f"**{floor:.2f} s = {floor * 1000 / len(docs):.2f} ms per "
                                                    f".docx** (median of {_seconds(floors)}); {_floor_note(floors[-1])}"),
            ("full build ÷ floor", f"**{build.wall / floor:.1f}×**"),
            ("full build, CPU (all processes)", f"{build.cpu:.2f} s = {build.cpu * 1000 / len(docs):.1f} ms per .docx "
                                                f"= {build.cpu / floor_cpu:.1f}× the floor's CPU ({floor_cpu:.2f} s; "
                                                "CPU times suffer less from other work on the machine)"),
            ("peak RSS", f"largest process {values['rss']:.0f} MiB; all processes together "
                         f"{max(b.sum_rss_mib for b in builds):.0f} MiB (RSS, shared pages counted per process)")]
    pandoc_value, pandoc_rows = compare_pandoc(pandoc, side_by_side, one_by_one, len(sources), per_doc)
    values["pandoc_ratio"] = pandoc_value
    rows += pandoc_rows
    noop = measure.median_run([measure.casuskit(args.generator, project, "build") for _ in range(args.runs)])
    changed = change_casus(project / "casussen" / "algemeen", args.generator, project)
    rows += [("no-op rebuild", f"{noop.wall:.2f} s"),
             ("one general casus changed", f"{changed.wall:.2f} s for {len(KIT_LINE.findall(changed.output))} kits "
                                           f"rebuilt = {changed.wall * 100 / build.wall:.0f} % of a full build")]
    return values, rows


def compare_pandoc(version: str | None, side_by_side: list[float], one_by_one: list[float], sample: int,
                   per_doc: float) -> tuple[float, list]:
    """pandoc's seconds per hand-out (per round) against the build's per .docx."""
    if version is None:
        return float("nan"), [("pandoc", "not installed: comparison skipped (`apt-get install pandoc`)")]
    theirs, serial = measure.median(side_by_side), measure.median(one_by_one)
    return theirs / per_doc, [
        ("pandoc", version),
        ("pandoc per hand-out, whole processes", f"{theirs * 1000:.1f} ms each with {os.cpu_count()} side by side "
                                                 f"(as casuskit builds with one process per core); {serial * 1000:.1f} "
                                                 f"ms one after another ({sample} of the build's hand-outs, medians "
                                                 f"of {len(side_by_side)} rounds)"),
        ("pandoc ÷ casuskit per document", f"**{theirs / per_doc:.1f}×** side by side; {serial / per_doc:.1f}× one "
                                           "after another (casuskit: the whole build's wall time per .docx, every "
                                           "kind, start-up and check included)")]


def describe(project: Path, docs: int, others: int, check_output: str) -> str:
    def count(folder: str) -> int:
        return sum(1 for p in (project / folder).rglob("*") if p.is_file())
    kits = count("kits")
    buurten = synthetic.buurten_for(kits)
    werkvormen = {line.split(":", 1)[1].strip() for p in (project / "kits").rglob("*.yaml")
                  for line in p.read_text(encoding="utf-8").splitlines() if line.startswith("werkvorm:")}
    with_roles = sum("\nrollen:" in p.read_text(encoding="utf-8") for p in (project / "kits").rglob("*.yaml"))
    verdict = check_output.strip().splitlines()[-1] if check_output.strip() else ""
    return (f"{kits} kits in {len(buurten)} buurten, {len(werkvormen)} werkvormen, {count('casussen')} casussen, "
            f"{count('deelnemers')} participant lists, {count('evaluaties')} evaluation files, role cards in "
            f"{with_roles} kits, one house style: **{docs} .docx** + {others} other files; "
            f"`casuskit check`: {verdict}")


def run_floor(output: Path, dest: Path) -> dict:
    done = subprocess.run([sys.executable, str(HERE / "floor.py"), str(output), "--dest", str(dest), "--json"],
                          capture_output=True, text=True, check=True)
    shutil.rmtree(dest, ignore_errors=True)
    return json.loads(done.stdout)


def _floor_note(figures: dict) -> str:
    return (f"{figures['identical']} of {figures['documents']} written byte-identical to the build's; "
            f"{figures['changing_parts']} changing parts ({figures['changing_mib']:.1f} MiB of XML) deflated per "
            f"document, {figures['shared_parts']} shared parts copied from {figures['distinct_shared']} "
            "compressed once")


def pandoc_sources(scratch: Path, project: Path, args) -> list[tuple[Path, Path]]:
    """Markdown of an even sample of the build's hand-outs, each with its project's reference
    document (the house style, or the default written by ``casuskit huisstijl``)."""
    default = scratch / "pandoc" / "standaard.docx"
    default.parent.mkdir(parents=True, exist_ok=True)
    measure.casuskit(args.generator, project, "huisstijl", str(default))
    handouts = sorted((project / "output").rglob("hand-out-*.docx"))
    step = max(1, len(handouts) // args.pandoc_sample)
    sources = []
    for number, handout in enumerate(handouts[::step][:args.pandoc_sample]):
        source = scratch / "pandoc" / f"hand-out-{number:04d}.md"
        source.write_text(measure.docx_markdown(handout), encoding="utf-8")
        own = handout.relative_to(project / "output").parts[0] == synthetic.STAD
        sources.append((source, project / synthetic.HOUSE_STYLE if own else default))
    return sources


def change_casus(folder: Path, generator: Path, project: Path) -> measure.Run:
    """Change one sentence of stille-buurman (or change it back) and build; the run."""
    name, old, new = CHANGED_CASUS
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1) if old in text else text.replace(new, old, 1), encoding="utf-8")
    return measure.casuskit(generator, project, "build")


# -- the example project ------------------------------------------------------------------

def measure_example(scratch: Path, args) -> tuple[dict, list]:
    example = scratch / "voorbeeld"
    for folder in EXAMPLE_FOLDERS:
        if (args.bron / folder).is_dir():
            shutil.copytree(args.bron / folder, example / folder)
    fulls, changes = [], []
    for _ in range(args.runs):
        fulls.append(clean_build(args.generator, example))
        changes.append(change_casus(example / "casussen" / "algemeen", args.generator, example))
    full, change = measure.median_run(fulls), measure.median_run(changes)
    count = len(list((example / "output").rglob("*.docx")))
    serial = clean_build(args.generator, example, "--processen", "1")
    noop = measure.median_run([measure.casuskit(args.generator, example, "build") for _ in range(args.runs)])
    help_ = measure.median_run([measure.casuskit(args.generator, example, "--help")
                                for _ in range(max(args.runs, 5))])
    warm = warm_rebuild(args.generator, example, args.runs)
    values = {"example_build": full.wall, "casus_change": change.wall * 100 / full.wall,
              "noop": noop.wall, "help": help_.wall}
    rows = [("example project, full build", f"**{full.wall:.2f} s** for {len(KIT_LINE.findall(full.output))} kits, "
                                            f"{count} .docx (median of {_seconds(fulls)})"),
            ("example project, one casus changed", f"**{change.wall:.2f} s** for "
                                                   f"{len(KIT_LINE.findall(change.output))} kits rebuilt "
                                                   f"(stille-buurman) = **{values['casus_change']:.0f} %** of a full "
                                                   f"build (median of {_seconds(changes)})"),
            ("example project, one casus changed, in a running process (as `casuskit watch` rebuilds)",
             f"{warm['changed']:.2f} s for {warm['kits']} kits rebuilt = {warm['changed'] * 100 / full.wall:.0f} % "
             f"of the full build above; a full build in that process: {warm['full']:.2f} s "
             f"(`warm.py`, medians of {args.runs})"),
            ("example project, full build in one process", f"{serial.wall:.2f} s"),
            ("example project, no-op rebuild", f"{noop.wall:.3f} s"),
            ("`casuskit --help`", f"{help_.wall * 1000:.0f} ms")]
    return values, rows


def warm_rebuild(generator: Path, project: Path, runs: int) -> dict:
    """``warm.py`` in a process of its own, with ``generator`` on the path: its medians."""
    env = {**os.environ, "PYTHONPATH": str(generator), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, str(HERE / "warm.py"), str(project), "--runs", str(runs)],
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _seconds(runs) -> str:
    return ", ".join(f"{r['seconds'] if isinstance(r, dict) else r.wall:.2f}" for r in runs) + " s"


# -- the memory table ---------------------------------------------------------------------

def memory_table(scratch: Path, args) -> list[dict]:
    rows = []
    for kits in args.memory:
        project = synthetic.generate(scratch / f"geheugen-{kits}", kits, args.bron, args.generator)
        print(f"memory: {kits} kits …", file=sys.stderr)
        run = clean_build(args.generator, project, pss=True)
        rows.append({"kits": kits, "docs": sum(1 for _ in (project / "output").rglob("*.docx")), "wall": run.wall,
                     "max_rss": run.max_rss_mib, "sum_rss": run.sum_rss_mib, "sum_pss": run.sum_pss_mib})
        shutil.rmtree(project)
    return rows


if __name__ == "__main__":
    main()
