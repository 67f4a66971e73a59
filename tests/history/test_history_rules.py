"""The rot rules, pure: days of checks simulated with explicit times."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from citecheck.history import Health, Observation, RotRule, verdict
from citecheck.model import LinkStatus as S

URL = "https://example.org/page"
T0 = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
RULE = RotRule()


def timeline(*points: tuple[float, S]) -> list[Observation]:
    """(days after T0, state) -> observations."""
    return [Observation(URL, T0 + timedelta(days=d), s) for d, s in points]


def judge(*points, rule=RULE, now_days=30.0):
    return verdict(URL, timeline(*points), rule, T0 + timedelta(days=now_days))


def test_a_single_failure_is_suspect():
    v = judge((0, S.ALIVE), (1, S.DEAD))
    assert v.health is Health.SUSPECT and v.failures == 1 and v.first_failure == T0 + timedelta(days=1)


@pytest.mark.parametrize("points, health", [
    (((0, S.DEAD), (1, S.DEAD), (2, S.DEAD)), Health.SUSPECT),  # 3 failures, only 2 days
    (((0, S.DEAD), (3, S.DEAD)), Health.SUSPECT),  # 3 days, only 2 failures
    (((0, S.DEAD), (1, S.DEAD), (3, S.DEAD)), Health.DEAD),  # exactly the rule
    (((0, S.DEAD), (1, S.SOFT_404), (2, S.TIMEOUT), (5, S.ERROR)), Health.DEAD),  # every kind of failure counts
])
def test_three_failures_spanning_three_days_are_dead(points, health):
    assert judge(*points).health is health


def test_a_success_in_between_starts_the_count_again():
    v = judge((0, S.DEAD), (1, S.DEAD), (2, S.ALIVE), (3, S.DEAD), (4, S.DEAD), (5, S.DEAD))
    assert v.health is Health.SUSPECT and v.failures == 3 and v.first_failure == T0 + timedelta(days=3)


def test_recovery_is_ok():
    assert judge((0, S.DEAD), (1, S.DEAD), (5, S.DEAD), (6, S.REDIRECTED)).health is Health.OK


@pytest.mark.parametrize("state", [S.BLOCKED, S.RATE_LIMITED])
def test_bot_walls_and_rate_limits_are_unknown_never_dead(state):
    v = judge(*[(d, state) for d in range(20)])
    assert v.health is Health.UNKNOWN and v.failures == 0


def test_unknown_checks_neither_count_nor_break_a_run_of_failures():
    v = judge((0, S.DEAD), (1, S.BLOCKED), (2, S.RATE_LIMITED), (3, S.DEAD), (4, S.BLOCKED))
    assert v.health is Health.SUSPECT and v.failures == 2
    assert judge((0, S.DEAD), (1, S.BLOCKED), (2, S.DEAD), (3, S.DEAD)).health is Health.DEAD


def test_skipped_checks_are_not_observations():
    assert judge((0, S.ALIVE), (1, S.SKIPPED)).health is Health.OK
    v = judge((0, S.SKIPPED))
    assert v.health is Health.UNKNOWN and v.reason == "only skipped checks" and v.checks == 0
    assert verdict(URL, [], RULE, T0).reason == "never checked"


def test_checks_after_now_are_not_seen():
    points = ((0, S.DEAD), (1, S.DEAD), (3, S.DEAD))
    assert judge(*points, now_days=2).health is Health.SUSPECT
    assert judge(*points, now_days=3).health is Health.DEAD


def test_a_stricter_or_looser_rule():
    points = ((0, S.DEAD), (1, S.DEAD))
    assert judge(*points, rule=RotRule(failures=2, days=1)).health is Health.DEAD
    assert judge(*points, rule=RotRule(failures=2, days=1.5)).health is Health.SUSPECT


def test_the_newest_snapshot_is_kept_and_order_does_not_matter():
    obs = [Observation(URL, T0 + timedelta(days=2), S.DEAD, snapshot_url="https://web.archive.org/web/2/x"),
           Observation(URL, T0, S.DEAD, snapshot_url="https://web.archive.org/web/1/x"),
           Observation(URL, T0 + timedelta(days=3), S.DEAD)]
    v = verdict(URL, obs, RULE, T0 + timedelta(days=10))
    assert v.snapshot_url == "https://web.archive.org/web/2/x" and v.health is Health.DEAD
    assert v.last_checked == T0 + timedelta(days=3)
