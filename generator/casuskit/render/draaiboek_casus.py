"""The casus sections of the draaiboek: one chapter per casus, each on a new page.

A chapter tells the facilitator what the casus is about and what it should teach, which groups
discuss it, which cards exist and when each phase card goes out, the dilemmas to expect, who
sees and knows what, possible actions per profession, tips and the debrief questions. This is
the facilitator-only material (:data:`casuskit.model.casus.FACILITATOR_ONLY`) that the hand-outs
leave out.
"""

from __future__ import annotations

import datetime as dt

from casuskit.cardset import cards_for
from casuskit.model import Casus, professions
from casuskit.model.werkvorm import CARD_CATEGORIES
from casuskit.render.draaiboek_parts import (Labels, Para, Slot, add_heading, add_lead,
                                             add_list, add_numbered, add_table, add_text,
                                             clock, fixed, groups_text, phase_offsets)
from casuskit.dutch import capital, joined


def casus_slot(slots: list[Slot]) -> Slot | None:
    """The first programme block in which the casussen are discussed, if any."""
    return next((slot for slot in slots if slot.block.per_casus), None)


def card_categories(werkvorm) -> list[str]:
    """The werkvorm's card categories; all of them when it leaves `kaarten` out."""
    if "card_categories" in werkvorm.model_fields_set:
        return list(werkvorm.card_categories)
    return list(CARD_CATEGORIES)


def heading_text(labels: Labels, number: int, casus: Casus) -> str:
    """'Casus 2 · Een la vol enveloppen', with '(concept)' after a casus that is not done."""
    title = joined(f"{labels['casus']} {number}", casus.title)
    return f"{title} {labels['in_concept']}" if casus.status == "concept" else title


def add_casus(doc, ctx, labels: Labels, number: int, casus: Casus, slot: Slot | None) -> None:
    """The chapter of one (personalised) casus. It follows on the page before: a page break
    would leave the end of the previous chapter on a page of its own."""
    add_heading(doc, heading_text(labels, number, casus), 1)
    if casus.status == "concept":
        add_lead(doc, "Let op", labels["concept"], fixed(ctx, "draaiboek-concept.j2"))
    add_heading(doc, labels["samenvatting"], 2)
    add_text(doc, casus.summary)
    if casus.goal:
        add_heading(doc, labels["doel_casus"], 2)
        add_text(doc, casus.goal)
    groups = ctx.groups_for(casus.id)
    add_heading(doc, labels["welke_groepen"], 2)
    add_text(doc, fixed(ctx, "draaiboek-groepen.j2", groepen_tekst=groups_text(labels, groups),
                        aantal_groepen=len(groups),
                        aantal_deelnemers=ctx.participants_for(casus.id)))
    _cards_and_phases(doc, ctx, labels, casus, slot)
    _dilemmas(doc, labels, casus)
    _perspectives(doc, labels, casus)
    _actions(doc, labels, casus)
    if casus.tips:
        add_heading(doc, labels["tips"], 2)
        add_list(doc, casus.tips)
    if casus.debrief:
        add_heading(doc, labels["nabespreking"], 2)
        add_numbered(doc, casus.debrief)


def _number(card_id: str) -> tuple[str, str]:
    """'kit · casus · 07' → ('kit · casus', '07')."""
    prefix, _, number = card_id.rpartition(" · ")
    return prefix, number


def _ranges(numbers: list[str]) -> str:
    """['01', '02', '03', '05'] → '01–03, 05'."""
    runs: list[list[str]] = []
    for number in numbers:
        if runs and int(number) == int(runs[-1][-1]) + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def _cards_and_phases(doc, ctx, labels: Labels, casus: Casus, slot: Slot | None) -> None:
    cards = cards_for(ctx.kit.id, casus, card_categories(ctx.werkvorm))
    if not cards and not casus.phases:
        return
    add_heading(doc, labels["kaarten"], 2)
    if cards:
        add_text(doc, fixed(ctx, "draaiboek-kaarten.j2", voorvoegsel=_number(cards[0].id)[0],
                            aantal=len(cards)))
        rows = []
        for category in dict.fromkeys(card.category for card in cards):  # in number order
            numbers = [_number(card.id)[1] for card in cards if card.category == category]
            rows.append([labels[f"kaart_{category}"], _ranges(numbers),
                         labels[f"wanneer_{category}"]])
        add_table(doc, [labels["kolom_soort"], labels["kolom_nummers"], labels["kolom_wanneer"]],
                  rows, [38, 24, 108])
    phase_cards = [_number(card.id)[1] for card in cards if card.category == "fase"]
    offsets = phase_offsets(slot.block.minutes, len(casus.phases)) if slot else []
    for index, phase in enumerate(casus.phases):
        add_heading(doc, f"{labels['fase']} {index + 1} · {phase.title}", 3)
        minutes = offsets[index] if offsets else None
        moment = clock(slot.start + dt.timedelta(minutes=minutes)) if offsets else None
        add_lead(doc, "DOE", labels["doe"],
                 fixed(ctx, "draaiboek-fase.j2", fase=index + 1, minuten=minutes, tijd=moment,
                       kaart=phase_cards[index] if index < len(phase_cards) else None))
        add_text(doc, phase.text, "Quote")
        add_list(doc, phase.questions)


def _dilemmas(doc, labels: Labels, casus: Casus) -> None:
    if not casus.dilemmas:
        return
    add_heading(doc, labels["dilemmas"], 2)
    rows = [[capital(d.subject or labels["dilemma_anders"]), d.question,
             d.explanation or labels["geen_toelichting"]] for d in casus.dilemmas]
    add_table(doc, [labels["kolom_dilemma_soort"], labels["kolom_dilemma"],
                    labels["kolom_toelichting"]], rows, [30, 70, 70])


def _perspectives(doc, labels: Labels, casus: Casus) -> None:
    if not casus.perspectives:
        return
    add_heading(doc, labels["perspectieven"], 2)
    rows = []
    for view in casus.perspectives:
        seen = _leads(labels, (("ziet", view.sees), ("weet", view.knows)))
        shared = _leads(labels, (("mag_delen", view.may_share),
                                 ("mag_niet_delen", view.may_not_share)))
        rows.append([professions.label(view.profession), seen, shared])
    add_table(doc, [labels["kolom_beroep"], labels["kolom_ziet"], labels["kolom_delen"]], rows,
              [36, 72, 62])


def _leads(labels: Labels, pairs) -> list[Para]:
    return [Para(value, lead=labels[key]) for key, value in pairs if value]


def _actions(doc, labels: Labels, casus: Casus) -> None:
    if not casus.actions:
        return
    add_heading(doc, labels["acties"], 2)
    rows = [[professions.label(item.profession), [Para(a, bullet=True) for a in item.actions]]
            for item in casus.actions]
    add_table(doc, [labels["kolom_beroep"], labels["kolom_acties"]], rows, [36, 134])
