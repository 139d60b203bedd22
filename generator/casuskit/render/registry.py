"""Every document kind a kit can contain, in print order, and what follows from the list.

Each renderer module declares its :class:`~casuskit.render.kinds.DocumentKind` once; this
module only lists them. Adding a kind: write its renderer module (ending with ``KIND = …``),
add the module here and, for a kind a werkvorm chooses, its name to
:data:`casuskit.model.werkvorm.DOCUMENT_KINDS`.
"""

from __future__ import annotations

from casuskit.errors import BuildFailed
from casuskit.plan import KitContext
from casuskit.render import (calibration, cards, draaiboek, evaluationform, handout, nametents,
                             printlist, rolecards, signin, tablesheets, worksheets)
from casuskit.printing import KitPrint
from casuskit.render.kinds import DocumentKind, PrintItem

KINDS: list[DocumentKind] = [module.KIND for module in (
    draaiboek, handout, worksheets, cards, rolecards, tablesheets, nametents, signin,
    evaluationform, calibration, printlist)]

# styles of documents outside a kit (the evaluation report), and of every header and footer
OTHER_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Klein",
                "Caption", "List Bullet", "Tabelkop", "Tabeltekst", "Header", "Footer")


def chosen_kinds() -> list[str]:
    """The kinds a werkvorm lists under ``documenten``."""
    return [kind.name for kind in KINDS if kind.chosen]


def kinds_for(ctx: KitContext) -> list[DocumentKind]:
    return [kind for kind in KINDS if kind.applies(ctx)]


def print_items(ctx: KitContext) -> list[PrintItem]:
    return [item for kind in kinds_for(ctx) for item in kind.print_items(ctx)]


def printed_cards(ctx: KitContext) -> list[tuple[list, str]]:
    """(cards, card size) for every set of cut cards the kit prints."""
    return [found for kind in KINDS if kind.chosen and kind.name in ctx.werkvorm.documents
            for found in kind.cards(ctx)]


def prepare(ctx: KitContext) -> KitContext:
    """What renderers read of the whole kit: its print items and card sizes."""
    ctx.card_sizes = list(dict.fromkeys(size for _, size in printed_cards(ctx)))
    ctx.print_items = print_items(ctx)
    return ctx


def kit_print(ctx: KitContext) -> KitPrint:
    """What the print step needs of the kit (after :func:`render_kit`)."""
    return printlist.kit_print(ctx)


def render_kit(ctx: KitContext) -> list[tuple[str, bytes]]:
    """Every file of one kit. Raises BuildFailed with every problem found (such as a card
    whose text does not fit), after trying every kind. Notes the estimated pages of each
    document in ``ctx.pages`` as it goes (the print list, last, shows them)."""
    prepare(ctx)
    files, problems = [], []
    for kind in kinds_for(ctx):
        start = len(ctx.page_estimates)
        try:
            made = kind.render(ctx)
        except BuildFailed as exc:
            problems += exc.diagnostics
            continue
        files += made
        documents = [name for name, _ in made if name.endswith(".docx")]
        if len(documents) == len(ctx.page_estimates) - start:  # one estimate per document
            ctx.pages.update(zip(documents, (e.pages for e in ctx.page_estimates[start:])))
    if problems:
        raise BuildFailed(problems)
    return files


def required_styles() -> dict[str, str]:
    """Every style a document may use, by name, with its type (paragraph, character, table)."""
    found = dict.fromkeys(OTHER_STYLES, "paragraph")
    for kind in KINDS:
        found.update(dict.fromkeys(kind.styles, "paragraph"))
        found.update(dict.fromkeys(kind.character_styles, "character"))
        found.update(dict.fromkeys(kind.table_styles, "table"))
    return found
