"""What the paper says: status with effect, dilemmas with a subject, labels said once, the buurt
profile and credits in the draaiboek, the organiser on the sign-in list, readable type."""

from __future__ import annotations

import docx
import pytest

from casuskit import word
from conftest import run
from proofread import paragraphs

NOORD_2 = "output/heerhugowaard/noord/ronde-2"
APPELSCHA = "output/ooststellingwerf/appelscha/de-bedoeling"


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def coded(root, code: str):
    from casuskit.check import check_workspace
    return [(d.message, f"{d.location.file}:{d.location.line}:{d.location.column}", d.hint)
            for d in check_workspace(root).diagnostics if d.code == code]


# -- status: a concept casus is marked, warned about, refused under --streng -------------------

@pytest.fixture
def concept(ws):
    replace(ws / "casussen/algemeen/stille-buurman.yaml", "status: definitief", "status: concept")
    return ws


def test_a_kit_with_a_concept_casus_is_warned_about_at_its_line(concept):
    found = coded(concept, "casus-concept")
    assert [where for _, where, _ in found] == [f"kits/heerhugowaard/{b}-ronde-2.yaml:15:5"
                                                 for b in ("midden", "noord", "zuid")]
    message, _, hint = found[0]
    assert message == ("de casus `stille-buurman` is nog een concept (status in "
                       "casussen/algemeen/stille-buurman.yaml)")
    assert hint == ("Zijn hand-out, kaarten en hoofdstuk in het draaiboek krijgen het woord CONCEPT. "
                    "Zet `status: review` of `status: definitief` in de casus zodra hij klaar is.")
    assert run(concept, "check", "--streng").exit_code == 1


def test_build_streng_refuses_a_concept_casus_and_writes_nothing(concept):
    result = run(concept, "build", "--streng")
    assert result.exit_code == 1
    assert result.output.endswith("Er is niets gebouwd: met --streng tellen waarschuwingen als fouten.\n")
    assert "waarschuwing[casus-concept]" in result.output
    assert not (concept / "output" / "heerhugowaard").exists()


def test_a_concept_casus_prints_concept_on_its_hand_out_cards_and_chapter(concept):
    result = run(concept, "build", "hhw-noord-ronde-2")
    assert result.exit_code == 0
    assert ("Let op: kits/heerhugowaard/midden-ronde-2.yaml, kits/heerhugowaard/noord-ronde-2.yaml "
            "en kits/heerhugowaard/zuid-ronde-2.yaml gebruiken een casus met status concept; op de "
            "hand-out en kaarten van die casus en in het draaiboek staat CONCEPT.\n") in result.output
    kit = concept / NOORD_2
    hand_out = paragraphs(kit / "hand-out-stille-buurman.docx")
    assert "CONCEPT · Heerhugowaard Noord · ronde 2 · dinsdag 8 november 2016" in hand_out
    assert "Concept: deze casus is nog niet af; de tekst kan nog veranderen." in hand_out
    other = paragraphs(kit / "hand-out-la-vol-enveloppen.docx")
    assert not any("CONCEPT" in text or "Concept:" in text for text in other)
    draaiboek = paragraphs(kit / "draaiboek.docx")
    assert "Casus 1 · De stille buurman (concept)" in draaiboek
    assert ("Concept: Deze casus is nog niet af (status concept). Lees hem na met de schrijvers "
            "voordat u hem gebruikt; op de hand-out en de kaarten staat CONCEPT.") in draaiboek
    assert "Casus 1 · De stille buurman (concept): geschreven door Marloes de Wit (gespreksleider), " \
           "Ineke Bakker (wijkverpleegkundige) en Youssef Amrani (opbouwwerker); status concept." \
           in draaiboek
    bands = paragraphs(kit / "gesprekskaarten-stille-buurman.docx")
    assert "Signaal · concept" in bands and "Dilemma · concept" in bands
    # every front of this casus says so, and not the werkvorm's own cards sharing its sheets
    assert any(t.startswith("hhw-noord-ronde-2 · kleine-groepen · ") for t in bands)
    assert sum(text.endswith(" · concept") for text in bands) == 16 == len(
        [t for t in bands if t.startswith("hhw-noord-ronde-2 · stille-buurman · ")]) // 2
    other_cards = paragraphs(kit / "gesprekskaarten-la-vol-enveloppen.docx")
    assert not any(text.endswith(" · concept") for text in other_cards)


