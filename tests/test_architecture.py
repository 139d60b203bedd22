"""The shape of the code: imports point one way, Word is written in one place.

Every import is counted, at module level or inside a function (only ``if TYPE_CHECKING:``
blocks, which never run, are left out). The graph of casuskit's modules has no cycle; the
lower layers never reach up into the higher ones; python-docx, lxml and raw WordprocessingML
live in ``casuskit.word`` only.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator" / "casuskit"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _runtime_nodes(tree: ast.AST):
    """Every node, except what sits in an ``if TYPE_CHECKING:`` block."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for other in node.orelse:
                yield other
                yield from _runtime_nodes(other)
            continue
        yield node
        yield from _runtime_nodes(node)


def imports_of(name: str) -> set[str]:
    """The casuskit modules ``name`` imports (a package import counts as its __init__)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # a submodule counts as itself; anything else as the module it comes from (a
            # package being initialised is not imported again by its own submodules)
            targets = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES
                       else node.module for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def reachable(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in GRAPH[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_import_graph_has_no_cycle():
    cycles = sorted(name for name in GRAPH if name in reachable(name))
    assert cycles == []


@pytest.mark.parametrize("lower,forbidden", [
    ("casuskit.check", ("casuskit.build", "casuskit.render", "casuskit.verify", "casuskit.parallel",
                        "casuskit.word")),
    ("casuskit.plan", ("casuskit.build", "casuskit.render", "casuskit.seating", "casuskit.yamlload",
                       "casuskit.workspace")),
    ("casuskit.render.registry", ("casuskit.build", "casuskit.check", "casuskit.verify",
                                  "casuskit.yamlload", "casuskit.workspace", "casuskit.seating",
                                  "casuskit.parallel")),
    ("casuskit.word", ("casuskit.render", "casuskit.plan", "casuskit.model", "casuskit.check")),
])
def test_lower_layers_never_reach_up(lower, forbidden):
    below = {lower} | reachable(lower)
    if lower == "casuskit.word":  # the package and every module in it
        below = set().union(*({m} | reachable(m) for m in MODULES if m.startswith("casuskit.word")))
    found = sorted(m for m in below if m.startswith(forbidden))
    assert found == [], f"{lower} reaches {found}"


def source_files_outside_word():
    return [p for p in PACKAGE.rglob("*.py") if "word" not in p.relative_to(PACKAGE).parts[:1]]


def test_word_is_written_in_casuskit_word_only():
    offenders = []
    for path in source_files_outside_word():
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(import docx|from docx|import lxml|from lxml)", text, re.M):
            offenders.append(f"{path.name}: imports python-docx or lxml")
        if re.search(r"""["'<]w:[a-zA-Z]""", text):
            offenders.append(f"{path.name}: spells WordprocessingML")
    assert offenders == []


def test_no_class_swaps_and_no_python_docx_private_names():
    private = re.compile(r"\b(PackageWriter|PackageReader|Unmarshaller|PartFactory)\b"
                         r"|(?<!self)\.(_part_cls_for|_blob|_sectPr|_styles_part|_body|_element|_p"
                         r"|_r|_tc|_tbl|_tr|_parent)\b|[\"']_element[\"']")
    offenders = [path.name for path in PACKAGE.rglob("*.py")
                 if "__class__ =" in path.read_text(encoding="utf-8")
                 or private.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
