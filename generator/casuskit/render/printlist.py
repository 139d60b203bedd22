"""The print list (``printlijst.txt``): which file to print how many times, and how.

The numbers are the kit's print items (each document kind declares its own, see
:mod:`casuskit.render.kinds`); the same items feed the build summary, the draaiboek's materials
checklist and the print pack.
"""

from __future__ import annotations

from casuskit.plan import KitContext
from casuskit.render.headcount import headcount_line
from casuskit.render.kinds import DocumentKind
from casuskit.dutch import joined

FILE_NAME = "printlijst.txt"
PACK_NAME = "printpakket.pdf"
PACK_SETTINGS = ("A4, dubbelzijdig, omslaan over de lange zijde, afdrukken op 100 % "
                 "(werkelijke grootte); zet 'passend maken' uit")


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    items = ctx.print_items
    width = max(len(item.file) for item in items) if items else 10
    count = max([6] + [len(item.counted) for item in items])
    kit = ctx.kit
    lines = [
        f"Printlijst · {ctx.project.name}",
        joined(ctx.buurt.name, kit.round_label, ctx.werkvorm.name),
        f"{ctx.date_text}, {kit.start:%H:%M} · {kit.location}",
        headcount_line(ctx),
        "",
        "Alles op A4, afdrukken op 100 % (werkelijke grootte); zet 'passend maken' uit.",
        "",
        f"{'bestand'.ljust(width)}  {'aantal':>{count}}  printen",
    ]
    for item in items:
        lines.append(f"{item.file.ljust(width)}  {item.counted:>{count}}  {item.sides}"
                     + (f" ({item.note})" if item.note else ""))
    total = sum(item.copies for item in items)
    spare = sum(item.spare for item in items)
    cards = ctx.card_sizes
    backs = cards and ctx.back_mode != "geen"  # with `achterkant: geen` cards have no backs
    lines += ["", f"Totaal {total} exemplaren"
              + (f", waarvan {spare} reserve (het getal na de +) voor wie onverwacht aanschuift."
                 if spare else ".")
              + (" Controleer na het printen of de "
              "kaartachterkanten achter de voorkanten vallen." if backs else "")]
    if cards:
        lines.append("Nieuwe printer? Print eerst kalibratie.docx (1 ×, zoals de kaarten) en volg "
                     "de stappen op de pagina.")
    lines += ["", f"Printpakket: met `casuskit build --pdf` staat alles hierboven ook in {PACK_NAME}, "
                  "in deze volgorde en aantallen.", f"Print dat in één keer: {PACK_SETTINGS}.",
              "Lege pagina's daarin zijn bedoeld: zo begint elk exemplaar op een nieuw vel."]
    return [(FILE_NAME, ("\n".join(lines) + "\n").encode("utf-8"))]


KIND = DocumentKind("printlijst", render, lambda ctx: [FILE_NAME])
