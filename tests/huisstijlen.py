"""House styles as facilitators make them, for the tests: a wide font, an unknown font, green
with a logo.

Each starts from a reference document (the shipped one, or ``casuskit huisstijl --accentkleur``)
and changes it the way someone does in Word: the font of the style Normal (every other style
inherits it), a picture in the header's first line.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.shared import Mm
from PIL import Image, ImageDraw

from casuskit import word
from casuskit.word.reference_build import build_default_reference

WIDE_FONT = "DejaVu Sans"       # installed in CI (fonts-dejavu-core), ~23 % wider than Carlito
UNKNOWN_FONT = "Zonnebloem Sans"  # installed nowhere, no metric-compatible twin
GREEN = "2E7D32"


def restyled(path: Path, font: str, base: bytes | None = None, logo: bool = False) -> Path:
    """A house style at ``path``: ``base`` (default: the shipped reference) with Normal in
    ``font``, and with ``logo`` a 30 mm logo at the start of the header."""
    document = docx.Document(io.BytesIO(base or word.default_reference_bytes()))
    document.styles["Normal"].font.name = font
    if logo:
        header = document.sections[0].header.paragraphs[0]
        header.insert_paragraph_before().add_run().add_picture(io.BytesIO(logo_png()), width=Mm(30))
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def wide(path: Path) -> Path:
    return restyled(path, WIDE_FONT)


def unknown(path: Path) -> Path:
    return restyled(path, UNKNOWN_FONT)


def green_with_logo(path: Path) -> Path:
    """Green accent (``casuskit huisstijl --accentkleur 2E7D32``), DejaVu Sans, and a logo."""
    return restyled(path, WIDE_FONT, build_default_reference(GREEN), logo=True)


def logo_png() -> bytes:
    """A small green-and-white logo: a leaf in a square, 300 × 120 pixels at 254 dpi."""
    image = Image.new("RGB", (300, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, 116, 116), fill="#" + GREEN)
    draw.ellipse((24, 30, 96, 90), fill="white")
    draw.rectangle((130, 40, 290, 56), fill="#" + GREEN)
    draw.rectangle((130, 66, 250, 80), fill="#9BC59D")
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(254, 254))
    return out.getvalue()


def use(root: Path, project: str, style: Path) -> None:
    """Point the project file at ``style`` (workspace-relative), as `huisstijl:`."""
    path = root / "projecten" / f"{project}.yaml"
    text = path.read_text(encoding="utf-8")
    relative = style.relative_to(root).as_posix()
    if "\nhuisstijl:" in text:
        lines = [f"huisstijl: {relative}" if line.startswith("huisstijl:") else line
                 for line in text.split("\n")]
        text = "\n".join(lines)
    else:
        text = text.replace("\nstandaard:", f"\nhuisstijl: {relative}\nstandaard:", 1) \
            if "\nstandaard:" in text else text.rstrip("\n") + f"\nhuisstijl: {relative}\n"
    path.write_text(text, encoding="utf-8")


def smallest_card_text(root: Path, project: str, points: str) -> None:
    """Set the project's `kaarttekst_min_pt` (the examples' role cards need 9 pt in a wide
    font: check says so with kaart-te-vol until then)."""
    path = root / "projecten" / f"{project}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nstandaard:\n", f"\nstandaard:\n  kaarttekst_min_pt: {points}\n", 1),
                    encoding="utf-8")
