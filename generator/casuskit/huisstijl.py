"""House style (huisstijl): the default reference file, and which needed styles one lacks.

``casuskit huisstijl PAD`` writes the default reference document so a facilitator can restyle
it in Word or LibreOffice, optionally in the organisation's own accent colour and font;
:func:`missing_styles` tells which of the styles the documents need
(:func:`casuskit.render.registry.required_styles`) such an edited file no longer has.
"""

from __future__ import annotations

import re
from pathlib import Path

from casuskit.errors import ReferenceExistsError, UsageError
from casuskit.word import StyleSheet, default_reference_bytes


def accent_colour(text: str) -> str:
    """``#2E7D32`` or ``2e7d32`` → ``2E7D32``; a UsageError for anything else."""
    colour = text.strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", colour):
        raise UsageError(f"`{text}` is geen kleur",
                         "Geef de accentkleur als zes hexadecimale cijfers, zoals in Word onder "
                         "Meer kleuren → Aangepast (Hex), bijv. --accentkleur 2E7D32.")
    return colour.upper()


def write_default_reference(path: str | Path, force: bool = False, accent: str | None = None,
                            font: str | None = None) -> Path:
    """Write the shipped reference document to ``path``; with ``accent`` (RRGGBB) or ``font``
    a copy of it in that colour and font.

    Refuses to replace an existing file unless ``force`` is true.
    """
    path = Path(path)
    if path.exists() and not force:
        shown = f'"{path}"' if any(c.isspace() for c in str(path)) else str(path)
        raise ReferenceExistsError(
            f"{path} bestaat al; casuskit heeft het niet overschreven",
            hint=f"Kies een andere naam, of begin opnieuw met `casuskit huisstijl {shown} "
                 "--overschrijf` (uw aanpassingen in dat bestand gaan dan verloren).")
    if accent is not None or font:
        from casuskit.word.reference_build import build_default_reference
        data = build_default_reference(accent_colour(accent) if accent else None, font or None)
    else:
        data = default_reference_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def missing_styles(styles: StyleSheet, required: dict[str, str]) -> list[str]:
    """Names of the ``required`` styles (name → paragraph, character or table) that the
    style sheet lacks or has with another type, in the order of ``required``."""
    return [name for name, kind in required.items() if not styles.has(name, kind)]
