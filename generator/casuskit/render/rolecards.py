"""Role cards (rolkaarten, "Hechter in de buurt"): one card per professional profile.

Each card says what the professional does, can signal, where they cooperate and what they may
and may not share. They are printed on the same cut-out grid as the discussion cards, on A6
because a profile holds more text than a question. The back names the profession, so the
facilitator can hand each card to the right person face down, unless the werkvorm has them drawn
blind.
"""

from __future__ import annotations

from casuskit.cardset import Card
from casuskit.model import professions
from casuskit.model.werkvorm import ROLE_CARDS
from casuskit.render.cards import STYLES, render_sheets
from casuskit.render.kinds import DUPLEX, DocumentKind, PrintItem
from casuskit.plan import KitContext
from casuskit.dutch import joined

FILE_NAME = "rolkaarten.docx"
SIZE = "a6"
SERIES = "Hechter in de buurt"


def role_card(kit_id: str, number: int, role, blind: bool = False) -> Card:
    """The card of ``role``; its back names the profession unless the werkvorm has the role
    cards drawn blind (``blind_trekken: [rolkaarten]``)."""
    who = professions.label(role.profession)
    lines = [f"Mijn werk: {role.does}",
             "Ik signaleer: " + "; ".join(role.signals),
             "Ik werk samen met: " + "; ".join(role.cooperates),
             f"Ik mag delen: {role.may_share}",
             f"Ik mag niet delen: {role.may_not_share}"]
    if role.quote:
        lines.append(f"“{role.quote}”")
    title = f"{who} · {role.name}" if role.name else who
    return Card(f"{kit_id} · rol · {number:02d}", "rol", title, "\n".join(" ".join(l.split()) for l in lines),
                role.id, SERIES, ("doet",), back_title="" if blind else who)


def role_cards(ctx: KitContext) -> list[Card]:
    """The kit's role cards, one per rol, in the kit's order (also measured by check)."""
    blind = ROLE_CARDS in ctx.werkvorm.blind
    return [role_card(ctx.kit.id, n, role, blind) for n, role in enumerate(ctx.roles, start=1)]


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    cards = role_cards(ctx)
    subject = joined("Rolkaarten", ctx.buurt.name, ctx.kit.round_label)
    return [(FILE_NAME, render_sheets(ctx, "Rolkaarten", subject, [cards] if cards else [], SIZE))]


def printed(ctx: KitContext) -> list[tuple[list[Card], str]]:
    cards = role_cards(ctx)
    return [(cards, SIZE)] if cards else []


def print_items(ctx: KitContext) -> list[PrintItem]:
    if not ctx.kit.roles:
        return []
    return [PrintItem(FILE_NAME, ctx.kit.groups, DUPLEX[ctx.back_mode],
                      "één set per groep; knip langs de stippellijnen", "Rolkaarten")]


KIND = DocumentKind("rolkaarten", render, lambda ctx: [FILE_NAME], print_items, STYLES,
                    ("Strong",), ("Kaartraster",), printed, chosen=True)
