"""The human report: a summary, then findings grouped by severity, with evidence and fixes."""
from __future__ import annotations

from collections import Counter

from ..model import Finding, RunResult, Severity, Verdict
from .groups import summary_line


def render_text(result: RunResult, threshold: float, verbose: bool = False) -> str:
    lines = [_summary(result), ""]
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in result.findings if f.severity == severity]
        if not group or (severity == Severity.INFO and not verbose):
            continue
        lines.append(f"{severity.label.upper()}S ({len(group)})")
        for finding in group:
            lines.extend(_finding(finding, threshold))
        lines.append("")
    lines.extend(_verdicts(result))
    hidden = result.count(Severity.INFO)
    if hidden and not verbose:
        lines.append(f"({hidden} info findings, mostly automatic repairs, not shown: use --verbose)")
    return "\n".join(lines).rstrip() + "\n"


def _verdicts(result: RunResult) -> list[str]:
    """One line per reference: does the cited work exist (online runs only)."""
    if not result.existence:
        return []
    lines = ["EXISTENCE"]
    for check in result.existence:
        closest = f"; closest: {check.closest[0].title!r} ({check.closest[0].source}, {check.closest[0].score:.2f})" \
            if check.verdict.is_problem and check.closest else ""
        lines.append(f"  {check.verdict.value:<10} {check.reference}: {check.detail}{closest}")
    return lines + [""]


def _summary(result: RunResult) -> str:
    return (
        f"citecheck: {', '.join(result.documents)}\n"
        f"{summary_line(result)}\n"
        f"{_links_line(result)}"
        f"{_existence_line(result)}"
    )


def _existence_line(result: RunResult) -> str:
    if not result.existence:
        return ""
    states = Counter(check.verdict.value for check in result.existence)
    parts = ", ".join(f"{states[v.value]} {v.value}" for v in Verdict if states[v.value])
    silent = sorted({s for check in result.existence for s in check.unanswered})
    return f"\nexistence: {parts}" + (f"; not answering: {', '.join(silent)}" if silent else "")


def _links_line(result: RunResult) -> str:
    if not result.links:
        return "links: not checked (offline; use --online)"
    if result.offline:
        return f"links: {len(result.links)} not checked: the network looks offline"
    states = Counter(link.status.value for link in result.links)
    archived = sum(1 for link in result.links if link.snapshot is not None)
    parts = ", ".join(f"{n} {state}" for state, n in sorted(states.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"links: {len(result.links)} checked: {parts}; {archived} with an archived copy"


def _finding(f: Finding, threshold: float) -> list[str]:
    where = f" [{f.span.location()}]" if f.span else ""
    out = [f"  {f.kind.value}{where}: {f.message}"]
    if f.reference:
        out.append(f"      reference: {f.reference}")
    for ev in f.evidence:
        out.append(f"      evidence ({ev.source}): {ev.detail}")
    if f.fix is not None:
        state = "will apply with --fix" if f.fix.confidence >= threshold else "for review, not applied"
        places = ", ".join(s.location() for s in f.fix.locations[:6])
        more = f" (+{len(f.fix.locations) - 6} more)" if len(f.fix.locations) > 6 else ""
        out.append(
            f"      fix the {f.fix.target.value} {f.fix.field}: {f.fix.before!r} -> {f.fix.after!r} "
            f"(confidence {f.fix.confidence:.2f}, {state})"
        )
        if places:
            out.append(f"      at {places}{more}")
    return out
