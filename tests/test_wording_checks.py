"""`check` on wording: one form of address per project, and no scaffold text left in a file."""

from __future__ import annotations

import re

from conftest import diagnostics, run, write

U_HINT = ("Schrijf met u en uw, bijv. 'Wat ziet u?', of zonder de lezer aan te spreken. Wat iemand "
          "in het verhaal letterlijk zegt, mag tussen aanhalingstekens in de eigen vorm.")


def coded(ws, code: str):
    from casuskit.check import check_workspace
    return [(d.message, f"{d.location.file}:{d.location.line}:{d.location.column}", d.hint)
            for d in check_workspace(ws).diagnostics if d.code == code]


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- form of address ----------------------------------------------------------------------

def test_the_shipped_examples_keep_to_their_projects_form(ws):
    assert coded(ws, "aanspreekvorm") == []


def test_je_in_a_casus_of_a_u_project_is_a_warning_at_its_word(ws):
    casus = ws / "casussen/algemeen/stille-buurman.yaml"
    replace(casus, "  - Welke signalen ziet u, en bij wie komen ze samen?",
            "  - Welke signalen zie je, en bij wie komen ze samen? Wat doe jij?")
    line = casus.read_text(encoding="utf-8").split("\n").index(
        "  - Welke signalen zie je, en bij wie komen ze samen? Wat doe jij?") + 1
    assert coded(ws, "aanspreekvorm") == [(
        "`je` is de informele aanspreekvorm, maar dit project spreekt de lezer aan met u "
        "(aanspreekvorm in projecten/heerhugowaard.yaml)",
        f"casussen/algemeen/stille-buurman.yaml:{line}:24", U_HINT)]  # one per line


def test_quoted_speech_may_use_either_form(ws):
    casus = ws / "casussen/algemeen/stille-buurman.yaml"
    replace(casus, "Ze twijfelt of ze zich ermee moet bemoeien.",
            "Ze zegt tegen haar dochter: ‘Jij zou je er ook mee bemoeien.’ Maar ze twijfelt.")
    assert coded(ws, "aanspreekvorm") == []


def test_a_je_project_flags_u_in_its_werkvorm(ws):
    werkvorm = ws / "werkvormen/de-bedoeling.yaml"
    replace(werkvorm, "      - Wat wil je achterlaten in het dorp?",
            "      - Wat wilt u achterlaten in het dorp?")
    [(message, where, hint)] = coded(ws, "aanspreekvorm")
    assert message == ("`u` is de formele aanspreekvorm, maar dit project spreekt de lezer aan met "
                       "je (aanspreekvorm in projecten/ooststellingwerf.yaml)")
    assert where.startswith("werkvormen/de-bedoeling.yaml:") and where.endswith(":123:22")
    assert hint.startswith("Schrijf met je, jouw en jullie, bijv. 'Wat zie je?'")


def test_a_casus_for_projects_of_both_forms_addresses_no_reader(ws):
    kit = ws / "kits/ooststellingwerf/appelscha-bedoeling.yaml"
    replace(kit, "groepen: 2\n", "groepen: 2\ncasussen:\n  - stille-buurman\n")
    found = coded(ws, "aanspreekvorm")
    assert found and all(message.endswith("maar deze tekst is voor projecten met `u` én met `je` "
                                          "(projecten/heerhugowaard.yaml en projecten/ooststellingwerf.yaml)")
                         and where.startswith("casussen/algemeen/stille-buurman.yaml:")
                         for message, where, _ in found)


def test_a_file_no_kit_uses_keeps_to_its_own_form(ws):
    write(ws, "werkvormen/los.yaml", """
        id: los
        naam: Losse werkvorm
        doel: Iets proberen.
        documenten: [draaiboek]
        blokken:
          - titel: Welkom
            duur: 10
            zeg:
              - Wat ziet u in uw buurt? Wat valt u op?
              - En wat doe jij daarmee?
        """)
    assert coded(ws, "aanspreekvorm") == [(
        "`jij` is de informele aanspreekvorm, maar de rest van dit bestand spreekt de lezer aan met u",
        "werkvormen/los.yaml:10:20",
        "Kies één vorm: u en uw, bijv. 'Wat ziet u?'. Zodra een kit dit bestand gebruikt, geldt de "
        "aanspreekvorm van zijn project.")]


