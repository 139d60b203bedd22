"""``check``: a kit that uses a casus still marked ``status: concept``.

Such a kit builds, but every document and card of that casus carries the word CONCEPT, and
the warning (an error under ``--streng``, for check and build) says so before anyone prints it.
"""

from __future__ import annotations

from casuskit.errors import Diagnostic, warning
from casuskit.workspace import Workspace, location_of

CODE = "casus-concept"


def concept_problems(ws: Workspace) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for entry in ws.of("kit").values():
        for i, casus_id in enumerate(entry.model.casussen):
            casus = ws.of("casus").get(casus_id)
            if casus is not None and casus.model.status == "concept":
                found.append(warning(
                    CODE, f"de casus `{casus_id}` is nog een concept (status in {casus.doc.file})",
                    location_of(entry, ("casussen", i)),
                    "Zijn hand-out, kaarten en hoofdstuk in het draaiboek krijgen het woord CONCEPT. "
                    "Zet `status: review` of `status: definitief` in de casus zodra hij klaar is."))
    return found
