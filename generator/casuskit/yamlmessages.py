"""Dutch explanations for PyYAML syntax errors.

PyYAML reports problems in English parser terms ("expected <block end>, but found '-'").
Each rule here recognises one such problem and says, in Dutch, what the writer most likely did
and how to fix it. Unknown problems still get a Dutch message; the English original travels
only as the diagnostic's ``detail``, shown with ``casuskit check --debug``. The writer's most
common mistakes are recognised first, from their own lines, by :mod:`casuskit.yamldiagnosis`.
"""

from __future__ import annotations

import re

from casuskit.errors import Diagnostic, Location, error

QUOTE_HINT = ("Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld: "
              "titel: \"Let op: dit is één tekst\"")
INDENT_HINT = ("Velden op hetzelfde niveau moeten precies even ver inspringen. Gebruik spaties "
               "(2 per niveau) en controleer de regel hierboven.")

# (pattern on PyYAML's problem text, code, Dutch message, hint)
RULES: list[tuple[str, str, str, str]] = [
    (r"mapping values are not allowed here", "dubbele-punt",
     "hier staat een dubbele punt (:) die YAML als nieuw veld leest", QUOTE_HINT),
    (r"could not find expected ':'", "dubbele-punt-mist",
     "na de veldnaam mist een dubbele punt, of de regel springt verkeerd in",
     "Schrijf `veld: waarde` met een spatie na de dubbele punt, en controleer de inspringing."),
    (r"found character '(.)' that cannot start any token", "verboden-begin",
     "een waarde mag in YAML niet beginnen met het teken `{0}`", QUOTE_HINT),
    (r"found unexpected end of stream", "aanhalingsteken-open",
     "het bestand eindigt terwijl er nog een aanhalingsteken of haakje openstaat",
     "Sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint (\" of ')."),
    (r"found unknown escape character", "backslash",
     "tussen dubbele aanhalingstekens heeft een backslash (\\) een speciale betekenis",
     "Gebruik enkele aanhalingstekens ('...') of schrijf een dubbele backslash (\\\\)."),
    (r"expected <block end>, but found '-'", "lijst-inspringing",
     "deze lijst springt niet gelijk in met het veld erboven", INDENT_HINT),
    (r"expected <block end>, but found", "inspringing",
     "de inspringing van deze regel klopt niet", INDENT_HINT),
    (r"did not find expected key", "inspringing",
     "de inspringing van deze regel klopt niet", INDENT_HINT),
    (r"did not find expected '-' indicator", "lijst-inspringing",
     "in deze lijst mist een streepje (-) of de inspringing klopt niet",
     "Begin elk item van een lijst met '- ' op dezelfde inspringing."),
    (r"did not find expected (',' or '\]'|',' or '\}')", "haakjes",
     "een lijst of groep tussen haakjes is niet goed afgesloten",
     "Controleer dat elk [ een ] heeft en elk { een }, met komma's ertussen; of schrijf de lijst "
     "onder elkaar met '- '."),
    (r"did not find expected node content|expected a block|expected <block end>", "inspringing",
     "hier verwacht YAML iets anders; vaak klopt de inspringing niet", INDENT_HINT),
    (r"found a tab character", "tab", "dit bestand gebruikt een tab; YAML staat alleen spaties toe",
     "Vervang de tab door spaties."),
    (r"while scanning a simple key", "dubbele-punt-mist",
     "na de veldnaam mist een dubbele punt", "Schrijf `veld: waarde`."),
    (r"found undefined tag handle|found unexpected ':'", "verboden-begin",
     "deze waarde begint met een teken dat YAML anders leest", QUOTE_HINT),
]


def translate(exc, file: str) -> Diagnostic:
    """Turn a PyYAML MarkedYAMLError into a located Dutch diagnostic."""
    problem = exc.problem or exc.context or ""
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    for pattern, code, message, hint in RULES:
        match = re.search(pattern, problem) or (exc.context and re.search(pattern, exc.context))
        if match:
            if code == "aanhalingsteken-open" and exc.context_mark:  # point at the opening quote
                line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
            return error(code, message.format(*match.groups()), Location(file, line, column, column + 1),
                         hint, detail=detail)
    return error("yaml", "dit is op deze plek geen geldige YAML", Location(file, line, column, column + 1),
                 "Vergelijk de regel met een voorbeeld (`casuskit nieuw casus`); let op "
                 "inspringing, dubbele punten en aanhalingstekens.", detail=detail)


def translate_reader(exc, text: str, file: str) -> Diagnostic:
    """PyYAML's ReaderError (a character YAML forbids) carries an offset, not a line."""
    position = getattr(exc, "position", 0) or 0
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    char = getattr(exc, "character", "")
    number = ord(char) if isinstance(char, str) and char else char
    code = f"U+{number:04X}" if isinstance(number, int) else "onbekend"
    return error("verboden-teken", f"hier staat een teken dat niet in YAML mag ({code})",
                 Location(file, line, column, column + 1),
                 "Verwijder het teken; het komt meestal mee bij kopiëren uit een ander programma.")
