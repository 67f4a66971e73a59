"""Citations in notes (Chicago notes-bibliography): each note's works matched to the bibliography.

A document in the notes-bibliography style cites in footnotes, written in Markdown as pandoc
footnote definitions (or pandoc's inline notes, ``^[Barr, "China's Bride," 3.]``)::

    Trafficking has grown.[^1]

    [^1]: Heather Barr, "China's Bride Trafficking Problem," *The Diplomat*, October 31, 2019.
    [^2]: Barr, "China's Bride," 3; see also Zaugg, "North Korean Defectors."
    [^3]: Ibid., 4.

Without this reader such a document has no author-date citation at all, and every entry of
its bibliography would be reported uncited. Here each note is split into the works it cites
(at semicolons outside quotes; "See", "See also", "Cf." dropped), "Ibid." cites the work
cited last again, and each work is matched to an entry by its title (the quoted or italic
part: a short title is a prefix of the full one) and its first author's family name:

- title and author agree: a key citation of that entry (matched exactly, no year asked for), unless
  a full note's facts of publication give another year ("(Oxford: Clarendon Press, 1981)" for a
  1982 entry): then an author-date citation with that year, reported as a year mismatch;
- the title agrees and the family name differs ("Zuagg, "North Korean Defectors""): an
  author-date citation with the note's name and the entry's year, so the reconcile stage
  weighs the spelling as it does for "(Zuagg, 2019)";
- nothing agrees: a ``missing-reference`` finding on the note, when the work looks like a
  citation (names, then a quoted or italic title); a remark in a note is left alone.

``find_note_citations`` also returns the text with the works the notes cite blanked (same length,
same offsets; the ``[^1]:`` marks too), where the author-date reader then looks for citations, so
that "(Seoul: Hanul, 2015)" inside a written-out work is not read as one, and a work matched here
is not counted twice. The rest of a note stays (but for facts of publication, "(London: Verso,
2018)", of a work not told apart: Word loses a book title's italics): an author-date citation
in it ("[^1]: See also Jones (2005) and (Brown, 2003).", Word's footnotes alike) is found by the
author-date reader.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz

from ..model import Citation, CitedName, CleanText, Finding, Kind, Reference, Severity, Span
from .citation_parts import norm_title
from .names import PARTICLES

_INLINE = re.compile(r"\^\[")
MAX_INLINE_NOTE = 2000
_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:[ \t]*", re.MULTILINE)
_NEXT_BLOCK = re.compile(r"\n[ \t]*\n(?![ \t])|\n(?=\[\^[^\]\s]+\]:)|\n(?=#)")
# a signal before the work, italic in the Bluebook ("*See*", "*see also*", "*cf.*", "*e.g.*,")
_LEAD_IN = re.compile(r"^([*_]?)(?:see\s+also|see\s+generally|but\s+see|see|cf\.?|compare|accord|for\s+example,?"
                      r"|e\.g\.,?)\1,?\s+", re.IGNORECASE)
# a case cited by its name in a note, unitalicised as the Bluebook's notes write it: "Carpenter v. United States, 138 ..."
_CASE_NAME = re.compile(r"^(?P<case>[^,;()*_\d]{1,120}?\sv\.?\s[^,;()*_\d]{1,120}?),\s+\d")
# "Ibid." and other languages' ("Ebd.", "Ebenda", "Ib.", "Ibídem", "Ivi", "Tamże", "Там же")
_IBID = re.compile(r"^(?:ibid|ibídem|ebd|ebenda|ivi|tamże|там\s+же)\b\.?,?\s*(?P<locator>.*)$", re.IGNORECASE)
# a title in a note: quoted (OSCOLA's single quotes too, "'Duty of Care Factors'", never an apostrophe's) or italic
_QUOTED = re.compile(r"[\"“](?P<t>[^\"“”]+?)[,.]?[\"”]|\*(?P<i>[^*]+)\*|_(?P<u>[^_]+)_"
                     r"|(?<!\w)[‘'](?P<s>[^‘’']+?)[,.]?[’'](?!\w)")
# "Herlihy, op. cit., 155", "Herlihy, loc. cit.": the author's work cited last
_OP_CIT = re.compile(r"^(?P<author>[^,;()*_\"“]{1,80}),\s*(?:op|loc)\.?\s*cit\.?,?\s*(?P<locator>.*)$", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d{2})(?!\d)")
# the facts of publication of a work written out in a note: "(London: Verso, 2018)", "(Seoul: Hanul, 2015)"
_PUBLICATION = re.compile(r"\((?:[A-Z][^():;\d]{0,40}):\s+[^():;]{1,80}?,?\s+(?:1[5-9]|20)\d{2}\)")
TITLE_AGREES = 90.0


@dataclass(frozen=True)
class Note:
    label: str  # "" for an inline note
    start: int  # of the note's text in the CleanText (after "[^label]:" or "^[")
    end: int
    inline: bool = False


@dataclass(frozen=True)
class NoteCitations:
    citations: tuple[Citation, ...]
    findings: tuple[Finding, ...]
    rest: CleanText  # the text with the note definitions blanked


def note_definitions(text: CleanText) -> list[Note]:
    """The footnote definitions of ``text`` and its inline notes (pandoc's ``^[...]``), in order."""
    notes = []
    for m in _DEFINITION.finditer(text.text):
        stop = _NEXT_BLOCK.search(text.text, m.end())
        end = stop.start() if stop else len(text.text)
        notes.append(Note(m.group("label"), m.end(), end))
    for m in _INLINE.finditer(text.text):
        close = _closing_bracket(text.text, m.end())
        if close is not None:
            notes.append(Note("", m.end(), close, inline=True))
    notes += numbered_notes(text.text)
    return sorted(notes, key=lambda n: n.start)


# a "Notes" heading (Chicago's endnotes copied out of Word or a PDF as text), then "1. Prashant Kidambi, ..."
NOTES_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:notes|endnotes|footnotes)[ \t]*:?[ \t]*$",
                            re.IGNORECASE | re.MULTILINE)
