"""casuskit speed and scale benchmark: one command, results in benchmarks/RESULTS.md.

    python benchmarks/run.py                      # measure, print, update RESULTS.md
    python benchmarks/run.py --buurten 20 --no-write   # a quicker look
    python benchmarks/run.py --bron OLD --generator OLD/generator --no-write   # an older checkout

Measures, each as a fresh ``python -m casuskit`` process (start-up included):

- a synthetic project (``synthetic.py``: 100 buurten × 3 rounds, about 1100 Word documents):
  clean full build wall time, ms per document, CPU, peak memory; no-op rebuild; one buurt
  changed;
- the shipped example project: clean full build (default processes and one process), no-op
  rebuild, ``casuskit --help``;
- the same hand-outs made by pandoc, one pandoc process per document (skipped without pandoc).

Timings are wall-clock on a shared machine: the load average at the start is reported with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import synthetic  # noqa: E402

EXAMPLE_FOLDERS = ("projecten", "buurten", "werkvormen", "casussen", "kits", "rollen", "deelnemers", "sjablonen")
BEGIN, END = "<!-- begin: written by benchmarks/run.py -->", "<!-- end: written by benchmarks/run.py -->"
TARGETS = (  # key, description, limit, lower is better
    ("ms_per_doc", "ms per document, ~1000 documents (wall)", 5.0),
    ("pandoc_ratio", "times faster than pandoc per document (the same hand-outs)", 10.0),
    ("rss", "peak RSS (largest process), MiB", 150.0),
    ("example_build", "example project full build incl. start-up, s", 1.0),
    ("help", "`casuskit --help`, s", 0.150),
    ("noop", "no-op rebuild of the example project, s", 0.25),
)


def main() -> None:
    parser = argparse.ArgumentParser(description="casuskit speed and scale benchmark")
    parser.add_argument("--buurten", type=int, default=100, help="buurten in the synthetic project (3 kits each)")
    parser.add_argument("--generator", type=Path, default=REPO / "generator", help="folder holding casuskit")
    parser.add_argument("--pandoc-sample", type=int, default=60, help="hand-outs converted with pandoc")
    parser.add_argument("--runs", type=int, default=3, help="repeats of the short measurements")
    parser.add_argument("--bron", type=Path, default=REPO,
                        help="casuskit checkout whose example files are used (default: this one)")
    parser.add_argument("--label", help="what is measured (default: git describe of --generator)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    generator = args.generator.resolve()
    with tempfile.TemporaryDirectory(prefix="casuskit-bench-") as scratch:
        report = measure_all(Path(scratch), generator, args)
    print(report)
    if not args.no_write:
        write_results(report)
        print(f"\nWritten to {HERE / 'RESULTS.md'}")


def measure_all(scratch: Path, generator: Path, args) -> str:
    info = measure.machine()
    incremental = "--opnieuw" in measure.casuskit(generator, REPO, "build", "--help").output
    source = args.bron.resolve()
    warm = scratch / "opwarmen"  # compiles casuskit's byte-code once, as an installation would
    synthetic.generate(warm, 1, source)
    measure.casuskit(generator, warm, "build")
    values: dict[str, float] = {}
    rows: list[tuple[str, str]] = []

    # -- the synthetic project -------------------------------------------------------------
    project = synthetic.generate(scratch / "synthetisch", args.buurten, source)
    print(f"synthetic project: {args.buurten} buurten, building …", file=sys.stderr)
    full = measure.casuskit(generator, project, "build")
    docs = sorted((project / "output").rglob("*.docx"))
    files = [p for p in (project / "output").rglob("*") if p.is_file() and not p.name.startswith(".")]
    values["ms_per_doc"] = full.wall * 1000 / len(docs)
    values["rss"] = full.max_rss_mib
    rows += [("synthetic project", f"{args.buurten} buurten × 3 rondes = {args.buurten * 3} kits, "
                                   f"{len(docs)} .docx + {len(files) - len(docs)} other files"),
             ("full build, wall", f"{full.wall:.2f} s = **{values['ms_per_doc']:.1f} ms per .docx** "
                                  f"({full.wall * 1000 / len(files):.1f} ms per file)"),
             ("full build, CPU (all processes)", f"{full.cpu:.2f} s = {full.cpu * 1000 / len(docs):.1f} ms per .docx"),
             ("peak RSS", f"largest process {full.max_rss_mib:.0f} MiB; all processes together "
                          f"{full.sum_rss_mib:.0f} MiB (shared pages counted per process)")]
    if incremental:
        noop = measure.median_run([measure.casuskit(generator, project, "build") for _ in range(args.runs)])
        buurt = project / "buurten" / "wijk-001.yaml"
        buurt.write_text(buurt.read_text(encoding="utf-8").replace("Een buurt met", "Een wijk met", 1),
                         encoding="utf-8")
        one = measure.casuskit(generator, project, "build")
        rows += [("no-op rebuild", f"{noop.wall:.2f} s"),
                 ("one buurt changed (3 kits rebuilt)", f"{one.wall:.2f} s")]
    pandoc_rows, values["pandoc_ratio"] = compare_pandoc(scratch, generator, project, args.pandoc_sample,
                                                         values["ms_per_doc"])
    rows += pandoc_rows

    # -- the example project ---------------------------------------------------------------
    example = scratch / "voorbeeld"
    for folder in EXAMPLE_FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(source / folder, example / folder)
    clean = []
    for _ in range(args.runs):
        shutil.rmtree(example / "output", ignore_errors=True)
        clean.append(measure.casuskit(generator, example, "build"))
    values["example_build"] = measure.median_run(clean).wall
    count = len(list((example / "output").rglob("*.docx")))
    rows += [("example project, full build", f"{values['example_build']:.2f} s for "
                                             f"{len(clean[0].output.split('/  (')) - 1} kits, {count} .docx "
                                             f"(median of {args.runs})")]
    if incremental:
        shutil.rmtree(example / "output")
        serial = measure.casuskit(generator, example, "build", "--processen", "1")
        noop = measure.median_run([measure.casuskit(generator, example, "build") for _ in range(args.runs)])
        values["noop"] = noop.wall
        rows += [("example project, full build in one process", f"{serial.wall:.2f} s"),
                 ("example project, no-op rebuild", f"{noop.wall:.3f} s")]
    values["help"] = measure.median_run([measure.casuskit(generator, example, "--help")
                                         for _ in range(max(args.runs, 5))]).wall
    rows.append(("`casuskit --help`", f"{values['help'] * 1000:.0f} ms"))
    return render(info, generator, values, rows, args)


def compare_pandoc(scratch: Path, generator: Path, project: Path, sample: int, ms_per_doc: float):
    """The same hand-outs by casuskit (in this process) and by one pandoc process per document."""
    version = measure.pandoc_version()
    if version is None:
        return [("pandoc", "not installed: comparison skipped (`apt-get install pandoc`)")], float("nan")
    sys.path.insert(0, str(generator))
    from casuskit import word
    from casuskit.check import check_workspace
    from casuskit.render import handout
    from casuskit.plan import plan_kit
    from casuskit.textrender import Texts

    checked = check_workspace(project)
    ws, texts = checked.workspace, Texts(project)
    contexts = [plan_kit(ws, entry.model, texts, None) for _, entry in sorted(ws.of("kit").items())
                if "hand-out" in ws.of("werkvorm")[entry.model.werkvorm].model.documents]
    handout.render(contexts[0])  # warm: the prepared reference, templates, compressed parts
    made, spent = 0, []
    for _ in range(3):  # the best of three passes over up to 200 hand-outs
        made, start = 0, time.perf_counter()
        for ctx in contexts:
            if made >= 200:
                break
            made += len(handout.render(ctx))
        spent.append(time.perf_counter() - start)
    markdown = []
    for ctx in contexts:
        if len(markdown) >= sample:
            break
        subtitle = f"Hand-out · {ctx.buurt.name} · {ctx.kit.round_label} · {ctx.date_text}"
        intro = ctx.texts.fixed("hand-out-intro.j2", **ctx.template_context())
        markdown += [measure.handout_markdown(c, subtitle, intro) for c in ctx.casussen]
    reference = scratch / "referentie.docx"
    reference.write_bytes(word.default_reference_bytes())
    pandoc = min(measure.pandoc_each(markdown, reference, scratch / "pandoc") for _ in range(3))
    ours, theirs = min(spent) * 1000 / made, pandoc * 1000 / len(markdown)
    return [("pandoc", version),
            ("hand-outs, casuskit", f"{ours:.1f} ms each ({made} in one process, best of 3)"),
            ("hand-outs, pandoc per document", f"{theirs:.1f} ms each ({len(markdown)} pandoc runs one "
                                               "after another, best of 3)"),
            ("pandoc ÷ casuskit", f"{theirs / ours:.1f}× per hand-out; "
                                  f"{theirs / ms_per_doc:.1f}× against the whole build's ms per .docx "
                                  "(all kinds, start-up and check included)")], \
        theirs / ours


def render(info: dict, generator: Path, values: dict, rows: list, args) -> str:
    commit = args.label or subprocess.run(["git", "-C", str(generator), "describe", "--always", "--dirty"],
                                          capture_output=True, text=True).stdout.strip() or str(generator)
    lines = [BEGIN, "", f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} with `python benchmarks/run.py"
             + (f" --buurten {args.buurten}" if args.buurten != 100 else "") + "`, casuskit "
             f"`{commit}`.", "",
             f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}, {info['os']}, "
             f"Python {info['python']}; load average {info['load']} at the start "
             "(other work on the machine shows up in wall times).", "",
             "| target | goal | measured | |", "|---|---|---|---|"]
    for key, text, goal in TARGETS:
        value = values.get(key)
        if value is None or value != value:  # not measured (no pandoc, no incremental builds)
            lines.append(f"| {text} | {'≥' if key == 'pandoc_ratio' else '≤'} {goal:g} | – | |")
            continue
        met = value >= goal if key == "pandoc_ratio" else value <= goal
        lines.append(f"| {text} | {'≥' if key == 'pandoc_ratio' else '≤'} {goal:g} | {value:.3g} | "
                     f"{'✓' if met else '✗'} |")
    lines += ["", "| measurement | result |", "|---|---|"]
    lines += [f"| {name} | {result} |" for name, result in rows]
    return "\n".join(lines + ["", END])


def write_results(report: str) -> None:
    path = HERE / "RESULTS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n" + BEGIN + "\n" + END + "\n"
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + report + old[old.index(END) + len(END):]
    else:
        new = old.rstrip() + "\n\n" + report + "\n"
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
