"""The terminal report (rich): a summary, then findings grouped by reference, in severity colours.

Rendered into a string: the CLI decides colour (none when stdout is not a terminal or
NO_COLOR is set) and writes it. Untrusted text (messages, titles) goes into ``Text``
objects, never into rich markup, so "[bold]" in a title stays literal.
"""
from __future__ import annotations

import re
from collections import Counter
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model import Finding, RunResult, Severity
from .printable import printable
from .groups import ReferenceGroup, describe, fix_applies, fix_state, group_by_reference, summary_line

WIDTH = 100
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MAX_PLACES = 6
_TRAILING = re.compile(r"[ ]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def render_terminal(
    result: RunResult, threshold: float, verbose: bool = False, quiet: bool = False, color: bool = False
) -> str:
    """The report as the terminal shows it; plain text (no escape codes) when ``color`` is False.

    ``quiet``: only the summary line and the errors. ``verbose``: info findings too.
    """
    console = Console(
        file=StringIO(), width=WIDTH, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False, markup=False,
        legacy_windows=False, _environ={},  # pure: TERM, COLUMNS, NO_COLOR... are the CLI's to read
    )
    if quiet:
        parts = _quiet(result)
    else:
        parts = [_summary(result), Text("")]
        min_severity = Severity.INFO if verbose else Severity.WARNING
        groups = group_by_reference(result, min_severity)
        for group in groups:
            parts.append(_group(group, threshold))
        if not groups:
            parts.append(Text("No findings.", style="green"))
        hidden = result.count(Severity.INFO)
        if hidden and not verbose:
            parts.append(Text(f"({hidden} info findings, mostly automatic repairs, not shown: use --verbose)",
                              style="dim"))
    for part in parts:
        console.print(part)
    # rich pads table cells and padded blocks with spaces: drop them (keeping any style codes)
    return _TRAILING.sub(r"\1", console.file.getvalue())


def _quiet(result: RunResult) -> list[RenderableType]:
    parts: list[RenderableType] = [_summary_text(result)]
    for f in result.findings:
        if f.severity == Severity.ERROR:
            line = Text("error ", style=STYLE[Severity.ERROR])
            line.append(f.kind.value, style="bold")
            if f.span:
                line.append(f" {printable(f.span.location())}", style="dim")
            line.append(f": {printable(f.message)}")
            parts.append(_indent(line, 0))
    return parts


def _summary_text(result: RunResult) -> Text:
    text = Text("citecheck: ", style="bold")
    text.append(printable(", ".join(result.documents)))
    text.append(": ")
    text.append(summary_line(result))
    return text


def _summary(result: RunResult) -> RenderableType:
    table = Table(title=Text(printable(f"citecheck: {', '.join(result.documents)}"), style="bold"),
                  show_header=False, box=None, padding=(0, 2), title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        n = result.count(severity)
        label = "info" if severity == Severity.INFO else f"{severity.label}s"
        table.add_row(Text(label, style=STYLE[severity] if n else "dim"), str(n))
    matched = sum(1 for t in result.citation_targets if t)
    table.add_row("references", str(len(result.references)))
    table.add_row("citations matched", f"{matched} / {len(result.citations)}")
    if result.links:
        states = Counter(link.status.value for link in result.links)
        table.add_row("links checked", f"{len(result.links)} ({', '.join(f'{n} {s}' for s, n in sorted(states.items()))})")
    if result.existence:
        verdicts = Counter(check.verdict.value for check in result.existence)
        table.add_row("existence", ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))
    return table


def _group(group: ReferenceGroup, threshold: float) -> RenderableType:
    head = Text("● ", style=STYLE.get(group.worst, "")) if group.worst else Text("● ")
    head.append(printable(group.title), style="bold")
    if group.reference is not None:
        head.append(printable(f"  {describe(group.reference)}"))
        head.append(printable(f"  {group.reference.span.location()}"), style="dim")
    else:
        head.append("  citations that match no entry", style="dim")
    lines: list[RenderableType] = [head]
    for finding in group.findings:
        lines.extend(_finding(finding, threshold))
    lines.append(Text(""))
    return Group(*lines)


def _indent(text: Text, left: int) -> RenderableType:
    """``text`` with every line, wrapped ones too, indented by ``left``."""
    return Padding(text, (0, 0, 0, left))


def _finding(f: Finding, threshold: float) -> list[RenderableType]:
    line = Text(f"{f.severity.label:<7}", style=STYLE[f.severity])
    line.append(f" {f.kind.value}", style="bold")
    if f.span:
        line.append(printable(f" {f.span.location()}"), style="dim")
    out = [_indent(line, 2), _indent(Text(printable(f.message)), 4)]
    for ev in f.evidence:
        row = Text("evidence ", style="dim")
        row.append(printable(f"({ev.source})"), style="italic")
        row.append(printable(f": {ev.detail}"), style="dim")
        out.append(_indent(row, 6))
    if f.fix is not None:
        fix = f.fix
        applies = fix_applies(fix, threshold)
        row = Text("fix ", style="bold")
        row.append(f"the {fix.target.value} {fix.field}: ")
        row.append(repr(fix.before), style="red")
        row.append(" -> ")
        row.append(repr(fix.after), style="green")
        row.append(f" (confidence {fix.confidence:.2f}, ")
        row.append(fix_state(fix, threshold), style="green" if applies else "yellow")
        row.append(")")
        out.append(_indent(row, 4))
        places = ", ".join(s.location() for s in fix.locations[:MAX_PLACES])
        if places:
            more = f" (+{len(fix.locations) - MAX_PLACES} more)" if len(fix.locations) > MAX_PLACES else ""
            out.append(_indent(Text(printable(f"at {places}{more}"), style="dim"), 6))
    return out
