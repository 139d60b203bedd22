"""Building blocks of the draaiboek (facilitator guide): fixed texts, timing, paragraphs, tables.

Shared by :mod:`casuskit.render.draaiboek` (cover, programme, checklist) and
:mod:`casuskit.render.draaiboek_casus` (one section per casus). Everything a reader sees comes
from the templates ``draaiboek-*.j2`` in ``templates/teksten``; the look comes from named styles
of the reference document only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casuskit import tablefit, word
from casuskit.model.werkvorm import Block
from casuskit.render.prose import one_line, paragraphs

LABELS = "draaiboek-labels.j2"
DESIGN_WIDTH_MM = 170  # column widths are drawn for A4 with the reference's 20 mm margins


class Labels:
    """The short texts of ``draaiboek-labels.j2`` ("sleutel: tekst" per line).

    A project may override the file; keys it leaves out keep the shipped text.
    """

    def __init__(self, ctx):
        self._texts = ctx.texts.labels(LABELS, **ctx.template_context())

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def __contains__(self, key: str) -> bool:
        return key in self._texts


def fixed(ctx, name: str, **extra) -> str:
    """A fixed prose text of the draaiboek, rendered with the kit's context."""
    return ctx.texts.fixed(name, **{**ctx.template_context(), **extra})


# -- timing -------------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    """One programme block with its clock times."""

    block: Block
    start: dt.datetime
    end: dt.datetime


def schedule(ctx) -> list[Slot]:
    """The werkvorm's blocks, one after the other from the kit's start time."""
    now = dt.datetime.combine(ctx.kit.date, ctx.kit.start)
    slots = []
    for block in ctx.werkvorm.blocks:
        end = now + dt.timedelta(minutes=block.minutes)
        slots.append(Slot(block, now, end))
        now = end
    return slots


def clock(moment: dt.datetime | dt.time) -> str:
    return f"{moment:%H:%M}"


def phase_offsets(minutes: int, count: int) -> list[int]:
    """Minutes into a block at which to hand out each of ``count`` phases, spread evenly.

    Rounded down to whole five minutes in blocks of half an hour or more ("na ongeveer 15
    minuten"), to whole minutes in shorter blocks; never at the very start.
    """
    step = 5 if minutes >= 30 else 1
    return [max(step, int(minutes * i / (count + 1)) // step * step) for i in range(1, count + 1)]


def join_dutch(items: list[str], and_word: str) -> str:
    """['1', '2', '3'] → '1, 2 en 3'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {and_word} {items[-1]}"


def groups_text(labels: Labels, groups: list[int]) -> str:
    """'groep 1 en 3', or the label for a casus no group discusses."""
    if not groups:
        return labels["geen_groep"]
    return f"{labels['groep']} {join_dutch([str(g) for g in groups], labels['en'])}"


# -- paragraphs -----------------------------------------------------------------

def add_text(doc: word.Document, text: str, style: str = "Normal") -> None:
    """One paragraph in ``style`` per paragraph of ``text``."""
    for part in paragraphs(text):
        doc.paragraph(part, style)


def add_lead(doc: word.Document, style: str, lead: str, text: str) -> None:
    """A paragraph opening with a bold lead word ("Doe:") in the character style Strong."""
    doc.lead(style, lead, one_line(text))


def add_list(doc: word.Document, items: list[str], style: str = "List Bullet") -> None:
    doc.bullets([one_line(item) for item in items], style)


def add_numbered(doc: word.Document, items: list[str], keep_together: bool = False) -> None:
    """A "List Number" list that starts at 1, whatever numbered lists came before."""
    doc.numbered([one_line(item) for item in items], keep_together=keep_together)


def add_heading(doc: word.Document, text: str, level: int, new_page: bool = False) -> None:
    doc.heading(text, level, new_page)


# -- tables -------------------------------------------------------------------

@dataclass(frozen=True)
class Para:
    """One paragraph in a table cell: ``text`` in ``style`` (default: the table's text
    style), opening with ``lead`` in the character style Strong if given; ``bullet`` makes it
    an item of the "List Bullet" numbering while keeping the table's (smaller) text style."""

    text: str
    style: str | None = None
    lead: str | None = None
    bullet: bool = False  # a bullet item in the table's text style


def add_table(doc: word.Document, header: list, rows: list[list], widths_mm: list[float],
              valign: str | None = None, min_height_mm: float | None = None) -> None:
    """A "Casuskit Tabel" with a repeated header row; no row breaks across pages.

    A cell is a text or a list of texts and :class:`Para` paragraphs; a header shorter than
    the rows stretches its last cell over the remaining columns. ``widths_mm`` add up to
    :data:`DESIGN_WIDTH_MM` and are scaled to the text width of the house style's page, then
    widened where a word would not fit in the house style's font (:mod:`casuskit.tablefit`).
    ``valign`` and ``min_height_mm`` apply to the rows below the header.
    """
    cells = [value if isinstance(value, list) else [value] for row in rows for value in row]
    has_bullets = any(isinstance(p, Para) and p.bullet for parts in cells for p in parts)
    bullets = doc.new_list("List Bullet") if has_bullets else None
    spans = [1] * (len(header) - 1) + [len(widths_mm) - len(header) + 1]
    table_rows = [word.Row([word.Cell(_content([text], "Tabelkop", bullets), span)
                            for text, span in zip(header, spans)], cant_split=True, header=True)]
    for values in rows:
        table_rows.append(word.Row(
            [word.Cell(_content(value if isinstance(value, list) else [value], "Tabeltekst",
                                bullets), valign=valign) for value in values],
            min_height_mm, exact=False, cant_split=True))
    scale = doc.text_width_mm / DESIGN_WIDTH_MM
    doc.add(tablefit.fit(word.Table([width * scale for width in widths_mm], table_rows,
                                    style="Casuskit Tabel"), doc.reference.styles))


def _content(parts: list, style: str, bullets: int | None) -> list[word.Paragraph]:
    """The paragraphs of one cell; an empty cell still has one (empty) paragraph."""
    paragraphs = []
    for part in parts or [""]:
        part = part if isinstance(part, Para) else Para(part)
        runs = [word.Run(part.lead, "Strong")] if part.lead else []
        text = one_line(part.text)
        if text:
            runs.append(word.Run(f" {text}" if part.lead else text))
        paragraphs.append(word.Paragraph(part.style or style, runs,
                                         bullets if part.bullet else None))
    return paragraphs
