"""The writer never escapes output/, cleans up after itself, and lets one build at a time in.

Planted links (at a temporary name, as a folder, as a target file), temp files a killed build
left, a second build while one runs, a killed build's lock, and OS errors in Dutch.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from casuskit import outputlock, writer
from casuskit.errors import OutputError
from casuskit.writer import Output
from conftest import run
from proefkit import write_workspace

HOLDER = """
import os, sys, time
from pathlib import Path
from casuskit import writer
{before}
with writer.build_lock(Path(sys.argv[1]), wait=0):
    {inside}
    print("klaar", flush=True)
    time.sleep(60)
"""


def start(code: str, *args: str) -> subprocess.Popen:
    """A Python process running ``code``; returns once it printed its first line."""
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "klaar"
    return process


def kill(process: subprocess.Popen) -> int:
    process.kill()
    process.wait()
    return process.pid


def dead_pid() -> int:
    return kill(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]))


def committed(folder: Path, files: dict[str, bytes]) -> list[Path]:
    out = Output(folder)
    for name, content in files.items():
        out.add(name, content)
    return out.commit()


# -- links -----------------------------------------------------------------------------------

def test_a_link_at_a_temporary_name_is_replaced_and_its_target_untouched(tmp_path):
    victim = tmp_path / "elders.txt"
    victim.write_bytes(b"van iemand anders")
    folder = tmp_path / "output"
    (folder / "k").mkdir(parents=True)
    (folder / "k" / ".a.docx.casuskit-tmp").symlink_to(victim)  # the name casuskit used to use
    (folder / "k" / writer.temp_name("a.docx")).symlink_to(victim)  # and the one it uses now
    committed(folder, {"k/a.docx": b"nieuw"})
    assert victim.read_bytes() == b"van iemand anders"
    assert (folder / "k/a.docx").read_bytes() == b"nieuw" and not (folder / "k/a.docx").is_symlink()
    assert sorted(p.name for p in (folder / "k").iterdir()) == [".a.docx.casuskit-tmp", "a.docx"]


def test_a_linked_folder_inside_output_is_refused(tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / "heerhugowaard").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError) as caught:
        committed(folder, {"heerhugowaard/noord/draaiboek.docx": b"x", "a/b.docx": b"y"})
    assert caught.value.message == ("output/heerhugowaard is een snelkoppeling (symlink) naar een andere "
                                    "plek; casuskit schrijft alleen in de uitvoermap zelf")
    assert caught.value.hint.startswith("Verwijder de snelkoppeling (waar hij naar wijst blijft staan)")
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == ["heerhugowaard"]  # nothing written at all


def test_a_link_deeper_down_is_refused_too(tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    folder = tmp_path / "output"
    (folder / "p").mkdir(parents=True)
    (folder / "p" / "noord").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="^output/p/noord is een snelkoppeling"):
        committed(folder, {"p/noord/ronde-1/a.docx": b"x"})
    assert list(elsewhere.iterdir()) == []


def test_a_linked_target_file_is_replaced_never_written_through(tmp_path):
    victim = tmp_path / "elders.docx"
    victim.write_bytes(b"van iemand anders")
    folder = tmp_path / "output"
    (folder / "k").mkdir(parents=True)
    (folder / "k" / "a.docx").symlink_to(victim)
    committed(folder, {"k/a.docx": b"nieuw"})
    assert victim.read_bytes() == b"van iemand anders"
    assert not (folder / "k/a.docx").is_symlink() and (folder / "k/a.docx").read_bytes() == b"nieuw"


def test_the_output_folder_itself_may_be_a_link(tmp_path):
    real = tmp_path / "usb"
    real.mkdir()
    (tmp_path / "output").symlink_to(real, target_is_directory=True)
    committed(tmp_path / "output", {"k/a.docx": b"x"})
    assert (real / "k/a.docx").read_bytes() == b"x"


# -- temporary files -------------------------------------------------------------------------

KILLED_MID_COMMIT = """
import os, sys, time
from pathlib import Path
from casuskit.writer import Output
real = os.write
def slow(fd, data):
    if bytes(data[:2]) == b"b!":
        print("klaar", flush=True)
        time.sleep(60)
    return real(fd, data)
