"""The result of one run: everything the reports render."""
from __future__ import annotations

from dataclasses import dataclass

from .citation import Citation
from .existence import ExistenceCheck
from .finding import Finding, Severity
from .link import ArchiveSnapshot, LinkCheck
from .reference import Reference


@dataclass(frozen=True)
class RunResult:
    documents: tuple[str, ...]
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]
    links: tuple[LinkCheck, ...] = ()
    citation_targets: tuple[str | None, ...] = ()  # reference key per citation, parallel to citations
    link_refs: tuple[tuple[str, str], ...] = ()  # (reference key, url) for every checked URL of a reference
    # (reference key, url, snapshot) where that reference's own date picks another archived copy
    link_snapshots: tuple[tuple[str, str, ArchiveSnapshot], ...] = ()
    offline: bool = True  # no network was used (or none could be reached)
    existence: tuple[ExistenceCheck, ...] = ()  # one verdict per reference, when existence was checked

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)
