"""Dutch Click: help headings, usage errors and the never-a-traceback guard.

Click writes its own texts in English ("Usage:", "Options:", "No such option"). The classes here
replace those with Dutch, and :func:`run_safely` turns every casuskit error into a Dutch message
with the right exit code (1 for input problems, 2 for usage); an OS error (a full disk, a
read-only folder) is explained in Dutch by :mod:`casuskit.oserrors`. An unexpected exception is a bug
in casuskit; it gets a Dutch apology and the traceback only with CASUSKIT_DEBUG=1.
"""

from __future__ import annotations

import difflib
import functools
import os
import sys
import traceback
from pathlib import Path

import click

HELP_TEXT = "Toon deze hulp en stop."


class DutchFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[OPTIES]"), prefix="Gebruik: ")


class DutchContext(click.Context):
    formatter_class = DutchFormatter


class _Dutch:
    """Dutch help option text, option heading and usage line for commands and groups."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)

    context_class = DutchContext

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_options(self, ctx, formatter) -> None:
        rows = [r for p in self.get_params(ctx)
                if isinstance(p, click.Option) and (r := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section("Opties"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


class DutchCommand(_Dutch, click.Command):
    pass


class DutchGroup(_Dutch, click.Group):
    command_class = DutchCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def format_commands(self, ctx, formatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=70)))
        if rows:
            with formatter.section("Opdrachten"):
                formatter.write_dl(rows)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = f" Bedoelde u `{close[0]}`?" if close else ""
            raise click.UsageError(f"onbekende opdracht `{name}`.{hint}", ctx)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, **extra):
        try:
            return super().main(args, prog_name or "casuskit", standalone_mode=False, **extra)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            _usage_error(exc)
        except SystemExit:
            raise


def _usage_error(exc: click.ClickException) -> None:
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.NoSuchOption):
        message = f"onbekende optie `{exc.option_name}`"
        if exc.possibilities:
            message += f". Bedoelde u `{sorted(exc.possibilities)[0]}`?"
    elif isinstance(exc, click.MissingParameter):
        name = exc.param.human_readable_name if exc.param else "een waarde"
        message = f"{name} ontbreekt"
    elif isinstance(exc, click.BadParameter):
        name = exc.param.human_readable_name if exc.param else "een waarde"
        choices = getattr(getattr(exc.param, "type", None), "choices", None)
        message = f"ongeldige waarde voor {name}" + (
            f"; kies uit: {', '.join(map(str, choices))}" if choices else "")
    elif isinstance(exc, click.UsageError) and exc.message.startswith("onbekende"):
        message = exc.message
    elif isinstance(exc, click.UsageError):
        message = "deze opdracht is verkeerd aangeroepen"
    else:
        message = exc.format_message()
    if ctx is not None:
        click.echo(ctx.get_usage().replace("Usage:", "Gebruik:"), err=True)
    click.echo(f"fout: {message}", err=True)
    if ctx is not None:
        click.echo(f"Meer uitleg: {ctx.command_path} --help", err=True)
    sys.exit(2)


def positive(ctx, param, value):
    """Click callback: a whole number of at least 1 (or no value)."""
    if value is not None and value < 1:
        raise click.BadParameter("moet 1 of meer zijn", ctx, param)
    return value


def run_safely(func):
    """Run a command body; Dutch message and exit code for every failure, never a traceback."""
    from casuskit.errors import CasuskitError, UsageError

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, SystemExit, click.ClickException):
            raise
        except CasuskitError as exc:
            click.echo(f"fout: {exc.message}", err=True)
            if exc.hint:
                click.echo(f"hulp: {exc.hint}", err=True)
            sys.exit(2 if isinstance(exc, UsageError) else 1)
        except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            sys.exit(0)
        except OSError as exc:  # a folder that is read-only, a full disk: the user's to fix
            from casuskit import oserrors
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"fout: {where}{oserrors.reason(exc)}", err=True)
            click.echo(f"hulp: {oserrors.hint(exc)}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Afgebroken; er is niets half geschreven.", err=True)
            sys.exit(130)
        except Exception:  # a bug in casuskit, not in the user's files
            if os.environ.get("CASUSKIT_DEBUG"):
                traceback.print_exc()
            click.echo("fout: er ging iets mis in casuskit zelf; dit ligt niet aan uw bestanden.", err=True)
            click.echo("hulp: meld dit aan de beheerder van casuskit en voeg de uitvoer van dezelfde "
                       "opdracht met CASUSKIT_DEBUG=1 ervoor toe.", err=True)
            sys.exit(70)
    return wrapper


def colour() -> bool | None:
    """False when NO_COLOR is set; otherwise Click decides (colour on a terminal only)."""
    return False if os.environ.get("NO_COLOR") else None


map_option = click.option(
    "--map", "map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path),
    help="De projectmap (met kits/ en casussen/). Standaard: de huidige map of een map erboven.")


def find_root(map_: Path | None) -> Path:
    """The project folder: ``--map``, or the nearest folder at or above the current one."""
    from casuskit.workspace import find_root as nearest
    return nearest(map_ or Path.cwd())


def print_diagnostics(root: Path, diagnostics, err: bool = False, debug: bool = False) -> None:
    """Every diagnostic with its source line, as ``casuskit check`` shows them; with ``debug``
    also the YAML reader's own technical message."""
    from casuskit.report import SourceCache, format_diagnostic
    sources = SourceCache(root)
    for diagnostic in diagnostics:
        click.echo(format_diagnostic(diagnostic, sources, colour=True, debug=debug) + "\n",
                   color=colour(), err=err)
