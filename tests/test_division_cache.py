"""A division solved once is kept (table numbers only, under a digest) and taken the next time
without loading the solver; a kept division that is damaged or no longer valid is never used."""

from __future__ import annotations

import json
import os
from pathlib import Path
import subprocess
import sys

import pytest

from casuskit.participants import Participant
from casuskit.seating import Problem, cache, divide, solver

PEOPLE = tuple(Participant(f"Persoon {i}", org, role, role.capitalize())
               for i, (role, org) in enumerate([("wijkagent", "Politie"), ("opbouwwerker", "Welzijn"),
                                                 ("wijkagent", "Politie"), ("huisarts", "Zorg"),
                                                 ("opbouwwerker", "Welzijn"), ("huisarts", "")]))
PROBLEM = Problem(PEOPLE, 2, 2, seed=7)


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.setenv("CASUSKIT_CACHE", str(tmp_path))
    return tmp_path / cache.FOLDER


def test_a_solved_division_is_kept_and_taken_without_the_solver(kept, monkeypatch):
    first = divide(PROBLEM)
    [entry] = kept.glob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    assert sorted(stored) == ["tafels"] and "Persoon" not in entry.read_text(encoding="utf-8")
    monkeypatch.setattr(solver, "_solve", lambda *args, **kwargs: pytest.fail("solved again"))
    assert divide(PROBLEM) == first
    other = Problem(PEOPLE, 2, 2, seed=8)  # another seed: another problem
    assert cache.key(other) != cache.key(PROBLEM) and cache.load(other) is None


def test_a_damaged_or_invalid_entry_is_solved_again(kept):
    first = divide(PROBLEM)
    [entry] = kept.glob("*.json")
    for damaged in ("geen json", '{"tafels": [0, 0, 0, 0, 0, 0]}', '{"tafels": [0, 1]}',
                    '{"tafels": [0, 1, 2, 0, 1, 0]}'):
        entry.write_text(damaged, encoding="utf-8")
        assert cache.load(PROBLEM) is None  # unreadable, all at one table, too short, no table 3
        assert divide(PROBLEM) == first


def test_the_cache_can_be_turned_off_or_be_unwritable(tmp_path, monkeypatch):
    monkeypatch.setenv("CASUSKIT_CACHE", "uit")
    divide(PROBLEM)
    assert cache.folder() is None
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("CASUSKIT_CACHE", str(blocker))
    assert divide(PROBLEM).tables  # nothing kept, nothing broken


def test_a_second_build_never_loads_the_solver(listed, tmp_path):
    """The example lists are solved in the first build; the second, with output/ removed, only
    reads the kept divisions: OR-Tools is never imported."""
    from casuskit.build import build
    build(listed, jobs=1)
    script = ("import sys, shutil; from pathlib import Path; from casuskit.build import build; "
              f"root = Path({str(listed)!r}); shutil.rmtree(root / 'output'); build(root, jobs=1); "
              "print('ortools' in ' '.join(sys.modules))")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_the_solver_is_loaded_without_pandas_and_divides_the_same(tmp_path):
    """cp_model imports pandas only for helpers casuskit never calls (solver._cp_model)."""
    script = ("import sys\nfrom casuskit.seating import divide\nimport test_division_cache as t\n"
              "if sys.argv[1] == 'met':\n    import pandas\n"
              "division = divide(t.PROBLEM)\n"
              "print('pandas' in sys.modules, [[p.key for p in table] for table in division.tables])\n")
    found = {}
    for pandas in ("zonder", "met"):
        env = {**os.environ, "CASUSKIT_CACHE": "uit",
               "PYTHONPATH": str(Path(__file__).parent)}
        shown = subprocess.run([sys.executable, "-c", script, pandas], capture_output=True, text=True,
                               timeout=300, env=env)
        assert shown.returncode == 0, shown.stderr
        found[pandas] = shown.stdout.split(" ", 1)
    assert found["zonder"][0] == "False" and found["met"][0] == "True"
    assert found["zonder"][1] == found["met"][1]
