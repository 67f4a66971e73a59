"""Find the bibliography of a document and the body that cites it."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import CleanText, Span
from .dates import FOREIGN_NO_DATE

_TITLES = (
    r"bibliography|references|reference list|works cited|sources|literature cited|"
    r"literature|cited works|works consulted|sources cited|references and notes|references cited|notes and references|"
    r"primary sources|secondary sources|archival sources|printed sources|primary literature|secondary literature|"
    # other languages' ("Literatur", "Références", "Список литературы", "参考文献")
    r"literatur|literaturverzeichnis|quellenverzeichnis|bibliographie|bibliografie|références|"
    r"références bibliographiques|bibliografía|referencias|referencias bibliográficas|bibliografia|"
    r"riferimenti bibliografici|referências|referências bibliográficas|literatuur|literatuurlijst|"
    r"список литературы|список использованной литературы|список использованных источников|литература|"
    r"библиография|библиографический список|参考文献|引用文献|참고문헌|"
    # Portuguese (ABNT's capitals too), Spanish, Polish, Czech, Turkish, Greek, Vietnamese, Hebrew, Arabic, Persian
    r"obras citadas|fuentes|fontes|bibliografia cytowana|literatura|seznam literatury|použitá literatura|zdroje|"
    r"kaynakça|kaynaklar|βιβλιογραφία|αναφορές|tài liệu tham khảo|מקורות|רשימת מקורות|ביבליוגרפיה|"
    r"המקורות|المراجع|المصادر|قائمة المراجع|المصادر والمراجع|منابع|فهرست منابع|kirjallisuus|litteratur|irodalom|"
    # a CV's or a web page's list of one's own work
    r"publications|selected publications|list of publications|publication list|peer-reviewed publications|"
    r"publikationen|publikationsliste|publicaciones|publicações"
)
# "## References", "**References**", "References:" alone on a line (markdown or plain text).
_HEADING = re.compile(
    rf"^[ \t]*(?P<marks>#{{1,6}}[ \t]+)?[*_]{{0,2}}[ \t]*(?P<title>{_TITLES})[ \t]*:?[ \t]*[*_]{{0,2}}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+\S", re.MULTILINE)
# A second list after the first, past an appendix: "## Supplementary References", "Additional references",
# "References for the Appendix" (read with the first; the text between them is body)
_SUPPLEMENT_HEADING = re.compile(
    r"^[ \t]*(?P<marks>#{1,6}[ \t]+)?[*_]{0,2}[ \t]*(?:(?:supplementary|supplemental|additional|appendix|online)"
    r"[ \t]+(?:references|bibliography|reference[ \t]+list)|references[ \t]+(?:for|in|cited[ \t]+in)[ \t]+(?:the[ \t]+)?"
    r"(?:appendix|appendices|supplement\w*(?:[ \t]+\w+)?))[ \t]*:?[ \t]*[*_]{0,2}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A heading that ends a list in text without heading marks (a PDF's or a paste's): "Appendix A: Instruments",
# "Appendices", "Acknowledgements", "Supplementary Material", a line of its own of a few words
_PLAIN_END = re.compile(
    r"^[ \t]*(?:appendix(?:[ \t]+[A-Z0-9]{1,2}\b)?|appendices|acknowledge?ments?|supplementary[ \t]+"
    r"(?:material|materials|information|data|methods|tables|figures)|supporting[ \t]+information)"
    r"(?:[ \t]*[:.\-–—][ \t]*[^\n()]{0,60})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_NAMES_FIRST = re.compile(r"^\s*(?:[A-Z][\w'’-]+\s)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.|[A-Z][a-z]+)")  # "Oke, T.", "van Berg, Pieter"
# titles that may head prose as well as a list: a section on the data's sources, a literature review
# the most characters but spaces and tabs a _HEADING line holds: its marks ("###### ", "**"), its title (each
# written out, a character for a character), a colon and its closing "**" (the lines of a list, longer, are
# not tried: the titles' alternation cost 11,000 instructions a line)
_HEADING_LONGEST = 6 + 2 + max(len(title) for title in _TITLES.split("|")) + 1 + 2
_LOOSE_TITLES = frozenset({"sources", "literature", "literatur", "literatura", "fuentes", "fontes", "zdroje", "litteratur",
                           "kirjallisuus", "irodalom", "литература", "kaynaklar", "מקורות", "المصادر", "منابع"})
# a chapter's heading line in text without heading marks: "Chapter 2", "CHAPTER 3: Methods", "Kapitel 4"
_CHAPTER = re.compile(r"^[ \t]*(?:chapter|kapitel|chapitre|cap[íi]tulo|capitolo|hoofdstuk)[ \t]+(?:\d{1,2}|[IVXL]{1,5})\b"
                      r"[^\n]{0,80}$", re.IGNORECASE | re.MULTILINE)
_ENDS_IN_PATH = re.compile(r"\S/\S*$")  # an entry's last word, a link: "https://example.org/lee"
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
_YEAR = rf"(?:1[5-9]|20)\d{{2}}[a-z]?|n\.\s?d\.|{FOREIGN_NO_DATE}\."
# How a reference entry starts: a number, "Family, ", a title/author then "(Year)", or the dash that
# repeats the previous entry's author ("———. 2019b.", "---, ed.": ``parse.repeated_authors``).
_ENTRY_START = re.compile(
    rf"^\s*(?:\[\d+\]|\d+\.\s|[A-Z][^\s,.()]*(?:\s[A-Z][^\s,.()]*)?,\s|(?P<dated>[^()\n]{{1,200}}?\s\((?:{_YEAR})\))"
    r"|(?:[—―]{2,}|–{3,}|-{3,}|_{3,})[.,]\s)"
)
# After an author's "(Year)", what a sentence citing the work has, and an entry has not: nothing more but the
# sentence's stop ("Some prose citing Smith (2019).") or a lowercase word that carries the sentence on
# ("Smith (2019) argues that ..."); an entry goes on to its title ("(2019). Title", "(2019) 'Title'")
_CITED_IN_PROSE = re.compile(r"[.,;:!?]?[ \t]*(?:\n|$)|[,;]?[ \t]+[a-z]")
_ENTRY_YEAR = re.compile(rf"\b(?:{_YEAR})")


@dataclass(frozen=True)
class Sections:
    body: CleanText
    bibliography: CleanText | None
    heading: Span | None  # where the bibliography heading is, when there is one
    lists: int = 1  # the lists the bibliography joins: a thesis's chapter bibliographies, each its own


def split_sections(text: CleanText) -> Sections:
    """The body before the bibliography, and the bibliography up to the next section. A thesis's chapter
    bibliographies (``_chapter_lists``) are one bibliography, the chapters between them body."""
    headings = list(line_matches(_HEADING, text.text, longest=_HEADING_LONGEST))
    chapters = _chapter_lists(text, headings)
    if chapters is not None:
        return chapters
    heading = headings[-1] if headings else None
    if heading is not None:
        start, end = heading.start(), heading.end()
        level = len((heading.group("marks") or "").strip()) or 7
        stop = _section_end(text.text, end, level)
        supplement = _SUPPLEMENT_HEADING.search(text.text, stop) if stop < len(text.text) else None
        if supplement is None:
            return Sections(text.slice(0, start), text.slice(end, stop), text.span(start, end))
        level = len((supplement.group("marks") or "").strip()) or 7
        last = _section_end(text.text, supplement.end(), level)
        return Sections(_joined(text, ((0, start), (stop, supplement.start()))),
                        _joined(text, ((end, stop), (supplement.end(), last))), text.span(start, end))
    trailing = _trailing_list_start(text.text)
    if trailing is None:
        return Sections(text, None, None)
    return Sections(text.slice(0, trailing), text.slice(trailing, len(text.text)), None)


def is_bibliography_heading(line: str) -> bool:
    """Whether one line is a bibliography's heading ("## References", "**Works Cited**", "Sources:")."""
    return "\n" not in line and _HEADING.fullmatch(line) is not None


