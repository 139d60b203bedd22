"""Charts of the evaluation report, as PNG bytes that are the same on every run.

matplotlib draws on an explicit Agg canvas (no pyplot, no display, no global backend switch),
with the DejaVu Sans font that ships inside matplotlib, fixed sizes and resolution, a fixed
``svg.hashsalt``, and no ``Software`` metadata in the PNG, so the same results give the same
bytes and the report stays reproducible like every other casuskit document.
"""

from __future__ import annotations

import io
import textwrap

WIDTH_IN = 6.7           # 170 mm: the text width of the reference document
DPI = 200
COLOURS = ["#1F6E7E", "#E07B39", "#9CC3E6", "#2E1A47", "#F2C14E", "#3C7A3E"]
MARKERS = ["o", "s", "^", "D", "v", "P"]
STYLE = {"font.family": "DejaVu Sans", "font.size": 8.5, "axes.titlesize": 9.5,
         "svg.hashsalt": "casuskit", "axes.spines.top": False, "axes.spines.right": False,
         "axes.edgecolor": "#595959", "axes.labelcolor": "#262626", "xtick.color": "#404040",
         "ytick.color": "#404040", "legend.frameon": False}


def _png(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _rows(axes, labels: list[str], wrap: int) -> None:
    """Horizontal bars: one row per label, top down, wrapped to ``wrap`` characters."""
    axes.set_yticks(range(len(labels)), ["\n".join(textwrap.wrap(t, wrap)) for t in labels])
    axes.invert_yaxis()


def _finish(figure, axes, legend_y: float, columns: int) -> bytes:
    """Vertical grid lines behind the bars, the legend below the axes, the PNG."""
    axes.grid(axis="x", color="#D9D9D9", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.legend(loc="upper center", bbox_to_anchor=(0.4, legend_y), ncol=columns, fontsize=8)
    figure.tight_layout()
    return _png(figure)


def statements_by_form(labels: list[str], forms: list[str],
                       means: list[list[float | None]], spreads: list[list[float | None]]) -> bytes:
    """Grouped horizontal bars: per statement (rows) the mean of each werkvorm, ± sd.

    ``means[f][s]`` is werkvorm ``f`` on statement ``s`` (None when nobody answered)."""
    import matplotlib
    from matplotlib.figure import Figure
    with matplotlib.rc_context(STYLE):
        height = 0.9 + 0.5 * len(labels) * max(1, len(forms)) ** 0.5
        figure = Figure(figsize=(WIDTH_IN, height))
        axes = figure.add_subplot()
        bar = 0.8 / max(1, len(forms))
        for f, form in enumerate(forms):
            rows = [s for s in range(len(labels)) if means[f][s] is not None]
            positions = [s + (f - (len(forms) - 1) / 2) * bar for s in rows]
            axes.barh(positions, [means[f][s] for s in rows], height=bar * 0.92,
                      xerr=[spreads[f][s] or 0 for s in rows], color=COLOURS[f % len(COLOURS)],
                      error_kw={"elinewidth": 0.8, "capsize": 2, "ecolor": "#404040"},
                      label="\n".join(textwrap.wrap(form, 26)))
        _rows(axes, labels, 34)
        axes.set_xlim(1, 5)
        axes.set_xticks([1, 2, 3, 4, 5], ["1\noneens", "2", "3", "4", "5\neens"])
        return _finish(figure, axes, -0.12 - 0.1 / height, min(len(forms), 3))


def rounds_by_buurt(rounds: list[str], buurten: list[str],
                    means: list[list[float | None]]) -> bytes:
    """Lines: the mean respondent score per ronde, one line per buurt (``means[b][r]``)."""
    import matplotlib
    from matplotlib.figure import Figure
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(WIDTH_IN, 3.0))
        axes = figure.add_subplot()
        for b, buurt in enumerate(buurten):
            points = [(r, m) for r, m in enumerate(means[b]) if m is not None]
            axes.plot([r for r, _ in points], [m for _, m in points], marker=MARKERS[b % len(MARKERS)],
                      color=COLOURS[b % len(COLOURS)], linewidth=1.6, markersize=5, label=buurt)
        axes.set_xticks(range(len(rounds)), ["\n".join(textwrap.wrap(r, 24)) for r in rounds])
        axes.set_xlim(-0.3, len(rounds) - 0.7)
        axes.set_ylim(1, 5)
        axes.set_ylabel("gemiddelde score (1–5)")
        axes.grid(axis="y", color="#D9D9D9", linewidth=0.6)
        axes.legend(loc="lower right", ncol=len(buurten))
        figure.tight_layout()
        return _png(figure)


def counts_by_form(forms: list[str], buurten: list[str], counts: list[list[int]]) -> bytes:
    """Stacked horizontal bars: per werkvorm (rows) how many respondents chose it, one segment
    per buurt (``counts[b][f]``), the total at the end of each bar."""
    import matplotlib
    from matplotlib.figure import Figure
    with matplotlib.rc_context(STYLE):
        height = 1.5 + 0.45 * len(forms)
        figure = Figure(figsize=(WIDTH_IN, height))
        axes = figure.add_subplot()
        left = [0] * len(forms)
        for b, buurt in enumerate(buurten):
            axes.barh(range(len(forms)), counts[b], left=left, height=0.6,
                      color=COLOURS[b % len(COLOURS)], label=buurt, edgecolor="white", linewidth=0.6)
            left = [l + c for l, c in zip(left, counts[b])]
        for f, total in enumerate(left):
            axes.text(total + 0.15, f, str(total), va="center", fontsize=8.5)
        _rows(axes, forms, 30)
        axes.set_xlim(0, max(left + [1]) * 1.15 + 0.5)
        axes.set_xlabel("aantal deelnemers dat deze vorm het meest vond helpen")
        axes.xaxis.get_major_locator().set_params(integer=True)
        return _finish(figure, axes, -0.22 - 0.15 / height, min(len(buurten), 4))
