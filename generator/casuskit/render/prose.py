"""Text from YAML as printed paragraphs.

A writer wraps long texts over several lines in the YAML file and leaves a blank line between
paragraphs, as in any plain-text editor: blank lines (also ones holding only spaces) separate
paragraphs, every other line break and run of spaces becomes one space.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``, each on one line."""
    if "\n" not in text:  # the usual short text
        line = " ".join(text.split())
        return [line] if line else []
    return [line for block in _BLANK_LINE.split(text) if (line := " ".join(block.split()))]


def one_line(text: str) -> str:
    """All of ``text`` as one paragraph."""
    return " ".join(text.split())
