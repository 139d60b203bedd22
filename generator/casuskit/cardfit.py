"""Does every card's text fit its card, and at which size? Measured before anything is laid out.

Card text that would not fit fails ``check`` and the build, rather than being clipped by Word:
each paragraph of a card is measured with the resolved look of its style in the project's
reference document (so a restyled house style is respected) and the font that style resolves
to (:mod:`casuskit.metrics`, :mod:`casuskit.fonts`). Card text then uses the card: each card
gets the largest text size between the project's minimum and maximum (:func:`text_range`, in
half points) at which its front and back still fit (:func:`card_sizes`); the title is never
smaller than the text and the back's words never larger. :func:`fit_problems` names every
card that does not fit even at the minimum, at the YAML value its text came from, with a hint
how much to cut or which larger card size would fit.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

from casuskit import metrics
from casuskit.cardgrid import CARD_SIZES_MM, Grid, excess_mm, grid_for, sheet_of, size_text
from casuskit.cardset import Card
from casuskit.errors import Diagnostic, error
from casuskit.word import Look, StyleSheet

SAFETY_MM = 1.5       # height kept free, so what passes here also fits in Word / LibreOffice
WIDTH_SAFETY_MM = 0.5
STEP_PT = 0.5         # Word sizes text in half points
BAND_PAD_PT = (2, 3)  # padding of a colour band around its word: (top/bottom, left/right)
ROLE_LABELS = ("Ik zie", "Ik weet", "Ik mag delen", "Ik mag niet delen",  # casus perspectives
               "Mijn werk", "Ik signaleer", "Ik werk samen met")  # and role cards


@dataclass(frozen=True)
class Sizes:
    """The font sizes (pt) of one card: its text, its title and the big words on its back."""

    text: float
    title: float
    back: float


def sizes_at(styles: StyleSheet, text_pt: float | None = None) -> Sizes:
    """The sizes that go with card text at ``text_pt`` (None: the house style's own size)."""
    text = styles.look("Kaart Tekst").size if text_pt is None else text_pt
    return Sizes(text, max(styles.look("Kaart Titel").size, text),
                 min(styles.look("Kaart Achterkant").size, text))


READABLE_PT = 9.0  # the smallest card text check offers: still readable at arm's length


def text_range(ctx) -> tuple[float, float]:
    """(smallest, largest) card text size of ``ctx``'s kit: the project's settings; the
    smallest defaults to the house style's Kaart Tekst, the largest is never below it."""
    defaults = ctx.project.defaults
    low = defaults.card_text_min or ctx.reference.styles.look("Kaart Tekst").size
    return low, max(low, defaults.card_text_max)


def sized(look: Look, size: float | None) -> Look:
    return look if size is None or size == look.size else dataclasses.replace(look, size=size)


def line_pt(look: Look) -> float:
    """The height of one line of ``look``'s text, in points."""
    return metrics.style_line_pt(look)


def lines_of(text: str, look: Look, width_mm: float) -> int:
    text = text.upper() if look.caps else text
    width = width_mm - look.indent_mm - WIDTH_SAFETY_MM
    return len(metrics.wrap(text, width, look.size, look.bold, look.font))


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


def front_mm(styles: StyleSheet, card: Card, width: float, text_pt: float | None = None) -> float:
    """Height of the front: id, band, title and text (at ``text_pt``; None: the style's size)."""
    size = sizes_at(styles, text_pt)
    used = paragraph_mm(card.id, styles.look("Kaart Id"), width) \
        + _band_mm(styles, card, card.band, width)
    if shows_title(card):
        used += paragraph_mm(card.title, sized(styles.look("Kaart Titel"), size.title), width)
    body = sized(styles.look("Kaart Tekst"), size.text)
    paragraphs = text_paragraphs(card)
    for i, (label, text) in enumerate(paragraphs):
        bold_extra = metrics.text_width_mm(label, body.size, True, body.font) \
            - metrics.text_width_mm(label, body.size, body.bold, body.font)  # the "Strong" label
        used += paragraph_mm(label + text, body, width - bold_extra, i == len(paragraphs) - 1)
    return used


def back_mm(styles: StyleSheet, card: Card, width: float, text_pt: float | None = None) -> float:
    """Height of the back: colour bar (with the note), its large lines and the id."""
    big = sized(styles.look("Kaart Achterkant"), sizes_at(styles, text_pt).back)
    return _band_mm(styles, card, card.back_note, width) \
        + sum(paragraph_mm(line, big, width) for line in card.back_lines) \
        + paragraph_mm(card.id, styles.look("Kaart Id"), width, last=True)


def overflow_mm(styles: StyleSheet, card: Card, grid: Grid, text_pt: float | None = None,
                back_excess: tuple[float, float] = (0.0, 0.0)) -> tuple[float, float]:
    """How many mm (front, back) are too tall for a card of ``grid``; negative: it fits. A
    back may have ``back_excess`` mm less width and height (a large printer offset)."""
    width, room = grid.content_mm
    room -= SAFETY_MM
    narrower, lower = back_excess
    return (front_mm(styles, card, width, text_pt) - room,
            back_mm(styles, card, width - narrower, text_pt) - room + lower)


def largest_fit(styles: StyleSheet, card: Card, grid: Grid, low: float, high: float,
                backs: bool = True, back_excess: tuple[float, float] = (0.0, 0.0)) -> float | None:
    """The largest text size from ``high`` down to ``low`` (in half points) at which the front
    (and, with ``backs``, the back) of ``card`` fits; None if not even ``low`` does. Most cards
    fit at ``high``; the others are found by halving (a larger size never takes less room)."""
    def fits(step: int) -> bool:
        front, back = overflow_mm(styles, card, grid, low + step * STEP_PT, back_excess)
        return front <= 0 and (back <= 0 or not backs)

    top = int(round((high - low) / STEP_PT))
    if fits(top):
        return high
    if not fits(0):
        return None
    fitting, too_big = 0, top
    while too_big - fitting > 1:
        middle = (fitting + too_big) // 2
        fitting, too_big = (middle, too_big) if fits(middle) else (fitting, middle)
    return low + fitting * STEP_PT


def card_sizes(ctx, cards: list[Card], size: str) -> dict[str, Sizes]:
    """Card id → the sizes its text is printed at, for every card of ``cards`` that fits a
    card of ``size`` in ``ctx``'s kit (those that do not are :func:`fit_problems`)."""
    styles, fitted = ctx.reference.styles, fitter(ctx, size)
    found = {}
    for card in cards:
        text_pt = fitted(card)
        if text_pt is not None:
            found[card.id] = sizes_at(styles, text_pt)
    return found


def fitter(ctx, size: str):
    """A function giving :func:`largest_fit` of a card of ``size`` in ``ctx``'s kit, worked
    out once per process for the cards several kits print (a casus's cards differ between
    kits only in their id)."""
    styles, grid = ctx.reference.styles, grid_for(size, sheet_of(ctx))
    low, high = text_range(ctx)
    excess = excess_mm(ctx, grid.padding)
    backs = ctx.back_mode != "geen"
    id_look, width = styles.look("Kaart Id"), grid.content_mm[0]
    common = (ctx.reference.digest, grid, low, high, backs, excess)

    id_width = width - id_look.indent_mm - WIDTH_SAFETY_MM
    id_face = metrics.face(id_look.font, id_look.bold)

    def fitted(card: Card) -> float | None:
        one_line = id_face.width_em(card.id) * id_look.size * metrics.PT_TO_MM <= id_width
        key = (card.category, card.title, card.text, card.casus_title, card.back_note,
               card.back_title, 1 if one_line else lines_of(card.id, id_look, width), common)
        if key not in _FITTED:
            if len(_FITTED) > 20000:  # a long `watch`: start afresh rather than grow
                _FITTED.clear()
            _FITTED[key] = largest_fit(styles, card, grid, low, high, backs, excess)
        return _FITTED[key]
    return fitted


_FITTED: dict[tuple, float | None] = {}  # per process: a card's size, without its id


def fit_problems(ctx, cards: list[Card], size: str) -> list[Diagnostic]:
    """A "kaart-te-vol" error for every card of ``ctx``'s kit whose front (or back, when the
    kit prints backs) does not fit a card of ``size``, even at the smallest text size."""
    sheet = sheet_of(ctx)
    styles, grid = ctx.reference.styles, grid_for(size, sheet)
    low, _ = text_range(ctx)
    problems, body = [], sized(styles.look("Kaart Tekst"), low)
    excess, fitted = excess_mm(ctx, grid.padding), fitter(ctx, size)
    for card in cards:
        if fitted(card) is not None:
            continue
        front, back = overflow_mm(styles, card, grid, low, excess)
        back = back if ctx.back_mode != "geen" else 0
        if front <= 0 and back <= 0:
            continue
        side = 0 if front > 0 else 1
        bigger = [other for other, mm in CARD_SIZES_MM.items() if mm > CARD_SIZES_MM[size]
                  and overflow_mm(styles, card, grid_for(other, sheet), low, excess)[side] <= 0]
        choices = [f"kies in de kit 'kaartformaat: {bigger[-1]}'"] if bigger else []
        if front > 0 and low > READABLE_PT and body.font != _shipped_font() \
                and overflow_mm(styles, card, grid, READABLE_PT, excess)[0] <= 0:
            # the house style's font, not only the text: the project can allow smaller text
            choices.append("laat de kaarttekst kleiner worden: zet onder standaard in het project "
                           f"'kaarttekst_min_pt: {_pt(READABLE_PT)}' (nu {_pt(low)} pt)")
        other = "".join(f", {c}" for c in choices[:-1]) + (f", of {choices[-1]}." if choices else ".")
        if front > 0:
            words = len(card.text.split())
            lines = sum(lines_of(label + text, body, grid.content_mm[0])
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
        measured = metrics.face(body.font, body.bold).described()
        problems.append(error(
            "kaart-te-vol", f"kaart {card.id} ({card.label}) past niet: {message}",
            ctx.locate(card.casus_id, path), hint=hint,
            notes=(f"veld: {where}; kaartformaat {size} ({size_text(grid)})",
                   f"gemeten met lettertype {measured}, {_pt(low)} pt")))
    return problems


def _shipped_font() -> str | None:
    """The card text font of casuskit's own house style."""
    from casuskit.word import open_reference
    return open_reference().styles.look("Kaart Tekst").font


def _pt(points: float) -> str:
    return f"{points:g}".replace(".", ",")
