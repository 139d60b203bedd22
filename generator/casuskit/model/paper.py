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

from casuskit.model.types import choice, decimal_number

CardSheet = choice("kantoorprinter", "drukkerij")
MIN_PT, MAX_PT = 6, 36
# whole or half points from 6 to 36, as _points reads them (the editor's schema says the same)
POINTS = r"^\s*(?:0*(?:[6-9]|[12]\d|3[0-5])(?:[.,][05]0*)?|0*36(?:[.,]0+)?)\s*$"
_MESSAGE = f"Schrijf een lettergrootte van {MIN_PT} tot en met {MAX_PT} punten, in hele of " \
           "halve punten, bijv. 10 of 10,5."


_points = decimal_number(
    r"0*\d{1,2}(?:[.,][05]0*)?", "geen-punten",
    "`{value}` is geen lettergrootte in punten; schrijf een getal zoals 10 of 10,5 (hele of halve "
    "punten)", MIN_PT, MAX_PT)


Points = Annotated[float, BeforeValidator(_points), WithJsonSchema({
    "type": ["number", "string"], "minimum": MIN_PT, "maximum": MAX_PT, "multipleOf": 0.5,
    "pattern": POINTS, "examples": [10, "10,5"], "errorMessage": _MESSAGE,
    "patternErrorMessage": _MESSAGE})]
