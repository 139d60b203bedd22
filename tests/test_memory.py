"""What keeps a big build small changes nothing it finds or builds.

The check of a build runs in a child process (Linux) and hands back the models without their
YAML data or text; equal models share one set of filled-in fields, equal texts one object.
"""

from __future__ import annotations

import copy
import sys

import pytest

from casuskit.check import check_workspace
from casuskit.checkapart import check_apart
from casuskit.model.sharing import SharedFields, shared_fields

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs apart on Linux only")


def _break(ws):
    """A workspace with an error, a warning and a casus every kit uses."""
    kit = sorted((ws / "kits").rglob("*.yaml"))[0]
    kit.write_text(kit.read_text(encoding="utf-8").replace("deelnemers:", "deelnemers: veel\nx:", 1),
                   encoding="utf-8")


def test_apart_finds_and_loads_what_the_check_does(ws):
    _break(ws)
    here, apart = check_workspace(ws), check_apart(ws)
    assert apart.diagnostics == here.diagnostics and apart.errors
    assert list(apart.workspace.entries) == list(here.workspace.entries)
    for kind, entries in here.workspace.entries.items():
        assert list(apart.workspace.entries[kind]) == list(entries)
        for id_, entry in entries.items():
            again = apart.workspace.entries[kind][id_]
            assert again.model == entry.model and again.kind is entry.kind
            assert again.model.model_fields_set == entry.model.model_fields_set
            assert again.doc.file == entry.doc.file and again.doc.text == entry.doc.text
            assert again.doc.data == entry.doc.data  # composed again from the text when asked
    assert apart.workspace.broken == here.workspace.broken
    assert apart.workspace.files == here.workspace.files


@linux_only
def test_a_mistake_is_still_located_after_the_text_went(ws):
    checked = check_apart(ws)
    entry = next(iter(checked.workspace.of("casus").values()))
    assert entry.doc._packed is None  # the text stays on disk
    before = entry.doc.location(entry.doc.positions.value(("titel",)))
    assert before.line > 1
    entry.doc.forget_positions()
    (ws / entry.doc.file).write_text("titel: anders\n", encoding="utf-8")
    # a file changed since the check: no line of the new text is shown as the old one's
    assert entry.doc.text == ""
    assert entry.doc.location(entry.doc.positions.value(("titel",))).line == 1


def test_equal_models_share_one_read_only_set_of_fields(ws):
    casussen = [e.model for e in check_workspace(ws).workspace.of("casus").values()]
    first, second = casussen[:2]
    assert type(first.model_fields_set) is SharedFields
    if first.model_fields_set == second.model_fields_set:
        assert first.model_fields_set is second.model_fields_set
    with pytest.raises(TypeError):
        first.model_fields_set.add("id")
    changed = first.model_copy(update={"title": "Anders"})  # a copy gets a set of its own
    assert "title" in changed.model_fields_set and changed.title == "Anders"
    assert type(copy.deepcopy(first.model_fields_set)) is set
    assert shared_fields(["a", "b"]) is shared_fields(("b", "a"))


@linux_only
def test_what_goes_wrong_in_the_child_comes_back(ws, monkeypatch):
    import casuskit.check
    from casuskit.errors import UsageError

    def refuse(root):
        raise UsageError("niet hier", "Ergens anders.")
    monkeypatch.setattr(casuskit.check, "check_workspace", refuse)
    with pytest.raises(UsageError) as refused:
        check_apart(ws)
    assert (refused.value.message, refused.value.hint) == ("niet hier", "Ergens anders.")

    def bug(root):
        return 1 / 0
    monkeypatch.setattr(casuskit.check, "check_workspace", bug)
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        check_apart(ws)


@linux_only
def test_a_build_checked_apart_writes_the_same_files(ws, tmp_path, monkeypatch):
    import json

    from casuskit import checkapart
    from casuskit.build import build
    here = build(ws, out=tmp_path / "hier")
    monkeypatch.setattr(checkapart, "APART_FROM", 1)
    calls = []
    monkeypatch.setattr(checkapart, "check_apart", lambda root, real=checkapart.check_apart: calls.append(root) or real(root))
    apart = build(ws, out=tmp_path / "apart")
    assert calls == [ws]
    assert [p.relative_to(tmp_path / "apart") for p in apart.written] == \
        [p.relative_to(tmp_path / "hier") for p in here.written]
    for path in here.written:
        assert (tmp_path / "apart" / path.relative_to(tmp_path / "hier")).read_bytes() == path.read_bytes()

    def manifest(folder):  # the same but for when each file was written
        data = json.loads((folder / ".casuskit-manifest.json").read_text(encoding="utf-8"))
        for kit in data["kits"].values():
            kit["outputs"] = {name: value[:2] for name, value in kit["outputs"].items()}
        return data
    assert manifest(tmp_path / "apart") == manifest(tmp_path / "hier")
