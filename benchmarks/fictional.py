"""Fictional people for the synthetic benchmark project: names, participant lists, evaluations.

Everything is drawn from small pools of common Dutch names with a :class:`random.Random`
seeded by a string, so the same buurt always gets the same people (string seeds are stable
across processes and Python versions). Participant lists mix roles and organisations as the
shipped ``deelnemers/`` examples do; evaluation results fill the columns of the evaluation form
(``kennen`` … ``werkvorm`` scored 1 to 5, ``vraag1`` … for the werkvorm's open questions).
"""

from __future__ import annotations

import csv
import io
import random

FEMALE = ("Anouk", "Ingrid", "Yvonne", "Fatima", "Lotte", "Sanne", "Marieke", "Esther", "Naima",
          "Hanneke", "Femke", "Judith", "Karin", "Ineke", "Priya", "Samira", "Mirjam", "Linda",
          "Ilse", "Sevda", "Wendy", "Joke", "Nadia", "Petra", "Aylin", "Roos", "Bianca", "Gerda",
          "Astrid", "Loes", "Hatice", "Chantal", "Marloes", "Sara", "Dewi", "Kim", "Eva", "Noor")
MALE = ("Ruud", "Jeroen", "Mehmet", "Koen", "Dennis", "Pieter", "Wim", "Tom", "Bas", "Youssef",
        "Peter", "Rachid", "Hamid", "Sjoerd", "Arjen", "Martijn", "Erik", "Niels",
        "Bram", "Kees", "Johan", "Sander", "Mustafa", "Rob", "Thijs", "Gert", "Ahmed", "Jan",
        "Frank", "Remco", "Stefan", "Hugo", "Daan", "Jesse", "Ravi", "Joost", "Ferry")
SURNAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
            "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Vermeulen",
            "van den Berg", "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Postma",
            "Kuipers", "Veenstra", "Kramer", "van Dam", "Wijnands", "Yilmaz", "Aydın", "Benali",
            "El Idrissi", "Öztürk", "Ramdin", "Çelik", "Bouzid", "Nguyen", "Kaya", "Amrani",
            "Zwaan", "Stam", "Koning", "Verhoeven", "Sedney", "Tahiri", "Boukhari", "Pinas")

# (role as a participant list writes it, organisation pattern, functie, how many a buurt's pool
# of professionals has); the pattern gets the buurt, the gemeente and names from ORGANISATIONS.
ROLES = (
    ("wijkverpleegkundige", "Thuiszorg {zorg}", "", 3),
    ("wijkagent", "Politie", "", 2),
    ("opbouwwerker", "Welzijn {buurt}", "", 2),
    ("jongerenwerker", "Welzijn {buurt}", "", 1),
    ("Jeugd & Gezinscoach", "Jeugd en Gezin {gemeente}", "", 2),
    ("Wmo-consulent", "Gemeente {gemeente}", "", 2),
    ("woonconsulent", "Woonstichting {wonen}", "", 1),
    ("huisarts", "Huisartsenpraktijk {buurt}", "praktijkondersteuner ggz", 1),
    ("schuldhulpverlener", "Schuldhulp {hulp}", "", 1),
    ("maatschappelijk werker", "Maatschappelijk werk {hulp}", "", 1),
    ("jeugdhulpverlener", "Jeugdhulp {jeugd}", "", 1),
    ("leerplichtambtenaar", "Gemeente {gemeente}", "", 1),
    ("buurtbewoner", "Buurtvereniging {buurt}", "voorzitter buurtvereniging", 1),
)
ORGANISATIONS = {
    "zorg": ("De Linde", "Omring", "Zorgcirkel", "Vivium", "De Zorgbalans", "Evean"),
    "wonen": ("Het Anker", "Woonwaard", "Elkien", "Lefier", "Eigen Haard", "Mooiland"),
    "hulp": ("Kompas", "Het Baken", "De Vonk", "Sterk", "Doorbraak", "De Wending"),
    "jeugd": ("De Kade", "Kompaan", "Lijn5", "Spirit", "Jeugdformaat", "De Bascule"),
}
STATEMENTS = ("kennen", "signaleren", "delen", "eerder", "afspraak", "werkvorm")
ANSWERS = (
    "Dat de woonconsulent veel meer ziet dan ik dacht.",
    "Een vast aanspreekpunt per straat bij de corporatie.",
    "Ja, al was ik bang dat we over echte buren gingen praten.",
    "Hoe snel geruchten in de straat gaan, en dat mensen daardoor juist niets zeggen.",
    "De wijkagent bellen voordat het escaleert, niet erna.",
    "Meer tijd voor de casus, minder voor de uitleg.",
    "Ik ga de jongerenwerker uitnodigen voor ons teamoverleg.",
    "Dat toestemming vragen vaak gewoon kan; ik dacht dat het niet mocht.",
    "Nuttig, maar de groepen waren te groot.",
    "Elke maand een kort buurtoverleg met dezelfde mensen.",
    "De huisarts hoort erbij; die zat er nu niet.",
    "Dat de bewoner zo veel wist van wat er achter de voordeur speelt.",
)


def rng(*seed: object) -> random.Random:
    return random.Random("/".join(str(part) for part in seed))


def person(r: random.Random, female: bool | None = None) -> tuple[str, str]:
    """A first name and a surname."""
    if female is None:
        female = r.random() < 0.55
    return r.choice(FEMALE if female else MALE), r.choice(SURNAMES)


def professionals(buurt_id: str, buurt_name: str, gemeente: str) -> list[dict[str, str]]:
    """The professionals of one buurt: the people its participant lists are drawn from."""
    r = rng("professionals", buurt_id)
    organisations = {key: r.choice(names) for key, names in ORGANISATIONS.items()}
    people, used = [], set()
    for role, organisation, function, count in ROLES:
        for _ in range(count):
            name = " ".join(person(r))
            while name in used:
                name = " ".join(person(r))
            used.add(name)
            people.append({"naam": name, "organisatie": organisation.format(buurt=buurt_name, gemeente=gemeente,
                                                                             **organisations),
                           "rol": role, "functie": function})
    return people


def participant_csv(pool: list[dict[str, str]], seed: str, count: int) -> str:
    """A participant list of ``count`` people drawn from ``pool`` (so rounds of one buurt share
    people, as the seating solver expects); a buurtbewoner is pinned to table 1 as in the
    shipped example."""
    r = rng("deelnemers", seed)
    chosen = sorted(r.sample(range(len(pool)), count))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["naam", "organisatie", "rol", "functie", "tafel"])
    for index in chosen:
        p = pool[index]
        writer.writerow([p["naam"], p["organisatie"], p["rol"], p["functie"],
                         "1" if p["rol"] == "buurtbewoner" else ""])
    return out.getvalue()


def evaluation_csv(seed: str, respondents: int, questions: int) -> str:
    """Filled-in evaluation forms: scores 1–5 (now and then skipped), a few open answers."""
    r = rng("evaluatie", seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*STATEMENTS, *(f"vraag{n}" for n in range(1, questions + 1))])
    for _ in range(respondents):
        scores = ["" if r.random() < 0.05 else str(min(5, max(1, round(r.gauss(3.7, 0.9)))))
                  for _ in STATEMENTS]
        answers = [r.choice(ANSWERS) if r.random() < 0.35 else "" for _ in range(questions)]
        writer.writerow(scores + answers)
    return out.getvalue()
