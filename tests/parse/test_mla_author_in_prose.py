"""MLA 9 citations the author-page reader missed: "(Gilbert et al. 30)", a name written in lower case as
its author writes it ("(hooks 33)"), and the author named in the sentence, not the parenthesis: a page
alone, "Gates and Jarrett trace ... (112)", or a title and page, "Morrison insists ... (*Beloved* 45)"."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check

KNOWN = ("Gilbert", "hooks", "Christian", "Gates", "Jarrett", "Morrison", "Smith")


MLA_CITATION = " Others disagree (Christian 52)."  # a document that cites MLA's way


def _cited(text: str) -> list[tuple[tuple[str, ...], str, bool, bool]]:
    found = find_citations(CleanText.identity("e.md", text + MLA_CITATION), known_titles=KNOWN)
    return [(c.name_texts, c.locator, c.etal, c.narrative) for c in found if c.text != "Christian 52"]


def test_et_al_before_the_page():
    assert _cited("Critics agree (Gilbert et al. 30).") == [(("Gilbert",), "30", True, False)]


def test_a_listed_lower_case_name():
    assert _cited("The canon is narrow (hooks 33).") == [(("hooks",), "33", False, False)]
    assert _cited("The canon is narrow (books 33).") == []  # not a listed name


@pytest.mark.parametrize("text, names, page, etal", [
    ("Gates and Jarrett trace the tradition back further (112).", ("Gates", "Jarrett"), "112", False),
    ("Christian argues that theory excluded Black women (7).", ("Christian",), "7", False),
    ("Gilbert et al. argue it differently (30-31), as others do.", ("Gilbert",), "30-31", True),
])
def test_a_page_alone_cites_the_authors_the_sentence_names(text, names, page, etal):
    assert _cited(text) == [(names, page, etal, True)]


@pytest.mark.parametrize("text", [
    "The sample was small (112).",  # no listed author in the sentence
    "Smith lists (1) cost and (2) time.",  # an enumeration: the parenthesis does not end a clause
    "Smith was right. The sample was small (112).",  # the author is in the sentence before
    "Young people were asked (112).",  # a listed name only when capitalised as one: not "young"
])
def test_a_bare_number_is_no_citation_otherwise(text):
    assert _cited(text) == []


def test_a_page_alone_is_read_only_in_a_document_citing_mla_s_way():
    text = CleanText.identity("e.md", "Gates and Jarrett trace the tradition back further (3). Smith (2019) agrees.")
    assert [c.text for c in find_citations(text, known_titles=KNOWN)] == ["Smith (2019)"]  # "(3)": Vancouver's


MORRISON = """# Reading Morrison

Morrison insists that memory is physical (*Beloved* 45), and in her essays she returns to this claim
(Morrison, "Site of Memory" 92). Gates and Jarrett trace the tradition back further (112). Critics agree
(Gilbert et al. 30), and (hooks 33).

Works Cited

Gates, Henry Louis, Jr., and Gene Andrew Jarrett, editors. *The New Negro*. Princeton UP, 2007.

Gilbert, Sandra M., et al. *Feminist Readings*. Yale UP, 1999.

hooks, bell. *Ain't I a Woman: Black Women and Feminism*. South End Press, 1981.

Morrison, Toni. *Beloved*. Knopf, 1987.

---. "The Site of Memory." *Inventing the Truth: The Art and Craft of Memoir*, edited by William Zinsser, 2nd ed., Houghton Mifflin, 1995, pp. 83-102.
"""


def test_every_work_is_cited_and_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(MORRISON, encoding="utf-8")
    result = check(["essay.md"], Settings())
    targets = {c.text: t for c, t in zip(result.citations, result.citation_targets)}
    assert targets["*Beloved* 45"] == "morrisonBeloved1987"
    assert targets["Gates and Jarrett trace the tradition back further (112)"] == "gatesNew2007"
    assert targets["Gilbert et al. 30"] == "gilbertFeminist1999"
    assert targets["hooks 33"] is not None
    assert not [f for f in result.findings if f.kind in (Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE,
                                                          Kind.CITATION_MISSING_YEAR)]


def _cited_alone(text: str) -> list[tuple[tuple[str, ...], str]]:
    found = find_citations(CleanText.identity("e.md", text), known_titles=KNOWN)
    return [(c.name_texts, c.locator) for c in found]


def test_a_page_alone_after_listed_names_in_a_document_with_no_other_citation():
    """The document's only citation is MLA's page after the authors the sentence names (new user, round 8)."""
    assert _cited_alone("Gates and Jarrett trace the tradition back further (112). Christian disagrees.") == [
        (("Gates", "Jarrett"), "112")]
    assert _cited_alone("Gates and Jarrett trace it (112). Christian disagrees (52-53).") == [
        (("Gates", "Jarrett"), "112"), (("Christian",), "52-53")]


@pytest.mark.parametrize("text", [
    "The survey counted households in the valley (112).",  # no listed name: a number in prose
    "Gates and Jarrett trace it (112). The sample was small (40).",  # a number in prose beside it
    "Smith et al. showed it (1). Gates and Jarrett agree (2).",  # Vancouver's numbers, from 1
    "Smith et al. showed it (4,5). Gates and Jarrett agree (112).",  # a list of numbers: a numeric style
])
def test_a_page_alone_with_no_other_mla_citation_stays_unread_otherwise(text):
    assert _cited_alone(text) == []


def test_a_second_page_in_the_sentence_cites_the_name_after_the_first():
    """ "Hughes insisted ... (692), and Hurston's essay ... (24-25)": Hurston at 24-25 (new user, round 8)."""
    known = ("Hughes", "Hurston")
    found = find_citations(CleanText.identity("e.md", "Hughes insisted that art owes nothing (692), and Hurston's essay "
                                              "makes a similar claim (24-25)."), known_titles=known)
    assert [(c.name_texts, c.locator) for c in found] == [(("Hughes",), "692"), (("Hurston",), "24-25")]
