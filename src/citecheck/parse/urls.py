"""URLs and DOIs inside one reference string: find them, repair PDF and markdown artefacts.

A URL is found as a markdown link ``[text](target)`` (the target wins: the text form
carries markdown escapes), an autolink ``<...>`` or a bare ``http(s)://`` / ``www.`` run.
``repair_url`` undoes what copying from a PDF or a markdown converter does to a URL
(line-wrap spaces, ``\\_`` escapes, a dangling ``#`` or full stop, characters that must be
percent-encoded) and says what it changed; ``extract_urls`` also rejoins a URL that a line
break cut mid-word (".../name_that_wr" + "aps.html"), when it is told where the lines broke, and
one whose rest is a bare word or number ending the entry (".../" + "coronavirus", ".../978924" +
"0012345"); ``locate_doi`` likewise a DOI's digits ("pnas.18175" + "61116"). Where such a rest has
more text after it the join is not safe: ``cut_rest`` names it, for a warning.
A Wayback Machine URL is split into the original URL and an ``ArchiveSnapshot``.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import quote, unquote

from ..model import ArchiveSnapshot, Url

logger = logging.getLogger(__name__)

# Characters after which (or before which) a space inside a URL is a PDF line break.
_JOIN_AFTER = frozenset("-/_=&?.#+~:;,%")
_JOIN_BEFORE = frozenset("-/_=&?.#+~%")
_ESCAPE = re.compile(r"\\+([!-/:-@\[-`{-~])")
_SPACE_RUN = re.compile(r"\s+")
_TRAILING = ".,;:!?'\"”’"
_BARE = re.compile(  # "http:// www.", "https: //www." (PDFs); a SICI DOI's "<693::AID-ASI4>" is part of its link
    r"(?:https?:(?: (?=//))?//(?: (?=www\.|[a-z0-9-]+\.[a-z]))?|www\.)(?:[^\s<>\[\]]|<[^\s<>\[\]\"]*::[^\s<>\[\]\"]*>)+", re.IGNORECASE)
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>]*)>", re.IGNORECASE)
_URLISH = re.compile(r"^(?:https?://|www\.|doi\.org/)", re.IGNORECASE)
_WAYBACK = re.compile(
    r"^https?://(?:web\.)?archive\.org/web/(?P<ts>\d{4,14})(?:[a-z]{2}_|\*)?/(?P<original>.+)$", re.IGNORECASE
)
# Allowed as-is in a URL (RFC 3986 unreserved + reserved + the percent sign).
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
# A bare URL broken by a line wrap continues when the piece before ends like this.
_CONTINUES = tuple("-_=&?/%")
_PERCENT_END = re.compile(r"%[0-9A-Fa-f]{2}$")  # a URL cut after an escaped character goes on: ".../USCYBERCOM%20" + "Vision"
_CONTINUATION = re.compile(r"^[\w\-./?=&%#~+]+(?::[\w\-./?=&%#~+]+)*$")  # a query's "filename=q:/IP/C/W669.pdf" too
_WORD = re.compile(r"^[A-Z]?[a-z]+[.,;:]?$")
_BALANCED_BRACKETS = re.compile(r"(?:[^()\s]+\([^()\s]+\))+[^()\s]*")  # "EPRS_BRI(2018)621893_EN.pdf"
# the rest of a URL cut mid-word at a line end ("aps.html", "ex.php?id=3", "ple.com/a"): it starts in the
# word the line cut and holds a URL's own punctuation before its end, where a sentence has none
_MIDWORD_REST = re.compile(r"^[a-z0-9][\w\-~%]*[./?=&#][\w\-./?=&%#~+]*$")
# a URL that ends like this is whole: the next line's word is not its rest ("report.pdf" + "Accessed")
_WHOLE_END = re.compile(r"\.(?:s?html?|pdf|php\d?|aspx?|jsp|xml|txt|docx?|cgi)$", re.IGNORECASE)
_EXTENSION = re.compile(r"(?:s?html?|pdf|php\d?|aspx?|jsp|xml|txt|docx?|cgi|csv|xlsx?|zip)")  # no word of prose
_MIDWORD_CHANGE = "joined a URL cut mid-word at a line end"
# the rest of a URL or DOI that a line break cut, when the next line starts with it alone: a bare
# lower-case word or a number ("coronavirus", "0012345"), no sentence's punctuation inside
_BARE_REST = re.compile(r"[a-z0-9][a-z0-9_~%\-]*")
# ... not a word of the prose that follows a URL, nor a year
_NOT_REST = frozenset("accessed retrieved viewed available archived consulted cited updated last online via from at "
                      "in on and or see doi pmid pmcid isbn issn".split())
_YEAR_ALONE = re.compile(r"(?:1[5-9]|20)\d\d")
# an Elsevier DOI's year in brackets before its item number ("10.1016/S0140-6736(20)32656-8"), cut there
_ELSEVIER_CUT = re.compile(r"10\.\d{4,9}/\S*\d{4}-\d{3}[\dX]\(\d{2}\)$")
_ELSEVIER_REST = re.compile(r"\d{5}-[\dX]")
_AT_END_CHANGE = "joined a URL cut at a line end before its rest, the entry's last word"
_STOP_CHANGE = "joined a URL cut at a line end after a full stop inside it"
# the rest of a URL or DOI cut right after one of its own full stops ("…/annual." + "2019/summary.pdf",
# "10.1016/j." + "cell.2019.01.002"): it goes on in lower case or digits, with no space, and holds a URL's
# or DOI's own punctuation inside, where the next entry or sentence would start with a capital, a label
# ("2.", "[3]") or a word
_STOP_REST = re.compile(r"[a-z0-9][\w\-~%]*(?:[./?=&#_\-][\w\-~%]+)+/?")
# a DOI's rest that opens in capitals, with digits before its own full stop ("CD004417.pub5"), as no
# sentence's first word does
_DOI_CAPITAL_REST = re.compile(r"[A-Z]{1,4}\d{3,}(?:[./\-][\w\-]+)+")
_NOT_STOP_REST = re.compile(r"(?:e\.g|i\.e|cf|et\.al|10\.\d{4,9}/.*|(?:1[5-9]|20)\d\d[a-z]?)", re.IGNORECASE)


# re.IGNORECASE lets an ASCII letter match its other case and four other letters: "İ" and "ı" (i),
# "ſ" (s) and the Kelvin sign (k). ``str.lower`` maps the Kelvin sign to "k", but not the other three.
_UNLOWERED = ("İ", "ı", "ſ")


def mentions(text: str, words: tuple[str, ...]) -> bool:
    """Could a case-insensitive pattern that needs one of ``words`` (lower-case ASCII) match in ``text``?

    A quick test before a slow ``re.IGNORECASE`` scan, which need not run when this is False (the
    common case). True for any text with one of the three letters ``str.lower`` leaves alone."""
    global _LOWERED
    last = _LOWERED  # one read: another thread may set it meanwhile
    if last[0] is text:  # the callers ask of one entry's text many times over
        folded = last[1]
    else:
        folded = text.lower()
        _LOWERED = (text, folded)
    for word in words:
        if word in folded:
            return True
    return not text.isascii() and any(ch in text for ch in _UNLOWERED)


_LOWERED: tuple[str, str] = ("", "")  # the last text ``mentions`` lowered, and its lower case


@dataclass(frozen=True)
class FoundUrl:
    """A URL found in a string: the record, where it was (``start:end`` of the
    searched string, covering the markup) and what the repair changed, for humans."""

    url: Url
    start: int
    end: int
    changes: tuple[str, ...] = ()

    @property
    def repaired(self) -> str:
        """The full repaired URL as given (the archive URL for a snapshot)."""
        return self.url.snapshot.url if self.url.snapshot else self.url.url


@dataclass(frozen=True)
class FoundDoi:
    """A DOI found in a string, where it was, and the next line's word joined to it (a line break
    cut it before that rest: "pnas.18175" + "61116"), "" when none was."""

    doi: str
    start: int
    end: int
    joined: str = ""


def repair_url(raw: str) -> tuple[str, tuple[str, ...]]:
    """The repaired URL and a description of each change (empty when none)."""
    changes: list[str] = []
    url = raw.strip()
    unescaped = _ESCAPE.sub(r"\1", url)
    if unescaped != url:
        changes.append("removed markdown escapes")
        url = unescaped
    url = _repair_spaces(url, changes)
    url = _strip_trailing(url, changes)
    if url.lower().startswith("www."):
        url = "http://" + url
        changes.append("added the missing http:// scheme")
    encoded = _percent_encode(url)
    if encoded != url:
        changes.append("percent-encoded characters not allowed in a URL")
        url = encoded
    return url, tuple(changes)


def _repair_spaces(url: str, changes: list[str]) -> str:
    out: list[str] = []
    pos = 0
    joined = encoded = False
    for m in _SPACE_RUN.finditer(url):
        out.append(url[pos : m.start()])
        before, after = url[m.start() - 1 : m.start()], url[m.end() : m.end() + 1]
        if before in _JOIN_AFTER or after in _JOIN_BEFORE or _PERCENT_END.search(url, 0, m.start()):
            joined = True
        else:
            out.append("%20")
            encoded = True
        pos = m.end()
    out.append(url[pos:])
    if joined:
        changes.append("joined a URL broken across lines (removed a space)")
    if encoded:
        changes.append("percent-encoded a space inside the URL")
    return "".join(out)


def _strip_trailing(url: str, changes: list[str]) -> str:
    while True:
        if url.endswith("#"):
            url = url[:-1]
            changes.append("removed an empty trailing '#'")
        elif url and url[-1] in _TRAILING:
            changes.append(f"removed trailing {url[-1]!r}")
            url = url[:-1]
        elif url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1]
            changes.append("removed an unbalanced trailing ')'")
        else:
            return url


def _percent_encode(url: str) -> str:
    m = re.match(r"^([a-z][a-z0-9+.-]*://)?([^/?#]*)(.*)$", url, re.IGNORECASE | re.DOTALL)
    assert m is not None  # the pattern matches every string
    scheme, netloc, rest = (m.group(1) or ""), m.group(2), m.group(3)
    if not netloc.isascii():
        try:
            netloc = netloc.encode("idna").decode("ascii")
        except UnicodeError:
            logger.debug("cannot IDNA-encode host %r", netloc)
    return scheme + netloc + quote(rest, safe=_URL_SAFE)


def wayback_snapshot(url: str) -> ArchiveSnapshot | None:
    """The snapshot a Wayback Machine URL points at, or None for any other URL."""
    m = _WAYBACK.match(url)
    if not m:
        return None
    original = m.group("original")
    original = re.sub(r"^(https?):/(?!/)", r"\1://", original, flags=re.IGNORECASE)
    if not re.match(r"^https?://", original, re.IGNORECASE):
        original = "http://" + original
    return ArchiveSnapshot(url=url, original=original, timestamp=m.group("ts"), archive="wayback")


def to_url(raw: str) -> tuple[Url, tuple[str, ...]]:
    """A Url record for ``raw`` (repaired; split into original + snapshot for Wayback URLs)."""
    repaired, changes = repair_url(raw)
    snapshot = wayback_snapshot(repaired)
    if snapshot is not None:
        return Url(url=snapshot.original, raw=raw, snapshot=snapshot), changes
    return Url(url=repaired, raw=raw), changes


def extract_urls(text: str, line_break: Callable[[int], bool] | None = None) -> tuple[FoundUrl, ...]:
    """Every URL in ``text`` in order: markdown links, then autolinks, then bare URLs.

    ``line_break(i)`` says whether the space at ``text[i]`` was a line break (``text`` is an entry
    with its whitespace folded); a bare URL that reaches a line break mid-word goes on with the next
    line when that reads as the URL's rest (``_MIDWORD_REST``). Without it no such join is made:
    a space in prose is no evidence of a wrap."""
    # (no nested functions: compiled, their closures and the environment holding them make a reference
    # cycle, which kept each entry's draft, through ``line_break``, until the garbage collector ran)
    found: list[FoundUrl] = []
    taken: list[tuple[int, int]] = []
    for start, end, label, target in _markdown_links(text):
        raw = target if _URLISH.match(target.strip()) else label
        if _URLISH.match(raw.strip()):
            _add_url(found, taken, text, line_break, raw, start, end)
    for m in _AUTOLINK.finditer(text):
        if _is_free(taken, m.start(), m.end()):
            _add_url(found, taken, text, line_break, m.group(1), m.start(), m.end())
    for start, end, cuts, change in _bare_urls(text, line_break):
        if not _is_free(taken, start, end):
            continue
        if not cuts:
            _add_url(found, taken, text, line_break, text[start:end], start, end)
            continue
        raw = text[start:end]
        url, changes = to_url("".join(raw[a + 1 : b] for a, b in zip((-1, *cuts), (*cuts, len(raw)))))
        found.append(FoundUrl(replace(url, raw=raw), start, end, (change, *changes, *_kept_hyphens(raw, start, line_break))))
        taken.append((start, end))
    return tuple(sorted(found, key=lambda f: f.start))



def _is_free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps none of the URLs ``taken``."""
    return all(end <= a or start >= b for a, b in taken)


