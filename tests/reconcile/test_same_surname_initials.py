"""APA 7 tells apart authors of one family name and year by their initials: "(J. Smith, 2019;
A. Smith, 2019)", "A. Smith (2019)". The initials choose the entry; a citation without them that
fits both is told to add them (not year suffixes: the works are by different people)."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check

SMITHS = """# Rural trust

Two studies reached opposite conclusions (J. Smith, 2019; A. Smith, 2019). Later, A. Smith (2019) revised her view.

## References

Smith, A. (2019). Rural health and trust. *Rural Sociology*, *84*(1), 1–22.

Smith, J. (2019). Trust in the countryside. *Sociologia Ruralis*, *59*(2), 200–215.
"""


def _run(tmp_path, monkeypatch, essay: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(essay, encoding="utf-8")
    result = check(["essay.md"], Settings())
    return result, [(c.text, t) for c, t in zip(result.citations, result.citation_targets)]


def test_an_initial_before_the_family_name_is_read_even_a():
    text = CleanText.identity("e.md", "Studies (J. Smith, 2019; A. Smith, 2019). Later, A. Smith (2019) said.")
    found = find_citations(text, known_titles=("Smith",))
    assert [c.name_texts for c in found] == [("J. Smith",), ("A. Smith",), ("A. Smith",)]


def test_the_initials_choose_the_entry(tmp_path, monkeypatch):
    result, targets = _run(tmp_path, monkeypatch, SMITHS)
    assert targets == [("J. Smith, 2019", "smithTrust2019"), ("A. Smith, 2019", "smithRural2019"),
                       ("A. Smith (2019)", "smithRural2019")]
    assert not [f for f in result.findings if f.kind in (Kind.AMBIGUOUS_CITATION, Kind.NAME_MISMATCH,
                                                          Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


def test_without_initials_the_advice_is_to_add_them(tmp_path, monkeypatch):
    result, _ = _run(tmp_path, monkeypatch, SMITHS.replace("(J. Smith, 2019; A. Smith, 2019)", "(Smith, 2019)"))
    (ambiguous,) = [f for f in result.findings if f.kind is Kind.AMBIGUOUS_CITATION]
    assert "initials" in ambiguous.message and "A. Smith for smithRural2019" in ambiguous.message
    assert "2019a" not in ambiguous.message
