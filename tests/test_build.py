"""`casuskit build` end to end: where files land, what the hand-out holds, safety, determinism."""

from __future__ import annotations

import errno
import io
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from casuskit.build import build
from casuskit.errors import OutputError
from casuskit.workspace import load_workspace
from casuskit.writer import Output
from conftest import run, write

KIT_DIR = "output/heerhugowaard/noord/ronde-2"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_text(path: Path) -> str:
    """Every piece of text in a .docx (body, tables, headers, footers), from the XML itself."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8").replace("</w:p>", "\n"))
                         for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))


def facilitator_only_texts(casus) -> list[str]:
    texts = [casus.goal or ""] + casus.tips + casus.debrief
    texts += [a for s in casus.actions for a in s.actions]
    texts += [p.text for p in casus.phases] + [p.title for p in casus.phases]
    texts += [q for p in casus.phases for q in p.questions]
    texts += [d.question for d in casus.dilemmas] + [d.explanation or "" for d in casus.dilemmas]
    texts += [v for p in casus.perspectives for v in (p.sees, p.knows, p.may_share, p.may_not_share) if v]
    texts += [s for p in casus.perspectives for s in p.signals]
    return [" ".join(t.split()) for t in texts if t.strip()]


def kit_casussen(ws):
    return load_workspace(ws).get("kit", "hhw-noord-ronde-2").casussen


def test_build_writes_every_document_of_the_kit(ws):
    result = run(ws, "build", "hhw-noord-ronde-2")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (ws / KIT_DIR).iterdir())
    hand_outs = [f"hand-out-{c}.docx" for c in kit_casussen(ws)]
    cards = [f"gesprekskaarten-{c}.docx" for c in kit_casussen(ws)]  # one card file per casus
    assert names == sorted(["draaiboek.docx", "evaluatieformulier.docx", "kalibratie.docx",
                            "printlijst.txt", "rolkaarten.docx", *hand_outs, *cards])
    assert f"Gebouwd: 1 kit, {len(names)} bestanden in output/" in result.output
    # 18 participants at 3 tables, casussen dealt one per table: 6 copies each, and the
    # project's reserve of 2 for walk-ins
    assert re.search(r"\n  hand-out-stille-buurman\.docx +6 \+ 2 × dubbelzijdig", result.output)
    assert re.search(r"\n  gesprekskaarten-stille-buurman\.docx +1 × dubbelzijdig", result.output)


def test_every_kit_of_the_examples_builds(ws):
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    assert f"Gebouwd: {len(load_workspace(ws).of('kit'))} kits" in result.output


def test_hand_out_never_shows_facilitator_only_content(ws):
    build(ws)
    workspace = load_workspace(ws)
    checked = 0
    for kit in workspace.of("kit").values():
        folder = ws / "output" / kit.model.project / kit.model.neighbourhood
        for casus_id in kit.model.casussen:
            casus = workspace.get("casus", casus_id)
            hand_out = next(folder.rglob(f"hand-out-{casus_id}.docx"))
            text = " ".join(all_text(hand_out).split())
            assert casus.title in text
            for secret in facilitator_only_texts(casus):
                assert secret not in text, (casus_id, secret)
            checked += 1
    assert checked >= 15


def test_hand_out_is_personalised_and_styled(ws):
    build(ws)
    doc = docx.Document(ws / KIT_DIR / "hand-out-stille-buurman.docx")
    body = [(p.style.name, p.text) for p in doc.paragraphs]
    assert body[0] == ("Title", "De stille buurman")
    assert any("een rijtjeshuis in Heerhugowaard Noord" in t for _, t in body)
    assert not any("{{" in t for _, t in body)
    styles = {s for s, _ in body}
    assert {"Title", "Subtitle", "Heading 1", "Normal", "List Number", "Notitieregel"} <= styles
    section = doc.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert doc.core_properties.title == "De stille buurman"
    assert doc.core_properties.author == "Gemeente Heerhugowaard"
    raw = (ws / KIT_DIR / "hand-out-stille-buurman.docx").read_bytes()
    assert b"python-docx" not in raw
    styles_xml = zipfile.ZipFile(io.BytesIO(raw)).read("word/styles.xml").decode()
    assert 'w:lang w:val="nl-NL"' in styles_xml


def test_numbered_questions_restart_in_each_hand_out(ws):
    build(ws)
    for casus_id in kit_casussen(ws):
        doc = docx.Document(ws / KIT_DIR / f"hand-out-{casus_id}.docx")
        items = [p for p in doc.paragraphs if p.style.name == "List Number"]
        num_ids = {p._p.pPr.numPr.numId.val for p in items}
        assert len(num_ids) == 1
        numbering = doc.part.numbering_part.element
        num_id = str(next(iter(num_ids)))
        num = next(n for n in numbering.iterchildren(f"{W}num") if n.get(f"{W}numId") == num_id)
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"


def test_rebuild_is_byte_identical(ws, tmp_path):
    """Every document and text; not casuskit's hidden manifest, which records when each file
    was written so that a build with nothing to do need not read them all again."""
    build(ws, out=tmp_path / "a")
    build(ws, out=tmp_path / "b")
    first = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                   if p.is_file() and not p.name.startswith("."))
    assert len(first) > 80
    for rel in first:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_check_errors_write_nothing_and_keep_previous_output(ws):
    assert run(ws, "build").exit_code == 0
    before = {p: p.read_bytes() for p in (ws / "output").rglob("*") if p.is_file()}
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    path.write_text(path.read_text().replace("titel: De stille buurman", "titel:\n  - lijst"))
    result = run(ws, "build")
    assert result.exit_code == 1
    assert "fout[geen-tekst]" in result.output
    assert "Er is niets gebouwd" in result.output
    assert {p: p.read_bytes() for p in (ws / "output").rglob("*") if p.is_file()} == before


def test_unknown_kit_suggests(ws):
    result = run(ws, "build", "hhw-nord-ronde-2")
    assert result.exit_code == 2
    assert "fout: er is geen kit met de id `hhw-nord-ronde-2`" in result.output
    assert "Bedoelde u `hhw-noord-ronde-2`?" in result.output


def test_jinja_in_yaml_cannot_reach_python(ws):
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    path.write_text(path.read_text().replace(
        "titel: De stille buurman", "titel: \"{{ ''.__class__.__mro__[1].__subclasses__() }}\""))
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "fout[variabele]: deze variabele-tekst mag casuskit niet uitvoeren" in result.output


def test_missing_house_style_file_is_a_located_error(ws):
    path = ws / "projecten/heerhugowaard.yaml"
    path.write_text(path.read_text() + "huisstijl: huisstijl/eigen.docx\n")
    result = run(ws, "check")
    assert "fout[huisstijl-ontbreekt]: het huisstijl-document `huisstijl/eigen.docx` bestaat niet" in result.output
    assert "projecten/heerhugowaard.yaml:43:12" in result.output


def test_house_style_lacking_styles_names_them(ws):
    assert run(ws, "huisstijl", "huisstijl/eigen.docx").exit_code == 0
    assert run(ws, "huisstijl", "huisstijl/eigen.docx").exit_code == 2  # never overwritten
    doc = docx.Document(ws / "huisstijl/eigen.docx")
    for name in ("DOE", "Kaart Tekst"):
        doc.styles[name].element.getparent().remove(doc.styles[name].element)
    doc.save(ws / "huisstijl/eigen.docx")
    path = ws / "projecten/heerhugowaard.yaml"
    path.write_text(path.read_text() + "huisstijl: huisstijl/eigen.docx\n")
    result = run(ws, "build")
    assert result.exit_code == 1
    assert ("fout[huisstijl-onbruikbaar]: de huisstijl huisstijl/eigen.docx mist 2 stijl(en): DOE, Kaart Tekst\n"
            "  --> projecten/heerhugowaard.yaml:43:12\n") in result.output
    assert "Er is niets gebouwd" in result.output
    assert "huisstijl-onbruikbaar" in run(ws, "check").output  # the writer's loop finds it too


def test_a_house_style_that_is_no_docx_is_a_located_error(ws):
    write(ws, "huisstijl/eigen.docx", b"geen zip")
    path = ws / "projecten/heerhugowaard.yaml"
    path.write_text(path.read_text() + "huisstijl: huisstijl/eigen.docx\n")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert ("fout[huisstijl-onbruikbaar]: de huisstijl huisstijl/eigen.docx is geen bruikbaar "
            "Word-document (.docx)\n"
            "  --> projecten/heerhugowaard.yaml:43:12\n"
            "    |\n"
            " 43 | huisstijl: huisstijl/eigen.docx\n"
            "    |            ^^^^^^^^^^^^^^^^^^^^\n"
            "  = hulp: Sla het bestand in Word of LibreOffice op als Word-document (.docx).\n") in result.output


def test_house_style_is_used_for_the_look(ws):
    run(ws, "huisstijl", "huisstijl/eigen.docx")
    doc = docx.Document(ws / "huisstijl/eigen.docx")
    doc.styles["Title"].font.name = "Liberation Serif"
    doc.save(ws / "huisstijl/eigen.docx")
    path = ws / "projecten/heerhugowaard.yaml"
    path.write_text(path.read_text() + "huisstijl: huisstijl/eigen.docx\n")
    assert run(ws, "build").exit_code == 0
    built = docx.Document(ws / KIT_DIR / "hand-out-stille-buurman.docx")
    assert built.styles["Title"].font.name == "Liberation Serif"


def tiny_png() -> bytes:
    """A 2 × 1 pixel PNG, built by hand so the test needs no image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = zlib.compress(b"\x00\x1f\x4e\x79\xff\xff\xff")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def test_logo_in_the_first_header_line_survives(ws):
    run(ws, "huisstijl", "huisstijl/eigen.docx")
    doc = docx.Document(ws / "huisstijl/eigen.docx")
    header = doc.sections[0].header.paragraphs[0]
    header.add_run("Koptekst").add_break()  # text typed there is still replaced
    header.add_run().add_picture(io.BytesIO(tiny_png()), width=docx.shared.Mm(20))
    doc.save(ws / "huisstijl/eigen.docx")
    path = ws / "projecten/heerhugowaard.yaml"
    path.write_text(path.read_text() + "huisstijl: huisstijl/eigen.docx\n")
    assert run(ws, "build", "hhw-noord-ronde-2").exit_code == 0
    with_header = ["draaiboek.docx", "hand-out-stille-buurman.docx", "evaluatieformulier.docx"]
    for name in with_header:
        built = docx.Document(ws / KIT_DIR / name)
        first = built.sections[0].header.paragraphs[0]
        assert first.text == "Heerhugowaard Noord · ronde 2 · dinsdag 8 november 2016", name
        assert len(first._p.xpath("./w:r/w:drawing")) == 1, name
        image = built.sections[0].header.part.related_parts[
            first._p.xpath("./w:r/w:drawing//a:blip/@r:embed")[0]]
        assert image.blob == tiny_png(), name
        assert built.sections[0].footer.paragraphs[0].text.startswith("Buurtoverleggen Heerhugowaard\t\t")


