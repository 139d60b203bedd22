"""The division of one kit: its participant list, earlier rounds, the kept division, changes.

:func:`for_kit` gives the division a build prints: the kept one from ``casuskit tafels`` if
there is one (people added to the list since are seated with as few moves as possible),
otherwise a fresh one from the kit's seed, avoiding pairs who shared a table in an earlier
round of the same project and buurt. :func:`change` is ``casuskit tafels`` itself: it records
late arrivals and no-shows and moves as few others as it can.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from casuskit import participants
from casuskit.errors import CheckFailed, Diagnostic, Infeasible, Location, UsageError, error
from casuskit.participants import Participant, ParticipantList
from casuskit.seating import store
from casuskit.seating.problem import Division, Problem
from casuskit.seating.solver import divide

DEFAULT_MAX_ROLES = 3


@dataclass
class KitSeating:
    kit: object
    listed: ParticipantList        # everyone on the list
    division: Division             # who sits where (present participants only)
    absent: list[Participant]      # cancelled on the list, or absent by `casuskit tafels`
    min_roles: int
    explicit: bool                 # min_roles came from the kit file
    earlier: list[str] = field(default_factory=list)  # kit ids whose pairings were avoided

    @property
    def guests(self) -> list[Participant]:
        """The kit's `gasten` (such as the resident at the table), each with their table."""
        return participants.guests_of(self.kit)

    @property
    def tables(self) -> tuple[tuple[Participant, ...], ...]:
        """Everyone in the room, per table: the present participants and the guests. This is
        what the name tents, table sheets and sign-in list print."""
        return tuple(people + tuple(g for g in self.guests if g.table == number)
                     for number, people in enumerate(self.division.tables, start=1))

    @property
    def present(self) -> list[Participant]:
        """The participants who come (guests not counted)."""
        return [p for people in self.division.tables for p in people]


def earlier_kits(ws, kit) -> list:
    """Kits of the same project and buurt with a lower ronde, oldest first."""
    if kit.round is None:
        return []
    found = [e.model for e in ws.of("kit").values()
             if e.model.project == kit.project and e.model.neighbourhood == kit.neighbourhood
             and e.model.round is not None and e.model.round < kit.round]
    return sorted(found, key=lambda k: (k.round, k.id))


def for_kit(ws, kit, cache: dict | None = None) -> tuple[KitSeating | None, list[Diagnostic]]:
    """The kit's division, or (None, []) without a participant list; diagnostics if impossible."""
    if cache is None:  # shared by all kits of this workspace: earlier rounds are solved once
        cache = ws.__dict__.setdefault("_casuskit_seatings", {})
    if kit.id in cache:
        return cache[kit.id]
    listed, found = participants.load(ws.root, kit.id, kit.groups)
    result: tuple[KitSeating | None, list[Diagnostic]] = (None, found)
    if listed is not None and not any(d.is_error for d in found):
        kept, problems = store.load(ws.root, kit.id)
        if problems:
            result = (None, problems)
        else:
            absent = kept.absent if kept else set()
            previous = kept.tables if kept else {}
            try:
                result = (compute(ws, kit, listed, absent, previous, kit.seating.seed, cache), [])
            except Infeasible as exc:
                result = (None, impossible(ws, kit, listed, exc))
    cache[kit.id] = result
    return result


def compute(ws, kit, listed: ParticipantList, absent: set[str], previous: dict[str, int],
            seed: int, cache: dict) -> KitSeating:
    earlier, groups = _earlier_groups(ws, kit, cache)
    absent = set(absent) | {p.key for p in listed.people if p.cancelled}
    present = tuple(p for p in listed.people if p.key not in absent)
    kept = {k: t for k, t in previous.items() if any(p.key == k for p in present)}
    explicit = kit.seating.min_roles is not None
    if explicit:
        tries = [kit.seating.min_roles]
    else:
        most = min(DEFAULT_MAX_ROLES, len({p.role for p in present}) or 1)
        tries = list(range(most, 0, -1))
    failure: Infeasible | None = None
    for need in tries:
        try:
            division = divide(Problem(present, kit.groups, need, groups, kept, seed))
        except Infeasible as exc:
            failure = exc  # the most relaxed try names what really blocks
            continue
        gone = [p for p in listed.people if p.key in absent]
        return KitSeating(kit, listed, division, gone, need, explicit, earlier)
    raise failure or Infeasible(["er is geen indeling mogelijk"])


