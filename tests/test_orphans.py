"""A build killed with kill -9 leaves no worker process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

SCRIPT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from casuskit.render import registry
    from casuskit.build import build

    PARENT = os.getpid()

    def slow(ctx):  # every worker reports itself, then takes its time
        if os.getpid() != PARENT:
            print("worker", os.getpid(), flush=True)
            time.sleep(60)
        return []

    registry.render_kit = slow
    build(Path(sys.argv[1]), jobs=2)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux")
def test_killing_the_build_kills_its_workers(ws):
    process = subprocess.Popen([sys.executable, "-c", SCRIPT, str(ws)], stdout=subprocess.PIPE,
                               text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("worker"):
            workers.add(int(line.split()[1]))
    assert len(workers) == 2
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while workers and time.monotonic() < deadline:
        workers = {pid for pid in workers if _alive(pid)}
        time.sleep(0.1)
    assert workers == set()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone already
        return stat.read().split()[2] != "Z"
