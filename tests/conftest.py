"""Shared fixtures: a scratch copy of the shipped example workspace and a CLI runner."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from casuskit.verify import check_project
from casuskit.cli import main

REPO = Path(__file__).resolve().parent.parent
INPUT_FOLDERS = ("projecten", "buurten", "werkvormen", "casussen", "kits", "rollen", "schema")


@pytest.fixture(autouse=True, scope="session")
def _own_division_cache(tmp_path_factory):
    """Kept table divisions go to a folder of this test session, not the user's ~/.cache."""
    os.environ["CASUSKIT_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A copy of the repository's example files; tests may break it freely."""
    for folder in INPUT_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory) -> Path:
    """The shipped examples with their fictional participant lists and evaluation results,
    built once per test session (``casuskit build`` and ``casuskit evaluatie``); tests that use
    it only read it."""
    from casuskit.build import build
    from casuskit.evaluation.report import write_reports
    root = tmp_path_factory.mktemp("voorbeelden")
    for folder in INPUT_FOLDERS + ("deelnemers", "evaluaties"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.tafels.csv"))
    build(root)
    write_reports(root)
    return root


@pytest.fixture
def listed(ws: Path) -> Path:
    """The example workspace with its fictional participant lists (deelnemers/); a kept
    division (*.tafels.csv) from someone's own `casuskit tafels` run stays out."""
    shutil.copytree(REPO / "deelnemers", ws / "deelnemers", ignore=shutil.ignore_patterns("*.tafels.csv"))
    return ws


@pytest.fixture
def casus_ws(tmp_path: Path) -> Path:
    """The smallest workspace `check` reads: a project that requires no perspectives (so a
    valid casus gets no warning of its own), its buurt `centrum`, and an empty casussen/."""
    write(tmp_path, "projecten/proef.yaml", "id: proef\nnaam: Proef\norganisatie: Gemeente\n"
          "buurten: [centrum]\nverplichte_perspectieven: []\n")
    write(tmp_path, "buurten/centrum.yaml", "id: centrum\nnaam: Centrum\nbeschrijving: Een buurt.\n")
    (tmp_path / "casussen").mkdir()
    return tmp_path


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = textwrap.dedent(text).lstrip("\n").encode("utf-8")
    path.write_bytes(text)
    return path


def run(root: Path, *args: str):
    """Run the casuskit CLI with ``root`` as current directory; returns click's Result."""
    previous = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False, env={"NO_COLOR": "1"})
    finally:
        os.chdir(previous)


def diagnostics(root: Path, errors_only: bool = False):
    """Diagnostics of ``casuskit check`` in ``root``, as (code, message, 'file:line:col') tuples."""
    result = check_project(root)
    return [(d.code, d.message, f"{d.location.file}:{d.location.line}:{d.location.column}")
            for d in result.diagnostics if d.is_error or not errors_only]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (CI=true) a skipped test is a failed test: .ci/run installs LibreOffice, poppler
    and the fonts, so a skip there means the PDF checks silently did not run."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true) counts as a failure: {reason}"
