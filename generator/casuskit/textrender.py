"""Jinja2 text: casus variables such as ``{{ buurt.naam }}`` and the fixed document texts.

Everything runs in casuskit's :class:`~casuskit.sandbox.LimitedSandbox` with
:class:`StrictUndefined`: text from YAML can fill in variables but never call into Python nor ask
for endless work or text, and an unknown variable is an error rather than an empty string. The fixed texts of the documents (instructions, labels, standard
paragraphs) are templates in ``templates/teksten/``; a project overrides any of them by putting
a file with the same name in its own ``sjablonen/`` folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2 import TemplateError, TemplateRuntimeError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from casuskit import textchars
from casuskit.dutch import article, capital, in_sentence
from casuskit.errors import TemplateTextError
from casuskit.sandbox import LimitedSandbox, LimitExceeded, render
from casuskit.model.types import MONTHS

OVERRIDE_FOLDER = "sjablonen"
UNWRITABLE_HINT = "Haal het teken (of de \\x-code die het maakt) weg; het komt meestal mee bij kopiëren."
LIMIT_HINT = ("Een casustekst vult variabelen in, zoals {{ buurt.naam }}; lussen en berekeningen "
              "die zo groot worden voert casuskit niet uit. Haal de lus of de berekening weg.")
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def dutch_date(value: dt.date) -> str:
    """8 november 2016 → 'dinsdag 8 november 2016'."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]} {value.year}"


_MAX_ENVIRONMENTS = 8    # template folders remembered per process (tests meet hundreds)
_MAX_COMPILED = 4096     # casus texts kept compiled per environment; the memo starts over beyond
_shared: dict[tuple[str | None, type], tuple[LimitedSandbox, dict[str, object]]] = {}


def _environment(root: Path | None, undefined=StrictUndefined) -> LimitedSandbox:
    return _compiled(root, undefined)[0]


def _compiled(root: Path | None, undefined=StrictUndefined) -> tuple[LimitedSandbox, dict[str, object]]:
    """One environment per template folder in a process, with the casus texts it compiled:
    check, verify and render (and every round of ``watch``) compile each template and casus
    text once. A sjabloon changed on disk is read again (Jinja's auto_reload looks at its time)."""
    folder = root / OVERRIDE_FOLDER if root is not None else None
    key = (str(folder) if folder is not None and folder.is_dir() else None, undefined)
    found = _shared.get(key)
    if found is None:
        if len(_shared) >= _MAX_ENVIRONMENTS:
            _shared.pop(next(iter(_shared)))
        found = _shared[key] = (_new_environment(key[0], undefined), {})
    return found


def _new_environment(folder: str | None, undefined) -> LimitedSandbox:
    loaders = []
    if folder is not None:
        loaders.append(FileSystemLoader(folder))
    loaders.append(PackageLoader("casuskit", "templates/teksten"))
    env = LimitedSandbox(loader=ChoiceLoader(loaders), undefined=undefined,
                         autoescape=False, keep_trailing_newline=False,
                         trim_blocks=True, lstrip_blocks=True)
    env.add_filter("datum", dutch_date)
    env.add_filter("tijd", lambda t: f"{t:%H:%M}")
    env.add_filter("hoofdletter", capital)  # unlike `capitalize`, keeps "DSP-groep" as it is
    return env


@dataclass
class TextProblem:
    """A Jinja problem inside one YAML text value; line is 1-based within that text."""

    message: str
    hint: str
    line: int | None = None
    needle: str | None = None  # text to point at, e.g. the unknown variable name


