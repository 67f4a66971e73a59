"""Citations by a name that is no author's: a legal case cited author-date ("(Brown v. Board of
Education 1954)") and MLA's citation of a work without an author by its title ("(*Beloved*)",
'("Toni Morrison Papers")'). Each is read as one title-as-author, reported missing when no entry
has it, and matched to the entry listed under it (the case's name, the title written first)."""
from __future__ import annotations

import dataclasses

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText, Kind
from citecheck.parse.citations import author_page_candidates, find_citations
from citecheck.pipeline import check
from citecheck.reconcile import reconcile


def _cited(text: str, known: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str, bool]]:
    return [(c.name_texts, c.year_label, c.title_as_author)
            for c in find_citations(CleanText.identity("e.md", text), known_titles=known)]


def _run(tmp_path, monkeypatch, essay: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.md").write_text(essay, encoding="utf-8")
    result = check(["essay.md"], Settings())
    targets = {c.text: t for c, t in zip(result.citations, result.citation_targets)}
    return result, targets


def _kinds(result, *kinds: Kind) -> list:
    return [f for f in result.findings if f.kind in kinds]


# --- legal cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("written, name", [
    ("(Brown v. Board of Education 1954)", "Brown v. Board of Education"),
    ("(Brown v. Board of Education, 1954)", "Brown v. Board of Education"),
    ("(Brown v Board of Education 1954)", "Brown v Board of Education"),
    ("(Brown vs. Board of Education, 1954)", "Brown vs. Board of Education"),
    ("(Roe v. Wade, 1973)", "Roe v. Wade"),
    ("(Roe v Wade 1973)", "Roe v Wade"),
    ("(United States v. Nixon 1974)", "United States v. Nixon"),
    ("(Planned Parenthood of Southeastern Pa. v. Casey 1992)", "Planned Parenthood of Southeastern Pa. v. Casey"),
    ("(see Smith v Jones & Co 1999)", "Smith v Jones & Co"),
])
def test_a_case_name_is_one_title_as_author(written, name):
    (cited,) = _cited(f"The ruling {written} changed schooling.")
    assert cited[0] == (name,) and cited[2] is True


def test_a_case_is_cited_with_a_page_and_among_other_citations():
    found = find_citations(CleanText.identity("e.md", "(see Brown v. Board of Education 1954, 495; Smith 2019)"))
    assert [(c.name_texts, c.year, c.locator) for c in found] == [
        (("Brown v. Board of Education",), 1954, "495"), (("Smith",), 2019, "")]


@pytest.mark.parametrize("sentence, name", [
    ("In Brown v. Board of Education (1954), the court", "Brown v. Board of Education"),
    ("The court had ruled. Roe v. Wade (1973) then held", "Roe v. Wade"),
    ("As U.S. v. Nixon (1974) shows", "U.S. v. Nixon"),
])
def test_a_narrative_case_citation_gives_the_whole_name_not_its_last_word(sentence, name):
    (cited,) = _cited(sentence)
    assert cited == ((name,), cited[1], True)


def test_names_that_are_no_case_are_read_as_before():
    assert _cited("(Smith & Jones 1999) and Yoon (2019) argues") == [
        (("Smith", "Jones"), "1999", False), (("Yoon",), "2019", False)]
    assert _cited("as held in v. Wade (1973)") == [(("Wade",), "1973", False)]


LEGAL = """# Essay

The ruling ({cite}) changed schooling; see also (Smith 2019).

## References

{entry}Smith, John. 2019. *Water and Cities*. Chicago: University of Chicago Press.
"""


def test_a_case_without_an_entry_is_a_missing_reference(tmp_path, monkeypatch):
    result, targets = _run(tmp_path, monkeypatch, LEGAL.format(cite="Brown v. Board of Education 1954", entry=""))
    (missing,) = _kinds(result, Kind.MISSING_REFERENCE)
    assert missing.citation == "Brown v. Board of Education 1954" and targets["Smith 2019"] == "smithWater2019"
    assert not _kinds(result, Kind.NAME_MISMATCH, Kind.UNCITED_REFERENCE)


@pytest.mark.parametrize("entry", [
    "Brown v. Board of Education. 1954. 347 U.S. 483.",
    "Brown v. Board of Education, 347 U.S. 483 (1954).",
])
@pytest.mark.parametrize("cite", [
    "Brown v. Board of Education 1954", "Brown v. Board of Education, 1954", "Brown vs. Board of Education 1954",
])
def test_a_case_matches_the_entry_listed_under_its_name(tmp_path, monkeypatch, entry, cite):
    result, targets = _run(tmp_path, monkeypatch, LEGAL.format(cite=cite, entry=entry + "\n\n"))
    assert targets[cite] is not None and targets[cite] != "smithWater2019"
    assert not _kinds(result, Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE, Kind.NAME_MISMATCH, Kind.YEAR_MISMATCH)


def test_a_case_name_fits_no_entry_of_a_party_of_the_same_name(ref, cite):
    brown = ref("brown1954", "Brown", title="Schools", year=1954)
    (match,) = reconcile([cite("Brown v. Board of Education", year=1954, title=True)], [brown], ()).matches
    assert not match.found


# --- MLA's title citations ---------------------------------------------------------------------

