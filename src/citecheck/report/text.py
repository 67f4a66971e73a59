"""The human report: a summary, then findings grouped by severity, with evidence and fixes."""
from __future__ import annotations

from ..model import Finding, RunResult, Severity


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
    hidden = result.count(Severity.INFO)
    if hidden and not verbose:
        lines.append(f"({hidden} info findings, mostly automatic repairs, not shown: use --verbose)")
    return "\n".join(lines).rstrip() + "\n"


def _summary(result: RunResult) -> str:
    cited = sum(1 for t in result.citation_targets if t)
    return (
        f"citecheck: {', '.join(result.documents)}\n"
        f"{len(result.references)} references, {len(result.citations)} citations "
        f"({cited} matched); {result.count(Severity.ERROR)} errors, "
        f"{result.count(Severity.WARNING)} warnings, {result.count(Severity.INFO)} info"
    )


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
