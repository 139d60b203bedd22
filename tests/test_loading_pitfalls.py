"""One test per YAML pitfall: the exact Dutch message and where it points."""

from __future__ import annotations

import datetime as dt

from casuskit.check import check_workspace
from casuskit.workspace import load_workspace
from conftest import diagnostics, write

KIT = """
id: proef
project: heerhugowaard
buurt: noord
ronde: 2
werkvorm: kleine-groepen
datum: {datum}
starttijd: {start}
locatie: Buurthuis
gespreksleider: Marloes de Wit
deelnemers: 18
casussen:
  - stille-buurman
"""


def errors_in(root, file):
    return [d for d in diagnostics(root, errors_only=True) if d[2].startswith(file)]


def test_time_1930_is_a_time_not_minutes(ws):
    write(ws, "kits/proef.yaml", KIT.format(datum="2016-11-08", start="19:30"))
    kit = load_workspace(ws).get("kit", "proef")
    assert kit.start == dt.time(19, 30)
    write(ws, "kits/proef.yaml", KIT.format(datum="2016-11-08", start="25:30"))
    assert errors_in(ws, "kits/proef.yaml") == [
        ("tijd-bestaat-niet", "`25:30` bestaat niet als tijd", "kits/proef.yaml:7:12")]


def test_yes_no_stay_text_and_a_bad_yes_no_is_named(ws):
    write(ws, "casussen/nee.yaml", """
        id: nee
        titel: no
        samenvatting: NO
        situatie: yes
        """)
    casus = load_workspace(ws).get("casus", "nee")
    assert (casus.title, casus.summary, casus.situation) == ("no", "NO", "yes")
    path = ws / "werkvormen/kleine-groepen.yaml"
    path.write_text(path.read_text().replace("per_casus: ja", "per_casus: misschien"))
    assert errors_in(ws, "werkvormen/") == [
        ("geen-ja-nee", "`blokken[2].per_casus` moet ja of nee zijn, niet `misschien`",
         "werkvormen/kleine-groepen.yaml:36:16")]


def test_leading_zero_is_decimal_and_ids_keep_their_zero(ws):
    write(ws, "casussen/nul.yaml", """
        id: "0123"
        titel: Nul
        samenvatting: s
        situatie: s
        personen:
          - naam: Bram
            leeftijd: 081
            rol: buurman
          - naam: Fien
            leeftijd: 08 jaar
            rol: buurvrouw
        """)
    assert errors_in(ws, "casussen/nul.yaml") == [
        ("geen-getal", "`personen[2].leeftijd` moet een heel getal zijn, niet `08 jaar`",
         "casussen/nul.yaml:10:15")]
    write(ws, "casussen/nul.yaml", (ws / "casussen/nul.yaml").read_text().replace("08 jaar", "8"))
    casus = load_workspace(ws).get("casus", "0123")
    assert [p.age for p in casus.persons] == [81, 8]


def test_a_negative_or_too_large_number_names_the_range(ws):
    path = ws / "werkvormen/bewoner-aan-tafel.yaml"
    text = path.read_text(encoding="utf-8")
    assert "        regels: 3\n" in text
    line = text[:text.index("        regels: 3\n")].count("\n") + 1
    for written, expected in (("-1", ("te-klein", "moet minstens 0 zijn")),
                              ("41", ("te-groot", "mag hoogstens 40 zijn"))):
        path.write_text(text.replace("        regels: 3\n", f"        regels: {written}\n", 1), encoding="utf-8")
        found = [d for d in check_workspace(ws).diagnostics if d.is_error]
        assert [(d.code, d.message, f"{d.location.file}:{d.location.line}:{d.location.column}", d.hint)
                         for d in found] == [
            (expected[0], f"`werkbladen[1].onderdelen[1].regels` {expected[1]}",
             f"werkvormen/bewoner-aan-tafel.yaml:{line}:17", "Schrijf een heel getal van 0 tot en met 40.")]


def test_impossible_date(ws):
    write(ws, "kits/proef.yaml", KIT.format(datum="2024-02-30", start="19:30"))
    assert errors_in(ws, "kits/proef.yaml") == [
        ("datum-bestaat-niet", "`2024-02-30` bestaat niet: februari 2024 heeft 29 dagen",
         "kits/proef.yaml:6:8")]


def test_duplicate_key(ws):
    write(ws, "casussen/dubbel.yaml", "id: dubbel\ntitel: Een\nsamenvatting: s\ntitel: Twee\nsituatie: s\n")
    assert errors_in(ws, "casussen/dubbel.yaml") == [
        ("dubbel-veld", "het veld `titel` staat hier voor de tweede keer", "casussen/dubbel.yaml:4:1")]


def test_tab(ws):
    write(ws, "casussen/tab.yaml", b"id: tab\nthemas:\n\t- eenzaamheid\n")
    assert errors_in(ws, "casussen/tab.yaml") == [
        ("tab", "dit bestand gebruikt een tab; YAML staat alleen spaties toe", "casussen/tab.yaml:3:1")]


def test_cp1252_file(ws):
    write(ws, "casussen/oud.yaml", "id: oud\ntitel: Café De Hoek\n".encode("cp1252"))
    assert errors_in(ws, "casussen/oud.yaml") == [
        ("geen-utf8", "het bestand is niet als UTF-8 opgeslagen (teken `é` op deze plek)",
         "casussen/oud.yaml:2:11")]


