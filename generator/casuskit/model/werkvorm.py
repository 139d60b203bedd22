"""The werkvorm: a meeting form as data (programme blocks and the documents it needs).

"Bewoner aan tafel", "kleine groepen", "buurtcasus", "de bedoeling", "straataanpak" and
"incidentmethode" are all instances of :class:`Werkvorm`, written in YAML, not code.
"""

from __future__ import annotations

from casuskit.model.types import Id, Model, Text, YesNo, choice, count, field

DOCUMENT_KINDS = ("draaiboek", "hand-out", "gesprekskaarten", "werkbladen", "rolkaarten")
DocumentKind = choice(*DOCUMENT_KINDS)
CARD_CATEGORIES = ("vraag", "signaal", "dilemma", "fase", "rol")
CardCategory = choice(*CARD_CATEGORIES)


class Block(Model):
    title: Text = field("titel", "Naam van het programmaonderdeel, bijv. 'Welkom en kennismaking'.")
    minutes: count(1, 480) = field("duur", "Duur in minuten (alleen het getal).")
    do: list[Text] = field("doe", "Wat de gespreksleider doet (instructies).", [])
    say: list[Text] = field("zeg", "Wat de gespreksleider ongeveer zegt.", [])
    watch: list[Text] = field("let_op", "Waar de gespreksleider op let.", [])
    materials: list[Text] = field("materialen", "Wat er bij dit onderdeel klaar moet liggen.", [])
    per_casus: YesNo = field("per_casus", "ja als in dit blok de casussen besproken worden; het "
                                          "draaiboek toont dan per casus de fasen en kaarten.", False)


Audience = choice("deelnemer", "groep", "bijeenkomst", "bewoner")


class WorksheetPart(Model):
    title: Text = field("titel", "Kop van dit onderdeel van het werkblad.")
    explanation: Text | None = field("uitleg", "Korte uitleg of opdracht bij dit onderdeel.", None)
    questions: list[Text] = field("vragen", "Vragen die de invuller beantwoordt.", [])
    lines: count(0, 40) = field("regels", "Aantal schrijfregels voor de antwoorden.", 4)


class Worksheet(Model):
    id: Id = field("id", "Naam van het werkblad (wordt de bestandsnaam): kleine letters, cijfers en streepjes.")
    title: Text = field("titel", "Titel boven het werkblad.")
    per: Audience = field("per", "Hoeveel exemplaren: één per deelnemer, per groep, per bijeenkomst "
                                 "of voor de bewoner aan tafel.", "groep")
    explanation: Text | None = field("uitleg", "Inleiding bovenaan het werkblad.", None)
    parts: list[WorksheetPart] = field("onderdelen", "De onderdelen van het werkblad.", min_length=1)


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
    evaluation: list[Text] = field("evaluatie", "Evaluatievragen aan het eind van de bijeenkomst.", [])
    table_size: count(2) | None = field("tafelgrootte", "Aantal deelnemers per tafel of groep.", None)

    @property
    def total_minutes(self) -> int:
        return sum(block.minutes for block in self.blocks)
