"""Reference-manager field codes of a Word document: key citations and the items they carry.

EndNote's ``ADDIN EN.CITE <EndNote>...`` fields are read by ``parse.endnote_fields`` into the
same CSL items, and Word's own ``CITATION Tag`` fields by ``parse.word_sources``, from the
document's bibliography part (its sources). Zotero writes every citation as a Word field whose instruction is
``ADDIN ZOTERO_ITEM CSL_CITATION {json}`` and the bibliography as ``ADDIN ZOTERO_BIBL {json}
CSL_BIBLIOGRAPHY``; Mendeley Desktop writes ``ADDIN CSL_CITATION {json}``. The JSON (the
"csl-citation" schema) holds ``citationItems``: per cited work its ``id``, the full CSL item
in ``itemData``, and ``locator``/``label``/``prefix``/``suffix``/``suppress-author``.

``inputs.docx`` appends the fields it finds to the extracted text as a trailer, one JSON
object per line (``{"code": instruction, "result": the text Word shows}``)::

    <!-- citecheck:word-fields
    {"code": "ADDIN ZOTERO_ITEM CSL_CITATION {...}", "result": "(Lane, 2014)"}
    {"sources": "<b:Sources ...>...</b:Sources>"}
    -->

(the ``sources`` line: Word's bibliography part, when the document has one). ``split_trailer``
takes it off again; ``read_fields`` turns the citation fields into key
citations (``Citation.key``: the item's id; for Mendeley, whose ids are ``ITEM-1``,
``ITEM-2`` per citation, the document uuid of its ``uris`` when given) with spans on the
text Word shows, and into one reference per cited item (``parse.csl_json``'s item reader),
so the document's citations cross-check exactly. A field whose JSON cannot be read is a
finding on its citation. Those ids are the reference manager's own (Zotero's "16", a Mendeley uuid, an
EndNote record number), no citation key anyone cites by: once read, each item is keyed as its author and
title and year make it ("laneCulture2014", ``emit.keys``), or by the key it carries itself (Better
BibTeX's ``citation-key``), and its citations with it (``readable_keys``); Word's own tags stay.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass

from ..model import Citation, CleanText, Finding, Kind, Reference, Severity, Span
from ..emit.keys import assign_keys
from . import endnote_fields as endnote
from . import word_sources
from .csl_json import citation_key, item_to_reference

TRAILER_START = "<!-- citecheck:word-fields"
TRAILER_END = "-->"
_TRAILER = re.compile(r"\n?" + re.escape(TRAILER_START) + r"\n(?P<lines>.*?)\n?" + re.escape(TRAILER_END) + r"\n?\Z",
                      re.DOTALL)
_CITATION = re.compile(r"^\s*ADDIN\s+(?:(?P<zotero>ZOTERO_ITEM)\s+)?CSL_CITATION\s*(?P<json>\{.*?)\s*$", re.DOTALL)
_BIBLIOGRAPHY = re.compile(r"^\s*ADDIN\s+ZOTERO_BIBL\b")
_MENDELEY_UUID = re.compile(r"uuid=([0-9A-Fa-f-]{8,})")


def is_reference_field(code: str) -> bool:
    """A field of Zotero, Mendeley, EndNote or Word's own citations (a citation or the bibliography)."""
    return bool(_CITATION.match(code) or _BIBLIOGRAPHY.match(code) or endnote.is_citation(code)
                or endnote.is_bibliography(code) or word_sources.is_citation(code)
                or word_sources.is_bibliography(code))


def is_bibliography_field(code: str) -> bool:
    """A reference manager's bibliography field (Zotero's, EndNote's, Word's own)."""
    return bool(_BIBLIOGRAPHY.match(code) or endnote.is_bibliography(code) or word_sources.is_bibliography(code))


@dataclass(frozen=True)
class Trailer:
    """What ``inputs.docx`` appended to a document's text: its fields, and Word's sources."""

    fields: tuple[tuple[str, str], ...] = ()  # (instruction, shown text), in order
    sources: str = ""  # the XML of Word's bibliography part


def write_trailer(fields: list[tuple[str, str]], sources: str = "") -> str:
    lines = [json.dumps({"code": code, "result": result}, ensure_ascii=False) for code, result in fields]
    if sources:
        lines.append(json.dumps({"sources": sources}, ensure_ascii=False))
    return "\n".join([TRAILER_START, *lines, TRAILER_END]) + "\n"


def split_trailer(text: str) -> tuple[str, Trailer]:
    """The extracted text without its field trailer, and what the trailer held."""
    match = _TRAILER.search(text)
    if match is None:
        return text, Trailer()
    fields = []
    sources = ""
    for line in match.group("lines").splitlines():
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict) and "sources" in value:
            sources = str(value["sources"])
        elif isinstance(value, dict):
            fields.append((str(value.get("code", "")), str(value.get("result", ""))))
    return text[: match.start()].rstrip("\n") + "\n", Trailer(tuple(fields), sources)


@dataclass(frozen=True)
class WordCitations:
    citations: tuple[Citation, ...]
    references: tuple[Reference, ...]
    findings: tuple[Finding, ...]
    bibliography_field: bool  # the document has a ZOTERO_BIBL field
    shown: tuple[Span, ...] = ()  # where the text each citation field shows is, read or not


def _locate(clean: CleanText, result: str, cursor: int, limit: int) -> tuple[Span, int]:
    """The span of ``result`` (whitespace folded) in the text at or after ``cursor``."""
    folded = " ".join(result.split())
    at = clean.text.find(folded, cursor, limit) if folded else -1
    if at < 0:
        return clean.span(min(cursor, limit), min(cursor, limit)), cursor
    return clean.span(at, at + len(folded)), at + len(folded)


