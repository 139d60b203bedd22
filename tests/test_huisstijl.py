"""Tests for casuskit.huisstijl: writing the default house style, checking edited ones."""

import io

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from casuskit import huisstijl, word
from casuskit.render.registry import required_styles
from casuskit.word import StyleSheet
from conftest import run


def styles_of(document) -> StyleSheet:
    from lxml import etree
    return StyleSheet(etree.tostring(document.styles.element))


def missing(document, required=None) -> list[str]:
    return huisstijl.missing_styles(styles_of(document), required or required_styles())


def test_write_default_reference(tmp_path):
    path = tmp_path / "huisstijl.docx"
    assert huisstijl.write_default_reference(path) == path
    assert path.read_bytes() == word.default_reference_bytes()
    assert missing(docx.Document(str(path))) == []


def test_refuses_to_overwrite_unless_forced(tmp_path):
    path = tmp_path / "huisstijl.docx"
    path.write_bytes(b"eigen werk")
    with pytest.raises(huisstijl.ReferenceExistsError, match="bestaat al"):
        huisstijl.write_default_reference(path)
    assert path.read_bytes() == b"eigen werk"
    huisstijl.write_default_reference(path, force=True)
    assert path.read_bytes() == word.default_reference_bytes()


def test_missing_styles_names_deleted_and_retyped_styles():
    document = docx.Document(io.BytesIO(word.default_reference_bytes()))
    document.styles["Let op"].delete()
    document.styles["Kaart Titel"].delete()
    document.styles.add_style("Kaart Titel", WD_STYLE_TYPE.CHARACTER)
    assert missing(document) == ["Let op", "Kaart Titel"]


def test_python_docx_default_template_lacks_our_styles():
    lacking = missing(docx.Document())
    assert "DOE" in lacking and "Kaartraster" in lacking
    assert "Heading 1" not in lacking and "List Number" not in lacking


def test_custom_requirements_and_round_trip_through_bytes():
    document = docx.Document(io.BytesIO(word.Document().to_bytes()))
    required = {"Normal": "paragraph", "Bestaat Niet": "paragraph", "Strong": "paragraph"}
    assert missing(document, required) == ["Bestaat Niet", "Strong"]


def test_required_styles_cover_the_brief():
    types = required_styles()  # declared by the document kinds, plus the evaluation report
    # 26 + the five card category bands + 20 meeting styles (16 role bands: 8 filled, 8 outlined)
    assert len(types) == 51
    assert types["Strong"] == types["Naambordje Rol"] == "character"
    assert types["Casuskit Tabel"] == types["Kaartraster"] == "table"
    assert {"Caption", "Quote", "DOE", "Likert Vakje", "Rolband 8", "Rolband 16",
            "Kaart Band Fase"} <= set(types)


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
    assert (tmp_path / "huisstijl/eigen.docx").read_bytes() == word.default_reference_bytes()


def test_overwrite_hint_quotes_a_path_with_spaces(tmp_path):
    path = tmp_path / "mijn huisstijl.docx"
    path.write_bytes(b"eigen werk")
    with pytest.raises(huisstijl.ReferenceExistsError) as raised:
        huisstijl.write_default_reference(path)
    assert f'`casuskit huisstijl "{path}" --overschrijf`' in raised.value.hint


def test_accent_colour_and_font_restyle_every_accented_style(tmp_path):
    result = run(tmp_path, "huisstijl", "groen.docx", "--accentkleur", "#2e7d32", "--lettertype",
                 "DejaVu Sans")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "groen.docx"))
    assert missing(document) == []
    styles = document.styles
    for name in ("Title", "Heading 1", "Heading 2", "Kaart Categorie", "Kaart Achterkant"):
        assert str(styles[name].font.color.rgb) == "2E7D32", name
    xml = styles.element.xml
    assert 'w:fill="DAE8DB"' in xml  # the table header row: the accent, 82.5 % white
    assert 'w:fill="E6EFE6"' in xml  # DOE shading: 88 % white
    assert "0F5563" not in xml and "D5E6EA" not in xml  # no teal left
    look = styles_of(document).look("Kaart Tekst")
    assert look.font == "DejaVu Sans"
    bad = run(tmp_path, "huisstijl", "x.docx", "--accentkleur", "groen")
    assert bad.exit_code == 2 and "fout: `groen` is geen kleur" in bad.output
    assert not (tmp_path / "x.docx").exists()
