"""Table columns wide enough for their longest word, in the house style's own font.

A table's column widths are drawn for the default font; in a wider one (a house style in
Verdana or DejaVu Sans) a name such as "Schuldhulpverlener" or a header such as "Nr." no longer
fits its column and Word breaks it in the middle of the word. :func:`fit` measures the widest
word of every cell (:mod:`casuskit.metrics`, in the font, size and weight of its paragraph's
style) and widens the columns that need it, taking the room from the others in proportion to
what they can spare. The table keeps its total width.
"""

from __future__ import annotations

from casuskit import metrics
from casuskit.word import Paragraph, Run, StyleSheet, Table

SAFETY_MM = 0.6       # Word's and LibreOffice's rounding, and kerning we do not apply
LIST_INDENT_MM = 6.35  # a bullet item's hanging indent (the reference's list numbering)
BOLD_CHARACTER_STYLES = ("Strong",)


def fit(table: Table, styles: StyleSheet) -> Table:
    """``table`` with column widths that hold every cell's longest word (where the total
    width allows); changed in place and returned."""
    table.widths_mm = widened(table.widths_mm, needs(table, styles))
    return table


def needs(table: Table, styles: StyleSheet) -> list[float]:
    """Per column, the width its widest unbreakable word needs, padding included."""
    left, right = styles.table_cell_margins_mm(table.style) if table.style else (1.9, 1.9)
    if table.cell_margins:
        left, right = table.cell_margins.get("left", left), table.cell_margins.get("right", right)
    found = [0.0] * len(table.widths_mm)
    for row in table.rows:
        column = 0
        for cell in row.cells:
            if cell.span == 1:
                pad = (cell.margins or {})
                found[column] = max(found[column], cell_mm(cell.content, styles)
                                    + pad.get("left", left) + pad.get("right", right) + SAFETY_MM)
            column += cell.span
    return found


def cell_mm(content: list, styles: StyleSheet) -> float:
    """The widest word of a cell's paragraphs, with their indents and borders."""
    widest = 0.0
    for paragraph in content:
        if type(paragraph) is not Paragraph:
            continue  # a nested table sizes itself
        look = styles.look(paragraph.style or "Normal")
        extra = look.indent_mm + look.sides_mm + (LIST_INDENT_MM if paragraph.list_id else 0.0)
        for run in paragraph.runs:
            if type(run) is not Run or not run.text.strip():
                continue
            size = run.size_pt or paragraph.size_pt or look.size
            bold = look.bold or run.style in BOLD_CHARACTER_STYLES
            text = run.text.upper() if look.caps else run.text
            widest = max(widest, metrics.longest_word_mm(text, size, bold, look.font) + extra)
    return widest


def widened(widths: list[float], need: list[float]) -> list[float]:
    """``widths`` with every column at least its ``need``, the same total: what the short
    columns lack comes from the others, in proportion to what each can spare. When even the
    needs add up to more than the total, every column gets its share of the total in
    proportion to its need (words will break; nothing better fits the page)."""
    short = {i: n - w for i, (w, n) in enumerate(zip(widths, need)) if n > w}
    if not short:
        return list(widths)
    total = sum(widths)
    if sum(need) > total:
        return [total * n / sum(need) for n in need]
    spare = {i: w - n for i, (w, n) in enumerate(zip(widths, need)) if i not in short}
    lacking, can_give = sum(short.values()), sum(spare.values())
    return [need[i] if i in short else w - lacking * spare[i] / can_give
            for i, w in enumerate(widths)]
