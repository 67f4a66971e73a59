"""refs.bib at the top of the repository is the tool's own output for the bundled example."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.config import Settings
from citecheck.emit.bibtex import to_bibtex
from citecheck.parse.bibtex import parse_bibtex
from citecheck.pipeline import check, fixed_references

ROOT = Path(__file__).resolve().parents[1]
REGENERATE = "citecheck check examples/eir/essay.md --bib-out refs.bib"


def regenerated() -> str:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return to_bibtex(fixed_references(check(["examples/eir/essay.md"], Settings()), Settings()))
    finally:
        os.chdir(old)


def test_refs_bib_is_up_to_date():
    assert (ROOT / "refs.bib").read_text(encoding="utf-8") == regenerated(), f"refs.bib is stale: run `{REGENERATE}`"


def test_refs_bib_reparses_to_the_same_bibtex():
    text = (ROOT / "refs.bib").read_text(encoding="utf-8")
    refs, problems = parse_bibtex(text, "refs.bib")
    assert not problems
    assert to_bibtex(refs) == text


def test_refs_bib_validates_with_biber(tmp_path):
    biber = shutil.which("biber")
    if biber is None:
        if os.environ.get("CI"):
            pytest.fail("biber is not installed; .ci/run installs the Debian package biber")
        pytest.skip("biber not installed (Debian package biber)")
    shutil.copy(ROOT / "refs.bib", tmp_path / "refs.bib")
    proc = subprocess.run(
        [biber, "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "out.bib"), "refs.bib"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    # an entry the essay leaves incomplete keeps its type (a report without institution is still a report):
    # biber names the missing field, as citecheck's own report does; anything else is a problem
    problems = [line for line in log.splitlines()
                if ("ERROR" in line or "WARN -" in line) and "Missing mandatory field" not in line]
    assert not problems, "\n".join(problems)


def test_refs_bib_renders_with_pandoc_citeproc(tmp_path):
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        if os.environ.get("CI"):
            pytest.fail("pandoc is not installed; .ci/run installs the Debian package pandoc")
        pytest.skip("pandoc not installed (Debian package pandoc)")
    doc = tmp_path / "doc.md"
    doc.write_text('---\nnocite: "@*"\n---\n\nText.\n', encoding="utf-8")
    proc = subprocess.run(
        [pandoc, "--citeproc", f"--bibliography={ROOT / 'refs.bib'}", "-t", "plain", str(doc)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    refs, _ = parse_bibtex((ROOT / "refs.bib").read_text(encoding="utf-8"), "refs.bib")
    rendered = " ".join(proc.stdout.split()).lower().replace("’", "'")
    for ref in refs:
        assert " ".join(ref.title.split()[:3]).lower() in rendered, ref.key
    assert rendered.count("n.d.") == sum(1 for r in refs if r.no_date)
