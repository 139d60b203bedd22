"""Characters no Word document can hold: the ones XML 1.0 forbids (tab and line ends aside).

They come along when text is pasted from other programs (ESC, NUL, U+FFFE) and would stop the
build at the first document; :data:`CONTROL` finds them so that the input is refused first.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def shown(char: str) -> str:
    """A character as its code point, e.g. U+001B: these have no visible form."""
    return f"U+{ord(char):04X}"
