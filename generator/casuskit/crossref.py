"""Checks that span files: references by id, programme timing, professions, the
perspectives a casus needs (its projects' ``verplichte_perspectieven``), and the files in the
input folders that casuskit does not read (named, so nothing is skipped silently).

Each check takes the loaded :class:`~casuskit.workspace.Workspace` and returns diagnostics
located in the file that holds the reference, with a "bedoelde u …?" suggestion where a
similar id exists.
"""

from __future__ import annotations

import datetime as dt
import difflib

from casuskit.errors import Diagnostic, Location, error, warning
from casuskit.model import professions
from casuskit.workspace import Entry, Workspace, intended_name, location_of, unread_hint

FOLDER = {"project": "projecten", "buurt": "buurten", "werkvorm": "werkvormen",
          "casus": "casussen", "kit": "kits", "rol": "rollen"}


def check_references(ws: Workspace) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for entry in ws.of("project").values():
        for i, buurt in enumerate(entry.model.neighbourhoods):
            found += _exists(ws, entry, ("buurten", i), "buurt", buurt)
        style = entry.model.house_style
        if style and not (ws.root / style).is_file():
            found.append(error("huisstijl-ontbreekt", f"het huisstijl-document `{style}` bestaat niet",
                               location_of(entry, ("huisstijl",)),
                               f"Maak het met `casuskit huisstijl {style}`, of haal de regel weg "
                               "voor de standaard huisstijl."))
    for entry in ws.of("casus").values():
        for i, buurt in enumerate(entry.model.neighbourhoods):
            found += _exists(ws, entry, ("buurten", i), "buurt", buurt)
    for entry in ws.of("kit").values():
        found += _check_kit(ws, entry)
    found += _check_output_folders(ws)
    for entry in ws.of("werkvorm").values():
        found += _check_werkvorm(entry)
    return found + _unread_files(ws)


def _unread_files(ws: Workspace) -> list[Diagnostic]:
    """Each file in an input folder that casuskit does not read: an error when a file refers
    to the id it was probably meant to have (``x`` for ``x.yaml.txt``), else a warning."""
    found = []
    for kind, files in sorted(ws.unread.items()):
        for file in files:
            id_ = intended_name(file)
            users = _users(ws, kind, id_) if id_ not in ws.of(kind) else []
            if users:
                found.append(error("niet-gelezen", f"casuskit leest dit bestand niet, maar {_named(users)} "
                                   f"{'gebruikt' if len(users) == 1 else 'gebruiken'} de {kind} `{id_}`",
                                   Location(file), unread_hint(file)))
            else:
                found.append(warning("niet-gelezen", "casuskit leest dit bestand niet: alleen bestanden die "
                                     "op .yaml of .yml eindigen", Location(file), unread_hint(file)))
    return found


def _named(users: list[tuple[str, str]]) -> str:
    """[("kit", "a"), ("kit", "b"), ("project", "p")] → "de kits `a` en `b` en het project `p`"."""
    parts = []
    for owner in sorted({owner for owner, _ in users}):
        ids = [f"`{id_}`" for kind, id_ in users if kind == owner]
        parts.append(f"de {FOLDER[owner] if len(ids) > 1 else owner} {_and(ids)}")
    return " en ".join(parts)


def _users(ws: Workspace, kind: str, id_: str) -> list[tuple[str, str]]:
    """The (kind, id) of every file that refers to ``id_`` of ``kind``."""
    fields = {"casus": ("casussen",), "rol": ("roles",), "project": ("project",),
              "werkvorm": ("werkvorm",), "buurt": ("neighbourhood",)}
    users = []
    for owner in ("kit", "project", "casus"):
        for entry in ws.of(owner).values():
            for name in fields.get(kind, ()) + (("neighbourhoods",) if kind == "buurt" else ()):
                value = getattr(entry.model, name, None)
                if value == id_ or (isinstance(value, list) and id_ in value):
                    users.append((owner, entry.id))
    return sorted(set(users))


def _check_werkvorm(entry: Entry) -> list[Diagnostic]:
    werkvorm, found = entry.model, []
    if "werkbladen" in werkvorm.documents and not werkvorm.worksheets:
        found.append(error("geen-werkbladen", "`documenten` noemt werkbladen, maar de werkvorm heeft er geen",
                           location_of(entry, ("documenten",), key=True),
                           "Voeg `werkbladen:` toe met per werkblad een id, titel en onderdelen."))
    seen: set[str] = set()
    for i, sheet in enumerate(werkvorm.worksheets):
        if sheet.id in seen:
            found.append(error("dubbele-id", f"twee werkbladen heten `{sheet.id}`",
                               location_of(entry, ("werkbladen", i, "id")), "Geef elk werkblad een eigen id."))
        seen.add(sheet.id)
    return found


