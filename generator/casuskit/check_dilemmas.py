"""``check``: every dilemma says what it is about and why, for its card and the draaiboek.

A dilemma of soort ``anders`` needs an ``onderwerp`` (its card would otherwise just say
"Dilemma"), and every dilemma needs a ``toelichting``: the facilitator reads it next to the
question. Warnings, so errors under ``--streng``.
"""

from __future__ import annotations

from casuskit.errors import Diagnostic, warning
from casuskit.workspace import Workspace, location_of


def dilemma_problems(ws: Workspace) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for entry in ws.of("casus").values():
        for i, dilemma in enumerate(entry.model.dilemmas):
            if dilemma.subject is None:
                found.append(warning(
                    "dilemma-onderwerp", "dit dilemma zegt niet waar het over gaat: soort `anders` "
                    "heeft geen onderwerp", location_of(entry, ("dilemmas", i, "soort")),
                    "Voeg `onderwerp:` toe met een paar woorden, bijv. `onderwerp: straatapp`; dat "
                    "komt op de kaart (‘Dilemma · Straatapp’). Of kies privacy, meldcode of mandaat."))
            if dilemma.explanation is None:
                found.append(warning(
                    "dilemma-toelichting", "dit dilemma heeft geen toelichting voor de gespreksleider",
                    location_of(entry, ("dilemmas", i, "vraag")),
                    "Voeg `toelichting:` toe: wat zeggen de regels, en waar zit de afweging? Het "
                    "draaiboek zet hem naast het dilemma."))
    return found
