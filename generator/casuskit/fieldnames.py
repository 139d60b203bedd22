"""Which Dutch field name a writer meant by the key they typed.

A key casuskit does not know is usually one of three things: a typo (``titell``), a capital
from Word's autocorrect (``Titel``), or the English word (``title``, ``summary``), typed by a
writer who read an English YAML example or whose editor suggested it. :func:`meant` finds the
field for each, and :func:`hint` says it in Dutch. The English words are the model's own
attribute names (``Casus.summary`` is ``samenvatting``) plus a few that people also write.
"""

from __future__ import annotations

import difflib

from pydantic import BaseModel

# English words writers use that are no attribute name of the model (singulars, synonyms)
ENGLISH = {
    "name": "naam", "question": "vragen", "person": "personen", "people": "personen",
    "perspective": "perspectieven", "phase": "fasen", "dilemma": "dilemmas", "action": "acties",
    "tip": "tips", "source": "bronnen", "author": "auteurs", "theme": "themas", "tags": "themas",
    "signal": "signalen", "neighbourhood": "buurten", "neighborhood": "buurt", "neighborhoods": "buurten",
    "description": "beschrijving", "start_time": "starttijd", "end_time": "eindtijd",
    "notes": "opmerking", "note": "opmerking", "participant": "deelnemers", "group": "groepen",
    "duration": "duur", "block": "blokken", "document": "documenten", "organization": "organisatie",
}


def meant(key: str, model: type[BaseModel] | None) -> tuple[str, str] | None:
    """(field name, why) for an unknown ``key`` in ``model``: why is "hoofdletter", "engels"
    or "tikfout"; None when nothing is close."""
    if model is None:
        return None
    aliases = {info.alias: name for name, info in model.model_fields.items()}
    folded = key.strip().lower().replace(" ", "_").replace("'", "")
    if folded in aliases and folded != key:
        return folded, "hoofdletter" if key.lower() == folded else "tikfout"
    english = {name: alias for alias, name in aliases.items()}
    alias = english.get(folded) or ENGLISH.get(folded)
    if alias in aliases:
        return alias, "engels"
    close = difflib.get_close_matches(key, list(aliases), n=1, cutoff=0.6)
    return (close[0], "tikfout") if close else None


def hint(key: str, model: type[BaseModel] | None, required: bool = False) -> str | None:
    """The Dutch hint for an unknown key, or None."""
    found = meant(key, model)
    if found is None:
        return None
    alias, why = found
    text = {"hoofdletter": f"Veldnamen schrijft u met kleine letters: `{alias}`.",
            "engels": f"`{key}` is Engels; in casuskit heet dit veld `{alias}`.",
            "tikfout": f"Bedoelde u `{alias}`?"}[why]
    return text + (" Dat veld is verplicht en ontbreekt nu." if required else "")
