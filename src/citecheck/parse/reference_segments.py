"""The parts of one reference entry after its year: sentences, italics, journal details, imprint.

``split_segments`` cuts the text after the year at sentence ends (not inside ``*italics*``
or double quotes, not after initials or abbreviations such as "U.S." or "vol."). The
small readers below recognise what a segment is: journal details ("26(1), 131-141"),
an imprint ("Detroit, MI: Greenhaven Press"), a title with a stray quotation mark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "vol no nos pp p ed eds st mt dr mr mrs ms jr sr vs e.g i.e al trans rev dept univ ch fig co op cit".split()
)
_ITALIC_WRAP = re.compile(r"^(\*{1,2}|_)(?P<inner>[^*]+?)\1[.,]?$")
_TRAILING_ITALIC = re.compile(r"^(?P<plain>[^*]*?[^*\s])\s+\*(?P<italic>[^*]+)\*[.,]?$")
_ITALIC_LEAD = re.compile(r"^\*(?P<container>[^*]+)\*[,.]?\s*(?P<rest>.*)$")
_MARKUP = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)|\*+")
_PAGES = r"[A-Za-z]?\d+(?:\s*[-‐‑–—]+\s*[A-Za-z]?\d+)?"  # hyphens, also U+2010 and the non-breaking U+2011
_VOL_ISSUE = re.compile(
    rf"^(?:(?P<container>.*?)[,.]?\s+)?(?P<volume>\d+)\s*\((?P<issue>[^)]+)\)(?:\s*[,:.]\s*(?:pp?\.\s*|[Ss]\.\s*|[Aa]rticle\s+)?(?P<pages>{_PAGES}))?(?P<tail>.*)$"
)
_VOL_PAGES = re.compile(r"^(?:(?P<container>.*?),\s+)?(?P<volume>\d+)\s*[,:]\s*(?:pp?\.\s*)?(?P<pages>\d+\s*[-‐‑–—]+\s*\d+)(?P<tail>.*)$")
_CHICAGO = re.compile(
    rf"^(?:(?P<container>.*?)\s+)?(?P<volume>\d+),?\s*(?:no\.\s*(?P<issue>\w+)\s*)?\((?:[A-Za-z]+\.?\s+)?(?P<year>(?:1[5-9]|20)\d{{2}})\)\s*:\s*(?P<pages>{_PAGES})(?P<tail>.*)$"
)
_DIGIT = re.compile(r"\d")
_DASH = re.compile(r"\s*[-‐‑–—]+\s*")
# a volume and an article number where the pages would be: APA's "*70*, Article 127530", Harvard's "195,
# 103708", PLOS's and Cambridge's "*6*, e19" (written as the pages, as publishers' own BibTeX does)
_VOL_ARTICLE = re.compile(
    r"^(?:(?P<container>.*?))?,?\s*(?P<volume>\d+)\s*(?:\((?P<issue>[^)]+)\))?\s*,\s*"
    r"(?:(?:article(?:\s+(?:no\.?|number))?\s*|art\.\s*)(?P<pages>e?\d+)|(?P<number>e\d+|\d{5,}))"  # not "March 12, 2019"
    r"(?P<tail>(?:\.|\s+.*)?)$", re.IGNORECASE)
_AUTOLINK = re.compile(r"\s*<(?:https?://|www\.)[^<>\s]*>", re.IGNORECASE)
_VOLUME_IN_ITALICS = re.compile(r",\s*(?P<volume>\d+)$")
_VOL_MARK = re.compile(r"\bvol\.", re.IGNORECASE)
_MLA_VOLUME = re.compile(r"\bvol\.\s*(\w+)", re.IGNORECASE)
_MLA_ISSUE = re.compile(r"\bno\.\s*(\w+)", re.IGNORECASE)
_MLA_PAGES = re.compile(rf"\bpp?\.\s*({_PAGES})")
_MLA_YEAR = re.compile(r"\b((?:1[5-9]|20)\d{2})\b")
_IMPRINT = re.compile(
    r"(?P<place>[A-Z][\w.'’\- ]{1,40}?(?:,\s*[A-Z][\w.]{1,20})?)\s*:\s*(?P<publisher>[A-Z0-9][^:]{1,80})"
)


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&'])")


def strip_markup(text: str) -> str:
    """Text without markdown emphasis marks (``*x*``, ``_x_``, ``**x**``) or escapes."""
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _MARKUP.sub("", text)
    return " ".join(text.split())  # runs of whitespace as one space, trimmed (str.split and \s agree)


@dataclass(frozen=True)
class Segment:
    """One sentence-like part of an entry; ``start:end`` are offsets in the entry's folded text."""

    text: str
    start: int
    end: int
    title_first: bool = False  # the lead of an entry with no author, standing as its title

    @property
    def italic(self) -> bool:
        return bool(_ITALIC_WRAP.match(self.text))

    @property
    def plain(self) -> str:
        return strip_markup(self.text)

    @property
    def italic_lead(self) -> bool:
        return bool(_ITALIC_LEAD.match(self.text))

    @property
    def trailing_italic(self) -> bool:
        return bool(_TRAILING_ITALIC.match(self.text))

    def split_trailing_italic(self) -> tuple["Segment", "Segment"]:
        """"Title *Container*" (a full stop missing between them) as two segments."""
        m = _TRAILING_ITALIC.match(self.text)
        if not m:
            raise ValueError("segment has no trailing italic part")
        cut = m.start("italic") - 1
        return (
            Segment(m.group("plain"), self.start, self.start + m.end("plain")),
            Segment(self.text[cut:], self.start + cut, self.end),
        )


