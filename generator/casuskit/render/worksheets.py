"""Worksheets (werkbladen): the werkvorm's own sheets, one document per sheet.

A gespreksleidraad for the resident at the table, a harvest sheet (oogstblad), a worksheet per
step of the straataanpak: all are data in the werkvorm (parts with questions and a number of
writing lines), rendered here in one generic layout.
"""

from __future__ import annotations

from casuskit import pagecount, word
from casuskit.dutch import joined
from casuskit.plan import KitContext
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.render.prose import one_line, paragraphs
from casuskit.render.streetmap import add_street_map

MIN_LINES = 2  # writing lines a part keeps when it gives one up to stay on its page


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files = []
    for sheet in ctx.werkvorm.worksheets:
        doc = ctx.new_document(sheet.title, f"Werkblad · {ctx.werkvorm.name}")
        subtitle = joined(ctx.werkvorm.name, ctx.buurt.name, ctx.kit.round_label, ctx.date_text)
        doc.paragraph(sheet.title, "Title")
        doc.paragraph(subtitle, "Subtitle")
        for text in paragraphs(sheet.explanation or ""):
            doc.paragraph(text)
        for number, part in enumerate(sheet.parts):
            # a part stays whole: it starts a new page when the rest of this one is too short
            # (Word keeps it together by itself, LibreOffice lets a long chain go); a street
            # map always has a page of its own
            lines = lines_here(doc, part) if number > 0 and part.street is None else part.lines
            add_part(doc, part, lines, new_page=part.street is not None or lines is None)
        files.append((file_name(sheet), ctx.to_bytes(doc)))
    return files


def lines_here(doc: word.Document, part) -> int | None:
    """The writing lines ``part`` gets on the rest of this page: all of them, or one fewer
    (never below :data:`MIN_LINES`) when that keeps the sheet from a page of its own (with a
    wide house-style font a last part would otherwise start a page that holds nothing else);
    None when it does not fit here even so."""
    room = pagecount.room_mm(doc)
    tries = (part.lines, part.lines - 1) if part.lines > MIN_LINES else (part.lines,)
    return next((lines for lines in tries if pagecount.height_mm(doc, outline(part, lines)) <= room), None)


def outline(part, lines: int) -> list[word.Paragraph]:
    """The paragraphs of a part as they are measured (a street map counts for a page)."""
    found = [word.Paragraph("Heading 1", [word.Run(part.title)])]
    found += [word.Paragraph("Normal", [word.Run(text)]) for text in paragraphs(part.explanation or "")]
    found += [word.Paragraph("List Number", [word.Run(one_line(q))]) for q in part.questions]
    return found + [word.Paragraph("Notitieregel") for _ in range(lines)]


def add_part(doc: word.Document, part, lines: int | None = None, new_page: bool = False) -> None:
    """A part of a sheet: its heading, explanation and questions stay on the page of its writing
    lines (or its street map), which stay together (a part is never taller than half a page)."""
    lines = part.lines if lines is None else lines
    follows = bool(lines or part.street is not None)
    doc.heading(part.title, 1, new_page)
    for text in paragraphs(part.explanation or ""):
        doc.paragraph(text, keep_with_next=follows or bool(part.questions))
    numbers = doc.new_list("List Number") if part.questions else None
    for question in part.questions:
        doc.add(word.Paragraph("List Number", [word.Run(one_line(question))], numbers,
                               keep_with_next=follows))
    if part.street is not None:
        add_street_map(doc, part.street)
    doc.note_lines(lines, keep_first=lines - 1)


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
