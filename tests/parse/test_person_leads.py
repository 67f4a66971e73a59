"""Leads of two capitalised words before APA's "(year).": a person the given-name lists do not know, an
organisation, or a book titled with a person's name (``parse.person_leads``)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from one_reference import read_one

from citecheck.model import CleanText, EntryType
from citecheck.parse.references import parse_reference_list


def _persons(ref) -> list[tuple[str, str, str]]:
    return [(a.family, a.given, a.literal) for a in ref.authors]


@pytest.mark.parametrize("use_tagger", [True, False])
def test_an_unlisted_given_name_first_is_a_person(use_tagger):
    entry = "Barack Obama. (2009). Remarks by the President at the Acceptance of the Nobel Peace Prize. The White House.\n"
    (ref,) = parse_reference_list(CleanText.identity("refs.md", entry), use_tagger=use_tagger)
    assert _persons(ref) == [("Obama", "Barack", "")]
    assert ref.title == "Remarks by the President at the Acceptance of the Nobel Peace Prize"
    assert ref.publisher == "The White House"


def test_other_unlisted_persons():
    assert _persons(read_one("Narendra Modi. (2019). Address to the nation on Article 370. Prime Minister's Office.")) == [
        ("Modi", "Narendra", "")]
    ref = read_one("Malala Yousafzai. (2014). Nobel lecture. The Nobel Prize. https://www.nobelprize.org/prizes/peace/2014/")
    assert _persons(ref) == [("Yousafzai", "Malala", "")] and ref.title == "Nobel lecture"


@pytest.mark.parametrize("entry, literal", [
    ("Human Rights Watch. (2019). World report 2019. Human Rights Watch.", "Human Rights Watch"),
    ("Amnesty International. (2020). Annual report. Amnesty International.", "Amnesty International"),
    ("Oxfam Novib. (2018). Annual report. Oxfam Novib.", "Oxfam Novib"),  # it publishes its own report
    ("Oxfam Novib. (2018). Annual report 2018.", "Oxfam Novib"),  # an organisation's kind of work
    ("Greenpeace Nordic. (2019). Arctic oil. Greenpeace.", "Greenpeace Nordic"),  # its first word again
    ("Science Explained. (2020, April 1). How vaccines are tested [Video]. YouTube.", "Science Explained"),
    ("Statistics Canada. (2022, October 26). Recent immigrants and housing [Infographic].", "Statistics Canada"),
    ("Pew Research. (2020). Americans and privacy. Pew Research Center.", "Pew Research"),
    ("Al Jazeera. (2020). Title of an article. Al Jazeera.", "Al Jazeera"),
])
def test_organisations_stay_organisations(entry, literal):
    assert _persons(read_one(entry)) == [("", "", literal)]


def test_a_title_first_entry_named_like_a_person_keeps_its_title():
    ref = read_one("Climate Change. (2020). Climate change impacts on agriculture. Penguin.")
    assert not any(a.given == "Climate" for a in ref.authors)
    assert read_one("Barack Obama. (2020, May 3). In Wikipedia. https://en.wikipedia.org/wiki/Barack_Obama").title == "Barack Obama"


@pytest.mark.parametrize("use_tagger", [True, False])
@pytest.mark.parametrize("entry, place", [
    ("Jane Eyre. (1847). Smith, Elder and Co.", ""),
    ("Jane Eyre. (1847). London: Smith, Elder and Co.", "London"),
])
def test_a_book_titled_with_a_persons_name(entry, place, use_tagger):
    (ref,) = parse_reference_list(CleanText.identity("refs.md", entry + "\n"), use_tagger=use_tagger)
    assert ref.authors == () and ref.title == "Jane Eyre"
    assert ref.publisher == "Smith, Elder and Co." and ref.place == place and ref.type is EntryType.BOOK


def test_a_person_then_a_title_is_still_the_author():
    ref = read_one("Jane Goodall. (2021). Speech at the United Nations General Assembly. United Nations.")
    assert _persons(ref) == [("Goodall", "Jane", "")] and ref.title.startswith("Speech at")
    ref = read_one("Jane Goodall. (2021). Reasons for hope. Penguin Books.")  # a title before the publisher
    assert _persons(ref) == [("Goodall", "Jane", "")] and ref.title == "Reasons for hope"


def test_an_mla_lead_before_a_quoted_title_is_a_person():
    ref = read_one('Barack Obama. "Remarks by the President at the Acceptance of the Nobel Peace Prize." The White House, '
                   "10 Dec. 2009.")
    assert _persons(ref) == [("Obama", "Barack", "")]
    assert _persons(read_one('Science Explained. "How Vaccines Are Tested." YouTube, 1 Apr. 2020.')) == [
        ("", "", "Science Explained")]
    assert _persons(read_one("Barack Obama. *A Promised Land*. Crown, 2020.")) == [("Obama", "Barack", "")]


def test_a_title_and_an_imprint_after_the_year_are_no_imprint_alone():
    # the rules joined the segments after the year without their stops, so "Hagia Sophia ... Monument Chicago:
    # University of Chicago Press" ended in a publisher's word and read as an imprint alone
    entry = "Nelson R. 1989. Hagia Sophia, 1850–1950: Holy Wisdom Modern Monument. Chicago: University of Chicago Press.\n"
    (ref,) = parse_reference_list(CleanText.identity("refs.md", entry), use_tagger=False)
    assert [a.family for a in ref.authors] == ["Nelson"] and ref.title.startswith("Hagia Sophia")


def test_undated_leads():
    assert _persons(read_one("Barack Obama. (n.d.). Remarks by the President on the economy. The White House.")) == [
        ("Obama", "Barack", "")]
    ref = read_one("Jane Eyre. (n.d.). London: Smith, Elder and Co.")
    assert ref.authors == () and ref.title == "Jane Eyre" and ref.type is EntryType.BOOK


def test_a_chicago_title_first_book_keeps_its_year_out_of_its_title():
    ref = read_one("Wuthering Heights. 1847. London: Thomas Cautley Newby.")
    assert ref.title == "Wuthering Heights" and ref.year == 1847 and ref.publisher == "Thomas Cautley Newby"
    from citecheck.parse.title_leads import year_read_into_title

    kept = replace(ref, title="Paris. 1847", raw="Jones, A. 1847. Paris. 1847. Gallimard.")
    assert year_read_into_title(kept) is kept  # an entry that does not lead with that title and year


def test_a_harvard_lead_without_its_stop():
    ref = read_one("Barack Obama (2009) Remarks by the President at the Acceptance of the Nobel Peace Prize. The White House.")
    assert _persons(ref) == [("Obama", "Barack", "")]
    # French lists write the family name first with no comma: the last word a given name, no given-first person
    ref = read_one("Gobin Corinne (2002), « De l’Union européenne à l’européanisation des mouvements sociaux ? », "
                   "Revue internationale de politique comparée, 9 (1), p. 119-138.")
    assert _persons(ref) == [("", "", "Gobin Corinne")]


def test_a_persons_name_then_a_publisher_alone_is_the_title():
    ref = read_one("Jane Eyre. (1847). Penguin Classics.")
    assert ref.authors == () and ref.title == "Jane Eyre" and ref.publisher == "Penguin Classics"


@pytest.mark.parametrize("use_tagger", [True, False])
def test_a_title_read_as_a_name_family_first_before_an_imprint(use_tagger):
    entry = "Black Skin, White Masks. (1952). Paris: Éditions du Seuil.\n"
    (ref,) = parse_reference_list(CleanText.identity("refs.md", entry), use_tagger=use_tagger)
    assert ref.authors == () and ref.title == "Black Skin, White Masks"
    assert (ref.place, ref.publisher, ref.type) == ("Paris", "Éditions du Seuil", EntryType.BOOK)
    # a given name, or an initial, makes the name a person's; a colon in a title is no imprint's
    ref = read_one("LC, Toegel S. 2010. MIQE precis: Practical implementation of minimum standard guidelines.")
    assert len(ref.authors) == 1 and ref.title.startswith("MIQE precis")


def test_a_chicago_title_first_book_is_a_book():
    ref = read_one("Animal Farm. 1945. London: Secker and Warburg.")
    assert ref.title == "Animal Farm" and ref.type is EntryType.BOOK and ref.publisher == "Secker and Warburg"
