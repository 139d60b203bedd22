"""``casuskit watch``: keep the kits up to date while someone edits casussen.

Thin like :mod:`casuskit.cli`: the rounds themselves are :func:`casuskit.watch.rebuild`.
Registered on the main group at the bottom of :mod:`casuskit.cli`.
"""

from __future__ import annotations

from pathlib import Path

import click

from casuskit.clihelp import DutchCommand, positive, run_safely

STOPPED = "Gestopt met kijken. De kits in {out}/ horen bij de laatste versie zonder fouten."


@click.command(cls=DutchCommand)
@click.option("--uit", "out", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor de kits (standaard: output/ in de projectmap).")
@click.option("--processen", "--jobs", "processen", type=int, metavar="N", callback=positive,
              help="Bouw met N processen tegelijk (standaard: één per processorkern).")
@click.option("--map", "map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="De projectmap (met kits/ en casussen/). Standaard: de huidige map of een map erboven.")
@run_safely
def watch(out: Path | None, processen: int | None, map_: Path | None) -> None:
    """Maak kits opnieuw zodra u een casus, kit of sjabloon bewaart.

    Eerst wordt alles bijgewerkt; daarna kijkt casuskit mee en maakt alleen de kits opnieuw
    die het bewaarde bestand gebruiken. Fouten worden getoond en het kijken gaat door.
    Stop met Ctrl-C.
    """
    import watchfiles

    from casuskit.build import OUTPUT_FOLDER
    from casuskit.cli import _print_diagnostics
    from casuskit.watch import Session, relevant
    from casuskit.workspace import find_root

    root = find_root(map_ or Path.cwd())
    folder = out or root / OUTPUT_FOLDER
    shown = _shown(root, folder)
    session = Session(root, folder, processen)

    def round_(changed) -> None:
        session.round(changed, click.echo, lambda found: _print_diagnostics(root, found))
        click.echo(f"Kijkt naar wijzigingen in {root} (stoppen: Ctrl-C) …")

    try:
        round_(None)
        for changes in watchfiles.watch(root, watch_filter=lambda _, path: relevant(root, folder, Path(path)),
                                        raise_interrupt=True):
            paths = sorted({Path(path) for _, path in changes})
            click.echo("\nGewijzigd: " + ", ".join(_shown(root, p) for p in paths))
            round_(paths)
    except KeyboardInterrupt:
        click.echo("\n" + STOPPED.format(out=shown))


def _shown(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
