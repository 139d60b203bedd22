"""Strict, located YAML loading: with :mod:`casuskit.yamlcompose`, the only code that reads YAML.

PyYAML's defaults surprise people who write YAML for the first time: ``19:30`` becomes 1170,
``no`` becomes False, ``0123`` becomes 83, a repeated key silently wins, and an alias bomb
allocates gigabytes. This loader composes the node tree itself and returns plain Python data in
which every scalar is text (the model decides types later), plus a :class:`Positions` map from
each value's path to its line and column, so that later errors can point at the user's line.

The node tree comes from :mod:`casuskit.yamlcompose` (libyaml where it can, PyYAML's Python
parser for a file libyaml refuses, whose messages ``yamlmessages`` translates, so an error
reads the same either way).

Refused with a located Dutch diagnostic: non-UTF-8 (UTF-16 and UTF-32 named as such) and binary
files, tabs, no-break spaces and zero-width characters, duplicate keys, anchors, aliases, tags,
several documents, nesting deeper than :data:`~casuskit.yamlcompose.MAX_DEPTH`, and files over
:data:`MAX_BYTES`. Accepted: a UTF-8 BOM and CRLF line ends. Plain ``~``, ``null`` and an empty
value are "nothing" (None), as in YAML 1.2 and the editor's schema check. Syntax mistakes are
named by :mod:`casuskit.yamldiagnosis`, mistakes in what parsed by :mod:`casuskit.yamlparsed`.
The user's file is only read.
"""

from __future__ import annotations

import hashlib
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from casuskit import textencoding, yamldiagnosis, yamlmessages, yamlparsed
from casuskit.errors import Diagnostic, Location, error
from casuskit.yamlcompose import Problem, at, compose

MAX_BYTES = 512 * 1024
NULLS = ("~", "null", "Null", "NULL")  # YAML 1.2's "nothing", as the editor reads it
PathKey = tuple  # path of a value in the document: ("fasen", 2, "vragen", 0)

SUSPECT_CHARS = {
    "\u00a0": "een harde spatie (no-break space)",
    "\u202f": "een smalle harde spatie",
    "\u200b": "een onzichtbaar teken (zero-width space)",
    "\u200c": "een onzichtbaar teken (zero-width non-joiner)",
    "\u200d": "een onzichtbaar teken (zero-width joiner)",
    "\u2060": "een onzichtbaar teken (word joiner)",
    "\ufeff": "een onzichtbaar teken (BOM midden in het bestand)",
}

_SUSPECT = re.compile("[" + "".join(SUSPECT_CHARS) + "]")


@dataclass(frozen=True)
class Span:
    """Where a node starts (1-based line/column); end_column only when on the same line."""

    line: int
    column: int
    end_column: int | None = None
    block_indent: int | None = None  # for | and > block scalars: column of the content