def _chapter_lists(text: CleanText, headings: list[re.Match[str]]) -> Sections | None:
    """A bibliography heading at the end of each chapter (biblatex's ``refsection=chapter``, chapterbib): each
    list runs from its heading to the next heading of its level, or in text without heading marks (a PDF's) to
    the next chapter's heading ("Chapter 2", ``_CHAPTER``); the text between the lists is body. Lists one after
    another ("Primary sources", "Secondary sources") are read so too. None unless every list but the last opens
    like a list of entries. ``headings``: the text's bibliography headings (``_HEADING``), in order."""
    if len(headings) < 2:
        return None
    lists: list[tuple[int, int]] = []
    for heading, after in zip(headings, headings[1:]):
        if " ".join(heading.group("title").split()).casefold() in _LOOSE_TITLES:
            return None  # "Sources", "Literature" may head a chapter's prose; only the last one is a list for sure
        level = len((heading.group("marks") or "").strip()) or 7
        stop = min(_section_end(text.text, heading.end(), level), after.start())
        if level == 7:  # no marks: only a chapter's heading tells where a list ends and prose goes on
            chapter = _CHAPTER.search(text.text, heading.end(), after.start())
            if chapter is None and not _entries_only(text.text[heading.end():after.start()]):
                return None
            stop = min(stop, chapter.start()) if chapter else stop
        first = text.text[heading.end():stop].strip()
        if not first or not _looks_like_entry(first):
            return None
        lists.append((heading.end(), stop))
    last = headings[-1]
    lists.append((last.end(), _section_end(text.text, last.end(), len((last.group("marks") or "").strip()) or 7)))
    body = [(0, headings[0].start())] + [(stop, heading.start()) for (_, stop), heading in zip(lists, headings[1:])]
    return Sections(_joined(text, tuple(body)), _joined(text, tuple(lists)), text.span(last.start(), last.end()),
                    len(lists))


