"""What a document kind is: declared once, next to its renderer.

Every renderer module ends with a ``KIND = DocumentKind(...)``: its name (the value of a
werkvorm's ``documenten``, for the kinds a werkvorm chooses), the render function, the files it
writes, what to print of them, and the styles it needs from the house style. Cut-card kinds
also say which cards they print at which size, so ``check`` measures exactly those cards and the
calibration page knows the grids. :mod:`casuskit.render.registry` lists the kinds; nothing else
repeats this knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from casuskit.printing import DOUBLE, DUPLEX, SIMPLEX, PrintItem

__all__ = ["DOUBLE", "DUPLEX", "SIMPLEX", "DocumentKind", "PrintItem"]


def _nothing(ctx) -> list:
    return []


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document a kit can contain.

    ``chosen``: a werkvorm lists it under ``documenten`` (the model's list of kinds names
    exactly these); otherwise the kit gets it whenever ``files`` names any. ``cards`` gives the
    card sets it cuts from the card grid as (cards, size) pairs.
    """

    name: str
    render: Callable
    files: Callable
    print_items: Callable = _nothing
    styles: tuple[str, ...] = ()
    character_styles: tuple[str, ...] = ()
    table_styles: tuple[str, ...] = ()
    cards: Callable = _nothing
    chosen: bool = False

    def applies(self, ctx) -> bool:
        return (not self.chosen or self.name in ctx.werkvorm.documents) and bool(self.files(ctx))
