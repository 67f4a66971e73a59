"""One input, parsed: a bibliography file, or a document with its cited body and its references.

This is where the input format decides which parsers run (the pipeline only calls
``parse_document``); ``convert_references`` gives the references of any input.

=========== ================================================================================
format      what it gives
=========== ================================================================================
bibtex      references (keys kept); ``ris``, ``csl-json`` the same
pandoc      key citations (``[@key]``), the references of the files its front matter names and
            its inline ``references:`` (CSL items in YAML)
latex       key citations (``\\cite``...) from the .tex and the files it includes, the
            references of ``\\bibliography``/``\\addbibresource``, of ``thebibliography``
            (each ``\\bibitem{key}`` parsed as free text) and of a bibliography written out
            under its heading; works written out in ``\\footnote{..}`` (notes-bibliography) are
            matched as ``parse.citation_notes`` matches Markdown's notes; a ``.aux`` beside it
            adds keys cited in files not read (``\\include`` of a missing file, generated text)
aux, bcf    key citations and the references of ``\\bibdata`` / ``<bcf:datasource>``
html        the page's text (``parse.html``): author-date citations and its reference list; a page
            with Wikipedia's numbered notes: the markers as key citations of the notes' references
markdown,   the body (page headers removed) and the bibliography section, parsed as free text;
text, pdf,  pdf and docx arrive as extracted text (``inputs.pdf``, ``inputs.docx``)
docx        a docx with Zotero, Mendeley, EndNote or Word citation fields (``parse.word_fields``):
            their key citations and the cited items they carry (Word's: the sources they name),
            instead of the prose reading
=========== ================================================================================

Bibliography files a document names are read through ``load`` (``inputs.read_source`` by
default), relative to the document; a file that cannot be read is a finding on the line
that names it, and a remote one (biblatex's ``\\addbibresource[location=remote]{https://..}``)
is never fetched: a warning says it was not read and how to pass it. A ``.aux``/``.bcf``
older (``modified``: file times, ``os.stat`` by default) than the ``.tex`` or a file it
includes is out of date: its keys are not used, and a warning names both files when it lists
keys the sources do not cite (a citation since deleted). ``parse_documents`` parses several
inputs and reads a bibliography named by a document only when it was not given as an input
itself, so it is never counted twice.
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from ..emit.keys import assign_keys
from ..errors import InputError, without_line
from ..model import PDF_MARGIN, PDF_PLACED, Citation, CleanText, Evidence, Finding, Kind, Reference, Severity, SourceDoc
from .bibtex import parse_bibtex
from .citation_notes import cite_notes
from .cleanup import Cleaned, remove_page_headers
from .composed_letters import compose_letters
from .csl_json import parse_csl_json
from .duplicate_ids import ID_NAMES, duplicate_id_findings
from .html import html_text, wiki_footnotes
from .cited_given_names import persons_cited_by_family
from .list_remarks import remarks_apart
from .latex import LatexDocument, NamedFile, parse_aux, parse_bcf, parse_latex, strip_comments
from .pandoc import parse_csl_yaml, parse_pandoc
from .rendered_markdown import blank_pandoc_structure
from .references import parse_reference_list
from .ris import parse_ris
from .required_fields import required_field_findings
from .sections import split_sections
from .trailing_notes import notes_after_list
from .word_fields import is_bibliography_field, read_fields, split_trailer
from .word_typed import typed_citations, typed_references

log = logging.getLogger(__name__)

Loader = Callable[[str], SourceDoc]
Modified = Callable[[str], float | None]  # a file's modification time (seconds), None when unknown
def parse_bbl(text: str, file: str) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """A ``.bbl`` given itself (``citecheck convert paper.bbl``, the .bib being lost): the ``\\bibitem`` entries of
    its ``thebibliography``, keys kept, read as a bibliography file, not as a document that cites nothing
    (as free text, its TeX came out as nonsense entries)."""
    tree = parse_latex(text, file)
    return tree.references, tree.problems


STRUCTURED = {"bibtex": parse_bibtex, "ris": parse_ris, "csl-json": parse_csl_json, "csl-yaml": parse_csl_yaml,
              "bbl": parse_bbl}
KEYED = frozenset({"pandoc", "latex", "aux", "bcf"})
MAX_INCLUDE_DEPTH = 8


@dataclass(frozen=True)
class ParsedDocument:
    """A parsed input.

    ``body`` is the prose that cites (None for a bibliography file such as .bib);
    ``citations`` are given by formats whose citations are keys ([@key], \\cite{key}), and
    None when the body's author-date citations are still to be found (that needs the
    references' names, so the pipeline does it after keys are assigned).
    ``companions`` are the bibliography files the document named and that were read. ``biber``: the
    document's bibliography is biber's (biblatex with its default backend, a .bcf), which resolves an
    entry's ``ids`` aliases (``processed_by_biber``).
    """

    source: SourceDoc
    body: CleanText | None
    references: tuple[Reference, ...]
    findings: tuple[Finding, ...]
    citations: tuple[Citation, ...] | None = None
    companions: tuple[str, ...] = ()
    biber: bool = False


def _default_loader(path: str) -> SourceDoc:
    from ..inputs import read_source  # the reading stage; imported late so parse stays free of I/O

    return read_source(path)


def _default_modified(path: str) -> float | None:
    """The file's modification time, as the default of the injected ``modified`` (like ``load``)."""
    try:
        return os.stat(path).st_mtime
    except (OSError, ValueError):
        return None


