"""The werkvorm: a meeting form as data (programme blocks and the documents it needs).

"Bewoner aan tafel", "kleine groepen", "buurtcasus", "de bedoeling", "straataanpak" and
"incidentmethode" are all instances of :class:`Werkvorm`, written in YAML, not code.
"""

from __future__ import annotations

from casuskit.model.evaluation import Statement
from casuskit.model.types import Id, Model, Text, YesNo, choice, count, field

DOCUMENT_KINDS = ("draaiboek", "hand-out", "gesprekskaarten", "werkbladen", "rolkaarten")
DocumentKind = choice(*DOCUMENT_KINDS)
CARD_CATEGORIES = ("vraag", "signaal", "dilemma", "fase", "rol")
CardCategory = choice(*CARD_CATEGORIES)
# what a block can name under `kaarten`, besides the id of one of the werkvorm's own card sets
QUESTION_CARDS, ROLE_CARDS = "vraagkaarten", "rolkaarten"
# cards a werkvorm may have drawn blind: their back then does not tell what is on the front
BLIND_CHOICES = (ROLE_CARDS, *CARD_CATEGORIES)
BlindChoice = choice(*BLIND_CHOICES)


class Block(Model):
    title: Text = field("titel", "Naam van het programmaonderdeel, bijv. 'Welkom en kennismaking'.")
    minutes: count(1, 480) = field("duur", "Duur in minuten (alleen het getal).")
    do: list[Text] = field("doe", "Wat de gespreksleider doet (instructies).", [])
    say: list[Text] = field("zeg", "Wat de gespreksleider ongeveer zegt.", [])
    watch: list[Text] = field("let_op", "Waar de gespreksleider op let.", [])
    materials: list[Text] = field("materialen", "Wat er bij dit onderdeel klaar moet liggen.", [])
    per_casus: YesNo = field("per_casus", "ja als in dit blok de casussen besproken worden; het "
                                          "draaiboek toont dan per casus de fasen en kaarten.", False)
    cards: list[Id] = field(
        "kaarten", "Kaarten die in dit blok op tafel komen, los van een casus: `vraagkaarten` (de "
                   "vraagkaarten van de werkvorm), `rolkaarten`, of de id van een kaartset van de "
                   "werkvorm. Het draaiboek zegt zo bij welk blok, en hoe laat, elke set nodig is.", [])
    evaluation: YesNo = field("evaluatie", "ja als de deelnemers in dit blok het evaluatieformulier "
                                           "invullen (het draaiboek en de printlijst noemen dit blok).",
                              False)


Audience = choice("deelnemer", "groep", "bijeenkomst", "bewoner")


class StreetMap(Model):
    plots: count(2, 20) = field("vakken", "Aantal vakken (huizen of plekken) aan elke kant van "
                                          "de straat.", 12)
    left: Text = field("links", "Naam van de linkerkant, bijv. 'even kant'.", "even kant")
    right: Text = field("rechts", "Naam van de rechterkant.", "oneven kant")
    legend: list[Text] = field("legenda", "Tekens die de groep op de kaart zet, elk met uitleg, "
                                          "bijv. '+ kracht of talent'.", [])


class WorksheetPart(Model):
    title: Text = field("titel", "Kop van dit onderdeel van het werkblad.")
    explanation: Text | None = field("uitleg", "Korte uitleg of opdracht bij dit onderdeel.", None)
    questions: list[Text] = field("vragen", "Vragen die de invuller beantwoordt.", [])
    lines: count(0, 40) = field("regels", "Aantal schrijfregels voor de antwoorden. Past het deel "
                                "dan net niet meer op de bladzijde, dan krijgt het er één minder "
                                "(nooit minder dan 2) in plaats van een eigen bladzijde.", 4)
    street: StreetMap | None = field(
        "straatkaart", "Een lege plattegrond van een straat om op te tekenen: twee rijen vakken "
                       "met de straat ertussen.", None)


