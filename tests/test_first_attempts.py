"""A first-time writer's natural YAML mistakes, each named for what it is, where it is.

Every file here is what a professional really produces on a first try: text pasted from Word
(curly quotes, en-dash lists), a WhatsApp message, Notepad's "Unicode", a hashtag from the
buurtapp. Each test asserts the one Dutch message, its line and column, and the mended line in
the hint; never parser English, and never a second message caused by the first.
"""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from casuskit.check import check_workspace
from casuskit.yamldiagnosis import quoted
from conftest import run, write

HEAD = """\
id: buurtapp
titel: De buurtapp
samenvatting: Een bericht in de buurtapp loopt uit de hand.
"""
ENGLISH = re.compile(r"\b(expected|found|while|scanning|mapping|sequence|block|token|stream|"
                     r"document|allowed|character|alias|anchor)\b")


def only(root, name: str, content: str | bytes):
    """The diagnostics of one casus file: (code, message, line:col, hint)."""
    write(root, f"casussen/{name}", content)
    found = [d for d in check_workspace(root).diagnostics if d.location and d.location.file == f"casussen/{name}"]
    for d in found:
        assert not ENGLISH.search(d.message + " " + (d.hint or "")), d
    return [(d.code, d.message, f"{d.location.line}:{d.location.column}", d.hint) for d in found]


def test_word_curly_quotes_around_a_title_with_a_colon(casus_ws):
    assert only(casus_ws, "woord.yaml", HEAD.replace("titel: De buurtapp", "titel: “Let op: de buurtapp”")) == [(
        "krulaanhalingsteken",
        "deze tekst staat tussen aanhalingstekens uit Word (“ en ”); YAML kent alleen rechte aanhalingstekens (\")",
        "2:8", "Zet de hele tekst tussen rechte aanhalingstekens:\ntitel: \"Let op: de buurtapp\"")]


