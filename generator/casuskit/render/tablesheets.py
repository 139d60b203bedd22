"""Table sheets (``tafelkaarten.docx``): one page per table, laid on the table at the start.

Who sits here (name, organisation, role in its role colour), the casus this table discusses,
and the programme with clock times. Only with a participant list; the division is the kit's
(see :mod:`casuskit.seating.plan`).
"""

from __future__ import annotations

from casuskit import ooxml
from casuskit.render.context import KitContext
from casuskit.render.draaiboek_parts import Para, add_table, clock, schedule

FILE_NAME = "tafelkaarten.docx"
ROLE_STYLES = 8  # "Rolband 1" … "Rolband 8" in the reference document


def role_styles(ctx: KitContext) -> dict[str, str]:
    """Role key → band style, handed out in the order roles first appear in the list."""
    roles = list(dict.fromkeys(p.role for p in ctx.seating.listed.people))
    return {role: f"Rolband {i % ROLE_STYLES + 1}" for i, role in enumerate(roles)}


def casus_for_table(ctx: KitContext, number: int):
    """The casus a table discusses: casussen are dealt round the tables (as in the draaiboek)."""
    return ctx.casussen[(number - 1) % len(ctx.casussen)] if ctx.casussen else None


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    if ctx.seating is None:
        return []
    doc = ctx.new_document(title="Tafelkaarten", subject=f"Tafelindeling · {ctx.werkvorm.name}")
    styles = role_styles(ctx)
    slots = schedule(ctx)
    for number, people in enumerate(ctx.seating.tables, start=1):
        title = doc.add_paragraph(f"Tafel {number}", style="Title")
        if number > 1:
            ooxml.set_page_break_before(title)
        doc.add_paragraph(f"{ctx.werkvorm.name} · {ctx.buurt.name} · {ctx.kit.round_label} · "
                          f"{ctx.date_text}", style="Subtitle")
        casus = casus_for_table(ctx, number)
        if casus is not None:
            doc.add_paragraph("Casus", style="Heading 1")
            doc.add_paragraph(casus.title, style="Heading 2")
            doc.add_paragraph("De hand-out met de situatie ligt op tafel. Lees hem pas als de "
                              "gespreksleider het zegt.", style="Klein")
        doc.add_paragraph(f"Aan deze tafel ({len(people)})", style="Heading 1")
        rows = [[person.name, person.organisation or "–",
                 Para(person.role_label, styles[person.role])]
                for person in sorted(people, key=lambda p: p.key)]
        add_table(doc, ["Naam", "Organisatie", "Rol"], rows, [62, 63, 45])
        doc.add_paragraph("Programma", style="Heading 1")
        add_table(doc, ["Tijd", "Onderdeel"],
                  [[f"{clock(s.start)}–{clock(s.end)}", s.block.title] for s in slots], [32, 138])
    return [(FILE_NAME, ctx.to_bytes(doc))]
