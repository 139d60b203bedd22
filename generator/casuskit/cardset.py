"""What goes on the discussion cards of a kit: pure data, no layout.

Each casus yields cards in the categories its werkvorm asks for — vraag, signaal (per
profession), dilemma, fase (handed out later) and rol (one per perspective) — numbered per
casus; the werkvorm adds its own sets, apart from any casus (:func:`werkvorm_sets`). Every card
remembers which YAML value its text came from, so a card that does not fit can be reported at
the writer's own line, and what its back shows so the facilitator can hand it out face down:
the profession of a signal or role card, the number of a phase, the subject of a dilemma, the name
of a werkvorm's set — nothing for a card the werkvorm has drawn blind (``blind_trekken``).
"""

from __future__ import annotations

from dataclasses import dataclass

from casuskit.dutch import capital, titled
from casuskit.model import professions
from casuskit.model.werkvorm import QUESTION_CARDS

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
    back_title: str = ""  # who or when, on the back: "Wijkverpleegkundige", "Fase 2"
    draft: bool = False  # of a casus with status concept: the band says so

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def back_lines(self) -> list[str]:
        """The large lines on the back: the kind of card, who or when it is for (unless drawn
        blind), and the casus or set it belongs to."""
        if self.back_title.startswith(self.label):  # "Fase 2", not "Fase" over "Fase 2"
            return [self.back_title, self.casus_title]
        return [self.label, *([self.back_title] if self.back_title else []), self.casus_title]

    @property
    def band(self) -> str:
        """The words in the front's colour band: the category, and CONCEPT for a draft."""
        return f"{self.label} · concept" if self.draft else self.label


@dataclass(frozen=True)
class WerkvormSet:
    """Cards of the werkvorm itself, apart from any casus: its question cards or one of its
    ``kaartsets``. ``key`` is what a programme block names under ``kaarten``."""

    key: str
    name: str
    cards: list[Card]


def cards_for(kit_id: str, casus, categories: list[str], blind=()) -> list[Card]:
    """The cards of one (personalised) casus, in the werkvorm's category order; ``blind``: the
    categories whose backs keep quiet about the front."""
    # category, title, text, path, back note, back title
    raw: list[tuple[str, str, str, tuple, str, str]] = []
    for category in categories:
        if category == "vraag":
            raw += [("vraag", "Vraag", q, ("vragen", i), "", "") for i, q in enumerate(casus.questions)]
        elif category == "signaal":
            for i, view in enumerate(casus.perspectives):
                who = professions.label(view.profession)
                raw += [("signaal", f"Signaal · {who}", s, ("perspectieven", i, "signalen", j), "", who)
                        for j, s in enumerate(view.signals)]
        elif category == "dilemma":
            raw += [("dilemma", titled("Dilemma", d.subject), d.question, ("dilemmas", i, "vraag"),
                     "", capital(d.subject) if d.subject else "")
                    for i, d in enumerate(casus.dilemmas)]
        elif category == "fase":
            for i, phase in enumerate(casus.phases):
                text = phase.text + "".join(f"\n• {q}" for q in phase.questions)
                raw.append(("fase", f"Fase {i + 1} · {phase.title}", text, ("fasen", i, "tekst"),
                            f"Pas omdraaien als de gespreksleider fase {i + 1} aankondigt.",
                            f"Fase {i + 1}"))
        elif category == "rol":
            for i, view in enumerate(casus.perspectives):
                text = role_text(view)
                who = professions.label(view.profession)
                if text:
                    raw.append(("rol", f"Rol · {who}", text, ("perspectieven", i),
                                "Alleen voor wie deze rol speelt.", who))
    return [Card(f"{kit_id} · {casus.id} · {n:02d}", category, title, text, casus.id, casus.title,
                 path, note, "" if category in blind else back, casus.status == "concept")
            for n, (category, title, text, path, note, back) in enumerate(raw, start=1)]


def werkvorm_sets(kit_id: str, werkvorm) -> list[WerkvormSet]:
    """The werkvorm's own cards: its question cards, then each of its card sets."""
    blind = "vraag" in werkvorm.blind
    found = []
    if werkvorm.question_cards:
        found.append(WerkvormSet(QUESTION_CARDS, "Vraagkaarten", [
            Card(f"{kit_id} · {werkvorm.id} · {n:02d}", "vraag", "Vraag", text, werkvorm.id,
                 werkvorm.name, ("vraagkaarten", n - 1))
            for n, text in enumerate(werkvorm.question_cards, start=1)]))
    for i, card_set in enumerate(werkvorm.card_sets):
        found.append(WerkvormSet(card_set.id, card_set.name, [
            Card(f"{kit_id} · {card_set.id} · {n:02d}", "vraag", item.title or "Vraag", item.text,
                 werkvorm.id, werkvorm.name, ("kaartsets", i, "kaarten", n - 1, "tekst"),
                 back_title="" if blind else card_set.name)
            for n, item in enumerate(card_set.cards, start=1)]))
    return found


def role_text(view) -> str:
    parts = [("Ik zie", view.sees), ("Ik weet", view.knows), ("Ik mag delen", view.may_share),
             ("Ik mag niet delen", view.may_not_share)]  # the perspective speaks for itself
    return "\n".join(f"{label}: {value}" for label, value in parts if value)
