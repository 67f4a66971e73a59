"""What each command does, between parsing arguments and printing: calls the pipeline and writes files."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import typer

from ..config import Settings
from ..emit.bibtex import to_bibtex
from ..emit.csl import to_csl_json
from ..errors import InputError
from ..fix import apply_edits, decided_fixes, edits_for
from ..inputs import read_source
from ..model import RunResult
from ..pipeline import check, convert_references, fixed_references
from ..report import render_json, render_text
from .exit_codes import ExitCode
from .output import backup_and_replace, fixed_copy_path, write_output


def run_check(
    documents: Sequence[str],
    settings: Settings,
    output_format: str,
    bib_out: Path | None,
    csl_out: Path | None,
    fix: bool,
    in_place: bool,
    verbose: bool,
) -> int:
    result = check(documents, settings)
    report = render_json(result) if output_format == "json" else render_text(result, settings.fix_threshold, verbose)
    sys.stdout.write(report)
    refs = fixed_references(result, settings)
    if bib_out is not None:
        write_output(bib_out, to_bibtex(refs), list(documents))
        typer.echo(f"citecheck: wrote {bib_out} ({len(refs)} entries)", err=True)
    if csl_out is not None:
        write_output(csl_out, to_csl_json(refs), list(documents))
        typer.echo(f"citecheck: wrote {csl_out} ({len(refs)} items)", err=True)
    if fix:
        _write_fixes(result, settings, in_place)
    worst = result.worst()
    if settings.fail_on is not None and worst is not None and worst >= settings.fail_on:
        return ExitCode.FINDINGS
    return ExitCode.OK


def _write_fixes(result: RunResult, settings: Settings, in_place: bool) -> None:
    fixes = decided_fixes(result.findings, settings.fix_threshold)
    for path in result.documents:
        if path == "-":
            typer.echo("citecheck: standard input cannot be fixed; give a file", err=True)
            continue
        source = read_source(path).text
        edits = edits_for(path, source, fixes)
        fixed = apply_edits(source, edits)
        if in_place:
            if not edits:
                typer.echo(f"citecheck: {path}: nothing to fix", err=True)
                continue
            backup = backup_and_replace(path, fixed)
            typer.echo(f"citecheck: fixed {path} in place ({len(edits)} edits; backup {backup})", err=True)
        else:
            target = fixed_copy_path(path)
            write_output(target, fixed, list(result.documents))
            typer.echo(f"citecheck: wrote {target} ({len(edits)} edits)", err=True)


def run_convert(source: str, to: str, output: Path | None) -> int:
    refs = convert_references(read_source(source))
    text = to_bibtex(refs) if to == "bibtex" else to_csl_json(refs)
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text, [source])
        typer.echo(f"citecheck: wrote {output} ({len(refs)} entries)", err=True)
    return ExitCode.OK