os.write = slow
out = Output(Path(sys.argv[1]))
out.add("k/a.docx", b"a!")
out.add("k/b.docx", b"b!")
out.commit()
"""


def test_temp_files_of_a_killed_build_are_swept_by_the_next(tmp_path):
    folder = tmp_path / "output"
    pid = kill(start(KILLED_MID_COMMIT, str(folder)))
    left = sorted(p.name for p in (folder / "k").iterdir())
    assert left == [f".a.docx.{pid}.casuskit-tmp", f".b.docx.{pid}.casuskit-tmp"]  # the kill leaves them
    living = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        keep = [folder / "k" / f".c.docx.{living.pid}.casuskit-tmp",  # a process still writing
                folder / "k" / ".d.docx.casuskit-tmp",  # an old-style name, fresh
                folder / "k" / "notities.casuskit-tmp.txt"]  # not casuskit's
        old = folder / ".casuskit-manifest.json.casuskit-tmp"  # old-style, hours old
        for path in (*keep, old):
            path.write_bytes(b"")
        os.utime(old, (time.time() - 7200, time.time() - 7200))
        with writer.build_lock(folder):  # the lock alone walks nothing: a no-op build stays light
            assert (folder / "k" / f".a.docx.{pid}.casuskit-tmp").exists()
            out = Output(folder)
            out.add("k/nieuw.docx", b"n")  # the first file staged sweeps first
            out.commit()
        assert sorted(p for p in folder.rglob("*") if p.is_file()) == sorted([*keep, folder / "k/nieuw.docx"])
    finally:
        kill(living)


def test_temp_names_carry_the_process_id():
    assert writer.temp_name("draaiboek.docx") == f".draaiboek.docx.{os.getpid()}.casuskit-tmp"


# -- one build at a time ---------------------------------------------------------------------

def test_a_second_build_is_told_that_one_runs_and_a_killed_builds_lock_is_taken_over(tmp_path):
    folder = tmp_path / "output"
    holder = start(HOLDER.format(before="", inside="pass"), str(folder))
    try:
        started = time.monotonic()
        with pytest.raises(OutputError) as caught:
            with writer.build_lock(folder, wait=0.3):
                pass
        assert time.monotonic() - started < 5
        assert caught.value.message == f"er draait al een andere build in output/ (proces {holder.pid})"
    finally:
        pid = kill(holder)
    assert (folder / outputlock.LOCK_NAME).read_text().split()[0] == str(pid)  # left by the kill
    with writer.build_lock(folder, wait=0):
        assert (folder / outputlock.LOCK_NAME).read_text().split()[0] == str(os.getpid())
    assert not (folder / outputlock.LOCK_NAME).exists()


def test_workers_forked_by_a_killed_build_do_not_keep_its_lock(tmp_path):
    folder = tmp_path / "output"
    holder = start(HOLDER.format(before="", inside="""worker = os.fork()
    if worker == 0:
        Path(sys.argv[2] + ".geforkt").write_text("")  # its fork handlers have run
        time.sleep(60)
        os._exit(0)
    while not Path(sys.argv[2] + ".geforkt").exists():  # on a busy machine the child starts late
        time.sleep(0.01)
    Path(sys.argv[2]).write_text(str(worker))"""), str(folder), str(tmp_path / "worker"))
    kill(holder)
    worker = int((tmp_path / "worker").read_text())
    try:
        assert outputlock.pid_alive(worker)  # the orphan still runs, with the lock file open
        with writer.build_lock(folder, wait=0):
            pass
    finally:
        os.kill(worker, 9)


def test_two_builds_started_together_both_succeed_without_leftovers(tmp_path):
    write_workspace(tmp_path)
    env = {**os.environ, "NO_COLOR": "1"}
    for _ in range(2):
        builds = [subprocess.Popen([sys.executable, "-m", "casuskit", "build", "--opnieuw"], cwd=tmp_path,
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                  for _ in range(2)]
        outputs = [b.communicate(timeout=120)[0] for b in builds]
        assert [b.returncode for b in builds] == [0, 0], outputs
    files = sorted(p.relative_to(tmp_path / "output").as_posix() for p in (tmp_path / "output").rglob("*"))
    assert not [f for f in files if "casuskit-tmp" in f or f.endswith(outputlock.LOCK_NAME)], files
    assert "Niets te bouwen" in run(tmp_path, "build").output


def test_a_failed_check_leaves_no_output_folder_behind(tmp_path):
    write_workspace(tmp_path)
    (tmp_path / "kits/proef-kaarten.yaml").write_text("id: [\n", encoding="utf-8")
    assert run(tmp_path, "build").exit_code == 1
    assert not (tmp_path / "output").exists()


def test_a_link_at_the_lock_name_is_refused(tmp_path):
    folder = tmp_path / "output"
    folder.mkdir()
    (folder / outputlock.LOCK_NAME).symlink_to(tmp_path / "elders")
    with pytest.raises(OutputError, match=r"\.casuskit-lock is een snelkoppeling \(symlink\)$"):
        with writer.build_lock(folder, wait=0):
            pass
    assert not (tmp_path / "elders").exists()


# -- OS errors -------------------------------------------------------------------------------

def test_a_read_only_folder_gets_a_permissions_hint_not_word(tmp_path, monkeypatch):
    real_open = os.open

    def refused(path, flags, *args, **kwargs):
        if str(path).endswith(".casuskit-tmp"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(OutputError) as caught:
        committed(tmp_path / "output", {"k/a.docx": b"x"})
    monkeypatch.undo()
    assert (caught.value.message, caught.value.hint) == (
        "schrijven naar output/k/a.docx mislukte: geen toestemming",
        "U mag in deze map niet schrijven. Kies een andere map met --uit, of vraag de beheerder van de "
        "computer om schrijfrechten.")


def test_a_name_too_long_for_the_file_system_is_explained(tmp_path):
    with pytest.raises(OutputError) as caught:
        committed(tmp_path / "output", {"k/" + "a" * 300 + ".docx": b"x"})
    assert caught.value.message.endswith("mislukte: de naam of het pad is te lang")
    assert caught.value.hint.startswith("Kies een map met een korter pad")
    assert not (tmp_path / "output").exists()  # not even the folders made for it


def test_ctrl_c_during_a_commit_leaves_no_temp_file(tmp_path, monkeypatch):
    real_write = os.write

    def interrupted(fd, data):
        if bytes(data[:2]) == b"b!":
            raise KeyboardInterrupt
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        committed(tmp_path / "output", {"k/a.docx": b"a!", "k/b.docx": b"b!"})
    monkeypatch.undo()
    assert not (tmp_path / "output").exists()


def test_staging_in_more_folders_than_may_stay_open(tmp_path, monkeypatch):
    """A build of thousands of kits stages files in thousands of folders: only a few folder
    handles stay open at a time, and every file still lands (and a failure still cleans up)."""
    from casuskit import safetree
    monkeypatch.setattr(safetree, "OPEN_FOLDERS", 4)
    folder = tmp_path / "output"
    out = Output(folder)
    for n in range(30):
        out.add(f"p/buurt-{n}/ronde-1/a.docx", f"{n}".encode())
    assert len(os.listdir(f"/proc/{os.getpid()}/fd")) < 64
    out.commit()
    assert [(folder / f"p/buurt-{n}/ronde-1/a.docx").read_text() for n in range(30)] == \
        [str(n) for n in range(30)]
    failed = Output(tmp_path / "andere")
    for n in range(10):
        failed.add(f"p/buurt-{n}/a.docx", b"x")
    failed.discard()
    assert not (tmp_path / "andere").exists()
