"""A Markdown report for a pull-request comment (GitHub-flavoured): a summary table, a findings
table per severity, and the evidence in collapsible ``<details>`` blocks.

Everything taken from the input is escaped: reference titles are untrusted, and a comment
renders both Markdown and HTML.
"""
from __future__ import annotations

import html
import re
from collections import Counter

from ..model import Finding, RunResult, Severity
from .groups import SEVERITIES, fix_applies, matched_citations

TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
ICONS = {Severity.ERROR: ":x:", Severity.WARNING: ":warning:", Severity.INFO: ":information_source:"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: punctuation backslash-escaped,
    line breaks folded (a table row is one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code(text: str) -> str:
    """An inline code span that holds any text (HTML, so backticks and pipes cannot break it)."""
    return f"<code>{html.escape(' '.join(text.split()))}</code>".replace("|", "&#124;")


def render_markdown(result: RunResult, threshold: float, verbose: bool = True) -> str:
    """The Markdown report. ``verbose`` False leaves out info findings (automatic repairs)."""
    out = ["## citecheck report", ""]
    out.append(" ".join(_file_name(d) for d in result.documents) or "(no documents)")
    out.append("")
    out.extend(_summary(result))
    for severity in SEVERITIES:
        group = [f for f in result.findings if f.severity == severity]
        if not group:
            continue
        if severity == Severity.INFO and not verbose:
            out.append(f"_{len(group)} info findings (automatic repairs) not shown._")
            out.append("")
            continue
        out.extend(_section(severity, group, threshold))
    if not result.findings:
        out.append(":white_check_mark: No findings.")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _file_name(name: str) -> str:
    """A file name as inline code. Nothing is escaped inside backticks (a backslash there is shown,
    so ``my_paper.md`` must not become ``my\\_paper.md``); a name holding a backtick goes in <code>."""
    return f"`{' '.join(name.split())}`" if "`" not in name else code(name)


def _summary(result: RunResult) -> list[str]:
    rows = ["| | Count |", "|---|---:|"]
    for severity in SEVERITIES:
        rows.append(f"| {ICONS[severity]} {TITLES[severity]} | {result.count(severity)} |")
    rows.append(f"| References | {len(result.references)} |")
    rows.append(f"| Citations matched | {matched_citations(result)} / {len(result.citations)} |")
    states = Counter(link.status.value for link in result.links)
    links = ", ".join(f"{n} {md(s)}" for s, n in sorted(states.items()))
    rows.append(f"| Links checked | {len(result.links)}{f' ({links})' if links else ''} |")
    return rows + [""]


def _section(severity: Severity, findings: list[Finding], threshold: float) -> list[str]:
    out = [f"### {ICONS[severity]} {TITLES[severity]} ({len(findings)})", "",
           "| Kind | Where | Reference | Message | Fix |", "|---|---|---|---|---|"]
    for f in findings:
        where = code(f"{f.span.file}:{f.span.line}") if f.span else ""
        ref = code(f.reference) if f.reference else ""
        out.append(f"| `{f.kind.value}` | {where} | {ref} | {md(f.message)} | {_fix(f, threshold)} |")
    out.append("")
    with_evidence = [f for f in findings if f.evidence]
    if with_evidence:
        out.extend(_evidence(with_evidence))
    return out


def _fix(f: Finding, threshold: float) -> str:
    if f.fix is None:
        return ""
    fix = f.fix
    state = "will apply with `--fix`" if fix_applies(fix, threshold) else "for review, not applied"
    return (f"{md(fix.target.value)} {md(fix.field)}: {code(fix.before)} → {code(fix.after)} "
            f"({fix.confidence:.2f}, {state})")


def _evidence(findings: list[Finding]) -> list[str]:
    out: list[str] = []
    for f in findings:
        where = f" at {f.span.file}:{f.span.line}" if f.span else ""
        label = f"{f.kind.value}{where}" + (f" ({f.reference})" if f.reference else "")
        n = len(f.evidence)
        out.append(f"<details><summary>Evidence for {html.escape(label)}: {n} item{'s' if n != 1 else ''}"
                   "</summary>")
        out.append("")
        for ev in f.evidence:
            out.append(f"- **{md(ev.source)}**: {md(ev.detail)}")
        out.append("")
        out.append("</details>")
        out.append("")
    return out
