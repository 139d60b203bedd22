"""The fiction check: finds data in casus texts that looks like real personal data.

Cases are meant to be fictional, but they are often written from real clients.
:func:`scan_text` scans one text value and returns a :class:`Finding` for every
BSN, IBAN, Dutch phone number, e-mail address or address that looks real.
Every finding carries a Dutch message and a concrete Dutch hint for the writer.

Choices (deliberately conservative, to keep false positives rare):

* BSN: a 9-digit number (``123456782``, ``1234.56.782``, ``123 456 782``) or
  an unseparated 8-digit number (implied leading zero) that passes the 11-proef
  (``stdnum.nl.bsn``) *and* has a keyword (bsn, burgerservicenummer,
  sofinummer, ...) within 40 characters before or after it.
* IBAN: only numbers that ``stdnum.iban`` accepts (mod-97 checksum and the
  country's length and layout; bank-code registries are not consulted, so a
  real IBAN of a new bank is still caught), with or without spaces, any case.
  Invalid IBAN-shaped text such as ``NL00 BANK 0123 4567 89`` is a fine
  placeholder and is never reported as a phone number or BSN either.
* Phone: Dutch numbers with 10 digits nationally (``06-23456781``,
  ``072-5123456``, ``020 612 3456``) or ``+31``/``0031`` plus 9 digits.  A
  subscriber part that is an obvious placeholder (a run like ``12345678`` or
  ``87654321``, or one repeated digit like ``00000000``) is allowed, so the
  classic ``06-12345678`` (and ``020 123 4567``) is *not* reported.  Service
  numbers (0800/0900) with fewer digits do not match.  Dates, times, years
  and amounts are excluded by the separators allowed around the digits.
* E-mail: every address except the reserved example domains (example.com,
  .org, .net, example.nl and subdomains; the TLDs .example, .test, .invalid,
  .localhost).
* Address: a postcode (``1701 AB``, capital letters, via ``stdnum.nl.postcode``)
  with a house number right before or after it, or a street name with a house
  number (``Dorpsstraat 12``), is ``fictie-adres``.  A postcode on its own is
  ``fictie-postcode`` with a milder message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# python-stdnum is imported at the first candidate number, not here: it pulls in ssl (≈ 12 ms
# of every check's start-up) and most casussen hold nothing shaped like a number to check.


@dataclass(frozen=True)
class Finding:
    """One piece of text that looks like real personal data."""

    code: str
    start: int
    end: int
    message: str
    hint: str


_TEXTS = {
    "fictie-bsn": (
        "dit lijkt een echt burgerservicenummer (BSN)",
        "Gebruik geen echte nummers in een fictieve casus; schrijf bijvoorbeeld "
        "'haar BSN' zonder nummer.",
    ),
    "fictie-iban": (
        "dit lijkt een echt rekeningnummer (IBAN)",
        "Schrijf 'zijn rekeningnummer' zonder nummer, of gebruik een duidelijk "
        "nepnummer zoals 'NL00 BANK 0123 4567 89'.",
    ),
    "fictie-telefoon": (
        "dit lijkt een echt telefoonnummer",
        "Schrijf 'haar 06-nummer' zonder nummer, of gebruik een duidelijk "
        "nepnummer zoals '06-XXXXXXXX'.",
    ),
    "fictie-email": (
        "dit lijkt een echt e-mailadres",
        "Gebruik een voorbeeldadres dat nooit echt kan bestaan, zoals "
        "'naam@voorbeeld.example'.",
    ),
    "fictie-adres": (
        "dit lijkt een echt adres (straat of postcode met huisnummer)",
        "Beschrijf de woonplek in algemene woorden, bijvoorbeeld 'een flat aan "
        "de rand van de wijk' of 'een rijtjeshuis vlak bij het winkelcentrum'.",
    ),
    "fictie-postcode": (
        "dit lijkt een echte postcode; samen met andere gegevens kan die naar "
        "een echt persoon leiden",
        "Laat de postcode weg en noem alleen de wijk of de plaats, bijvoorbeeld "
        "'in een wijk in Heerhugowaard'.",
    ),
}


def _finding(code: str, start: int, end: int) -> Finding:
    message, hint = _TEXTS[code]
    return Finding(code, start, end, message, hint)


# --- IBAN ---------------------------------------------------------------------

_IBAN_SHAPE = re.compile(
    r"(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?!\w)"
)


def _iban_shapes(text: str) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, valid) for IBAN-shaped text, shortening to a valid IBAN."""
    for m in _IBAN_SHAPE.finditer(text):
        from stdnum import iban
        raw = m.group()
        for end in range(len(raw), 0, -1):
            at_boundary = end == len(raw) or raw[end] == " "
            if at_boundary and iban.is_valid(raw[:end], check_country=False):
                yield m.start(), m.start() + end, True
                break
        else:
            yield m.start(), m.end(), False


# --- BSN ----------------------------------------------------------------------

_BSN_KEYWORD = re.compile(
    r"\bbsn|burger[\s-]*service[\s-]*nummer|\bsofi[\s-]*(?:nummer|nr)", re.IGNORECASE
)
_DIGIT_RUN = re.compile(r"(?<![\w.,+/:€-])\d+(?:[ .]\d+)*(?![\w€]|[.,:/-]\d)")
_KEYWORD_DISTANCE = 40


