"""The professions of the Dutch social domain that casuskit knows by name.

Writers type a profession as free text ("Jeugd & Gezinscoach", "wijkagent"); :func:`normalise`
maps the usual spellings onto one known profession so that perspectives can be checked and
cards coloured consistently. Unknown professions are allowed: practice is wider than any list.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Profession:
    key: str
    label: str
    aliases: tuple[str, ...] = ()


PROFESSIONS: tuple[Profession, ...] = (
    Profession("wijkverpleegkundige", "Wijkverpleegkundige", ("wijkverpleging", "wijkzuster")),
    Profession("opbouwwerker", "Opbouwwerker", ("opbouwwerk", "buurtwerker", "sociaal werker opbouw")),
    Profession("wijkagent", "Wijkagent", ("politie", "wijkagente", "buurtagent")),
    Profession("jeugd-en-gezinscoach", "Jeugd & Gezinscoach",
               ("jeugd en gezinscoach", "jeugd- en gezinscoach", "jgc", "gezinscoach", "jeugdcoach")),
    Profession("wmo-consulent", "Wmo-consulent", ("wmo consulent", "wmo", "consulent wmo")),
    Profession("jongerenwerker", "Jongerenwerker", ("jongerenwerk",)),
    Profession("maatschappelijk-werker", "Maatschappelijk werker", ("maatschappelijk werk", "amw")),
    Profession("woonconsulent", "Woonconsulent", ("woningcorporatie", "corporatie")),
    Profession("huisarts", "Huisarts", ("poh", "praktijkondersteuner", "poh-ggz")),
    Profession("schuldhulpverlener", "Schuldhulpverlener", ("schuldhulp", "schuldhulpverlening")),
    Profession("jeugdhulpverlener", "Jeugdhulpverlener", ("jeugdhulp",)),
    Profession("leerplichtambtenaar", "Leerplichtambtenaar", ("leerplicht",)),
    Profession("buurtbewoner", "Buurtbewoner", ("bewoner", "actieve bewoner")),
)

# The four professions that co-wrote the Heerhugowaard cases: the default of a project's
# `verplichte_perspectieven` (a casus lacking one of its project's gets a warning).
CORE_FOUR = ("wijkverpleegkundige", "opbouwwerker", "wijkagent", "jeugd-en-gezinscoach")

_BY_NAME = {}
for _p in PROFESSIONS:
    for _name in (_p.key, _p.label, *_p.aliases):
        _BY_NAME[re.sub(r"[^a-z0-9]+", " ", _name.lower()).strip()] = _p


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " en ")).strip()


def normalise(text: str) -> Profession | None:
    """The known profession this text names, or None for a profession we do not know."""
    folded = _fold(text)
    return _BY_NAME.get(folded) or _BY_NAME.get(folded.replace(" en ", " "))


@lru_cache(maxsize=4096)
def suggest(text: str) -> str | None:
    """The label a profession text probably means: its own for a known profession, the
    closest one for what looks like a typo (asked for every perspective: answered once)."""
    known = normalise(text)
    if known is not None:
        return known.label
    match = difflib.get_close_matches(_fold(text), list(_BY_NAME), n=1, cutoff=0.8)
    return _BY_NAME[match[0]].label if match else None


def label(text: str) -> str:
    """Display name: the known label, or the writer's own text."""
    known = normalise(text)
    return known.label if known else text


def key(text: str) -> str:
    known = normalise(text)
    return known.key if known else _fold(text).replace(" ", "-")
