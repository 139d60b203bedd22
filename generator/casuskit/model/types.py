"""Field types of the domain model: parsing from text with Dutch errors and editor schemas.

The loader hands every scalar over as text. These annotated types turn that text into Python
values and, when that fails, raise a :class:`PydanticCustomError` whose type is a casuskit code
and whose message is already Dutch. Each type also declares the JSON Schema an editor sees, in
terms of how the user writes the value in YAML and how the editor (YAML 1.2) reads it: ``1984``
is a number there and ``true`` a boolean, where the tool reads text. Schema and tool accept the
same values (limits as ``minimum``/``maximum``, patterns from :mod:`casuskit.model.patterns`),
and the schema carries Dutch ``errorMessage``/``patternErrorMessage`` for the editor to show.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from casuskit.model import patterns

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YES, NO = ("ja", "true", "yes", "waar"), ("nee", "false", "no", "onwaar")


class Model(BaseModel):
    """Base of every YAML-backed model: Dutch keys via aliases, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_alias=True,
                              validate_by_name=False, serialize_by_alias=True)


def field(alias: str, description: str, default: Any = ..., **kwargs) -> Any:
    """A model field with its Dutch YAML key and Dutch description (for schema and reference)."""
    if isinstance(default, list):  # a fresh copy per instance, keeping a non-empty default
        return Field(alias=alias, description=description, default_factory=lambda: list(default), **kwargs)
    return Field(default, alias=alias, description=description, **kwargs)


def kind_of(value: object) -> str:
    """How a value looks to the writer, in Dutch (for 'expected X, got Y' messages)."""
    if value is None:
        return "niets (het veld is leeg)"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return f"de tekst `{value}`"


def _text(value: object) -> str:
    if value is None:
        raise PydanticCustomError("leeg", "dit veld is leeg")
    if not isinstance(value, str):
        raise PydanticCustomError("geen-tekst", "hier hoort een tekst, maar er staat {got}",
                                  {"got": kind_of(value)})
    text = value.strip()
    if not text:
        raise PydanticCustomError("leeg", "dit veld is leeg")
    return text


def _slug(value: object) -> str:
    text = _text(value)
    if not SLUG_RE.match(text):
        raise PydanticCustomError(
            "ongeldige-id", "`{value}` is geen geldige id", {"value": text, "suggestion": slugify(text)})
    return text