def _bsn_findings(text: str) -> Iterator[Finding]:
    keywords = [m.span() for m in _BSN_KEYWORD.finditer(text)]
    if not keywords:
        return
    for run in _DIGIT_RUN.finditer(text):
        groups = [(g.start(), g.end()) for g in re.finditer(r"\d+", run.group())]
        for span in _bsn_windows(run.group(), groups):
            start, end = run.start() + span[0], run.start() + span[1]
            if any(k_end >= start - _KEYWORD_DISTANCE and k_start <= end + _KEYWORD_DISTANCE
                   for k_start, k_end in keywords):
                yield _finding("fictie-bsn", start, end)
                break


def _bsn_windows(run: str, groups: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Yield spans of consecutive digit groups in ``run`` that form a valid BSN."""
    for i, (start, _) in enumerate(groups):
        for j in range(i, len(groups)):
            end = groups[j][1]
            digits = re.sub(r"\D", "", run[start:end])
            sizes_ok = i == j or all(2 <= b - a <= 4 for a, b in groups[i:j + 1])
            length_ok = len(digits) == 9 or (len(digits) == 8 and i == j)
            if sizes_ok and length_ok and _valid_bsn(digits):
                yield start, end
            if len(digits) >= 9:
                break


# --- Phone --------------------------------------------------------------------

_PHONE = re.compile(
    r"(?<![\w+.,/:€-])"
    r"(?:(?:\+|00) ?31[ -]?(?:\(0\)[ -]?)?|\(?0)"
    r"(?P<area>[1-9]\d{0,2})\)?"
    r"(?: ?[-/.] ?| )?"
    r"(?P<sub>\d{2,}(?: \d{2,}){0,3})(?![\w€]|[.,:/-]\d)"
)


def _is_placeholder(digits: str) -> bool:
    steps = {int(b) - int(a) for a, b in zip(digits, digits[1:])}
    return len(digits) >= 6 and len(steps) == 1 and steps <= {-1, 0, 1}


def _phone_findings(text: str) -> Iterator[Finding]:
    for m in _PHONE.finditer(text):
        needed = 9 - len(m.group("area"))
        sub_start = m.start("sub")
        total, end = 0, None
        for g in re.finditer(r"\d+", m.group("sub")):
            total += len(g.group())
            if total == needed:
                end = sub_start + g.end()
            if total >= needed:
                break
        if end is None:
            continue
        if not _is_placeholder(re.sub(r"\D", "", text[sub_start:end])):
            yield _finding("fictie-telefoon", m.start(), end)


# --- E-mail -------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w.%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![\w-]|\.\w)"
)
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net", "example.nl")
_RESERVED_TLDS = ("example", "test", "invalid", "localhost")


def _email_findings(text: str) -> Iterator[Finding]:
    for m in _EMAIL.finditer(text):
        domain = m.group(1).lower()
        if domain.rsplit(".", 1)[-1] in _RESERVED_TLDS:
            continue
        if any(domain == d or domain.endswith("." + d) for d in _EXAMPLE_DOMAINS):
            continue
        yield _finding("fictie-email", m.start(), m.end())


# --- Address ------------------------------------------------------------------

_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3} ?[A-Z]{2}(?!\w)")
_HOUSE_NUMBER = r"\d{1,4}(?:-?[a-zA-Z])?"
_NUMBER_BEFORE = re.compile(rf"(?<![\w.,-]){_HOUSE_NUMBER},?[ \t]*\n?[ \t]*$")
_NUMBER_AFTER = re.compile(rf",? ?{_HOUSE_NUMBER}(?![\w.,-])")
_STREET = re.compile(
    r"\b[A-Z][\w'-]*?(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|"
    rf"dijk|hof|markt) {_HOUSE_NUMBER}(?![\w.,-]\d)\b"
)


def _valid_bsn(digits: str) -> bool:
    from stdnum.nl import bsn
    return bsn.is_valid(digits)


def _address_findings(text: str) -> Iterator[Finding]:
    streets = [m.span() for m in _STREET.finditer(text)]
    for start, end in streets:
        yield _finding("fictie-adres", start, end)
    for m in _POSTCODE.finditer(text):
        from stdnum.nl import postcode
        if not postcode.is_valid(m.group()):
            continue
        before = _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start())
        after = _NUMBER_AFTER.match(text, m.end())
        if before:
            start = min([s for s, e in streets if s <= before.start() < e], default=before.start())
            yield _finding("fictie-adres", start, m.end())
        elif after:
            yield _finding("fictie-adres", m.start(), after.end())
        else:
            yield _finding("fictie-postcode", m.start(), m.end())


# --- Public entry point -------------------------------------------------------


_CANDIDATE = re.compile(r"[\d@]")  # every kind of finding holds a digit or an @


def scan_text(text: str) -> list[Finding]:
    """Return findings for data in ``text`` that looks real, sorted by start.

    Overlapping findings are reduced to one: the one that starts first wins,
    and of two that start together the longer one.
    """
    if not _CANDIDATE.search(text):  # most texts: no number, no address, nothing to find
        return []
    shapes = list(_iban_shapes(text))
    found = [_finding("fictie-iban", s, e) for s, e, valid in shapes if valid]
    for finding in (*_bsn_findings(text), *_phone_findings(text)):
        if not any(s < finding.end and finding.start < e for s, e, _ in shapes):
            found.append(finding)
    found.extend(_email_findings(text))
    found.extend(_address_findings(text))
    found.sort(key=lambda f: (f.start, f.start - f.end))
    result: list[Finding] = []
    for finding in found:
        if not result or finding.start >= result[-1].end:
            result.append(finding)
    return result
