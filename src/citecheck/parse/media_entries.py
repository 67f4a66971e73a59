"""Films, broadcasts and podcasts in a reference list.

MLA 9 lists a film under its title, the director after it: "*Beloved*. Directed by Jonathan Demme,
Touchstone Pictures, 1998." (performers may follow: "performances by Mahershala Ali and Naomie
Harris"). The rules read "Beloved. Directed by Jonathan Demme" and "Pictures" as two authors and no
title; ``read_titled_film`` reads it from its own words: the title, the director, the studio (the
publisher), the date, and the performers as a note; a second container after it ("Netflix") is the
container.

APA 7 and Chicago put the director, host or writer first, with the role: APA's "Jenkins, B.
(Director). (2016). *Moonlight* [Film]. A24." and "Gilligan, V. (Writer & Director). (2013,
September 29). Felina (Season 5, Episode 16) [TV series episode]. In *Breaking Bad*. AMC.",
Chicago's "Demme, Jonathan, dir. 1998. *Beloved*. Burbank, CA: Touchstone Pictures." The readings
get the title, date and publisher right but take the role for no role (Chicago: an author), for an
editor (APA's "(Director)") or for names ("(Writer & Director)"). ``read_media_roles`` gives the
names their role and the entry its kind from the role and APA's genre bracket ("[Film]": a film;
"[TV series episode]", "[Audio podcast]": a broadcast), which becomes the entry's ``type``.

A director is kept as the entry's editor with ``editortype`` "director": biblatex's way to name a
role its data model has no field for (biblatex manual, ``editortype``; styles print "Demme,
Jonathan, director" where an author goes), which ``emit.csl`` writes as CSL's ``director`` and
``emit.ris`` as a film's AU (Zotero's RIS.js: AU is a film's or broadcast's director). A citation
names the director as it would an author ("(Demme 1998)"): the cross-check falls back on editors.
Other roles (a host, a writer) stay the entry's authors, as APA cites them.
"""
from __future__ import annotations

import re

from .dates import MONTH, iso_date
from .names import parse_author_list
from .reference_segments import clean_title, strip_markup

DIRECTOR = "director"  # biblatex's ``editortype`` for a director, CSL's name variable
_TITLED = re.compile(r"^\s*(?:\*(?P<italic>[^*]+)\*|(?P<plain>[^*.]{2,200}?))\.?\s+Directed\s+by\s+(?P<rest>.+)$")
_SENTENCE = re.compile(r"(?<!\b[A-Z])\.(?:\s+|$)")  # a full stop ending a sentence, not an initial's
_CREDIT = re.compile(r"^(?:performances?|starring|featuring|written|produced|created|narrated|music)\b", re.IGNORECASE)
_DATE = re.compile(rf"^(?:\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{MONTH}\s+\d{{4}}|(?:1[89]|20)\d{{2}})$",
                   re.IGNORECASE)
# APA's roles in a bracket after the names ("(Director)", "(Writer & Director)", "(Executive Producers)")
_ROLE_WORD = r"(?:executive\s+producer|producer|director|writer|host|creator|narrator|presenter)s?"
_ROLE_LIST = rf"{_ROLE_WORD}(?:\s*(?:,|&|and|/)\s*{_ROLE_WORD})*"  # "Writer & Director", "Writer/Director"
_APA_ROLES = re.compile(rf"^(?P<names>[^()\[\]]{{2,200}}?)\s*\((?P<roles>{_ROLE_LIST})\)\.?\s", re.IGNORECASE)
# a list of names, each part with its own role: "Chaffin, C., Marshall, F. (Producers), & Fincher, D. (Director)."
_APA_ROLE_PART = re.compile(rf"\s*(?:(?:&|and)\s+)?(?P<names>[^()\[\]&]{{2,200}}?)\s*\((?P<roles>{_ROLE_LIST})\)(?P<end>,|\.\s|\.?$)",
                            re.IGNORECASE)