def _key(entry: dict, mendeley: bool) -> str:
    key = str(entry.get("id", "")).strip()
    if mendeley:
        for uri in entry.get("uris") or []:
            match = _MENDELEY_UUID.search(str(uri))
            if match:
                return match.group(1)
    if not key and isinstance(entry.get("itemData"), dict):
        key = str(entry["itemData"].get("id", "")).strip()
    return key


def _signature(ref: Reference) -> tuple:
    return (ref.title.lower(), ref.year, tuple(a.sort_name for a in ref.authors))


def read_fields(clean: CleanText, trailer: Trailer, limit: int) -> WordCitations:
    """Key citations and cited items of the fields; spans on ``clean`` (only ``text[:limit]`` searched)."""
    citations: list[Citation] = []
    refs: dict[str, Reference] = {}
    findings: list[Finding] = []
    cursor = 0
    bibliography = False
    shown: list[Span] = []

    managers: dict[str, str] = {}  # the key of each item a reference manager's field carries: the key it gives

    def add_item(key: str, item: dict, span: Span, raw: str = "", manager: bool = True) -> str:
        """Keep the cited item (once per key; another work under a known key gets a new key)."""
        ref, problems = item_to_reference({**item, "id": key}, raw or json.dumps(item, ensure_ascii=False), span)
        known = refs.get(key)
        if known is not None and _signature(known) != _signature(ref):  # one id, two works
            number = 2
            while f"{key}-{number}" in refs:
                number += 1
            key = f"{key}-{number}"
            ref = dataclasses.replace(ref, key=key)
            known = None
        if known is None:
            refs[key] = ref
            if manager:
                managers[key] = citation_key(item)
            findings.extend(Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, span=span,
                                    reference=key, message=f"line {span.line}: {p}") for p in problems)
        return key

    sources: dict[str, tuple[dict, str]] | None = None  # Word's own, read at its first CITATION field
    for code, result in trailer.fields:
        if is_bibliography_field(code):
            bibliography = True
            continue
        if word_sources.is_citation(code):
            span, cursor = _locate(clean, result, cursor, limit)
            shown.append(span)
            if sources is None:
                try:
                    sources = word_sources.sources_items(trailer.sources) if trailer.sources else {}
                except ValueError as exc:
                    sources = {}
                    findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span,
                                            message=f"line {span.line}: {exc}"))
            group = " ".join(result.split())
            for cite in word_sources.cited_tags(code):
                known = sources.get(cite.tag)
                key = add_item(cite.tag, known[0], span, known[1], manager=False) if known else cite.tag
                citations.append(Citation(text=group, span=span, names=(), key=key, locator=cite.locator, group=group))
            continue
        if endnote.is_citation(code):
            span, cursor = _locate(clean, result, cursor, limit)
            shown.append(span)
            try:
                cited = endnote.cites(code)
            except ValueError as exc:  # an encoded field is a known limit (a warning), broken XML an error
                severity = Severity.WARNING if isinstance(exc, endnote.EncodedField) else Severity.ERROR
                findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=severity, span=span,
                                        message=f"line {span.line}: the EndNote field of {result!r} cannot be read: {exc}"))
                continue
            group = " ".join(result.split())
            for cite in cited:
                key = add_item(cite.key, cite.item, span) if cite.item else cite.key
                citations.append(Citation(text=group, span=span, names=(), key=key, locator=cite.locator,
                                          narrative=cite.narrative, group=group))
            continue
        match = _CITATION.match(code)
        if match is None:
            continue
        span, cursor = _locate(clean, result, cursor, limit)
        shown.append(span)
        try:
            data = json.loads(match.group("json"))
        except json.JSONDecodeError as exc:
            findings.append(Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR, span=span,
                                    message=f"line {span.line}: the citation field of {result!r} cannot be read "
                                            f"({exc.msg})"))
            continue
        items = data.get("citationItems") if isinstance(data, dict) else None
        mendeley = not match.group("zotero")
        group = " ".join(result.split())
        for entry in items if isinstance(items, list) else []:
            if not isinstance(entry, dict):
                continue
            key = _key(entry, mendeley)
            item = entry.get("itemData")
            if isinstance(item, dict):
                key = add_item(key, item, span)
            if not key:
                continue
            locator = str(entry.get("locator") or "").strip()
            label = str(entry.get("label") or "").strip()
            if locator and label and label != "page":
                locator = f"{label} {locator}"
            citations.append(Citation(text=group, span=span, names=(), key=key, locator=locator,
                                      narrative=bool(entry.get("author-only")), group=group))
    renamed = readable_keys(list(refs.values()), managers)
    return WordCitations(tuple(dataclasses.replace(c, key=renamed.get(c.key, c.key)) for c in citations),
                         tuple(dataclasses.replace(r, key=renamed.get(r.key, r.key)) for r in refs.values()),
                         tuple(dataclasses.replace(f, reference=renamed.get(f.reference, f.reference)) if f.reference
                               else f for f in findings), bibliography, tuple(shown))


def readable_keys(refs: list[Reference], managers: dict[str, str]) -> dict[str, str]:
    """The key each item a reference manager keyed by its own id (``managers``: id -> the citation key the item
    carries, or "") is given: the one it carries, else one made of its author, title and year, unique among
    ``refs`` (Word's own tags kept)."""
    if not managers:
        return {}
    blank = [dataclasses.replace(r, key=managers[r.key]) if r.key in managers else r for r in refs]
    return {old.key: new.key for old, new in zip(refs, assign_keys(blank)) if old.key in managers}
