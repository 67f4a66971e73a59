"""Entries led by a body, read again once the list is parsed (``parse.references`` calls these last).

An author-date list copied from an essay names bodies as authors and prints titles first, and the two look alike:
"Reuters. (2020). Title. Reuters." is the news agency, no person named Reuters; "Paris Call. (2018). Paris Call for
Trust and Security in Cyberspace." and "Our World in Data. (2021). Coronavirus (COVID-19) Vaccinations.
https://ourworldindata.org/..." are a body and its page's title, where "Bride Trafficking in China. (2020). Borgen
Magazine." is a title and its outlet (``body_leads``). A newspaper's headline of two sentences keeps both, its outlet
the publisher (``headline_sentences``); a UN or WTO document's symbol read as the publisher is a note
(``symbol_as_note``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..model import EntryType, Name, Reference, Url
from .given_names import is_given_name_anywhere

_SPACES = re.compile(r"\s+")
# a bracketed year (or n.d.) after the lead: "Our World in Data. (2021)."
_LEAD_YEAR = re.compile(r"\((?:(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.?)(?:[,\s][^()]*)?\)")
NEWS_OUTLET_CONFIDENCE = 0.9  # a publisher that is a known news outlet
NEWS_OUTLETS = frozenset(
    """reuters|cnn|ny times|new york times|the new york times|global times|fox news|bbc|bbc news|the guardian|
    guardian|washington post|the washington post|associated press|ap news|al jazeera|npr|bloomberg|
    financial times|wall street journal|the wall street journal|south china morning post|korea herald|
    the korea herald|korea times|the korea times|yonhap|nbc news|abc news|cbs news|the independent|
    the telegraph|los angeles times|usa today|newsweek|time|u.s. news & world report|us news|sky news|
    deutsche welle|dw|france 24|xinhua|china daily|the times|the economist|axios|politico|vox|
    daily nk|nk news|the diplomat|the atlantic|huffpost|the hill|le monde|der spiegel""".replace("\n", "").split("|")
)


def _norm_outlet(name: str) -> str:
    return _SPACES.sub(" ", name.strip().lower().rstrip("."))


def is_news_outlet(name: str) -> bool:
    norm = _norm_outlet(name)
    return bool(norm) and (norm in NEWS_OUTLETS or norm.removeprefix("the ") in NEWS_OUTLETS)



def body_leads(ref: Reference) -> Reference:
    """An entry led by a body, read again: a news agency as sole author ("Reuters. (2020). Title. Reuters.") is
    the agency, no person named Reuters, and so is an outlet read as a person ("Al Jazeera" as "Jazeera, Al", "Daily
    NK" as "Daily, N. K.") or a name that is the site's the entry links to ("Rappler" for rappler.com); a lead read as the title that opens the segment read as a note
    ("Paris Call. (2018). Paris Call for Trust and Security in Cyberspace.") is the body, that segment its title."""
    if (len(ref.authors) == 1 and ref.authors[0].family and not ref.authors[0].given
            and (is_news_outlet(ref.authors[0].family) or _names_site(ref.authors[0].family, ref.urls))):
        return replace(ref, authors=(Name(literal=ref.authors[0].family, raw=ref.authors[0].raw),))
    if len(ref.authors) == 1 and ref.authors[0].given and _outlet_read_as_person(ref.authors[0], ref.urls):
        return replace(ref, authors=(Name(literal=ref.authors[0].raw.strip(), raw=ref.authors[0].raw),))
    title, note = ref.title.strip(), ref.note.strip()
    site = ref.publisher.strip() if ref.publisher else note
    if not ref.authors and title and site and ";" not in site and _leads_with_year(ref.raw, title) and _names_site(title, ref.urls):
        held = dict(ref.field_confidence)
        held["authors"], held["title"] = held.get("title", 1.0), held.pop("publisher" if ref.publisher else "note", 1.0)
        return replace(ref, authors=(Name(literal=title, raw=title),), title=site,
                       publisher="" if ref.publisher else ref.publisher, note=note if ref.publisher else "",
                       field_confidence=tuple(sorted(held.items())))
    if (not ref.authors and title and note and ";" not in note and len(title.split()) <= 4 and _leads_with_year(ref.raw, title)
            and note.casefold().startswith(title.casefold() + " ") and len(note.split()) > len(title.split()) + 1):
        held = dict(ref.field_confidence)
        held["authors"], held["title"] = held.get("title", 1.0), held.pop("note", 1.0)
        return replace(ref, authors=(Name(literal=title, raw=title),), title=note, note="",
                       field_confidence=tuple(sorted(held.items())))
    return ref


# a UN, WTO or EU document's symbol: "A/70/174", "IP/C/W/669", "JOB/DSB/1/Add.12", "S/RES/2334 (2016)"
_DOCUMENT_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+){2,}(?:\s\(\d{4}\))?")


def symbol_as_note(ref: Reference) -> Reference:
    """A document's symbol read as its publisher ("WTO. (2020). Waiver from ... COVID-19. IP/C/W/669. https://...")
    is its note, as the symbol of an entry that names its publisher is."""
    if not ref.publisher or not _DOCUMENT_SYMBOL.fullmatch(ref.publisher.strip()):
        return ref
    held = dict(ref.field_confidence)
    held["note"] = held.pop("publisher", 1.0)
    note = "; ".join(p for p in (ref.publisher.strip(), ref.note) if p)
    return replace(ref, publisher="", note=note, field_confidence=tuple(sorted(held.items())))


def headline_sentences(ref: Reference) -> Reference:
    """A newspaper's headline of two sentences, "The U.S. is causing a major controversy in the WTO. Here's what's
    happening. The Washington Post.", whose second sentence and outlet were read as notes: the sentence that follows
    the title in the entry is the title's, the outlet the publisher (a news article)."""
    if ref.container or not ref.title or not ref.note or (ref.publisher and not is_news_outlet(ref.publisher)):
        return ref
    parts = ref.note.split("; ")
    outlets = [ref.publisher] if ref.publisher else [p for p in parts if is_news_outlet(p)]
    if len(outlets) != 1:
        return ref
    rest = [p for p in parts if p not in outlets]
    title = ref.title
    raw = " ".join(ref.raw.split())
    for part in list(rest):
        at = raw.find(title)
        follows = re.match(r"[.?!]\s+" + re.escape(part) + r"[.?!]?(?=\s)", raw[at + len(title) :]) if at >= 0 else None
        if follows is None:
            break
        title = title + follows.group().rstrip(".")
        rest.remove(part)
    if title == ref.title:
        return ref
    held = dict(ref.field_confidence)
    held["publisher"] = max(held.get("publisher", 0.0), NEWS_OUTLET_CONFIDENCE)
    if not rest:
        held.pop("note", None)
    kind = EntryType.NEWS if ref.type is EntryType.WEBPAGE else ref.type
    return replace(ref, title=title, publisher=outlets[0], note="; ".join(rest), type=kind,
                   field_confidence=tuple(sorted(held.items())))


def _leads_with_year(raw: str, lead: str) -> bool:
    """Does the entry open with ``lead`` and then its bracketed year, as an author-date list's body does ("Our World
    in Data. (2021).")? Not an MLA site's quoted title ("\"The Walt Whitman Archive.\" Edited by ...")."""
    return raw.startswith(lead) and _LEAD_YEAR.match(raw[len(lead) :].lstrip(". ")) is not None


def _outlet_read_as_person(name: Name, urls: tuple[Url, ...]) -> bool:
    """A sole author read as a person whose name as written is a news outlet's ("Al Jazeera", "Le Monde", "Daily NK",
    read as "Jazeera, Al" ...) or the site's the entry links to ("Rappler" for rappler.com, "El País" for
    elpais.com), unless it opens with a given name ("Jane Smith" for janesmith.com is her own site)."""
    written = name.raw.strip().rstrip(".")
    if "," in written or not written or len(written.split()) > 4:
        return False  # "Monde, L." is written as a person's name
    if is_news_outlet(written):
        return True
    first = written.split()[0]
    return (first.casefold() in _ARTICLES or not is_given_name_anywhere(first)) and _names_site(written, urls)


_ARTICLES = frozenset("the el al la le les los las il lo der die das de".split())  # "El País", not a given name "El"


def _names_site(lead: str, urls: tuple[Url, ...]) -> bool:
    """Is ``lead`` the name of the site the entry links to ("Our World in Data" for ourworldindata.org, "Platform on
    Disaster Displacement" for disasterdisplacement.org)? Then it is the body that wrote the page, no title."""
    letters = "".join(ch for ch in unicodedata.normalize("NFKD", lead.lower()) if ch.isalnum() and ch.isascii())
    for url in urls:
        host = url.url.split("//", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
        label = host.split(".")[0] if "." in host else ""
        if label and (letters == label or (len(label) >= 10 and letters.endswith(label))):
            return True
    return False
