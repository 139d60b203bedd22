"""Documents that promise one page: does the evaluation form still fit in this house style?

The evaluation form is one sheet per participant: with up to
:data:`~casuskit.render.evaluationform.ONE_PAGE_QUESTIONS` open questions it is laid out to fit
one A4 in the shipped house style (unless the werkvorm comparison sends its questions to the back:
:func:`~casuskit.render.evaluationform.one_page`). A wider or larger font can push its last question and the
thanks onto a second page. The form then takes fewer writing lines per question while that
keeps it on one page (:func:`casuskit.pagecount.fits_one_page`, in the kit's house style, with
:data:`~casuskit.pagecount.SPARE_MM` to spare: the estimate can be that far off);
:func:`form_problems` warns in ``check`` when even one line per question does not fit.
"""

from __future__ import annotations

from casuskit.errors import Diagnostic, warning
from casuskit.pagecount import SPARE_MM


def form_problems(ctx) -> list[Diagnostic]:
    """A warning when ``ctx``'s evaluation form, meant for one page, takes more."""
    from casuskit.render import evaluationform
    werkvorm = ctx.werkvorm
    if not evaluationform.KIND.applies(ctx) or not evaluationform.one_page(ctx.evaluation):
        return []
    start = len(ctx.page_estimates)
    evaluationform.render(ctx)
    made = ctx.page_estimates[start:]
    if not made or (made[0].pages == 1 and made[0].spare_mm >= SPARE_MM):
        return []
    pages = max(made[0].pages, 2)
    where = ctx.locate(werkvorm.id, ("evaluatie",) if werkvorm.evaluation else ())
    return [warning(
        "formulier-te-lang",
        f"het evaluatieformulier van kit {ctx.kit.id} past in deze huisstijl niet op één pagina "
        f"(geschat: {pages} pagina's)", where,
        "Kort de open vragen of de stellingen in, of kies in de huisstijl een smaller lettertype "
        "of een kleinere tekst (stijlen Normal en Tabeltekst).",
        notes=(f"gemeten in de huisstijl van project {ctx.project.id}",))]
