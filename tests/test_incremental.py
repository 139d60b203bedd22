"""Incremental and parallel builds write exactly what a clean serial build writes, and only
what changed: skipped kits, no-op rebuilds, --opnieuw, deleted outputs, the manifest."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from casuskit import incremental
from casuskit.build import build
from casuskit.errors import BuildFailed
from casuskit.model import KINDS
from casuskit.workspace import load_workspace
from conftest import REPO, run

CASUS = "casussen/algemeen/stille-buurman.yaml"
CASUS_ID = "stille-buurman"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != incremental.MANIFEST_NAME}


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def kits_using(ws: Path, casus_id: str) -> set[str]:
    return {kit_id for kit_id, entry in load_workspace(ws).of("kit").items() if casus_id in entry.model.casussen}


def edit_casus(ws: Path) -> None:
    path = ws / CASUS
    path.write_text(path.read_text(encoding="utf-8").replace("De stille buurman", "De stille buurvrouw", 1),
                    encoding="utf-8")


@pytest.fixture
def serial(ws, tmp_path) -> dict[str, bytes]:
    """A clean serial build of the examples, as bytes."""
    build(ws, out=tmp_path / "serieel", jobs=1)
    return files_of(tmp_path / "serieel")


def test_parallel_build_is_byte_identical_to_serial(ws, tmp_path, serial):
    result = build(ws, out=tmp_path / "parallel", jobs=2)
    assert files_of(tmp_path / "parallel") == serial
    assert len(result.kits) == len(load_workspace(ws).of("kit"))


def test_no_op_rebuild_writes_nothing(ws, tmp_path):
    out = tmp_path / "uit"
    build(ws, out=out, jobs=2)
    before = stamps(out)
    result = build(ws, out=out, jobs=2)
    assert result.kits == [] and result.written == []
    assert sorted(result.unchanged) == sorted(load_workspace(ws).of("kit"))
    assert stamps(out) == before


def test_changing_one_casus_rebuilds_exactly_the_kits_using_it(ws, tmp_path, serial):
    out = tmp_path / "uit"
    build(ws, out=out)
    edit_casus(ws)
    users = kits_using(ws, CASUS_ID)
    assert users and users != set(load_workspace(ws).of("kit"))
    before = stamps(out)
    result = build(ws, out=out)
    assert {k.printing.kit_id for k in result.kits} == users
    changed = {name for name, stamp in stamps(out).items() if before.get(name) != stamp}
    folders = {k.printing.folder for k in result.kits}
    assert changed - {incremental.MANIFEST_NAME}
    assert all(name.rsplit("/", 1)[0] in folders for name in changed - {incremental.MANIFEST_NAME})
    # and the result is what a clean build of the edited files gives
    build(ws, out=tmp_path / "schoon", jobs=1)
    assert files_of(out) == files_of(tmp_path / "schoon") != serial


def test_deleted_output_file_rebuilds_that_kit(ws, tmp_path, serial):
    out = tmp_path / "uit"
    build(ws, out=out)
    victim = next(out.rglob("gesprekskaarten.docx"))
    victim.unlink()
    result = build(ws, out=out)
    assert len(result.kits) == 1
    assert victim.exists()
    assert files_of(out) == serial


def test_output_changed_by_hand_is_rebuilt(ws, tmp_path, serial):
    out = tmp_path / "uit"
    build(ws, out=out)
    victim = next(out.rglob("printlijst.txt"))
    victim.write_text(victim.read_text(encoding="utf-8").upper(), encoding="utf-8")
    assert len(build(ws, out=out).kits) == 1
    assert files_of(out) == serial


def test_force_rebuilds_all(ws, tmp_path, serial):
    out = tmp_path / "uit"
    build(ws, out=out)
    before = stamps(out)
    result = build(ws, out=out, force=True)
    assert len(result.kits) == len(load_workspace(ws).of("kit"))
    after = stamps(out)
    assert all(after[name] != stamp for name, stamp in before.items())
    assert files_of(out) == serial


def test_cli_no_op_and_force(ws):
    assert run(ws, "build", "--processen", "2").exit_code == 0
    again = run(ws, "build")
    assert again.exit_code == 0
    assert "Niets te bouwen: " in again.output
    forced = run(ws, "build", "--opnieuw", "--processen", "1")
    assert forced.exit_code == 0 and "Gebouwd: " in forced.output
    assert run(ws, "build", "--processen", "0").exit_code == 2


def test_building_one_kit_then_all_builds_the_rest(ws, tmp_path, serial):
    out = tmp_path / "uit"
    first = build(ws, ("hhw-noord-ronde-2",), out=out)
    assert [k.printing.kit_id for k in first.kits] == ["hhw-noord-ronde-2"]
    rest = build(ws, out=out)
    assert len(rest.kits) == len(load_workspace(ws).of("kit")) - 1
    assert rest.unchanged == ["hhw-noord-ronde-2"]
    assert files_of(out) == serial


def test_template_change_rebuilds_every_kit(ws, tmp_path):
    out = tmp_path / "uit"
    build(ws, out=out)
    (ws / "sjablonen").mkdir()
    (ws / "sjablonen" / "hand-out-intro.j2").write_text("Lees dit eerst.\n", encoding="utf-8")
    assert len(build(ws, out=out).kits) == len(load_workspace(ws).of("kit"))


def test_failed_kit_writes_nothing_not_even_the_manifest(ws, tmp_path, monkeypatch):
    out = tmp_path / "uit"
    build(ws, out=out)  # the build measures cards in the worker that renders them
    manifest = (out / incremental.MANIFEST_NAME).read_bytes()
    before = files_of(out)
    kit = ws / "kits/heerhugowaard/noord-ronde-2.yaml"  # cards of a8 are far too small
    kit.write_text(kit.read_text(encoding="utf-8") + "kaartformaat: a8\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build(ws, out=out, jobs=2)
    assert any(d.code == "kaart-te-vol" for d in failed.value.diagnostics)
    assert files_of(out) == before
    assert (out / incremental.MANIFEST_NAME).read_bytes() == manifest


def test_manifest_records_inputs_and_outputs(ws, tmp_path):
    out = tmp_path / "uit"
    build(ws, out=out)
    data = json.loads((out / incremental.MANIFEST_NAME).read_text(encoding="utf-8"))
    kit = data["kits"]["hhw-noord-ronde-2"]
    assert {CASUS, "kits/heerhugowaard/noord-ronde-2.yaml", "projecten/heerhugowaard.yaml",
            "buurten/noord.yaml", "werkvormen/kleine-groepen.yaml"} <= set(kit["inputs"])
    assert "heerhugowaard/noord/ronde-2/draaiboek.docx" in kit["outputs"]
    assert sorted(data["all_kits"]) == sorted(load_workspace(ws).of("kit"))


def test_a_project_s_lists_are_one_group_in_the_manifest_and_a_new_list_rebuilds_its_colour_users(ws, tmp_path):
    """Role colours hold across a project, so a kit printing them depends on every list of the
    project: recorded once per project, not once per kit (quadratic at 2,000 kits)."""
    out = tmp_path / "uit"
    build(ws, out=out)
    data = json.loads((out / incremental.MANIFEST_NAME).read_text(encoding="utf-8"))
    group = "@deelnemerslijsten van heerhugowaard"
    assert "deelnemers/hhw-zuid-ronde-3.csv" in data["groups"][group]
    assert group in data["kits"]["hhw-noord-ronde-1"]["inputs"]  # it has guests: prints colours
    assert "deelnemers/hhw-zuid-ronde-3.csv" not in data["kits"]["hhw-noord-ronde-1"]["inputs"]
    assert not any(group in kit["inputs"] for kit in data["kits"].values()
                   if kit["print"]["folder"].startswith("ooststellingwerf/"))

    (ws / "deelnemers").mkdir(exist_ok=True)
    (ws / "deelnemers/hhw-zuid-ronde-2.csv").write_bytes((REPO / "deelnemers/hhw-noord-ronde-2.csv").read_bytes())
    rebuilt = {kit.printing.kit_id for kit in build(ws, out=out).kits}
    kits = [entry.model for entry in load_workspace(ws).of("kit").values()]
    colour_users = {kit.id for kit in kits if kit.project == "heerhugowaard"
                    and (kit.guests or (ws / f"deelnemers/{kit.id}.csv").is_file())}
    assert {"hhw-noord-ronde-1", "hhw-zuid-ronde-2"} <= colour_users
    assert rebuilt == colour_users


def test_yaml_folders_match_the_model():
    assert set(incremental.YAML_FOLDERS) == {kind.folder for kind in KINDS}


def test_a_no_op_build_loads_neither_the_model_nor_python_docx(ws):
    """What keeps `casuskit build` with nothing to do fast: it answers from file hashes."""
    import subprocess
    import sys

    assert run(ws, "build").exit_code == 0
    script = ("import sys\nfrom casuskit.cli import main\ntry:\n    main(['build'])\n"
              "except SystemExit:\n    pass\n"
              "print(sorted(m for m in ('docx', 'pydantic', 'jinja2', 'yaml', 'lxml') if m in sys.modules))")
    generator = Path(__file__).resolve().parent.parent / "generator"
    done = subprocess.run([sys.executable, "-c", script], cwd=ws, capture_output=True, text=True,
                          env={"PYTHONPATH": str(generator), "NO_COLOR": "1", "PATH": ""})
    assert "Niets te bouwen" in done.stdout, done.stdout + done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_spawned_workers_build_the_same_bytes(ws, tmp_path, serial, monkeypatch):
    """Where fork is unavailable (macOS, Windows) workers load the workspace themselves."""
    from casuskit import parallel
    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")
    build(ws, ("hhw-noord-ronde-2", "hhw-zuid-ronde-3", "osw-appelscha-bedoeling"),
          out=tmp_path / "spawn", jobs=2)
    spawned = files_of(tmp_path / "spawn")
    assert spawned and all(serial[name] == content for name, content in spawned.items())


def test_kits_with_a_participant_list_go_to_one_worker_per_buurt_first(listed):
    from casuskit.parallel import batches_for
    ws = listed
    workspace = load_workspace(ws)
    kit_ids = sorted(workspace.of("kit"))
    batches = batches_for(ws, workspace, kit_ids)
    assert batches[0] == ["hhw-noord-ronde-1", "hhw-noord-ronde-2"]  # both have deelnemers/*.csv
    assert all(len(batch) == 1 for batch in batches[1:])
    assert sorted(k for batch in batches for k in batch) == kit_ids


SOLVER_IN_PARENT = """
import sys
from pathlib import Path
from casuskit.build import build
from casuskit.report import build_summary
result = build(Path(sys.argv[1]), out=Path(sys.argv[2]), jobs=int(sys.argv[3]))
print(build_summary(result, Path(sys.argv[1])))
print("solver loaded here:", "ortools.sat.python.cp_model" in sys.modules)
"""


def test_parallel_build_never_divides_tables_again_in_the_parent(listed, tmp_path):
    """The workers send their divisions back: the summary needs them, the solver stays out."""
    import subprocess
    import sys
    ws = listed

    def summary(jobs: int) -> str:  # no kept divisions: the solver really runs somewhere
        done = subprocess.run([sys.executable, "-c", SOLVER_IN_PARENT, str(ws), str(tmp_path / str(jobs)),
                               str(jobs)], capture_output=True, text=True, check=True,
                              env={**os.environ, "CASUSKIT_CACHE": "uit"})
        return done.stdout.replace(f" in {jobs}/\n", " in UIT/\n", 1)

    parallel, serial = summary(2), summary(1)
    assert parallel.endswith("solver loaded here: False\n")
    assert serial.endswith("solver loaded here: True\n")
    assert parallel.rsplit("\n", 2)[0] == serial.rsplit("\n", 2)[0]
    assert "tafelkaarten.docx" in parallel
