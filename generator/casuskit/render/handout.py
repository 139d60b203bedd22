"""The participant hand-out: one per casus, with only what participants may see.

Situation, persons, questions and ruled lines for notes. Never facilitator-only content
(phases, dilemmas, possible actions, tips, debrief, goal, perspectives): this module reads
only the fields below, and a test proves none of the others reach the document.
"""

from __future__ import annotations

from casuskit import metrics, ooxml
from casuskit.ooxml import tablexml
from casuskit.render.context import KitContext

BODY_MM = (170.0, 257.0)  # A4 minus the reference document's 20 mm margins
NOTE_LINE_MM = 9.5        # height of one "Notitieregel" line
FULL_PAGE_LINES = 24


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    heading = ctx.texts.labels("hand-out-labels.j2", **ctx.template_context())
    files = []
    for casus in ctx.casussen:
        doc = ctx.new_document(title=casus.title, subject=f"Hand-out · {ctx.werkvorm.name}")
        doc.add_paragraph(casus.title, style="Title")
        doc.add_paragraph(f"Hand-out · {ctx.buurt.name} · {ctx.kit.round_label} · {ctx.date_text}",
                          style="Subtitle")
        doc.add_paragraph(ctx.texts.fixed("hand-out-intro.j2", **ctx.template_context()), style="Klein")

        doc.add_paragraph(heading["situatie"], style="Heading 1")
        for paragraph in paragraphs(casus.situation):
            doc.add_paragraph(paragraph, style="Normal")

        if casus.persons:
            doc.add_paragraph(heading["personen"], style="Heading 1")
            rows = [_row("Tabelkop", ("Naam", "Leeftijd", "Rol in het verhaal"), header=True)]
            rows += [_row("Tabeltekst", (person.name, f"{person.age} jaar" if person.age is not None
                                         else "", person.role), cant_split=True)
                     for person in casus.persons]
            tablexml.add_table(doc, tablexml.Table([50, 25, 95], rows, style="Casuskit Tabel"))

        if casus.questions:
            doc.add_paragraph(heading["vragen"], style="Heading 1")
            items = [doc.add_paragraph(q, style="List Number") for q in casus.questions]
            ooxml.restart_numbering(items, "List Number")

        lines = note_lines(casus)
        notes = doc.add_paragraph(heading["aantekeningen"], style="Heading 1")
        if lines < 4:  # too little room left: give the notes a page of their own
            ooxml.set_page_break_before(notes)
            lines = FULL_PAGE_LINES
        for _ in range(lines):
            doc.add_paragraph("", style="Notitieregel")
        files.append((f"hand-out-{casus.id}.docx", ctx.to_bytes(doc)))
    return files


def _row(style: str, texts, **rules) -> tablexml.Row:
    return tablexml.Row([tablexml.Cell([tablexml.Paragraph(style, [tablexml.Run(text)])])
                         for text in texts], **rules)


def note_lines(casus) -> int:
    """How many ruled lines fill the rest of the last page (an estimate from font metrics)."""
    width, height = BODY_MM
    used = 30.0 + 3 * 13.0  # title block, and the headings situatie / vragen / aantekeningen
    used += metrics.height_mm(casus.situation, width, 10.5, space_after_pt=6) + 8
    used += (len(casus.persons) + 1) * 6.5 + 13.0 if casus.persons else 0
    used += sum(metrics.height_mm(q, width - 8, 10.5, space_after_pt=3) for q in casus.questions)
    remaining = (height - used) % height  # text that runs onto a second page leaves its rest
    return int(remaining // NOTE_LINE_MM) - 1


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside YAML blocks are wrapping."""
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
