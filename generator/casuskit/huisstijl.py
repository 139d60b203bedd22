"""House style (huisstijl): the styles a build needs and the default reference file.

``casuskit huisstijl PAD`` writes the default reference document so a facilitator
can restyle it in Word or LibreOffice; :func:`missing_styles` tells which of the
styles casuskit relies on such an edited file no longer has.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE

from casuskit import docxio
from casuskit.errors import UsageError

_P, _C, _T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE

#: Every style the renderers refer to, by (English built-in or Dutch custom) name.
REQUIRED_STYLES: dict[str, WD_STYLE_TYPE] = {
    "Normal": _P, "Title": _P, "Subtitle": _P,
    "Heading 1": _P, "Heading 2": _P, "Heading 3": _P,
    "List Bullet": _P, "List Number": _P,
    "Header": _P, "Footer": _P, "Caption": _P, "Quote": _P,
    "Kaart Categorie": _P, "Kaart Titel": _P, "Kaart Tekst": _P, "Kaart Id": _P,
    "Kaart Achterkant": _P, "Kaart Band Vraag": _P, "Kaart Band Signaal": _P,
    "Kaart Band Dilemma": _P, "Kaart Band Fase": _P, "Kaart Band Rol": _P, "Notitieregel": _P,
    "DOE": _P, "ZEG": _P, "Let op": _P,
    "Tabelkop": _P, "Tabeltekst": _P, "Klein": _P, "Omslag Gegevens": _P,
    "Naambordje Naam": _P, "Naambordje Organisatie": _P, "Naambordje Rol": _C, "Likert Vakje": _P,
    **{f"Rolband {n}": _P for n in range(1, 9)},
    "Strong": _C, "Emphasis": _C,
    "Casuskit Tabel": _T, "Kaartraster": _T,
}


class ReferenceExistsError(UsageError):
    """The house-style file to write already exists and may not be overwritten."""


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
    path.write_bytes(docxio.default_reference_bytes())
    return path


def missing_styles(document: Document,
                   required: dict[str, WD_STYLE_TYPE] | None = None) -> list[str]:
    """Names of the ``required`` styles (default :data:`REQUIRED_STYLES`) that
    ``document`` lacks or has with another type (e.g. a character style where a
    paragraph style is needed), in the order of ``required``."""
    required = REQUIRED_STYLES if required is None else required
    styles = document.styles
    missing = []
    for name, kind in required.items():
        # the same lookup python-docx does when a renderer asks for the style
        if name not in styles or styles[name].type != kind:
            missing.append(name)
    return missing
