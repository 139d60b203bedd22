"""Validate a loaded YAML document into a model, turning every pydantic error into Dutch.

No English pydantic text ever reaches a user: our own field types raise errors whose message is
already Dutch (see :mod:`casuskit.model.types`), pydantic's built-in error types get a Dutch
sentence here, and any type not listed still gets a Dutch generic message. Each diagnostic
points at the offending key or value, and its hint says what to write instead.

One mistake, one message: a misspelled or English key for a required field is one error at
that key ("Bedoelde u `titel`? Dat veld is verplicht"), not also "`titel` ontbreekt" at the
top of the file.
"""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel, ValidationError

from casuskit import fieldnames
from casuskit.errors import Diagnostic, Location, error
from casuskit.model import Kind, inner_model
from casuskit.yamlload import Document

EXAMPLE_LIST = "Schrijf elk item op een eigen regel die begint met '- ', bijvoorbeeld:\n{key}:\n  - eerste\n  - tweede"


def validate(doc: Document, kind: Kind) -> tuple[BaseModel | None, list[Diagnostic]]:
    if isinstance(doc.data, str) and _no_space(doc, (), doc.data):
        return None, [_no_space(doc, (), doc.data)]
    if not isinstance(doc.data, dict):
        return None, [error(
            "geen-velden", f"een {kind.name}-bestand moet met velden beginnen (`naam: waarde`), "
                           f"maar hier staat {'een lijst' if isinstance(doc.data, list) else 'losse tekst'}",
            doc.location(doc.positions.value(())),
            f"Begin met bijvoorbeeld `id: mijn-{kind.name}`; `casuskit nieuw {kind.name}` maakt een voorbeeld.")]
    try:
        return kind.model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [translate(err, doc, kind.model) for err in _misspelled_once(exc.errors(include_url=False),
                                                                                   kind.model)]


def _misspelled_once(errors: list[dict], root: type[BaseModel]) -> list[dict]:
    """Drop "missing" for a required field whose misspelling is there as an unknown key, and
    mark that key's error as standing for the missing field."""
    missing = {tuple(e["loc"]): e for e in errors if e["type"] == "missing"}
    dropped = set()
    for err in errors:
        if err["type"] != "extra_forbidden":
            continue
        loc = tuple(err["loc"])
        found = fieldnames.meant(str(loc[-1]), model_at(root, loc[:-1]))
        if found and loc[:-1] + (found[0],) in missing:
            dropped.add(loc[:-1] + (found[0],))
            err["ctx"] = {**(err.get("ctx") or {}), "required": True}
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in dropped)]


def _no_space(doc: Document, loc: tuple, value: str) -> Diagnostic | None:
    """`naam:Bram` where fields were expected: YAML read one text, as there is no space."""
    match = re.match(r"^([A-Za-z_][\w-]*):(\S)", value)
    if not match:
        return None
    start = doc.location(doc.positions.value(loc))
    column = start.column + match.end(1) + 1
    return error("spatie-na-dubbele-punt", f"na `{match.group(1)}:` mist een spatie",
                 Location(doc.file, start.line, column, column + 1),
                 f"Zet een spatie na de dubbele punt: `{match.group(1)}: {value[match.end(1) + 1:]}`")


