"""The rich terminal report: golden plain output, colour on demand only, quiet and verbose."""
from __future__ import annotations

import re

from citecheck.model import Severity
from citecheck.report import render_terminal, render_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")
THRESHOLD = 0.8


def test_sample_matches_golden(sample, golden):
    golden("terminal_sample.txt", render_terminal(sample, THRESHOLD, color=False))


def test_sample_verbose_matches_golden(sample, golden):
    golden("terminal_sample_verbose.txt", render_terminal(sample, THRESHOLD, verbose=True, color=False))


def test_sample_quiet_matches_golden(sample, golden):
    golden("terminal_sample_quiet.txt", render_terminal(sample, THRESHOLD, quiet=True, color=False))


def test_example_matches_golden(example, golden):
    golden("terminal_example.txt", render_terminal(example, THRESHOLD, color=False))


def test_plain_text_report_still_works(example, golden):
    golden("text_example.txt", render_text(example, THRESHOLD))


def test_no_escape_codes_without_colour(sample):
    out = render_terminal(sample, THRESHOLD, verbose=True, color=False)
    assert not ANSI.search(out)
    assert all(len(line) <= 100 for line in out.splitlines())


def test_colour_marks_severities(sample):
    out = render_terminal(sample, THRESHOLD, color=True)
    assert "\x1b[1;31merror" in out  # bold red
    assert "\x1b[33mwarning" in out  # yellow
    assert ANSI.sub("", out).splitlines()[0] == "citecheck: paper.md"


def test_report_is_grouped_by_reference_worst_first(sample):
    out = render_terminal(sample, THRESHOLD, color=False)
    heads = [line.split()[1] for line in out.splitlines() if line.startswith("● ")]
    assert heads == ["zauggNorth2019", "haeransHuman2012", "(no", "malloryHacking2020"]


def test_fix_states_follow_the_threshold(sample):
    out = render_terminal(sample, THRESHOLD, color=False)
    assert "'Zuagg' -> 'Zaugg' (confidence 0.96, will apply with --fix)" in out
    assert "'Haerans' -> 'Haerens' (confidence 0.70, for review, not applied)" in out
    lowered = render_terminal(sample, 0.5, color=False)
    assert "'Haerans' -> 'Haerens' (confidence 0.70, will apply with --fix)" in lowered


def test_markup_in_untrusted_text_stays_literal(sample):
    out = render_terminal(sample, THRESHOLD, color=True)
    assert "[bold]markup[/bold]" in ANSI.sub("", out)


def test_quiet_shows_summary_and_errors_only(sample):
    out = render_terminal(sample, THRESHOLD, quiet=True, color=False)
    lines = out.splitlines()
    assert lines[0].startswith("citecheck: paper.md: 3 references, 4 citations (3 matched); 3 errors")
    assert sum(1 for line in lines if line.startswith("error ")) == sample.count(Severity.ERROR)
    assert "uncited-reference" not in out and "evidence" not in out


def test_info_findings_only_when_verbose(sample):
    assert "url-repaired" not in render_terminal(sample, THRESHOLD, color=False)
    assert "1 info findings" in render_terminal(sample, THRESHOLD, color=False)
    assert "url-repaired" in render_terminal(sample, THRESHOLD, verbose=True, color=False)


def test_environment_does_not_change_the_output(sample, monkeypatch):
    plain, coloured = render_terminal(sample, THRESHOLD, color=False), render_terminal(sample, THRESHOLD, color=True)
    for name, value in (("FORCE_COLOR", "1"), ("NO_COLOR", "1"), ("COLUMNS", "40"), ("TERM", "dumb")):
        monkeypatch.setenv(name, value)
    assert render_terminal(sample, THRESHOLD, color=False) == plain
    assert render_terminal(sample, THRESHOLD, color=True) == coloured
