"""Reading geometry back from rendered PDFs (pdfplumber): card cells, card ids, text boxes.

Everything is in millimetres from the top left of the page. A card cell is a rectangle whose
four sides are drawn as lines (the dashed cut lines on card sheets, the solid lines on the
calibration page); empty grid cells have no lines and are no cells.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass

import pytest

PT = 25.4 / 72  # one PDF point in mm


def require(*programs: str) -> None:
    """Skip when a program is missing; in CI (CI=true) that is a failure, never a skip."""
    missing = [name for name in programs if shutil.which(name) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2

    def contains(self, other: "Rect", tolerance: float = 0.05) -> bool:
        return (other.left >= self.left - tolerance and other.right <= self.right + tolerance
                and other.top >= self.top - tolerance and other.bottom <= self.bottom + tolerance)

    def flipped(self, page_w: float, page_h: float, edge: str) -> "Rect":
        """Where this rectangle of a back page lies seen from the front, the sheet turned over
        the long edge (x mirrored) or the short edge (y mirrored)."""
        if edge == "long":
            return Rect(page_w - self.right, self.top, page_w - self.left, self.bottom)
        return Rect(self.left, page_h - self.bottom, self.right, page_h - self.top)

    def distance(self, other: "Rect") -> float:
        """The largest difference between corresponding sides, in mm."""
        return max(abs(self.left - other.left), abs(self.right - other.right),
                   abs(self.top - other.top), abs(self.bottom - other.bottom))


def page_size(page) -> tuple[float, float]:
    return page.width * PT, page.height * PT


def _segments(page, dashed: bool | None):
    horizontal, vertical = [], []
    for line in page.lines:
        if dashed is not None and (line.get("dash") is not None) != dashed:
            continue
        x0, x1, top, bottom = (line[k] * PT for k in ("x0", "x1", "top", "bottom"))
        if abs(top - bottom) < 0.05:
            horizontal.append((top, x0, x1))
        elif abs(x0 - x1) < 0.05:
            vertical.append((x0, top, bottom))
    return horizontal, vertical


def _cluster(values: list[float], within: float = 0.3) -> list[float]:
    found: list[float] = []
    for value in sorted(values):
        if not found or value - found[-1] > within:
            found.append(value)
    return found


def cells(page, dashed: bool | None = True, min_mm: float = 20.0) -> list[Rect]:
    """Every rectangle of at least ``min_mm`` each way whose four sides are drawn."""
    horizontal, vertical = _segments(page, dashed)
    xs = _cluster([x for x, _, _ in vertical])
    ys = _cluster([y for y, _, _ in horizontal])

    def covered(segments, at, start, end):
        return any(abs(pos - at) < 0.3 and a <= start + 0.5 and b >= end - 0.5
                   for pos, a, b in segments)

    found = []
    for i, left in enumerate(xs):
        for right in xs[i + 1:]:
            if right - left < min_mm:
                continue
            for j, top in enumerate(ys):
                for bottom in ys[j + 1:]:
                    if bottom - top < min_mm:
                        continue
                    if (covered(horizontal, top, left, right) and covered(horizontal, bottom, left, right)
                            and covered(vertical, left, top, bottom) and covered(vertical, right, top, bottom)):
                        found.append(Rect(left, top, right, bottom))
                        break  # the smallest cell starting here
    # keep only cells that hold no smaller cell (a row of two cards is not itself a card)
    return [c for c in found if not any(o != c and c.contains(o, 0.3) for o in found)]


def char_box(char) -> Rect:
    return Rect(char["x0"] * PT, char["top"] * PT, char["x1"] * PT, char["bottom"] * PT)


def texts_by_cell(page, found: list[Rect]) -> tuple[dict[Rect, list], list]:
    """The characters in each cell (by their centre), and those in no cell at all."""
    inside: dict[Rect, list] = {cell: [] for cell in found}
    stray = []
    for char in page.chars:
        if not char["text"].strip():
            continue
        box = char_box(char)
        cx, cy = box.centre
        home = next((c for c in found if c.left <= cx <= c.right and c.top <= cy <= c.bottom), None)
        (inside[home] if home else stray).append(char)
    return inside, stray


def text_of(chars) -> str:
    lines: dict[int, list] = {}
    for char in chars:
        lines.setdefault(round(char["top"]), []).append(char)
    return "\n".join("".join(c["text"] for c in sorted(line, key=lambda c: c["x0"]))
                     for _, line in sorted(lines.items()))


def card_ids(page, found: list[Rect], pattern: str) -> dict[str, Rect]:
    """Card id → the cell it is printed in (ids are matched with spaces removed)."""
    inside, _ = texts_by_cell(page, found)
    ids = {}
    for cell, chars in inside.items():
        small = [c for c in chars if c["size"] < 7.5]  # the "Kaart Id" style is 7 pt
        matches = re.findall(pattern, text_of(small).replace(" ", ""))
        assert len(matches) <= 1, f"two card ids in one cell: {matches}"
        if matches:
            ids[matches[0]] = cell
    return ids


def text_bounds(chars) -> Rect:
    boxes = [char_box(c) for c in chars]
    return Rect(min(b.left for b in boxes), min(b.top for b in boxes),
                max(b.right for b in boxes), max(b.bottom for b in boxes))


def is_empty(page) -> bool:
    return not page.chars and not page.lines and not page.rects and not page.images
