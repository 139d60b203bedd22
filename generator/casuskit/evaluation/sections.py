"""The comparing chapters of the evaluation report: werkvormen per statement, the counted
comparison question, and buurten per statement within each werkvorm.

Each chapter is a table and a chart. A project with one werkvorm gets no comparison of forms
(a one-column table says nothing) but still its buurten side by side; statements that only one
werkvorm asks are compared across its buurten, not across forms.
"""

from __future__ import annotations

from casuskit import word
from casuskit.evaluation import charts, counts, stats
from casuskit.evaluation.results import KitResults
from casuskit.render.draaiboek_parts import Para, add_table


def statements_of(results: list[KitResults]) -> list:
    """Every statement the kits' forms asked, each once, in form order."""
    found = {}
    for r in results:
        for item in (r.form.statements if r.form else []):
            found.setdefault(item.key, item)
    return list(found.values())


def asked_in(results: list[KitResults], key: str) -> bool:
    return any(r.form is not None and key in {s.key for s in r.form.statements} for r in results)


def add_forms(doc, results: list[KitResults], forms: list[str], names: dict, figure: int) -> int:
    """Werkvormen compared on the statements at least two of them asked; the next figure number."""
    per_form = {f: [r for r in results if r.kit.werkvorm == f] for f in forms}
    items = [item for item in statements_of(results)
             if sum(asked_in(per_form[f], item.key) for f in forms) >= 2]
    if len(forms) < 2 or not items:
        return figure
    doc.paragraph("Werkvormen vergeleken", "Heading 1")
    doc.paragraph("De stellingen die op de formulieren van meer dan één werkvorm stonden.", "Klein",
                  keep_with_next=True)
    _statement_table(doc, items, [per_form[f] for f in forms], [names[f] for f in forms])
    return _statement_chart(doc, items, [per_form[f] for f in forms], [names[f] for f in forms],
                            figure, "werkvorm")


def add_preference(doc, ws, results: list[KitResults], figure: int) -> int:
    """The counted question: which werkvorm helped most, per buurt and in total."""
    found = counts.count(results)
    if found is None:
        return figure
    buurt_names = [ws.get("buurt", b).name for b in found.buurten]
    doc.paragraph("Welke vorm hielp het meest?", "Heading 1")
    doc.paragraph(f"Op het formulier van de laatste ronde in elke buurt: ‘{found.question}’ "
                  f"{found.answered_total} van de {found.asked_total} deelnemers kruisten één vorm "
                  "aan als die die het meest hielp. Tussen haakjes: hoeveel deelnemers aankruisten "
                  "dat ze bij die vorm waren.", "Normal", keep_with_next=True)
    rows = [[form.name, *[f"{form.preferred[b]} ({form.taken_part[b]})" for b in found.buurten],
             Para(f"{form.preferred_total} ({form.taken_part_total})", "Tabelkop")]
            for form in found.forms]
    rows.append([Para("Eén vorm aangekruist", "Tabelkop"),
                 *[f"{found.answered[b]} van {found.asked[b]}" for b in found.buurten],
                 Para(f"{found.answered_total} van {found.asked_total}", "Tabelkop")])
    add_table(doc, ["Werkvorm", *buurt_names, "Totaal"], rows, widths(len(found.buurten) + 1))
    png = charts.counts_by_form([f.name for f in found.forms], buurt_names,
                                [[f.preferred[b] for f in found.forms] for b in found.buurten])
    picture(doc, png, f"Figuur {figure}. Hoe vaak elke vorm het meest hielp, per buurt.")
    return figure + 1


def add_buurten(doc, ws, results: list[KitResults], forms: list[str], names: dict,
                figure: int) -> int:
    """Per werkvorm: its statements per buurt (a table and a chart when it had several buurten)."""
    doc.paragraph("Buurten vergeleken", "Heading 1")
    doc.paragraph("Per werkvorm de stellingen van het formulier, per buurt.", "Klein",
                  keep_with_next=True)
    for form in forms:
        mine = [r for r in results if r.kit.werkvorm == form]
        items = statements_of(mine)
        if not items:
            continue
        buurten = list(dict.fromkeys(r.kit.neighbourhood for r in mine))
        groups = [[r for r in mine if r.kit.neighbourhood == b] for b in buurten]
        labels = [ws.get("buurt", b).name for b in buurten]
        doc.paragraph(names[form], "Heading 2")
        if len(buurten) > 1:
            _statement_table(doc, items, groups + [mine], labels + ["Samen"])
            figure = _statement_chart(doc, items, groups, labels, figure, "buurt", names[form])
        else:
            _statement_table(doc, items, [mine], labels)
    return figure


def widths(columns: int) -> list[float]:
    """Column widths (mm of 170): the first for the text, ``columns`` for numbers, each wide
    enough for a name like "Heerhugowaard Midden" on two lines."""
    width = min(30.0, 112 / max(1, columns))
    return [170 - width * columns] + [width] * columns


def _statement_table(doc, items, groups: list[list[KitResults]], columns: list[str]) -> None:
    rows = [[f"{n}. {item.text}", *[stats.statement_summary(g, item.key).text() for g in groups]]
            for n, item in enumerate(items, start=1)]
    rows.append([Para("Formulieren (n)", "Tabelkop"), *[str(stats.respondents(g)) for g in groups]])
    add_table(doc, ["Stelling", *columns], rows, widths(len(columns)))


def _statement_chart(doc, items, groups, labels: list[str], figure: int, what: str,
                     form: str = "") -> int:
    means = [[stats.statement_summary(g, i.key).mean for i in items] for g in groups]
    spreads = [[stats.statement_summary(g, i.key).sd for i in items] for g in groups]
    png = charts.statements_by_form([f"{n}. {i.text}" for n, i in enumerate(items, start=1)],
                                    labels, means, spreads)
    about = f" ({form})" if form else ""
    picture(doc, png, f"Figuur {figure}. Gemiddelde score per stelling en {what}{about}; de "
                      "streepjes tonen de standaardafwijking.")
    return figure + 1


def picture(doc: word.Document, png: bytes, caption: str) -> None:
    doc.add(word.Picture(png, charts.WIDTH_IN * 25.4, keep_with_next=True))
    doc.paragraph(caption, "Caption")
