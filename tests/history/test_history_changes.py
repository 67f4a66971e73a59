"""What changed since the last run, and when that fails the run."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from citecheck.history import (ChangeKind, FailLevel, Health, Observation, RotRule, Verdict, assess_run,
                               changes_between)
from citecheck.model import LinkStatus as S

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)


def v(health: Health, snapshot: str | None = None, checks: int = 1) -> Verdict:
    return Verdict(url="u", health=health, reason="r", snapshot_url=snapshot, checks=checks)


@pytest.mark.parametrize("before, after, kinds", [
    (None, Health.OK, []),
    (None, Health.SUSPECT, [ChangeKind.NEWLY_SUSPECT]),
    (Health.OK, Health.SUSPECT, [ChangeKind.NEWLY_SUSPECT]),
    (Health.UNKNOWN, Health.SUSPECT, [ChangeKind.NEWLY_SUSPECT]),
    (Health.SUSPECT, Health.SUSPECT, []),
    (Health.SUSPECT, Health.DEAD, [ChangeKind.NEWLY_DEAD]),
    (Health.OK, Health.DEAD, [ChangeKind.NEWLY_DEAD]),
    (Health.DEAD, Health.DEAD, []),
    (Health.DEAD, Health.OK, [ChangeKind.RECOVERED]),
    (Health.SUSPECT, Health.OK, [ChangeKind.RECOVERED]),
    (Health.DEAD, Health.UNKNOWN, []),  # a wall now says nothing about recovery
    (Health.UNKNOWN, Health.OK, []),
])
def test_changes_between_verdicts(before, after, kinds):
    got = changes_between(v(before) if before else None, v(after))
    assert [c.kind for c in got] == kinds


def test_a_url_that_was_only_skipped_before_counts_as_new():
    [change] = changes_between(v(Health.UNKNOWN, checks=0), v(Health.SUSPECT))
    assert change.before is None and change.kind is ChangeKind.NEWLY_SUSPECT


def test_newly_archived_only_the_first_time():
    snap = "https://web.archive.org/web/1/u"
    assert [c.kind for c in changes_between(v(Health.DEAD), v(Health.DEAD, snap))] == [ChangeKind.NEWLY_ARCHIVED]
    assert changes_between(v(Health.DEAD, snap), v(Health.DEAD, snap)) == []
    both = changes_between(v(Health.SUSPECT), v(Health.DEAD, snap))
    assert [c.kind for c in both] == [ChangeKind.NEWLY_DEAD, ChangeKind.NEWLY_ARCHIVED]


def obs(url, day, state):
    return Observation(url, T0 + timedelta(days=day), state)


def test_assess_run_compares_with_the_store_before_this_run():
    earlier = {"a": (obs("a", 0, S.DEAD), obs("a", 1, S.DEAD)), "b": (obs("b", 0, S.DEAD),)}
    current = [obs("a", 3, S.DEAD), obs("b", 3, S.ALIVE), obs("c", 3, S.DEAD)]
    result = assess_run(["a", "b", "c"], earlier, current, RotRule(), T0 + timedelta(days=3))
    assert {v.url: v.health for v in result.verdicts} == {"a": Health.DEAD, "b": Health.OK, "c": Health.SUSPECT}
    assert {(c.url, c.kind) for c in result.changes} == {
        ("a", ChangeKind.NEWLY_DEAD), ("b", ChangeKind.RECOVERED), ("c", ChangeKind.NEWLY_SUSPECT)}
    assert result.count(ChangeKind.RECOVERED) == 1


@pytest.mark.parametrize("kinds, health, level, fails", [
    ([ChangeKind.NEWLY_SUSPECT], Health.SUSPECT, FailLevel.NEW, True),
    ([ChangeKind.NEWLY_DEAD], Health.DEAD, FailLevel.NEW, True),
    ([ChangeKind.RECOVERED, ChangeKind.NEWLY_ARCHIVED], Health.OK, FailLevel.NEW, False),
    ([], Health.DEAD, FailLevel.NEW, False),  # still dead is not new
    ([ChangeKind.NEWLY_SUSPECT], Health.SUSPECT, FailLevel.NEW_DEAD, False),
    ([ChangeKind.NEWLY_DEAD], Health.DEAD, FailLevel.NEW_DEAD, True),
    ([], Health.SUSPECT, FailLevel.ANY, True),
    ([], Health.UNKNOWN, FailLevel.ANY, False),
    ([ChangeKind.NEWLY_DEAD], Health.DEAD, FailLevel.NEVER, False),
])
def test_fail_levels(kinds, health, level, fails):
    from citecheck.history import Change, RunAssessment
    assessment = RunAssessment((v(health),), tuple(Change("u", k, None, health, "") for k in kinds))
    assert assessment.fails(level) is fails
