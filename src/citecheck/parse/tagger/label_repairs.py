"""Repairs of the tagger's labels: slips of shape that no reading of a reference allows, put right
token by token before the labels are read into fields (``fields.read_fields``). Each repair is one
small function named after the rule it keeps ("italics hold one field", "an initial opens the
publisher"), with the reference shape that showed the slip in its docstring.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..dates import FOREIGN_NO_DATE
from ..given_names import is_given_name_anywhere
from ..names import is_organisation
from .model import TaggedToken

_ASCII_DIGIT = re.compile(r"[0-9]")


def _close_open_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A container run that stops mid-sentence before a publisher run ("... Workshop on Machine" +
    "Learning. Morgan Kaufmann."): the publisher's first word, up to its full stop, ends the container."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        prev, cur = out[i - 1], out[i]
        if (prev.label == "container" and cur.label == "publisher" and prev.token[-1:].isalpha()
                and cur.token.endswith((".", ",")) and out[i + 1].label == "publisher"):
            out[i] = cur._replace(label="container")
    return out


def repaired(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """The tagger's labels with the slips of shape that no reading of the entry allows put right."""
    # a repair changes labels only, so what a repair needs of the tokens can be looked for once, in
    # their text: one with marks (``_REPAIRS``) runs only where one of them is (ASCII text: there the
    # lower case is what the repairs' case-blind tests see); a space before each token, so " ch." is a
    # token that starts "ch."
    text = " " + " ".join([t.token for t in tagged])
    gated = text.isascii()
    lowered = text.lower()
    for repair, marks in _REPAIRS:
        if marks and gated and not any(mark in lowered for mark in marks):
            continue
        tagged = repair(tagged)
    return tagged


_PAGES_LABEL = frozenset({"pp.", "p.", "pp", "pages", "page"})
_PAGE_RANGE = re.compile(r"^[A-Za-z]?\d{1,6}[A-Za-z]?(?:[–—-][A-Za-z]?\d{1,6}[A-Za-z]?)?[,.;]?$")


def _page_range_follows_its_label(tagged: list[TaggedToken]) -> list[TaggedToken]:
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


_LINK_WORDS = re.compile(r"^(?:retrieved|available|accessed|viewed|consulted|online|url|see|last)\b", re.IGNORECASE)


def _untitled_note_after_the_date_is_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An entry with no title whose names and year are followed by a note ("Stewart III, Charles and
    Jonathan Woon. 2009. Congressional Committee Assignments, 103rd to 112th Congresses.", all a
    note; "Oxfam (2019) Annual report 2019.", a genre and a year of its own): what an author-date
    entry gives first after its year is its title, unless it is words
    a link or an access date brings ("Retrieved from ...")."""
    if any(t.label in ("title", "container") for t in tagged):
        return tagged
    i = 0
    while i < len(tagged) and tagged[i].label in ("author", "editor"):
        i += 1
    if i == 0 or i >= len(tagged) or tagged[i].label != "date":
        return tagged
    while i < len(tagged) and tagged[i].label == "date":
        i += 1
    j = i
    while j < len(tagged) and tagged[j].label == "note":
        j += 1
    if j == i < len(tagged) and tagged[i].label == "genre":  # "Annual report 2019.": a genre has no year of its own, a title may
        while j < len(tagged) and tagged[j].label == "genre" and tagged[j].token[:1] not in "[(":
            j += 1
        if j == i or j >= len(tagged) or tagged[j].label != "date" or not _YEAR_TOKEN.match(tagged[j].token):
            return tagged
        j += 1
    if j - i < 2 or _LINK_WORDS.match(tagged[i].token.lstrip("([")):
        return tagged
    return [*tagged[:i], *(t._replace(label="title") for t in tagged[i:j]), *tagged[j:]]


def _words_before_a_bracketed_medium_are_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's "World Health Organization. Global report on infection prevention and control
    [Internet]. Geneva: WHO; 2020.": an entry with no title whose names are followed by words the
    tagger ran into the bracketed medium ("[Internet]", "[dissertation]") as one genre: the words
    before the bracket are the title, the bracket the genre."""
    if any(t.label == "title" for t in tagged):
        return tagged
    i = 0
    while i < len(tagged) and tagged[i].label in ("author", "editor", "date"):
        i += 1
    lead_as_publisher = False
    if i == 0:  # "American Medical Association. Telehealth implementation playbook [Internet]. Chicago: AMA; 2020."
        while i < len(tagged) and tagged[i].label == "publisher":
            i += 1
        lead = " ".join(t.token for t in tagged[:i])
        lead_as_publisher = i > 0 and lead.endswith(".") and is_organisation(lead.rstrip("."))
        if not lead_as_publisher:
            return tagged
    if i == 0 or i >= len(tagged) or tagged[i].label != "genre":
        return tagged
    j = i
    while j < len(tagged) and tagged[j].label == "genre" and not tagged[j].token.startswith("["):
        j += 1
    if j == i or j >= len(tagged) or tagged[j].label != "genre" or not tagged[j].token.startswith("["):
        return tagged
    if tagged[j - 1].token.endswith((".", ",", ":", ";")):  # the words end before the bracket: no title of its
        return tagged
    names = [t._replace(label="author") for t in tagged[:i]] if lead_as_publisher else tagged[:i]
    return [*names, *(t._replace(label="title") for t in tagged[i:j]), *tagged[j:]]


def _organisation_before_a_quoted_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's web page of an organisation with no date: "University of St Andrews. "Universal Short
    Title Catalogue." Accessed March 3, 2023. https://...", all read as the title: an organisation's name
    ending at its full stop, before a title in quotes or italics that opens the entry's title run, is
    its author."""
    if not tagged or tagged[0].label != "title" or any(t.label in ("author", "editor") for t in tagged):
        return tagged
    for k in range(1, min(len(tagged), 12)):
        if tagged[k].label not in ("title", "container"):
            return tagged
        if tagged[k].token[:1] in "\"“‘*_" and tagged[k - 1].token.endswith(".") and len(tagged[k].token) > 1:
            lead = " ".join(t.token for t in tagged[:k]).rstrip(".")
            if not is_organisation(lead) or any(ch in lead for ch in "\"“”*_:?!"):
                return tagged
            out = [*(t._replace(label="author") for t in tagged[:k]), *tagged[k:]]
            if tagged[k].label == "container":  # "War Memorial of Korea. *Exhibition Guide*. Seoul: ...": the title
                end = k
                while end < len(out) and out[end].label == "container":
                    end += 1
                out[k:end] = [t._replace(label="title") for t in out[k:end]]
            return out
        if tagged[k].label != "title":
            return tagged
    return tagged


def _given_name_before_bracketed_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Wikipedia's "Doe, Jane (15 July 2019)": words after an author's "Family," and before the
    bracketed date, tagged as date ("Jane", "June" looks like a month), are the given name."""
    out = list(tagged)
    for i in range(1, len(out)):
        if out[i].label != "date" or out[i - 1].label != "author" or not out[i - 1].token.endswith(","):
            continue
        j = i
        while j < len(out) and j - i < 3 and out[j].label == "date" and out[j].token.isalpha() and out[j].token[:1].isupper():
            j += 1
        if i < j < len(out) and out[j].label == "date" and out[j].token.startswith("("):
            out[i:j] = [tok._replace(label="author") for tok in out[i:j]]
        break
    return out


