"""The editor's schema and `casuskit check` judge every value alike.

yaml-language-server reads YAML 1.2 (``1984`` is a number there, ``true`` a boolean, ``19.30``
a decimal) and checks the result against schema/*.schema.json; the tool reads every value as
text and parses it. :class:`Yaml12Loader` reads YAML as the editor does, and the ``jsonschema``
library stands in for the editor's validator. Out of the table, and named here: numeric forms
YAML 1.2 reads as a number that the tool reads as text (``+5``, ``1e3``, ``0x1F``, ``.inf``),
where the editor sees the number, not what was typed.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from jsonschema import Draft202012Validator, validators

from casuskit.model import KIND_BY_NAME, KINDS
from casuskit.schema import json_schema
from casuskit.validate import validate
from casuskit.yamlload import loads
from conftest import REPO


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as the editor reads it: no dates, no yes/no, no octal 0123."""

    yaml_implicit_resolvers: dict = {}


for tag, pattern in (
        ("null", r"^(?:~|null|Null|NULL|)$"), ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$"),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), None)


def _int(loader, node):
    text = loader.construct_scalar(node)
    base = {"0o": 8, "0x": 16}.get(text[:2], 10)
    return int(text[2:] if base != 10 else text, base)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: float(loader.construct_scalar(node).replace(
    "inf", "Infinity").replace("Inf", "Infinity").replace("INF", "Infinity")))

# the editor takes the YAML int type as "integer": 3.0 is a decimal number there
EditorValidator = validators.extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool)))
SCHEMAS = {kind.name: EditorValidator(json_schema(kind)) for kind in KINDS}


def editor_accepts(kind: str, text: str) -> bool:
    return SCHEMAS[kind].is_valid(yaml.load(text, Loader=Yaml12Loader))


def tool_accepts(kind: str, text: str) -> bool:
    doc, problems = loads(text.encode("utf-8"), f"x/{kind}.yaml")
    if doc is None or any(p.is_error for p in problems):
        return False
    return validate(doc, KIND_BY_NAME[kind])[0] is not None


