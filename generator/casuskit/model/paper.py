"""Paper settings of cut cards: the sheet (office printer or print shop) and the text sizes.

An office printer cannot print the outer 4-5 mm of a sheet, so by default card sheets keep a
printable margin and their cards are a little smaller than the paper size (``kaartvel:
kantoorprinter``); a print shop cuts exact A6/A7/A8 cards from a full-bleed sheet
(``kaartvel: drukkerij``). Card text takes the largest size between ``kaarttekst_min_pt`` and
``kaarttekst_max_pt`` at which that card's text fits (:mod:`casuskit.cardfit`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

from casuskit.model.types import choice, dutch_decimal

CardSheet = choice("kantoorprinter", "drukkerij")
MIN_PT, MAX_PT = 6.0, 36.0


_points = dutch_decimal(r"\d{1,2}([.,]5|[.,]0)?", "geen-punten",
                        "`{value}` is geen lettergrootte in punten; schrijf een getal zoals 10 of "
                        "10,5 (hele of halve punten)")


Points = Annotated[float, BeforeValidator(_points), WithJsonSchema({
    "anyOf": [{"type": "number", "minimum": MIN_PT, "maximum": MAX_PT, "multipleOf": 0.5},
              {"type": "string", "pattern": r"^\d{1,2}([.,]5|[.,]0)?$", "examples": ["10,5"]}],
    "examples": [10, 14]})]
