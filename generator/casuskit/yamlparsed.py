"""Mistakes in a YAML file the parser did read, named in plain Dutch.

Some mistakes parse without complaint and silently change the text: :func:`silent_mistakes`
names a ``#`` that turns a value, or the rest of it, into a comment, a ``- `` line that YAML
glues to the text above, and Word bullets read as one text instead of a list. Others reach the
composer as an alias, anchor or tag, refused there: :func:`star_start` and :func:`text_start`
word them as what the writer meant, ``*bold*`` from WhatsApp or text that starts with ``*``,
``&`` or ``!``. Each hint mends the writer's own line (:mod:`casuskit.yamldiagnosis`).
"""

from __future__ import annotations

import re

from casuskit.errors import Diagnostic, Location, error, warning
from casuskit.yamldiagnosis import KEY, bullet_line, own_line_quoted, quote_hint



def star_start(file: str, lines: list[str], line: int, column: int) -> Diagnostic:
    """``*Let op*`` (WhatsApp bold) or ``* tekst``: an alias to YAML."""
    source = lines[line] if line < len(lines) else ""
    rest = source[column + 1:]
    if "*" in rest:
        bold = source[column:column + 2 + rest.index("*")]
        return error("sterretje-begin", f"`{bold}` is vetgedrukt zoals in WhatsApp; in YAML mag een tekst "
                     "niet met `*` beginnen", Location(file, line + 1, column + 1, column + 1 + len(bold)),
                     "Haal de sterretjes weg (de opmaak komt uit de huisstijl), of zet de tekst tussen "
                     f"aanhalingstekens:\n{own_line_quoted(source)}")
    return text_start(file, lines, line, column)


def text_start(file: str, lines: list[str], line: int, column: int) -> Diagnostic:
    """``&`` or ``!`` (or a lone ``*``) at the start of a text: an anchor, tag or alias to YAML."""
    source = lines[line] if line < len(lines) else ""
    return error("verboden-begin", f"een tekst mag in YAML niet beginnen met `{source[column:column + 1]}`",
                 Location(file, line + 1, column + 1, column + 2), quote_hint(source))


# --- mistakes YAML accepts without complaint -------------------------------------------------

def silent_mistakes(file: str, lines: list[str], plain: list) -> list[Diagnostic]:
    """Mistakes in plain (unquoted) scalars that parse but change the text; ``plain`` holds
    the scalar nodes (PyYAML or libyaml), with their marks."""
    found: list[Diagnostic] = []
    for node in plain:
        start, end = node.start_mark, node.end_mark
        source = lines[start.line] if start.line < len(lines) else ""
        if node.value == "":
            comment = re.match(r"\s+(#\S.*?)\s*$", source[start.column:])
            if comment:
                column = start.column + comment.start(1)
                found.append(error(
                    "hekje", f"deze waarde is leeg: `{comment.group(1)}` is voor YAML commentaar, omdat "
                    "een `#` na een spatie commentaar begint", Location(file, start.line + 1, column + 1, column + 2),
                    quote_hint(source, comment.group(1))))
            continue
        if end.line == start.line:
            comment = re.match(r"\s+(#\S.*?)\s*$", source[end.column:])
            if comment:
                column = end.column + comment.start(1)
                found.append(warning(
                    "hekje", f"`{comment.group(1)}` telt niet mee: een `#` na een spatie begint commentaar",
                    Location(file, start.line + 1, column + 1, column + 2),
                    quote_hint(source, source[start.column:].strip())))
            continue
        found += _glued_lines(file, lines, start.line, end.line)
    return found


def _glued_lines(file: str, lines: list[str], first: int, last: int) -> list[Diagnostic]:
    """The lines of one multi-line plain text that look like list items: Word bullets, or a
    ``- `` indented further than the item above, which YAML glues to that item's text."""
    for number in range(first, min(last, len(lines) - 1) + 1):
        bullet = bullet_line(file, lines, number)
        if bullet is not None:
            return [bullet]
        stripped = lines[number].lstrip(" ")
        if number > first and stripped.startswith("- "):
            column = len(lines[number]) - len(stripped)
            where = Location(file, number + 1, column + 1, column + 2)
            head = lines[first].lstrip(" ")
            if head.startswith("- "):  # the text of a list item above
                above = len(lines[first]) - len(head)
                return [error("lijst-inspringing", "dit lijstitem springt verder in dan het item erboven, "
                              "dus YAML plakt het aan de tekst daarvan vast", where,
                              f"Zet het streepje precies onder het streepje op regel {first + 1} "
                              f"({above} spaties inspringen).")]
            key = KEY.match(lines[first])
            name = f"`{key.group('key')}`" if key else "de regel erboven"
            return [error("lijst-inspringing", f"deze regel begint met `- `, maar YAML plakt hem aan de tekst "
                          f"van {name} vast", where,
                          "Bedoelde u een lijst? Zet dan niets achter de dubbele punt en elk item op een eigen "
                          "regel met `- `. Hoort het bij de tekst? Schrijf die dan na `: |` op de regels eronder.")]
    return []