def _earlier_groups(ws, kit, cache: dict) -> tuple[list[str], tuple[frozenset[str], ...]]:
    used, groups = [], []
    for other in earlier_kits(ws, kit):
        seating, _ = for_kit(ws, other, cache)
        if seating is None:
            continue
        used.append(other.id)
        groups += [frozenset(p.key for p in people) for people in seating.tables]
    return used, tuple(groups)


def impossible(ws, kit, listed: ParticipantList, exc: Infeasible) -> list[Diagnostic]:
    """One located error per reason: at `rollen_per_tafel` if the kit sets it, else the list."""
    entry = ws.of("kit").get(kit.id)
    where = Location(listed.file, 1, 1)
    if kit.seating.min_roles is not None and entry is not None:
        from casuskit.workspace import location_of
        where = location_of(entry, ("tafelindeling", "rollen_per_tafel"))
    return [error("indeling-onmogelijk", f"de deelnemers van `{kit.id}` passen niet zo aan "
                  f"{kit.groups} tafels: {reason}", where,
                  "Verlaag `tafelindeling: rollen_per_tafel` in de kit, kies een ander aantal "
                  "`groepen`, of haal een vaste tafel weg uit de kolom `tafel`.")
            for reason in exc.reasons]


def change(ws, kit_id: str, late: tuple[str, ...] = (), absent: tuple[str, ...] = (),
           fresh: bool = False, seed: int | None = None) -> tuple[KitSeating, Path]:
    """``casuskit tafels``: apply late arrivals and no-shows, keep the rest, save the result."""
    kit = ws.get("kit", kit_id)
    if kit is None:
        close = difflib.get_close_matches(kit_id, list(ws.of("kit")), n=1)
        raise UsageError(f"er is geen kit met de id `{kit_id}`",
                         f"Bedoelde u `{close[0]}`?" if close else "Zie de map kits/.")
    listed, found = participants.load(ws.root, kit.id, kit.groups)
    if listed is None and not found:
        raise UsageError(f"de kit `{kit_id}` heeft geen deelnemerslijst",
                         f"Maak {participants.FOLDER}/{kit_id}.csv met de kolommen "
                         "naam,organisatie,rol; zonder lijst werkt de kit met de aantallen.")
    if any(d.is_error for d in found):
        raise CheckFailed(found)
    late_keys = {_named(listed, name, "laat").key for name in late}
    for key in late_keys:
        person = listed.find(key)
        if person is not None and person.cancelled:
            raise UsageError(f"`{person.name}` staat als afgemeld op {listed.file} (regel {person.line})",
                             "Komt deze persoon toch? Haal dan `ja` weg in de kolom `afgemeld`.")
    absent_keys = {_named(listed, name, "afwezig").key for name in absent}
    kept, problems = (None, []) if fresh else store.load(ws.root, kit.id)
    if problems:
        raise CheckFailed(problems)
    chosen = kit.seating.seed if seed is None else seed
    cache: dict = {}
    if kept is not None:
        previous, gone = dict(kept.tables), set(kept.absent)
    elif late_keys or absent_keys:  # changes to the division a build would print
        base = compute(ws, kit, listed, set(), {}, chosen, cache)
        previous, gone = base.division.table_of(), set()
    else:
        previous, gone = {}, set()
    gone = (gone | absent_keys) - late_keys
    for key in absent_keys:
        previous.pop(key, None)
    seating = compute(ws, kit, listed, gone, previous, chosen, cache)
    return seating, store.save(ws.root, kit.id, seating.division, seating.absent)


def _named(listed: ParticipantList, name: str, option: str) -> Participant:
    person = listed.find(name)
    if person is not None:
        return person
    close = listed.close_names(name)
    hint = f"Bedoelde u `{close[0]}`? " if close else ""
    if option == "laat":
        hint += (f"Staat iemand nog niet op de lijst, voeg dan eerst een regel toe aan {listed.file} "
                 "(naam, organisatie, rol).")
    raise UsageError(f"`{name}` staat niet op de deelnemerslijst {listed.file}", hint.strip() or None)


def input_files(ws, kit) -> list[str]:
    """Workspace files a kit's division depends on, existing or not (for incremental builds):
    its participant list and kept division, and those of the earlier rounds of its buurt."""
    if not participants.path_for(ws.root, kit.id).is_file():  # no list: only its appearance counts
        return [f"{participants.FOLDER}/{kit.id}{participants.SUFFIX}"]
    files = []
    for other in (kit, *earlier_kits(ws, kit)):
        for path in (participants.path_for(ws.root, other.id), store.path_for(ws.root, other.id)):
            files.append(f"{participants.FOLDER}/{path.name}")
    return files
