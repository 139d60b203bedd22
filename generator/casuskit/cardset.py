"""What goes on the discussion cards of a kit: pure data, no layout.

Each casus yields cards in the categories its werkvorm asks for — vraag, signaal (per
profession), dilemma, fase (handed out later) and rol (one per perspective) — numbered per
casus. Every card remembers which YAML value its text came from, so a card that does not fit
can be reported at the writer's own line.
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit.model import professions
from casuskit.dutch import titled

CATEGORY_LABELS = {"vraag": "Vraag", "signaal": "Signaal", "dilemma": "Dilemma", "fase": "Fase",
                   "rol": "Rol"}


@dataclass(frozen=True)
class Card:
    id: str             # printed in a corner: kit, casus and number, for reprinting one card
    category: str       # vraag | signaal | dilemma | fase | rol
    title: str
    text: str
    casus_id: str
    casus_title: str
    source_path: tuple  # YAML path of the text in the casus file, for overflow errors
    back_note: str = ""  # extra line on the back, e.g. "pas omdraaien bij fase 2"
    draft: bool = False  # of a casus with status concept: the band says so

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def band(self) -> str:
        """The words in the front's colour band: the category, and CONCEPT for a draft."""
        return f"{self.label} · concept" if self.draft else self.label


def cards_for(kit_id: str, casus, categories: list[str]) -> list[Card]:
    """The cards of one (personalised) casus, in the werkvorm's category order."""
    raw: list[tuple[str, str, str, tuple, str]] = []  # category, title, text, path, back note
    for category in categories:
        if category == "vraag":
            raw += [("vraag", "Vraag", q, ("vragen", i), "") for i, q in enumerate(casus.questions)]
        elif category == "signaal":
            for i, view in enumerate(casus.perspectives):
                who = professions.label(view.profession)
                raw += [("signaal", f"Signaal · {who}", s, ("perspectieven", i, "signalen", j), "")
                        for j, s in enumerate(view.signals)]
        elif category == "dilemma":
            raw += [("dilemma", titled("Dilemma", d.subject), d.question, ("dilemmas", i, "vraag"), "")
                    for i, d in enumerate(casus.dilemmas)]
        elif category == "fase":
            for i, phase in enumerate(casus.phases):
                text = phase.text + "".join(f"\n• {q}" for q in phase.questions)
                raw.append(("fase", f"Fase {i + 1} · {phase.title}", text, ("fasen", i, "tekst"),
                            f"Pas omdraaien als de gespreksleider fase {i + 1} aankondigt."))
        elif category == "rol":
            for i, view in enumerate(casus.perspectives):
                text = role_text(view)
                if text:
                    raw.append(("rol", f"Rol · {professions.label(view.profession)}", text,
                                ("perspectieven", i), "Alleen voor wie deze rol speelt."))
    return [Card(f"{kit_id} · {casus.id} · {n:02d}", category, title, text, casus.id, casus.title,
                 path, note, casus.status == "concept")
            for n, (category, title, text, path, note) in enumerate(raw, start=1)]


def role_text(view) -> str:
    parts = [("Ik zie", view.sees), ("Ik weet", view.knows), ("Ik mag delen", view.may_share),
             ("Ik mag niet delen", view.may_not_share)]  # the perspective speaks for itself
    return "\n".join(f"{label}: {value}" for label, value in parts if value)