# Harvard: 'Title', ... (the closing quote is no plural's apostrophe: 'Scientists' warning over microplastics',)
_QUOTED_TITLE = re.compile(r"^[\s.,:;)]*(['‘])(?P<title>.+?)[,.]?['’](?:[,.](?=\s|$)|(?=\s+(?:[^a-z\s]|in\b))|$)")
_SEGMENT_MARKS = re.compile(r"[*\"“”.?!]")
_CAPITAL = re.compile(r"[A-Z]")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def split_segments(text: str, offset: int = 0) -> list[Segment]:
    """Sentences of ``text`` (offsets shifted by ``offset``), with sentence-ending full stops dropped."""
    segments: list[Segment] = []
    start = 0
    quoted = _QUOTED_TITLE.match(text)
    if quoted:  # Harvard: 'Title', *Journal*, ...
        segments.append(_segment(text, quoted.start(1), quoted.end(), offset))
        start = quoted.end()
    italic = in_quotes = False
    for m in _SEGMENT_MARKS.finditer(text, start):  # the only characters the loop acts on
        i = m.start()
        ch = text[i]
        at_end = i + 1 == len(text) or text[i + 1].isspace()
        if ch == "*":
            italic = not italic
            if not italic and at_end and i > 0 and text[i - 1] in ".?!":  # "*Title.* Paris: Vrin."
                segments.append(_segment(text, start, i + 1, offset))
                start = i + 1
        elif ch in "\"“”":
            in_quotes = not in_quotes if ch == '"' else ch == "“"
            if not in_quotes and at_end and i > 0 and text[i - 1] in ".,?!":
                segments.append(_segment(text, start, i + 1, offset))
                start = i + 1
            elif not in_quotes and text[i + 1:i + 2] in (",", ".") and text[i + 2:i + 3] in ("", " "):
                segments.append(_segment(text, start, i + 1, offset))  # "Title", Journal / "Title". Site
                start = i + 2
        elif ch in ".?!" and at_end and not italic and not in_quotes:
            if ch != "." or not _is_abbreviation(text[start:i]):
                segments.append(_segment(text, start, i + (0 if ch == "." else 1), offset))
                start = i + 1
    segments.append(_segment(text, start, len(text), offset))
    return [s for s in segments if s.text.strip(" .,;:")]


def _segment(text: str, start: int, end: int, offset: int) -> Segment:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" .,;:)"))
    piece = piece.strip(" .,;:)") if piece.lstrip(" .,;:").startswith(")") else piece[lead:].rstrip(" ,;")
    return Segment(piece, offset + start + lead, offset + start + lead + len(piece))


