"""A project's `verplichte_perspectieven`: which professions every casus of the project needs."""

from __future__ import annotations

import shutil

from conftest import diagnostics, run, write

HINT = ("Schrijf per beroep onder `perspectieven` wat deze professional ziet, weet en mag delen; "
        "zo oefent de groep met alle blikken die het project vraagt")


def perspective_warnings(ws):
    from casuskit.check import check_workspace
    return [(d.message, f"{d.location.file}:{d.location.line}", d.hint)
            for d in check_workspace(ws).diagnostics if d.code == "perspectief-ontbreekt"]


def drop_perspective(path, profession: str) -> None:
    """Rename a perspective's profession to one no project requires."""
    text = path.read_text(encoding="utf-8")
    assert text.count(f"  - beroep: {profession}\n") == 2  # the perspective, then the actions
    path.write_text(text.replace(f"  - beroep: {profession}\n", "  - beroep: huisarts\n", 1), encoding="utf-8")


def test_without_the_setting_the_four_are_required_as_before(ws):
    drop_perspective(ws / "casussen/noord/druk-gezin.yaml", "wijkagent")
    assert perspective_warnings(ws) == [(
        "deze casus mist het perspectief van Wijkagent", "casussen/noord/druk-gezin.yaml:52",
        HINT + " (`verplichte_perspectieven` in projecten/heerhugowaard.yaml).")]


def test_ooststellingwerf_requires_its_own_professions(ws):
    casus = ws / "casussen/ooststellingwerf/klaverkamp-trapveld.yaml"
    drop_perspective(casus, "wijkagent")  # not required in Ooststellingwerf
    assert perspective_warnings(ws) == []
    drop_perspective(casus, "woonconsulent")
    result = run(ws, "check", "--streng", "casussen/ooststellingwerf/klaverkamp-trapveld.yaml")
    assert result.exit_code == 1
    assert result.output == (
        "waarschuwing[perspectief-ontbreekt]: deze casus mist het perspectief van Woonconsulent\n"
        "  --> casussen/ooststellingwerf/klaverkamp-trapveld.yaml:54:1\n"
        "    |\n"
        " 54 | perspectieven:\n"
        "    | ^^^^^^^^^^^^^\n"
        f"  = hulp: {HINT} (`verplichte_perspectieven` in projecten/ooststellingwerf.yaml).\n"
        "\n"
        "1 waarschuwing in 1 van 1 bestanden.\n"
        "Met --streng tellen waarschuwingen als fouten.\n")


FOUR = "".join(f"  - beroep: {b}\n    ziet: Iets.\n" for b in (
    "wijkverpleegkundige", "opbouwwerker", "wijkagent", "Jeugd & Gezinscoach"))


def test_a_casus_for_no_project_yet_needs_what_every_project_requires(ws):
    write(ws, "casussen/proef.yaml", "id: proef\ntitel: T\nsamenvatting: s\nsituatie: s\nperspectieven:\n"
          + FOUR)  # the four, no buurten, in no kit
    assert perspective_warnings(ws) == [(
        "deze casus mist het perspectief van Wmo-consulent en Woonconsulent", "casussen/proef.yaml:5",
        HINT + " (`verplichte_perspectieven` in projecten/ooststellingwerf.yaml). Deze casus staat "
        "nog in geen kit en noemt geen `buurten`, dus gelden de eisen van elk project; noem de "
        "buurten waarvoor hij is, dan geldt alleen wat dat project vraagt.")]
    path = ws / "casussen/proef.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: proef\n", "id: proef\nbuurten: [noord]\n"),
                    encoding="utf-8")  # written for Heerhugowaard now
    assert perspective_warnings(ws) == []


def test_an_empty_list_requires_nothing_and_a_misspelling_is_flagged(ws):
    project = ws / "projecten/ooststellingwerf.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("  - Wmo-consulent\n  - woonconsulent\n", "  - Wmo-consulent\n"
                                    "  - woonconsultent\n"), encoding="utf-8")
    found = [d for d in diagnostics(ws) if d[0] in ("onbekend-beroep", "perspectief-ontbreekt")]
    assert found == [("onbekend-beroep", "het beroep `woonconsultent` kent casuskit niet",
                      "projecten/ooststellingwerf.yaml:23:5")]  # and not its consequence in each casus
    project.write_text(text.replace("verplichte_perspectieven:\n  - Wmo-consulent\n  - woonconsulent\n",
                                    "verplichte_perspectieven: []\n"), encoding="utf-8")
    assert perspective_warnings(ws) == []


def test_without_any_project_the_four_are_required(ws):
    shutil.rmtree(ws / "projecten")
    write(ws, "casussen/kaal.yaml", """
        id: kaal
        titel: Kaal
        samenvatting: Een casus zonder perspectieven.
        situatie: Er gebeurt iets in de buurt.
        """)
    assert [w for w in perspective_warnings(ws) if w[1].startswith("casussen/kaal")] == [(
        "deze casus mist het perspectief van Wijkverpleegkundige, Opbouwwerker, Wijkagent en "
        "Jeugd & Gezinscoach", "casussen/kaal.yaml:1", HINT + ".")]
