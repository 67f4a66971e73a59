"""Whether a cited work exists: a verdict per reference, with its evidence."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .finding import Evidence


class Verdict(str, Enum):
    VERIFIED = "verified"  # a record (or the cited page) matches title, authors and year
    MISMATCH = "mismatch"  # a record exists but disagrees (authors, year, an identifier of another work)
    NOT_FOUND = "not-found"  # at least two sources answered and nothing close exists
    UNDECIDED = "undecided"  # sources did not answer: never reported as not-found

    @property
    def is_problem(self) -> bool:
        return self in (Verdict.MISMATCH, Verdict.NOT_FOUND)


@dataclass(frozen=True)
class Candidate:
    """A record a source offered, and how close it came (0..1)."""

    source: str
    title: str
    score: float
    detail: str = ""


@dataclass(frozen=True)
class ExistenceCheck:
    reference: str  # the reference key
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    closest: tuple[Candidate, ...] = ()
    answered: tuple[str, ...] = ()  # the sources that answered
    unanswered: tuple[str, ...] = ()  # the sources that did not (offline, rate-limited, errors)
    detail: str = ""
