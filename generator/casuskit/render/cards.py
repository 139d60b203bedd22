"""The discussion cards (``gesprekskaarten.docx``): cut sheets of cards, fronts and backs.

Cards come from :mod:`casuskit.cardset`, their grid from :mod:`casuskit.cardgrid`: each
sheet is one card-grid table (:mod:`casuskit.render.cardsheet`) with dashed cut lines; a back
sheet follows every front sheet, mirrored for the kit's duplex mode. Card text that would not
fit fails the build (:mod:`casuskit.cardfit`) before anything is laid out.
"""

from __future__ import annotations

from casuskit import word
from casuskit.cardfit import (Sizes, band_style, card_sizes, fit_problems, shows_title,
                              sizes_at, text_paragraphs)
from casuskit.cardgrid import grid_for, sheet_of
from casuskit.cardset import CATEGORY_LABELS, Card, cards_for
from casuskit.errors import BuildFailed
from casuskit.plan import KitContext
from casuskit.render import backshift
from casuskit.render.cardsheet import CUT_LINE, add_sheet, grid_table, page
from casuskit.render.kinds import DUPLEX, DocumentKind, PrintItem

FILE_NAME = "gesprekskaarten.docx"


def card_sets(ctx: KitContext) -> list[list[Card]]:
    """The cards per casus (each set starts on a new sheet), then the werkvorm's own question
    cards."""
    werkvorm = ctx.werkvorm
    sets = [cards_for(ctx.kit.id, casus, werkvorm.card_categories) for casus in ctx.casussen]
    sets.append([Card(f"{ctx.kit.id} · {werkvorm.id} · {n:02d}", "vraag", "Vraag", text,
                      werkvorm.id, werkvorm.name, ("vraagkaarten", n - 1))
                 for n, text in enumerate(werkvorm.question_cards, start=1)])
    return [cards for cards in sets if cards]


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    subject = f"Gesprekskaarten · {ctx.buurt.name} · {ctx.kit.round_label}"
    return [(FILE_NAME, render_sheets(ctx, "Gesprekskaarten", subject, card_sets(ctx), ctx.card_size))]


def render_sheets(ctx: KitContext, title: str, subject: str, sets: list[list[Card]], size: str) -> bytes:
    """Card sheets for ``sets`` (each set starts on a new sheet), backs as the kit asks.

    Raises BuildFailed naming every card whose text does not fit, before anything is laid out.
    """
    grid = grid_for(size, sheet_of(ctx))
    every = [card for cards in sets for card in cards]
    problems = fit_problems(ctx, every, size)
    if problems:
        raise BuildFailed(problems)
    sizes = card_sizes(ctx, every, size)
    plain = sizes_at(ctx.reference.styles)  # what the styles say: no size of its own needed
    doc = ctx.new_document(title, subject, page(grid), header="none")
    for cards in sets:
        for start in range(0, len(cards), grid.per_sheet):
            sheet = cards[start:start + grid.per_sheet]
            front = {(i // grid.cols, i % grid.cols): card for i, card in enumerate(sheet)}
            _add_sheet(doc, grid, {at: _front(card, sizes[card.id], plain)
                                   for at, card in front.items()}, "top")
            if ctx.back_mode != "geen":
                _add_sheet(doc, grid, {grid.back_position(*at, ctx.back_mode):
                                       _back(card, sizes[card.id], plain)
                                       for at, card in front.items()}, "center",
                           backshift.shift_mm(ctx))
    if not sets:
        doc.paragraph("Deze kit heeft geen kaarten.")
    return ctx.to_bytes(doc)


def _add_sheet(doc, grid, contents: dict, align: str, shift=(0.0, 0.0)) -> None:
    """One sheet: a table of ``contents`` {(row, col): paragraphs}; empty cells stay blank,
    without cut lines (nothing to cut out). A back sheet is moved ``shift`` mm (right, down)
    for the printer (see backshift)."""
    cells = {at: word.Cell(paragraphs, borders=word.edges(CUT_LINE), valign=align)
             for at, paragraphs in contents.items()}
    add_sheet(doc, grid_table(grid, cells, shift))


def _own(size: float, style_size: float) -> float | None:
    """A paragraph's own font size: only where it differs from its style's."""
    return None if size == style_size else size


def _front(card: Card, sizes: Sizes, plain: Sizes) -> list[word.Paragraph]:
    """The front of ``card``: id, colour band, title (if it says more) and text."""
    P, Run = word.Paragraph, word.Run
    paragraphs = [P("Kaart Id", [Run(card.id)]), P(band_style(card), [Run(card.label)])]
    if shows_title(card):
        paragraphs.append(P("Kaart Titel", [Run(card.title)],
                            size_pt=_own(sizes.title, plain.title)))
    for label, text in text_paragraphs(card):
        paragraphs.append(P("Kaart Tekst", ([Run(label, "Strong")] if label else []) + [Run(text)],
                            size_pt=_own(sizes.text, plain.text)))
    return paragraphs


def _back(card: Card, sizes: Sizes, plain: Sizes) -> list[word.Paragraph]:
    """The back: a colour bar (holding the note, e.g. when to turn a fase card), the
    category, the casus and the id; its big words never larger than the front's text."""
    P, Run = word.Paragraph, word.Run
    note = [Run(card.back_note)] if card.back_note else []
    big = _own(sizes.back, plain.back)
    return [P(band_style(card), note), P("Kaart Achterkant", [Run(card.label)], size_pt=big),
            P("Kaart Achterkant", [Run(card.casus_title)], size_pt=big),
            P("Kaart Id", [Run(card.id)])]


def printed(ctx: KitContext) -> list[tuple[list[Card], str]]:
    cards = [card for group in card_sets(ctx) for card in group]
    return [(cards, ctx.card_size)] if cards else []


def print_items(ctx: KitContext) -> list[PrintItem]:
    if not (ctx.casussen or ctx.werkvorm.question_cards):
        return []
    return [PrintItem(FILE_NAME, ctx.kit.groups, DUPLEX[ctx.back_mode],
                      "één set per groep; knip langs de stippellijnen", "Gesprekskaarten")]


STYLES = ("Kaart Id", "Kaart Titel", "Kaart Tekst", "Kaart Achterkant", "Normal",
            *(f"Kaart Band {label}" for label in CATEGORY_LABELS.values()))
KIND = DocumentKind("gesprekskaarten", render, lambda ctx: [FILE_NAME], print_items, STYLES,
                    ("Strong",), ("Kaartraster",), printed, chosen=True)
