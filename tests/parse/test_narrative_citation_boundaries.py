"""A narrative citation's names never reach back into a heading or across a paragraph break:
"Zuagg (2019) argues" after "# Background" cites Zuagg (so a misspelling is caught as one)."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.citations import find_citations


def names(text: str) -> list[tuple[str, ...]]:
    return [c.name_texts for c in find_citations(CleanText.identity("f", text))]


@pytest.mark.parametrize("text", [
    "# Background\n\nZuagg (2019) argues this.",
    "# Background\nZuagg (2019) argues this.",
    "Background\n\nZuagg (2019) argues this.",
    "Background\nZuagg (2019) argues this.",
    "It rose in 2018.\n2.1 Background\nZuagg (2019) argues this.",  # a PDF's text: no blank lines
    "It rose in 2018.\nBackground\nZuagg (2019) argues this.",
    "The last paragraph ends Here\n\nZuagg (2019) argues this.",
])
def test_names_stop_at_a_heading_or_paragraph_break(text):
    assert names(text) == [("Zuagg",)]


@pytest.mark.parametrize("text, expected", [
    ("as Smith and\nJones (2019) show", ("Smith", "Jones")),
    ("the work of Smith,\nJones, and Lee (2019) shows", ("Smith", "Jones", "Lee")),
    ("argued by\nYoon\n(2019) before", ("Yoon",)),
    ("# Methods\n\nSmith and Jones (2019) show", ("Smith", "Jones")),
])
def test_names_wrapped_inside_a_paragraph_are_still_read(text, expected):
    assert names(text) == [expected]


def test_a_case_name_stops_at_a_heading_too():
    found, = find_citations(CleanText.identity("f", "# Key Cases\nBrown v. Board of Education (1954) held."))
    assert found.name_texts == ("Brown v. Board of Education",) and found.title_as_author


@pytest.mark.parametrize("text, expected", [
    ("varying widely between sources (Za-\nugg, 2019). The", [("Zaugg",)]),
    ("as Kor-\nnacki (2020) notes", [("Kornacki",)]),
    ("as Smith-\nJones (2018) notes", [("Smith-Jones",)]),  # a capital after it: the name's own hyphen
    ("also (Hernández-\nLópez, 2017; Lee, 2001).", [("Hernández-López",), ("Lee",)]),
])
def test_a_name_hyphenated_at_a_line_end_is_one_name(text, expected):
    # justified text in a PDF breaks a name at a hyphen: "(Za-" + "ugg, 2019)" cites Zaugg
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("as shown by Smith-\nJones (2019) here", ("Smith-Jones",)),  # was "Jones" alone: a missing reference
    ("as shown (Okafor & Smith-\nJones, 2021) here", ("Okafor", "Smith-Jones")),  # was one title "Okafor & Smith- Jones"
    ("as shown (Lee-\nFischer et al., 2019) here", ("Lee-Fischer",)),
    ("as shown (Baker & Kowal-\nski, 2001) here", ("Baker", "Kowalski")),  # hyphenated by the typesetter
    ("as Eriks-\nson and Chen (2004) show", ("Eriksson", "Chen")),
])
def test_a_compound_name_a_pdfs_line_break_cut_after_its_hyphen_is_one_name(text, expected):
    assert names(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Smith and colleagues (2019) replicated it.", ("Smith",)),
    ("Nguyen and coworkers (2018) did too.", ("Nguyen",)),
    ("Ahmed and co-workers (2016) found it.", ("Ahmed",)),
    ("so did Olsen and her colleagues (2015).", ("Olsen",)),
])
def test_and_colleagues_is_et_al_in_prose(text, expected):
    found, = find_citations(CleanText.identity("f", text))
    assert found.name_texts == expected and found.etal


def test_a_firm_and_associates_is_no_et_al():
    found, = find_citations(CleanText.identity("f", "Johnson and Associates (2019) report it."))
    assert found.name_texts == ("Johnson", "Associates") and not found.etal


@pytest.mark.parametrize("text", [
    "The Clean Air Act (1970) changed it.", "The Great Recession (2008) hurt.", "In the United States (2020), cases rose.",
    "Hurricane Katrina (2005) struck.", "the Paris Agreement (2015) and",
    "The World War II (1945) ended.", "the Vatican Council II (1962) met",  # a Roman numeral is no acronym
    "in the Treaty of Rome (1957) and", "the Battle of Hastings (1066) was", "as Chapter II (1999) says",
])
def test_a_law_an_event_or_a_place_before_a_year_is_no_citation(text):
    """Years in prose: before, each was a citation of "Clean Air Act" ..., a false missing reference."""
    assert find_citations(CleanText.identity("f", text), known_titles=["Smith"]) == ()


@pytest.mark.parametrize("text, expected", [
    ("the Smith (2019) study", ("Smith",)), ("the Smtih et al. (2019) study", ("Smtih",)),
    ("the WHO (2020) says", ("WHO",)), ("Nguyen (2016) argues", ("Nguyen",)),
])
def test_listed_names_acronyms_and_unknown_names_without_an_article_still_cite(text, expected):
    found, = find_citations(CleanText.identity("f", text), known_titles=["Smith"])
    assert found.name_texts == expected


def test_a_listed_organisation_a_line_end_hyphenated_after_an_article_still_cites():
    """natbib's \\citet{who2021} in a PDF, "by the World Health Or-" / "ganization (2021)": the name was compared
    with the listed ones as "world health or- ganization", found in none, and taken for a thing after "the" (no
    citation, and the entry a false "listed but never cited")."""
    found, = find_citations(CleanText.identity("f", "as shown by the World Health Or-\nganization (2021) and"),
                            known_titles=["World Health Organization"])
    assert found.name_texts == ("World Health Organization",) and found.year == 2021


@pytest.mark.parametrize("text, known, expected", [
    ("Smith et. al. (2019) found", [], ("Smith",)),
    ("Smith, et al. (2019) found", [], ("Smith",)),
    ("Smith et al., (2019) found", [], ("Smith",)),
    ("Smith, Jones, et al. (2019) found", ["Smith", "Jones"], ("Smith", "Jones")),  # APA's form for two such works
    ("In China, Yoon, et al. (2019) found", ["Yoon"], ("Yoon",)),
])
def test_et_al_with_its_common_slips_is_et_al(text, known, expected):
    """Before, "Smith et. al. (2019)", "Smith, et al. (2019)" and "Smith et al., (2019)" were no citations."""
    found, = find_citations(CleanText.identity("f", text), known_titles=known)
    assert found.name_texts == expected and found.etal


@pytest.mark.parametrize("text, expected", [
    ("Kim Jong-un (2019) wrote it.", [("Kim",)]), ("Wang Hui (2011) disagrees.", [("Wang",)]),
    ("Lee Kuan Yew (2000) agreed.", [("Lee",)]), ("It holds (Kim Jong-un 2019; Wang Hui, 2011).", [("Kim",), ("Wang",)]),
    ("It holds (Kowalski Nowak, 2019).", [("Kowalski Nowak",)]),  # the list has no Kowalski: the whole name
])
def test_a_listed_family_name_written_before_the_given_name_is_the_name(text, expected):
    """East Asian names family name first: before, "Kim Jong-un (2019)" for "Kim, J. (2019)" was a missing reference
    and the entry uncited."""
    found = find_citations(CleanText.identity("f", text), known_titles=["Kim", "Wang", "Lee", "Nowak"])
    assert [c.name_texts for c in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Council of Europe (2020) says", ("Council of Europe",)),
    ("as the Library of Congress (2019) lists", ("Library of Congress",)),
    ("the Department of Health and Social Care (2018) plan", ("Department of Health and Social Care",)),
    ("a view of Western Europe (2020) at large", ("Western Europe",)),  # nothing listed ends so: as it was
])
def test_a_listed_organisation_with_of_in_its_name_is_cited_whole(text, expected):
    """Before, "Europe (2020)" and "Congress (2019)" were cited, missing references whose fix would have written
    "Council of Council of Europe"."""
    found, = find_citations(CleanText.identity("f", text), known_titles=[
        "Council of Europe", "Library of Congress", "Department of Health and Social Care", "Western Europe"])
    assert found.name_texts == expected
