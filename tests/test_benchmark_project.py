"""The benchmark's synthetic project stays a valid casuskit project: a change to the model or
the shipped content that breaks it shows here, not only when someone runs the benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

from casuskit.verify import check_project

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synthetic  # noqa: E402


def test_the_synthetic_project_checks_clean(tmp_path):
    root = synthetic.generate(tmp_path / "synthetisch", kits=14)
    result = check_project(root)
    assert [(d.code, d.location.file if d.location else None) for d in result.diagnostics] == []
    werkvormen = {entry.model.werkvorm for entry in result.workspace.of("kit").values()}
    assert len(werkvormen) == 7  # every shipped werkvorm is measured