def parse_document(doc: SourceDoc, load: Loader | None = None, given: Sequence[str] = (),
                   modified: Modified | None = None) -> ParsedDocument:
    """Parse one input. ``given``: paths also given as inputs (their bibliographies are not read again);
    ``modified``: file times, to tell an out-of-date .aux/.bcf."""
    try:
        return _parse_document(doc, load or _default_loader, given, modified)
    except RecursionError as exc:  # a parser of a deeply nested input (front matter "[[[[...")
        raise InputError(_TOO_DEEP, doc.path) from exc


def _parse_document(doc: SourceDoc, load: Loader, given: Sequence[str], modified: Modified | None) -> ParsedDocument:
    if doc.format in STRUCTURED:
        refs, findings = _structured(doc)
        return ParsedDocument(doc, None, refs, findings)
    if doc.format in KEYED:
        return _keyed(doc, load, {_normal(p): p for p in given}, modified or _default_modified)
    if doc.format in ("html", "mhtml"):  # a saved page; an MHTML archive's page
        return _page(doc)
    if doc.format == "docx":
        return _word(doc)
    cleaned = remove_page_headers(doc.path, _prose_text(doc, doc.text))
    _log_cleanup(doc.path, cleaned)
    return _prose(doc, cleaned.text, removed_lines(doc, cleaned))


def _prose_text(doc: SourceDoc, text: str) -> str:
    """The text of a prose input as its lists are read: Markdown's fenced divs and heading attributes,
    which pandoc writes around a rendered reference list, blanked (``parse.rendered_markdown``)."""
    return blank_pandoc_structure(text) if doc.format in ("markdown", "pandoc") else text


def _log_cleanup(path: str, cleaned: Cleaned) -> None:
    """Say what cleaning the text removed or rewrote (page headers, columns, Wikipedia back-links)."""
    if cleaned.removed_count:
        log.info("%s: removed %d repeated page-header lines", path, cleaned.removed_count)
    for block in cleaned.columns:
        log.info("%s: lines %d-%d hold two columns (the right at column %d); read column after column",
                 path, block.first, block.last, block.column + 1)
    if cleaned.line_numbers:
        log.info("%s: took %d margin line numbers off the start of lines", path, cleaned.line_numbers)
    if cleaned.backlinks:
        log.info("%s: removed %d Wikipedia back-link marks (\"^\", \"^ a b\") from the start of entries",
                 path, cleaned.backlinks)


def parse_documents(docs: Sequence[SourceDoc], load: Loader | None = None,
                    modified: Modified | None = None) -> list[ParsedDocument]:
    """Parse every input; a bibliography file a document names and that is an input too is read once."""
    given = [d.path for d in docs]
    return [parse_document(d, load, given, modified) for d in docs]


def _prose(doc: SourceDoc, text: CleanText, findings: tuple[Finding, ...] = ()) -> ParsedDocument:
    sections, before_notes = notes_after_list(text, split_sections(text))  # [^1]: ... after the list: body
    refs = parse_reference_list(sections.bibliography) if sections.bibliography is not None else ()
    refs, remarks = remarks_apart(refs)  # "Note: all links were accessed on 3 March 2022."
    refs = persons_cited_by_family(refs, sections.body.text)  # "Hugh Craig" cited "(Craig 2004)": Craig, Hugh
    # a list with no text around it nor a heading (a file of references alone) is a bibliography, as a .bib
    # given alone is: nothing cites its entries, so none is reported uncited
    only_list = sections.bibliography is not None and sections.heading is None and not sections.body.text.strip()
    return ParsedDocument(doc, None if only_list else sections.body, _once_each(refs, sections.lists),
                          findings + remarks + text_after(before_notes, sections.bibliography))


def _once_each(refs: tuple[Reference, ...], lists: int) -> tuple[Reference, ...]:
    """Chapter bibliographies (``lists`` of them): a work several chapters list, word for word, is one work, not
    one listed twice (within one list it is, and said so)."""
    if lists < 2:
        return refs
    seen: set[str] = set()
    kept: list[Reference] = []
    for ref in refs:
        folded = " ".join(ref.raw.split())
        if folded not in seen:
            seen.add(folded)
            kept.append(ref)
    return tuple(kept)