class Worksheet(Model):
    id: Id = field("id", "Naam van het werkblad (wordt de bestandsnaam): kleine letters, cijfers en streepjes.")
    title: Text = field("titel", "Titel boven het werkblad.")
    per: Audience = field("per", "Hoeveel exemplaren: één per deelnemer, per groep, per bijeenkomst "
                                 "of voor de bewoner aan tafel.", "groep")
    explanation: Text | None = field("uitleg", "Inleiding bovenaan het werkblad.", None)
    parts: list[WorksheetPart] = field("onderdelen", "De onderdelen van het werkblad.", min_length=1)


class CardText(Model):
    title: Text | None = field("titel", "Kop op de kaart, bijv. 'Zichtbaarheid'.", None)
    text: Text = field("tekst", "De tekst op de kaart.")


class CardSet(Model):
    id: Id = field("id", "Naam van de set (staat in het kaartnummer): kleine letters, cijfers en "
                         "streepjes.")
    name: Text = field("naam", "Naam van de set, bijv. 'Vijf wegen'; staat op de achterkant en in "
                               "het draaiboek.")
    cards: list[CardText] = field("kaarten", "De kaarten van de set, elk met een tekst en "
                                             "eventueel een titel.", min_length=1)


class Werkvorm(Model):
    """Een werkvorm: het programma en de documenten van een soort bijeenkomst."""

    id: Id = field("id", "Unieke naam van de werkvorm: kleine letters, cijfers en streepjes.")
    name: Text = field("naam", "Naam van de werkvorm zoals de gespreksleider die kent.")
    goal: Text = field("doel", "Wat deze werkvorm oplevert voor de samenwerking in de buurt.")
    description: Text | None = field("beschrijving", "Uitleg van de werkvorm voor de gespreksleider.", None)
    documents: list[DocumentKind] = field(
        "documenten", "Welke documenten de kit krijgt: " + ", ".join(DOCUMENT_KINDS) + ".",
        min_length=1)
    card_categories: list[CardCategory] = field(
        "kaarten", "Welke soorten gesprekskaarten: " + ", ".join(CARD_CATEGORIES) + ". "
                   "Laat weg voor alle soorten.", list(CARD_CATEGORIES))
    blocks: list[Block] = field("blokken", "Het programma, blok voor blok.", min_length=1)
    worksheets: list[Worksheet] = field(
        "werkbladen", "Werkbladen van deze werkvorm, bijv. een gespreksleidraad, oogstblad of een "
                      "werkblad per stap (nodig als `werkbladen` bij documenten staat).", [])
    question_cards: list[Text] = field(
        "vraagkaarten", "Vraagkaarten die bij de werkvorm horen, los van een casus "
                        "(komen bij de gesprekskaarten).", [])
    card_sets: list[CardSet] = field(
        "kaartsets", "Meer kaarten van de werkvorm, los van een casus, per set met een naam (bijv. "
                     "'Vijf wegen'). Elke groep krijgt elke set; noem de set bij het blok waarin "
                     "hij gebruikt wordt (`kaarten:` in het blok).", [])
    blind: list[BlindChoice] = field(
        "blind_trekken", "Kaarten die deelnemers blind trekken: hun achterkant verraadt dan niet "
                         "wat erop staat (geen beroep, geen fasenummer). Kies uit: "
                         + ", ".join(BLIND_CHOICES) + ". Laat weg om achterkanten te tonen waarmee "
                         "u kaarten omgekeerd uitdeelt.", [])
    evaluation: list[Text] = field("evaluatie", "Open evaluatievragen aan het eind van de bijeenkomst.", [])
    statements: list[Statement] = field(
        "stellingen", "Stellingen (1–5) op het evaluatieformulier die bij deze werkvorm horen, "
                      "na die van het project.", [])
    table_size: count(2) | None = field("tafelgrootte", "Aantal deelnemers per tafel of groep.", None)

    @property
    def total_minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)
