"""Line numbers in a manuscript's margin (LaTeX's lineno, Word's line numbering, a preprint under review),
copied with the text: "412 Sleep was studied by ...", "413 Jahrami et al., 2021). ...". Each line of a
run of at least ``MIN_RUN`` lines opens with a number one above the line before's (a few above, where a
blank or bare-number line was dropped), and some go on in lower case or hold nothing else ("415", "422
meta-analysis."): a wrapped sentence, which a numbered reference list's entries never are. The numbers
are taken off those lines; every character kept still maps to the file (``CleanText.origin``)."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import CleanText

_NUMBERED = re.compile(r"[ \t\f]*(?P<number>\d{1,5})(?:[ \t]+|$)")
MIN_RUN = 8
MAX_STEP = 3  # a number this many above the last: lines between dropped (blank, bare numbers)
MIN_WRAPPED = 2  # lines of a run that go on in lower case or are empty after their number


class _Numbered(NamedTuple):
    line: int  # the line's index
    number: int
    start: int  # the number's offset in the line
    end: int  # past the number and the blanks after it
    wrapped: bool  # nothing else on the line, or it goes on in lower case


def strip_line_numbers(text: CleanText) -> tuple[CleanText, int]:
    """``text`` without the margin's line numbers, and how many were taken off (0: ``text`` itself)."""
    lines = text.text.split("\n")
    runs: list[list[_Numbered]] = []
    current: list[_Numbered] = []
    for at, line in enumerate(lines):
        if not line.strip(" \t\f"):
            continue
        m = _NUMBERED.match(line)
        numbered = None
        if m is not None:
            rest = line[m.end():]
            numbered = _Numbered(at, int(m.group("number")), m.start("number"), m.end(),
                                 not rest.strip() or rest[:1].islower())
        if numbered is not None and current and 0 < numbered.number - current[-1].number <= MAX_STEP:
            current.append(numbered)
            continue
        runs.append(current)
        current = [numbered] if numbered is not None else []
    runs.append(current)
    taken = [n for run in runs if len(run) >= MIN_RUN and sum(n.wrapped for n in run) >= MIN_WRAPPED for n in run]
    if not taken:
        return text, 0
    cut = {n.line: n for n in taken}
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for at, line in enumerate(lines):
        end = pos + len(line) + (1 if at < len(lines) - 1 else 0)
        n = cut.get(at)
        keep = [(pos, pos + n.start), (pos + n.end, end)] if n is not None else [(pos, end)]
        for a, b in keep:
            chars.append(text.text[a:b])
            origin.extend(text.origin[a:b])
        pos = end
    origin.append(text.origin[len(text.text)])
    return CleanText(file=text.file, text="".join(chars), origin=tuple(origin), source=text.source,
                     _line_starts=text._line_starts), len(taken)
