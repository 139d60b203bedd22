"""Meeting logistics in the build: the participant list's documents and the evaluation form.

:func:`problems` says when a kit's participant list fits no table division
(``ctx.seating`` is the division, computed on first use); :func:`render` makes ``tafelkaarten.docx``,
``naambordjes.docx`` and ``presentielijst.docx`` from it, and ``evaluatieformulier.docx``
for every kit; :func:`print_items` adds them to the print list and the draaiboek checklist.
Without a participant list a kit builds from its counts as before.
"""

from __future__ import annotations

from casuskit.errors import Diagnostic
from casuskit.render import evaluationform, nametents, signin, tablesheets
from casuskit.render.context import KitContext
from casuskit.render.printlist import DUPLEX, PrintItem

SIMPLEX = DUPLEX["geen"]


def problems(ctx: KitContext) -> list[Diagnostic]:
    """Build errors from the participant list, e.g. when no table division is possible."""
    return list(ctx.seating_and_problems()[1])


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files: list[tuple[str, bytes]] = []
    for module in (tablesheets, nametents, signin, evaluationform):
        files += module.render(ctx)
    return files


def print_items(ctx: KitContext) -> list[PrintItem]:
    items: list[PrintItem] = []
    if ctx.seating is not None:
        listed = len(ctx.seating.listed.people)
        items += [
            PrintItem(tablesheets.FILE_NAME, 1, SIMPLEX,
                      f"één vel per tafel, {len(ctx.seating.tables)} tafels"),
            PrintItem(nametents.FILE_NAME, 1, SIMPLEX,
                      f"{listed} vellen, één per deelnemer; vouw elk vel in de lengte dubbel "
                      "langs de stippellijn, de bedrukte kant naar buiten"),
            PrintItem(signin.FILE_NAME, 1, SIMPLEX,
                      "bij de ingang; bevat persoonsgegevens, bewaar en vernietig hem zoals op "
                      "de lijst staat"),
        ]
    if ctx.werkvorm.evaluation or evaluationform.statements(ctx.texts):
        count = len(ctx.seating.listed.people) if ctx.seating is not None else ctx.kit.participants
        items.append(PrintItem(evaluationform.FILE_NAME, count, DUPLEX["duplex-lange-zijde"],
                               "één per deelnemer, uitdelen bij de afsluiting"))
    return items
