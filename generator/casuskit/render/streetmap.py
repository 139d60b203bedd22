"""A blank street map for a worksheet (``straatkaart`` in a worksheet part): two rows of plots,
one per house or place, with the street running between them down the page.

The group draws on it what it knows of the street: where people meet, where the worries and the
strengths are (the legend says with which signs), never names or house numbers. A map takes a
page of its own, so a one-page worksheet gets it on the back.
"""

from __future__ import annotations

from casuskit import word

HOUSE_MM, STREET_MM = 72.0, 26.0   # two rows of plots and the street: 170 mm, the text width
PLOT_MM = 188.0                    # the height all plots share, below the legend
LINE = word.Border("single", 6, "7F7F7F")
STREET_FILL = "D9D9D9"


def add_street_map(doc: word.Document, street) -> None:
    """The legend (if any), then the map as one table of ``street.plots`` rows."""
    if street.legend:
        doc.paragraph("Tekens: " + " · ".join(" ".join(sign.split()) for sign in street.legend), "Klein")
    scale = doc.text_width_mm / (2 * HOUSE_MM + STREET_MM)
    widths = [HOUSE_MM * scale, STREET_MM * scale, HOUSE_MM * scale]
    head = word.Row([_cell(street.left), _cell("straat", STREET_FILL), _cell(street.right)],
                    header=True, cant_split=True, exact=False)
    height = PLOT_MM / street.plots
    rows = [head] + [word.Row([_plot(), word.Cell(shading=STREET_FILL), _plot()], height,
                              exact=True, cant_split=True) for _ in range(street.plots)]
    doc.add(word.Table(widths, rows, style="Kaartraster"))


def _cell(text: str, shading: str | None = None) -> word.Cell:
    return word.Cell([word.Paragraph("Tabelkop", [word.Run(text)])], shading=shading)


def _plot() -> word.Cell:
    return word.Cell(borders=word.edges(LINE))
