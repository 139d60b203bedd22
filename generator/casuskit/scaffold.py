"""``casuskit nieuw``: a new YAML file with Dutch guidance comments, ready to fill in.

Templates live in ``templates/nieuw/<soort>.yaml``. A scaffolded file passes ``casuskit check``
as it is (so a writer starts from something that works) and refers to ids that exist in the
workspace where it must (a kit names a real project, buurt and werkvorm). Existing files are
never overwritten.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from string import Template

from casuskit.errors import UsageError
from casuskit.model import KIND_BY_NAME
from casuskit.model.types import SLUG_RE, slugify
from casuskit.schema import modeline
from casuskit.workspace import load_workspace


def scaffold(root: Path, kind_name: str, id_: str | None = None) -> Path:
    kind = KIND_BY_NAME[kind_name]
    id_ = id_ or f"nieuwe-{kind_name}"
    if not SLUG_RE.match(id_):
        raise UsageError(f"`{id_}` is geen geldige id",
                         f"Gebruik kleine letters, cijfers en streepjes, bijv. `{slugify(id_)}`.")
    path = root / kind.folder / f"{id_}.yaml"
    if path.exists():
        raise UsageError(f"{path.relative_to(root)} bestaat al",
                         "Kies een andere id; casuskit overschrijft nooit een bestaand bestand.")
    ws = load_workspace(root)
    values = {
        "id": id_,
        "file": path.relative_to(root).as_posix(),
        "date": (dt.date.today() + dt.timedelta(days=14)).isoformat(),
        "buurten": "\n".join(f"  - {b}" for b in sorted(ws.of("buurt"))[:3]) or "  - mijn-buurt",
        **_kit_defaults(ws),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    values["modeline"] = modeline(root, path, kind_name)
    template = resources.files("casuskit").joinpath("templates", "nieuw", f"{kind_name}.yaml")
    text = Template(template.read_text(encoding="utf-8")).substitute(values)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def _kit_defaults(ws) -> dict[str, str]:
    """Ids for a new kit that fit together: copied from an existing kit when there is one."""
    kits = sorted(ws.of("kit").values(), key=lambda e: e.id)
    if kits:
        kit = next((k.model for k in kits if k.model.casussen), kits[0].model)
        casussen = kit.casussen
        project, buurt, werkvorm = kit.project, kit.neighbourhood, kit.werkvorm
    else:
        project = min(ws.of("project"), default="mijn-project")
        buurt = min(ws.of("buurt"), default="mijn-buurt")
        werkvorm = min(ws.of("werkvorm"), default="mijn-werkvorm")
        casussen = sorted(ws.of("casus"))[:2]
    used = [k.model.round or 0 for k in kits if (k.model.project, k.model.neighbourhood) == (project, buurt)]
    return {"project": project, "buurt": buurt, "werkvorm": werkvorm,
            "ronde": str(max(used, default=0) + 1),  # a new round: never another kit's folder
            "groepen": str(max(2, len(casussen))),
            "casussen": "\n".join(f"  - {c}" for c in casussen) or "  - mijn-casus"}
