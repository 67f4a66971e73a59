"""The one place that knows the stage order: read -> clean -> parse -> reconcile -> fix -> emit."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Sequence

from .config import Settings
from .emit.keys import assign_keys
from .errors import InputError, without_line
from .fix.plan import decided_fixes
from .fix.records import apply_to_references
from .inputs import distinct_inputs, read_source
from .model import Citation, Finding, Reference, RunResult, SourceDoc
from .parse.citation_notes import find_note_citations
from .parse.citation_numbers import find_numbered_citations
from .parse.citation_labels import find_label_citations
from .parse.citation_bare import bare_name_year_citations
from .parse.citation_placeholders import endnote_placeholders
from .parse.citation_unresolved import LATEX_OUTPUT_FORMATS, unresolved_key_citations
from .parse.citation_years import bare_year_citations
from .parse.citations import author_page_candidates, find_citations, names_cited_by
from .reconcile.checks import author_page_style
from .parse.document import ParsedDocument, convert_references, parse_documents
from .reconcile import missing_parents, reconcile
from .reconcile.unprinted import without_unprinted_missing_fields
from .resolve import (
    ExistenceSources, NameEvidenceSource, WorkSource, check_existence, offline_sources, prefetch, verify_references,
)
from .resolve.guard import AnswerCache

if TYPE_CHECKING:
    from .links.runner import LinkCheckRunner

__all__ = ["check", "check_parsed", "convert_references", "fixed_references", "parse_inputs", "with_existence",
           "with_links"]

log = logging.getLogger(__name__)



def _outside_labels(cites, labelled, unlabelled) -> list[Citation]:
    """``cites`` but the author-date readers' reading of a label's bracket, apalike's "[Smith and Jones, 1990]",
    which the label reader has read (a citation of that entry, or a missing reference) already."""
    inside = [(c.span.start, c.span.end) for c in labelled] + [(f.span.start, f.span.end) for f in unlabelled if f.span]
    if not inside:
        return list(cites)
    return [c for c in cites if c.key or not any(a <= c.span.start and c.span.end <= b for a, b in inside)]

def parse_inputs(paths: Sequence[str], read: Callable[[str], SourceDoc] = read_source) -> list[ParsedDocument]:
    """Parse every input, each file once (one given twice is read once); a bibliography a document
    names and the user also gave is read once. ``read`` reads an input (``inputs.read_source``)."""
    return parse_documents([read(p) for p in distinct_inputs(paths)])


def check(
    paths: Sequence[str],
    settings: Settings = Settings(),
    sources: Sequence[NameEvidenceSource] | None = None,
    links: "LinkCheckRunner | None" = None,
    existence: ExistenceSources | None = None,
    existence_cache: AnswerCache | None = None,
    read: Callable[[str], SourceDoc] = read_source,
) -> RunResult:
    """Run the whole check over documents and BibTeX files.

    BibTeX files given alongside documents are the bibliography of every document;
    a document's own bibliography section is used as well. ``sources`` weigh name
    mismatches (default: the offline ones); ``links``, when given, checks every URL;
    ``existence``, when given, gives every reference a verdict (answers cached in
    ``existence_cache``); ``read`` reads an input (``inputs.read_source``; the CLI's reads each
    once, so a report or a fix sees the text of standard input or a pipe that was checked).
    Raises InputError when an input cannot be read or there is no bibliography at all.
    """
    parsed = parse_inputs(paths, read)
    result = check_parsed(parsed, settings, offline_sources() if sources is None else sources)
    if links is not None:
        result = with_links(result, links, settings.ignore)
    if existence is not None:
        result = with_existence(result, existence, settings, cache=existence_cache)
    return result


def with_existence(
    result: RunResult, sources: ExistenceSources, settings: Settings, cache: AnswerCache | None = None
) -> RunResult:
    """Every reference with a verdict: verified, mismatch, not-found or undecided (never not-found offline)."""
    checks, findings = check_existence(
        result.references, sources, offline=result.offline and bool(result.links), cache=cache,
        max_workers=min(4, settings.concurrency),
    )
    return replace(result, existence=checks, findings=result.findings + findings)


def with_links(result: RunResult, links: "LinkCheckRunner", ignore: Sequence[str] = ()) -> RunResult:
    """The result with every reference URL checked live and against the archives.

    URLs matching one of the ``ignore`` patterns (regular expressions, searched) are not checked.
    """
    patterns = [re.compile(p) for p in ignore]
    refs = [
        replace(r, urls=tuple(u for u in r.urls if not any(p.search(u.url) for p in patterns)))
        for r in result.references
    ] if patterns else result.references
    report = links.check_references(refs)  # says "offline" once itself when it is
    return replace(
        result,
        findings=result.findings + report.findings,
        links=report.checks,
        link_refs=report.by_reference,
        link_snapshots=report.reference_snapshots,
        offline=report.offline,
    )


def check_parsed(
    parsed: Sequence[ParsedDocument], settings: Settings, sources: Sequence[NameEvidenceSource]
) -> RunResult:
    shared = tuple(r for p in parsed if p.body is None for r in p.references)
    documents = [p for p in parsed if p.body is not None]
    all_refs: list[Reference] = list(shared)
    for p in documents:
        all_refs.extend(p.references)
    if not all_refs:
        problem = next((f for p in parsed for f in p.findings if f.span is not None), None)
        if problem is not None:  # e.g. the .bib a LaTeX file names does not exist
            line = problem.span.line
            raise InputError(f"no bibliography: {without_line(problem.message, line)}", problem.span.file, line)
        names = ", ".join(p.source.path for p in parsed)
        raise InputError("no bibliography found (no heading such as References or Bibliography, "
                         "no trailing reference list, and no .bib file given)", names)
    keyed = assign_keys(all_refs)
    by_id = {id(r): k for r, k in zip(all_refs, keyed)}
    shared_keyed = tuple(by_id[id(r)] for r in shared)
    findings: list[Finding] = [f for p in parsed for f in p.findings]
    findings.extend(f for r in keyed for f in _with_reference(r))
    prefetch(keyed, sources, max_workers=min(4, settings.concurrency))  # warm online sources in parallel
    citations: list[Citation] = []
    targets: list[str | None] = []
    for p in documents:
        refs = shared_keyed + tuple(by_id[id(r)] for r in p.references)
        if p.citations is not None:  # key-based citations, found by the format's parser
            cites = p.citations
        else:
            known = names_cited_by(refs)
            notes = find_note_citations(p.body, refs)  # notes-bibliography: citations in footnotes
            numbered, unnumbered = find_numbered_citations(notes.rest, refs)  # IEEE/Vancouver: [3]
            labelled, unlabelled = find_label_citations(notes.rest, refs)  # BibTeX's alpha: [Knu84]
            cites = find_citations(notes.rest, known_titles=known) + notes.citations + numbered + labelled
            cites += endnote_placeholders(notes.rest)  # "{Smith, 2019 #12}": EndNote's unformatted citations
            cites += bare_year_citations(notes.rest, cites, refs)  # "Lee says so (2020)": pandoc's [-@lee2020]
            cites += bare_name_year_citations(notes.rest, cites, refs)  # "see also García, 2020": natbib's \citealp
            latex_output = p.source.format in LATEX_OUTPUT_FORMATS  # "(?)": LaTeX's undefined key, a PDF's text
            cites += unresolved_key_citations(notes.rest, cites, latex_output)  # "(ghost2020?)": pandoc's, too
            if author_page_style(cites, refs):  # MLA: "(Adeyemi 88)" cites a name even when no entry has it
                cites += author_page_candidates(notes.rest, cites)
            cites = tuple(sorted(_outside_labels(cites, labelled, unlabelled), key=lambda c: c.span.start))
            findings.extend(notes.findings + unnumbered + unlabelled)
        result = reconcile(cites, refs, sources, threshold=settings.fix_threshold, biber=p.biber)
        citations.extend(cites)
        targets.extend(result.targets)
        findings.extend(result.findings)
    if documents:  # an entry no document cites is never printed: its lacking fields go unsaid (said uncited)
        findings = without_unprinted_missing_fields(findings, {t for t in targets if t})
    else:  # bibliography files alone: no document to reconcile, but a crossref to no entry is the file's own fault
        findings.extend(f for _, f in missing_parents((), keyed, ()))
    findings.extend(_verified(keyed, sources, findings, settings))
    return RunResult(
        documents=tuple(p.source.path for p in parsed),
        references=tuple(keyed),
        citations=tuple(citations),
        findings=tuple(findings),
        citation_targets=tuple(targets),
    )


def _verified(
    refs: Sequence[Reference], sources: Sequence[NameEvidenceSource], known: Sequence[Finding], settings: Settings
) -> tuple[Finding, ...]:
    """What the works' own records say that no citation reveals (online sources only)."""
    works = [s for s in sources if isinstance(s, WorkSource)]
    if not works:
        return ()
    return verify_references(refs, works, priors=offline_sources(), known=known, threshold=settings.fix_threshold)


def _with_reference(ref: Reference) -> tuple[Finding, ...]:
    """The parser's findings for ``ref``, labelled with its key."""
    return tuple(f if f.reference else replace(f, reference=ref.key) for f in ref.findings)


def fixed_references(result: RunResult, settings: Settings) -> tuple[Reference, ...]:
    """The references with every decided fix applied, keys re-derived where a name changed."""
    return apply_to_references(result.references, decided_fixes(result.findings, settings.fix_threshold))
