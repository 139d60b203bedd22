"""Participant lists: ``deelnemers/<kit-id>.csv``, one row per person expected at a meeting.

Columns ``naam``, ``organisatie`` and ``rol`` (one of the professions casuskit knows, e.g.
wijkagent or Jeugd & Gezinscoach), optionally ``functie`` (free text for the name tent),
``tafel`` (pins the person to that table) and ``afgemeld`` (``ja`` for someone who cancelled: kept
on the list, but seated nowhere and printed nowhere). The lists hold personal data: the folder is
git-ignored by default and only the fictional example lists are committed. Without a list a
kit is built from the counts in the kit file, exactly as before.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from casuskit import csvload
from casuskit.errors import Diagnostic, error
from casuskit.model import professions

FOLDER = "deelnemers"
SUFFIX = ".csv"
SAVED_SUFFIX = ".tafels.csv"  # a kept table division, see casuskit.seating.store
REQUIRED = ("naam", "organisatie", "rol")
OPTIONAL = ("functie", "tafel", "afgemeld")
YES, NO = ("ja", "j", "x", "yes", "waar"), ("nee", "n", "no", "")


@dataclass(frozen=True)
class Participant:
    name: str
    organisation: str
    role: str          # profession key, e.g. "wijkagent"
    role_label: str    # e.g. "Wijkagent"
    function: str = ""
    table: int | None = None  # pinned table (1-based)
    line: int = 0
    cancelled: bool = False  # `afgemeld: ja` on the list
    guest: bool = False      # one of the kit's `gasten`, not on the list

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass(frozen=True)
class ParticipantList:
    file: str  # display path, e.g. deelnemers/hhw-noord-ronde-2.csv
    people: tuple[Participant, ...]

    def find(self, name: str) -> Participant | None:
        wanted = name_key(name)
        return next((p for p in self.people if p.key == wanted), None)

    def close_names(self, name: str) -> list[str]:
        return difflib.get_close_matches(name, [p.name for p in self.people], n=1, cutoff=0.6)


def name_key(name: str) -> str:
    """Names compare without regard to case or extra spaces."""
    return " ".join(name.split()).casefold()


def path_for(root: Path, kit_id: str) -> Path:
    return root / FOLDER / f"{kit_id}{SUFFIX}"


def list_files(root: Path) -> list[Path]:
    folder = root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"*{SUFFIX}")
                  if p.is_file() and not p.name.endswith(SAVED_SUFFIX) and not p.name.startswith("."))


def load(root: Path, kit_id: str, groups: int | None = None
         ) -> tuple[ParticipantList | None, list[Diagnostic]]:
    """The kit's participant list, or (None, []) when it has none."""
    path = path_for(root, kit_id)
    if not path.is_file():
        return None, []
    return read(path, f"{FOLDER}/{path.name}", groups)


def read(path: Path, file: str, groups: int | None = None
         ) -> tuple[ParticipantList | None, list[Diagnostic]]:
    raw, problem = csvload.read_raw(path, file)
    return (None, [problem]) if raw is None else parse(raw, file, groups)


def parse(raw: bytes, file: str, groups: int | None = None
          ) -> tuple[ParticipantList | None, list[Diagnostic]]:
    table, found = csvload.reads(raw, file, REQUIRED, OPTIONAL, "een deelnemerslijst")
    if table is None or any(d.code == "kolom-ontbreekt" for d in found):
        return None, found
    people: list[Participant] = []
    first_line: dict[str, int] = {}
    for row in table.rows:
        name = " ".join(row.get("naam").split())
        if not name:
            found.append(error("lege-naam", "de naam is leeg", table.cell_location(row, "naam"),
                               "Vul de naam in, of haal de hele regel weg."))
            continue
        if name_key(name) in first_line:
            found.append(error("dubbele-deelnemer", f"`{name}` staat al op regel {first_line[name_key(name)]}",
                               table.cell_location(row, "naam"),
                               "Staat dezelfde persoon er twee keer in? Haal een regel weg. Zijn het twee "
                               f"mensen, maak de namen dan verschillend, bijv. `{name} (2)`."))
            continue
        first_line[name_key(name)] = row.line
        role = _role(table, row, found)
        pinned = _table_number(table, row, groups, found)
        cancelled = _cancelled(table, row, found)
        if role is None or pinned is False or cancelled is None:
            continue
        people.append(Participant(name, " ".join(row.get("organisatie").split()), role.key,
                                  role.label, " ".join(row.get("functie").split()),
                                  pinned if isinstance(pinned, int) else None, row.line, cancelled))
    return ParticipantList(file, tuple(people)), found


