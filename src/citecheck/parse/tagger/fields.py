"""From tagged tokens to typed field values, each with a confidence.

The tagger labels tokens; a field is the first run of tokens with its label (a later run of
the same label, such as a second date, is kept apart). Values are cleaned the way the rule
parser cleans its own: markup and enclosing quotes removed, trailing punctuation dropped,
"vol. 12, no. 3" split into volume and issue, "pp." dropped from pages. A field's confidence
is the mean marginal probability of its tokens, lowered when the run is broken (the same
label appearing again after other labels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...model import Name
from ..dates import FOREIGN_NO_DATE
from ..names import ETAL, is_organisation, parse_author_list, parse_name
from ..reference_segments import clean_title, strip_markup
from ..urls import mentions
from .label_repairs import repaired
from .model import TaggedToken
from .publisher_place import publisher_and_place

_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d{2})([a-z])?(?!\d)")
_EARLY_YEAR = re.compile(r"(?<!\d)(1[0-4]\d{2})([a-z])?(?!\d)")  # in a date run: Chaucer's "(1400)"
_ND = re.compile(rf"(?:\bn\.\s?d\b\.?|(?<!\w){FOREIGN_NO_DATE}\.|\bin\s+press\b|\bforthcoming\b)(?:\s*-?\s*([a-z])\b)?",
                 re.IGNORECASE)
_EDITOR_LEAD = re.compile(r"^\s*(?:(?:in|en|dans|em):?\s+)?(?:(?:edited|eds?\.|trans(?:lated)?\.?)\s+by\s+|eds?\.\s+)?",
                          re.IGNORECASE)  # and Spanish APA's "En A. Martín & B. Sánchez (Eds.)", French "Dans", Portuguese "Em",
# and MLA's "Eds. Jeannette Marie Mageo and Alan Howard"
# a translator's role, before the names: "Translated by", "Trans.", "Edited and translated by", "Übersetzt von"
_TRANSLATOR_LEAD = re.compile(
    r"^\s*(?P<edited>edited\s+and\s+)?(?:translated|trans\.?|transl\.|tr\.)(?P<and_edited>\s+and\s+edited)?"
    r"(?:\s+(?:by|from\s+the\s+\w+(?:\s+by)?))?\s+|^\s*(?:übersetzt\s+von|traduit\s+(?:de\s+l'\w+\s+)?par|"
    r"traducido\s+por|tradotto\s+da|trad\.)\s+", re.IGNORECASE)
_EDITOR_TAIL = re.compile(r"[\s,]*\(?\b(?:eds?|editors?|hrsg|trans)\.?\)?[.,:]?\s*$", re.IGNORECASE)
_TRANSLATOR_TAIL = re.compile(r",\s*(?:trans|tr|transl)\.?[.,:]?\s*$", re.IGNORECASE)
_TRAILING_ETAL = re.compile(r",?\s+et\s+al\.?$")
_VANCOUVER_SOLE = re.compile(r"^[^\W\d_][\w'’-]+\s[A-Z]{1,3}$")  # "Smith J, editor."
_HANDLE = re.compile(r"\[@[^\]]*\]")
_BULLET = re.compile(r"^[-–•·]\s+(?=\w)")  # a list's bullet before the names ("- G. MORANGE, « ... »")
_AND = re.compile(r"\s*(?:&|\band\b)\s*")
# Vancouver's date before the volume: "2004;101(4)", the day of "2011 Jul 23;378(9789)"
_VANCOUVER_YEAR = re.compile(r"^[^;]*;\s*(?=\d)")
_LEAD_YEAR = re.compile(r"^\s*((?:1[5-9]|20)\d{2})\s*;")  # Vancouver "2000;355(9222):"
_NUMBER = re.compile(r"\d+")
# a volume run that took the pages after its colon too: "58(1):1–20," (BibTeX's plain style), "12:45"
_VOLUME_PAGES = re.compile(r"^(?P<volume>.*?[\w)])\s*:\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?)[\s.,;]*$")
_PAGES_LABEL = re.compile(  # "pages" before its "p"; IEEE's "Art. no. 1706", APA's "Article 103425"; Vietnamese "tr."
    r"^(?:art(?:icle)?\.?\s*(?:no\.?|number)\.?\s*|article\s+|(?:pages?|pp?|s|tr)(?:[.:,]\s*|\s+|(?=\d))|(?:pages?|pp?)$)",
    re.IGNORECASE)  # a label ends at its full stop, a space or the number: "Print." and "sec." keep their letters
_IN = re.compile(r"^in:?\s+", re.IGNORECASE)
_PAGE_LIKE = re.compile(r"\d|^[ivxlc]+\b|^n\.?\s?p(?:ag)?\.?$", re.IGNORECASE)  # a number, a roman one ("xii pp"), "NP"
# an issue on its own, after the volume and the date: DIN 1505's and ISO 690's "Nr. 3", "H. 2", "No. 4"
_ISSUE_RUN = re.compile(r"^(?:nr|no|heft|h|issue|iss|n°)\.?\s*(?P<issue>\d+(?:[/–-]\d+)?)[,.;]?$", re.IGNORECASE)
_VOLUME = re.compile(
    r"^(?:vol(?:ume)?\.?\s*)?(?P<volume>[\dA-Za-z]+?)\s*(?:,?\s*(?:\((?P<issue>[^)]+)\)|(?:nos?|nr|issue|iss)(?![a-z])\.?\s*(?P<issue2>[\w/–-]+)))?$",
    re.IGNORECASE,
)


@dataclass
class TaggedFields:
    """Field values read from one tagged reference, and a confidence per field."""

    values: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    runs: list[tuple[str, str, float, int, int]] = field(default_factory=list)  # label, text, conf, start, end


def _runs(tagged: list[TaggedToken]) -> list[tuple[str, str, float, int, int]]:
    out: list[tuple[str, str, float, int, int]] = []
    labels = [t.label for t in tagged]
    i = 0
    while i < len(labels):  # each run of one label
        label = labels[i]
        j = i + 1
        while j < len(labels) and labels[j] == label:
            j += 1
        toks = tagged[i:j]
        for part in _date_parts(toks) if label == "date" and len(toks) > 1 else [toks]:
            text = " ".join([t.token for t in part])
            out.append((label, text, sum([t.confidence for t in part]) / len(part), part[0].start, part[-1].end))
        i = j
    return out


def _date_parts(toks: list[TaggedToken]) -> list[list[TaggedToken]]:
    """A date run with a year in more than one chunk ("... Report 2019. (2020)."), cut before each
    later chunk with a year (a chunk's tokens share its confidence), so the surest year is taken."""
    parts = [[toks[0]]]
    has_year = bool(_YEAR.search(toks[0].token))
    for prev, tok in zip(toks, toks[1:]):
        year = bool(_YEAR.search(tok.token))
        if year and has_year and tok.confidence != prev.confidence:
            parts.append([tok])
        else:
            parts[-1].append(tok)
            has_year = has_year or year
    return parts


# a container run that is an italic name and then a name in roman type: the second is the publisher
_ITALIC_THEN_NAME = re.compile(r"^\s*(?P<container>[*_][^*_]+[*_])[.,]?\s+(?P<publisher>[^\d*_]*[^\W\d_][^\d*_]*)$")


def _bare(text: str) -> str:
    bare = strip_markup(text).strip(" .,;:").strip()
    if bare.startswith("(") and ")" not in bare:  # the Bluebook's "(Harvard Univ. Press 2008)": its bracket opens
        bare = bare[1:].strip()
    return bare


_EDITION_NUMBER = re.compile(r"^(?P<n>\d{1,3})\s*(?:st|nd|rd|th|e|\.|\.?\s?[ªºa])?\s*(?:ed(?:ition|n|ición|ição|izione)?|aufl(?:age)?"
                             r"|éd(?:ition)?|dr(?:uk)?|izd)\.?$",
                             re.IGNORECASE)
_EDITION_WORD = re.compile(r"\s*\b(?:ed(?:ition|n)?)\.?$", re.IGNORECASE)
_EDITION_PUBLISHER = re.compile(r"^\(?(?P<edition>\d{1,3}(?:st|nd|rd|th)\s+edn\.?),\s*(?P<publisher>[^\d,()]{2,60})$")


def edition_of(text: str) -> str:
    """An edition as BibLaTeX wants it: "(2nd ed.)", "2. Aufl." -> "2" (printed "2nd edition"); "Rev.
    ed." -> "Rev."; anything else as written, without brackets."""
    plain = _bare(text).strip("()[] ")
    number = _EDITION_NUMBER.match(plain)
    if number:
        return number.group("n")
    return _EDITION_WORD.sub("", plain).strip() or plain


def names_of(text: str) -> tuple[Name, ...]:
    text = strip_markup(text).strip()
    # (each pattern only where it can match: a bullet opens the text, a handle holds "[@"; most names have neither)
    if text[:1] in ("-", "–", "•", "·"):
        text = _BULLET.sub("", text, count=1)
    if "[@" in text:
        text = _HANDLE.sub("", text)  # "Given Family [@handle]"
    return parse_author_list(text.strip(" ,;:"))


# "edited by Ann Lee, Bob Roe, and Carl Poe": each name given names first, parted by commas and "and"
_BY_NAMES = re.compile(r"^\s*(?:edited|eds?\.)\s+by\s+", re.IGNORECASE)
_GIVEN_FIRST_NAME = re.compile(r"^(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’-]+$")
_SERIES_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def editors_of(text: str) -> tuple[Name, ...]:
    text = strip_markup(text).strip()
    by = _BY_NAMES.match(text) is not None
    text = _EDITOR_TAIL.sub("", _EDITOR_LEAD.sub("", text, count=1)).strip()
    text = text.strip(" ,;:()")
    if by and "," in text:
        body, etal = _TRAILING_ETAL.subn("", text)
        chunks = [c.strip() for c in _SERIES_SEP.split(body) if c.strip()]
        if len(chunks) > 1 and all(_GIVEN_FIRST_NAME.match(c) and not is_organisation(c) for c in chunks):
            return tuple(parse_name(c, given_first=True) for c in chunks) + ((ETAL,) if etal else ())
    if "," not in text and text and not _VANCOUVER_SOLE.match(text):  # "edited by Mark Roe and Ann Lee": given names first
        text, etal = _TRAILING_ETAL.subn("", text)  # "edited by Lawrence Grossberg et al."
        chunks = [c for c in _AND.split(text) if c.strip()]
        return tuple(parse_name(c, given_first=True) for c in chunks) + ((ETAL,) if etal else ())
    return parse_author_list(text)


def volume_issue(text: str) -> tuple[str, str]:
    plain = strip_markup(text).strip(" .,;:")
    if plain.startswith("(") or not plain.endswith(")") or "(" not in plain:
        plain = plain.strip("()")  # "(12)", "12)": a stray bracket; "144 (1–2)" keeps its issue's
    plain = _VANCOUVER_YEAR.sub("", plain)  # Vancouver "2004;101(4)", "23;378(9789)"
    m = _VOLUME.match(plain)
    if m:
        return m.group("volume"), (m.group("issue") or m.group("issue2") or "").strip()
    numbers = _NUMBER.findall(plain)
    return (numbers[0], numbers[1] if len(numbers) > 1 else "") if numbers else (plain, "")


def pages_of(text: str) -> str:
    plain = strip_markup(text).strip(" .,;:()[]")
    inner = _INNER_PAGES_LABEL.search(plain)
    if inner:  # "Nos. 1-4, pages 135-150", "Mai, pp.99-105": the pages are what the label names
        plain = plain[inner.end():]
    plain = _PAGES_LABEL.sub("", plain)
    return plain.strip(" .,;:()")


_INNER_PAGES_LABEL = re.compile(r",\s*(?:pages|pp\.)\s*(?=\d)", re.IGNORECASE)


def _join_dangling_of(runs: list[tuple[str, str, float, int, int]]) -> list[tuple[str, str, float, int, int]]:
    """A publisher run ending in "of" ("The City University of") owns the location run after it
    ("New York,"): a name does not end in a preposition."""
    out: list[tuple[str, str, float, int, int]] = []
    for run in runs:
        label, text, conf, start, end = run
        if out and label == "location" and out[-1][0] == "publisher" and out[-1][1].lower().endswith((" of", " of the")):
            prev = out.pop()
            run = ("publisher", f"{prev[1]} {text}", min(prev[2], conf), prev[3], end)
        out.append(run)
    return out


def read_fields(tagged: list[TaggedToken]) -> TaggedFields:
    """The fields of one tagged reference (first run of each label wins, but for the date: of
    several runs with a year, the surest, so "Left Catholicism, 1943-1955 ... (Leuven, 2001)"
    is dated 2001 when the tagger is surer of that)."""
    found = TaggedFields(runs=_join_dangling_of(_runs(repaired(tagged))))
    seen: dict[str, int] = {}
    for label, text, conf, _start, _end in found.runs:
        seen[label] = seen.get(label, 0) + 1
        if (label == "date" and seen[label] > 1 and "year" in found.values
                and conf > found.confidence.get("year", 1.0) and _YEAR.search(text)):
            _read(found, label, text, conf)
            continue
        issue = _ISSUE_RUN.match(strip_markup(text).strip()) if label == "volume" and seen[label] > 1 else None
        if issue is not None and found.values.get("volume") and not found.values.get("issue"):
            found.values["issue"] = issue.group("issue")  # DIN's "70 (2020), Nr. 3": the issue after the date
            found.confidence["issue"] = conf
            continue
        if seen[label] > 1 and label not in ("note", "url", "doi"):
            if label in found.confidence and label != "date":
                found.confidence[label] *= 0.8  # a broken run: less sure of where it starts and ends
            continue
        _read(found, label, text, conf)
    _split_title_in_container(found)
    _split_translators_from_title(found)
    _year_opening_the_title(found)
    _original_year_after_the_title(found)
    _press_is_the_publisher(found)
    _pages_after_volume(found)
    _publisher_after_mla_editors(found)
    return found


_HOST_OR_DATE = re.compile(r"[^\W_]\.[a-z]|\d|^accessed\b", re.IGNORECASE)


def _publisher_after_mla_editors(found: TaggedFields) -> None:
    """MLA 9's site: '"The Walt Whitman Archive." Edited by Ed Folsom and Kenneth M. Price, Center for Digital
    Research in the Humanities, U of Nebraska-Lincoln, whitmanarchive.org.': the words after the editors up to
    the address, which the tagger leaves in a note (dropped), are the publisher when they name an organisation."""
    if found.values.get("publisher"):
        return
    editors = found.values.get("editors") or ()
    last = editors[-1] if editors else None
    if (len(editors) > 1 and last is not None and last.literal and last.literal != ETAL.literal
            and is_organisation(last.literal) and any(r[0] == "editor" and strip_markup(r[1]).lower().startswith("edited by")
                                                      for r in found.runs)):
        # "Edited by Heather Wolfe, Folger Shakespeare Library, 2016": the tagger ran the editors on into the publisher
        found.values["editors"], found.values["publisher"] = editors[:-1], last.literal
        found.confidence["publisher"] = found.confidence.get("editors", 0.5)
        return
    runs = found.runs
    for (label, text, _conf, _start, _end), after in zip(runs, runs[1:]):
        if label != "editor" or after[0] != "note" or not strip_markup(text).lower().startswith("edited by"):
            continue
        parts: list[str] = []
        for part in strip_markup(after[1]).split(","):
            part = part.strip(" .;")
            if not part or _HOST_OR_DATE.search(part):
                break
            parts.append(part)
        if parts and is_organisation(parts[0]) and len(" ".join(parts).split()) <= 15:
            found.values["publisher"] = ", ".join(parts)
            found.confidence["publisher"] = after[2]
        return


def _pages_after_volume(found: TaggedFields) -> None:
    """No pages run, and a volume run that goes on past its colon: what follows is the pages
    ("58(1):1–20," in BibTeX's plain style; "76: 219, 1993"). With a pages run elsewhere, "50: 3
    (2015), 394-419" is volume and issue, and stays so."""
    if "pages" in found.values:
        return
    run = next(((text, conf) for label, text, conf, _start, _end in found.runs if label == "volume"), None)
    match = _VOLUME_PAGES.match(strip_markup(run[0])) if run else None
    if match and run:
        found.values["volume"], found.values["issue"] = volume_issue(match.group("volume"))
        found.values["pages"] = pages_of(match.group("pages"))
        found.confidence["pages"] = run[1]
        if found.values["issue"]:
            found.confidence["issue"] = run[1]


# "Title. In Container", "Title, in Container", "“Title,” in Container" (not "‘Tone Cases’ in Bantu",
# a title with "in" inside it)
_TITLE_IN_CONTAINER = re.compile(
    r"^(?P<title>.*?)(?:[.?!][\"”’]?\s+In:?|,[\"”’]?\s+[Ii]n:?|[\"”’],\s+[Ii]n:?)\s+(?P<container>[*_“\"]?[A-Z].*)$")


def _split_title_in_container(found: TaggedFields) -> None:
    """A title run that reads "Title, in Container" (a chapter whose "in" the tagger kept in the
    title) and no container: the part after "in" is the container."""
    if "container" in found.values:
        return
    run = next((text for label, text, _conf, _start, _end in found.runs if label == "title"), None)
    m = _TITLE_IN_CONTAINER.match(strip_markup(run)) if run else None
    if m and len(m.group("container").split()) >= 2:
        found.values["title"], _ = clean_title(m.group("title").strip(" ,;:"))
        found.values["container"] = clean_title(m.group("container").strip(" .,;:"))[0]
        found.confidence["container"] = found.confidence.get("title", 0.5)


# publishers' names that are no place (not "Oxford", "Chicago": Chicago's "Oxford, 1999." gives the place alone)
_PUBLISHER_NAMES = frozenset("""routledge springer wiley elsevier penguin sage palgrave macmillan blackwell norton
    knopf verso polity brill gallimard suhrkamp bloomsbury pearson mcgraw-hill""".split())
_PRESS = re.compile(r"\b(?:UP|U\.?\s?P\.?|Press|Publishers?|Publishing|Verlag)$")


def _press_is_the_publisher(found: TaggedFields) -> None:
    """MLA's "*Rivers of Lagos*. Lagos UP, 2015.": a "container" named like a press, with no volume,
    issue or pages and no publisher, is the book's publisher; so is a lone "place" that is a
    publisher's name ("Routledge"), and the first part of a place that is no city and region
    ("Routledge, London": Harvard's publisher and place, ``publisher_and_place``)."""
    values = found.values
    container = str(values.get("container", ""))
    if (container and not values.get("publisher") and _PRESS.search(container)
            and not any(values.get(k) for k in ("volume", "issue", "pages"))):
        values["publisher"] = values.pop("container")
        found.confidence["publisher"] = found.confidence.pop("container", 0.5)
    place = str(values.get("place", ""))
    if place and not values.get("publisher") and (_PRESS.search(place) or place.lower() in _PUBLISHER_NAMES):
        values["publisher"] = values.pop("place")  # MLA's "..., Routledge, 1992, pp. 338-46." names no place
        found.confidence["publisher"] = found.confidence.pop("place", 0.5)
        return
    parts = publisher_and_place(place) if place and not values.get("publisher") else None
    if parts is not None and not any(values.get(k) for k in ("container", "volume", "issue", "pages")):
        values["publisher"], values["place"] = parts  # Harvard's "The Coast, Routledge, London."
        found.confidence["publisher"] = found.confidence.get("place", 0.5)


_BARE_YEAR_SENTENCE = re.compile(r"^((?:1[5-9]|20)\d\d)\.$")


def _original_year_after_the_title(found: TaggedFields) -> None:
    """MLA's republished book, "Foucault, Michel. *The Archaeology of Knowledge*. 1969. Trans. A. M. Sheridan
    Smith. New York: Vintage, 2010.", "Greene, Graham. *Ways of Escape*. 1980. New York: Penguin, 1982.": the
    year standing alone after the title (or run into it by the tagger) is the work's own; the later imprint's
    year, which the tagger may be surer of, is its edition's."""
    runs = found.runs
    year = found.values.get("year")
    at = next((i for i, run in enumerate(runs) if run[0] == "title"), None)
    if not isinstance(year, int) or not at or runs[at - 1][0] != "author":
        return
    ran_in = _TITLE_THEN_YEAR.match(runs[at][1].strip())
    if ran_in and int(ran_in.group(2)) < year:
        _read(found, "title", ran_in.group(1), runs[at][2])
        found.values["year"] = int(ran_in.group(2))
        found.confidence["year"] = runs[at][2]
        return
    bare = _BARE_YEAR_SENTENCE.match(runs[at + 1][1].strip()) if at + 1 < len(runs) and runs[at + 1][0] == "date" else None
    if bare and int(bare.group(1)) < year:
        found.values["year"] = int(bare.group(1))
        found.confidence["year"] = runs[at + 1][2]


_TITLE_THEN_YEAR = re.compile(r"^(.*\S\.)\s+((?:1[5-9]|20)\d\d)\.$")


def _year_opening_the_title(found: TaggedFields) -> None:
    """Vancouver's "Whelton PK. 2017 ACC/AHA guideline ... Hypertension. 2018;71(6):": a bare year
    that runs on into the title with no stop is the title's first word, when the volume gives the
    entry's own year."""
    runs = found.runs
    at = next((i for i, run in enumerate(runs) if run[0] == "date"), None)
    if at is None or at + 1 >= len(runs) or runs[at + 1][0] != "title" or not runs[at][1].isdigit():
        return
    lead = next((m for label, text, _conf, _start, _end in runs if label == "volume"
                 for m in [_LEAD_YEAR.match(strip_markup(text))] if m), None)
    if lead and lead.group(1) != runs[at][1] and found.values.get("title"):
        found.values["year"] = int(lead.group(1))
        found.values["title"] = f"{runs[at][1]} {found.values['title']}"


# "*Memory, History, Forgetting*. Translated by Kathleen Blamey and David Pellauer": a sentence of its own
_TITLE_THEN_TRANSLATORS = re.compile(
    r"^(?P<title>.*?[.?!][*_\"”’]?)\s+(?P<role>(?:translated|trans\.)\s+(?:from\s+the\s+\w+\s+)?by)\s+(?P<names>[^.]+?)\.?$",
    re.IGNORECASE)


def _split_translators_from_title(found: TaggedFields) -> None:
    """A title run that goes on into "Translated by ..." (the tagger read two translators' names as
    more of the title): the names are the translators."""
    if found.values.get("translators"):
        return
    run = next((text for label, text, _conf, _start, _end in found.runs if label == "title"), None)
    m = _TITLE_THEN_TRANSLATORS.match(run) if run and mentions(run, ("trans",)) else None
    if m:
        found.values["title"], _ = clean_title(strip_markup(m.group("title")).strip(" ,;:"))
        found.values["translators"] = editors_of(m.group("names"))
        found.confidence["translators"] = found.confidence.get("title", 0.5)


def _read(found: TaggedFields, label: str, text: str, conf: float) -> None:
    values, confidence = found.values, found.confidence
    if label == "author":
        values["authors"] = names_of(text)
        confidence["authors"] = conf
    elif label == "editor":
        if _TRANSLATOR_TAIL.search(strip_markup(text)) and not _TRANSLATOR_LEAD.match(strip_markup(text)):
            values["translators"] = editors_of(text)  # the AAA's "W. D. Halls, trans.": the role after the names
            confidence["translators"] = conf
            return
        role = _TRANSLATOR_LEAD.match(strip_markup(text))
        if role:  # AnyStyle labels translators as editors
            values["translators"] = editors_of(strip_markup(text)[role.end():])
            confidence["translators"] = conf
            if not (role.group("edited") or role.group("and_edited")):
                return
        values["editors"] = editors_of(strip_markup(text)[role.end():] if role else text)
        confidence["editors"] = conf
    elif label == "date":
        year = _YEAR.search(text) or _EARLY_YEAR.search(text)
        if year:
            values["year"] = int(year.group(1))
            values["year_suffix"] = year.group(2) or ""
        elif nd := _ND.search(text):
            values["no_date"] = True
            values["year_suffix"] = (nd.group(1) or "").lower()
        else:
            return
        confidence["year"] = conf
    elif label == "title":
        values["title"], _ = clean_title(strip_markup(text).strip(" ,;:"))
        values["title_italic"] = text.lstrip("“\"'").startswith(("*", "_"))
        confidence["title"] = conf
    elif label in ("container", "collection"):
        name = "container" if label == "container" else "collection"
        italic_then_more = _ITALIC_THEN_NAME.match(text) if "*" in text or "_" in text else None
        if italic_then_more and name == "container":  # MLA "*Devex*, Office of the High Commissioner ...,"
            text = italic_then_more.group("container")
            values.setdefault("publisher", _bare(italic_then_more.group("publisher")))
            confidence.setdefault("publisher", conf)
        plain = strip_markup(text)
        if plain[1:2] in ("n", "N"):  # ("In", "in:": no other character matches an n, case ignored)
            plain = _IN.sub("", plain)
        values[name] = clean_title(plain.strip(" .,;:"))[0]
        confidence[name] = conf
    elif label == "volume":
        lead_year = _LEAD_YEAR.match(strip_markup(text))
        if lead_year and "year" not in values:  # Vancouver "2000;355(9222):" (AnyStyle labels it volume)
            values["year"] = int(lead_year.group(1))
            confidence["year"] = conf
        values["volume"], values["issue"] = volume_issue(text)
        confidence["volume"] = conf
        if values["issue"]:
            confidence["issue"] = conf
    elif label == "pages":
        pages = pages_of(text)
        if _PAGE_LIKE.search(pages):  # not a separator alone (ISO 690's "— ISBN ..." dash), nor words ("Print.", "Sep-Oct")
            values["pages"] = pages
            confidence["pages"] = conf
    elif label == "edition":
        with_publisher = _EDITION_PUBLISHER.match(_bare(text))
        if with_publisher and not values.get("publisher"):  # OSCOLA's "(15th edn, OUP 2018)"
            values["publisher"] = with_publisher.group("publisher").strip()
            confidence["publisher"] = conf
            text = with_publisher.group("edition")
        values["edition"] = edition_of(text)
        confidence["edition"] = conf
    elif label in ("publisher", "location", "genre", "isbn"):
        key = "place" if label == "location" else label
        values[key] = _bare(text)
        confidence[key] = conf
    elif label == "number":
        values["label"] = text.strip("[]().")
        confidence["label"] = conf
    elif label in ("url", "doi", "note"):
        values.setdefault(f"{label}_text", [])
        values[f"{label}_text"].append(text)  # urls and DOIs are read by the rules (parse/urls.py)
        confidence.setdefault(label, conf)
