"""Table sheets (``tafelkaarten.docx``): one page per table, laid on the table at the start.

Who sits here (name, organisation, role in its role colour; guests such as the resident at the
table marked as guest), the casus this table discusses, and the programme with clock times.
Only with a participant list; the division is the kit's (see :mod:`casuskit.seating.plan`),
people who cancelled are left out. Role colours are the project's (:mod:`casuskit.rolecolours`).
"""

from __future__ import annotations

from casuskit import rolecolours
from casuskit.plan import KitContext
from casuskit.render.draaiboek_parts import Para, add_table, clock, schedule
from casuskit.render.kinds import SIMPLEX, DocumentKind, PrintItem
from casuskit.dutch import joined

FILE_NAME = "tafelkaarten.docx"
ROLE_STYLES = rolecolours.STYLES  # "Rolband 1" … "Rolband 16" in the reference document


def role_styles(ctx: KitContext, people) -> dict[str, str]:
    """Role key → band style: the project's colour of each role (a role the project does not
    know, as in a kit rendered on its own, gets one from the roles of these people)."""
    known = dict(ctx.role_colours)
    if any(p.role not in known for p in people):
        known = {**rolecolours.assign([{p.role for p in people}]), **known}
    return {p.role: rolecolours.style(known[p.role]) for p in people}


def seated_order(people) -> list:
    """Participants by name, then the guests (the resident is introduced last)."""
    return sorted(people, key=lambda p: (p.guest, p.key))


def casus_for_table(ctx: KitContext, number: int):
    """The casus a table discusses: casussen are dealt round the tables (as in the draaiboek)."""
    return ctx.casussen[(number - 1) % len(ctx.casussen)] if ctx.casussen else None


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    if ctx.seating is None:
        return []
    doc = ctx.new_document("Tafelkaarten", f"Tafelindeling · {ctx.werkvorm.name}")
    styles = role_styles(ctx, [p for people in ctx.seating.tables for p in people])
    slots = schedule(ctx)
    for number, people in enumerate(ctx.seating.tables, start=1):
        doc.paragraph(f"Tafel {number}", "Title", page_break_before=number > 1)
        doc.paragraph(joined(ctx.werkvorm.name, ctx.buurt.name, ctx.kit.round_label,
                             ctx.date_text), "Subtitle")
        casus = casus_for_table(ctx, number)
        if casus is not None:
            doc.heading("Casus", 1)
            doc.heading(casus.title, 2)
            doc.paragraph("De hand-out met de situatie ligt op tafel. Lees hem pas als de "
                          "gespreksleider het zegt.", "Klein")
        doc.heading(f"Aan deze tafel ({len(people)})", 1)
        rows = [[person.name + (" (gast)" if person.guest else ""), person.organisation or "–",
                 Para(person.role_label, styles[person.role])]
                for person in seated_order(people)]
        add_table(doc, ["Naam", "Organisatie", "Rol"], rows, [62, 63, 45])
        doc.heading("Programma", 1)
        add_table(doc, ["Tijd", "Onderdeel"],
                  [[f"{clock(s.start)}–{clock(s.end)}", s.block.title] for s in slots], [32, 138])
    return [(FILE_NAME, ctx.to_bytes(doc))]


def print_items(ctx: KitContext) -> list[PrintItem]:
    return [PrintItem(FILE_NAME, 1, SIMPLEX, f"één vel per tafel, {len(ctx.seating.tables)} tafels",
                      "Tafelkaarten (wie aan welke tafel zit)")]


KIND = DocumentKind(
    "tafelkaarten", render, lambda ctx: [FILE_NAME] if ctx.seating is not None else [],
    print_items, ("Title", "Subtitle", "Heading 1", "Heading 2", "Klein", "Tabelkop", "Tabeltekst",
                  "Header", "Footer", *(f"Rolband {n}" for n in range(1, ROLE_STYLES + 1))), table_styles=("Casuskit Tabel",))
