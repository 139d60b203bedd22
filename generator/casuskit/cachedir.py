"""Where casuskit keeps what it can compute again: kept table divisions, measured fonts,
prepared reference documents.

``$CASUSKIT_CACHE`` (``uit`` turns the cache off), else ``$XDG_CACHE_HOME/casuskit``, else
``~/.cache/casuskit``. Everything in it can be deleted at any time; a cache that cannot be read
or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path


def folder(name: str) -> Path | None:
    """The cache folder ``name`` (not created), or None when the cache is off."""
    chosen = os.environ.get("CASUSKIT_CACHE", "").strip()
    if chosen.lower() in ("uit", "0", "off", "no"):
        return None
    if chosen:
        return Path(chosen) / name
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "casuskit" / name


def keep(path: Path, data: bytes) -> None:
    """Write a cache file: to a temporary name first and then renamed, so that two builds at
    once never read half of one; quietly nothing when it cannot be written."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError:
        try:
            temp.unlink()
        except OSError:
            pass


@lru_cache(maxsize=None)
def code_digest(files: tuple[Path, ...], package: str) -> str:
    """A digest of casuskit's version, Python's, the source ``files`` and the installed version
    of ``package``: what a cache entry made by that code is kept under, so that any change to
    them makes it again."""
    import casuskit
    from importlib import metadata
    digest = hashlib.sha256(f"{casuskit.__version__}|{sys.version}".encode())
    for path in files:
        digest.update(path.read_bytes())
    try:
        digest.update(metadata.version(package).encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - every package named is a dependency
        pass
    return digest.hexdigest()


@lru_cache(maxsize=8)
def private(where: Path) -> bool:
    """True when ``where`` (made now if missing) belongs to this user and only this user can
    write to it and to the cache folder above it: what is read back from there ends up in
    documents, or runs as template code, so a folder others can write to is not read."""
    if not hasattr(os, "getuid"):  # Windows: a user's profile folder is their own
        return True
    try:
        where.mkdir(parents=True, exist_ok=True)
        found = [os.stat(folder) for folder in (where, where.parent)]
    except OSError:
        return False
    return all(st.st_uid == os.getuid() and not st.st_mode & 0o022 for st in found)
