"""The evaluation form (``evaluatieformulier.docx``): one per participant, anonymous.

What it asks is the kit's :class:`~casuskit.evaluation.form.FormPlan`: statements scored 1
(helemaal oneens) to 5 (helemaal eens), a box to tick per score; on the last round of a project
that compares its werkvormen, a box per werkvorm of the buurt (taken part in, helped most); then
the werkvorm's open questions with writing lines. The statement keys, ``voorkeur``,
``meegedaan`` and ``vraag1`` … are the columns of ``evaluaties/<kit-id>.csv`` that
``casuskit evaluatie`` reads; the form numbers everything in the same order. Made for every kit
whose form asks anything, with or without a participant list.
"""

from __future__ import annotations

from casuskit import pagecount
from casuskit.evaluation.items import SCALE, SCALE_WORDS
from casuskit.plan import KitContext
from casuskit.render.draaiboek_parts import Para, add_table, clock, schedule
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem
from casuskit.dutch import joined

FILE_NAME = "evaluatieformulier.docx"
LABELS = "evaluatieformulier-labels.j2"  # its texts, in the project's form of address
BOX = "\u2610"


ONE_PAGE_QUESTIONS = 6  # the most open questions that fit on the front with the statements
BACK_LINES = 4          # writing lines per question when the open questions have the back


def answer_lines(questions: int) -> int:
    """Writing lines per open question.

    Fewer as there are more, so that the form with the default statements and house style
    stays on one A4 page up to :data:`ONE_PAGE_QUESTIONS` questions (in a wider house-style
    font :func:`render` takes fewer still, as long as that keeps it on one page). A form with more needs
    the back of the sheet anyway, so its questions get two lines again; a question never
    leaves its lines behind on the previous page.
    """
    if questions > ONE_PAGE_QUESTIONS:
        return 2
    return 3 if questions <= 3 else 2 if questions == 4 else 1


def questions_on_back(form) -> bool:
    """The comparison table takes the room of three questions: with more than three open
    questions besides it, they get the back of the sheet, with room to write."""
    return form.comparison is not None and len(form.questions) > 3


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    form = ctx.evaluation
    if form is None or not form.asks_anything:
        return []
    lines = BACK_LINES if questions_on_back(form) else answer_lines(len(form.questions))
    doc = _form(ctx, form, lines)
    while one_page(form) and lines > 1 and not pagecount.fits_one_page(doc):
        lines -= 1  # a wider house-style font: fewer writing lines keep the form on one page
        doc = _form(ctx, form, lines)
    return [(FILE_NAME, ctx.to_bytes(doc))]


def one_page(form) -> bool:
    """Does ``form`` promise one page? Not with more open questions than fit on the front,
    nor when they have the back."""
    return len(form.questions) <= ONE_PAGE_QUESTIONS and not questions_on_back(form)


def _form(ctx: KitContext, form, lines: int):
    """The form with ``lines`` writing lines under each open question."""
    kit = ctx.kit
    text = ctx.texts.labels(LABELS, **ctx.template_context())
    doc = ctx.new_document("Evaluatieformulier", f"Evaluatie · {ctx.werkvorm.name}")
    doc.paragraph(text["titel"], "Title")
    doc.paragraph(joined(ctx.werkvorm.name, ctx.buurt.name, kit.round_label, ctx.date_text),
                  "Subtitle")
    doc.paragraph(f"{text['intro']} {form.purpose or text['doel']}")
    if form.statements:
        doc.heading(text["stellingen"], 1)
        doc.paragraph(text["schaal"] + " " + ", ".join(
            f"{n} = {SCALE_WORDS[n]}" for n in SCALE) + ".", "Klein")
        rows = [[f"{n}.", item.text, *[Para(BOX, "Likert Vakje") for _ in SCALE]]
                for n, item in enumerate(form.statements, start=1)]
        add_table(doc, ["", text["kolom_stelling"], *[Para(str(n), "Likert Vakje") for n in SCALE]],
                  rows, [8, 112, 10, 10, 10, 10, 10], valign="center")
    if form.comparison is not None:
        _comparison(doc, form.comparison, text)
    if form.questions:
        doc.heading(text["open_vragen"], 1, new_page=questions_on_back(form))
        for number, question in enumerate(form.questions, start=1):
            doc.paragraph(f"{chr(64 + number)}. {question}", keep_with_next=True)
            last = number == len(form.questions)  # the thanks: not alone
            doc.note_lines(lines, keep_first=lines if last else lines - 1)
    doc.paragraph(text["dank"], "Klein")
    return doc


def _comparison(doc, comparison, text: dict[str, str]) -> None:
    """The countable question: a numbered row per werkvorm, two columns of boxes."""
    doc.heading(text["werkvormen"], 1)
    doc.paragraph(comparison.question, keep_with_next=True)
    doc.paragraph(text["werkvormen_uitleg"], "Klein")
    rows = [[f"{n}.", option.label, Para(BOX, "Likert Vakje"), Para(BOX, "Likert Vakje")]
            for n, option in enumerate(comparison.options, start=1)]
    add_table(doc, ["", text["kolom_werkvorm"], Para(text["kolom_erbij"], "Tabelkop"),
                    Para(text["kolom_hielp"], "Tabelkop")], rows, [8, 102, 28, 32], valign="center")


def files(ctx: KitContext) -> list[str]:
    return [FILE_NAME] if ctx.evaluation is not None and ctx.evaluation.asks_anything else []


def handed_out(ctx: KitContext) -> str:
    """When the form is handed out: the programme block for it, with its time."""
    slot = next((s for s in schedule(ctx) if s.block.evaluation), None)
    if slot is None:
        return "uitdelen bij de afsluiting"
    return f"uitdelen in het blok ‘{slot.block.title}’ ({clock(slot.start)})"


def print_items(ctx: KitContext) -> list[PrintItem]:
    return [PrintItem(FILE_NAME, ctx.headcount + ctx.reserve, DOUBLE,
                      f"één per deelnemer, {handed_out(ctx)}", "Evaluatieformulier", ctx.reserve)]


KIND = DocumentKind(
    "evaluatieformulier", render, files, print_items,
    ("Title", "Subtitle", "Normal", "Heading 1", "Klein", "Likert Vakje", "Notitieregel",
     "Tabelkop", "Tabeltekst", "Header", "Footer"), table_styles=("Casuskit Tabel",))
