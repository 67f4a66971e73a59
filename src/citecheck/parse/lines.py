"""Lines of a text: where they start (for spans: offset -> line and column), and whether a line that
opens with a list number ("234.", "[12]") starts a new entry of a reference list or goes on with one."""
from __future__ import annotations

import re
from itertools import accumulate

# how far a numbered list may jump ahead (entries lost to a page break or a bad paste) and still be itself
LIST_GAP = 5
# an entry cut at the dash of a number range ("36(2), 221–", "pp. 12-"): the next line holds its end
_CUT_RANGE = re.compile(r"\d[ \t]*[–—-]$")
_ENTRY_END = tuple(".>)]?!\"'”’*")  # how a finished entry ends


def line_starts(text: str) -> tuple[int, ...]:
    """The offset of each line of ``text``: 0, and one past each newline (as ``CleanText`` keeps them)."""
    return tuple(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))


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
