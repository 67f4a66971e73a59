"""Link checking results: a closed set of states with predicates (filled by the links stage)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class LinkStatus(str, Enum):
    ALIVE = "alive"
    REDIRECTED = "redirected"
    DEAD = "dead"
    SOFT_404 = "soft-404"
    BLOCKED = "blocked"
    RATE_LIMITED = "rate-limited"
    TIMEOUT = "timeout"
    ERROR = "error"
    SKIPPED = "skipped"

    @property
    def is_ok(self) -> bool:
        return self in (LinkStatus.ALIVE, LinkStatus.REDIRECTED)

    @property
    def is_failure(self) -> bool:
        return self in (LinkStatus.DEAD, LinkStatus.SOFT_404)

    @property
    def should_retry(self) -> bool:
        return self in (LinkStatus.RATE_LIMITED, LinkStatus.TIMEOUT, LinkStatus.ERROR)


@dataclass(frozen=True)
class ArchiveSnapshot:
    """An archived copy of ``original`` at ``timestamp`` (YYYYMMDDhhmmss), served at ``url``."""

    url: str
    original: str
    timestamp: str
    archive: str = "wayback"
    status: int | None = None


@dataclass(frozen=True)
class LinkCheck:
    url: str
    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    redirects: tuple[str, ...] = ()
    elapsed_ms: int | None = None
    snapshot: ArchiveSnapshot | None = None
    detail: str = ""
