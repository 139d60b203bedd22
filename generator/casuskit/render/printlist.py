"""The print list: which file to print how many times, and how (simplex / duplex, paper).

:func:`print_items` computes copies from participants and groups; the same numbers feed the
build summary, ``printlijst.txt`` and the draaiboek's materials checklist.
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit.render.context import KitContext

DUPLEX = {"duplex-lange-zijde": "dubbelzijdig, omslaan over de lange zijde",
          "duplex-korte-zijde": "dubbelzijdig, omslaan over de korte zijde",
          "geen": "enkelzijdig"}


@dataclass(frozen=True)
class PrintItem:
    file: str
    copies: int
    sides: str
    note: str = ""


def print_items(ctx: KitContext) -> list[PrintItem]:
    items: list[PrintItem] = []
    documents = ctx.werkvorm.documents
    if "draaiboek" in documents:
        items.append(PrintItem("draaiboek.docx", 1, DUPLEX["duplex-lange-zijde"], "voor de gespreksleider"))
    if "hand-out" in documents:
        for casus in ctx.casussen:
            groups = ", ".join(str(g) for g in ctx.groups_for(casus.id))
            items.append(PrintItem(f"hand-out-{casus.id}.docx", ctx.participants_for(casus.id),
                                   DUPLEX["duplex-lange-zijde"], f"voor de tafels van groep {groups}"
                                   if groups else "geen groep bespreekt deze casus"))
    if "werkbladen" in documents:
        for sheet in ctx.werkvorm.worksheets:
            copies, note = {
                "deelnemer": (ctx.kit.participants, "één per deelnemer"),
                "groep": (ctx.kit.groups, "één per groep"),
                "bijeenkomst": (1, "één voor de bijeenkomst"),
                "bewoner": (2, "voor de bewoner aan tafel en de gespreksleider"),
            }[sheet.per]
            items.append(PrintItem(f"werkblad-{sheet.id}.docx", copies, DUPLEX["duplex-lange-zijde"], note))
    if "gesprekskaarten" in documents and (ctx.casussen or ctx.werkvorm.question_cards):
        items.append(PrintItem("gesprekskaarten.docx", ctx.kit.groups, DUPLEX[ctx.back_mode],
                               "één set per groep; knip langs de stippellijnen"))
    if "rolkaarten" in documents and ctx.kit.roles:
        items.append(PrintItem("rolkaarten.docx", ctx.kit.groups, DUPLEX[ctx.back_mode],
                               "één set per groep; knip langs de stippellijnen"))
    from casuskit.render import meeting  # participant-list documents and the evaluation form
    items += meeting.print_items(ctx)
    return items


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    items = print_items(ctx)
    width = max(len(item.file) for item in items) if items else 10
    kit = ctx.kit
    lines = [
        f"Printlijst · {ctx.project.name}",
        f"{ctx.buurt.name} · {kit.round_label} · {ctx.werkvorm.name}",
        f"{ctx.date_text}, {kit.start:%H:%M} · {kit.location}",
        f"{kit.participants} deelnemers in {kit.groups} {'groep' if kit.groups == 1 else 'groepen'}",
        "",
        "Alles op A4, afdrukken op 100 % (werkelijke grootte); zet 'passend maken' uit.",
        "",
        f"{'bestand'.ljust(width)}  {'aantal':>6}  printen",
    ]
    for item in items:
        lines.append(f"{item.file.ljust(width)}  {str(item.copies) + ' ×':>6}  {item.sides}"
                     + (f" ({item.note})" if item.note else ""))
    total = sum(item.copies for item in items)
    from casuskit.printpack import PACK_NAME, PACK_SETTINGS
    from casuskit.render import calibration
    cards = calibration.card_sizes(ctx)
    backs = cards and ctx.back_mode != "geen"  # with `achterkant: geen` cards have no backs
    lines += ["", f"Totaal {total} exemplaren." + (" Controleer na het printen of de "
              "kaartachterkanten achter de voorkanten vallen." if backs else "")]
    if cards:
        lines.append("Nieuwe printer? Print eerst kalibratie.docx (1 ×, zoals de kaarten) en volg "
                     "de stappen op de pagina.")
    lines += ["", f"Printpakket: met `casuskit build --pdf` staat alles hierboven ook in {PACK_NAME}, "
                  "in deze volgorde en aantallen.", f"Print dat in één keer: {PACK_SETTINGS}.",
              "Lege pagina's daarin zijn bedoeld: zo begint elk exemplaar op een nieuw vel."]
    return [("printlijst.txt", ("\n".join(lines) + "\n").encode("utf-8"))]
