"""JSON Schemas for editors and the Dutch field reference, both generated from the model.

``casuskit schema`` writes ``schema/<soort>.schema.json`` (used through the
``# yaml-language-server: $schema=…`` line at the top of every YAML file, so VS Code offers
autocomplete and hover help) and ``docs/referentie.md``. Because both come from the pydantic
models, they cannot drift from what ``casuskit check`` accepts; a test keeps the committed
copies current, and another validates values with a JSON Schema library to prove the editor
and the tool judge them alike.

The field types declare their own schema (:mod:`casuskit.model.types`). Here an optional field
becomes one schema that also allows nothing (``null``), and every object and property gets the
Dutch texts yaml-language-server shows: ``errorMessage`` on an object for a missing or unknown
field, ``markdownDescription`` on hover.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from casuskit.model import KINDS, Kind, patterns

SCHEMA_DIR = "schema"
MODELINE_PREFIX = "# yaml-language-server: $schema="


def json_schema(kind: Kind) -> dict:
    schema = kind.model.model_json_schema(by_alias=True, mode="validation")
    schema = _for_editors(_strip_titles(schema))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"casuskit {kind.name}", **schema}


def _strip_titles(node):
    """Pydantic titles are English attribute names; editors should show the Dutch descriptions."""
    if isinstance(node, dict):
        return {k: _strip_titles(v) for k, v in node.items() if k != "title"}
    if isinstance(node, list):
        return [_strip_titles(v) for v in node]
    return node


def _for_editors(node):
    """Optional fields as one schema, and the Dutch texts of objects and their properties."""
    if isinstance(node, list):
        return [_for_editors(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _for_editors(v) for k, v in node.items()}
    options = node.get("anyOf")
    if options and len(options) == 2 and options[1] == {"type": "null"} and "$ref" not in options[0]:
        inner, rest = options[0], {k: v for k, v in node.items() if k != "anyOf"}
        if "type" in inner:
            types = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
            node = {**inner, **rest, "type": types + ["null"]}
        else:  # a choice: its alternatives, or nothing
            node = {**{k: v for k, v in inner.items() if k != "anyOf"}, **rest,
                    "anyOf": inner["anyOf"] + [{"type": "null"}]}
    if node.get("type") == "object" and "properties" in node:
        required = node.get("required", [])
        node["errorMessage"] = ("Hier horen velden (`veld: waarde`): " + ", ".join(node["properties"]) + "."
                                + (" Verplicht: " + ", ".join(required) + "." if required else ""))
        for key, prop in node["properties"].items():
            if "description" in prop:
                prop["markdownDescription"] = prop["description"] + ("\n\n**Verplicht.**" if key in required else "")
    return node


def schema_text(kind: Kind) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def modeline(root: Path, file: Path, kind_name: str) -> str:
    """The yaml-language-server line for a YAML file, relative to where the file lives."""
    depth = len(file.resolve().relative_to(root.resolve()).parts) - 1
    target = PurePosixPath(*([".."] * depth), SCHEMA_DIR, f"{kind_name}.schema.json")
    return f"{MODELINE_PREFIX}{target}"


def write_schemas(root: Path, out: Path | None = None) -> list[Path]:
    out = out or root / SCHEMA_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / f"{kind.name}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    reference = root / "docs" / "referentie.md"
    reference.parent.mkdir(parents=True, exist_ok=True)
    reference.write_text(reference_markdown(), encoding="utf-8")
    written.append(reference)
    return written


# --- the Dutch field reference -------------------------------------------------------------

def reference_markdown() -> str:
    lines = ["# Veldenreferentie", "",
             "Dit bestand is gemaakt met `casuskit schema` uit het model zelf; pas het niet met de "
             "hand aan. Per soort bestand staan hier alle velden, hun soort waarde en of ze "
             "verplicht zijn.", ""]
    for kind in KINDS:
        schema = json_schema(kind)
        defs = schema.get("$defs", {})
        lines += [f"## {kind.name.capitalize()} (`{kind.folder}/`)", "",
                  schema.get("description", "").strip(), ""]
        lines += _table(schema, defs)
        for name in _referenced(schema, defs):
            sub = defs[name]
            lines += [f"### Onderdeel `{name}`", ""] + _table(sub, defs)
    return "\n".join(lines).rstrip() + "\n"


def _table(schema: dict, defs: dict) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| veld | soort | verplicht | uitleg |", "|---|---|---|---|"]
    for key, prop in schema.get("properties", {}).items():
        description = prop.get("description", "").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{key}` | {_type_name(prop, defs)} | {'ja' if key in required else 'nee'} "
                    f"| {description} |")
    return rows + [""]


def _type_name(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        return f"groep `{prop['$ref'].rsplit('/', 1)[-1]}`"
    options = [p for p in prop.get("anyOf", []) if p.get("type") != "null"]
    if any("enum" in p for p in options):
        if any(p.get("type") == "boolean" for p in options):
            return "ja/nee"
        return "keuze: " + ", ".join(f"`{v}`" for p in options for v in p.get("enum", ()))
    if options:
        return " of ".join(_type_name(p, defs) for p in options)
    kinds = prop.get("type", [])
    kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null"]
    if "array" in kinds:
        return "lijst van " + _type_name(prop.get("items", {}), defs)
    if "integer" in kinds and "string" in kinds and kinds[0] == "string":
        return "id"
    if "integer" in kinds:
        low, high = prop.get("minimum", 0), prop.get("maximum")
        return f"getal ({low}–{high})" if high is not None and high < patterns.MAX_COUNT else f"getal (vanaf {low})"
    if "number" in kinds and "boolean" not in kinds:  # may have decimals, e.g. millimetres
        return "kommagetal"
    if "string" in kinds:
        named = {patterns.DATE: "datum", patterns.TIME: "tijd"}.get(prop.get("pattern"), "tekst")
        examples = prop.get("examples")
        return f"{named} (bijv. `{examples[0]}`)" if examples else named
    return "waarde"


def _referenced(schema: dict, defs: dict) -> list[str]:
    """Names of $defs reachable from schema's properties, in first-use order."""
    seen: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                name = ref.rsplit("/", 1)[-1]
                if name not in seen:
                    seen.append(name)
                    walk(defs.get(name, {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema.get("properties", {}))
    return seen
