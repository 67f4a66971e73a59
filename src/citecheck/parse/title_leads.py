"""A title-first entry whose title was read as an organisation author: "Labour Migration Report. (2021). The
Economist." is a report's (or an article's) title, its year and its outlet, not a body named "Labour Migration
Report" that wrote a work titled "The Economist".

The tagger reads a lead of capitalised words before a bracketed year as an author, and a title the length of an
organisation's name ends in a document's word ("Report", "Survey", "Outlook") where a body's name ends in its
own ("Committee", "Council", "Watch"). So a sole organisation author is the title again when its last word names
a kind of document, no word before it names a body ("Migration Advisory Committee" stays), and the entry holds
nothing after the year but one short segment, the outlet or publisher (and its links): that segment is the
container when it is a news outlet ("The Economist"), else the publisher.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import EntryType, Reference
from .entry_bodies import is_news_outlet
from .names import ORGANISATION_WORDS

# the last word of a document's title, never of a body's name
_DOCUMENT_WORDS = frozenset("""report reports survey outlook index yearbook bulletin briefing factsheet update statistics
    assessment census atlas review""".split())
_MAX_OUTLET_WORDS = 5
_LEAD_YEAR = re.compile(r"[.\s]*\((?:1[5-9]|20)\d{2}[a-z]?\)[.,]?\s*")
_LINK = re.compile(r"(?:https?://|www\.|doi:)\S+|\b10\.\d{4,9}/\S+", re.IGNORECASE)
_SMALL_WORDS = frozenset("the of and for in on a an & de la le".split())
# Chicago's title-first entry, "Wuthering Heights. 1847. London: Thomas Cautley Newby.": the year after the title
_YEAR_ENDING_TITLE = re.compile(r"\.\s+(?P<year>(?:1[5-9]|20)\d{2})[a-z]?\.?$")


def title_read_as_body(ref: Reference) -> Reference:
    """``ref`` with its title back from the sole organisation author it was read as, and its outlet (read as the
    title, or the publisher) the container or the publisher; ``ref`` itself when it is not so shaped."""
    if len(ref.authors) != 1 or not ref.authors[0].literal or ref.editors:
        return ref
    lead = ref.authors[0].literal.strip()
    words = lead.split()
    if (len(words) < 2 or words[-1].casefold().strip(".") not in _DOCUMENT_WORDS
            or any(w.casefold() in ORGANISATION_WORDS for w in words[:-1])):
        return ref
    outlet = _only_segment_after_year(ref.raw, lead)
    read = [v.strip() for v in (ref.title, ref.container, ref.publisher) if v.strip()]
    if not outlet or read != [outlet]:
        return ref
    held = dict(ref.field_confidence)
    held["title"] = held.pop("authors", 1.0)
    news = is_news_outlet(outlet)
    held["container" if news else "publisher"] = held.get("title", 1.0)
    kind = EntryType.NEWS if news else EntryType.REPORT if words[-1].casefold() in ("report", "reports") else ref.type
    return replace(ref, authors=(), title=lead, container=outlet if news else "", publisher="" if news else outlet,
                   type=kind, field_confidence=tuple(sorted(held.items())))


def _only_segment_after_year(raw: str, lead: str) -> str:
    """The one short segment between the entry's lead year and its links ("The Economist"), or ""."""
    text = " ".join(raw.split())
    if not text.startswith(lead):
        return ""
    year = _LEAD_YEAR.match(text, len(lead))
    if year is None:
        return ""
    rest = _LINK.sub(" ", text[year.end():]).strip(" .*_")
    words = rest.split()
    if not words or len(words) > _MAX_OUTLET_WORDS or any(ch in rest for ch in ".:;,()"):
        return ""
    if not all(w[:1].isupper() or w.casefold() in _SMALL_WORDS for w in words):
        return ""  # "Annual report. (2020). Retrieved from ..." is no outlet
    return rest


def year_read_into_title(ref: Reference) -> Reference:
    """``ref`` without its year at the end of its title where the entry leads with its title and then its year,
    Chicago's "Wuthering Heights. 1847. London: ..." (the tagger read "Wuthering Heights. 1847." as the title)."""
    if ref.authors or ref.editors or ref.year is None or "." not in ref.title:
        return ref
    m = _YEAR_ENDING_TITLE.search(ref.title)
    if m is None or int(m.group("year")) != ref.year:
        return ref
    title = ref.title[: m.start()].rstrip()
    if not " ".join(ref.raw.split()).startswith(f"{title}. {m.group('year')}"):
        return ref
    return replace(ref, title=title)
