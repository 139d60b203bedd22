"""Reference documents read and prepared before, kept between builds.

Reading a reference with python-docx and preparing it for each page layout costs a build about
a tenth of a second, and importing python-docx another 40 ms — every build, for a house style
that seldom changes. What comes out is a pure function of the reference's bytes and of the code
that reads it, so it is kept under a digest of both: the style sheet's XML with the theme
fonts, and each prepared package (JSON, parts as base64). A build with an unchanged house style
reads them back without python-docx. Only what was read successfully is kept; anything that
cannot be read back is made again.

Where: the folder ``referenties`` of :mod:`casuskit.cachedir` (``CASUSKIT_CACHE=uit`` turns
it off); what is kept there ends up in documents, so it is only used in a folder that no one
but this user can write to (:func:`casuskit.cachedir.private`).
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from casuskit import cachedir

FOLDER = "referenties"
_CODE = ("reference.py", "package.py", "styles.py", "units.py", "refcache.py")


def _code_digest() -> str:
    """The code that reads and prepares a reference, and python-docx (it writes the parts)."""
    here = Path(__file__).resolve().parent
    return cachedir.code_digest(tuple(here / name for name in _CODE), "python-docx")


def _path(reference_digest: str, what: object) -> Path | None:
    where = cachedir.folder(FOLDER)
    if where is None or not cachedir.private(where):
        return None
    key = hashlib.sha256(f"{_code_digest()}|{reference_digest}|{what!r}".encode()).hexdigest()
    return where / f"{key}.json"


def load(reference_digest: str, what: object) -> dict | None:
    """What was kept for ``what`` (any value with a stable repr) of this reference, or None."""
    path = _path(reference_digest, what)
    if path is None:
        return None
    try:
        found = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def store(reference_digest: str, what: object, data: dict) -> None:
    """Keep ``data`` (JSON-able) for ``what`` of this reference; quietly not when it fails."""
    path = _path(reference_digest, what)
    if path is None:
        return
    cachedir.keep(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def encode_bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def decode_bytes(value: str) -> bytes:
    return base64.b64decode(value.encode("ascii"), validate=True)
