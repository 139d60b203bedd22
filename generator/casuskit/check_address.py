"""``check``: every text a writer types speaks to the reader in its project's form of address.

A project sets ``aanspreekvorm: u`` or ``je``; a casus, werkvorm, rol, buurt or kit text that
addresses the reader in the other form (outside quoted speech, see :mod:`casuskit.addressform`)
gets a warning at the line of the first such word on that line. A file serves the projects of
the kits that use it (a casus also those of its buurten); a text for projects that differ in
form may address no reader at all. A file no project uses yet keeps to one form: the one most
of its words use.
"""

from __future__ import annotations

from casuskit import addressform
from casuskit.errors import Diagnostic, warning
from casuskit.textfields import texts
from casuskit.workspace import Entry, Workspace
from casuskit.yamlload import text_offset_span

# fields that hold names, ids, choices or quoted speech, never text that addresses the reader
NOT_PROSE = frozenset({"id", "url", "status", "soort", "buurten", "buurt", "project", "werkvorm",
                       "casussen", "rollen", "documenten", "kaarten", "per", "beroep", "naam",
                       "themas", "citaat", "aanspreekvorm", "huisstijl", "datum", "starttijd",
                       "eindtijd", "gespreksleider", "locatie", "verplichte_perspectieven"})
EXAMPLE = {"u": "'Wat ziet u?'", "je": "'Wat zie je?'"}
WORDS = {"u": "u en uw", "je": "je, jouw en jullie"}
KIND = {"u": "formele", "je": "informele"}


def address_problems(ws: Workspace) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    used: dict[tuple[str, str], set[str]] = {}  # (casus, werkvorm or rol, id) → projects of its kits
    for kit in ws.of("kit").values():
        for kind, ids in USED_BY.items():
            for id_ in ids(kit.model):
                used.setdefault((kind, id_), set()).add(kit.model.project)
    for kind in ("project", "buurt", "werkvorm", "casus", "rol", "kit"):
        for entry in ws.of(kind).values():
            projects = serves(ws, kind, entry, used)
            forms = {p.model.address for p in projects} or {_own_form(entry)}
            found += _problems(entry, projects, forms)
    return found


USED_BY = {"casus": lambda kit: kit.casussen, "werkvorm": lambda kit: [kit.werkvorm],
           "rol": lambda kit: kit.roles}


def serves(ws: Workspace, kind: str, entry: Entry, used: dict | None = None) -> list[Entry]:
    """The projects whose documents may print this file's text (``used``: the projects of the
    kits using each casus, werkvorm and rol, when the caller asks for many)."""
    projects, model = ws.of("project"), entry.model
    if kind == "project":
        return [entry]
    if kind == "kit":
        ids = {model.project}
    elif kind == "buurt":
        ids = {p for p, e in projects.items() if model.id in e.model.neighbourhoods}
    else:
        ids = set(used.get((kind, model.id), ())) if used is not None else \
            {kit.model.project for kit in ws.of("kit").values() if model.id in USED_BY[kind](kit.model)}
        if kind == "casus":
            ids |= {p for p, e in projects.items()
                    if set(e.model.neighbourhoods) & set(model.neighbourhoods)}
    return [projects[p] for p in sorted(ids) if p in projects]


def _own_form(entry: Entry) -> str:
    """The form most address words of a file use (the default when none or a tie)."""
    words = [w.form for _, text in texts(entry.doc.data, skip=NOT_PROSE) for w in addressform.address_words(text)]
    other = addressform.other(addressform.DEFAULT)
    return other if words.count(other) > len(words) / 2 else addressform.DEFAULT


def _problems(entry: Entry, projects: list[Entry], forms: set[str]) -> list[Diagnostic]:
    found, lines = [], set()
    wrong = addressform.other(next(iter(forms))) if len(forms) == 1 else None  # the only form to look for
    for path, text in texts(entry.doc.data, skip=NOT_PROSE):
        if wrong is not None and not addressform.may_use(text, wrong):
            continue
        for word in addressform.address_words(text):
            if len(forms) == 1 and word.form in forms:
                continue
            location = text_offset_span(entry.doc, path, word.start, word.end - word.start)
            if location.line in lines:
                continue  # one warning per line: the writer rewrites the sentence anyway
            lines.add(location.line)
            found.append(_warning(word, location, projects, forms))
    return found


def _warning(word, location, projects: list[Entry], forms: set[str]) -> Diagnostic:
    wanted = next(iter(forms))
    if not projects:
        return warning(
            "aanspreekvorm", f"`{word.word}` is de {KIND[word.form]} aanspreekvorm, maar de rest van "
            f"dit bestand spreekt de lezer aan met {wanted}", location,
            f"Kies één vorm: {WORDS[wanted]}, bijv. {EXAMPLE[wanted]}. Zodra een kit dit bestand "
            "gebruikt, geldt de aanspreekvorm van zijn project.")
    files = _and([p.doc.file for p in projects])
    if len(forms) > 1:
        return warning(
            "aanspreekvorm", f"`{word.word}` spreekt de lezer aan, maar deze tekst is voor projecten "
            f"met `u` én met `je` ({files})", location,
            "Schrijf zonder de lezer aan te spreken, bijv. 'Wat ziet de wijkagent?', of maak per "
            "project een eigen versie.")
    return warning(
        "aanspreekvorm", f"`{word.word}` is de {KIND[word.form]} aanspreekvorm, maar dit project "
        f"spreekt de lezer aan met {wanted} (aanspreekvorm in {files})", location,
        f"Schrijf met {WORDS[wanted]}, bijv. {EXAMPLE[wanted]}, of zonder de lezer aan te spreken. "
        "Wat iemand in het verhaal letterlijk zegt, mag tussen aanhalingstekens in de eigen vorm.")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
