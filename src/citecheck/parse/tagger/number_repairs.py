"""Label repairs of an entry's numbers and dates: pages after their label, dates written as words ("n.d.",
"forthcoming", "last modified July 12, 2022"), bold years and volumes, article numbers, law-review volumes, ACS's
and physics' "2010, 10, 1979." and "83, 3370 (1999)", months and year ranges. Run in order by
``label_repairs.repaired``.
"""
from __future__ import annotations

import re
from typing import Final

from ..dates import FOREIGN_NO_DATE
from .model import TaggedToken


_PAGES_LABEL = frozenset({"pp.", "p.", "pp", "pages", "page"})
_PAGE_RANGE = re.compile(r"^[A-Za-z]?\d{1,6}[A-Za-z]?(?:[–—-][A-Za-z]?\d{1,6}[A-Za-z]?)?[,.;]?$")


def page_range_follows_its_label(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's "pp. 2091–2105, Sep. 2016": the numbers after "pp." are pages, although they look like
    years to the tagger; and the range's comma ends the pages, so words after it that the tagger
    ran the pages on into ("pp. 2117–2157, 4th Quart. 2017") are the date they stand before."""
    labels = [i for i, t in enumerate(tagged[:-1]) if t.label == "pages" and t.token.lower() in _PAGES_LABEL]
    if not labels:  # most entries: no "pp." tagged pages
        return tagged
    out = list(tagged)
    for i in labels:
        if not _PAGE_RANGE.match(out[i + 1].token):
            continue
        out[i + 1] = out[i + 1]._replace(label="pages")
        if not out[i + 1].token.endswith(","):
            continue
        j = i + 2
        while j < len(out) and out[j].label == "pages" and not _PAGE_RANGE.match(out[j].token):
            j += 1
        if i + 2 < j < len(out) and out[j].label == "date":
            out[i + 2:j] = [t._replace(label="date") for t in out[i + 2:j]]
    return out


def chapter_is_no_volume(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's chapter of a book: "in *Battery Management Systems*. Norwood, MA, USA: Artech House, 2015,
    ch. 4, pp. 141–198.": the chapter's number, read as a volume (which makes a journal article of the
    entry), is a note."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "volume" and tagged[i].token.lower() in ("ch.", "chap.", "chapter")
                and tagged[i + 1].label == "volume" and _ARTICLE_NUMBER.match(tagged[i + 1].token)):
            return [*tagged[:i], *(t._replace(label="note") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


_ARTICLE_NUMBER = re.compile(r"^e?\d{1,8}[,.;]?$")
_SECTION = re.compile(r"^[A-Za-z]?\d{1,3}[A-Za-z]?,$")  # "4,", "1A,", "B2,"


_NUMBER_MARKS = frozenset({"n°", "nº", "no.", "nr.", "núm.", "num."})
_PLAIN_NUMBER = re.compile(r"^\d{1,6}[.,;]?$")


def number_after_its_mark_is_no_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A French legal journal's "J.C.P. A., 2003, n° 2140": the number the mark "n°" (read as the volume)
    names, read as the pages, is the volume's (the pages the entry gives come after a label of their own)."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "volume" and tagged[i].token.lower() in _NUMBER_MARKS
                and tagged[i + 1].label == "pages" and _PLAIN_NUMBER.match(tagged[i + 1].token)
                and (i + 2 == len(tagged) or tagged[i + 2].label != "pages")):
            return [*tagged[:i + 1], tagged[i + 1]._replace(label="volume"), *tagged[i + 2:]]
    return tagged


def newspaper_section_goes_with_its_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's newspaper article, "New York Times, November 2, 1997, sec. 4, 1+.": the section before the
    page, read as a volume, is where the pages are (a newspaper has no volume)."""
    for i in range(len(tagged) - 2):
        if (tagged[i].label == "volume" and tagged[i].token.lower() in ("sec.", "sect.", "section")
                and tagged[i + 1].label == "volume" and _SECTION.match(tagged[i + 1].token)
                and tagged[i + 2].label == "pages"):
            return [*tagged[:i], *(t._replace(label="pages") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


def article_number_is_the_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's "*Nat. Commun.*, vol. 11, Art. no. 1706, Apr. 2020.": an article's number stands where its
    pages would (IEEE reference guide), read as a volume's words and a date; it is the pages, when the
    entry has none."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    for i in range(len(tagged) - 2):
        if (tagged[i].token.lower() in ("art.", "art", "article") and tagged[i + 1].token.lower() in ("no.", "no", "number")
                and _ARTICLE_NUMBER.match(tagged[i + 2].token)):
            return [*tagged[:i], *(t._replace(label="pages") for t in tagged[i:i + 3]), *tagged[i + 3:]]
    return tagged


_RANGE_AFTER_A_FIELD = re.compile(r"^(\d{1,5})[–-](\d{1,5})[,.;]?$")
_YEARS = re.compile(r"^(?:1[5-9]|20)\d\d$")


def page_range_ending_the_container_is_the_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"..., Haegeman, L. (ed.), Elements of Grammar., 73-137, Kluwer Academic Publishers": a number range
    after the container's own stop or comma, ending its run, which the tagger ran the container on into, is
    the pages (the entry has none); a range from a year ("2015-2016.", "1922–34,") stays."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    for i in range(1, len(tagged)):
        t = tagged[i]
        if t.label != "container" or tagged[i - 1].label != "container" or not tagged[i - 1].token.endswith((".", ",")):
            continue
        if i + 1 < len(tagged) and tagged[i + 1].label == "container":
            continue
        found = _RANGE_AFTER_A_FIELD.match(t.token)
        if found and not _YEARS.match(found.group(1)):
            return [*tagged[:i], t._replace(label="pages"), *tagged[i + 1:]]
    return tagged


# a month in English, French or German ("mai-juin", "juillet-décembre", "Okt."), its name or abbreviation
_MONTH = (r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|janvier|f[ée]vr?(?:ier)?|m[äa]rz|avr(?:il)?|mai"
          r"|juin|juil(?:let)?|ao[ûu]t?|septembre|octobre|novembre|d[ée]c(?:embre)?|januar|februar|juni|juli|okt(?:ober)?"
          r"|dez(?:ember)?)\.?")
_MONTHS_TOKEN = re.compile(rf"^\(?{_MONTH}(?:[-–/]{_MONTH})?[,.)]*$", re.IGNORECASE)  # "July-September", "(Jan.-Feb.,"
_ROMAN_VOLUME = re.compile(r"^[IVXLC]{1,7}[,.]?$")


def months_ending_the_container_are_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Harvard Business Review, XLIII (January-February, 1965)", "... Medical Communications, July-September 2010,":
    the months after the journal's comma, before the year, which the tagger ran the journal on into, are the date
    (and a roman numeral before them the volume, where none is read)."""
    out = tagged
    for i in range(1, len(tagged) - 1):
        if tagged[i - 1].label != "container" or not tagged[i - 1].token.endswith(","):
            continue
        end = i
        while end < len(tagged) and tagged[end].label == "container" and end - i < 2:
            end += 1
        tail = tagged[i:end]
        if end >= len(tagged) or tagged[end].label != "date" or not tail or not _MONTHS_TOKEN.match(tail[-1].token):
            continue
        if len(tail) == 2 and not (_ROMAN_VOLUME.match(tail[0].token) and not any(t.label == "volume" for t in tagged)):
            continue
        relabelled = [t._replace(label="volume") for t in tail[:-1]] + [tail[-1]._replace(label="date")]
        out = [*tagged[:i], *relabelled, *tagged[end:]]
        break
    return out


_ITALIC_NUMBER_END = re.compile(r"^\d{1,4}[*_][,.;:]?$")  # "24*,": a number that closes the italics


def number_closing_an_italic_name_is_the_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"*France 24*, 3 June 2018": the number that closes an italic outlet's name ("France 24", "Channel 4") is
    part of the name, not the volume the tagger reads; APA's volume inside the italics follows the journal's
    comma ("*Nature Human Behaviour, 5*(3)") and stays."""
    for i in range(1, len(tagged)):
        t, before = tagged[i], tagged[i - 1]
        if (t.label == "volume" and _ITALIC_NUMBER_END.match(t.token) and before.label in ("container", "title")
                and not before.token.endswith((",", ":", ";", "*", "_"))):
            k = i - 1
            while k > 0 and tagged[k].label == before.label and tagged[k].token[:1] not in "*_":
                k -= 1
            if tagged[k].token[:1] in "*_" and tagged[k].label == before.label:
                return [*tagged[:i], t._replace(label=before.label), *tagged[i + 1:]]
    return tagged


_VERSION_MARK = frozenset({"ver.", "version", "ver", "v."})
_VERSION_NUMBER = re.compile(r"^\d+(?:\.\d+)+[,.;]?$")  # "3.11,", "4.3.1."


def version_is_no_volume(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"*The Python Language Reference*, ver. 3.11, 2023.": a version, its mark and a dotted number, read as a
    volume (and an issue, "3" and "11"), is the edition (as the web sets label it)."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "volume" and tagged[i].token.lower() in _VERSION_MARK and tagged[i + 1].label == "volume"
                and _VERSION_NUMBER.match(tagged[i + 1].token)):
            return [*tagged[:i], *(t._replace(label="edition") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


_VOLUME_COMMA = re.compile(r"^\d{1,5},$")
_ACS_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d,$")  # ACS's year, bare, before the volume
_FIRST_PAGE = re.compile(r"^\d{1,6}(?:[-–]\d{1,6})?[.;]?$")
_YEAR_AFTER_PAGES = re.compile(r"^(?:1[5-9]|20)\d\d[.,;]?$")


def acs_volume_before_the_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS's "BMJ 2005, 330, 1347.", "J Appl Phys 1987, 62, 243.": the number before the page's comma, read as
    pages too, is the volume, after the bare year ACS puts first (the entry has no volume; Chicago's "(New York:
    Library of America, 1983), 427, 426." gives two pages)."""
    if any(t.label == "volume" for t in tagged):
        return tagged
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "pages" and tagged[i + 1].label == "pages" and _VOLUME_COMMA.match(tagged[i].token)
                and _FIRST_PAGE.match(tagged[i + 1].token) and i > 0 and _ACS_YEAR.match(tagged[i - 1].token)
                and (i + 2 == len(tagged) or tagged[i + 2].label != "pages")):
            return [*tagged[:i], tagged[i]._replace(label="volume"), *tagged[i + 1:]]
    return tagged


def year_after_a_page_count_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"..., v. 50, 22 p. 1957.": the year after a page count, which the tagger ran the pages on into, is the
    date (the entry has none)."""
    if any(t.label == "date" for t in tagged):
        return tagged
    for i in range(1, len(tagged)):
        if (tagged[i].label == "pages" and tagged[i - 1].label == "pages" and tagged[i - 1].token.lower() in ("p.", "pp.", "s.")
                and _YEAR_AFTER_PAGES.match(tagged[i].token)):
            return [*tagged[:i], tagged[i]._replace(label="date"), *tagged[i + 1:]]
    return tagged


_REVISED = re.compile(r"^(?:last\s+)?(?:modified|updated|revised|edited)(?:\s+on)?$", re.IGNORECASE)
_DATE_WORD = re.compile(rf"^(?:{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?[,.]?|(?:1[5-9]|20)\d\d[,.;]?)$", re.IGNORECASE)


def revision_date_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's web page dated by its last revision, '"Deaths Registered in England and Wales: 2021," last modified
    July 12, 2022, https://...': the date after "last modified" ("last updated", "revised") is the entry's, which
    the tagger reads as a note (the entry has no other date; its year was taken from the title)."""
    if any(t.label == "date" for t in tagged):
        return tagged
    for i in range(len(tagged) - 1):
        two = f"{tagged[i].token} {tagged[i + 1].token}"
        k = i + 2 if _REVISED.match(two) else i + 1 if _REVISED.match(tagged[i].token) else None
        if k is None or tagged[i].label != "note":
            continue
        end = k
        while end < len(tagged) and end - k < 3 and tagged[end].label == "note" and _DATE_WORD.match(tagged[end].token):
            end += 1
        if any(_YEAR_AFTER_PAGES.match(t.token) for t in tagged[k:end]):
            return [*tagged[:k], *(t._replace(label="date") for t in tagged[k:end]), *tagged[end:]]
    return tagged


_SMALL_NUMBER_COMMA = re.compile(r"^\d{1,4},$")
_INITIALS_TOKEN = re.compile(r"^(?:[A-Z]\.-?)+(?:[A-Z]\.)*,?$")  # "J.", "C.-M.", "A.B.,"


def acs_numbers_read_as_dates(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS's "Nano Lett. 2010, 10, 1979.": year, volume and first page, all read as dates (the year then taken
    from the page). And the journal before them, which the tagger took for one more author after the last
    name's comma, is the journal (its words have no initial; the last ends with a stop)."""
    for i in range(len(tagged) - 2):
        a, b, c = tagged[i], tagged[i + 1], tagged[i + 2]
        if not (a.label == b.label == c.label == "date" and _ACS_YEAR.match(a.token) and _SMALL_NUMBER_COMMA.match(b.token)
                and not _YEARS.match(b.token.rstrip(",")) and _FIRST_PAGE.match(c.token)):
            continue
        if i + 3 < len(tagged) and tagged[i + 3].label == "date":
            return tagged
        return [*tagged[:i + 1], b._replace(label="volume"), c._replace(label="pages"), *tagged[i + 3:]]
    return tagged


def acs_journal_read_as_an_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS's "S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012.": the journal before the bare year, which the tagger
    took for one more author after the last name's comma, is the journal (its words have no initial nor "and";
    the last is an abbreviation)."""
    for i in range(1, len(tagged)):
        if tagged[i].label != "date" or not _ACS_YEAR.match(tagged[i].token) or tagged[i - 1].label != "author":
            continue
        j = i
        while j > 0 and i - j < 4 and tagged[j - 1].label == "author" and not tagged[j - 1].token.endswith(","):
            j -= 1
        tail = tagged[j:i]
        if (tail and j > 0 and tagged[j - 1].label == "author" and tagged[j - 1].token.endswith(",")
                and _JOURNAL_ABBREVIATION.match(tail[-1].token) and not any(t.token.lower() in ("and", "&", "et") for t in tail)
                and (not any(_INITIALS_TOKEN.match(t.token) for t in tail)  # "J. Appl. Cryst.": a journal's "J." beside its words
                     or sum(bool(_LONG_ABBREVIATION.match(t.token)) for t in tail) >= 2)):
            return [*tagged[:j], *(t._replace(label="container") for t in tail), *tagged[i:]]
        return tagged
    return tagged


_JOURNAL_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,5}\.$")  # "Lett.", "Chem.", "J."
_LONG_ABBREVIATION = re.compile(r"^[A-Z][a-z]{2,5}\.$")  # "Appl.", "Cryst.": no initial
_BRACKETED_MONTH = re.compile(rf"^[\[(]{_MONTH}$", re.IGNORECASE)  # "[Jan", "(March"


def months_after_the_bracketed_year_are_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """APA's "(1987, May/June).": the months after the year in its brackets, which the tagger read as the title's
    first word, are the date's."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "date" and _BRACKETED_YEAR_COMMA.match(tagged[i].token) and tagged[i + 1].label != "date"
                and _MONTHS_TOKEN.match(tagged[i + 1].token) and tagged[i + 1].token.rstrip(".,;:").endswith(")")):
            return [*tagged[:i + 1], tagged[i + 1]._replace(label="date"), *tagged[i + 2:]]
    return tagged


_BRACKETED_YEAR_COMMA = re.compile(r"^\((?:1[5-9]|20)\d\d[a-z]?,$")


def bracketed_month_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"P. L. Wadler [Jan 1993],": a month opening the bracket whose year closes it is the date's, not one
    more name."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label != "date" and tagged[i + 1].label == "date" and _BRACKETED_MONTH.match(tagged[i].token)
                and tagged[i + 1].token.rstrip(".,;:")[-1:] in ("]", ")")):
            return [*tagged[:i], tagged[i]._replace(label="date"), *tagged[i + 1:]]
    return tagged


# a page label written on to its number or range: "p.14.", "(pp.417-421)", "(p.227)"
_GLUED_PAGES: Final = re.compile(r"^\(?pp?\.\d{1,5}(?:[–-]\d{1,5})?\)?[.,;:]?$")


def glued_page_label_is_the_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """APA's newspaper page, "O'Leary, C. (2006, June 29). Landmark study ... The West Australian, p.14. Retrieved
    ...", and "(pp.417-421)": a page label written on to its number is the pages, whatever the tagger read the
    token as (a volume, for one). The labelled data has the pages there 38 times in 39."""
    glued = [i for i, t in enumerate(tagged) if t.token[:1] in "p(" and t.label != "pages" and _GLUED_PAGES.match(t.token)]
    if not glued:
        return tagged
    out = list(tagged)
    for i in glued:
        out[i] = tagged[i]._replace(label="pages")
    return out


# a day, month and year written in figures, day first: "30/10/2009,", "(25/04/2013)"
_NUMERIC_DATE: Final = re.compile(r"^\(?(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:1[5-9]|20)\d\d\)?[.,;:]?$")


def numeric_date_is_no_volume(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """French periodicals' "ASH, 30/10/2009, n°2630, pp. 28-31." (ISO 690 as French libraries print it, the
    issue's day before its number): a day, month and year written in figures are the date, not a volume and an
    issue."""
    if not any(t.label == "volume" and _NUMERIC_DATE.match(t.token) for t in tagged):
        return tagged
    return [t._replace(label="date") if t.label == "volume" and _NUMERIC_DATE.match(t.token) else t for t in tagged]


_PHYSICS_PAGE = re.compile(r"^[A-Z]?\d{1,6}$")
_PHYSICS_YEAR = re.compile(r"^\((?:1[5-9]|20)\d\d\)[.,;]?$")


def physics_page_before_the_year(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Physics' "Phys. Rev. Lett. 83, 3370 (1999)": the number after the volume's comma, before the bracketed year,
    which the tagger ran the volume on into (and "83, 3370" read as volume and issue), is the first page."""
    if any(t.label == "pages" for t in tagged):
        return tagged
    for i in range(len(tagged) - 2):
        if (tagged[i].label == "volume" and _VOLUME_COMMA.match(tagged[i].token) and tagged[i + 1].label == "volume"
                and _PHYSICS_PAGE.match(tagged[i + 1].token) and tagged[i + 2].label == "date"
                and _PHYSICS_YEAR.match(tagged[i + 2].token)):
            return [*tagged[:i + 1], tagged[i + 1]._replace(label="pages"), *tagged[i + 2:]]
    return tagged


def arxiv_identifier_is_no_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Phys. Rev. Lett. 83, 3370 (1999) [arXiv:hep-ph/9905221].": the arXiv identifier is no pages but a note (the
    rules read it as the eprint)."""
    return [t._replace(label="note") if t.label == "pages" and t.token.lstrip("[(").lower().startswith("arxiv:") else t
            for t in tagged]


_YEAR_RANGE = re.compile(r"^((?:1[5-9]|20)\d\d)[-–](\d\d|\d{4})[.,;]?$")


def year_range_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Goethes Gesprache. Leipzig, 1889-96.", "... Government Printing House, 1908-15": a work published over
    years, its range read as pages; in an entry with no date nor volume it is the date (Vancouver's "N Engl J Med
    2010; 362(17): 1563–74." gives its year in the volume's run)."""
    if any(t.label in ("date", "volume") for t in tagged):
        return tagged
    for i, t in enumerate(tagged):
        found = _YEAR_RANGE.match(t.token)
        if t.label == "pages" and found and int(found.group(1)[-len(found.group(2)):]) < int(found.group(2)):
            return [*tagged[:i], t._replace(label="date"), *tagged[i + 1:]]
    return tagged


_BRACKETED_YEAR_RANGE: Final = re.compile(r"^\(((?:1[5-9]|20)\d\d)[-–/]((?:1[5-9]|20)?\d\d)\)[.,;:]?$")  # "(1986–87):"


def bracketed_year_range_after_the_volume_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's journal article of a volume that ran over two years, "Social Text 16 (1986–87): 36–80.",
    "Victorian Studies 42 (1999/2000): 358-60.": the tagger read the bracketed years with the volume,
    which made them its issue (and the entry had no year). Years in a bracket after the volume are the date."""
    for i in range(1, len(tagged)):
        t = tagged[i]
        found = _BRACKETED_YEAR_RANGE.match(t.token) if t.label == "volume" else None
        if found and tagged[i - 1].label == "volume" and int(found.group(1)[-len(found.group(2)):]) < int(found.group(2)):
            return [*tagged[:i], t._replace(label="date"), *tagged[i + 1:]]
    return tagged


# (the constants marked Final are read for every token: compiled, a Final constant is read directly, any other
# global looked up in the module's dict at each use)
_STATUS: Final = frozenset({"forthcoming", "forthcoming.", "(forthcoming).", "(forthcoming)", "in", "press.", "press).", "(in"})
_STATUS_SUFFIX: Final = re.compile(r"-[a-z](?=\)?\.?$)")  # APA's "(in press-a)." of two works in press


def _status_word(token: str) -> str:
    return _STATUS_SUFFIX.sub("", token.lower()) if "-" in token else token.lower()


def status_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Smith, John. Forthcoming. *Floods*.": a run of "Forthcoming." or "(in press)." where the year
    goes stands for the year, whatever the tagger took it for."""
    out = list(tagged)
    for i, tok in enumerate(out):
        if tok.label == "title" and _status_word(tok.token) in _STATUS:
            j = i
            while j < len(out) and _status_word(out[j].token) in _STATUS and out[j].label == "title":
                j += 1
            words = " ".join(_status_word(t.token).strip("().") for t in out[i:j])
            if words in ("forthcoming", "in press") and out[j - 1].token.endswith("."):
                out[i:j] = [t._replace(label="date") for t in out[i:j]]
            break
    return out


_NO_DATE: Final = re.compile(rf"^[(\[]?(?:n\.\s?d\.?|{FOREIGN_NO_DATE}\.)(?:-?[a-z])?[)\]]?[.,]?$", re.IGNORECASE)
_NO_DATE_STARTS: Final = frozenset({"n.d", "n.", "(n.", "(n"})  # how a _NO_DATE token starts, lower-cased
_FOREIGN_NO_DATE_FIRST: Final = frozenset("([ozZsSbBtTuUχ")  # how a foreign one may start ("(s.d.)", "[s.d.]", "o.J."),
# with a full stop in it, as every _NO_DATE has (a cheaper test than the pattern, for "(2019)" and "the")


def no_date_mark_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Harvard's title-first "Fiji relocates villages as seas rise (n.d.) BBC News.": "(n.d.)" says
    the work has no date, whatever the tagger took it for (the end of the title: it saw "(2019)" there
    far more often)."""
    if not any((t.token[:1] in "nN(" and t.token[:3].lower() in _NO_DATE_STARTS)
               or (t.token[:1] in _FOREIGN_NO_DATE_FIRST and len(t.token) <= 7 and "." in t.token and _NO_DATE.match(t.token))
               for t in tagged):  # most entries
        return tagged
    return [t._replace(label="date") if t.label != "date" and _NO_DATE.match(t.token) else t for t in tagged]


_BOLD_YEAR = re.compile(r"^\*\*(?:1[5-9]|20)\d{2}[a-z]?\*\*[,.;]?$")


def bold_year_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS's year in bold between the journal and the volume ("*Chem. Rev.* **1995**, *95*, 2457–2483."):
    the date, which the tagger runs on into the journal ("Chem. Rev. 1995")."""
    if not any(t.token.startswith("**") for t in tagged):
        return tagged
    return [t._replace(label="date") if t.label != "date" and _BOLD_YEAR.match(t.token) else t for t in tagged]


_BOLD_NUMBER = re.compile(r"^\*\*\d{1,5}\*\*[,.:]?$")
_NUMBER_RANGE = re.compile(r"^\d{1,6}[–-]\d{1,6}[,.]?$")
_BRACKETED_YEAR = re.compile(r"^\((?:1[5-9]|20)\d{2}[a-z]?\)[.,;]?$")


def bold_volume_follows_the_journal(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Science's and Nature's bold volume after the italic journal ("*Science* **359**, eaam7240 (2018)."):
    the volume, which the tagger runs into the journal when an article number stands for the pages."""
    out = list(tagged)
    for i in range(1, len(out)):
        if (out[i].label == "container" and out[i - 1].label == "container" and _BOLD_NUMBER.match(out[i].token)
                and out[i - 1].token.rstrip(",.").endswith(("*", "_"))):
            out[i] = out[i]._replace(label="volume")
    return out


def pages_before_the_bracketed_year(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Science's and Nature's pages between the volume and the year in brackets ("**12**, 2013–2041
    (2020)."): a range there is the pages, though its numbers read as years."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        if (out[i].label == "date" and out[i - 1].label == "volume" and _NUMBER_RANGE.match(out[i].token)
                and _BRACKETED_YEAR.match(out[i + 1].token)):
            out[i] = out[i]._replace(label="pages")
    return out


def law_review_volume_and_first_page(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """The Bluebook's article: "*The Case for the Third-Party Doctrine*, 107 Mich. L. Rev. 561 (2009).",
    "Oyster Shell Dissolution Rates ..., 30 J. Shellfish Res. 659 (2011).": the number after the title is the volume, the one after the journal its first page (the tagger
    ran the volume into the title and took the page for the volume)."""
    out = list(tagged)
    for i in range(1, len(out) - 3):
        if not (out[i].label == "title" and out[i].token.isdigit() and len(out[i].token) <= 4
                and out[i - 1].token.endswith(",")):
            continue
        j = i + 1
        while j < len(out) and out[j].label == "container":
            j += 1
        if (j > i + 1 and j + 1 < len(out) and out[j].token.rstrip(",").isdigit() and out[j].label in ("volume", "pages")
                and _BRACKETED_YEAR.match(out[j + 1].token)):
            out[i] = out[i]._replace(label="volume")
            out[j] = out[j]._replace(label="pages")
    return out




_DAY: Final = re.compile(r"^(?:[1-9]|[12]\d|3[01])$")  # a day of the month, bare: "15", "30"
_MONTH_NAME: Final = re.compile(rf"^{_MONTH}[,.]?$", re.IGNORECASE)
_YEAR_AFTER_THE_DAY: Final = re.compile(r"^(?:1[5-9]|20)\d{2}[,.;)]?$")


def day_before_the_month_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A newspaper's or magazine's day, month and year after its name, "Mercure de France, 15 novembre 1925, pp.
    11-18", "Les Échos, 19 avril 2000.": the day, which the tagger read as the volume, is the date's (a volume
    is marked or followed by its own stop: "vol. 15, May 2003", "Science 290, 5 May 2000")."""
    for i in range(1, len(tagged) - 2):
        day, month, year = tagged[i], tagged[i + 1], tagged[i + 2]
        if (day.label == "volume" and month.label == "date" and _DAY.match(day.token) and tagged[i - 1].label != "volume"
                and _MONTH_NAME.match(month.token) and _YEAR_AFTER_THE_DAY.match(year.token) and year.label == "date"):
            return [*tagged[:i], day._replace(label="date"), *tagged[i + 1:]]
    return tagged


_EDITION_WORD_AFTER_ITS_NUMBER: Final = re.compile(r"^(?:edition|ed\.|edn\.?)[,.;)]?$", re.IGNORECASE)


def number_before_the_edition_word_is_the_edition(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"John Wiley and Sons, Inc., New York, New York, 3 edition, 1977.", "(Cengage Learning; 1 edition, 1976)": a
    number right before the word "edition", which the tagger read as a volume, numbers the edition."""
    for i in range(len(tagged) - 1):
        number, word = tagged[i], tagged[i + 1]
        if (number.label == "volume" and number.token.isdigit() and len(number.token) <= 2
                and word.label in ("volume", "edition") and _EDITION_WORD_AFTER_ITS_NUMBER.match(word.token)):
            return [*tagged[:i], number._replace(label="edition"), word._replace(label="edition"), *tagged[i + 2:]]
    return tagged


_NUMBER_MARK_OPENING: Final = re.compile(r"^(?:n°|nº|no\.|nr\.?|núm\.|num\.)(?:\s?\d{1,6}[.,;]?)?$", re.IGNORECASE)  # "n°9.", "nr"


def numbered_issue_read_as_the_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Pouvoirs, 1979, n°9.", "„Gazeta Bankowa" 1997, nr 29.": a number after its mark ("n°", "nr", "no."), which
    the tagger read as the pages, numbers the issue, the volume's (pages are never marked so), where the entry
    gives no other pages."""
    for i, t in enumerate(tagged):
        if t.label != "pages":
            continue
        if not _NUMBER_MARK_OPENING.match(t.token) or (i > 0 and tagged[i - 1].label == "pages"):
            return tagged
        end = i + 1
        if not any(c.isdigit() for c in t.token):
            if end >= len(tagged) or tagged[end].label != "pages" or not _PLAIN_NUMBER.match(tagged[end].token):
                return tagged
            end += 1
        if any(x.label == "pages" for x in tagged[end:]):
            return tagged
        return [*tagged[:i], *(x._replace(label="volume") for x in tagged[i:end]), *tagged[end:]]
    return tagged
