"""Every document casuskit writes is valid ISO 29500 (Transitional) WordprocessingML: each
package checked and each part validated against the schemas in tests/ooxml/ (the validator and
the XSDs python-docx ships, vendored so the test runs offline)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import docx
import pytest

from casuskit import word

HERE = Path(__file__).resolve().parent / "ooxml"
_spec = importlib.util.spec_from_file_location("ooxml_validate", HERE / "validate.py")
validator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(validator)


@pytest.fixture(scope="module")
def schema():
    return validator.load_schema(HERE / "xsd")


def problems(path: Path, schema) -> list[str]:
    report = validator.validate_docx(path, schema)
    found = list(report["package"])
    found += [f"{part}:{e['line']}: {e['message']}" for part, errors in report["parts"].items()
              for e in errors]
    return found


def test_every_document_of_the_examples_is_valid(built_examples, schema):
    documents = sorted((built_examples / "output").rglob("*.docx"))
    assert len(documents) > 80  # every kind of every kit, and the evaluation report
    assert {p.name for p in documents} >= {"draaiboek.docx", "gesprekskaarten.docx", "tafelkaarten.docx",
                                           "kalibratie.docx", "naambordjes.docx", "evaluatie.docx"}
    found = {p.relative_to(built_examples).as_posix(): problems(p, schema) for p in documents}
    assert {name: errors for name, errors in found.items() if errors} == {}


def test_documents_from_a_house_style_with_a_logo_are_valid(tmp_path, schema):
    from PIL import Image
    png = io.BytesIO()
    Image.new("RGB", (40, 20), "green").save(png, "PNG")
    reference = docx.Document(io.BytesIO(word.default_reference_bytes()))
    reference.styles["Normal"].font.name = "DejaVu Sans"
    reference.sections[0].header.paragraphs[0].add_run().add_picture(png, width=docx.shared.Mm(20))
    path = tmp_path / "eigen.docx"
    reference.save(path)
    doc = word.Document(word.open_reference(path))
    doc.header("kop")
    doc.footer("voet\t\t", *word.PAGE_NUMBERS)
    doc.numbered(["een", "twee\x1b"])
    doc.add(word.Picture(png.getvalue(), 40))
    out = tmp_path / "uit.docx"
    out.write_bytes(doc.to_bytes())
    assert problems(out, schema) == []
