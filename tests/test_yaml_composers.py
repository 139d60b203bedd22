"""The two ways a YAML file is composed (libyaml's own composer for plain files, the strict
composer for the rest) must give the same data, positions and findings."""

from __future__ import annotations

import pytest

from casuskit import yamlcompose, yamlload

from conftest import REPO

EXAMPLES = sorted(p for folder in ("casussen", "kits", "werkvormen", "projecten", "buurten", "rollen")
                  for p in (REPO / folder).rglob("*.yaml"))


def _both(text: str, monkeypatch):
    """(data, value spans, key spans, findings) composed natively where allowed, and strictly."""
    def read():
        doc, problems = yamlload.loads(text.encode("utf-8"), "f.yaml")
        if doc is None:
            return None, None, None, problems
        return doc.data, doc.positions.values, doc.positions.keys, problems
    native = read()
    with monkeypatch.context() as patch:
        patch.setattr(yamlcompose, "plain_tree", lambda text: False)
        strict = read()
    return native, strict


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_example_composes_the_same_both_ways(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    assert yamlcompose.plain_tree(text if text.endswith("\n") else text + "\n")
    native, strict = _both(text, monkeypatch)
    assert native[0] is not None and native[1]
    assert native == strict


@pytest.mark.parametrize("text", [
    "titel: &a De buurman\n",             # an anchor
    "a: x\nb: *a\n",                      # an alias (and what looks like one)
    "titel: !Belangrijk bericht\n",       # a tag, or a text that starts with !
    "a: [x, {b: [c, {d: e}]}]\n" * 10,    # many flow collections: counted as levels
    "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 20)) + "  " * 20 + "x: y\n",  # deep
])
def test_whatever_could_be_an_anchor_alias_tag_or_too_deep_goes_the_strict_way(text):
    assert not yamlcompose.plain_tree(text)


@pytest.mark.parametrize("text", [
    "id: a\nid: b\n",                                    # a key twice
    "id: a\n---\nid: b\n",                               # two documents
    "themas: [a, b\nid: c\n",                            # a flow list never closed
    "situatie: |\n  Jeugd & Gezin belt.\n  Zegt ze: niks\n",
    "personen:\n  - naam: Bram\n    rol: buurman\n  -naam: Fien\n",
    "a: ~\nb:\nc: null\nd: 'null'\n",
])
def test_mistakes_read_the_same_both_ways(text, monkeypatch):
    native, strict = _both(text, monkeypatch)
    assert native == strict
