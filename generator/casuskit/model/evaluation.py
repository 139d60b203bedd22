"""What the evaluation form asks: statements (scored 1 to 5) of a project and of a werkvorm.

A project's statements stand on the form of every meeting of the project, so its meetings can
be compared; a werkvorm adds statements about what that kind of meeting is for (``stellingen``
in the werkvorm) and its open questions (``evaluatie``). A project that tries out several forms
asks, on the form of the last round in each buurt, which of them helped most
(``werkvormvraag``): a tick box per form, so the answers can be counted.
"""

from __future__ import annotations

from casuskit.model.types import Id, Model, Text, field

# CSV columns of evaluaties/<kit-id>.csv that are not statements (see casuskit.evaluation)
RESERVED_KEYS = ("voorkeur", "meegedaan")


class Statement(Model):
    key: Id = field("sleutel", "Korte naam van de stelling: de kolom in evaluaties/<kit-id>.csv. "
                               "Houd hem gelijk als u de tekst herschrijft, dan blijven eerdere "
                               "antwoorden vergelijkbaar.")
    text: Text = field("tekst", "De stelling zoals die op het formulier staat.")


class ProjectEvaluation(Model):
    statements: list[Statement] | None = field(
        "stellingen", "Stellingen op het evaluatieformulier van elke bijeenkomst van dit project "
        "(1 = helemaal oneens … 5 = helemaal eens). Laat weg voor de standaardstellingen over "
        "samenwerken in de buurt; een lege lijst (`[]`): alleen de stellingen van de werkvorm.", None)
    purpose: Text | None = field(
        "waarom", "Eén zin bovenaan het formulier: waarvoor de antwoorden gebruikt worden. Laat "
        "weg voor de standaardzin (de organisator, in de aanspreekvorm van het project).", None)
    compare_question: Text | None = field(
        "werkvormvraag", "Vraag die de werkvormen van het project vergelijkt, bijv. 'Welke vorm "
        "hielp u het meest?'. Staat op het formulier van de laatste ronde in elke buurt, met een "
        "vakje per werkvorm die de buurt had; `casuskit evaluatie` telt de kruisjes. Laat weg als "
        "het project geen werkvormen vergelijkt.", None)
