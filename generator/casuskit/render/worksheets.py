"""Worksheets (werkbladen): the werkvorm's own sheets, one document per sheet.

A gespreksleidraad for the resident at the table, a harvest sheet (oogstblad), a worksheet per
step of the straataanpak: all are data in the werkvorm (parts with questions and a number of
writing lines), rendered here in one generic layout.
"""

from __future__ import annotations

from casuskit import ooxml
from casuskit.render.context import KitContext
from casuskit.render.handout import paragraphs


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    files = []
    for sheet in ctx.werkvorm.worksheets:
        doc = ctx.new_document(title=sheet.title, subject=f"Werkblad · {ctx.werkvorm.name}")
        doc.add_paragraph(sheet.title, style="Title")
        doc.add_paragraph(f"{ctx.werkvorm.name} · {ctx.buurt.name} · {ctx.kit.round_label} · "
                          f"{ctx.date_text}", style="Subtitle")
        for text in paragraphs(sheet.explanation or ""):
            doc.add_paragraph(text, style="Normal")
        for part in sheet.parts:
            doc.add_paragraph(part.title, style="Heading 1")
            for text in paragraphs(part.explanation or ""):
                doc.add_paragraph(text, style="Klein")
            if part.questions:
                items = [doc.add_paragraph(q, style="List Number") for q in part.questions]
                ooxml.restart_numbering(items, "List Number")
            for _ in range(part.lines):
                doc.add_paragraph("", style="Notitieregel")
        files.append((f"werkblad-{sheet.id}.docx", ctx.to_bytes(doc)))
    return files