def test_the_setting_is_u_or_je(ws):
    replace(ws / "projecten/heerhugowaard.yaml", "aanspreekvorm: u\n", "aanspreekvorm: jij\n")
    [(code, message, where)] = [d for d in diagnostics(ws) if d[2].startswith("projecten/")]
    assert (code, where) == ("geen-keuze", "projecten/heerhugowaard.yaml:6:16")


def test_address_words_outside_quotes():
    from casuskit.addressform import address_words
    found = lambda text: [(w.form, w.word) for w in address_words(text)]  # noqa: E731
    assert found("Wat ziet u, en wat weet je?") == [("u", "u"), ("je", "je")]
    assert found("Ze zegt: 'Hoe gaat het met je?' en u knikt.") == [("u", "u")]
    assert found("Mark staat 's nachts buiten; dilemma's. ‘Dat mag niet,’ zegt jullie buur") \
        == [("je", "jullie")]
    assert found("“Kun je zo'n ding?” vraagt U.") == [("u", "U")]
    assert found("Een U-bocht, een jou-jou, de Jeugd & Gezinscoach") == []


# -- scaffold text ---------------------------------------------------------------------------

# what a scaffold writes that a writer may well keep: choices, examples worth keeping, and
# values it takes from the project (its gespreksleider)
KEEPABLE = {"concept", "eenzaamheid", "wijkverpleegkundige", "opbouwwerker", "wijkagent",
            "Jeugd & Gezinscoach", "bewoner", "Twee weken later", "privacy", "draaiboek",
            "hand-out", "gesprekskaarten", "Welkom", "Casus bespreken", "ja", "Deel de hand-outs uit.",
            "hand-outs", "Wat neemt u mee uit deze bijeenkomst?", "buurt", "welzijn",
            "thuiszorgorganisatie", "a7", "duplex-lange-zijde", "Welke signalen zien jullie?",
            "Wie in {{ buurt.naam }} had het eerst iets kunnen zien?", "Marloes de Wit",
            "Afsluiting en evaluatie", "Deel het evaluatieformulier uit."}


def test_every_scaffold_sentence_is_found_until_it_is_replaced(ws):
    from casuskit.textfields import texts
    from casuskit.yamlload import load
    for kind in ("casus", "kit", "rol", "werkvorm", "buurt", "project"):
        assert run(ws, "nieuw", kind, *(["--project", "heerhugowaard"] if kind == "kit" else [])
                   ).exit_code == 0
    found = coded(ws, "voorbeeldtekst")
    flagged = {(where.split(":")[0], int(where.split(":")[1])) for _, where, _ in found}
    for path in sorted(ws.glob("*/nieuwe-*.yaml")):
        file = path.relative_to(ws).as_posix()
        doc, _ = load(path, file)
        for key, text in texts(doc.data):
            line = doc.positions.value(key).line
            kept = (file, line) not in flagged and (file, line + 1) not in flagged
            # a scaffold's every other text is an id, a number, a time or a value worth keeping
            assert not kept or text in KEEPABLE or not re.search(r"[a-z] [a-z]", text) \
                or text.startswith(("19", "nieuwe-")), (file, text)
    assert found[0] == (
        "hier staat nog de voorbeeldtekst van `casuskit nieuw`: ‘Naam van de buurt’",
        "buurten/nieuwe-buurt.yaml:6:7",
        "Vervang hem door uw eigen tekst, of haal het veld weg als het niet verplicht is; anders "
        "komt hij zo op papier.")
    result = run(ws, "check", "--streng", "kits/nieuwe-kit.yaml")
    assert result.exit_code == 1 and "‘Naam van de locatie’" in result.output


def test_a_sentence_kept_inside_the_writers_own_text_is_found_there(ws):
    casus = ws / "casussen/algemeen/stille-buurman.yaml"
    replace(casus, "  Een oudere man trekt zich",
            "  Waar gaat deze casus over, in één of twee zinnen? Een oudere man trekt zich")
    [(message, where, _)] = coded(ws, "voorbeeldtekst")
    assert message.endswith("‘Waar gaat deze casus over, in één of twee zinnen?’")
    assert where == "casussen/algemeen/stille-buurman.yaml:17:3"


def test_the_writers_own_question_about_a_profession_is_no_scaffold_text(ws):
    casus = ws / "casussen/algemeen/stille-buurman.yaml"
    replace(casus, "  - Welke signalen ziet u, en bij wie komen ze samen?",
            "  - Wat ziet de wijkagent?")
    assert coded(ws, "voorbeeldtekst") == []
