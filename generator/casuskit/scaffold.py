"""``casuskit nieuw``: a new YAML file with Dutch guidance comments, ready to fill in.

Templates live in ``templates/nieuw/<soort>.yaml``. A scaffold is built from the project the
writer is in, so that it passes ``casuskit check`` as it is and fits once filled in: a casus
gets a perspective (with signals) for each profession that project requires, its buurten, a
dilemma with an explanation and every other field the checklist in docs/casusschrijvers.md
asks for; a kit gets that project, one of its buurten, its next round, a werkvorm and casussen
that fit, and an end time the programme fits in. A new project gets a buurt of its own, never
another project's.

Which project: ``--project``; else the folder before the id (``nieuw casus dijk-en-waard/x``
writes ``casussen/dijk-en-waard/x.yaml``), a project or a buurt of one; else a project or buurt
named in the current folder's path; else the only project. A casus for no project in
particular needs what every project requires. Existing files are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from importlib import resources
from pathlib import Path
from string import Template

from casuskit.errors import UsageError
from casuskit.model import KIND_BY_NAME, professions
from casuskit.model.types import SLUG_RE, slugify
from casuskit.schema import modeline
from casuskit.workspace import Workspace, load_workspace


def scaffold(root: Path, kind_name: str, id_: str | None = None, project: str | None = None) -> list[Path]:
    """Write the new file (and, for a project, its first buurt); the paths written."""
    kind = KIND_BY_NAME[kind_name]
    name = id_ or f"nieuwe-{kind_name}"
    *folders, file_id = name.strip("/").split("/")
    for part in [*folders, file_id]:
        if not SLUG_RE.match(part):
            raise UsageError(f"`{name}` is geen geldige id",
                             f"Gebruik kleine letters, cijfers en streepjes, bijv. `{slugify(part)}`"
                             + (", met eventueel een map ervoor: `noord/mijn-casus`." if folders else "."))
    here = _here(root)
    if here[:1] == [kind.folder]:  # in casussen/noord/, a new casus lands there too
        folders = here[1:] + folders
    path = root.joinpath(kind.folder, *folders, f"{file_id}.yaml")
    if path.exists():
        raise UsageError(f"{path.relative_to(root).as_posix()} bestaat al",
                         "Kies een andere id; casuskit overschrijft nooit een bestaand bestand.")
    ws = load_workspace(root)
    chosen = _project(ws, folders + here, project)
    values = {"id": file_id, "file": path.relative_to(root).as_posix(), "modeline": modeline(root, path, kind_name),
              "date": (dt.date.today() + dt.timedelta(days=14)).isoformat()}
    written = []
    if kind_name == "project":
        buurten = _free_buurten(ws)
        if not buurten:  # the project's own first buurt: never another project's
            buurt = f"{file_id}-buurt"
            written += scaffold(root, "buurt", buurt) if not (root / "buurten" / f"{buurt}.yaml").exists() else []
            buurten = [buurt]
        values["buurten"] = _items(buurten)
    elif kind_name == "casus":
        values.update(_casus_values(ws, chosen, folders))
    elif kind_name == "kit":
        values.update(_kit_values(ws, chosen, folders))
    elif kind_name == "rol":
        values["beroep"] = _spoken(_required(ws, chosen)[0])
    _write(path, kind_name, values)
    return [path] + written


def _write(path: Path, kind_name: str, values: dict) -> None:
    template = resources.files("casuskit").joinpath("templates", "nieuw", f"{kind_name}.yaml")
    text = Template(template.read_text(encoding="utf-8")).substitute(values)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _here(root: Path) -> list[str]:
    """The folders from the workspace root to the current one."""
    try:
        return list(Path.cwd().resolve().relative_to(root.resolve()).parts)
    except ValueError:
        return []


def _project(ws: Workspace, folders: list[str], given: str | None):
    """The project the writer is in (see the module docstring), or None; ``folders``: those
    before the id, then those of the current folder."""
    projects = ws.of("project")
    if given is not None:
        if given not in projects:
            raise UsageError(f"er is geen project met de id `{given}`",
                             "Bestaande projecten: " + ", ".join(f"`{p}`" for p in sorted(projects)) + ".")
        return projects[given].model
    for part in reversed(folders):
        if part in projects:
            return projects[part].model
        owners = [p.model for p in projects.values() if part in p.model.neighbourhoods]
        if len(owners) == 1:
            return owners[0]
    return next(iter(projects.values())).model if len(projects) == 1 else None


def _free_buurten(ws: Workspace) -> list[str]:
    used = {b for entry in ws.of("project").values() for b in entry.model.neighbourhoods}
    return sorted(set(ws.of("buurt")) - used)[:3]


def _required(ws: Workspace, project) -> list[str]:
    """The professions a casus needs: its project's, or every project's for a casus of none."""
    if project is not None:
        names = list(project.required_perspectives)
    else:
        names = [n for entry in sorted(ws.of("project").values(), key=lambda e: e.id)
                 for n in entry.model.required_perspectives]
        names = names or [professions.label(k) for k in professions.CORE_FOUR]
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(professions.key(name), name)
    return list(unique.values()) or [professions.label(professions.CORE_FOUR[0])]


def _spoken(name: str) -> str:
    """`Wijkverpleegkundige` as written in a sentence; names with capitals inside stay."""
    return name[0].lower() + name[1:] if name[1:].islower() and " " not in name and "-" not in name else name


def _items(ids, indent: str = "  ") -> str:
    return "\n".join(f"{indent}- {i}" for i in ids)


def _casus_values(ws: Workspace, project, folders: list[str]) -> dict[str, str]:
    named = [f for f in folders if f in ws.of("buurt")]
    if named:
        buurten = named
    elif project is not None and any(f == project.id for f in folders):
        buurten = list(project.neighbourhoods)
    else:
        buurten = []
    required = [_spoken(name) for name in _required(ws, project)]
    perspectives = "\n".join(
        f"  - beroep: {name}\n"
        f"    ziet: Wat ziet de {name}?\n"
        f"    weet: Wat weet de {name} uit dossier, contact of netwerk?\n"
        f"    mag_delen: Wat mag de {name} delen, en met wie?\n"
        f"    mag_niet_delen: Wat mag de {name} niet delen, en waarom?\n"
        f"    signalen:\n"
        f"      - Wat vangt de {name} op? Eén zin per signaal." for name in required)
    actions = "\n".join(f"  - beroep: {name}\n    acties:\n      - Wat zou de {name} kunnen doen?"
                        for name in required)
    where = ("buurten:\n" + _items(buurten) if buurten else
             "# buurten: voor welke buurten (id's in buurten/); laat weg voor een algemene casus.\n"
             "# buurten:\n" + _items(sorted(ws.of("buurt"))[:1] or ["mijn-buurt"], "#   "))
    asking = (f"Project {project.id} vraagt" if project is not None else
              "Deze casus kan bij elk project terechtkomen; samen vragen ze")
    why = textwrap.fill(f"perspectieven: per beroep wat deze professional ziet, weet en mag delen. {asking} "
                        f"een perspectief van: {', '.join(required)}. Elk signaal wordt een eigen "
                        "signaalkaart.", 92, initial_indent="# ", subsequent_indent="# ")
    return {"buurten": where, "perspectieven": perspectives, "acties": actions, "auteur_rol": required[0],
            "perspectieven_uitleg": why}


def _kit_values(ws: Workspace, project, folders: list[str]) -> dict[str, str]:
    if project is None:
        projects = sorted(ws.of("project"))
        if projects:
            raise UsageError("voor welk project is deze kit? Er zijn meerdere projecten: "
                             + ", ".join(f"`{p}`" for p in projects),
                             f"Zet het project voor de id, bijv. `casuskit nieuw kit {projects[0]}/mijn-kit`, "
                             f"of gebruik `--project {projects[0]}`.")
        return {"project": "mijn-project", "buurt": "mijn-buurt", "werkvorm": "mijn-werkvorm", "ronde": "1",
                "groepen": "2", "casussen": "  - mijn-casus", "starttijd": "19:30", "eindtijd": "21:30",
                "gespreksleider": "Naam van de gespreksleider"}
    kits = sorted((e.model for e in ws.of("kit").values() if e.model.project == project.id), key=lambda k: k.id)
    named = [f for f in reversed(folders) if f in project.neighbourhoods]
    # a buurt of the project with casussen that fit it, unless the writer named one
    buurt = named[0] if named else max(project.neighbourhoods, key=lambda b: len(_fitting(ws, project, b)) > 0)
    werkvorm_id = next((k.werkvorm for k in reversed(kits)), min(ws.of("werkvorm"), default="mijn-werkvorm"))
    werkvorm = ws.get("werkvorm", werkvorm_id)
    casussen = _fitting(ws, project, buurt)[:2]
    same_buurt = [e.model for e in ws.of("kit").values() if (e.model.project, e.model.neighbourhood) == (project.id, buurt)]
    used = [kit.round or 0 for kit in same_buurt]
    start = project.defaults.start or dt.time(19, 30)
    minutes = werkvorm.total_minutes if werkvorm else 120
    end = (dt.datetime.combine(dt.date.today(), start) + dt.timedelta(minutes=minutes)).time()
    return {"project": project.id, "buurt": buurt, "werkvorm": werkvorm_id,
            "ronde": str(max(used, default=0) + 1),  # a new round: never another kit's folder
            "groepen": str(max(2, len(casussen))),
            "casussen": _items(casussen) or "  - mijn-casus",
            "starttijd": f"{start:%H:%M}", "eindtijd": f"{max(end, start):%H:%M}",
            "gespreksleider": project.defaults.facilitator or "Naam van de gespreksleider"}


def _fitting(ws: Workspace, project, buurt: str) -> list[str]:
    """Casussen a kit in ``buurt`` can use without a warning: written for it, or general and
    with every perspective the project requires."""
    required = {professions.key(name) for name in project.required_perspectives}
    entries = sorted(ws.of("casus").values(), key=lambda e: (buurt not in e.model.neighbourhoods, e.id))
    return [e.id for e in entries if buurt in e.model.neighbourhoods or (
        e.model.is_general and required <= {professions.key(p.profession) for p in e.model.perspectives})]
