"""What each command does, between parsing arguments and printing: calls the pipeline and writes files."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import typer

from ..config import Settings
from ..errors import InputError, UsageError
from ..emit.bibtex import bibtex_pieces, to_bibtex
from ..emit.csl import csl_json_pieces, to_csl_json
from ..emit.inherit import with_inherited
from ..emit.ris import ris_pieces, to_ris
from ..fix import decided_fixes, edits_for
from ..fix.layout import fixed_bytes, layout_of
from ..inputs import ReadOnce, read_source
from ..inputs.stream import bibtex_text_source
from ..model import Fix, Kind, Reference, RunResult, Severity, SourceDoc
from ..parse.bibtex import stream_bibtex_references
from ..pipeline import check, convert_references, fixed_references
from ..report import RenderOptions, render_pieces
from ..report.groups import plural
from ..store.written_outputs import WrittenOutputs
from .exit_codes import ExitCode
from .progress import link_progress, progress_wanted
from .services import build_services
from .output import backup_and_replace, check_output, fixed_copy_path, write_fixed_copy, write_output


@dataclass(frozen=True)
class View:
    """How the report is shown: format and the switches that shape it."""

    format: str = "text"
    verbose: bool = False
    quiet: bool = False
    color: bool = False
    warnings_as_failures: bool = False


STDOUT = "-"
TEXT_EXTRACTED = frozenset({"pdf", "docx", "mhtml"})  # read through text extraction: no text of ours to edit


def run_check(
    documents: Sequence[str],
    settings: Settings,
    view: View,
    bib_out: Path | None,
    csl_out: Path | None,
    fix: bool,
    in_place: bool,
) -> int:
    check_outputs(bib_out, csl_out, documents)
    services = build_services(settings)
    read = ReadOnce()  # standard input and a pipe can be read once: the report and the fixes use that text
    with link_progress(progress_wanted(view.quiet)) as update:
        links = services.links.with_progress(update) if services.links is not None else None
        result = check(documents, settings, sources=services.sources, links=links,
                       existence=services.existence, existence_cache=services.existence_cache, read=read)
    if not settings.offline and result.offline:
        typer.echo("citecheck: offline: no host could be reached; links are marked skipped, not dead", err=True)
    for piece in _render(result, settings, view, read):  # a piece at a time: a large report is never held whole
        sys.stdout.write(piece)
    refs = fixed_references(result, settings)
    written = WrittenOutputs(settings.cache_dir)  # a file citecheck wrote, unchanged since, needs no backup
    if bib_out is not None:
        backup = write_output(bib_out, to_bibtex(refs), list(documents), written)
        typer.echo(f"citecheck: wrote {bib_out} ({plural(len(refs), 'entry')}{_kept(bib_out, backup)})", err=True)
    if csl_out is not None:
        backup = write_output(csl_out, to_csl_json(with_inherited(refs)), list(documents), written)
        typer.echo(f"citecheck: wrote {csl_out} ({len(refs)} items{_kept(csl_out, backup)})", err=True)
    if fix:
        _write_fixes(result, settings, in_place, read)
    worst = result.worst()
    if settings.fail_on is not None and worst is not None and worst >= settings.fail_on:
        return ExitCode.FINDINGS
    return ExitCode.OK


def check_outputs(bib_out: Path | None, csl_out: Path | None, documents: Sequence[str]) -> None:
    """Refuse, before any work, an output that cannot be written (standard output, which holds the
    report; one of the inputs; a folder; a folder that does not exist)."""
    for option, path in (("--bib-out", bib_out), ("--csl-out", csl_out)):
        if path is not None and str(path) == STDOUT:
            raise UsageError("'-' would be standard output, which holds the report; name a file to write", option)
        if path is not None:
            check_output(path, list(documents))


def _kept(path: Path, backup: Path | None) -> str:
    """What the summary says of a file that was already there and differed: where it was kept."""
    return f"; the earlier {Path(path).name}, which differed, kept as {backup}" if backup is not None else ""


def _render(result: RunResult, settings: Settings, view: View,
            read: Callable[[str], SourceDoc] = read_source) -> Iterable[str]:
    name = view.format
    if name == "text" and (view.color or view.quiet):
        name = "terminal"  # a terminal gets the rich report; pipes get plain text
    sources, read_only = sarif_sources(result, read) if name == "sarif" else ({}, frozenset())
    options = RenderOptions(
        threshold=settings.fix_threshold, verbose=view.verbose, quiet=view.quiet, color=view.color,
        warnings_as_failures=view.warnings_as_failures, sources=sources, root=os.getcwd(), read_only=read_only,
    )
    return render_pieces(name, result, options)


def sarif_sources(result: RunResult, read: Callable[[str], SourceDoc] = read_source) -> tuple[
        dict[str, str], frozenset[str]]:
    """What SARIF needs of the documents: the text of each (file -> text) to pin fixes to exact
    characters, and the documents read through text extraction (PDF, Word), where it proposes none.
    ``read``: the run's reader, so that a pipe is not read a second time (and found empty)."""
    docs = {p: read(p) for p in result.documents if p != "-"}
    sources = {p: doc.text for p, doc in docs.items() if doc.format not in TEXT_EXTRACTED}
    return sources, frozenset(p for p, doc in docs.items() if doc.format in TEXT_EXTRACTED)


