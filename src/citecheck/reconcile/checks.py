"""The checks other than name spelling: years, missing and uncited works, ambiguity, et al.

Each check takes the citations, references and matches and returns
``(order, Finding)`` pairs; ``order`` is the index of the first citation concerned
(references come after all citations), so the stage can sort by appearance.
"""
from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from citecheck.model import Citation, Evidence, Finding, Fix, Kind, Reference, Severity, Target

from .match import Match, MatchKind
from .normalize import match_key, names_key

Ordered = list[tuple[int, Finding]]
UNDECIDED = 0.5  # a fix no evidence supports: shown for review, never applied


def describe(reference: Reference) -> str:
    """ "Zaugg (2019) These North Korean defectors..." for messages."""
    who = " & ".join(reference.cite_names[:2]) + (" et al." if len(reference.cite_names) > 2 else "")
    title = f" {reference.title}" if reference.title and reference.authors else ""
    return f"{who} ({reference.year_label}){title}".strip()


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _group_by_citation_key(citations: Sequence[Citation], matches: Sequence[Match]) -> dict[object, list[Match]]:
    """Matches grouped by what the citation says (folded names and year), in order of appearance."""
    groups: dict[object, list[Match]] = {}
    for match in matches:
        citation = citations[match.citation]
        key = (names_key(citation.name_texts), citation.year_label.casefold())
        groups.setdefault(key, []).append(match)
    return groups