def _add_url(found: list[FoundUrl], taken: list[tuple[int, int]], text: str,
             line_break: Callable[[int], bool] | None, raw: str, start: int, end: int) -> None:
    """Add the URL written ``raw`` at ``text[start:end]`` to ``found``, its place to ``taken``."""
    joined, word = _dehyphenated(raw, text, start, end, line_break)
    url, changes = to_url(joined)
    if word:
        url = replace(url, raw=raw)
        changes = (f"removed the hyphen of a word broken at a line end ({word!r}, as the entry writes it)",
                   *(c for c in changes if not c.startswith("joined a URL broken across lines")))
    elif changes:
        changes = (*changes, *_kept_hyphens(raw, start, line_break))
    found.append(FoundUrl(url, start, end, changes))
    taken.append((start, end))

_SCHEMELESS = re.compile(
    r"(?<![\w@/.:%-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|int|mil|info|io|[a-z]{2})/[^\s<>\[\]]*")


# a host alone, as MLA 9 writes a site's address before its access date ("whitmanarchive.org. Accessed 3 Mar. 2023")
_SCHEMELESS_HOST = re.compile(
    r"(?<![\w@/.:%-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|edu|gov|int|info|io)(?=[.,]?\s+Accessed\b)")


def schemeless_urls(text: str) -> tuple[FoundUrl, ...]:
    """Web addresses written without a scheme, as MLA 9 writes them
    ("thediplomat.com/resources/crime/"): a lower-case host with a known or two-letter top-level
    domain and a path, or a host alone just before MLA's "Accessed". The record's URL gets ``https://``; its ``raw`` stays as written (the
    style leaves the scheme out on purpose, so this is no repair to propose)."""
    found = []
    for m in _SCHEMELESS.finditer(text) if "/" in text else ():  # a path
        piece = _trim_end(m.group(0))
        url, _ = to_url("https://" + piece)
        found.append(FoundUrl(Url(url=url.url, raw=piece, snapshot=url.snapshot), m.start(), m.start() + len(piece)))
    for m in _SCHEMELESS_HOST.finditer(text) if "Accessed" in text else ():  # or none: MLA's "whitmanarchive.org. Accessed"
        url, _ = to_url("https://" + m.group(0))
        found.append(FoundUrl(Url(url=url.url, raw=m.group(0), snapshot=url.snapshot), m.start(), m.end()))
    return tuple(found)


