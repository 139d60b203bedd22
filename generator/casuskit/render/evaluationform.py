"""The evaluation form (``evaluatieformulier.docx``): one per participant, anonymous.

Likert statements on preventive cooperation (1 = helemaal oneens … 5 = helemaal eens, a box to
tick per score; see :mod:`casuskit.evaluation.items`), then the werkvorm's own evaluation
questions with writing lines. The statement keys and ``vraag1`` … are the columns of
``evaluaties/<kit-id>.csv`` that ``casuskit evaluatie`` reads; the form numbers them in the
same order. Made for every kit, with or without a participant list.
"""

from __future__ import annotations

from casuskit import pagecount
from casuskit.evaluation.items import SCALE, SCALE_WORDS, statements
from casuskit.plan import KitContext
from casuskit.render.draaiboek_parts import Para, add_table
from casuskit.render.kinds import DOUBLE, DocumentKind, PrintItem

FILE_NAME = "evaluatieformulier.docx"
BOX = "\u2610"


ONE_PAGE_QUESTIONS = 6  # the most open questions that fit on the front with the statements


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


def render(ctx: KitContext) -> list[tuple[str, bytes]]:
    items = statements(ctx.texts)
    if not items and not ctx.werkvorm.evaluation:
        return []
    questions = len(ctx.werkvorm.evaluation)
    lines = answer_lines(questions)
    doc = _form(ctx, items, lines)
    while questions <= ONE_PAGE_QUESTIONS and lines > 1 and not pagecount.fits_one_page(doc):
        lines -= 1  # a wider house-style font: fewer writing lines keep the form on one page
        doc = _form(ctx, items, lines)
    return [(FILE_NAME, ctx.to_bytes(doc))]


def _form(ctx: KitContext, items, lines: int):
    """The form with ``lines`` writing lines under each open question."""
    kit = ctx.kit
    doc = ctx.new_document("Evaluatieformulier", f"Evaluatie · {ctx.werkvorm.name}")
    doc.paragraph("Evaluatie", "Title")
    doc.paragraph(f"{ctx.werkvorm.name} · {ctx.buurt.name} · {kit.round_label} · "
                  f"{ctx.date_text}", "Subtitle")
    doc.paragraph("Dit formulier is anoniem: schrijf uw naam er niet op. Uw antwoorden helpen "
                      f"{ctx.project.organisation} om te kiezen welke vorm van buurtoverleg het "
                      "best bijdraagt aan samenwerken vóórdat problemen groot worden.")
    if items:
        doc.heading("Stellingen", 1)
        doc.paragraph("Kruis per stelling één vakje aan. " + ", ".join(
            f"{n} = {SCALE_WORDS[n]}" for n in SCALE) + ".", "Klein")
        rows = [[f"{n}.", item.text, *[Para(BOX, "Likert Vakje") for _ in SCALE]]
                for n, item in enumerate(items, start=1)]
        add_table(doc, ["", "Stelling", *[Para(str(n), "Likert Vakje") for n in SCALE]], rows,
                  [8, 112, 10, 10, 10, 10, 10], valign="center")
    if ctx.werkvorm.evaluation:
        doc.heading("Open vragen", 1)
        questions = ctx.werkvorm.evaluation
        for number, question in enumerate(questions, start=1):
            doc.paragraph(f"{chr(64 + number)}. {question}", keep_with_next=True)
            last = number == len(questions)  # the thanks: not alone
            doc.note_lines(lines, keep_first=lines if last else lines - 1)
    doc.paragraph("Dank u wel. Leg het formulier bij het weggaan in de doos bij de deur.",
                  "Klein")
    return doc


def files(ctx: KitContext) -> list[str]:
    return [FILE_NAME] if ctx.werkvorm.evaluation or statements(ctx.texts) else []


def print_items(ctx: KitContext) -> list[PrintItem]:
    count = len(ctx.seating.listed.people) if ctx.seating is not None else ctx.kit.participants
    return [PrintItem(FILE_NAME, count, DOUBLE, "één per deelnemer, uitdelen bij de afsluiting",
                      "Evaluatieformulier")]


KIND = DocumentKind(
    "evaluatieformulier", render, files, print_items,
    ("Title", "Subtitle", "Normal", "Heading 1", "Klein", "Likert Vakje", "Notitieregel",
     "Tabelkop", "Tabeltekst", "Header", "Footer"), table_styles=("Casuskit Tabel",))
