"""Located CSV reading for participant lists and evaluation results (never YAML).

Facilitators make these files in Excel or LibreOffice Calc, so the reader accepts what those
programs save: a UTF-8 byte-order mark, CRLF line ends, and a comma or a semicolon as
separator (Dutch Excel uses ``;``). Values are read with the :mod:`csv` module; this module
adds where every cell starts (1-based line and column, as editors show them), so each later
complaint points at the user's cell. Non-UTF-8 files are refused with the place of the first
bad byte; the text of the file is never changed.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from casuskit import oserrors
from casuskit.textchars import CONTROL, shown
from casuskit.errors import Diagnostic, Location, error, warning

MAX_BYTES = 2 * 1024 * 1024
# Line ends as the csv module sees them; str.splitlines also splits on \x0c, \x1c, \x85 …
LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Cell:
    value: str  # stripped of surrounding spaces
    line: int
    column: int


@dataclass
class Row:
    line: int
    cells: dict[str, Cell]  # column name → cell; absent when the row is short

    def get(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.value if cell else ""


@dataclass
class Table:
    file: str
    columns: dict[str, int]  # column name (lower case) → its column on line 1
    rows: list[Row] = field(default_factory=list)

    def at(self, line: int = 1, column: int = 1) -> Location:
        return Location(self.file, line, column)

    def column_location(self, name: str) -> Location:
        return self.at(1, self.columns.get(name, 1))

    def cell_location(self, row: Row, name: str) -> Location:
        cell = row.cells.get(name)
        return self.at(cell.line, cell.column) if cell else self.at(row.line, 1)


def read(path: Path, file: str, required: tuple[str, ...], optional: tuple[str, ...] = (),
         what: str = "") -> tuple[Table | None, list[Diagnostic]]:
    """Read a CSV file with a header line; check its column names against the known ones."""
    raw, problem = read_raw(path, file)
    if raw is None:
        return None, [problem]
    return reads(raw, file, required, optional, what)


def read_raw(path: Path, file: str) -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of a user's CSV file, or why it cannot be read."""
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, error("onleesbaar", f"het bestand kan niet gelezen worden ({oserrors.reason(exc)})",
                           Location(file), oserrors.hint(exc, reading=True))


def reads(raw: bytes, file: str, required: tuple[str, ...], optional: tuple[str, ...] = (),
          what: str = "") -> tuple[Table | None, list[Diagnostic]]:
    """Like :func:`read`, for bytes already in memory."""
    header_hint = "De eerste regel noemt de kolommen, bijv.: " + ",".join(required) + "."
    if len(raw) > MAX_BYTES:
        return None, [error("te-groot", f"het bestand is groter dan {MAX_BYTES // 1024 // 1024} MB",
                            Location(file, 1, 1), f"Is dit wel {what or 'het goede bestand'}?")]
    text, problem = _decode(raw, file)
    if problem:
        return None, [problem]
    lines = LINE_END.split(text)
    if not any(line.strip() for line in lines):
        return None, [error("leeg-bestand", "het bestand is leeg", Location(file, 1, 1), header_hint)]
    found = control_characters(lines, file)
    if found:  # reported; read on without them, so every other problem shows at once too
        text, lines = CONTROL.sub(" ", text), [CONTROL.sub(" ", line) for line in lines]
    separator = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=False)
    records: list[tuple[int, list[str]]] = []
    previous = 0
    for values in reader:
        records.append((previous + 1, values))
        previous = reader.line_num
    (header_line, header), body = records[0], records[1:]
    starts = cell_columns(lines[header_line - 1], separator)
    columns: dict[str, int] = {}
    known = list(required) + list(optional)
    for index, name in enumerate(header):
        key = name.strip().lower()
        column = starts[index] if index < len(starts) else 1
        if not key:
            found.append(error("kolom-zonder-naam", f"kolom {index + 1} heeft geen naam",
                               Location(file, header_line, column), header_hint))
        elif key in columns:
            found.append(error("dubbele-kolom", f"de kolom `{key}` staat er twee keer",
                               Location(file, header_line, column), "Haal een van de twee weg."))
        elif key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            found.append(error("onbekende-kolom", f"onbekende kolom `{name.strip()}`",
                               Location(file, header_line, column),
                               f"Bedoelde u `{close[0]}`?" if close else
                               "Mogelijke kolommen: " + ", ".join(f"`{k}`" for k in known) + "."))
        columns.setdefault(key, column)
    for name in required:
        if name not in columns:
            found.append(error("kolom-ontbreekt", f"de kolom `{name}` ontbreekt",
                               Location(file, header_line, 1), header_hint))
    table = Table(file, columns)
    names = [name.strip().lower() for name in header]
    for line, values in body:
        if not any(v.strip() for v in values):
            continue  # blank lines and rows of empty cells (Excel leaves those) are skipped
        if len(values) > len(names):
            extra = cell_columns(lines[line - 1], separator)
            column = extra[len(names)] if len(extra) > len(names) else 1
            found.append(error("te-veel-velden", f"deze regel heeft {len(values)} velden, de kop "
                               f"heeft er {len(names)}", Location(file, line, column),
                               f"Staat er een '{separator}' in een waarde? Zet die waarde tussen "
                               "aanhalingstekens, bijv. \"Zorg" + separator + " Welzijn\"."))
            continue
        starts = cell_columns(lines[line - 1], separator)
        cells = {name: Cell(value.strip(), line, starts[i] if i < len(starts) else 1)
                 for i, (name, value) in enumerate(zip(names, values)) if name}
        table.rows.append(Row(line, cells))
    return table, found


def control_characters(lines: list[str], file: str) -> list[Diagnostic]:
    """The first character per line that no Word document can hold (ESC, NUL, U+FFFE …)."""
    found = []
    for number, line in enumerate(lines, start=1):
        match = CONTROL.search(line)
        if match:
            found.append(error("stuurteken", f"hier staat een onzichtbaar stuurteken "
                               f"({shown(match.group())}) dat niet in een Word-document kan",
                               Location(file, number, match.start() + 1, match.start() + 2),
                               "Verwijder het teken; het komt meestal mee bij kopiëren uit een ander "
                               "programma. In Excel haalt =SCHOON(A2) zulke tekens uit een cel."))
    return found


def cell_columns(line: str, separator: str) -> list[int]:
    """1-based column where each cell of one CSV line starts (quote-aware)."""
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            starts.append(index + 2)
    return starts


def _decode(raw: bytes, file: str) -> tuple[str, Diagnostic | None]:
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        byte = data[exc.start]
        return "", error("geen-utf8", f"het bestand is niet als UTF-8 opgeslagen (teken 0x{byte:02X})",
                         Location(file, line, column),
                         "Sla het bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)', of in "
                         "LibreOffice met tekenset 'Unicode (UTF-8)'.")


def unknown_kit(code: str, kit_id: str, file: str, kit_ids, naming: str) -> Diagnostic:
    """The warning for a per-kit file (deelnemers/, evaluaties/) named after no kit; ``naming``
    says how such files are named."""
    close = difflib.get_close_matches(kit_id, list(kit_ids), n=1, cutoff=0.6)
    return warning(code, f"er is geen kit met de id `{kit_id}`", Location(file, 1, 1),
                   (f"Bedoelde u `{close[0]}.csv`? " if close else "") + naming)