class Texts:
    """Renders casus text and the fixed document templates for one workspace."""

    def __init__(self, root: Path | None = None):
        self.env, self._cache = _compiled(root)
        self.has_overrides = root is not None and (root / OVERRIDE_FOLDER).is_dir()
        self._defaults = _environment(None) if self.has_overrides else self.env

    def fixed(self, name: str, **context) -> str:
        """A fixed text such as ``hand-out-intro.j2``, with the kit's context."""
        return _render(self.env, name, context)

    def labels(self, name: str, **context) -> dict[str, str]:
        """A "sleutel: tekst" per line template; keys an override leaves out keep the shipped text."""
        merged = parse_labels(_render(self._defaults, name, context))
        if self.has_overrides:
            merged.update(parse_labels(self.fixed(name, **context)))
        return merged

    def casus_text(self, text: str, context: dict) -> str:
        """Fill in ``{{ … }}`` in a casus text; plain text passes through untouched."""
        if "{" not in text:
            return text
        return _filled(self._template(text), context)

    def _template(self, text: str):
        """A casus text compiled once, for check and for every kit that uses it."""
        template = self._cache.get(text)
        if template is None:
            if len(self._cache) >= _MAX_COMPILED:
                self._cache.clear()
            template = self._cache[text] = self.env.from_string(text)
        return template

    def problem(self, text: str, context: dict) -> TextProblem | None:
        """What is wrong with a casus text for this context, or None."""
        if "{" not in text:
            return None
        try:
            _filled(self._template(text), context)
        except TemplateSyntaxError as exc:
            return TextProblem(f"de variabele-tekst klopt niet: {_dutch_syntax(exc.message)}",
                               "Schrijf variabelen als {{ buurt.naam }}: twee accolades aan elke kant.",
                               exc.lineno, "{{")
        except UndefinedError as exc:
            name = _undefined_name(exc.message)
            offered = "Beschikbaar: " + ", ".join(f"{{{{ {v} }}}}" for v in available(context)) + "."
            if not re.fullmatch(r"[A-Za-z_]\w*", name):  # e.g. {{ kit.locatie[40] }} past the end
                return TextProblem("deze variabele-tekst vraagt om iets dat er niet is",
                                   "Gebruik de variabelen zoals ze zijn, zonder [ ] of iets anders "
                                   "erachter. " + offered)
            return TextProblem(f"onbekende variabele: `{name}` bestaat niet", offered, None, name)
        except Unwritable as exc:  # {{ "\x1b" }}
            return TextProblem(f"deze variabele-tekst maakt {exc.what}", UNWRITABLE_HINT)
        except LimitExceeded as exc:  # {% for a in range(99999) %}, {{ 'x' * 300000000 }}
            return TextProblem(f"deze variabele-tekst vraagt te veel werk: {exc.reason}", LIMIT_HINT,
                               _template_line(exc, "<template>"))
        except TemplateError:  # SecurityError and friends: text may not call Python
            return TextProblem("deze variabele-tekst mag casuskit niet uitvoeren",
                               "Gebruik alleen variabelen als {{ buurt.naam }}.")
        except Exception:  # {{ 1 / 0 }}, {{ kit.ronde + "a" }}: the writer's expression fails
            return TextProblem("deze variabele-tekst kan casuskit niet invullen (de berekening "
                               "erin gaat mis)", "Gebruik alleen variabelen als {{ buurt.naam }}, "
                               "zonder te rekenen.")
        return None


class Unwritable(TemplateRuntimeError):
    """Rendered text holds a character no Word document can hold."""

    def __init__(self, char: str):
        self.what = f"een onzichtbaar stuurteken ({textchars.shown(char)}) dat niet in een Word-document kan"
        super().__init__(self.what)


def _filled(template, context: dict) -> str:
    """A template rendered within casuskit's limits, with nothing Word cannot hold."""
    text = render(template, context)
    bad = textchars.CONTROL.search(text)
    if bad:
        raise Unwritable(bad.group())
    return text


def parse_labels(text: str) -> dict[str, str]:
    labels = {}
    for line in text.splitlines():
        key, colon, value = line.partition(":")
        if colon and re.fullmatch(r"[a-z_]+", key.strip()):
            labels[key.strip()] = value.strip()
    return labels


