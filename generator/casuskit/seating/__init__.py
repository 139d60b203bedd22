"""Mixed tables: dividing a meeting's participants over its groups.

:mod:`~casuskit.seating.problem` states the constraints, :mod:`~casuskit.seating.solver`
finds a division with OR-Tools CP-SAT, :mod:`~casuskit.seating.feasibility` says in Dutch
why none exists, :mod:`~casuskit.seating.summary` tells per table how well the constraints
were met, and :mod:`~casuskit.seating.plan` ties it to kits: earlier rounds, kept divisions
and late changes.
"""

from casuskit.errors import Infeasible
from casuskit.seating.problem import Division, Problem, violations
from casuskit.seating.solver import divide

__all__ = ["Division", "Infeasible", "Problem", "divide", "violations"]