def _entries_only(text: str) -> bool:
    """Do the lines of ``text`` read as a list's entries and their wrapped lines (each, or two and a third of them at
    least, opening "Family, Given" or "Family, I."), not as prose?"""
    lines = [line for line in text.split("\n") if line.strip()]
    opening = sum(1 for line in lines if _NAMES_FIRST.match(line))
    return opening == len(lines) > 0 or (opening >= 2 and 3 * opening >= len(lines))


def line_matches(pattern: re.Pattern[str], text: str, at: int = 0, longest: int = 0) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, at)`` for a pattern (``re.MULTILINE``) whose every match opens a line
    (``^``) and holds no line break, as each of these does: tried at each line's start rather than at
    every character of a long document. ``longest``: the most characters but spaces and tabs a match holds,
    when the pattern says (a longer line is not tried; 0: no such bound)."""
    if at > len(text):
        return
    if at > 0 and text[at - 1] != "\n":  # (``^`` does not match at ``at`` itself, mid-line)
        at = text.find("\n", at) + 1
        if at == 0:
            return
    while True:
        m = None if longest and _holds_more(text, at, longest) else pattern.match(text, at)
        if m is not None:
            yield m
        end = text.find("\n", at if m is None else m.end())
        if end < 0:
            return
        at = end + 1


def _holds_more(text: str, at: int, longest: int) -> bool:
    """Does the line that starts at ``at`` hold more than ``longest`` characters other than spaces and tabs?"""
    end = text.find("\n", at)
    size = (len(text) if end < 0 else end) - at
    return size > longest and size - text.count(" ", at, at + size) - text.count("\t", at, at + size) > longest


def _joined(text: CleanText, parts: tuple[tuple[int, int], ...]) -> CleanText:
    """The parts ``text[a:b]`` one after another, a line break between two, still mapped to the original
    (a break to where the next part starts)."""
    pieces: list[str] = []
    origin: list[int] = []
    for a, b in parts:
        if pieces:
            pieces.append("\n")
            origin.append(text.origin[a])
        pieces.append(text.text[a:b])
        origin.extend(text.origin[a:b])
    origin.append(text.origin[parts[-1][1]])
    return CleanText(file=text.file, text="".join(pieces), origin=tuple(origin), source=text.source,
                     _line_starts=text._line_starts)


def _section_end(text: str, after: int, level: int) -> int:
    """The next heading of the same or a higher level, a horizontal rule, or in a list without heading
    marks (``level`` 7), a line that heads an appendix or acknowledgements (``_PLAIN_END``)."""
    rule = next(line_matches(_RULE, text, after), None)  # the first
    candidates = [rule.start()] if rule is not None else []
    if level == 7:
        candidates.extend(m.start() for m in line_matches(_PLAIN_END, text, after)
                          if not m.group().rstrip().endswith(".") and _ends_an_entry(text, m.start()))
    for m in line_matches(_ANY_HEADING, text, after):
        if len(m.group(1)) <= level:
            candidates.append(m.start())
            break
    return min(candidates, default=len(text))


def _ends_an_entry(text: str, at: int) -> bool:
    """Does the text before the line at ``at`` end an entry (a full stop, a bracket, a link's last
    character; not a word that goes on, "... in the" / "Appendix B of ...")?"""
    before = text[:at].rstrip()
    return not before or before[-1] in ".)]>" or before[-1].isalnum() and bool(_ENDS_IN_PATH.search(before))


def _trailing_list_start(text: str) -> int | None:
    """With no heading: the run of paragraphs at the end that look like references."""
    paragraphs = [m for m in re.finditer(r"(?:[^\n]+\n?)+", text)]
    start = None
    for m in reversed(paragraphs):
        chunk = m.group(0)
        if _looks_like_entry(chunk):
            start = m.start()
            continue
        break
    if start is None:
        return None
    count = sum(1 for m in paragraphs if m.start() >= start)
    return start if count >= 3 else None


def _looks_like_entry(chunk: str) -> bool:
    return (
        len(chunk) < 2000
        and not chunk.lstrip().startswith("#")
        and (start := _ENTRY_START.match(chunk)) is not None
        and not (start.group("dated") and _CITED_IN_PROSE.match(chunk, start.end()))
        and _ENTRY_YEAR.search(chunk[:250]) is not None
    )
