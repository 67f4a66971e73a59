"""A year alone in parentheses cites the one entry its sentence names (parse.citation_years): pandoc writes
[-@lee2020] as "(2020)" in its HTML, Word and plain-text outputs."""
from __future__ import annotations

from citecheck.config import Settings
from citecheck.model import Kind
from citecheck.pipeline import check

REFERENCES = """

References

Lee, K., & Park, S. (2020). Deep things. Proceedings of Stuff.

Orwell, G. (1949). Nineteen eighty-four. Secker & Warburg.

Park, S. (2020). Other things. Journal of Stuff, 3, 1-10.
"""


def _run(tmp_path, monkeypatch, body: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(body + REFERENCES, encoding="utf-8")
    return check(["paper.txt"], Settings())


def test_a_year_alone_after_the_author_its_sentence_names_cites_that_entry(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "As shown by Orwell (1949), things hold. Lee says so (2020). "
                                         "Park's later survey (2020) agrees.")
    assert [c.text for c in result.citations] == ["Orwell (1949)", "Lee (2020)", "Park (2020)"]
    assert [f.kind for f in result.findings if f.severity > 0] == []  # Lee & Park cited, no "names one of two"


def test_a_year_alone_is_prose_unless_exactly_one_entry_has_the_named_author_and_that_year(tmp_path, monkeypatch):
    # no entry of Orwell's in 1999; Lee and Park both named with 2020 entries (two works); no name before it
    result = _run(tmp_path, monkeypatch, "Orwell (1949) wrote more; his later novel (1999) is lost. Lee and Park "
                                         "disagree (2020). In that year (2020) nothing else happened.")
    assert [c.text for c in result.citations] == ["Orwell (1949)"]
    uncited = {f.reference for f in result.findings if f.kind == Kind.UNCITED_REFERENCE}
    assert len(uncited) == 2 and not [f for f in result.findings if f.kind == Kind.MISSING_REFERENCE]


def test_a_name_its_line_end_wraps_still_names_the_entry_of_a_year_alone(tmp_path, monkeypatch):
    """natbib's "\\citeauthor{who} reported in \\citeyearpar{who}" in a PDF's text, the name wrapped at a line's end:
    before, the words on two lines were never one name, the year cited nothing and the entry was uncited."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.txt").write_text(
        "Orwell (1949) argued otherwise; see also Lee (2020). World Health\nOrganization reported in (2021).\n"
        + REFERENCES + "\nWorld Health Organization. (2021). Heat and health. WHO.\n", encoding="utf-8")
    result = check(["paper.txt"], Settings())
    assert "World Health Organization (2021)" in [c.text for c in result.citations]
    assert not [f for f in result.findings if f.kind == Kind.UNCITED_REFERENCE and f.reference == "whoHeat2021"]
