"""A synthetic casuskit project for benchmarks, as varied as a real one: ``--kits N`` meetings.

Built from the shipped example files. Two projects, like the examples:

- **benchmarkstad** (rounds, its own house style): per wijk five meetings, one per werkvorm —
  ronde 1 bewoner-aan-tafel, ronde 2 kleine-groepen with the three general casussen (shared by
  every wijk, as in Heerhugowaard) and role cards, ronde 3 buurtcasus, ronde 4 rollenwisseling
  (with role cards), ronde 5 incidentmethode, each of the last three with the wijk's own
  casussen. Its house style prints in Arial, measured as Liberation Sans: its card text may
  go down to 9 pt, as check asks of such a project;
- **benchmarkdorpen** (sessions, the default house style): per dorp the sessions de-bedoeling
  and straataanpak, the latter with the dorp's own street casussen.

Two wijken to every dorp. A wijk's or dorp's own casussen are variants of the shipped ones
(``casusvariants.py``: other names, another sentence, other words), so text measurement meets
new text in every buurt. Every second wijk has participant lists for rondes 1 and 2 (its
professionals come back, so round 2 is seated against round 1), every third dorp one for its
first session; every fourth buurt has filled-in evaluations of its first meetings
(``fictional.py``). The house style is the default with another Normal font and colour
(``housestyle.py``). The same arguments always give the same files.

    python benchmarks/synthetic.py DIR [--kits 150]

150 kits give about 1,000 Word documents; 500 and 2,000 kits are the sizes of the memory table.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import textwrap
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import casusvariants  # noqa: E402
import fictional  # noqa: E402
import housestyle  # noqa: E402

REPO = HERE.parent
COPIED = ("werkvormen", "rollen", "casussen/algemeen")
STAD, DORPEN = "benchmarkstad", "benchmarkdorpen"
HOUSE_STYLE = "huisstijl/benchmarkstad.docx"
GENERAL = ("stille-buurman", "la-vol-enveloppen", "ruzie-over-de-schutting")
OWN = ("midden/derde-verdieping", "midden/zoon-die-zich-afsluit", "noord/behulpzame-buurman",
       "noord/druk-gezin", "zuid/te-veel-voor-haar-leeftijd", "zuid/twee-huizen")
STREET = ("ooststellingwerf/klaverkamp-mantelzorg", "ooststellingwerf/klaverkamp-trapveld")
ROLES = ("wijkagent", "wijkverpleegkundige", "opbouwwerker", "jeugd-en-gezinscoach", "wmo-consulent",
         "jongerenwerker", "woonconsulent")
# werkvorm, participants, groups, own casussen (indexes into the buurt's), participant list
WIJK = ((1, "bewoner-aan-tafel", 14, 2, None), (2, "kleine-groepen", 18, 3, GENERAL),
        (3, "buurtcasus", 20, 4, (0, 1)), (4, "rollenwisseling", 14, 2, (2,)),
        (5, "incidentmethode", 12, 2, (3, 4)))
DORP = (("De bedoeling", "de-bedoeling", 10, 2, None), ("Straataanpak", "straataanpak", 14, 2, (0, 1)))
PREFIXES = ("Molen", "Linde", "Berken", "Vogel", "Water", "Bloemen", "Kerk", "Zuider", "Hof", "Park",
            "Dijk", "Haven", "Bos", "Sluis", "Veld", "Burcht", "Rozen", "Wilgen", "Heide", "Kastanje")
SUFFIXES = ("kwartier", "wijk", "weide", "hoek", "rijk", "dorp", "kamp", "laan", "veld", "buurt",
            "park", "hof", "akker", "landen", "meer", "horst", "daal", "waard", "hout", "stede")
QUARTERS = ("", " Noord", " Zuid", " Oost", " West")


def buurten_for(kits: int) -> list[tuple[str, str]]:
    """(id, kind) of every buurt needed for ``kits`` meetings: two wijken, then a dorp."""
    found, planned = [], 0
    while planned < kits:
        number = len(found) + 1
        kind = "dorp" if number % 3 == 0 else "wijk"
        found.append((f"{kind}-{number:03d}", kind))
        planned += len(DORP if kind == "dorp" else WIJK)
    return found


def buurt_name(number: int) -> str:
    prefix = PREFIXES[number % len(PREFIXES)]
    suffix = SUFFIXES[(number // len(PREFIXES) + number) % len(SUFFIXES)]
    return prefix + suffix + QUARTERS[number // (len(PREFIXES) * len(SUFFIXES)) % len(QUARTERS)]


def generate(target: Path, kits: int = 150, source: Path = REPO, generator: Path | None = None) -> Path:
    """Write the synthetic workspace of ``kits`` kits into ``target`` (emptied first), from the
    example files in ``source`` (a casuskit checkout) and a house style made by ``generator``'s
    casuskit (default: ``source``/generator); returns it."""
    if target.exists():
        shutil.rmtree(target)
    for folder in COPIED:
        shutil.copytree(source / folder, target / folder)
    housestyle.write(target / HOUSE_STYLE, (generator or source / "generator").resolve())
    werkvormen = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
                  for path in (source / "werkvormen").glob("*.yaml")}
    buurten = buurten_for(kits)
    _projects(target, buurten)
    left = kits
    for number, (buurt, kind) in enumerate(buurten, start=1):
        programme = (WIJK if kind == "wijk" else DORP)[:left]
        _buurt(target, source, werkvormen, number, buurt, kind, programme)
        left -= len(programme)
    return target


def _buurt(target: Path, source: Path, werkvormen: dict, number: int, buurt: str, kind: str,
           programme: tuple) -> None:
    """One buurt: its file, its own casussen, its kits, participant lists and evaluations."""
    name = buurt_name(number)
    example = "noord" if kind == "wijk" else "oosterwolde"
    text = (source / "buurten" / f"{example}.yaml").read_text(encoding="utf-8")
    text = _strip_schema(text).replace(f"id: {example}", f"id: {buurt}", 1)
    text = text.replace("naam: Heerhugowaard Noord" if kind == "wijk" else "naam: Oosterwolde", f"naam: {name}", 1)
    _write(target / "buurten" / f"{buurt}.yaml", text)
    sources = OWN if kind == "wijk" else STREET
    sources = sources[number % len(sources):] + sources[:number % len(sources)]  # another choice per buurt
    used = {c for *_, casussen in programme for c in casussen or () if isinstance(c, int)}
    own = [_own_casus(target, source, buurt, path) if i in used else "" for i, path in enumerate(sources)]
    pool = fictional.professionals(buurt, name, "Benchmarkstad" if kind == "wijk" else "Benchmarkdorpen")
    for step, (label, werkvorm, participants, groups, casussen) in enumerate(programme):
        kit_id = f"{buurt}-{step + 1}"
        casussen = [c if isinstance(c, str) else own[c] for c in casussen or ()]
        if (kind == "wijk" and number % 2 == 0 and step < 2) or (kind == "dorp" and number % 9 == 0 and step == 0):
            participants = min(participants, len(pool) - 1)
            _write(target / "deelnemers" / f"{kit_id}.csv", fictional.participant_csv(pool, kit_id, participants))
        if number % 4 == 1 and step < 3:
            questions = len(werkvormen[werkvorm].get("evaluatie") or ())
            _write(target / "evaluaties" / f"{kit_id}.csv",
                   fictional.evaluation_csv(kit_id, participants - 3, questions))
        _write(target / "kits" / buurt / f"{kit_id}.yaml",
               _kit(kit_id, buurt, name, kind, label, werkvorm, participants, groups, casussen,
                    sum(block["duur"] for block in werkvormen[werkvorm]["blokken"]), number,
                    "rolkaarten" in werkvormen[werkvorm]["documenten"]))


def _projects(target: Path, buurten: list[tuple[str, str]]) -> None:
    wijken = [b for b, kind in buurten if kind == "wijk"]
    dorpen = [b for b, kind in buurten if kind == "dorp"]
    _write(target / "projecten" / f"{STAD}.yaml", textwrap.dedent(f"""\
        id: {STAD}
        naam: Buurtoverleggen Benchmarkstad
        organisatie: Gemeente Benchmarkstad
        gemeente: Benchmarkstad
        periode: september 2016 – juni 2017
        beschrijving: |
          Een verzonnen gemeente met {len(wijken)} wijken, elk met vijf buurtoverleggen in vijf
          werkvormen.
        buurten: [{", ".join(wijken)}]
        huisstijl: {HOUSE_STYLE}
        standaard:
          starttijd: "09:30"
          gespreksleider: Marloes de Wit
          kaartformaat: a7
          kaarttekst_min_pt: 9
          achterkant: duplex-lange-zijde
        """))
    if dorpen:
        _write(target / "projecten" / f"{DORPEN}.yaml", textwrap.dedent(f"""\
            id: {DORPEN}
            naam: Communitywerk in de Benchmarkdorpen
            organisatie: Gemeente Benchmarkdorpen
            gemeente: Benchmarkdorpen
            periode: oktober 2018 – juli 2019
            beschrijving: |
              {len(dorpen)} gebiedsteams zoeken hun bedoeling en oefenen met de straataanpak.
            buurten: [{", ".join(dorpen)}]
            aanspreekvorm: je
            verplichte_perspectieven:
              - Wmo-consulent
              - woonconsulent
            standaard:
              starttijd: "09:30"
              gespreksleider: Marieke Postma
              kaartformaat: a7
              achterkant: duplex-lange-zijde
            """))


def _own_casus(target: Path, source: Path, buurt: str, path: str) -> str:
    casus_id = f"{path.split('/')[1].replace('klaverkamp', 'straat')}-{buurt}"
    _write(target / "casussen" / buurt / f"{casus_id}.yaml",
           casusvariants.variant(source / "casussen" / f"{path}.yaml", buurt, casus_id))
    return casus_id


def _kit(kit_id: str, buurt: str, name: str, kind: str, label: str | int, werkvorm: str, participants: int,
         groups: int, casussen: list[str], minutes: int, number: int, role_cards: bool = False) -> str:
    start = 9 * 60 + 30 if number % 2 else 13 * 60 + 30
    end = start + math.ceil(minutes / 15) * 15
    lines = [f"id: {kit_id}", f"project: {STAD if kind == 'wijk' else DORPEN}", f"buurt: {buurt}"]
    if kind == "wijk":
        lines += [f"ronde: {label}", f"werkvorm: {werkvorm}",
                  f"datum: 2016-{9 + label // 2:02d}-{1 + (number + 7 * label) % 27:02d}"]
    else:
        street = f" {casusvariants.street_of(buurt)}" if werkvorm == "straataanpak" else ""
        lines += [f"sessie: {label}{street}", f"werkvorm: {werkvorm}",
                  f"datum: 2018-{10 + label.startswith('S'):02d}-{1 + number % 27:02d}"]
    lines += [f'starttijd: "{start // 60:02d}:{start % 60:02d}"', f'eindtijd: "{end // 60:02d}:{end % 60:02d}"',
              f"locatie: Buurthuis {name}, grote zaal", "gespreksleider: "
              + ("Marloes de Wit" if kind == "wijk" else "Marieke Postma"),
              f"deelnemers: {participants}", f"groepen: {groups}"]
    if casussen:
        lines += ["casussen:"] + [f"  - {c}" for c in casussen]
    if role_cards:
        lines += ["rollen:"] + [f"  - {r}" for r in ROLES]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _strip_schema(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("# yaml-language-server")) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--kits", type=int, default=150, help="meetings in the project (default 150)")
    parser.add_argument("--generator", type=Path, help="folder holding the casuskit that writes the house style")
    args = parser.parse_args()
    generate(args.folder, args.kits, generator=args.generator)
    print(f"{args.kits} kits in {len(buurten_for(args.kits))} buurten: {args.folder}")


if __name__ == "__main__":
    main()
