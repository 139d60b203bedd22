"""Does a name tent's face hold its name, organisation and role? Measured like the cards.

A face is a fixed box (:mod:`casuskit.render.nametents`): the text runs along its long side, so
a line is as long as the face and the paragraphs stack across its short side. A long name in a
wide house-style font could wrap onto more lines than the face holds, or be longer than a whole
line, so that Word breaks it in the middle of a word. :func:`face_sizes` gives each face's
texts the largest size, no larger than their styles' and no smaller than :data:`SMALLEST` of
it, at which no word is longer than a line and everything fits; None when nothing does.
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit import cardfit, metrics
from casuskit.word import StyleSheet

SMALLEST = 0.5       # shrink a text to half its style's size at most
STEP_PT = 1.0
SAFETY_MM = 2.0


@dataclass(frozen=True)
class Face:
    """The texts on one face: (text, paragraph style, size or None for the style's own)."""

    name: float | None
    organisation: float | None
    role: float | None


def face_sizes(styles: StyleSheet, name: str, organisation: str, band_style: str, role: str,
               role_style: str, length_mm: float, depth_mm: float) -> Face | None:
    """Sizes for a face ``length_mm`` long (a line) and ``depth_mm`` across, or None."""
    name_look, org_look = styles.look("Naambordje Naam"), styles.look("Naambordje Organisatie")
    band = styles.look(band_style)
    role_pt = _character_size(styles, role_style, band.size)
    for scale in _scales(name_look.size):
        sizes = (name_look.size * scale, org_look.size * scale, role_pt * scale)
        looks = [cardfit.sized(name_look, sizes[0]), cardfit.sized(org_look, sizes[1]),
                 cardfit.sized(band, sizes[2])]
        texts = [name, organisation or " ", role]
        widths = [length_mm, length_mm, length_mm - band.sides_mm]
        if any(metrics.longest_word_mm(text.upper() if look.caps else text, look.size,
                                       look.bold, look.font) > width - cardfit.WIDTH_SAFETY_MM
               for text, look, width in zip(texts, looks, widths)):
            continue
        height = sum(cardfit.paragraph_mm(text, look, width, last=i == 2)
                     for i, (text, look, width) in enumerate(zip(texts, looks, widths)))
        if height + band.ends_mm <= depth_mm - SAFETY_MM:
            return Face(*(None if scale == 1 else size for size in sizes))
    return None


def _scales(size: float) -> list[float]:
    """1, then a point less each time, down to :data:`SMALLEST`."""
    found, points = [], size
    while points >= size * SMALLEST:
        found.append(points / size)
        points -= STEP_PT
    return found


def _character_size(styles: StyleSheet, name: str, default: float) -> float:
    """The size a character style such as "Naambordje Rol" sets (its role word is larger)."""
    return styles.character_size(name) or default