def _role(table: csvload.Table, row: csvload.Row, found: list[Diagnostic]):
    text = row.get("rol")
    where = table.cell_location(row, "rol")
    if not text:
        found.append(error("lege-rol", "de rol is leeg", where, _roles_hint()))
        return None
    known = professions.normalise(text)
    if known is None:
        guess = professions.suggest(text)
        found.append(error("onbekende-rol", f"`{text}` is geen bekende rol", where,
                           (f"Bedoelde u `{guess}`? " if guess else "") + _roles_hint()))
    return known


def _roles_hint() -> str:
    return "Bekende rollen: " + ", ".join(p.label for p in professions.PROFESSIONS) + "."


def _cancelled(table: csvload.Table, row: csvload.Row, found: list[Diagnostic]) -> bool | None:
    """``afgemeld``: True, False, or None after an error."""
    text = row.get("afgemeld").strip().lower()
    if text in YES or text in NO:
        return text in YES
    found.append(error("geen-ja-nee", f"`{row.get('afgemeld')}` is geen ja of nee",
                       table.cell_location(row, "afgemeld"),
                       "Schrijf `ja` voor iemand die zich heeft afgemeld, of laat het vak leeg."))
    return None


def _table_number(table: csvload.Table, row: csvload.Row, groups: int | None,
                  found: list[Diagnostic]) -> int | None | bool:
    """The pinned table, None when not pinned, False after an error."""
    text = row.get("tafel")
    if not text:
        return None
    where = table.cell_location(row, "tafel")
    if not text.isdigit() or int(text) < 1:
        found.append(error("geen-tafelnummer", f"`{text}` is geen tafelnummer", where,
                           "Schrijf het nummer van de tafel (1, 2, 3 …), of laat het vak leeg."))
        return False
    if groups is not None and int(text) > groups:
        found.append(error("tafel-bestaat-niet", f"tafel {int(text)} bestaat niet: de kit heeft "
                           f"{groups} {'groep' if groups == 1 else 'groepen'}", where,
                           f"Kies een tafel van 1 tot en met {groups}, of verhoog `groepen` in de kit."))
        return False
    return int(text)


def check_lists(root: Path, kits: dict) -> list[Diagnostic]:
    """Every participant list of the workspace, for ``casuskit check`` (kits: id → Kit)."""
    found: list[Diagnostic] = []
    for path in list_files(root):
        kit_id = path.name[:-len(SUFFIX)]
        file = f"{FOLDER}/{path.name}"
        kit = kits.get(kit_id)
        if kit is None:
            found.append(csvload.unknown_kit("lijst-zonder-kit", kit_id, file, kits,
                                             "Een deelnemerslijst heet zoals de kit: deelnemers/<kit-id>.csv."))
        found += read(path, file, kit.groups if kit else None)[1]
    return found


def guests_of(kit) -> list[Participant]:
    """The kit's guests as people at a table: a guest without `tafel` gets the next table
    in turn (the first at table 1), so several guests spread over the tables."""
    found = []
    for index, guest in enumerate(kit.guests):
        known = professions.normalise(guest.role)
        table = guest.table if guest.table is not None else index % kit.groups + 1
        found.append(Participant(guest.name, guest.organisation or "",
                                 known.key if known else professions.key(guest.role),
                                 professions.label(guest.role), guest.function or "",
                                 min(table, kit.groups), guest=True))
    return found