def _write_fixes(result: RunResult, settings: Settings, in_place: bool,
                 read: Callable[[str], SourceDoc] = read_source) -> None:
    """Carry out the decided fixes in every file they edit: the inputs, and a bibliography file a
    document names (``\\bibliography{refs}``, pandoc's ``bibliography:``), which a reference fix edits."""
    fixes = decided_fixes(result.findings, settings.fix_threshold)
    for path in _files_to_fix(result.documents, fixes):
        if path == "-":
            typer.echo("citecheck: standard input cannot be fixed; give a file", err=True)
            continue
        if not os.path.isfile(path):  # a pipe (``<(...)``), a device: nothing to write a copy beside
            typer.echo(f"citecheck: {path}: not a regular file (a pipe?), so it cannot be fixed; give a file", err=True)
            continue
        doc = read(path)
        if doc.format in TEXT_EXTRACTED:
            article = "an" if doc.format == "mhtml" else "a"
            typer.echo(f"citecheck: {path}: {article} {doc.format.upper()} file cannot be fixed in place; "
                       "the fixes are in the report (and in --bib-out)", err=True)
            continue
        layout = layout_of(Path(path).read_bytes())
        edits = edits_for(path, layout.text, fixes)
        fixed = fixed_bytes(layout, edits)
        count = plural(len(edits), "edit")
        if in_place:
            if not edits:
                typer.echo(f"citecheck: {path}: nothing to fix", err=True)
                continue
            backup = backup_and_replace(path, fixed)
            typer.echo(f"citecheck: fixed {path} in place ({count}; backup {backup})", err=True)
        else:
            target = fixed_copy_path(path)
            backup = write_fixed_copy(target, fixed, list(result.documents))
            typer.echo(f"citecheck: wrote {target} ({count}{_kept(target, backup)})", err=True)


def _files_to_fix(documents: Sequence[str], fixes: Sequence[Fix]) -> list[str]:
    """The inputs, then each other file a fix edits (a .bib a document names), once each."""
    files = list(documents)
    for fix in fixes:
        for loc in fix.locations:
            if loc.file and not any(_same_file(loc.file, f) for f in files):
                files.append(loc.file)
    return files


