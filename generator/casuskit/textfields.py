"""Every text value of a loaded YAML file, with the path that locates it."""

from __future__ import annotations

from typing import Iterator


def texts(data, path: tuple = (), skip: frozenset[str] = frozenset()) -> Iterator[tuple[tuple, str]]:
    """(path, text) for every string in ``data``, depth first; values under a key in ``skip``
    are left out."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from texts(item, path + (i,), skip)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from texts(value, path + (key,), skip)
