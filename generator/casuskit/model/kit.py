"""The kit: one meeting (project × buurt × ronde × werkvorm × casussen) and its details."""

from __future__ import annotations

from casuskit.model.paper import CardSheet
from casuskit.model.types import Count, Date, Id, Model, Text, Time, choice, count, field

CardSize = choice("a6", "a7", "a8")
BackMode = choice("geen", "duplex-lange-zijde", "duplex-korte-zijde")


class Seating(Model):
    min_roles: count(1, 12) | None = field(
        "rollen_per_tafel", "Minstens zoveel verschillende rollen aan elke tafel. Laat weg voor "
                            "zoveel als er kunnen, tot 3.", None)
    seed: Count = field("zaadje", "Getal dat de indeling vastlegt: hetzelfde getal geeft dezelfde "
                                  "indeling, een ander getal een andere.", 1)


class Kit(Model):
    """Eén bijeenkomst en alles wat daarvoor geprint wordt."""

    id: Id = field("id", "Unieke naam van de kit: kleine letters, cijfers en streepjes.")
    project: Id = field("project", "Id van het project (bestand in projecten/).")
    neighbourhood: Id = field("buurt", "Id van de buurt of het gebied (bestand in buurten/).")
    round: count(1) | None = field("ronde", "Nummer van de ronde (1, 2, 3 …). Gebruik anders 'sessie'.", None)
    session: Text | None = field("sessie", "Naam van de bijeenkomst als er geen rondes zijn.", None)
    werkvorm: Id = field("werkvorm", "Id van de werkvorm (bestand in werkvormen/).")
    date: Date = field("datum", "Datum van de bijeenkomst, bijv. 2016-11-08.")
    start: Time = field("starttijd", "Begintijd, bijv. 19:30.")
    end: Time | None = field("eindtijd", "Geplande eindtijd; het programma mag niet uitlopen.", None)
    location: Text = field("locatie", "Waar de bijeenkomst is.")
    facilitator: Text = field("gespreksleider", "Wie de bijeenkomst leidt.")
    participants: count(1) = field("deelnemers", "Verwacht aantal deelnemers.")
    groups: count(1) = field("groepen", "In hoeveel groepen of tafels er gewerkt wordt.", 1)
    casussen: list[Id] = field("casussen", "Id's van de casussen die besproken worden.", [])
    roles: list[Id] = field("rollen", "Id's van rolkaarten (map rollen/) voor deze bijeenkomst; "
                                     "nodig als de werkvorm rolkaarten heeft.", [])
    card_size: CardSize | None = field("kaartformaat", "a6, a7 of a8; anders de standaard van het project.", None)
    back_mode: BackMode | None = field("achterkant", "geen, duplex-lange-zijde of duplex-korte-zijde.", None)
    card_sheet: CardSheet | None = field("kaartvel", "kantoorprinter of drukkerij; anders de "
                                                    "standaard van het project.", None)
    note: Text | None = field("opmerking", "Vrije notitie voor de gespreksleider.", None)
    seating: Seating = field(
        "tafelindeling", "Hoe casuskit de deelnemers over de tafels verdeelt; alleen als er een "
                         "deelnemerslijst deelnemers/<kit-id>.csv is.", Seating())

    @property
    def round_label(self) -> str:
        return f"ronde {self.round}" if self.round is not None else (self.session or self.id)