_BROKEN_AT_HYPHEN = re.compile(r"(?P<left>[^\W\d_]{2,})-(?P<space>\s+)(?P<right>[a-z]{2,})")


def _kept_hyphens(raw: str, start: int, line_break: Callable[[int], bool] | None) -> tuple[str, ...]:
    """What a URL joined at a line break after its hyphen says of it: the hyphen is kept, as the styles
    break a URL after a hyphen and add none ("…/drinking-" + "water"), so a reader can tell the join and
    check the other reading, when a line break's hyphenation put it there ("drink-" + "ing-water")."""
    if line_break is None:
        return ()
    kept = []
    for m in _BROKEN_AT_HYPHEN.finditer(raw):
        if line_break(start + m.start("space")):
            kept.append(f"kept the hyphen before the line break in {m.group('left') + '-' + m.group('right')!r} as the URL's own;"
                        f" if the line break added it, the address has {m.group('left') + m.group('right')!r}")
    return tuple(kept)


def _dehyphenated(raw: str, text: str, start: int, end: int, line_break: Callable[[int], bool] | None) -> tuple[str, str]:
    """``raw`` (``text[start:end]``) without the hyphen a line break put into one of its words, when the
    entry writes that word whole elsewhere and never with the hyphen ("…/antimicrobial-utilisa-" +
    "tion-and-…" in an entry titled "... antimicrobial utilisation ..."; "j.geofo-" + "rum" for
    *Geoforum*), and the word; else ``raw`` and "". A hyphen the URL has is kept: a break after it
    is as likely."""
    if line_break is None or "-" not in raw:
        return raw, ""
    outside = (text[:start] + " " + text[end:]).lower()
    for m in _BROKEN_AT_HYPHEN.finditer(raw):
        if not line_break(start + m.start("space")):
            continue
        word = (m.group("left") + m.group("right")).lower()
        left_word = re.search(r"[^\W\d_]+$", m.group("left"))
        whole = (left_word.group() if left_word else m.group("left")).lower() + m.group("right")
        if re.search(rf"\b{re.escape(whole)}", outside) and f"{whole[:len(whole) - len(m.group('right'))]}-{m.group('right')}" not in outside:
            return raw[: m.start("space") - 1] + raw[m.end("space"):], word
    return raw, ""


