"""The print list (``printlijst.txt``): which file to print how many times, how, and on how
much paper.

The numbers are the kit's print items (each document kind declares its own, see
:mod:`casuskit.render.kinds`); the same items feed the build summary, the draaiboek's materials
checklist and the print pack. The list is made from the kit's :class:`~casuskit.printing.KitPrint`
alone (:func:`text`), so the print step can write it again with the pages counted in the PDFs.
"""

from __future__ import annotations

from casuskit import metrics
from casuskit.cardgrid import PRINT_SHOP, grid_for, sheet_of, size_text
from casuskit.dutch import joined
from casuskit.plan import KitContext
from casuskit.printing import SIMPLEX, KitPrint
from casuskit.render import calibration
from casuskit.render.headcount import headcount_line
from casuskit.render.kinds import DocumentKind

FILE_NAME = "printlijst.txt"
PACK_NAME = "printpakket.pdf"
PACK_SETTINGS = ("A4, dubbelzijdig, omslaan over de lange zijde, afdrukken op 100 % "
                 "(werkelijke grootte); zet 'passend maken' uit")
PAGES = "pagina's"
FONT_STYLES = ("Normal", "Title", "Heading 1", "Kaart Tekst", "Tabeltekst", "Naambordje Naam")


def kit_print(ctx: KitContext) -> KitPrint:
    """What the print step and the print list need of the kit (after it rendered)."""
    kit = ctx.kit
    documents = [item.file for item in ctx.print_items]
    documents += [calibration.FILE_NAME] if ctx.card_sizes else []
    heading = [f"Printlijst · {ctx.project.name}",
               joined(ctx.buurt.name, kit.round_label, ctx.werkvorm.name),
               f"{ctx.date_text}, {kit.start:%H:%M} · {kit.location}",
               headcount_line(ctx)]
    pages = {name: ctx.pages[name] for name in documents if name in ctx.pages}
    return KitPrint(kit.id, ctx.folder, joined(ctx.buurt.name, kit.round_label), ctx.date_text,
                    ctx.werkvorm.name, ctx.project.organisation, list(ctx.print_items),
                    documents, heading, bool(ctx.card_sizes),
                    bool(ctx.card_sizes) and ctx.back_mode != "geen",
                    card_notes(ctx) + [fonts_note(ctx)], pages)


def card_notes(ctx: KitContext) -> list[str]:
    """What size the kit's cards are cut, and for which printer."""
    notes = []
    for size in ctx.card_sizes:
        grid = grid_for(size, sheet_of(ctx))
        if sheet_of(ctx) == PRINT_SHOP:
            notes.append(f"Kaarten {size.upper()}: precies {size_text(grid)}, tot de rand van het "
                         "vel (kaartvel: drukkerij); een kantoorprinter bedrukt de buitenste 4 à 5 mm "
                         "niet, laat ze dus drukken en snijden.")
        else:
            notes.append(f"Kaarten {size.upper()}: {size_text(grid)}, binnen de rand die een "
                         "kantoorprinter niet bedrukt (precies " + size.upper() + " tot de rand: "
                         "zet `kaartvel: drukkerij` in de kit of het project).")
    return notes


def fonts_note(ctx: KitContext) -> str:
    """Which fonts the text was measured with (a twin is named with the font it stands for)."""
    styles = ctx.reference.styles
    faces = dict.fromkeys(metrics.face(styles.look(name).font).described()
                          for name in FONT_STYLES if styles.has(name))
    return "Tekst gemeten met het lettertype " + " en ".join(faces) + "." if len(faces) == 1 \
        else "Tekst gemeten met de lettertypen " + ", ".join(faces) + "."


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    return [(FILE_NAME, text(kit_print(ctx)).encode("utf-8"))]


def text(kit: KitPrint) -> str:
    """The print list of ``kit``."""
    items = kit.items
    width = max(len(item.file) for item in items) if items else 10
    count = max([6] + [len(item.counted) for item in items])
    lines = [*kit.heading, "",
             "Alles op A4, afdrukken op 100 % (werkelijke grootte); zet 'passend maken' uit.", "",
             f"{'bestand'.ljust(width)}  {'aantal':>{count}}  printen"]
    for item in items:
        lines.append(f"{item.file.ljust(width)}  {item.counted:>{count}}  {item.sides}"
                     + (f" ({item.note})" if item.note else ""))
    total = sum(item.copies for item in items)
    spare = sum(item.spare for item in items)
    lines += ["", f"Totaal {total} exemplaren"
              + (f", waarvan {spare} reserve (het getal na de +) voor wie onverwacht aanschuift."
                 if spare else ".")
              + (" Controleer na het printen of de "
                 "kaartachterkanten achter de voorkanten vallen." if kit.backs else "")]
    if kit.cards:
        lines.append("Nieuwe printer? Print eerst kalibratie.docx (1 ×, zoals de kaarten) en volg "
                     "de stappen op de pagina.")
    lines += paper(kit, width)
    lines += ["", *kit.notes] if kit.notes else []
    if kit.pdf_note:
        lines += ["", kit.pdf_note]
    lines += ["", f"Printpakket: met `casuskit build --pdf` staat alles hierboven ook in {PACK_NAME}, "
                  "in deze volgorde en aantallen.", f"Print dat in één keer: {PACK_SETTINGS}.",
              "Lege pagina's daarin zijn bedoeld: zo begint elk exemplaar op een nieuw vel."]
    return "\n".join(lines) + "\n"


def paper(kit: KitPrint, width: int) -> list[str]:
    """Pages per copy and sheets of A4 for all copies, per document and in total."""
    total = kit.total_sheets()
    if total is None or not kit.items:
        return []
    how = "geteld in de PDF's" if kit.counted else \
        "geschat; `casuskit build --pdf` telt ze precies in de PDF's"
    lines = ["", f"Papier ({how}):",
             f"{'bestand'.ljust(width)}  {PAGES:>9}  {'vellen A4':>9}"]
    for item in kit.items:
        per_copy = kit.pages[item.file]
        sides = "enkelzijdig" if item.sides == SIMPLEX else "dubbelzijdig"
        lines.append(f"{item.file.ljust(width)}  {per_copy:>9}  {kit.sheets(item):>9}  "
                     f"({item.copies} × {pages_text(per_copy)}, {sides})")
    lines.append(f"Totaal {total} vellen A4 voor {pages_text(kit.total_pages())}.")
    return lines


def pages_text(count: int) -> str:
    return f"{count} pagina" if count == 1 else f"{count} {PAGES}"


KIND = DocumentKind("printlijst", render, lambda ctx: [FILE_NAME])
