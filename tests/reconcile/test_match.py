"""Matching citations to references: exact, fuzzy, by title, ambiguous, none."""
from __future__ import annotations

import pytest

from citecheck.model import Name
from citecheck.reconcile import MatchKind, match_citations


def only(citation, *references):
    (match,) = match_citations([citation], references)
    return match


def test_exact_match_ignores_case_accents_and_whitespace(cite, ref):
    references = (ref("a", "Smith", year=2020), ref("b", "Müller", year=2020))
    match = only(cite("MULLER  ", year=2020), *references)
    assert (match.kind, match.reference, match.differences) == (MatchKind.EXACT, 1, ())
    match = only(cite("Mueller", year=2020), *references)  # a spelling, not a folding: a fuzzy match
    assert (match.kind, match.reference) == (MatchKind.FUZZY, 1)


def test_every_cited_name_is_compared_not_only_the_first(cite, ref, person):
    citation = cite("Enos", "Kin", year=2019)
    enos = ref("enos2019", person("Enos", "Olivia"), person("Kim", "Yunjin"), year=2019)
    match = only(citation, enos)
    assert match.kind is MatchKind.FUZZY
    (difference,) = match.differences
    assert (difference.position, difference.cited.text, difference.listed) == (1, "Kin", "Kim")
    assert difference.cited.span == citation.names[1].span


def test_transposed_letters_match_fuzzily(cite, ref, person):
    match = only(cite("Zuagg", year=2019), ref("z", person("Zaugg", "Julie"), year=2019), ref("y", "Yoon", year=2019))
    assert (match.kind, match.reference) == (MatchKind.FUZZY, 0)
    assert [(d.cited.text, d.listed) for d in match.differences] == [("Zuagg", "Zaugg")]


def test_locator_does_not_get_in_the_way(cite, ref, person):
    match = only(cite("Haerens", year=2012, locator="p 16"), ref("h", person("Haerans", "Margaret"), year=2012))
    assert match.kind is MatchKind.FUZZY and match.reference == 0


def test_fuzzy_name_needs_the_same_year(cite, ref):
    assert only(cite("Zuagg", year=2018), ref("z", "Zaugg", year=2019)).kind is MatchKind.NONE


def test_two_differing_names_are_not_one_work(cite, ref):
    assert only(cite("Enes", "Kin", year=2019), ref("e", "Enos", "Kim", year=2019)).kind is MatchKind.NONE


def test_short_names_one_letter_apart_are_different_people(cite, ref):
    assert only(cite("Wu", year=2017), ref("yu", "Yu", year=2017)).kind is MatchKind.NONE


def test_title_as_author_differing_only_in_case(cite, ref):
    dhs = ref("dhs", title="What Is Human Trafficking?")
    match = only(cite("What is Human Trafficking?", nd=True, title=True), dhs)
    assert (match.kind, match.reference, match.by_title, match.differences) == (MatchKind.EXACT, 0, True, ())


def test_title_citation_without_year_skips_a_book_with_that_title_and_an_author(cite, ref, person):
    haerans = ref("haerans2012", person("Haerans", "Margaret"), title="Human Trafficking", year=2012)
    unodc = ref("unodc", title="Human Trafficking")
    china = ref("htchina", title="Human Trafficking in China", year=2014)
    match = only(cite("Human Trafficking", title=True), haerans, china, unodc)
    assert (match.kind, match.reference) == (MatchKind.EXACT, 2)


def test_title_citation_without_year_matches_the_dated_entry(cite, ref):
    title = "China: Newly adopted Foreign NGO Law should be repealed, UN experts urge"
    match = only(cite(title, title=True), ref("other", title="Human Trafficking"), ref("ngo2016", title=title, year=2016))
    assert (match.kind, match.reference) == (MatchKind.EXACT, 1)


def test_leading_the_and_trailing_punctuation_are_ignored_in_titles(cite, ref):
    entry = ref("ngo", title="The Foreign NGO Law and its Implementation.", year=2021)
    assert only(cite("Foreign NGO law and its implementation", year=2021, title=True), entry).kind is MatchKind.EXACT


def test_title_within_ratio_90_is_a_fuzzy_title_match(cite, ref):
    entry = ref("crux", title="Human trafficking in developed countries more common than previously thought", year=2018)
    match = only(cite("Human trafficking in developed countries more common than previously taught", year=2018,
                      title=True), entry)
    assert (match.kind, match.by_title) == (MatchKind.FUZZY, True)
    assert match.differences[0].listed == entry.title


