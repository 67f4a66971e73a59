"""Rendering what the history says (pure): the "changes since the last run" section of
``citecheck links`` and the timelines of ``citecheck history``, as text and as JSON-ready dicts."""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any, Mapping, Sequence

from .changes import RunAssessment
from .records import ChangeKind, Health, Observation, RotRule, Verdict

JSON_VERSION = 1


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None


def _health_counts(verdicts: Sequence[Verdict]) -> str:
    counts = Counter(v.health for v in verdicts)
    return ", ".join(f"{counts[h]} {h.value}" for h in Health)


def assessment_text(assessment: RunAssessment, rule: RotRule, *, recorded: bool) -> str:
    """The section appended to the text report of ``citecheck links``."""
    lines = [f"link history (a URL is dead after {rule.describe()}):"]
    if not recorded:
        lines.append("  not recorded (no --history): every failure counts as new, and none can be dead yet")
    counts = ", ".join(f"{assessment.count(kind)} {kind.value}" for kind in ChangeKind)
    lines.append(f"  changes since the last run: {counts}")
    for change in assessment.changes:
        was = change.before.value if change.before is not None else "new"
        lines.append(f"  {change.kind.value:<15} {change.url} ({was} -> {change.after.value}): {change.detail}")
    lines.append(f"  now: {_health_counts(assessment.verdicts)}")
    return "\n".join(lines) + "\n"


def assessment_summary(assessment: RunAssessment) -> str:
    """One line for standard error, whatever the report format."""
    counts = ", ".join(f"{assessment.count(kind)} {kind.value}" for kind in ChangeKind)
    return f"links: changes since the last run: {counts}; now {_health_counts(assessment.verdicts)}"


def rule_dict(rule: RotRule) -> dict[str, Any]:
    return {"failures": rule.failures, "days": rule.days}


def verdict_dict(v: Verdict) -> dict[str, Any]:
    return {
        "url": v.url, "health": v.health.value, "reason": v.reason, "failures": v.failures,
        "first_failure": _when(v.first_failure), "last_checked": _when(v.last_checked),
        "last_status": v.last_status.value if v.last_status else None, "snapshot_url": v.snapshot_url,
        "checks": v.checks,
    }


def assessment_dict(assessment: RunAssessment, rule: RotRule, *, run_id: int | None, now: datetime) -> dict[str, Any]:
    """The ``history`` object added to the JSON report of ``citecheck links``."""
    return {
        "recorded": run_id is not None, "run": run_id, "checked_at": _when(now), "rule": rule_dict(rule),
        "changes": [{"url": c.url, "change": c.kind.value, "before": c.before.value if c.before else None,
                     "after": c.after.value, "detail": c.detail} for c in assessment.changes],
        "verdicts": [verdict_dict(v) for v in assessment.verdicts],
    }


def observation_dict(o: Observation) -> dict[str, Any]:
    return {
        "checked_at": _when(o.checked_at), "status": o.status.value, "http_status": o.http_status,
        "final_url": o.final_url, "snapshot_url": o.snapshot_url, "snapshot_timestamp": o.snapshot_timestamp,
        "detail": o.detail, "run": o.run_id,
    }


def timelines_dict(timelines: Mapping[str, Sequence[Observation]], verdicts: Mapping[str, Verdict], rule: RotRule,
                   now: datetime, since: datetime | None = None) -> dict[str, Any]:
    return {
        "version": JSON_VERSION, "now": _when(now), "since": _when(since), "rule": rule_dict(rule),
        "urls": [{**verdict_dict(verdicts[url]), "timeline": [observation_dict(o) for o in obs]}
                 for url, obs in timelines.items()],
    }


def timelines_text(timelines: Mapping[str, Sequence[Observation]], verdicts: Mapping[str, Verdict], rule: RotRule,
                   since: datetime | None = None) -> str:
    if not timelines:
        scope = f" since {since:%Y-%m-%d}" if since else ""
        return f"no checks recorded{scope}\n"
    lines = [f"link history: {len(timelines)} URL(s); a URL is dead after {rule.describe()}"]
    for url, observations in timelines.items():
        v = verdicts[url]
        lines += ["", f"{url}", f"  {v.health.value}: {v.reason}"]
        if v.snapshot_url:
            lines.append(f"  archived copy: {v.snapshot_url}")
        for o in observations:
            detail = o.detail or (f"HTTP {o.http_status}" if o.http_status else "")
            archived = "  [archived]" if o.snapshot_url else ""
            lines.append(f"  {o.checked_at:%Y-%m-%d %H:%M}  {o.status.value:<12} {detail}{archived}".rstrip())
    return "\n".join(lines) + "\n"
