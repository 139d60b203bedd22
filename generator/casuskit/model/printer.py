"""A project's printer settings: how far its duplex printer puts the back of a sheet off.

Duplex printers rarely lay the back exactly behind the front: 1 to 4 mm is common. The
facilitator measures it once with the calibration page (``kalibratie.docx``) and writes it
here; the card renderer then shifts the backs of card sheets back by that amount.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

from casuskit.model import patterns
from casuskit.model.types import Model, decimal_number, field

MAX_SHIFT_MM = 4.5  # beyond a card's padding the backs get narrower (cardgrid.excess_mm)


_millimetres = decimal_number(
    r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)", "geen-millimeters",
    "`{value}` is geen aantal millimeters; schrijf een getal zoals 1,5 of -2", -MAX_SHIFT_MM, MAX_SHIFT_MM)


_MESSAGE = "Schrijf een aantal millimeters van -4,5 tot en met 4,5, bijv. 1,5 of -2."
Millimetres = Annotated[float, BeforeValidator(_millimetres), WithJsonSchema({
    "type": ["number", "string"], "minimum": -MAX_SHIFT_MM, "maximum": MAX_SHIFT_MM,
    "pattern": patterns.MILLIMETRES, "examples": [1.5, "1,5", -2],
    "errorMessage": _MESSAGE, "patternErrorMessage": _MESSAGE})]

_SHOWN = f"{MAX_SHIFT_MM:g}".replace(".", ",")  # Dutch decimal comma
_HOW = ("Meet het met de kalibratiepagina (kalibratie.docx): houd het vel met de voorkant naar u "
        "toe tegen het licht. ")


class Printer(Model):
    """De printer waarop de kaarten dubbelzijdig geprint worden."""

    back_x: Millimetres = field(
        "achterkant_verschuiving_x_mm",
        _HOW + "Hoeveel mm vallen de lijnen van de achterkant rechts van die van de voorkant? "
        "Links ervan: een negatief getal. casuskit schuift de achterkanten van de kaarten dan "
        f"evenveel terug. Tussen -{_SHOWN} en {_SHOWN}; standaard 0.",
        0.0)
    back_y: Millimetres = field(
        "achterkant_verschuiving_y_mm",
        _HOW + "Hoeveel mm vallen de lijnen van de achterkant onder die van de voorkant? "
        "Erboven: een negatief getal. casuskit schuift de achterkanten van de kaarten dan "
        f"evenveel terug. Tussen -{_SHOWN} en {_SHOWN}; standaard 0.",
        0.0)