def test_et_al_matches_a_work_with_three_or_more_authors(cite, ref):
    three = ref("smith3", "Smith", "Jones", "Lee", year=2019)
    match = only(cite("Smith", year=2019, etal=True), ref("smithjones", "Smithers", year=2019), three)
    assert (match.kind, match.reference) == (MatchKind.EXACT, 1)


def test_et_al_after_a_later_author_is_found_as_such(cite, ref):
    entry = ref("raj", "Rajagopalan", "Pearson", "Lee", year=2014)
    assert only(cite("Pearson", year=2014, etal=True), entry).kind is MatchKind.ETAL_ORDER


def test_year_suffixes_pick_the_right_entry(cite, ref):
    a, b = ref("smith2019a", "Smith", year=2019, suffix="a"), ref("smith2019b", "Smith", year=2019, suffix="b")
    assert only(cite("Smith", year=2019, suffix="b"), a, b).reference == 1
    match = only(cite("Smith", year=2019), a, b)
    assert (match.kind, match.reference, match.candidates) == (MatchKind.AMBIGUOUS, None, (0, 1))


def test_same_author_and_year_without_suffix_is_ambiguous(cite, ref):
    match = only(cite("Yoon", year=2019), ref("y1", "Yoon", title="Sex Slaves", year=2019),
                 ref("y2", "Yoon", title="Other", year=2019))
    assert (match.kind, match.candidates) == (MatchKind.AMBIGUOUS, (0, 1))


def test_citation_without_year_is_ambiguous_between_two_years(cite, ref):
    match = only(cite("Yoon"), ref("y1", "Yoon", year=2018), ref("y2", "Yoon", year=2019))
    assert match.kind is MatchKind.AMBIGUOUS


def test_names_right_year_wrong_is_a_year_difference(cite, ref):
    match = only(cite("Newman", year=2012), ref("n", "Newman", year=2013), ref("o", "Other", year=2012))
    assert (match.kind, match.reference) == (MatchKind.YEAR_DIFFERS, 0)


def test_same_year_beats_another_year_and_full_author_list_beats_first_only(cite, ref):
    solo, pair = ref("solo", "Smith", year=2019), ref("pair", "Smith", "Jones", year=2019)
    assert only(cite("Smith", year=2019), pair, solo).reference == 1
    assert only(cite("Smith", "Jones", year=2019), solo, pair).reference == 1
    assert only(cite("Smith", year=2019), ref("old", "Smith", year=2001), pair).reference == 1


def test_matches_are_parallel_to_citations(cite, ref):
    citations = [cite("A", year=2001), cite("B", year=2002), cite("C", year=2003)]
    matches = match_citations(citations, [ref("b", "B", year=2002)])
    assert [m.citation for m in matches] == [0, 1, 2]
    assert [m.reference for m in matches] == [None, 0, None]


@pytest.mark.parametrize("index, key", [(2, "unodc"), (4, "dhs"), (5, "haerans2012"), (11, "zaugg2019"),
                                        (14, "enos2019"), (18, "boe2005"), (28, "ngo2016"), (17, None)])
def test_eir_citations_find_their_entries(eir, index, key):
    citations, references = eir
    match = match_citations(citations, references)[index]
    assert (references[match.reference].key if match.found else None) == key


def test_et_al_picks_the_entry_with_three_or_more_authors_over_a_single_author(cite, ref):
    a = ref("smith2019a", "Smith", "Jones", "Lee", year=2019, suffix="a")
    b = ref("smith2019b", "Smith", year=2019, suffix="b")
    match = only(cite("Smith", year=2019, etal=True), a, b)
    assert (match.kind, match.reference, match.rivals) == (MatchKind.YEAR_DIFFERS, 0, (1,))
    match = only(cite("Smith", year=2019), a, b)  # no "et al.": the single author
    assert (match.kind, match.reference, match.rivals) == (MatchKind.YEAR_DIFFERS, 1, (0,))


def test_et_al_for_two_authors_is_closer_than_for_one(cite, ref):
    pair, solo = ref("pair", "Smith", "Jones", year=2019), ref("solo", "Smith", year=2019)
    assert only(cite("Smith", year=2019, etal=True), solo, pair).reference == 1


