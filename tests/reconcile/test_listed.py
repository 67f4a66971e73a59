"""How entries are named in citations: particles, organisations and acronyms, truncated author lists."""
from __future__ import annotations

import pytest

from citecheck.model import Name
from citecheck.reconcile.checks import describe
from citecheck.reconcile.listed import author_count, fits, is_truncated, listed_names, literal_name

ETAL = Name(literal="others", raw="et al.")
BERG = Name(family="Berg", particle="van der", given="J.", raw="van der Berg, J.")


@pytest.mark.parametrize("cited", ["van der Berg", "Van der Berg", "VAN DER BERG", "Berg", "van der  Berg"])
def test_a_particle_may_be_written_or_left_out(ref, cited):
    (listed,) = listed_names(ref("berg2017", BERG, year=2017))
    assert listed.text == "van der Berg"
    assert fits(cited, listed)


@pytest.mark.parametrize("cited", ["van Berg", "der Berg", "van der Burg", "Vanderberg x"])
def test_a_particle_name_is_not_any_name_ending_in_the_family_name(ref, cited):
    (listed,) = listed_names(ref("berg2017", BERG, year=2017))
    assert not fits(cited, listed)


@pytest.mark.parametrize("cited, ok", [("Kim", True), ("Kim Jong-il", True), ("Kim Jong il", True),
                                       ("Jong-il", False), ("Kim Jong-un", False)])
def test_a_name_may_be_cited_whole_family_first(ref, cited, ok):
    (listed,) = listed_names(ref("kim1994", Name(family="Kim", given="Jong-il", raw="Kim Jong-il"), year=1994))
    assert fits(cited, listed) is ok


@pytest.mark.parametrize("cited, ok", [
    ("WHO", True), ("W.H.O.", True), ("World Health Organization", True),
    ("World Health Organization [WHO]", True), ("World Health Organisation", False), ("Who", False), ("WH", False),
])
def test_an_organisation_is_cited_by_name_or_by_its_initials_in_capitals(cited, ok):
    assert fits(cited, literal_name("World Health Organization")) is ok


def test_an_acronym_the_entry_gives_is_a_way_to_cite_it():
    listed = literal_name("United Nations Children's Fund (UNICEF)")
    assert listed.text == "United Nations Children's Fund"
    assert fits("UNICEF", listed) and fits("United Nations Children's Fund", listed)
    assert not fits("UNCF", listed)  # initials of the words are not what it calls itself...
    assert fits("UNCF", literal_name("United Nations Children's Fund"))  # ...unless it gives no acronym


def test_an_abnt_jurisdiction_with_its_kind_is_cited_by_the_jurisdiction():
    # ABNT's "SÃO PAULO (Estado). Secretaria ...", cited "(SÃO PAULO, 2015)": before, a missing reference
    listed = literal_name("SÃO PAULO (Estado)")
    assert listed.text == "SÃO PAULO"
    assert fits("SÃO PAULO", listed) and fits("São Paulo", listed) and fits("SÃO PAULO (Estado)", listed)
    assert not fits("Greenpeace", literal_name("Friends of the Earth (Greenpeace)"))


def test_initials_need_two_capitalised_words():
    assert literal_name("Greenpeace").initials == ""
    assert literal_name("human trafficking in china").initials == ""
    assert literal_name("Centers for Disease Control and Prevention").initials == "CDCP"


def test_a_listed_et_al_truncates_the_author_list(ref):
    brown = ref("brown2016", Name(family="Brown", given="A."), ETAL, year=2016)
    assert [n.text for n in listed_names(brown)] == ["Brown"]
    assert is_truncated(brown) and author_count(brown) == 3
    longer = ref("long", "A", "B", "C", ETAL, year=2016)
    assert author_count(longer) == 4
    assert not is_truncated(ref("solo", "Smith", year=2016)) and author_count(ref("solo", "Smith", year=2016)) == 1


@pytest.mark.parametrize("authors, who", [
    (("Smith",), "Smith"),
    (("Smith", "Jones"), "Smith & Jones"),
    (("Smith", "Jones", "Lee"), "Smith, Jones & Lee"),
    (("Smith", "Jones", "Lee", "Park"), "Smith et al."),
    (("Smith", ETAL), "Smith et al."),
    ((BERG, "Jones"), "van der Berg & Jones"),
])
def test_describe_names_the_authors_as_a_citation_would(ref, authors, who):
    assert describe(ref("k", *authors, title="T", year=2019, suffix="a")) == f"{who} (2019a) T"


@pytest.mark.parametrize("literal, cited, ok", [
    ("Aykut Firat", "Firat", True), ("Chidi Okafor", "Okafor", True), ("Mary Ann Okafor", "Okafor", True),
    ("Aykut Firat", "Aykut", False), ("HP Boe", "Boe", False), ("Our World in Data", "Data", False),
])
def test_a_person_kept_whole_for_an_unknown_given_name_is_cited_by_the_family_name(ref, literal, cited, ok):
    """The parser keeps "Aykut Firat, 2003." whole when it does not know the given name; the
    citation "(Firat 2003)" names the family name alone."""
    (listed,) = listed_names(ref("firat2003", Name(literal=literal, raw=literal), year=2003))
    assert fits(cited, listed) is ok
    assert fits(literal, listed)
