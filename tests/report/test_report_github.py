"""GitHub Actions workflow commands, escaped as @actions/core's command.ts does."""
from __future__ import annotations

import pytest

from citecheck.model import Severity
from citecheck.report import render_github
from citecheck.report.github import command, escape_data, escape_property

THRESHOLD = 0.8


@pytest.mark.parametrize("raw, data, prop", [
    ("plain", "plain", "plain"),
    ("100%", "100%25", "100%25"),
    ("a\nb", "a%0Ab", "a%0Ab"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("k: v, w", "k: v, w", "k%3A v%2C w"),
    ("%0A literal", "%250A literal", "%250A literal"),  # % first, so an existing escape is not unescaped
    ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
])
def test_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_command_leaves_out_missing_properties():
    assert command("warning", {"file": None, "title": "t"}, "m") == "::warning title=t::m"
    assert command("notice", {}, "m") == "::notice::m"


def test_sample_matches_golden(sample, golden):
    golden("github_sample.txt", render_github(sample, THRESHOLD))


def test_example_matches_golden(example, golden):
    golden("github_example.txt", render_github(example, THRESHOLD))


def test_one_line_per_finding_with_level_file_line_col(sample):
    lines = render_github(sample, THRESHOLD).splitlines()
    assert len(lines) == len(sample.findings)
    assert [line.split(" ", 1)[0].split("::")[1] for line in lines] == ["error", "error", "error", "warning", "notice"]
    assert lines[0].startswith("::error file=paper.md,line=3,col=10,title=citecheck name-mismatch (zauggNorth2019)::")
    assert lines[0].endswith("%0Afix the citation author: 'Zuagg' -> 'Zaugg' (confidence 0.96, will apply with --fix)")


def test_messages_stay_on_one_line_and_percent_is_escaped(sample):
    out = render_github(sample, THRESHOLD)
    warning = next(line for line in out.splitlines() if line.startswith("::warning"))
    assert warning.endswith("%0Asecond line, 100%25 sure: yes")
    assert out.count("\n") == len(sample.findings)


def test_minimum_severity(sample):
    out = render_github(sample, THRESHOLD, min_severity=Severity.WARNING)
    assert "::notice" not in out and out.count("\n") == 4


def test_property_values_are_escaped():
    from citecheck.model import Finding, Kind, RunResult, Span

    f = Finding(Kind.UNCITED_REFERENCE, Severity.WARNING, "m", reference="a,b:c",
                span=Span("dir,1/x:y.md", 2, 3, 0, 1))
    out = render_github(RunResult(("x",), (), (), (f,)), THRESHOLD)
    assert out == "::warning file=dir%2C1/x%3Ay.md,line=2,col=3,title=citecheck uncited-reference (a%2Cb%3Ac)::m\n"
