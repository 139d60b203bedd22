"""Lengths as WordprocessingML counts them."""

from __future__ import annotations

PT_TO_MM = 25.4 / 72


def mm_to_twips(mm: float) -> int:
    """Millimetres to twentieths of a point (1 mm = 56.69 twips), rounded."""
    return round(mm * 1440 / 25.4)


def mm_to_emu(mm: float) -> int:
    """Millimetres to English Metric Units (36 000 per mm)."""
    return round(mm * 36000)


def pt_to_twips(points: float) -> int:
    """Points to twips, as python-docx's ``Pt(points).twips`` rounds them."""
    return int(round(int(points * 12700) / 635.0))
