"""The links stage's result record."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import ArchiveSnapshot, Finding, LinkCheck


@dataclass(frozen=True)
class LinkReport:
    """One ``LinkCheck`` per unique URL; ``by_reference`` maps reference keys to the URLs
    they give (in order); ``offline`` says no host at all could be reached;
    ``archives_unanswered`` names the archive services that answered none of the run's lookups
    (the snapshots of the failed links are then unknown, not missing); ``reference_snapshots``
    (reference key, URL, snapshot) where a reference's own date picks another copy than the
    URL's check carries."""

    checks: tuple[LinkCheck, ...] = ()
    by_reference: tuple[tuple[str, str], ...] = ()
    findings: tuple[Finding, ...] = ()
    offline: bool = False
    archives_unanswered: tuple[str, ...] = ()
    reference_snapshots: tuple[tuple[str, str, ArchiveSnapshot], ...] = ()

    def check_of(self, reference: str, url: str) -> LinkCheck | None:
        """The check of ``url`` as ``reference`` sees it (with the snapshot nearest its date)."""
        check = self.check_for(url)
        own = next((s for k, u, s in self.reference_snapshots if (k, u) == (reference, url)), None)
        return replace(check, snapshot=own) if check is not None and own is not None else check

    def check_for(self, url: str) -> LinkCheck | None:
        return next((c for c in self.checks if c.url == url), None)

    def urls_of(self, reference: str) -> tuple[str, ...]:
        return tuple(url for key, url in self.by_reference if key == reference)
