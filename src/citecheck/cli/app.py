"""The command line: a thin typer layer over the pipeline, the fixers and the reports."""
from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

from dataclasses import replace

import typer

from .. import __version__
from ..config import Settings
from ..config_file import ConfigError
from ..errors import CitecheckError, InputError, UsageError
from ..history import FailLevel
from ..model import Severity
from .clock import DateError, cli_now, parse_since
from .configure import settings_for
from .exit_codes import ExitCode
from .commands import View, run_check, run_convert
from .history_cmd import run_history
from .links_cmd import LinksRun, run_links
from .progress import progress_wanted

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


class LinksFailOn(str, Enum):
    new = "new"
    new_dead = "new-dead"
    any = "any"
    never = "never"


class HistoryFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


DOCUMENTS_HELP = ("Documents (Markdown, pandoc, LaTeX, Word .docx, PDF, HTML or plain text) and bibliography files "
                  "(BibTeX, RIS, CSL-JSON, CSL YAML, .aux/.bcf/.bbl); '-' for stdin.")
CONFIG_HELP = "A citecheck.toml or pyproject.toml to read (default: the one in the current folder, if any)."


class ConvertTo(str, Enum):
    bibtex = "bibtex"
    biblatex = "biblatex"
    csl_json = "csl-json"
    ris = "ris"


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
    ctx: typer.Context,
    documents: List[str] = typer.Argument(..., help=DOCUMENTS_HELP),
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
    cache_dir: Optional[Path] = typer.Option(Path("cache"), "--cache-dir", help="Where the HTTP cache and the record of the outputs written live."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the HTTP cache."),
    mailto: str = typer.Option("", "--mailto", envvar="CITECHECK_MAILTO", help="Your e-mail, sent to Crossref and OpenAlex as their etiquette asks."),
    save_missing: bool = typer.Option(False, "--save-missing", help="Online: ask Save Page Now to archive live pages that have no snapshot (IA_ACCESS_KEY, IA_SECRET_KEY)."),
    verify: bool = typer.Option(True, "--verify/--no-verify", help="Online: check that every cited work exists (verified / mismatch / not-found / undecided)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also show info findings (automatic repairs)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary and errors (text format)."),
    warnings_as_failures: bool = typer.Option(False, "--warnings-as-failures", help="JUnit: report warnings as failures."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """Cross-check a document's in-text citations against its bibliography."""
    if in_place and not fix:
        _usage("--in-place only goes with --fix")
    if quiet and verbose:
        _usage("--quiet and --verbose exclude each other")
    settings = _settings(ctx, config, {
        "offline": ("offline", offline), "fail_on": ("fail_on", _severity(fail_on)),
        "fix_threshold": ("fix_threshold", fix_threshold), "cache_dir": ("cache_dir", cache_dir),
        "allow_private": ("allow_private", allow_private), "archive_all": ("archive_all", archive_all),
        "mailto": ("mailto", mailto), "verify": ("verify", verify),
        "save_missing": ("save_missing", save_missing),
    })
    if no_cache:
        settings = replace(settings, cache_dir=None)
    view = View(output_format.value, verbose, quiet, _use_color(), warnings_as_failures)
    code = _guard(lambda: run_check(documents, settings, view, bib_out, csl_out, fix, in_place))
    raise typer.Exit(code)


@app.command()
def links(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., help="Documents and .bib files whose reference URLs to check."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Report format."),
    fail_on: LinksFailOn = typer.Option(LinksFailOn.new, "--fail-on", help="Exit 1 on: new (a URL newly suspect or newly dead since the last run), new-dead (newly declared dead), any (any URL suspect or dead), never."),
    history: bool = typer.Option(False, "--history", help="Record every result in the history store, so runs build a timeline per URL."),
    store: Optional[Path] = typer.Option(None, "--store", help="The history store (default: cache/history.sqlite3 under the cache dir)."),
    dead_after_failures: int = typer.Option(3, "--dead-after-failures", min=1, help="The rot rule: failed checks before a URL is dead ..."),
    dead_after_days: float = typer.Option(3.0, "--dead-after-days", min=0.0, help="... spanning at least this many days."),
    ignore: List[str] = typer.Option([], "--ignore", help="A regular expression of URLs not to check (repeatable; replaces the configured list)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Let URLs point at loopback/private addresses."),
    archive_all: bool = typer.Option(False, "--archive-all", help="Find an archived copy of every URL, not only of failed ones."),
    cache_dir: Path = typer.Option(Path("cache"), "--cache-dir", help="Where the history store lives by default."),
    concurrency: int = typer.Option(8, "--concurrency", min=1, max=256, help="URLs checked at once."),
    mailto: str = typer.Option("", "--mailto", envvar="CITECHECK_MAILTO", help="Your e-mail, sent to the services that ask for one."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also show info findings."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary and errors; no progress bar."),
    warnings_as_failures: bool = typer.Option(False, "--warnings-as-failures", help="JUnit: report warnings as failures."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """Check only the links of documents and .bib files; with --history, track link rot over time."""
    if quiet and verbose:
        _usage("--quiet and --verbose exclude each other")
    settings = _settings(ctx, config, {
        "links_fail_on": ("fail_on", FailLevel(fail_on.value)), "history_store": ("store", store),
        "dead_after_failures": ("dead_after_failures", dead_after_failures),
        "dead_after_days": ("dead_after_days", dead_after_days), "ignore": ("ignore", tuple(ignore)),
        "allow_private": ("allow_private", allow_private), "archive_all": ("archive_all", archive_all),
        "cache_dir": ("cache_dir", cache_dir), "concurrency": ("concurrency", concurrency), "mailto": ("mailto", mailto),
    })
    view = View(output_format.value, verbose, quiet, _use_color(), warnings_as_failures)
    run = LinksRun(record=history, now=_now(), progress=progress_wanted(quiet))
    raise typer.Exit(_guard(lambda: run_links(paths, replace(settings, offline=False), view, run)))


@app.command("history")
def history_command(
    ctx: typer.Context,
    url: Optional[str] = typer.Argument(None, help="The URL whose timeline to show (default: every URL)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only checks since this date (YYYY-MM-DD, or 7d, 12h, 2w back from now)."),
    output_format: HistoryFormat = typer.Option(HistoryFormat.text, "--format", "-f", help="Output format."),
    store: Optional[Path] = typer.Option(None, "--store", help="The history store (default: cache/history.sqlite3 under the cache dir)."),
    cache_dir: Path = typer.Option(Path("cache"), "--cache-dir", help="Where the history store lives by default."),
    dead_after_failures: int = typer.Option(3, "--dead-after-failures", min=1, help="The rot rule: failed checks before a URL is dead ..."),
    dead_after_days: float = typer.Option(3.0, "--dead-after-days", min=0.0, help="... spanning at least this many days."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """Show recorded link timelines and what the rot rule makes of them."""
    settings = _settings(ctx, config, {
        "history_store": ("store", store), "cache_dir": ("cache_dir", cache_dir),
        "dead_after_failures": ("dead_after_failures", dead_after_failures),
        "dead_after_days": ("dead_after_days", dead_after_days),
    })
    now = _now()
    try:
        moment = parse_since(since, now) if since is not None else None
    except DateError as exc:
        _usage(f"--since: {exc}")
    raise typer.Exit(_guard(lambda: run_history(url, moment, settings, output_format.value, now)))


@app.command()
def convert(
    source: str = typer.Argument(..., help="A reference list or a document: BibTeX, RIS, CSL-JSON, Markdown (pandoc), "
                                 "LaTeX (.tex/.aux/.bcf/.bbl), HTML, PDF, DOCX or plain text ('-' for stdin)."),
    to: Optional[ConvertTo] = typer.Option(
        None, "--to", "-t",
        help="Output format: bibtex (classic, for bibtex and biber), biblatex, csl-json or ris. "
             "Default: from the --output suffix (.bib bibtex, .json csl-json, .ris ris), else bibtex.",
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Convert references to clean BibTeX, BibLaTeX, CSL-JSON or RIS."""
    raise typer.Exit(_guard(lambda: run_convert(source, to.value if to is not None else None, output)))


def _use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _settings(ctx: typer.Context, config: Optional[Path], overrides: dict) -> Settings:
    """The configuration file under the flags given. A bad file is a usage error (exit 2): like a bad
    flag, it is how citecheck was asked to run that is wrong, not an input it was asked to check (3)."""
    try:
        return settings_for(ctx, config, overrides)
    except ConfigError as exc:
        typer.echo(f"citecheck: configuration error: {exc}", err=True)
        raise typer.Exit(ExitCode.USAGE)


def _now():
    try:
        return cli_now()
    except DateError as exc:
        _usage(str(exc))


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
    except UsageError as exc:
        typer.echo(f"citecheck: usage error: {exc}", err=True)
        return ExitCode.USAGE
    except CitecheckError as exc:
        typer.echo(f"citecheck: error: {exc}", err=True)
        return ExitCode.INPUT
    except KeyboardInterrupt:
        typer.echo("citecheck: interrupted", err=True)
        return 130
    except BrokenPipeError:  # the reader left (`citecheck convert refs.bib | head`): no bug, nothing to say
        _silence_stdout()
        return 128 + 13  # as a shell reports a process ended by SIGPIPE
    except Exception as exc:  # a bug: one line, the traceback only on request
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        typer.echo(f"citecheck: internal error: {type(exc).__name__}: {exc} "
                   "(set CITECHECK_DEBUG=1 for the traceback, and please report it)", err=True)
        return ExitCode.INTERNAL


def _silence_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit cannot raise BrokenPipeError
    again (the Python manual's advice for SIGPIPE); a stdout with no file descriptor is left."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="citecheck: %(levelname)s: %(message)s")
    # bibtexparser logs a broken block without the file's name (and again on each pass over the file);
    # citecheck reports the same block by file and line
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    app(prog_name="citecheck")


if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
