"""Worksheets (werkbladen): the werkvorm's own sheets, one document per sheet.

A gespreksleidraad for the resident at the table, a harvest sheet (oogstblad), a worksheet per
step of the straataanpak: all are data in the werkvorm (parts with questions and a number of
writing lines), rendered here in one generic layout.
"""

from __future__ import annotations

from casuskit import word
from casuskit.plan import KitContext
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.render.prose import one_line, paragraphs
from casuskit.dutch import joined


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files = []
    for sheet in ctx.werkvorm.worksheets:
        doc = ctx.new_document(sheet.title, f"Werkblad · {ctx.werkvorm.name}")
        doc.paragraph(sheet.title, "Title")
        doc.paragraph(joined(ctx.werkvorm.name, ctx.buurt.name, ctx.kit.round_label,
                             ctx.date_text), "Subtitle")
        for text in paragraphs(sheet.explanation or ""):
            doc.paragraph(text)
        for part in sheet.parts:
            add_part(doc, part)
        files.append((file_name(sheet), ctx.to_bytes(doc)))
    return files


def add_part(doc: word.Document, part) -> None:
    """A part of a sheet: its heading, explanation and questions stay on the page of its writing
    lines, which stay together (a part is never taller than half a page)."""
    doc.heading(part.title, 1)
    for text in paragraphs(part.explanation or ""):
        doc.paragraph(text, keep_with_next=bool(part.lines or part.questions))
    numbers = doc.new_list("List Number") if part.questions else None
    for question in part.questions:
        doc.add(word.Paragraph("List Number", [word.Run(one_line(question))], numbers,
                               keep_with_next=bool(part.lines)))
    doc.note_lines(part.lines, keep_first=part.lines - 1)


def file_name(sheet) -> str:
    return f"werkblad-{sheet.id}.docx"


COPIES = {"deelnemer": "één per deelnemer", "groep": "één per groep",
          "bijeenkomst": "één voor de bijeenkomst",
          "bewoner": "voor de bewoner aan tafel en de gespreksleider"}


def print_items(ctx: KitContext) -> list[PrintItem]:
    counts = {"deelnemer": ctx.kit.participants, "groep": ctx.kit.groups, "bijeenkomst": 1,
              "bewoner": 2}
    return [PrintItem(file_name(sheet), counts[sheet.per], DOUBLE, COPIES[sheet.per],
                      f"Werkblad ‘{sheet.title}’") for sheet in ctx.werkvorm.worksheets]


KIND = DocumentKind(
    "werkbladen", render, lambda ctx: [file_name(sheet) for sheet in ctx.werkvorm.worksheets],
    print_items, chosen=True, styles=("Title", "Subtitle", "Normal", "Heading 1", "List Number",
                                      "Notitieregel", "Header", "Footer"))
