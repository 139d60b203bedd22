"""A proofreader for built kits: reads every paragraph a document prints and lists what a Dutch
facilitator would be embarrassed to put in front of a room.

It reads the body (tables included), headers and footers of every .docx, and every
printlijst.txt, as text; each finding is (file, what, the text). Used by
tests/test_proofreading.py on the built examples, where the findings must be none.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from casuskit import addressform, placeholders

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
# words from code that are no Dutch: a value that was never filled in, or an English name
CODE_WORDS = re.compile(
    r"\b(None|True|False|null|undefined|NaN|nan|Traceback|Exception|TODO|FIXME|lambda|self|"
    r"[Tt]itle|[Ss]ubtitle|[Hh]eading|[Cc]ard|[Qq]uestion|[Ss]ignal|[Pp]hase|[Rr]ole|[Gg]roup|"
    r"[Ss]ession|[Rr]ound|[Ww]arning|[Ee]rror)\b")
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # a field or variable name
# Dutch allows "dat dat", "die die" and "dat je je zorgen maakt"; any other word twice in a
# row is a slip
REPEATED_WORD = re.compile(r"\b(?!(?:dat|die|je)\b)(?!\d+\b)(\w+)\s+\1\b", re.IGNORECASE)  # not numbers in columns
REPEATED_LEAD = re.compile(r"^([^:]{2,30}): \1\b", re.IGNORECASE)  # "Let op: Let op …"
BARE_MUNICIPALITY = re.compile(r"\b[a-zë]+ Gemeente [A-Z]")  # "helpen Gemeente X": no article
SEPARATOR = " · "


def paragraphs(path: Path) -> list[str]:
    """Every non-empty paragraph of a .docx (body with tables, headers, footers) or a text file."""
    if path.suffix == ".txt":
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            if PARTS.match(name):
                root = etree.fromstring(package.read(name))
                for paragraph in root.iter(f"{W}p"):
                    text = "".join(t.text or "" for t in paragraph.iter(f"{W}t", f"{W}tab"))
                    if text.strip():
                        found.append(text)
    return found


def twice_in_a_details_table(path: Path) -> list[str]:
    """Values a two-column table of facts ("Werkvorm | De bedoeling") gives twice; numbers and
    empty cells aside."""
    if path.suffix != ".docx":
        return []
    found = []
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    for table in root.iter(f"{W}tbl"):
        rows = [["".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in row.iter(f"{W}tc")]
                for row in table.iter(f"{W}tr")]
        labels = [row[0].strip() for row in rows[1:] if len(row) == 2]
        if rows[1:] and len(labels) == len(rows) - 1 and all(labels) \
                and len(set(labels)) == len(labels):  # label | value, each label once
            values = [row[1].strip() for row in rows[1:] if not row[1].strip().isdigit()]
            found += sorted({v for v in values if v and values.count(v) > 1})
    return found


def doubled_label(text: str) -> bool:
    """A label chain ('A · B · C') that says one part twice, a lead word its text repeats, or
    a word said twice in a row."""
    parts = [part.strip().casefold() for part in text.split(SEPARATOR)]
    return len(parts) != len(set(parts)) or REPEATED_WORD.search(text) is not None \
        or REPEATED_LEAD.search(text) is not None


def findings(path: Path, form: str | None) -> list[tuple[str, str, str]]:
    """What is wrong in one printed file; ``form`` is the project's form of address."""
    texts = paragraphs(path)
    found = []
    for text in texts:
        checks = [
            ("dubbel label", doubled_label(text)),
            ("sjabloontekst", TEMPLATE_SYNTAX.search(text) is not None),
            ("woord uit de code", CODE_WORDS.search(text) is not None),
            ("veldnaam", path.name != "kalibratie.docx" and SNAKE_CASE.search(text) is not None),
            ("voorbeeldtekst", placeholders.find(text) is not None),
            ("gemeente zonder lidwoord", BARE_MUNICIPALITY.search(text) is not None),
        ]
        found += [(path.name, what, text) for what, hit in checks if hit]
    found += [(path.name, "dubbel label", value) for value in twice_in_a_details_table(path)]
    forms = addressform.forms_in("\n".join(texts))
    if len(forms) > 1:
        found.append((path.name, "u en je in één document", _first_of(texts, addressform.other(form or "u"))))
    elif form is not None and forms and forms != {form}:
        found.append((path.name, f"aanspreekvorm {next(iter(forms))}, project zegt {form}",
                      _first_of(texts, next(iter(forms)))))
    return found


def _first_of(texts: list[str], form: str) -> str:
    return next((t for t in texts if form in addressform.forms_in(t)), "")


def proofread(output: Path, forms: dict[str, str]) -> list[tuple[str, str, str]]:
    """Findings in every document below ``output``; ``forms``: project id → form of address
    (a project's documents are in output/<project>/)."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.suffix in (".docx", ".txt") and path.is_file():
            project = path.relative_to(output).parts[0]
            found += [(f"{path.relative_to(output).parent}/{name}", what, text)
                      for name, what, text in findings(path, forms.get(project))]
    return found
