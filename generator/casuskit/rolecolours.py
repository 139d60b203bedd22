"""Role colours: one colour per role across a project, different within every meeting.

Name tents and table sheets show a person's role on a band in the role's colour, so a room can
see at a glance who is who. The colours are a key only if they hold still: a role keeps its
colour in every meeting of the project (so a person keeps theirs from round to round), and no
two roles at one meeting share one. There are :data:`COLOURS` colours, each in two looks (a
filled band and an outlined one, ``Rolband 1`` … ``Rolband 16`` in the house style): when a
meeting has more roles than colours, the look is the second cue, and it survives a greyscale
printer as well as the colour's own grey level does.

The roles of a meeting are those of its participant list (people who cancelled left out) and
its guests; :func:`assign` colours the roles of all meetings at once, the professions casuskit
knows first, each with the first colour none of the roles it meets uses.
"""

from __future__ import annotations

from casuskit import participants
from casuskit.model import professions

COLOURS = 8           # "Rolband 1" … "Rolband 8": filled bands
LOOKS = 2             # "Rolband 9" … "Rolband 16": the same colours, outlined
STYLES = COLOURS * LOOKS


def style(number: int) -> str:
    return f"Rolband {number}"


def colour_of(number: int) -> int:
    """The colour (1 … COLOURS) of a band style number, whatever its look."""
    return (number - 1) % COLOURS + 1


def _order(role: str) -> tuple:
    keys = [p.key for p in professions.PROFESSIONS]
    return (keys.index(role), "") if role in keys else (len(keys), role)


def assign(meetings: list[set[str]]) -> dict[str, int]:
    """Role key → band number (1 … STYLES) for roles that meet in ``meetings``.

    Greedy, in a fixed order (known professions in casuskit's order, then the rest by name):
    each role takes the first filled colour no role it meets has; when all colours are taken
    there, the first band (any look) none of them has; only beyond :data:`STYLES` roles in one
    meeting do two of them share a band.
    """
    met: dict[str, set[str]] = {}
    for roles in meetings:
        for role in roles:
            met.setdefault(role, set()).update(roles - {role})
    found: dict[str, int] = {}
    for index, role in enumerate(sorted(met, key=_order)):
        taken = {found[other] for other in met[role] if other in found}
        colours = {colour_of(n) for n in taken}
        choices = [n for n in range(1, COLOURS + 1) if n not in colours]
        choices += [n for n in range(1, STYLES + 1) if n not in taken]
        found[role] = choices[0] if choices else index % STYLES + 1
    return found


def meeting_roles(root, kit) -> set[str]:
    """The roles in the room at ``kit``'s meeting: its participant list (without those who
    cancelled) and its guests."""
    listed, _ = participants.load(root, kit.id, kit.groups)
    people = [p for p in listed.people if not p.cancelled] if listed is not None else []
    return {p.role for p in people + participants.guests_of(kit)}


def for_project(ws, project_id: str) -> dict[str, int]:
    """Role key → band number for every kit of the project (kept on ``ws``: read once)."""
    kept = ws.__dict__.setdefault("_casuskit_role_colours", {})
    if project_id not in kept:
        kits = sorted((e.model for e in ws.of("kit").values() if e.model.project == project_id),
                      key=lambda kit: kit.id)
        kept[project_id] = assign([meeting_roles(ws.root, kit) for kit in kits])
    return kept[project_id]


def input_files(ws, kit) -> list[str]:
    """What a kit's role colours depend on (for incremental builds): when it prints them (it has
    a list or guests), every list of its project, named by one group (:func:`input_groups`), so
    the manifest does not repeat a project's lists for each of its kits. Not a reason to refuse
    a build: a list with errors still gives the roles of its valid rows."""
    if not (participants.path_for(ws.root, kit.id).is_file() or kit.guests):
        return []
    return [group_name(kit.project)]


def input_groups(ws) -> dict[str, list[str]]:
    """Each project's group of participant lists, existing or not: the files behind the name
    :func:`input_files` gives."""
    groups: dict[str, list[str]] = {}
    for entry in ws.of("kit").values():
        kit = entry.model
        groups.setdefault(group_name(kit.project), []).append(
            f"{participants.FOLDER}/{kit.id}{participants.SUFFIX}")
    return {name: sorted(files) for name, files in groups.items()}


def group_name(project: str) -> str:
    """Not a path: the group of ``project``'s participant lists."""
    return f"@deelnemerslijsten van {project}"
