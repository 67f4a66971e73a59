"""One input, parsed: a BibTeX file, or a document with its cited body and its own reference list.

This is where the input format decides which parsers run (the pipeline only calls
``parse_document``); ``convert_references`` gives the references of any input.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from ..emit.keys import assign_keys
from ..errors import InputError
from ..model import Citation, CleanText, Finding, Reference, SourceDoc
from .bibtex import parse_bibtex
from .cleanup import remove_page_headers
from .references import parse_reference_list
from .sections import split_sections

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedDocument:
    """A parsed input.

    ``body`` is the prose that cites (None for a bibliography file such as .bib);
    ``citations`` are given by formats whose citations are keys ([@key], \\cite{key}), and
    None when the body's author-date citations are still to be found (that needs the
    references' names, so the pipeline does it after keys are assigned).
    """

    source: SourceDoc
    body: CleanText | None
    references: tuple[Reference, ...]
    findings: tuple[Finding, ...]
    citations: tuple[Citation, ...] | None = None


def parse_document(doc: SourceDoc) -> ParsedDocument:
    """Parse one input: a BibTeX file, or a document with a bibliography section."""
    if doc.format == "bibtex":
        refs, findings = parse_bibtex(doc.text, doc.path)
        if not refs and findings:
            first = findings[0]
            raise InputError(first.message, doc.path, first.span.line if first.span else None)
        if not refs:
            raise InputError("no BibTeX entries found", doc.path)
        return ParsedDocument(doc, None, refs, findings)
    cleaned = remove_page_headers(doc.path, doc.text)
    if cleaned.removed_count:
        log.info("%s: removed %d repeated page-header lines", doc.path, cleaned.removed_count)
    sections = split_sections(cleaned.text)
    refs = parse_reference_list(sections.bibliography) if sections.bibliography is not None else ()
    return ParsedDocument(doc, sections.body, refs, ())



def convert_references(doc: SourceDoc) -> tuple[Reference, ...]:
    """The references of one input, keyed: a .bib file, a document's bibliography, or a bare list."""
    if doc.format == "bibtex":
        refs = parse_document(doc).references
    else:
        cleaned = remove_page_headers(doc.path, doc.text)
        sections = split_sections(cleaned.text)
        refs = parse_reference_list(sections.bibliography if sections.bibliography is not None else cleaned.text)
    if not refs:
        raise InputError("no references found", doc.path)
    return assign_keys(refs)
