"""The contact sheet (``voorbeeld.png``): every page of a kit at a glance, before printing.

Each document of the kit once, in print order, every page as a small picture with the file
name and page number under it. poppler's ``pdftoppm`` draws the pages (one run per kit, on
the documents joined into one temporary PDF); Pillow lays them out.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter

from casuskit.errors import PdfError

FILE_NAME = "voorbeeld.png"
DPI = 24                  # A4 becomes 198 × 281 pixels: enough to recognise a page
COLUMNS = 8
GAP = 14
CAPTION = 18
BACKGROUND, PAGE_EDGE, INK, MUTED = "#e4e7ea", "#9aa3ab", "#1a1a1a", "#55606a"
INSTALL_HINT = "sudo apt-get install poppler-utils"
SOURCE_KEY = "casuskit-bron"
_FONTS = ("/usr/share/fonts/truetype/crosextra/Carlito-{}.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf")


def available() -> bool:
    return shutil.which("pdftoppm") is not None


def missing_poppler() -> PdfError:
    return PdfError("pdftoppm (poppler) is niet gevonden, dus er is geen voorbeeld.png gemaakt; "
                    "de PDF's en het printpakket zijn wel gemaakt",
                    f"Installeer het en bouw opnieuw met --voorbeeld: {INSTALL_HINT}")


def pages_as_images(documents: list[tuple[str, bytes]]) -> list[tuple[str, int, Image.Image]]:
    """(file, page number, picture) for every page of ``documents`` (name, PDF bytes)."""
    program = shutil.which("pdftoppm")
    if program is None:
        raise missing_poppler()
    joined, labels = PdfWriter(), []
    for name, data in documents:
        for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
            joined.add_page(page)
            labels.append((name, number))
    with tempfile.TemporaryDirectory(prefix="casuskit-voorbeeld-") as temp:
        source = Path(temp, "kit.pdf")
        with open(source, "wb") as handle:
            joined.write(handle)
        done = subprocess.run([program, "-r", str(DPI), "-png", str(source), str(Path(temp, "p"))],
                              capture_output=True, timeout=300)
        pictures = sorted(Path(temp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if done.returncode != 0 or len(pictures) != len(labels):
            raise PdfError("pdftoppm kon de pagina's niet tekenen; er is geen voorbeeld.png gemaakt",
                           "De PDF's zijn wel gemaakt; open ze om ze te bekijken.")
        images = []
        for picture in pictures:
            with Image.open(picture) as image:
                images.append(image.convert("RGB"))
    return [(name, number, image) for (name, number), image in zip(labels, images)]


def contact_sheet(title: str, documents: list[tuple[str, bytes]], source: str = "") -> bytes:
    """A PNG with every page of ``documents`` (name, PDF bytes) under ``title``; ``source``
    (a hash of what it shows) is kept in a text chunk for :func:`made_from`."""
    pages = pages_as_images(documents)
    cell_w = max((image.width for _, _, image in pages), default=198)
    cell_h = max((image.height for _, _, image in pages), default=281)
    rows = -(-len(pages) // COLUMNS)
    header = 56
    width = GAP + COLUMNS * (cell_w + GAP)
    height = header + rows * (cell_h + CAPTION + GAP) + GAP
    sheet = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((GAP, 12), title, fill=INK, font=_font(22, bold=True))
    draw.text((GAP, 36), f"{len(pages)} pagina's, elk document één keer; hoeveel u van elk "
                         "print, staat in printlijst.txt", fill=MUTED, font=_font(13))
    small = _font(12)
    for index, (name, number, image) in enumerate(pages):
        x = GAP + (index % COLUMNS) * (cell_w + GAP)
        y = header + (index // COLUMNS) * (cell_h + CAPTION + GAP)
        sheet.paste(image, (x, y))
        draw.rectangle((x - 1, y - 1, x + image.width, y + image.height), outline=PAGE_EDGE)
        draw.text((x, y + image.height + 3), _caption(draw, name, number, small, cell_w),
                  fill=INK, font=small)
    data = io.BytesIO()
    info = PngInfo()
    info.add_text(SOURCE_KEY, source)
    sheet.save(data, format="PNG", optimize=True, pnginfo=info)
    return data.getvalue()


def made_from(path: Path) -> str | None:
    """The source hash a contact sheet was made from; None when there is none."""
    try:
        with Image.open(path) as image:
            return image.text.get(SOURCE_KEY)
    except (OSError, ValueError, AttributeError):
        return None


def _caption(draw, name: str, number: int, font, width: int) -> str:
    """"hand-out-stille-buurman · 1", shortened with "…" to fit under the page."""
    base, end = name.removesuffix(".pdf"), f" · {number}"
    caption = base + end
    while draw.textlength(caption, font=font) > width and len(base) > 4:
        base = base[:-1]
        caption = base + "…" + end
    return caption


def _font(size: int, bold: bool = False):
    for pattern in _FONTS:
        path = Path(pattern.format("Bold" if bold else "Regular"))
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)