def _markdown_links(text: str):
    """``(start, end, label, target)`` for each ``[label](target)``; the target may hold parentheses."""
    if "[" not in text:
        return
    brackets, parens = _pairs(text, "[", "]"), _pairs(text, "(", ")")  # each bracket's match looked up, not
    i = 0  # scanned for: "[[[[..." was quadratic (a file of brackets read for minutes)
    while (open_at := text.find("[", i)) != -1:
        close = brackets.get(open_at, -1) if not _escaped(text, open_at) else _matching(text, open_at, "[", "]")
        if close == -1 or text[close + 1 : close + 2] != "(":
            i = open_at + 1
            continue
        end = parens.get(close + 1, -1)
        if end == -1:
            i = open_at + 1
            continue
        yield open_at, end + 1, text[open_at + 1 : close], text[close + 2 : end]
        i = end + 1


def _pairs(text: str, opening: str, closing: str) -> dict[int, int]:
    """``_matching(text, i, opening, closing)`` for every unescaped ``opening`` at ``i`` that is closed, in one
    pass."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == opening:
            opened.append(i)
        elif ch == closing and opened:
            pairs[opened.pop()] = i
        i += 1
    return pairs


def _escaped(text: str, at: int) -> bool:
    """Is ``text[at]`` escaped: after an odd number of backslashes?"""
    before = at
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    return (at - before) % 2 == 1


def _matching(text: str, start: int, opening: str, closing: str) -> int:
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _bare_urls(text: str, line_break: Callable[[int], bool] | None = None):
    """``(start, end, cuts, change)`` of bare URLs, joined across line-wrap spaces, trailing punctuation
    left out; ``cuts`` are the offsets (from ``start``) of the line breaks that cut the URL mid-word,
    after a full stop inside it, or before a rest that ends the entry (``change`` says which, for the
    last such join)."""
    if not mentions(text, ("http", "www.")):
        return
    for m in _BARE.finditer(text):
        start, end = m.start(), m.end()
        cuts: list[int] = []
        change = ""  # the last join's kind (``_MIDWORD_CHANGE``, ``_STOP_CHANGE``, ``_AT_END_CHANGE``)
        while True:
            goes_on = text[start:end].endswith(_CONTINUES) or _PERCENT_END.search(text, start, end) is not None
            nxt = re.match(r"\s+(\S+)", text[end:]) if goes_on else None
            if nxt is not None and _looks_like_continuation(nxt.group(1)):
                pass
            elif line_break is not None and ((midword := _cut_midword(text, start, end, line_break))
                                             or (stop := _cut_after_stop(text, start, end, line_break))
                                             or _rest_at_break(text, start, end, line_break, True)):
                change = _MIDWORD_CHANGE if midword else _STOP_CHANGE if stop else _AT_END_CHANGE
                nxt = re.match(r"\s(\S+)", text[end:])
                cuts.append(end - start)
            else:
                break
            assert nxt is not None  # _cut_midword and _rest_at_break saw a word after the break
            end += nxt.end()
        yield start, start + len(_trim_end(text[start:end])), tuple(cuts), change


def _cut_midword(text: str, start: int, end: int, line_break: Callable[[int], bool]) -> bool:
    """Did a line break cut the URL text[start:end] mid-word (".../a_very_long_file_name_that_wr" +
    "aps.html (Accessed 3 May 2020).")? The URL must end in a word's letters with a path begun, not
    like a whole address (".pdf"), and the next line must start with the URL's rest, not a word."""
    url = text[start:end]
    if not url[-1:].isalnum() or "/" not in url.split("//", 1)[-1] or _WHOLE_END.search(url):
        return False
    if text[end : end + 1] != " " or not line_break(end):
        return False
    rest = re.match(r"\S+", text[end + 1 :])
    if rest is None or _URLISH.match(rest.group()):  # "doi.org/10.1/x" is an address of its own
        return False
    return bool(_MIDWORD_REST.match(_trim_end(rest.group())))


