"""`casuskit check` as a user runs it: output format, exit codes, cross-references, warnings."""

from __future__ import annotations

import re

from casuskit.check import check_workspace

from conftest import REPO, diagnostics, run, write


def test_shipped_examples_are_clean():
    result = run(REPO, "check", "--streng")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Alles in orde:")


def test_output_shows_the_users_line_with_a_caret_and_a_hint(ws):
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: De stille", "titell: De stille"),
                    encoding="utf-8")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert ("fout[onbekend-veld]: onbekend veld `titell`\n"
            "  --> casussen/algemeen/stille-buurman.yaml:3:1\n"
            "   |\n"
            " 3 | titell: De stille buurman\n"
            "   | ^^^^^^\n"
            "  = hulp: Bedoelde u `titel`? Dat veld is verplicht en ontbreekt nu.\n") in result.output
    assert re.search(r"\n1 fout in 1 van \d+ bestanden.$", result.output.rstrip())  # not also "ontbreekt"
    assert "Traceback" not in result.output


def test_all_errors_are_reported_at_once_sorted_by_file_and_line(ws):
    write(ws, "casussen/b.yaml", "id: b\ntitel: T\nsamenvatting: s\nsituatie: s\nstatus: klaar\nthemas: x\n")
    write(ws, "casussen/a.yaml", "id: a\ntitel: T\nsamenvatting: s\n")
    found = diagnostics(ws, errors_only=True)
    assert [d[2] for d in found] == ["casussen/a.yaml:1:1", "casussen/b.yaml:5:9", "casussen/b.yaml:6:9"]
    assert found[1][1] == "`klaar` is geen geldige waarde voor `status`"


def test_unknown_casus_in_a_kit_suggests_the_close_one(ws):
    path = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    path.write_text(path.read_text().replace("- stille-buurman", "- stille-buurmam"))
    from casuskit.check import check_workspace
    found = [d for d in check_workspace(ws).errors]
    assert [(d.message, d.location.line, d.location.column, d.hint) for d in found] == [
        ("er is geen casus met de id `stille-buurmam`", 15, 5, "Bedoelde u `stille-buurman`?")]


def test_programme_running_past_the_planned_end(ws):
    path = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    path.write_text(path.read_text().replace("eindtijd: 11:00", "eindtijd: 10:30"))
    assert diagnostics(ws, errors_only=True) == [(
        "programma-loopt-uit",
        "het programma van `kleine-groepen` duurt 90 minuten en eindigt om 11:00, "
        "30 minuten na de eindtijd 10:30", "kits/heerhugowaard/noord-ronde-2.yaml:9:11")]


def test_kit_buurt_outside_project_and_missing_round(ws):
    write(ws, "buurten/elders.yaml", "id: elders\nnaam: Elders\nbeschrijving: b\n")
    path = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    path.write_text(path.read_text().replace("buurt: noord", "buurt: elders").replace("ronde: 2\n", ""))
    codes = [d[0] for d in diagnostics(ws, errors_only=True)]
    assert codes == ["ronde-ontbreekt", "buurt-niet-in-project"]


def test_duplicate_ids_across_files(ws):
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    write(ws, "casussen/kopie.yaml", path.read_bytes())
    assert diagnostics(ws, errors_only=True) == [(
        "dubbele-id", "de id `stille-buurman` wordt al gebruikt door casussen/algemeen/stille-buurman.yaml",
        "casussen/kopie.yaml:2:5")]


def test_warnings_exit_zero_unless_strict(ws):
    path = ws / "casussen/noord/druk-gezin.yaml"
    text = path.read_text()
    path.write_text(text.replace("  - beroep: wijkagent\n", "  - beroep: wijkagnet\n"))
    result = run(ws, "check")
    assert result.exit_code == 0, result.output
    assert "waarschuwing[onbekend-beroep]: het beroep `wijkagnet` kent casuskit niet" in result.output
    assert "perspectief-ontbreekt" not in result.output  # the typo is the one mistake, not its consequence
    assert run(ws, "check", "--streng").exit_code == 1


def test_fiction_check_points_inside_a_block_text(ws):
    path = ws / "casussen/noord/druk-gezin.yaml"
    text = path.read_text()
    path.write_text(text.replace("Haar vriend is", "Mail: samira@gmail.com. Haar vriend is"))
    found = [d for d in diagnostics(ws) if d[0].startswith("fictie")]
    line = next(i for i, l in enumerate(path.read_text().split("\n"), 1) if "samira@gmail" in l)
    column = path.read_text().split("\n")[line - 1].index("samira@") + 1
    assert found == [("fictie-email", "dit lijkt een echt e-mailadres",
                      f"casussen/noord/druk-gezin.yaml:{line}:{column}")]