def total_line(ws: Path, folder: str) -> str:
    listing = (ws / "output/heerhugowaard" / folder / "printlijst.txt").read_text(encoding="utf-8")
    return next(line for line in listing.splitlines() if line.startswith("Totaal "))


def test_print_list_asks_to_check_backs_only_when_there_are_backs(ws):
    assert run(ws, "build", "hhw-noord-ronde-2", "hhw-noord-ronde-1").exit_code == 0
    spares = "waarvan 8 reserve (het getal na de +) voor wie onverwacht aanschuift."
    assert total_line(ws, "noord/ronde-2") == f"Totaal 51 exemplaren, {spares} Controleer na het " \
        "printen of de kaartachterkanten achter de voorkanten vallen."
    assert total_line(ws, "noord/ronde-1") == ("Totaal 22 exemplaren, waarvan 2 reserve (het getal na "
                                               "de +) voor wie onverwacht aanschuift.")  # no cards
    path = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    path.write_text(path.read_text() + "achterkant: geen\n")
    assert run(ws, "build", "hhw-noord-ronde-2").exit_code == 0
    assert total_line(ws, "noord/ronde-2") == f"Totaal 51 exemplaren, {spares}"


def test_writer_refuses_twice_and_outside(tmp_path):
    out = Output(tmp_path / "output")
    out.add("a/b.docx", b"1")
    with pytest.raises(OutputError, match="twee keer"):
        out.add("a/b.docx", b"2")
    for bad in ("../x.docx", "/etc/x", "a/../../x", "A/B.docx"):
        with pytest.raises(OutputError, match="weigert"):
            out.add(bad, b"")