def _render(env, name: str, context: dict) -> str:
    try:
        return _filled(env.get_template(name), context).strip()
    except TemplateError as exc:
        where = _template_line(exc, name)
        shown = f"{OVERRIDE_FOLDER}/{name}" + (f", regel {where}" if where else "")
        if isinstance(exc, UndefinedError):
            problem = f"onbekende variabele `{_undefined_name(exc.message)}`"
            hint = "Beschikbaar: " + ", ".join(f"{{{{ {v} }}}}" for v in available(context)) + "."
        elif isinstance(exc, Unwritable):
            raise TemplateTextError(f"het sjabloon {shown} maakt {exc.what}", UNWRITABLE_HINT) from None
        elif isinstance(exc, LimitExceeded):
            raise TemplateTextError(f"het sjabloon {shown} vraagt te veel werk: {exc.reason}",
                                    LIMIT_HINT.replace("Een casustekst", "Een sjabloon")) from None
        else:
            problem = "het roept iets aan dat casuskit niet uitvoert" if isinstance(exc, SecurityError) \
                else _dutch_syntax(exc.message)
            hint = "Vergelijk met het origineel in casuskit (templates/teksten/" + name + ")."
        raise TemplateTextError(f"het sjabloon {shown} klopt niet: {problem}", hint) from None
    except Exception as exc:  # {{ 1 / 0 }}: an expression in the project's own template fails
        where = _template_line(exc, name)
        shown = f"{OVERRIDE_FOLDER}/{name}" + (f", regel {where}" if where else "")
        raise TemplateTextError(f"het sjabloon {shown} klopt niet: een berekening erin gaat mis",
                                "Gebruik alleen variabelen, zonder te rekenen; vergelijk met het "
                                f"origineel in casuskit (templates/teksten/{name}).") from None


def too_much_work(root: Path, name: str) -> tuple[str, int | None] | None:
    """What is wrong with a project template that asks for endless work, or for text no Word
    document can hold, whatever the kit: rendered with every variable empty, for ``check``
    (the build renders it with each kit's values). (problem, line) or None."""
    try:
        _filled(_environment(root, ChainableUndefined).get_template(name), {})
    except LimitExceeded as exc:
        return f"vraagt te veel werk: {exc.reason}", _template_line(exc, name)
    except Unwritable as exc:
        return f"maakt {exc.what}", _template_line(exc, name)
    except Exception:  # anything else needs a kit's values: the build says what
        return None
    return None


def _template_line(exc: Exception, name: str) -> int | None:
    """Jinja puts template lines into the traceback; the last frame of ``name`` is the place."""
    import traceback
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(name)]
    return getattr(exc, "lineno", None) or (lines[-1] if lines else None)


def available(context: dict, prefix: str = "") -> list[str]:
    names = []
    for key, value in context.items():
        if isinstance(value, dict):
            names += available(value, f"{prefix}{key}.")
        else:
            names.append(prefix + key)
    return names


def _undefined_name(message: str | None) -> str:
    # Jinja says "'dict object' has no attribute 'nam'" or "'buurtt' is undefined"
    parts = (message or "").split("'")
    if "has no attribute" in (message or "") and len(parts) >= 4:
        return parts[-2]
    return parts[1] if len(parts) >= 2 else "?"


def _dutch_syntax(message: str | None) -> str:
    message = message or ""
    if "unexpected end of template" in message or "unexpected '}'" in message:
        return "er mist een sluitend }}"
    if "expected token" in message:
        return "er staat iets onverwachts tussen de accolades"
    return "de accolades staan niet goed"


def context_for(project, buurt, kit=None) -> dict:
    """The variables a casus text may use, with Dutch names."""
    context = {
        "buurt": {"naam": buurt.name, "soort": buurt.kind, "lidwoord": article(buurt.kind),
                  "id": buurt.id},
        "project": {"naam": project.name, "organisatie": project.organisation},
        "gemeente": project.municipality or in_sentence(project.organisation),
    }
    if kit is not None:
        context["kit"] = {"datum": dutch_date(kit.date), "locatie": kit.location,
                          "ronde": kit.round_label, "gespreksleider": kit.facilitator}
    return context