def slugify(text: str) -> str:
    """A safe id/file name from any text: lower case ASCII letters, digits and hyphens."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def _count(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value  # already typed (a model re-validated after personalising)
    text = _text(value)
    if not re.fullmatch(r"-?\d{1,6}", text):  # a minus sign: `count` says it is below the minimum
        raise PydanticCustomError("geen-getal", "`{value}` is geen heel getal", {"value": text})
    return int(text, 10)  # "08" is eight, never octal


def count(minimum: int = 0, maximum: int | None = None):
    """A whole number from ``minimum`` to ``maximum``, written as digits."""
    def check(value: object) -> int:
        number = _count(value)
        if number < minimum:
            raise PydanticCustomError("greater_than_equal", "te klein", {"ge": minimum, "range": limits})
        if maximum is not None and number > maximum:
            raise PydanticCustomError("less_than_equal", "te groot", {"le": maximum, "range": limits})
        return number
    limits = f"van {minimum} tot en met {maximum}" if maximum is not None else f"van {minimum} of meer"
    message = f"Hier hoort een heel getal {limits}, bijv. {max(minimum, 1)}."
    schema = {"type": ["integer", "string"], "minimum": minimum, "maximum": maximum or patterns.MAX_COUNT,
              "pattern": patterns.whole_number(minimum, maximum),
              "errorMessage": message, "patternErrorMessage": message}
    return Annotated[int, BeforeValidator(check), WithJsonSchema(schema)]


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise PydanticCustomError("geen-ja-nee", "`{value}` is geen ja of nee", {"value": text})


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
        if not match:
            raise PydanticCustomError("geen-datum", "`{value}` is geen datum", {"value": text})
        day, month, year = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise PydanticCustomError("datum-bestaat-niet", "`{value}` bestaat niet: er is geen maand {month}",
                                  {"value": text, "month": month})
    if year == 0:
        raise PydanticCustomError("datum-bestaat-niet", "`{value}` bestaat niet: er is geen jaar 0",
                                  {"value": text, "month": "0 (jaar)"})
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise PydanticCustomError(
            "datum-bestaat-niet", "`{value}` bestaat niet: {month_name} {year} heeft {last} dagen",
            {"value": text, "month_name": MONTHS[month - 1], "year": year, "last": last})
    return dt.date(year, month, day)


def _time(value: object) -> dt.time:
    if isinstance(value, dt.time):
        return value
    text = _text(value)
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text)  # 19.30 is a number to the editor
    if not match:
        raise PydanticCustomError("geen-tijd", "`{value}` is geen tijd", {"value": text})
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise PydanticCustomError("tijd-bestaat-niet", "`{value}` bestaat niet als tijd", {"value": text})
    return dt.time(hour, minute)


def decimal_number(pattern: str, code: str, message: str, low: float, high: float):
    """A parser for a number written with a decimal comma or point (``1,5``) that matches
    ``pattern`` (else error ``code`` with ``message``; ``{value}`` is what was written) and lies
    from ``low`` to ``high``."""
    def parse(value: object) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)  # already typed (a model re-validated)
        else:
            text = str(value).strip() if value is not None else ""
            if not re.fullmatch(pattern, text):
                raise PydanticCustomError(code, message, {"value": text})
            number = float(text.replace(",", "."))
        if number < low:
            raise PydanticCustomError("greater_than_equal", "te klein", {"ge": low})
        if number > high:
            raise PydanticCustomError("less_than_equal", "te groot", {"le": high})
        return number
    return parse


def choice(*options: str):
    """A Literal of Dutch options that accepts any letter case (in the editor too) and names
    the options on error."""
    def check(value: object) -> str:
        text = _text(value).lower()
        if text not in options:
            raise PydanticCustomError("geen-keuze", "`{value}` is geen van de mogelijke waarden",
                                      {"value": text, "options": list(options)})
        return text
    message = "Kies uit: " + ", ".join(options) + "."
    schema = {"anyOf": [{"enum": list(options), "errorMessage": message},  # the editor suggests these
                        {"type": "string", "pattern": patterns.one_of(options), "patternErrorMessage": message}],
              "errorMessage": message}
    return Annotated[Literal[options], BeforeValidator(check), WithJsonSchema(schema)]  # type: ignore[valid-type]


def _schema(schema: dict, message: str, pattern_message: str | None = None) -> WithJsonSchema:
    """A field type's schema, with the Dutch messages the editor shows when a value does not
    fit: ``message`` for a wrong kind of value, ``pattern_message`` for text of the wrong form."""
    return WithJsonSchema({**schema, "errorMessage": message,
                           **({"patternErrorMessage": pattern_message or message} if "pattern" in schema else {})})


YES_NO = "Schrijf ja of nee."
ID_MESSAGE = "Een id bestaat uit kleine letters, cijfers en streepjes, bijv. stille-buurman."
Text = Annotated[str, BeforeValidator(_text), _schema(
    {"type": ["string", "number", "boolean"], "pattern": r"\S"}, "Hier hoort een tekst, geen lijst of groep velden.",
    "Dit veld is leeg; vul een tekst in.")]
Id = Annotated[str, BeforeValidator(_slug), _schema(
    {"type": ["string", "integer"], "minimum": 0, "pattern": r"^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$"}, ID_MESSAGE)]
Count = count()
YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema({
    "anyOf": [{"type": "boolean", "errorMessage": YES_NO}, {"enum": ["ja", "nee"], "errorMessage": YES_NO},
              {"type": "string", "pattern": patterns.one_of(YES + NO), "patternErrorMessage": YES_NO}],
    "errorMessage": YES_NO})]
Date = Annotated[dt.date, BeforeValidator(_date), _schema(
    {"type": "string", "pattern": patterns.DATE, "examples": ["2016-11-08"]},
    "Schrijf een datum die bestaat als jaar-maand-dag, bijv. 2016-11-08, of als 8-11-2016.")]
Time = Annotated[dt.time, BeforeValidator(_time), _schema(
    {"type": "string", "pattern": patterns.TIME, "examples": ["19:30"]},
    "Schrijf uren en minuten met een dubbele punt, bijv. 19:30.")]
