"""The Likert statements of the evaluation form, from ``evaluatie-stellingen.j2``.

Each line is ``key: statement``; the key names the column in ``evaluaties/<kit-id>.csv``. The
werkvorm's own evaluation questions are the open questions, columns ``vraag1``, ``vraag2`` ….
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEMPLATE = "evaluatie-stellingen.j2"
SCALE = (1, 2, 3, 4, 5)
SCALE_WORDS = {1: "helemaal oneens", 2: "oneens", 3: "neutraal", 4: "eens", 5: "helemaal eens"}


@dataclass(frozen=True)
class Statement:
    key: str
    text: str


def statements(texts) -> list[Statement]:
    """The statements of a workspace (a project may override the template in sjablonen/)."""
    found = []
    for line in texts.fixed(TEMPLATE).splitlines():
        key, colon, text = line.partition(":")
        if colon and re.fullmatch(r"[a-z][a-z0-9_]*", key.strip()) and text.strip():
            found.append(Statement(key.strip(), text.strip()))
    return found


def question_column(number: int) -> str:
    """CSV column of the werkvorm's open question ``number`` (1-based)."""
    return f"vraag{number}"
