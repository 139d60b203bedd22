"""The meeting commands: ``casuskit tafels`` (table division) and ``casuskit evaluatie``.

Thin like :mod:`casuskit.cli`: parse options, call the library, print Dutch. Registered on the
main group at the bottom of :mod:`casuskit.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from casuskit.clihelp import DutchCommand, find_root, map_option, print_diagnostics, run_safely
from casuskit.paths import shown


def _checked(map_: Path | None):
    """The checked workspace; prints every error and stops (exit 1) when there are any."""
    from casuskit.check import check_workspace
    root = find_root(map_)
    checked = check_workspace(root)
    if checked.errors:
        print_diagnostics(root, checked.errors)
        click.echo("Los eerst de fouten hierboven op (zie ook `casuskit check`).")
        sys.exit(1)
    return root, checked.workspace


@click.command(cls=DutchCommand)
@click.argument("kit")
@click.option("--laat", multiple=True, metavar="NAAM",
              help="Iemand van de lijst die later komt (of toch komt); mag vaker.")
@click.option("--afwezig", multiple=True, metavar="NAAM",
              help="Iemand van de lijst die niet komt; mag vaker.")
@click.option("--opnieuw", is_flag=True, help="Vergeet de bewaarde indeling en maak een nieuwe.")
@click.option("--zaadje", type=int, metavar="GETAL",
              help="Ander getal, andere indeling (standaard `tafelindeling: zaadje` uit de kit).")
@map_option
@run_safely
def tafels(kit: str, laat: tuple[str, ...], afwezig: tuple[str, ...], opnieuw: bool,
           zaadje: int | None, map_: Path | None) -> None:
    """Verdeel de deelnemers van KIT over de tafels, of pas de indeling aan.

    Gemengde tafels: verschillende rollen aan elke tafel, zo min mogelijk collega's van
    dezelfde organisatie bij elkaar, en liefst niet weer met wie u in een eerdere ronde aan
    tafel zat. De indeling wordt bewaard in deelnemers/KIT.tafels.csv. Met --laat en
    --afwezig blijft iedereen zoveel mogelijk zitten waar hij zat.
    """
    from casuskit.errors import CheckFailed
    from casuskit.seating import Infeasible
    from casuskit.seating.plan import change
    from casuskit.seating.summary import report

    root, ws = _checked(map_)
    try:
        seating, path = change(ws, kit, laat, afwezig, opnieuw, zaadje)
    except CheckFailed as exc:
        print_diagnostics(root, exc.diagnostics)
        sys.exit(1)
    except Infeasible as exc:
        click.echo(f"fout: de deelnemers van `{kit}` passen niet aan de tafels:", err=True)
        for reason in exc.reasons:
            click.echo(f"  - {reason}", err=True)
        click.echo("hulp: verlaag `tafelindeling: rollen_per_tafel` in de kit, kies een ander aantal "
                   "`groepen`, of haal een vaste tafel weg uit de kolom `tafel`.", err=True)
        sys.exit(1)
    for line in report(seating):
        click.echo(line)
    click.echo(f"\nBewaard in {shown(root, path)}. Maak de tafelkaarten opnieuw met: casuskit build {kit}")


@click.command(cls=DutchCommand)
@click.argument("projecten", nargs=-1, metavar="[PROJECT]...")
@click.option("--uit", "out", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor het verslag (standaard: output/ in de projectmap).")
@map_option
@run_safely
def evaluatie(projecten: tuple[str, ...], out: Path | None, map_: Path | None) -> None:
    """Maak het evaluatieverslag uit de ingevulde formulieren in evaluaties/.

    Per project (zonder PROJECT: elk project met resultaten) komt in
    output/<project>/evaluatie.docx een vergelijking van de werkvormen en van de rondes per
    buurt: aantal, gemiddelde en spreiding per stelling, twee grafieken, en de open antwoorden
    per vraag. Typ elk formulier over als één regel in evaluaties/<kit-id>.csv.
    """
    from casuskit.errors import CheckFailed
    from casuskit.evaluation.report import write_reports

    root = find_root(map_)
    try:
        written = write_reports(root, projecten, out)
    except CheckFailed as exc:
        print_diagnostics(root, exc.diagnostics)
        click.echo("Er is geen verslag gemaakt: los eerst de fouten hierboven op.")
        sys.exit(1)
    for item in written:
        click.echo(f"Geschreven: {shown(root, item.path)} ({item.kits} bijeenkomsten, {item.respondents} formulieren)")
