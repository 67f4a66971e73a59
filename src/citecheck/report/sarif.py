"""SARIF 2.1.0 for code-scanning upload: one rule per finding Kind, one result per finding, and
the proposed fix as an artifact change where its exact place is known.

Columns and character offsets are counted in Unicode code points (``columnKind``
``unicodeCodePoints``), which is how citecheck's spans count them.
"""
from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Collection, Mapping
from ..fix.text import edits_for
from ..model import Finding, Fix, Kind, Reference, RunResult, Severity, Span
from .groups import fix_state
from .sarif_uri import sarif_uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/citecheck/citecheck"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# id -> (short description, default level)
RULES: dict[Kind, tuple[str, str]] = {
    Kind.NAME_MISMATCH: ("An author is spelled differently in a citation and in its reference", "error"),
    Kind.YEAR_MISMATCH: ("A citation gives another year than its reference", "error"),
    Kind.MISSING_REFERENCE: ("A citation has no entry in the reference list", "error"),
    Kind.UNCITED_REFERENCE: ("A reference is listed but never cited", "warning"),
    Kind.CITATION_MISSING_YEAR: ("A citation gives no year", "warning"),
    Kind.AMBIGUOUS_CITATION: ("A citation matches more than one reference", "warning"),
    Kind.ETAL_MISUSE: ("'et al.' is used where the authors should be named, or the reverse", "warning"),
    Kind.URL_REPAIRED: ("A broken URL in a reference was repaired", "note"),
    Kind.NAME_REPAIRED: ("A name broken in a reference was repaired", "note"),
    Kind.MALFORMED_REFERENCE: ("A reference is malformed (punctuation, DOI, missing parts)", "warning"),
    Kind.UNPARSED_ENTRY: ("An entry of the reference list could not be parsed", "warning"),
    Kind.DUPLICATE_KEY: ("Two references have the same citation key", "warning"),
    Kind.URL_DEAD: ("A reference's URL is dead", "error"),
    Kind.URL_MOVED: ("A reference's URL redirects permanently elsewhere", "note"),
    Kind.URL_SOFT_404: ("A reference's URL answers with a 'not found' page", "error"),
    Kind.URL_BLOCKED: ("A reference's URL could not be checked (blocked or rate limited)", "note"),
    Kind.URL_TIMEOUT: ("A reference's URL timed out", "warning"),
    Kind.ARCHIVE_MISSING: ("No archived copy of a reference's URL was found", "warning"),
    Kind.CONTENT_DRIFT: ("The page at a reference's URL no longer matches the reference", "warning"),
    Kind.METADATA_MISMATCH: ("A reference disagrees with the cited work's metadata", "warning"),
    Kind.MISSING_FIELD: ("A reference lacks a field its type needs", "warning"),
    Kind.URL_ERROR: ("A reference's URL fails (server error, redirect loop, reset connection)", "error"),
    Kind.STALE_AUX: ("A LaTeX .aux or .bcf is older than its .tex: rerun LaTeX", "warning"),
    Kind.REMOTE_BIBLIOGRAPHY: ("A remote bibliography (\\addbibresource[location=remote]) was not read", "warning"),
    Kind.PAGE_OUT_OF_RANGE: ("A cited page lies outside the pages the reference gives", "warning"),
}


def tool_version() -> str:
    try:
        return version("citecheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def to_sarif(result: RunResult, threshold: float, sources: Mapping[str, str] | None = None,
             root: str | None = None, read_only: Collection[str] = ()) -> dict[str, Any]:
    """The SARIF log as a dict.

    ``sources`` (file -> text, optional) lets fixes inside a reference entry point at the exact
    characters to replace; without it, such fixes are located in the reference's raw text.
    ``root`` (the working folder) is what an absolute file path is made relative to (see sarif_uri).
    ``read_only`` files (a PDF, a Word file: read through text extraction) get no fixes: a
    replacement counts characters of the extracted text, and applied to the file it would corrupt it.
    """
    kinds = list(Kind)
    index = {kind: i for i, kind in enumerate(kinds)}
    refs = {r.key: r for r in result.references}
    results = [_result(f, index[f.kind], threshold, refs, sources or {}, root, frozenset(read_only))
               for f in result.findings]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "citecheck",
                "informationUri": INFORMATION_URI,
                "version": tool_version(),
                "rules": [_rule(kind) for kind in kinds],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(result: RunResult, threshold: float, sources: Mapping[str, str] | None = None,
                 root: str | None = None, read_only: Collection[str] = ()) -> str:
    return json.dumps(to_sarif(result, threshold, sources, root, read_only), indent=2, ensure_ascii=False) + "\n"