MLA = """# Essay

Morrison's fiction revisits trauma (Morrison 23). The archive shows this ("Toni Morrison Papers").
A film adaptation reframed it ({film}).

## Works Cited

Morrison, Toni. *Beloved*. 1987. Vintage International, 2004.

"Toni Morrison Papers." *Princeton University Library*, Princeton U, findingaids.princeton.edu/catalog/C1491. Accessed 3 Mar. 2020.
{listed}"""
FILM = "\n*Beloved*. Directed by Jonathan Demme, Touchstone Pictures, 1998.\n"


@pytest.mark.parametrize("film", ["*Beloved*", "*Beloved* 12", "_Beloved_"])
def test_mla_title_citations_match_the_entries_listed_under_their_titles(tmp_path, monkeypatch, film):
    result, targets = _run(tmp_path, monkeypatch, MLA.format(film=film, listed=FILM))
    film_key = next(r.key for r in result.references if r.raw.startswith("*Beloved*"))
    assert targets == {"Morrison 23": "morrisonBeloved1987", '"Toni Morrison Papers"': "pulpuTonind",
                       film: film_key}  # (*Beloved*) with no author is the film, listed under its title
    assert not _kinds(result, Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE, Kind.AMBIGUOUS_CITATION,
                      Kind.CITATION_MISSING_YEAR)


def test_an_mla_title_no_entry_has_is_a_missing_reference(tmp_path, monkeypatch):
    result, targets = _run(tmp_path, monkeypatch, MLA.format(film="*The Bluest Eye*", listed=""))
    (missing,) = _kinds(result, Kind.MISSING_REFERENCE)
    assert missing.citation == "*The Bluest Eye*" and targets["*The Bluest Eye*"] is None
    assert not _kinds(result, Kind.UNCITED_REFERENCE)


def test_a_title_listed_only_under_its_author_is_missing_and_the_authored_entry_named(tmp_path, monkeypatch):
    result, _ = _run(tmp_path, monkeypatch, MLA.format(film="*Beloved*", listed=""))
    (missing,) = _kinds(result, Kind.MISSING_REFERENCE)
    assert missing.citation == "*Beloved*" and "listed under its author" in missing.message
    assert "(Morrison)" in missing.message and "morrisonBeloved1987" in missing.evidence[0].detail


def test_prose_in_quotes_or_italics_is_no_mla_title_citation():
    text = CleanText.identity("e.md", 'The word (*sic*) and ("so to speak") and ("a haunting"), (*The*), (*Beloved*).')
    assert [c.name_texts for c in author_page_candidates(text, ())] == [("Beloved",)]


def test_quoted_and_italic_phrases_stay_prose_in_an_author_date_document(tmp_path, monkeypatch):
    essay = """# Essay

Trauma recurs (Morrison, 1987). The word (*sic*), the phrase ("So To Speak") and (*Beloved*) stay prose.

## References

Morrison, T. (1987). *Beloved*. Knopf.
"""
    result, targets = _run(tmp_path, monkeypatch, essay)
    assert targets == {"Morrison, 1987": "morrisonBeloved1987"} and result.findings == ()


def test_a_known_title_in_quotes_alone_is_a_citation():
    assert _cited('The archive ("Toni Morrison Papers").', ("Toni Morrison Papers",)) == [
        (("Toni Morrison Papers",), "", True)]
    assert _cited('The archive ("Toni Morrison Papers").') == []


def test_a_title_citation_fits_an_entry_that_begins_with_that_whole_title(ref, cite):
    film = dataclasses.replace(ref("film1998", "Directed", title="", year=1998),
                               raw="*Beloved*. Directed by Jonathan Demme, Touchstone Pictures, 1998.")
    longer = dataclasses.replace(ref("study2001", title="Beloved Reconsidered", year=2001),
                                 raw="*Beloved Reconsidered*. Knopf, 2001.")
    result = reconcile([cite("Beloved", title=True)], [film, longer], ())
    assert result.targets == ("film1998",)


def test_a_title_alone_prefers_the_entry_listed_under_it_to_an_authored_one_with_that_title(ref, cite):
    novel = dataclasses.replace(ref("morrison1987", "Morrison", title="Beloved", year=1987),
                                raw="Morrison, Toni. *Beloved*. 1987. Vintage International, 2004.")
    film = dataclasses.replace(ref("beloved1998", title="Beloved", year=1998),
                               raw="*Beloved*. Directed by Jonathan Demme, Touchstone Pictures, 1998.")
    citations = [cite("Beloved", title=True, text="*Beloved*"), cite("Morrison", locator="23", text="Morrison 23")]
    result = reconcile(citations, [novel, film], ())
    assert result.targets == ("beloved1998", "morrison1987") and result.findings == ()


def test_a_case_name_in_italics_is_read_without_them():
    assert _cited("(*Brown v. Board of Education* 1954) and (*Roe v. Wade*, 1973)") == [
        (("Brown v. Board of Education",), "1954", True), (("Roe v. Wade",), "1973", True)]
    (found,) = find_citations(CleanText.identity("e.md", "In *Roe v. Wade* (1973) the court"))
    assert (found.text, found.name_texts, found.title_as_author) == ("*Roe v. Wade* (1973)", ("Roe v. Wade",), True)
    assert _cited("(*Homo sapiens* 2019)") == []  # an italic phrase and a year is no citation