def test_writer_is_all_or_nothing(tmp_path, monkeypatch):
    """The disk fills up while the second file is staged: nothing changes, no temp file stays."""
    folder = tmp_path / "output"
    (folder / "k").mkdir(parents=True)
    (folder / "k/a.docx").write_bytes(b"old a")
    real_write = os.write

    def full_disk(fd, data):
        if bytes(data[:5]) == b"new b":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    out = Output(folder)
    out.add("k/a.docx", b"new a")  # staged already: a hidden temporary file next to a.docx
    assert len(list((folder / "k").iterdir())) == 2
    with pytest.raises(OutputError) as caught:
        out.add("k/b.docx", b"new b" * 1000)
    monkeypatch.undo()
    assert (caught.value.message, caught.value.hint) == (
        "schrijven naar output/k/b.docx mislukte: de schijf is vol",
        "Maak ruimte vrij op de schijf (bijv. oude uitvoer of de prullenbak) en probeer opnieuw.")
    assert (folder / "k/a.docx").read_bytes() == b"old a"
    assert sorted(p.name for p in (folder / "k").iterdir()) == ["a.docx"]
    assert sorted(p.name for p in folder.iterdir()) == ["k"]  # nor the lock


def test_file_open_in_word_gets_a_clear_message(ws):
    run(ws, "build")
    (ws / KIT_DIR / "~$aaiboek.docx").write_bytes(b"lock")
    result = run(ws, "build", "--opnieuw")  # unchanged kits are not written at all
    assert result.exit_code == 1
    assert "fout: output/heerhugowaard/noord/ronde-2/draaiboek.docx is geopend in Word" in result.output