def year_mismatches(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    groups: dict[tuple[int, str], list[Match]] = {}
    for match in matches:
        if match.kind is MatchKind.YEAR_DIFFERS and match.reference is not None:
            label = citations[match.citation].year_label
            groups.setdefault((match.reference, label.casefold()), []).append(match)
    found = []
    for (ref_index, _), group in groups.items():
        reference, first = references[ref_index], citations[group[0].citation]
        cited, listed = first.year_label, reference.year_label
        evidence = (
            Evidence(
                source="bibliography", detail=f"the reference list gives {listed}; informational (weight 0)",
                supports=listed,
            ),
            Evidence(
                source="in-text citations",
                detail=f"{_plural(len(group), 'in-text citation')} give {cited}; informational (weight 0)",
                supports=cited,
            ),
        )
        message = (
            f"cited as {cited} ({_plural(len(group), 'citation')}) but listed as {listed}; which year is "
            "right is not decided offline: the fix (change the citations) will not be applied"
        )
        fix = Fix(
            target=Target.CITATION,
            field="year",
            before=cited,
            after=listed,
            locations=tuple(citations[m.citation].span for m in group),
            reference=reference.key,
            confidence=UNDECIDED,
        )
        found.append((group[0].citation, Finding(
            kind=Kind.YEAR_MISMATCH, severity=Severity.ERROR, message=message, reference=reference.key,
            citation=first.text, suggested=listed, evidence=evidence, fix=fix, span=first.span,
        )))
    return found


def missing_references(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    unmatched = [m for m in matches if m.kind is MatchKind.NONE]
    found = []
    for group in _group_by_citation_key(citations, unmatched).values():
        first = citations[group[0].citation]
        evidence = _closest(first, references)
        message = f'"{first.text}" is cited ({_plural(len(group), "citation")}) but has no entry in the reference list'
        found.append((group[0].citation, Finding(
            kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, message=message, citation=first.text,
            evidence=evidence, span=first.span,
        )))
    return found


def _closest(citation: Citation, references: Sequence[Reference]) -> tuple[Evidence, ...]:
    cited = match_key(" ".join(citation.name_texts))
    scored = [(fuzz.ratio(cited, match_key(" ".join(r.cite_names))), -i, r) for i, r in enumerate(references)]
    if not scored:
        return (Evidence(source="bibliography", detail="the reference list is empty"),)
    score, _, reference = max(scored, key=lambda t: t[:2])
    detail = f"closest entry: {describe(reference)} (similarity {score:.0f}/100, too far to be the same work)"
    return (Evidence(source="bibliography", detail=detail),)


def uncited_references(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    cited = {i for m in matches for i in m.candidates}
    return [
        (len(citations) + i, Finding(
            kind=Kind.UNCITED_REFERENCE, severity=Severity.WARNING,
            message=f"listed but never cited: {describe(r)}", reference=r.key, span=r.span,
        ))
        for i, r in enumerate(references)
        if i not in cited
    ]


def missing_years(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    found = []
    for match in matches:
        citation = citations[match.citation]
        if citation.year_label or match.reference is None:
            continue
        reference = references[match.reference]
        label = reference.year_label
        fix = Fix(
            target=Target.CITATION, field="year", before=citation.text, after=f"{citation.text}, {label}",
            locations=(citation.span,), reference=reference.key, confidence=1.0,
        )
        evidence = (
            Evidence(
                source="bibliography", detail=f"the only matching entry, {describe(reference)}, gives {label}",
                supports=label,
            ),
        )
        message = f'"{citation.text}" gives no year; its entry gives {label}'
        found.append((match.citation, Finding(
            kind=Kind.CITATION_MISSING_YEAR, severity=Severity.WARNING, message=message, reference=reference.key,
            citation=citation.text, suggested=label, evidence=evidence, fix=fix, span=citation.span,
        )))
    return found


def ambiguous_citations(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    ambiguous = [m for m in matches if m.kind is MatchKind.AMBIGUOUS]
    found = []
    for group in _group_by_citation_key(citations, ambiguous).values():
        first = citations[group[0].citation]
        fits = [references[i] for i in group[0].candidates]
        evidence = tuple(Evidence(source="bibliography", detail=f"fits {r.key}: {describe(r)}") for r in fits)
        message = (
            f'"{first.text}" ({_plural(len(group), "citation")}) fits {len(fits)} entries equally; '
            "add a year or a year suffix (2019a, 2019b) to tell them apart"
        )
        found.append((group[0].citation, Finding(
            kind=Kind.AMBIGUOUS_CITATION, severity=Severity.ERROR, message=message, citation=first.text,
            evidence=evidence, span=first.span,
        )))
    return found


def etal_misuse(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    groups: dict[tuple[int, str], list[Match]] = {}
    for match in matches:
        if match.reference is None:
            continue
        problem = _etal_problem(citations[match.citation], references[match.reference], match)
        if problem is not None:
            groups.setdefault((match.reference, problem), []).append(match)
    found = []
    for (ref_index, problem), group in groups.items():
        reference, first = references[ref_index], citations[group[0].citation]
        severity, text, suggested = _ETAL_TEXT[problem](reference)
        message = f'"{first.text}" ({_plural(len(group), "citation")}): {text}'
        found.append((group[0].citation, Finding(
            kind=Kind.ETAL_MISUSE, severity=severity, message=message, reference=reference.key,
            citation=first.text, suggested=suggested, span=first.span,
        )))
    return found


def _etal_problem(citation: Citation, reference: Reference, match: Match) -> str | None:
    if match.by_title or not (reference.authors or reference.editors):
        return None
    listed = len(reference.cite_names)
    if match.kind is MatchKind.ETAL_ORDER:
        return "not-first"
    if citation.etal and listed < 3:
        return "etal-too-few"
    if not citation.etal and len(citation.names) < listed:
        return "missing-etal" if listed >= 3 else "partial"
    if not citation.etal and listed >= 3:
        return "style-etal"
    return None


def _names(reference: Reference) -> str:
    return " & ".join(reference.cite_names)


_ETAL_TEXT = {
    "not-first": lambda r: (
        Severity.WARNING,
        f'"et al." follows a name that is not the first author ({r.cite_names[0]} is)',
        f"{r.cite_names[0]} et al.",
    ),
    "etal-too-few": lambda r: (
        Severity.WARNING,
        f'"et al." used for a work with {_plural(len(r.cite_names), "author")}: '
        f'name {"both" if len(r.cite_names) == 2 else "the author"}',
        _names(r),
    ),
    "missing-etal": lambda r: (
        Severity.WARNING,
        f'names only some of the {len(r.cite_names)} authors without "et al."',
        f"{r.cite_names[0]} et al.",
    ),
    "partial": lambda r: (Severity.WARNING, "names only one of the two authors", _names(r)),
    "style-etal": lambda r: (
        Severity.INFO,
        f'style advice: APA cites a work with {len(r.cite_names)} authors as "{r.cite_names[0]} et al."',
        f"{r.cite_names[0]} et al.",
    ),
}
