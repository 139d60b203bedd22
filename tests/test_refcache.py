"""References read and prepared before are kept between builds (casuskit.word.refcache) and
come back exactly as they were made, without python-docx."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casuskit import word
from casuskit.word import reference as ref
from casuskit.word import refcache

from huisstijlen import green_with_logo

VARIANTS = [(None, "text"), (None, "blank"), (word.PageLayout((7.0, 8.0, 7.0, 8.0), 0, 0), "none"),
            (word.PageLayout((5.0,) * 4, header_mm=4, footer_mm=4, landscape=True), "text")]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CASUSKIT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / refcache.FOLDER


@pytest.mark.parametrize("style", ["standaard", "groen met logo"])
def test_a_kept_reference_is_the_reference_made_again(style, cache, tmp_path):
    data = (word.default_reference_bytes() if style == "standaard"
            else green_with_logo(tmp_path / "groen.docx").read_bytes())
    for made_before in cache.glob("*.json"):  # making the green style read the shipped one
        made_before.unlink()
    first = ref.Reference(data, "huisstijl.docx")
    made = [first.prepared(layout, header) for layout, header in VARIANTS]
    assert len(list(cache.glob("*.json"))) == 1 + len(VARIANTS)  # the styles, and each variant
    again = ref.Reference(data, "huisstijl.docx")  # read back from the cache
    assert [again.prepared(layout, header) for layout, header in VARIANTS] == made
    assert [ref._prepare(data, None, layout, header) for layout, header in VARIANTS] == made
    for name in ("Normal", "heading 1", "List Bullet", "Header"):
        assert again.styles.style_id(name) == first.styles.style_id(name)
        assert again.styles.look(name) == first.styles.look(name)


def test_a_damaged_or_foreign_cache_file_is_made_again(cache):
    data = word.default_reference_bytes()
    expected = ref.Reference(data).prepared(None, "text")
    for damage in (b"{niet af", b"[]", b'{"members": 3}', b'{"xml": "@@@", "thema": {}}',
                   b'{"xml": "PGJyb2tlbg==", "thema": {}}'):  # <broken
        for path in cache.glob("*.json"):
            path.write_bytes(damage)
        again = ref.Reference(data)
        assert again.prepared(None, "text") == expected
        assert again.styles.style_id("heading 1") is not None


def test_off_keeps_nothing(cache, monkeypatch):
    monkeypatch.setenv("CASUSKIT_CACHE", "uit")
    ref.Reference(word.default_reference_bytes()).prepared(None, "text")
    assert not cache.exists()


def test_the_second_build_does_not_load_python_docx(ws, cache):
    script = ("import sys\nfrom pathlib import Path\nfrom casuskit.build import build\n"
              f"build(Path({str(ws)!r}), force=True)\n"
              "print('docx' in sys.modules)\n")
    shown = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
             for _ in range(2)]
    assert [run.returncode for run in shown] == [0, 0], shown[0].stderr + shown[1].stderr
    assert [run.stdout.strip() for run in shown] == ["True", "False"]


def test_a_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("CASUSKIT_CACHE", str(shared))
    expected = ref._prepare(word.default_reference_bytes(), None, None, "text")
    assert ref.Reference(word.default_reference_bytes()).prepared(None, "text") == expected
    assert not list(shared.rglob("*.json"))
