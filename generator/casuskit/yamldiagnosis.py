"""Naming the YAML mistakes of first-time writers in plain Dutch, where they made them.

When the parser refuses a file, it says in parser terms where it got stuck: often a line after
the mistake, and for a reason that sends the writer the wrong way. :func:`explain` reads the
writer's own lines around that place and recognises what people really do: text pasted from
Word (curly quotes, en-dash and bullet lists), quotes inside quotes, an apostrophe at the start
(``'s avonds``), no space after a colon, a continuation line that does not indent, a field
indented one space off, and text that starts with ``- ``, ``%``, ``@`` or a backtick. Each gets
a message at the line and column of the mistake, with a hint built from the writer's own line.
A failure it does not recognise is worded by :mod:`casuskit.yamlmessages`; the parser's English
travels only as a diagnostic's ``detail`` (``casuskit check --debug``).

Mistakes in what the parser did read are :mod:`casuskit.yamlparsed`'s; it shares the mended
line (:func:`quote_hint`) and :func:`bullet_line` from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from yaml.tokens import ScalarToken

from casuskit import yamlmessages
from casuskit.errors import Diagnostic, Location, error

# quotation marks Word, Outlook and phones type instead of " and ': opening → closing
CURLY_PAIRS = {"\u201c": "\u201d", "\u201e": "\u201d", "\u2018": "\u2019", "\u201a": "\u2019",
               "\u00ab": "\u00bb", "\u2039": "\u203a"}
BULLETS = {
    "\u2013": "een gedachtestreepje (–)", "\u2014": "een lang streepje (—)",
    "\u2212": "een minteken (−)", "\u2010": "een afbreekstreepje (‐)", "\u2022": "een opsommingsteken (•)",
    "\u00b7": "een opsommingspunt (·)", "\u25aa": "een opsommingsteken (▪)", "\u25cf": "een opsommingsteken (●)",
    "\u25e6": "een opsommingsteken (◦)", "\u2023": "een opsommingsteken (‣)", "*": "een sterretje (*)",
}
ELISION = re.compile(r"'(?:s|t|n|k|m)\s", re.IGNORECASE)  # 's avonds, 't is, 'n keer
KEY = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*):(?= |$)")
PREFIX = re.compile(r"^(?P<prefix> *(?:- +)*(?:[A-Za-z_][\w-]*: +)?)(?P<value>.*?)\s*$")
NUMBERS = {1: "één spatie", 2: "twee spaties", 3: "drie spaties"}


@dataclass
class _Failure:
    """Where and why the parser stopped (0-based lines and columns)."""

    lines: list[str]
    text: str
    file: str
    problem: str
    context: str
    line: int
    column: int
    context_line: int | None
    context_column: int | None
    detail: str
    tokens: list | None = None

    def at(self, code: str, message: str, line: int, column: int, hint: str,
           end: int | None = None) -> Diagnostic:
        return error(code, message, Location(self.file, line + 1, column + 1, end), hint, detail=self.detail)

    def source(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""


def explain(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    """The writer's mistake behind a parser failure, in Dutch, at its own line and column."""
    mark = exc.problem_mark or exc.context_mark
    context = exc.context_mark
    failure = _Failure(
        text.split("\n"), text, file, exc.problem or "", exc.context or "",
        mark.line if mark else 0, mark.column if mark else 0,
        context.line if context else None, context.column if context else None,
        " ".join(part for part in (exc.context, exc.problem) if part))
    for rule in RULES:
        found = rule(failure)
        if found is not None:
            return found
    return yamlmessages.translate(exc, file)


# --- the hint: the writer's own line, mended --------------------------------------------------

def split_value(line: str) -> tuple[str, str]:
    """(indentation, list dashes and ``key: ``) and the value of a line."""
    match = PREFIX.match(line)
    return match.group("prefix"), match.group("value")


def quoted(value: str) -> str:
    """``value`` as one YAML text between quotes: double, unless it holds a double quote or a
    backslash (which starts an escape between double quotes)."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def own_line_quoted(line: str, value: str | None = None) -> str:
    """The writer's line with its value (or ``value``) quoted, without its indentation."""
    prefix, found = split_value(line)
    return f"{prefix.lstrip()}{quoted(value if value is not None else found)}"


def quote_hint(line: str, value: str | None = None) -> str:
    """The hint "quote the whole text", showing the writer's own line so."""
    return f"Zet de hele tekst tussen aanhalingstekens:\n{own_line_quoted(line, value)}"


# --- the rules, tried in order ---------------------------------------------------------------

