"""The small card workspace that tests/test_cards.py and tests/pdfkits.py share.

One project (`proef`), one buurt (`centrum`), the werkvorm `kaarten` (discussion cards only) and
the casus `kaarttest`, whose nine cards on a7 fill one sheet and one card of the next: vraag
01-03, signaal 04-06, dilemma 07, fase 08 and rol 09 (the opbouwwerker has no role text).
test_cards renders these cards directly; pdfkits adds kits per printing case and builds PDFs.
"""

from __future__ import annotations

from pathlib import Path

from conftest import write

CASUS_FILE = "casussen/test/kaarttest.yaml"
SIGNAL = "Meneer is zichtbaar afgevallen."  # card 05, the one the overflow tests grow
FILES = {
    "projecten/proef.yaml": """
        id: proef
        naam: Proefproject kaarten
        organisatie: Gemeente Proefstad
        buurten: [centrum]
        standaard:
          kaartformaat: a7
          achterkant: duplex-lange-zijde
        """,
    "buurten/centrum.yaml": """
        id: centrum
        naam: Proefstad Centrum
        beschrijving: Een buurt om mee te proberen.
        """,
    "werkvormen/kaarten.yaml": """
        id: kaarten
        naam: Kaarten op tafel
        doel: Met gesprekskaarten in gesprek.
        documenten: [gesprekskaarten]
        blokken:
          - titel: Casus bespreken
            duur: 45
            per_casus: ja
        """,
}
_CASUS = """
    id: {id}
    titel: De kaarttest
    status: definitief
    samenvatting: Een verzonnen casus om gesprekskaarten mee te proberen.
    situatie: Een oudere bewoner in {{{{ buurt.naam }}}} trekt zich terug.
    perspectieven:
      - beroep: wijkverpleegkundige
        ziet: Meneer is afgevallen.
        weet: Hij krijgt twee keer per week hulp bij het douchen.
        mag_delen: Dat ik me zorgen maak.
        mag_niet_delen: Medische gegevens, zonder toestemming.
        signalen:
          - Medicijnen blijven liggen.
          - {signal}
      - beroep: opbouwwerker
        signalen:
          - Een vaste bezoeker komt niet meer.
    fasen:
      - titel: Twee weken later
        tekst: |
          De buurvrouw belt de gemeente: de brievenbus zit vol en ze heeft meneer al vier
          dagen niet gezien.
        vragen:
          - Wie gaat er nu langs?
    dilemmas:
      - soort: privacy
        vraag: Mag de wijkverpleegkundige dit aan de opbouwwerker vertellen?
        toelichting: Alleen met toestemming van meneer, tenzij er direct gevaar is.
    vragen:
      - Welke signalen ziet u?
      - Wat kunt u doen voordat het misgaat?
      - Wie heeft het beste contact met meneer?
    """


def casus_yaml(casus_id: str = "kaarttest", signal: str = SIGNAL) -> str:
    """The casus `kaarttest` (or a copy under another id), with its second signal replaced."""
    return _CASUS.format(id=casus_id, signal=signal)


def kit_yaml(kit_id: str, project: str = "proef", werkvorm: str = "kaarten", extra: str = "",
             casussen: list[str] | tuple[str, ...] = ("kaarttest",)) -> str:
    """A kit of 12 participants in 2 groups, in buurt centrum (noord for heerhugowaard); the
    session is named after the kit, so every kit gets a folder of its own."""
    listed = "".join(f"\n  - {c}" for c in casussen)
    return (f"id: {kit_id}\nproject: {project}\nbuurt: {'centrum' if project != 'heerhugowaard' else 'noord'}\n"
            f"sessie: {kit_id}\nwerkvorm: {werkvorm}\ndatum: 2016-11-08\nstarttijd: 19:30\n"
            f"locatie: Buurthuis\ngespreksleider: Gespreksleider Proef\ndeelnemers: 12\ngroepen: 2\n"
            f"{extra + chr(10) if extra else ''}casussen:{listed}\n")


def write_workspace(root: Path, kit_id: str | None = "proef-kaarten") -> Path:
    """Project, buurt, werkvorm and casus into ``root``, and a kit of the casus unless
    ``kit_id`` is None."""
    for name, text in FILES.items():
        write(root, name, text)
    write(root, CASUS_FILE, casus_yaml())
    if kit_id:
        write(root, f"kits/{kit_id}.yaml", kit_yaml(kit_id))
    return root
