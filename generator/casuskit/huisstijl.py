"""House style (huisstijl): the default reference file, and which needed styles one lacks.

``casuskit huisstijl PAD`` writes the default reference document so a facilitator can restyle
it in Word or LibreOffice; :func:`missing_styles` tells which of the styles the documents need
(:func:`casuskit.render.registry.required_styles`) such an edited file no longer has.
"""

from __future__ import annotations

from pathlib import Path

from casuskit.errors import ReferenceExistsError
from casuskit.word import StyleSheet, default_reference_bytes


def write_default_reference(path: str | Path, force: bool = False) -> Path:
    """Write the shipped reference document to ``path``.

    Refuses to replace an existing file unless ``force`` is true.
    """
    path = Path(path)
    if path.exists() and not force:
        shown = f'"{path}"' if any(c.isspace() for c in str(path)) else str(path)
        raise ReferenceExistsError(
            f"{path} bestaat al; casuskit heeft het niet overschreven",
            hint=f"Kies een andere naam, of begin opnieuw met `casuskit huisstijl {shown} "
                 "--overschrijf` (uw aanpassingen in dat bestand gaan dan verloren).")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(default_reference_bytes())
    return path


def missing_styles(styles: StyleSheet, required: dict[str, str]) -> list[str]:
    """Names of the ``required`` styles (name → paragraph, character or table) that the
    style sheet lacks or has with another type, in the order of ``required``."""
    return [name for name, kind in required.items() if not styles.has(name, kind)]
