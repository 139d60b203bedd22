"""Every error and diagnostic type casuskit raises or reports.

A :class:`Diagnostic` is one finding about the user's input (a file, a line, a column, a
Dutch message and a hint). Library code collects diagnostics and raises
:class:`CheckFailed` with all of them at once; the CLI formats them (see
:mod:`casuskit.report`). Other user-facing failures derive from :class:`CasuskitError` and
carry a Dutch message; anything else reaching the CLI is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a user's file; line and column are 1-based, as editors show them."""

    file: str
    line: int = 0
    column: int = 0
    end_column: int | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning about the user's input, with a Dutch message and a fix."""

    severity: str
    code: str
    message: str
    location: Location | None = None
    hint: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    detail: str | None = None  # the parser's own (English) words: shown only with --debug

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self) -> tuple:
        loc = self.location or Location("")
        return (loc.file, loc.line, loc.column, self.severity != ERROR, self.code, self.message)


def error(code: str, message: str, location: Location | None = None,
          hint: str | None = None, notes: tuple[str, ...] = (), detail: str | None = None) -> Diagnostic:
    return Diagnostic(ERROR, code, message, location, hint, tuple(notes), detail)


def warning(code: str, message: str, location: Location | None = None,
            hint: str | None = None, notes: tuple[str, ...] = ()) -> Diagnostic:
    return Diagnostic(WARNING, code, message, location, hint, tuple(notes))


class CasuskitError(Exception):
    """A failure the user can fix; ``str(exc)`` is a complete Dutch sentence."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class CheckFailed(CasuskitError):
    """Input did not validate; carries every diagnostic found, errors and warnings."""

    def __init__(self, diagnostics: list[Diagnostic]):
        errors = sum(1 for d in diagnostics if d.is_error)
        super().__init__(f"{errors} fout(en) in de invoer")
        self.diagnostics = diagnostics


class UsageError(CasuskitError):
    """The command was called wrongly (a path that does not exist, a bad option)."""


class WorkspaceNotFound(UsageError):
    """No casuskit folder (with kits/ or casussen/) above the current directory."""


class OutputError(CasuskitError):
    """Writing output failed: a file locked by Word, a full disk, a path outside output/."""


class BuildFailed(CasuskitError):
    """Rendering found a problem in otherwise valid input (e.g. card text that does not fit)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} probleem/problemen tijdens het bouwen")
        self.diagnostics = diagnostics


class ReferenceDocError(CasuskitError):
    """The reference (huisstijl) document is missing, unreadable or lacks styles."""


class PdfError(CasuskitError):
    """Making PDFs failed: LibreOffice or poppler missing, a conversion that hung or failed.
    The .docx files are written by then; only the PDFs, print pack and preview are missing."""


class ReferenceExistsError(UsageError):
    """The house-style file to write already exists and may not be overwritten."""


class TemplateTextError(CasuskitError):
    """A project's own template (sjablonen/) does not render."""


class StyleError(KeyError):
    """A renderer names a style the reference document lacks (or has with another type): a
    bug in casuskit, since the house style is checked for every style before building."""


class Infeasible(Exception):
    """No table division meets every hard constraint; ``reasons`` are complete Dutch sentences."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons

