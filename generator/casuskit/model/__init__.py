"""The domain model: casussen, werkvormen, kits, projects and buurten.

Pure pydantic models with Dutch YAML keys (aliases) and Dutch descriptions; no YAML and no docx
here. :data:`KINDS` maps each workspace folder to the model its files hold.
"""

from __future__ import annotations

from dataclasses import dataclass

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


KINDS: tuple[Kind, ...] = (
    Kind("projecten", "project", Project),
    Kind("buurten", "buurt", Buurt),
    Kind("werkvormen", "werkvorm", Werkvorm),
    Kind("casussen", "casus", Casus),
    Kind("rollen", "rol", Rol),
    Kind("kits", "kit", Kit),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}

__all__ = ["Buurt", "Casus", "Kind", "KINDS", "KIND_BY_NAME", "Kit", "Project", "Rol", "Werkvorm"]
