"""GitHub Actions workflow commands: one annotation per finding, with file, line and column.

``::error file=F,line=L,col=C,title=T::message`` (``::warning`` for warnings, ``::notice`` for
info). Escaping follows @actions/core (command.ts): in the message ``%``, CR and LF become
``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,`` also become ``%3A`` and ``%2C``.
"""
from __future__ import annotations

from ..model import Finding, RunResult, Severity
from .groups import fix_state

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line; properties with a None value are left out."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render_github(result: RunResult, threshold: float, min_severity: Severity = Severity.INFO) -> str:
    """One annotation per finding of at least ``min_severity``, in the order found."""
    lines = [_annotation(f, threshold) for f in result.findings if f.severity >= min_severity]
    return "".join(line + "\n" for line in lines)


def _annotation(f: Finding, threshold: float) -> str:
    title = f"citecheck {f.kind.value}" + (f" ({f.reference})" if f.reference else "")
    properties: dict[str, object] = {
        "file": f.span.file if f.span else None,
        "line": f.span.line if f.span else None,
        "col": f.span.column if f.span else None,
        "title": title,
    }
    message = f.message
    if f.fix is not None:
        fix = f.fix
        message += (f"\nfix the {fix.target.value} {fix.field}: {fix.before!r} -> {fix.after!r} "
                    f"(confidence {fix.confidence:.2f}, {fix_state(fix, threshold)})")
    return command(COMMANDS[f.severity], properties, message)
