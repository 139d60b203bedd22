"""Every file in the input folders is accounted for: read as YAML whatever the letter case of
its extension, or named with a hint; a path given to `check` that it does not read is refused."""

from __future__ import annotations

from casuskit.check import check_workspace
from conftest import REPO, run, write

CASUS = "id: {id}\ntitel: T\nsamenvatting: s\nsituatie: s\n"


def found(root):
    return [(d.severity, d.code, d.message, d.location.file, d.hint) for d in check_workspace(root).diagnostics]


def test_upper_case_and_yml_extensions_are_read(casus_ws):
    for name in ("een.YAML", "twee.YML", "drie.Yaml", "vier.yml"):
        write(casus_ws, f"casussen/{name}", CASUS.format(id=name.split(".")[0]))
    result = check_workspace(casus_ws)
    assert sorted(result.workspace.of("casus")) == ["drie", "een", "twee", "vier"]
    assert result.diagnostics == []


def test_notepad_txt_name_used_by_a_kit_is_one_error_at_the_file(ws):
    path = ws / "casussen/algemeen/stille-buurman.yaml"  # in three kits
    path.rename(path.with_name("stille-buurman.yaml.txt"))
    assert found(ws) == [(
        "fout", "niet-gelezen", "casuskit leest dit bestand niet, maar de kits `hhw-midden-ronde-2`, "
        "`hhw-noord-ronde-2` en `hhw-zuid-ronde-2` gebruiken de casus `stille-buurman`",
        "casussen/algemeen/stille-buurman.yaml.txt",
        "Hernoem het naar casussen/algemeen/stille-buurman.yaml. Kladblok zet er .txt achter als u bij "
        "'Opslaan als' niet het type 'Alle bestanden' kiest.")]


def test_other_files_are_named_and_system_files_left_alone(casus_ws):
    write(casus_ws, "casussen/nieuw.yaml.txt", CASUS.format(id="nieuw"))
    write(casus_ws, "casussen/notities.docx", b"PK\x03\x04")
    write(casus_ws, "casussen/oud.yaml~", CASUS.format(id="oud"))
    for name in ("Thumbs.db", ".DS_Store", "~$notities.docx", "desktop.ini"):
        write(casus_ws, f"casussen/{name}", b"x")
    assert [(f[0], f[3], f[4]) for f in found(casus_ws)] == [
        ("waarschuwing", "casussen/nieuw.yaml.txt", "Hernoem het naar casussen/nieuw.yaml. Kladblok zet er "
         ".txt achter als u bij 'Opslaan als' niet het type 'Alle bestanden' kiest."),
        ("waarschuwing", "casussen/notities.docx", "Is het een casussen-bestand, sla het dan op als tekst "
         "met de extensie .yaml. Anders: zet het buiten deze map."),
        ("waarschuwing", "casussen/oud.yaml~", "Het lijkt een reservekopie; verwijder het, of zet het buiten "
         "deze map."),
    ]
    result = run(casus_ws, "check")
    assert result.exit_code == 0
    assert ("waarschuwing[niet-gelezen]: casuskit leest dit bestand niet: alleen bestanden die op .yaml of "
            ".yml eindigen\n  --> casussen/nieuw.yaml.txt\n") in result.output
    assert result.output.rstrip().endswith("3 waarschuwingen in 3 van 5 bestanden.")


def test_an_explicit_upper_case_file_is_really_read(casus_ws):
    write(casus_ws, "casussen/x.YAML", "id: x\ntitel: T\nsamenvatting: s\n")
    result = run(casus_ws, "check", "casussen/x.YAML")
    assert result.exit_code == 1
    assert "fout[veld-ontbreekt]: het verplichte veld `situatie` ontbreekt\n  --> casussen/x.YAML:1:1" in result.output
    assert result.output.rstrip().endswith("1 fout in 1 van 1 bestanden.")


def test_explicit_paths_check_does_not_read_are_refused(casus_ws):
    write(casus_ws, "casussen/x.yaml.txt", CASUS.format(id="x"))
    write(casus_ws, "docs/uitleg.md", "# uitleg\n")
    cases = {
        "/etc/passwd": ("fout: `/etc/passwd` ligt buiten de projectmap",
                        "hulp: casuskit controleert alleen de bestanden in projecten/, buurten/, werkvormen/, "
                        "casussen/, rollen/, kits/, deelnemers/, evaluaties/ en sjablonen/ van de projectmap."),
        "casussen/x.yaml.txt": ("fout: casuskit leest `casussen/x.yaml.txt` niet: alleen bestanden die op .yaml "
                                "of .yml eindigen", "hulp: Hernoem het naar casussen/x.yaml."),
        "docs/uitleg.md": ("fout: `docs/uitleg.md` is geen bestand dat casuskit controleert", "hulp: casuskit "
                           "controleert de bestanden in projecten/"),
        "docs": ("fout: in `docs` staan geen bestanden die casuskit controleert", "hulp: casuskit controleert"),
    }
    for path, (message, hint) in cases.items():
        result = run(casus_ws, "check", path)
        assert result.exit_code == 2, path
        assert result.output.startswith(message), result.output
        assert hint in result.output, result.output


def test_id_differing_from_the_file_name_is_a_warning_except_for_kits(casus_ws):
    write(casus_ws, "casussen/buurtapp.yaml", CASUS.format(id="de-buurtapp"))
    assert [(d.code, d.message, f"{d.location.line}:{d.location.column}", d.hint)
            for d in check_workspace(casus_ws).diagnostics] == [(
        "id-niet-bestandsnaam", "de id `de-buurtapp` is niet gelijk aan de bestandsnaam `buurtapp.yaml`", "1:5",
        "Noem het bestand `de-buurtapp.yaml`, of maak de id `buurtapp`; zo vindt iedereen de casus terug aan "
        "zijn naam.")]
    kits = check_workspace(REPO).workspace.of("kit")
    assert any(entry.doc.path.stem != kit_id for kit_id, entry in kits.items())  # and no warning there
