"""The workspace tests/test_pdf.py builds: a kit per printing case, on top of the examples.

The card workspace of tests/proefkit.py, with card sizes a7 / a6 / a8, duplex over the long
and the short edge, no backs, a printer with a back offset, exact full-bleed cards for a print
shop, a card filled to exactly what fits (at the smallest text size),
one kit with every example casus as a hand-out, and evaluation forms with five and with twelve
open questions. :func:`make_workspace` writes it; the test module builds it once.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from casuskit import cardfit, cardgrid, word
from casuskit.check import check_workspace
from casuskit.render import cards
from casuskit.plan import plan_kit
from casuskit.textrender import Texts
from conftest import write
from proefkit import casus_yaml, kit_yaml, write_workspace

REPO = Path(__file__).resolve().parent.parent

OFFSET = (2.0, -1.5)  # the proef printer: backs 2 mm right and 1.5 mm up, seen from the front
SENTENCE = "Meneer laat de medicijnen van de apotheek al weken liggen en opent de deur niet".split()
PROEF = {  # on top of proefkit: a second project and more werkvormen
    "projecten/proef-printer.yaml": """
        id: proef-printer
        naam: Proefproject met een scheve printer
        organisatie: Gemeente Proefstad
        buurten: [centrum]
        standaard:
          printer:
            achterkant_verschuiving_x_mm: 2
            achterkant_verschuiving_y_mm: -1,5
        """,
    "werkvormen/kaarten-kort.yaml": """
        id: kaarten-kort
        naam: Korte kaarten
        doel: Alleen vragen en signalen.
        documenten: [gesprekskaarten]
        kaarten: [vraag, signaal]
        blokken:
          - titel: Casus bespreken
            duur: 45
            per_casus: ja
        """,
    "werkvormen/alleen-hand-outs.yaml": """
        id: alleen-hand-outs
        naam: Alleen hand-outs
        doel: Elke voorbeeldcasus als hand-out.
        documenten: [draaiboek, hand-out]
        blokken:
          - titel: Casus lezen
            duur: 10
            per_casus: ja
        """,
}
QUESTIONS = [  # like the buurtcasus werkvorm: five open questions, the first over two lines
    "Welke werkvorm hielp u het meest om met andere professionals samen te werken? Bewoner aan "
    "tafel, kleine groepen of de buurtcasus?",
    "Wat doet u sinds deze buurtoverleggen anders in uw werk?",
    "Weet u na deze drie rondes wie u belt als u zich zorgen maakt over een bewoner?",
    "Welke afspraak uit de drie rondes moet blijven, en wie bewaakt die?",
    "Hoe vaak en in welke vorm wilt u in de buurt blijven overleggen?",
]
EVALUATION_KITS = {"pdf-evaluatie-5": 5, "pdf-evaluatie-12": 12}  # kit id → open questions
for _kit_id, _count in EVALUATION_KITS.items():
    PROEF[f"werkvormen/{_kit_id}.yaml"] = f"""
        id: evaluatie-{_count}
        naam: {_count} evaluatievragen
        doel: Een evaluatieformulier met {_count} open vragen.
        documenten: [hand-out]
        blokken:
          - titel: Casus lezen
            duur: 10
            per_casus: ja
        evaluatie:\n""" + "".join(f"          - {q}\n" for q in (QUESTIONS * 3)[:_count])
KITS = {  # kit id → (project, werkvorm, extra lines, casus)
    "pdf-a7": ("proef", "kaarten", "", "kaarttest"),
    "pdf-a6": ("proef", "kaarten", "kaartformaat: a6", "kaarttest"),
    "pdf-a8": ("proef", "kaarten-kort", "kaartformaat: a8", "kaarttest"),
    "pdf-kort": ("proef", "kaarten", "achterkant: duplex-korte-zijde", "kaarttest"),
    "pdf-geen": ("proef", "kaarten", "achterkant: geen", "kaarttest"),
    "pdf-verschoven": ("proef-printer", "kaarten", "", "kaarttest"),
    "pdf-vol": ("proef", "kaarten", "", "kaartvol"),
    "pdf-drukkerij": ("proef", "kaarten", "kaartvel: drukkerij", "kaarttest"),
}
# office sheets (the default) keep 5 mm from the paper's edges; a print shop cuts exact sizes
SIZES = {"pdf-a7": (100, 70.4), "pdf-a6": (100, 140.8), "pdf-a8": (49.5, 70.4),
         "pdf-kort": (100, 70.4), "pdf-geen": (100, 70.4), "pdf-verschoven": (100, 70.4),
         "pdf-vol": (100, 70.4), "pdf-drukkerij": (105, 74)}
EXAMPLES = sorted(p.stem for p in (REPO / "casussen").rglob("*.yaml"))
ID = r"pdf-[a-z0-9]+·kaart[a-z]+·\d\d"


def fitting_words(root: Path) -> int:
    """The most words of SENTENCE (repeated) that card 05 of kaartvol takes and still fits."""
    ws = check_workspace(root).workspace
    ctx = plan_kit(ws, ws.get("kit", "pdf-vol"), Texts(root), None)
    card = next(c for c in cards.card_files(ctx)[0].cards if c.id.endswith("· 05"))
    styles, grid = word.open_reference().styles, cardgrid.grid_for("a7")

    def fits(n):
        return cardfit.overflow_mm(styles, dataclasses.replace(card, text=long_text(n)), grid)[0] <= 0

    n = 1
    while fits(n + 1):
        n += 1
    return n


# kits with the example worksheets: (project, buurt, werkvorm)
WORKSHEET_KITS = {"pdf-werkbladen": ("heerhugowaard", "noord", "bewoner-aan-tafel"),
                  "pdf-bedoeling": ("ooststellingwerf", "appelscha", "de-bedoeling")}


def folder(root: Path, kit_id: str) -> Path:
    if kit_id in WORKSHEET_KITS:
        return root / "output" / "/".join(WORKSHEET_KITS[kit_id][:2]) / kit_id
    project = ("heerhugowaard/noord" if kit_id == "pdf-hand-outs" else "proef/centrum"
               if kit_id in EVALUATION_KITS else f"{KITS[kit_id][0]}/centrum")
    return root / "output" / project / kit_id


def make_workspace(root: Path) -> int:
    """Write the workspace into ``root``; returns the words card 05 of kaartvol holds."""
    for folder_name in ("projecten", "buurten", "werkvormen", "casussen", "rollen"):
        shutil.copytree(REPO / folder_name, root / folder_name)
    write_workspace(root, kit_id=None)
    for name, text in PROEF.items():
        write(root, name, text)
    write(root, "casussen/test/kaartvol.yaml", casus_yaml("kaartvol", signal="Kort."))
    for kit_id, (project, werkvorm, extra, casus) in KITS.items():
        write(root, f"kits/{kit_id}.yaml", kit_yaml(kit_id, project, werkvorm, extra, [casus]))
    for kit_id, count in EVALUATION_KITS.items():
        write(root, f"kits/{kit_id}.yaml", kit_yaml(kit_id, "proef", f"evaluatie-{count}", "",
                                                    ["kaarttest"]))
    write(root, "kits/pdf-hand-outs.yaml",
          kit_yaml("pdf-hand-outs", "heerhugowaard", "alleen-hand-outs", "", EXAMPLES))
    for kit_id, (project, buurt, werkvorm) in WORKSHEET_KITS.items():
        write(root, f"kits/{kit_id}.yaml",
              f"id: {kit_id}\nproject: {project}\nbuurt: {buurt}\nsessie: {kit_id}\n"
              f"werkvorm: {werkvorm}\ndatum: 2016-11-08\nstarttijd: '09:30'\nlocatie: Buurthuis\n"
              "gespreksleider: Gespreksleider Proef\ndeelnemers: 12\ngroepen: 2\n")
    words = fitting_words(root)
    write(root, "casussen/test/kaartvol.yaml", casus_yaml("kaartvol", signal=long_text(words)))
    return words


def long_text(words: int) -> str:
    return " ".join((SENTENCE * 20)[:words]) + "."
