"""casuskit watch without a watcher: which kits a saved file affects, and one rebuild round."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from casuskit.build import build
from casuskit.watch import ALL, Session, affected_kits, rebuild, relevant
from casuskit.workspace import load_workspace
from conftest import run

CASUS = "casussen/algemeen/stille-buurman.yaml"


@pytest.fixture
def built(ws) -> Path:
    build(ws)
    return ws / "output"


def users_of(ws: Path, casus_id: str) -> set[str]:
    return {k for k, e in load_workspace(ws).of("kit").items() if casus_id in e.model.casussen}


def test_a_casus_affects_the_kits_that_use_it(ws, built):
    assert affected_kits(ws, built, [ws / CASUS]) == users_of(ws, "stille-buurman")


def test_a_kit_file_affects_that_kit_and_a_buurt_its_kits(ws, built):
    noord = {k for k, e in load_workspace(ws).of("kit").items() if e.model.neighbourhood == "noord"}
    # Heerhugowaard compares its werkvormen on the last round's form: a round's werkvorm is an
    # input of every round of its buurt
    assert affected_kits(ws, built, [ws / "kits/heerhugowaard/noord-ronde-2.yaml"]) == noord
    assert affected_kits(ws, built, [ws / "kits/ooststellingwerf/appelscha-bedoeling.yaml"]) == \
        {"osw-appelscha-bedoeling"}
    assert affected_kits(ws, built, [ws / "buurten/noord.yaml"]) == noord
    assert affected_kits(ws, built, [ws / CASUS, ws / "buurten/noord.yaml"]) == \
        noord | users_of(ws, "stille-buurman")


def test_templates_new_and_deleted_files_affect_every_kit(ws, built):
    (ws / "sjablonen").mkdir()
    (ws / "sjablonen/hand-out-intro.j2").write_text("Welkom.\n", encoding="utf-8")
    assert affected_kits(ws, built, [ws / "sjablonen/hand-out-intro.j2"]) is ALL
    (ws / "casussen/algemeen/nieuw.yaml").write_text("id: nieuw\n", encoding="utf-8")
    assert affected_kits(ws, built, [ws / "casussen/algemeen/nieuw.yaml"]) is ALL
    (ws / CASUS).unlink()
    assert affected_kits(ws, built, [ws / CASUS]) is ALL


def test_unrelated_files_affect_nothing_and_are_not_watched(ws, built):
    (ws / "notities.txt").write_text("boodschappen\n", encoding="utf-8")
    assert affected_kits(ws, built, [ws / "notities.txt"]) == set()
    assert not relevant(ws, built, ws / "notities.txt")
    assert not relevant(ws, built, next(built.rglob("draaiboek.docx")))
    assert not relevant(ws, built, ws / "casussen/algemeen/.stille-buurman.yaml.swp")
    assert not relevant(ws, built, ws / "casussen/algemeen/sedAaGKq9")  # sed -i's temporary file
    assert relevant(ws, built, ws / CASUS)


def test_without_a_manifest_every_kit_is_affected(ws):
    assert affected_kits(ws, ws / "output", [ws / CASUS]) is ALL


def test_one_round_rebuilds_exactly_the_affected_kits(ws, built):
    path = ws / CASUS
    path.write_text(path.read_text(encoding="utf-8").replace("De stille buurman", "De stille buur", 1),
                    encoding="utf-8")
    said = []
    round_ = rebuild(ws, built, [path], show=said.append)
    assert set(round_.built) == users_of(ws, "stille-buurman")
    assert not round_.failed
    assert said[-1].startswith("Opnieuw gemaakt: ")
    again = rebuild(ws, built, [path], show=said.append)
    assert again.built == [] and said[-1] == "Alles was al bijgewerkt."


def test_a_round_with_errors_shows_them_and_writes_nothing(ws, built):
    before = {p: p.read_bytes() for p in built.rglob("*") if p.is_file()}
    path = ws / CASUS
    path.write_text(path.read_text(encoding="utf-8").replace("titel: De stille buurman", "titel:\n  - lijst"),
                    encoding="utf-8")
    said, shown = [], []
    round_ = rebuild(ws, built, [path], show=said.append, show_diagnostics=shown.extend)
    assert round_.failed and round_.built == []
    assert any(d.code == "geen-tekst" for d in shown)
    assert "er is niets geschreven" in said[-1]
    assert {p: p.read_bytes() for p in built.rglob("*") if p.is_file()} == before


def test_errors_in_a_file_no_kit_uses_are_shown_too(ws, built):
    (ws / "casussen/algemeen/los.yaml").write_text("id: los\ntitel: [\n", encoding="utf-8")
    shown = []
    round_ = rebuild(ws, built, [], show=lambda _: None, show_diagnostics=shown.extend)
    assert round_.failed and shown


def test_watch_command_is_listed_in_dutch(ws):
    result = run(ws, "watch", "--help")
    assert result.exit_code == 0
    assert "Stop met Ctrl-C." in result.output


def test_a_change_saved_while_another_file_has_an_error_is_built_once_that_is_fixed(ws, built):
    """Casus A (stille-buurman) changes while casus B has an error: the round fails. B is fixed:
    that round must rebuild A's kits too, though only B was saved."""
    a, b = ws / CASUS, ws / "casussen/noord/druk-gezin.yaml"
    kits_a, kits_b = users_of(ws, "stille-buurman"), users_of(ws, "druk-gezin")
    assert kits_a and not kits_a & kits_b
    session = Session(ws, built)
    good_b = b.read_text(encoding="utf-8")
    b.write_text(good_b.replace("titel:", "titel:\n  - lijst\ntiteltje:", 1), encoding="utf-8")
    assert session.round([b], show=lambda _: None).failed
    a.write_text(a.read_text(encoding="utf-8").replace("De stille buurman", "De stille buur", 1), encoding="utf-8")
    assert session.round([a], show=lambda _: None).failed  # A saved while B is still wrong
    b.write_text(good_b, encoding="utf-8")
    fixed = session.round([b], show=lambda _: None)
    assert not fixed.failed and fixed.kits == kits_a | kits_b and set(fixed.built) == kits_a
    assert session.round([], show=lambda _: None).built == []  # nothing pending any more
    hand_outs = list(built.rglob("hand-out-stille-buurman.docx"))
    assert len(hand_outs) == len(kits_a)
    assert all(b"De stille buur<" in zipfile.ZipFile(p).read("word/document.xml") for p in hand_outs)


def test_the_first_round_stays_pending_as_a_whole_when_it_fails(ws, built):
    b = ws / "casussen/noord/druk-gezin.yaml"
    good_b = b.read_text(encoding="utf-8")
    b.write_text(good_b.replace("titel:", "titel:\n  - lijst\ntiteltje:", 1), encoding="utf-8")
    session = Session(ws, built)
    assert session.round(None, show=lambda _: None).failed
    b.write_text(good_b, encoding="utf-8")
    assert session.round([b], show=lambda _: None).kits is ALL
