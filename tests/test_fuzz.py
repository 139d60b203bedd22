"""Property: whatever a writer does to any input file, check answers in Dutch and never crashes.

The mutated file is any file of a small workspace cut from the examples: a project, its three
buurten, a werkvorm, three casussen, a kit, every rol, and the kit's participant list and
evaluation results (CSV), so a mistake anywhere meets everything that reads it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casuskit.check import check_workspace
from casuskit.report import SourceCache, format_diagnostic
from casuskit.textchars import CONTROL
from conftest import INPUT_FOLDERS, REPO

SHIPPED = sorted(p.relative_to(REPO).as_posix() for folder in INPUT_FOLDERS if folder != "schema"
                 for p in (REPO / folder).rglob("*.yaml"))
FUZZED = ["projecten/heerhugowaard.yaml", "buurten/noord.yaml", "buurten/midden.yaml", "buurten/zuid.yaml",
          "werkvormen/kleine-groepen.yaml", "casussen/algemeen/stille-buurman.yaml",
          "casussen/algemeen/la-vol-enveloppen.yaml", "casussen/algemeen/ruzie-over-de-schutting.yaml",
          "kits/heerhugowaard/noord-ronde-2.yaml", *sorted(f for f in SHIPPED if f.startswith("rollen/")),
          "deelnemers/hhw-noord-ronde-2.csv", "evaluaties/hhw-noord-ronde-2.csv"]
SNIPPETS = [b":", b": ", b"\t", b"- ", b"  ", b"'", b'"', b"&a ", b"*a", b"!!int ", b"\xc2\xa0",
            b"\x00", b"\xe9", b"{{ buurt.naam }}", b"{{ onbekend }}", b"\n", b"# ", b"[", b"{",
            b"|", b">", b"---\n", b"%", b"@", b"~", b"null", b"no", b"19:30", b"0123",
            b"2024-02-30", b"\xef\xbb\xbf", b"\r\n", b"\xe2\x80\x8b", b"- - -", b"? ", b"<<: ",
            b",", b";", b'",', b"\x1b", b"\x0c", b"\r", b"\xef\xbf\xbe", b"\xc2\x85", b"\xe2\x80\xa8",
            b"{% for a in range(99999) %}", b"{{ 'x' * 99999999 }}", b"{{ '\\x1b' }}"]

mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.sampled_from(SNIPPETS)),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.integers(1, 40)),
    st.tuples(st.just("dup-line"), st.integers(0, 400), st.just(b"")),
    st.tuples(st.just("indent"), st.integers(0, 400), st.sampled_from([b" ", b"   ", b"- "])),
    st.tuples(st.just("truncate"), st.integers(0, 10_000), st.just(b"")),
    st.tuples(st.just("bytes"), st.integers(0, 10_000), st.binary(min_size=1, max_size=6)),
)


def mutate(data: bytes, steps) -> bytes:
    for op, where, extra in steps:
        at = where % (len(data) + 1)
        if op in ("insert", "bytes"):
            data = data[:at] + extra + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + extra:]
        elif op == "truncate":
            data = data[:at]
        else:
            lines = data.split(b"\n")
            i = where % len(lines)
            lines.insert(i, lines[i] if op == "dup-line" else extra + lines[i])
            data = b"\n".join(lines)
    return data


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for file in FUZZED:
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / file, root / file)
    assert check_workspace(root).errors == []
    return root


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FUZZED), steps=st.lists(mutation, min_size=1, max_size=4))
def test_no_mutation_of_any_input_file_crashes_and_every_error_is_located(small, file, steps):
    target = small / file
    original = target.read_bytes()
    target.write_bytes(mutate(original, steps))
    try:
        result = check_workspace(small)  # loads, validates, cross-checks every file and both CSVs
        sources = SourceCache(small)
        for diagnostic in result.diagnostics:
            assert format_diagnostic(diagnostic, sources)
            if diagnostic.is_error:
                assert diagnostic.location is not None and diagnostic.location.file, diagnostic
        if file.endswith(".csv") and not result.errors:  # its cells go into Word documents
            assert not CONTROL.search(target.read_bytes().decode("utf-8", "replace"))
    finally:
        target.write_bytes(original)


def _load_both(raw: bytes, monkeypatch):
    """``yamlload.loads`` on libyaml and on PyYAML's pure Python parser, as comparable data
    (positions are worked out when asked for: inside the patch, so by the same parser)."""
    from casuskit import yamlcompose, yamlload
    fast = _comparable(yamlload.loads(raw, "casus.yaml"))
    with monkeypatch.context() as patch:
        patch.setattr(yamlcompose, "CParser", None)
        slow = _comparable(yamlload.loads(raw, "casus.yaml"))
    return fast, slow


def _comparable(result):
    document, diagnostics = result
    seen = None if document is None else (document.data, document.positions)
    return seen, [(d.code, d.message, d.location, d.hint) for d in diagnostics]


def test_libyaml_is_present_so_the_fast_path_is_what_runs():
    import yaml
    from casuskit import yamlcompose
    assert yaml.__with_libyaml__ and yamlcompose.CParser is not None


@pytest.mark.parametrize("file", SHIPPED)
def test_libyaml_and_pure_python_read_every_shipped_file_alike(file, monkeypatch):
    fast, slow = _load_both((REPO / file).read_bytes(), monkeypatch)
    assert fast[0] is not None and fast == slow


@settings(max_examples=300, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(SHIPPED), steps=st.lists(mutation, min_size=1, max_size=4))
def test_libyaml_and_pure_python_agree_on_any_mutation(file, steps, monkeypatch):
    """Same data, same positions and the same Dutch diagnostics, whichever parser ran."""
    raw = mutate((REPO / file).read_bytes(), steps)
    fast, slow = _load_both(raw, monkeypatch)
    assert fast == slow
