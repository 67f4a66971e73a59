"""A .aux (or .bcf) older than the .tex is from an earlier LaTeX run: a key it lists that the
sources no longer cite (a citation since deleted) is not reported as missing; a warning names
both files. A .aux given itself is still read, with the same warning."""
from __future__ import annotations

import os

from citecheck.config import Settings
from citecheck.errors import InputError
from citecheck.model import Kind, Severity, SourceDoc
from citecheck.parse.document import parse_document
from citecheck.pipeline import check

TEX = "\\documentclass{article}\n\\begin{document}\nAs \\cite{smith2019} shows.\n\\end{document}\n"
AUX = "\\relax\n\\citation{smith2019}\n\\citation{oldkey}\n"
FILES = {"paper.tex": SourceDoc("paper.tex", TEX, "latex"), "paper.aux": SourceDoc("paper.aux", AUX, "aux")}


def load(path: str) -> SourceDoc:
    if path in FILES:
        return FILES[path]
    raise InputError("no such file", path)


def parsed(times: dict[str, float]):
    return parse_document(FILES["paper.tex"], load, ["paper.tex"], modified=times.get)


def test_a_stale_aux_adds_no_citations_and_says_why():
    result = parsed({"paper.tex": 2000.0, "paper.aux": 1000.0})
    assert [c.key for c in result.citations] == ["smith2019"]
    [finding] = result.findings
    assert finding.kind is Kind.STALE_AUX and finding.severity is Severity.WARNING
    assert finding.message.startswith("paper.aux is older than paper.tex: rerun LaTeX")
    assert "oldkey" in finding.message and (finding.span.file, finding.span.line) == ("paper.aux", 3)
    assert [e.source for e in finding.evidence] == ["file times", "in-text citations"]
    assert "1970-01-01 00:16:40 UTC" in finding.evidence[0].detail  # the .aux's time, said


def test_a_fresh_aux_still_adds_the_keys_of_files_not_read():
    result = parsed({"paper.tex": 1000.0, "paper.aux": 2000.0})
    assert [c.key for c in result.citations] == ["smith2019", "oldkey"] and not result.findings


def test_unknown_times_keep_todays_reading():
    assert [c.key for c in parsed({}).citations] == ["smith2019", "oldkey"]


def test_a_stale_aux_that_adds_nothing_is_not_reported():
    FILES["same.tex"] = SourceDoc("same.tex", TEX, "latex")
    FILES["same.aux"] = SourceDoc("same.aux", "\\citation{smith2019}\n", "aux")
    result = parse_document(FILES["same.tex"], load, ["same.tex"], modified={"same.tex": 2.0, "same.aux": 1.0}.get)
    assert [c.key for c in result.citations] == ["smith2019"] and not result.findings


def test_an_included_file_changed_after_the_run_makes_the_aux_stale():
    FILES["book.tex"] = SourceDoc("book.tex", "\\input{ch1}\n\\cite{smith2019}\n", "latex")
    FILES["ch1.tex"] = SourceDoc("ch1.tex", "text\n", "latex")
    FILES["book.aux"] = SourceDoc("book.aux", AUX, "aux")
    times = {"book.tex": 1.0, "book.aux": 2.0, "ch1.tex": 3.0}
    result = parse_document(FILES["book.tex"], load, ["book.tex"], modified=times.get)
    assert [c.key for c in result.citations] == ["smith2019"]
    assert result.findings[0].message.startswith("book.aux is older than ch1.tex")


def test_end_to_end_by_file_times(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text(TEX.replace("\\end{document}", "\\bibliography{refs}\n\\end{document}"))
    (tmp_path / "refs.bib").write_text("@book{smith2019, author={Smith, J}, title={T}, year={2019}}\n")
    (tmp_path / "paper.aux").write_text(AUX)
    os.utime(tmp_path / "paper.aux", (1_577_836_800, 1_577_836_800))  # 2020-01-01, before the .tex
    result = check(["paper.tex"], Settings())
    assert [(f.kind.value, f.severity.label) for f in result.findings] == [("stale-aux", "warning")]
    assert "2020-01-01 00:00:00 UTC" in result.findings[0].evidence[0].detail


def test_an_aux_given_itself_is_read_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.tex").write_text(TEX)
    (tmp_path / "paper.aux").write_text(AUX + "\\bibdata{refs}\n")
    (tmp_path / "refs.bib").write_text("@book{smith2019, author={Smith, J}, title={T}, year={2019}}\n")
    os.utime(tmp_path / "paper.aux", (1_577_836_800, 1_577_836_800))
    result = check(["paper.aux"], Settings())
    kinds = sorted((f.kind.value, f.severity.label) for f in result.findings)
    assert kinds == [("missing-reference", "error"), ("stale-aux", "warning")]
    stale = next(f for f in result.findings if f.kind is Kind.STALE_AUX)
    assert stale.message == "paper.aux is older than paper.tex: rerun LaTeX; its citations may be out of date"
