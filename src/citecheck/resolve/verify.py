"""What evidence finds that no citation reveals: references that disagree with their source.

``verify_references`` looks every reference up in the work sources (the cited page,
Crossref, OpenAlex, OpenLibrary) and reports:

* ``metadata-mismatch`` (warning) where the reference disagrees with the record: an
  author's family name misspelled in the bibliography only ("Chiamonte" where the page
  names "Perry Chiaramonte"), a different year, a different title; each with a fix on
  the reference and a confidence from the summed evidence (log-odds, as in reconcile);
* ``missing-field`` (info) fills: a DOI for a journal article that lacks one (or has a
  truncated one), when Crossref or OpenAlex matched the work.

Year and title changes also touch the citations or are often a publisher's later edit,
so their confidence is capped below the usual threshold: they are listed for review.
Names a citation already disputes (``known`` findings with a fix) are left to reconcile.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.model import Evidence, Finding, Fix, Kind, Reference, Severity, Target

from .crossref import normal_doi
from .prefetch import lookup_all
from .evidence import NameEvidenceSource
from .record import WorkRecord, WorkSource
from .textmatch import closest_family, fold, title_similarity
from .work_sources import SCHOLARLY

log = logging.getLogger(__name__)

REVIEW_CAP = 0.75  # year / title changes: shown, never applied by default
TITLE_MISMATCH = 60.0  # below this similarity (0..100) a record's title is "different"


@dataclass
class _Claim:
    """A proposed change to one field of one reference, and everything said for and against it."""

    reference: Reference
    field: str
    before: str
    after: str
    kind: Kind
    severity: Severity
    cap: float = 1.0
    evidence: list[Evidence] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def confidence(self) -> float:
        score = sum(e.weight for e in self.evidence if e.supports == self.after)
        score -= sum(e.weight for e in self.evidence if e.supports == self.before)
        return round(min(self.cap, 1.0 / (1.0 + math.exp(-score))), 4)


def verify_references(
    references: Sequence[Reference],
    sources: Sequence[WorkSource],
    *,
    priors: Sequence[NameEvidenceSource] = (),
    known: Sequence[Finding] = (),
    threshold: float = 0.8,
    max_workers: int = 4,
) -> tuple[Finding, ...]:
    """Findings for references that disagree with (or lack what is in) their source's record.

    The lookups run concurrently across references (``max_workers`` threads; each service
    client keeps its own politeness), the decisions in order.
    """
    disputed = {(f.fix.reference, value) for f in known if f.fix is not None for value in (f.fix.before, f.fix.after)}
    records = lookup_all(references, sources, max_workers=max_workers)
    findings: list[Finding] = []
    for reference, found in zip(references, records):
        claims: dict[tuple[str, str, str], _Claim] = {}
        for source, record in zip(sources, found):
            if record is None:
                continue
            label = getattr(source, "name", record.source)
            for claim in _claims(reference, record, label, disputed):
                merged = claims.setdefault((claim.field, claim.before, fold(claim.after)), claim)
                if merged is not claim:
                    merged.evidence.extend(e for e in claim.evidence if e not in merged.evidence)
                    merged.sources.extend(claim.sources)
        for claim in claims.values():
            if claim.field == "author":
                claim.evidence.extend(e for p in priors for e in p.weigh((claim.before, claim.after), reference))
            findings.append(_finding(claim, threshold))
    return tuple(findings)


def _claims(reference: Reference, record: WorkRecord, label: str, disputed: set) -> list[_Claim]:
    return [
        *_author_claims(reference, record, label, disputed),
        *_year_claims(reference, record, label),
        *_title_claims(reference, record, label),
        *_doi_claims(reference, record, label),
    ]


def _author_claims(reference: Reference, record: WorkRecord, label: str, disputed: set) -> list[_Claim]:
    listed = [a.family for a in (*reference.authors, *reference.editors) if a.family and not a.is_literal]
    listed_keys = {fold(f) for f in listed}
    claims = []
    for family in listed:
        if (reference.key, family) in disputed:
            continue  # a citation disagrees too: reconcile decides this one
        near = closest_family(family, record.families)
        if near is None or fold(near[0]) in listed_keys:
            continue
        spelled = near[0]
        author = next(a for a, f in zip(record.authors, record.families) if f == spelled)
        detail = f"{_says(record)} names '{author.name}' ({author.form}), not '{family}'"
        claim = _Claim(reference, "author", family, spelled, Kind.METADATA_MISMATCH, Severity.WARNING)
        claim.evidence += [
            Evidence(source=label, detail=detail, supports=spelled, weight=author.weight),
            Evidence(source="bibliography", detail=f'the reference list spells it "{family}"; informational '
                     "(weight 0): the bibliography is not right by default", supports=family),
        ]
        claim.sources.append(record.source)
        claims.append(claim)
    return claims


def _year_claims(reference: Reference, record: WorkRecord, label: str) -> list[_Claim]:
    if not record.exact or reference.year is None or record.year is None or record.year == reference.year:
        return []
    claim = _Claim(reference, "year", str(reference.year), str(record.year), Kind.METADATA_MISMATCH,
                   Severity.WARNING, cap=REVIEW_CAP)
    claim.evidence.append(Evidence(source=label, detail=f"{_says(record)} gives {record.year}",
                                   supports=str(record.year), weight=record.weight))
    claim.sources.append(record.source)
    return [claim]


def _title_claims(reference: Reference, record: WorkRecord, label: str) -> list[_Claim]:
    if not record.exact or not record.title or not reference.title or not reference.authors:
        return []
    similarity = title_similarity(reference.title, record.title)
    if similarity >= TITLE_MISMATCH:
        return []
    claim = _Claim(reference, "title", reference.title, record.title, Kind.METADATA_MISMATCH, Severity.WARNING,
                   cap=REVIEW_CAP if record.source != "cited page" else 0.5)
    claim.evidence.append(Evidence(
        source=label, detail=f"{_says(record)} gives the title '{record.title}' (similarity {similarity:.0f}/100)",
        supports=record.title, weight=record.weight - 1.0,
    ))
    claim.sources.append(record.source)
    return [claim]


def _doi_claims(reference: Reference, record: WorkRecord, label: str) -> list[_Claim]:
    if not record.doi or normal_doi(reference.doi) or reference.type not in SCHOLARLY:
        return []
    claim = _Claim(reference, "doi", reference.doi, record.doi, Kind.MISSING_FIELD, Severity.INFO)
    claim.evidence.append(Evidence(source=label, detail=f"{_says(record)}", supports=record.doi, weight=record.weight))
    fragment = dict(reference.extra).get("doi_fragment", "")
    if fragment and _tail(record.doi, fragment):
        claim.evidence.append(Evidence(
            source="bibliography",
            detail=f"the reference's truncated DOI '{fragment}' ends as {record.doi} does",
            supports=record.doi, weight=1.0,
        ))
    claim.sources.append(record.source)
    return [claim]


def _tail(doi: str, fragment: str) -> bool:
    digits = "".join(ch for ch in fragment if ch.isdigit() or ch == ".").strip(".")
    return len(digits) >= 4 and doi.endswith(digits)


def _says(record: WorkRecord) -> str:
    if record.source == "cited page":
        return record.how
    return f"{record.describe()}, matched by {record.how}"


def _finding(claim: _Claim, threshold: float) -> Finding:
    reference, confidence = claim.reference, claim.confidence()
    who = " and ".join(dict.fromkeys(claim.sources))
    if claim.kind is Kind.MISSING_FIELD:
        had = f" (it has only '{dict(reference.extra).get('doi_fragment')}')" if dict(reference.extra).get(
            "doi_fragment") else ""
        message = f"no DOI in the reference{had}; {who} gives {claim.after}"
    else:
        message = f'the reference gives {claim.field} "{claim.before}" but {who} gives "{claim.after}"'
    if confidence >= threshold:
        message += f" (confidence {confidence:.2f}): change the reference"
    else:
        message += f" (confidence {confidence:.2f}, below {threshold:.2f}): listed for review, not applied"
        if claim.field == "year":
            message += "; the citations of this work give the year too"
    fix = Fix(target=Target.REFERENCE, field=claim.field, before=claim.before, after=claim.after,
              locations=(reference.span,), reference=reference.key, confidence=confidence)
    return Finding(kind=claim.kind, severity=claim.severity, message=message, reference=reference.key,
                   suggested=claim.after, evidence=tuple(claim.evidence), fix=fix, span=reference.span)