def text_after(text: CleanText, bibliography: CleanText | None) -> tuple[Finding, ...]:
    """An info finding for the text after the reference list (an appendix, "Further reading", "About the
    author" under headings of their own), which is not read: neither body (a list of further reading would
    read as citations of works not listed) nor entries. Said with its lines, so that none goes unsaid."""
    if bibliography is None or not bibliography.origin:
        return ()
    stop = bisect.bisect_left(text.origin, bibliography.origin[-1], 0, len(text.text))
    rest = text.text[stop:]
    lead = len(rest) - len(rest.lstrip())
    if not rest.strip():
        return ()
    last = len(text.text.rstrip())
    span = text.span(stop + lead, last)
    first = rest.strip().split("\n", 1)[0].strip()
    end_line = text.span(last - 1, last).line
    lines = f"line {span.line}" if end_line == span.line else f"lines {span.line}-{end_line}"
    verb = "is" if end_line == span.line else "are"
    message = (f"{lines} after the reference list, from '{first[:80]}', {verb} not read: "
               "citations there are not checked and entries there are not listed")
    return (Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.INFO, message=message, span=span),)


MAX_REMOVED_SHOWN = 5


def removed_lines(doc: SourceDoc, cleaned: Cleaned) -> tuple[Finding, ...]:
    """The lines cleaning removed as running page headers, footers and page numbers, as one info finding
    (an ``unparsed-entry``) naming each line, how often and where: nothing of the input goes unsaid,
    and a line removed that was no header (an entry's "Oxford University Press." on a line of its own,
    three times) can be seen."""
    if not cleaned.removed_count:
        return ()
    gone = set(cleaned.removed)
    where: dict[str, list[int]] = {}
    for number, line in enumerate(doc.text.split("\n"), start=1):
        key = line.strip().lstrip("\f" + PDF_MARGIN + PDF_PLACED)
        if key in gone:
            where.setdefault(key, []).append(number)
    if not where:
        return ()
    words = [line for line in where if not line.isdigit()]
    numbers = [n for line in where if line.isdigit() for n in where[line]]
    shown = ", ".join(f"'{line}' ({len(where[line])}x)" for line in words[:MAX_REMOVED_SHOWN])
    more = f" and {len(words) - MAX_REMOVED_SHOWN} more" if len(words) > MAX_REMOVED_SHOWN else ""
    pages = f"{', ' if shown else ''}{len(numbers)} page numbers" if numbers else ""
    message = (f"{cleaned.removed_count} lines removed as running page headers and footers: {shown}{more}{pages}; "
               "if one is text of yours, not a header, it was not read")
    evidence = tuple(Evidence(source="page headers", detail=f"'{line}' removed at lines "
                              f"{', '.join(str(n) for n in where[line])}") for line in words)
    if numbers:
        evidence += (Evidence(source="page numbers", detail=f"removed at lines {', '.join(map(str, numbers))}"),)
    first = min(n for lines in where.values() for n in lines)
    start = sum(len(line) + 1 for line in doc.text.split("\n")[: first - 1])
    span = CleanText.identity(doc.path, doc.text).span(start, start)
    return (Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.INFO, message=message, evidence=evidence, span=span),)


def _page(doc: SourceDoc) -> ParsedDocument:
    """An HTML page; with Wikipedia's numbered notes, their markers are key citations of the notes.

    Each note (``<li id="cite_note-..">``, and each ``<cite id="CITEREF..">`` outside a note) is
    parsed on its own as free text and keyed by its id; the marker of a short note (one linking
    to ``#CITEREF..``) cites the entries it links to; references of the page's reference
    section that sit in no note are kept with generated keys.
    """
    text = compose_letters(html_text(doc.path, doc.text))  # "Mun\u0303oz" is "Muñoz", as in text
    prose = _prose(doc, text)
    notes = wiki_footnotes(doc.path, doc.text, endnotes=not prose.references)
    if not notes.citations or not notes.notes:
        return prose
    text._starts()  # line starts computed once, shared by every note's slice
    refs: list[Reference] = []
    keys: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}  # a short note ("Lee 2001, p. 12") -> the entries it links to
    for c in notes.citations:
        if c.key.startswith("CITEREF") and notes.note_key(c.span.start).startswith("cite_note-"):
            short.setdefault(notes.note_key(c.span.start), []).append(c.key)
        elif not c.key and notes.note_key(c.span.start).startswith("cite_note-"):
            short.setdefault(notes.note_key(c.span.start), [])  # its link has no entry: cites by name and year
    for note, start, end in notes.notes:
        if note in short or (note.startswith("CITEREF") and notes.note_key(start).startswith("cite_note-")):
            continue  # a short note (its marker cites the entries it links to), or a citation inside a note
        first = bisect.bisect_left(text.origin, start, 0, len(text.text))
        last = bisect.bisect_left(text.origin, end, first, len(text.text))
        part = text.slice(first, last)
        lead = len(part.text) - len(part.text.lstrip())
        label = _NOTE_LABEL.match(part.text, lead)  # a kramdown or pandoc note's "[^fn:1]: " (``parse.html``)
        part = part.slice(label.end() if label else lead, len(part.text.rstrip()))
        if not part.text:
            continue
        for ref in parse_reference_list(part):
            # a note holding several works: each its own key; a marker of the note cites them all
            key = note if note not in keys else f"{note}~{len(keys[note]) + 1}"
            keys.setdefault(note, []).append(key)
            refs.append(dataclasses.replace(ref, key=key))
    if not keys or (not prose.references and _remarks_only(refs)):
        return prose
    refs.extend(r for r in prose.references if not notes.note_key(r.span.start))
    citations = [dataclasses.replace(c, key=k) for c in notes.citations if not c.key.startswith("CITEREF")
                 for k in (keys.get(c.key) or short[c.key] if c.key in short else keys.get(c.key) or [c.key])]
    log.info("%s: %d note markers cite %d notes", doc.path, len(notes.citations), len(keys))
    return ParsedDocument(doc, prose.body, tuple(refs), prose.findings, tuple(citations))


