"""``citecheck links``: check only the links of documents and .bib files, optionally record every
result in the history store, and report under the rot rule what changed since the last run."""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Callable, Sequence

import typer

from ..config import Settings
from ..emit.keys import assign_keys
from ..history import RunAssessment, assess_run, observe
from ..history.findings import apply_verdicts
from ..history.report import assessment_dict, assessment_summary, assessment_text
from ..links.results import LinkReport
from ..links.runner import LinkCheckRunner
from ..inputs import ReadOnce, distinct_inputs, read_source
from ..model import Reference, RunResult, SourceDoc
from ..pipeline import parse_inputs
from ..report import RenderOptions, render, to_dict
from ..report.html import render_html
from ..store.history import HistoryStore
from .commands import View, sarif_sources
from .exit_codes import ExitCode
from .progress import link_progress
from .services import build_services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinksRun:
    """How one ``links`` run behaves besides the settings."""

    record: bool = False  # --history: record every result in the store
    now: datetime | None = None  # the run's moment (the CLI's clock)
    progress: bool = False  # show a progress bar on standard error


def link_references(paths: Sequence[str], ignore: Sequence[str],
                    read: Callable[[str], SourceDoc] = read_source) -> tuple[Reference, ...]:
    """Every reference of the inputs, keyed, without the URLs an ``ignore`` pattern matches."""
    refs = [r for parsed in parse_inputs(paths, read) for r in parsed.references]
    patterns = [re.compile(p) for p in ignore]
    kept = []
    for ref in assign_keys(refs):
        urls = tuple(u for u in ref.urls if u.url and not any(p.search(u.url) for p in patterns))
        if len(urls) < len(ref.urls):
            log.info("%s: %d URL(s) ignored by the configuration", ref.key, len(ref.urls) - len(urls))
        kept.append(replace(ref, urls=urls))
    return tuple(kept)


def links_runner(settings: Settings) -> LinkCheckRunner:
    """The link checker ``build_services`` makes, without the HTTP cache: a link-rot check must see
    each page as it is now, not as a cached answer from days ago."""
    runner = build_services(replace(settings, offline=False, cache_dir=None)).links
    assert runner is not None  # online settings always give one
    return runner


def run_links(paths: Sequence[str], settings: Settings, view: View, run: LinksRun,
              runner: LinkCheckRunner | None = None) -> int:
    read = ReadOnce()  # standard input and a pipe can be read once: a SARIF report reuses that text
    refs = link_references(paths, settings.ignore, read)
    now = run.now or datetime.now(timezone.utc)
    runner = runner if runner is not None else links_runner(settings)
    with link_progress(run.progress) as update:
        report = runner.with_progress(update).check_references(refs)
    if report.offline:
        typer.echo("citecheck: offline: no host could be reached; links are marked skipped, not dead", err=True)
    documents = tuple(distinct_inputs(paths))
    assessment, run_id, timeline = _assess(report, documents, settings, run, now)
    checks = {c.url: c for c in report.checks}
    verdicts = {v.url: v for v in assessment.verdicts}
    findings = apply_verdicts(report.findings, refs, report.by_reference, checks, verdicts,
                              {(k, u): s for k, u, s in report.reference_snapshots})
    result = RunResult(documents=documents, references=refs, citations=(), findings=findings, links=report.checks,
                       link_refs=report.by_reference, link_snapshots=report.reference_snapshots,
                       offline=report.offline)
    sys.stdout.write(_render(result, assessment, settings, view, run_id, now, timeline, recorded=run.record,
                             read=read))
    if view.format != "text" and not view.quiet:
        typer.echo(f"citecheck: {assessment_summary(assessment)}", err=True)
    if not report.checks:
        typer.echo("citecheck: no links to check in the given inputs", err=True)
    return ExitCode.FINDINGS if assessment.fails(settings.links_fail_on) else ExitCode.OK


def _assess(report: LinkReport, documents: tuple[str, ...], settings: Settings, run: LinksRun, now: datetime):
    urls = [c.url for c in report.checks]
    if not run.record:
        current = tuple(observe(c, now) for c in report.checks)
        timeline = {o.url: ((o.checked_at, o.status),) for o in current}
        return assess_run(urls, {}, current, settings.rot_rule, now), None, timeline
    with HistoryStore(settings.history_path) as store:
        earlier = store.timelines(urls)
        run_id, current = store.record_run(documents, report.checks, now)
        timeline = {url: tuple((o.checked_at, o.status) for o in obs) for url, obs in store.timelines(urls).items()}
    log.info("run %d recorded in %s", run_id, settings.history_path)
    return assess_run(urls, earlier, current, settings.rot_rule, now), run_id, timeline


def _render(result: RunResult, assessment: RunAssessment, settings: Settings, view: View, run_id: int | None,
            now: datetime, timeline, *, recorded: bool, read: Callable[[str], SourceDoc] = read_source) -> str:
    rule = settings.rot_rule
    health = {v.url: v.health.value for v in assessment.verdicts}
    if view.format == "json":
        data = {**to_dict(result), "history": assessment_dict(assessment, rule, run_id=run_id, now=now)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if view.format == "html":
        return render_html(result, settings.fix_threshold, history=timeline, health=health)
    name = "terminal" if view.format == "text" and (view.color or view.quiet) else view.format
    sources, read_only = sarif_sources(result, read) if name == "sarif" else ({}, frozenset())
    options = RenderOptions(threshold=settings.fix_threshold, verbose=view.verbose, quiet=view.quiet,
                            color=view.color, warnings_as_failures=view.warnings_as_failures, sources=sources,
                            root=os.getcwd(), read_only=read_only)
    out = render(name, result, options)
    section = assessment_text(assessment, rule, recorded=recorded)
    if view.format == "text":
        return out + "\n" + section
    if view.format == "markdown":
        return out + "\n## Link history\n\n```\n" + section + "```\n"
    return out
