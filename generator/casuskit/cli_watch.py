"""``casuskit watch``: keep the kits up to date while someone edits casussen.

Thin like :mod:`casuskit.cli`: the rounds themselves are :func:`casuskit.watch.rebuild`.
Registered on the main group at the bottom of :mod:`casuskit.cli`.
"""

from __future__ import annotations

from pathlib import Path

import click

from casuskit.clihelp import DutchCommand, find_root, map_option, positive, print_diagnostics, run_safely

STOPPED = "Gestopt met kijken. De kits in {out}/ horen bij de laatste versie zonder fouten."


@click.command(cls=DutchCommand)
@click.option("--uit", "out", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor de kits (standaard: output/ in de projectmap).")
@click.option("--processen", "--jobs", "processen", type=int, metavar="N", callback=positive,
              help="Bouw met N processen tegelijk (standaard: één per processorkern).")
@map_option
@run_safely
def watch(out: Path | None, processen: int | None, map_: Path | None) -> None:
    """Maak kits opnieuw zodra u een casus, kit of sjabloon bewaart.

    Eerst wordt alles bijgewerkt; daarna kijkt casuskit mee en maakt alleen de kits opnieuw
    die het bewaarde bestand gebruiken. Fouten worden getoond en het kijken gaat door.
    Stop met Ctrl-C.
    """
    import watchfiles

    from casuskit.paths import shown
    from casuskit.watch import Session, relevant
    from casuskit.writer import OUTPUT_FOLDER

    root = find_root(map_)
    folder = out or root / OUTPUT_FOLDER
    where = shown(root, folder)
    session = Session(root, folder, processen)

    def round_(changed) -> None:
        session.round(changed, click.echo, lambda found: print_diagnostics(root, found))
        click.echo(f"Kijkt naar wijzigingen in {root} (stoppen: Ctrl-C) …")

    try:
        round_(None)
        for changes in watchfiles.watch(root, watch_filter=lambda _, path: relevant(root, folder, Path(path)),
                                        raise_interrupt=True):
            paths = sorted({Path(path) for _, path in changes})
            click.echo("\nGewijzigd: " + ", ".join(shown(root, p) for p in paths))
            round_(paths)
    except KeyboardInterrupt:
        click.echo("\n" + STOPPED.format(out=where))
