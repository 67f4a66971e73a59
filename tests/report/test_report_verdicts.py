"""Existence verdicts appear per reference in the plain report and are counted in the terminal one."""
from __future__ import annotations

from dataclasses import replace

from citecheck.model import Candidate, ExistenceCheck, Reference, RunResult, Span, Verdict
from citecheck.report import render_terminal, render_text

SPAN = Span("paper.md", 3, 1, 0, 10)


def result_with(*checks: ExistenceCheck) -> RunResult:
    refs = tuple(Reference(raw="r", span=SPAN, key=c.reference, title="T", year=2020) for c in checks)
    return RunResult(documents=("paper.md",), references=refs, citations=(), findings=(), existence=checks)


def test_every_reference_gets_its_verdict_line():
    out = render_text(result_with(
        ExistenceCheck("real2020", Verdict.VERIFIED, detail="Crossref record matches"),
        ExistenceCheck("fake2021", Verdict.NOT_FOUND, detail="nothing close in Crossref, OpenAlex",
                       closest=(Candidate("Crossref", "A Real Title", 0.41),)),
    ), 0.8)
    assert "EXISTENCE" in out
    assert "verified   real2020: Crossref record matches" in out
    assert "not-found  fake2021: nothing close in Crossref, OpenAlex; closest: 'A Real Title' (Crossref, 0.41)" in out
    assert "existence: 1 verified, 1 not-found" in out


def test_no_verdict_section_when_existence_was_not_checked():
    out = render_text(replace(result_with(ExistenceCheck("a", Verdict.VERIFIED)), existence=()), 0.8)
    assert "EXISTENCE" not in out and "existence:" not in out


def test_terminal_summary_counts_verdicts():
    out = render_terminal(result_with(ExistenceCheck("a", Verdict.UNDECIDED, detail="offline")), 0.8)
    assert "existence" in out and "1 undecided" in out
