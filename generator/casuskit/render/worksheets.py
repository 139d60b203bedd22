"""Worksheets (werkbladen): the werkvorm's own sheets, one document per sheet.

A gespreksleidraad for the resident at the table, a harvest sheet (oogstblad), a worksheet per
step of the straataanpak: all are data in the werkvorm (parts with questions and a number of
writing lines), rendered here in one generic layout.
"""

from __future__ import annotations

from casuskit.plan import KitContext
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.render.prose import paragraphs
from casuskit.render.streetmap import add_street_map


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files = []
    for sheet in ctx.werkvorm.worksheets:
        doc = ctx.new_document(sheet.title, f"Werkblad · {ctx.werkvorm.name}")
        doc.paragraph(sheet.title, "Title")
        doc.paragraph(f"{ctx.werkvorm.name} · {ctx.buurt.name} · {ctx.kit.round_label} · "
                      f"{ctx.date_text}", "Subtitle")
        for text in paragraphs(sheet.explanation or ""):
            doc.paragraph(text)
        for part in sheet.parts:
            doc.heading(part.title, 1, new_page=part.street is not None)
            for text in paragraphs(part.explanation or ""):
                doc.paragraph(text, "Klein")
            doc.numbered(part.questions)
            if part.street is not None:
                add_street_map(doc, part.street)
            doc.note_lines(part.lines)
        files.append((file_name(sheet), ctx.to_bytes(doc)))
    return files


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