@dataclass
class Positions:
    """Spans of values and of mapping keys, by path."""

    values: dict[PathKey, Span] = field(default_factory=dict)
    keys: dict[PathKey, Span] = field(default_factory=dict)

    def value(self, path: PathKey) -> Span | None:
        """The span of the value at path, or of its nearest existing ancestor."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get(())

    def key(self, path: PathKey) -> Span | None:
        return self.keys.get(tuple(path))


class Document:
    """A loaded YAML file: plain data (str / list / dict / None) and where everything stands.

    Where everything stands (:attr:`positions`) is only needed to point at a mistake, and a
    project of thousands of files would hold millions of spans: they are worked out from the
    text when first asked for, and :meth:`forget_positions` lets them go again once the file
    is validated. The text itself is kept compressed (it is read only to point at a mistake).
    Once the check is done, a build needs only the model: :meth:`release` lets the data go
    (composed again from the text if asked for) and :meth:`forget_text` the text (read again
    from the file).
    """

    def __init__(self, file: str, path: Path, text: str, data: object, positions: Positions | None = None):
        self.file = file  # as shown to the user, relative to the workspace
        self.path = path
        self._packed = zlib.compress(text.encode("utf-8"), 1)
        self._data = data
        self._released = False
        self._digest: bytes | None = None  # of the text, once only the file holds it
        self._positions: Positions | None = positions

    @property
    def text(self) -> str:
        if self._packed is None:  # let go: read again, as long as the file is what was checked
            try:
                text, _ = _decode(self.path.read_bytes(), self.file)
            except OSError:
                text = None
            if text is None or _digest(text) != self._digest:
                return ""  # changed since: the mistake is shown at the file's start
            return text
        return zlib.decompress(self._packed).decode("utf-8")

    @property
    def data(self) -> object:
        if self._released:  # composed again from the text: the same plain data
            again, _ = loads(self.text.encode("utf-8"), self.file, self.path)
            return again.data if again is not None else None
        return self._data

    @property
    def positions(self) -> Positions:
        """Where each value stands, worked out from the text when first asked for: only a
        finding needs it, and recording it for every node made loading three times slower."""
        if self._positions is None:
            self._positions = _located(self.text, self.file)
        return self._positions

    def forget_positions(self) -> None:
        self._positions = None

    def release(self) -> None:
        """Let the data and positions go; both are composed again from the text if asked for."""
        self._data, self._positions, self._released = None, None, True

    def forget_text(self) -> None:
        """Let the text go as well (after :meth:`release`): it is read again from the file when a
        mistake has to be shown, if the file is still the one that was checked."""
        self._digest, self._packed = _digest(self.text), None

    def location(self, span: Span | None, offset: int = 0) -> Location:
        if span is None:
            return Location(self.file, 1, 1)
        return Location(self.file, span.line, span.column + offset, span.end_column)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class _Unlocated(Exception):
    """A finding of :func:`_convert` needs positions it was not asked to record."""


def load(path: Path, file: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read and compose one YAML file; never raises for bad content."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from casuskit import oserrors
        return None, [error("onleesbaar", f"het bestand kan niet gelezen worden ({oserrors.reason(exc)})",
                            Location(file), oserrors.hint(exc, reading=True))]
    return loads(raw, file, path)


def loads(raw: bytes, file: str, path: Path | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Like :func:`load`, for bytes already in memory."""
    text, problems = _decode(raw, file)
    if text is None:
        return None, problems
    problems += _scan_characters(text, file)
    if any(p.code == "tab" for p in problems):
        return None, problems  # tabs make every later YAML message misleading
    parse_text = _parse_text(text)
    lines = parse_text.split("\n")
    try:
        root = compose(parse_text, file)
    except Problem as exc:
        return None, problems + [exc.diagnostic]
    except yaml.MarkedYAMLError as exc:
        return None, problems + [yamldiagnosis.explain(exc, parse_text, file)]
    except yaml.YAMLError as exc:  # ReaderError: non-printable characters
        return None, problems + [yamlmessages.translate_reader(exc, text, file)]
    if root is None:
        return None, problems + [_empty(file, lines)]
    plain: list = []
    try:
        try:
            data = _convert(root, (), None, file, lines, plain)
        except _Unlocated:  # a key twice: its message names where the first one stands
            data = _convert(root, (), Positions(), file, lines, [])
    except Problem as exc:
        return None, problems + [exc.diagnostic]
    problems += yamlparsed.silent_mistakes(file, lines, plain)
    return Document(file, path or Path(file), text, data), problems


def _parse_text(text: str) -> str:
    parse_text = text if text.endswith("\n") else text + "\n"  # libyaml and PyYAML differ at EOF
    for char in SUSPECT_CHARS:
        parse_text = parse_text.replace(char, " ")
    return parse_text


def _located(text: str, file: str) -> Positions:
    """The positions of a text that loaded before; none when it no longer loads (the file
    changed on disk since it was checked, and its text was read again)."""
    parse_text = _parse_text(text)
    positions = Positions()
    try:
        root = compose(parse_text, file)
        if root is not None:
            _convert(root, (), positions, file, parse_text.split("\n"), [])
    except (Problem, yaml.YAMLError):
        return Positions()
    return positions


