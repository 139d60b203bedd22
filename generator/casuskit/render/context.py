"""Everything a renderer needs about one kit, resolved and personalised once.

:func:`plan_kit` looks up the kit's project, buurt, werkvorm and casussen, fills in casus
variables such as ``{{ buurt.naam }}`` through the sandboxed Jinja renderer, and fixes the
output folder. :meth:`KitContext.new_document` starts a Word document from the reference with
header, footer and document properties already set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from casuskit import docxio, ooxml
from casuskit.errors import Location
from casuskit.ooxml import fastdocx
from casuskit.model import Buurt, Casus, Kit, Project, Rol, Werkvorm
from casuskit.model.types import slugify
from casuskit.textrender import Texts, context_for, dutch_date
from casuskit.yamlload import Document


@dataclass
class KitContext:
    kit: Kit
    project: Project
    buurt: Buurt
    werkvorm: Werkvorm
    casussen: list[Casus]           # personalised for this buurt and kit
    roles: list[Rol]                 # role cards (rolkaarten) of this kit
    source_docs: dict[str, Document]  # casus / werkvorm / rol id → loaded YAML (to locate errors)
    texts: Texts
    reference: Path | None
    variables: dict = field(default_factory=dict)
    workspace: object | None = field(default=None, repr=False)  # for the participant list
    _seating: tuple | None = field(default=None, repr=False)     # (KitSeating | None, problems)

    @property
    def seating(self):
        """The table division from ``deelnemers/<kit-id>.csv``, or None without a list."""
        return self.seating_and_problems()[0]

    def seating_and_problems(self) -> tuple:
        """Computed on first use (CP-SAT loads only for kits with a list); problems are build
        errors, e.g. a list that fits no division (see :mod:`casuskit.seating.plan`)."""
        if self._seating is None:
            from casuskit.seating.plan import for_kit
            self._seating = (None, []) if self.workspace is None else for_kit(self.workspace, self.kit)
        return self._seating

    def use_seating(self, seating: tuple | None) -> None:
        """Take the division a worker process already computed for this kit."""
        if seating is not None:
            self._seating = seating

    @property
    def folder(self) -> str:
        """Output folder below output/: <project>/<buurt>/<ronde-N or sessie>."""
        kit = self.kit
        last = f"ronde-{kit.round}" if kit.round is not None else slugify(kit.session or kit.id)
        return f"{self.project.id}/{self.buurt.id}/{last}"

    @property
    def card_size(self) -> str:
        return self.kit.card_size or self.project.defaults.card_size

    @property
    def back_mode(self) -> str:
        return self.kit.back_mode or self.project.defaults.back_mode

    @property
    def date_text(self) -> str:
        return dutch_date(self.kit.date)

    def groups_for(self, casus_id: str) -> list[int]:
        """Group numbers (1-based) that discuss this casus: casussen are dealt round the tables."""
        ids = [c.id for c in self.casussen]
        if casus_id not in ids:
            return []
        return [g for g in range(1, self.kit.groups + 1) if ids[(g - 1) % len(ids)] == casus_id]

    def participants_for(self, casus_id: str) -> int:
        """How many participants sit at tables discussing this casus (rounded up per table)."""
        per_table = math.ceil(self.kit.participants / self.kit.groups)
        return per_table * len(self.groups_for(casus_id))

    def template_context(self) -> dict:
        """Variables for the fixed text templates (templates/teksten)."""
        return {**self.variables, "werkvorm": {"naam": self.werkvorm.name},
                "deelnemers": self.kit.participants, "groepen": self.kit.groups,
                "aantal_casussen": len(self.casussen), "deelnemerslijst": self.seating is not None}

    def new_document(self, title: str, subject: str, header_footer: bool = True):
        """A document from the reference with header, footer and properties filled in; without
        ``header_footer`` for documents that have none (the cut sheets remove them)."""
        doc = docxio.new_document(self.reference)
        docxio.set_core_properties(doc, title=title, subject=subject,
                                   organisation=self.project.organisation,
                                   keywords=["casuskit", self.buurt.name, self.kit.round_label],
                                   date=self.kit.date)
        if not header_footer:
            return doc
        section = doc.sections[0]
        _replace_text(fastdocx.fast(section.header.paragraphs[0]),
                      f"{self.buurt.name} · {self.kit.round_label} · {self.date_text}")
        footer = fastdocx.fast(section.footer.paragraphs[0])
        _replace_text(footer, f"{self.project.name}\t\t")
        ooxml.add_text_with_fields(footer, "pagina {PAGE} van {NUMPAGES}")
        return doc

    def locate(self, source_id: str, path: tuple) -> Location | None:
        """Where in the writer's YAML a casus, werkvorm or rol value stands (for build errors)."""
        doc = self.source_docs.get(source_id)
        return doc.location(doc.positions.value(path)) if doc else None

    def to_bytes(self, doc) -> bytes:
        return docxio.to_bytes(doc, self.kit.date)


def _replace_text(paragraph, text: str) -> None:
    """Put ``text`` at the end of a header or footer line of the reference, keeping what is
    not text: a logo the facilitator put on that line stays, text typed there is replaced.

    Unlike ``paragraph.text = text`` this empties only runs that hold nothing but text.
    """
    for run in paragraph.runs:
        content = list(run.iter_inner_content())
        if content and all(isinstance(item, str) for item in content):
            run.text = ""
    paragraph.add_run(text)


def plan_kit(ws, kit: Kit, texts: Texts, reference: Path | None) -> KitContext:
    project = ws.get("project", kit.project)
    buurt = ws.get("buurt", kit.neighbourhood)
    variables = context_for(project, buurt, kit)
    werkvorm = ws.of("werkvorm")[kit.werkvorm]
    docs = {kit.werkvorm: werkvorm.doc}
    roles = []
    for role_id in kit.roles:
        entry = ws.of("rol")[role_id]
        roles.append(entry.model)
        docs[role_id] = entry.doc
    casussen = []
    for casus_id in kit.casussen:  # casus ids win over a werkvorm or rol with the same id
        entry = ws.of("casus")[casus_id]
        casussen.append(personalise(entry.model, texts, variables))
        docs[casus_id] = entry.doc
    return KitContext(kit, project, buurt, werkvorm.model, casussen, roles, docs,
                      texts, reference, variables, workspace=ws)


def personalise(casus: Casus, texts: Texts, variables: dict) -> Casus:
    """The casus with every ``{{ … }}`` filled in; check has already proved they render."""
    data = casus.model_dump(by_alias=True, exclude_none=True)
    return Casus.model_validate(_fill(data, texts, variables))


def _fill(value, texts: Texts, variables: dict):
    if isinstance(value, str):
        return texts.casus_text(value, variables)
    if isinstance(value, list):
        return [_fill(v, texts, variables) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, texts, variables) for k, v in value.items()}
    return value
