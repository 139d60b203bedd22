"""Divisions solved before, kept by what they were solved from.

Loading the constraint solver (OR-Tools pulls in pandas) costs half a second; solving a
meeting's tables takes a few milliseconds. A division is a pure function of its
:class:`~casuskit.seating.problem.Problem` and the solver's code, so it is kept under a digest of
both and the next build with the same participant list takes it without loading the solver at
all. Only table numbers are stored (one per person, in list order), never a name: the digest
cannot be turned back into the list. A kept division is checked against every hard constraint
before it is used (:func:`~casuskit.seating.problem.violations`).

Where: ``$CASUSKIT_CACHE`` (``uit`` turns the cache off), else ``$XDG_CACHE_HOME/casuskit``,
else ``~/.cache/casuskit``. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from casuskit import cachedir
from casuskit.seating.problem import Division, Problem, violations

FOLDER = "indelingen"


def folder() -> Path | None:
    """The cache folder, or None when the cache is off (:mod:`casuskit.cachedir`)."""
    return cachedir.folder(FOLDER)


def _solver_digest() -> str:
    """casuskit's version, its problem and solver code, and OR-Tools' version."""
    here = Path(__file__).resolve().parent
    return cachedir.code_digest(tuple(here / name for name in ("problem.py", "solver.py", "feasibility.py")),
                                "ortools")


def key(problem: Problem) -> str:
    """A digest of everything the solver sees of ``problem``."""
    data = {
        "people": [[p.key, p.role, " ".join(p.organisation.split()).casefold(), p.table]
                   for p in problem.people],
        "tables": problem.tables, "min_roles": problem.min_roles, "seed": problem.seed,
        "earlier": sorted(sorted(group) for group in problem.earlier_groups),
        "previous": sorted(problem.previous.items()),
    }
    text = _solver_digest() + json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(problem: Problem) -> Division | None:
    """The division kept for ``problem``, if there is one and it meets every hard constraint."""
    where = folder()
    if where is None:
        return None
    try:
        numbers = json.loads((where / f"{key(problem)}.json").read_text(encoding="utf-8"))["tafels"]
        if len(numbers) != len(problem.people) or not all(
                isinstance(n, int) and 0 <= n < problem.tables for n in numbers):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    tables = tuple(tuple(p for p, n in zip(problem.people, numbers) if n == t)
                   for t in range(problem.tables))
    return None if violations(problem, tables) else Division(problem, tables)


def store(division: Division) -> None:
    """Keep ``division`` for the next build (quietly not, when the cache cannot be written)."""
    where = folder()
    if where is None:
        return
    table_of = {p.key: t for t, people in enumerate(division.tables) for p in people}
    data = json.dumps({"tafels": [table_of[p.key] for p in division.problem.people]})
    cachedir.keep(where / f"{key(division.problem)}.json", data.encode("utf-8"))
