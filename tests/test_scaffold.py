"""`casuskit nieuw` builds from the project the writer is in, and a filled-in scaffold passes
`check --streng`."""

from __future__ import annotations

import re

import yaml

from casuskit.model import KIND_BY_NAME, all_models
from casuskit.workspace import load_workspace
from conftest import run

PLACEHOLDER = re.compile(r"(?m)^(\s*(?:- )?(?:[a-z_]+: )?)(?:Wat |Wie |Titel |Uw naam|Verzonnen naam|Beschrijf |"
                         r"Een tip|Naam van |Waar gaat|Korte schets|Met wie )[^\n]*$")


def fill(path):
    """Write real text where the scaffold has its questions and placeholders, and mark the
    casus done, as a writer does (`check --streng` refuses scaffold text and a concept casus)."""
    text = path.read_text(encoding="utf-8").replace("status: concept", "status: definitief")
    path.write_text(PLACEHOLDER.sub(r"\1Ingevuld door de schrijver.", text), encoding="utf-8")


def created(result):
    assert result.exit_code == 0, result.output
    return [line.removeprefix("Gemaakt: ") for line in result.output.splitlines() if line.startswith("Gemaakt: ")]


def test_a_casus_for_a_project_has_its_buurten_and_required_perspectives(ws):
    assert created(run(ws, "nieuw", "casus", "ooststellingwerf/klaverkamp-post")) == [
        "casussen/ooststellingwerf/klaverkamp-post.yaml"]
    path = ws / "casussen/ooststellingwerf/klaverkamp-post.yaml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/casus.schema.json\n")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["buurten"] == ["appelscha", "haulerwijk", "oosterwolde"]
    assert [(p["beroep"], len(p["signalen"])) for p in data["perspectieven"]] == [("Wmo-consulent", 1), ("woonconsulent", 1)]
    assert all(d["toelichting"] for d in data["dilemmas"])  # the checklist asks for one


def test_the_casus_scaffold_names_every_field(ws):
    """Each field is in the scaffold, filled or as a commented example."""
    run(ws, "nieuw", "casus", "heel")
    text = (ws / "casussen/heel.yaml").read_text(encoding="utf-8")
    keys = {m.group(1) for m in re.finditer(r"(?m)^#?\s*(?:- )?([a-z_]+):", text)}
    for model in all_models(KIND_BY_NAME["casus"].model):
        assert {info.alias for info in model.model_fields.values()} <= keys, model.__name__


def test_a_general_casus_needs_what_every_project_requires(ws):
    run(ws, "nieuw", "casus", "algemeen/overal")
    data = yaml.safe_load((ws / "casussen/algemeen/overal.yaml").read_text(encoding="utf-8"))
    assert "buurten" not in data
    assert [p["beroep"] for p in data["perspectieven"]] == [
        "wijkverpleegkundige", "opbouwwerker", "wijkagent", "Jeugd & Gezinscoach", "Wmo-consulent", "woonconsulent"]


def test_the_project_and_folder_come_from_the_current_folder(ws):
    assert created(run(ws / "casussen/noord", "nieuw", "casus", "vanuit-de-map")) == ["vanuit-de-map.yaml"]
    data = yaml.safe_load((ws / "casussen/noord/vanuit-de-map.yaml").read_text(encoding="utf-8"))
    assert data["buurten"] == ["noord"]
    assert created(run(ws / "kits/ooststellingwerf", "nieuw", "kit", "hier")) == ["hier.yaml"]
    assert load_workspace(ws).get("kit", "hier").project == "ooststellingwerf"


def test_a_folder_that_is_no_project_yet_is_accepted(ws):
    assert created(run(ws, "nieuw", "casus", "dijk-en-waard/eerste")) == ["casussen/dijk-en-waard/eerste.yaml"]
    assert run(ws, "check", "casussen/dijk-en-waard/eerste.yaml").exit_code == 0


def test_a_kit_fits_its_project_buurt_round_and_programme(ws):
    created(run(ws, "nieuw", "kit", "ooststellingwerf/osw-oosterwolde-1"))
    kit = load_workspace(ws).get("kit", "osw-oosterwolde-1")
    # the buurt with casussen written for it, the werkvorm the project used last, its first round
    assert (kit.project, kit.neighbourhood, kit.werkvorm, kit.round) == ("ooststellingwerf", "oosterwolde",
                                                                         "straataanpak", 1)
    assert kit.casussen == ["klaverkamp-mantelzorg", "klaverkamp-trapveld"]
    fill(ws / "kits/ooststellingwerf/osw-oosterwolde-1.yaml")  # its locatie, as the writer does
    result = run(ws, "check", "--streng")
    assert result.exit_code == 0, result.output


def test_a_kit_without_a_known_project_asks_which(ws):
    result = run(ws, "nieuw", "kit", "losse-kit")
    assert result.exit_code == 2
    assert result.output == (
        "fout: voor welk project is deze kit? Er zijn meerdere projecten: `heerhugowaard`, `ooststellingwerf`\n"
        "hulp: Zet het project voor de id, bijv. `casuskit nieuw kit heerhugowaard/mijn-kit`, of gebruik "
        "`--project heerhugowaard`.\n")
    created(run(ws, "nieuw", "kit", "losse-kit", "--project", "ooststellingwerf"))
    assert load_workspace(ws).get("kit", "losse-kit").project == "ooststellingwerf"


def test_a_new_project_gets_its_own_buurt_not_another_projects(ws):
    assert created(run(ws, "nieuw", "project", "dijk-en-waard")) == [
        "projecten/dijk-en-waard.yaml", "buurten/dijk-en-waard-buurt.yaml"]
    project = load_workspace(ws).get("project", "dijk-en-waard")
    assert project.neighbourhoods == ["dijk-en-waard-buurt"]
    assert run(ws, "check", "--streng").exit_code == 1  # its example texts are still there
    for path in ("projecten/dijk-en-waard.yaml", "buurten/dijk-en-waard-buurt.yaml"):
        fill(ws / path)
    assert run(ws, "check", "--streng").exit_code == 0


def test_fresh_scaffolds_pass_check_streng_once_filled(ws):
    paths = created(run(ws, "nieuw", "casus", "ooststellingwerf/ingevuld"))
    paths += created(run(ws, "nieuw", "kit", "ooststellingwerf/osw-ingevuld"))
    paths += created(run(ws, "nieuw", "rol", "buurtsportcoach", "--project", "ooststellingwerf"))
    for path in paths:
        fill(ws / path)
    result = run(ws, "check", "--streng")
    assert result.exit_code == 0, result.output
    kit = load_workspace(ws).get("kit", "osw-ingevuld")
    assert "ingevuld" in kit.casussen