def _cut_after_stop(text: str, start: int, end: int, line_break: Callable[[int], bool], doi: bool = False) -> str:
    """The next line's first word when a line break cut the URL (or DOI, ``doi``) ``text[start:end]``
    right after one of its own full stops ("https://www.example.org/reports/annual." + "2019/summary.pdf",
    "doi:10.1016/j." + "cell.2019.01.002"), else "". A URL that ends its sentence with a full stop is
    followed by the next sentence or entry: a capital, a label ("2."), a word of prose ("accessed", even
    "next.html"), an address of its own ("www.…", a DOI) or a year, never a lower-case run of a path's
    words with a path's or a DOI's punctuation inside (``_STOP_REST``) that goes on with the path ("/")
    or a number, which is what is joined (a DOI's suffix with any such run)."""
    url = text[start:end]
    if not url.endswith(".") or not url[-2:-1].isalnum() or text[end : end + 1] != " " or not line_break(end):
        return ""
    doi = doi or "doi.org/10." in url.lower()  # a DOI's link: "https://doi.org/10.1371/journal." + "pone.0123456"
    if not doi and (_WHOLE_END.search(url[:-1]) or "//" not in url and not url.lower().startswith("www.")):
        return ""
    word = re.match(r"\S+", text[end + 1 :])
    if word is None or _URLISH.match(word.group()):
        return ""
    rest = _trim_end(word.group())
    if not doi and _EXTENSION.fullmatch(rest):  # a file's extension alone: "…/annual-summary." + "html"
        return rest
    if doi and (_DOI_CAPITAL_REST.fullmatch(rest)  # Cochrane's "10.1002/14651858." + "CD004417.pub5"
                or rest.isdigit() and not _YEAR_ALONE.fullmatch(rest)):  # Wiley's "10.1111/jcpp." + "13278"
        return rest
    if not _STOP_REST.fullmatch(rest) or _NOT_STOP_REST.fullmatch(rest) or rest.split(".", 1)[0].lower() in _NOT_REST:
        return ""
    # a URL's rest goes on with its path ("2019/summary.pdf") or a number ("3/table.csv"); a word alone
    # ("next.html") may be the next sentence's, as a DOI's suffix never is ("cell.2019.01.002")
    return rest if doi or "/" in rest or rest[0].isdigit() else ""


