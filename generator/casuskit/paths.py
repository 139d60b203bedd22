"""Paths as the user sees them: relative to the project folder, with forward slashes."""

from __future__ import annotations

from pathlib import Path


def relative(root: Path, path: Path) -> str | None:
    """``path`` relative to ``root`` ('casussen/x.yaml'), or None when it lies outside."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return None


def shown(root: Path, path: Path) -> str:
    """``path`` as a message shows it: relative to ``root`` if it lies inside, else as given."""
    found = relative(root, path)
    return found if found is not None else Path(path).as_posix()
