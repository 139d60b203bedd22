"""Per-buurt variants of the shipped casussen, so no two buurten measure the same text.

A variant is a shipped casus under a new id, limited to one buurt, with deterministic changes:

- every person gets another first name and surname (the same mapping in every text of the
  casus, titles included, in one pass so a new name is never replaced again);
- the authors are other fictional professionals;
- the situation gets one extra sentence about the buurt, the questions are rotated;
- signals, phase texts and dilemmas get a few words swapped for near-synonyms;
- a street name (``Klaverkamp``) becomes the buurt's own street.

The texts stay as long as the originals, give or take a word, so the cards still fit.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from fictional import FEMALE, MALE, SURNAMES, person, rng

# first names in the shipped casussen, by the pronouns their texts use
SHIPPED_FEMALE = {"Priya", "Ayşe", "Elif", "Truus", "Sandra", "Marian", "Jolanda", "Carla", "Wil",
                  "Riet", "Lisa", "Samira", "Noor", "Aukje", "Geesje", "Yara", "Ingrid", "Fleur",
                  "Sanne"}
EXTRA_SENTENCES = (
    "Op de hoek van de straat is vorige maand een buurtkamer geopend.",
    "De straat ligt open; er wordt al weken aan de riolering gewerkt.",
    "In de buurtapp wordt veel gepraat, maar weinig gevraagd.",
    "Het buurthuis heeft sinds kort een nieuwe beheerder.",
    "Tegenover het huis staat een bankje waar oudere buren 's middags zitten.",
    "De supermarkt om de hoek is het enige punt waar iedereen elkaar ziet.",
    "De corporatie heeft de flats vorig jaar opgeknapt; sommige buren zijn net verhuisd.",
    "Op woensdagmiddag is er een spelinloop in de gymzaal van de basisschool.",
    "Sinds de bus minder vaak rijdt, komen oudere buren de wijk weinig uit.",
    "De speeltuin is dit voorjaar vernieuwd, met hulp van een paar ouders.",
    "In de straat wonen veel mensen die er al hun hele leven wonen.",
    "Er staan verschillende huizen te koop; nieuwe bewoners kennen nog niemand.",
)
SYNONYMS = {
    "maanden": "weken", "weken": "maanden", "vaak": "geregeld", "soms": "af en toe",
    "buurvrouw": "overbuurvrouw", "buurman": "overbuurman", "buren": "buurtgenoten",
    "meteen": "direct", "ziet": "merkt", "zegt": "vertelt", "wil": "wil graag",
    "huis": "woning", "straat": "buurt", "zorgen": "zorg", "niemand": "geen mens",
    "eerst": "eerder", "opeens": "plotseling", "later": "daarna",
}
STREETS = ("Heideweg", "Boterbloem", "Esdoorn", "Veenpad", "Koekoek", "Zonnedauw", "Wilgenhof",
           "Lijsterbes", "Dennenlaan", "Brink", "Meidoorn", "Vlasakker")
FIELDS_WITH_SYNONYMS = ("signalen", "tekst", "vraag", "ziet", "weet")


def variant(source: Path, buurt_id: str, new_id: str) -> str:
    """The YAML text of the variant of casus file ``source`` for ``buurt_id``."""
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=_Loader)
    r = rng("casus", new_id)
    names = _name_map(data.get("personen", []), r)
    street = street_of(buurt_id)
    data = _map_strings(data, lambda text: _replace(text, names).replace("Klaverkamp", street))
    swap = {word: SYNONYMS[word] for word in r.sample(sorted(SYNONYMS), 5)}
    data = _map_strings(data, lambda text: _replace(text, swap), fields=FIELDS_WITH_SYNONYMS)
    data["id"], data["buurten"] = new_id, [buurt_id]
    situation = data["situatie"].split("\n\n")
    situation[0] = situation[0].rstrip() + " " + r.choice(EXTRA_SENTENCES)
    data["situatie"] = "\n\n".join(situation)
    if data.get("vragen"):
        turn = r.randrange(len(data["vragen"]))
        data["vragen"] = data["vragen"][turn:] + data["vragen"][:turn]
    for author in data.get("auteurs", []):
        if author["rol"] != "gespreksleider":
            author["naam"] = " ".join(person(r))
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "# yaml-language-server: $schema=../../schema/casus.schema.json\n" + body


def street_of(buurt_id: str) -> str:
    """The street every street casus of this buurt is about."""
    return rng("straat", buurt_id).choice(STREETS)


def _name_map(persons: list[dict], r) -> dict[str, str]:
    """Old first name or surname → new one, for every person of the casus."""
    mapping: dict[str, str] = {}
    for entry in persons:
        first, _, surname = entry["naam"].partition(" ")
        if first not in mapping:
            new_first = r.choice(FEMALE if first in SHIPPED_FEMALE else MALE)
            while new_first in mapping.values():
                new_first = r.choice(FEMALE if first in SHIPPED_FEMALE else MALE)
            mapping[first] = new_first
        if surname and surname not in mapping:
            new_surname = r.choice(SURNAMES)
            while new_surname in mapping.values():
                new_surname = r.choice(SURNAMES)
            mapping[surname] = new_surname
            if surname[0].islower():  # "Meneer Van Dijk": the same name, capitalised
                mapping[surname[0].upper() + surname[1:]] = new_surname[0].upper() + new_surname[1:]
    return mapping


def _replace(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
                         + r")\b")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def _map_strings(value, change, fields=None, key=None):
    """``value`` with ``change`` applied to every string (under one of ``fields`` if given),
    except ids and the variable syntax of the texts."""
    if isinstance(value, dict):
        return {k: v if k in ("id", "beroep", "soort", "status", "buurten")
                else _map_strings(v, change, fields, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, change, fields, key) for v in value]
    if isinstance(value, str) and (fields is None or key in fields):
        return change(value)
    return value


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ten times faster


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Texts of more than one line as ``|`` blocks, as people write them."""


def _text(dumper, text: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _text)
