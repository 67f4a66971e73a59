"""APA's secondary source, "(Freud, 1900, as cited in Jones, 2010)", lists only the work read (Jones);
and a work "in press" is not one with no date ("n.d."), though neither has a year."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check

DREAMS = """# Dreams

Freud's account is still cited (Freud, 1900, as cited in Jones, 2010). Wundt's view differed (Wundt, 1874, as
cited in Boring, 1950, p. 317). Adler (1912, as cited in Jones, 2010) disagreed.

## References

Boring, E. G. (1950). *A history of experimental psychology* (2nd ed.). Appleton-Century-Crofts.

Jones, E. (2010). *The life and work of Sigmund Freud*. Basic Books.
"""

NOWAK = """# Forms

Forthcoming work (Nowak, in press) differs from the undated page (Nowak, n.d.).

## References

Nowak, M. (in press). Forthcoming work. *Nature*.

Nowak, M. (n.d.). *Undated work*. Retrieved from https://example.org/nowak
"""


def _run(tmp_path, monkeypatch, essay: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(essay, encoding="utf-8")
    result = check(["essay.md"], Settings())
    return result, [(c.text, t) for c, t in zip(result.citations, result.citation_targets)]


def test_an_original_read_in_another_work_is_no_missing_reference(tmp_path, monkeypatch):
    result, targets = _run(tmp_path, monkeypatch, DREAMS)
    assert ("Jones, 2010", "jonesLife2010") in targets and ("Boring, 1950, p. 317", "boringHistory1950") in targets
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE)]


def test_a_narrative_original_reads_the_secondary_source_too():
    text = CleanText.identity("e.md", "Adler (1912, as cited in Jones, 2010) disagreed.")
    assert [(c.name_texts, c.year) for c in find_citations(text)] == [(("Adler",), 1912), (("Jones",), 2010)]


def test_an_original_still_matches_its_entry_when_listed(tmp_path, monkeypatch):
    listed = DREAMS + "\nFreud, S. (1900). *Die Traumdeutung*. Deuticke.\n"
    result, targets = _run(tmp_path, monkeypatch, listed)
    assert ("Freud, 1900", "freudTraumdeutung1900") in targets


def test_a_work_in_press_is_not_one_without_a_date(tmp_path, monkeypatch):
    result, targets = _run(tmp_path, monkeypatch, NOWAK)
    assert targets == [("Nowak, in press", "nowakForthcomingnd"), ("Nowak, n.d.", "nowakUndatednd")]
    assert not [f for f in result.findings if f.kind in (Kind.AMBIGUOUS_CITATION, Kind.YEAR_MISMATCH)]


def test_n_d_for_an_entry_in_press_is_a_year_mismatch_named_so(tmp_path, monkeypatch):
    essay = NOWAK.replace("(Nowak, in press)", "(Nowak, n.d.)").replace(
        "Nowak, M. (n.d.). *Undated work*. Retrieved from https://example.org/nowak\n", "")
    result, _ = _run(tmp_path, monkeypatch, essay)
    (mismatch,) = [f for f in result.findings if f.kind is Kind.YEAR_MISMATCH]
    assert "cited as n.d." in mismatch.message and "listed as in press" in mismatch.message
