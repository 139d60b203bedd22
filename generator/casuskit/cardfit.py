"""Does every card's text fit its card? Measured before anything is laid out.

Card text that would not fit fails ``check`` and the build, rather than being clipped by Word:
each paragraph of a card is measured with the resolved look of its style in the project's
reference document (so a restyled house style is respected) and the glyph widths of
:mod:`casuskit.metrics`. :func:`fit_problems` names every card that does not fit, at the YAML
value its text came from, with a hint how much to cut or which larger card size would fit.
"""

from __future__ import annotations

import math
import re

from casuskit import metrics
from casuskit.cardgrid import CARD_SIZES_MM, PADDING_MM, Grid, grid_for
from casuskit.cardset import Card
from casuskit.errors import Diagnostic, error
from casuskit.word import Look, StyleSheet

SAFETY_MM = 1.5       # height kept free, so what passes here also fits in Word / LibreOffice
WIDTH_SAFETY_MM = 0.5
LINE_FACTOR = 1.22    # Calibri / Carlito single line height as a multiple of the font size
BAND_PAD_PT = (2, 3)  # padding of a colour band around its word: (top/bottom, left/right)
ROLE_LABELS = ("Ik zie", "Ik weet", "Ik mag delen", "Ik mag niet delen",  # casus perspectives
               "Mijn werk", "Ik signaleer", "Ik werk samen met")  # and role cards


def line_pt(look: Look) -> float:
    """The height of one line of ``look``'s text, in points."""
    if look.line_rule == "exact":
        return look.line
    if look.line_rule == "atLeast":
        return max(look.size * LINE_FACTOR, look.line)
    return look.size * LINE_FACTOR * look.line


def lines_of(text: str, look: Look, width_mm: float) -> int:
    text = text.upper() if look.caps else text
    width = width_mm - look.indent_mm - WIDTH_SAFETY_MM
    return len(metrics.wrap(text, width, look.size, look.bold))


def paragraph_mm(text: str, look: Look, width_mm: float, last: bool = False) -> float:
    """Height of one paragraph; the space after the last one in a cell does not count."""
    points = look.before + lines_of(text, look, width_mm) * line_pt(look) \
        + (0 if last else look.after)
    return points * metrics.PT_TO_MM


def text_paragraphs(card: Card) -> list[tuple[str, str]]:
    """The card text as (bold label, text) paragraphs: one per role line and per "• " line;
    other line breaks come from the YAML editor and become spaces."""
    if card.category == "rol":
        split = [line.partition(": ") for line in card.text.split("\n")]
        return [(label + ":", " " + rest) if sep and label in ROLE_LABELS
                else ("", label + sep + rest) for label, sep, rest in split]
    found = [("", ("• " if i else "") + " ".join(part.split()))
             for block in re.split(r"\n\s*\n", card.text)
             for i, part in enumerate(block.split("\n• "))]
    return [p for p in found if p[1]]


def band_style(card: Card) -> str:
    return f"Kaart Band {card.label}"


def shows_title(card: Card) -> bool:
    return card.title.casefold() != card.label.casefold()  # "Vraag" under VRAAG says nothing


def _band_mm(styles: StyleSheet, card: Card, text: str, width: float) -> float:
    vertical, horizontal = BAND_PAD_PT  # border space, plus its 0.5 pt line
    inner = width - 2 * (horizontal + 0.5) * metrics.PT_TO_MM
    return paragraph_mm(text or "X", styles.look(band_style(card)), inner) \
        + (2 * vertical + 1) * metrics.PT_TO_MM


def front_mm(styles: StyleSheet, card: Card, width: float) -> float:
    """Height of the front: id, band, title and text."""
    used = paragraph_mm(card.id, styles.look("Kaart Id"), width) \
        + _band_mm(styles, card, card.band, width)
    if shows_title(card):
        used += paragraph_mm(card.title, styles.look("Kaart Titel"), width)
    body = styles.look("Kaart Tekst")
    paragraphs = text_paragraphs(card)
    for i, (label, text) in enumerate(paragraphs):
        bold_extra = metrics.text_width_mm(label, body.size, True) \
            - metrics.text_width_mm(label, body.size)  # the "Strong" label is a bit wider
        used += paragraph_mm(label + text, body, width - bold_extra, i == len(paragraphs) - 1)
    return used


def back_mm(styles: StyleSheet, card: Card, width: float) -> float:
    """Height of the back: colour bar (with the note), its large lines and the id."""
    big = styles.look("Kaart Achterkant")
    return _band_mm(styles, card, card.back_note, width) \
        + sum(paragraph_mm(line, big, width) for line in card.back_lines) \
        + paragraph_mm(card.id, styles.look("Kaart Id"), width, last=True)


def overflow_mm(styles: StyleSheet, card: Card, grid: Grid) -> tuple[float, float]:
    """How many mm (front, back) are too tall for a card of ``grid``; negative: it fits."""
    width, room = grid.width - 2 * PADDING_MM, grid.height - 2 * PADDING_MM - SAFETY_MM
    return front_mm(styles, card, width) - room, back_mm(styles, card, width) - room


def fit_problems(ctx, cards: list[Card], size: str) -> list[Diagnostic]:
    """A "kaart-te-vol" error for every card of ``ctx``'s kit whose front (or back, when the
    kit prints backs) does not fit a card of ``size``."""
    styles, grid = ctx.reference.styles, grid_for(size)
    problems, body = [], styles.look("Kaart Tekst")
    for card in cards:
        front, back = overflow_mm(styles, card, grid)
        back = back if ctx.back_mode != "geen" else 0
        if front <= 0 and back <= 0:
            continue
        side = 0 if front > 0 else 1
        bigger = [other for other, mm in CARD_SIZES_MM.items() if mm > CARD_SIZES_MM[size]
                  and overflow_mm(styles, card, grid_for(other))[side] <= 0]
        other = f", of kies in de kit 'kaartformaat: {bigger[-1]}'." if bigger else "."
        if front > 0:
            words = len(card.text.split())
            lines = sum(lines_of(label + text, body, grid.width - 2 * PADDING_MM)
                        for label, text in text_paragraphs(card))
            fewer = math.ceil(front / (line_pt(body) * metrics.PT_TO_MM)) * words / max(lines, 1)
            message, path = f"de tekst is {math.ceil(front):.0f} mm te lang", card.source_path
            fewer = min(words, math.ceil(fewer) + 1)
            hint = f"Kort de tekst in met ongeveer {fewer} woorden" + other
        else:
            message, path = f"de achterkant is {math.ceil(back):.0f} mm te lang", ("titel",)
            hint = "Kies een kortere titel voor de casus" + other
        of_werkvorm = card.source_path[:1] in (("vraagkaarten",), ("kaartsets",))
        where = " → ".join(f"nr. {p + 1}" if isinstance(p, int) else p for p in path)
        where += f" van werkvorm {card.casus_id}" if of_werkvorm else ""
        problems.append(error(
            "kaart-te-vol", f"kaart {card.id} ({card.label}) past niet: {message}",
            ctx.locate(card.casus_id, path), hint=hint,
            notes=(f"veld: {where}; kaartformaat {size} "
                   f"({grid.width:g} × {grid.height:g} mm)",)))
    return problems