def test_the_card_check_measures_the_concept_band():
    from casuskit import cardfit
    from casuskit.cardset import Card
    styles = word.open_reference().styles
    final = Card("k · c · 01", "signaal", "Signaal", "Wie?", "c", "C", ("vragen", 0))
    draft = Card("k · c · 01", "signaal", "Signaal", "Wie?", "c", "C", ("vragen", 0), draft=True)
    assert draft.band == "Signaal · concept"
    # on a card this narrow the longer band takes a second line, and the check knows it
    assert cardfit.front_mm(styles, draft, 18) > cardfit.front_mm(styles, final, 18)


# -- dilemmas -----------------------------------------------------------------------------------

def test_a_dilemma_without_subject_or_explanation_is_warned_about_at_its_line(ws):
    casus = ws / "casussen/ooststellingwerf/klaverkamp-trapveld.yaml"
    text = casus.read_text(encoding="utf-8")
    start = text.index("    onderwerp: straatapp\n")
    end = text.index("vragen:\n", start)
    casus.write_text(text[:start] + text[start:end].split("    toelichting:")[0]
                     .replace("    onderwerp: straatapp\n", "") + text[end:], encoding="utf-8")
    line = casus.read_text(encoding="utf-8").split("\n").index("  - soort: anders") + 1
    assert coded(ws, "dilemma-onderwerp") == [(
        "dit dilemma zegt niet waar het over gaat: soort `anders` heeft geen onderwerp",
        f"casussen/ooststellingwerf/klaverkamp-trapveld.yaml:{line}:12",
        "Voeg `onderwerp:` toe met een paar woorden, bijv. `onderwerp: straatapp`; dat komt op de "
        "kaart (‘Dilemma · Straatapp’). Of kies privacy, meldcode of mandaat.")]
    assert [where for _, where, _ in coded(ws, "dilemma-toelichting")] == [
        f"casussen/ooststellingwerf/klaverkamp-trapveld.yaml:{line + 1}:12"]
    result = run(ws, "check", "--streng", "casussen/ooststellingwerf/klaverkamp-trapveld.yaml")
    assert result.exit_code == 1


def test_a_dilemma_card_title_says_its_subject_once_with_a_capital():
    from casuskit.cardset import cards_for
    from casuskit.model import Casus
    casus = Casus.model_validate({
        "id": "c", "titel": "C", "samenvatting": "S.", "situatie": "S.",
        "dilemmas": [{"soort": "meldcode", "vraag": "Melden?"},
                     {"soort": "anders", "onderwerp": "eigen regie", "vraag": "Wie beslist?"},
                     {"soort": "anders", "vraag": "Wat nu?"}]})
    titles = [card.title for card in cards_for("k", casus, ["dilemma"])]
    assert titles == ["Dilemma · Meldcode", "Dilemma · Eigen regie", "Dilemma"]


# -- labels said once ---------------------------------------------------------------------------

def test_a_session_named_after_its_werkvorm_is_named_once(built_examples):
    kit = built_examples / APPELSCHA
    assert paragraphs(kit / "printlijst.txt")[1] == "Appelscha · De bedoeling"
    for name in ("werkblad-mijn-bedoeling.docx", "evaluatieformulier.docx"):
        assert paragraphs(kit / name)[1] == "De bedoeling · Appelscha · dinsdag 13 november 2018"
    facts = docx.Document(kit / "draaiboek.docx").tables[0]
    assert [row.cells[0].text for row in facts.rows][:4] == [
        "Gegevens van de bijeenkomst", "Dorp", "Werkvorm", "Datum"]  # no "Bijeenkomst: De bedoeling"


def test_joined_labels():
    from casuskit.dutch import article, in_sentence, joined, titled
    assert joined("De bedoeling", "Appelscha", "de bedoeling", None, "", "13 november") \
        == "De bedoeling · Appelscha · 13 november"
    assert titled("Dilemma", "privacy (AVG)") == "Dilemma · Privacy (AVG)"
    assert (article("dorp"), article("buurt"), article("gebied"), article("wijk")) \
        == ("het", "de", "het", "de")
    assert in_sentence("Gemeente Heerhugowaard") == "de gemeente Heerhugowaard"
    assert in_sentence("Welzijnsstichting De Brug") == "Welzijnsstichting De Brug"


