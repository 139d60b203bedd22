"""Compiled templates kept between runs.

Jinja compiles every template and casus text to Python code before rendering it: about 1.5 ms
each, some 80 ms of every cold build of the example project. The code is a pure function of
the source and of the compiler (Jinja's version, casuskit's sandbox, the names of the filters
and tests the environment offers), so it is kept under a digest of all of those in the folder
``sjablonen`` of :mod:`casuskit.cachedir` and read back with :mod:`marshal`. Only what compiled
is kept: a template with a mistake, or one that breaks a limit while compiling, is compiled
(and refused) every time; a file that cannot be read back is compiled again. The code read back
runs as the template would, so it is only read from a folder of this user's that no one else
can write to (:func:`casuskit.cachedir.private`; the default, ``~/.cache/casuskit``, is one);
with a shared ``CASUSKIT_CACHE`` every template is compiled.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from types import CodeType
from typing import Callable

from casuskit import cachedir

FOLDER = "sjablonen"


def _compiler_digest() -> str:
    here = Path(__file__).resolve().parent
    return cachedir.code_digest((here / "sandbox.py", here / "templatecache.py"), "jinja2")


def compiled(environment, source: str, name: str | None, filename: str | None, defer_init: bool,
             compile_: Callable[[], CodeType]) -> CodeType:
    """The code ``compile_()`` makes of ``source``, kept or made now (and kept)."""
    where = cachedir.folder(FOLDER)
    if where is None or not cachedir.private(where):
        return compile_()
    offered = "|".join(sorted(environment.filters)) + "||" + "|".join(sorted(environment.tests))
    key = hashlib.sha256("\0".join((_compiler_digest(), type(environment).__qualname__, offered,
                                    str(name), str(filename), str(defer_init), source)).encode()).hexdigest()
    path = where / key[:2] / f"{key}.code"
    try:
        code = marshal.loads(path.read_bytes())
        if isinstance(code, CodeType):
            return code
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = compile_()
    cachedir.keep(path, marshal.dumps(code))
    return code