def test_et_al_between_two_works_of_three_authors_is_still_ambiguous(cite, ref):
    a = ref("a", "Smith", "Jones", "Lee", year=2019, suffix="a")
    b = ref("b", "Smith", "Park", "Kim", year=2019, suffix="b")
    assert only(cite("Smith", year=2019, etal=True), a, b).kind is MatchKind.AMBIGUOUS


@pytest.mark.parametrize("cited", ["van der Berg", "Van der Berg", "Berg"])
def test_a_name_with_a_particle_matches_with_or_without_it(cite, ref, cited):
    berg = ref("berg2017", Name(family="Berg", particle="van der", given="J."), year=2017)
    match = only(cite(cited, year=2017), ref("other", "Bergman", year=2017), berg)
    assert (match.kind, match.reference, match.differences) == (MatchKind.EXACT, 1, ())


def test_a_misspelt_particle_name_is_a_fuzzy_match_against_the_full_name(cite, ref):
    berg = ref("berg2017", Name(family="Berg", particle="van der", given="J."), year=2017)
    match = only(cite("Van der Burg", year=2017), berg)
    assert match.kind is MatchKind.FUZZY
    assert [(d.cited.text, d.listed) for d in match.differences] == [("Van der Burg", "van der Berg")]


def test_an_organisation_matches_its_acronym_and_its_bracketed_first_citation(cite, ref):
    who = ref("who2020", Name(literal="World Health Organization"), year=2020)
    other = ref("wha2020", Name(literal="World Heart Association"), year=2020)
    assert only(cite("WHO", year=2020), other, who).reference == 1
    bracketed = cite("World Health Organization [WHO]", year=2020, title=True)  # the parser takes it for a title
    assert (only(bracketed, other, who).kind, only(bracketed, other, who).reference) == (MatchKind.EXACT, 1)
    assert only(cite("Who", year=2020), who).kind is MatchKind.NONE


def test_a_title_citation_does_not_match_a_person(cite, ref):
    assert only(cite("Human Trafficking", year=2012, title=True), ref("h", "Human", year=2012)).kind is MatchKind.NONE


def test_an_organisation_misread_as_a_title_is_still_found_by_name_or_acronym(cite, ref):
    misread = ref("who2020", title="World Health Organization (WHO)", year=2020)
    for cited in ("World Health Organization", "WHO"):
        match = only(cite(cited, year=2020, title=cited != "WHO"), misread)
        assert (match.kind, match.differences) == (MatchKind.EXACT, ())


def test_a_listed_et_al_is_not_an_author_named_others(cite, ref):
    brown = ref("brown2016", "Brown", Name(literal="others", raw="et al."), year=2016)
    match = only(cite("Brown", year=2016, etal=True), ref("solo", "Brown", year=2016), brown)
    assert (match.kind, match.reference) == (MatchKind.EXACT, 1)


def test_et_al_with_the_same_year_prefers_the_many_author_work(cite, ref):
    solo, three = ref("solo", "Smith", year=2019), ref("three", "Smith", "Jones", "Lee", year=2019)
    match = only(cite("Smith", year=2019, etal=True), solo, three)
    assert (match.kind, match.reference, match.rivals) == (MatchKind.EXACT, 1, (0,))


def test_each_entry_is_read_once_however_many_citations_compare_with_it(cite, ref, person, monkeypatch):
    # time linear in the list: each citation folded every entry's names again (twice), so 100 citations
    # against 3,000 entries took 18.9 s of CPU to match (3.8 s with each entry read once)
    import citecheck.reconcile.listed as listed_module

    calls: list[str] = []
    listed_names = listed_module.listed_names

    def counted(reference):
        calls.append(reference.key)
        return listed_names(reference)

    monkeypatch.setattr(listed_module, "listed_names", counted)
    import citecheck.reconcile.match as match_module

    monkeypatch.setattr(match_module, "listed_names", counted)
    references = tuple(ref(f"r{i}", person(f"Okafor{chr(97 + i % 26)}{i}", "Ada"), year=2000 + i % 20) for i in range(200))
    citations = [cite(f"Okafor{chr(97 + i % 26)}{i}", year=2000 + i % 20) for i in range(0, 200, 10)]
    matches = match_citations(citations, references)
    assert [m.reference for m in matches] == list(range(0, 200, 10))
    assert len(calls) <= 2 * len(references)  # once for the names, once for the count (20 citations: 8,000 before)
