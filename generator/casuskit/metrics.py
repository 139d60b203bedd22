"""Text measurement for card overflow: Carlito (metric twin of Calibri) advance widths.

The build must refuse card text that will not fit rather than let Word clip it silently. Here
we estimate how many lines a text needs at a given font size and width, with real glyph
advance widths from ``data/carlito-breedtes.json`` (generated from the font files by
``python -m casuskit.metrics FONTDIR``; fontTools is only needed for that). Word breaks lines
at spaces and hyphens like this greedy wrapper does; the print issue verifies on the PDF.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources

PT_TO_MM = 25.4 / 72
CHARS = "".join(chr(c) for c in range(32, 383)) + "€–—‘’‚“”„…•·×✓☐"


@lru_cache(maxsize=None)
def _widths() -> dict[str, dict[str, float]]:
    raw = resources.files("casuskit").joinpath("data", "carlito-breedtes.json").read_text("utf-8")
    return json.loads(raw)


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    table = _widths()["bold" if bold else "regular"]
    fallback = table.get("n", 0.5)
    return sum(table.get(ch, fallback) for ch in text) * size_pt * PT_TO_MM


def wrap(text: str, width_mm: float, size_pt: float, bold: bool = False) -> list[str]:
    """Greedy line breaking at spaces, as a word processor does; hard breaks kept.

    Memoised: check measures the same casus texts once for every kit that prints them.
    """
    return list(_wrap(text, width_mm, size_pt, bold))


@lru_cache(maxsize=8192)
def _wrap(text: str, width_mm: float, size_pt: float, bold: bool) -> tuple[str, ...]:
    """Widths are summed as the text grows, character by character in the same order as
    :func:`text_width_mm` does, so every comparison sees exactly the same number, without
    measuring each line again from its start for every word.
    """
    table = _widths()["bold" if bold else "regular"]
    fallback = table.get("n", 0.5)
    space = table.get(" ", fallback)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, units = "", 0
        for word in paragraph.split(" "):
            grown = units + space if current else 0
            for ch in word:
                grown += table.get(ch, fallback)
            if current and grown * size_pt * PT_TO_MM > width_mm:
                lines.append(current)
                current = word
                while text_width_mm(current, size_pt, bold) > width_mm and len(current) > 1:
                    cut = _fit(current, width_mm, size_pt, bold)  # a word longer than the line
                    lines.append(current[:cut])
                    current = current[cut:]
                units = _units(current, table, fallback)
            else:
                current, units = (f"{current} {word}" if current else word), grown
        lines.append(current)
    return tuple(lines)


def _units(text: str, table: dict[str, float], fallback: float) -> float:
    return sum(table.get(ch, fallback) for ch in text)


def _fit(word: str, width_mm: float, size_pt: float, bold: bool) -> int:
    for cut in range(len(word) - 1, 0, -1):
        if text_width_mm(word[:cut], size_pt, bold) <= width_mm:
            return cut
    return 1


def height_mm(text: str, width_mm: float, size_pt: float, line_spacing: float = 1.22,
              space_after_pt: float = 0.0, bold: bool = False) -> float:
    """Height a paragraph takes; Calibri/Carlito single spacing is ~1.22 × the font size."""
    lines = len(wrap(text, width_mm, size_pt, bold))
    return lines * size_pt * line_spacing * PT_TO_MM + space_after_pt * PT_TO_MM


def generate(font_dir: str) -> str:  # pragma: no cover - developer tool
    from fontTools.ttLib import TTFont
    result = {}
    for key, name in (("regular", "Carlito-Regular.ttf"), ("bold", "Carlito-Bold.ttf")):
        font = TTFont(f"{font_dir}/{name}")
        cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        result[key] = {ch: round(hmtx[cmap[ord(ch)]][0] / upem, 4) for ch in CHARS if ord(ch) in cmap}
    return json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0)


if __name__ == "__main__":  # pragma: no cover
    print(generate(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/crosextra"))
