"""Compiled templates are kept between runs (casuskit.templatecache): what comes back renders
as a template compiled now, within the same limits, and nothing that failed is kept."""

from __future__ import annotations

import jinja2
import pytest
from jinja2 import StrictUndefined, TemplateAssertionError, TemplateSyntaxError

from casuskit import sandbox, templatecache

CONTEXT = {"buurt": {"naam": "Noord", "soort": "wijk"}, "kit": {"ronde": "ronde 2"}, "x": 3}
TEXTS = [("{{ 'Ronde' if kit.ronde.startswith('ronde ') else 'Bijeenkomst' }}", "Ronde"),
         ("{{ buurt.soort | capitalize }}{{ ' (' ~ buurt.naam ~ ')' }}", "Wijk (Noord)"),
         ("{% for i in range(x) %}{{ i }}{% endfor %}", "012")]


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.setenv("CASUSKIT_CACHE", str(tmp_path))
    return lambda: sorted((tmp_path / templatecache.FOLDER).rglob("*.code"))


def fresh(*filters: str) -> sandbox.LimitedSandbox:
    env = sandbox.LimitedSandbox(undefined=StrictUndefined)
    for name in filters:
        env.add_filter(name, lambda value: f"<{value}>")
    return env


def test_a_kept_template_renders_as_one_compiled_now(kept, monkeypatch):
    for text, filled in TEXTS:
        assert sandbox.render(fresh().from_string(text), CONTEXT) == filled
    assert len(kept()) == len(TEXTS)

    def not_again(*_, **__):
        raise AssertionError("compiled again")
    monkeypatch.setattr(jinja2.Environment, "compile", not_again)
    for text, filled in TEXTS:  # new environments: the code comes from the files
        assert sandbox.render(fresh().from_string(text), CONTEXT) == filled


def test_the_limits_hold_for_kept_code(kept):
    bomb = "{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}"
    for _ in range(2):
        with pytest.raises(sandbox.LimitExceeded, match="range"):
            sandbox.render(fresh().from_string(bomb), CONTEXT)
    assert len(kept()) == 1


def test_a_mistake_is_not_kept_and_is_named_every_time(kept):
    for _ in range(2):
        with pytest.raises(TemplateSyntaxError):
            fresh().from_string("{% for i in %}{{ i }}")
    assert kept() == []


def test_code_made_with_a_filter_is_not_given_to_an_environment_without_it(kept):
    assert sandbox.render(fresh("datum").from_string("{{ x|datum }}"), CONTEXT) == "<3>"
    with pytest.raises(TemplateAssertionError, match="datum"):
        fresh().from_string("{{ x|datum }}")


def test_a_damaged_file_is_compiled_again(kept):
    text, filled = TEXTS[0]
    fresh().from_string(text)
    for path in kept():
        path.write_bytes(b"\x00niet af")
    assert sandbox.render(fresh().from_string(text), CONTEXT) == filled


def test_a_folder_others_can_write_to_is_not_read(tmp_path, monkeypatch):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("CASUSKIT_CACHE", str(shared))
    text, filled = TEXTS[0]
    assert sandbox.render(fresh().from_string(text), CONTEXT) == filled
    assert not list(shared.rglob("*.code"))
