"""The role card: one professional profile ("Hechter in de buurt"), usable in any kit."""

from __future__ import annotations

from casuskit.model.types import Id, Model, Text, field


class Rol(Model):
    """Een rolkaart: wat een professional doet, signaleert, en mag delen, in de ik-vorm.

    De teksten mogen variabelen gebruiken, zodat de kaart bij elke buurt past:
    {{ buurt.naam }}, {{ buurt.soort }} (buurt, dorp …) en {{ buurt.lidwoord }} (de, het).
    """

    id: Id = field("id", "Unieke naam van de rolkaart: kleine letters, cijfers en streepjes.")
    profession: Text = field("beroep", "Het beroep, bijv. wijkverpleegkundige of jongerenwerker.")
    name: Text | None = field("naam", "Fictieve naam van de professional op de kaart.", None)
    organisation: Text | None = field("organisatie", "Soort organisatie, bijv. 'thuiszorgorganisatie'.", None)
    does: Text = field("doet", "Wat deze professional doet, in de ik-vorm (twee of drie zinnen), bijv. "
                               "'Ik ben het vaste gezicht van de politie in {{ buurt.lidwoord }} "
                               "{{ buurt.soort }}.'")
    signals: list[Text] = field("signaleert", "Wat deze professional kan signaleren.", min_length=1)
    cooperates: list[Text] = field("samenwerken", "Met wie en waarop deze professional kan samenwerken.",
                                   min_length=1)
    may_share: Text = field("mag_delen", "Wat deze professional mag delen, en onder welke voorwaarden "
                                         "(ik-vorm: 'Wat ik zie, zonder namen').")
    may_not_share: Text = field("mag_niet_delen", "Wat deze professional niet mag delen (ik-vorm: "
                                                  "'Wat bewoners mij in vertrouwen vertellen').")
    quote: Text | None = field("citaat", "Een korte uitspraak in de eigen woorden van de professional.", None)