# "1. Kidambi, ...", "1) ...", or Word's footnote number pasted without its raise, "1 Prashant Kidambi, ..."
_NUMBERED_NOTE = re.compile(r"[ \t]*(?P<label>\d{1,3})(?:[.)][ \t]+(?=\S)|[ \t]+(?=[^\W\d_]))")


def numbered_notes(text: str) -> list[Note]:
    """The notes listed under a "Notes" heading in plain text, "1. Author, *Title* (...), 34.": numbered from 1
    and rising one by one (a chapter's notes may start again at 1); a note goes on over its wrapped lines and
    ends at a blank line; the list ends at a line that is not a note after a blank one, or at a heading."""
    notes: list[Note] = []
    for heading in NOTES_HEADING.finditer(text):
        expected, current, blank = 1, None, False
        pos = heading.end() + 1
        while pos <= len(text):
            stop = text.find("\n", pos)
            stop = len(text) if stop < 0 else stop
            line = text[pos:stop]
            numbered = _NUMBERED_NOTE.match(line)
            if numbered and int(numbered["label"]) in (expected, 1):
                if current is not None:
                    notes.append(current)
                expected = int(numbered["label"]) + 1
                current, blank = Note(numbered["label"], pos + numbered.end(), stop), False
            elif not line.strip():
                blank = True
            elif current is None or blank or line.lstrip().startswith("#"):
                break
            else:
                current = dataclasses.replace(current, end=stop)
            pos = stop + 1
        if current is not None:
            notes.append(current)
    return notes


def _closing_bracket(text: str, start: int) -> int | None:
    depth = 1
    for i in range(start, min(len(text), start + MAX_INLINE_NOTE)):
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n" and text[i + 1 : i + 2] == "\n":
            return None  # a note does not run over a blank line
    return None


@dataclass(frozen=True)
class NoteText:
    """One note's text on its own (``text`` is all of it), mapped to its file; ``label`` names it
    in messages ("3"; "" for none). LaTeX's ``\\footnote{..}``s arrive so (``parse.latex``)."""

    label: str
    text: CleanText


def find_note_citations(text: CleanText, references: Sequence[Reference]) -> NoteCitations:
    notes = note_definitions(text)
    if not notes:
        return NoteCitations((), (), text)
    text._starts()  # line starts computed once, shared by every note's slice
    citations, findings, read = _read_notes([NoteText(n.label, text.slice(n.start, n.end)) for n in notes],
                                            references)
    works = [(notes[n].start + start, notes[n].start + end) for n, start, end in read]
    return NoteCitations(citations, findings, _blanked(text, notes, works))


def cite_notes(notes: Sequence[NoteText], references: Sequence[Reference]) -> tuple[tuple[Citation, ...], tuple[Finding, ...]]:
    """The citations (and the findings) of notes read in order: "Ibid." cites the work cited last."""
    citations, findings, _ = _read_notes(notes, references)
    return citations, findings