_NOTE_LABEL = re.compile(r"\[\^[^\]\s]{1,80}\]:\s*")


def _remarks_only(refs: Sequence[Reference]) -> bool:
    """Whether the endnotes of a page without a reference list (a blog's, Substack's "footnote-1", kramdown's
    "fn:1") are remarks, not works: none has a year, an n.d., a link or a DOI ("Go early: the stalls open at
    six."). Such a page has no bibliography; its notes were each a malformed reference "with no year"."""
    return not any(r.key.startswith(("cite_note-", "CITEREF")) or r.year or r.no_date or r.urls or r.doi for r in refs)


def _word(doc: SourceDoc) -> ParsedDocument:
    """A Word document: with reference-manager citation fields, their keys and cited items; else as prose."""
    text, trailer = split_trailer(doc.text)
    cleaned = remove_page_headers(doc.path, text)
    _log_cleanup(doc.path, cleaned)
    removed = removed_lines(doc, cleaned)
    read = read_fields(CleanText.identity(doc.path, doc.text), trailer, len(text)) if trailer.fields else None
    if read is None or not read.citations:
        return _prose(doc, cleaned.text, removed)
    sections, _ = notes_after_list(cleaned.text, split_sections(cleaned.text))
    generated = [shown for code, shown in trailer.fields if is_bibliography_field(code)]
    typed_refs = typed_references(sections.bibliography, generated, read.references)
    refs = read.references + typed_refs
    typed = typed_citations(sections.body, read.shown, refs)  # typed by hand beside the fields
    log.info("%s: %d citations and %d items from reference-manager fields, %d citations and %d entries typed",
             doc.path, len(read.citations), len(read.references), len(typed), len(typed_refs))
    citations = tuple(sorted(read.citations + typed, key=lambda c: c.span.start))
    return ParsedDocument(doc, sections.body, refs, read.findings + removed, citations)


_TOO_DEEP = ("is nested too deeply to be read (thousands of levels of lists, brackets or braces: no "
             "bibliography is written so; is it the file you meant?)")


def _structured(doc: SourceDoc, biber: bool = True) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """``doc``'s entries and what was said of them; ``biber``: False for a .bib a LaTeX document processes with
    bibtex (its required fields are bibtex's standard styles', ``required_field_findings``)."""
    try:
        refs, findings = STRUCTURED[doc.format](doc.text, doc.path)
    except RecursionError as exc:  # json and yaml read nested lists recursively: "[[[[..." exhausts the stack
        raise InputError(_TOO_DEEP, doc.path) from exc
    if not refs and findings:
        first = findings[0]
        line = first.span.line if first.span else None
        raise InputError(first.message, doc.path, line)
    if not refs:
        raise InputError(f"no {_FORMAT_NAMES[doc.format]} entries found", doc.path)
    if doc.format == "bibtex":  # an entry without a field its type needs: said, as biber and bibtex say it
        findings = (*findings, *required_field_findings(refs, biber))
    if doc.format in ID_NAMES:  # two records with one id (BibTeX's repeated keys are parse.bibtex's)
        findings = (*findings, *duplicate_id_findings(refs, ID_NAMES[doc.format]))
    return refs, findings


_FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON", "csl-yaml": "CSL YAML", "bbl": "\\bibitem"}


