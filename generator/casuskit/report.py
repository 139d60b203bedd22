"""Formatting diagnostics for the terminal, in the style of Rust and Elm compilers.

    fout[onbekend-veld]: onbekend veld `titell`
      --> casussen/noord/eenzaam.yaml:3:1
       |
     3 | titell: Alleen in de flat
       | ^^^^^^
       = hulp: Bedoelde u `titel`?

A source line too long for the terminal is shown cut around the carets, with "…" marks.
"""

from __future__ import annotations

from pathlib import Path

import click

from casuskit import textencoding
from casuskit.errors import Diagnostic
from casuskit.paths import shown

COLOURS = {"fout": "red", "waarschuwing": "yellow"}


class SourceCache:
    """Reads a user's file once to show their own line; never writes it."""

    def __init__(self, root: Path):
        self.root = root
        self.lines: dict[str, list[str]] = {}

    def line(self, file: str, number: int) -> str | None:
        if file not in self.lines:
            try:
                raw = (self.root / file).read_bytes()
            except OSError:
                raw = b""
            self.lines[file] = textencoding.readable(raw).split("\n")
        lines = self.lines[file]
        return lines[number - 1] if 0 < number <= len(lines) else None


def format_diagnostic(d: Diagnostic, sources: SourceCache, colour: bool = False, debug: bool = False) -> str:
    """The diagnostic as the terminal shows it; with ``debug`` also the parser's own words."""
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    head = style(f"{d.severity}[{d.code}]", fg=COLOURS.get(d.severity), bold=True)
    out = [f"{head}: {style(d.message, bold=True)}"]
    loc = d.location
    if loc is None:
        if d.hint:
            out.append(f"  = hulp: {d.hint}")
        return "\n".join(out)
    if loc.line <= 0:
        out.append(f"  --> {loc.file}")
    else:
        out.append(f"  --> {loc.file}:{loc.line}:{loc.column}")
        source = sources.line(loc.file, loc.line)
        if source is not None:
            gutter = " " * len(str(loc.line))
            shown = source.replace("\t", " ")
            start = max(loc.column - 1, 0)
            end = loc.end_column - 1 if loc.end_column and loc.end_column - 1 > start else len(shown.rstrip())
            shown, start, width = source_window(shown, start, max(end - start, 1))
            out += [f" {gutter} |", f" {loc.line} | {shown}",
                    f" {gutter} | " + " " * start + style("^" * width, fg=COLOURS.get(d.severity))]
    for note in d.notes:
        out.append(f"  = {note}")
    if debug and d.detail:
        out.append(f"  = technisch: {d.detail}")
    if d.hint:
        lines = d.hint.split("\n")
        out.append(f"  = {style('hulp', bold=True)}: {lines[0]}")
        out += [f"          {line}" for line in lines[1:]]
    return "\n".join(out)


#: At most this many characters of a source line are shown, "…" marks included, so that the
#: gutter (" 123 | ") and the line fit in an 80-column terminal.
SOURCE_WIDTH = 72
#: Characters shown before the carets when they are too wide to centre in the window.
SOURCE_CONTEXT = 8


def source_window(line: str, start: int, width: int) -> tuple[str, int, int]:
    """The part of ``line`` to show under a diagnostic, with the carets' new start and width.

    A line longer than :data:`SOURCE_WIDTH` is cut around the carets (``start``, ``width``:
    0-based, in characters) and an "…" marks each end that was cut; carets that run past the
    window stop at its edge.
    """
    if len(line.rstrip()) <= SOURCE_WIDTH:
        return line, start, width
    line = line.rstrip()
    room = SOURCE_WIDTH - 2  # for an "…" on both sides
    if width <= room - 2 * SOURCE_CONTEXT:
        left = start - (room - width) // 2  # the carets in the middle
    else:
        left = start - SOURCE_CONTEXT
    right = left + room
    end = max(len(line), start + width)  # carets may point just past the end of the line
    if left <= 0:
        left, right = 0, SOURCE_WIDTH - 1  # only an "…" on the right
    elif right + 1 >= end:
        left, right = max(end - (SOURCE_WIDTH - 1), 0), end  # only an "…" on the left
    text = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    new_start = start - left + (1 if left else 0)
    new_width = max(min(width, right - start), 1)
    return text, new_start, new_width


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"Alles in orde: {files} {'bestand' if files == 1 else 'bestanden'} gecontroleerd."
    parts = []
    if errors:
        parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    touched = len({d.location.file for d in diagnostics if d.location})
    return f"{' en '.join(parts)} in {touched} van {files} bestanden."


