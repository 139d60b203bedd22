"""Evaluation of meetings: the statements on the form, filled-in results, and the report.

:mod:`~casuskit.evaluation.items` names the Likert statements (and the CSV columns),
:mod:`~casuskit.evaluation.results` reads ``evaluaties/<kit-id>.csv``,
:mod:`~casuskit.evaluation.stats` computes n, mean and spread, :mod:`~casuskit.evaluation.charts`
draws the figures and :mod:`~casuskit.evaluation.report` writes ``evaluatie.docx``.
"""
