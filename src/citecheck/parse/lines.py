"""Lines of a text: where they start (for spans: offset -> line and column), whether a line that
opens with a list number ("234.", "[12]") starts a new entry of a reference list or goes on with one,
and the list's own shape of an entry's first line ("Garcia, M. (2020).") that starts an entry even
after a line without a final full stop ("Accessed 3 May 2020", "pp. 33-45", a URL)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate
from .dates import FOREIGN_NO_DATE

# how far a numbered list may jump ahead (entries lost to a page break or a bad paste) and still be itself
LIST_GAP = 5
# an entry cut at the dash of a number range ("36(2), 221–", "pp. 12-"): the next line holds its end
_CUT_RANGE = re.compile(r"\d[ \t]*[–—-]$")
_ENTRY_END = tuple(".>)]?!\"'”’*")  # how a finished entry ends


def line_starts(text: str) -> tuple[int, ...]:
    """The offset of each line of ``text``: 0, and one past each newline (as ``CleanText`` keeps them)."""
    return tuple(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))


def label_in_reach(number: int, last: int | None) -> bool:
    """Can ``number`` be a list label at all? Up to 999 always; a four-digit one ("1000.", "[1000]") only
    where it goes on with the list's running numbers (``last`` + 1, or a few more), as a year opening
    a line ("1932. Title", "[1932] AC 562") does not."""
    return number < 1000 or (last is not None and last < number <= last + LIST_GAP)


def starts_numbered_entry(number: int, last: int | None, so_far: str, looks_like_entry: bool,
                          bracketed: bool = False) -> bool:
    """Does a line opening with the list number ``number`` ("234." or, ``bracketed``, "[234]") start a
    new entry?

    ``last`` is the number of the list's latest numbered entry (None while the list is not numbered),
    ``so_far`` the text of the entry still open ("" when none is), ``looks_like_entry`` whether the
    line after its number reads like an entry's start ("Smith, J. (2019) ..."). A number after an
    entry cut at a range's dash ("221–" then "234. https://doi.org/...") is the range's end. Else a
    "[n]" always starts an entry; an "n." does when it goes on with a numbered list (``last`` + 1, a
    few more when entries were left out, or 1 for a list that starts again), or when the line reads
    like an entry (after an entry that ended, in a numbered list: a list of selected entries keeps
    their numbers).
    """
    so_far = so_far.rstrip()
    if not so_far:
        return True
    if _CUT_RANGE.search(so_far):
        return False
    if bracketed:
        return True
    if last is not None and (number == 1 or last < number <= last + LIST_GAP):
        return True
    return looks_like_entry and (last is None or so_far.endswith(_ENTRY_END))


# --- the list's own shape of an entry's start ---------------------------------------------------

_YEAR = rf"(?:(?:1[5-9]|20)\d{{2}}[a-z]?|n\.[ \t]?d\.|{FOREIGN_NO_DATE}\.)"  # "(o. J.)", "(s. d.)" ...
# an inverted first author: "Garcia, M." / "van der Berg, J.-P." (initials) or "Garcia, Maria" (given name)
_FIRST_AUTHOR = re.compile(
    r"(?:[^\W\d_][\w'’\-]*[ \t]+){0,2}[A-ZÀ-ÖØ-Þ][\w'’\-]*,[ \t]+"
    r"(?:(?P<initials>(?:[A-Z]\.[ \t]?-?){1,4})(?![^\W\d_])|(?P<given>[A-ZÀ-ÖØ-Þ][^\W\d_]+)\b)")
_PAREN_YEAR = re.compile(rf"\({_YEAR}(?:,[^()]*)?\)(?=[.,:;]?(?:[ \t]|$))")  # APA, Harvard: "(2020)." "(2020, May 3)."
_BARE_YEAR = re.compile(rf"(?<=\.)[ \t]+{_YEAR}[.,](?=[ \t]|$)")  # Chicago: "Garcia, Maria. 2020."
_AUTHOR_WORDS = 20  # words of further authors between the first author and the year: "Lee, B., Kim, C., & ..."
# how a line ends that an entry goes on from, whatever the next line holds: a list of authors ("Lee, B., &"),
# a word cut at its hyphen, a title before its book ("Review of", "In"), a family name's particle ("Coughlan de")
_GOES_ON = re.compile(r"(?:[,;:&/\-–—(]|\b(?:and|of|in|In|by|the|from|with|to|for|on|at|see|und|et|y"
                      r"|de|van|von|der|den|da|di|du|dos|del|ter|ten))[ \t]*$")  # ... or a name's particle ("Coughlan de")
MIN_SHAPED_ENTRIES = 2  # entries that must share a shape before it is the list's


# a body's name and the year after it, as Chicago's author-date list opens an entry by one: "Harvard Dataverse. 2021."
_BODY_YEAR = re.compile(rf"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[ \t][^\W\d_][\w'’\-&]*){{0,7}}\.[ \t]+{_YEAR}[.,](?=[ \t]|$)")


def body_opens_year_entry(line: str, shape: str, previous: str) -> bool:
    """Does ``line`` open an entry with a body's name and its year ("Harvard Dataverse. 2021. ...") in a list
    whose entries open with their names and a bare year (``shape`` "given year." or "initials year."), after a
    ``previous`` line that ended an entry? No organisation's word needed: the list's shape is the evidence."""
    return (shape.endswith(" year.") and previous.rstrip().endswith(_ENTRY_END)
            and _BODY_YEAR.match(line) is not None)


def entry_shape(line: str) -> str | None:
    """How ``line`` opens an entry, coarsely, or None when not in a shape a list is known by:
    "initials (year)" for APA's "Garcia, M. (2020).", "given year." for Chicago's "Garcia, Maria. 2020."
    (further authors before the year do not change it: "Lee, B., & Kim, C. (2019).")."""
    author = _FIRST_AUTHOR.match(line)
    if author is None:
        return None
    name = "initials" if author.group("initials") else "given"
    head, after = line[: author.end() + 250], author.start(name)  # the initials' "." may precede a bare year
    paren, bare = _PAREN_YEAR.search(head, after), _BARE_YEAR.search(head, after)
    year = min((m for m in (paren, bare) if m), key=lambda m: m.start(), default=None)
    if year is None or len(head[author.end() : year.start()].split()) > _AUTHOR_WORDS:
        return None
    return f"{name} {'(year)' if year is paren else 'year.'}"


def list_shape(first_lines: Iterable[str]) -> str | None:
    """The shape most entries of a list open with (``entry_shape``), when at least
    ``MIN_SHAPED_ENTRIES`` of them do and no other shape is as common; else None."""
    counts = Counter(shape for line in first_lines if (shape := entry_shape(line)) is not None)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_SHAPED_ENTRIES or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def line_goes_on(line: str) -> bool:
    """Does an entry go on after ``line`` whatever the next line holds ("Lee, B., &", "Review of")?"""
    return bool(_GOES_ON.search(line))


# --- a body named in capitals (ABNT, DIN 1505): "FAO. **Title**. Rome: FAO, 2019.", "WORLD HEALTH ORGANIZATION: ..." ---

_CAPS = "A-ZÀ-ÖØ-Þ"
# words in capitals (the first of two letters or more), an optional bracket ("(IBGE)", "(Estado)"), then "." or ":"
# and a word: not a journal's abbreviation and its year ("JAMA. 2019;321"), not initials ("J. CHEM."), no link ("URL: https:")
_CAPITALS_LEAD = re.compile(rf"[{_CAPS}]{{2,}}(?:[ \t]+[{_CAPS}][{_CAPS}'’\-]*){{0,9}}(?:[ \t]+\([^()\n]{{1,40}}\))?"
                            rf"[.:][ \t]+(?!https?:|www\.)(?=[^\W\d_]|[*\"“'‘_])")
# an entry whose first word is in capitals: "OLIVEIRA, Maria; ...", "BRASIL. Lei ...", "SÃO PAULO (Estado)."
_CAPITALS_OPENING = re.compile(rf"[{_CAPS}][{_CAPS}'’\-]+(?=[ \t,.:;(])")
_ANY_YEAR = re.compile(r"(?<![\d\-–/])(?:1[5-9]|20)\d{2}(?![\d\-–/])")
_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z]\.$")
_VANCOUVER_ISSUE = re.compile(r"(?:1[5-9]|20)\d{2}[ \t]*;[ \t]*\d")  # a journal's "2018;378:1-9" (Vancouver)


def opens_with_capitals_lead(line: str) -> bool:
    """Does ``line`` open with names in capitals and their full stop or colon, then a word ("FAO. **The state of
    food**", "WORLD HEALTH ORGANIZATION: Air quality", "KEMFERT, Claudia" does not), with a year later on, and
    not a Vancouver journal's "BMJ. Title; 2018;378:1-9"?"""
    lead = _CAPITALS_LEAD.match(line)
    return (lead is not None and _ANY_YEAR.search(line, lead.end(), 250) is not None
            and _VANCOUVER_ISSUE.search(line, lead.end(), 250) is None)


# a person whose family name is in capitals, as ISO 690 and ABNT write one: "MARTIN, Claire.", "SILVA, J. A.;",
# "GARCÍA MÁRQUEZ, Gabriel", "DURAND, Marie et LEFÈVRE, Paul"
_CAPITALS_PERSON = re.compile(rf"[{_CAPS}][{_CAPS}'’\-]+(?:[ \t][{_CAPS}][{_CAPS}'’\-]+){{0,2}},[ \t]+"
                              rf"(?:[{_CAPS}][a-zß-ÿ]+(?:[ \t-][{_CAPS}][a-zß-ÿ]+)*|[{_CAPS}]\.(?:[ \t-]?[{_CAPS}]\.)*)"
                              r"(?:[.;,]|[ \t](?:et|e|y|and|und)[ \t])")


def capitals_person_starts_entry(line: str, so_far: str) -> bool:
    """Does ``line``, a person with the family name in capitals ("MARTIN, Claire. « La ségrégation ». In : ...,
    2016, p. 45-67."), open an entry after ``so_far``, an entry opening so that has finished (its year read, a
    full stop that is no initial's)? Its year may come late, after a chapter's book, so it is looked for in the
    whole line's first 250 characters."""
    so_far = so_far.strip()
    return (bool(_CAPITALS_OPENING.match(so_far)) and so_far.endswith(".") and not _ENDS_WITH_INITIAL.search(so_far)
            and _ANY_YEAR.search(so_far) is not None and _CAPITALS_PERSON.match(line) is not None
            and _ANY_YEAR.search(line, 0, 250) is not None)


# a line opening with a quoted title ("“The Danger of a Single Story.” *TED*, ...") or a short lead and then an italic or
# quoted title ("Ngũgĩ wa Thiong'o. *Decolonising the Mind*. ...") or MLA's film ("Moonlight. Directed by Barry
# Jenkins, A24, 2016."); not a role or a link's label
_TITLED_OPENING = re.compile(r"(?:[\"“][^\"”\n]{2,200}?[.,?!][\"”][ \t]"
                             r"|(?!(?:In|Ed|Eds|Trans|Edited|Translated|Directed|Vol|Rev|Reprint|Accessed|Retrieved|Available)\b)"
                             r"[^\W\d_][^\s.,;:]*(?:[ \t][^\s.,;:]+){0,4}\.[ \t]+(?:[*_\"“][^\W\d_]|Directed[ \t]by[ \t]))")
_OWN_TITLE = re.compile(r"[*_\"“”]")


def titled_line_starts_entry(line: str, so_far: str) -> bool:
    """Does ``line`` open an MLA or Chicago entry with its title, or with a name that has no comma and then its
    title (``_TITLED_OPENING``), after ``so_far``, an entry that has finished with its own title marked (italics or
    quotes), its year read and a final stop? The line has a year of its own in its first 250 characters: a
    wrapped line of the entry above ("*Journal* 3: 45") neither opens so nor follows a finished entry."""
    so_far = so_far.strip()
    return (so_far.endswith(_ENTRY_END) and _OWN_TITLE.search(so_far) is not None
            and _ANY_YEAR.search(so_far) is not None and _TITLED_OPENING.match(line) is not None
            and _ANY_YEAR.search(line, 0, 250) is not None)


def capitals_body_starts_entry(line: str, so_far: str) -> bool:
    """Does ``line``, a body named in capitals (``opens_with_capitals_lead``), open an entry after the open
    one's text ``so_far``? In a list whose entries open in capitals, as ``so_far`` does ("OLIVEIRA, Maria;
    COSTA, Pedro. **Pesquisa**. São Paulo: Atlas, 2007."), after an entry finished: its year read and a full
    stop at its end that is no initial's ("SILVA, J." then "NASA. A history, 2019." is a title wrapped)."""
    so_far = so_far.strip()
    return (bool(_CAPITALS_OPENING.match(so_far)) and so_far.endswith(".") and not _ENDS_WITH_INITIAL.search(so_far)
            and _ANY_YEAR.search(so_far) is not None and opens_with_capitals_lead(line))
