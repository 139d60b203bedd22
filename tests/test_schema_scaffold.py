"""Editor support and scaffolding: schemas and reference current, modelines right, `nieuw` works."""

from __future__ import annotations

import json
import re

import pytest

from casuskit.model import KINDS
from casuskit.schema import MODELINE_PREFIX, modeline, reference_markdown, schema_text
from conftest import REPO, diagnostics, run


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_committed_schema_is_current(kind):
    committed = (REPO / "schema" / f"{kind.name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run `casuskit schema` and commit the result"


def test_committed_reference_is_current():
    assert (REPO / "docs/referentie.md").read_text(encoding="utf-8") == reference_markdown()


def test_schema_has_dutch_descriptions_and_no_english_titles():
    schema = json.loads(schema_text(next(k for k in KINDS if k.name == "casus")))
    props = schema["properties"]
    assert props["titel"]["description"] == "Titel van de casus zoals deelnemers die zien."
    assert props["status"]["anyOf"][0]["enum"] == ["concept", "review", "definitief"]  # suggested in the editor
    assert "title" not in props["titel"]
    assert set(schema["required"]) == {"id", "titel", "samenvatting", "situatie"}


def test_every_shipped_yaml_has_a_modeline_to_an_existing_schema():
    for kind in KINDS:
        for path in sorted((REPO / kind.folder).rglob("*.yaml")):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == modeline(REPO, path, kind.name), path
            target = (path.parent / first[len(MODELINE_PREFIX):]).resolve()
            assert target.is_file(), path


@pytest.mark.parametrize("kind", ["casus", "kit", "werkvorm", "buurt", "project", "rol"])
def test_nieuw_scaffolds_a_file_that_passes_check(ws, kind):
    prefix = "heerhugowaard/" if kind == "kit" else ""  # two projects: a kit says whose it is
    result = run(ws, "nieuw", kind, f"{prefix}proef-{kind}")
    assert result.exit_code == 0, result.output
    folder = next(k.folder for k in KINDS if k.name == kind)
    path = ws / folder / f"{prefix}proef-{kind}.yaml"
    assert path.read_text(encoding="utf-8").startswith(modeline(ws, path, kind))
    assert diagnostics(ws, errors_only=True) == []
    again = run(ws, "nieuw", kind, f"{prefix}proef-{kind}")
    assert again.exit_code == 2
    assert "bestaat al" in again.output


def test_nieuw_refuses_a_bad_id(ws):
    result = run(ws, "nieuw", "casus", "Mijn Casus")
    assert result.exit_code == 2
    assert "fout: `Mijn Casus` is geen geldige id" in result.output
    assert "`mijn-casus`" in result.output


def test_nieuw_help_shows_the_id_as_optional_and_without_it_names_the_file_nieuwe_soort(ws):
    help_text = run(ws, "nieuw", "--help").output
    usage = help_text.splitlines()[0]  # the runner calls the program `main`
    assert usage == "Gebruik: main nieuw [OPTIES] {casus|kit|werkvorm|buurt|project|rol} [ID]"
    flowing = " ".join(re.sub(r"-\n\s*", "-", help_text).split())  # as wrapped at any width
    assert "Zonder ID heet het bestand nieuwe-SOORT, bijvoorbeeld casussen/nieuwe-casus.yaml." in flowing
    result = run(ws, "nieuw", "buurt")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gemaakt: buurten/nieuwe-buurt.yaml\n")
    assert "met eventueel een map ervoor (noord/mijn-casus" in flowing