def _normal(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _beside(doc_path: str, name: str) -> str:
    if os.path.isabs(name) or doc_path == "-":
        return name
    return os.path.normpath(os.path.join(os.path.dirname(doc_path), name))


def _tex_names(path: str) -> list[str]:
    """The names TeX tries for an ``\\input`` (``path`` with ".tex" added): "paper.bbl.tex", then "paper.bbl"
    as named (a pasted bibliography, ``\\input{paper.bbl}``, as journals and arXiv ask for)."""
    stem = path[:-4] if path.lower().endswith(".tex") else path
    return [path, stem] if os.path.splitext(os.path.basename(stem))[1] else [path]


def _bibliography_paths(doc_path: str, name: str, pandoc: bool) -> list[str]:
    """Where a bibliography file a document names may be, in the order to try: beside the document, then,
    for pandoc, as named from the working folder, where pandoc looks (``pandoc docs/paper.md`` finds
    ``bibliography: refs.bib`` in the folder it runs in; LaTeX runs in the main document's folder)."""
    return list(dict.fromkeys([_beside(doc_path, name), name] if pandoc else [_beside(doc_path, name)]))


def _included(main_path: str, path: str, name: str) -> list[str]:
    """Where ``\\input{name}`` in ``path`` may be, in the order to try: beside the main document
    (LaTeX runs there, so a chapter in a subfolder names its own inputs from there too), then beside
    ``path`` (``\\subfile`` and the import package's habit)."""
    return list(dict.fromkeys([_beside(main_path, name), _beside(path, name)]))


def _load_first(load: Loader, paths: Sequence[str]) -> SourceDoc:
    """The first of ``paths`` ``load`` reads; the first path's InputError when none is read."""
    first: InputError | None = None
    for target in paths:
        try:
            return load(target)
        except InputError as exc:
            first = first or exc
    assert first is not None
    raise first


def _latex_tree(doc: SourceDoc, load: Loader) -> tuple[LatexDocument, list[Citation], list[str]]:
    """The main .tex and every file it includes (depth-first, each once), their citations in order,
    and the paths of the files read."""
    main = parse_latex(doc.text, doc.path)
    citations: list[Citation] = []
    read = [doc.path]
    seen = {_normal(doc.path)}
    bibliography = list(main.bibliography)
    references = list(main.references)
    notes = list(main.notes)
    problems = list(main.problems)

    def walk(parsed: LatexDocument, path: str, depth: int) -> None:
        citations.extend(parsed.citations)
        for include in parsed.includes:
            targets = _included(doc.path, path, include.name)
            targets = targets[::-1] if include.beside else targets  # \\subimport: beside the importing file first
            targets = [name for t in targets for name in _tex_names(t)]
            if any(_normal(t) in seen for t in targets) or depth >= MAX_INCLUDE_DEPTH:
                continue
            try:
                sub = _load_first(load, targets)
            except InputError as exc:  # its citations are not seen: said, as its entries will look uncited
                log.warning("%s:%d: included file %s not read: %s", path, include.span.line, targets[0], exc.message)
                continue
            seen.add(_normal(sub.path))
            child = parse_latex(sub.text, sub.path)
            read.append(sub.path)
            bibliography.extend(child.bibliography)
            references.extend(child.references)
            notes.extend(child.notes)
            problems.extend(child.problems)
            walk(child, sub.path, depth + 1)

    walk(main, doc.path, 0)
    tree = LatexDocument(main.body, tuple(citations), tuple(bibliography), main.includes, tuple(references),
                         tuple(notes), tuple(problems), main.main)
    return tree, citations, read


def _keyed(doc: SourceDoc, load: Loader, given: Mapping[str, str], modified: Modified) -> ParsedDocument:
    """``given``: the inputs of the run, normalised path -> path as given."""
    findings: list[Finding] = []
    refs: list[Reference] = []
    if doc.format == "pandoc":
        parsed = parse_pandoc(doc.text, doc.path)
        body, citations, named = parsed.body, list(parsed.citations), [NamedFile(b.name, b.span) for b in parsed.bibliography]
        refs.extend(parsed.references)  # the front matter's inline references:
        findings.extend(parsed.findings)
    else:
        if doc.format == "latex":
            tree, citations, read = _latex_tree(doc, load)
            aux_citations, stale = _aux_only(doc, load, citations, read, modified)
            citations.extend(aux_citations)
            findings.extend(stale)
        else:
            tree = parse_aux(doc.text, doc.path) if doc.format == "aux" else parse_bcf(doc.text, doc.path)
            citations = list(tree.citations) + _included_aux_citations(doc.path, tree, load)
            findings.extend(_older_than_its_tex(doc, tree, modified))
        body, named = tree.body, list(tree.bibliography)
        if doc.format == "latex" and not named and not tree.references and tree.main is not None:
            named = _main_bibliography(doc, tree.main, load)  # a subfile checked alone
        unclosed = tree.problems  # a \bibliography{ or \cite{ not closed: said after the files' own problems
        refs.extend(tree.references)  # \bibitem entries of a thebibliography environment
        if doc.format == "aux" and not named:
            named, problems = _aux_without_bibdata(doc, load, given)
            findings.extend(problems)
    companions: list[str] = []
    remote: set[str] = set()
    biber = doc.format not in ("latex", "aux") or processed_by_biber(doc)  # else bibtex's required fields
    for item in named:
        if _REMOTE.match(item.name):  # never fetched: parsing reads no network
            if item.name not in remote and not _given_as(item.name, given):
                findings.append(_not_fetched(item, doc.path))
            remote.add(item.name)
            continue
        paths = _bibliography_paths(doc.path, item.name, doc.format == "pandoc")
        if any(_normal(p) in given or _normal(p) in {_normal(c) for c in companions} for p in paths):
            continue
        try:
            bib = _load_first(load, paths)
            found, problems = _structured(bib, biber) if bib.format in STRUCTURED else _as_bibtex(bib, biber)
        except InputError as exc:
            findings.append(_unreadable(item, paths[0], exc))
            continue
        path = bib.path
        companions.append(path)
        refs.extend(found)
        findings.extend(problems)
    if doc.format != "pandoc":
        findings.extend(unclosed)
    if doc.format == "latex" and tree.notes:  # notes-bibliography: works written out in \footnote{..}
        refs = list(assign_keys(refs))  # keyed now (kept later): a note's work cites an entry by key
        listed = refs + _given_named(doc, named, given, load)
        noted, problems = cite_notes(tree.notes, listed) if listed else ((), ())
        citations.extend(noted)
        findings.extend(problems)
        log.info("%s: %d citations written out in %d footnotes", doc.path, len(noted), len(tree.notes))
    return ParsedDocument(doc, body, tuple(refs), tuple(findings), tuple(citations), tuple(companions),
                          processed_by_biber(doc))


# biblatex loaded (biblatex-chicago, biblatex-apa's style option load it too), and the backend it names
_BIBLATEX = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[(?P<options>[^\]]*)\])?\s*\{[^}]*\bbiblatex(?:-chicago)?\s*[,}]")
_BIBTEX_BACKEND = re.compile(r"\bbackend\s*=\s*\{?\s*bibtex")


