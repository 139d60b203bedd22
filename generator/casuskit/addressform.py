"""The form of address (aanspreekvorm): does a Dutch text speak to its reader with u or je?

A project writes every printed text in one form, ``u`` (formal) or ``je`` (informal, with
``jullie`` for a group). :func:`address_words` finds the words that address the reader, outside
quoted speech: what a person in a story says between quotation marks may use either form. Used
by ``check`` (:mod:`casuskit.check_address`) on what writers type and by the proofreading test
on every built document.

Impersonal "je" ("hoe bereik je mensen die zich schamen?") counts as je: a formal text says
"hoe bereikt u …" or avoids the reader altogether.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMS = ("u", "je")
DEFAULT = "u"
WORDS = {
    "u": ("u", "uw", "uzelf", "uwe"),
    "je": ("je", "jij", "jou", "jouw", "jouwe", "jezelf", "jullie"),
}
_FORM_OF = {word: form for form, words in WORDS.items() for word in words}


def _words(words) -> re.Pattern:
    """A whole word of ``words``; never the letter in "U-bocht" or part of "j'accuse"."""
    return re.compile(r"(?<![\w'’-])(" + "|".join(sorted(words, key=len, reverse=True))
                      + r")(?![\w'’-])", re.IGNORECASE)


_WORD = _words(_FORM_OF)
_WORD_OF = {form: _words(words) for form, words in WORDS.items()}
# Quoted speech: “…”, „…”, "…", ‘…’ and '…'. A single quote opens only before a letter and
# never as the apostrophe of 's avonds, 't or dilemma's; it closes before a non-letter.
_QUOTED = re.compile(
    r"“[^”]*”|„[^”“]*[”“]|\"[^\"]*\""
    r"|(?<![\w])[‘'](?!(?:s|t|n)\b)(?=\w)(?:[^‘’']|(?<=\w)['’](?=\w))*?[’'](?!\w)")


@dataclass(frozen=True)
class AddressWord:
    form: str    # "u" or "je"
    word: str    # as written
    start: int   # offset in the text
    end: int


def unquoted(text: str) -> str:
    """``text`` with quoted speech blanked out (same length, so offsets stay valid)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def address_words(text: str) -> list[AddressWord]:
    """Every word of ``text`` outside quotes that addresses the reader, in order."""
    plain = unquoted(text)
    return [AddressWord(_FORM_OF[m.group(1).lower()], m.group(1), m.start(1), m.end(1))
            for m in _WORD.finditer(plain)]


def may_use(text: str, form: str) -> bool:
    """False when ``text`` has no word of ``form`` at all, quoted or not: one quick search that
    spares most texts the work of :func:`address_words`."""
    return _WORD_OF[form].search(text) is not None


def forms_in(text: str) -> set[str]:
    """The forms of address ``text`` uses outside quotes."""
    return {word.form for word in address_words(text)}


def other(form: str) -> str:
    return "je" if form == "u" else "u"