def _same_file(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return a != "-" and b != "-" and os.path.samefile(a, b)
    except OSError:
        return False


CONVERT_SUFFIXES = {".bib": "bibtex", ".bibtex": "bibtex", ".json": "csl-json", ".ris": "ris"}


def convert_text(refs, to: str) -> str:
    """``refs`` written as ``to``: bibtex (classic), biblatex, csl-json or ris."""
    if to == "bibtex":  # bibtex knows no @xdata: its fields written into the entries that name it
        return to_bibtex(with_inherited(refs, CLASSIC_LINKS), dialect="bibtex")
    if to == "biblatex":
        return to_bibtex(refs)
    if to == "ris":
        return to_ris(with_inherited(refs))
    return to_csl_json(with_inherited(refs))


def convert_pieces(refs: Iterable[Reference], to: str) -> Iterator[str]:
    """``convert_text`` a piece at a time, for references that have their keys: the same text."""
    if to == "bibtex":
        return bibtex_pieces(refs, dialect="bibtex")
    if to == "biblatex":
        return bibtex_pieces(refs)
    if to == "ris":
        return ris_pieces(refs)
    return csl_json_pieces(refs)


def run_convert(source: str, to: str | None, output: Path | None) -> int:
    if output is not None and str(output) == STDOUT:  # ``-o -``: standard output, as without -o
        output = None
    if to is None and output is not None and output.suffix.lower() not in CONVERT_SUFFIXES and not output.is_dir():
        # "-o refs.yaml" was written as BibTeX without a word: say which formats a suffix chooses
        raise UsageError("cannot tell the format to write from its name (.bib, .json or .ris choose one): "
                         "give --to bibtex|biblatex|csl-json|ris", str(output))
    if to is None:
        to = CONVERT_SUFFIXES.get(output.suffix.lower(), "bibtex") if output is not None else "bibtex"  # a folder: refused
    count, backup = convert_written(source, to, output)
    if output is not None:
        typer.echo(f"citecheck: wrote {output} ({plural(count, 'entry')}{_kept(output, backup)})", err=True)
    return ExitCode.OK


def convert_file(source: str, to: str, output: Path | None) -> int:
    """``convert_written``'s number of entries."""
    return convert_written(source, to, output)[0]


def convert_written(source: str, to: str, output: Path | None) -> tuple[int, Path | None]:
    """Convert ``source`` into ``to``, written to ``output`` (standard output if None); the number
    of entries, and where a different file already at ``output`` was kept. A BibTeX file is streamed: read, parsed, converted and written a chunk at a time,
    so memory stays flat however large the file (the text is what converting it whole gives)."""
    text_source = bibtex_text_source(source)
    if text_source is not None and to in INHERITED_INTO and _names_parents(text_source, to):
        text_source = None  # an entry's crossref may come after it: the whole file at once (``emit.inherit``)
    streamed = stream_bibtex_references(text_source, source) if text_source is not None else None
    if streamed is None:  # any other input, or an entry without a key: the whole input at once
        refs = convert_references(read_source(source))
        if not any(_has_content(ref) for ref in refs):  # as ``check`` refuses it: nothing to write
            raise InputError("no references found: nothing in it reads as a reference (no author, title, "
                             "year, container, URL or DOI)", source)
        text = convert_text(refs, to)
        if output is None:
            sys.stdout.write(text)
            return len(refs), None
        return len(refs), write_output(output, text, [source])
    counted = _Counted(streamed)
    pieces = convert_pieces(counted, to)
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return counted.count, None
    backup = write_output(output, pieces, [source])
    return counted.count, backup


INHERITED_INTO = ("csl-json", "ris", "bibtex")  # formats with no crossref or no xdata: inherited fields written out
CLASSIC_LINKS = ("xdata",)  # classic BibTeX's bibtex resolves crossref itself
_PARENT_FIELD = re.compile(r"\b(?:crossref|xdata)\s*=", re.IGNORECASE)
_XDATA_FIELD = re.compile(r"\bxdata\s*=", re.IGNORECASE)


def _names_parents(text_source, to: str = "csl-json") -> bool:
    """Whether a BibTeX text names a ``crossref`` or ``xdata`` parent (classic BibTeX: an ``xdata`` one), read a
    piece at a time."""
    field = _XDATA_FIELD if to == "bibtex" else _PARENT_FIELD
    tail = ""
    for piece in text_source():
        if field.search(tail + piece):
            return True
        tail = piece[-16:]
    return False


def _has_content(ref: Reference) -> bool:
    if any(f.kind is Kind.UNPARSED_ENTRY and f.severity is not Severity.INFO for f in ref.findings):
        return False  # text the free-text parser could not read as a reference (a title is all it found)
    return bool(ref.authors or ref.editors or ref.title.strip() or ref.year is not None or ref.container.strip()
                or ref.urls or ref.doi.strip())


class _Counted:
    """The references of an iterator, counted as they pass."""

    def __init__(self, refs: Iterator[Reference]):
        self.refs = refs
        self.count = 0

    def __iter__(self) -> Iterator[Reference]:
        for ref in self.refs:
            self.count += 1
            yield ref
