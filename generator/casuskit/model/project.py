"""The project (a municipality's or organisation's series of meetings) and its buurten."""

from __future__ import annotations

from casuskit import addressform
from casuskit.model import professions
from casuskit.model.evaluation import ProjectEvaluation
from casuskit.model.kit import RESERVE_HELP, BackMode, CardSize
from casuskit.model.paper import CardSheet, Points
from casuskit.model.printer import Printer
from casuskit.model.types import Id, Model, Text, Time, choice, count, field

Address = choice(*addressform.FORMS)


class Partner(Model):
    name: Text = field("naam", "Naam van de partner of voorziening, bijv. 'Buurthuis De Schakel'.")
    kind: Text | None = field("soort", "Wat voor partner, bijv. welzijn, zorg, school, corporatie.", None)
    offers: Text | None = field("biedt", "Wat deze partner in de buurt doet of biedt.", None)


class Buurt(Model):
    """Een buurt, wijk, dorp of gebied waar bijeenkomsten voor zijn."""

    id: Id = field("id", "Unieke naam van de buurt: kleine letters, cijfers en streepjes.")
    name: Text = field("naam", "Naam van de buurt zoals iedereen die kent.")
    kind: Text = field("soort", "buurt, wijk, dorp of gebied.", "buurt")
    description: Text = field("beschrijving", "Korte schets van de buurt: bewoners, voorzieningen, sfeer.")
    issues: list[Text] = field("vraagstukken", "Wat er in deze buurt speelt.", [])
    partners: list[Partner] = field("partners", "De sociale kaart: partners en voorzieningen.", [])


class Defaults(Model):
    start: Time | None = field("starttijd", "Standaard begintijd van bijeenkomsten.", None)
    facilitator: Text | None = field("gespreksleider", "Standaard gespreksleider.", None)
    card_size: CardSize = field("kaartformaat", "Formaat gesprekskaarten: a6, a7 of a8.", "a7")
    back_mode: BackMode = field("achterkant", "Achterkanten van kaarten: geen, "
                                              "duplex-lange-zijde of duplex-korte-zijde.",
                                "duplex-lange-zijde")
    printer: Printer = field("printer", "De printer van de kaarten: hoeveel mm de achterkant "
                                        "verschoven valt (meet het met kalibratie.docx).", Printer())
    reserve: count(0, 50) = field("reserve", RESERVE_HELP, 0)
    card_sheet: CardSheet = field(
        "kaartvel", "kantoorprinter: de kaarten blijven binnen de rand die een gewone printer "
        "niet bedrukt (ze worden iets kleiner dan A6/A7/A8); drukkerij: precies A6/A7/A8, tot "
        "aan de rand van het papier, om te laten snijden.", "kantoorprinter")
    card_text_min: Points | None = field(
        "kaarttekst_min_pt", "Kleinste lettergrootte van de tekst op gesprekskaarten en "
        "rolkaarten, in punten. Standaard: de grootte van de stijl Kaart Tekst in de huisstijl "
        "(10 pt).", None)
    card_text_max: Points = field(
        "kaarttekst_max_pt", "Grootste lettergrootte van de kaarttekst, in punten: casuskit "
        "kiest per kaart de grootste maat tussen kaarttekst_min_pt en deze waarbij de tekst "
        "past. Standaard 14.", 14.0)


class Project(Model):
    """Een project: de opdrachtgever, de buurten en de huisstijl van een reeks bijeenkomsten."""

    id: Id = field("id", "Unieke naam van het project: kleine letters, cijfers en streepjes.")
    name: Text = field("naam", "Naam van het project, bijv. 'Buurtoverleggen Heerhugowaard'.")
    organisation: Text = field("organisatie", "Opdrachtgever of organisatie (komt in de documenteigenschappen).")
    organiser: Text | None = field(
        "organisator", "Wie de bijeenkomsten organiseert en de presentielijst bewaart, als dat "
        "een ander is dan de opdrachtgever, bijv. een adviesbureau of welzijnsorganisatie. Komt "
        "op de presentielijst; standaard de organisatie.", None)
    address: Address = field(
        "aanspreekvorm", "Hoe alle teksten de lezer aanspreken: u (formeel) of je (informeel, "
        "jullie voor een groep). Geldt voor het draaiboek, de hand-outs, kaarten en formulieren; "
        "`casuskit check` waarschuwt bij een casus of werkvorm in de andere vorm. Standaard: u.",
        addressform.DEFAULT)
    municipality: Text | None = field("gemeente", "Gemeente waar het project loopt.", None)
    description: Text | None = field("beschrijving", "Doel en achtergrond van het project.", None)
    period: Text | None = field("periode", "Looptijd, bijv. 'september 2016 – januari 2017'.", None)
    neighbourhoods: list[Id] = field("buurten", "Id's van de buurten of gebieden in dit project.", min_length=1)
    house_style: Text | None = field("huisstijl", "Pad naar een eigen huisstijl-document (.docx), "
                                                  "gemaakt met `casuskit huisstijl`.", None)
    required_perspectives: list[Text] = field(
        "verplichte_perspectieven", "Beroepen waarvan elke casus van dit project een perspectief "
        "moet hebben; ontbreekt er een, dan geeft `casuskit check` een waarschuwing. Standaard: "
        "wijkverpleegkundige, opbouwwerker, wijkagent en Jeugd & Gezinscoach. Een lege lijst (`[]`): "
        "geen enkel beroep verplicht.", [professions.label(k) for k in professions.CORE_FOUR])
    evaluation: ProjectEvaluation = field(
        "evaluatie", "Wat het evaluatieformulier bij elke bijeenkomst van dit project vraagt.",
        ProjectEvaluation())
    defaults: Defaults = field("standaard", "Standaardwaarden voor alle kits van dit project.", Defaults())
