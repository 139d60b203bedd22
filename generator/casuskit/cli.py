"""The ``casuskit`` command line: parses options, calls the library, prints in Dutch.

Deliberately thin: every command delegates to a library function and only formats the result.
Library modules are imported inside the commands so that ``casuskit --help`` stays fast.
Exit codes: 0 in orde, 1 fouten in de invoer of de bouw, 2 verkeerd aangeroepen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from casuskit import __version__
from casuskit.clihelp import (DutchGroup, colour, find_root, map_option, positive,
                              print_diagnostics, run_safely)

KIND_CHOICES = ("casus", "kit", "werkvorm", "buurt", "project", "rol")


@click.group(cls=DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--versie", message="casuskit %(version)s",
                      help="Toon het versienummer en stop.")
def main() -> None:
    """casuskit: van casussen in YAML naar printbare werkkits voor buurtoverleggen.

    \b
    Begin met:
      casuskit check          controleer alle casussen, kits en werkvormen
      casuskit build          maak de kits in output/
      casuskit nieuw casus    begin een nieuwe casus
    """


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--streng", "--strict", "strict", is_flag=True,
              help="Behandel waarschuwingen als fouten (exitcode 1).")
@click.option("--debug", is_flag=True, help="Toon bij YAML-fouten ook de technische melding van de lezer.")
@map_option
@run_safely
def check(paden: tuple[Path, ...], strict: bool, debug: bool, map_: Path | None) -> None:
    """Controleer casussen, kits, werkvormen, buurten en projecten.

    Zonder PADEN wordt alles gecontroleerd; met PADEN (bestanden of mappen) alleen die
    bestanden, maar verwijzingen naar andere bestanden tellen altijd mee.
    """
    from casuskit.report import summary
    from casuskit.verify import check_project
    from casuskit.workspace import files_under

    root = find_root(map_)
    only = files_under(root, list(paden))
    result = check_project(root, only)
    print_diagnostics(root, result.diagnostics, debug=debug)
    files = len(only) if only is not None else len(result.workspace.all_files)
    click.echo(summary(result.diagnostics, files), color=colour())
    if result.failed(strict):
        if strict and not result.errors:
            click.echo("Met --streng tellen waarschuwingen als fouten.")
        sys.exit(1)


@main.command()
@click.argument("kits", nargs=-1, metavar="[KIT]...")
@click.option("--uit", "out", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor de kits (standaard: output/ in de projectmap).")
@click.option("--pdf", "pdf", is_flag=True,
              help="Maak ook PDF's (met LibreOffice) en per kit een printpakket.pdf om in één keer te printen.")
@click.option("--voorbeeld", "--preview", "preview", is_flag=True,
              help="Maak ook per kit voorbeeld.png met alle pagina's klein naast elkaar (maakt ook de PDF's).")
@click.option("--opnieuw", "--force", "force", is_flag=True,
              help="Maak alle kits opnieuw, ook die niet veranderd zijn.")
@click.option("--processen", "--jobs", "processen", type=int, metavar="N", callback=positive,
              help="Bouw met N processen tegelijk (standaard: één per processorkern).")
@click.option("--streng", "--strict", "strict", is_flag=True,
              help="Bouw niets zolang `casuskit check` waarschuwt, bijv. om een conceptcasus.")
@map_option
@run_safely
def build(kits: tuple[str, ...], out: Path | None, pdf: bool, preview: bool, force: bool,
          processen: int | None, strict: bool, map_: Path | None) -> None:
    """Maak de kits: draaiboek, gesprekskaarten, hand-outs en printlijst.

    Zonder KIT worden alle kits gebouwd. Eerst wordt alles gecontroleerd; bij een fout wordt
    niets geschreven en blijft de vorige uitvoer staan. Kits waarvan niets veranderd is, worden
    overgeslagen (output/.casuskit-manifest.json houdt bij wat al klaar is).
    """
    from casuskit.build import build as run_build
    from casuskit.errors import BuildFailed, CheckFailed
    from casuskit.report import build_summary

    root = find_root(map_)
    # progress on a terminal only, so logs and tests get just the summary
    progress = (lambda kit_id: click.echo(f"  gemaakt: {kit_id}", err=True)) if sys.stderr.isatty() else None
    try:
        result = run_build(root, kits, out, progress=progress, force=force, jobs=processen,
                           strict=strict)
    except CheckFailed as exc:
        print_diagnostics(root, exc.diagnostics)
        if any(d.is_error for d in exc.diagnostics):
            click.echo("Er is niets gebouwd: los eerst de fouten hierboven op (zie ook `casuskit check`).")
        else:
            click.echo("Er is niets gebouwd: met --streng tellen waarschuwingen als fouten.")
        sys.exit(1)
    except BuildFailed as exc:
        print_diagnostics(root, exc.diagnostics)
        click.echo("Er is niets geschreven; de vorige uitvoer is ongewijzigd.")
        sys.exit(1)
    if result.errors:  # in files the asked kits are not made from
        print_diagnostics(root, result.errors)
        click.echo("Deze fouten horen niet bij de gevraagde kits; die zijn wel gebouwd. Een volledige "
                   "`casuskit build` lukt pas als ze opgelost zijn.\n")
    click.echo(build_summary(result, root), color=colour())
    from casuskit.writer import OUTPUT_FOLDER
    folder = out or root / OUTPUT_FOLDER
    if pdf or preview:  # after the .docx are written: without LibreOffice those still stand
        from casuskit.printready import make_print_ready, summary
        if progress:
            click.echo("  PDF's maken met LibreOffice …", err=True)
        ready = make_print_ready(root, result, folder, preview, force,
                                 (lambda kit_id: click.echo(f"  printklaar: {kit_id}", err=True))
                                 if progress else None)
        click.echo("\n" + summary(ready, preview), color=colour())
        problems = ready.problems
    elif result.removed_prints:  # kits whose documents changed get their PDFs again
        from casuskit.printready import refresh
        problems = refresh(root, result, folder, click.echo)
    else:
        problems = []
    if problems:
        print_diagnostics(root, problems)
        click.echo("De PDF's van deze kits zijn niet gemaakt: op papier valt tekst weg. De "
                   ".docx-bestanden zijn wel gebouwd.")
        sys.exit(1)


@main.command()
@click.argument("soort", type=click.Choice(KIND_CHOICES))
@click.argument("id_", metavar="[ID]", required=False)
@click.option("--project", metavar="PROJECT", help="Het project waarvoor het bestand is (standaard: "
              "uit de map voor de id, de huidige map, of het enige project).")
@map_option
@run_safely
def nieuw(soort: str, id_: str | None, project: str | None, map_: Path | None) -> None:
    """Begin een nieuw bestand: casus, kit, werkvorm, buurt, project of rol.

    Maakt een ingevuld voorbeeld van SOORT, passend bij uw project: een casus krijgt een
    perspectief voor elk beroep dat het project vraagt, een kit de buurten en de volgende
    ronde van het project. Het bestand komt in de juiste map, met uitleg in commentaar bij elk
    veld. ID is de id van het bestand en ook de bestandsnaam: kleine letters, cijfers en
    streepjes, met eventueel een map ervoor (noord/mijn-casus: een casus voor de buurt noord
    in casussen/noord/). Zonder ID heet het bestand nieuwe-SOORT, bijvoorbeeld
    casussen/nieuwe-casus.yaml.
    """
    from casuskit.scaffold import scaffold
    for path in scaffold(find_root(map_), soort, id_, project):
        click.echo(f"Gemaakt: {os.path.relpath(path)}")
    click.echo("Vul de velden in en controleer daarna met: casuskit check --streng")


@main.command()
@click.option("--uit", "out", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
              help="Map voor de schema's (standaard: schema/ in de projectmap).")
@map_option
@run_safely
def schema(out: Path | None, map_: Path | None) -> None:
    """Schrijf de JSON-schema's voor automatisch aanvullen in editors.

    Met deze schema's geeft een editor als VS Code uitleg en aanvulling bij elk veld.
    Ook de veldenreferentie docs/referentie.md wordt bijgewerkt.
    """
    from casuskit.schema import write_schemas
    root = find_root(map_)
    for path in write_schemas(root, out):
        click.echo(f"Geschreven: {path}")


@main.command()
@click.argument("pad", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--overschrijf", is_flag=True, help="Overschrijf een bestaand bestand.")
@click.option("--accentkleur", metavar="RRGGBB",
              help="Kleur van titels, koppen, kaartachterkanten en tabelkoppen, bijv. 2E7D32.")
@click.option("--lettertype", metavar="NAAM", help="Lettertype van alle stijlen, bijv. Arial.")
@run_safely
def huisstijl(pad: Path, overschrijf: bool, accentkleur: str | None, lettertype: str | None) -> None:
    """Schrijf het standaard huisstijl-document (.docx) om aan te passen.

    Het document komt in PAD.
    Pas lettertypen, kleuren, marges, logo en kop- en voettekst aan in Word en zet het pad in
    het projectbestand onder `huisstijl:`. Casuskit gebruikt alleen de stijlnamen.
    """
    from casuskit.huisstijl import write_default_reference
    write_default_reference(pad, force=overschrijf, accent=accentkleur, font=lettertype)
    click.echo(f"Geschreven: {pad}")
    click.echo("Open het in Word, pas de stijlen aan (Start → Stijlen) en bewaar het.")


from casuskit.cli_meeting import evaluatie, tafels  # noqa: E402  (meeting commands: own module)

main.add_command(tafels)
main.add_command(evaluatie)

from casuskit.cli_watch import watch  # noqa: E402  (casuskit watch lives in its own module)

main.add_command(watch)


def run() -> None:
    """The console entry point: run one command, then leave the process at once.

    Tearing the interpreter down (every module, cache and compiled template freed one by one)
    costs 50–100 ms after each command; by then every file is committed and closed, the
    workers are gone and the output streams are flushed here, so nothing is lost by skipping it.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`casuskit check | head`): nothing to lose
            pass
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    run()
