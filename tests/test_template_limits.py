"""Template text without limits: loop and size bombs in a casus or a sjabloon are refused quickly.

Each bomb once hung `check` (10^10 loop turns) or took the build past 1.4 GB; here `check` and
`build` answer in Dutch, with the place. An alarm turns a hang back into a failing test, and
tracemalloc shows the 300-million-character text is never made.
"""

from __future__ import annotations

import signal
import tracemalloc
from contextlib import contextmanager

import pytest

from casuskit import sandbox
from casuskit.textrender import LIMIT_HINT, Texts
from conftest import run, write
from proefkit import CASUS_FILE, FILES, write_workspace

LOOP = "{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}"
TIMES = "{{ 'x' * 300000000 }}"
CONTEXT = {"buurt": {"naam": "Noord", "soort": "wijk", "id": "noord"},
           "kit": {"locatie": "Buurthuis De Horn", "ronde": "ronde 2"}}


@contextmanager
def at_most(seconds: int):
    """Fail instead of hanging: these bombs once ran for hours."""
    def stop(*_):
        raise TimeoutError(f"nog bezig na {seconds} s")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def with_situation(root, text: str) -> None:
    path = root / CASUS_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("trekt zich terug.", "trekt zich terug. " + text),
                    encoding="utf-8")


@pytest.mark.parametrize("bomb, reason", [
    (LOOP, "range(…) geeft 99.999 getallen; casuskit telt tot hoogstens 10.000"),
    (TIMES, "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 300.000.000)")])
def test_a_bomb_in_a_casus_text_is_a_located_check_error(tmp_path, bomb, reason):
    write_workspace(tmp_path)
    with_situation(tmp_path, bomb)
    with at_most(30):
        result = run(tmp_path, "check")
    assert result.exit_code == 1
    assert (f"fout[variabele]: deze variabele-tekst vraagt te veel werk: {reason}\n"
            f"  --> {CASUS_FILE}:5:11\n") in result.output
    assert f"  = hulp: {LIMIT_HINT}" in result.output


def problem_and_peak(text: str):
    """What check says about ``text``, and the most memory Python held meanwhile (bytes)."""
    texts = Texts(None)
    tracemalloc.start()
    try:
        with at_most(10):
            problem = texts.problem(text, CONTEXT)
        return problem, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_multiplication_bomb_never_makes_its_text():
    problem, peak = problem_and_peak(TIMES)
    assert problem.message.startswith("deze variabele-tekst vraagt te veel werk")
    assert peak < 5_000_000  # the text would be 300 MB


def with_template(root, text: str) -> None:
    write_workspace(root)
    write(root, "werkvormen/kaarten.yaml", FILES["werkvormen/kaarten.yaml"].replace(
        "[gesprekskaarten]", "[draaiboek, gesprekskaarten]"))
    write(root, "sjablonen/draaiboek-intro.j2", text)


@pytest.mark.parametrize("bomb, reason", [
    (LOOP, "range(…) geeft 99.999 getallen; casuskit telt tot hoogstens 10.000"),
    (TIMES, "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 300.000.000)")])
def test_a_bomb_in_a_project_template_is_a_located_check_error(tmp_path, bomb, reason):
    """check renders the project's templates with every variable empty: a bomb that needs no
    kit's values shows there already."""
    with_template(tmp_path, f"Welkom.\n{bomb}\n")
    with at_most(30):
        result = run(tmp_path, "check")
    assert result.exit_code == 1
    assert (f"fout[sjabloon]: het sjabloon vraagt te veel werk: {reason}\n"
            "  --> sjablonen/draaiboek-intro.j2:2:1\n") in result.output


@pytest.mark.parametrize("bomb, reason", [
    (LOOP, "range(…) geeft 99.999 getallen; casuskit telt tot hoogstens 10.000"),
    (TIMES, "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 300.000.000)")])
