"""Golden cases: each folder of tests/cases/ holds an input and the findings and BibTeX expected of it.

A case folder has ``input.md`` / ``input.tex`` / ``input.html`` ... (or ``input.path``, a
repo-relative path to the input), optionally ``refs.bib`` (checked with the document; a
bibliography under another name is read only through the document, e.g. a .tex's
``\addbibresource``), ``expected_findings.json`` and ``expected.bib``. ``input.aux`` and
``input.bcf`` are never the input itself: a .tex reads them beside it. Regenerate after an intended change with
``CITECHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.emit.bibtex import to_bibtex
from citecheck.pipeline import check, fixed_references

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(
    p for p in (ROOT / "tests" / "cases").iterdir()
    if p.is_dir() and ((p / "input.path").exists() or any(p.glob("input.*")))
)
AUXILIARY = {".aux", ".bcf", ".bib"}
UPDATE = bool(os.environ.get("CITECHECK_UPDATE_GOLDEN"))


def case_inputs(case: Path) -> list[str]:
    if (case / "input.path").exists():
        first = ROOT / (case / "input.path").read_text().strip()
    else:
        first = next(p for p in sorted(case.glob("input.*")) if p.suffix not in AUXILIARY)
    inputs = [first]
    if (case / "refs.bib").exists():
        inputs.append(case / "refs.bib")
    return [os.path.relpath(p, ROOT) for p in inputs]


def summarise(result) -> list[dict]:
    out = []
    for f in result.findings:
        row = {"kind": f.kind.value, "severity": f.severity.label, "reference": f.reference,
               "citation": f.citation, "suggested": f.suggested}
        if f.fix is not None:
            row["fix"] = [f.fix.target.value, f.fix.field, f.fix.before, f.fix.after, round(f.fix.confidence, 2)]
        out.append(row)
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_case(case, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = check(case_inputs(case), Settings())
    findings = summarise(result)
    bib = to_bibtex(fixed_references(result, Settings()))
    expected_findings = case / "expected_findings.json"
    expected_bib = case / "expected.bib"
    if UPDATE:
        expected_findings.write_text(json.dumps(findings, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        expected_bib.write_text(bib, encoding="utf-8")
    assert findings == json.loads(expected_findings.read_text(encoding="utf-8"))
    assert bib == expected_bib.read_text(encoding="utf-8")