def processed_by_biber(doc: SourceDoc) -> bool:
    """Is the bibliography of ``doc`` processed by biber? A .bcf is biber's input; a .aux is when biblatex
    wrote it without ``\\bibdata`` (its bibtex backend writes one); a .tex when it loads biblatex with no
    ``backend=bibtex`` (biber is biblatex's default backend). A Markdown file is pandoc's (its citeproc
    does not resolve ``ids``)."""
    if doc.format == "bcf":
        return True
    if doc.format == "aux":
        return "\\abx@aux@" in doc.text and "\\bibdata" not in doc.text
    if doc.format != "latex":
        return False
    loaded = _BIBLATEX.search(strip_comments(doc.text))
    return loaded is not None and not _BIBTEX_BACKEND.search(loaded.group("options") or "")


_BIBLIOGRAPHY_SUFFIXES = (".bib", ".ris", ".json", ".yaml", ".yml")


def _given_named(doc: SourceDoc, named: Sequence[NamedFile], given: Mapping[str, str], load: Loader) -> list[Reference]:
    """The entries of the bibliography files given as inputs with the document (parsed there,
    counted there: the bibliography of every document of the run), named by it or not: read again
    here only so that its notes can be matched against them."""
    found: list[Reference] = []
    paths = {_normal(_beside(doc.path, item.name)) for item in named} & given.keys()
    paths |= {p for p in given if p.lower().endswith(_BIBLIOGRAPHY_SUFFIXES) and p != _normal(doc.path)}
    for path in sorted(paths):
        try:
            bib = load(given[path])
            found.extend((_structured(bib) if bib.format in STRUCTURED else _as_bibtex(bib))[0])
        except InputError:
            continue  # reported where it is parsed as an input
    return found


def _as_bibtex(doc: SourceDoc, biber: bool = True) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """A bibliography file with an unusual name (refs.txt): read as BibTeX."""
    return _structured(SourceDoc(doc.path, doc.text, "bibtex"), biber)


_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _remote_name(url: str) -> str:
    """The file name a remote bibliography would be saved as ("group.bib" for https://../group.bib?x=1)."""
    name = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name if "." in name else "bibliography.bib"


def _given_as(url: str, given: Mapping[str, str]) -> bool:
    """A remote bibliography downloaded and given as an input (same file name)."""
    return any(os.path.basename(p) == _remote_name(url) for p in given.values())


def _not_fetched(item: NamedFile, doc_path: str) -> Finding:
    """A remote bibliography (``\\addbibresource[location=remote]{https://..}``): said once, not fetched."""
    local = _remote_name(item.name)
    message = (f"line {item.span.line}: the remote bibliography {item.name} was not read (citecheck does not "
               f"download while parsing): download it and pass it with the document "
               f"(citecheck check {doc_path} {local}); until then its keys are missing references")
    evidence = (Evidence(source="document", detail=f"{item.span.location()} names the remote resource {item.name}"),)
    return Finding(kind=Kind.REMOTE_BIBLIOGRAPHY, severity=Severity.WARNING, message=message, evidence=evidence,
                   span=item.span)


def _unreadable(item: NamedFile, path: str, exc: InputError) -> Finding:
    return Finding(
        kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=item.span,
        message=f"line {item.span.line}: the bibliography file {path} cannot be used{_its_line(exc)}: "
                f"{without_line(exc.message, exc.line)}",
    )


def _its_line(exc: InputError) -> str:
    """Where in the bibliography file its problem is (a byte no UTF-8 reads on line 12), "" when nowhere."""
    return f" (its line {exc.line})" if exc.line else ""


def _aux_without_bibdata(doc: SourceDoc, load: Loader, given: Mapping[str, str]) -> tuple[
        list[NamedFile], list[Finding]]:
    """The bibliography of a .aux that names none (no ``\\bibdata``): biblatex's, whose .bib files are
    named in the .bcf beside it (read when there and not given), else a finding saying what to pass."""
    base = os.path.splitext(doc.path)[0]
    biblatex = "\\abx@aux@" in doc.text
    if biblatex and doc.path != "-" and _normal(base + ".bcf") not in given:
        try:
            bcf = load(base + ".bcf")
            return list(parse_bcf(bcf.text, bcf.path).bibliography), []
        except InputError:
            pass
    if any(p.lower().endswith(_BIBLIOGRAPHY_SUFFIXES + (".bcf",)) for p in given):
        return [], []  # the bibliography is given with it
    name, bcf_name = os.path.basename(doc.path), os.path.basename(base) + ".bcf"
    if biblatex:
        message = (f"{name} names no .bib file: biblatex keeps its bibliography files in the .bcf, not the .aux; "
                   f"pass {bcf_name} or the .bib file too")
    else:
        message = (f"{name} names no .bib file (no \\bibdata line: the document has no \\bibliography command); "
                   "pass the .bib file too")
    span = CleanText.identity(doc.path, doc.text).span(0, 0)
    return [], [Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.WARNING, message=message, span=span)]


