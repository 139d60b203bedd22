"""Operating-system errors in Dutch: what went wrong, and a hint that fits the cause.

Python's ``strerror`` is English ("Permission denied") and would sit inside a Dutch sentence.
:func:`reason` gives Dutch words for the errno, :func:`hint` what the user can do about it: a
full disk needs space, a read-only folder needs another folder, not "close it in Word".
"""

from __future__ import annotations

import errno

_NO_RIGHTS = "geen toestemming"
REASONS = {
    errno.EACCES: _NO_RIGHTS,
    errno.EPERM: _NO_RIGHTS,
    errno.ENOENT: "bestaat niet",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf of map is alleen-lezen",
    errno.ENAMETOOLONG: "de naam of het pad is te lang",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "bestaat al",
    errno.ELOOP: "te veel snelkoppelingen (symlinks) achter elkaar",
    errno.EIO: "de schijf gaf een lees- of schrijffout",
    errno.EMFILE: "te veel bestanden tegelijk open",
    errno.ENFILE: "te veel bestanden tegelijk open",
    errno.EBUSY: "het bestand of de map is in gebruik",
    errno.EFBIG: "het bestand is te groot voor deze schijf",
    errno.ENOMEM: "te weinig geheugen",
    errno.EXDEV: "ligt op een andere schijf",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    REASONS[errno.EDQUOT] = "uw schijfruimte (quotum) is op"

_FULL = "Maak ruimte vrij op de schijf (bijv. oude uitvoer of de prullenbak) en probeer opnieuw."
WRITE_HINTS = {
    errno.EACCES: "U mag in deze map niet schrijven. Kies een andere map met --uit, of vraag de "
                  "beheerder van de computer om schrijfrechten.",
    errno.ENOSPC: _FULL,
    errno.EFBIG: _FULL,
    errno.EROFS: "Op deze schijf kan niet geschreven worden (bijv. een beveiligde USB-stick of een "
                 "netwerkmap met alleen leesrechten). Kies een andere map met --uit.",
    errno.ENAMETOOLONG: "Kies een map met een korter pad (dichter bij de hoofdmap van de schijf) of "
                        "kortere id's voor project, buurt en kit.",
    errno.ENOENT: "Controleer of de map bestaat en of het pad goed gespeld is.",
    errno.ENOTDIR: "Op die plek staat een bestand waar casuskit een map verwacht; hernoem of "
                   "verwijder het bestand.",
    errno.EISDIR: "Op die plek staat een map waar casuskit een bestand verwacht; hernoem of "
                  "verwijder de map.",
    errno.EEXIST: "Op die plek staat al een bestand of map met deze naam; hernoem het of kies een "
                  "andere naam.",
    errno.ELOOP: "Een snelkoppeling (symlink) wijst naar zichzelf; verwijder de snelkoppeling.",
    errno.EIO: "Controleer de schijf of USB-stick, of de netwerkverbinding, en probeer opnieuw.",
    errno.EMFILE: "Sluit andere programma's en probeer opnieuw.",
    errno.EBUSY: "Sluit programma's die het bestand of de map gebruiken en probeer opnieuw.",
}
WRITE_HINTS[errno.EPERM] = WRITE_HINTS[errno.EACCES]
WRITE_HINTS[errno.ENFILE] = WRITE_HINTS[errno.EMFILE]
if hasattr(errno, "EDQUOT"):
    WRITE_HINTS[errno.EDQUOT] = _FULL
READ_HINTS = {code: WRITE_HINTS[code] for code in (
    errno.ENAMETOOLONG, errno.ENOTDIR, errno.EISDIR, errno.ELOOP, errno.EIO, errno.EMFILE,
    errno.ENFILE, errno.EBUSY)}
READ_HINTS[errno.EACCES] = READ_HINTS[errno.EPERM] = \
    "U mag dit bestand niet lezen; vraag de eigenaar of de beheerder om leesrechten."
READ_HINTS[errno.ENOENT] = "Controleer of het bestand bestaat en of de naam goed gespeld is."
DEFAULT_WRITE_HINT = "Controleer of de map bestaat, of er schijfruimte is en of u er mag schrijven."
DEFAULT_READ_HINT = "Controleer of het bestand bestaat en of u het mag lezen."


def reason(exc: OSError) -> str:
    """Dutch words for what went wrong, e.g. "de schijf is vol"."""
    if exc.errno in REASONS:
        return REASONS[exc.errno]
    name = errno.errorcode.get(exc.errno or 0)
    return f"systeemfout {name}" if name else "onbekende systeemfout"


def hint(exc: OSError, reading: bool = False) -> str:
    """What the user can do: the fix for this errno, when writing or when reading."""
    if reading:
        return READ_HINTS.get(exc.errno, DEFAULT_READ_HINT)
    return WRITE_HINTS.get(exc.errno, DEFAULT_WRITE_HINT)
