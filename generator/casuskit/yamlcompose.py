"""Composing a YAML text into its node tree, refusing what casuskit does not allow.

Anchors, aliases and tags are refused where they appear, and so is nesting deeper than
:data:`MAX_DEPTH`, each with a located Dutch diagnostic (:class:`Problem`); every plain scalar
stays text (no implicit types). Events come from libyaml's C parser when PyYAML has it; a file
in which nothing can be an anchor, alias or tag and that cannot nest too deep (almost every
file) is composed by libyaml's own composer as well, several times faster than composing in
Python. Every other file, and any file libyaml refuses, goes through the strict composer, on
libyaml's events or on PyYAML's Python parser, whose messages :mod:`casuskit.yamlload`
translates.
"""

from __future__ import annotations

import re

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, DocumentStartEvent, StreamEndEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: the Python parser does all the work
    CParser = None

from casuskit import yamlparsed
from casuskit.errors import Diagnostic, Location, error

MAX_DEPTH = 40  # a casus needs about five levels; Python's recursion gives out near 330


class Problem(Exception):
    """A file composing refuses, with the Dutch diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class _StrictComposer(Composer, BaseResolver):
    """Composes nodes only; BaseResolver has no implicit types, so every plain scalar is text.
    Refuses aliases, anchors and tags where they appear."""

    file = ""
    text = ""
    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        mark = event.start_mark
        if isinstance(event, AliasEvent):
            if not re.search(rf"&{re.escape(event.anchor)}\b", self.text):  # *bold* or * text
                raise Problem(yamlparsed.star_start(self.file, self.text.split("\n"), mark.line, mark.column))
            raise Problem(at(self.file, mark, "alias",
                             f"verwijzingen (`*{event.anchor}`) zijn niet toegestaan",
                             "Schrijf de tekst gewoon opnieuw uit; casuskit gebruikt geen YAML-ankers "
                             "of verwijzingen, zodat elk bestand op zichzelf leesbaar blijft."))
        if getattr(event, "anchor", None) is not None:
            if not re.search(rf"\*{re.escape(event.anchor)}\b", self.text):  # & at the start of a text
                raise Problem(yamlparsed.text_start(self.file, self.text.split("\n"), mark.line, mark.column))
            raise Problem(at(self.file, mark, "anker",
                             f"ankers (`&{event.anchor}`) zijn niet toegestaan",
                             "Haal `&" + event.anchor + "` weg en schrijf herhaalde tekst gewoon uit."))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            if not tag.startswith(("!!", "tag:")) and "/" not in tag:  # !Belangrijk: text with a "!"
                raise Problem(yamlparsed.text_start(self.file, self.text.split("\n"), mark.line, mark.column))
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise Problem(at(self.file, mark, "tag",
                             f"YAML-tags (`{tag}`) zijn niet toegestaan",
                             "Haal de tag (het woord dat met ! begint) weg; casuskit bepaalt zelf "
                             "het soort waarde."))
        if self.depth >= MAX_DEPTH:
            raise Problem(at(self.file, mark, "te-diep",
                             f"de gegevens zijn hier dieper genest dan {MAX_DEPTH} niveaus",
                             "Een casus heeft hoogstens een paar niveaus (veld → lijst → veld). Controleer "
                             "de inspringing en de haakjes [ ] en { } vanaf deze regel."))
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _StrictLoader(Reader, Scanner, Parser, _StrictComposer):
    """PyYAML's Python parser: the reference, and the one whose error messages we translate."""

    def __init__(self, stream: str, file: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self.file, self.text = file, stream


if CParser is not None:
    class _NativeLoader(CParser, BaseResolver):
        """libyaml's parser and composer; BaseResolver: every plain scalar stays text."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            BaseResolver.__init__(self)

    class _FastStrictLoader(CParser, _StrictComposer):
        """The same composer on libyaml's events."""

        def __init__(self, stream: str, file: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            BaseResolver.__init__(self)
            self.file, self.text = file, stream


def compose(text: str, file: str):
    """The document's root node (None for an empty stream)."""
    if CParser is not None and not Reader.NON_PRINTABLE.search(text):
        try:  # libyaml is lenient about some characters PyYAML refuses: those go the slow way
            if plain_tree(text):
                return compose_natively(text)
            return _compose_with(_FastStrictLoader(text, file), file)
        except yaml.YAMLError:
            pass  # read again below, for PyYAML's message
    return _compose_with(_StrictLoader(text, file), file)


# `&x`, `*x` or `!x` where a node can start: the only ways to write an anchor, alias or tag.
# Text such as "Jeugd & Gezin" does not match; "een *vet* woord" does and takes the strict way.
_NODE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])[&*!]\S", re.MULTILINE)
_PROPERTY_MARK = re.compile(r"[&*!]\S")  # the same without the start: four times faster to rule out
_FLOW_OPENERS = re.compile(r"[\[{]")


def plain_tree(text: str) -> bool:
    """True when libyaml's composer gives exactly the strict composer's tree: no node property
    anywhere, and no deeper than :data:`MAX_DEPTH` (a block level needs a column of indent or
    a `- `, at most two levels per column; each `[` or `{` is counted as a level)."""
    if _PROPERTY_MARK.search(text) and _NODE_PROPERTY.search(text):
        return False
    indent = max((len(line) - len(line.lstrip(" -")) for line in text.split("\n")), default=0)
    return 2 * indent + 3 + len(_FLOW_OPENERS.findall(text)) < MAX_DEPTH


def compose_natively(text: str):
    loader = _NativeLoader(text)
    try:
        return loader.get_single_node()  # raises for a second document: the strict way names it
    finally:
        loader.dispose()


def _compose_with(loader, file: str):
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(StreamEndEvent):
            return None
        root = loader.compose_document()
        if not loader.check_event(StreamEndEvent):
            event = loader.peek_event()
            if isinstance(event, DocumentStartEvent):
                raise Problem(at(file, event.start_mark, "meerdere-documenten",
                                 "dit bestand bevat meer dan één YAML-document (`---`)",
                                 "Zet elke casus in een eigen bestand."))
        return root
    finally:
        loader.dispose()


def at(file: str, mark, code: str, message: str, hint: str) -> Diagnostic:
    return error(code, message, Location(file, mark.line + 1, mark.column + 1), hint)