def _aux_only(doc: SourceDoc, load: Loader, known: Sequence[Citation], sources: Sequence[str],
              modified: Modified) -> tuple[list[Citation], list[Finding]]:
    """Keys the .aux beside a .tex lists (from files not read) that the .tex sources do not cite.

    An .aux (or .bcf) older than one of ``sources`` (the .tex and the files it includes) is from
    an earlier LaTeX run: its keys are not used (one may be a citation since deleted), and when it
    lists keys the sources do not cite, a warning names both files and those keys."""
    if doc.path == "-":
        return [], []
    base = os.path.splitext(doc.path)[0]
    for suffix, parser in ((".aux", parse_aux), (".bcf", parse_bcf)):
        try:
            aux = load(base + suffix)
        except InputError:
            continue
        try:
            parsed = parser(aux.text, aux.path)
            listed = list(parsed.citations) + _included_aux_citations(aux.path, parsed, load)
        except InputError as exc:  # a .bcf left half-written by a LaTeX run that stopped: not the .tex's fault
            return [], [_unreadable_aux(doc.path, aux, exc)]
        cited = {c.key for c in known}
        extra = [c for c in listed if c.key not in cited]
        unique = list({c.key: c for c in reversed(extra)}.values())[::-1]
        newer = _newer_source(aux.path, sources, modified)
        if newer is not None:
            log.info("%s is older than %s: its %d keys not in the sources are not used", aux.path, newer.source,
                     len(unique))
            return [], [_stale(newer, unique)] if unique else []
        if unique:
            log.info("%s: %d keys cited only in %s", doc.path, len(unique), aux.path)
        return unique, []
    return [], []


def _main_bibliography(doc: SourceDoc, main: NamedFile, load: Loader) -> list[NamedFile]:
    """The bibliography files a subfile's main document names (in its preamble, as subfiles compiles the
    subfile with it), named from the subfile's folder; none when the main document cannot be read (said)."""
    path = _beside(doc.path, main.name)
    try:
        parsed = parse_latex(load(path).text, path)
    except InputError as exc:
        log.warning("%s:%d: the main document %s not read: %s", doc.path, main.span.line, path, exc.message)
        return []
    here = os.path.dirname(doc.path) or "."
    return [NamedFile(item.name if _REMOTE.match(item.name) else os.path.relpath(_beside(path, item.name), here), item.span)
            for item in parsed.bibliography]


def _included_aux_citations(path: str, aux: LatexDocument, load: Loader) -> list[Citation]:
    """The keys of the ``.aux`` files a main ``.aux`` names (``\\@input{chapters/intro.aux}``: one per
    ``\\include``d file, named from the folder LaTeX ran in, the main file's), each once, as BibTeX reads
    them. One that cannot be read (``\\includeonly`` left it unwritten) is said in the log, as LaTeX says it."""
    found: list[Citation] = []
    seen = {_normal(path)}
    pending = [(path, include, 1) for include in aux.includes] if path != "-" else []
    while pending:
        parent, include, depth = pending.pop(0)
        target = _beside(path, include.name)
        if _normal(target) in seen or depth > MAX_INCLUDE_DEPTH:
            continue
        seen.add(_normal(target))
        try:
            child = parse_aux(load(target).text, target)
        except InputError as exc:
            log.warning("%s:%d: %s not read: %s", parent, include.span.line, target, exc.message)
            continue
        found.extend(child.citations)
        pending.extend((target, nested, depth + 1) for nested in child.includes)
    return found


def _unreadable_aux(tex: str, aux: SourceDoc, exc: InputError) -> Finding:
    """A warning for a .aux/.bcf beside the .tex that cannot be read: the .tex is checked without it."""
    where = f"line {exc.line}: " if exc.line else ""
    message = (f"{aux.path}, beside {os.path.basename(tex)}, cannot be read ({where}{exc.message}): the keys it "
               "lists are not used; rerun LaTeX (or delete it)")
    lines = aux.text.split("\n")[: max(1, exc.line or 1) - 1]
    at = min(sum(len(line) + 1 for line in lines), len(aux.text))
    span = CleanText.identity(aux.path, aux.text).span(at, at)
    return Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.WARNING, message=message, span=span)


@dataclass(frozen=True)
class _Newer:
    """A source changed after the .aux/.bcf was written: both paths and times."""

    aux: str
    written: float
    source: str
    changed: float

    def evidence(self) -> Evidence:
        return Evidence(source="file times", detail=f"{self.aux} written {_when(self.written)}, "
                                                    f"{self.source} changed {_when(self.changed)}")


