"""PDF conversion speed: one LibreOffice per document versus batches, printed, not stored.

    python benchmarks/pdf_conversion.py              # the shipped example kits
    python benchmarks/pdf_conversion.py --single 6   # fewer one-by-one conversions (quicker)

Builds the example kits' .docx into a temporary folder, then converts them with LibreOffice
headless three ways, each from cold (a fresh profile, as `casuskit build --pdf` does):

- one ``soffice --convert-to pdf`` start per document (on a sample of ``--single`` documents);
- every document in one batch, one LibreOffice;
- every document in batches side by side, one LibreOffice per core (what casuskit does).

Wall-clock on a shared machine: the load average at the start is printed with the numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))

from casuskit import pdf  # noqa: E402
from casuskit.build import build  # noqa: E402

EXAMPLE_FOLDERS = ("projecten", "buurten", "werkvormen", "casussen", "kits", "rollen")


def example_documents(temp: Path) -> list[Path]:
    root = temp / "voorbeelden"
    for folder in EXAMPLE_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    build(root)
    return sorted((root / "output").rglob("*.docx"))


def one_by_one(office: str, documents: list[Path], temp: Path) -> float:
    started = time.perf_counter()
    for n, document in enumerate(documents):
        profile = (temp / f"los-{n}").as_uri()
        subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(temp / f"los-uit-{n}"), str(document)],
                       check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=int, default=12,
                        help="how many documents to convert one LibreOffice start each (default 12)")
    args = parser.parse_args()
    office = pdf.find_office()
    if office is None:
        print(f"LibreOffice ontbreekt: {pdf.INSTALL_HINT}")
        return 1
    with tempfile.TemporaryDirectory(prefix="casuskit-pdf-bench-") as name:
        temp = Path(name)
        documents = example_documents(temp)
        count, cores = len(documents), os.cpu_count() or 1
        print(f"{count} documents of the example kits; {cores} cores; "
              f"load average {os.getloadavg()[0]:.2f}")
        sample = documents[:: max(1, count // args.single)][: args.single]
        single = one_by_one(office, sample, temp) / len(sample)
        batch = pdf.convert(documents, workers=1)
        parallel = pdf.convert(documents)
        rows = [("one LibreOffice per document", f"{len(sample)} docs", single, single * count),
                ("one batch, one LibreOffice", f"{count} docs", batch.seconds / count, batch.seconds),
                (f"{parallel.workers} batches side by side (casuskit)", f"{count} docs",
                 parallel.seconds / count, parallel.seconds)]
        print(f"{'way':<38} {'measured on':>12} {'s / doc':>8} {'all docs (s)':>13}"
              "   (one per document: all docs extrapolated from the sample)")
        for way, on, per_doc, total in rows:
            print(f"{way:<38} {on:>12} {per_doc:>8.3f} {total:>13.1f}")
        print(f"batch is {single / (batch.seconds / count):.1f}× faster per document than one start "
              f"each; side by side {single / (parallel.seconds / count):.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
