"""Tests for the fiction check in casuskit.fiction."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casuskit.fiction import Finding, scan_text


def spans(text: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.start, f.end, text[f.start:f.end]) for f in scan_text(text)]


# --- BSN ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Haar BSN is 123456782.", 12, 21),
        ("bsn: 1234.56.782 en verder", 5, 16),
        ("Burgerservicenummer 123 456 782", 20, 31),
        ("Burger service nummer: 111222333", 23, 32),
        ("Zijn sofi-nummer was 1234 56 782.", 21, 32),
        ("sofinummer 10000008 (oud)", 11, 19),  # 8 digits, implied leading zero
        ("123456782 is het BSN van moeder", 0, 9),  # keyword after the number
        ("BSN 123 456 782 12 jaar geleden", 4, 15),  # trailing number not included
    ],
)
def test_bsn_found(text, start, end):
    assert spans(text) == [("fictie-bsn", start, end, text[start:end])]


def test_bsn_message_and_hint():
    (finding,) = scan_text("BSN 123456782")
    assert finding == Finding(
        code="fictie-bsn",
        start=4,
        end=13,
        message="dit lijkt een echt burgerservicenummer (BSN)",
        hint="Gebruik geen echte nummers in een fictieve casus; schrijf bijvoorbeeld "
        "'haar BSN' zonder nummer.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Dossiernummer 123456782.",  # passes the 11-proef, but no keyword
        "Haar BSN is 123456789.",  # fails the 11-proef
        "BSN: " + "x" * 50 + " 123456782",  # keyword too far away
        "BSN onbekend, geboren op 12.03.2016",  # a date is not a BSN
        "haar BSN staat op de brief",
        "BSN 1234567820",  # ten digits
    ],
)
def test_bsn_not_found(text):
    assert [f for f in scan_text(text) if f.code == "fictie-bsn"] == []


# --- IBAN ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("IBAN NL91 ABNA 0417 1643 00 voor de huur", 5, 27),
        ("rekening NL91ABNA0417164300.", 9, 27),
        ("nl91abna0417164300", 0, 18),
        ("Duitse rekening DE89 3704 0044 0532 0130 00 en meer", 16, 43),
        ("Belgisch: BE68539007547034 voor", 10, 26),
    ],
)
def test_iban_found(text, start, end):
    assert spans(text) == [("fictie-iban", start, end, text[start:end])]


def test_iban_message_and_hint():
    (finding,) = scan_text("NL20INGB0001234567")
    assert finding.message == "dit lijkt een echt rekeningnummer (IBAN)"
    assert finding.hint == (
        "Schrijf 'zijn rekeningnummer' zonder nummer, of gebruik een duidelijk "
        "nepnummer zoals 'NL00 BANK 0123 4567 89'."
    )


@pytest.mark.parametrize(
    "text",
    [
        "NL91 ABNA 0417 1643 01",  # wrong checksum
        "NL00 BANK 0123 4567 89",  # the placeholder recommended in the hint
        "Dit is geen iban: AB12 CDEF GHIJ",
    ],
)
def test_iban_not_found(text):
    assert scan_text(text) == []


# --- Phone --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Bel 06-23456781 na vijven", 4, 15),
        ("mobiel: 06 2345 6781.", 8, 20),
        ("0623456781", 0, 10),
        ("06 23 45 67 81", 0, 14),
        ("+31 6 23456781", 0, 14),
        ("+31612345670", 0, 12),
        ("0031 6 2345 6781", 0, 16),
        ("+31 (0)6-23456781", 0, 17),
        ("praktijk 072-5123456", 9, 20),
        ("020 612 3456", 0, 12),
        ("(072) 512 34 56", 0, 15),
        ("0229 283746", 0, 11),
        ("tel. 06-23456781, niet na 21:00", 5, 16),
    ],
)
def test_phone_found(text, start, end):
    assert spans(text) == [("fictie-telefoon", start, end, text[start:end])]


def test_phone_message_and_hint():
    (finding,) = scan_text("06-23456781")
    assert finding.message == "dit lijkt een echt telefoonnummer"
    assert finding.hint == (
        "Schrijf 'haar 06-nummer' zonder nummer, of gebruik een duidelijk "
        "nepnummer zoals '06-XXXXXXXX'."
    )


@pytest.mark.parametrize(
    "text",
    [
        "om 19:30 uur",
        "om 09:30 uur",
        "in 2016",
        "€ 1.250,-",
        "€ 0,50 per stuk",
        "ronde 3",
        "kinderen van 06 - 10 jaar",
        "artikel 1:1 BW",
        "op 01-02-2016 om 10 uur",
        "op 01.02.2016",
        "Dorpsstraat 12",  # a house number is not a phone number (but an address)
        "06-XXXXXXXX",
        "06-12345678",  # the classic placeholder is allowed
        "06-00000000",
        "020 123 4567",
        "0800-1234",
        "06-2345678",  # one digit short
        "06-234567810",  # one digit too many
        "zaaknummer 2016-06123456",
    ],
)
def test_phone_not_found(text):
    assert [f for f in scan_text(text) if f.code == "fictie-telefoon"] == []


# --- E-mail -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Mail naar jan.jansen@gmail.com.", 10, 30),
        ("<s.de-vries+wijk@gemeente-heerhugowaard.nl>", 1, 42),
        ("info@hulp.co.uk", 0, 15),
    ],
)
def test_email_found(text, start, end):
    assert spans(text) == [("fictie-email", start, end, text[start:end])]


def test_email_message_and_hint():
    (finding,) = scan_text("jan@ziggo.nl")
    assert finding.message == "dit lijkt een echt e-mailadres"
    assert finding.hint == (
        "Gebruik een voorbeeldadres dat nooit echt kan bestaan, zoals "
        "'naam@voorbeeld.example'."
    )


@pytest.mark.parametrize(
    "text",
    [
        "naam@voorbeeld.example",
        "jan@example.com",
        "jan@example.org en piet@example.net",
        "wijkteam@example.nl",
        "a@mail.example.com",
        "x@buurt.test",
        "x@nergens.invalid",
        "x@host.localhost",
        "mail @ gmail",
        "een @-teken",
    ],
)
def test_email_not_found(text):
    assert scan_text(text) == []


# --- Address ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Dorpsstraat 12, 1701 AB Heerhugowaard", 0, 23),
        ("Dorpsstraat 12\n1701AB Heerhugowaard", 0, 21),
        ("1701 AB 12", 0, 10),
        ("Ze woont op 12b, 1701 AB.", 12, 24),
        ("Zij woont op de Kerkweg 3a.", 16, 26),
        ("adres: Julianalaan 101", 7, 22),
    ],
)
def test_address_found(text, start, end):
    assert spans(text) == [("fictie-adres", start, end, text[start:end])]


def test_address_message_and_hint():
    (finding,) = scan_text("Dorpsstraat 12")
    assert finding.message == "dit lijkt een echt adres (straat of postcode met huisnummer)"
    assert finding.hint == (
        "Beschrijf de woonplek in algemene woorden, bijvoorbeeld 'een flat aan "
        "de rand van de wijk' of 'een rijtjeshuis vlak bij het winkelcentrum'."
    )


def test_postcode_alone_is_milder():
    (finding,) = scan_text("Postcode 1701 AB in Heerhugowaard")
    assert (finding.code, finding.start, finding.end) == ("fictie-postcode", 9, 16)
    assert finding.message == (
        "dit lijkt een echte postcode; samen met andere gegevens kan die naar "
        "een echt persoon leiden"
    )
    assert finding.hint == (
        "Laat de postcode weg en noem alleen de wijk of de plaats, bijvoorbeeld "
        "'in een wijk in Heerhugowaard'."
    )


@pytest.mark.parametrize(
    "text",
    [
        "een flat aan de rand van de wijk",
        "in 2016 en 2017",
        "1701 SS",  # SA, SD and SS are never used in postcodes
        "0701 AB",  # a postcode never starts with 0
        "Vergadering 3",
        "op weg 2 keer",
        "groep 8",
    ],
)
def test_address_not_found(text):
    assert scan_text(text) == []


# --- Combined -----------------------------------------------------------------


def test_several_findings_sorted_by_start():
    text = (
        "Mevrouw (BSN 123456782) woont op Dorpsstraat 12, 1701 AB. "
        "Bel 06-23456781 of mail m.jansen@hotmail.com; huur gaat naar NL91ABNA0417164300."
    )
    assert [(f.code, f.start, f.end) for f in scan_text(text)] == [
        ("fictie-bsn", 13, 22),
        ("fictie-adres", 33, 56),
        ("fictie-telefoon", 62, 73),
        ("fictie-email", 82, 102),
        ("fictie-iban", 119, 137),
    ]


def test_clean_casus_text_has_no_findings():
    text = (
        "Fatima (34) woont sinds 2016 met haar drie kinderen in een flat aan de rand "
        "van de wijk. Om 19:30 uur is er een buurtoverleg; ronde 3 gaat over de schuld "
        "van € 1.250,- bij de woningcorporatie (artikel 7:2 BW). Kinderen van 06 - 10 "
        "jaar mogen mee. Mail de wijkcoach via wijkcoach@voorbeeld.example."
    )
    assert scan_text(text) == []


# --- Properties ---------------------------------------------------------------

_ALPHABET = st.sampled_from(list("0123456789 .,-+:/()@€ABSNLbsnx\n") + ["BSN ", "06-", "NL"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=80).map("".join)))
def test_scan_text_never_raises_and_offsets_are_valid(text):
    findings = scan_text(text)
    previous_end = 0
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.start >= previous_end
        assert finding.message and finding.hint
        previous_end = finding.end
