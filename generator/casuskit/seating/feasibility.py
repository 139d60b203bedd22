"""Why a table division cannot exist, in Dutch, from counting alone.

Each check is a necessary condition: when one fails no division exists, and the sentence says
which constraint and why ("4 tafels met elk 3 verschillende rollen vraagt minstens 3 rollen, er
zijn er 2"). When all pass and the solver still finds none, :func:`combined` names the
constraints that only clash together.
"""

from __future__ import annotations

from casuskit.seating.problem import Problem, org_key


def reasons(problem: Problem) -> list[str]:
    n, t, need = len(problem.people), problem.tables, problem.min_roles
    tafels = f"{t} {'tafel' if t == 1 else 'tafels'}"
    if n == 0:
        return ["er staan geen deelnemers op de lijst"]
    if t > n:
        return [f"{tafels} vraagt minstens {t} deelnemers, er {_zijn(n)}"]
    found: list[str] = []
    roles = problem.roles()
    with_roles = f"{tafels} met elk {need} verschillende rollen"
    if len(roles) < need:
        found.append(f"{with_roles} vraagt minstens {need} rollen, er {_zijn(len(roles))} "
                     f"({_role_counts(roles)})")
    elif n < need * t:
        found.append(f"{with_roles} vraagt minstens {need * t} deelnemers, er {_zijn(n)}")
    else:
        low, high = problem.size_bounds()
        if low < need and not problem.reshuffle:
            found.append(f"{n} deelnemers aan {tafels} geeft tafels van {low} mensen; aan zo'n "
                         f"tafel passen geen {need} verschillende rollen")
        coverage = sum(min(len(members), t) for members in roles.values())
        if coverage < need * t and not found:
            found.append(f"{with_roles} vraagt {need * t} keer een rol aan een tafel, maar één rol "
                         f"telt per tafel maar één keer: deze deelnemers halen er hoogstens "
                         f"{coverage} ({_role_counts(roles)})")
    found += _pins(problem)
    return found


def _pins(problem: Problem) -> list[str]:
    found: list[str] = []
    _, high = problem.size_bounds()
    pinned: dict[int, list] = {}
    for person in problem.people:
        if person.table is not None:
            pinned.setdefault(person.table, []).append(person)
    for number in sorted(pinned):
        people = pinned[number]
        if number > problem.tables:
            found.append(f"{_names(people)} {'staat' if len(people) == 1 else 'staan'} vast aan "
                         f"tafel {number}, maar er zijn maar {problem.tables} tafels")
            continue
        if len(people) > high:
            found.append(f"aan tafel {number} zijn {len(people)} mensen vastgezet, maar er passen "
                         f"er hoogstens {high} aan een tafel")
        organisations = problem.organisations()
        for org, members in organisations.items():
            here = [p for p in people if org_key(p.organisation) == org]
            cap = problem.org_cap(len(members))
            if len(here) > cap:
                shown = here[0].organisation
                found.append(f"aan tafel {number} zijn {len(here)} mensen van {shown} vastgezet "
                             f"({_names(here)}); met {len(members)} van {shown} op "
                             f"{problem.tables} tafels mag er hoogstens {cap} per tafel")
    return found


def combined(problem: Problem, culprits: list[str]) -> str:
    """The sentence for constraints that each can be met but not all together."""
    low, high = problem.size_bounds()
    described = {
        "rollen": f"minstens {problem.min_roles} verschillende rollen per tafel",
        "organisaties": "zo min mogelijk mensen van dezelfde organisatie aan één tafel",
        "vast": "de vaste tafels uit de kolom `tafel`",
        "grootte": f"tafels van {low} tot {high} mensen",
    }
    parts = [described[c] for c in culprits] or list(described.values())
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return f"er is geen indeling die alles tegelijk haalt: {listed} gaan samen niet"


def _zijn(count: int) -> str:
    return "is er 1" if count == 1 else f"zijn er {count}"


def _role_counts(roles: dict) -> str:
    items = sorted(roles.items(), key=lambda item: (len(item[1]), item[0]))
    return ", ".join(f"{members[0].role_label} {len(members)}" for _, members in items)


def _names(people) -> str:
    names = [p.name for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
