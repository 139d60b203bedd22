"""The discussion cards: one card file per casus (``gesprekskaarten-<casus>.docx``), cut sheets
of cards, fronts and backs.

Each group gets exactly the cards of its own casus, so each casus has its own file, printed once
per group that discusses it; the werkvorm's own cards (its question cards and card sets) are
used at every table and go into each casus's file, after the casus's cards, sharing its sheets.
A werkvorm without casussen prints its own cards in ``gesprekskaarten.docx``, one set per group.
Cards come from :mod:`casuskit.cardset`, their grid from :mod:`casuskit.cardgrid`: each sheet
is one card-grid table (:mod:`casuskit.render.cardsheet`) with dashed cut lines; a back sheet
follows every front sheet, mirrored for the kit's duplex mode. Card text that would not fit fails
the build (:mod:`casuskit.cardfit`) before anything is laid out.
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit import word
from casuskit.cardfit import (Sizes, band_style, card_sizes, fit_problems, shows_title,
                              sizes_at, text_paragraphs)
from casuskit.cardgrid import grid_for, sheet_of
from casuskit.cardset import CATEGORY_LABELS, Card, cards_for, werkvorm_sets
from casuskit.errors import BuildFailed
from casuskit.plan import KitContext
from casuskit.render import backshift
from casuskit.render.cardsheet import CUT_LINE, add_sheet, grid_table, page
from casuskit.render.kinds import DUPLEX, DocumentKind, PrintItem
from casuskit.dutch import joined

SHARED_NAME = "gesprekskaarten.docx"


@dataclass(frozen=True)
class CardFile:
    """One card file: its cards, in print order, and the groups that each get one copy."""

    name: str
    title: str          # what the facilitator calls it: the casus title, or the werkvorm
    cards: list[Card]
    groups: list[int]


def file_name(casus) -> str:
    return f"gesprekskaarten-{casus.id}.docx"


def card_files(ctx: KitContext) -> list[CardFile]:
    """Per casus that a group discusses: its cards, then the werkvorm's own; without
    casussen: the werkvorm's own cards for every group. A casus no group discusses prints
    nothing (``check`` warns about it)."""
    werkvorm = ctx.werkvorm
    own = [card for found in werkvorm_sets(ctx.kit.id, werkvorm) for card in found.cards]
    if not ctx.casussen:
        groups = list(range(1, ctx.kit.groups + 1))
        return [CardFile(SHARED_NAME, werkvorm.name, own, groups)] if own else []
    files = []
    for casus in ctx.casussen:
        groups = ctx.groups_for(casus.id)
        cards = cards_for(ctx.kit.id, casus, werkvorm.card_categories, werkvorm.blind) + own
        if groups and cards:
            files.append(CardFile(file_name(casus), casus.title, cards, groups))
    return files


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files, problems = [], []
    for found in card_files(ctx):
        subject = joined("Gesprekskaarten", found.title, ctx.buurt.name, ctx.kit.round_label)
        try:
            files.append((found.name, render_sheets(ctx, "Gesprekskaarten", subject, [found.cards],
                                                    ctx.card_size)))
        except BuildFailed as exc:
            problems += exc.diagnostics
    if problems:
        raise BuildFailed(problems)
    return files


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
    paragraphs = [P("Kaart Id", [Run(card.id)]), P(band_style(card), [Run(card.band)])]
    if shows_title(card):
        paragraphs.append(P("Kaart Titel", [Run(card.title)],
                            size_pt=_own(sizes.title, plain.title)))
    for label, text in text_paragraphs(card):
        paragraphs.append(P("Kaart Tekst", ([Run(label, "Strong")] if label else []) + [Run(text)],
                            size_pt=_own(sizes.text, plain.text)))
    return paragraphs


def _back(card: Card, sizes: Sizes, plain: Sizes) -> list[word.Paragraph]:
    """The back: a colour bar (holding the note, e.g. when to turn a fase card), what the
    facilitator sorts and hands out by (kind, profession or phase, casus) and the id; its big
    words never larger than the front's text."""
    P, Run = word.Paragraph, word.Run
    note = [Run(card.back_note)] if card.back_note else []
    big = _own(sizes.back, plain.back)
    return [P(band_style(card), note),
            *[P("Kaart Achterkant", [Run(line)], size_pt=big) for line in card.back_lines],
            P("Kaart Id", [Run(card.id)])]


def printed(ctx: KitContext) -> list[tuple[list[Card], str]]:
    """Every card the kit prints, each once (the werkvorm's own cards are in every file)."""
    cards = {card.id: card for found in card_files(ctx) for card in found.cards}
    return [(list(cards.values()), ctx.card_size)] if cards else []


def print_items(ctx: KitContext) -> list[PrintItem]:
    items = []
    for found in card_files(ctx):
        whom = "groep" if len(found.groups) == 1 else "groepen"
        groups = ", ".join(str(g) for g in found.groups)
        items.append(PrintItem(found.name, len(found.groups), DUPLEX[ctx.back_mode],
                               f"één set per groep: {whom} {groups}; {len(found.cards)} kaarten; "
                               "knip langs de stippellijnen",
                               f"Gesprekskaarten ‘{found.title}’"))
    return items


STYLES = ("Kaart Id", "Kaart Titel", "Kaart Tekst", "Kaart Achterkant", "Normal",
            *(f"Kaart Band {label}" for label in CATEGORY_LABELS.values()))
KIND = DocumentKind("gesprekskaarten", render, lambda ctx: [f.name for f in card_files(ctx)],
                    print_items, STYLES, ("Strong",), ("Kaartraster",), printed, chosen=True)
