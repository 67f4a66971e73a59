"""JUnit XML for CI test reports: one testsuite per input file, one testcase per reference
(name = its key) and one per citation problem that belongs to no reference.

Error findings are failures. Warnings are failures too with ``warnings_as_failures``;
otherwise they, and info findings, go to the testcase's ``system-out``. The shape keeps to
the schema CI systems read (Jenkins' junit-10.xsd, which GitLab and others follow):
``testsuites > testsuite > testcase > (failure | system-out)``, at most one failure per
testcase (several findings are listed in its text), no attributes outside the schema.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from ..model import Finding, Reference, RunResult, Severity
from .groups import describe, fix_state

# XML 1.0's Char excludes the C0 controls but tab, LF and CR, the surrogates and U+FFFE/U+FFFF: a
# parser stops at any of them (a noncharacter pasted with a PDF's text is enough), so they are dropped.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text XML 1.0 can hold (characters outside its Char production dropped)."""
    return _ILLEGAL_XML.sub("", text)


def render_junit(result: RunResult, threshold: float, warnings_as_failures: bool = False) -> str:
    root = ET.Element("testsuites", name="citecheck")
    failing = Severity.WARNING if warnings_as_failures else Severity.ERROR
    totals: Counter[str] = Counter()
    files = _files(result)
    for file in files:
        suite = _suite(result, file, files[0], threshold, failing)
        totals["tests"] += int(suite.get("tests", "0"))
        totals["failures"] += int(suite.get("failures", "0"))
        root.append(suite)
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _files(result: RunResult) -> list[str]:
    """The input files in order: the documents, then any other file a reference or finding names."""
    files = list(result.documents)
    for span in [r.span for r in result.references] + [f.span for f in result.findings if f.span]:
        if span.file not in files:
            files.append(span.file)
    return files


def _suite(result: RunResult, file: str, first_file: str, threshold: float, failing: Severity) -> ET.Element:
    """The testsuite of ``file``; findings with no place go to ``first_file``'s suite."""
    suite = ET.Element("testsuite", name=clean(file))
    keys = {r.key for r in result.references}
    owners = {id(f): _owner(f, result.references) for f in result.findings if f.reference in keys}
    cases: list[ET.Element] = []
    for ref in result.references:
        if ref.span.file != file:
            continue
        mine = [f for f in result.findings if owners.get(id(f)) is ref]
        cases.append(_case("references", ref.key, mine, threshold, failing,
                           header=f"{ref.span.location()}: {describe(ref)}"))
    for f in result.findings:
        if f.reference in keys or (f.span.file if f.span else first_file) != file:
            continue
        name = f"{f.kind.value} {f.citation or f.message}"
        if f.span:
            name += f" ({f.span.location()})"
        cases.append(_case("citations", name, [f], threshold, failing))
    failures = sum(1 for c in cases if c.find("failure") is not None)
    for key, value in (("tests", len(cases)), ("failures", failures), ("errors", 0), ("skipped", 0), ("time", 0)):
        suite.set(key, str(value))
    suite.extend(cases)
    return suite


def _owner(f: Finding, references: tuple[Reference, ...]) -> Reference:
    """The one reference a finding belongs to. Two entries can share a key (a duplicate-key warning):
    the finding goes to the entry it points into, else the first one in its file, else the first,
    so that it is one failure of one testcase, not a failure of each."""
    same = [r for r in references if r.key == f.reference]
    if f.span is not None:
        here = [r for r in same if r.span.file == f.span.file]
        inside = [r for r in here if r.span.start <= f.span.start < max(r.span.end, r.span.start + 1)]
        same = inside + here + same
    return same[0]


def _case(classname: str, name: str, findings: list[Finding], threshold: float, failing: Severity,
          header: str = "") -> ET.Element:
    case = ET.Element("testcase", classname=clean(classname), name=clean(name), time="0")
    failed = [f for f in findings if f.severity >= failing]
    others = [f for f in findings if f.severity < failing]
    if failed:
        kinds = sorted({f.kind.value for f in failed})
        first = failed[0]
        message = first.message if len(failed) == 1 else f"{len(failed)} problems: {', '.join(kinds)}"
        failure = ET.SubElement(case, "failure", message=clean(message),
                                type=kinds[0] if len(kinds) == 1 else "multiple")
        failure.text = clean("\n\n".join(_details(f, threshold) for f in failed))
    if others or (header and not failed and findings):
        out = ET.SubElement(case, "system-out")
        lines = [header] if header else []
        out.text = clean("\n\n".join(lines + [_details(f, threshold) for f in others]))
    return case


def _details(f: Finding, threshold: float) -> str:
    where = f" at {f.span.location()}" if f.span else ""
    lines = [f"{f.severity.label} {f.kind.value}{where}: {f.message}"]
    lines.extend(f"  evidence ({ev.source}): {ev.detail}" for ev in f.evidence)
    if f.fix is not None:
        lines.append(f"  fix the {f.fix.target.value} {f.fix.field}: {f.fix.before!r} -> {f.fix.after!r} "
                     f"(confidence {f.fix.confidence:.2f}, {fix_state(f.fix, threshold)})")
    return "\n".join(lines)
