"""Participant lists (deelnemers/<kit-id>.csv): every error in Dutch, located file:line:col."""

from __future__ import annotations

import pytest

from casuskit import participants

FILE = "deelnemers/hhw-noord-ronde-2.csv"


def problems(text: str | bytes, groups: int | None = 3):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    people, found = participants.parse(raw, FILE, groups)
    return people, [(d.code, d.message, f"{d.location.file}:{d.location.line}:{d.location.column}")
                    for d in found]


def test_a_good_list_reads_with_roles_normalised_and_pins():
    people, found = problems("naam,organisatie,rol,tafel\n"
                             "Anna Bakker,Zorgpunt,wijkverpleging,\n"
                             "Bas Vos,Politie,Wijkagent,2\n"
                             "\"Cor, de Jong\",Welzijn Heerhugowaard,JGC,\n")
    assert found == []
    assert [(p.name, p.role, p.table, p.line) for p in people.people] == [
        ("Anna Bakker", "wijkverpleegkundige", None, 2), ("Bas Vos", "wijkagent", 2, 3),
        ("Cor, de Jong", "jeugd-en-gezinscoach", None, 4)]


def test_semicolons_bom_and_crlf_from_dutch_excel_are_accepted():
    raw = "\ufeffnaam;organisatie;rol\r\nAnna Bakker;Zorgpunt;opbouwwerker\r\n".encode("utf-8")
    people, found = problems(raw)
    assert found == [] and people.people[0].organisation == "Zorgpunt"


def test_missing_column():
    assert problems("naam,organisatie\nAnna,Zorgpunt\n")[1] == [
        ("kolom-ontbreekt", "de kolom `rol` ontbreekt", f"{FILE}:1:1")]


def test_unknown_column_suggests_the_right_name():
    _, found = problems("naam,organisatie,rol,tafle\nAnna,Zorgpunt,wijkagent,1\n")
    assert found == [("onbekende-kolom", "onbekende kolom `tafle`", f"{FILE}:1:22")]


def test_empty_name_points_at_the_cell():
    assert problems("naam,organisatie,rol\nAnna,Zorgpunt,wijkagent\n  ,GGD,huisarts\n")[1] == [
        ("lege-naam", "de naam is leeg", f"{FILE}:3:1")]


def test_unknown_role_with_suggestion():
    people, found = problems("naam,organisatie,rol\nAnna,Zorgpunt,wijkagnet\nBas,Zorgpunt,kok\n")
    assert found == [("onbekende-rol", "`wijkagnet` is geen bekende rol", f"{FILE}:2:15"),
                     ("onbekende-rol", "`kok` is geen bekende rol", f"{FILE}:3:14")]
    _, raw = participants.parse(b"naam,organisatie,rol\nA,B,wijkagnet\n", FILE)
    assert raw[0].hint.startswith("Bedoelde u `Wijkagent`?")


def test_duplicate_person_names_the_first_line():
    assert problems("naam,organisatie,rol\nAnna Bakker,Zorgpunt,wijkagent\n"
                    "anna  bakker,GGD,huisarts\n")[1] == [
        ("dubbele-deelnemer", "`anna bakker` staat al op regel 2", f"{FILE}:3:1")]


def test_non_utf8_points_at_the_first_bad_character():
    raw = "naam,organisatie,rol\nRené,Zorgpunt,wijkagent\n".encode("cp1252")
    assert problems(raw)[1] == [
        ("geen-utf8", "het bestand is niet als UTF-8 opgeslagen (teken 0xE9)", f"{FILE}:2:4")]


@pytest.mark.parametrize("value, expected", [
    ("vier", ("geen-tafelnummer", "`vier` is geen tafelnummer", f"{FILE}:2:25")),
    ("4", ("tafel-bestaat-niet", "tafel 4 bestaat niet: de kit heeft 3 groepen", f"{FILE}:2:25")),
])
def test_bad_table_pins(value, expected):
    assert problems(f"naam,organisatie,rol,tafel\nAnna,Zorgpunt,wijkagent,{value}\n")[1] == [expected]


def test_too_many_cells_hints_at_quotes():
    _, found = problems("naam,organisatie,rol\nAnna,Zorg, Welzijn,wijkagent\n")
    assert found == [("te-veel-velden", "deze regel heeft 4 velden, de kop heeft er 3", f"{FILE}:2:20")]


def test_empty_file():
    assert problems("\n\n")[1] == [("leeg-bestand", "het bestand is leeg", f"{FILE}:1:1")]


@pytest.mark.parametrize("char, shown", [("\x1b", "U+001B"), ("\x00", "U+0000"), ("\ufffe", "U+FFFE"),
                                         ("\uffff", "U+FFFF"), ("\x08", "U+0008")])
def test_control_characters_are_a_located_error(char, shown):
    people, found = problems(f"naam,organisatie,rol\nAnna{char} Bakker,Zorgpunt,opbouwwerker\n")
    assert found == [("stuurteken", f"hier staat een onzichtbaar stuurteken ({shown}) dat niet in een "
                      "Word-document kan", f"{FILE}:2:5")]
    d = participants.parse(f"naam,organisatie,rol\nAnna{char},Z,opbouwwerker\n".encode(), FILE)[1][0]
    assert d.hint.startswith("Verwijder het teken")


def test_tabs_and_line_ends_are_no_control_characters():
    assert problems("naam,organisatie,rol\n\"Anna\tBakker\",\"Zorg\r\npunt\",opbouwwerker\r\n")[1] == []


def test_check_and_build_refuse_a_list_with_a_control_character(listed):
    from conftest import run
    path = listed / "deelnemers/hhw-noord-ronde-2.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b",", b"\x1b,", 1)
    path.write_bytes(b"\n".join(lines))
    for command in ("check", "build"):
        result = run(listed, command)
        assert result.exit_code == 1, result.output
        assert "fout[stuurteken]" in result.output and "deelnemers/hhw-noord-ronde-2.csv:3:" in result.output
    assert not (listed / "output").exists()