def _read_notes(notes: Sequence[NoteText], references: Sequence[Reference]) -> tuple[
        tuple[Citation, ...], tuple[Finding, ...], tuple[tuple[int, int, int], ...]]:
    """``cite_notes``, and (note index, start, end) of each work read as a citation (or found missing)."""
    citations: list[Citation] = []
    findings: list[Finding] = []
    read: list[tuple[int, int, int]] = []
    last = ""  # the key of the work cited last: what "Ibid." cites again
    families = {r.key: _first_family(r) for r in references}
    cited_before = False  # has a note cited a work yet (found or missing)?
    last_by = {}  # first author's family name -> the key of that author's work cited last: what "op. cit." cites
    for number, note in enumerate(notes):
        text = note.text
        for start, end in _works(text.text, 0, len(text.text)):
            work = text.text[start:end]
            ibid = _IBID.match(work)
            if ibid:
                if last:
                    citations.append(Citation(text=work, span=text.span(start, end), names=(), key=last, group=work,
                                              locator=ibid.group("locator").strip(" .")))
                    read.append((number, start, end))
                elif number == 0 and not cited_before:  # "Ibid." opening the first note: it repeats nothing (a later
                    # note's may follow a note this reader does not read, a LaTeX \cite, a Word field)
                    findings.append(Finding(
                        kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, citation=work, span=text.span(start, end),
                        message=f'{f"note {note.label}" if note.label else "a note"} cites "{work}", but no earlier '
                                'note cites a work for it to repeat'))
                    read.append((number, start, end))
                continue
            op_cit = _OP_CIT.match(work)
            earlier = last_by.get(norm_title(_family_of(op_cit.group("author")))) if op_cit else None
            if op_cit and earlier:  # "Herlihy, op. cit., 155": Herlihy's work cited last, of several
                citations.append(Citation(text=work, span=text.span(start, end), names=(), key=earlier, group=work,
                                          locator=op_cit.group("locator").strip(" .")))
                read.append((number, start, end))
                last = earlier
                continue
            citation, finding, key = _cite(text, start, end, note.label, references)
            if op_cit and citation is None and finding is None:
                finding = _op_cit_unresolved(work, text.span(start, end), note.label, op_cit.group("author"),
                                             [r for r in references if families[r.key] == norm_title(_family_of(op_cit.group("author")))])
            if citation is not None or finding is not None:  # a remark leaves "Ibid." pointing where it was
                last, cited_before = key, True
                read.append((number, start, end))
                if key and families.get(key):
                    last_by[families[key]] = key
            if citation is not None:
                citations.append(citation)
            if finding is not None:
                findings.append(finding)
    return tuple(citations), tuple(findings), tuple(read)


def _op_cit_unresolved(work: str, span: Span, label: str, author: str, by_author: Sequence[Reference]) -> Finding:
    """ "Herlihy, op. cit." with no earlier note citing Herlihy: of several works by Herlihy, or of none listed."""
    where = f"note {label}" if label else "a note"
    if by_author:
        return Finding(kind=Kind.AMBIGUOUS_CITATION, severity=Severity.ERROR, citation=work, span=span,
                       message=f'{where} cites "{work}", but no earlier note cites a work by {author.strip()} for '
                               f'"op. cit." to repeat, and the list has {len(by_author)}: give a short title')
    return Finding(kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, citation=work, span=span,
                   message=f'{where} cites "{work}", but no bibliography entry has that author')