def _empty(file: str, lines: list[str]) -> Diagnostic:
    comments = [number for number, line in enumerate(lines, start=1) if line.strip().startswith("#")]
    if comments:
        return error("leeg-bestand", "het bestand bevat alleen commentaar (regels die met # beginnen)",
                     Location(file, comments[0], 1, 2),
                     "Casuskit slaat regels die met # beginnen over. Haal het # weg voor de regels die "
                     "mee moeten tellen, of begin opnieuw met `casuskit nieuw`.")
    return error("leeg-bestand", "het bestand is leeg", Location(file, 1, 1),
                 "Begin met de velden die dit soort bestand nodig heeft; "
                 "`casuskit nieuw casus` maakt een ingevuld voorbeeld.")


def _decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    if len(raw) > MAX_BYTES:
        return None, [error(
            "te-groot", f"het bestand is te groot ({len(raw) // 1024} KB; de grens is {MAX_BYTES // 1024} KB)",
            Location(file), "Een casus past ruim in enkele tientallen KB. Splits het bestand, "
            "of controleer of er per ongeluk iets anders in geplakt is.")]
    wide = textencoding.wide_encoding(raw)
    if wide is not None:
        return None, [error(
            "geen-utf8", f"het bestand is opgeslagen als {wide.label}; casuskit leest alleen UTF-8",
            Location(file, 1, 1),
            "Sla het bestand opnieuw op met de codering UTF-8. In Kladblok: 'Opslaan als' → "
            "Codering: UTF-8. In VS Code: klik rechtsonder op de codering "
            f"('{wide.label}') en kies 'Opslaan met codering' → 'UTF-8'.",
            notes=("in Kladblok heet deze codering 'Unicode'",) if wide.label.startswith("UTF-16") else ())]
    if b"\x00" in raw:
        return None, [error(
            "geen-tekst", "dit is geen tekstbestand (het bevat binaire gegevens)", Location(file),
            "Casuskit leest alleen YAML-tekstbestanden. Staat hier per ongeluk een Word- of "
            "PDF-bestand met de extensie .yaml?")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        char = raw[exc.start:exc.start + 1].decode("cp1252", "replace")
        return None, [error(
            "geen-utf8", f"het bestand is niet als UTF-8 opgeslagen (teken `{char}` op deze plek)",
            Location(file, line, column, column + 1),
            "Sla het bestand op met de codering UTF-8. In VS Code: klik rechtsonder op de codering "
            "(bijv. 'Windows 1252') en kies 'Opslaan met codering' → 'UTF-8'. In Kladblok: "
            "'Opslaan als' → Codering: UTF-8.",
            notes=("waarschijnlijk opgeslagen als Windows-1252 (de standaard van oudere Windows-programma's)",)),
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _scan_characters(text: str, file: str) -> list[Diagnostic]:
    if "\t" not in text and not _SUSPECT.search(text):  # the usual file: nothing to look for
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        tab = line.find("\t")
        if tab >= 0:
            found.append(error(
                "tab", "dit bestand gebruikt een tab; YAML staat alleen spaties toe",
                Location(file, number, tab + 1, tab + 2),
                "Vervang de tab door spaties (gebruik er steeds 2 per niveau). In VS Code: "
                "klik rechtsonder op 'Tab Size' en kies 'Convert Indentation to Spaces'."))
        for column, char in enumerate(line, start=1):
            if char in SUSPECT_CHARS:
                found.append(error(
                    "onzichtbaar-teken", f"hier staat {SUSPECT_CHARS[char]}",
                    Location(file, number, column, column + 1),
                    "Zulke tekens komen meestal mee bij kopiëren uit Word of een webpagina. "
                    "Verwijder het teken en typ op die plek een gewone spatie (of niets)."))
    return found


def _span(node, lines: list[str]) -> Span:
    start, end = node.start_mark, node.end_mark
    end_column = end.column + 1 if end.line == start.line and end.column > start.column else None
    indent = None
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        indent = _block_indent(node, lines)
    return Span(start.line + 1, start.column + 1, end_column, indent)


def _block_indent(node, lines: list[str]) -> int | None:
    """Column (1-based) where a block scalar's content lines start."""
    for candidate in lines[node.start_mark.line + 1: node.end_mark.line + 1]:
        stripped = candidate.lstrip(" ")
        if stripped:
            return len(candidate) - len(stripped) + 1
    return None


def _convert(node, path: PathKey, positions: Positions | None, file: str, lines: list[str], plain: list):
    """Plain data from a node tree; ``plain`` collects the unquoted scalars (for
    :func:`yamlparsed.silent_mistakes`), ``positions`` (when given) where each value stands."""
    if positions is not None:
        positions.values[path] = _span(node, lines)
    if isinstance(node, ScalarNode):
        if not node.style:  # libyaml: style "" for a plain scalar
            plain.append(node)
            if node.value == "" or node.value in NULLS:
                return None  # `key:` with nothing after it
        return node.value
    if isinstance(node, SequenceNode):
        return [_convert(item, path + (i,), positions, file, lines, plain) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise Problem(at(file, key_node.start_mark, "sleutel-geen-tekst",
                             "een veldnaam moet een woord zijn, geen lijst of blok",
                             "Schrijf `veldnaam: waarde`."))
        key = sys.intern(key_node.value)  # the same few field names in every file
        if not key_node.style and key[:1] in yamldiagnosis.CURLY_PAIRS:  # “Zegt ze: niks” as a key
            raise Problem(yamldiagnosis.curly_start(file, lines, key_node.start_mark.line,
                                                     key_node.start_mark.column))
        if key in result:
            if positions is None:
                raise _Unlocated
            first = positions.keys[path + (key,)]
            raise Problem(error(
                "dubbel-veld", f"het veld `{key}` staat hier voor de tweede keer",
                Location(file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                         key_node.end_mark.column + 1),
                f"Voeg beide samen tot één `{key}` (de eerste staat op regel {first.line}). "
                "YAML zou anders stilletjes alleen de laatste houden.",
                notes=(f"eerste keer: regel {first.line}, kolom {first.column}",)))
        if positions is not None:
            positions.keys[path + (key,)] = _span(key_node, lines)
        result[key] = _convert(value_node, path + (key,), positions, file, lines, plain)
    return result


def loose_top_level(path: Path, key: str) -> str | None:
    """The plain value of a top-level ``key: value`` line in a file that did not load, read as
    text (e.g. the ``id`` of a casus with a YAML error), or None."""
    try:
        text = textencoding.readable(path.read_bytes()[:MAX_BYTES])
    except OSError:
        return None
    found = re.search(rf"^{re.escape(key)}:[ ]*([\"']?)([^\"'#\n]*?)\1[ ]*(?:#.*)?$", text, re.MULTILINE)
    return found.group(2).strip() or None if found else None


def text_offset_span(doc: Document, path: PathKey, offset: int, length: int = 0) -> Location:
    """Location of character ``offset`` inside the text value at ``path``.

    Exact for single-line values and for ``|`` block scalars (the common case for long text);
    for folded or multi-line plain text it falls back to where the value starts.
    """
    span = doc.positions.values.get(tuple(path))
    value = _get(doc.data, path)
    if span is None or not isinstance(value, str):
        return doc.location(doc.positions.value(path))
    before = value[:offset]
    if "\n" not in value:
        quote = 1 if doc.text.split("\n")[span.line - 1][span.column - 1:span.column] in "'\"" else 0
        column = span.column + quote + offset
        return Location(doc.file, span.line, column, column + length if length else None)
    if span.block_indent is not None and _block_style(doc, span) == "|":
        line = span.line + 1 + before.count("\n")
        column = span.block_indent + len(before) - (before.rfind("\n") + 1)
        return Location(doc.file, line, column, column + length if length else None)
    return doc.location(span)


def _block_style(doc: Document, span: Span) -> str:
    line = doc.text.split("\n")[span.line - 1]
    return line[span.column - 1:span.column]


def _get(data, path: PathKey):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