def test_short_file_open_in_word_gets_the_same_message(tmp_path):
    """Word's lock file for a name of up to 6 letters before .docx is "~$" plus the whole name."""
    out = Output(tmp_path / "output")
    out.add("k/kort.docx", b"new")  # staged: the folder exists now
    (tmp_path / "output" / "k" / "~$kort.docx").write_bytes(b"lock")
    with pytest.raises(OutputError, match="^output/k/kort.docx is geopend in Word$"):
        out.commit()
    assert sorted(p.name for p in (tmp_path / "output" / "k").iterdir()) == ["~$kort.docx"]


def test_a_project_overrides_a_fixed_text_without_code(ws):
    write(ws, "sjablonen/hand-out-intro.j2",
          "Welkom in {{ buurt.naam }}! Deze casus is verzonnen; bespreek hem met uw tafel.\n")
    build(ws, ("hhw-noord-ronde-2",))
    doc = docx.Document(ws / KIT_DIR / "hand-out-stille-buurman.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "Welkom in Heerhugowaard Noord! Deze casus is verzonnen; bespreek hem met uw tafel." in texts


def _titled(ws, title: str) -> None:
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "titel: De stille buurman", f'titel: "Stille {title} buurman"'), encoding="utf-8")


def test_a_calculation_that_fails_in_a_casus_text_is_a_located_error(ws):
    _titled(ws, "{{ 1 / 0 }}")
    result = run(ws, "build")
    assert result.exit_code == 1
    assert ("fout[variabele]: deze variabele-tekst kan casuskit niet invullen (de berekening erin gaat mis)\n"
            "  --> casussen/algemeen/stille-buurman.yaml:3:9\n"
            "   |\n"
            ' 3 | titel: "Stille {{ 1 / 0 }} buurman"\n'
            "   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
            "  = hulp: Gebruik alleen variabelen als {{ buurt.naam }}, zonder te rekenen.\n") in result.output
    assert "Er is niets gebouwd" in result.output


def test_a_text_failing_only_with_one_kits_values_is_caught_by_check(ws):
    """Locations are 34 (midden), 31 (noord) and 42 (zuid) letters long: [32] fails for noord
    only, whose build would otherwise stop halfway."""
    _titled(ws, "{{ kit.locatie[32] }}")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert ("fout[variabele]: deze variabele-tekst vraagt om iets dat er niet is\n"
            "  --> casussen/algemeen/stille-buurman.yaml:3:9\n"
            "   |\n"
            ' 3 | titel: "Stille {{ kit.locatie[32] }} buurman"\n'
            "   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
            "  = alleen met de gegevens van kit `hhw-noord-ronde-2`\n"
            "  = hulp: Gebruik de variabelen zoals ze zijn, zonder [ ] of iets anders erachter. "
            "Beschikbaar: {{ buurt.naam }}") in result.output
    assert run(ws, "build", "hhw-midden-ronde-2").exit_code == 1  # check covers every kit
