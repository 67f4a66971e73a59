"""The links stage's result record."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Finding, LinkCheck


@dataclass(frozen=True)
class LinkReport:
    """One ``LinkCheck`` per unique URL; ``by_reference`` maps reference keys to the URLs
    they give (in order); ``offline`` says no host at all could be reached;
    ``archives_unanswered`` names the archive services that answered none of the run's lookups
    (the snapshots of the failed links are then unknown, not missing)."""

    checks: tuple[LinkCheck, ...] = ()
    by_reference: tuple[tuple[str, str], ...] = ()
    findings: tuple[Finding, ...] = ()
    offline: bool = False
    archives_unanswered: tuple[str, ...] = ()

    def check_for(self, url: str) -> LinkCheck | None:
        return next((c for c in self.checks if c.url == url), None)

    def urls_of(self, reference: str) -> tuple[str, ...]:
        return tuple(url for key, url in self.by_reference if key == reference)
