"""The rot rules (pure): one check -> a signal; a URL's timeline -> a verdict at ``now``.

Failures must repeat over time before a URL is declared dead, so a server that is down for
an afternoon is "suspect", never "dead". Bot walls and rate limits are "unknown": they say
the site refused the checker, nothing about the page, so they neither count as failures nor
break a run of failures. Skipped checks (offline runs) are not observations at all.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Mapping, Sequence

from ..model import LinkStatus
from .records import Health, Observation, RotRule, Signal, Verdict

_SIGNALS = {
    LinkStatus.ALIVE: Signal.OK,
    LinkStatus.REDIRECTED: Signal.OK,
    LinkStatus.DEAD: Signal.FAIL,
    LinkStatus.SOFT_404: Signal.FAIL,
    LinkStatus.TIMEOUT: Signal.FAIL,
    LinkStatus.ERROR: Signal.FAIL,
    LinkStatus.BLOCKED: Signal.UNKNOWN,
    LinkStatus.RATE_LIMITED: Signal.UNKNOWN,
    LinkStatus.SKIPPED: Signal.IGNORE,
}


def signal(status: LinkStatus) -> Signal:
    return _SIGNALS[status]


def verdict(url: str, observations: Iterable[Observation], rule: RotRule, now: datetime) -> Verdict:
    """The health of ``url`` at ``now`` from its observations (any order; later ones ignored)."""
    seen = sorted((o for o in observations if o.checked_at <= now), key=lambda o: o.checked_at)
    snapshot = next((o.snapshot_url for o in reversed(seen) if o.snapshot_url), None)
    useful = [o for o in seen if signal(o.status) is not Signal.IGNORE]
    base = dict(url=url, snapshot_url=snapshot, checks=len(useful))
    if not useful:
        return Verdict(health=Health.UNKNOWN, reason="never checked" if not seen else "only skipped checks", **base)
    last = useful[-1]
    base.update(last_checked=last.checked_at, last_status=last.status)
    if signal(last.status) is Signal.OK:
        return Verdict(health=Health.OK, reason=f"{last.status.value} at the last check", **base)
    streak = _failures_since_last_ok(useful)
    if not streak:
        return Verdict(health=Health.UNKNOWN, reason=f"{last.status.value}: the site refused the checker", **base)
    first = streak[0].checked_at
    span = streak[-1].checked_at - first
    base.update(failures=len(streak), first_failure=first)
    if len(streak) >= rule.failures and span >= timedelta(days=rule.days):
        return Verdict(health=Health.DEAD, reason=f"{len(streak)} failed checks over {_days(span)} "
                       f"(rule: {rule.describe()})", **base)
    return Verdict(health=Health.SUSPECT, reason=f"{len(streak)} failed check(s) over {_days(span)}; "
                   f"dead after {rule.describe()}", **base)


def verdicts(timelines: Mapping[str, Sequence[Observation]], rule: RotRule, now: datetime) -> dict[str, Verdict]:
    return {url: verdict(url, obs, rule, now) for url, obs in timelines.items()}


def _failures_since_last_ok(observations: Sequence[Observation]) -> list[Observation]:
    """The failed checks after the newest successful one (unknown ones skipped over)."""
    streak: list[Observation] = []
    for obs in reversed(observations):
        sig = signal(obs.status)
        if sig is Signal.OK:
            break
        if sig is Signal.FAIL:
            streak.append(obs)
    return streak[::-1]


def _days(span: timedelta) -> str:
    days = span.total_seconds() / 86400
    return f"{days:.1f} day(s)"