def test_word_quotation_at_the_start_of_a_question(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - „Wat doe je?” vraagt ze: niemand weet het\n"
    assert only(casus_ws, "citaat.yaml", text) == [(
        "krulaanhalingsteken",
        "deze tekst begint met een aanhalingsteken uit Word („); YAML kent alleen rechte aanhalingstekens (\")",
        "6:5", "Zet de hele tekst tussen rechte aanhalingstekens:\n- \"„Wat doe je?” vraagt ze: niemand weet het\"")]


def test_word_en_dash_list_under_a_key(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  – Wie heeft het bericht gezien?\n  – Wie reageert er?\n"
    assert only(casus_ws, "streepjes.yaml", text) == [(
        "opsommingsteken",
        "deze regel begint met een gedachtestreepje (–); een lijstitem begint in YAML met een gewoon streepje (-)",
        "6:3", "Maak van elk item een regel met een gewoon streepje en een spatie, ingesprongen onder het "
        "veld:\n  - Wie heeft het bericht gezien?")]


def test_word_bullets_pasted_without_indentation(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n• Wie heeft het bericht gezien?\n• Wie reageert er?\n"
    assert only(casus_ws, "bolletjes.yaml", text) == [(
        "opsommingsteken",
        "deze regel begint met een opsommingsteken (•); een lijstitem begint in YAML met een gewoon streepje (-)",
        "6:1", "Maak van elk item een regel met een gewoon streepje en een spatie, ingesprongen onder het "
        "veld:\n  - Wie heeft het bericht gezien?")]


def test_whatsapp_bold(casus_ws):
    text = HEAD.replace("samenvatting: Een", "samenvatting: *Let op* een") + "situatie: s\n"
    assert only(casus_ws, "whatsapp.yaml", text) == [(
        "sterretje-begin", "`*Let op*` is vetgedrukt zoals in WhatsApp; in YAML mag een tekst niet met `*` beginnen",
        "3:15", "Haal de sterretjes weg (de opmaak komt uit de huisstijl), of zet de tekst tussen "
        "aanhalingstekens:\nsamenvatting: \"*Let op* een bericht in de buurtapp loopt uit de hand.\"")]


def test_hashtag_at_the_start_of_a_title_is_a_comment(casus_ws):
    text = HEAD.replace("titel: De buurtapp", "titel: #Buurtapp ontploft") + "situatie: s\n"
    assert only(casus_ws, "hashtag.yaml", text) == [(
        "hekje", "deze waarde is leeg: `#Buurtapp ontploft` is voor YAML commentaar, omdat een `#` na een "
        "spatie commentaar begint", "2:8", "Zet de hele tekst tussen aanhalingstekens:\ntitel: \"#Buurtapp ontploft\"")]


def test_house_number_after_a_hash_is_cut_off_with_a_warning(casus_ws):
    text = HEAD + "situatie: Meldingen over nummer #12 in de straat.\n"
    assert only(casus_ws, "buurtapp.yaml", text) == [(
        "hekje", "`#12 in de straat.` telt niet mee: een `#` na een spatie begint commentaar", "4:33",
        "Zet de hele tekst tussen aanhalingstekens:\nsituatie: \"Meldingen over nummer #12 in de straat.\"")]


def test_percent_at_the_start_of_a_line(casus_ws):
    text = HEAD + "situatie: Van de bewoners is\n%40 ouder dan 75.\n"
    assert only(casus_ws, "procent.yaml", text) == [(
        "procent-begin", "een regel mag in YAML niet beginnen met `%`", "5:1",
        "Hoort deze regel bij de tekst erboven? Spring hem dan in. Of zet de tekst tussen aanhalingstekens: "
        "\"%40 ouder dan 75.\"")]


def test_at_sign_from_a_mention(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - @buurvrouw Truus: wat zie jij?\n"
    assert only(casus_ws, "mention.yaml", text) == [(
        "verboden-begin", "een tekst mag in YAML niet beginnen met `@`", "6:5",
        "Zet de hele tekst tussen aanhalingstekens:\n- \"@buurvrouw Truus: wat zie jij?\"")]


def test_exclamation_mark_and_ampersand_at_the_start_of_a_text(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - !Spoed: wie belt de huisarts?\n"
    assert only(casus_ws, "uitroep.yaml", text) == [(
        "verboden-begin", "een tekst mag in YAML niet beginnen met `!`", "6:5",
        "Zet de hele tekst tussen aanhalingstekens:\n- \"!Spoed: wie belt de huisarts?\"")]
    text = HEAD + "situatie: s\nvragen:\n  - & verder: wie doet wat?\n"
    assert [f[:3] for f in only(casus_ws, "en.yaml", text)] == [
        ("verboden-begin", "een tekst mag in YAML niet beginnen met `&`", "6:5")]


def test_dash_and_space_at_the_start_of_a_text(casus_ws):
    text = HEAD.replace("titel: De buurtapp", "titel: - Let op: de buurtapp") + "situatie: s\n"
    assert only(casus_ws, "streepje.yaml", text) == [(
        "streepje-begin", "een tekst mag niet beginnen met `- `: YAML leest dat als een lijst", "2:8",
        "Zet de hele tekst tussen aanhalingstekens:\ntitel: \"- Let op: de buurtapp\"\nBedoelde u een lijst? "
        "Zet dan elk item op een eigen regel eronder, ingesprongen en beginnend met `- `.")]


def test_no_space_after_the_colon_points_at_its_own_line(casus_ws):
    text = HEAD + "situatie: s\npersonen:\n  - naam:Mevrouw De Vries\n    rol: buurvrouw\n"
    assert only(casus_ws, "spatie.yaml", text) == [(
        "spatie-na-dubbele-punt", "na `naam:` mist een spatie", "6:10",
        "Zet een spatie na de dubbele punt:\n- naam: Mevrouw De Vries")]


def test_no_space_after_the_colon_on_the_last_line(casus_ws):
    text = HEAD + "situatie:Mevrouw woont alleen.\n"
    assert only(casus_ws, "laatste.yaml", text) == [(
        "spatie-na-dubbele-punt", "na `situatie:` mist een spatie", "4:10",
        "Zet een spatie na de dubbele punt:\nsituatie: Mevrouw woont alleen.")]


def test_continuation_line_without_indentation(casus_ws):
    text = ("id: buurtapp\ntitel: De buurtapp\nsamenvatting: Een bericht in de buurtapp over een jongen\n"
            "loopt uit de hand.\nsituatie: s\n")
    assert only(casus_ws, "vervolg.yaml", text) == [(
        "vervolgregel", "deze regel hoort bij de tekst van `samenvatting` (regel 3), maar springt niet in", "4:1",
        "Spring de regel in, verder dan `samenvatting:`. Of schrijf lange tekst na `samenvatting: |` op de "
        "regels eronder, allemaal even ver ingesprongen.")]


def test_field_name_without_colon(casus_ws):
    text = "id: buurtapp\ntitel De buurtapp\nsamenvatting: s\nsituatie: s\n"
    assert only(casus_ws, "geenpunt.yaml", text) == [(
        "dubbele-punt-mist", "na `titel` mist een dubbele punt", "2:6",
        "Schrijf `titel:` met een spatie erna:\ntitel: De buurtapp")]


def test_one_space_too_many_before_a_key(casus_ws):
    text = HEAD + "situatie: s\npersonen:\n  - naam: Truus\n     rol: buurvrouw\n"
    assert only(casus_ws, "teveel.yaml", text) == [(
        "inspringing", "`rol` springt één spatie te ver in", "7:6",
        "Zet `rol:` precies onder `naam:` (regel 6): velden van hetzelfde blok springen even ver in.")]


def test_one_space_too_few_before_a_key(casus_ws):
    text = HEAD + "situatie: s\npersonen:\n  - naam: Truus\n    leeftijd: 78\n   rol: buurvrouw\n"
    assert only(casus_ws, "teweinig.yaml", text) == [(
        "inspringing", "`rol` springt één spatie te weinig in", "8:4",
        "Zet `rol:` precies onder `leeftijd:` (regel 7): velden van hetzelfde blok springen even ver in.")]


def test_top_level_key_indented_by_one(casus_ws):
    text = "id: buurtapp\n titel: De buurtapp\nsamenvatting: s\nsituatie: s\n"
    assert only(casus_ws, "bovenaan.yaml", text) == [(
        "inspringing", "`titel` springt één spatie te ver in", "2:2",
        "Zet `titel:` precies onder `id:` (regel 1): velden van hetzelfde blok springen even ver in.")]


def test_list_item_indented_further_than_the_one_above(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - Wie heeft het gezien?\n   - Wie reageert er?\n"
    assert only(casus_ws, "lijst.yaml", text) == [(
        "lijst-inspringing", "dit lijstitem springt verder in dan het item erboven, dus YAML plakt het aan de "
        "tekst daarvan vast", "7:4", "Zet het streepje precies onder het streepje op regel 6 (2 spaties inspringen).")]


def test_double_quotes_inside_double_quotes(casus_ws):
    text = HEAD.replace("titel: De buurtapp", 'titel: "Hij zei "ga weg" tegen haar"') + "situatie: s\n"
    assert only(casus_ws, "quotes.yaml", text) == [(
        "aanhalingsteken-binnen",
        "hier eindigt de tekst al: binnen een tekst tussen dubbele aanhalingstekens staat nog een \"", "2:17",
        "Gebruik binnen de tekst enkele aanhalingstekens ('…'), of zet de hele tekst tussen enkele "
        "aanhalingstekens:\ntitel: 'Hij zei \"ga weg\" tegen haar'")]


def test_apostrophe_inside_single_quotes(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - 'Wat doe je als ze 's nachts belt?'\n"
    assert only(casus_ws, "apostrof.yaml", text) == [(
        "aanhalingsteken-binnen",
        "hier eindigt de tekst al: binnen een tekst tussen enkele aanhalingstekens staat nog een '", "6:24",
        "Schrijf een apostrof binnen de tekst dubbel (''), of zet de hele tekst tussen dubbele "
        "aanhalingstekens:\n- \"Wat doe je als ze 's nachts belt?\"")]


def test_apostrophe_at_the_start_of_a_text(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - 's Avonds hangen er jongeren rond.\n  - Wie spreekt ze aan?\n"
    assert only(casus_ws, "savonds.yaml", text) == [(
        "apostrof-begin", "deze tekst begint met een apostrof (`'s`); YAML leest die als het begin van een tekst "
        "tussen aanhalingstekens", "6:5",
        "Zet de hele tekst tussen dubbele aanhalingstekens:\n- \"'s Avonds hangen er jongeren rond.\"")]


def test_apostrophe_closed_by_a_later_one(casus_ws):
    text = HEAD + "situatie: s\nvragen:\n  - 's Avonds is het druk\n  - Wie doet 't?\n"
    assert only(casus_ws, "later.yaml", text)[0][:3] == (
        "apostrof-begin", "deze tekst begint met een apostrof (`'s`); YAML leest die als het begin van een tekst "
        "tussen aanhalingstekens", "6:5")


def test_a_file_of_only_comments(casus_ws):
    text = "# Mijn casus over de buurtapp\n# titel: De buurtapp\n"
    assert only(casus_ws, "commentaar.yaml", text) == [(
        "leeg-bestand", "het bestand bevat alleen commentaar (regels die met # beginnen)", "1:1",
        "Casuskit slaat regels die met # beginnen over. Haal het # weg voor de regels die mee moeten tellen, "
        "of begin opnieuw met `casuskit nieuw`.")]


@pytest.mark.parametrize("codec, label, bom", [
    ("utf-16", "UTF-16 LE", True), ("utf-16-le", "UTF-16 LE", False), ("utf-16-be", "UTF-16 BE", False),
    ("utf-32", "UTF-32 LE", True), ("utf-32-be", "UTF-32 BE", False)])
def test_notepad_unicode_is_named_not_called_binary(casus_ws, codec, label, bom):
    raw = (HEAD + "situatie: Café De Hoek\n").encode(codec)
    assert raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) == bom
    found = only(casus_ws, "kladblok.yaml", raw)
    assert [f[:3] for f in found] == [
        ("geen-utf8", f"het bestand is opgeslagen als {label}; casuskit leest alleen UTF-8", "1:1")]
    assert found[0][3].startswith("Sla het bestand opnieuw op met de codering UTF-8. In Kladblok: 'Opslaan als'")


def test_notepad_unicode_shows_the_readable_line_and_keeps_the_id_for_kits(casus_ws):
    write(casus_ws, "casussen/kladblok.yaml", (HEAD + "situatie: s\n").encode("utf-16"))
    result = run(casus_ws, "check")
    assert " 1 | id: buurtapp\n" in result.output
    assert "= in Kladblok heet deze codering 'Unicode'" in result.output
    assert check_workspace(casus_ws).workspace.broken["casus"] == {
        "kladblok": ["casussen/kladblok.yaml"], "buurtapp": ["casussen/kladblok.yaml"]}


def test_a_real_png_is_still_binary(casus_ws):
    assert [f[:2] for f in only(casus_ws, "plaatje.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")] == [
        ("geen-tekst", "dit is geen tekstbestand (het bevat binaire gegevens)")]


def test_deep_nesting_is_refused_with_a_limit_not_a_crash(casus_ws):
    block = "".join(f"{'  ' * i}- \n" for i in range(400))
    flow = "x: " + "[" * 400 + "]" * 400 + "\n"
    for name, text in (("blok.yaml", "id: diep\nlijst:\n" + block), ("haken.yaml", "id: diep\n" + flow)):
        found = only(casus_ws, name, text)
        assert [f[:2] for f in found] == [("te-diep", "de gegevens zijn hier dieper genest dan 40 niveaus")], name
        assert found[0][3].startswith("Een casus heeft hoogstens een paar niveaus")


def test_parser_english_only_with_debug(casus_ws):
    write(casus_ws, "casussen/x.yaml", "id: x\ntitel: [a, b\n")  # an unclosed bracket: no rule of ours
    plain = run(casus_ws, "check").output
    assert "fout[" in plain and "technisch" not in plain
    assert not ENGLISH.search(plain)
    debug = run(casus_ws, "check", "--debug").output
    assert "  = technisch: while parsing a flow sequence" in debug


# --- one mistake, one message ----------------------------------------------------------------

def test_english_keys_get_the_dutch_name_and_no_missing_field_errors(casus_ws):
    text = "id: buurtapp\ntitle: De buurtapp\nsummary: Een bericht loopt uit de hand.\nsituatie: s\n"
    assert only(casus_ws, "buurtapp.yaml", text) == [
        ("onbekend-veld", "onbekend veld `title`", "2:1",
         "`title` is Engels; in casuskit heet dit veld `titel`. Dat veld is verplicht en ontbreekt nu."),
        ("onbekend-veld", "onbekend veld `summary`", "3:1",
         "`summary` is Engels; in casuskit heet dit veld `samenvatting`. Dat veld is verplicht en ontbreekt nu.")]


def test_a_misspelled_required_key_is_one_error_at_that_key(casus_ws):
    text = "id: buurtapp\ntitell: De buurtapp\nSamenvatting: s\nsituatie: s\n"
    assert only(casus_ws, "buurtapp.yaml", text) == [
        ("onbekend-veld", "onbekend veld `titell`", "2:1", "Bedoelde u `titel`? Dat veld is verplicht en ontbreekt nu."),
        ("onbekend-veld", "onbekend veld `Samenvatting`", "3:1",
         "Veldnamen schrijft u met kleine letters: `samenvatting`. Dat veld is verplicht en ontbreekt nu.")]


def test_hash_with_a_space_after_a_required_key(casus_ws):
    text = HEAD.replace("titel: De buurtapp", "titel: # Buurtapp") + "situatie: s\n"
    assert only(casus_ws, "buurtapp.yaml", text) == [(
        "leeg", "`titel` is leeg: `# Buurtapp` is commentaar, omdat een `#` na een spatie commentaar begint", "2:7",
        "Zet de tekst tussen aanhalingstekens: `titel: \"# Buurtapp\"`.")]


def test_profession_typo_comes_without_its_missing_perspective(casus_ws):
    project = casus_ws / "projecten/proef.yaml"
    project.write_text(project.read_text().replace("verplichte_perspectieven: []", "verplichte_perspectieven: [wijkagent]"))
    text = HEAD + "situatie: s\nperspectieven:\n  - beroep: wijkagnet\n    ziet: De groep jongens.\n"
    assert only(casus_ws, "buurtapp.yaml", text) == [
        ("onbekend-beroep", "het beroep `wijkagnet` kent casuskit niet", "6:13", "Bedoelde u `Wijkagent`?")]


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff\x85"),
               max_size=40))
def test_the_mended_line_in_a_hint_reads_back_as_the_writers_text(value):
    assert yaml.safe_load(f"titel: {quoted(value)}")["titel"] == value