def test_a_bomb_behind_a_kits_values_stops_the_build_in_dutch(tmp_path, bomb, reason):
    with_template(tmp_path, f"Welkom.\n{{% if kit.locatie %}}\n{bomb}\n{{% endif %}}\n")
    assert run(tmp_path, "check").exit_code == 0  # empty variables: the bomb is not reached
    with at_most(30):
        result = run(tmp_path, "build")
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [
        f"fout: het sjabloon sjablonen/draaiboek-intro.j2, regel 3 vraagt te veel werk: {reason}",
        "hulp: " + LIMIT_HINT.replace("Een casustekst", "Een sjabloon")]
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("text, reason", [
    ("{% for a in range(9999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
     "dit herhaalt of rekent meer dan 10.000 keer"),
    ("{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}{{ m(40) }}",
     "dit herhaalt of rekent meer dan 10.000 keer"),
    ("{{ 'x'|center(300000000) }}", "het getal 300.000.000 is te groot (hoogstens 100.000)"),
    ("{{ 'x'.ljust(99999) * 2 }}", "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 199.998)"),
    ("{{ '%0300000000d' % 1 }}", "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 300.000.013)"),
    ("{{ '{:>300000000}'.format(1) }}", "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 300.000.026)"),
    ("{% set s = 'x' * 99999 %}{{ s.replace('', s) }}", "dit maakt een tekst van meer dan 100.000 tekens"),
    ("{% set s = 'x' * 99999 %}{{ [s, s, s]|join(s) }}", "dit maakt een tekst van meer dan 100.000 tekens"),
    ("{% set ns = namespace(s='x' * 1000) %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}", "dit maakt een tekst van meer dan 100.000 tekens (ongeveer 128.000)"),
    ("{% set x %}{% for i in range(9999) %}{{ 'y' * 99 }}{% endfor %}{% endset %}",
     "dit maakt bij elkaar meer dan 1.000.000 tekens"),
    ("{{ range(10000)|map('string')|map('center', 99999)|join }}", "dit herhaalt of rekent meer dan 10.000 keer"),
    ("{{ ('y' * 99999).join(range(9000)|map('string')) }}", "dit herhaalt of rekent meer dan 10.000 keer"),
    ("{{ 2 ** 99999999 }}", "dit rekent met een te groot getal"),
    ("{% for x in [[1]] recursive %}{{ loop(x) }}{% endfor %}", "een lus met `recursive` voert casuskit niet uit"),
])
def test_other_ways_to_ask_for_endless_work_or_text_are_refused(text, reason):
    problem, peak = problem_and_peak(text)
    assert problem.message.startswith("deze variabele-tekst vraagt te veel werk: " + reason), problem.message
    assert peak < 5_000_000  # refused before the text or the list is made


@pytest.mark.parametrize("text", ["{{ lipsum(99999) }}", "{{ 'x\\tx'.expandtabs(99999) }}",
                                  "{% set l = [] %}{{ l.append(1) }}"])
def test_calls_that_could_grow_without_end_are_not_allowed(text):
    problem = Texts(None).problem(text, CONTEXT)
    assert problem.message in ("deze variabele-tekst mag casuskit niet uitvoeren",
                               "onbekende variabele: `lipsum` bestaat niet")


@pytest.mark.parametrize("text, filled", [
    ("{{ 'Ronde' if kit.ronde.startswith('ronde ') else 'Bijeenkomst' }}", "Ronde"),
    ("{{ buurt.soort | capitalize }}{{ ' (' ~ buurt.naam ~ ')' }}", "Wijk (Noord)"),
    ("{% for woord in kit.locatie.split() %}{{ woord[0] }}{% endfor %}", "BDH"),
    ("{{ '%s-%d' % (buurt.id, 2) }} {{ '{} {}'.format(buurt.naam, 3 * 4) }}", "noord-2 Noord 12"),
    ("{{ ('x' * 99999)|length }} {{ range(3)|join(',') }}", "99999 0,1,2"),
])
def test_ordinary_texts_still_fill_in(text, filled):
    assert Texts(None).problem(text, CONTEXT) is None
    assert Texts(None).casus_text(text, CONTEXT) == filled


def test_a_control_character_made_by_a_text_is_refused():
    problem = Texts(None).problem("{{ '\\x1b' }}", CONTEXT)
    assert problem.message == ("deze variabele-tekst maakt een onzichtbaar stuurteken (U+001B) dat niet "
                               "in een Word-document kan")


def test_sizes_count_shared_and_self_holding_lists_without_end():
    text = "x" * 1000
    assert sandbox.size([text] * 3) == 3 * 1000 + 2 * 3 + 2
    loop: list = []
    loop.append(loop)
    assert sandbox.size(loop) > sandbox.MAX_PRODUCED  # stops counting, never hangs


def test_a_call_casuskit_does_not_run_in_a_project_template_is_named_so(tmp_path):
    with_template(tmp_path, "Welkom.\n{% if kit.locatie %}{{ kit.locatie.expandtabs(8) }}{% endif %}\n")
    result = run(tmp_path, "build")
    assert result.exit_code == 1
    assert ("fout: het sjabloon sjablonen/draaiboek-intro.j2, regel 2 klopt niet: het roept iets aan dat "
            "casuskit niet uitvoert") in result.output