def _exists(ws: Workspace, entry: Entry, path: tuple, kind: str, id_: str) -> list[Diagnostic]:
    known = ws.of(kind)
    if id_ in known or id_ in ws.broken.get(kind, ()):
        return []
    close = difflib.get_close_matches(id_, list(known), n=1, cutoff=0.6)
    if close:
        hint = f"Bedoelde u `{close[0]}`?"
    elif known:
        hint = f"Bestaande {kind}-id's: " + ", ".join(f"`{k}`" for k in sorted(known)) + "."
    else:
        hint = f"Er is nog geen enkele {kind}; maak er een in {FOLDER[kind]}/ (`casuskit nieuw {kind}`)."
    return [error("onbekende-verwijzing", f"er is geen {kind} met de id `{id_}`",
                  location_of(entry, path), hint)]


def _check_kit(ws: Workspace, entry: Entry) -> list[Diagnostic]:
    kit = entry.model
    found = _exists(ws, entry, ("project",), "project", kit.project)
    found += _exists(ws, entry, ("buurt",), "buurt", kit.neighbourhood)
    found += _exists(ws, entry, ("werkvorm",), "werkvorm", kit.werkvorm)
    for i, casus_id in enumerate(kit.casussen):
        found += _exists(ws, entry, ("casussen", i), "casus", casus_id)
    for i, role_id in enumerate(kit.roles):
        found += _exists(ws, entry, ("rollen", i), "rol", role_id)
    if kit.round is None and kit.session is None:
        found.append(error("ronde-ontbreekt", "de kit heeft geen `ronde` en geen `sessie`",
                           location_of(entry, ("id",)),
                           "Voeg `ronde: 1` toe, of `sessie: <naam>` voor een losse bijeenkomst."))
    project = ws.get("project", kit.project)
    if project and kit.neighbourhood in ws.of("buurt") and kit.neighbourhood not in project.neighbourhoods:
        found.append(error("buurt-niet-in-project",
                           f"de buurt `{kit.neighbourhood}` hoort niet bij het project `{kit.project}`",
                           location_of(entry, ("buurt",)),
                           "Kies een van: " + ", ".join(f"`{b}`" for b in project.neighbourhoods)
                           + f", of voeg de buurt toe aan projecten/{kit.project}.yaml."))
    werkvorm = ws.get("werkvorm", kit.werkvorm)
    if werkvorm:
        found += _check_timing(entry, werkvorm)
        needs_casus = any(b.per_casus for b in werkvorm.blocks) or "hand-out" in werkvorm.documents
        if needs_casus and not kit.casussen:
            found.append(error("geen-casussen", f"de werkvorm `{werkvorm.id}` bespreekt casussen, "
                               "maar deze kit noemt er geen", location_of(entry, ("werkvorm",)),
                               "Voeg toe: `casussen:` met daaronder `- <casus-id>`."))
        if "rolkaarten" in werkvorm.documents and not kit.roles:
            found.append(error("geen-rollen", f"de werkvorm `{werkvorm.id}` gebruikt rolkaarten, "
                               "maar deze kit noemt er geen", location_of(entry, ("werkvorm",)),
                               "Voeg toe: `rollen:` met daaronder `- <rol-id>` (bestanden in rollen/)."))
    for i, casus_id in enumerate(kit.casussen):
        if i >= kit.groups:
            found.append(warning(
                "casus-zonder-tafel", f"de casus `{casus_id}` komt aan geen enkele tafel: er zijn "
                f"{len(kit.casussen)} casussen en {kit.groups} groepen", location_of(entry, ("casussen", i)),
                f"Maak minstens {len(kit.casussen)} groepen, of haal een casus weg; casussen worden "
                "over de tafels verdeeld, één per tafel."))
        casus = ws.get("casus", casus_id)
        if casus and not casus.is_general and kit.neighbourhood not in casus.neighbourhoods:
            found.append(warning(
                "casus-andere-buurt",
                f"de casus `{casus_id}` is geschreven voor " + ", ".join(casus.neighbourhoods)
                + f", niet voor `{kit.neighbourhood}`", location_of(entry, ("casussen", i)),
                "Kies een casus voor deze buurt of een algemene casus, of voeg de buurt toe aan "
                "`buurten` van de casus."))
    return found


def output_folder(kit) -> tuple:
    """What decides a kit's output folder: project, buurt and ronde (or sessie)."""
    return (kit.project, kit.neighbourhood, kit.round if kit.round is not None else kit.session)


