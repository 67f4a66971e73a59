"""EndNote's unformatted citations, "{Smith, 2019 #12}", are citations of their first author and year
(parse.citation_placeholders): before, they were read as no citation (every entry uncited) or, once names and years
outside parentheses were read, as citations that named "only one of the two authors"."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

REFERENCES = """

References

García, M. (2020). Cities in the Anthropocene. Oxford University Press.

Lee, K., Park, J., & Choi, M. (2018). Measuring street temperatures with drones. Remote Sensing, 4, 33-41.

Smith, J., & Jones, M. (2019). Urban heat islands and vegetation. Journal of Urban Climate, 12, 1-20.
"""


def _run(tmp_path, monkeypatch, body: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(body + REFERENCES, encoding="utf-8")
    return check(["paper.txt"], Settings())


def test_unformatted_citations_cite_their_first_author_and_year(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "Heat {Smith, 2019 #12; García, 2020 #7}. Drones {See \\Lee, 2018 #3@35}.")
    assert [(c.text, c.locator) for c in result.citations] == [
        ("Smith, 2019 #12", ""), ("García, 2020 #7", ""), ("See \\Lee, 2018 #3@35", "35")]
    assert [f.kind for f in result.findings if f.severity.name != "INFO"] == []  # no "names only one" of Smith & Jones


def test_an_unformatted_citation_of_no_entry_or_a_page_out_of_range_is_reported(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "Heat {Ghost, 2001 #9}. Drones {Lee, 2018 #3@90}. Cities {García, 2020 #7}, "
                                         "and {Smith, 2019 #12}.")
    kinds = sorted(f.kind.value for f in result.findings if f.severity.name != "INFO")
    assert kinds == sorted([Kind.MISSING_REFERENCE.value, Kind.PAGE_OUT_OF_RANGE.value])
