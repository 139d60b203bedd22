"""The draaiboek: the facilitator guide of one kit (``draaiboek.docx``).

Read by the facilitator the evening before and kept at hand during the meeting, it holds, in
order: a cover with the facts of the meeting and the purpose of the werkvorm; the programme
with clock times; per programme block what to do, say and watch; one chapter per casus (see
:mod:`casuskit.render.draaiboek_casus`); a checklist of everything to print and lay out; and
the closing evaluation. Texts come from the templates ``draaiboek-*.j2`` (overridable per
project), the look from the named styles of the reference document.
"""

from __future__ import annotations

from casuskit.plan import KitContext
from casuskit.render import cardguide
from casuskit.render.headcount import cover_text
from casuskit.render.draaiboek_casus import add_casus, casus_slot, heading_text
from casuskit.render.draaiboek_parts import (Labels, Para, Slot, add_heading, add_lead, add_list,
                                             add_numbered, add_table, add_text, clock,
                                             fixed, groups_text, join_dutch, schedule)
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.render.prose import paragraphs
from casuskit.dutch import capital

FILE_NAME = "draaiboek.docx"
CHECKBOX = "\u2610"


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    """The facilitator guide of the kit, as ``[("draaiboek.docx", bytes)]``."""
    labels = Labels(ctx)
    doc = ctx.new_document(labels["document_titel"], labels["document_onderwerp"])
    slots = schedule(ctx)
    _cover(doc, ctx, labels, slots)
    _programme(doc, ctx, labels, slots)
    _buurt(doc, ctx, labels)
    add_heading(doc, labels["verloop"], 1)
    for slot in slots:
        _block(doc, ctx, labels, slot)
    casus_block = casus_slot(slots)
    for number, casus in enumerate(ctx.casussen, start=1):
        add_casus(doc, ctx, labels, number, casus, casus_block)
    _materials(doc, ctx, labels)
    _evaluation(doc, ctx, labels)
    _credits(doc, ctx, labels)
    return [(FILE_NAME, ctx.to_bytes(doc))]


def _cover(doc, ctx: KitContext, labels: Labels, slots: list[Slot]) -> None:
    kit = ctx.kit
    doc.paragraph(labels["titel"], "Title")
    doc.paragraph(ctx.werkvorm.name, "Subtitle")
    add_text(doc, fixed(ctx, "draaiboek-intro.j2"))
    end = kit.end or slots[-1].end
    # a session named after its werkvorm is said once
    session = [("ronde", kit.round_label)] \
        if kit.round_label.casefold() != ctx.werkvorm.name.casefold() else []
    facts = [("buurt", ctx.buurt.name), *session,
             ("werkvorm", ctx.werkvorm.name), ("datum", ctx.date_text),
             ("tijd", f"{clock(kit.start)}–{clock(end)}"), ("locatie", kit.location),
             ("gespreksleider", kit.facilitator), ("deelnemers", cover_text(ctx)),
             ("groepen", str(kit.groups))]
    add_table(doc, [labels["gegevens"]],  # one heading over both columns
              [[Para(labels[key], "Tabelkop"), value] for key, value in facts], [45, 125])
    add_heading(doc, labels["doel_werkvorm"], 2)
    add_text(doc, ctx.werkvorm.goal)
    if ctx.werkvorm.description:
        add_heading(doc, labels["werkwijze"], 2)
        add_text(doc, ctx.werkvorm.description)
    if ctx.casussen:
        add_heading(doc, labels["casussen"], 2)
        add_list(doc, [f"{heading_text(labels, n, c)}: {groups_text(labels, ctx.groups_for(c.id))}"
                       for n, c in enumerate(ctx.casussen, start=1)])
    if kit.note:
        add_lead(doc, "Let op", labels["opmerking"], kit.note)


def _programme(doc, ctx: KitContext, labels: Labels, slots: list[Slot]) -> None:
    end, planned = slots[-1].end, ctx.kit.end
    add_heading(doc, labels["programma"], 1, new_page=True)
    spare = None
    if planned is not None:
        spare = (planned.hour * 60 + planned.minute) - (end.hour * 60 + end.minute)
    add_text(doc, fixed(ctx, "draaiboek-programma.j2", begin=clock(slots[0].start),
                        einde=clock(end), eindtijd=clock(planned) if planned else None,
                        ruimte=spare or 0))
    minutes = labels["minuten"]
    rows = [[f"{clock(s.start)}–{clock(s.end)}", s.block.title, f"{s.block.minutes} {minutes}"]
            for s in slots]
    total = sum(s.block.minutes for s in slots)
    rows.append([clock(end), Para(labels["einde"], "Tabelkop"),
                 f"{labels['totaal']} {total} {minutes}"])
    add_table(doc, [labels["kolom_tijd"], labels["kolom_onderdeel"], labels["kolom_duur"]],
              rows, [32, 110, 28])


