"""How well a division meets the constraints, per table, in Dutch (for the terminal and the
draaiboek): size, distinct roles against the minimum, organisations seated twice, and pairs
who already shared a table in an earlier round.
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit.seating.problem import org_key


@dataclass(frozen=True)
class TableSummary:
    number: int
    size: int
    roles: tuple[str, ...]               # role labels, each once
    min_roles: int
    shared_orgs: tuple[tuple[str, int], ...]  # organisation, people at this table (when > 1)
    repeats: tuple[tuple[str, str], ...]      # names of pairs from an earlier round

    def line(self) -> str:
        role_part = (f"{len(self.roles)} verschillende rollen (minstens {self.min_roles}): "
                     + ", ".join(self.roles))
        orgs = ("elke organisatie één keer" if not self.shared_orgs else
                "; ".join(f"{count} van {org}" for org, count in self.shared_orgs))
        repeats = ("geen paren uit een eerdere ronde" if not self.repeats else
                   f"{len(self.repeats)} {'paar' if len(self.repeats) == 1 else 'paren'} uit een "
                   "eerdere ronde: " + "; ".join(f"{a} en {b}" for a, b in self.repeats))
        return f"Tafel {self.number} ({self.size} mensen): {role_part} · {orgs} · {repeats}"


def summarise(division, min_roles: int) -> list[TableSummary]:
    found = []
    for number, people in enumerate(division.tables, start=1):
        labels = tuple(dict.fromkeys(p.role_label for p in sorted(people, key=lambda p: p.role)))
        counts: dict[str, list] = {}
        for person in people:
            if org_key(person.organisation):
                counts.setdefault(org_key(person.organisation), []).append(person)
        shared = tuple((members[0].organisation, len(members))
                       for _, members in sorted(counts.items()) if len(members) > 1)
        repeats = tuple((a.name, b.name) for a, b in division.repeats(people))
        found.append(TableSummary(number, len(people), labels, min_roles, shared, repeats))
    return found


def report(seating) -> list[str]:
    """The terminal report of ``casuskit tafels``: the tables, then how well they fit."""
    lines = []
    for number, people in enumerate(seating.tables, start=1):
        lines.append(f"Tafel {number}")
        for person in sorted(people, key=lambda p: p.key):
            org = f", {person.organisation}" if person.organisation else ""
            lines.append(f"  {person.name} ({person.role_label}{org}{', gast' if person.guest else ''})")
    if seating.absent:
        lines.append("Afwezig: " + ", ".join(p.name for p in sorted(seating.absent, key=lambda p: p.key)))
    lines.append("")
    lines += [s.line() for s in summarise(seating.division, seating.min_roles)]
    moved = seating.division.moved()
    if seating.division.problem.reshuffle:
        lines.append("Verplaatst: " + (", ".join(p.name for p in moved) if moved else "niemand"))
    if seating.earlier:
        lines.append("Paren uit eerdere rondes vermeden waar het kon: " + ", ".join(seating.earlier))
    return lines