# Chicago's label after the names: "Demme, Jonathan, dir.", "Glass, Ira, host."
_CHICAGO_ROLE = re.compile(r"^(?P<names>[^()\[\]]{2,120}?),\s+(?P<roles>dirs?\.|directors?|hosts?|prods?\.|producers?|"
                           r"narr\.|narrators?|creators?)[.,]?\s+(?=\S)", re.IGNORECASE)
# APA's genre bracket: "[Film]", "[TV series episode]", "[Audio podcast]", "[Radio broadcast]"
_GENRE = re.compile(r"\[(?P<genre>(?P<film>(?:documentary\s+)?film|motion\s+picture)"
                    r"|(?:tv|television|radio|web)\s+(?:series|program(?:me)?|broadcast|show)(?:\s+episode)?"
                    r"|(?:tv|television|radio)\s+episode|(?:audio\s+|video\s+)?podcast(?:\s+episode)?)\]", re.IGNORECASE)


def read_titled_film(text: str) -> dict | None:
    """The fields of MLA's film listed under its title (``text``: the entry with its links masked),
    or None: title, the director (``editors``, ``editortype``), publisher, year, date, note,
    container and ``kind`` "film"."""
    m = _TITLED.match(text) if "Directed by" in text else None
    if not m:
        return None
    sentences = [s.strip() for s in _SENTENCE.split(m.group("rest")) if s.strip()]
    if not sentences:
        return None
    director, *parts = [p.strip() for p in sentences[0].split(",")]
    directors = parse_author_list(director)
    if not directors or any(n.literal for n in directors) or re.search(r"\d", director):
        return None
    title = clean_title(strip_markup(m.group("italic") or m.group("plain")))[0]
    values: dict = {"kind": "film", "authors": (), "editors": directors, "editortype": DIRECTOR, "title": title,
                    "title_italic": bool(m.group("italic")), "container": "", "publisher": "", "place": "", "note": ""}
    notes, studios, date = [], [], ""
    for part in parts:
        if _CREDIT.match(part):  # "performances by Mahershala Ali and Naomie Harris"
            notes.append(part[:1].upper() + part[1:])
        elif _DATE.match(part) and not date:
            date = part
        else:
            studios.append(part)
    values["publisher"] = ", ".join(studios)
    values["container"] = strip_markup(". ".join(sentences[1:]))  # a second container: "Netflix"
    values["note"] = "; ".join(notes)
    _set_date(values, date)
    return values


def read_media_roles(values: dict, text: str) -> dict | None:
    """``values`` (an entry's decided fields) with the names its lead gives a role ("(Director)",
    ", dir.") in that role and the entry's kind ("film", "broadcast") and genre, or None when the
    entry names no media role nor genre, or only one without the other that does not say the kind."""
    roles, names = _lead_roles(text)
    genre = _GENRE.search(text) if "[" in text else None
    if genre:
        kind = "film" if genre.group("film") else "broadcast"
    elif DIRECTOR in roles:
        kind = "film"
    elif "host" in roles:
        kind = "broadcast"
    else:
        return None
    values = dict(values)
    values["kind"] = kind
    if names and DIRECTOR in roles:
        values["authors"], values["editors"], values["editortype"] = (), names, DIRECTOR
    elif names:
        values["authors"], values["editors"] = names, ()
    if genre:
        _take_genre(values, genre.group(0), genre.group("genre"))
        if kind == "broadcast":
            _episode_and_show(values, text, genre.end())
    if names and values.get("title", "").strip(" .").lower() in _LABELS and values.get("container"):
        # Chicago's notes-bibliography form, "Demme, Jonathan, dir. *Beloved*. Burbank, CA: ...": the
        # label was read as the title, the title as the container
        values["title"], values["container"] = values["container"], ""
    return values