def _buurt(doc, ctx: KitContext, labels: Labels) -> None:
    """A short profile of the buurt: what it is like, what plays there, who works there."""
    buurt = ctx.buurt
    add_heading(doc, labels["buurtprofiel"], 1)
    add_text(doc, buurt.description)
    if buurt.issues:
        add_heading(doc, labels["vraagstukken"], 2)
        add_list(doc, buurt.issues)
    if buurt.partners:
        add_heading(doc, labels["partners"], 2)
        rows = [[[partner.name] + ([Para(partner.kind, "Klein")] if partner.kind else []),
                 partner.offers or ""] for partner in buurt.partners]
        add_table(doc, [labels["kolom_partner"], labels["kolom_biedt"]], rows, [60, 110])


def _block(doc, ctx: KitContext, labels: Labels, slot: Slot) -> None:
    block = slot.block
    duration = f"{block.minutes} {labels['minuten']}"
    add_heading(doc, f"{clock(slot.start)} · {block.title} ({duration})", 2)
    for style, key, items in (("DOE", "doe", block.do), ("ZEG", "zeg", block.say),
                              ("Let op", "let_op", block.watch)):
        for item in items:
            add_lead(doc, style, labels[key], item)
    for line in cardguide.block_lines(ctx, slot):
        add_lead(doc, "DOE", labels["kaarten_lead"], line)
    if block.per_casus and ctx.casussen:
        add_text(doc, fixed(ctx, "draaiboek-per-casus.j2", aantal_casussen=len(ctx.casussen)))
        if len(ctx.casussen) > 1:
            add_list(doc, [f"{capital(groups_text(labels, ctx.groups_for(c.id)))}: "
                           f"{heading_text(labels, n, c)}"
                           for n, c in enumerate(ctx.casussen, start=1)])
    if block.materials:
        add_heading(doc, labels["materialen"], 3)
        add_list(doc, block.materials)


def _materials(doc, ctx: KitContext, labels: Labels) -> None:
    """Checklist: the kit's documents with the print list's copies, then block materials."""
    add_heading(doc, labels["materialen"], 1)
    add_text(doc, fixed(ctx, "draaiboek-materialen.j2"))
    add_heading(doc, labels["om_te_printen"], 2)
    rows = [[CHECKBOX, item.counted, [item.label or item.file, Para(item.file, "Klein")],
             capital("; ".join(part for part in (item.note, item.sides) if part))]
            for item in ctx.print_items]
    add_table(doc, ["", labels["kolom_aantal"], labels["kolom_document"],
                    labels["kolom_printen"]], rows, [8, 17, 65, 80])
    cardguide.add_overview(doc, ctx, labels, schedule(ctx))
    materials = list(dict.fromkeys(m for block in ctx.werkvorm.blocks for m in block.materials))
    if materials:
        add_heading(doc, labels["klaarleggen"], 2)
        for item in materials:
            doc.paragraph(f"{CHECKBOX} {item}", style=None)


def _evaluation(doc, ctx: KitContext, labels: Labels) -> None:
    if not ctx.werkvorm.evaluation:
        return
    add_heading(doc, labels["evaluatie"], 1)
    add_text(doc, fixed(ctx, "draaiboek-evaluatie.j2", doel=" ".join(ctx.werkvorm.goal.split())))
    add_heading(doc, labels["evaluatievragen"], 2)
    # a short closing list: never one question alone on a page
    add_numbered(doc, ctx.werkvorm.evaluation, keep_together=True)


def _credits(doc, ctx: KitContext, labels: Labels) -> None:
    """Who wrote each casus, with its status, and for whom the meeting is."""
    writers = [{"titel": heading_text(labels, n, casus), "status": casus.status,
                "auteurs": join_dutch([f"{a.name} ({a.role})" for a in casus.authors], labels["en"])}
               for n, casus in enumerate(ctx.casussen, start=1)]
    add_heading(doc, labels["verantwoording"], 2)
    parts = paragraphs(fixed(ctx, "draaiboek-verantwoording.j2", schrijvers=writers))
    for number, text in enumerate(parts, start=1):  # together: never one line on a last page
        doc.paragraph(text, "Klein", keep_with_next=number < len(parts))


def print_items(ctx: KitContext) -> list[PrintItem]:
    return [PrintItem(FILE_NAME, 1, DOUBLE, "voor de gespreksleider", "Draaiboek (dit document)")]


KIND = DocumentKind(
    "draaiboek", render, lambda ctx: [FILE_NAME], print_items, chosen=True,
    styles=("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Normal", "List Bullet",
            "List Number", "DOE", "ZEG", "Let op", "Quote", "Tabelkop", "Tabeltekst", "Klein",
            "Header", "Footer"),
    character_styles=("Strong",), table_styles=("Casuskit Tabel",))
