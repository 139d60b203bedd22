"""``casuskit check``: load everything, validate, cross-check, and collect every finding.

:func:`check_workspace` never raises for bad input: it returns a :class:`CheckResult` holding
all diagnostics (sorted by file and line) and the workspace with every valid entry, which the
build uses when there are no errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casuskit import crossref, fiction
from casuskit.errors import Diagnostic, warning
from casuskit.workspace import Workspace, load_workspace
from casuskit.yamlload import Document, text_offset_span


@dataclass
class CheckResult:
    workspace: Workspace
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def check_workspace(root: Path, only: set[str] | None = None) -> CheckResult:
    """Check the whole workspace; ``only`` limits the report to these files (display paths)."""
    ws = load_workspace(root)
    found = list(ws.diagnostics)
    found += crossref.check_references(ws)
    found += crossref.check_casus_quality(ws)
    for entries in ws.entries.values():
        for entry in entries.values():
            found += fiction_findings(entry.doc)
    if only is not None:
        found = [d for d in found if d.location is None or d.location.file in only]
    unique = list(dict.fromkeys(found))
    return CheckResult(ws, sorted(unique, key=Diagnostic.sort_key))


def fiction_findings(doc: Document) -> list[Diagnostic]:
    """Warn about real-looking personal data (BSN, IBAN, phone, e-mail, address) in any text."""
    found = []
    for path, text in _texts(doc.data, ()):
        for finding in fiction.scan_text(text):
            found.append(warning(finding.code, finding.message,
                                 text_offset_span(doc, path, finding.start), finding.hint))
    return found


def _texts(data, path: tuple):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _texts(item, path + (i,))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
