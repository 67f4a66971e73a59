"""Footnotes written after the reference list: the body's notes, not entries.

Markdown keeps a footnote's text where the writer puts it, most often at the end of the file, after
the reference list (``[^1]: See also Lane (2014).``); pandoc's HTML writes its endnotes after the
bibliography too, below a rule. Read as the list, each note would be an entry (a reference invented
from "See also Lane (2014) on quality") and its citations would be lost (Lane reported uncited, a work
it names that has no entry never reported missing). When the text from the first note definition to
the end holds nothing but notes (each a ``[^label]:`` line, its indented or run-on lines, blank lines
and a rule), those notes are read with the body and the list ends before them. So are pandoc's notes in
plain text, "[1] As Cap (2003) shows.", after an author-date list whose body has their markers.
"""
from __future__ import annotations

import bisect
import re

from ..model import CleanText
from .citation_notes import NOTES_HEADING, numbered_notes
from .sections import Sections, line_matches

# the most characters but spaces and tabs a NOTES_HEADING line holds, "###### Footnotes:" (the lines of a list,
# longer, are not tried: the pattern tried every character of the text)
_NOTES_LONGEST = len("###### Footnotes:")
_DEFINITION = re.compile(r"^\[\^[^\]\s]+\]:", re.MULTILINE)
# pandoc's plain-text notes, "[1] As Cap (2003) shows.": notes only after an unnumbered (author-date) list
# whose body has their markers ("A note.[1]"); in a numbered list, "[1] ..." is an entry
_NUMBERED_NOTE = re.compile(r"^\[(?P<number>\d{1,3})\][ \t]", re.MULTILINE)
_LABEL_FIRST = re.compile(r"\s*\[\d{1,4}\]")  # a list that opens with its label
_ENTRY_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_RULE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*")


def _only_notes(rest: str) -> bool:
    """Is ``rest`` (from a note definition on) made of notes only: definitions, their indented lines,
    lines run on from a line above (pandoc's lazy continuation), blank lines and rules?"""
    previous = ""
    for line in rest.split("\n"):
        if line.strip() and not (_DEFINITION.match(line) or _NUMBERED_NOTE.match(line) or line[:1] in " \t"
                                 or previous.strip() or _RULE.fullmatch(line)):
            return False
        previous = line
    return True


def _numbered_notes(text: str, start: int) -> list[re.Match[str]]:
    """The first "[1] ..." line after ``start`` (where the list begins), when it is a note: entries of the
    list come before it (an unnumbered list: an IEEE list opens with its "[1]"), and the text before the
    list has its marker "[1]"."""
    if _LABEL_FIRST.match(text, start):
        return []  # a numbered list, even with its first label on a line of its own ("[3]" then the entry)
    first = _NUMBERED_NOTE.search(text, start)
    if first is None or not _ENTRY_YEAR.search(text, start, first.start()):
        return []
    return [first] if f"[{first.group('number')}]" in text[:start] else []


_NOTES_HEADING_LINE = re.compile(r"[ \t]*(?:#{1,6}[ \t]+)?(?:notes|endnotes|footnotes)\b", re.IGNORECASE)


def _notes_heading(text: str, start: int) -> list[re.Match[str]]:
    """A "Notes" heading after ``start`` whose numbered notes ("1. Prashant Kidambi, ...") run to the end of the
    text: Chicago's endnotes pasted after the bibliography."""
    for heading in line_matches(NOTES_HEADING, text, start, longest=_NOTES_LONGEST):
        rest = text[heading.start() :]
        notes = numbered_notes(rest)
        if notes and not rest[notes[-1].end :].strip():
            return [heading]
    return []


def _before_rules(text: str, cut: int) -> int:
    """Where the text before ``cut`` ends, less the blank lines and rules (pandoc's ``<hr>``) just before it."""
    lines = text[:cut].split("\n")
    while lines and (not lines[-1].strip() or _RULE.fullmatch(lines[-1])):
        lines.pop()
    return len("\n".join(lines))


def joined(first: CleanText, second: CleanText) -> CleanText:
    """``first`` and then ``second`` (a later part of the same text), a blank line between, still mapped
    to the original (the blank line to where ``first`` ends)."""
    gap = first.origin[len(first.text)]
    return CleanText(file=first.file, text=first.text + "\n\n" + second.text,
                     origin=(*first.origin[: len(first.text)], gap, gap, *second.origin), source=first.source,
                     _line_starts=first._line_starts)


def notes_after_list(text: CleanText, sections: Sections) -> tuple[Sections, CleanText]:
    """``sections`` with the notes written after its reference list (``text``'s) read as body, and the
    text up to those notes (what is after the list and before them is said as not read); unchanged
    (and ``text``) when there are none."""
    listed = sections.bibliography
    if listed is None or not listed.origin:
        return sections, text
    start = bisect.bisect_left(text.origin, listed.origin[0], 0, len(text.text))
    definitions = _DEFINITION.finditer(text.text, start) if "[^" in text.text else ()  # (a scan of every line)
    for definition in sorted([*definitions, *_numbered_notes(text.text, start),
                              *_notes_heading(text.text, start)], key=lambda m: m.start()):
        if not (_only_notes(text.text[definition.start():]) or _NOTES_HEADING_LINE.match(definition.group())):
            continue
        cut = definition.start()
        notes = text.slice(cut, len(text.text.rstrip()))
        kept = bisect.bisect_left(listed.origin, text.origin[cut], 0, len(listed.text))  # a joined list's too
        sections = Sections(joined(sections.body, notes), listed.slice(0, kept), sections.heading, sections.lists)
        return sections, text.slice(0, _before_rules(text.text, cut))
    return sections, text
