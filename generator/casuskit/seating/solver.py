"""Dividing people over tables with OR-Tools CP-SAT.

Why a constraint solver rather than a local search: every hard constraint is a plain linear
constraint on 0/1 variables, and CP-SAT is *complete*: it either returns a division that
meets them all, or proves that none exists, so casuskit never reports "impossible" for a
feasible list or hands out a division that breaks a rule. Pins, a minimal reshuffle (weighted
moves) and avoiding earlier pairings are a few more terms in the same model. One search
worker, a fixed random seed and a deterministic time limit make the result the same on every
run; a seeded tie-break in the objective makes the optimum (almost always) unique, so the
division does not depend on solver internals either.
"""

from __future__ import annotations

import functools
import hashlib
import sys
import types

from casuskit.seating import cache, feasibility
from casuskit.errors import Infeasible
from casuskit.seating.problem import Division, Problem, org_key, pair

FAMILIES = ("rollen", "organisaties", "vast", "grootte")
DETERMINISTIC_SECONDS = 20.0  # CP-SAT's own work units, the same on every machine
TIE_RANGE = 64


def divide(problem: Problem) -> Division:
    """The best division that meets every hard constraint, or :class:`Infeasible` saying why."""
    reasons = feasibility.reasons(problem)
    if reasons:
        raise Infeasible(reasons)
    kept = cache.load(problem)  # solved before: no need to load the solver at all
    if kept is not None:
        return kept
    status, division = _solve(problem, FAMILIES)
    if division is not None:
        cache.store(division)
        return division
    if status == "UNKNOWN":
        raise Infeasible(["casuskit vond binnen de rekentijd geen indeling; probeer het met "
                          "minder vaste tafels of minder rollen per tafel"])
    culprits = [f for f in FAMILIES if f != "grootte" and _solve(problem, tuple(
        x for x in FAMILIES if x != f), optimise=False)[1] is not None]
    raise Infeasible([feasibility.combined(problem, culprits)])


def _solve(problem: Problem, families: tuple[str, ...], optimise: bool = True):
    cp_model = _cp_model()  # imported here: loading OR-Tools takes a moment

    people, tables = problem.people, range(problem.tables)
    idx = {p.key: i for i, p in enumerate(people)}
    model = cp_model.CpModel()
    x = [[model.NewBoolVar(f"x{i}_{t}") for t in tables] for i in range(len(people))]
    for row in x:
        model.AddExactlyOne(row)
    sizes = [sum(x[i][t] for i in range(len(people))) for t in tables]
    if "grootte" in families:
        low, high = problem.size_bounds()
        for size in sizes:
            model.AddLinearConstraint(size, low, high)
    if "vast" in families:
        for i, person in enumerate(people):
            if person.table is not None:
                model.Add(x[i][person.table - 1] == 1)
    if "rollen" in families:
        for t in tables:
            present = []
            for role, members in sorted(problem.roles().items()):
                has = model.NewBoolVar(f"r{t}_{role}")
                model.Add(has <= sum(x[idx[p.key]][t] for p in members))
                present.append(has)
            model.Add(sum(present) >= problem.min_roles)
    if "organisaties" in families:
        for org, members in sorted(problem.organisations().items()):
            cap = problem.org_cap(len(members))
            for t in tables:
                model.Add(sum(x[idx[p.key]][t] for p in members) <= cap)
    if optimise:
        model.Minimize(_objective(model, problem, x, sizes))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = problem.seed % (2 ** 31)
    solver.parameters.max_deterministic_time = DETERMINISTIC_SECONDS
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return solver.StatusName(status), None
    seated = tuple(tuple(p for i, p in enumerate(people) if solver.Value(x[i][t])) for t in tables)
    return solver.StatusName(status), Division(problem, seated)


def _cp_model():
    """OR-Tools' CP-SAT, without pandas when pandas is not loaded yet.

    cp_model imports pandas only for helpers that make variables shaped like pandas objects,
    which casuskit never calls, and pandas is most of its weight: 42 of 79 MiB and about 0.3 s
    in the build worker that divides tables. A stand-in module answers the names cp_model
    looks up while it is imported, and leaves ``sys.modules`` right after, so that anything
    importing pandas later gets the real one; should a newer OR-Tools want more of it, the
    real pandas is imported after all.
    """
    if "ortools.sat.python.cp_model" in sys.modules or "pandas" in sys.modules:
        from ortools.sat.python import cp_model
        return cp_model
    stand_in = types.ModuleType("pandas", "stands in for pandas while OR-Tools is imported")
    stand_in.__getattr__ = _stand_in_class
    sys.modules["pandas"] = stand_in
    try:
        from ortools.sat.python import cp_model
    except Exception:  # noqa: BLE001 - any failure: import it the ordinary way below
        sys.modules.pop("ortools.sat.python.cp_model", None)
        cp_model = None
    finally:
        if sys.modules.get("pandas") is stand_in:
            del sys.modules["pandas"]
    if cp_model is None:
        from ortools.sat.python import cp_model
    return cp_model


@functools.cache
def _stand_in_class(name: str) -> type:
    if name.startswith("__"):
        raise AttributeError(name)  # no __path__, __spec__ …: not a package to import from
    return type(name, (), {"__module__": "pandas"})


def _objective(model, problem: Problem, x, sizes):
    """Moves ≫ repeated pairs ≫ uneven tables ≫ seeded tie-break, as one weighted sum."""
    people, count = problem.people, len(problem.people)
    index = {p.key: i for i, p in enumerate(people)}
    w_even = TIE_RANGE * count + 1
    w_pair = w_even * (2 * count + 1)
    w_move = w_pair * (count * count * (len(problem.earlier_groups) + 1) // 2 + 1)
    terms = []
    for i, person in enumerate(people):
        for t in range(problem.tables):
            terms.append(_tie(problem.seed, person.key, t) * x[i][t])
        previous = problem.previous.get(person.key)
        if previous is not None and previous <= problem.tables:
            terms.append(w_move * (1 - x[i][previous - 1]))
    for g, group in enumerate(problem.earlier_groups):
        members = [index[k] for k in sorted(group) if k in index]
        if len(members) < 2:
            continue
        for t in range(problem.tables):  # C(k, 2) pairs from this earlier table meet again here
            together = model.NewIntVar(0, len(members), f"k{g}_{t}")
            model.Add(together == sum(x[i][t] for i in members))
            pairs = model.NewIntVar(0, len(members) * len(members), f"c{g}_{t}")
            for j in range(1, len(members)):  # tangents of the convex k(k-1)/2: exact at integers
                model.Add(pairs >= j * together - j * (j + 1) // 2)
            terms.append(w_pair * pairs)
    if problem.reshuffle:
        low, high = count // problem.tables, -(-count // problem.tables)
        for t, size in enumerate(sizes):
            off = model.NewIntVar(0, count, f"d{t}")
            model.Add(off >= size - high)
            model.Add(off >= low - size)
            terms.append(w_even * off)
    return sum(terms)


def _tie(seed: int, key: str, table: int) -> int:
    digest = hashlib.sha256(f"{seed}\x00{key}\x00{table}".encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % TIE_RANGE


__all__ = ["Division", "Infeasible", "Problem", "divide", "org_key", "pair"]
