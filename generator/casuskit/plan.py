"""Everything a renderer needs about one kit, resolved and personalised once.

:func:`plan_kit` looks up the kit's project, buurt, werkvorm and casussen, fills in casus
variables such as ``{{ buurt.naam }}`` through the sandboxed Jinja renderer, and fixes the
output folder. :meth:`KitContext.new_document` starts a Word document from the project's
reference document with header, footer and document properties already set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casuskit import pagecount, rolecolours, word
from casuskit.evaluation import form
from casuskit.errors import Location
from casuskit.model import Buurt, Casus, Kit, Project, Rol, Werkvorm
from casuskit.model.types import slugify
from casuskit.textrender import Texts, context_for, dutch_date
from casuskit.dutch import in_sentence, joined

if TYPE_CHECKING:
    from casuskit.yamlload import Document


@dataclass
class KitContext:
    kit: Kit
    project: Project
    buurt: Buurt
    werkvorm: Werkvorm
    casussen: list[Casus]           # personalised for this buurt and kit
    roles: list[Rol]                 # role cards (rolkaarten) of this kit
    source_docs: dict[str, Document]  # casus / werkvorm / rol / kit id → loaded YAML (to locate errors)
    texts: Texts
    reference: word.Reference
    variables: dict = field(default_factory=dict)
    seating: object | None = None  # KitSeating: the table division, None without a list
    seating_problems: list = field(default_factory=list)  # why no division fits the list
    print_items: list = field(default_factory=list)  # set by render.registry.prepare
    card_sizes: list[str] = field(default_factory=list)  # likewise
    role_colours: dict[str, int] = field(default_factory=dict)  # role key → "Rolband" number
    evaluation: object | None = None  # FormPlan: what the evaluation form asks (casuskit.evaluation.form)
    page_estimates: list = field(default_factory=list)  # pagecount.Estimate per document written
    pages: dict[str, int] = field(default_factory=dict)  # .docx file → estimated pages

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
        """How many people sit at tables discussing this casus: counted from the table division
        when there is one (guests included), else the kit's count rounded up per table."""
        if self.seating is not None:
            return sum(len(self.seating.tables[g - 1]) for g in self.groups_for(casus_id))
        per_table = math.ceil(self.kit.participants / self.kit.groups)
        return per_table * len(self.groups_for(casus_id))

    @property
    def headcount(self) -> int:
        """The participants expected: those on the list who come, else the kit's `deelnemers`."""
        return len(self.seating.present) if self.seating is not None else self.kit.participants

    @property
    def reserve(self) -> int:
        """Spare copies for walk-ins (kit, else project default)."""
        return self.kit.reserve if self.kit.reserve is not None else self.project.defaults.reserve

    def template_context(self) -> dict:
        """Variables for the fixed text templates (templates/teksten); ``aanspreekvorm`` is the
        project's form of address, ``u`` or ``je``, that every template follows; ``opdrachtgever``
        and ``organisator`` name the organisations as they read in a sentence."""
        return {**self.variables, "werkvorm": {"naam": self.werkvorm.name},
                "deelnemers": self.headcount, "groepen": self.kit.groups,
                "aantal_casussen": len(self.casussen), "deelnemerslijst": self.seating is not None,
                "gasten": [g.name for g in self.kit.guests], "reserve": self.reserve,
                "aanspreekvorm": self.project.address,
                "opdrachtgever": in_sentence(self.project.organisation),
                "organisator": in_sentence(self.project.organiser or self.project.organisation)}

    @property
    def header_text(self) -> str:
        """The header line of the kit's documents: buurt, ronde and date."""
        return joined(self.buurt.name, self.kit.round_label, self.date_text)

    def new_document(self, title: str, subject: str, layout: word.PageLayout | None = None,
                     header: str = "text") -> word.Document:
        """A document from the reference with properties, header and footer filled in; see
        :class:`~casuskit.word.Document` for ``layout`` and ``header``."""
        doc = word.Document(self.reference, layout, header)
        doc.properties(title, subject, self.project.organisation,
                       ["casuskit", self.buurt.name, self.kit.round_label])
        doc.header(self.header_text)
        doc.footer(f"{self.project.name}\t\t", *word.PAGE_NUMBERS)
        return doc

    def locate(self, source_id: str, path: tuple) -> Location | None:
        """Where in the writer's YAML a casus, werkvorm or rol value stands (for build errors)."""
        doc = self.source_docs.get(source_id)
        return doc.location(doc.positions.value(path)) if doc else None

    def to_bytes(self, doc: word.Document) -> bytes:
        """The document's bytes; how many pages it takes is noted (:mod:`casuskit.pagecount`)."""
        self.page_estimates.append(pagecount.estimate(doc))
        return doc.to_bytes(self.kit.date)


def plan_kit(ws, kit: Kit, texts: Texts, reference: word.Reference | None = None) -> KitContext:
    """Everything about ``kit`` resolved and personalised, for ``reference`` (default: the
    shipped reference document). The table division is the pipeline's to add
    (:func:`casuskit.seating.plan.for_kit`): renderers never solve one."""
    project = ws.get("project", kit.project)
    buurt = ws.get("buurt", kit.neighbourhood)
    variables = context_for(project, buurt, kit)
    werkvorm = ws.of("werkvorm")[kit.werkvorm]
    docs = {kit.werkvorm: werkvorm.doc}
    roles = []
    for role_id in kit.roles:  # a role text may name the place: {{ buurt.soort }}
        entry = ws.of("rol")[role_id]
        roles.append(personalise(entry.model, texts, variables))
        docs[role_id] = entry.doc
    casussen = []
    for casus_id in kit.casussen:  # casus ids win over a werkvorm or rol with the same id
        entry = ws.of("casus")[casus_id]
        casussen.append(personalise(entry.model, texts, variables))
        docs[casus_id] = entry.doc
    kit_entry = ws.of("kit").get(kit.id)
    if kit_entry is not None:  # the kit's own values, such as its guests
        docs.setdefault(kit.id, kit_entry.doc)
    ctx = KitContext(kit, project, buurt, werkvorm.model, casussen, roles, docs, texts,
                     reference or word.open_reference(), variables)
    ctx.role_colours = rolecolours.for_project(ws, kit.project)
    ctx.evaluation = form.plan_form(ws, kit, texts)
    return ctx


def personalise(model: Casus | Rol, texts: Texts, variables: dict) -> Casus | Rol:
    """The casus or rol with every ``{{ … }}`` filled in; check has already proved they render."""
    data = model.model_dump(by_alias=True, exclude_none=True)
    return type(model).model_validate(_fill(data, texts, variables))


def _fill(value, texts: Texts, variables: dict):
    if isinstance(value, str):
        return texts.casus_text(value, variables)
    if isinstance(value, list):
        return [_fill(v, texts, variables) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, texts, variables) for k, v in value.items()}
    return value