def _newer_source(aux_path: str, sources: Sequence[str], modified: Modified) -> _Newer | None:
    """The most recently modified of ``sources`` when it is newer than ``aux_path``, else None
    (also when a time is unknown: then the .aux is used as before)."""
    written = modified(aux_path)
    known = [(t, p) for t, p in ((modified(p), p) for p in sources) if t is not None]
    if written is None or not known:
        return None
    changed, path = max(known)
    return _Newer(aux_path, written, path, changed) if changed > written else None


def _when(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def _stale(newer: _Newer, unused: Sequence[Citation]) -> Finding:
    keys = ", ".join(c.key for c in unused)
    message = f"{newer.aux} is older than {newer.source}: rerun LaTeX; the keys only it lists ({keys}) were not used"
    evidence = (newer.evidence(),
                Evidence(source="in-text citations", detail=f"no citation in the .tex sources names {keys}"))
    return Finding(kind=Kind.STALE_AUX, severity=Severity.WARNING, message=message, evidence=evidence,
                   span=unused[0].span)


def _older_than_its_tex(doc: SourceDoc, tree: LatexDocument, modified: Modified) -> list[Finding]:
    """A .aux/.bcf given itself that is older than the .tex beside it: its keys are used (it is the
    input), with a warning that they may be out of date."""
    if doc.path == "-":
        return []
    tex = os.path.splitext(doc.path)[0] + ".tex"
    newer = _newer_source(doc.path, [tex], modified)
    if newer is None:
        return []
    message = f"{doc.path} is older than {tex}: rerun LaTeX; its citations may be out of date"
    evidence = (newer.evidence(),)
    span = tree.citations[0].span if tree.citations else CleanText.identity(doc.path, doc.text).span(0, 0)
    return [Finding(kind=Kind.STALE_AUX, severity=Severity.WARNING, message=message, evidence=evidence,
                    span=span)]


def convert_references(doc: SourceDoc, load: Loader | None = None) -> tuple[Reference, ...]:
    """The references of one input, keyed: a bibliography file, a document's bibliography, or a bare list."""
    text, trailer = split_trailer(doc.text) if doc.format == "docx" else (doc.text, None)
    word = parse_document(doc, load) if trailer and trailer.fields else None
    if doc.format in STRUCTURED:
        parsed = parse_document(doc, load)
        refs = parsed.references
        for finding in parsed.findings:  # a block left out, or read in part, is said with its line
            if finding.severity in (Severity.ERROR, Severity.WARNING) and finding.kind is not Kind.MISSING_FIELD:
                log.warning("%s: %s", doc.path, finding.message)
    elif doc.format in KEYED:
        parsed = parse_document(doc, load)
        refs = parsed.references
        problem = next((f for f in parsed.findings if f.span is not None), None)
        if not refs and problem is not None:  # why there are none, as ``check`` says it: a .bib not found ...
            line = problem.span.line if problem.span.file == doc.path else None
            raise InputError(f"no references found: {without_line(problem.message, line)}", problem.span.file, line)
    elif doc.format in ("html", "mhtml"):  # a note's id (cite_note-3) is no key to write out: keys are derived
        refs = tuple(dataclasses.replace(r, key="") for r in parse_document(doc, load).references)
    elif word is not None and word.citations:  # reference-manager fields: the cited items
        refs = word.references
    else:
        cleaned = remove_page_headers(doc.path, _prose_text(doc, text))
        _log_cleanup(doc.path, cleaned)
        for finding in removed_lines(doc, cleaned):  # converting a list leaves them out too: said
            log.warning("%s:%d: %s", doc.path, finding.span.line if finding.span else 0, finding.message)
        sections, _ = notes_after_list(cleaned.text, split_sections(cleaned.text))
        refs = _once_each(parse_reference_list(sections.bibliography if sections.bibliography is not None
                                               else cleaned.text), sections.lists)
        refs, remarks = remarks_apart(refs)
        for finding in remarks:  # left out of the converted list, and said
            log.warning("%s:%d: %s", doc.path, finding.span.line if finding.span else 0, finding.message)
        if sections.bibliography is not None:  # as ``check`` reads them (``_prose``)
            refs = persons_cited_by_family(refs, sections.body.text)
        for ref in refs:  # written out as they are, so nothing is lost, and said, as ``check`` says them
            for finding in ref.findings:
                if finding.kind is Kind.UNPARSED_ENTRY and finding.severity is not Severity.INFO:
                    log.warning("%s:%d: %s (written out as it is: %r)", doc.path,
                                finding.span.line if finding.span else ref.span.line, finding.message,
                                ref.excerpt())
    if not refs:
        raise InputError("no references found", doc.path)
    keyed = assign_keys(refs)
    if doc.format in STRUCTURED:  # an entry the file gives no key ("@book{, ...}", an item without "id"): said
        for ref in (after for before, after in zip(refs, keyed) if not before.key.strip()):
            log.warning("%s:%d: an entry without a key, written under the key %s", doc.path, ref.span.line, ref.key)
    return keyed

