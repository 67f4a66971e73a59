"""The report formats through the CLI: what a CI step uploads or parses."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from citecheck.cli.app import app

ESSAY = Path(__file__).resolve().parents[2] / "examples" / "eir" / "essay.md"


def test_sarif_names_an_absolute_document_relative_to_the_working_folder(tmp_path, monkeypatch):
    """``citecheck check $PWD/paper/essay.md --format sarif`` in a CI job: code scanning places
    results by repository-relative URIs, so the absolute path is written as ``paper/essay.md``."""
    (tmp_path / "paper").mkdir()
    essay = tmp_path / "paper" / "essay.md"
    shutil.copy(ESSAY, essay)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", str(essay), "--offline", "--format", "sarif"])
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"] for loc in r.get("locations", ())}
    uris |= {change["artifactLocation"]["uri"]
             for r in log["runs"][0]["results"] for fix in r.get("fixes", ()) for change in fix["artifactChanges"]}
    assert uris == {"paper/essay.md"}


def test_sarif_proposes_no_replacement_inside_a_pdf(tmp_path, monkeypatch):
    """The finding points at the PDF; its fix is in the report's text, never a replacement of bytes."""
    from minimal_pdf import pdf_from_objects  # tests/minimal_pdf.py

    lines = ["As Zaugg (2019) argues, and Zuagg (2019) too.", "References",
             "Zaugg, J. (2019). North Korean defectors. BBC."]
    stream = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    (tmp_path / "essay.pdf").write_bytes(pdf_from_objects([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
    ]))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "essay.pdf", "--offline", "--format", "sarif"])
    assert result.exit_code == 1, result.output
    results = json.loads(result.stdout)["runs"][0]["results"]
    mismatch = next(r for r in results if r["ruleId"] == "name-mismatch")
    assert mismatch["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "essay.pdf"
    assert "fixes" not in mismatch
