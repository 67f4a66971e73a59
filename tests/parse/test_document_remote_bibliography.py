"""biblatex's \\addbibresource[location=remote]{https://...}: never fetched while parsing, said once
as a warning naming the URL and how to pass the file, not an unreadable local path."""
from __future__ import annotations

from citecheck.errors import InputError
from citecheck.model import Kind, Severity, SourceDoc
from citecheck.parse.document import parse_document

URL = "https://example.org/shared/group.bib"
TEX = ("\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{refs.bib}\n"
       f"\\addbibresource[location=remote]{{{URL}}}\n\\begin{{document}}\n\\textcite{{smith2019}}\n"
       f"\\addbibresource[location=remote]{{{URL}}}\n\\end{{document}}\n")
BIB = "@article{smith2019, author={Smith, John}, title={A title}, journaltitle={J}, year={2019}}\n"


def loader(asked: list[str]):
    def load(path: str) -> SourceDoc:
        asked.append(path)
        if path == "refs.bib":
            return SourceDoc(path, BIB, "bibtex")
        raise InputError("no such file", path)
    return load


def test_a_remote_resource_is_said_once_and_not_loaded():
    asked: list[str] = []
    parsed = parse_document(SourceDoc("paper.tex", TEX, "latex"), loader(asked), ["paper.tex"], modified=lambda p: None)
    assert [r.key for r in parsed.references] == ["smith2019"]
    assert not [p for p in asked if "example.org" in p]  # no path made of the URL
    [finding] = parsed.findings
    assert finding.kind is Kind.REMOTE_BIBLIOGRAPHY and finding.severity is Severity.WARNING
    assert URL in finding.message and "https:/example" not in finding.message
    assert "not read" in finding.message and "citecheck check paper.tex group.bib" in finding.message
    assert (finding.span.line, finding.span.column) == (4, 34) and finding.evidence


def test_the_downloaded_file_given_as_an_input_silences_it():
    parsed = parse_document(SourceDoc("paper.tex", TEX, "latex"), loader([]), ["paper.tex", "group.bib"],
                            modified=lambda p: None)
    assert not parsed.findings
