"""Leads of two capitalised words before APA's bracketed year: a person whose given name the lists do not know,
and a book titled with a person's name.

"Barack Obama. (2009). Remarks by the President ..." names a person: APA writes a person family name first,
but a user pasting a speech, a post or a statement writes the name as it is known, and a two-word lead before
"(year)." is a person or an organisation. The name parser keeps "Barack Obama" whole (its given name is in no
list, and "Goldman Sachs" is shaped so too), so the lead says more than the name: two capitalised words, neither
all capitals (an acronym), nor an organisation's word ("Institute", "Watch", "International"), nor shaped as an
English word is ("Statistics Canada", "Science Explained": a word ending in "-ics", "-ed", "-tion" ... or a
plural), not opening with an article; and the entry does not name the lead again ("Oxfam Novib. (2018). Annual
report. Oxfam Novib.": an organisation publishes its own report; nor its first word: "Climate Change. (2020). Climate
change impacts ...", a title) nor call its work an organisation's ("Annual
report", "Press release").

"Jane Eyre. (1847). Smith, Elder and Co." is the other way round: a person's name leads, but nothing follows the
year but an imprint ("London: Smith, Elder and Co.", or a publisher's name: "... and Co.", "Press", "Books"),
so the name is the book's title and the book has no author (``title_only_person``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from ..model import EntryType, Name, Reference
from .entry_bodies import is_news_outlet
from .given_names import is_given_name_anywhere
from .names import ORGANISATION_WORDS, is_organisation, parse_name
from .reference_segments import keep_abbreviation_stop

_WORD: Final = re.compile(r"^[^\W\d_][^\W\d_]*(?:['’\-][^\W\d_]+)*$")
# endings of English words that are rarely a name's: "Statistics", "Explained", "Learning", "Foundation" ...
_WORD_ENDINGS: Final = ("ics", "ed", "ing", "tion", "sion", "ment", "ness", "ity", "ship", "ism", "ist", "ology",
                        "ure", "ance", "ence", "ive", "ous", "ful", "less", "ies", "ers", "ists", "ians")
_ARTICLES: Final = frozenset("the a an le la les el los las der die das de".split())
# works an organisation publishes, never a person's speech or post ("Oxfam Novib. (2018). Annual report.")
_ORGANISATION_WORKS: Final = re.compile(
    r"^(?:annual\s+(?:report|review)|report\b|press\s+release|policy\s+(?:brief|paper)|fact\s*sheet|strategy\b"
    r"|position\s+paper|briefing\b|statement\s+of\s+accounts)", re.IGNORECASE)
# APA's "(2009).", "(2009, December 10).", "(n.d.).", or MLA's quoted or italic title next ("Barack Obama. "Remarks
# ..." The White House, 10 Dec. 2009.", "Barack Obama. *A Promised Land*."): what follows a person's or a body's lead
_LEAD_YEAR: Final = re.compile(r"\s*(?:\((?:(?:1[0-9]|20)\d{2}[a-z]?(?:,[^()]*)?|n\.\s?d\.?)\)\.?|(?=[\"“*_]))\s*")
# ... and for a book's title before its imprint, Chicago's bare year too: "Animal Farm. 1945. London: Secker and Warburg."
_BOOK_YEAR: Final = re.compile(r"\s*(?:\((?:(?:1[0-9]|20)\d{2}[a-z]?(?:,[^()]*)?|n\.\s?d\.?)\)\.?|(?:1[5-9]|20)\d{2}[a-z]?\.)\s*")
_IMPRINT_PLACE: Final = re.compile(r"^[^\W\d_][\w.'’\- ]{1,40}?(?:,\s*[A-Z][\w.]{1,20})?\s*:\s*(?P<publisher>[^\W_][^:]{1,80})$")
# the words that end a publisher's name: "Smith, Elder and Co.", "Penguin Books", "Harvard University Press"
_PUBLISHER_END: Final = re.compile(
    r"(?:\b(?:and|&)\s+(?:Co|Sons|Company)|\b(?:Press|Books|Classics|Paperbacks|Publishers|Publishing|Verlag|Editions|Ltd|Inc|Bros"
    r"|Co|Company|Limited))\.?$")
_LINK: Final = re.compile(r"\s*<?(?:https?://|www\.|doi:)\S+|\s*\b10\.\d{4,9}/\S+", re.IGNORECASE)


def unlisted_person(lead: str, rest: str) -> bool:
    """Whether ``lead`` ("Barack Obama", its stop taken off) before APA's "(year)." is a person given name first
    whose given name the lists do not know; ``rest`` is the entry's text after the year."""
    words = lead.split()
    if len(words) != 2 or not all(_name_word(w) for w in words) or words[0].lower() in _ARTICLES:
        return False
    if is_organisation(lead) or is_news_outlet(lead):
        return False
    if is_given_name_anywhere(words[-1]):  # "Gobin Corinne (2002)": French, the family name first
        return False
    rest = " ".join(rest.split())
    # the entry names the lead again, or its first word ("Greenpeace Nordic. (2019). Arctic oil. Greenpeace.",
    # "Climate Change. (2020). Climate change impacts ..."): a body, or a title's words; a person's family name
    # may come again ("Remarks by President Obama"), a given name hardly
    again = re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)", re.IGNORECASE)
    return not again.search(rest) and not _ORGANISATION_WORKS.match(rest.lstrip("*_\"“ "))


