"""Property: whatever a writer does to a file, check answers in Dutch and never crashes."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import INPUT_FOLDERS, REPO, run

SHIPPED = sorted(p.relative_to(REPO).as_posix() for folder in INPUT_FOLDERS if folder != "schema"
                 for p in (REPO / folder).rglob("*.yaml"))
SNIPPETS = [b":", b": ", b"\t", b"- ", b"  ", b"'", b'"', b"&a ", b"*a", b"!!int ", b"\xc2\xa0",
            b"\x00", b"\xe9", b"{{ buurt.naam }}", b"{{ onbekend }}", b"\n", b"# ", b"[", b"{",
            b"|", b">", b"---\n", b"%", b"@", b"~", b"null", b"no", b"19:30", b"0123",
            b"2024-02-30", b"\xef\xbb\xbf", b"\r\n", b"\xe2\x80\x8b", b"- - -", b"? ", b"<<: "]

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


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(SHIPPED), steps=st.lists(mutation, min_size=1, max_size=4))
def test_no_mutation_ever_ends_in_a_traceback(file, steps):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in INPUT_FOLDERS:
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, root / folder)
        target = root / file
        target.write_bytes(mutate(target.read_bytes(), steps))
        cli = run(root, "check")  # loads, validates, cross-checks and formats every diagnostic
        assert cli.exit_code in (0, 1), cli.output
        assert "Traceback" not in cli.output and "er ging iets mis in casuskit zelf" not in cli.output


def _load_both(raw: bytes, monkeypatch):
    """``yamlload.loads`` on libyaml's events and on PyYAML's pure Python parser."""
    from casuskit import yamlload
    fast = yamlload.loads(raw, "casus.yaml")
    with monkeypatch.context() as patch:
        patch.setattr(yamlload, "CParser", None)
        slow = yamlload.loads(raw, "casus.yaml")
    return fast, slow


def _comparable(result):
    document, diagnostics = result
    seen = None if document is None else (document.data, document.positions)
    return seen, [(d.code, d.message, d.location, d.hint) for d in diagnostics]


def test_libyaml_is_present_so_the_fast_path_is_what_runs():
    import yaml
    from casuskit import yamlload
    assert yaml.__with_libyaml__ and yamlload.CParser is not None


@pytest.mark.parametrize("file", SHIPPED)
def test_libyaml_and_pure_python_read_every_shipped_file_alike(file, monkeypatch):
    fast, slow = _load_both((REPO / file).read_bytes(), monkeypatch)
    assert fast[0] is not None and _comparable(fast) == _comparable(slow)


@settings(max_examples=300, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(SHIPPED), steps=st.lists(mutation, min_size=1, max_size=4))
def test_libyaml_and_pure_python_agree_on_any_mutation(file, steps, monkeypatch):
    """Same data, same positions and the same Dutch diagnostics, whichever parser ran."""
    raw = mutate((REPO / file).read_bytes(), steps)
    fast, slow = _load_both(raw, monkeypatch)
    assert _comparable(fast) == _comparable(slow)