def _rule(kind: Kind) -> dict[str, Any]:
    text, level = RULES.get(kind, (kind.value.replace("-", " "), "warning"))
    name = "".join(part.capitalize() for part in kind.value.split("-"))
    return {
        "id": kind.value,
        "name": name,
        "shortDescription": {"text": text},
        "helpUri": f"{INFORMATION_URI}#{kind.value}",
        "defaultConfiguration": {"level": level},
    }


def _result(f: Finding, rule_index: int, threshold: float, refs: Mapping[str, Reference],
            sources: Mapping[str, str], root: str | None, read_only: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.kind.value,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
    }
    if f.span is not None:
        out["locations"] = [{"physicalLocation": {
            "artifactLocation": {"uri": sarif_uri(f.span.file, root)},
            "region": _region(f.span, _covered(f.span, sources)),
        }}]
    if f.evidence:
        out["properties"] = {"evidence": [{"source": e.source, "detail": e.detail} for e in f.evidence]}
    if f.reference:
        out.setdefault("properties", {})["reference"] = f.reference
    if f.fix is not None:
        fix = _fix(f.fix, threshold, refs, sources, root, read_only)
        if fix is not None:
            out["fixes"] = [fix]
    return out


def _region(span: Span, text: str | None = None) -> dict[str, Any]:
    """The region of ``span``. ``text``, the characters it covers when known, gives its end line and
    column: without them SARIF reads a region as running to the end of its line, which would
    contradict charLength (the spec wants both descriptions to name the same characters)."""
    region = {"startLine": span.line, "startColumn": span.column,
              "charOffset": span.start, "charLength": max(span.end - span.start, 0)}
    if text is not None:
        region["endLine"], region["endColumn"] = _end(span.line, span.column, text)
    return region


def _covered(span: Span, sources: Mapping[str, str]) -> str | None:
    source = sources.get(span.file)
    return source[span.start:max(span.end, span.start)] if source is not None else None


def _end(line: int, column: int, text: str) -> tuple[int, int]:
    """The line and column just after ``text``, which starts at ``line``:``column``."""
    breaks = text.count("\n")
    if not breaks:
        return line, column + len(text)
    return line + breaks, len(text) - text.rfind("\n")


def _fix(fix: Fix, threshold: float, refs: Mapping[str, Reference], sources: Mapping[str, str],
         root: str | None, read_only: frozenset[str]) -> dict[str, Any] | None:
    changes: dict[str, list[dict[str, Any]]] = {}
    for loc in fix.locations:
        if loc.file in read_only:
            continue
        replacement = _replacement(fix, loc, refs, sources)
        if replacement is not None:
            changes.setdefault(loc.file, []).append(replacement)
    if not changes:
        return None
    return {
        "description": {"text": f"fix the {fix.target.value} {fix.field}: {fix.before!r} -> {fix.after!r} "
                                f"(confidence {fix.confidence:.2f}, {fix_state(fix, threshold)})"},
        "artifactChanges": [{"artifactLocation": {"uri": sarif_uri(file, root)}, "replacements": reps}
                            for file, reps in changes.items()],
    }


def _replacement(fix: Fix, loc: Span, refs: Mapping[str, Reference], sources: Mapping[str, str]) -> dict[str, Any] | None:
    """The exact characters ``fix`` replaces at ``loc``, or None when they cannot be pinned down."""
    source = sources.get(loc.file)
    if source is not None:
        edits = edits_for(loc.file, source, [Fix(fix.target, fix.field, fix.before, fix.after, (loc,))])
        if not edits:
            return None
        edit = edits[0]
        return _change(source, edit.start, edit.end, edit.after)
    if loc.end - loc.start == len(fix.before):  # the span is exactly the text to replace
        return {"deletedRegion": _region(loc, fix.before), "insertedContent": {"text": fix.after}}
    ref = refs.get(fix.reference or "") if fix.reference else None
    ref = ref or next((r for r in refs.values() if r.span == loc), None)
    if ref is not None and ref.span == loc and loc.end - loc.start == len(ref.raw) and fix.before in ref.raw:
        # the reference's raw text is the file's text at its span: find the old text inside it
        return _change(ref.raw, ref.raw.index(fix.before), ref.raw.index(fix.before) + len(fix.before),
                       fix.after, base=loc)
    return None


def _change(text: str, start: int, end: int, after: str, base: Span | None = None) -> dict[str, Any]:
    """A replacement of ``text[start:end]``; ``text`` is a whole file, or a part of one at ``base``."""
    line = text.count("\n", 0, start)
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    if base is not None:
        column = column + base.column - 1 if line == 0 else column
        line += base.line
        offset = base.start + start
    else:
        line += 1
        offset = start
    end_line, end_column = _end(line, column, text[start:end])
    region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
              "charOffset": offset, "charLength": end - start}
    return {"deletedRegion": region, "insertedContent": {"text": after}}
