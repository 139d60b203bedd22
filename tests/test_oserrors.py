"""OS errors in Dutch, with a hint that fits the cause (casuskit.oserrors) and the CLI's guard."""

from __future__ import annotations

import errno

from casuskit import oserrors


def test_every_common_cause_has_dutch_words_and_its_own_hint():
    cases = {errno.EACCES: ("geen toestemming", "U mag in deze map niet schrijven"),
             errno.ENOSPC: ("de schijf is vol", "Maak ruimte vrij op de schijf"),
             errno.EROFS: ("de schijf of map is alleen-lezen", "Op deze schijf kan niet geschreven worden"),
             errno.ENAMETOOLONG: ("de naam of het pad is te lang", "Kies een map met een korter pad"),
             errno.ENOTDIR: ("een deel van het pad is een bestand, geen map", "Op die plek staat een bestand")}
    for code, (reason, hint) in cases.items():
        exc = OSError(code, "English words")
        assert oserrors.reason(exc) == reason
        assert oserrors.hint(exc).startswith(hint)
        assert "Word" not in oserrors.hint(exc)


def test_reading_has_its_own_hints_and_unknown_errors_name_the_code():
    assert oserrors.hint(PermissionError(errno.EACCES, "x"), reading=True).startswith("U mag dit bestand niet lezen")
    assert oserrors.hint(OSError(errno.ENOSPC, "x"), reading=True) == oserrors.DEFAULT_READ_HINT
    assert oserrors.reason(OSError(errno.ECONNRESET, "Connection reset")) == "systeemfout ECONNRESET"
    assert oserrors.reason(OSError("no errno")) == "onbekende systeemfout"


def test_an_os_error_anywhere_in_a_command_is_dutch_not_a_crash(ws):
    from conftest import run
    (ws / "afile").write_text("", encoding="utf-8")
    result = run(ws, "huisstijl", "afile/huisstijl.docx")
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        "fout: afile: bestaat al",
        "hulp: Op die plek staat al een bestand of map met deze naam; hernoem het of kies een andere naam."]
