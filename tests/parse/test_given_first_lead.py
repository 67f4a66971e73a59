"""A person's name written given name first before the year is the author, not a title-first entry's title."""
from __future__ import annotations

from one_reference import read_one


def test_a_given_first_name_before_the_year_is_the_author():
    ref = read_one("Jane Goodall. (2021). Speech at the World Health Assembly. World Health Organization.")
    assert [(a.family, a.given) for a in ref.authors] == [("Goodall", "Jane")]
    assert ref.title == "Speech at the World Health Assembly" and ref.publisher == "World Health Organization"


def test_a_title_first_entry_keeps_its_title():
    # an encyclopedia's article named after a person, and a title in title case that opens with a given name
    assert read_one("Barack Obama. (2020, May 3). In Wikipedia. https://en.wikipedia.org/wiki/Barack_Obama").title == "Barack Obama"
    from citecheck.parse.references import _given_first_person

    assert not _given_first_person("Grace Under Pressure".split())  # a title's small word
    assert not _given_first_person("Zxq Goodall".split())  # no known given name first
    assert _given_first_person("Hugh Craig".split()) and not _given_first_person(["Hugh"])


def test_a_speech_at_an_assembly_is_the_title_not_an_organisation():
    # the tagger reads the name before the year as the author and the speech after it as the title; the rules took
    # the name for a title-first entry's title, and the speech, holding "Assembly", for an organisation's name
    ref = read_one("Tedros Adhanom Ghebreyesus. (2021). Speech at the World Health Assembly. World Health Organization.")
    assert ref.title == "Speech at the World Health Assembly" and ref.publisher == "World Health Organization"
    assert [a.literal or a.family for a in ref.authors] == ["Tedros Adhanom Ghebreyesus"]
    assert read_one("Barack Obama. (2009). Address to the Nation. The White House.").title == "Address to the Nation"
