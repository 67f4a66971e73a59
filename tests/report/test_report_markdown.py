"""The Markdown (pull-request comment) report."""
from __future__ import annotations

from citecheck.report import render_markdown
from citecheck.report.markdown import md

THRESHOLD = 0.8


def test_sample_matches_golden(sample, golden):
    golden("markdown_sample.md", render_markdown(sample, THRESHOLD))


def test_example_matches_golden(example, golden):
    golden("markdown_example.md", render_markdown(example, THRESHOLD))


def test_summary_table_counts(sample):
    out = render_markdown(sample, THRESHOLD)
    assert "| :x: Errors | 3 |" in out
    assert "| :warning: Warnings | 1 |" in out
    assert "| Citations matched | 3 / 4 |" in out
    assert "| Links checked | 3 (1 alive, 1 dead, 1 timeout) |" in out


def test_one_table_per_severity_with_kind_where_message_fix(sample):
    out = render_markdown(sample, THRESHOLD)
    assert out.count("| Kind | Where | Reference | Message | Fix |") == 3
    row = next(line for line in out.splitlines() if "zauggNorth2019" in line and "name-mismatch" in line)
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    assert cells[0] == "`name-mismatch`"
    assert cells[1] == "<code>paper.md:3</code>"
    assert "<code>Zuagg</code> → <code>Zaugg</code>" in cells[4] and "will apply" in cells[4]


def test_every_table_row_has_the_same_number_of_cells(sample, example):
    for result in (sample, example):
        for line in render_markdown(result, THRESHOLD).splitlines():
            if line.startswith("| `"):
                unescaped = line.replace("\\|", "")
                assert unescaped.count("|") == 6, line


def test_evidence_is_collapsible(sample):
    out = render_markdown(sample, THRESHOLD)
    assert "<details><summary>Evidence for name-mismatch at paper.md:3 (zauggNorth2019): 2 items</summary>" in out
    assert "- **surname frequency \\(US Census 1990\\)**" not in out  # parentheses need no escape
    assert "- **surname frequency (US Census 1990)**: ZAUGG is listed, ZUAGG is not" in out
    assert out.count("<details>") == out.count("</details>") == 3


def test_untrusted_text_cannot_inject_markup(sample):
    out = render_markdown(sample, THRESHOLD)
    assert "<script>" not in out
    assert "\\<script\\>" in out
    assert "\\| pipes" in out
    assert md("a\nb | *c*") == "a b \\| \\*c\\*"


def test_info_can_be_left_out(sample):
    assert "url-repaired" in render_markdown(sample, THRESHOLD)
    quiet = render_markdown(sample, THRESHOLD, verbose=False)
    assert "url-repaired" not in quiet and "1 info findings" in quiet


def test_document_names_are_shown_as_written(sample):
    """Inside a code span a backslash is shown, not an escape: ``my_paper.md`` stays ``my_paper.md``."""
    from dataclasses import replace
    out = render_markdown(replace(sample, documents=("my_paper [v2].md", "odd`name.md")), THRESHOLD)
    assert "`my_paper [v2].md` <code>odd`name.md</code>" in out.splitlines()
