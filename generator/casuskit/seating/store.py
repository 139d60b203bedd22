"""A kept division: ``deelnemers/<kit-id>.tafels.csv`` (columns ``naam`` and ``tafel``).

Written by ``casuskit tafels`` so that late arrivals and no-shows change as little as possible
and a build prints the tables the facilitator announced. ``tafel`` is a table number or
``afwezig`` for a no-show. It holds names, so it lives next to the participant list in the
git-ignored ``deelnemers/`` folder.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from casuskit import csvload
from casuskit.errors import Diagnostic, error
from casuskit.participants import FOLDER, SAVED_SUFFIX, name_key
from casuskit.writer import temp_name

ABSENT = "afwezig"


@dataclass
class Kept:
    file: str
    tables: dict[str, int] = field(default_factory=dict)  # person key → table
    absent: set[str] = field(default_factory=set)         # person keys


def path_for(root: Path, kit_id: str) -> Path:
    return root / FOLDER / f"{kit_id}{SAVED_SUFFIX}"


def load(root: Path, kit_id: str) -> tuple[Kept | None, list[Diagnostic]]:
    path = path_for(root, kit_id)
    if not path.is_file():
        return None, []
    file = f"{FOLDER}/{path.name}"
    table, found = csvload.read(path, file, ("naam", "tafel"), (), "een tafelindeling")
    if table is None or found:
        return None, found
    kept = Kept(file)
    for row in table.rows:
        key, value = name_key(row.get("naam")), row.get("tafel").lower()
        if value == ABSENT:
            kept.absent.add(key)
        elif value.isdigit() and int(value) >= 1:
            kept.tables[key] = int(value)
        else:
            found.append(error("geen-tafelnummer", f"`{row.get('tafel')}` is geen tafelnummer",
                               table.cell_location(row, "tafel"),
                               f"Schrijf het nummer van de tafel, of `{ABSENT}`. Of haal het bestand "
                               "weg: dan maakt casuskit een nieuwe indeling."))
    return (None if found else kept), found


def save(root: Path, kit_id: str, division, absent: list) -> Path:
    """Write the division (people by table, then by name) and the no-shows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["naam", "tafel"])
    for number, people in enumerate(division.tables, start=1):
        for person in sorted(people, key=lambda p: p.key):
            writer.writerow([person.name, number])
    for person in sorted(absent, key=lambda p: p.key):
        writer.writerow([person.name, ABSENT])
    path = path_for(root, kit_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(temp_name(path.name))
    try:
        temp.write_text(out.getvalue(), encoding="utf-8")
        temp.replace(path)
    finally:  # a full disk or Ctrl-C leaves no temporary file
        temp.unlink(missing_ok=True)
    return path
