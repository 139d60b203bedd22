"""The discussion cards (``gesprekskaarten.docx``): cut sheets of cards, fronts and backs.

The grid is computed for A4 from the kit's card size (a6, a7, a8): both card orientations are
tried, the one with most cards per sheet wins, centred with minimal page margins. Each sheet
is one "Kaartraster" table with exact row heights, fixed columns and dashed cut lines; a back
sheet follows every front sheet, mirrored for the kit's duplex mode. Card text that would not
fit fails the build, measured with the card styles of the document itself (so a restyled
house style is respected) and Carlito glyph widths.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from docx.enum.text import WD_LINE_SPACING

from casuskit import metrics, ooxml, reference_doc
from casuskit.cardset import Card, cards_for
from casuskit.errors import BuildFailed, Diagnostic, error
from casuskit.ooxml import Border, fastdocx, tablexml
from casuskit.render import backshift
from casuskit.render.context import KitContext

FILE_NAME = "gesprekskaarten.docx"
CARD_SIZES_MM = {"a6": (105, 148), "a7": (74, 105), "a8": (52, 74)}  # short × long side
PADDING_MM = 5.0      # cell padding: printer edge clipping only touches the blank border
SAFETY_MM = 1.5       # height kept free, so what passes here also fits in Word / LibreOffice
WIDTH_SAFETY_MM = 0.5
SEPARATOR_TWIPS = 20  # the 1 pt paragraph Word needs after every table
RESERVE_TWIPS = SEPARATOR_TWIPS + 20  # and 1 pt to spare
SPARE_TWIPS = 14      # LibreOffice opens an empty page below about 10 twips to spare
CUT_LINE = Border("dashed", 4, "808080")
LINE_FACTOR = 1.22    # Calibri / Carlito single line height as a multiple of the font size
ROLE_LABELS = ("Je ziet", "Je weet", "Je mag delen", "Je mag niet delen",  # casus perspectives
               "Wat ik doe", "Ik signaleer", "Ik werk samen met", "Ik mag delen", "Ik mag niet delen")


@dataclass(frozen=True)
class Grid:
    """One A4 sheet: ``cols`` × ``rows`` cards of ``width`` × ``height`` mm."""

    width: float
    height: float
    cols: int
    rows: int

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    def margins_twips(self) -> tuple[int, int, int, int]:
        """(top, right, bottom, left): the grid centred on the paper, as far as the 1 pt
        closing paragraph under it allows, so that a back sheet flipped over either edge lands
        on its front (a 296 mm grid on A4: about 0.2 mm off centre)."""
        page_w, page_h = ooxml.A4_TWIPS
        free_w = page_w - self.cols * ooxml.mm_to_twips(self.width)
        free_h = page_h - self.rows * ooxml.mm_to_twips(self.height)
        top = min(free_h // 2, free_h - SEPARATOR_TWIPS - SPARE_TWIPS)
        return top, free_w - free_w // 2, max(0, free_h - top - RESERVE_TWIPS), free_w // 2

    def back_position(self, row: int, col: int, mode: str) -> tuple[int, int]:
        """Where the back of the card at (row, col) lies on the back sheet: sheets flipped
        over the long edge swap columns, over the short edge rows."""
        if mode == "duplex-korte-zijde":
            return self.rows - 1 - row, col
        return row, self.cols - 1 - col


def grid_for(size: str) -> Grid:
    """The A4 grid with most cards of ``size``; ties go to the least paper left over."""
    page_w, page_h = ooxml.A4_TWIPS
    short, long = CARD_SIZES_MM[size]
    options = []
    for width, height in ((short, long), (long, short)):
        w, h = ooxml.mm_to_twips(width), ooxml.mm_to_twips(height)
        cols, rows = page_w // w, (page_h - RESERVE_TWIPS) // h
        options.append((-cols * rows, page_w * page_h - cols * rows * w * h, width > height,
                        Grid(width, height, cols, rows)))
    return min(options, key=lambda option: option[:3])[3]


# -- measuring ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Look:
    """What a paragraph style does to the height of its text (sizes in points)."""

    size: float
    bold: bool
    caps: bool
    line: float
    before: float
    after: float
    indent_mm: float


def _inherited(style, get):
    while style is not None:
        if (value := get(style)) is not None:
            return value
        style = style.base_style
    return None


def look_of(doc, name: str) -> Look:
    """A paragraph style's resolved metrics; the reference's defaults where it is silent."""
    return fastdocx.style_memo(doc, ("card look", name), lambda: _look_of(doc, name))


def _look_of(doc, name: str) -> Look:
    style = doc.styles[name]
    size = _inherited(style, lambda s: s.font.size)
    size = size.pt if size is not None else reference_doc.BODY_PT
    line = size * LINE_FACTOR * 1.1  # the reference's document default line spacing
    spaced = _inherited(style, lambda s: s if s.paragraph_format.line_spacing is not None else None)
    if spaced is not None:
        fmt = spaced.paragraph_format
        if fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY:
            line = fmt.line_spacing.pt
        elif fmt.line_spacing_rule == WD_LINE_SPACING.AT_LEAST:
            line = max(size * LINE_FACTOR, fmt.line_spacing.pt)
        else:
            line = size * LINE_FACTOR * float(fmt.line_spacing)

    def pt(get, default=0.0):
        value = _inherited(style, lambda s: get(s.paragraph_format))
        return value.pt if value is not None else default

    return Look(size, bool(_inherited(style, lambda s: s.font.bold)),
                bool(_inherited(style, lambda s: s.font.all_caps)), line,
                pt(lambda f: f.space_before), pt(lambda f: f.space_after, 6.0),
                (pt(lambda f: f.left_indent) + pt(lambda f: f.right_indent)) * metrics.PT_TO_MM)


def lines_of(text: str, look: Look, width_mm: float) -> int:
    text = text.upper() if look.caps else text
    width = width_mm - look.indent_mm - WIDTH_SAFETY_MM
    return len(metrics.wrap(text, width, look.size, look.bold))


def paragraph_mm(text: str, look: Look, width_mm: float, last: bool = False) -> float:
    """Height of one paragraph; the space after the last one in a cell does not count."""
    points = look.before + lines_of(text, look, width_mm) * look.line + (0 if last else look.after)
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


def _band_mm(doc, card: Card, text: str, width: float) -> float:
    vertical, horizontal = reference_doc.BAND_PAD_PT  # border space, plus its 0.5 pt line
    inner = width - 2 * (horizontal + 0.5) * metrics.PT_TO_MM
    look = look_of(doc, band_style(card))
    return paragraph_mm(text or "X", look, inner) + (2 * vertical + 1) * metrics.PT_TO_MM


def front_mm(doc, card: Card, width: float) -> float:
    """Height of the front: id, band, title and text."""
    used = paragraph_mm(card.id, look_of(doc, "Kaart Id"), width) \
        + _band_mm(doc, card, card.label, width)
    if shows_title(card):
        used += paragraph_mm(card.title, look_of(doc, "Kaart Titel"), width)
    body = look_of(doc, "Kaart Tekst")
    paragraphs = text_paragraphs(card)
    for i, (label, text) in enumerate(paragraphs):
        bold_extra = metrics.text_width_mm(label, body.size, True) \
            - metrics.text_width_mm(label, body.size)  # the "Strong" label is a bit wider
        used += paragraph_mm(label + text, body, width - bold_extra, i == len(paragraphs) - 1)
    return used


def back_mm(doc, card: Card, width: float) -> float:
    """Height of the back: colour bar (with the note), category, casus title and id."""
    big = look_of(doc, "Kaart Achterkant")
    return _band_mm(doc, card, card.back_note, width) + paragraph_mm(card.label, big, width) \
        + paragraph_mm(card.casus_title, big, width) \
        + paragraph_mm(card.id, look_of(doc, "Kaart Id"), width, last=True)


def overflow_mm(doc, card: Card, grid: Grid) -> tuple[float, float]:
    """How many mm (front, back) are too tall for a card of ``grid``; negative: it fits."""
    width, room = grid.width - 2 * PADDING_MM, grid.height - 2 * PADDING_MM - SAFETY_MM
    return front_mm(doc, card, width) - room, back_mm(doc, card, width) - room


def fit_problems(ctx: KitContext, doc, cards: list[Card], grid: Grid, size: str) -> list[Diagnostic]:
    """A "kaart-te-vol" error for every card whose front (or back) does not fit."""
    problems, body = [], look_of(doc, "Kaart Tekst")
    for card in cards:
        front, back = overflow_mm(doc, card, grid)
        back = back if ctx.back_mode != "geen" else 0
        if front <= 0 and back <= 0:
            continue
        side = 0 if front > 0 else 1
        bigger = [other for other, mm in CARD_SIZES_MM.items() if mm > CARD_SIZES_MM[size]
                  and overflow_mm(doc, card, grid_for(other))[side] <= 0]
        other = f", of kies in de kit 'kaartformaat: {bigger[-1]}'." if bigger else "."
        if front > 0:
            words = len(card.text.split())
            lines = sum(lines_of(label + text, body, grid.width - 2 * PADDING_MM)
                        for label, text in text_paragraphs(card))
            fewer = math.ceil(front / (body.line * metrics.PT_TO_MM)) * words / max(lines, 1)
            message, path = f"de tekst is {math.ceil(front):.0f} mm te lang", card.source_path
            fewer = min(words, math.ceil(fewer) + 1)
            hint = f"Kort de tekst in met ongeveer {fewer} woorden" + other
        else:
            message, path = f"de achterkant is {math.ceil(back):.0f} mm te lang", ("titel",)
            hint = "Kies een kortere titel voor de casus" + other
        of_werkvorm = card.source_path[:1] == ("vraagkaarten",)
        where = " → ".join(f"nr. {p + 1}" if isinstance(p, int) else p for p in path)
        where += f" van werkvorm {card.casus_id}" if of_werkvorm else ""
        problems.append(error(
            "kaart-te-vol", f"kaart {card.id} ({card.label}) past niet: {message}",
            ctx.locate(card.casus_id, path), hint=hint,
            notes=(f"veld: {where}; kaartformaat {size} "
                   f"({grid.width:g} × {grid.height:g} mm)",)))
    return problems


# -- the document -------------------------------------------------------------------------

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
    doc = ctx.new_document(title, subject, header_footer=False)  # see _set_up_page
    grid = grid_for(size)
    problems = fit_problems(ctx, doc, [card for cards in sets for card in cards], grid, size)
    if problems:
        raise BuildFailed(problems)
    _set_up_page(doc, grid)
    for cards in sets:
        for start in range(0, len(cards), grid.per_sheet):
            sheet = cards[start:start + grid.per_sheet]
            front = {(i // grid.cols, i % grid.cols): card for i, card in enumerate(sheet)}
            _add_sheet(doc, grid, {at: _front(card) for at, card in front.items()}, "top")
            if ctx.back_mode != "geen":
                _add_sheet(doc, grid, {grid.back_position(*at, ctx.back_mode): _back(card)
                                       for at, card in front.items()}, "center",
                           backshift.shift_mm(ctx))
    if not sets:
        doc.add_paragraph("Deze kit heeft geen kaarten.", style="Normal")
    return ctx.to_bytes(doc)


def _set_up_page(doc, grid: Grid) -> None:
    """A4 with the grid centred and no header or footer at all (the sheets are cut)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = False
    for story in (section.header, section.footer, section.first_page_header,
                  section.first_page_footer, section.even_page_header, section.even_page_footer):
        story.is_linked_to_previous = True  # in the first section: no header / footer part
    margins = tuple(twips * 25.4 / 1440 for twips in grid.margins_twips())
    ooxml.set_page_a4(section, margins, header_mm=0, footer_mm=0)


