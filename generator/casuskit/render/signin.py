"""The sign-in list (``presentielijst.docx``): everyone on the participant list, with room to sign.

Everyone expected in the room (the participants who did not cancel, and the kit's guests, such
as the resident at the table), sorted by name so people find themselves quickly, empty rows for
walk-ins (at least the kit's ``reserve``), and above it a short
AVG note on why the list exists and how long it is kept (template ``presentielijst-avg.j2``,
overridable per project). Only with a participant list.
"""

from __future__ import annotations

from casuskit.plan import KitContext
from casuskit.render.draaiboek_parts import add_table
from casuskit.render.kinds import SIMPLEX, DocumentKind, PrintItem
from casuskit.dutch import joined

FILE_NAME = "presentielijst.docx"
EMPTY_ROWS = 3
ROW_MM = 9.0  # room for a signature


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    if ctx.seating is None:
        return []
    kit = ctx.kit
    doc = ctx.new_document("Presentielijst", f"Presentielijst · {ctx.werkvorm.name}")
    doc.paragraph("Presentielijst", "Title")
    doc.paragraph(joined(ctx.buurt.name, kit.round_label, f"{ctx.date_text}, {kit.start:%H:%M}",
                         kit.location), "Subtitle")
    context = {**ctx.template_context(), "organisatie": ctx.project.organisation,
               "periode": ctx.project.period or ""}
    for line in ctx.texts.fixed("presentielijst-avg.j2", **context).splitlines():
        if line.strip():
            doc.paragraph(line.strip(), "Klein")
    people = sorted((p for table in ctx.seating.tables for p in table), key=lambda p: p.key)
    rows = [[str(n), p.name, p.organisation, p.role_label + (" (gast)" if p.guest else ""), ""]
            for n, p in enumerate(people, start=1)]
    empty = max(EMPTY_ROWS, ctx.reserve)
    rows += [[str(n), "", "", "", ""] for n in range(len(people) + 1, len(people) + empty + 1)]
    add_table(doc, ["Nr.", "Naam", "Organisatie", "Rol", "Handtekening"], rows,
              [9, 40, 51, 36, 34], valign="center", min_height_mm=ROW_MM)
    return [(FILE_NAME, ctx.to_bytes(doc))]


def print_items(ctx: KitContext) -> list[PrintItem]:
    return [PrintItem(FILE_NAME, 1, SIMPLEX, "bij de ingang; bevat persoonsgegevens, bewaar en "
                      "vernietig hem zoals op de lijst staat", "Presentielijst")]


KIND = DocumentKind(
    "presentielijst", render, lambda ctx: [FILE_NAME] if ctx.seating is not None else [],
    print_items, ("Title", "Subtitle", "Klein", "Tabelkop", "Tabeltekst", "Header", "Footer"),
    table_styles=("Casuskit Tabel",))
