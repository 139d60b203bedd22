"""Regular expressions for the editor's JSON Schema that accept exactly what a field type does.

The tool reads every value as text and parses it (:mod:`casuskit.model.types`); the editor
checks the value against the schema. For the two to agree, a pattern must say what the parser
says: a whole number between the field's limits, a date that exists (29 February only in a
leap year), a choice in any letter case. JSON Schema patterns are ECMA-262 expressions without
flags, so letter case is spelled out per character. Each pattern allows the spaces around a
value that the tool strips.
"""

from __future__ import annotations

import re

MAX_COUNT = 999_999  # six digits, as types._count reads them


def insensitive(word: str) -> str:
    """``ja`` → ``[jJ][aA]``: the word in any letter case."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c) for c in word)


def one_of(words) -> str:
    """Any of ``words``, in any letter case, and nothing else."""
    return r"^\s*(?:" + "|".join(insensitive(w) for w in words) + r")\s*$"


def whole_number(low: int, high: int | None) -> str:
    """A whole number of at most six digits from ``low`` to ``high`` (leading zeros allowed)."""
    alternatives = "|".join(_range(low, MAX_COUNT if high is None else high))
    return r"^\s*(?=\d{1,6}\s*$)0*(?:" + alternatives + r")\s*$"


def _range(low: int, high: int) -> list[str]:
    """Alternatives matching the numbers low..high written without leading zeros."""
    found = []
    for digits in range(len(str(low)), len(str(high)) + 1):
        first = max(low, 10 ** (digits - 1) if digits > 1 else 0)
        last = min(high, 10 ** digits - 1)
        if first <= last:
            found += _same_length(str(first), str(last))
    return found


def _same_length(low: str, high: str) -> list[str]:
    if low == high:
        return [low]
    if len(low) == 1:
        return [f"[{low}-{high}]"]
    if low[0] == high[0]:
        return [low[0] + rest for rest in _same_length(low[1:], high[1:])]
    width = len(low) - 1
    found, start, end, tail = [], int(low[0]), int(high[0]), []
    if low[1:] != "0" * width:  # low..x99: its own alternatives
        found = [low[0] + rest for rest in _same_length(low[1:], "9" * width)]
        start += 1
    if high[1:] != "9" * width:  # y00..high: its own alternatives
        tail = [high[0] + rest for rest in _same_length("0" * width, high[1:])]
        end -= 1
    if start <= end:
        found.append(f"[{start}-{end}]" + r"\d" * width)
    return found + tail


_DAY31, _DAY30, _DAY28 = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|[12]\d|30)", r"(?:0?[1-9]|1\d|2[0-8])"
_MONTH_DAY = (rf"(?:(?:0?[13578]|1[02])-{_DAY31}|(?:0?[469]|11)-{_DAY30}|0?2-{_DAY28})")
_DAY_MONTH = (rf"(?:{_DAY31}-(?:0?[13578]|1[02])|{_DAY30}-(?:0?[469]|11)|{_DAY28}-0?2)")
_YEAR = r"(?!0000)\d{4}"
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
# year-month-day or day-month-year, only dates that exist
DATE = (rf"^\s*(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-0?2-29|{_DAY_MONTH}-{_YEAR}|29-0?2-{_LEAP_YEAR})\s*$")
TIME = r"^\s*(?:[01]?\d|2[0-3]):[0-5]\d\s*$"
# a number of millimetres from -4.5 to 4.5, with a decimal point or comma (printer.py)
MILLIMETRES = r"^\s*[-+]?(?:0*[0-3](?:[.,]\d*)?|0*4(?:[.,](?:[0-4]\d*|50*)?)?|[.,]\d+)\s*$"
