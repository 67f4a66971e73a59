"""The history stage's records: what one check of a URL said at a time, the rot rule, and
what the rule makes of a URL's timeline (frozen, standard library only)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from ..model import LinkCheck, LinkStatus


class Health(str, Enum):
    """A URL's state over time (the rot rule's verdict), not one check's state."""

    OK = "ok"
    SUSPECT = "suspect"  # failing, but not yet long or often enough to be declared dead
    DEAD = "dead"  # failed at least ``RotRule.failures`` times spanning ``RotRule.days``
    UNKNOWN = "unknown"  # bot walls, rate limits, never checked: cannot tell

    @property
    def is_broken(self) -> bool:
        return self in (Health.SUSPECT, Health.DEAD)


class Signal(str, Enum):
    """What one check says about a URL's health."""

    OK = "ok"
    FAIL = "fail"
    UNKNOWN = "unknown"  # the site refused the checker: says nothing about the page
    IGNORE = "ignore"  # skipped (offline, private address): not an observation of the page


class ChangeKind(str, Enum):
    """Stable codes of what changed since the last run (part of the JSON output)."""

    NEWLY_SUSPECT = "newly-suspect"  # failing now, was not failing at the last run
    NEWLY_DEAD = "newly-dead"  # declared dead by the rot rule in this run
    RECOVERED = "recovered"  # was suspect or dead, answers again
    NEWLY_ARCHIVED = "newly-archived"  # an archived copy is known for the first time

    @property
    def is_breakage(self) -> bool:
        return self in (ChangeKind.NEWLY_SUSPECT, ChangeKind.NEWLY_DEAD)


@dataclass(frozen=True)
class Observation:
    """One recorded check of ``url`` at ``checked_at`` (timezone-aware, UTC)."""

    url: str
    checked_at: datetime
    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    snapshot_url: str | None = None
    snapshot_timestamp: str | None = None
    detail: str = ""
    run_id: int | None = None


@dataclass(frozen=True)
class RotRule:
    """A URL is dead after ``failures`` failed checks spanning at least ``days`` days, with no
    successful check in between (InternetArchiveBot's rule: 3 failures over 3 days)."""

    failures: int = 3
    days: float = 3.0

    def describe(self) -> str:
        return f"{self.failures} failed checks spanning at least {self.days:g} days"


@dataclass(frozen=True)
class Verdict:
    """What the rot rule makes of one URL's timeline at ``now``."""

    url: str
    health: Health
    reason: str
    failures: int = 0  # failed checks since the last successful one
    first_failure: datetime | None = None
    last_checked: datetime | None = None
    last_status: LinkStatus | None = None
    snapshot_url: str | None = None  # the newest archived copy recorded for the URL
    checks: int = 0  # observations considered


@dataclass(frozen=True)
class Change:
    """One URL's change between the last run's verdict and this run's."""

    url: str
    kind: ChangeKind
    before: Health | None  # None: the URL was never checked before
    after: Health
    detail: str


def observe(check: LinkCheck, checked_at: datetime, run_id: int | None = None) -> Observation:
    """The observation one ``LinkCheck`` makes at ``checked_at``."""
    snap = check.snapshot
    return Observation(url=check.url, checked_at=checked_at, status=check.status, http_status=check.http_status,
                       final_url=check.final_url, snapshot_url=snap.url if snap else None,
                       snapshot_timestamp=snap.timestamp if snap else None, detail=check.detail, run_id=run_id)


@dataclass(frozen=True)
class RunInfo:
    """One recorded run of ``citecheck links --history``."""

    id: int
    started_at: datetime
    documents: tuple[str, ...] = ()
    urls: int = 0
