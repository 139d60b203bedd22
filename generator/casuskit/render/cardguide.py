"""When each kind of card is used: the card line of a programme block and the draaiboek's
overview of all cards.

The cards of a casus come out in the block where the casussen are discussed (``per_casus``), at
the moments the casus chapters give; the werkvorm's own sets and the role cards in the blocks
that name them under ``kaarten``. The overview says per kind of card where it is (which file,
which numbers) and when it comes on the table (block and clock time), so no card is printed
that the facilitator is not told to use; ``check`` warns about a set no block names.
"""

from __future__ import annotations

from casuskit.cardset import cards_for, werkvorm_sets
from casuskit.model.werkvorm import ROLE_CARDS
from casuskit.render import cards as card_files
from casuskit.render import rolecards
from casuskit.render.draaiboek_parts import Labels, Slot, add_heading, add_table, clock, join_dutch


def _numbers(cards) -> str:
    """'kleine-groepen 01–04': the card numbers of a set, as printed in the corner."""
    first, last = cards[0].id.split(" · ", 1)[1], cards[-1].id.rpartition(" · ")[2]
    return first if len(cards) == 1 else f"{first}–{last}"


def _sets(ctx) -> dict[str, tuple[str, str]]:
    """What a block may name under ``kaarten`` → (name, where it is) for this kit."""
    found = {}
    for card_set in werkvorm_sets(ctx.kit.id, ctx.werkvorm):
        name = ("Vraagkaarten van de werkvorm" if card_set.key == "vraagkaarten"
                else f"Kaartset ‘{card_set.name}’")
        where = (f"nrs. {_numbers(card_set.cards)}, in elke kaartenset na de kaarten van de casus"
                 if ctx.casussen else
                 f"nrs. {_numbers(card_set.cards)} in {card_files.SHARED_NAME}, één set per groep")
        found[card_set.key] = (name, where)
    if ctx.roles and "rolkaarten" in ctx.werkvorm.documents:
        blind = " (blind trekken: de achterkant noemt het beroep niet)" \
            if ROLE_CARDS in ctx.werkvorm.blind else ""
        found[ROLE_CARDS] = (f"Rolkaarten ‘{rolecards.SERIES}’",
                             f"{rolecards.FILE_NAME}, één set van {len(ctx.roles)} per groep{blind}")
    return found


def block_lines(ctx, slot: Slot) -> list[str]:
    """One line per card set the block names: what it is and where the facilitator finds it."""
    known = _sets(ctx)
    return [f"{known[key][0]} ({known[key][1]})." for key in slot.block.cards if key in known]


def _moment(slot: Slot) -> str:
    return f"{slot.block.title} ({clock(slot.start)}–{clock(slot.end)})"


def add_overview(doc, ctx, labels: Labels, slots: list[Slot]) -> None:
    """The table "Kaarten: waar en wanneer" of every kind of card this kit prints."""
    rows = []
    casus_slots = [slot for slot in slots if slot.block.per_casus]
    if ctx.casussen and "gesprekskaarten" in ctx.werkvorm.documents:
        present = {card.category for casus in ctx.casussen
                   for card in cards_for(ctx.kit.id, casus, ctx.werkvorm.card_categories)}
        moment = join_dutch([_moment(s) for s in casus_slots], labels["en"]) or "–"
        for category in ctx.werkvorm.card_categories:
            if category in present:
                how = labels["kaarten_fase_overzicht"] if category == "fase" \
                    else labels[f"wanneer_{category}"]
                rows.append([labels[f"kaart_{category}"], labels["kaarten_in_casusset"],
                             f"{moment}: {how[:1].lower()}{how[1:]}"])
    for key, (name, where) in _sets(ctx).items():
        used = [_moment(s) for s in slots if key in s.block.cards]
        rows.append([name, where, join_dutch(used, labels["en"]) or labels["kaarten_geen_blok"]])
    if not rows:
        return
    add_heading(doc, labels["kaarten_overzicht"], 2)
    add_table(doc, [labels["kolom_soort"], labels["kaarten_waar"], labels["kolom_wanneer"]], rows,
              [38, 62, 70])
