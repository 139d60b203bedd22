"""The table-division problem, a division, and an independent check of the hard constraints.

Hard constraints (a division that breaks one is never returned):

- everyone sits at exactly one table; table sizes differ by at most one (after a late change,
  by at most one from the mean, so that a no-show does not force anyone to move);
- every table has at least ``min_roles`` different roles;
- no organisation has more people at one table than it must: at most one where it has no
  more people than there are tables, otherwise as evenly spread as possible;
- a person pinned to a table sits there.

Soft, in this order: move as few people as possible from where they sat (late changes), seat
as few pairs as possible who already shared a table in an earlier round of the same buurt
(counted per earlier table, so a pair that sat together twice weighs twice),
keep tables even, and break remaining ties by a seeded pseudo-random preference.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

from casuskit.participants import Participant

Pair = tuple[str, str]  # two person keys, sorted


def pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def org_key(organisation: str) -> str:
    return " ".join(organisation.split()).casefold()


@dataclass(frozen=True)
class Problem:
    people: tuple[Participant, ...]
    tables: int
    min_roles: int
    earlier_groups: tuple[frozenset[str], ...] = ()  # person keys per earlier table
    previous: Mapping[str, int] = field(default_factory=dict)  # person key → table (1-based)
    seed: int = 1

    @cached_property
    def earlier_pairs(self) -> frozenset[Pair]:
        return frozenset(pair(a, b) for group in self.earlier_groups
                         for a in group for b in group if a < b)

    @property
    def reshuffle(self) -> bool:
        return bool(self.previous)

    def size_bounds(self) -> tuple[int, int]:
        n, t = len(self.people), self.tables
        low, high = n // t, math.ceil(n / t)
        return (max(1, low - 1), high + 1) if self.reshuffle else (low, high)

    def organisations(self) -> dict[str, list[Participant]]:
        """People per organisation (only organisations with a name)."""
        found: dict[str, list[Participant]] = {}
        for person in self.people:
            if org_key(person.organisation):
                found.setdefault(org_key(person.organisation), []).append(person)
        return found

    def org_cap(self, members: int) -> int:
        return math.ceil(members / self.tables)

    def roles(self) -> dict[str, list[Participant]]:
        found: dict[str, list[Participant]] = {}
        for person in self.people:
            found.setdefault(person.role, []).append(person)
        return found


@dataclass(frozen=True)
class Division:
    problem: Problem
    tables: tuple[tuple[Participant, ...], ...]  # index 0 is table 1

    def table_of(self) -> dict[str, int]:
        return {p.key: number for number, people in enumerate(self.tables, start=1) for p in people}

    def moved(self) -> list[Participant]:
        where = self.table_of()
        return [p for people in self.tables for p in people
                if p.key in self.problem.previous and self.problem.previous[p.key] != where[p.key]]

    def repeats(self, people: tuple[Participant, ...]) -> list[tuple[Participant, Participant]]:
        earlier = self.problem.earlier_pairs
        return [(a, b) for i, a in enumerate(people) for b in people[i + 1:]
                if pair(a.key, b.key) in earlier]


def violations(problem: Problem, tables: tuple[tuple[Participant, ...], ...]) -> list[str]:
    """Every hard constraint a division breaks (empty when it is valid); independent of the solver."""
    found: list[str] = []
    seated = [p.key for people in tables for p in people]
    if sorted(seated) != sorted(p.key for p in problem.people):
        found.append("niet iedereen zit precies één keer aan een tafel")
    if len(tables) != problem.tables:
        found.append(f"{len(tables)} tafels in plaats van {problem.tables}")
    low, high = problem.size_bounds()
    caps = {org: problem.org_cap(len(members)) for org, members in problem.organisations().items()}
    for number, people in enumerate(tables, start=1):
        if not low <= len(people) <= high:
            found.append(f"tafel {number} heeft {len(people)} mensen (moet {low} tot {high} zijn)")
        roles = {p.role for p in people}
        if len(roles) < problem.min_roles:
            found.append(f"tafel {number} heeft {len(roles)} rollen (minstens {problem.min_roles})")
        for org, cap in caps.items():
            count = sum(1 for p in people if org_key(p.organisation) == org)
            if count > cap:
                found.append(f"tafel {number} heeft {count} mensen van {org} (hoogstens {cap})")
        for person in people:
            if person.table is not None and person.table != number:
                found.append(f"{person.name} zit aan tafel {number}, niet aan vaste tafel {person.table}")
    return found
