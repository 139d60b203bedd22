"""Scaffold text left in a file: the example sentences ``casuskit nieuw`` writes.

A new file from ``casuskit nieuw`` passes ``check`` as it is, so that a writer starts from
something that works; its example texts ("Titel van de casus", "Uw naam", "Wat ziet de
wijkagent?") must not reach paper. :data:`SENTENCES` is the one list of them (a test scaffolds
every kind and finds each sentence the scaffold writes, and no other); ``{beroep}`` stands for
any profession and counts only where the scaffold writes it, in a casus's ``perspectieven`` and
``acties`` (a discussion question "Wat ziet de wijkagent?" is the writer's own). Only
sentences that are instructions are listed: an example a writer may well keep ("Twee weken
later") is not.
"""

from __future__ import annotations

import re

from casuskit.errors import Diagnostic, warning
from casuskit.textfields import texts

SENTENCES = (
    # casus
    "Titel van de casus",
    "Uw naam",
    "Verzonnen naam",
    "Waar gaat deze casus over, in één of twee zinnen?",
    "Wat moeten deelnemers van deze casus leren?",
    "Beschrijf hier de situatie in {{ buurt.naam }}: wie, wat, sinds wanneer.",
    "Wat ziet de {beroep}?",
    "Wat weet de {beroep} uit dossier, contact of netwerk?",
    "Wat mag de {beroep} delen, en met wie?",
    "Wat mag de {beroep} niet delen, en waarom?",
    "Wat mag zij delen, en met wie?",
    "Wat vangt de {beroep} op? Eén zin per signaal.",
    "Wat gebeurt er daarna?",
    "Wat doen jullie nu?",
    "Wat mag je delen zonder toestemming?",
    "Wat zeggen de regels hierover, en waar is het echt een afweging?",
    "Wat zou de {beroep} kunnen doen?",
    "Een tip voor de gespreksleider.",
    # kit
    "Naam van de locatie",
    "Naam van de gespreksleider",
    # rol
    "Wat doet deze professional in de buurt? Twee of drie zinnen.",
    "Wat ziet deze professional eerder dan anderen?",
    "Met wie werkt deze professional samen, en waarop?",
    "Wat mag deze professional delen, en met wie?",
    "Wat mag deze professional niet delen?",
    # werkvorm
    "Naam van de werkvorm",
    "Wat levert deze werkvorm op voor de samenwerking in de buurt?",
    "Wat doet de gespreksleider?",
    "Wat zegt de gespreksleider ongeveer?",
    "Waar let de gespreksleider op?",
    # buurt
    "Naam van de buurt",
    "Korte schets: wie wonen er, welke voorzieningen zijn er, hoe is de sfeer?",
    "Wat speelt er in deze buurt?",
    "Naam van een partner, bijv. het buurthuis",
    "Wat doet deze partner in de buurt?",
    # project
    "Naam van het project",
    "Naam van de gemeente of organisatie",
)


def _pattern(sentence: str) -> str:
    return r"\s+".join(re.escape(word) for word in sentence.split()).replace(
        re.escape("{beroep}"), r"[^?.,]{2,40}?")


def _any(sentences) -> re.Pattern:
    return re.compile("|".join(f"(?:{_pattern(s)})" for s in sentences))


# A long sentence is found inside other text too (the writer added to it); a short one such
# as "Uw naam" only as the whole value.
_LONG = [s for s in SENTENCES if len(s.split()) >= 4]
_FIND = _any(s for s in _LONG if "{beroep}" not in s)
_FIND_PROFESSION = _any(s for s in _LONG if "{beroep}" in s)
_WHOLE = _any(s for s in SENTENCES if s not in _LONG)
PROFESSION_FIELDS = ("perspectieven", "acties")


def find(text: str, path: tuple = ()) -> tuple[int, int] | None:
    """Where the first scaffold sentence in the text at ``path`` is, as (start, end), or None."""
    if _WHOLE.fullmatch(text.strip()):
        start = len(text) - len(text.lstrip())
        return start, start + len(text.strip())
    match = _FIND.search(text)
    if match is None and path[:1] in [(field,) for field in PROFESSION_FIELDS]:
        match = _FIND_PROFESSION.search(text)
    return (match.start(), match.end()) if match else None


def placeholder_problems(ws) -> list[Diagnostic]:
    """A warning for every text in the workspace that still holds a scaffold sentence."""
    from casuskit.yamlload import text_offset_span
    found = []
    for entries in ws.entries.values():
        for entry in entries.values():
            for path, text in texts(entry.doc.data):
                span = find(text, path)
                if span is None:
                    continue
                start, end = span
                found.append(warning(
                    "voorbeeldtekst", f"hier staat nog de voorbeeldtekst van `casuskit nieuw`: "
                    f"‘{' '.join(text[start:end].split())}’",
                    text_offset_span(entry.doc, path, start, end - start),
                    "Vervang hem door uw eigen tekst, of haal het veld weg als het niet verplicht "
                    "is; anders komt hij zo op papier."))
    return found