def test_committed_schemas_are_the_generated_ones_and_valid_json_schema():
    for kind in KINDS:
        committed = json.loads((REPO / "schema" / f"{kind.name}.schema.json").read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(committed)
        assert committed == json_schema(kind)


def test_every_shipped_file_is_valid_for_its_schema():
    checked = 0
    for kind in KINDS:
        for path in sorted((REPO / kind.folder).rglob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            errors = [e.message for e in SCHEMAS[kind.name].iter_errors(yaml.load(text, Loader=Yaml12Loader))]
            assert errors == [], path
            checked += 1
    assert checked >= 40


BASES = {
    "casus": "id: {id}\ntitel: {titel}\nsamenvatting: s\nsituatie: s\nstatus: {status}\n"
             "personen:\n  - naam: Bram\n    rol: buurman\n    leeftijd: {leeftijd}\n",
    "kit": "id: k\nproject: p\nbuurt: b\nwerkvorm: w\ndatum: {datum}\nstarttijd: {starttijd}\nlocatie: L\n"
           "gespreksleider: G\ndeelnemers: {deelnemers}\nronde: {ronde}\n",
    "werkvorm": "id: w\nnaam: N\ndoel: D\ndocumenten: [draaiboek]\nblokken:\n  - titel: T\n    duur: {duur}\n"
                "    per_casus: {per_casus}\n",
    "project": "id: p\nnaam: N\norganisatie: O\nbuurten: [b]\nstandaard:\n  kaartformaat: {kaartformaat}\n"
               "  printer:\n    achterkant_verschuiving_x_mm: {mm}\n",
}
DEFAULTS = {"id": "c", "titel": "T", "status": "concept", "leeftijd": "40", "datum": "2016-11-08",
            "starttijd": "19:30", "deelnemers": "12", "ronde": "1", "duur": "10", "per_casus": "ja",
            "kaartformaat": "a7", "mm": "0"}
YES, NO = True, False
EDGES = {  # (file kind, field): [(value as written in YAML, accepted)]
    ("casus", "id"): [("stille-buurman", YES), ("0123", YES), ("2024", YES), ("Stille", NO), ('"a b"', NO),
                      ("-x", NO), ('" buurman "', YES)],
    ("casus", "titel"): [("1984", YES), ("true", YES), ("0.5", YES), ('"  "', NO), ("''", NO), ("~", NO),
                         ("null", NO), ("[a, b]", NO), ("{a: b}", NO), ("De buurman", YES)],
    ("casus", "status"): [("Definitief", YES), ("DEFINITIEF", YES), ('" review "', YES), ("klaar", NO),
                          ("true", NO), ("1", NO), ("~", NO)],
    ("casus", "leeftijd"): [("84", YES), ('"84"', YES), ("081", YES), ("0", YES), ("84 jaar", NO), ("-1", NO),
                            ("999999", YES), ("1234567", NO), ('"1234567"', NO), ("~", YES), ("8.5", NO),
                            ("3.0", NO), ("true", NO)],
    ("kit", "datum"): [("2016-11-08", YES), ("8-11-2016", YES), ("2024-02-29", YES), ("2023-02-29", NO),
                       ("29-2-2000", YES), ("29-2-1900", NO), ("2016-13-01", NO), ("2016-04-31", NO),
                       ("31-12-2016", YES), ("0000-01-01", NO), ("2016/11/08", NO), ('"2016-11-08 "', YES),
                       ("20161108", NO)],
    ("kit", "starttijd"): [("19:30", YES), ("9:05", YES), ('"19:30"', YES), ("19.30", NO), ('"19.30"', NO),
                           ("24:00", NO), ("19:60", NO), ("1930", NO), ("00:00", YES)],
    ("kit", "deelnemers"): [("0", NO), ("1", YES), ('"12"', YES), ("999999", YES), ("12.0", NO), ("twaalf", NO)],
    ("kit", "ronde"): [("0", NO), ("1", YES), ('"0"', NO), ('"01"', YES), ("~", YES), ("-1", NO)],
    ("werkvorm", "duur"): [("480", YES), ("481", NO), ('"481"', NO), ("0", NO), ('"0480"', YES), ("1", YES)],
    ("werkvorm", "per_casus"): [("ja", YES), ("Ja", YES), ("JA", YES), ("nee", YES), ("yes", YES), ("no", YES),
                                ("true", YES), ("True", YES), ("onwaar", YES), ("misschien", NO), ("1", NO)],
    ("project", "kaartformaat"): [("A7", YES), ("a7", YES), ("a5", NO), ("7", NO)],
    ("project", "mm"): [("1.5", YES), ('"1,5"', YES), ("1,5", YES), ("-4.5", YES), ("4,50", YES), (".5", YES),
                        ("4.51", NO), ('"4,51"', NO), ("-4,6", NO), ("5", NO), ("abc", NO), ("0", YES)],
}
CASES = [(kind, field, value, accepted) for (kind, field), values in EDGES.items() for value, accepted in values]


@pytest.mark.parametrize("kind, field, value, accepted", CASES,
                         ids=[f"{kind}.{field}={value}" for kind, field, value, _ in CASES])
def test_edge_values_are_judged_alike_by_editor_and_tool(kind, field, value, accepted):
    text = BASES[kind].format(**{**DEFAULTS, field: value})
    assert (tool_accepts(kind, text), editor_accepts(kind, text)) == (accepted, accepted)


def test_the_editor_gets_dutch_messages():
    schema = json_schema(KIND_BY_NAME["kit"])
    texts = json.dumps(schema, ensure_ascii=False)
    for key in ("errorMessage", "patternErrorMessage"):
        for message in re.findall(rf'"{key}": "([^"]*)"', texts):
            assert not re.search(r"\b(the|must|should|expected|value|string|pattern)\b", message, re.I), message
    assert schema["properties"]["starttijd"]["patternErrorMessage"] == \
        "Schrijf uren en minuten met een dubbele punt, bijv. 19:30."
    assert schema["properties"]["ronde"]["errorMessage"] == "Hier hoort een heel getal van 1 of meer, bijv. 1."
    assert schema["errorMessage"].startswith("Hier horen velden (`veld: waarde`): id, project, buurt,")
    assert schema["properties"]["id"]["markdownDescription"].endswith("\n\n**Verplicht.**")
    assert not re.search(r'"(ge|le|gt|lt)":', texts)  # pydantic's own limits, no JSON Schema keywords
