"""The calibration page (``kalibratie.docx``): is the printer at 100 % and do backs fall
behind their fronts?

One sheet per card size the kit prints, laid out on exactly the grid of its card sheets: thin
solid lines where the cut lines are, so every inner crossing is a crosshair at a card corner.
The front has a 10 cm ruler (to catch "fit to page" scaling) and the steps; the back has the
same lines, moved for the printer like the card backs. Held to the light, front facing you,
the back's crosses should lie on the front's; if not, the facilitator measures the distance
and writes it in the project (``standaard → printer``).
"""

from __future__ import annotations

from casuskit import word
from casuskit.cardgrid import Grid, grid_for, sheet_of, size_text
from casuskit.plan import KitContext
from casuskit.render import backshift
from casuskit.render.cardsheet import add_sheet, grid_table, page
from casuskit.render.kinds import DocumentKind

FILE_NAME = "kalibratie.docx"
LINE = word.Border("single", 4, "000000")   # 0.5 pt: thin, so a 1 mm offset is easy to see
TICK = word.Border("single", 4, "000000")
CM_TICK = word.Border("single", 12, "000000")
RULER_CELL_MM = 5.0
RULER_HEIGHT_MM = 7.0


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    sizes = ctx.card_sizes
    if not sizes:
        return []
    doc = ctx.new_document("Kalibratie", f"Kalibratie kaarten · {ctx.buurt.name} · "
                           f"{ctx.kit.round_label}", page(grid_for(sizes[0], sheet_of(ctx))),  # every grid
                           header="none")  # fills A4 the same way, centred, as the card sheets
    x, y = ctx.project.defaults.printer.back_x, ctx.project.defaults.printer.back_y
    setting = f"Nu ingesteld: x\u00a0=\u00a0{_mm(x)}\u00a0mm, y\u00a0=\u00a0{_mm(y)}\u00a0mm."
    for size in sizes:
        grid = grid_for(size, sheet_of(ctx))
        _sheet(doc, grid, 0, _front_cells(ctx, size, grid, setting), (0.0, 0.0), "top")
        if ctx.back_mode != "geen":
            header_row = grid.back_position(0, 0, ctx.back_mode)[0]
            _sheet(doc, grid, header_row, _back_cells(grid, header_row, setting),
                   backshift.shift_mm(ctx), "center")
    return [(FILE_NAME, ctx.to_bytes(doc))]


