"""Who is in the room, in one line: the participants counted (from the list when there is one,
with those who cancelled named) and the guests, for the print list and the draaiboek's cover."""

from __future__ import annotations

from casuskit.render.draaiboek_parts import join_dutch


def _names(people) -> str:
    return join_dutch([p.name for p in people], "en")


def guests_text(ctx) -> str:
    """'1 gast: Gerda Schipper', or empty without guests."""
    guests = ctx.kit.guests
    if not guests:
        return ""
    return f"{len(guests)} {'gast' if len(guests) == 1 else 'gasten'}: {_names(guests)}"


def headcount_line(ctx) -> str:
    """'14 deelnemers (deelnemers/x.csv; afgemeld: Tom Jansen) in 2 groepen, en 1 gast: …'."""
    groups = ctx.kit.groups
    line = f"{ctx.headcount} deelnemers"
    seating = ctx.seating
    if seating is not None:
        line += f" ({seating.listed.file}" + (f"; afgemeld of afwezig: {_names(seating.absent)}"
                                             if seating.absent else "") + ")"
    line += f" in {groups} {'groep' if groups == 1 else 'groepen'}"
    return line + (f", en {guests_text(ctx)}" if ctx.kit.guests else "")


def cover_text(ctx) -> str:
    """The draaiboek's 'Deelnemers' fact: '14', or '14, en 1 gast: Gerda Schipper'."""
    return str(ctx.headcount) + (f", en {guests_text(ctx)}" if ctx.kit.guests else "")
