"""`casuskit build KIT` builds a kit whose own inputs are valid, even when another file has
errors; those errors are shown, and a full build still refuses."""

from __future__ import annotations

from casuskit.check import blocking_errors, check_workspace
from conftest import run

UNKNOWN_ROLE = ("Ruud Kramer,Politie,wijkagent,,", "Ruud Kramer,Politie,boswachter,,")


def _break_noord_round_1_list(root):
    path = root / "deelnemers/hhw-noord-ronde-1.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(*UNKNOWN_ROLE), encoding="utf-8")


def test_an_unknown_role_in_one_kits_list_does_not_stop_another_kit(listed):
    _break_noord_round_1_list(listed)
    result = run(listed, "build", "hhw-zuid-ronde-1")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("fout[onbekende-rol]: `boswachter` is geen bekende rol\n"
                                    "  --> deelnemers/hhw-noord-ronde-1.csv:")
    assert ("Deze fouten horen niet bij de gevraagde kits; die zijn wel gebouwd. Een volledige "
            "`casuskit build` lukt pas als ze opgelost zijn.\n\nGebouwd: 1 kit,") in result.output
    assert (listed / "output/heerhugowaard/zuid/ronde-1/draaiboek.docx").is_file()


def test_a_full_build_and_the_kits_made_from_the_file_still_refuse(listed):
    _break_noord_round_1_list(listed)
    for args in ((), ("hhw-noord-ronde-1",), ("hhw-noord-ronde-2",)):  # round 2 seats by round 1's list
        result = run(listed, "build", *args)
        assert result.exit_code == 1, args
        assert "Er is niets gebouwd: los eerst de fouten hierboven op" in result.output
    assert not (listed / "output").exists()


def test_after_a_partial_build_a_full_build_checks_again(listed):
    _break_noord_round_1_list(listed)
    assert run(listed, "build", "hhw-zuid-ronde-1").exit_code == 0
    assert run(listed, "build").exit_code == 1  # the manifest did not record a clean check


def test_which_errors_block_which_kits(ws):
    casus = ws / "casussen/zuid/twee-huizen.yaml"  # only in the Zuid kits
    casus.write_text(casus.read_text(encoding="utf-8").replace("titel:", "titell:", 1), encoding="utf-8")
    checked = check_workspace(ws)
    users = sorted(k for k, e in checked.workspace.of("kit").items() if "twee-huizen" in e.model.casussen)
    assert users and all(blocking_errors(checked, (kit,)) == checked.errors for kit in users)
    assert blocking_errors(checked, ("hhw-noord-ronde-1",)) == []
    assert blocking_errors(checked, ()) == checked.errors
