"""Small rules of printed Dutch that several documents share.

Labels joined with " · " never say the same thing twice ("Appelscha · De bedoeling", not
"De bedoeling · Appelscha · De bedoeling" when the session is named after its werkvorm); a
title after the dot starts with a capital ("Dilemma · Meldcode", as "Signaal · Wijkagent");
an organisation named "Gemeente X" reads "de gemeente X" inside a sentence; a place word gets
its article ("het dorp", "de buurt").
"""

from __future__ import annotations

SEPARATOR = " · "
_NEUTER = ("dorp", "gebied", "stadsdeel", "eiland")  # het dorp, het gebied; de buurt, de wijk
_COMMON_NOUN_NAMES = ("gemeente", "provincie", "waterschap")


def capital(text: str) -> str:
    """First letter upper case, the rest untouched ('privacy (AVG)' → 'Privacy (AVG)')."""
    return text[:1].upper() + text[1:]


def joined(*parts: str | None, separator: str = SEPARATOR) -> str:
    """The non-empty parts joined, each said once: a part equal to an earlier one (letter case
    and spaces aside) is left out."""
    seen, kept = set(), []
    for part in parts:
        text = " ".join((part or "").split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            kept.append(text)
    return separator.join(kept)


def titled(label: str, subject: str | None) -> str:
    """'Dilemma · Meldcode'; just 'Dilemma' without a subject."""
    return joined(label, capital(subject) if subject else None)


def article(kind: str) -> str:
    """The article of a place word: 'het' for dorp or gebied, 'de' for buurt or wijk."""
    return "het" if kind.strip().lower().endswith(_NEUTER) else "de"


def in_sentence(organisation: str) -> str:
    """An organisation as it reads inside a sentence: 'Gemeente Heerhugowaard' → 'de gemeente
    Heerhugowaard'; other names stay as they are ('Welzijnsstichting De Brug')."""
    first, _, rest = organisation.strip().partition(" ")
    if first.lower() in _COMMON_NOUN_NAMES and rest:
        return f"de {first.lower()} {rest}"
    return organisation.strip()