_GIVEN_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’]*(?:-[^\W\d_][^\W\d_'’]*)?|(?:[^\W\d_]\.-?){1,3})$")


def _capitals_word(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _given_name_before_the_colon(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """DIN 1505's "KEMFERT, Claudia: *Das fossile Imperium*" and "MÜLLER, Karl ; WEBER, Anna: Speicherbedarf": the
    one word after a name's "Family," and before the colon (a given name or initials), tagged as the title's first
    word, is the given name. Only where the family name opens the entry or follows DIN's " ; " ("Little, Graham,
    Friendship: Being Ourselves" has its given name before the title). A family name of several words is in
    capitals ("VAN DER BERG, Jan: Dutch water"); a given name that is a month's ("Jan:") may be tagged the date."""
    if len(tagged) < 4 or tagged[0].label != "author":
        return tagged
    i = 1
    while i < len(tagged) and tagged[i].label == "author":
        i += 1
    if i + 1 >= len(tagged) or tagged[i].label not in ("title", "date") or tagged[i + 1].label != "title":
        return tagged
    family = tagged[i - 1].token
    if not family.endswith(","):
        return tagged
    first = i - 1  # the family name's first word: after the entry's start or DIN's " ; "
    while first > 0 and tagged[first - 1].token != ";" and _capitals_word(tagged[first - 1].token):
        first -= 1
    if first > 0 and tagged[first - 1].token != ";" or first < i - 1 and not _capitals_word(family[:-1]):
        return tagged
    word = tagged[i].token
    if not word.endswith(":") or not word[:1].isupper() or not _GIVEN_WORD.match(word[:-1]):
        return tagged
    out = list(tagged)
    out[i] = out[i]._replace(label="author")
    return out


_OPENS_TITLE = ("*", "_", '"', "“")
_ON_THE_RIVER = frozenset({"a.", "a.d.", "i."})  # German "Frankfurt a. M.", "Halle a. d. Saale", "Freiburg i. Br."


def _river_abbreviation_is_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """German places named by their river, "Frankfurt a. M.: Suhrkamp", "Freiburg i. Br.: Herder": the tagger ends the
    title at "Frankfurt a." and reads "M.:" alone as the place. The town and the "a." before a place are the place."""
    for i in range(2, len(tagged)):
        town, mark, river = tagged[i - 2], tagged[i - 1], tagged[i]
        if (river.label == "location" and mark.token in _ON_THE_RIVER and mark.label != "location"
                and town.label == mark.label and town.token[:1].isupper() and town.token[1:].isalpha()):
            return [*tagged[:i - 2], town._replace(label="location"), mark._replace(label="location"), *tagged[i:]]
    return tagged


def _given_names_before_the_title_are_the_authors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """MLA's "Adichie, Chimamanda Ngozi. *Americanah*. Alfred A. Knopf, 2013.": after the entry's first word, a family
    name with its comma, two or three capitalised words ending at a full stop, then an italic or quoted title; the
    tagger reads the given names as the title and the title as the container. They are the author's given names,
    and the italic or quoted run after them the title."""
    if len(tagged) < 5 or tagged[0].label != "author" or not tagged[0].token.endswith(","):
        return tagged
    end = next((i for i in range(1, min(5, len(tagged))) if tagged[i].token.endswith(".")), 0)
    if end < 2 or end + 1 >= len(tagged) or not tagged[end + 1].token.startswith(_OPENS_TITLE):
        return tagged
    words = [t.token.rstrip(".") for t in tagged[1:end + 1]]
    if not all(t.label == "title" for t in tagged[1:end + 1]) or not all(
            _GIVEN_WORD.match(w) and w[:1].isupper() for w in words):
        return tagged
    after = tagged[end + 1].label
    if after not in ("container", "title") or any(t.label == "title" for t in tagged[end + 1:] if after == "container"):
        return tagged
    out = [*tagged[:1], *(t._replace(label="author") for t in tagged[1:end + 1])]
    k = end + 1
    while k < len(tagged) and tagged[k].label == after:
        out.append(tagged[k]._replace(label="title"))
        k += 1
    return out + tagged[k:]


_INITIAL_TOKEN = re.compile(r"^[A-Z]\.$")
_SPLIT_OFF = frozenset({"genre", "note", "publisher", "location", "edition"})


def _italics_hold_one_field(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An italic title or container the tagger cut in two ("*Chicago climate action plan: Progress
    report 2015*", its end read as a genre; MLA's "*... African American Culture, 1892-1938*. Princeton
    UP, 2007.", its years read as the date): italics set one work's name, so its words keep the
    label of its first word."""
    out = list(tagged)
    i = 0
    while i < len(out):
        tok = out[i]
        if tok.label in ("title", "container") and tok.token[:1] in "*_" and not _closes_italic(tok.token[1:]):
            j = next((k for k in range(i + 1, min(len(out), i + 40)) if _closes_italic(out[k].token)), None)
            # a year (range) in the italics is the work's own when the entry is dated after them
            split_off = _SPLIT_OFF | {"date"} if j is not None and any(t.label == "date" for t in out[j + 1:]) else _SPLIT_OFF
            if j is not None and all(t.label == tok.label or t.label in split_off for t in out[i + 1:j + 1]):
                out[i + 1:j + 1] = [t._replace(label=tok.label) for t in out[i + 1:j + 1]]
            i = j if j is not None else i
        i += 1
    return out


def _italic_container_ends_with_its_italics(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's "in *Proc. IEEE Conf. (CVPR)*, Las Vegas, NV, USA, Jun. 2016": a container set in
    italics ends where they close; plain words after it, before a location, are the location."""
    out = list(tagged)
    start = next((i for i, t in enumerate(out) if t.label == "container"), len(out))
    if start < len(out) and out[start].token.lower() in ("in", "in:"):
        start += 1
    if start >= len(out) or out[start].label != "container" or out[start].token[:1] not in "*_":
        return out
    end = start  # the token closing the italics
    while end < len(out) and out[end].label == "container" and not _closes_italic(out[end].token[1:] if end == start else out[end].token):
        end += 1
    if end >= len(out) or out[end].label != "container":
        return out
    rest = end + 1
    while rest < len(out) and out[rest].label == "container":
        rest += 1
    if end + 1 < rest < len(out) and out[rest].label == "location":
        out[end + 1:rest] = [t._replace(label="location") for t in out[end + 1:rest]]
    return out


_BRIDGED = frozenset({"publisher", "container"})


def _one_token_gap_is_bridged(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A run broken by one token of a place or publisher label ("Dept. Elect. | Eng., | MIT", the
    abbreviations misleading the tagger): that token belongs to the run around it."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        label = out[i - 1].label
        if (label in _BRIDGED and out[i + 1].label == label and out[i].label in ("location", "publisher")
                and out[i].label != label and not _ASCII_DIGIT.search(out[i].token)):
            out[i] = out[i]._replace(label=label)
    return out


_SMALL_WORDS = frozenset("of on and the for to in a an at by with from & de du des la le et".split())
_EDITORS_WORD = re.compile(r"^editors?[.,]?$", re.IGNORECASE)
_YEAR_TOKEN = re.compile(r"^\(?(?:1[5-9]|20)\d{2}[a-z]?\)?[.;,]?$")


def _committee_then_title_then_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """NLM's book by a committee, with editors after the title ("Institute of Medicine (US) Committee to
    Review Dietary Reference Intakes for Vitamin D and Calcium. Dietary reference intakes for calcium and
    vitamin D. Ross AC, Taylor CL, editors. Washington (DC): National Academies Press (US); 2011."), all
    read as names: after the first full stop, words in lower case (no name has them) open the title,
    which ends at its own full stop; the names after it, before "editors.", are the editors; and a year
    read as a note is the date."""
    if not tagged or tagged[0].label != "author":
        return tagged
    run = 0
    while run < len(tagged) and tagged[run].label == "author":
        run += 1
    stop = next((k + 1 for k in range(run - 1) if tagged[k].token.endswith(".") and len(tagged[k].token) > 3), 0)
    title_end = next((k + 1 for k in range(stop, run) if tagged[k].token.endswith(".")), 0)
    if not stop or not title_end or title_end >= run:
        return tagged
    lower = [t for t in tagged[stop:title_end] if t.token[:1].islower() and t.token.rstrip(".,").lower() not in _SMALL_WORDS]
    editors_at = next((k for k in range(title_end, len(tagged)) if _EDITORS_WORD.match(tagged[k].token)), None)
    if len(lower) < 2 or editors_at is None or any(t.label not in ("author", "editor") for t in tagged[title_end:editors_at]):
        return tagged
    out = list(tagged)
    out[stop:title_end] = [t._replace(label="title") for t in out[stop:title_end]]
    out[title_end:editors_at + 1] = [t._replace(label="editor") for t in out[title_end:editors_at + 1]]
    if not any(t.label == "date" for t in out):
        last = max((k for k in range(editors_at + 1, len(out)) if _YEAR_TOKEN.match(out[k].token)), default=None)
        if last is not None:
            out[last] = out[last]._replace(label="date")
    return out


def _chapter_is_no_volume(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's chapter of a book: "in *Battery Management Systems*. Norwood, MA, USA: Artech House, 2015,
    ch. 4, pp. 141–198.": the chapter's number, read as a volume (which makes a journal article of the
    entry), is a note."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "volume" and tagged[i].token.lower() in ("ch.", "chap.", "chapter")
                and tagged[i + 1].label == "volume" and _ARTICLE_NUMBER.match(tagged[i + 1].token)):
            return [*tagged[:i], *(t._replace(label="note") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


_ARTICLE_NUMBER = re.compile(r"^e?\d{1,8}[,.;]?$")


def _article_number_is_the_pages(tagged: list[TaggedToken]) -> list[TaggedToken]:
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


_EDITION_WORD = re.compile(r"^(?:edition|edn|ed)\.?[,.]?$", re.IGNORECASE)


def _year_edition_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Harvard's "UNWTO (2019) International tourism highlights, 2019 edition. Madrid: ...": a year and
    the word "edition" after the title's comma name the edition the title gives; they are the title's
    end, not a second date and an edition "edition"."""
    for i in range(1, len(tagged) - 1):
        year, word = tagged[i], tagged[i + 1]
        if (year.label == "date" and year.token.isdigit() and len(year.token) == 4 and word.label == "edition"
                and _EDITION_WORD.match(word.token) and tagged[i - 1].label == "title" and tagged[i - 1].token.endswith(",")):
            return [*tagged[:i], year._replace(label="title"), word._replace(label="title"), *tagged[i + 2:]]
    return tagged


_BARE_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2}[.,]?$")


def _second_year_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """German author-date's "BMBF (2019): Bildung in Deutschland 2018. Berlin.": a year written on after the
    title's last word, no stop between them, in an entry whose date came before the title, is the title's end
    (a report's year or an edition's), not a second date."""
    first_date = next((i for i, t in enumerate(tagged) if t.label == "date"), -1)
    if first_date < 0:
        return tagged
    for i in range(first_date + 2, len(tagged)):
        year, before = tagged[i], tagged[i - 1]
        if (year.label == "date" and before.label == "title" and _BARE_YEAR.match(year.token)
                and before.token[-1:].isalnum() and tagged[first_date].label == "date"
                and all(t.label != "date" for t in tagged[first_date + 1:i - 1])):
            return [*tagged[:i], year._replace(label="title"), *tagged[i + 1:]]
    return tagged


_YEAR_COLON = re.compile(r"^(?:1[5-9]|20)\d{2}:$")
_INITIAL_STOP = re.compile(r"^(?:[A-Z]\.)+$")


def _title_year_after_the_body_is_the_titles(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """AMA's report, "World Health Organization. WHO Guidelines for Safe Surgery 2009: Safe Surgery Saves Lives.
    World Health Organization; 2009.": the words after the body's full stop and the year with its colon, which the
    tagger reads as more of the author and a date, are the title's beginning when the entry's date comes later."""
    end = 0
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    if end < 3 or end >= len(tagged) - 1 or not _YEAR_COLON.match(tagged[end].token) or tagged[end].label != "date":
        return tagged
    if not any(t.label == "date" for t in tagged[end + 1:]):
        return tagged
    stop = next((i for i in range(end - 1) if tagged[i].token.endswith(".") and not _INITIAL_STOP.match(tagged[i].token)
                 and len(tagged[i].token) > 3), -1)
    if stop < 0 or not all(t.token[:1].isupper() or t.token.islower() for t in tagged[stop + 1:end]):
        return tagged
    return [*tagged[:stop + 1], *(t._replace(label="title") for t in tagged[stop + 1:end + 1]), *tagged[end + 1:]]


_VOLUMES = re.compile(r"^vols?\.?,?$", re.IGNORECASE)


def _volume_count_after_the_italic_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "*The Printing Press as an Agent of Change*. 2 vols. Cambridge: ...": the number of
    volumes after the italic title, which the tagger ran the title on into, is a note."""
    for i in range(1, len(tagged) - 1):
        if (tagged[i].label == "title" and tagged[i].token.isdigit() and _VOLUMES.match(tagged[i + 1].token)
                and tagged[i + 1].label == "title" and tagged[i - 1].label == "title" and _closes_italic(tagged[i - 1].token)):
            return [*tagged[:i], *(t._replace(label="note") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


def _closes_italic(token: str) -> bool:
    return token.rstrip(".,;:)]")[-1:] in ("*", "_")


_STATUS = frozenset({"forthcoming", "forthcoming.", "(forthcoming).", "(forthcoming)", "in", "press.", "press).", "(in"})


_STATUS_SUFFIX = re.compile(r"-[a-z](?=\)?\.?$)")  # APA's "(in press-a)." of two works in press


def _status_word(token: str) -> str:
    return _STATUS_SUFFIX.sub("", token.lower()) if "-" in token else token.lower()


def _status_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
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


_NO_DATE = re.compile(rf"^[(\[]?(?:n\.\s?d\.?|{FOREIGN_NO_DATE}\.)(?:-?[a-z])?[)\]]?[.,]?$", re.IGNORECASE)
_NO_DATE_STARTS = frozenset({"n.d", "n.", "(n.", "(n"})  # how a _NO_DATE token starts, lower-cased
_FOREIGN_NO_DATE_FIRST = frozenset("([ozZsSbBtTuUχ")  # how a foreign one may start ("(s.d.)", "[s.d.]", "o.J.")


def _no_date_mark_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Harvard's title-first "Fiji relocates villages as seas rise (n.d.) BBC News.": "(n.d.)" says
    the work has no date, whatever the tagger took it for (the end of the title: it saw "(2019)" there
    far more often)."""
    if not any((t.token[:1] in "nN(" and t.token[:3].lower() in _NO_DATE_STARTS)
               or (t.token[:1] in _FOREIGN_NO_DATE_FIRST and len(t.token) <= 7 and _NO_DATE.match(t.token))
               for t in tagged):  # most entries
        return tagged
    return [t._replace(label="date") if t.label != "date" and _NO_DATE.match(t.token) else t for t in tagged]


def _vancouver_editor_role_ends_the_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's "Smith J, editor. Tropical medicine." (or "In: Smith J, editor. Tropical medicine."):
    the role word ends the editors; what the tagger ran on into is the title (the book's, after "In:")."""
    out = list(tagged)
    start = next((i for i, t in enumerate(out) if t.label == "editor"), None)
    if start is None:
        return out
    end = start
    while end < len(out) and out[end].label == "editor":
        end += 1
    role = next((k for k in range(start, end - 1) if out[k].token.lower() in ("editor.", "editors.", "eds.", "ed.")
                 and out[k - 1].token.endswith(",")), None)
    if role is not None:
        label = "container" if out[start].token.lower() in ("in:", "in") else "title"
        out[role + 1:end] = [t._replace(label=label) for t in out[role + 1:end]]
    return out


_VANCOUVER_FAMILY = re.compile(  # "Chen", "Pérez-Higueras", "O'Brien", "D’Souza"
    r"^(?:[^\W\d_a-z]['’])?[^\W\d_a-z][^\W\d_]*[a-zß-ÿ][^\W\d_]*(?:['’\-][^\W\d_]+)*$")
_VANCOUVER_PARTICLE = re.compile(r"^[a-z]{1,4}$")  # "de la Macorra JC", "van der Berg J"
_VANCOUVER_INITIALS = re.compile(r"^[A-Z]{1,3}[,.]$")  # "L,", "JJ,", "H." (the last name's: the list ends)


def _vancouver_names_end(tagged: list[TaggedToken]) -> int:
    """The index after the names of a Vancouver author list at the start of the entry ("Chen L, Wu H."
    -> 4), which ends at initials with a full stop; 0 when the entry does not start with one."""
    i = 0
    while i < len(tagged):
        family = i
        while i < len(tagged) and _VANCOUVER_PARTICLE.match(tagged[i].token):
            i += 1
        words = 0
        while i < len(tagged) and words < 2 and _VANCOUVER_FAMILY.match(tagged[i].token):
            i, words = i + 1, words + 1
        if words == 0 or i >= len(tagged) or not _VANCOUVER_INITIALS.match(tagged[i].token) or i - family > 4:
            return 0
        i += 1
        if tagged[i - 1].token.endswith("."):
            return i
        if i + 1 < len(tagged) and tagged[i].token == "et" and tagged[i + 1].token == "al.":
            return i + 2
    return 0


def _vancouver_names_end_at_their_full_stop(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's authors end at the full stop after the last initials ("Chen L, Wu H. Heat. Lancet.
    2020;395:1-2."): the tagger runs a one-word title on into the names ("Wu H. Heat", "Okafor C.
    Malaria. N Engl J Med" all names), as a title of several words, lower-case after its first,
    does not lead it to, nor does a short one with a capital initial in it ("Holick MF. Vitamin D
    deficiency. N Engl J Med"). When the entry has Vancouver's date ("2020;", "2020 Mar;"), the few
    words after the names' full stop, up to their own, are the title, and author words after it, up
    to the date, the journal (a one-word journal taken for a date too: "Kim Y. Sleep. Sleep. 2016;").
    Names that go on are left as read: another initial ("Saunders L. G."), "and"/"et" ("Mair J. et
    Marti I."), a word without a full stop ("Cherri M. Pancake and Sue Utter.")."""
    end = _vancouver_names_end(tagged)
    if not end or end + 1 >= len(tagged) or any(t.label != "author" for t in tagged[:end + 1]):
        return tagged
    if not _vancouver_date(tagged):
        return tagged
    title_end = next((k + 1 for k in range(end, min(end + _SHORT_TITLE_WORDS, len(tagged)))
                      if tagged[k].token.endswith(".")), 0)
    title = tagged[end:title_end]
    if not title or any(t.label != "author" or _name_goes_on(title, k) for k, t in enumerate(title)):
        return tagged
    out = list(tagged)
    out[end:title_end] = [t._replace(label="title") for t in title]
    journal = title_end
    while (journal < len(out) and out[journal].label in ("author", "date") and journal - title_end < 8
           and not _ASCII_DIGIT.search(out[journal].token)):
        journal += 1
        if out[journal - 1].token.endswith("."):
            break
    if (title_end < journal < len(out) and out[journal - 1].token.endswith(".")
            and _ASCII_DIGIT.search(out[journal].token) and out[journal].label in ("date", "volume")):
        out[title_end:journal] = [t._replace(label="container") for t in out[title_end:journal]]
    return out


def _vancouver_title_word_after_the_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"61. O'Brien S, Dubois C. Markets, brokers and borders: The new migration. Asian Surv.
    2021;12(1):33-58.": the words after the Vancouver names' full stop that the tagger reads as one
    more name, right before the title it reads, open the title."""
    start = 0
    while start < len(tagged) and tagged[start].label == "number":
        start += 1
    names = _vancouver_names_end(tagged[start:])
    if not names or any(t.label != "author" for t in tagged[start:start + names]):
        return tagged
    end = start + names
    k = end
    while k < len(tagged) and k - end < 3 and tagged[k].label == "author" and not tagged[k].token.endswith("."):
        k += 1
    if k == end or k >= len(tagged) or tagged[k].label != "title" or not _vancouver_date(tagged):
        return tagged
    return [*tagged[:end], *(t._replace(label="title") for t in tagged[end:k]), *tagged[k:]]


_SHORT_TITLE_WORDS = 6  # how far the title after Vancouver names is looked for; a longer one the tagger reads
_NAME_GOES_ON = re.compile(r"^(?:[A-Z]{1,3}[.,]+|and|et|und|&|[^.]*,)$")  # an initial, a connector, "Smith,"
_CONNECTOR = frozenset({"and", "et", "und", "&"})


def _name_goes_on(title: list[TaggedToken], k: int) -> bool:
    """Does the ``k``-th word after Vancouver names go on with names ("Mair J. et Marti I.", "Cherri M. Pancake
    and Sue Utter.")? A connector inside a sentence-case title, before a word in lower case ("Trees and
    tarmac."), does not."""
    token = title[k].token
    if not _NAME_GOES_ON.match(token):
        return False
    return token not in _CONNECTOR or k == 0 or k + 1 >= len(title) or not title[k + 1].token[:1].islower()
_VANCOUVER_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2};?$")


def _vancouver_date(tagged: list[TaggedToken]) -> bool:
    """Does the entry date itself as Vancouver does, the year (and month, day) ended by ";" before
    the volume ("2020;395:1-2", "2020 Mar 5;12:3"), or a book's year after its publisher's ";"
    ("London: Penguin; 2001.")?"""
    for i, t in enumerate(tagged):
        if _VANCOUVER_YEAR.match(t.token.rstrip(".")):
            if t.token.endswith(";") or (i > 0 and tagged[i - 1].token.endswith(";") and tagged[i - 1].token[:1].isupper()):
                return True  # "2020;395:1-2", or a book's "London: Penguin; 2001."
            after = tagged[i + 1:i + 3]
            if any(a.token.endswith(";") and a.token[:1].isalnum() and len(a.token) <= 5 for a in after):
                return True
    return False


_SPACED_DASHES = frozenset({"—", "–", "-"})
_TITLE_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2}(?:[–-]\d{2,4})?\.$")  # "2019.", "2016–17."
_DASH_SUBTITLE_WORDS = 12  # "— United States, January 1–October 1, 2019." is ten


def _dash_subtitle_and_its_year_end_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """MMWR's titles end in a place and a year after a dash ("Measles cases and outbreaks — United States,
    2019. MMWR Morb Mortal Wkly Rep 2020;69:1-5."): the tagger takes the title for names and the year for
    the entry's date, and the journal for the title. In an entry with Vancouver's date, a dash inside the
    title's sentence, then a year ending that sentence, end the title; the words after it, up to the date's
    digits, are the journal. The title starts after Vancouver names, or after an organisation's full stop."""
    dash = next((i for i, t in enumerate(tagged) if t.token in _SPACED_DASHES and t.label in ("author", "title")), 0)
    if not dash or not _vancouver_date(tagged):
        return tagged
    year = next((k for k in range(dash + 1, min(dash + _DASH_SUBTITLE_WORDS, len(tagged)))
                 if tagged[k].token.endswith(".")), 0)
    if not year or not _TITLE_YEAR.match(tagged[year].token):
        return tagged
    journal_end = next((k for k in range(year + 1, len(tagged)) if _ASCII_DIGIT.search(tagged[k].token)), 0)
    if journal_end <= year + 1 or journal_end - year > 9:
        return tagged
    title_start = next((i for i in range(dash) if tagged[i].label == "title"), 0)
    if not title_start:
        title_start = _vancouver_names_end(tagged) or next(
            (i + 1 for i in range(dash) if tagged[i].token.endswith(".")), 0)
    if not title_start or title_start >= dash or any(t.token.endswith(".") for t in tagged[title_start:dash]):
        return tagged
    out = list(tagged)
    out[title_start:year + 1] = [t._replace(label="title") for t in out[title_start:year + 1]]
    out[year + 1:journal_end] = [t._replace(label="container") for t in out[year + 1:journal_end]]
    return out


_BOLD_YEAR = re.compile(r"^\*\*(?:1[5-9]|20)\d{2}[a-z]?\*\*[,.;]?$")


def _bold_year_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS's year in bold between the journal and the volume ("*Chem. Rev.* **1995**, *95*, 2457–2483."):
    the date, which the tagger runs on into the journal ("Chem. Rev. 1995")."""
    if not any(t.token.startswith("**") for t in tagged):
        return tagged
    return [t._replace(label="date") if t.label != "date" and _BOLD_YEAR.match(t.token) else t for t in tagged]


# words that name a publisher, never a place ("Wiley-VCH", "Oxford University Press", "Springer-Verlag")
_PUBLISHER_WORD = re.compile(r"(?:^|-)(?:Wiley|VCH|Springer|Elsevier|Verlag|Press|Publishers?|Publishing|Books|Inc|Ltd"
                             r"|Society|Academic|Pergamon|Dekker|Routledge|Blackwell|Macmillan|McGraw-Hill)\b[.,:]?")


def _acs_publisher_before_its_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS writes a book's publisher before its place, after a semicolon ("*Solvents in Organic
    Chemistry*, 4th ed.; Wiley-VCH: Weinheim, 2011."), where Chicago writes "Weinheim: Wiley-VCH": a
    place run ending in ":" after a ";", then a publisher run, is the publisher, then the place, when
    the place's words name a publisher ("Wiley-VCH", "Academic Press"; "2 vols.; New York: Norton" stays)."""
    out = list(tagged)
    for i in range(1, len(out)):
        if out[i].label != "location" or out[i - 1].label == "location" or not out[i - 1].token.endswith(";"):
            continue
        colon = i
        while colon < len(out) and out[colon].label == "location" and not out[colon].token.endswith(":"):
            colon += 1
        if colon >= len(out) or out[colon].label != "location" or colon + 1 >= len(out) or out[colon + 1].label != "publisher":
            continue
        if not any(_PUBLISHER_WORD.search(t.token) for t in out[i:colon + 1]):
            continue  # "2 vols.; New York: Norton": a place, as the tagger read it
        end = colon + 1
        while end < len(out) and out[end].label == "publisher":
            end += 1
        out[i:colon + 1] = [t._replace(label="publisher") for t in out[i:colon + 1]]
        out[colon + 1:end] = [t._replace(label="location") for t in out[colon + 1:end]]
    return out


_EDITION_NUMBER = re.compile(r"^\d{1,3}\.$")  # German and French editions: "11. Aufl.", "3. éd."
_EDITION_WORD = re.compile(r"^(?:Aufl(?:age)?|[ée]d(?:ition)?|edn|Ausg(?:abe)?)\.?[,.;]?$", re.IGNORECASE)


def _numbered_edition_ends_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """DIN 1505's "*Regenerative Energiesysteme*. 11. Aufl. München : Hanser, 2019": the edition after
    the title, a number with a full stop then "Aufl." ("3. éd."), which the tagger runs into the title."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        if (out[i].label == "title" and out[i + 1].label == "title" and _EDITION_NUMBER.match(out[i].token)
                and _EDITION_WORD.match(out[i + 1].token) and out[i - 1].token.endswith((".", ",", "*"))
                and (i + 2 >= len(out) or out[i + 2].label != "title")):
            out[i], out[i + 1] = out[i]._replace(label="edition"), out[i + 1]._replace(label="edition")
    return out


_BOLD_NUMBER = re.compile(r"^\*\*\d{1,5}\*\*[,.:]?$")
_NUMBER_RANGE = re.compile(r"^\d{1,6}[–-]\d{1,6}[,.]?$")
_BRACKETED_YEAR = re.compile(r"^\((?:1[5-9]|20)\d{2}[a-z]?\)[.,;]?$")


def _bold_volume_follows_the_journal(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Science's and Nature's bold volume after the italic journal ("*Science* **359**, eaam7240 (2018)."):
    the volume, which the tagger runs into the journal when an article number stands for the pages."""
    out = list(tagged)
    for i in range(1, len(out)):
        if (out[i].label == "container" and out[i - 1].label == "container" and _BOLD_NUMBER.match(out[i].token)
                and out[i - 1].token.rstrip(",.").endswith(("*", "_"))):
            out[i] = out[i]._replace(label="volume")
    return out


def _pages_before_the_bracketed_year(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Science's and Nature's pages between the volume and the year in brackets ("**12**, 2013–2041
    (2020)."): a range there is the pages, though its numbers read as years."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        if (out[i].label == "date" and out[i - 1].label == "volume" and _NUMBER_RANGE.match(out[i].token)
                and _BRACKETED_YEAR.match(out[i + 1].token)):
            out[i] = out[i]._replace(label="pages")
    return out


def _law_review_volume_and_first_page(tagged: list[TaggedToken]) -> list[TaggedToken]:
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


def _initial_opens_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"W. W. Norton": an initial the tagger took for a place, right before the publisher, is the
    publisher's first word."""
    out = list(tagged)
    for i in range(len(out) - 1):
        if (out[i].label == "location" and out[i + 1].label == "publisher" and _INITIAL_TOKEN.match(out[i].token)
                and (i == 0 or out[i - 1].label != "location")):
            out[i] = out[i]._replace(label="publisher")
    return out


def _italic_title_in_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An author run that goes on into an italic work (MLA's "Morrison, Toni. *Beloved*. Alfred A.
    Knopf, 1987.", all read as names): no name is set in italics, so the italic words are the title,
    and the words between it and the date the publisher."""
    out = list(tagged)
    k = next((i for i in range(1, len(out)) if out[i].label != "author" or out[i].token[:1] in "*_"), len(out))
    if k == len(out) or out[k].label != "author" or not out[k - 1].token.endswith("."):
        return out
    end = next((i + 1 for i in range(k, len(out)) if out[i].token.rstrip(".,;:")[-1:] in ("*", "_")), None)
    if end is None or any(t.label != "author" for t in out[k:end]):
        return out
    out[k:end] = [t._replace(label="title") for t in out[k:end]]
    rest = end
    while rest < len(out) and out[rest].label == "author" and not _ASCII_DIGIT.search(out[rest].token):
        rest += 1
    if end < rest < len(out) and out[rest].label == "date":
        out[end:rest] = [t._replace(label="publisher") for t in out[end:rest]]
    return out


LEAD_UNSURE = 0.6  # a lead labelled title less surely than this may be the author
TITLE_SURE = 0.9  # ... when the title after the date is labelled at least this surely


def _unsure_lead_before_a_sure_title_is_the_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Conseil du paysage québécois (2002). Guide du paysage, ..., 17 p.": the tagger reads the lead
    as a title, unsurely, then surely reads a title after the date; an entry has one title, so the
    lead is its (corporate) author. A title-first entry's lead ends at a full stop ("The
    Competitiveness of ... Industries. (2000) Prepared by ..."): kept."""
    n = 0
    while n < len(tagged) and tagged[n].label == "title":
        n += 1
    if not 0 < n <= 10 or n + 1 >= len(tagged) or tagged[n].label != "date":
        return tagged
    if max(t.confidence for t in tagged[:n]) >= LEAD_UNSURE or tagged[n - 1].token.endswith("."):
        return tagged
    after = n
    while after < len(tagged) and tagged[after].label == "date":
        after += 1
    if after >= len(tagged) or tagged[after].label != "title" or tagged[after].confidence < TITLE_SURE:
        return tagged
    return [t._replace(label="author") for t in tagged[:n]] + tagged[n:]


_EDITOR_MARKS = frozenset({"ed.", "eds.", "edited"})
TITLE_AS_EDITOR_UNSURE = 0.7


def _title_before_its_editor_mark(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """MLA's edited book, "Faith and Reason in Early Modern Europe. Ed. Martin Keller. Oxford:
    Clarendon Press, 1999.": the words before "Ed." that open the entry and end at a full stop, which
    the tagger half reads as more editors (or surely, but they hold a title's word: "Rivers in Memory,
    Myth and Law. Eds. ..."), are the title."""
    mark = 0
    while mark < len(tagged) and tagged[mark].label == "editor" and tagged[mark].token.lower() not in _EDITOR_MARKS:
        mark += 1
    if mark < 2 or mark >= len(tagged) or tagged[mark].label != "editor" or not tagged[mark - 1].token.endswith("."):
        return tagged
    if max(t.confidence for t in tagged[:mark]) >= TITLE_AS_EDITOR_UNSURE and not _holds_title_words(tagged[:mark]):
        return tagged
    return [t._replace(label="title") for t in tagged[:mark]] + tagged[mark:]


_NAME_SMALL_WORDS = frozenset(
    "and & und et y e i van von de der den del della di da du dos la le ten ter zu bin ibn al el".split())


def _holds_title_words(tokens: list[TaggedToken]) -> bool:
    """Does a run read as names hold a word no list of names has: a lower-case word other than a
    connector or a particle ("Rivers in Memory, Myth and Law.")?"""
    return any(t.token.isalpha() and t.token.islower() and t.token not in _NAME_SMALL_WORDS for t in tokens)


_BY_ROLES = frozenset({"edited", "translated", "ed.", "trans.", "transl.", "compiled"})
_ROLE_LABELS = frozenset({"author", "editor", "translator"})
_INITIAL_MARK = re.compile(r"^(?:[A-Z]\.)+$")


def _work_before_its_edited_by_is_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "Ovid. Metamorphoseon. Edited by Michael von Albrecht.", "Andrade, Mário de.
    Macunaíma. Translated by E. A. Goodland.": an entry with no title whose names run, in the tagger's
    reading, into the sentence before "Edited by": that sentence, after the author's, is the title,
    and the sentence before it the author's, whose editors are those named after "by"."""
    if any(t.label == "title" for t in tagged):
        return tagged
    by = next((k for k in range(1, len(tagged) - 1) if tagged[k].token.lower() in _BY_ROLES
               and tagged[k + 1].token.lower() == "by"), 0)
    if not by or not tagged[by - 1].token.endswith(".") or any(t.label not in _ROLE_LABELS for t in tagged[:by]):
        return tagged
    start = by - 1  # back to the full stop that ends the author's sentence (an initial's is no end)
    while start > 0 and not (tagged[start - 1].token.endswith(".") and not _INITIAL_MARK.match(tagged[start - 1].token)):
        start -= 1
    if start == 0 or _INITIAL_MARK.match(tagged[by - 1].token):
        return tagged
    lead = [t._replace(label="author") if t.label == "editor" else t for t in tagged[:start]]
    return [*lead, *(t._replace(label="title") for t in tagged[start:by]), *tagged[by:]]


_JOURNAL_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,7}\.$")  # "Int.", "Theor.", "Opt.", "Fortsch."
_FAMILY_NAME_COMMA = re.compile(r"^[A-Z][\w'’-]+,$")
_NUMBER_LABELS = frozenset({"volume", "date", "pages"})


def _physics_entry_has_no_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Physics' "J. Polchinski, Int. J. Mod. Phys. A16, 707-718 (2001).", "E. Yablonovitch, Opt.
    Lett. 1983, 8, 491.": names, then a journal's abbreviated name and its numbers, no title. The
    tagger reads a word or two between the names and the journal as a title: an abbreviation is the
    journal's first word when a comma ends the names (as is one it left with the names, "Maldacena,
    Adv. Theor. Math. Phys."), a family name after its initial the last author's."""
    title = [k for k, t in enumerate(tagged) if t.label == "title"]
    if not title or len(title) > 2 or title[-1] - title[0] != len(title) - 1:
        return tagged
    first, after = title[0], title[-1] + 1
    if first == 0 or tagged[first - 1].label != "author" or after >= len(tagged) - 1 or tagged[after].label != "container":
        return tagged
    end = after
    while end < len(tagged) and tagged[end].label == "container":
        end += 1
    if end >= len(tagged) or tagged[end].label not in _NUMBER_LABELS:
        return tagged
    out = list(tagged)
    if len(title) == 1 and _FAMILY_NAME_COMMA.match(tagged[first].token) and _INITIAL_MARK.match(tagged[first - 1].token):
        out[first] = tagged[first]._replace(label="author")
        return out
    if not all(_JOURNAL_ABBREVIATION.match(tagged[k].token) for k in title):
        return tagged
    start = first
    while (start > 1 and tagged[start - 1].label == "author" and _JOURNAL_ABBREVIATION.match(tagged[start - 1].token)
           and tagged[start - 2].token.endswith(",")):
        start -= 1
    if not tagged[start - 1].token.endswith(","):  # "Lee, J. Optics. Appl. Opt.": a title after the names' full stop
        return tagged
    for k in range(start, after):
        out[k] = tagged[k]._replace(label="container")
    return out


_EDITORS_AFTER = re.compile(r"^(?:editors?|\(?eds?\.?\)?)[,.:]?$", re.IGNORECASE)  # "editors,", "(eds.),", "eds.,"


def _names_before_editors_word_are_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's and ACM's "In Jean-Luc Gaudiot and Lubomir Bic, editors, Advanced Topics in Data-Flow
    Computing, pages 347-379.": the names the tagger ran into the container before the word
    "editors" are the editors, and the container what follows (not before "eds." that names the
    editors after it: "In Proceedings of ..., eds. Pamela Hinds et al.": the words are names only)."""
    out = tagged
    for k in range(2, len(tagged) - 1):
        if not (_EDITORS_AFTER.match(tagged[k].token) and tagged[k].label == "editor"
                and tagged[k - 1].label == "container" and tagged[k - 1].token.endswith(",")
                and tagged[k + 1].label == "container"):
            continue
        start = k - 1
        while start > 0 and tagged[start - 1].label == "container":
            start -= 1
        if tagged[start].token.lower() not in ("in", "in:") or not _names_only(tagged[start + 1:k]):
            continue
        out = [*out[:start], *(t._replace(label="editor") for t in out[start:k]), *out[k:]]
    return out


def _names_only(tokens: list[TaggedToken]) -> bool:
    """Capitalised words, initials and "and" only, no more than a list of editors holds."""
    return 0 < len(tokens) <= 10 and all(
        t.token in ("and", "&") or t.token[:1].isupper() and not _ASCII_DIGIT.search(t.token) for t in tokens)


def _second_title_after_the_editors_is_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Join on a cube: Analysis ... In M. Kitsuregawa and H. Tanaka, editors, Database Machines and
    Knowledge Base Machines. Kluwer, 1987.": a title after the chapter's title, behind "In" and the
    editors, is the book's, the container."""
    labels = [t.label for t in tagged]
    if "container" in labels or "title" not in labels:
        return tagged
    first_end = labels.index("title")
    while first_end < len(labels) and labels[first_end] == "title":
        first_end += 1
    editors = first_end
    while editors < len(labels) and labels[editors] == "editor":
        editors += 1
    if (editors == first_end or editors >= len(labels) or labels[editors] != "title"
            or tagged[first_end].token.lower() not in ("in", "in:") or not _EDITORS_AFTER.match(tagged[editors - 1].token)):
        return tagged
    end = editors
    while end < len(labels) and labels[end] == "title":
        end += 1
    return [*tagged[:editors], *(t._replace(label="container") for t in tagged[editors:end]), *tagged[end:]]


_SHORT_YEAR = re.compile(r"^['’]\d\d[,.;:)]?$")  # "'88,", "’13,"


def _short_year_ends_the_proceedings(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"In Proceedings of Supercomputing '88, Orlando, FL, November 1988.": the conference's year
    written short, after its name, is the container's last word, not a volume or a date."""
    out = list(tagged)
    for k in range(1, len(tagged)):
        if _SHORT_YEAR.match(tagged[k].token) and tagged[k - 1].label == "container" and tagged[k].label != "container":
            out[k] = tagged[k]._replace(label="container")
    return out


def _family_name_the_title_ran_into(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A title-first entry, "Emissions trading in China: Progress and prospects Zhang, D., V.J.
    Karplus ... 2014 Energy Policy": the title's last word, a capitalised name and its comma right
    before the authors' first initials, is the first author's family name."""
    for k in range(1, len(tagged) - 1):
        cur = tagged[k]
        if cur.label == "title" and tagged[k + 1].label == "author" and tagged[k - 1].label == "title":
            if (_FAMILY_NAME_COMMA.match(cur.token) and _INITIAL_MARK.match(tagged[k + 1].token.rstrip(","))
                    and not tagged[k - 1].token.endswith((".", ",", ":", ";", "?", "!"))):
                return [*tagged[:k], cur._replace(label="author"), *tagged[k + 1:]]
            return tagged
    return tagged


_REPEATED_AUTHOR = re.compile(r"^[-–—_]{2,}\.$")  # "———.", "–––––.", "______."


def _words_after_the_repeated_author_dash_are_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"———. Point Counter Point. Garden City, N.Y.: Doubleday, 1928.", "–––––. Wieland; or The
    Transformation.": the dash that repeats the entry before's names ends with its full stop; the
    words the tagger reads as more names after it are the title's (names added to the dash's follow a
    comma: "———, and Jane Doe.")."""
    if len(tagged) < 2 or tagged[0].label != "author" or not _REPEATED_AUTHOR.match(tagged[0].token):
        return tagged
    end = 1
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    if end == 1 or any(t.token.lower() in ("and", "&", "ed.", "eds.") for t in tagged[1:end]):
        return tagged
    return [tagged[0], *(t._replace(label="title") for t in tagged[1:end]), *tagged[end:]]


def _names_after_an_editor_mark_are_the_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Spirits in Culture, History and Mind. Eds. Jeannette Marie Mageo and Alan Howard. London:":
    the names after "Eds." (or "Ed.", "Edited by"), up to their full stop, that the tagger reads as
    more title are the editors (a mark after a sentence's full stop: one after a name's comma follows the
    editors)."""
    for k in range(len(tagged) - 1):
        if tagged[k].label != "editor" or tagged[k].token.lower() not in _EDITOR_MARKS:
            continue
        if k == 0 or not tagged[k - 1].token.endswith("."):  # "Tester, Keith, ed. The Flâneur.": the names before
            continue
        start = k + 2 if tagged[k + 1].token.lower() == "by" else k + 1
        end = start
        while end < len(tagged) and tagged[end].label == "title" and end - start < 12:
            end += 1
            if tagged[end - 1].token.endswith("."):
                break
        names = tagged[start:end]
        if (len(names) >= 2 and names[-1].token.endswith(".") and (end >= len(tagged) or tagged[end].label != "title")
                and all(t.token in ("and", "&") or t.token[:1].isupper() for t in names)):
            return [*tagged[:start], *(t._replace(label="editor") for t in names), *tagged[end:]]
    return tagged


_ARTICLES = frozenset({"The", "A", "An"})


def _title_read_as_more_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Gerald Ham, The Archival Edge, American Archivist, Jan. 1975", "David McKay, American Politics
    and Society, 7th edn": an entry with no title whose first name, written given name first, the
    tagger ran on into the title (and the journal after it) as more names. The first part after it
    that no person's name is (it opens with an article, holds a lower-case word other than a
    connector, or opens with no given name in three words or more) is the title, the names after it
    the container."""
    if any(t.label == "title" for t in tagged):
        return tagged
    start = 0
    while start < len(tagged) and tagged[start].label == "number":
        start += 1
    end = start
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    parts: list[tuple[int, int]] = []
    k = start
    for j in range(start, end):
        if tagged[j].token.endswith(","):
            parts.append((k, j + 1))
            k = j + 1
    if k < end:
        parts.append((k, end))
    if len(parts) < 2:
        return tagged
    first = [t.token.rstrip(",") for t in tagged[parts[0][0]:parts[0][1]]]
    if not 2 <= len(first) <= 4 or not (is_given_name_anywhere(first[0]) or _INITIAL_MARK.match(first[0])):
        return tagged
    if not all(w[:1].isupper() for w in first) or _capitals_word(first[-1]):  # "Wade DT": Vancouver's, family first
        return tagged
    for a, b in parts[1:]:
        raw = [t.token for t in tagged[a:b]]
        while raw and raw[0] in ("and", "&"):
            raw = raw[1:]
        words = [w.rstrip(",.") for w in raw]
        if not words:
            return tagged
        lower = any(w.isalpha() and w.islower() and w not in _NAME_SMALL_WORDS for w in words)
        person = is_given_name_anywhere(words[0]) or bool(_INITIAL_MARK.match(raw[0].rstrip(",")))
        if raw[0] in _ARTICLES or lower or len(words) >= 3 and not person:
            out = list(tagged)
            out[a:b] = [t._replace(label="title") for t in tagged[a:b]]
            out[b:end] = [t._replace(label="container") for t in tagged[b:end]]
            return out
        if not person:
            return tagged  # a part that may be a person's name: the list goes on as read
    return tagged


_VOLUME_MARKS = frozenset({"vol", "vol.", "vols.", "volume", "bd.", "band", "t.", "tome", "jg."})


def _volume_mark_is_no_part_of_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Greek, Roman and Byzantine Studies Vol. 37 (1996)", "Encyclopaedia Iranica. Vol. XIII, Fasc.
    3": the volume's mark the tagger ran the journal on into, and what follows it up to the volume
    it reads, are the volume's."""
    for k in range(1, len(tagged) - 1):
        if (tagged[k].label == "container" and tagged[k - 1].label == "container"
                and tagged[k].token.lower() in _VOLUME_MARKS):
            end = k + 1
            while end < len(tagged) and tagged[end].label == "container" and end - k < 4:
                end += 1
            if end < len(tagged) and tagged[end].label == "volume":
                return [*tagged[:k], *(t._replace(label="volume") for t in tagged[k:end]), *tagged[end:]]
            return tagged
    return tagged


_QUOTE_PAIRS = {"‘": "’", "“": "”", "«": "»", '"': '"', "„": "“"}
_QUOTED_SPLIT_OFF = frozenset({"volume", "pages", "date", "issue", "note", "genre"})


def _quotes_hold_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"‘Further Reflexions on Philippians 2: 5-11’ (264-276) in ...", "« L’égalité de traitement ... À
    propos de la directive 2006/54 CE du 5 juillet 2006 », Dr soc., 2007": a quoted title the tagger cut
    at its numbers, read as a volume, pages or a date: the quotes set one title, so the words up to
    the closing quote are the title's, when the entry has a date of its own after them."""
    for i, tok in enumerate(tagged):
        if tok.label != "title":
            continue
        closing = _QUOTE_PAIRS.get(tok.token[:1])
        if closing is None or tok.token.rstrip(".,;:").endswith(closing) and len(tok.token) > 1:
            return tagged
        j = next((k for k in range(i + 1, min(len(tagged), i + 60))
                  if tagged[k].token.rstrip(".,;:)").endswith(closing)), None)
        if j is None or not any(t.label == "date" for t in tagged[j + 1:]):
            return tagged
        inside = tagged[i + 1:j + 1]
        if not any(t.label != "title" for t in inside) or not all(
                t.label == "title" or t.label in _QUOTED_SPLIT_OFF for t in inside):
            return tagged
        return [*tagged[:i + 1], *(t._replace(label="title") for t in inside), *tagged[j + 1:]]
    return tagged


_BRACKETED_EDITOR_MARK = re.compile(r"^\((?:eds?|editors?)\.?\)[.,:]?$", re.IGNORECASE)


def _names_before_their_editor_mark_are_the_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ISO 690's and Chicago's edited book, "DURAND, Marie et LEFÈVRE, Paul (dir.). *Les politiques de la ville*.
    Lyon : PUL, 2016." (the mark read as "(Ed.)"): names that open the entry and end with a bracketed editor's mark,
    which the tagger reads with the mark as authors, are the book's editors."""
    end = 0
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    if end < 2 or not _BRACKETED_EDITOR_MARK.match(tagged[end - 1].token):
        return tagged
    if any(t.label in ("author", "editor") for t in tagged[end:]):
        return tagged
    return [t._replace(label="editor") for t in tagged[:end]] + tagged[end:]


_ITALICS = (" *", " _")  # a token that opens italics
# each repair, in the order they run, and the marks (lower case) one of which its entry's tokens must
# hold for it to change anything (none: it may change any entry); a mark with a space first opens a token
_REPAIRS: tuple[tuple[Callable[[list[TaggedToken]], list[TaggedToken]], tuple[str, ...]], ...] = (
    (_given_name_before_bracketed_date, (" (",)),
    (_given_name_before_the_colon, (":",)),  # DIN's "KEMFERT, Claudia: Title"
    (_status_is_the_date, (" forthcoming", " (forthcoming", " press")),
    (_no_date_mark_is_the_date, (".d", ".j", ".f", ".r", ".y")),  # "n.d.", "o.J.", "s.f.", "b.r.", "t.y."
    (_vancouver_editor_role_ends_the_names, (" ed.", " eds.", " editor")),
    (_vancouver_names_end_at_their_full_stop, (";",)),  # Vancouver's date
    (_vancouver_title_word_after_the_names, (";",)),
    (_initial_opens_the_publisher, ()),
    (_italic_title_in_author, _ITALICS),
    (_italics_hold_one_field, _ITALICS),
    (_italic_container_ends_with_its_italics, _ITALICS),
    (_one_token_gap_is_bridged, ()),
    (_close_open_container, ()),
    (_untitled_note_after_the_date_is_the_title, ()),
    (_page_range_follows_its_label, (" pp", " p.", " page")),
    (_words_before_a_bracketed_medium_are_the_title, ()),
    (_organisation_before_a_quoted_title, (' "', " “", " ‘", " *", " _")),
    (_volume_count_after_the_italic_title, (" vol",)),
    (_year_edition_ends_the_title, (" ed",)),
    (_second_year_ends_the_title, ()),
    (_title_year_after_the_body_is_the_titles, ()),
    (_given_names_before_the_title_are_the_authors, ()),
    (_river_abbreviation_is_the_place, (" a.", " i.")),
    (_committee_then_title_then_editors, (" editor",)),
    (_article_number_is_the_pages, (" art",)),
    (_chapter_is_no_volume, (" ch",)),
    (_dash_subtitle_and_its_year_end_the_title, (";",)),  # Vancouver's date
    (_bold_year_is_the_date, ("**",)),
    (_acs_publisher_before_its_place, (";",)),
    (_numbered_edition_ends_the_title, (" aufl", " ed", " ausg")),
    (_bold_volume_follows_the_journal, ("**",)),
    (_pages_before_the_bracketed_year, (" (",)),
    (_law_review_volume_and_first_page, (",",)),
    (_unsure_lead_before_a_sure_title_is_the_author, ()),
    (_title_before_its_editor_mark, (" ed.", " eds.", " edited")),
    (_work_before_its_edited_by_is_the_title, (" by ",)),
    (_physics_entry_has_no_title, ()),
    (_names_before_editors_word_are_editors, (" editor", "eds")),
    (_second_title_after_the_editors_is_the_container, (" editor", "eds")),
    (_short_year_ends_the_proceedings, (" '", " ’")),
    (_family_name_the_title_ran_into, (",",)),
    (_words_after_the_repeated_author_dash_are_the_title, ("--", "——", "––", "__")),
    (_names_after_an_editor_mark_are_the_editors, (" ed.", " eds.", " edited")),
    (_title_read_as_more_names, (",",)),
    (_volume_mark_is_no_part_of_the_container, (" vol", " bd", " band", " t.", " tome", " jg")),
    (_quotes_hold_the_title, (' "', " “", " ‘", " «", " „")),
    (_names_before_their_editor_mark_are_the_editors, (" (ed", " (editor")),
)
