"""The participant hand-out: one per casus, with only what participants may see.

Situation, persons, questions and ruled lines for notes. Never facilitator-only content
(phases, dilemmas, possible actions, tips, debrief, goal, perspectives): this module reads
only the fields below, and a test proves none of the others reach the document.
"""

from __future__ import annotations

from casuskit import pagecount, tablefit, word
from casuskit.dutch import joined
from casuskit.plan import KitContext
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.render.prose import paragraphs

MIN_NOTE_LINES = 3  # fewer lines than this are no room for notes: the back of the sheet is


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    heading = ctx.texts.labels("hand-out-labels.j2", **ctx.template_context())
    files = []
    for casus in ctx.casussen:
        doc = ctx.new_document(title=casus.title, subject=f"Hand-out · {ctx.werkvorm.name}")
        draft = casus.status == "concept"
        if draft:  # on every page, and once more where the reader starts
            doc.header(joined("CONCEPT", ctx.header_text))
        doc.paragraph(casus.title, "Title")
        doc.paragraph(joined("Hand-out", ctx.buurt.name, ctx.kit.round_label, ctx.date_text),
                      "Subtitle")
        if draft:
            doc.lead("Let op", heading["concept"], heading["concept_tekst"])
        doc.paragraph(ctx.texts.fixed("hand-out-intro.j2", **ctx.template_context()))

        doc.heading(heading["situatie"], 1)
        for paragraph in paragraphs(casus.situation):
            doc.paragraph(paragraph)

        if casus.persons:
            doc.heading(heading["personen"], 1)
            rows = [_row("Tabelkop", (heading["kolom_naam"], heading["kolom_leeftijd"],
                                      heading["kolom_rol"]), header=True)]
            rows += [_row("Tabeltekst", (person.name, f"{person.age} {heading['jaar']}"
                                         if person.age is not None else "", person.role),
                          cant_split=True)
                     for person in casus.persons]
            doc.add(tablefit.fit(word.Table([50, 25, 95], rows, style="Casuskit Tabel"),
                                 ctx.reference.styles))

        if casus.questions:
            doc.heading(heading["vragen"], 1)
            doc.numbered(casus.questions)

        notes = word.Paragraph("Heading 1", [word.Run(heading["aantekeningen"])])
        lines = pagecount.lines_that_fit(doc, notes, word.Paragraph("Notitieregel"))
        if lines >= MIN_NOTE_LINES:  # a full page keeps to one page: notes go on the back then
            doc.heading(heading["aantekeningen"], 1)
            doc.note_lines(lines)
        files.append((file_name(casus), ctx.to_bytes(doc)))
    return files


def _row(style: str, texts, **rules) -> word.Row:
    return word.Row([word.Cell([word.Paragraph(style, [word.Run(text)])]) for text in texts],
                    **rules)


def file_name(casus) -> str:
    return f"hand-out-{casus.id}.docx"


def print_items(ctx: KitContext) -> list[PrintItem]:
    items = []
    for casus in ctx.casussen:
        groups = ", ".join(str(g) for g in ctx.groups_for(casus.id))
        spare = ctx.reserve if groups else 0  # walk-ins: whichever table they join
        items.append(PrintItem(file_name(casus), ctx.participants_for(casus.id) + spare, DOUBLE,
                               f"voor de tafels van groep {groups}" if groups
                               else "geen groep bespreekt deze casus", f"Hand-out ‘{casus.title}’",
                               spare))
    return items


KIND = DocumentKind(
    "hand-out", render, lambda ctx: [file_name(casus) for casus in ctx.casussen], print_items,
    chosen=True, styles=("Title", "Subtitle", "Let op", "Heading 1", "Normal", "List Number",
                         "Notitieregel", "Tabelkop", "Tabeltekst", "Header", "Footer"),
    character_styles=("Strong",), table_styles=("Casuskit Tabel",))
