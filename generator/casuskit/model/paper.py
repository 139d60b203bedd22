"""Paper settings of cut cards: the sheet (office printer or print shop) and the text sizes.

An office printer cannot print the outer 4-5 mm of a sheet, so by default card sheets keep a
printable margin and their cards are a little smaller than the paper size (``kaartvel:
kantoorprinter``); a print shop cuts exact A6/A7/A8 cards from a full-bleed sheet
(``kaartvel: drukkerij``). Card text takes the largest size between ``kaarttekst_min_pt`` and
``kaarttekst_max_pt`` at which that card's text fits (:mod:`casuskit.cardfit`).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from casuskit.model.types import choice

CardSheet = choice("kantoorprinter", "drukkerij")
MIN_PT, MAX_PT = 6.0, 36.0


def _points(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)  # already typed (a model re-validated)
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"\d{1,2}([.,]5|[.,]0)?", text):
        raise PydanticCustomError(
            "geen-punten", "`{value}` is geen lettergrootte in punten; schrijf een getal zoals "
            "10 of 10,5 (hele of halve punten)", {"value": text})
    return float(text.replace(",", "."))


Points = Annotated[float, BeforeValidator(_points), WithJsonSchema({
    "anyOf": [{"type": "number", "minimum": MIN_PT, "maximum": MAX_PT, "multipleOf": 0.5},
              {"type": "string", "pattern": r"^\d{1,2}([.,]5|[.,]0)?$", "examples": ["10,5"]}],
    "examples": [10, 14]})]
