"""One casus changed, rebuilt as ``casuskit watch`` rebuilds it: in a process that already runs.

A fresh ``casuskit build`` pays Python's start-up, the imports and the check of every file
before it renders a single kit; for the example project that fixed part is most of a full
build, so a build of 3 of its 12 kits cannot cost much less than all 12. The watcher pays the
imports once. This script builds the project in one process, then alternately changes one
sentence of a casus and rebuilds through :func:`casuskit.watch.rebuild` (the watcher's round,
affected kits only), and forces a full build in the same process; it prints the medians as
JSON. ``run.py`` runs it with the ``--generator`` under test on the path.

    PYTHONPATH=generator python benchmarks/warm.py PROJECT [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

CASUS = "casussen/algemeen/stille-buurman.yaml"
OLD_NEW = ("anderhalf jaar geleden", "twee jaar geleden")  # as run.py's CHANGED_CASUS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from casuskit.build import build
    from casuskit.watch import rebuild

    root = args.project.resolve()
    out = root / "output"
    build(root, force=True)  # imports, caches and the division cache: as a watcher has them
    changed, full, kits = [], [], 0
    for _ in range(args.runs):
        path = root / CASUS
        text = path.read_text(encoding="utf-8")
        old, new = OLD_NEW if OLD_NEW[0] in text else OLD_NEW[::-1]
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        start = time.perf_counter()
        result = rebuild(root, out, [path], show=lambda _: None)
        changed.append(time.perf_counter() - start)
        if result.failed:
            raise SystemExit("the rebuild failed")
        kits = len(result.built)
        start = time.perf_counter()
        build(root, force=True)
        full.append(time.perf_counter() - start)
    print(json.dumps({"changed": statistics.median(changed), "full": statistics.median(full), "kits": kits}))


if __name__ == "__main__":
    main()
