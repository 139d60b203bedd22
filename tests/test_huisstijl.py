"""Tests for casuskit.huisstijl: writing the default house style, checking edited ones."""

import io

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from casuskit import docxio, huisstijl
from conftest import run


def test_write_default_reference(tmp_path):
    path = tmp_path / "huisstijl.docx"
    assert huisstijl.write_default_reference(path) == path
    assert path.read_bytes() == docxio.default_reference_bytes()
    assert huisstijl.missing_styles(docx.Document(str(path))) == []


def test_refuses_to_overwrite_unless_forced(tmp_path):
    path = tmp_path / "huisstijl.docx"
    path.write_bytes(b"eigen werk")
    with pytest.raises(huisstijl.ReferenceExistsError, match="bestaat al"):
        huisstijl.write_default_reference(path)
    assert path.read_bytes() == b"eigen werk"
    huisstijl.write_default_reference(path, force=True)
    assert path.read_bytes() == docxio.default_reference_bytes()


def test_missing_styles_names_deleted_and_retyped_styles():
    document = docxio.new_document()
    document.styles["Let op"].delete()
    document.styles["Kaart Titel"].delete()
    document.styles.add_style("Kaart Titel", WD_STYLE_TYPE.CHARACTER)
    assert huisstijl.missing_styles(document) == ["Kaart Titel", "Let op"]


def test_python_docx_default_template_lacks_our_styles():
    missing = huisstijl.missing_styles(docx.Document())
    assert "DOE" in missing and "Kaartraster" in missing
    assert "Heading 1" not in missing and "List Number" not in missing


def test_custom_requirements_and_round_trip_through_bytes():
    data = docxio.to_bytes(docxio.new_document())
    document = docx.Document(io.BytesIO(data))
    required = {"Normal": WD_STYLE_TYPE.PARAGRAPH, "Bestaat Niet": WD_STYLE_TYPE.PARAGRAPH,
                "Strong": WD_STYLE_TYPE.PARAGRAPH}
    assert huisstijl.missing_styles(document, required) == ["Bestaat Niet", "Strong"]


def test_required_styles_cover_the_brief():
    types = huisstijl.REQUIRED_STYLES
    assert len(types) == 46  # 29 + the five card category bands + 12 meeting styles (8 role bands)
    assert types["Strong"] == types["Emphasis"] == WD_STYLE_TYPE.CHARACTER
    assert types["Casuskit Tabel"] == types["Kaartraster"] == WD_STYLE_TYPE.TABLE


def test_cli_names_the_option_that_overwrites(tmp_path):
    (tmp_path / "huisstijl").mkdir()
    (tmp_path / "huisstijl/eigen.docx").write_bytes(b"eigen werk")
    result = run(tmp_path, "huisstijl", "huisstijl/eigen.docx")
    assert result.exit_code == 2
    assert result.output == (
        "fout: huisstijl/eigen.docx bestaat al; casuskit heeft het niet overschreven\n"
        "hulp: Kies een andere naam, of begin opnieuw met `casuskit huisstijl "
        "huisstijl/eigen.docx --overschrijf` (uw aanpassingen in dat bestand gaan dan verloren).\n")
    assert (tmp_path / "huisstijl/eigen.docx").read_bytes() == b"eigen werk"
    result = run(tmp_path, "huisstijl", "huisstijl/eigen.docx", "--overschrijf")
    assert result.exit_code == 0
    assert (tmp_path / "huisstijl/eigen.docx").read_bytes() == docxio.default_reference_bytes()


def test_overwrite_hint_quotes_a_path_with_spaces(tmp_path):
    path = tmp_path / "mijn huisstijl.docx"
    path.write_bytes(b"eigen werk")
    with pytest.raises(huisstijl.ReferenceExistsError) as raised:
        huisstijl.write_default_reference(path)
    assert f'`casuskit huisstijl "{path}" --overschrijf`' in raised.value.hint