def _check_output_folders(ws: Workspace) -> list[Diagnostic]:
    found, first = [], {}
    for entry in sorted(ws.of("kit").values(), key=lambda e: e.doc.file):
        key = output_folder(entry.model)
        if key in first:
            what = "ronde" if entry.model.round is not None else "sessie"
            found.append(error(
                "zelfde-map", f"deze kit komt in dezelfde map als `{first[key].id}` ({first[key].doc.file})",
                location_of(entry, (what,)),
                f"Geef deze kit een andere `{what}`, of een andere buurt; anders overschrijven de "
                "kits elkaars documenten."))
        else:
            first[key] = entry
    return found


def _check_timing(entry: Entry, werkvorm) -> list[Diagnostic]:
    kit = entry.model
    if kit.end is None:
        return []
    start = dt.datetime.combine(kit.date, kit.start)
    finish = start + dt.timedelta(minutes=werkvorm.total_minutes)
    planned = dt.datetime.combine(kit.date, kit.end)
    if finish <= planned:
        return []
    over = int((finish - planned).total_seconds() // 60)
    return [error("programma-loopt-uit",
                  f"het programma van `{werkvorm.id}` duurt {werkvorm.total_minutes} minuten en eindigt "
                  f"om {finish:%H:%M}, {over} minuten na de eindtijd {kit.end:%H:%M}",
                  location_of(entry, ("eindtijd",)),
                  f"Zet de eindtijd op {finish:%H:%M}, begin eerder, of kort blokken in de werkvorm in.")]


def check_casus_quality(ws: Workspace) -> list[Diagnostic]:
    """Warnings that make a casus better but do not stop a build."""
    found: list[Diagnostic] = []
    for entry in ws.of("project").values():
        for i, name in enumerate(entry.model.required_perspectives):
            found += _profession(entry, ("verplichte_perspectieven", i), name)
    for entry in ws.of("casus").values():
        casus = entry.model
        missing, asking, unplaced = _missing_perspectives(ws, casus)
        if missing:
            where = ("perspectieven",) if casus.perspectives else ("id",)
            found.append(warning(
                "perspectief-ontbreekt", "deze casus mist het perspectief van " + _and(missing),
                location_of(entry, where, key=True),
                "Schrijf per beroep onder `perspectieven` wat deze professional ziet, weet en "
                "mag delen; zo oefent de groep met alle blikken die het project vraagt"
                + (f" (`verplichte_perspectieven` in {_and(asking)})." if asking else ".")
                + (" Deze casus staat nog in geen kit en noemt geen `buurten`, dus gelden de eisen "
                   "van elk project; noem de buurten waarvoor hij is, dan geldt alleen wat dat "
                   "project vraagt." if unplaced else "")))
        for i, person in enumerate(casus.perspectives):
            found += _profession(entry, ("perspectieven", i, "beroep"), person.profession)
        for i, actions in enumerate(casus.actions):
            found += _profession(entry, ("acties", i, "beroep"), actions.profession)
    return found


def _missing_perspectives(ws: Workspace, casus) -> tuple[list[str], list[str], bool]:
    """The required professions (labels) the casus lacks, the files of the projects that
    require them, and whether that is because it is for no project yet. A casus is for the
    projects of the kits that use it and of its buurten; one for no project yet could serve any
    project, so it needs what each of them requires."""
    users = {entry.model.project for entry in ws.of("kit").values() if casus.id in entry.model.casussen}
    projects = sorted(ws.of("project").items())
    mine = [entry for id_, entry in projects
            if id_ in users or set(entry.model.neighbourhoods) & set(casus.neighbourhoods)]
    requirements = [(entry.doc.file, entry.model.required_perspectives)
                    for entry in mine or [entry for _, entry in projects]]
    if not requirements:  # no project at all: the default of the setting
        requirements = [(None, [professions.label(k) for k in professions.CORE_FOUR])]
    # a misspelled profession is the writer's one mistake: its suggestion, not a missing perspective
    present = {professions.key(professions.suggest(p.profession) or p.profession) for p in casus.perspectives}
    missing: dict[str, str] = {}  # profession key → label, in the projects' order
    asking: list[str] = []
    for file, names in requirements:
        names = [professions.suggest(name) or name for name in names]  # a typo there is warned once
        lacking = [name for name in names if professions.key(name) not in present]
        for name in lacking:
            missing.setdefault(professions.key(name), professions.label(name))
        if lacking and file is not None:
            asking.append(file)
    return list(missing.values()), asking, not mine and len(projects) > 1


def _profession(entry: Entry, path: tuple, text: str) -> list[Diagnostic]:
    if professions.normalise(text):
        return []
    guess = professions.suggest(text)
    if not guess:
        return []
    return [warning("onbekend-beroep", f"het beroep `{text}` kent casuskit niet",
                    location_of(entry, path), f"Bedoelde u `{guess}`?")]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