def _rest_at_break(text: str, start: int, end: int, line_break: Callable[[int], bool], at_end: bool) -> str:
    """The next line's first word when a line break cut the URL or DOI ``text[start:end]`` before it
    and it reads as the rest ("https://ourworldindata.org/" + "coronavirus", ".../978924" + "0012345"):
    a bare lower-case word or number (a number only after a digit, a word only after a letter, either
    after "/" or "-": "…/report" + "12" is no cut), not a word of prose nor a year, after a path begun and not ended like a whole address (".pdf");
    or an Elsevier DOI's item number after its bracketed year ("…/0165-1781(89)" + "90047-4").
    ``at_end``: only when it ends the entry (nothing but punctuation or a bracketed note after it),
    where nothing else can be meant; else "" (the caller warns of the others)."""
    if text[end : end + 1] != " " or not line_break(end):
        return ""
    url = text[start:end]
    last = url[-1:]
    word = re.match(r"\S+", text[end + 1 :])
    rest = _trim_end(word.group()) if word else ""
    if not (_ELSEVIER_CUT.search(url) and _ELSEVIER_REST.fullmatch(rest)):  # else "…/0165-1781(89)" + "90047-4"
        if not (last.isalnum() or last in _CONTINUES) or "/" not in url.split("//", 1)[-1] or _WHOLE_END.search(url):
            return ""
        if not rest or not _BARE_REST.fullmatch(rest) or rest in _NOT_REST or _YEAR_ALONE.fullmatch(rest):
            return ""
        if last.isalpha() and not rest[0].isalpha() or last.isdigit() and not rest.isdigit():
            return ""
    after = text[end + 1 + len(rest) :].lstrip(_TRAILING + " ")
    return rest if (not after or after[0] in "([") == at_end else ""


