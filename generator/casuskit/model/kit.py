"""The kit: one meeting (project × buurt × ronde × werkvorm × casussen) and its details."""

from __future__ import annotations

from casuskit.model.paper import CardSheet
from casuskit.model.types import Count, Date, Id, Model, Text, Time, choice, count, field

CardSize = choice("a6", "a7", "a8")
BackMode = choice("geen", "duplex-lange-zijde", "duplex-korte-zijde")
RESERVE_HELP = ("Extra exemplaren voor wie onverwacht aanschuift: zoveel extra van elke hand-out, "
                "elk evaluatieformulier en elk werkblad per deelnemer, en zoveel blanco "
                "naambordjes. De printlijst toont ze apart.")


class Guest(Model):
    name: Text = field("naam", "Naam zoals die op het naambordje en de tafelkaart komt.")
    role: Text = field("rol", "Wie de gast is, bijv. buurtbewoner; een beroep dat casuskit kent "
                              "krijgt de kleur van die rol.", "buurtbewoner")
    function: Text | None = field("functie", "Extra woorden bij de rol op het naambordje, bijv. "
                                             "'vrijwilliger koffieochtend'.", None)
    organisation: Text | None = field("organisatie", "Organisatie of vereniging, als die er is.", None)
    table: count(1) | None = field("tafel", "Aan welke tafel de gast zit (1, 2 …). Laat weg: de "
                                            "eerste gast aan tafel 1, de volgende aan tafel 2, "
                                            "enzovoort.", None)


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
    participants: count(1) = field("deelnemers", "Verwacht aantal deelnemers (zonder de gasten).")
    guests: list[Guest] = field(
        "gasten", "Wie verder aan tafel zit maar niet meetelt bij de deelnemers, zoals de bewoner "
                  "aan tafel: krijgt een naambordje en een plek op de tafelkaart.", [])
    groups: count(1) = field("groepen", "In hoeveel groepen of tafels er gewerkt wordt.", 1)
    casussen: list[Id] = field("casussen", "Id's van de casussen die besproken worden.", [])
    roles: list[Id] = field("rollen", "Id's van rolkaarten (map rollen/) voor deze bijeenkomst; "
                                     "nodig als de werkvorm rolkaarten heeft.", [])
    card_size: CardSize | None = field("kaartformaat", "a6, a7 of a8; anders de standaard van het project.", None)
    back_mode: BackMode | None = field("achterkant", "geen, duplex-lange-zijde of duplex-korte-zijde.", None)
    card_sheet: CardSheet | None = field("kaartvel", "kantoorprinter of drukkerij; anders de "
                                                    "standaard van het project.", None)
    note: Text | None = field("opmerking", "Vrije notitie voor de gespreksleider.", None)
    reserve: count(0, 50) | None = field("reserve", RESERVE_HELP + " Anders de standaard van het "
                                                       "project.", None)
    seating: Seating = field(
        "tafelindeling", "Hoe casuskit de deelnemers over de tafels verdeelt; alleen als er een "
                         "deelnemerslijst deelnemers/<kit-id>.csv is.", Seating())

    @property
    def round_label(self) -> str:
        return f"ronde {self.round}" if self.round is not None else (self.session or self.id)