_SHOW = re.compile(r"\.?\s+In\s+(?:\*(?P<italic>[^*]{2,150})\*|(?P<plain>[A-Z][^.*]{1,150}))\.")
_EPISODE = re.compile(r"\((?:[^()]*?,\s*)?(?:No\.|Episode|Ep\.)\s*(?P<number>\d{1,5})\)", re.IGNORECASE)


def _episode_and_show(values: dict, text: str, genre_end: int) -> None:
    """APA's podcast or TV episode: "The misinformation age (No. 112) [Audio podcast episode]. In *Volts*.
    Volts Media.": the show after "In" is the container, and the episode's number, read as a volume, a
    note ("No. 112": biblatex's types for a broadcast have no number)."""
    show = _SHOW.match(text, genre_end)
    if show and not values.get("container"):
        values["container"] = (show.group("italic") or show.group("plain")).strip()
    episode = _EPISODE.search(text, 0, genre_end)
    if episode and values.get("volume") == episode.group("number"):  # "(No. 112)", read as a volume: a note
        values["volume"] = ""
        said = episode.group(0).strip("()")
        if said not in values.get("title", ""):
            values["note"] = "; ".join(n for n in (values.get("note", ""), said) if n)


def _lead_roles(text: str) -> tuple[set[str], tuple]:
    """The roles the lead gives its names (APA's bracket, Chicago's label), as words ("director",
    "host", "writer"), and the names, read anew; nothing when the lead gives no role."""
    head = text[:260].lower()  # the lead, and its role, come first
    if not any(stem in head for stem in _ROLE_STEMS):  # most entries: both patterns need one of these
        return set(), ()
    parts = _role_parts(text)
    if not parts:
        m = _APA_ROLES.match(text) or _CHICAGO_ROLE.match(text)
        if not m:
            return set(), ()
        parts = [(m.group("names"), m.group("roles"))]
    roles: set[str] = set()
    names: tuple = ()
    for part_names, part_roles in parts:
        words = re.split(r"\s*(?:,|&|/|\band\b)\s*", part_roles.lower().strip(" ."))
        roles |= {_ROLE_NAMES.get(w.rstrip("s."), w.rstrip("s.")) for w in words if w}
        names += parse_author_list(part_names)
        if re.search(r"\d", part_names):
            return roles, ()
    return roles, names


def _role_parts(text: str) -> list[tuple[str, str]]:
    """APA's lead whose names come in parts, each with its role ("Chaffin, C., Marshall, F. (Producers),
    & Fincher, D. (Director)."): each part's names and roles; none unless the lead has two parts or more
    and ends at its last role's full stop."""
    parts: list[tuple[str, str]] = []
    at = 0
    while len(parts) < 6:
        m = _APA_ROLE_PART.match(text, at)
        if not m:
            return []
        parts.append((m.group("names"), m.group("roles")))
        at = m.end()
        if m.group("end") != ",":
            return parts if len(parts) > 1 else []
    return []


_ROLE_STEMS = ("dir", "host", "prod", "narr", "creator", "writer", "presenter")  # in _ROLE_WORD, _CHICAGO_ROLE
_LABELS = frozenset("dir dirs director directors host hosts prod prods producer producers narr narrator creator".split())
_ROLE_NAMES = {"dir": DIRECTOR, "prod": "producer", "narr": "narrator", "executive producer": "producer"}


def _take_genre(values: dict, bracket: str, genre: str) -> None:
    """The genre ("Film", "TV series episode") is the entry's ``type``; its bracket leaves the title
    and the note it was left in."""
    values["media_genre"] = " ".join(genre.split())
    values["title"] = " ".join(values.get("title", "").replace(bracket, " ").split())
    notes = [n for n in values.get("note", "").split("; ") if n and n.strip(" .") not in (bracket, genre)]
    values["note"] = "; ".join(notes)


def _set_date(values: dict, date: str) -> None:
    iso = iso_date(date) if date else ""
    if iso[:4].isdigit():
        values["year"] = int(iso[:4])
        if len(iso) > 4:
            values["date"] = iso
