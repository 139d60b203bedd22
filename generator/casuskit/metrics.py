"""Text measurement: how wide a text is and how many lines it needs, in a given font.

The build must refuse text that will not fit a fixed box rather than let Word clip it silently,
and size table columns so that no word breaks in the middle. Widths and line heights come from
the font file the text will be printed with (:mod:`casuskit.fonts`: fontconfig finds it,
fontTools reads it); ``font`` is a family name as a style gives it, None for the default
(Calibri). Word breaks lines at spaces like the greedy wrapper here; the print step verifies
the result on the PDF (:mod:`casuskit.pdfcheck`).
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache

from casuskit import fonts

PT_TO_MM = 25.4 / 72
CHARS = "".join(chr(c) for c in range(32, 383)) + "€–—‘’‚“”„…•·×✓☐"


def face(font: str | None = None, bold: bool = False) -> fonts.Face:
    return fonts.face(font, bold)


def text_width_mm(text: str, size_pt: float, bold: bool = False, font: str | None = None) -> float:
    return fonts.face(font, bold).width_em(text) * size_pt * PT_TO_MM


def line_pt(size_pt: float, bold: bool = False, font: str | None = None) -> float:
    """The height of one single-spaced line of ``font`` at ``size_pt``, in points."""
    return fonts.face(font, bold).line_em * size_pt


def style_line_pt(look) -> float:
    """One line of a style's text in points (a :class:`~casuskit.word.Look`), as its line
    rule says: exact, at least, or a multiple of the font's own single line."""
    single = line_pt(look.size, look.bold, look.font)
    if look.line_rule == "exact":
        return look.line
    if look.line_rule == "atLeast":
        return max(single, look.line)
    return single * look.line


@lru_cache(maxsize=4096)
def longest_word_mm(text: str, size_pt: float, bold: bool = False, font: str | None = None) -> float:
    """The width of the widest word of ``text``: a column narrower than that breaks it."""
    measure = fonts.face(font, bold).width_em
    return max((measure(word) for word in text.split()), default=0.0) * size_pt * PT_TO_MM


def wrap(text: str, width_mm: float, size_pt: float, bold: bool = False,
         font: str | None = None) -> list[str]:
    """Greedy line breaking at spaces, as a word processor does; hard breaks kept.

    Memoised: check measures the same casus texts once for every kit that prints them.
    """
    return list(_wrap(text, width_mm, size_pt, bold, font))


def line_count(text: str, width_mm: float, size_pt: float, bold: bool = False,
               font: str | None = None) -> int:
    """How many lines :func:`wrap` makes of ``text``."""
    return len(_wrap(text, width_mm, size_pt, bold, font))


@lru_cache(maxsize=4096)
def _wrap(text: str, width_mm: float, size_pt: float, bold: bool, font: str | None) -> tuple[str, ...]:
    """Widths are summed as the text grows, character by character in the same order as
    :func:`text_width_mm` does, so every comparison sees exactly the same number, without
    measuring each line again from its start for every word.
    """
    measured = fonts.face(font, bold)
    table, missing = measured.advances, fonts.MISSING_EM
    space = measured.advance(" ")
    scale = size_pt * PT_TO_MM
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, units = "", 0.0
        for word in paragraph.split(" "):
            grown = units + space if current else 0.0
            for ch in word:
                grown += table.get(ord(ch), missing)
            if current and grown * scale > width_mm:
                lines.append(current)
                current = word
                while measured.width_em(current) * scale > width_mm and len(current) > 1:
                    cut = _fit(current, width_mm / scale, measured)  # a word longer than the line
                    lines.append(current[:cut])
                    current = current[cut:]
                units = measured.width_em(current)
            else:
                current, units = (f"{current} {word}" if current else word), grown
        lines.append(current)
    return tuple(lines)


def _fit(word: str, width_em: float, measured: fonts.Face) -> int:
    for cut in range(len(word) - 1, 0, -1):
        if measured.width_em(word[:cut]) <= width_em:
            return cut
    return 1


def height_mm(text: str, width_mm: float, size_pt: float, line_spacing: float = 1.0,
              space_after_pt: float = 0.0, bold: bool = False, font: str | None = None) -> float:
    """Height a paragraph takes at ``line_spacing`` times the font's single line height."""
    lines = len(wrap(text, width_mm, size_pt, bold, font))
    return lines * line_pt(size_pt, bold, font) * line_spacing * PT_TO_MM + space_after_pt * PT_TO_MM


def generate(font_dir: str) -> str:  # pragma: no cover - developer tool
    """The built-in widths (``data/carlito-breedtes.json``), for when no font can be read."""
    from fontTools.ttLib import TTFont
    result = {}
    for key, name in (("regular", "Carlito-Regular.ttf"), ("bold", "Carlito-Bold.ttf")):
        font = TTFont(f"{font_dir}/{name}")
        cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        result[key] = {ch: round(hmtx[cmap[ord(ch)]][0] / upem, 4) for ch in CHARS if ord(ch) in cmap}
        result["line_em"] = round(fonts.line_units(font) / upem, 4)
    return json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0)


if __name__ == "__main__":  # pragma: no cover
    print(generate(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/crosextra"))
