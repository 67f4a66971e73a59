"""The CLI end to end, in process: exit codes, outputs, fixes, and one-line errors for bad input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
ESSAY = ROOT / "examples" / "eir" / "essay.md"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def essay(tmp_path):
    target = tmp_path / "essay.md"
    shutil.copy(ESSAY, target)
    return target


def run(runner, *args):
    result = runner.invoke(app, [str(a) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def test_check_reports_findings_and_exits_1(runner, essay):
    result = run(runner, "check", essay, "--offline")
    assert result.exit_code == 1
    assert "name-mismatch" in result.stdout
    assert "Zuagg" in result.stdout and "Zaugg" in result.stdout
    assert "Haerens" in result.stdout and "Haerans" in result.stdout


def test_fail_on_never_exits_0(runner, essay):
    assert run(runner, "check", essay, "--fail-on", "never").exit_code == 0


def test_json_report_follows_the_contract(runner, essay):
    result = run(runner, "check", essay, "--format", "json")
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert set(report) == {"version", "references", "citations", "findings", "links"}
    ref = report["references"][0]
    assert set(ref) == {"id", "source", "raw", "csl", "verdict"}
    assert set(ref["source"]) == {"file", "line", "column", "start", "end"}
    assert ref["verdict"] is None  # existence is checked online only
    assert set(report["citations"][0]) == {"text", "source", "reference"}
    finding = report["findings"][0]
    assert {"kind", "severity", "message", "reference", "citation", "suggested", "evidence", "fix"} <= set(finding)
    kinds = {f["kind"] for f in report["findings"]}
    assert {"name-mismatch", "missing-reference", "uncited-reference", "citation-missing-year", "url-repaired"} <= kinds
    ids = {r["id"] for r in report["references"]}
    assert all(c["reference"] in ids for c in report["citations"] if c["reference"])


def test_bib_out_writes_bibtex(runner, essay, tmp_path):
    out = tmp_path / "out.bib"
    result = run(runner, "check", essay, "--bib-out", out, "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.count("\n@") + text.startswith("@") == 28


def test_bib_out_refuses_to_overwrite_an_input(runner, essay):
    before = essay.read_text(encoding="utf-8")
    result = run(runner, "check", essay, "--bib-out", essay)
    assert result.exit_code == 2  # the command line's mistake: a usage error
    assert essay.read_text(encoding="utf-8") == before


def test_fix_writes_a_copy_and_a_second_fix_changes_nothing(runner, essay):
    original = essay.read_text(encoding="utf-8")
    run(runner, "check", essay, "--fix")
    assert essay.read_text(encoding="utf-8") == original  # never over the input
    fixed = essay.with_name("essay.fixed.md")
    once = fixed.read_text(encoding="utf-8")
    assert "(Zaugg, 2019)" in once and "Zuagg" not in once
    assert "(Enos & Kim, 2019)" in once
    run(runner, "check", fixed, "--fix")
    assert essay.with_name("essay.fixed.fixed.md").read_text(encoding="utf-8") == once


def test_in_place_keeps_a_backup(runner, essay):
    original = essay.read_text(encoding="utf-8")
    result = run(runner, "check", essay, "--fix", "--in-place")
    assert result.exit_code in (0, 1)
    assert essay.with_name("essay.md.bak").read_text(encoding="utf-8") == original
    assert "Zuagg" not in essay.read_text(encoding="utf-8")


def test_in_place_without_fix_is_a_usage_error(runner, essay):
    assert run(runner, "check", essay, "--in-place").exit_code == 2


def test_unknown_option_is_a_usage_error(runner, essay):
    assert run(runner, "check", essay, "--no-such-flag").exit_code == 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.md", b"", "empty"),
        ("binary.md", b"\x00\x01\x02PK\x03\x04", "binary"),
        ("prose.md", b"Only prose here, citing nobody.\n", "no bibliography"),
    ],
)
def test_bad_input_is_one_line_and_exit_3(runner, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(runner, "check", path)
    assert result.exit_code == 3
    assert message in result.stderr
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_bib_names_file_and_line(runner, tmp_path):
    bib = tmp_path / "bad.bib"
    bib.write_text("@article{ok, title={Fine}, year={2020}}\n\n@article{broken, title={Never closed\n", encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text("Text (Broken, 2020).\n", encoding="utf-8")
    result = run(runner, "check", doc, bib, "--format", "json")
    report = json.loads(result.stdout)
    bad = [f for f in report["findings"] if f["kind"] == "unparsed-entry"]
    assert bad and bad[0]["source"]["line"] == 3 and bad[0]["source"]["file"] == str(bib)


def test_wholly_malformed_bib_is_exit_3(runner, tmp_path):
    bib = tmp_path / "bad.bib"
    bib.write_text("@article{broken, title={Never closed\n", encoding="utf-8")
    result = run(runner, "check", bib)
    assert result.exit_code == 3
    assert str(bib) in result.stderr and "Traceback" not in result.stderr


def test_convert_to_bibtex_and_csl(runner, essay):
    bib = run(runner, "convert", essay, "--to", "bibtex")
    assert bib.exit_code == 0 and "@" in bib.stdout
    csl = run(runner, "convert", essay, "--to", "csl-json")
    items = json.loads(csl.stdout)
    assert len(items) == 28 and all("id" in item and "type" in item for item in items)


def test_convert_bibtex_round_trips(runner, essay, tmp_path):
    first = tmp_path / "first.bib"
    run(runner, "convert", essay, "-o", first)
    second = run(runner, "convert", first)
    assert second.stdout == first.read_text(encoding="utf-8")


def test_a_latex_file_whose_bibliography_is_missing_names_it(runner, tmp_path):
    tex = tmp_path / "paper.tex"
    tex.write_text("\\documentclass{article}\n\\begin{document}\\cite{x}\n\\bibliography{nope}\n\\end{document}\n",
                   encoding="utf-8")
    result = run(runner, "check", tex)
    assert result.exit_code == 3
    assert "nope.bib" in result.stderr and str(tex) in result.stderr and "Traceback" not in result.stderr
