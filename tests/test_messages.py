"""No English pydantic text may reach a user: every error type gets a Dutch message."""

from __future__ import annotations

import re
import typing

from pydantic_core.core_schema import ErrorType

from casuskit.model import KINDS, all_models
from casuskit.validate import translate
from casuskit.yamlload import loads

ENGLISH = re.compile(r"\b(the|should|input|field|required|valid|value is|must be|not a|expected|"
                     r"permitted|error)\b", re.IGNORECASE)
OUR_CODES = ["leeg", "geen-tekst", "ongeldige-id", "geen-getal", "geen-ja-nee", "geen-datum",
             "datum-bestaat-niet", "geen-tijd", "tijd-bestaat-niet", "geen-keuze"]
CTX = {"got": "een lijst", "value": "x", "suggestion": "x", "options": ["a", "b"], "month": 13,
       "month_name": "februari", "year": 2024, "last": 29, "min_length": 1, "max_length": 2,
       "ge": 1, "le": 2, "gt": 0, "lt": 3, "expected": "'a' or 'b'"}


def _doc():
    doc, _ = loads(b"id: x\ntitel: y\n", "casussen/x.yaml")
    return doc


def test_every_pydantic_error_type_gets_a_dutch_message():
    doc = _doc()
    casus = next(k for k in KINDS if k.name == "casus").model
    for kind in list(typing.get_args(ErrorType)) + OUR_CODES:
        err = {"type": kind, "loc": ("titel",), "msg": "This is English text that must not show",
               "input": "y", "ctx": CTX}
        diagnostic = translate(err, doc, casus)
        shown = diagnostic.message + " " + (diagnostic.hint or "")
        assert not ENGLISH.search(shown), (kind, shown)
        assert "English" not in shown, kind
        assert diagnostic.location.line == (1 if kind == "missing" else 2), kind


def test_every_kind_schema_field_has_a_dutch_description():
    for kind in KINDS:
        for model in all_models(kind.model):
            for name, info in model.model_fields.items():
                assert info.alias and info.description, (model.__name__, name)
                assert not ENGLISH.search(info.description), (model.__name__, name, info.description)
