"""Table division: hard constraints always hold, impossibility is proved and explained in Dutch.

The property tests compare CP-SAT against brute force over every assignment of small
instances: a division is returned exactly when one exists, it breaks no hard constraint (as
judged by :func:`casuskit.seating.violations`, which does not use the solver), and it seats
no more earlier pairs together than the best possible division.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casuskit.participants import Participant
from casuskit.seating import Infeasible, Problem, divide, violations

ROLES = [("wijkagent", "Wijkagent"), ("opbouwwerker", "Opbouwwerker"),
         ("wijkverpleegkundige", "Wijkverpleegkundige"), ("huisarts", "Huisarts")]
ORGS = ["Politie", "Welzijn", "Zorgpunt", ""]


def person(i: int, role: int, org: int, table: int | None = None) -> Participant:
    key, label = ROLES[role]
    return Participant(f"Persoon {i}", ORGS[org], key, label, table=table)


@st.composite
def problems(draw, max_people: int = 8, max_tables: int = 3):
    n = draw(st.integers(1, max_people))
    tables = draw(st.integers(1, max_tables))
    pins = draw(st.booleans())
    people = tuple(person(i, draw(st.integers(0, 3)), draw(st.integers(0, 3)),
                          draw(st.one_of(st.none(), st.integers(1, tables))) if pins else None)
                   for i in range(n))
    keys = [p.key for p in people]
    groups = tuple(frozenset(k for k in keys if draw(st.booleans()))
                   for _ in range(draw(st.integers(0, 3))))  # earlier tables
    previous = {}
    if draw(st.booleans()):
        previous = {k: draw(st.integers(1, tables)) for k in keys if draw(st.booleans())}
    return Problem(people, tables, draw(st.integers(1, 3)), groups, previous, draw(st.integers(0, 5)))


def repeats(problem: Problem, tables) -> int:
    """Pairs seated again, counted per earlier table they shared (the solver's soft goal)."""
    return sum(len(set(people_keys) & group) * (len(set(people_keys) & group) - 1) // 2
               for people_keys in ([p.key for p in t] for t in tables)
               for group in problem.earlier_groups)


def brute_force(problem: Problem):
    """Every valid division's number of repeated pairs (empty when none is valid)."""
    found = []
    for assignment in itertools.product(range(problem.tables), repeat=len(problem.people)):
        tables = tuple(tuple(p for p, t in zip(problem.people, assignment) if t == number)
                       for number in range(problem.tables))
        if not violations(problem, tables):
            found.append(repeats(problem, tables))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_division_exists_exactly_when_brute_force_finds_one_and_breaks_no_rule(problem):
    valid = brute_force(problem)
    try:
        division = divide(problem)
    except Infeasible as exc:
        assert not valid, f"solver said impossible, but a valid division exists: {exc.reasons}"
        assert exc.reasons and all(isinstance(r, str) and r for r in exc.reasons)
        return
    assert valid, "a division was returned where none is valid"
    assert violations(problem, division.tables) == []
    if not problem.previous:  # without moves to weigh, repeats are the first thing minimised
        assert repeats(problem, division.tables) == min(valid)


@settings(max_examples=40, deadline=None)
@given(problems(max_people=24, max_tables=5))
def test_larger_divisions_meet_the_hard_constraints_and_are_deterministic(problem):
    try:
        first = divide(problem)
    except Infeasible as exc:
        assert exc.reasons
        return
    assert violations(problem, first.tables) == []
    assert divide(problem).tables == first.tables


def mixed(n: int, roles: int, tables: int, min_roles: int = 3, **kw) -> Problem:
    people = tuple(person(i, i % roles, i % 3) for i in range(n))
    return Problem(people, tables, min_roles, **kw)


def test_too_few_roles_says_which_constraint_and_why():
    with pytest.raises(Infeasible) as exc:
        divide(mixed(12, 2, 4))
    assert exc.value.reasons == ["4 tafels met elk 3 verschillende rollen vraagt minstens 3 rollen, "
                                 "er zijn er 2 (Opbouwwerker 6, Wijkagent 6)"]


def test_scarce_roles_are_counted():
    people = tuple(person(i, 0, i % 3) for i in range(8)) + (person(8, 1, 0), person(9, 2, 1))
    with pytest.raises(Infeasible) as exc:
        divide(Problem(people, 2, 3))
    assert exc.value.reasons == [
        "2 tafels met elk 3 verschillende rollen vraagt 6 keer een rol aan een tafel, maar één rol "
        "telt per tafel maar één keer: deze deelnemers halen er hoogstens 4 "
        "(Opbouwwerker 1, Wijkverpleegkundige 1, Wijkagent 8)"]


def test_pins_that_overfill_a_table_are_named():
    people = tuple(person(i, i % 4, i % 4, table=1 if i < 4 else None) for i in range(9))
    with pytest.raises(Infeasible) as exc:
        divide(Problem(people, 3, 2))
    assert exc.value.reasons == ["aan tafel 1 zijn 4 mensen vastgezet, maar er passen er hoogstens 3 "
                                 "aan een tafel"]


def test_the_seed_decides_ties_and_is_reproducible():
    problem = mixed(18, 4, 3)
    assert divide(problem).tables == divide(problem).tables
    others = {divide(mixed(18, 4, 3, seed=s)).tables for s in range(1, 6)}
    assert len(others) > 1


def test_earlier_pairs_are_avoided_when_possible():
    first = divide(mixed(12, 4, 3))
    earlier = tuple(frozenset(p.key for p in t) for t in first.tables)
    second = divide(mixed(12, 4, 3, earlier_groups=earlier, seed=2))
    # four seats, three earlier tables: each new table repeats at least one pair (pigeonhole)
    assert sum(len(second.repeats(t)) for t in second.tables) == 3


def test_no_shows_and_late_arrivals_move_nobody_else():
    start = divide(mixed(18, 4, 3))
    previous = start.table_of()
    absent = start.tables[0][0].key
    late = person(99, 1, 2)
    people = tuple(p for p in mixed(18, 4, 3).people if p.key != absent) + (late,)
    after = divide(Problem(people, 3, 3, previous={k: t for k, t in previous.items() if k != absent}))
    assert after.moved() == []
    assert after.table_of()[late.key] in (1, 2, 3)


def test_constraints_that_only_clash_together_are_named():
    people = (person(0, 0, 0, table=1), person(1, 0, 1, table=1), person(2, 1, 2), person(3, 1, 3),
              person(4, 2, 0), person(5, 2, 1))
    with pytest.raises(Infeasible) as exc:
        divide(Problem(people, 2, 3))
    assert exc.value.reasons == ["er is geen indeling die alles tegelijk haalt: minstens 3 verschillende "
                                 "rollen per tafel en de vaste tafels uit de kolom `tafel` gaan samen niet"]
