"""NAME_MISMATCH: a cited name spelled differently from the bibliography, decided by evidence.

One finding per (reference, listed name, cited variant), aggregating every citation that
uses the variant. Neither "the bibliography is right" nor "the majority of citations is
right" holds in general (a typo in the reference list is copied into no citation; a typo
in a citation is often pasted several times), so the document's own spellings are shown
with weight 0 and only the evidence sources decide which side changes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.model import Citation, CitedName, Evidence, Finding, Fix, Kind, Reference, Severity, Target
from citecheck.resolve.evidence import NameEvidenceSource

from .decide import Decision, decide
from .match import Match
from .listed import ListedName, fits, listed_names
from .normalize import match_key


@dataclass(frozen=True)
class _Variant:
    reference: int
    position: int
    listed: str
    cited: tuple[tuple[int, CitedName], ...]  # (citation index, name as cited)
    by_title: bool


def name_mismatches(
    citations: Sequence[Citation],
    references: Sequence[Reference],
    matches: Sequence[Match],
    sources: Sequence[NameEvidenceSource],
    threshold: float,
) -> list[tuple[int, Finding]]:
    """(order of first citation, finding) for every differently spelled cited name."""
    found = []
    for variant in _variants(matches):
        reference = references[variant.reference]
        evidence = (_document_evidence(variant, citations, references, matches) + _shortened(variant)
                    + _source_evidence(variant, reference, sources))
        first_index, first_name = variant.cited[0]
        decision = decide((variant.listed, first_name.text), evidence, default=variant.listed)
        finding = Finding(
            kind=Kind.NAME_MISMATCH,
            severity=Severity.ERROR,
            message=_message(variant, first_name.text, decision, threshold),
            reference=reference.key,
            citation=citations[first_index].text,
            suggested=decision.winner,
            evidence=evidence,
            fix=_fix(variant, first_name.text, reference, decision),
            span=first_name.span,
        )
        found.append((first_index, finding))
    return found


def _variants(matches: Sequence[Match]) -> list[_Variant]:
    groups: dict[tuple[int, int, str], list[tuple[int, CitedName, str, bool]]] = {}
    for match in matches:
        if match.reference is None:
            continue
        for diff in match.differences:
            key = (match.reference, diff.position, match_key(diff.cited.text))
            groups.setdefault(key, []).append((match.citation, diff.cited, diff.listed, match.by_title))
    variants = []
    for (ref_index, position, _), uses in groups.items():
        variants.append(
            _Variant(
                reference=ref_index,
                position=position,
                listed=uses[0][2],
                cited=tuple((index, name) for index, name, _, _ in uses),
                by_title=uses[0][3],
            )
        )
    return sorted(variants, key=lambda v: v.cited[0][0])


def _document_evidence(
    variant: _Variant, citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> tuple[Evidence, ...]:
    spelled = variant.cited[0][1].text
    listed_name = None if variant.by_title else _listed_at(references[variant.reference], variant.position)
    count = len(variant.cited)
    agreeing = sum(
        1
        for m in matches
        if m.reference == variant.reference
        and variant.position < len(citations[m.citation].names)
        and (
            fits(citations[m.citation].names[variant.position].text, listed_name)
            if listed_name is not None
            else match_key(citations[m.citation].names[variant.position].text) == match_key(variant.listed)
        )
    )
    items = [
        Evidence(
            source="bibliography",
            detail=(
                f'the reference list spells it "{variant.listed}"; informational (weight 0): the '
                "bibliography is not right by default, a typo can sit on either side"
            ),
            supports=variant.listed,
        ),
        Evidence(
            source="in-text citations",
            detail=(
                f'{_count(count, "in-text citation")} spell{"s" if count == 1 else ""} it "{spelled}"; '
                "informational (weight 0): how often a spelling is used is not evidence that it is "
                "right, a citation is often copied"
            ),
            supports=spelled,
        ),
    ]
    if agreeing:
        items.append(
            Evidence(
                source="in-text citations",
                detail=f'{_count(agreeing, "other in-text citation")} of this work '
                f'{"agrees" if agreeing == 1 else "agree"} with the reference list '
                f'("{variant.listed}"); informational (weight 0)',
                supports=variant.listed,
            )
        )
    return tuple(items)


SHORTENED_WEIGHT = 2.5  # log-odds for the whole name: a part of it is no way to spell it


def _shortened(variant: _Variant) -> tuple[Evidence, ...]:
    """The cited name is the listed one of two or more words with some left out at either end ("Health
    Organization" for "World Health Organization"): the whole name is the right one (an organisation is cited by
    its whole name or its abbreviation, a double family name whole)."""
    spelled = variant.cited[0][1].text
    cited, listed = match_key(spelled).split(), match_key(variant.listed).split()
    if variant.by_title or not cited or len(cited) >= len(listed):
        return ()
    if not any(listed[i : i + len(cited)] == cited for i in range(len(listed) - len(cited) + 1)):
        return ()
    return (Evidence(source="the names' words",
                     detail=f'"{spelled}" is "{variant.listed}" with words left out: a name is cited whole, never in '
                            f"part (weight {SHORTENED_WEIGHT})",
                     supports=variant.listed, weight=SHORTENED_WEIGHT),)


def _listed_at(reference: Reference, position: int) -> ListedName | None:
    names = listed_names(reference)
    return names[position] if position < len(names) else None


def _source_evidence(
    variant: _Variant, reference: Reference, sources: Sequence[NameEvidenceSource]
) -> tuple[Evidence, ...]:
    candidates = (variant.listed, variant.cited[0][1].text)
    return tuple(item for source in sources for item in source.weigh(candidates, reference))


def _fix(variant: _Variant, spelled: str, reference: Reference, decision: Decision) -> Fix:
    if decision.winner == variant.listed:
        return Fix(
            target=Target.CITATION,
            field="author",
            before=spelled,
            after=_as_cited(variant.listed, spelled),
            locations=tuple(name.span for _, name in variant.cited),
            reference=reference.key,
            confidence=round(decision.confidence, 4),
        )
    return Fix(
        target=Target.REFERENCE,
        field="title" if variant.by_title else "author",
        before=variant.listed,
        after=spelled,
        locations=(reference.span,),
        reference=reference.key,
        confidence=round(decision.confidence, 4),
    )


def _as_cited(listed: str, spelled: str) -> str:
    """The listed name, its particle capitalised when the citation capitalises it ("Van der Berg"), in capitals
    when the citation writes names so (ABNT's "(QUASCHNIG, 2020)" for "QUASCHNING, Volker" read "Quaschning")."""
    letters = [c for c in spelled if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return listed.upper()
    if listed[:1].islower() and spelled[:1].isupper():
        return listed[:1].upper() + listed[1:]
    return listed


def _message(variant: _Variant, spelled: str, decision: Decision, threshold: float) -> str:
    head = f'cited as "{spelled}" ({_count(len(variant.cited), "citation")}) but listed as "{variant.listed}"'
    side = "the citations" if decision.winner == variant.listed else "the reference"
    confidence = f"confidence {decision.confidence:.2f}"
    if decision.tied:
        return (
            f"{head}; no evidence favours either spelling, so it is not decided offline and the "
            f'fix shown (change {side} to "{decision.winner}") will not be applied'
        )
    if decision.confidence >= threshold:
        return f'{head}; the evidence favours "{decision.winner}" ({confidence}): change {side}'
    return (
        f'{head}; the evidence leans to "{decision.winner}" ({confidence}, below {threshold:.2f}), '
        f"so it is not decided offline and the fix ({side}) will not be applied"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