def _last_word(text: str) -> str:
    """The word ``text`` ends with, or "" (what ``re.search(r"(\\S+)$", text)`` finds, without scanning
    the whole text: ``$`` also matches before a final newline)."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.rsplit(None, 1)[-1] if text and not text[-1].isspace() else ""


def _is_abbreviation(before: str) -> bool:
    word = _last_word(before)
    if not word:
        return False
    word = word.lstrip("(*\"“'‘")
    return bool(_CAPITAL.fullmatch(word) or _INITIALISM.fullmatch(word) or word.lower() in _ABBREVIATIONS)


def journal_details(text: str) -> dict[str, str] | None:
    """Container, volume, issue, pages (and a year, a leftover tail) of a journal citation, or None.

    Reads "*Journal* 26(1), 131-141", "Journal, 12(3), 45–67", "*Journal* 12, no. 3 (2019): 45–67"
    and MLA's "*Journal*, vol. 12, no. 3, 2019, pp. 45-67".
    """
    text = text.strip().rstrip(".")
    container = ""
    lead = _ITALIC_LEAD.match(text)
    if lead and lead.group("rest"):
        container, whole, text = lead.group("container").strip(), text, lead.group("rest")
        volume = _VOLUME_IN_ITALICS.search(container)
        if volume:  # APA's "*Nature Human Behaviour, 5*(3), 301–310": the volume set in the journal's italics
            container, text = container[: volume.start()], volume.group("volume") + whole[lead.end("container") + 1:]
    plain = strip_markup(text)
    if not _DIGIT.search(plain):
        return None
    if _VOL_MARK.search(plain):
        return _mla_details(plain, container)
    for pattern in (_CHICAGO, _VOL_ISSUE, _VOL_PAGES, _VOL_ARTICLE):
        m = pattern.match(plain)
        if m:
            found = {k: (v or "").strip() for k, v in m.groupdict().items()}
            found["pages"] = found.get("pages") or found.pop("number", "")
            found["container"] = _IN_MARK.sub("", container or found.get("container", "").strip(" ,."))
            found["pages"] = _DASH.sub("-", found.get("pages", "")) if "–" not in plain else found["pages"]
            return found
    return _mla_details(plain, container)


# DIN 1505's and ABNT's "In:" before a journal ("In: Raumforschung und Raumordnung 77 (4), S. 345–362"): no part of its name
_IN_MARK = re.compile(r"^(?:In|Em|En|Dans)\s?:\s+")


def _mla_details(plain: str, container: str) -> dict[str, str] | None:
    volume = _MLA_VOLUME.search(plain)
    if not volume:
        return None
    issue = _MLA_ISSUE.search(plain)
    pages = _MLA_PAGES.search(plain)
    year = _MLA_YEAR.search(plain)
    return {
        "container": container or plain[: volume.start()].strip(" ,."),
        "volume": volume.group(1),
        "issue": issue.group(1) if issue else "",
        "pages": pages.group(1) if pages else "",
        "year": year.group(1) if year else "",
        "tail": plain[pages.end() :] if pages else "",
    }


def italic_lead(text: str) -> tuple[str, str] | None:
    """``("Le Monde", "14 January")`` for "*Le Monde*, 14 January": an italic name and what follows it."""
    m = _ITALIC_LEAD.match(text.strip())
    if not m or not m.group("container").strip():
        return None
    return m.group("container").strip(), m.group("rest")


def place_publisher(text: str) -> tuple[str, str] | None:
    """``("Detroit, MI", "Greenhaven Press")`` for an imprint "Detroit, MI: Greenhaven Press"."""
    m = _IMPRINT.fullmatch(strip_markup(text).rstrip("."))
    if not m:
        return None
    place, publisher = m.group("place").strip(), m.group("publisher").strip()
    if len(place.split()) > 4 or len(publisher.split()) > 10:
        return None
    return place, publisher



# the words a publisher's name may end with, abbreviated with a full stop that belongs to the name: "Longmans, Green,
# and Co.", "Acme Inc.", "Faber & Sons Ltd.", "Harper & Bros.", "Univ. Pr." (and a firm's initialism, "Editora S.A.")
_PUBLISHER_ABBREVIATIONS = frozenset(
    "co inc ltd bros corp pty pvt cie cia ltda publ pub pubs assn assoc soc inst dept univ pr intl natl".split())
_PUBLISHER_INITIALISM = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]$")  # "S.A", "N.V", "L.L.C": the stop taken off


# ... and a place's: a US state's old abbreviation ("St. Louis, Mo.", "Berkeley, Calif.") or an initialism ("D.C")
_PLACE_ABBREVIATIONS = frozenset("""ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa penn tenn tex va vt wash wis wyo""".split())


def keep_place_stop(place: str, text: str) -> str:
    """``place`` with the full stop its last word had in ``text`` where that word is a state's abbreviation or an
    initialism: "Washington, D.C.", "St. Louis, Mo." (the readers drop it as the field's end)."""
    if not place or place.endswith("."):
        return place
    last = place.rsplit(None, 1)[-1].lstrip("(,")
    if (last.isupper() or last.lower() not in _PLACE_ABBREVIATIONS) and not _PUBLISHER_INITIALISM.fullmatch(last):
        return place  # a postal code, "Baltimore, MD.", takes no stop: that one ends the field
    return _with_written_stop(place, text)


def keep_abbreviation_stop(publisher: str, text: str) -> str:
    """``publisher`` with the full stop its last word had in the entry's ``text`` where that word is an
    abbreviation ("Co.", "Inc.", "Ltd.", "Bros.", "S.A."): the stop is then part of the name, though it also ends the
    field. The stop after a whole word ("Penguin.") stays off, and so does one the entry does not write."""
    if not publisher or publisher.endswith("."):
        return publisher
    last = publisher.rsplit(None, 1)[-1].lstrip("(&")
    if last.lower() not in _PUBLISHER_ABBREVIATIONS and not _PUBLISHER_INITIALISM.fullmatch(last):
        return publisher
    return _with_written_stop(publisher, text)


def _with_written_stop(value: str, text: str) -> str:
    tail = value[-40:].split()
    written = re.compile(r"\s+".join(re.escape(w) for w in tail) + r"\*?\.", re.IGNORECASE)
    return value + "." if written.search(text) else value


# a chapter's book and its editors in other languages: French "Dans :" and "sous la dir. de", Spanish "En:",
# "editado por", German "hrsg. v." / "hg. von", Italian "a cura di", Portuguese "organizado por"
_FOREIGN_CONTAINER_MARKS = re.compile(
    r"(?<![^\s.,;:])(?:(?P<into>Dans\s?:|En\s?:)(?=\s)|(?P<by>sous\s+la\s+dir(?:\.|ection)\s+de|[ée]d(?:\.|it[ée])\s+par"
    r"|editado\s+por|hrsg\.\s+v(?:\.|on)|hg\.\s+v(?:\.|on)|herausgegeben\s+von|a\s+cura\s+di|organizado\s+por)(?=\s))")


_CONTAINER_MARK_WORDS = ("Dans", "En", " dir", "d. par", "dité par", "dite par", "editado", "hrsg.", "hg.", "herausgegeben", "a cura",
                         "organizado")


def english_container_marks(text: str) -> str:
    """``text`` with "Dans :" / "En:" before a chapter's book written "In:", and "sous la dir. de", "hrsg. v.",
    "a cura di" ... before its editors "edited by", spaces before each keeping its length (and every offset
    after it): the forms the tagger learnt."""
    if not any(word in text for word in _CONTAINER_MARK_WORDS):  # most entries: no search
        return text
    return _FOREIGN_CONTAINER_MARKS.sub(_as_english_container_mark, text)


def _as_english_container_mark(m: re.Match[str]) -> str:
    english = "In:" if m.group("into") else "edited by" if len(m.group(0)) >= 9 else "ed. by"
    return " " * (len(m.group(0)) - len(english)) + english


def clean_title(text: str) -> tuple[str, str]:
    """The title without enclosing quotes or a final full stop, and a stray quotation mark if one was dropped.
    A link written after the title's words ("Learn About Heat Islands <https://...>", as a saved
    page's reference list gives it) is the entry's URL, not part of its title."""
    if "<" in text:
        text = _AUTOLINK.sub("", text)
    title = text.strip().rstrip(".,").strip()
    # and other languages' quotation marks: French « », German „ “ and » «, Polish „ ”, Chinese and Japanese 「 」 and 『 』
    pairs = {'"': '"', "“": "”", "'": "'", "‘": "’", "«": "»", "„": "“”", "»": "«", "‚": "‘’", "「": "」", "『": "』"}
    if len(title) > 2 and title[0] in pairs and title.endswith(tuple(pairs[title[0]])):
        return title[1:-1].strip().rstrip(".,").strip(), ""
    if title and title[-1] in "\"”'’" and _stray_end(title):
        return title[:-1].rstrip().rstrip(".,").strip(), title[-1]
    if title and title[0] in "\"“'‘" and _stray_start(title):
        return title[1:].lstrip(), title[0]
    return title, ""


def _stray_end(title: str) -> bool:
    quote = title[-1]
    if quote == '"':
        return title.count('"') % 2 == 1
    if quote == "”":
        return "“" not in title
    opened = re.search(r"(?:^|\s)['‘]\w", title)
    return not opened and not title[-2:-1].lower() == "s"


def _stray_start(title: str) -> bool:
    quote = title[0]
    if quote == '"':
        return title.count('"') % 2 == 1
    if quote == "“":
        return "”" not in title
    return not re.search(r"\w[.,?!]?['’](?=\s|$|[.,:;])", title[1:])
