"""Checks on what the room gets: cards somebody is told to use, an evaluation with a moment in
the programme, statements that can be told apart, and counts that agree.

- Every card set of a werkvorm (its question cards, each ``kaartsets`` entry, the role cards) is
  named by a programme block (``kaarten:``), so the draaiboek can say when it comes on the table;
  a block names only sets that exist.
- A werkvorm whose meetings hand out an evaluation form has a block for it (``evaluatie: ja``).
- Statement keys are the columns of the results files: unique per form, never a reserved column.
- A kit's ``deelnemers`` agrees with its participant list; its guests sit at tables that exist.
"""

from __future__ import annotations

from functools import partial

from casuskit import participants
from casuskit.errors import Diagnostic, error, warning
from casuskit.evaluation.items import question_column
from casuskit.model.evaluation import RESERVED_KEYS
from casuskit.model.werkvorm import QUESTION_CARDS, ROLE_CARDS
from casuskit.seating import store
from casuskit.workspace import Entry, Workspace, location_of


def check_meetings(ws: Workspace) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for entry in ws.of("werkvorm").values():
        found += _cards(entry)
        found += _statements(entry, entry.model.statements, ("stellingen",))
        if _hands_out_form(ws, entry.model) and not any(b.evaluation for b in entry.model.blocks):
            found.append(warning(
                "evaluatie-zonder-blok", "deze werkvorm deelt een evaluatieformulier uit, maar geen "
                "blok van het programma is ervoor", location_of(entry, ("blokken",), key=True),
                "Zet `evaluatie: ja` bij het blok waarin de deelnemers het formulier invullen (reken "
                "op vijf tot tien minuten), of voeg zo'n blok toe; het draaiboek en de printlijst "
                "noemen dan dat blok."))
    for entry in ws.of("project").values():
        chosen = entry.model.evaluation.statements
        if chosen:
            found += _statements(entry, chosen, ("evaluatie", "stellingen"))
    for entry in ws.of("kit").values():
        found += _guests(entry) + _headcount(ws, entry)
    return found


def _cards(entry: Entry) -> list[Diagnostic]:
    werkvorm, found = entry.model, []
    sets = {set_.id: ("kaartsets", i, "id") for i, set_ in enumerate(werkvorm.card_sets)}
    if werkvorm.question_cards:
        sets[QUESTION_CARDS] = ("vraagkaarten",)
    if "rolkaarten" in werkvorm.documents:
        sets[ROLE_CARDS] = ("documenten",)
    named = set()
    for b, block in enumerate(werkvorm.blocks):
        for c, key in enumerate(block.cards):
            named.add(key)
            if key not in sets:
                choices = ", ".join(f"`{k}`" for k in sets) or "geen: de werkvorm heeft geen eigen kaarten"
                found.append(error("onbekende-kaarten", f"de werkvorm heeft geen kaarten `{key}`",
                                   location_of(entry, ("blokken", b, "kaarten", c)),
                                   f"Kies uit: {choices}."))
    for key, path in sets.items():
        if key not in named:
            what = {QUESTION_CARDS: "de vraagkaarten", ROLE_CARDS: "de rolkaarten"}.get(key, f"de kaartset `{key}`")
            found.append(warning(
                "kaarten-zonder-blok", f"{what} van deze werkvorm worden geprint, maar geen blok "
                "zegt wanneer ze op tafel komen", location_of(entry, path, key=path[-1:] != ("id",)),
                f"Zet `kaarten: [{key}]` bij het blok waarin de groepen ze gebruiken, en zeg in dat "
                "blok onder `doe` wat ze ermee doen."))
    return found


def _statements(entry: Entry, statements, path: tuple) -> list[Diagnostic]:
    found, seen = [], set()
    for i, statement in enumerate(statements):
        where = partial(location_of, entry, (*path, i, "sleutel"))  # only for a finding: it reads the text again
        if statement.key in RESERVED_KEYS or statement.key.startswith("vraag") and statement.key[5:].isdigit():
            found.append(error("gereserveerde-sleutel", f"de sleutel `{statement.key}` is al een "
                               "kolom van de evaluaties", where(),
                               f"Kies een andere sleutel; `{'`, `'.join(RESERVED_KEYS)}` en "
                               f"`{question_column(1)}`, `{question_column(2)}` … zijn bezet."))
        elif statement.key in seen:
            found.append(error("dubbele-sleutel", f"twee stellingen hebben de sleutel `{statement.key}`",
                               where(), "Elke stelling krijgt een eigen sleutel: die wordt de kolom "
                               "in evaluaties/<kit-id>.csv."))
        seen.add(statement.key)
    return found


def _hands_out_form(ws: Workspace, werkvorm) -> bool:
    if werkvorm.evaluation or werkvorm.statements:
        return True
    projects = {e.model.project for e in ws.of("kit").values() if e.model.werkvorm == werkvorm.id}
    return any(ws.get("project", p) is not None and ws.get("project", p).evaluation.statements != []
               for p in projects)


def _guests(entry: Entry) -> list[Diagnostic]:
    kit = entry.model
    return [error("tafel-bestaat-niet", f"tafel {guest.table} bestaat niet: de kit heeft "
                  f"{kit.groups} {'groep' if kit.groups == 1 else 'groepen'}",
                  location_of(entry, ("gasten", i, "tafel")),
                  f"Kies een tafel van 1 tot en met {kit.groups}, of laat `tafel` weg.")
            for i, guest in enumerate(kit.guests) if guest.table is not None and guest.table > kit.groups]


def _headcount(ws: Workspace, entry: Entry) -> list[Diagnostic]:
    """The kit's `deelnemers` against its list, minus who cancelled or is marked absent."""
    kit = entry.model
    listed, problems = participants.load(ws.root, kit.id, kit.groups)
    if listed is None or any(d.is_error for d in problems):
        return []
    kept, _ = store.load(ws.root, kit.id)
    gone = [p for p in listed.people if p.cancelled or (kept is not None and p.key in kept.absent)]
    coming = len(listed.people) - len(gone)
    if coming == kit.participants:
        return []
    why = f" ({len(listed.people)} namen, {len(gone)} afgemeld of afwezig)" if gone else ""
    return [warning("deelnemers-kloppen-niet", f"de kit verwacht {kit.participants} deelnemers, "
                    f"maar volgens {listed.file} komen er {coming}{why}",
                    location_of(entry, ("deelnemers",)),
                    f"Zet `deelnemers: {coming}` in de kit, of werk de lijst bij. Het draaiboek en de "
                    "printlijst tellen met de lijst; gasten (`gasten:`) tellen niet mee.")]