# -- the draaiboek: buurt profile and credits; the sign-in list names the organiser -------------

def test_the_draaiboek_profiles_its_buurt_in_its_own_place_word(built_examples):
    text = paragraphs(built_examples / APPELSCHA / "draaiboek.docx")
    at = text.index("Over Appelscha")
    assert text[at + 1].startswith("Een langgerekt dorp aan de vaart")
    assert text[at + 2] == "Wat er speelt"
    assert "Partners in het dorp" in text[at:]
    assert "Partners in de buurt" in paragraphs(built_examples / NOORD_2 / "draaiboek.docx")


def test_the_draaiboek_credits_its_writers(built_examples):
    text = paragraphs(built_examples / NOORD_2 / "draaiboek.docx")
    at = text.index("Verantwoording")
    assert text[at + 1] == ("Dit draaiboek hoort bij Buurtoverleggen Heerhugowaard, in opdracht van "
                            "de gemeente Heerhugowaard en georganiseerd door DSP-groep. De casussen "
                            "zijn verzonnen; elke gelijkenis met echte personen berust op toeval.")
    assert text[at + 2] == ("Casus 1 · De stille buurman: geschreven door Marloes de Wit "
                            "(gespreksleider), Ineke Bakker (wijkverpleegkundige) en Youssef Amrani "
                            "(opbouwwerker); status definitief.")


def test_the_sign_in_list_names_the_organiser_and_reads_correctly(built_examples):
    text = paragraphs(built_examples / "output/heerhugowaard/noord/ronde-1/presentielijst.docx")
    assert text[2] == ("Waarom deze lijst: DSP-groep organiseert deze bijeenkomst voor de gemeente "
                       "Heerhugowaard en wil weten wie er was, om de deelnemers na afloop de "
                       "afspraken te sturen en de reeks te evalueren. Met uw handtekening bevestigt "
                       "u dat u aanwezig was. We vragen niet meer dan naam, organisatie en rol.")
    assert text[3].startswith("Bewaren: DSP-groep bewaart de getekende lijst op een afgesloten plek")


def test_without_an_organiser_the_organisation_asks(ws, listed):
    path = ws / "projecten/heerhugowaard.yaml"
    replace(path, "organisator: DSP-groep\n", "")
    assert run(ws, "build", "hhw-noord-ronde-1").exit_code == 0
    text = paragraphs(ws / "output/heerhugowaard/noord/ronde-1/presentielijst.docx")
    assert text[2].startswith("Waarom deze lijst: De gemeente Heerhugowaard wil weten wie er was,")


# -- type a participant reads -------------------------------------------------------------------

PARTICIPANT = ("hand-out-", "werkblad-", "evaluatieformulier", "tafelkaarten", "presentielijst",
               "gesprekskaarten", "naambordjes")
NOT_READ = {"Header", "Footer", "Kaart Id", "Notitieregel"}  # page furniture, ids, ruled lines


def test_everything_a_participant_reads_is_at_least_9_pt(built_examples):
    styles = word.open_reference().styles
    found = {}
    for path in (built_examples / "output").rglob("*.docx"):
        if not path.name.startswith(PARTICIPANT):
            continue
        document = docx.Document(path)
        for paragraph in document.paragraphs + [p for t in document.tables for row in t.rows
                                                for cell in row.cells for p in cell.paragraphs]:
            if paragraph.text.strip() and paragraph.style.name not in NOT_READ:
                found[paragraph.style.name] = styles.look(paragraph.style.name).size
    assert "Klein" in found and min(found.values()) >= 9, found


def test_a_worksheet_keeps_each_part_with_its_writing_lines(built_examples):
    document = docx.Document(built_examples / APPELSCHA / "werkblad-teambedoeling.docx")
    body = document.paragraphs
    for i, paragraph in enumerate(body):
        if paragraph.style.name == "List Number":  # a question: kept with what follows it
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
        if paragraph.style.name == "Notitieregel" and body[i + 1:i + 2] \
                and body[i + 1].style.name == "Notitieregel":
            assert paragraph.paragraph_format.keep_with_next  # lines of one part stay together
    intro = next(p for p in body if p.text.startswith("Hooguit vijftien woorden"))
    assert intro.style.name == "Normal" and intro.paragraph_format.keep_with_next