def grid_table(grid: Grid, cells: dict, shift=(0.0, 0.0)) -> tablexml.Table:
    """The card grid: fixed widths, exact row heights that never split, centred, moved
    ``shift`` mm (right, down) for the printer's back offset (see backshift).

    ``cells`` maps (row, col) to a cell, which gets the padding that keeps its content in
    place (a cell spanning columns takes the right padding of its last one); the other
    positions stay empty.
    """
    moved = backshift.layout(grid, PADDING_MM, shift)
    rows = []
    for r in range(grid.rows):
        row, c = [], 0
        while c < grid.cols:
            cell = cells.get((r, c)) or tablexml.Cell()
            if (r, c) in cells and (r, c) in moved.padding:
                top, _, bottom, left = moved.padding[(r, c)]
                right = moved.padding[(r, c + cell.span - 1)][1]
                cell.margins = tablexml.sides(top=top, right=right, bottom=bottom, left=left)
            row.append(cell)
            c += cell.span
        rows.append(tablexml.Row(row, moved.heights[r], exact=True, cant_split=True))
    return tablexml.Table(moved.widths, rows, style="Kaartraster", align="center",
                          cell_margins=tablexml.sides(all=PADDING_MM))


def add_separator(doc) -> None:
    """Word needs a paragraph after a table. At 1 pt it fits under the grid, so it never opens
    an empty page, and the next sheet's first row no longer fits there: a new page."""
    spacer = tablexml.Paragraph("Normal", spacing=(0, 0, SEPARATOR_TWIPS / 20))
    fastdocx.add_described(doc, spacer)


