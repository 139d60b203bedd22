"""`casuskit check` on what the room gets: cards nobody is told to use, an evaluation form without
a moment in the programme, statement keys, guests at tables that exist, and counts that disagree
with the participant list. Each finding is Dutch and located at the user's own line."""

from __future__ import annotations

from pathlib import Path

from conftest import diagnostics, run

WERKVORM = "werkvormen/kleine-groepen.yaml"
KIT = "kits/heerhugowaard/noord-ronde-1.yaml"


def edit(root: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` once; returns the line where ``new`` starts."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def found(root: Path, code: str) -> list[tuple[str, str]]:
    return [(message, where) for c, message, where in diagnostics(root) if c == code]


def test_the_examples_are_clean(listed):
    result = run(listed, "check", "--streng")
    assert result.exit_code == 0, result.output


def test_cards_no_block_names_and_a_block_naming_cards_that_do_not_exist(ws):
    edit(ws, WERKVORM, "    kaarten:\n      - vraagkaarten\n", "")
    line = (ws / WERKVORM).read_text(encoding="utf-8").splitlines().index("vraagkaarten:") + 1
    assert found(ws, "kaarten-zonder-blok") == [
        ("de vraagkaarten van deze werkvorm worden geprint, maar geen blok zegt wanneer ze op tafel komen",
         f"{WERKVORM}:{line}:1")]
    line = edit(ws, WERKVORM, "      - rolkaarten\n", "      - wegen\n")
    assert found(ws, "onbekende-kaarten") == [
        ("de werkvorm heeft geen kaarten `wegen`", f"{WERKVORM}:{line}:9")]
    result = run(ws, "check", WERKVORM)
    assert "hulp: Kies uit: `vraagkaarten`, `rolkaarten`." in result.output


def test_a_form_without_a_programme_block_is_a_warning(ws):
    edit(ws, WERKVORM, "    evaluatie: ja\n", "")
    [(message, where)] = found(ws, "evaluatie-zonder-blok")
    assert message == ("deze werkvorm deelt een evaluatieformulier uit, maar geen blok van het "
                       "programma is ervoor")
    assert where == f"{WERKVORM}:{(ws / WERKVORM).read_text().splitlines().index('blokken:') + 1}:1"
    assert "Zet `evaluatie: ja` bij het blok" in run(ws, "check", WERKVORM).output


def test_statement_keys_are_columns_once_and_never_a_reserved_one(ws):
    project = "projecten/heerhugowaard.yaml"
    first = edit(ws, project, "    - sleutel: signaleren\n", "    - sleutel: kennen\n")
    second = edit(ws, project, "    - sleutel: delen\n", "    - sleutel: voorkeur\n")
    assert [(c, m, w) for c, m, w in diagnostics(ws, errors_only=True)] == [
        ("dubbele-sleutel", "twee stellingen hebben de sleutel `kennen`", f"{project}:{first}:16"),
        ("gereserveerde-sleutel", "de sleutel `voorkeur` is al een kolom van de evaluaties",
         f"{project}:{second}:16")]


def test_a_guest_at_a_table_that_does_not_exist(ws):
    line = edit(ws, KIT, "    tafel: 1\n", "    tafel: 5\n")
    assert diagnostics(ws, errors_only=True) == [
        ("tafel-bestaat-niet", "tafel 5 bestaat niet: de kit heeft 2 groepen", f"{KIT}:{line}:12")]


def test_deelnemers_that_disagree_with_the_list_are_a_warning(listed):
    assert found(listed, "deelnemers-kloppen-niet") == []  # 15 names, one cancelled: 14 as the kit says
    line = edit(listed, KIT, "deelnemers: 14\n", "deelnemers: 15\n")
    assert found(listed, "deelnemers-kloppen-niet") == [(
        "de kit verwacht 15 deelnemers, maar volgens deelnemers/hhw-noord-ronde-1.csv komen er 14 "
        "(15 namen, 1 afgemeld of afwezig)", f"{KIT}:{line}:13")]
    result = run(listed, "check", KIT)
    assert "hulp: Zet `deelnemers: 14` in de kit, of werk de lijst bij." in result.output


def test_a_cancellation_that_is_no_yes_or_no(listed):
    path = listed / "deelnemers/hhw-noord-ronde-1.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",,,ja\n", ",,,misschien\n"), encoding="utf-8")
    assert diagnostics(listed, errors_only=True) == [
        ("geen-ja-nee", "`misschien` is geen ja of nee", "deelnemers/hhw-noord-ronde-1.csv:13:58")]


def test_tafels_refuses_a_late_arrival_who_cancelled(listed):
    result = run(listed, "tafels", "hhw-noord-ronde-1", "--laat", "Bram Visser")
    assert result.exit_code == 2
    assert "fout: `Bram Visser` staat als afgemeld op deelnemers/hhw-noord-ronde-1.csv (regel 13)" \
        in result.output