def _name_word(word: str) -> bool:
    lower = word.lower()
    return (bool(_WORD.match(word)) and word[:1].isupper() and not word.isupper() and len(word) >= 2
            and lower not in ORGANISATION_WORDS and not lower.endswith(_WORD_ENDINGS)
            and not (lower.endswith("s") and not lower.endswith(("ss", "us", "is", "os", "as", "es"))))


def lead_person(ref: Reference) -> Reference:
    """``ref`` with its sole author kept whole ("Barack Obama", an organisation's literal) read as the person
    given name first it is, where it leads the entry before APA's "(year)." (``unlisted_person``)."""
    if len(ref.authors) != 1 or not ref.authors[0].literal or ref.editors:
        return ref
    lead = ref.authors[0].literal.strip()
    text = " ".join(ref.raw.split())
    if not text.startswith(lead):
        return ref
    # Harvard writes no stop after the name: "Barack Obama (2009) Remarks ..."
    year = _LEAD_YEAR.match(text, len(lead) + 1 if text.startswith(lead + ".") else len(lead))
    if year is None or not unlisted_person(lead, text[year.end():]):
        return ref
    person = parse_name(lead, given_first=True)
    if person.literal or not person.given:
        return ref
    return replace(ref, authors=(Name(family=person.family, given=person.given, particle=person.particle,
                                      raw=ref.authors[0].raw),))


def title_only_person(ref: Reference) -> Reference:
    """``ref`` with the person's name it was read to be written by as its title, where the entry holds nothing
    after the year but an imprint: "Jane Eyre. (1847). Smith, Elder and Co." is a book with no author (and a
    book too where the name was read as the title already). A name read family name first is the title so
    only when it has no given name ("Black Skin, White Masks. (1952). Paris: Éditions du Seuil.") and nothing
    else was read as the title (or the imprint was)."""
    if ref.editors or ref.container:
        return ref
    if not ref.authors and ref.title and ref.type is EntryType.DOCUMENT and ref.publisher:
        lead = ref.title
    elif len(ref.authors) == 1 and not ref.authors[0].literal and ref.authors[0].given:
        name = ref.authors[0]
        lead = f"{name.given} {name.particle + ' ' if name.particle else ''}{name.family}"
        if "," in name.raw and not _given_name_written(name.given):
            lead = " ".join(name.raw.split()).rstrip(".")
    else:
        return ref
    text = " ".join(ref.raw.split())
    year = _BOOK_YEAR.match(text, len(lead) + 1) if text.startswith(lead + ".") else None
    if year is None:
        return ref
    rest = _LINK.sub("", text[year.end():]).strip(" .")
    if "," in lead and ref.authors and ref.title and ref.title != rest:
        return ref
    imprint = _imprint(rest)
    if imprint is None and ref.authors and not ref.title and ref.publisher.rstrip(".") == rest:
        imprint = "", rest  # "Jane Eyre. (1847). Penguin Classics.": read as an author, no title, a publisher
    if imprint is None:
        return ref
    if not ref.authors:
        return replace(ref, type=EntryType.BOOK)
    place, publisher = imprint
    held = dict(ref.field_confidence)
    held["title"] = held.pop("authors", 0.8)
    held["publisher"] = held.get("publisher", 0.8)
    return replace(ref, authors=(), title=lead, place=place or ref.place, publisher=keep_abbreviation_stop(publisher, text),
                   type=EntryType.BOOK, field_confidence=tuple(sorted(held.items())))


def _given_name_written(given: str) -> bool:
    """Whether a name read family name first has a given name: an initial ("J.", "Toegel S."), or a word the
    lists know."""
    return any("." in w or len(w) == 1 or is_given_name_anywhere(w.split("-")[0]) for w in given.split())


def imprint_only(rest: str) -> bool:
    """Whether the text after an entry's year (its links taken off) is an imprint and nothing else."""
    return _imprint(_LINK.sub("", rest).strip(" .")) is not None


def _imprint(rest: str) -> tuple[str, str] | None:
    """``("London", "Smith, Elder and Co.")`` for "London: Smith, Elder and Co", ``("", "Penguin Books")`` for a
    publisher's name alone, or None for anything else (a title, a title and a publisher)."""
    if not rest or "." in rest.rstrip("."):
        return None
    placed = _IMPRINT_PLACE.match(rest)
    place = rest[: placed.start("publisher")].rstrip(" :") if placed else ""
    if placed and all(w[:1].isupper() for w in place.split()) and not placed.group("publisher")[0].islower():
        return place, placed.group("publisher").strip()  # "Paris: Éditions du Seuil", not "MIQE precis: Practical ..."
    return ("", rest) if _PUBLISHER_END.search(rest) else None
