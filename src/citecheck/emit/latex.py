"""Escaping values for BibTeX/BibLaTeX, field by field.

Three kinds of value, three rules:

* **Text** (title, journaltitle, note, name parts ...): every LaTeX special character is
  written as an inert command, so a value can never unbalance braces or run TeX code.
  ``\\`` ``{`` ``}`` ``~`` ``^`` ``<`` ``>`` ``|`` become ``\\textbackslash{}``,
  ``\\textbraceleft{}``, ... (never ``\\{``: BibTeX counts escaped braces when it balances a
  value), ``& % $ # _`` become ``\\& \\% \\$ \\# \\_``. So ``\\input{x}``, ``\\write18``,
  ``^^5cinput`` and ``$...$`` come out as harmless text. A narrow no-break space (U+202F) is
  ``\\,`` and a thin space (U+2009) ``\\thinspace{}``, as ``parse.bibtex`` reads them. Runs of ASCII whitespace and
  control characters become one space (a blank line would be a ``\\par``). Non-ASCII
  letters and punctuation stay UTF-8: biber reads UTF-8.
* **Titles** are text, and words with an internal capital (NGO, COVID-19, DPRK, iPhone)
  are additionally wrapped in one brace group so styles do not lowercase them; so are the
  groups a BibTeX input protected (``{Wien}``, ``{Iron Curtain}``: ``escape_protected_title``).
* **URLs and DOIs** are raw RFC 3986 text, never LaTeX-escaped (biblatex reads them
  verbatim): characters a URL may not contain (space, braces, backslash, quotes, ``<>^`|``,
  controls, non-ASCII) are percent-encoded; ``%XX`` already present is kept, a stray
  ``%`` becomes ``%25``; ``# ? & = : /`` and the rest of the reserved set are kept.

Names: a literal (organisation, handle) is written as one brace group, so BibTeX never
splits it (``{United Nations Office on Drugs and Crime}``); a person as
``particle Family, Suffix, Given``. ``citecheck.parse.bibtex`` decodes all of this back.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Name
from ..model.names import with_particle

_TEXT_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "\u202f": r"\,",  # a narrow no-break space: LaTeX's thin space (parse.bibtex reads ``\,`` so)
    "\u2009": r"\thinspace{}",  # a thin space (pdflatex has no glyph for either character)
}
_TEXT_SPECIALS = re.compile("[" + re.escape("".join(_TEXT_ESCAPES)) + "]")
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")
# A word for capital protection: letters/digits, possibly joined by hyphens.
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

# RFC 3986: unreserved + reserved characters; '%' is handled on its own.
_URL_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "-._~:/?#[]@!$&'()*+,;="
)
_HEX = frozenset("0123456789abcdefABCDEF")
_AND_WORD = re.compile(r"(?i)(?:^|\s)and(?:\s|$)")


def normalize_space(text: str) -> str:
    """Collapse runs of ASCII whitespace and control characters into one space."""
    return _BLANKS.sub(" ", text).strip()


def _escape_plain(text: str) -> str:
    return _TEXT_SPECIALS.sub(lambda m: _TEXT_ESCAPES[m.group()], text)


def escape_text(text: str) -> str:
    """A plain-text value as inert LaTeX (see the module docstring)."""
    return _escape_plain(normalize_space(text))


def escape_paragraphs(text: str) -> str:
    """``escape_text`` of each paragraph of a long text (an abstract, a note: a blank line between
    them), written with the blank line that ends a paragraph in TeX. A line of its own (an RIS ``N1``'s
    continuation lines, Scopus's "Export Date: ..."; a CSL note's lines) is a paragraph too: TeX has no
    line break short of one in a field, and the lines were joined with spaces."""
    return "\n\n".join(escape_text(p) for p in _LINE_BREAK.split(text) if p.strip())


_LINE_BREAK = re.compile(r"[ \t\r]*\n\s*")


def _needs_protection(word: str) -> bool:
    """True for words with a capital after their first character, per hyphen part."""
    return any(any(ch.isupper() for ch in part[1:]) for part in word.split("-"))


def escape_title(text: str) -> str:
    """Text escaping plus ``{...}`` around acronyms and words with internal capitals, and, in a title written in
    sentence case, around each capitalised word after its first (``sentence_case_names``)."""
    text = normalize_space(text)
    return _protect_words(text, sentence_case_names(text))


# words a title in sentence case may write in lower case and one in title case too: their case tells neither
_MINOR_WORDS = frozenset("""a an the and or nor but of in on at to for by with from as into onto upon via vs per
    than over under about after before between through v vs""".split())  # "Brown v. Board of Education"


def sentence_case_names(title: str) -> frozenset[int]:
    """The start of each capitalised word after the first in a title written in sentence case, which is a name
    ("Street trees and urban cooling in Berlin": "Berlin"): bibtex's standard styles lower-case a title's words
    but its first (plain, abbrv, unsrt: "Street trees and urban cooling in berlin"), and biblatex styles that
    set titles in sentence case (biblatex-apa) do the same. A title is taken to be in sentence case when a word
    after its first that is not a minor word ("in", "and", "of") is in lower case; in title case ("Heat Waves and
    Mortality") no capital tells a name, and none is protected. Empty for a title in neither."""
    # the "s" of "China's" is no word of its own
    words = [w for w in _WORD.finditer(title) if w.start() == 0 or title[w.start() - 1] not in "'\u2019"]
    if not any(w.group()[0].islower() and w.group().casefold() not in _MINOR_WORDS for w in words[1:]):
        return frozenset()
    return frozenset(w.start() for w in words[1:] if w.group()[0].isupper())


def escape_title_piece(text: str, protect: bool = True) -> str:
    """``escape_title`` (``protect``) or ``escape_text`` of a piece of a longer value: its spaces at
    either end kept (it is joined to markup around it)."""
    text = _BLANKS.sub(" ", text)
    return _protect_words(text) if protect else _escape_plain(text)


def escape_protected_title(marked: str) -> str:
    """``escape_title`` for a title whose case-protected groups are marked with braces
    (``Laienchöre in {Wien}``, as ``parse.bibtex`` keeps it): each group stays one brace group."""
    out: list[str] = []
    for index, piece in enumerate(re.split(r"[{}]", normalize_space(marked))):
        if index % 2:  # inside a group
            out.append("{" + _escape_plain(piece) + "}" if piece else "")
        else:
            out.append(_protect_words(piece))
    return "".join(out)


def _protect_words(text: str, names: frozenset[int] = frozenset()) -> str:
    out: list[str] = []
    pos = 0
    for match in _WORD.finditer(text):
        out.append(_escape_plain(text[pos : match.start()]))
        word = match.group()
        out.append("{" + word + "}" if _needs_protection(word) or match.start() in names else word)
        pos = match.end()
    out.append(_escape_plain(text[pos:]))
    return "".join(out)


def _percent_encode(text: str) -> str:
    out: list[str] = []
    for index, ch in enumerate(text):
        if ch == "%":
            valid = len(text) > index + 2 and text[index + 1] in _HEX and text[index + 2] in _HEX
            out.append("%" if valid else "%25")
        elif ch in _URL_SAFE:
            out.append(ch)
        else:
            out.append("".join(f"%{byte:02X}" for byte in ch.encode("utf-8")))
    return "".join(out)


def _encode_host(url: str) -> str:
    """IDNA-encode a non-ASCII host name (percent-encoding would break it)."""
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@]*@)?([^/?#:]*)", url)
    if not match or match.group(3).isascii():
        return url
    try:
        host = match.group(3).encode("idna").decode("ascii")
    except UnicodeError:
        return url
    return url[: match.start(3)] + host + url[match.end(3) :]


def escape_url(url: str) -> str:
    """A URL (or DOI) as raw RFC 3986 text, safe inside a BibTeX brace group."""
    return _percent_encode(_encode_host(url.strip()))


def _name_part(text: str) -> str:
    """One part of a person's name; brace-protect commas and a stray word "and"."""
    escaped = escape_text(text)
    if "," in escaped.replace(r"\,", "") or _AND_WORD.search(escaped):  # a thin space's ``\,`` is no comma
        return "{" + escaped + "}"
    return escaped


def format_name(name: Name) -> str:
    """A name in BibTeX form: ``{Literal}``, or ``particle Family, Suffix, Given``.

    A family name of several words is one brace group (``{Brinch Hansen}, Per``), so
    BibTeX never takes a lowercase word of it for a "von" part. A person without a given
    name is the family name alone, or one brace group when it has several words, a
    particle or a suffix (it then reads back as a literal).
    """
    if name.is_literal:
        if name.literal == "others":  # a list cut short ("et al."): BibTeX's own keyword, unbraced
            return "others"
        return "{" + escape_text(name.literal) + "}"
    particle = normalize_space(name.particle)
    if particle[:1].isupper():  # "De La" Cruz: BibTeX reads a capitalised particle as part of the family name;
        name = Name(family=with_particle(particle, name.family), given=name.given, suffix=name.suffix, raw=name.raw)
    family = _name_part(name.family)
    if " " in normalize_space(name.family) and not family.startswith("{"):
        # "Brinch Hansen", "de la Cruz": one group, or BibTeX would split off a von part.
        family = "{" + family + "}"
    last = with_particle(_name_part(name.particle), family)  # "van Gogh", "d'Alembert'
    given = _name_part(name.given) if normalize_space(name.given) else ""
    suffix = _name_part(name.suffix) if normalize_space(name.suffix) else ""
    if given:
        return f"{last}, {suffix}, {given}" if suffix else f"{last}, {given}"
    if suffix or name.particle.strip() or family.startswith("{"):
        # Without a given name BibTeX would split "Le Guin" into given "Le" and family
        # "Guin"; one brace group keeps it whole (it reads back as a literal).
        plain = with_particle(_name_part(name.particle), _name_part(name.family))
        return "{" + ", ".join(p for p in (plain, suffix) if p) + "}"
    return last


def format_names(names: Sequence[Name]) -> str:
    """Names joined by `` and `` (BibTeX's list separator)."""
    return " and ".join(format_name(n) for n in names)


def format_literal_list(items: Sequence[str]) -> str:
    """A BibLaTeX literal list (organization, institution): each item one brace group."""
    return " and ".join("{" + escape_text(item) + "}" for item in items if normalize_space(item))