def _works(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cited work of a note: split at semicolons outside quotes and parentheses."""
    parts, depth, quoted, at = [], 0, False, start
    for i in range(start, end):
        ch = text[i]
        if ch in "“”\"":
            quoted = not quoted if ch == '"' else ch == "“"
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and not quoted and depth == 0:
            parts.append((at, i))
            at = i + 1
    parts.append((at, end))
    found = []
    for a, b in parts:
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        lead_in = _LEAD_IN.match(piece[lead:])
        a += lead + (lead_in.end() if lead_in else 0)
        b = a + len(text[a:b].rstrip(" .\n\t"))
        if b > a:
            found.append((a, b))
    return found


def _family_of(author_part: str) -> str:
    """The first author's family name in a note's author part ("Heather Barr", "Barr", "Enos and Kim",
    "Mark U. Edwards Jr.")."""
    first = re.split(r"\s+(?:and|&)\s+|,", author_part.strip(), maxsplit=1)[0].strip()
    words = first.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in _NAME_SUFFIXES:  # "Mark U. Edwards Jr."
        words.pop()
    return words[-1] if words else ""


_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _whole_author(author_part: str) -> str:
    """A note's author part as one name: an organisation's ("War Memorial of Korea, *Exhibition Guide*")."""
    return norm_title(author_part.strip().split(",", 1)[0].strip())


def _cite(text: CleanText, start: int, end: int, label: str,
          references: Sequence[Reference]) -> tuple[Citation | None, Finding | None, str]:
    """The citation (or the finding) of one work of a note, and the key of the entry it cites."""
    work, span = text.text[start:end], text.span(start, end)
    quoted = _QUOTED.search(work)
    title = next((g for g in quoted.groups() if g), "") if quoted else ""
    case = _CASE_NAME.match(work) if not title or (quoted and quoted.start() > 0) else None
    if case is not None:  # "Carpenter v. United States, 138 S. Ct. 2206, 2217 (2018)": the case's name is its title
        title, quoted = case.group("case"), None
    author_part = work[: quoted.start()] if quoted else work.split(",")[0]
    family = _family_of(author_part)
    best, best_score = _best_by_title(title, family, references) if title else (None, 0.0)
    if best is None or best_score < TITLE_AGREES:  # no title: the author alone, when one entry has it
        by_author = [r for r in references if family and _first_family(r) == norm_title(family)]
        if not title and len(by_author) == 1:
            best, best_score = by_author[0], 100.0
        elif not title and by_author:  # several works by the author: the title as written, unmarked (Word)
            best, best_score = _by_unmarked_title(work, by_author)
    if best is not None and best_score >= TITLE_AGREES:
        named = bool(best.authors or best.editors) and bool(family)
        if not named or _first_family(best) in (norm_title(family), _whole_author(author_part)):
            other = _other_year(work, quoted.end() if quoted else 0, best, references) if named else None
            if other is not None:  # "Sen, *Poverty and Famines* (Oxford: Clarendon Press, 1981)" for an 1982 entry
                name_at = work.find(family)
                name_span = span if name_at < 0 else text.span(start + name_at, start + name_at + len(family))
                return Citation(text=work, span=span, names=(CitedName(family, name_span),), year=other,
                                group=work), None, best.key
            return Citation(text=work, span=span, names=(), key=best.key, group=work), None, best.key
        name_at = work.find(family)
        name_span = span if name_at < 0 else text.span(start + name_at, start + name_at + len(family))
        return Citation(text=work, span=span, names=(CitedName(family, name_span),), year=best.year,
                        no_date=best.no_date, group=work), None, best.key
    if not title and _PUBLICATION.search(work) and (unmarked := _UNMARKED_TITLE.search(work)) is not None:
        title = unmarked.group("t")  # a book title that lost its italics (Word), before its facts of publication
    if not (title and _looks_like_names(author_part)):
        return None, None, ""  # a remark, not a citation ("The term "bride" is used loosely.")
    year = _published(work, quoted.end() if quoted else 0)
    message = (f'{f"note {label}" if label else "a note"} cites "{work}", but no bibliography entry has that '
               + ("title" if title else "author") + (f" (nor one from {year} by {family})" if year and family else ""))
    return None, Finding(kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, message=message, citation=work,
                         span=span), ""


def _best_by_title(title: str, family: str, references: Sequence[Reference]) -> tuple[Reference | None, float]:
    """The entry whose title the note's (possibly short) title agrees with best; of several that agree
    as well ("*Odessa*" starts Herlihy's *Odessa: A History* and King's *Odessa: Genius and Death*), the one
    whose first author's family name is nearest the note's ("Kign" is King's)."""
    scored = [(_title_score(title, ref), ref) for ref in references]
    top = max((score for score, _ in scored), default=0.0)
    if top <= 0.0:
        return None, 0.0
    tied = [ref for score, ref in scored if score == top]
    if len(tied) > 1 and family:
        cited = norm_title(family)
        tied.sort(key=lambda ref: -fuzz.ratio(cited, _first_family(ref)))  # stable: the list's order breaks ties
    return tied[0], top


# the facts of publication after a note's title, "(Oxford: Clarendon Press, 1981)", "(1999)": the last year in them
_FACTS = re.compile(r"\((?P<facts>[^()]*?(?:1[5-9]|20)\d{2})[a-z]?\s*\)")


def _published(work: str, title_end: int) -> str:
    """The year of a note's facts of publication after its title ("(Bloomington: ..., 1993)"), never a year
    of the title itself ("*The Revolution of 1905 in Odessa*"); else the last year after the title."""
    facts = _FACTS.search(work, title_end)
    years = _YEAR.findall(facts.group("facts") if facts else work[title_end:])
    return years[-1] if years else ""


def _other_year(work: str, title_end: int, entry: Reference, references: Sequence[Reference]) -> int | None:
    """The year a full note gives its work (in its facts of publication, after the title) when the entry
    gives another and no other entry of that first author has it: a year mismatch, which the reconcile
    stage reports as for "(Sen, 1981)". None for a shortened note (no year) or a year that agrees."""
    facts = _FACTS.search(work, title_end)
    if facts is None or entry.year is None:
        return None
    years = [int(y) for y in _YEAR.findall(facts.group("facts"))]
    if entry.year in years:
        return None  # "(1981; repr., Oxford: ..., 1999)": the entry gives one of them
    family = _first_family(entry)
    if any(r.year == years[-1] and _first_family(r) == family for r in references):
        return None
    return years[-1]


# "Jan Assmann, Cultural Memory and Early Civilization (Cambridge: ..., 2011)": a book title that lost
# its italics (Word, PDF), between the names and the facts of publication, a comma or the end
_UNMARKED_TITLE = re.compile(r",\s*(?P<t>[^\W\d_][^,();]*?)\s*(?:\(|,|\Z)")


def _by_unmarked_title(work: str, by_author: Sequence[Reference]) -> tuple[Reference | None, float]:
    """The entry of the note's first author whose title starts as the text after the names does."""
    found = _UNMARKED_TITLE.search(work)
    if found is None:
        return None, 0.0
    scored = [(_title_score(found.group("t"), r), -i, r) for i, r in enumerate(by_author)]
    score, _, best = max(scored, key=lambda t: t[:2])
    return (best, score) if score >= TITLE_AGREES else (None, 0.0)


def _looks_like_names(author_part: str) -> bool:
    """Up to a few capitalised words (particles allowed): "Anna Park, ", "Enos and Kim, "."""
    words = [w for w in re.split(r"[\s,]+", author_part) if w and w.lower() not in ("and", "&", "et", "al.", "eds.", "ed.")]
    return 0 < len(words) <= 8 and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)


def _first_family(ref: Reference) -> str:
    names = ref.authors or ref.editors
    if not names:
        return ""
    return norm_title(names[0].family or names[0].literal)


def _title_score(title: str, ref: Reference) -> float:
    """How well a note's (possibly short) title agrees with an entry's title: a short title is a prefix."""
    ours, theirs = norm_title(title).strip(" ,.:"), norm_title(ref.title).strip(" ,.:")
    if not ours or not theirs:
        return 0.0
    score = _prefix_score(ours, theirs)
    bare = _LEADING_ARTICLE.sub("", theirs)  # a short title leaves out "A" or "An" ("River and Its City")
    return max(score, _prefix_score(ours, bare)) if bare != theirs and not _LEADING_ARTICLE.match(ours) else score


_LEADING_ARTICLE = re.compile(r"^(?:a|an)\s+")


def _prefix_score(ours: str, theirs: str) -> float:
    if len(ours) < 8 and theirs.startswith(ours) and not theirs[len(ours) : len(ours) + 1].isalnum():
        return 100.0  # a short title of a word or two, "*Odessa*" for *Odessa: A History*: its first words exactly
    return max(fuzz.ratio(ours, theirs[: len(ours)]) if len(ours) >= 8 else fuzz.ratio(ours, theirs),
               fuzz.ratio(ours, theirs))


def _blanked(text: CleanText, notes: Sequence[Note], works: Sequence[tuple[int, int]]) -> CleanText:
    """``text`` with the notes' marks ("[^1]:", "^[" .. "]"), the ``works`` read in them and any facts of
    publication left in them ("(London: Verso, 2018)": no author-date citation) as spaces."""
    chars = list(text.text)
    spans = list(works)
    for note in notes:
        spans += [m.span() for m in _PUBLICATION.finditer(text.text, note.start, note.end)]
        if note.inline:
            spans += [(note.start - 2, note.start), (note.end, note.end + 1)]
        else:
            spans.append((text.text.rfind("\n", 0, note.start) + 1, note.start))
    for first, end in spans:
        for i in range(first, end):
            if chars[i] != "\n":
                chars[i] = " "
    return dataclasses.replace(text, text="".join(chars))
