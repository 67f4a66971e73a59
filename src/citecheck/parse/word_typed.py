"""What a Word file's author typed beside its reference-manager fields.

A document cited with Zotero, Mendeley or EndNote is read by its fields (``parse.word_fields``); but a
co-author without the plugin types "(Orwell, 1949)" and adds its entry under the generated list by hand,
and a writer unlinks a citation to edit it. Those are read as in any other document: the author-date
citations of the text outside the fields' own text, and the entries of the reference list that the
bibliography field did not write and that are no field item's work (a bibliography unlinked to plain
text repeats every item: none of them is a second reference).
"""
from __future__ import annotations

from anyascii import anyascii

from ..model import Citation, CleanText, Reference, Span
from .citation_parts import fold
from .citations import find_citations, names_cited_by
from .references import parse_reference_list


def typed_citations(body: CleanText, fields: tuple[Span, ...], refs: tuple[Reference, ...]) -> tuple[Citation, ...]:
    """The author-date citations of ``body`` outside the text the citation fields show (``fields``)."""
    shown = sorted({(span.start, span.end) for span in fields if span.end > span.start})
    chars = list(body.text)
    at = 0
    for index, origin in enumerate(body.origin[: len(body.text)]):
        while at < len(shown) and shown[at][1] <= origin:
            at += 1
        if at < len(shown) and shown[at][0] <= origin and chars[index] != "\n":
            chars[index] = " "
    masked = CleanText(file=body.file, text="".join(chars), origin=body.origin, source=body.source,
                       _line_starts=body._line_starts)
    return find_citations(masked, known_titles=names_cited_by(refs))


def typed_references(bibliography: CleanText | None, generated: list[str], items: tuple[Reference, ...]) -> tuple[Reference, ...]:
    """The entries of ``bibliography`` that no bibliography field wrote (``generated``: the text each shows)
    and that are no field item's work (the same first author and year, or the same title)."""
    if bibliography is None or not bibliography.text.strip():
        return ()
    written = _plain(" ".join(generated))
    works = ({_work(r) for r in items} | {_plain(r.title) for r in items}) - {"\0"}
    typed = []
    for ref in parse_reference_list(bibliography):
        if written and _plain(ref.raw) in written:
            continue
        if _work(ref) in works or _plain(ref.title) in works:
            continue
        typed.append(ref)
    return tuple(typed)


def _work(ref: Reference) -> str:
    """"lane 2014": a work's first author and year, to tell the same work in a field and in a typed list."""
    first = ref.authors[0] if ref.authors else None
    name = (first.family or first.literal) if first is not None else ""
    return f"{_plain(name)} {ref.year}" if name and ref.year else "\0"


def _plain(text: str) -> str:
    return fold(anyascii(text or "")).casefold() or "\0"  # "\0": nothing to compare