def test_nbsp_and_zero_width(ws):
    write(ws, "casussen/nbsp.yaml", "id: nbsp\ntitel: Een\u00a0titel\nsamenvatting: a\u200bb\n")
    found = errors_in(ws, "casussen/nbsp.yaml")
    assert found[:2] == [
        ("onzichtbaar-teken", "hier staat een harde spatie (no-break space)", "casussen/nbsp.yaml:2:11"),
        ("onzichtbaar-teken", "hier staat een onzichtbaar teken (zero-width space)", "casussen/nbsp.yaml:3:16"),
    ]


def test_alias_and_anchor(ws):
    write(ws, "casussen/anker.yaml", "id: anker\ntitel: &t Titel\nsamenvatting: *t\n")
    assert errors_in(ws, "casussen/anker.yaml") == [
        ("anker", "ankers (`&t`) zijn niet toegestaan", "casussen/anker.yaml:2:8")]
    write(ws, "casussen/anker.yaml", "id: anker\ntitel: &t Titel\nsamenvatting: s\nsituatie: *t\n")
    assert errors_in(ws, "casussen/anker.yaml") == [
        ("anker", "ankers (`&t`) zijn niet toegestaan", "casussen/anker.yaml:2:8")]
    write(ws, "casussen/anker.yaml", "id: anker\ntitel: Titel\nsamenvatting: *t\n")  # no anchor: text
    assert errors_in(ws, "casussen/anker.yaml") == [
        ("verboden-begin", "een tekst mag in YAML niet beginnen met `*`", "casussen/anker.yaml:3:15")]


def test_tag(ws):
    write(ws, "casussen/tag.yaml", "id: tag\ntitel: !!python/object:os.system x\n")
    assert errors_in(ws, "casussen/tag.yaml") == [
        ("tag", "YAML-tags (`!!python/object:os.system`) zijn niet toegestaan", "casussen/tag.yaml:2:8")]


def test_unknown_key_with_suggestion(ws):
    write(ws, "casussen/typo.yaml", "id: typo\ntitell: T\nsamenvatting: s\nsituatie: s\n")
    result = [d for d in __import__("casuskit.check").check.check_workspace(ws).diagnostics
              if d.location.file == "casussen/typo.yaml"]
    assert [(d.code, d.message, d.location.line, d.location.column, d.hint) for d in result] == [
        ("onbekend-veld", "onbekend veld `titell`", 2, 1, "Bedoelde u `titel`? Dat veld is verplicht en ontbreekt nu."),
    ]


def test_missing_key_inside_a_list_item_points_at_the_item(ws):
    write(ws, "casussen/mist.yaml", """
        id: mist
        titel: T
        samenvatting: s
        situatie: s
        personen:
          - naam: Bram
            leeftijd: 40
        """)
    assert errors_in(ws, "casussen/mist.yaml") == [
        ("veld-ontbreekt", "het verplichte veld `rol` ontbreekt in `personen[1]`", "casussen/mist.yaml:6:5")]


def test_wrong_type_text_where_a_list_belongs(ws):
    write(ws, "casussen/lijst.yaml", "id: lijst\ntitel: T\nsamenvatting: s\nsituatie: s\nthemas: eenzaamheid\n")
    assert errors_in(ws, "casussen/lijst.yaml") == [
        ("geen-lijst", "`themas` moet een lijst zijn, maar hier staat de tekst `eenzaamheid`",
         "casussen/lijst.yaml:5:9")]


def test_empty_file(ws):
    write(ws, "casussen/leeg.yaml", b"\n  \n")
    assert errors_in(ws, "casussen/leeg.yaml") == [
        ("leeg-bestand", "het bestand is leeg", "casussen/leeg.yaml:1:1")]
    write(ws, "casussen/leeg.yaml", b"\n# nog niets\n\n")
    assert errors_in(ws, "casussen/leeg.yaml") == [
        ("leeg-bestand", "het bestand bevat alleen commentaar (regels die met # beginnen)", "casussen/leeg.yaml:2:1")]


def test_binary_file(ws):
    write(ws, "casussen/plaatje.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert errors_in(ws, "casussen/plaatje.yaml") == [
        ("geen-tekst", "dit is geen tekstbestand (het bevat binaire gegevens)", "casussen/plaatje.yaml:0:0")]


def test_bom_and_crlf_are_accepted(ws):
    write(ws, "casussen/bom.yaml", b"\xef\xbb\xbfid: bom\r\ntitel: T\r\nsamenvatting: s\r\nsituatie: |\r\n  a\r\n  b\r\n")
    assert errors_in(ws, "casussen/bom.yaml") == []
    assert load_workspace(ws).get("casus", "bom").situation == "a\nb"


def test_colon_in_text_explains_quotes(ws):
    write(ws, "casussen/punt.yaml", "id: punt\ntitel: Let op: buren\n")
    found = [d for d in __import__("casuskit.check").check.check_workspace(ws).diagnostics
             if d.location.file == "casussen/punt.yaml"]
    assert [(d.message, d.location.line, d.location.column) for d in found] == [
        ("hier staat een dubbele punt (:) die YAML als nieuw veld leest", 2, 14)]
    assert "aanhalingstekens" in found[0].hint


def test_oversized_file(ws):
    write(ws, "casussen/groot.yaml", b"id: groot\nsituatie: |\n" + b"  bla bla bla\n" * 50000)
    assert errors_in(ws, "casussen/groot.yaml") == [
        ("te-groot", "het bestand is te groot (683 KB; de grens is 512 KB)", "casussen/groot.yaml:0:0")]


def test_alias_bomb_is_refused_fast(ws):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi"))
    write(ws, "casussen/bom-aanval.yaml", "id: x\n" + bomb)
    assert [d[0] for d in errors_in(ws, "casussen/bom-aanval.yaml")] == ["anker"]