def _pages(count: int) -> str:
    return f"{count} pagina" if count == 1 else f"{count} pagina's"


def _sheets(count: int) -> str:
    return f"{count} vel" if count == 1 else f"{count} vellen"


def build_summary(result, root: Path) -> str:
    """What was written where, and what to print, for the facilitator."""
    unchanged = len(getattr(result, "unchanged", ()))
    if not result.kits and unchanged:
        lines = [f"Niets te bouwen: {unchanged} {'kit is' if unchanged == 1 else 'kits zijn'} al "
                 "bijgewerkt. Alles opnieuw maken: casuskit build --opnieuw."]
        return "\n".join(lines + warning_lines(result.warnings))
    out_root = result.written[0].parents[len(result.kits[0].printing.folder.split("/"))] \
        if result.written and result.kits else root / "output"
    lines = [f"Gebouwd: {len(result.kits)} {'kit' if len(result.kits) == 1 else 'kits'}, "
             f"{len(result.written)} bestanden in {shown(root, out_root)}/", ""]
    if unchanged:
        lines[-1:] = [f"Ongewijzigd en overgeslagen: {unchanged} "
                      f"{'kit' if unchanged == 1 else 'kits'} (hun invoer is niet veranderd).", ""]
    sheets = pages = 0
    for kit_result in result.kits:
        kit = kit_result.printing
        lines.append(f"{kit.folder}/  ({kit.meeting} · {kit.date_text})")
        items = kit.items
        width = max((len(item.file) for item in items), default=0)
        sides = max((len(item.sides) for item in items), default=0)
        count = max((len(item.counted) for item in items), default=0)
        for item in items:
            paper = f"{'':<{sides - len(item.sides)}}  · {_pages(kit.pages[item.file])}, " \
                    f"{_sheets(kit.sheets(item))}" if item.file in kit.pages else ""
            lines.append(f"  {item.file:<{width}}  {item.counted:>{count}} {item.sides}{paper}")
        if kit.total_sheets() is not None and items:
            lines.append(f"  samen {_sheets(kit.total_sheets())} A4 voor {_pages(kit.total_pages())}")
            sheets, pages = sheets + kit.total_sheets(), pages + kit.total_pages()
        lines.append("")
    lines.append("Printen: per map staat in printlijst.txt wat u hoeveel keer print. "
                 "Alles op A4, op 100 % (werkelijke grootte).")
    if sheets:
        lines.append(f"Papier voor deze {'kit' if len(result.kits) == 1 else 'kits'}: "
                     f"{_sheets(sheets)} A4 voor {_pages(pages)} (pagina's geschat; "
                     "`casuskit build --pdf` telt ze in de PDF's).")
    lines += warning_lines(result.warnings)
    return "\n".join(lines)


def warning_lines(warnings: list[Diagnostic]) -> list[str]:
    """What the build summary says about check's warnings; a concept casus by name."""
    from casuskit.check_status import CODE
    lines = []
    drafts = sorted({d.location.file for d in warnings if d.code == CODE and d.location})
    if drafts:
        users = ", ".join(drafts[:-1]) + " en " + drafts[-1] if len(drafts) > 1 else drafts[0]
        lines.append(f"Let op: {users} {'gebruiken' if len(drafts) > 1 else 'gebruikt'} een casus "
                     "met status concept; op de hand-out en kaarten van die casus en in het draaiboek "
                     "staat CONCEPT.")
    if warnings:
        lines.append(f"Let op: {len(warnings)} waarschuwing(en); bekijk ze met `casuskit check`.")
    return lines


