"""LibreOffice dies with the build: a fake `soffice` that starts a helper and hangs.

However the conversion ends — LibreOffice hangs past its time, Ctrl-C, or casuskit itself is
killed with kill -9 — no LibreOffice process nor a helper it started runs on, and the temporary
folder with its profile is gone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casuskit import pdf
from casuskit.errors import PdfError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")

FAKE_SOFFICE = """#!/bin/sh
# a LibreOffice that hangs: it notes its profile folder, starts a helper and waits for it
for arg in "$@"; do
  case "$arg" in -env:UserInstallation=file://*) profile="${arg#-env:UserInstallation=file://}";; esac
done
sleep 300 &
echo "$$ $! $profile" > "$FAKE_SOFFICE_INFO.tmp" && mv "$FAKE_SOFFICE_INFO.tmp" "$FAKE_SOFFICE_INFO"
wait
"""


@pytest.fixture
def fake(tmp_path, monkeypatch) -> Path:
    """A hanging `soffice` first on PATH; returns the file it writes "pid helper-pid profile" to."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "soffice").write_text(FAKE_SOFFICE, encoding="utf-8")
    (folder / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_SOFFICE_INFO", str(tmp_path / "info"))
    (tmp_path / "kit.docx").write_bytes(b"PK not really a document")
    return tmp_path / "info"


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for its parent."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS)
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False


def started(info: Path) -> tuple[int, int, Path]:
    """Wait for the fake LibreOffice; its pid, its helper's pid and the conversion's temp folder."""
    for _ in range(400):
        if info.exists():
            office, helper, profile = info.read_text().split()
            return int(office), int(helper), Path(profile).parent.parent
        time.sleep(0.05)
    raise AssertionError("the fake soffice did not start")


def gone(office: int, helper: int, temp: Path, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not (running(office) or running(helper) or temp.exists()):
            return True
        time.sleep(0.05)
    return False


def test_killing_casuskit_ends_libreoffice_and_removes_its_profile(fake, tmp_path):
    code = "import sys; from pathlib import Path; from casuskit import pdf; pdf.convert([Path(sys.argv[1])])"
    parent = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "kit.docx")])
    office, helper, temp = started(fake)
    assert running(office) and running(helper) and temp.name.startswith("casuskit-pdf-")
    parent.kill()
    parent.wait()
    assert gone(office, helper, temp)


def test_libreoffice_that_hangs_is_stopped_with_its_helpers(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "START_TIMEOUT_S", 0)
    monkeypatch.setattr(pdf, "PER_DOCUMENT_TIMEOUT_S", 0)
    with pytest.raises(PdfError, match="^LibreOffice reageerde niet en is gestopt"):
        pdf.convert([tmp_path / "kit.docx"])
    assert gone(*started(fake), seconds=0.5)


def test_ctrl_c_stops_libreoffice_with_its_helpers(fake, tmp_path, monkeypatch):
    def interrupted(process, timeout):
        started(fake)
        raise KeyboardInterrupt

    monkeypatch.setattr(pdf, "_ended", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pdf.convert([tmp_path / "kit.docx"])
    assert gone(*started(fake), seconds=0.5)
