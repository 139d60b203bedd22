"""Counting the comparison question: which werkvorm helped most, and who took part in which.

Answers come from the forms of the last round in each buurt (``voorkeur``, ``meegedaan``, see
:mod:`casuskit.evaluation.form`); they are counted per werkvorm, per buurt and in total.
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit.evaluation.results import KitResults


@dataclass(frozen=True)
class FormCount:
    werkvorm: str
    name: str
    preferred: dict[str, int]   # buurt id → respondents who ticked it under "hielp het meest"
    taken_part: dict[str, int]  # buurt id → respondents who ticked it under "was erbij"

    @property
    def preferred_total(self) -> int:
        return sum(self.preferred.values())

    @property
    def taken_part_total(self) -> int:
        return sum(self.taken_part.values())


@dataclass(frozen=True)
class Comparison:
    question: str
    buurten: list[str]          # buurt ids, in order
    forms: list[FormCount]      # in the order of the rounds
    answered: dict[str, int]    # buurt id → respondents who ticked one form as most helpful
    asked: dict[str, int]       # buurt id → forms handed in with the question on them

    @property
    def answered_total(self) -> int:
        return sum(self.answered.values())

    @property
    def asked_total(self) -> int:
        return sum(self.asked.values())


def count(results: list[KitResults]) -> Comparison | None:
    """The comparison over every kit whose form asked it (None when no form did)."""
    asking = [r for r in results if r.form is not None and r.form.comparison is not None]
    if not asking:
        return None
    buurten = list(dict.fromkeys(r.kit.neighbourhood for r in asking))
    options = {}
    for r in asking:
        for option in r.form.comparison.options:
            options.setdefault(option.werkvorm, option.name)
    forms = []
    for werkvorm, name in options.items():
        preferred = {b: 0 for b in buurten}
        taken = {b: 0 for b in buurten}
        for r in asking:
            for response in r.responses:
                preferred[r.kit.neighbourhood] += response.preference == werkvorm
                taken[r.kit.neighbourhood] += werkvorm in response.taken_part
        forms.append(FormCount(werkvorm, name, preferred, taken))
    answered = {b: sum(1 for r in asking if r.kit.neighbourhood == b for x in r.responses
                       if x.preference) for b in buurten}
    asked = {b: sum(len(r.responses) for r in asking if r.kit.neighbourhood == b) for b in buurten}
    return Comparison(asking[0].form.comparison.question, buurten, forms, answered, asked)