def cut_rest(text: str, start: int, end: int, line_break: Callable[[int], bool]) -> str:
    """The word after a line break that reads as the rest of the bare URL ``text[start:end]``
    ("…/" + "coronavirus and ..."), when more text follows it, so it was not joined; else ""."""
    return _rest_at_break(text, start, end, line_break, False)


def _trim_end(piece: str) -> str:
    """A URL found in prose without the sentence's punctuation after it, nor a closing
    parenthesis it did not open."""
    piece = piece.rstrip(_TRAILING)
    while piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1].rstrip(_TRAILING)
    return piece


# What may follow a URL cut at a space: up to seven words of a path (no sentence's stops, no address
# of their own), the last ending like a whole address (".html", "/") or holding a query ("?id=3")
_SPACED_WORD = re.compile(r"[\w\-~%+]+")
_SPACED_LAST = re.compile(r"[\w\-~%+]*(?:\.(?:s?html?|pdf|php\d?|aspx?|jsp|xml|txt|docx?|cgi|csv|xlsx?|zip)|/|[?=&][\w\-.=&%]*)",
                          re.IGNORECASE)


def spaced_rest(text: str, start: int, end: int) -> str:
    """The words after the URL ``text[start:end]`` that read as the rest of its path, cut at
    spaces ("…/some-slug-name" + " with underscores.html": pypdf reads the underscores pdflatex's
    ``\\url`` draws as rules, not glyphs, as spaces), or "". Not when the URL ends like a whole
    address (".pdf", "/"), nor when the words are prose (a capitalised word, a stop, another address)."""
    url = "".join(text[start:end].split())
    if not url or _WHOLE_END.search(url) or url.endswith("/") or "/" not in url.split("//", 1)[-1]:
        return ""
    taken: list[str] = []
    for word in text[end:].split(None, 7)[:7]:
        bare = _trim_end(word)
        if _URLISH.match(bare):
            return ""
        if _SPACED_LAST.fullmatch(bare):
            return " ".join([*taken, bare])
        if bare != word or not _SPACED_WORD.fullmatch(word) or (word[:1].isupper() and word[1:].islower()):
            return ""
        taken.append(word)
    return ""


def _looks_like_continuation(token: str) -> bool:
    """Does ``token``, after a URL that ends so it goes on ("…/621893/"), read as its rest? Path characters,
    and brackets that close what they open, as the European Parliament's "EPRS_BRI(2018)621893_EN.pdf" has."""
    if _URLISH.match(token) or _WORD.match(token):
        return False
    rest = _trim_end(token)
    if "(" in rest[1:] and _BALANCED_BRACKETS.fullmatch(rest):  # not a bracket of its own: "(2018)."
        rest = rest.replace("(", "").replace(")", "")
    return bool(_CONTINUATION.match(rest)) and any(ch.isdigit() or ch in "-_/=&.%" for ch in token)


# --- DOIs -------------------------------------------------------------------------------------

_DOI_START = re.compile(
    r"(?:(?:https?://)?(?:dx\.)?doi\.org/|\bdoi:\s*|\bdoi\s+|(?<![\w/.]))(10\.\d{4,9})\s*/\s*", re.IGNORECASE
)
_DOI_SUFFIX = re.compile(r"(?:[^\s\"<>]|<[^\s\"<>]*::[^\s\"<>]*>)+")  # with a SICI's "<693::AID-ASI4>"
_DOI_LABEL = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/|\bdoi:?\s*", re.IGNORECASE)


