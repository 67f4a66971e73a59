"""A key pandoc could not resolve, "(ghost2020?)" in its output, is a missing reference (parse.citation_unresolved):
before, the rendered document's unresolved citation was read as no citation at all, and the check was clean."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

REFERENCES = """

References

Lee, Kim. 2018. “Measuring Street Temperatures.” Urban Climate 3: 1–20.
"""


def _run(tmp_path, monkeypatch, body: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(body + REFERENCES, encoding="utf-8")
    return check(["paper.txt"], Settings())


def test_a_key_pandoc_left_unresolved_is_a_missing_reference(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "Heat kills (ghost2020?). Streets differ (smith_heat_2019?; Lee 2018).")
    missing = [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]
    assert [(f.span.line, f.span.column) for f in missing] == [(1, 13), (1, 42)]
    assert ['"ghost2020"' in missing[0].message, '"smith_heat_2019"' in missing[1].message] == [True, True]


def test_a_question_in_parentheses_is_no_key(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "Is heat deadly (really?) or (is it 2019?) or (why?); Lee (2018) knows.")
    assert [c.text for c in result.citations] == ["Lee (2018)"]
    assert not [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]


def test_latexs_question_mark_for_an_undefined_key_is_reported_where_it_stands(tmp_path, monkeypatch):
    """natbib prints "(?)" and "(Lee, 2018; ?)", the standard styles "[?]", for a key no entry had: before, a PDF with
    such marks checked clean (the marks are all its text keeps of the citations)."""
    result = _run(tmp_path, monkeypatch, "Heat kills (?). Streets differ (Lee 2018; ?). Shade helps [?]. Why (really?)")
    (missing,) = [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]
    assert missing.severity.name == "ERROR" and missing.message.startswith('LaTeX printed "?" for 3 citations')
    assert [(e.detail.split(" at ")[0], e.detail.split(":")[-2]) for e in missing.evidence] == [
        ('"(?)"', "1"), ('"?"', "1"), ('"[?]"', "1")]
    assert [c.text for c in result.citations if not c.key] == ["Lee 2018"]


def test_a_question_mark_alone_in_parentheses_may_be_a_doubt_and_is_a_warning(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "Lee (2018) was born in 1850 (?) in Leeds.")
    (missing,) = [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]
    assert missing.severity.name == "WARNING" and missing.message.endswith('or "(?)" marks a doubt in the text')


def test_latexs_question_mark_is_no_closest_citation_of_an_uncited_entry(tmp_path, monkeypatch):
    # before, Lee's entry was said to be closest to "key ?", a key no one wrote
    result = _run(tmp_path, monkeypatch, "Heat kills [?].")
    (uncited,) = [f for f in result.findings if f.kind == Kind.UNCITED_REFERENCE]
    assert not any("key ?" in e.detail for e in uncited.evidence)


def test_a_writers_question_marks_in_markdown_are_no_latex_marks(tmp_path, monkeypatch):
    """Only a PDF, or text copied out of one, holds what LaTeX printed: in a Markdown document the writer wrote
    "(?)" and "[?]" (a doubt, an illegible word); before, they were an error, "LaTeX printed ?", exit 1."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.md").write_text("Cooler by 2 °C (?), as Lee (2018) says. Was it the trees [?]?\n" + REFERENCES,
                                       encoding="utf-8")
    result = check(["notes.md"], Settings())
    assert not [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]
    assert [c.text for c in result.citations] == ["Lee (2018)"]


def test_an_acronym_with_a_question_mark_is_a_question_not_a_key(tmp_path, monkeypatch):
    """"Which gas (CO2?)": capitals and digits are a thing asked about; before, each was an error 'undefined key'."""
    result = _run(tmp_path, monkeypatch, "Which virus (H1N1?) and which gas (CO2?) at the summit (G20?), asks Lee (2018).")
    assert not [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]
    assert [c.text for c in result.citations] == ["Lee (2018)"]


def test_natbibs_question_mark_before_the_next_work_of_its_group(tmp_path, monkeypatch):
    """natbib prints an undefined key of a group with no separator before the next work: \\citep{ghost,lee} is
    "[?Lee, 2018]" in a pdflatex PDF's text ("(?Lee, 2018)" in round brackets), which checked clean, and the
    parenthesis cited no one (session 16, user). A "?" opening a bracket before a
    word and no year ("(?Why not)") is no such mark."""
    result = _run(tmp_path, monkeypatch, "Streets differ [?Lee, 2018]. Shade helps (?Lee, 2018). Odd (?Why not).")
    (missing,) = [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]
    assert missing.message.startswith('LaTeX printed "?" for 2 citations')
    assert [e.detail.split(" at ")[1] for e in missing.evidence] == ["paper.txt:1:17", "paper.txt:1:43"]
    assert [c.names[0].text for c in result.citations if not c.key] == ["Lee", "Lee"]
