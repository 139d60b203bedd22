"""Can this computer measure the house style's fonts? A warning for every font it cannot.

Cards, name tents, table columns and the one-page forms are measured with the fonts their
styles resolve to (:mod:`casuskit.fonts`). A font that is not installed here, and has no
metric-compatible twin that is, can only be guessed at: text that ``check`` passes may still be
clipped in Word. That is never a silent pass: :func:`font_problems` gives one warning per
project and font (``--streng`` makes it an error), naming the styles that use it, what it was
measured with instead and what to install.
"""

from __future__ import annotations

import shutil
import sys

from casuskit import fonts
from casuskit.errors import Diagnostic, warning
from casuskit.word import Reference

SHOWN_STYLES = 6


def measured_styles() -> list[str]:
    """Every paragraph style a document of casuskit uses (their text is measured)."""
    from casuskit.render.registry import required_styles
    return [name for name, kind in required_styles().items() if kind == "paragraph"]


def unmeasurable(reference: Reference) -> dict[str, tuple[fonts.Face, list[str]]]:
    """Font family → (the face measured instead, the styles using it), for every font of
    ``reference`` that cannot be measured here."""
    found: dict[str, tuple[fonts.Face, list[str]]] = {}
    for name in measured_styles():
        if not reference.styles.has(name):
            continue
        look = reference.styles.look(name)
        face = fonts.face(look.font, look.bold)
        if not face.measurable:
            found.setdefault(face.requested, (face, []))[1].append(name)
    return found


def font_problems(ws, references: dict) -> list[Diagnostic]:
    """A located warning per project and font its house style uses that cannot be measured."""
    from casuskit.workspace import location_of
    problems = []
    for project_id, reference in sorted(references.items()):
        if not isinstance(reference, Reference):
            continue  # an unusable house style has its own error
        entry = ws.of("project")[project_id]
        where = ("huisstijl",) if entry.model.house_style else ()  # located only for a finding
        style = f"de huisstijl {entry.model.house_style}" if entry.model.house_style \
            else "de standaardhuisstijl"
        for family, (face, names) in sorted(unmeasurable(reference).items()):
            shown = ", ".join(names[:SHOWN_STYLES]) + (
                f" en {len(names) - SHOWN_STYLES} andere" if len(names) > SHOWN_STYLES else "")
            problems.append(warning(
                "lettertype-onbekend",
                f"lettertype {family} uit {style} staat niet op deze computer: casuskit kan "
                "kaarten, naambordjes en tabellen in die letter niet precies meten",
                location_of(entry, where), install_hint(family),
                notes=(f"stijlen: {shown}",
                       f"nu gemeten met {face.described()}; tekst die past volgens "
                       "`casuskit check` kan in Word toch afgekapt worden")))
    return problems


def install_hint(family: str) -> str:
    """What to install so that ``family`` can be measured here, in Dutch."""
    key = " ".join(family.casefold().split())
    twins = sorted(fonts.TWINS.get(key, ()))
    package = fonts.PACKAGES.get(key) or next((fonts.PACKAGES[t] for t in twins if t in fonts.PACKAGES), None)
    twin = f" of het maatgelijke {twins[0].title()}" if twins else ""
    if sys.platform.startswith("linux") or shutil.which("fc-match"):
        how = (f"`sudo apt-get install {package}`" if package else
               "zet het lettertypebestand (.ttf of .otf) in ~/.local/share/fonts en voer "
               "`fc-cache -f` uit")
    else:
        how = "dubbelklik het lettertypebestand (.ttf of .otf) en kies Installeren"
    return (f"Installeer {family}{twin} op deze computer ({how}) en controleer opnieuw, of kies "
            "in de huisstijl (Start → Stijlen, stijl Normal) een lettertype dat hier wel staat, "
            "zoals Calibri, Arial of DejaVu Sans.")