def _mm(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _steps(ctx: KitContext, setting: str) -> list[list[tuple[str, str]]]:
    sides = {"duplex-korte-zijde": "dubbelzijdig, omslaan over de korte zijde",
             "geen": "enkelzijdig"}.get(ctx.back_mode, "dubbelzijdig, omslaan over de lange zijde")
    steps = [
        [("Kaart Titel", "1 · Meet de liniaal"),
         ("Kaart Tekst", "Is hij precies 10 cm? Dan print de printer op werkelijke grootte. "
                         "Anders: kies in het printvenster 100 % en zet 'passend maken' uit.")],
        [("Kaart Titel", "2 · Tegen het licht"),
         ("Kaart Tekst", "Bekijk deze kant van het vel tegen het licht: de lijnen van de "
                         "achterkant schijnen door het papier heen.")],
        [("Kaart Titel", "3 · Vallen de kruisen samen?"),
         ("Kaart Tekst", "Op elk kruispunt hoort het kruis van de achterkant precies op dat "
                         "van de voorkant. Klopt dat, dan is de printer goed ingesteld.")],
        [("Kaart Titel", "4 · Meet het verschil"),
         ("Kaart Tekst", "Zo niet: meet in mm hoever de lijn van de achterkant ernaast valt. "
                         "Naar rechts en naar onder is positief, naar links en naar boven "
                         "negatief.")],
        [("Kaart Titel", "5 · Zet het in het project"),
         ("Kaart Tekst", f"In projecten/{ctx.project.id}.yaml, zoals het voorbeeld bovenaan "
                         "deze pagina (2 mm naar rechts, 1,5 mm naar boven).")],
        [("Kaart Titel", "6 · Controleer"),
         ("Kaart Tekst", "Bouw opnieuw en print deze pagina nog een keer. " + setting)],
    ]
    if ctx.back_mode == "geen":  # no backs: only the ruler matters
        steps = [steps[0]]
    steps[0].insert(1, ("Kaart Tekst", f"Print deze pagina zoals de kaarten: A4, {sides}, "
                                       "op 100 % (werkelijke grootte)."))
    return steps


def _front_cells(ctx: KitContext, size: str, grid: Grid, setting: str) -> dict:
    """(row, col) → paragraphs; row 0 is one merged cell with the title and the ruler."""
    title = [("Kaart Titel", f"Kalibratie · kaarten {size.upper()} ({size_text(grid)})"),
             ("Kaart Tekst", "De lijnen liggen precies waar de kaarten gesneden worden; elk "
                             "kruispunt is een hoek van een kaart. Liniaal van 10 cm:"),
             ("ruler", "")]
    if ctx.back_mode != "geen":
        title += [("Kaart Tekst", f"Voorbeeld voor stap 5, in projecten/{ctx.project.id}.yaml:"),
                  ("Kaart Tekst", "standaard:"), ("Kaart Tekst", "  printer:"),
                  ("Kaart Tekst", "    achterkant_verschuiving_x_mm: 2"),
                  ("Kaart Tekst", "    achterkant_verschuiving_y_mm: -1,5")]
    free = [(r, c) for r in range(1, grid.rows) for c in range(grid.cols)]
    steps = _steps(ctx, setting)
    per_cell = -(-len(steps) // max(len(free), 1))  # fewer cells (A6): several steps a cell
    cells = {(0, 0): title}
    for i, at in enumerate(free):
        chunk = [p for step in steps[i * per_cell:(i + 1) * per_cell] for p in step]
        cells[at] = chunk
    return cells


def _back_cells(grid: Grid, header_row: int, setting: str) -> dict:
    cells = {(header_row, 0): [("Kaart Achterkant", "Achterkant"),
                               ("Kaart Tekst", "Kijk vanaf de voorkant, tegen het licht. "
                                               + setting)]}
    for r in range(grid.rows):
        for c in range(grid.cols):
            if r != header_row:
                cells[(r, c)] = [("Kaart Achterkant", "Achterkant")]
    return cells


def _sheet(doc, grid: Grid, merged_row: int, cells: dict, shift, align: str) -> None:
    """One sheet: the card grid with solid lines, ``merged_row`` as one wide cell."""
    lined = {}
    for (r, c), paragraphs in cells.items():
        content = [_ruler() if style == "ruler" else word.Paragraph(style, [word.Run(text)])
                   for style, text in paragraphs]
        lined[(r, c)] = word.Cell(content, grid.cols if r == merged_row else 1,
                                  borders=word.edges(LINE), valign=align)
    add_sheet(doc, grid_table(grid, lined, shift))  # as on the card sheets


def _ruler() -> word.Table:
    """A 10 cm ruler: long numbered ticks every cm above short ones every 5 mm."""
    count = round(100 / RULER_CELL_MM)
    # whole twips per cell would add up to 99.84 mm: round the tick positions, not the cells
    ticks_twips = [word.mm_to_twips(i * RULER_CELL_MM) for i in range(count + 1)]
    widths = [(b - a) * 25.4 / 1440 for a, b in zip(ticks_twips, ticks_twips[1:])]
    numbers = [word.Cell([word.Paragraph("Kaart Id", [word.Run(str(number))])], 2,
                         borders=word.edges(left=CM_TICK, right=CM_TICK), valign="top")
               for number in range(1, count // 2 + 1)]
    ticks = [word.Cell(borders=word.edges(left=CM_TICK if i % 2 == 0 else TICK,
                                          right=TICK if i % 2 == 0 else CM_TICK,
                                          bottom=CM_TICK))
             for i in range(count)]
    return word.Table(widths, [word.Row(numbers, RULER_HEIGHT_MM * 0.6),
                               word.Row(ticks, RULER_HEIGHT_MM * 0.4)],
                      style="Kaartraster", align="left",
                      cell_margins=word.sides(top=0, bottom=0, left=0, right=1.0))


KIND = DocumentKind("kalibratie", render, lambda ctx: [FILE_NAME] if ctx.card_sizes else [],
                    styles=("Kaart Titel", "Kaart Tekst", "Kaart Achterkant", "Kaart Id", "Normal"),
                    table_styles=("Kaartraster",))
