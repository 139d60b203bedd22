"""Models that share what is equal, so that thousands of files take little memory.

pydantic gives every model instance its own set of the fields its file filled in (a casus holds
some twenty models: 54,000 sets, 18 MiB at 2,000 kits); :func:`share_field_sets` gives equal
models one read-only set instead. Every file read gives each of its texts its own copy, and
casussen repeat many texts (a buurt's variant of a shared casus, the same author or answer):
:func:`share_strings` keeps one of each.
"""

from __future__ import annotations

from pydantic import BaseModel


class SharedFields(set):
    """The read-only set of filled-in field names that equal models share; changing it is a bug."""

    __slots__ = ()

    def _read_only(self, *_args):
        raise TypeError("a shared set of filled-in fields is read-only")

    add = discard = remove = pop = clear = update = _read_only
    difference_update = intersection_update = symmetric_difference_update = _read_only
    __ior__ = __iand__ = __isub__ = __ixor__ = _read_only

    def __reduce__(self):  # pickled (a spawned worker, the check's child): shared again
        return shared_fields, (tuple(sorted(self)),)

    def __copy__(self) -> set[str]:  # a copy is the copy's own: model_copy(update=…) adds to it
        return set(self)

    def __deepcopy__(self, _memo) -> set[str]:
        return set(self)


_SHARED: dict[frozenset, SharedFields] = {}


def shared_fields(names) -> SharedFields:
    """The one shared set holding ``names``."""
    key = frozenset(names)
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = SharedFields(key)
    return found


def share_field_sets(value) -> None:
    """Give every model in ``value`` (a model, or lists and dicts of them) the shared set of its
    filled-in fields. The models are frozen, so pydantic never adds to the set; it only reads it
    (``model_fields_set``, ``exclude_unset``)."""
    if isinstance(value, BaseModel):
        object.__setattr__(value, "__pydantic_fields_set__", shared_fields(value.__pydantic_fields_set__))
        for inner in value.__dict__.values():
            if isinstance(inner, (BaseModel, list, tuple, dict)):
                share_field_sets(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            if isinstance(inner, (BaseModel, list, tuple, dict)):
                share_field_sets(inner)
    elif isinstance(value, dict):
        for inner in value.values():
            if isinstance(inner, (BaseModel, list, tuple, dict)):
                share_field_sets(inner)


def share_strings(value, strings: dict[str, str]) -> None:
    """Make equal texts in the models one object: ``strings`` maps each text to the one kept.
    Casussen repeat many of their texts (a buurt's variant of a shared casus, the same author
    or answer), and each file read gives every text its own copy."""
    if isinstance(value, BaseModel):
        fields = value.__dict__
        for name, inner in fields.items():
            if type(inner) is str:
                fields[name] = strings.setdefault(inner, inner)
            elif isinstance(inner, (BaseModel, list, dict)):
                share_strings(inner, strings)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            if type(inner) is str:
                value[index] = strings.setdefault(inner, inner)
            elif isinstance(inner, (BaseModel, list, dict)):
                share_strings(inner, strings)
    elif isinstance(value, dict):
        for key, inner in value.items():
            if type(inner) is str:
                value[key] = strings.setdefault(inner, inner)
            elif isinstance(inner, (BaseModel, list, dict)):
                share_strings(inner, strings)
