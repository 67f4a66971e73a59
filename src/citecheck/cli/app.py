"""The command line: a thin typer layer over the pipeline, the fixers and the reports."""
from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import __version__
from ..config import Settings
from ..errors import CitecheckError, InputError
from ..model import Severity
from .exit_codes import ExitCode
from .commands import View, run_check, run_convert

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Keep references honest: cross-check citations against the bibliography, repair names and URLs, emit clean BibTeX.",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    junit = "junit"
    github = "github"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class ConvertTo(str, Enum):
    bibtex = "bibtex"
    csl_json = "csl-json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"citecheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """citecheck"""


@app.command()
def check(
    documents: List[str] = typer.Argument(..., help="Markdown/text documents and .bib files ('-' for stdin)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Report format."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a finding is at or above this severity."),
    bib_out: Optional[Path] = typer.Option(None, "--bib-out", help="Write clean BibTeX with the decided fixes applied."),
    csl_out: Optional[Path] = typer.Option(None, "--csl-out", help="Write CSL-JSON with the decided fixes applied."),
    fix: bool = typer.Option(False, "--fix", help="Write corrected copies beside the inputs (NAME.fixed.EXT)."),
    in_place: bool = typer.Option(False, "--in-place", help="With --fix: edit the inputs, keeping a .bak backup."),
    fix_threshold: float = typer.Option(0.8, "--fix-threshold", min=0.0, max=1.0, help="Least confidence for a fix to be applied."),
    offline: bool = typer.Option(True, "--offline/--online", help="--online checks every URL live and in web archives; --offline (the default) never touches the network."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URLs point at loopback/private addresses."),
    archive_all: bool = typer.Option(False, "--archive-all", help="Find an archived copy of every URL, not only of failed ones."),
    cache_dir: Optional[Path] = typer.Option(Path("cache"), "--cache-dir", help="Where the HTTP cache lives."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the HTTP cache."),
    mailto: str = typer.Option("", "--mailto", envvar="CITECHECK_MAILTO", help="Your e-mail, sent to Crossref and OpenAlex as their etiquette asks."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also show info findings (automatic repairs)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary and errors (text format)."),
    warnings_as_failures: bool = typer.Option(False, "--warnings-as-failures", help="JUnit: report warnings as failures."),
) -> None:
    """Cross-check a document's in-text citations against its bibliography."""
    if in_place and not fix:
        _usage("--in-place only goes with --fix")
    if quiet and verbose:
        _usage("--quiet and --verbose exclude each other")
    settings = Settings(
        offline=offline, fail_on=_severity(fail_on), fix_threshold=fix_threshold,
        cache_dir=None if no_cache else cache_dir, allow_private=allow_private, archive_all=archive_all,
        mailto=mailto,
    )
    view = View(output_format.value, verbose, quiet, _use_color(), warnings_as_failures)
    code = _guard(lambda: run_check(documents, settings, view, bib_out, csl_out, fix, in_place))
    raise typer.Exit(code)


@app.command()
def convert(
    source: str = typer.Argument(..., help="A reference list (free text, Markdown or BibTeX; '-' for stdin)."),
    to: ConvertTo = typer.Option(ConvertTo.bibtex, "--to", "-t", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Convert a reference list to clean BibTeX or CSL-JSON."""
    raise typer.Exit(_guard(lambda: run_convert(source, to.value, output)))


def _use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _severity(fail_on: FailOn) -> Severity | None:
    return None if fail_on == FailOn.never else Severity.parse(fail_on.value)


def _usage(message: str) -> None:
    typer.echo(f"citecheck: usage error: {message}", err=True)
    raise typer.Exit(ExitCode.USAGE)


def _guard(action) -> int:
    """Run a command; expected failures become one-line messages and exit codes."""
    try:
        return int(action())
    except InputError as exc:
        typer.echo(f"citecheck: error: {exc}", err=True)
        return ExitCode.INPUT
    except CitecheckError as exc:
        typer.echo(f"citecheck: error: {exc}", err=True)
        return ExitCode.INPUT
    except KeyboardInterrupt:
        typer.echo("citecheck: interrupted", err=True)
        return 130
    except Exception as exc:  # a bug: one line, the traceback only on request
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        typer.echo(f"citecheck: internal error: {type(exc).__name__}: {exc} "
                   "(set CITECHECK_DEBUG=1 for the traceback, and please report it)", err=True)
        return ExitCode.INTERNAL


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="citecheck: %(levelname)s: %(message)s")
    app(prog_name="citecheck")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
