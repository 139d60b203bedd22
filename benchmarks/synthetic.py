"""A synthetic casuskit project for benchmarks: N buurten × 3 rounds, about 11 documents each.

Built from the shipped example files so the documents are realistic: the werkvormen, rollen and
general casussen are copied as they are, buurten are copies of an example buurt under new ids,
and every buurt gets the three Heerhugowaard rounds:

- ronde 1, bewoner-aan-tafel: draaiboek and two werkbladen;
- ronde 2, kleine-groepen with two casussen: draaiboek, two hand-outs, gesprekskaarten;
- ronde 3, buurtcasus with two other casussen: the same four documents;

plus a printlijst.txt per kit. 100 buurten give 300 kits and about 1100 Word documents.

    python benchmarks/synthetic.py DIR [--buurten N]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COPIED = ("werkvormen", "rollen", "casussen/algemeen")
PROJECT = "benchmark"
ROUNDS = (
    # ronde, werkvorm, date, participants, groups, casussen
    (1, "bewoner-aan-tafel", "2016-09-27", 14, 2, ()),
    (2, "kleine-groepen", "2016-11-08", 18, 3, ("stille-buurman", "la-vol-enveloppen")),
    (3, "buurtcasus", "2017-01-17", 20, 4, ("ruzie-over-de-schutting", "stille-buurman")),
)


def buurt_ids(count: int) -> list[str]:
    return [f"wijk-{n:03d}" for n in range(1, count + 1)]


def generate(target: Path, buurten: int = 100, source: Path = REPO) -> Path:
    """Write the synthetic workspace into ``target`` (emptied first), from the example files in
    ``source`` (a casuskit checkout); returns it."""
    if target.exists():
        shutil.rmtree(target)
    for folder in COPIED:
        shutil.copytree(source / folder, target / folder)
    ids = buurt_ids(buurten)
    _write(target / "projecten" / f"{PROJECT}.yaml", f"""\
        id: {PROJECT}
        naam: Buurtoverleggen Benchmarkstad
        organisatie: Gemeente Benchmarkstad
        gemeente: Benchmarkstad
        periode: september 2016 – januari 2017
        beschrijving: |
          Een verzonnen gemeente met {buurten} buurten, elk met drie buurtoverleggen.
        buurten: [{", ".join(ids)}]
        standaard:
          starttijd: "09:30"
          gespreksleider: Marloes de Wit
          kaartformaat: a7
          achterkant: duplex-lange-zijde
        """)
    example = (source / "buurten" / "noord.yaml").read_text(encoding="utf-8")
    for number, buurt in enumerate(ids, start=1):
        text = example.replace("id: noord", f"id: {buurt}", 1)
        text = text.replace("naam: Heerhugowaard Noord", f"naam: Benchmarkwijk {number:03d}", 1)
        (target / "buurten").mkdir(parents=True, exist_ok=True)
        (target / "buurten" / f"{buurt}.yaml").write_text(_strip_schema(text), encoding="utf-8")
        for ronde, werkvorm, date, participants, groups, casussen in ROUNDS:
            lines = [f"id: {buurt}-ronde-{ronde}", f"project: {PROJECT}", f"buurt: {buurt}",
                     f"ronde: {ronde}", f"werkvorm: {werkvorm}", f"datum: {date}",
                     "starttijd: 09:30", "eindtijd: 11:30",
                     f"locatie: Buurthuis van wijk {number:03d}, grote zaal",
                     "gespreksleider: Marloes de Wit", f"deelnemers: {participants}",
                     f"groepen: {groups}"]
            lines += ["casussen:"] + [f"  - {c}" for c in casussen] if casussen else []
            _write(target / "kits" / buurt / f"ronde-{ronde}.yaml", "\n".join(lines) + "\n")
    return target


def _write(path: Path, text: str) -> None:
    import textwrap
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def _strip_schema(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("# yaml-language-server")) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--buurten", type=int, default=100)
    args = parser.parse_args()
    generate(args.folder, args.buurten)
    print(f"{args.buurten} buurten × {len(ROUNDS)} rondes in {args.folder}")


if __name__ == "__main__":
    main()
