"""``check --help`` said DOCUMENTS were "Markdown/text documents and .bib files": a new user with a PDF, a Word
file or an RIS export read that it would not do (session 13, users). The help names what ``check`` reads."""
from __future__ import annotations

from typer.testing import CliRunner

from citecheck.cli.app import app


def test_check_help_names_the_formats_it_reads():
    text = " ".join(CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout.split())
    for name in ("LaTeX", "Word .docx", "PDF", "HTML", "RIS", "CSL-JSON", ".bbl"):
        assert name in text, name