def _add_sheet(doc, grid: Grid, contents: dict, align: str, shift=(0.0, 0.0)) -> None:
    """One sheet: a table of ``contents`` {(row, col): paragraphs}; empty cells stay blank,
    without cut lines (nothing to cut out). A back sheet is moved ``shift`` mm (right, down)
    for the printer (see backshift)."""
    cells = {at: tablexml.Cell(paragraphs, borders=tablexml.edges(CUT_LINE), valign=align)
             for at, paragraphs in contents.items()}
    tablexml.add_table(doc, grid_table(grid, cells, shift))
    add_separator(doc)


def _front(card: Card) -> list[tablexml.Paragraph]:
    """The front of ``card``: id, colour band, title (if it says more) and text."""
    P, Run = tablexml.Paragraph, tablexml.Run
    paragraphs = [P("Kaart Id", [Run(card.id)]), P(band_style(card), [Run(card.label)])]
    if shows_title(card):
        paragraphs.append(P("Kaart Titel", [Run(card.title)]))
    for label, text in text_paragraphs(card):
        paragraphs.append(P("Kaart Tekst", ([Run(label, "Strong")] if label else []) + [Run(text)]))
    return paragraphs


def _back(card: Card) -> list[tablexml.Paragraph]:
    """The back: a colour bar (holding the note, e.g. when to turn a fase card), the
    category, the casus and the id."""
    P, Run = tablexml.Paragraph, tablexml.Run
    note = [Run(card.back_note)] if card.back_note else []
    return [P(band_style(card), note), P("Kaart Achterkant", [Run(card.label)]),
            P("Kaart Achterkant", [Run(card.casus_title)]), P("Kaart Id", [Run(card.id)])]
