"""What changed since the last run (pure): the verdicts before this run's checks against the
verdicts after them; and whether that should fail the run (``FailLevel``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Iterable, Mapping, Sequence

from .records import Change, ChangeKind, Health, Observation, RotRule, Verdict
from .rules import verdict


class FailLevel(str, Enum):
    """When ``citecheck links`` exits 1."""

    NEW = "new"  # a URL newly broke since the last run: newly suspect or newly declared dead
    NEW_DEAD = "new-dead"  # a URL was declared dead by the rot rule in this run
    ANY = "any"  # any URL is suspect or dead now, new or not
    NEVER = "never"


@dataclass(frozen=True)
class RunAssessment:
    """This run's verdict for each URL checked, and the changes since the last run."""

    verdicts: tuple[Verdict, ...]
    changes: tuple[Change, ...]

    def fails(self, level: FailLevel) -> bool:
        if level is FailLevel.NEVER:
            return False
        if level is FailLevel.ANY:
            return any(v.health.is_broken for v in self.verdicts)
        wanted = {ChangeKind.NEWLY_DEAD} if level is FailLevel.NEW_DEAD else {ChangeKind.NEWLY_SUSPECT,
                                                                              ChangeKind.NEWLY_DEAD}
        return any(c.kind in wanted for c in self.changes)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def changes_between(before: Verdict | None, after: Verdict) -> list[Change]:
    """The changes of one URL from ``before`` (None: never checked) to ``after``."""
    out: list[Change] = []
    was = before.health if before is not None and before.checks else None
    now = after.health
    if now is Health.DEAD and was is not Health.DEAD:
        out.append(Change(after.url, ChangeKind.NEWLY_DEAD, was, now, after.reason))
    elif now is Health.SUSPECT and (was is None or not was.is_broken):
        out.append(Change(after.url, ChangeKind.NEWLY_SUSPECT, was, now, after.reason))
    elif now is Health.OK and was is not None and was.is_broken:
        out.append(Change(after.url, ChangeKind.RECOVERED, was, now, after.reason))
    if after.snapshot_url and (before is None or not before.snapshot_url):
        out.append(Change(after.url, ChangeKind.NEWLY_ARCHIVED, was, now, f"archived copy: {after.snapshot_url}"))
    return out


def assess_run(
    urls: Sequence[str],
    earlier: Mapping[str, Sequence[Observation]],
    current: Iterable[Observation],
    rule: RotRule,
    now: datetime,
) -> RunAssessment:
    """Verdicts for ``urls`` after this run's ``current`` observations, and the changes from the
    verdicts the ``earlier`` observations (the store's, before this run) gave."""
    this_run: dict[str, list[Observation]] = {}
    for obs in current:
        this_run.setdefault(obs.url, []).append(obs)
    verdicts: list[Verdict] = []
    changes: list[Change] = []
    for url in dict.fromkeys(urls):
        past = tuple(earlier.get(url, ()))
        before = verdict(url, past, rule, now) if past else None
        after = verdict(url, past + tuple(this_run.get(url, ())), rule, now)
        verdicts.append(after)
        changes.extend(changes_between(before, after))
    return RunAssessment(tuple(verdicts), tuple(changes))
