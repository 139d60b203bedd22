"""The benchmark's tables, and the generated blocks of ``benchmarks/RESULTS.md`` they go in.

``run.py`` measures; this module turns values into the Markdown tables (targets with ✓ or ✗,
then every measurement) and rewrites only the text between a block's begin and end markers, so
what is written by hand around them stays.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

PATH = Path(__file__).resolve().parent / "RESULTS.md"
RUN_BLOCK = ("<!-- begin: written by benchmarks/run.py -->", "<!-- end: written by benchmarks/run.py -->")
MEMORY_BLOCK = ("<!-- begin: memory table written by benchmarks/run.py --memory -->",
                "<!-- end: memory table written by benchmarks/run.py --memory -->")
TARGETS = (  # key, description, goal, higher is better
    ("floor_ratio", "full build ÷ the floor (the same documents written as text into zips), ~1,000 .docx",
     3.0, False),
    ("pandoc_ratio", "times faster per document than pandoc (whole build vs whole pandoc processes, "
                     "the same hand-outs)", 15.0, True),
    ("ms_per_doc", "ms per document, ~1,000 documents (wall)", 5.0, False),
    ("rss", "peak RSS (largest process) at ~1,000 documents, MiB", 150.0, False),
    ("example_build", "example project full build incl. start-up, s", 0.8, False),
    ("casus_change", "example project, one casus changed (rebuilds its kits), % of a full build", 40.0, False),
    ("help", "`casuskit --help`, s", 0.150, False),
    ("noop", "no-op rebuild of the example project, s", 0.25, False),
)


def machine_line(info: dict) -> str:
    return (f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}, {info['os']}, "
            f"Python {info['python']}; load average {info['load']} at the start"
            + (f" and {info['load_end']} at the end" if info.get("load_end") else "")
            + " (other work on the machine shows up in wall times).")


def heading(info: dict, label: str, command: str) -> list[str]:
    return [f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} with `{command}`, casuskit `{label}`.", "",
            machine_line(info), ""]


def render(info: dict, label: str, command: str, values: dict, rows: list[tuple[str, str]]) -> str:
    lines = [RUN_BLOCK[0], "", *heading(info, label, command),
             "| target | goal | measured | |", "|---|---|---|---|"]
    for key, text, goal, higher in TARGETS:
        value, sign = values.get(key), "≥" if higher else "≤"
        if value is None or value != value:  # not measured (no pandoc, no incremental builds)
            lines.append(f"| {text} | {sign} {goal:g} | – | |")
            continue
        met = value >= goal if higher else value <= goal
        lines.append(f"| {text} | {sign} {goal:g} | {value:.3g} | {'✓' if met else '✗'} |")
    lines += ["", "| measurement | result |", "|---|---|"]
    lines += [f"| {name} | {result} |" for name, result in rows]
    return "\n".join(lines + ["", RUN_BLOCK[1]])


def render_memory(info: dict, label: str, command: str, rows: list[dict]) -> str:
    lines = [MEMORY_BLOCK[0], "", *heading(info, label, command),
             "| kits | .docx | full build, wall | ms per .docx | largest process | all processes (RSS) "
             "| all processes (PSS) |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['kits']} | {r['docs']} | {r['wall']:.1f} s | {r['wall'] * 1000 / r['docs']:.1f} | "
              f"{r['max_rss']:.0f} MiB | {r['sum_rss']:.0f} MiB | {r['sum_pss']:.0f} MiB |" for r in rows]
    lines += ["", "RSS counts pages that forked workers share with the parent once per process; PSS "
              "divides them among the processes that share them. RSS is sampled every 10 ms, PSS every "
              "0.25 s or less often (reading it slows the build), so a short PSS peak can be missed."]
    return "\n".join(lines + ["", MEMORY_BLOCK[1]])


def write_block(text: str, block: tuple[str, str]) -> None:
    """Put ``text`` (which starts and ends with the block's markers) into RESULTS.md in place of
    the old block, or at the end when there is none yet."""
    begin, end = block
    old = PATH.read_text(encoding="utf-8") if PATH.exists() else "# Benchmark results\n"
    if begin in old and end in old:
        new = old[:old.index(begin)] + text + old[old.index(end) + len(end):]
    else:
        new = old.rstrip() + "\n\n" + text + "\n"
    PATH.write_text(new, encoding="utf-8")
