"""Worksheets (werkbladen): the werkvorm's own sheets, one document per sheet.

A gespreksleidraad for the resident at the table, a harvest sheet (oogstblad), a worksheet per
step of the straataanpak: all are data in the werkvorm (parts with questions and a number of
writing lines), rendered here in one generic layout.
"""

from __future__ import annotations

from casuskit import cardfit, word
from casuskit.plan import KitContext
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.render.prose import one_line, paragraphs
from casuskit.render.streetmap import add_street_map
from casuskit.dutch import joined

BODY_HEIGHT_MM = 257.0  # A4 minus the reference document's 20 mm margins
SAFETY_MM = 12.0        # measured text runs a little short of what LibreOffice sets
HEADING_RULE_MM = 1.5   # the line under a Heading 1


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files = []
    for sheet in ctx.werkvorm.worksheets:
        doc = ctx.new_document(sheet.title, f"Werkblad · {ctx.werkvorm.name}")
        subtitle = joined(ctx.werkvorm.name, ctx.buurt.name, ctx.kit.round_label, ctx.date_text)
        doc.paragraph(sheet.title, "Title")
        doc.paragraph(subtitle, "Subtitle")
        for text in paragraphs(sheet.explanation or ""):
            doc.paragraph(text)
        starts = new_pages(ctx.reference.styles, doc.text_width_mm, sheet, subtitle)
        for number, part in enumerate(sheet.parts):
            add_part(doc, part, new_page=number in starts)
        files.append((file_name(sheet), ctx.to_bytes(doc)))
    return files


def new_pages(styles, width: float, sheet, subtitle: str) -> set[int]:
    """The parts that must start a new page to stay whole, by measuring the sheet in the house
    style. Word keeps a part together by itself (keep with next), but LibreOffice, which makes
    the PDFs, lets a long chain go after its heading; a page break before it holds in both."""
    def height(text: str, style: str) -> float:
        return cardfit.paragraph_mm(text or "X", styles.look(style), width)

    used = height(sheet.title, "Title") + height(subtitle, "Subtitle") + sum(
        height(text, "Normal") for text in paragraphs(sheet.explanation or ""))
    starts = set()
    for number, part in enumerate(sheet.parts):
        if part.street is not None:  # a street map takes a page of its own
            starts.add(number)
            used = BODY_HEIGHT_MM
            continue
        tall = height(part.title, "Heading 1") + HEADING_RULE_MM \
            + sum(height(text, "Normal") for text in paragraphs(part.explanation or "")) \
            + sum(height(question, "List Number") for question in part.questions) \
            + part.lines * height("", "Notitieregel")
        if used and used + tall > BODY_HEIGHT_MM - SAFETY_MM:
            starts.add(number)
            used = 0.0
        used += tall
    return starts


def add_part(doc: word.Document, part, new_page: bool = False) -> None:
    """A part of a sheet: its heading, explanation and questions stay on the page of its writing
    lines (or its street map), which stay together (a part is never taller than half a page)."""
    follows = bool(part.lines or part.street is not None)
    doc.heading(part.title, 1, new_page)
    for text in paragraphs(part.explanation or ""):
        doc.paragraph(text, keep_with_next=follows or bool(part.questions))
    numbers = doc.new_list("List Number") if part.questions else None
    for question in part.questions:
        doc.add(word.Paragraph("List Number", [word.Run(one_line(question))], numbers,
                               keep_with_next=follows))
    if part.street is not None:
        add_street_map(doc, part.street)
    doc.note_lines(part.lines, keep_first=part.lines - 1)


def file_name(sheet) -> str:
    return f"werkblad-{sheet.id}.docx"


COPIES = {"deelnemer": "één per deelnemer", "groep": "één per groep",
          "bijeenkomst": "één voor de bijeenkomst",
          "bewoner": "voor de bewoner aan tafel en de gespreksleider"}


def print_items(ctx: KitContext) -> list[PrintItem]:
    counts = {"deelnemer": ctx.headcount, "groep": ctx.kit.groups, "bijeenkomst": 1,
              "bewoner": 2}
    spare = {"deelnemer": ctx.reserve}  # only what each person gets needs spares for walk-ins
    return [PrintItem(file_name(sheet), counts[sheet.per] + spare.get(sheet.per, 0), DOUBLE,
                      COPIES[sheet.per], f"Werkblad ‘{sheet.title}’", spare.get(sheet.per, 0))
            for sheet in ctx.werkvorm.worksheets]


KIND = DocumentKind(
    "werkbladen", render, lambda ctx: [file_name(sheet) for sheet in ctx.werkvorm.worksheets],
    print_items, chosen=True, styles=("Title", "Subtitle", "Normal", "Heading 1", "Klein",
                                      "List Number", "Notitieregel", "Tabelkop", "Header", "Footer"),
    table_styles=("Kaartraster",))
