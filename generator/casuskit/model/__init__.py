"""The domain model: casussen, werkvormen, kits, projects and buurten.

Pure pydantic models with Dutch YAML keys (aliases) and Dutch descriptions; no YAML and no docx
here. :data:`KINDS` maps each workspace folder to the model its files hold.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass

from pydantic import BaseModel

from casuskit.model.casus import Casus
from casuskit.model.kit import Kit
from casuskit.model.project import Buurt, Project
from casuskit.model.rol import Rol
from casuskit.model.types import Model
from casuskit.model.werkvorm import Werkvorm


@dataclass(frozen=True)
class Kind:
    folder: str      # workspace folder holding these files
    name: str        # Dutch singular, as the user says it
    model: type[Model]
    named_by_id: bool = True  # the file is named after its id (kits: no, their ids carry a prefix)


KINDS: tuple[Kind, ...] = (
    Kind("projecten", "project", Project),
    Kind("buurten", "buurt", Buurt),
    Kind("werkvormen", "werkvorm", Werkvorm),
    Kind("casussen", "casus", Casus),
    Kind("rollen", "rol", Rol),
    Kind("kits", "kit", Kit, named_by_id=False),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}


def inner_model(annotation) -> type[BaseModel] | None:
    """The model class inside a field's type (through lists and optionals), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = inner_model(arg)
        if found:
            return found
    return None


def all_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """``model`` and every model nested in its fields, each once, outermost first."""
    found = [model]
    for current in found:
        for info in current.model_fields.values():
            inner = inner_model(info.annotation)
            if inner is not None and inner not in found:
                found.append(inner)
    return found

__all__ = ["Buurt", "Casus", "Kind", "KINDS", "KIND_BY_NAME", "Kit", "Project", "Rol", "Werkvorm",
           "all_models", "inner_model"]
