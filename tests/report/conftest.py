"""Shared fixtures for the report tests: a small hand-made RunResult, the real example's result,
and golden-file comparison (regenerate with CITECHECK_UPDATE_GOLDEN=1 and review the diff)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from citecheck.model import (
    ArchiveSnapshot, Citation, CitedName, Evidence, Finding, Fix, Kind, LinkCheck, LinkStatus, Name,
    Reference, RunResult, Severity, Span, Target, Url,
)

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = bool(os.environ.get("CITECHECK_UPDATE_GOLDEN"))
THRESHOLD = 0.8
SCRIPT_TITLE = 'Hacking <script>alert("x")</script> & "quotes", [bold]markup[/bold] | pipes'


def span(line: int, column: int, start: int, end: int, file: str = "paper.md") -> Span:
    return Span(file=file, line=line, column=column, start=start, end=end)


def build_sample() -> RunResult:
    """A small run: a name mismatch fixed on the citations, a reference fix below the threshold,
    a missing reference, an uncited entry with a hostile title, a URL repair, and three links."""
    zaugg_raw = "Zaugg, J. (2019). North Korean defectors. CNN. https://example.org/zaugg#"
    zaugg = Reference(
        raw=zaugg_raw, span=span(20, 1, 400, 400 + len(zaugg_raw)), key="zauggNorth2019",
        authors=(Name(family="Zaugg", given="J."),), year=2019, title="North Korean defectors", container="CNN",
        urls=(Url(url="https://example.org/zaugg"),),
    )
    haerans = Reference(
        raw="Haerans, M. (2012). Human Trafficking. Greenhaven Press. https://example.org/dead",
        span=span(22, 1, 480, 562), key="haeransHuman2012", authors=(Name(family="Haerans", given="M."),),
        year=2012, title="Human Trafficking",
        urls=(Url(url="https://example.org/dead", raw="https://example.org/dead",
                  snapshot=ArchiveSnapshot(url="https://web.archive.org/web/20190614191603/https://example.org/dead",
                                           original="https://example.org/dead", timestamp="20190614191603")),),
    )
    hostile = Reference(
        raw=f"Mallory, E. (2020). {SCRIPT_TITLE}. javascript:alert(1)",
        span=span(24, 1, 570, 650), key="malloryHacking2020", authors=(Name(family="Mallory", given="E."),),
        year=2020, title=SCRIPT_TITLE, urls=(Url(url="javascript:alert(1)"),),
    )
    citations = (
        Citation(text="Zuagg, 2019", span=span(3, 10, 50, 61), names=(CitedName("Zuagg", span(3, 10, 50, 55)),), year=2019),
        Citation(text="Zuagg, 2019", span=span(7, 4, 150, 161), names=(CitedName("Zuagg", span(7, 4, 150, 155)),), year=2019),
        Citation(text="Haerens, 2012", span=span(9, 1, 200, 213), names=(CitedName("Haerens", span(9, 1, 200, 207)),), year=2012),
        Citation(text="Nobody, 2001", span=span(11, 5, 260, 272), names=(CitedName("Nobody", span(11, 5, 260, 266)),), year=2001),
    )
    findings = (
        Finding(
            kind=Kind.NAME_MISMATCH, severity=Severity.ERROR,
            message='cited as "Zuagg" (2 citations) but listed as "Zaugg": change the citations',
            reference="zauggNorth2019", citation="Zuagg, 2019", suggested="Zaugg", span=span(3, 10, 50, 61),
            evidence=(Evidence("bibliography", 'the reference list spells it "Zaugg"'),
                      Evidence("surname frequency (US Census 1990)", "ZAUGG is listed, ZUAGG is not", "Zaugg", 2.0)),
            fix=Fix(Target.CITATION, "author", "Zuagg", "Zaugg",
                    (span(3, 10, 50, 55), span(7, 4, 150, 155)), "zauggNorth2019", 0.96),
        ),
        Finding(
            kind=Kind.NAME_MISMATCH, severity=Severity.ERROR,
            message='cited as "Haerens" but listed as "Haerans"; not decided offline',
            reference="haeransHuman2012", citation="Haerens, 2012", suggested="Haerens", span=span(9, 1, 200, 213),
            evidence=(Evidence("spelling shape", "HAERENS looks more like a surname than HAERANS"),),
            fix=Fix(Target.REFERENCE, "author", "Haerans", "Haerens", (span(22, 1, 480, 487),), "haeransHuman2012", 0.7),
        ),
        Finding(
            kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR,
            message='"Nobody, 2001" is cited (1 citation) but has no entry in the reference list',
            citation="Nobody, 2001", span=span(11, 5, 260, 272),
            evidence=(Evidence("bibliography", "closest entry: Zaugg (2019) (similarity 20/100)"),),
        ),
        Finding(
            kind=Kind.UNCITED_REFERENCE, severity=Severity.WARNING,
            message=f"listed but never cited: Mallory (2020) {SCRIPT_TITLE}\nsecond line, 100% sure: yes",
            reference="malloryHacking2020", span=span(24, 1, 570, 650),
        ),
        Finding(
            kind=Kind.URL_REPAIRED, severity=Severity.INFO,
            message="URL repaired (removed an empty trailing '#')",
            reference="zauggNorth2019", span=span(20, 48, 447, 473),
            fix=Fix(Target.REFERENCE, "url", "https://example.org/zaugg#", "https://example.org/zaugg",
                    (zaugg.span,), "zauggNorth2019", 1.0),
        ),
    )
    links = (
        LinkCheck(url="https://example.org/zaugg", status=LinkStatus.ALIVE, http_status=200),
        LinkCheck(url="https://example.org/dead", status=LinkStatus.DEAD, http_status=404,
                  snapshot=ArchiveSnapshot(url="https://web.archive.org/web/20200101000000/https://example.org/dead",
                                           original="https://example.org/dead", timestamp="20200101000000")),
        LinkCheck(url="https://example.org/slow", status=LinkStatus.TIMEOUT),
    )
    return RunResult(
        documents=("paper.md",), references=(zaugg, haerans, hostile), citations=citations,
        findings=findings, links=links,
        citation_targets=("zauggNorth2019", "zauggNorth2019", "haeransHuman2012", None),
    )


@pytest.fixture
def sample() -> RunResult:
    return build_sample()


@pytest.fixture(scope="session")
def example() -> RunResult:
    """The real example, checked offline from the repository root."""
    from citecheck.pipeline import check

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return check(["examples/eir/essay.md"])
    finally:
        os.chdir(old)


@pytest.fixture
def golden():
    """``golden(name, text)``: compare with tests/report/golden/<name>, or write it when updating."""

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"missing golden file {path}; run with CITECHECK_UPDATE_GOLDEN=1 and review it"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden file; if intended, regenerate with CITECHECK_UPDATE_GOLDEN=1"

    return compare