def translate(err: dict, doc: Document, root: type[BaseModel]) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    name = _name(loc)
    owner = model_at(root, loc[:-1])
    described = _description(owner, loc[-1] if loc else None)
    at_value = doc.location(doc.positions.value(loc))

    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = fieldnames.hint(key, owner, ctx.get("required", False)) or (
            "Mogelijke velden hier: " + ", ".join(f"`{a}`" for a in _aliases(owner)) + ".")
        return error("onbekend-veld", f"onbekend veld `{key}`",
                     doc.location(doc.positions.key(loc) or doc.positions.value(loc)), hint)
    if kind == "missing":
        key = str(loc[-1])
        parent = loc[:-1]
        where = doc.positions.key(parent) if parent else None
        span = where or doc.positions.value(parent)
        hint = f"Voeg toe: `{key}: …`" + (f" — {described}" if described else "")
        return error("veld-ontbreekt", f"het verplichte veld `{key}` ontbreekt"
                     + (f" in `{_name(parent)}`" if parent else ""), doc.location(span), hint)
    if kind in ("leeg", "string_too_short"):
        source = doc.text.split("\n")[at_value.line - 1] if at_value.line else ""
        comment = re.match(r"\s+(#.*?)\s*$", source[at_value.column - 1:]) if value is None else None
        if comment:  # `titel: # Buurtapp`: the text after # is a comment
            return error("leeg", f"`{name}` is leeg: `{comment.group(1)}` is commentaar, omdat een `#` na een "
                         "spatie commentaar begint", at_value,
                         f"Zet de tekst tussen aanhalingstekens: `{key_of(loc)}: \"{comment.group(1)}\"`.")
        return error("leeg", f"`{name}` is leeg", at_value,
                     f"Vul hier iets in{': ' + described if described else '.'} "
                     "Wilt u het veld niet gebruiken, haal dan de hele regel weg.")
    if kind == "geen-tekst":
        hint = ("Staat er in de tekst een dubbele punt met een spatie erna (zoals `Zeg: welkom`)? "
                "Dan leest YAML dat als een veld. Zet de hele tekst tussen aanhalingstekens: "
                "\"Zeg: welkom\"." if isinstance(value, dict) else
                "Schrijf de tekst direct achter de dubbele punt, of op de regels eronder na `|`.")
        return error("geen-tekst", f"`{name}` moet een tekst zijn, maar hier staat {ctx['got']}", at_value, hint)
    if kind == "ongeldige-id":
        return error("ongeldige-id", f"`{ctx['value']}` is geen geldige id voor `{name}`", at_value,
                     f"Een id bestaat uit kleine letters, cijfers en streepjes, bijv. `{ctx['suggestion']}`.")
    key = next((str(part) for part in reversed(loc) if isinstance(part, str)), name)
    if kind == "geen-getal":
        return error("geen-getal", f"`{name}` moet een heel getal zijn, niet `{ctx['value']}`", at_value,
                     f"Schrijf alleen het getal, bijv. `{key}: 12`.")
    if kind == "geen-ja-nee":
        return error("geen-ja-nee", f"`{name}` moet ja of nee zijn, niet `{ctx['value']}`", at_value,
                     f"Schrijf `{key}: ja` of `{key}: nee`.")
    if kind == "geen-datum":
        return error("geen-datum", f"`{ctx['value']}` is geen datum", at_value,
                     "Schrijf de datum als jaar-maand-dag, bijv. `datum: 2016-11-08`, of als 8-11-2016.")
    if kind == "datum-bestaat-niet":
        why = (f"{ctx['month_name']} {ctx['year']} heeft {ctx['last']} dagen" if "month_name" in ctx
               else f"er is geen maand {ctx.get('month')}")
        return error("datum-bestaat-niet", f"`{ctx['value']}` bestaat niet: {why}", at_value,
                     "Controleer dag en maand.")
    if kind == "geen-tijd":
        return error("geen-tijd", f"`{ctx['value']}` is geen tijd", at_value,
                     f"Schrijf uren en minuten met een dubbele punt, bijv. `{key}: 19:30`.")
    if kind == "tijd-bestaat-niet":
        return error("tijd-bestaat-niet", f"`{ctx['value']}` bestaat niet als tijd", at_value,
                     "Uren lopen van 0 tot 23, minuten van 0 tot 59.")
    if kind == "geen-keuze":
        options = ctx["options"]
        close = difflib.get_close_matches(ctx["value"], options, n=1, cutoff=0.5)
        listed = ", ".join(f"`{o}`" for o in options)
        return error("geen-keuze", f"`{ctx['value']}` is geen geldige waarde voor `{name}`", at_value,
                     (f"Bedoelde u `{close[0]}`? " if close else "") + f"Kies uit: {listed}.")
    if kind == "geen-punten":
        return error("geen-punten", f"`{ctx['value']}` is geen lettergrootte voor `{name}`", at_value,
                     f"Schrijf een getal in hele of halve punten, bijv. `{key}: 10` of `{key}: 10,5`.")
    if kind == "list_type":
        return error("geen-lijst", f"`{name}` moet een lijst zijn, maar hier staat {_kind(value)}", at_value,
                     EXAMPLE_LIST.format(key=name))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if isinstance(value, str) and _no_space(doc, loc, value):
            return _no_space(doc, loc, value)
        fields = ", ".join(f"`{a}`" for a in _aliases(model_at(root, loc)))
        return error("geen-velden", f"`{name}` moet velden bevatten, maar hier staat {_kind(value)}",
                     at_value, f"Schrijf op de regels eronder, ingesprongen: {fields}.")
    if kind == "too_short":
        wanted = ctx.get("min_length", 1)
        return error("te-kort", f"`{name}` moet minstens {wanted} item(s) bevatten", at_value,
                     EXAMPLE_LIST.format(key=name))
    if kind == "too_long":
        return error("te-lang", f"`{name}` mag hoogstens {ctx.get('max_length')} item(s) bevatten", at_value,
                     "Haal items weg of splits de inhoud.")
    checked = f"Schrijf een heel getal {ctx['range']}." if "range" in ctx else "Controleer het getal."
    if kind in ("greater_than_equal", "greater_than"):
        return error("te-klein", f"`{name}` moet minstens {ctx.get('ge', ctx.get('gt'))} zijn", at_value, checked)
    if kind in ("less_than_equal", "less_than"):
        return error("te-groot", f"`{name}` mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn", at_value, checked)
    return error("ongeldig", f"de waarde van `{name}` is hier niet geldig", at_value,
                 (f"Verwacht: {described}" if described else "Vergelijk met een voorbeeld: "
                  "`casuskit nieuw`."), notes=(f"soort fout: {kind}",))


def key_of(loc: tuple) -> str:
    return next((str(part) for part in reversed(loc) if isinstance(part, str)), "veld")


def _name(loc: tuple) -> str:
    """`fasen` → `fasen`; ('fasen', 1, 'vragen', 0) → `fasen[2].vragen[1]` (1-based for people)."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "bestand"


def _kind(value: object) -> str:
    from casuskit.model.types import kind_of
    return kind_of(value)


def model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the fields at ``loc`` (following aliases, lists, optionals)."""
    current: type[BaseModel] | None = root
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for f in current.model_fields.values() if f.alias == part), None)
        current = inner_model(field.annotation) if field else None
    return current


def _aliases(model: type[BaseModel] | None) -> list[str]:
    return [f.alias for f in model.model_fields.values()] if model else []


def _description(model: type[BaseModel] | None, alias) -> str | None:
    if model is None:
        return None
    field = next((f for f in model.model_fields.values() if f.alias == alias), None)
    return field.description if field else None