def _tokens_until(failure: _Failure) -> list:
    """The tokens PyYAML's scanner read before it stopped (read once per failure)."""
    if failure.tokens is not None:
        return failure.tokens
    tokens = failure.tokens = []
    try:
        for token in yaml.scan(failure.text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= (failure.line, failure.column):
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def _curly_quotes(failure: _Failure) -> Diagnostic | None:
    """“Let op: buren” — Word's quotes are text to YAML, so the colon inside starts a field."""
    for number in _suspect_lines(failure):
        prefix, value = split_value(failure.source(number))
        if value and value[0] in CURLY_PAIRS:
            return curly_start(failure.file, failure.lines, number, len(prefix), failure.detail)
    return None


def curly_start(file: str, lines: list[str], line: int, column: int, detail: str | None = None) -> Diagnostic:
    """A text (0-based line, column) that opens with a quotation mark from Word."""
    source = lines[line]
    value = source[column:].strip()
    closing = value.find(CURLY_PAIRS[value[0]], 1)
    # quotes around the whole text were meant as YAML's; around a part of it, as typography
    inner = value[1:closing] if closing == len(value) - 1 else value
    what = (f"staat tussen aanhalingstekens uit Word ({value[0]} en {value[closing]})" if inner != value
            else f"begint met een aanhalingsteken uit Word ({value[0]})")
    return error("krulaanhalingsteken", f"deze tekst {what}; YAML kent alleen rechte aanhalingstekens (\")",
                 Location(file, line + 1, column + 1, column + 2),
                 f"Zet de hele tekst tussen rechte aanhalingstekens:\n{own_line_quoted(source, inner)}",
                 detail=detail)


def _quote_closed_early(failure: _Failure) -> Diagnostic | None:
    """"Hij zei "ga weg" tegen haar" — the text ends at the second quote; the rest is left over."""
    tokens = _tokens_until(failure)
    last = tokens[-1] if tokens else None
    if not (isinstance(last, ScalarToken) and last.style in ("'", '"')):
        return None
    end = last.end_mark
    if end.line != failure.line or failure.source(end.line)[end.column:failure.column].strip():
        return None
    start = last.start_mark
    if last.style == "'" and ELISION.match(failure.source(start.line)[start.column:]):
        return _apostrophe(failure, start.line, start.column)
    line = failure.source(end.line)
    close = end.column - 1
    quote = last.style
    if start.line == end.line:
        inner = line[start.column + 1:line.rstrip().rfind(quote)] if line.rstrip().endswith(quote) \
            else line[start.column + 1:].rstrip()
        fixed = own_line_quoted(line, inner if quote == '"' else inner.replace("''", "'"))
    else:
        fixed = None
    if quote == '"':
        hint = ("Gebruik binnen de tekst enkele aanhalingstekens ('…'), of zet de hele tekst tussen "
                "enkele aanhalingstekens" + (f":\n{fixed}" if fixed else "."))
        message = "hier eindigt de tekst al: binnen een tekst tussen dubbele aanhalingstekens staat nog een \""
    else:
        hint = ("Schrijf een apostrof binnen de tekst dubbel (''), of zet de hele tekst tussen dubbele "
                "aanhalingstekens" + (f":\n{fixed}" if fixed else "."))
        message = "hier eindigt de tekst al: binnen een tekst tussen enkele aanhalingstekens staat nog een '"
    return failure.at("aanhalingsteken-binnen", message, end.line, close, hint, close + 2)


def _unclosed_quote(failure: _Failure) -> Diagnostic | None:
    """'s Avonds … — an apostrophe at the start opens a quoted text that never closes."""
    if "quoted scalar" not in failure.context or failure.context_line is None:
        return None
    line, column = failure.context_line, failure.context_column
    if ELISION.match(failure.source(line)[column:]):
        return _apostrophe(failure, line, column)
    source = failure.source(line)
    quote = source[column]
    return failure.at("aanhalingsteken-open", f"deze tekst begint met een aanhalingsteken ({quote}) dat "
                      "nergens gesloten wordt", line, column,
                      "Sluit de tekst af met hetzelfde teken, op dezelfde regel:\n"
                      f"{source.strip()}{quote}", column + 2)


def _apostrophe(failure: _Failure, line: int, column: int) -> Diagnostic:
    source = failure.source(line)
    word = source[column:].split()[0]
    value = source[column:].strip()
    return failure.at(
        "apostrof-begin", f"deze tekst begint met een apostrof (`{word}`); YAML leest die als het begin "
        "van een tekst tussen aanhalingstekens", line, column,
        f"Zet de hele tekst tussen dubbele aanhalingstekens:\n{own_line_quoted(source, value)}",
        column + len(word) + 1)


def bullet_line(file: str, lines: list[str], number: int, detail: str | None = None) -> Diagnostic | None:
    """A line (0-based) that starts with a Word bullet or en-dash instead of ``- ``."""
    line = lines[number] if 0 <= number < len(lines) else ""
    stripped = line.lstrip(" ")
    if len(stripped) < 2 or stripped[0] not in BULLETS or stripped[1] != " ":
        return None
    column = len(line) - len(stripped)
    indent = column if column else _indent_under(lines, number)
    return error("opsommingsteken", f"deze regel begint met {BULLETS[stripped[0]]}; een lijstitem begint in "
                 "YAML met een gewoon streepje (-)", Location(file, number + 1, column + 1, column + 2),
                 "Maak van elk item een regel met een gewoon streepje en een spatie, ingesprongen onder "
                 f"het veld:\n{' ' * indent}- {stripped[2:].strip()}", detail=detail)


def _indent_under(lines: list[str], number: int) -> int:
    """Where an item under the nearest field above belongs: two spaces further in."""
    for above in reversed(lines[:number]):
        match = KEY.match(above)
        if match:
            return len(match.group("lead")) + 2
    return 2


def _bullet(failure: _Failure) -> Diagnostic | None:
    for number in _suspect_lines(failure):
        found = bullet_line(failure.file, failure.lines, number, failure.detail)
        if found is not None:
            return found
    return None


def _no_space_after_colon(failure: _Failure) -> Diagnostic | None:
    """titel:Mevrouw — without a space the colon is part of the text, and the key is lost."""
    for number in _suspect_lines(failure):
        line = failure.source(number)
        match = re.match(r"^( *(?:- +)*)([A-Za-z_][\w-]*):(?=[^\s/:])", line)
        if match:
            column = match.end()
            fixed = f"{line[:column]} {line[column:]}".strip()
            return failure.at("spatie-na-dubbele-punt", f"na `{match.group(2)}:` mist een spatie",
                              number, column, f"Zet een spatie na de dubbele punt:\n{fixed}", column + 2)
    return None


def _dash_text(failure: _Failure) -> Diagnostic | None:
    """titel: - Let op — a dash and a space after a key start a list, not a text."""
    if "sequence entries are not allowed" not in failure.problem:
        return None
    line = failure.source(failure.line)
    return failure.at(
        "streepje-begin", "een tekst mag niet beginnen met `- `: YAML leest dat als een lijst",
        failure.line, failure.column,
        quote_hint(line) + "\nBedoelde u een lijst? Zet dan elk item op een eigen regel eronder, "
        "ingesprongen en beginnend met `- `.", failure.column + 2)


def _percent_line(failure: _Failure) -> Diagnostic | None:
    """A line starting with % is a YAML directive."""
    if "document start" not in failure.problem:
        return None
    for number, line in enumerate(failure.lines[:failure.line + 1]):
        if line.startswith("%"):
            return failure.at(
                "procent-begin", "een regel mag in YAML niet beginnen met `%`", number, 0,
                "Hoort deze regel bij de tekst erboven? Spring hem dan in. Of zet de tekst tussen "
                f"aanhalingstekens: {quoted(line.strip())}", 2)
    return None


def _indentation(failure: _Failure) -> Diagnostic | None:
    """A known field one or two spaces off from the fields around it."""
    if not ("mapping values are not allowed" in failure.problem or "expected <block end>" in failure.problem):
        return None
    number = failure.line
    match = KEY.match(failure.source(number))
    if not match or match.group("key") not in known_keys():
        return None
    column = len(match.group("lead"))
    levels = _open_levels(failure.lines, number)
    if not levels or column in [c for c, _, _ in levels]:
        return None
    target, key, where = min(levels, key=lambda level: abs(level[0] - column))
    off = column - target
    amount = NUMBERS.get(abs(off), f"{abs(off)} spaties")
    how = "te ver" if off > 0 else "te weinig"
    name = match.group("key")
    return failure.at("inspringing", f"`{name}` springt {amount} {how} in", number, column,
                      f"Zet `{name}:` precies onder `{key}:` (regel {where + 1}): velden van hetzelfde "
                      "blok springen even ver in.", column + len(name) + 1)


def _open_levels(lines: list[str], number: int) -> list[tuple[int, str, int]]:
    """(column, key, line) of the fields above ``number`` that a field there could belong to:
    the nearest one, and each enclosing one further out."""
    levels: list[tuple[int, str, int]] = []
    for index in range(number - 1, -1, -1):
        match = KEY.match(lines[index])
        if not match:
            continue
        column = len(match.group("lead"))
        if not levels or column < levels[-1][0]:
            levels.append((column, match.group("key"), index))
        if column == 0:
            break
    return levels


def _unindented_line(failure: _Failure) -> Diagnostic | None:
    """A line without a colon where a field was expected: a missing colon after a field name,
    or the next line of a text that does not indent."""
    if "could not find expected ':'" not in failure.problem or failure.context_line is None:
        return None
    number = failure.context_line
    line = failure.source(number)
    words = line.split()
    if not words:
        return None
    column = len(line) - len(line.lstrip(" "))
    if words[0] in known_keys():
        end = column + len(words[0])
        return failure.at("dubbele-punt-mist", f"na `{words[0]}` mist een dubbele punt", number, end,
                          f"Schrijf `{words[0]}:` met een spatie erna:\n{words[0]}: {' '.join(words[1:])}".rstrip(),
                          end + 1)
    above = _field_above(failure.lines, number)
    if above is None:
        return None
    key, key_line, has_value = above
    if not has_value:
        return failure.at("vervolgregel", f"deze regel staat los onder `{key}`", number, column,
                          f"Is het een lijstitem? Begin dan met een streepje en een spatie, ingesprongen: "
                          f"`  - {line.strip()}`. Is het de tekst van `{key}`? Zet dan `{key}: |` en spring "
                          "de regels eronder in.", column + 2)
    return failure.at(
        "vervolgregel", f"deze regel hoort bij de tekst van `{key}` (regel {key_line + 1}), maar springt niet in",
        number, column, f"Spring de regel in, verder dan `{key}:`. Of schrijf lange tekst na `{key}: |` "
        "op de regels eronder, allemaal even ver ingesprongen.", column + 2)


def _field_above(lines: list[str], number: int) -> tuple[str, int, bool] | None:
    """The field whose text a loose line continues: (key, line, whether it has a value there)."""
    for index in range(number - 1, -1, -1):
        line = lines[index]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = KEY.match(line)
        if match:
            return match.group("key"), index, bool(line[match.end():].strip())
        if line.startswith(" "):
            continue  # an indented line of the same text
        return None
    return None


def _forbidden_start(failure: _Failure) -> Diagnostic | None:
    """@buurvrouw, `tekst`, %50: characters YAML reserves at the start of a value."""
    match = re.search(r"found character '(.)' that cannot start any token", failure.problem)
    if not match:
        return None
    line = failure.source(failure.line)
    return failure.at("verboden-begin", f"een tekst mag in YAML niet beginnen met `{match.group(1)}`",
                      failure.line, failure.column, quote_hint(line), failure.column + 2)


def _star_or_ampersand(failure: _Failure) -> Diagnostic | None:
    """* or & followed by a space or a sign: not a name, so the scanner stops there."""
    if not re.search(r"while scanning an? (alias|anchor)", failure.context):
        return None
    line = failure.source(failure.context_line if failure.context_line is not None else failure.line)
    column = failure.context_column or 0
    char = line[column:column + 1]
    return error("verboden-begin", f"een tekst mag in YAML niet beginnen met `{char}`",
                 Location(failure.file, (failure.context_line or 0) + 1, column + 1, column + 2),
                 quote_hint(line), detail=failure.detail)


def _colon_in_text(failure: _Failure) -> Diagnostic | None:
    """Let op: buren — a colon and a space inside a text read as a new field."""
    if "mapping values are not allowed" not in failure.problem:
        return None
    line = failure.source(failure.line)
    if KEY.match(line) and KEY.match(line).end() > failure.column:
        return None
    if not KEY.match(line) and failure.line > 0:  # the colon is on a continuation line
        above = _field_above(failure.lines, failure.line)
        key = above[0] if above else "het veld"
        return failure.at("dubbele-punt", "hier staat een dubbele punt (:) die YAML als nieuw veld leest",
                          failure.line, failure.column,
                          f"Hoort deze regel bij de tekst van `{key}`? Schrijf die tekst dan na `{key}: |` op "
                          "de regels eronder, allemaal even ver ingesprongen; daarin mag een dubbele punt.",
                          failure.column + 2)
    return failure.at("dubbele-punt", "hier staat een dubbele punt (:) die YAML als nieuw veld leest",
                      failure.line, failure.column, quote_hint(line), failure.column + 2)


def _suspect_lines(failure: _Failure) -> list[int]:
    """The lines where the mistake can be: from where the parser began the failing part (a key
    it was reading, or the text it read last) to where it stopped."""
    first = failure.context_line if failure.context_line is not None else failure.line
    tokens = _tokens_until(failure)
    if tokens and isinstance(tokens[-1], ScalarToken):
        first = min(first, tokens[-1].start_mark.line)
    first = min(first, failure.line)
    return list(range(max(first, failure.line - 20), failure.line + 1))


RULES = (_curly_quotes, _quote_closed_early, _unclosed_quote, _bullet, _no_space_after_colon,
         _dash_text, _percent_line, _indentation, _unindented_line, _forbidden_start,
         _star_or_ampersand, _colon_in_text)


@lru_cache(maxsize=1)
def known_keys() -> frozenset[str]:
    """Every field name of every kind of file."""
    from casuskit.model import KINDS, all_models
    return frozenset(info.alias for kind in KINDS for model in all_models(kind.model)
                     for info in model.model_fields.values())
