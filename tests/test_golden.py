"""Golden test: the small fixture kit's documents, dumped as text, match the committed dumps.

A dump lists every body paragraph as `[Style] text` and every table row as `| a | b |`, plus
header and footer, so a change in content, order or style names shows as a readable diff.
Regenerate after an intended change with: UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest

from casuskit.build import build

FIXTURE = Path(__file__).parent / "fixtures" / "klein"
GOLDEN = Path(__file__).parent / "golden"


def dump(path: Path) -> str:
    doc = docx.Document(path)
    lines = [f"header: {p.text}" for p in doc.sections[0].header.paragraphs if p.text]
    lines += [f"footer: {p.text}" for p in doc.sections[0].footer.paragraphs if p.text]
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, doc)
            lines.append(f"[{paragraph.style.name}] {paragraph.text}".rstrip())
        elif tag == "tbl":
            table = docx.table.Table(child, doc)
            for row in table.rows:
                cells = [" / ".join(p.text for p in c.paragraphs if p.text) for c in row.cells]
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("klein")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    build(root)
    return root / "output/heerhugowaard/noord/ronde-2"


def test_fixture_kit_matches_golden_dumps(built):
    produced = {p.name: dump(p) for p in sorted(built.glob("*.docx"))}
    produced["printlijst.txt"] = (built / "printlijst.txt").read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir()
        for name, text in produced.items():
            (GOLDEN / f"{name}.txt").write_text(text, encoding="utf-8")
    expected = {p.name[:-4]: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt"))}
    assert sorted(produced) == sorted(expected)
    for name, text in produced.items():
        assert text == expected[name], f"{name} differs from tests/golden/{name}.txt"
