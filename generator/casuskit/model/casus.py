"""The casus: one fictional case, as co-written by professionals.

Fields marked "alleen gespreksleider" never appear in participant hand-outs; the renderers rely
on :data:`FACILITATOR_ONLY` for that.
"""

from __future__ import annotations

from casuskit.model.types import Count, Id, Model, Text, choice, field

Status = choice("concept", "review", "definitief")
DilemmaKind = choice("privacy", "meldcode", "mandaat", "anders")

# Python attribute names of Casus fields that participants must never see.
FACILITATOR_ONLY = ("actions", "tips", "debrief", "phases", "dilemmas", "goal", "perspectives")


class Author(Model):
    name: Text = field("naam", "Naam van de (mede)schrijver.")
    role: Text = field("rol", "Beroep of rol van de schrijver, bijv. wijkverpleegkundige, "
                              "opbouwwerker, wijkagent, Jeugd & Gezinscoach.")


class Person(Model):
    name: Text = field("naam", "Fictieve naam van de persoon in het verhaal.")
    age: Count | None = field("leeftijd", "Leeftijd in jaren (alleen het getal).", None)
    role: Text = field("rol", "Wie deze persoon is in het verhaal, bijv. 'moeder', 'buurman'.")


# A perspective speaks in the professional's own voice: its rolkaart says "Ik zie: …", so a
# text about the professional is in the first person.
class Perspective(Model):
    profession: Text = field("beroep", "Het beroep vanuit wiens blik dit perspectief geschreven is.")
    sees: Text | None = field("ziet", "Wat deze professional ziet of opmerkt; over zichzelf in de "
                                      "ik-vorm ('Bij een huisbezoek zie ik …').", None)
    knows: Text | None = field("weet", "Wat deze professional weet (uit dossier, contact, netwerk), "
                                       "in de ik-vorm.", None)
    may_share: Text | None = field("mag_delen", "Wat deze professional mag delen, en met wie (ik-vorm).", None)
    may_not_share: Text | None = field("mag_niet_delen", "Wat deze professional niet mag delen, en "
                                                         "waarom (ik-vorm).", None)
    signals: list[Text] = field("signalen", "Korte signalen voor de signaalkaarten (één zin per signaal).", [])


class Phase(Model):
    title: Text = field("titel", "Korte titel van de fase, bijv. 'Drie weken later'.")
    text: Text = field("tekst", "Wat de groep in deze fase te horen krijgt.")
    questions: list[Text] = field("vragen", "Vragen die bij deze fase horen.", [])


# what a dilemma of each kind is about, as its card title and the draaiboek say it
DILEMMA_SUBJECTS = {"privacy": "privacy (AVG)", "meldcode": "meldcode", "mandaat": "mandaat"}


class Dilemma(Model):
    kind: DilemmaKind = field("soort", "privacy (AVG), meldcode, mandaat of anders.")
    topic: Text | None = field(
        "onderwerp", "Waar het dilemma over gaat, in een paar woorden, bijv. 'eigen regie' of "
                     "'straatapp' (komt op de kaart). Nodig bij soort anders; anders is het de soort.",
        None)
    question: Text = field("vraag", "Het dilemma als vraag, bijv. 'Mag de wijkagent dit doorgeven?'.")
    explanation: Text | None = field("toelichting", "Achtergrond voor de gespreksleider: wat de "
                                                    "regels zeggen en waar de afweging zit.", None)

    @property
    def subject(self) -> str | None:
        """What the dilemma is about ('privacy (AVG)', 'straatapp'), or None when unknown."""
        return self.topic or DILEMMA_SUBJECTS.get(self.kind)


class ActionSet(Model):
    profession: Text = field("beroep", "Het beroep dat deze acties kan ondernemen.")
    actions: list[Text] = field("acties", "Mogelijke acties van dit beroep.", min_length=1)


class SourceRef(Model):
    title: Text = field("titel", "Titel van de bron.")
    url: Text | None = field("url", "Webadres van de bron (optioneel).", None)
    note: Text | None = field("toelichting", "Waarom deze bron nuttig is.", None)


class Casus(Model):
    """Een fictieve casus voor een buurtoverleg."""

    id: Id = field("id", "Unieke naam van de casus: kleine letters, cijfers en streepjes.")
    title: Text = field("titel", "Titel van de casus zoals deelnemers die zien.")
    status: Status = field("status", "Hoe ver de casus is: concept, review of definitief.", "concept")
    themes: list[Text] = field("themas", "Thema's, bijv. eenzaamheid, schulden, overlast.", [])
    neighbourhoods: list[Id] = field(
        "buurten", "Voor welke buurten of gebieden deze casus geschreven is (id's). "
                   "Laat weg voor een algemene casus die in elke buurt past.", [])
    authors: list[Author] = field("auteurs", "Wie de casus schreven, met hun rol.", [])
    summary: Text = field("samenvatting", "Eén of twee zinnen: waar gaat deze casus over? "
                                          "(voor het draaiboek)")
    goal: Text | None = field("doel", "Wat deelnemers van deze casus moeten leren (alleen gespreksleider).", None)
    situation: Text = field("situatie", "De beginsituatie zoals deelnemers die op de hand-out lezen. "
                                        "Mag variabelen gebruiken, bijv. {{ buurt.naam }}.")
    persons: list[Person] = field("personen", "De (fictieve) personen in het verhaal.", [])
    perspectives: list[Perspective] = field(
        "perspectieven", "Per beroep: wat ziet, weet en mag deze professional delen.", [])
    phases: list[Phase] = field("fasen", "Informatie die later in het gesprek vrijkomt, per fase.", [])
    dilemmas: list[Dilemma] = field("dilemmas", "Dilemma's over privacy (AVG), meldcode of mandaat.", [])
    questions: list[Text] = field("vragen", "Gespreksvragen voor de deelnemers.", [])
    actions: list[ActionSet] = field("acties", "Mogelijke acties per beroep (alleen gespreksleider).", [])
    tips: list[Text] = field("tips", "Tips voor de gespreksleider.", [])
    debrief: list[Text] = field("nabespreking", "Vragen voor de nabespreking (alleen gespreksleider).", [])
    sources: list[SourceRef] = field("bronnen", "Bronnen en achtergrond.", [])

    @property
    def is_general(self) -> bool:
        return not self.neighbourhoods