def test_paths_limit_the_report_but_references_still_count(ws):
    write(ws, "casussen/kapot.yaml", "id: kapot\n")
    result = run(ws, "check", "kits")
    assert result.exit_code == 0, result.output
    result = run(ws, "check", "casussen/kapot.yaml")
    assert result.exit_code == 1
    assert "casussen/kapot.yaml:1:1" in result.output


def test_usage_errors_exit_2_in_dutch(ws):
    result = run(ws, "check", "bestaat/niet.yaml")
    assert result.exit_code == 2
    assert "fout: het pad `bestaat/niet.yaml` bestaat niet" in result.output
    result = run(ws, "chekc")
    assert result.exit_code == 2
    assert "fout: onbekende opdracht `chekc`. Bedoelde u `check`?" in result.output


def test_no_workspace_found(tmp_path):
    result = run(tmp_path, "check")
    assert result.exit_code == 2
    assert "hier is geen casuskit-map gevonden" in result.output


def test_check_never_rewrites_a_users_file(ws):
    files = sorted(p for p in ws.rglob("*.yaml"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    write(ws, "casussen/fout.yaml", "id: fout\n\ttitel: x\n")
    run(ws, "check")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before


def test_two_kits_in_one_output_folder(ws):
    source = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    write(ws, "kits/kopie.yaml", source.read_text().replace("id: hhw-noord-ronde-2", "id: kopie"))
    assert diagnostics(ws, errors_only=True) == [(
        "zelfde-map", "deze kit komt in dezelfde map als `hhw-noord-ronde-2` "
        "(kits/heerhugowaard/noord-ronde-2.yaml)", "kits/kopie.yaml:5:8")]


def test_more_casussen_than_tables_warns(ws):
    path = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    path.write_text(path.read_text().replace("groepen: 3", "groepen: 2"))
    found = [d for d in diagnostics(ws) if d[0] == "casus-zonder-tafel"]
    assert found == [("casus-zonder-tafel", "de casus `ruzie-over-de-schutting` komt aan geen enkele "
                      "tafel: er zijn 3 casussen en 2 groepen", "kits/heerhugowaard/noord-ronde-2.yaml:17:5")]


def test_a_long_source_line_is_cut_around_the_carets(ws):
    themes = ", ".join(["eenzaamheid", "zelfverwaarlozing", "ouderen"] * 4 + ["{x: 1}"]
                       + ["eenzaamheid", "zelfverwaarlozing", "ouderen"] * 6)
    write(ws, "casussen/lang.yaml", f"id: lang\ntitel: T\nsamenvatting: s\nsituatie: s\n"
                                    f"themas: [{themes}]\n")
    result = run(ws, "check", "casussen/lang.yaml")
    assert result.exit_code == 1
    assert result.output.startswith(
        "fout[geen-tekst]: `themas[13]` moet een tekst zijn, maar hier staat een groep velden\n"
        "  --> casussen/lang.yaml:5:174\n"
        "   |\n"
        " 5 | …id, zelfverwaarlozing, ouderen, {x: 1}, eenzaamheid, zelfverwaarlozing…\n"
        "   |                                  ^^^^^^\n")


def test_source_window_keeps_short_lines_and_cuts_long_ones_at_the_near_end():
    from casuskit.report import source_window
    assert source_window("titel: kort  ", 7, 4) == ("titel: kort  ", 7, 4)
    line = "titel: " + "abcdefghij" * 40  # 407 characters
    assert source_window(line, 0, 5) == (line[:71] + "…", 0, 5)
    assert source_window(line, 405, 2) == ("…" + line[-71:], 70, 2)
    assert source_window(line, 407, 1) == ("…" + line[-70:], 71, 1)  # just past the end
    text, start, width = source_window(line, 7, 400)  # the whole value: carets stop at the edge
    assert (text, start, width) == (line[:71] + "…", 7, 64)
    text, start, width = source_window(line, 107, 300)
    assert (text, start, width) == ("…" + line[99:169] + "…", 9, 62)


def test_a_casus_that_does_not_load_gives_the_kits_using_it_no_second_error(ws):
    path = ws / "casussen/algemeen/stille-buurman.yaml"  # in three kits
    text = path.read_text(encoding="utf-8")
    files = len(check_workspace(ws).workspace.files)
    path.write_text(text.replace("titel: De stille buurman", "titel: Let op: de stille buurman"),
                    encoding="utf-8")  # not YAML any more: only the file name tells its id
    result = run(ws, "check")
    assert result.exit_code == 1
    assert result.output == (
        "fout[dubbele-punt]: hier staat een dubbele punt (:) die YAML als nieuw veld leest\n"
        "  --> casussen/algemeen/stille-buurman.yaml:3:14\n"
        "   |\n"
        " 3 | titel: Let op: de stille buurman\n"
        "   |              ^\n"
        "  = hulp: Zet de hele tekst tussen aanhalingstekens:\n"
        '          titel: "Let op: de stille buurman"\n'
        "\n"
        f"1 fout in 1 van {files} bestanden.\n")


def test_a_casus_with_a_wrong_id_gives_the_kits_using_it_no_second_error(ws):
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    text = path.read_text(encoding="utf-8")
    files = len(check_workspace(ws).workspace.files)
    path.write_text(text.replace("id: stille-buurman", "id: Stille buurman"), encoding="utf-8")
    result = run(ws, "check")
    assert result.exit_code == 1
    assert result.output == (
        "fout[ongeldige-id]: `Stille buurman` is geen geldige id voor `id`\n"
        "  --> casussen/algemeen/stille-buurman.yaml:2:5\n"
        "   |\n"
        " 2 | id: Stille buurman\n"
        "   |     ^^^^^^^^^^^^^^\n"
        "  = hulp: Een id bestaat uit kleine letters, cijfers en streepjes, bijv. `stille-buurman`.\n"
        "\n"
        f"1 fout in 1 van {files} bestanden.\n")


def _broken_copy_used_by_a_kit(ws, *replacements: tuple[str, str]) -> None:
    """casussen/kopie.yaml: the stille buurman as `stille-buurman-2`, broken by ``replacements``,
    and the Noord ronde-2 kit using it."""
    text = (ws / "casussen/algemeen/stille-buurman.yaml").read_text(encoding="utf-8")
    for old, new in replacements:
        text = text.replace(old, new)
    write(ws, "casussen/kopie.yaml", text)
    kit = ws / "kits/heerhugowaard/noord-ronde-2.yaml"
    kit.write_text(kit.read_text().replace("- stille-buurman", "- stille-buurman-2"))


def test_a_broken_casus_is_known_by_its_readable_id_too(ws):
    _broken_copy_used_by_a_kit(ws, ("id: stille-buurman", "id: stille-buurman-2"),
                               ("status: definitief", "status: klaar"))
    assert diagnostics(ws, errors_only=True) == [
        ("geen-keuze", "`klaar` is geen geldige waarde voor `status`", "casussen/kopie.yaml:4:9")]


def test_a_casus_that_is_not_yaml_is_known_by_its_id_line_too(ws):
    _broken_copy_used_by_a_kit(ws, ("id: stille-buurman", 'id: "stille-buurman-2"  # kopie'),
                               ("titel: De stille buurman", "titel: Let op: de stille buurman"))
    assert diagnostics(ws, errors_only=True) == [
        ("dubbele-punt", "hier staat een dubbele punt (:) die YAML als nieuw veld leest",
         "casussen/kopie.yaml:3:14")]


def test_the_installed_command_keeps_its_exit_code_and_output(ws):
    """`casuskit` leaves its process without tearing the interpreter down (cli.run): the
    command's own exit code and all it printed must still arrive through a pipe."""
    import os
    import subprocess
    import sys
    path = ws / "casussen/algemeen/stille-buurman.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: De stille", "titell: De stille"),
                    encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    broken = subprocess.run([sys.executable, "-m", "casuskit", "check"], cwd=ws, env=env,
                            capture_output=True, text=True, timeout=120)
    assert broken.returncode == 1
    assert "fout[onbekend-veld]: onbekend veld `titell`" in broken.stdout + broken.stderr
    assert re.search(r"1 fout in 1 van \d+ bestanden\.\s*$", broken.stdout + broken.stderr)
    called_wrong = subprocess.run([sys.executable, "-m", "casuskit", "chek"], cwd=ws, env=env,
                                  capture_output=True, text=True, timeout=120)
    assert called_wrong.returncode == 2
    assert "Bedoelde u `check`?" in called_wrong.stderr
