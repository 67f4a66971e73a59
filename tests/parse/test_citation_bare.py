"""A name and year outside parentheses cites the one entry that has both (parse.citation_bare): natbib's
\\citealp prints "García, 2020" with no parentheses, as in "see also García, 2020." in a PDF's text."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

REFERENCES = """

References

García, M. (2020). Cities in the Anthropocene. Oxford University Press.

Smith, J., & Jones, M. (2019). Urban heat islands. Journal of Urban Climate, 12, 1-20.

World Health Organization. (2021). Heat and health. WHO.
"""


def _run(tmp_path, monkeypatch, body: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(body + REFERENCES, encoding="utf-8")
    return check(["paper.txt"], Settings())


def test_a_listed_name_and_its_year_without_parentheses_cite_the_entry(tmp_path, monkeypatch):
    # before, these three were read as no citation: all three entries uncited
    result = _run(tmp_path, monkeypatch, "Heat matters; see also García, 2020. Others agree, e.g. Smith and Jones\n"
                                         "2019, as does the World Health Organization, 2021, at length.")
    assert [c.text for c in result.citations] == ["García, 2020", "Smith and Jones\n2019".replace("\n", " "),
                                                  "World Health Organization, 2021"]
    assert [f.kind for f in result.findings if f.severity > 0] == []


def test_a_name_and_year_no_entry_has_or_already_cited_are_no_second_citation(tmp_path, monkeypatch):
    # García wrote nothing listed in 2024; "Paris 2024" names no entry; the parenthesis is one citation, not two
    result = _run(tmp_path, monkeypatch, "García, 2024 is a typo, and the Paris 2024 games too (Smith and Jones, "
                                         "2019; García, 2020; World Health Organization, 2021).")
    assert [c.text for c in result.citations] == ["Smith and Jones, 2019", "García, 2020",
                                                  "World Health Organization, 2021"]
    assert not [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]


def test_a_citation_already_read_in_a_web_page_is_not_read_again(tmp_path, monkeypatch):
    # a page's citations are placed where the HTML has them, not in its text: before, the check compared the two
    # and "(see García 2020, chap. 2)" was read twice, once as a parenthesis and once as a name and year
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(
        "<html><body><p class='intro'>Heat matters <span class='citation'>(see García 2020, chap. 2)</span>.</p>"
        "<h2>References</h2><p>García, M. (2020). Cities in the Anthropocene. Oxford University Press.</p>"
        "</body></html>", encoding="utf-8")
    result = check(["page.html"], Settings())
    assert [c.text for c in result.citations] == ["García 2020, chap. 2"]


def test_natbibs_narrative_citation_in_square_brackets_cites_the_entry(tmp_path, monkeypatch):
    """natbib's default brackets are square: \\citet prints "Orwell [1949]" in a pdflatex PDF, which was no
    citation (the entry called uncited). A year in brackets after listed names cites them; after names no entry
    has, or inside a parenthesis (Chicago's "(Durkheim [1912] 1995)"), it cites nothing of its own (session 16, user)."""
    result = _run(tmp_path, monkeypatch, "García [2020] and Smith and Jones [2019] saw it, as did Nobody [2018]\n"
                                         "(and García [2018] 2020, 4).\n")
    assert [(c.names[0].text, c.year, c.narrative) for c in result.citations] == [
        ("García", 2020, True), ("Smith", 2019, True), ("García", 2020, False)]
    assert [f.reference for f in result.findings if f.kind is Kind.UNCITED_REFERENCE] == ["whoHeat2021"]
    assert not [f for f in result.findings if f.kind is Kind.MISSING_REFERENCE]