def _doi_starts(text: str) -> Iterator[re.Match[str]]:
    """``_DOI_START.finditer(text)``, each search from just before the next "10." (its label, "https://dx.doi.org/"
    at the longest, and the spaces after "doi:"), not from every character (270,000 instructions an entry)."""
    at = 0
    while True:
        ten = text.find("10.", at)
        if ten < 0:
            return
        before = ten
        while before > at and text[before - 1].isspace():
            before -= 1
        m = _DOI_START.search(text, max(at, before - len("https://dx.doi.org/")))
        if m is None:
            return
        yield m
        at = m.end()


def locate_doi(text: str, line_break: Callable[[int], bool] | None = None) -> FoundDoi | None:
    """The first DOI in ``text`` (``doi:``, ``https://doi.org/``, ``dx.doi.org`` or bare ``10.x/y``),
    rejoined when a line break split it (``10.1080/ 0969`` or ``10.1080/abc- def``); told where the
    lines broke (``line_break``, as for ``extract_urls``), also when a digit ends a line and a number
    alone ends the entry on the next ("pnas.18175" + "61116")."""
    if "10." not in text:  # every DOI has its "10." registrant prefix: skip the scan
        return None
    for m in _doi_starts(text):
        suffix = _DOI_SUFFIX.match(text, m.end())
        if not suffix:
            continue
        end = suffix.end()
        value = suffix.group(0)
        while value.endswith(("-", "_", "/")):
            nxt = re.match(r"\s+([\w\-.()/;:]+)", text[end:])
            if not nxt:
                break
            piece = f"{value[-30:]} {nxt.group(1)}"
            unbroken, _ = _dehyphenated(piece, text, end - min(len(value), 30), end + nxt.end(), line_break)
            value = value[:-1] + nxt.group(1) if unbroken != piece else value + nxt.group(1)  # "j.geofo-" + "rum"
            end += nxt.end()
        joined = ""
        if line_break is not None and (value[-1:].isdigit() or value.endswith(")")):
            joined = _rest_at_break(text, m.start(), end, line_break, True)
        elif line_break is not None and value.endswith("."):  # "10.1016/j." + "cell.2019.01.002"
            joined = _cut_after_stop(text, m.start(), end, line_break, doi=True)
        if joined:
            value, end = value + joined, end + 1 + len(joined)
        value = _ESCAPE.sub(r"\1", value)
        trimmed = value.rstrip(".,;:'\"”’>]")
        while trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1]
        if not trimmed:
            continue
        end -= len(value) - len(trimmed)
        if "%" in trimmed and "doi.org/" in m.group(0).lower():  # a link's escapes: "%3C" is the DOI's "<"
            trimmed = unquote(trimmed)
        return FoundDoi(doi=f"{m.group(1)}/{trimmed}", start=m.start(), end=end, joined=joined)
    return None


def find_doi(text: str) -> str | None:
    """The first DOI in ``text`` as ``10.prefix/suffix``, or None."""
    found = locate_doi(text)
    return found.doi if found else None


# A label with nothing valid after it, a registrant prefix with no suffix, or the tail of a
# DOI (``d6.0004``, ``sais.2006.0004``) left after a copy lost the ``10.prefix/`` part.
_FRAGMENTS = (
    re.compile(r"\bdoi:?\s*(?!10\.\d{4,9}/\S)(\S*)", re.IGNORECASE),
    re.compile(r"(?<![\w.])(10\.\d{4,9})(?![\d/])"),
    re.compile(r"(?<![\w./])([a-z]{1,8}\d{0,4}(?:\.\d{2,})*\.\d{3,})(?![\w/])", re.IGNORECASE),
    re.compile(r"(?<![\w./])(\d{1,4}\.0\d{3,})(?![\w/])"),
)


def find_doi_fragment(text: str) -> str | None:
    """A DOI-like fragment that is not a valid DOI (truncated or broken), or None.

    Meant for the leftover tail of an entry (after volume, issue and pages), not for titles.
    """
    if locate_doi(text):
        return None
    for pattern in _FRAGMENTS:
        m = pattern.search(text)
        if m:
            return m.group(0).strip().rstrip(".,;")
    return None
