"""n, mean and spread of evaluation scores, per kit, per werkvorm and per statement.

Spread is the sample standard deviation (n − 1), the usual choice for a sample of
participants; with one answer there is no spread (None). A respondent's score is the mean of
the statements they answered; blanks are skipped, so n may differ per statement.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from casuskit.evaluation.results import KitResults


@dataclass(frozen=True)
class Summary:
    n: int
    mean: float | None
    sd: float | None

    @classmethod
    def of(cls, values: list[float]) -> "Summary":
        if not values:
            return cls(0, None, None)
        return cls(len(values), statistics.fmean(values),
                   statistics.stdev(values) if len(values) > 1 else None)

    def text(self) -> str:
        """'4,2 (0,8)' in Dutch notation; '–' without answers."""
        if self.mean is None:
            return "–"
        spread = f" ({dutch(self.sd)})" if self.sd is not None else ""
        return f"{dutch(self.mean)}{spread}"


def dutch(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def respondent_scores(results: list[KitResults]) -> list[float]:
    return [statistics.fmean(r.scores.values()) for kit in results for r in kit.responses if r.scores]


def statement_summary(results: list[KitResults], key: str) -> Summary:
    return Summary.of([r.scores[key] for kit in results for r in kit.responses if key in r.scores])


def overall(results: list[KitResults]) -> Summary:
    return Summary.of(respondent_scores(results))


def respondents(results: list[KitResults]) -> int:
    return sum(len(kit.responses) for kit in results)
