"""Leads the tagger reads as the wrong kind of author: a title-first entry's title read as an organisation
("Labour Migration Report. (2021). The Economist."), and a news outlet read as a person ("Daily NK" as Daily, N. K.;
"Al Jazeera" as Jazeera, Al)."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText, EntryType
from citecheck.parse.references import parse_reference_list
from citecheck.pipeline import check


def _read(text: str):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", text))
    return ref


@pytest.mark.parametrize("text, title, container, publisher", [
    ("Labour Migration Report. (2021). The Economist.", "Labour Migration Report", "The Economist", ""),
    ("Migration Policy Review. (2019). The Guardian.", "Migration Policy Review", "The Guardian", ""),
    ("Global Wealth Report. (2021). Credit Suisse. https://www.credit-suisse.com/gwr", "Global Wealth Report", "",
     "Credit Suisse"),
])
def test_a_title_first_entry_with_only_its_outlet_after_the_year_keeps_its_title(text, title, container, publisher):
    # "Labour Migration Report" was the author (an organisation) and "The Economist" the title
    ref = _read(text)
    assert (ref.authors, ref.title, ref.container, ref.publisher) == ((), title, container, publisher)


@pytest.mark.parametrize("text, author", [
    ("Migration Advisory Committee. (2018). EEA migration in the UK: Final report. London: Home Office.",
     "Migration Advisory Committee"),  # a body's own word: an author
    ("Harvard Business Review. (2019). How to lead. HBR.", "Harvard Business Review"),  # a title after the year
])
def test_a_body_or_a_lead_with_its_own_title_after_the_year_stays_the_author(text, author):
    assert _read(text).authors[0].literal == author


@pytest.mark.parametrize("text, author", [
    ("Daily NK. (2019). Defectors report rising prices in Hyesan. https://www.dailynk.com/english/defectors/", "Daily NK"),
    ("Al Jazeera. (2020). Smugglers arrested. https://www.aljazeera.com/news/2020/smugglers", "Al Jazeera"),
    ("Le Monde. (2021). Les passeurs. https://www.lemonde.fr/international/article/2021/passeurs", "Le Monde"),
    ("El País. (2020). Los pasos. https://elpais.com/internacional/2020/pasos.html", "El País"),  # the site it links to
    ("Rappler. (2020). Smugglers arrested. https://www.rappler.com/nation/smugglers", "Rappler"),
])
def test_an_outlet_or_the_site_linked_to_is_an_organisation_not_a_person(text, author):
    ref = _read(text)
    assert [(a.literal, a.family) for a in ref.authors] == [(author, "")]


def test_a_person_named_as_their_site_and_a_vancouver_author_stay_persons():
    jane = _read("Jane Smith. (2020). My garden. https://janesmith.com/garden")
    assert (jane.authors[0].family, jane.authors[0].literal) == ("Smith", "")
    refs = parse_reference_list(CleanText.identity("refs.md", "1. Knuth DE. The TeXbook. Reading, MA: Addison-Wesley; 1984.\n"
                                                  "2. Smith J. Another book. London: Penguin; 1999.\n"))
    assert [(r.authors[0].family, r.authors[0].given) for r in refs] == [("Knuth", "D. E."), ("Smith", "J.")]


def test_a_sole_name_with_capitals_in_a_list_without_vancouver_names_is_an_organisation():
    refs = parse_reference_list(CleanText.identity("refs.md", "India TV. (2020). Migrant workers walk home. India TV News.\n\n"
                                                  "Smith, J. (2019). *A book*. Penguin.\n"))
    assert [(r.authors[0].literal, r.authors[0].family) for r in refs] == [("India TV", ""), ("", "Smith")]


def test_an_essay_citing_an_outlet_and_a_report_by_its_title(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# Labour\n\nShortages grew (*Labour Migration Report*, 2021), and prices rose (Daily NK, 2019; Al Jazeera, "
        "2020).\n\n## References\n\nAl Jazeera. (2020). Smugglers arrested. https://www.aljazeera.com/news/2020/smugglers\n\n"
        "Daily NK. (2019). Defectors report rising prices in Hyesan. https://www.dailynk.com/english/defectors/\n\n"
        "Labour Migration Report. (2021). The Economist.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert all(result.citation_targets) and not [f for f in result.findings if f.severity.name != "INFO"]
    assert result.references[2].type is EntryType.NEWS


@pytest.mark.parametrize("text", ["grew (*Labour Migration Report*, 2021).", "grew (_Labour Migration Report_, 2021)."])
def test_an_italic_title_and_a_year_cite_a_work_without_an_author(text):
    # APA 7's citation of a work without an author: the italics kept it from being read at all
    from citecheck.parse.citations import find_citations

    (found,) = find_citations(CleanText.identity("f", text))
    assert (found.name_texts, found.year, found.title_as_author) == (("Labour Migration Report",), 2021, True)
