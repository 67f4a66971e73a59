"""BibTeX/BibLaTeX text -> Reference records (bibtexparser 2 splits, we convert).

Tolerant: a block bibtexparser cannot parse becomes an ``unparsed-entry`` finding naming
its line, and the rest of the file is still read; a repeated key is reported too (the
entry is kept, ``emit.bibtex`` renames it on output).

The text is read a chunk of blocks at a time (``parse.bibtex_blocks``), with the records and
findings one parse of the whole text gives: ``iter_bibtex`` yields them in file order, so
memory stays flat however long the file (``stream_bibtex_references`` is what ``citecheck
convert`` streams); ``parse_bibtex`` collects them.

Values are decoded from LaTeX only as far as plain text needs: escapes (``\\&``,
``\\textbackslash{}`` ...), accents (``{\\"u}`` -> ü), a few letters (``\\ss``, ``\\o``) and
grouping braces. Unknown commands are kept as written. A title's case-protecting groups
(``{Wien}``, ``{Iron Curtain}``) are dropped from ``title`` (plain text, for matching and for
CSL-JSON/RIS) and kept in ``extra`` as ``bibtex:title``: the title with those groups in braces,
which ``emit.bibtex`` writes back. URL-like fields (url, doi,
eprint ...) are never LaTeX-decoded, only unwrapped (``\\url{...}``, ``\\_`` -> ``_``), and JabRef's ``file``
field is kept as written (``emit.file_field`` reads its files). An archived
copy is ``eprint`` with ``eprinttype = {Wayback Machine}`` (or the archive's name), or, in an entry
whose ``eprint`` is its own (arXiv), "Archived at \\url{SNAPSHOT}" in ``addendum``, as
``emit.bibtex`` writes them; either becomes the URL's ``snapshot``.
This is the inverse of ``citecheck.emit.latex``; the type and field tables mirror
``citecheck.emit.bibtex`` (the round-trip tests keep the two in step).
"""
from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from bibtexparser.middlewares.names import parse_single_name_into_parts
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, ParsingFailedBlock

from ..emit.bibtex_classic import MONTH_MACROS, month_macro
from ..emit.crosswalk import (
    LIST_SEPARATOR,
    NAMES_AS_WRITTEN,
    SEASON_MONTHS,
    NAME_LIST_FIELDS,
    YEAR_SUFFIX_FIELD,
    csl_variable_of_field,
    keywords_text,
    ris_tag_of_field,
)
from ..emit.editions import edition_number
from ..emit.latex import escape_title
from ..errors import InputError
from ..model import ArchiveSnapshot, EntryType, Finding, Fix, Kind, Name, Reference, Severity, Span, Target, Url
from ..model.names import with_particle
from .bibtex_blocks import BibtexPrelude, TextSource, iter_blocks, scan_bibtex, text_pieces
from .braces import brace_group_end
from .composed_letters import composed_text
from .paragraphs import PARAGRAPH_FIELDS, joined, latex_paragraphs
from .urls import repair_url
from .word_dates import wordy_date

logger = logging.getLogger(__name__)

ENTRY_TYPES = {
    "article": EntryType.ARTICLE, "periodical": EntryType.ARTICLE,
    "book": EntryType.BOOK, "mvbook": EntryType.BOOK, "collection": EntryType.BOOK,
    "mvcollection": EntryType.BOOK, "proceedings": EntryType.BOOK, "reference": EntryType.BOOK,
    "incollection": EntryType.CHAPTER, "inbook": EntryType.CHAPTER, "bookinbook": EntryType.CHAPTER,
    "suppbook": EntryType.CHAPTER, "suppcollection": EntryType.CHAPTER, "inreference": EntryType.CHAPTER,
    "inproceedings": EntryType.CONFERENCE, "conference": EntryType.CONFERENCE,
    "report": EntryType.REPORT, "techreport": EntryType.REPORT,
    "thesis": EntryType.THESIS, "phdthesis": EntryType.THESIS, "mastersthesis": EntryType.THESIS,
    "online": EntryType.WEBPAGE, "electronic": EntryType.WEBPAGE, "www": EntryType.WEBPAGE,
    "webpage": EntryType.WEBPAGE,
    "patent": EntryType.PATENT, "dataset": EntryType.DATASET, "software": EntryType.SOFTWARE,
}
SUBTYPES = {"newspaper": EntryType.NEWS, "magazine": EntryType.MAGAZINE}
# a @misc's (or classic BibTeX's) ``entrysubtype`` naming the type emit.bibtex wrote it for: the CSL
# type, or "preprint" (CSL's "article" is no word for one)
_CSL_TYPES = {t.value: t for t in EntryType} | {"preprint": EntryType.PREPRINT, "film": EntryType.FILM}
DEFAULT_TYPE_FIELD = {"report": "Report", "thesis": "Thesis"}
ALIAS_TYPE_FIELD = {"phdthesis": "phdthesis", "mastersthesis": "mathesis", "techreport": "techreport"}
ARCHIVES = {"Wayback Machine": "wayback"}
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "urlraw", "verba", "verbb", "verbc"})
# read as written, never decoded: JabRef's ``file`` (``emit.file_field``: its backslashes escape its colons)
AS_WRITTEN_FIELDS = frozenset({"file"})
# Where each BibLaTeX type keeps the model's container, besides journal/booktitle.
CONTAINER_FIELDS = {
    "article": ("journaltitle", "journal"),
    "book": ("maintitle", "booktitle"),
    "collection": ("maintitle", "booktitle"),
    "proceedings": ("maintitle", "booktitle"),
    "report": ("titleaddon",), "techreport": ("titleaddon",),
    "thesis": ("titleaddon",), "phdthesis": ("titleaddon",), "mastersthesis": ("titleaddon",),
    "misc": ("howpublished",),
    "unpublished": ("eventtitle", "howpublished"),  # a presentation's event; a manuscript's collection
}
PUBLISHER_FIELDS = ("publisher", "institution", "school", "organization")
_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DASHES = re.compile(r"\s*(?:-+|\u2013|\u2014)\s*")
_THIN_SPACE = re.compile(r"\\(?:,|thinspace(?![A-Za-z]))")
_WAYBACK_TIME = re.compile(r"/web/(\d{4,14})")
_URL_MACRO = re.compile(r"^\s*\\url\s*\{(.*)\}\s*$", re.DOTALL)

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331",
}
_SYMBOLS = {
    "textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}", "textasciitilde": "~",
    "textasciicircum": "^", "textless": "<", "textgreater": ">", "textbar": "|",
    "textunderscore": "_", "textdollar": "$", "textendash": "\u2013", "textemdash": "\u2014",
    "textquoteleft": "\u2018", "textquoteright": "\u2019", "textquotedblleft": "\u201c",
    "textquotedblright": "\u201d", "ss": "\u00df", "o": "\u00f8", "O": "\u00d8", "ae": "\u00e6",
    "AE": "\u00c6", "oe": "\u0153", "OE": "\u0152", "aa": "\u00e5", "AA": "\u00c5", "l": "\u0142",
    "L": "\u0141", "i": "\u0131", "j": "\u0237", "dh": "\u00f0", "DH": "\u00d0", "th": "\u00fe",
    "TH": "\u00de", "euro": "\u20ac", "S": "\u00a7", "P": "\u00b6", "copyright": "\u00a9",
    "textcopyright": "\u00a9", "textregistered": "\u00ae", "texttrademark": "\u2122",
    "ldots": "\u2026", "dots": "\u2026", "textellipsis": "\u2026", "dag": "\u2020",
    "ddag": "\u2021", "textdagger": "\u2020", "pounds": "\u00a3", "textsterling": "\u00a3", "textdegree": "\u00b0",
    "textbullet": "\u2022", "textperiodcentered": "\u00b7", "textsection": "\u00a7", "textparagraph": "\u00b6",
    "thinspace": "\u2009",
}
# Logos a title names (JabRef's "\LaTeX: A Document Preparation System"): their text in plain text (RIS,
# matching), the command itself kept for BibLaTeX (``latex_markup``: no plain text writes a logo back)
_LOGOS = {"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2\u03b5", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
          "LuaTeX": "LuaTeX", "ConTeXt": "ConTeXt"}
# Formatting commands dropped (their argument stays as text).
_FORMATTING = frozenset({
    "emph", "textit", "textbf", "textsc", "texttt", "textrm", "textsf", "textup", "textmd", "textsl",
    "textnormal", "textsuperscript", "textsubscript", "mkbibemph", "mkbibitalic", "mkbibbold", "mbox", "url", "nolinkurl",
    "NoCaseChange", "relax",
    "it", "bf", "em", "sc", "tt", "rm", "sf", "sl", "itshape", "bfseries", "scshape", "upshape", "normalfont",
})
# ``\,`` is a thin space that never breaks: U+202F (narrow no-break space), which ``emit.latex`` writes as ``\,``
# biblatex's and csquotes' quotation commands: their argument in curly quotes, as TeX's ``...'' (``_LIGATURES``)
_QUOTES = frozenset({"mkbibquote", "enquote", "textquote"})
# commands whose argument only sorts (``@preamble{"\newcommand{\noopsort}[1]{}"}``, BibTeX's own trick): no text
_SORT_ONLY = frozenset({"noopsort"})
_SPACE_COMMANDS = {"\\": " ", " ": " ", ",": "\u202f", ";": " ", ":": " ", "-": "", "/": "", "!": "", "@": ""}
_BLANKS = re.compile(r"[\x00-\x20\x7f]+")
_DOTLESS = {"\u0131": "i", "\u0237": "j"}


def _accent_argument(text: str, index: int) -> tuple[str, int]:
    """The decoded base letter(s) an accent applies to, and the index after them."""
    while index < len(text) and text[index] == " ":
        index += 1
    if index >= len(text):
        return "", index
    if text[index] == "{":
        end = brace_group_end(text, index)
        return _decode(text[index + 1 : end - 1]), end
    if text[index] == "\\":
        match = re.match(r"\\([A-Za-z]+)", text[index:])
        if match:  # "Mar\'\i a" is "María": TeX skips the blanks after a control word
            end = index + match.end()
            while end < len(text) and text[end] == " ":
                end += 1
            return _SYMBOLS.get(match.group(1), ""), end
    return text[index], index + 1


def _accented(base: str, accent: str) -> str:
    if not base:
        return {"~": "~", "^": "^"}.get(accent, accent)
    first = _DOTLESS.get(base[0], base[0])
    return first + _ACCENTS[accent] + base[1:]


_PLAIN = str.maketrans({"{": None, "}": None, "~": " "})  # what _decode does outside a command


def _decode(text: str) -> str:
    if "\\" not in text:  # no command: only grouping braces dropped and ties as spaces
        return text.translate(_PLAIN)
    out: list[str] = []
    index, size = 0, len(text)
    while index < size:
        command = text.find("\\", index)
        if command < 0:
            command = size
        if command > index:
            out.append(text[index:command].translate(_PLAIN))
        if command + 1 >= size:  # no command (or a lone backslash at the end, kept as written)
            out.append(text[command:])
            break
        index = _decode_command(text, command, out)
    return "".join(out)


def _decode_command(text: str, index: int, out: list[str]) -> int:
    """Decode the control sequence at ``text[index]`` (a backslash) into ``out``."""
    nxt = text[index + 1]
    if nxt in "&%$#_{}":
        out.append(nxt)
        return index + 2
    if nxt in _SPACE_COMMANDS:
        out.append(_SPACE_COMMANDS[nxt])
        return index + 2
    if nxt in _ACCENTS and not nxt.isalpha():
        base, end = _accent_argument(text, index + 2)
        out.append(_accented(base, nxt))
        return end
    match = re.match(r"[A-Za-z]+", text[index + 1 :])
    if not match:
        out.append(nxt)
        return index + 2
    name = match.group()
    end = index + 1 + len(name)
    if len(name) == 1 and name in _ACCENTS and name not in _SYMBOLS:
        base, end = _accent_argument(text, end)
        out.append(_accented(base, name))
        return end
    if name in _SYMBOLS or name in _FORMATTING or name in _LOGOS:
        out.append(_SYMBOLS.get(name) or _LOGOS.get(name, ""))
        if text.startswith("{}", end):
            return end + 2
        while end < len(text) and text[end] == " ":
            end += 1
        return end
    if name in _SORT_ONLY:  # \noopsort{a}: a key for BibTeX's sorting, no text
        return _arguments_end(text, end)
    if name in _QUOTES and text.startswith("{", end):  # \mkbibquote{a}: "a" in quotes
        stop = brace_group_end(text, end)
        out.append("\u201c" + _decode(text[end + 1 : stop - 1]) + "\u201d")
        return stop
    # an unknown command is kept as written, with its arguments (\cite{other}, not \citeother)
    return _kept_command(text, index, end, out)


def _kept_command(text: str, index: int, end: int, out: list[str]) -> int:
    """``text[index:end]``, an unknown command, and the ``{...}`` and ``[...]`` arguments right after it, into ``out``
    as written (their braces kept, so its words stay apart from the text around it); the index after them. An
    empty group right after it only ends its name (``\\foo{}``: ``\\foo``)."""
    if text.startswith("{}", end):
        out.append(text[index:end])
        return end + 2
    stop = _arguments_end(text, end)
    out.append(text[index:stop])
    return stop


def kept_command_end(text: str, index: int, end: int) -> int:
    """Where the command at ``text[index]`` (read up to ``end``) ends as ``decode_text`` reads it: after the
    arguments it keeps as written when it is no command it decodes (``_kept_command``), else ``end``."""
    match = re.match(r"\\([A-Za-z]+)", text[index:])
    if not match or match.group(1) in _SYMBOLS or match.group(1) in _FORMATTING or match.group(1) in _LOGOS \
            or match.group(1) in _ACCENTS:
        return end
    if match.group(1) in _SORT_ONLY or match.group(1) in _QUOTES:
        return _arguments_end(text, end)
    return end + 2 if text.startswith("{}", end) else _arguments_end(text, end)


def _arguments_end(text: str, end: int) -> int:
    """The index after the ``{...}`` and ``[...]`` groups that follow ``text[:end]``."""
    stop = end
    while stop < len(text) and text[stop] in "{[":
        if text[stop] == "{":
            stop = brace_group_end(text, stop)
        else:
            close = text.find("]", stop)
            if close < 0:
                break
            stop = close + 1
    return stop


def decode_text(value: str) -> str:
    """A LaTeX field value as plain Unicode text (the inverse of ``emit.latex``)."""
    if not value:  # most fields asked for are absent
        return ""
    decoded = _decode(value)
    if _MATH.search(value):  # math ($f''(x)$, kept as written) has no text ligatures: only the text between
        decoded = "$".join(p if i % 2 else _ligatures(p) for i, p in enumerate(decoded.split("$")))
    else:
        decoded = _ligatures(decoded)
    # composed: "n" + U+0303 is "ñ", and a dotless i under an accent "í" (``parse.composed_letters``)
    return _BLANKS.sub(" ", composed_text(unicodedata.normalize("NFC", decoded))).strip()


def decode_paragraphs(value: str) -> str:
    """``decode_text`` of each paragraph of a long field (``parse.paragraphs``: a blank line or ``\\par``
    ends one), a blank line between them."""
    return joined([decode_text(p) for p in latex_paragraphs(value)])


# TeX's ligatures in text: an en and an em dash, curly double quotes (``growth'' is “growth”, as TeX prints it)
_LIGATURES = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"))


def _ligatures(text: str) -> str:
    if "--" not in text and "``" not in text and "''" not in text:
        return text
    for ligature, character in _LIGATURES:
        text = text.replace(ligature, character)
    return text


PROTECTED_TITLE = "bibtex:title"  # ``extra``: the title with its case-protected groups in braces
COMMENTS_BEFORE = "bibtex:before"  # ``extra``: the comments and preambles written before the entry
COMMENTS_AFTER = "bibtex:after"  # ... and after it, when it is the file's last
BIBTEX_TYPE = "bibtex:type"  # ``extra``: a standard type the entry type cannot tell (``KEPT_TYPES``)
# Standard types (BibTeX's and biblatex's) that emit.bibtex writes back as they were: @proceedings is
# a BOOK, but biblatex's crossref inheritance gives an @inproceedings its booktitle from a
# @proceedings' title only, not from a @book's or @collection's; @manual and @booklet would be @misc,
# @inbook an @incollection and @mvbook a @book, each with other fields and styles than the user's.
# @xdata (biblatex's data container, which entries inherit from through ``xdata``) too: as @misc its
# publisher would become an organization and biber would refuse the ``xdata`` pointing at it. @set too
# (biblatex's entry set, its members in ``entryset``): as @misc biblatex would print it as an empty work.
KEPT_TYPES = frozenset({"proceedings", "manual", "booklet", "inbook", "mvbook", "xdata", "set", "inreference"})
# Better BibTeX's name for a .bib's own type in Zotero's Extra ("tex.referencetype: set"): how CSL-JSON
# (``custom``) and RIS (an M2 line) carry a type of KEPT_TYPES, which neither has (emit.csl, emit.ris)
REFERENCE_TYPE = "referencetype"


def kept_type(extra: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """``extra`` with a ``referencetype`` of KEPT_TYPES (CSL-JSON's or RIS's) read as the .bib's type
    (``bibtex:type``); another ``referencetype`` (Better BibTeX's ``periodical``) stays a field."""
    return tuple((BIBTEX_TYPE, v.strip().lower()) if k == REFERENCE_TYPE and v.strip().lower() in KEPT_TYPES
                 else (k, v) for k, v in extra)


def holds_no_work(ref: Reference) -> bool:
    """Is ``ref`` a biblatex entry set or data container (no title, author or date of its own)?"""
    return any(k == BIBTEX_TYPE and v in ("set", "xdata") for k, v in ref.extra)


# types that hold fields for other entries, no work of their own: their fields are kept under their names
DATA_TYPES = frozenset({"xdata"})


def protected_title(value: str, plain: str) -> str:
    """The title ``plain`` (``decode_text(value)``) with each group ``value`` protects from case
    changes (``{Wien}``, ``{Iron Curtain}``) in braces, or "" when it protects none. A group that
    only makes a special character (``{\\'e}``) is no protection; nor is a single word with a capital
    after its first letter (``{NGO}``), which ``emit.latex`` protects anyway. "" too when ``plain``
    has a brace of its own (braces then could not mark the groups), and when ``value`` is the title as
    ``emit.latex`` writes it (citecheck's own output: "Street trees in {Berlin}", a name in a title in sentence
    case), whose groups say nothing the plain title does not, so CSL-JSON -> BibLaTeX -> CSL-JSON keeps the title."""
    if "{" not in value or "{" in plain or "}" in plain or " ".join(value.split()) == escape_title(plain):
        return ""
    pieces: list[str] = []
    protected = False
    index = start = 0
    while index < len(value):
        ch = value[index]
        if ch == "\\":
            index = _command_end(value, index)
        elif ch == "{":
            end = brace_group_end(value, index)
            inner = value[index + 1 : end - 1]
            if not inner.startswith("\\") and not _implied(_decode(inner)):
                pieces.append(_decode(value[start:index]))
                pieces.append("{" + _decode(inner).replace("{", "").replace("}", "") + "}")
                protected = True
                start = end
            index = end
        else:
            index += 1
    if not protected:
        return ""
    pieces.append(_decode(value[start:]))
    marked = _BLANKS.sub(" ", unicodedata.normalize("NFC", _ligatures("".join(pieces))))
    marked = _BLANKS.sub(" ", marked.replace("{ ", " {").replace(" }", "} ").replace("{}", "")).strip()
    return marked if "{" in marked and marked.replace("{", "").replace("}", "") == plain else ""


def _command_end(text: str, index: int) -> int:
    """Index after the control sequence at ``text[index]`` and a brace group argument right after it."""
    match = re.match(r"\\(?:[A-Za-z]+|.)\s*", text[index:])
    end = index + (match.end() if match else 1)
    if end < len(text) and text[end] == "{":
        end = brace_group_end(text, end)
    return end


def _implied(text: str) -> bool:
    """A single word with a capital after its first letter (per hyphen part): ``emit.latex`` protects it."""
    word = text.strip()
    return bool(re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*", word)) and any(
        any(ch.isupper() for ch in part[1:]) for part in word.split("-"))


def decode_url(value: str) -> str:
    """A URL-like value: unwrap ``\\url{}``, drop backslash escapes, never decode more."""
    value = value.strip()
    match = _URL_MACRO.match(value)
    if match:
        value = match.group(1).strip()
    if "\\" in value:  # both patterns need a backslash
        value = re.sub(r"\\(?:textasciitilde|~)(?:\{\})?", "~", value)
        value = re.sub(r"\\([_%#&$~])", r"\1", value)
    return value.replace("{", "").replace("}", "")


_NAME_SPACE = " \t\r\n"  # the blanks around a name list's "and" (a tie, "~", is none: BibTeX's rule)
_AND = re.compile(r"[ \t\r\n]+and(?=[ \t\r\n])", re.IGNORECASE)


def split_multiple_persons_names(value: str, keep_empty: bool = False) -> list[str]:
    """A BibTeX name list's names, split at each "and" between blanks outside braces, as bibtex splits
    them. bibtexparser's own splitter (2.1) drops a command opening a name after the first, so
    "Ozil, M. and \\v{S}koda, K." gave "{S}koda" and "and \\'{E}mile Zola" "{E}mile". Empty names (a
    doubled "and") are left out, unless ``keep_empty``; an "and" opening or ending the list, which bibtex
    reads into a name, is left out too."""
    text = value.strip(_NAME_SPACE)
    names: list[str] = []
    start = index = depth = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2  # a command's first character, or an escaped brace, is no brace and no blank
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0 and char in _NAME_SPACE:
            separator = _AND.match(text, index)
            if separator is not None:
                names.append(text[start:index])
                start = index = separator.end()
                continue
        index += 1
    names.append(text[start:])
    names = [name.strip(_NAME_SPACE) for name in names]
    if names and _EDGE_AND.search(names[0]) and names[0][:3].lower() == "and":
        names[0] = names[0][4:].strip(_NAME_SPACE)
    if names and _EDGE_AND.search(names[-1]) and names[-1][-3:].lower() == "and":
        names[-1] = names[-1][:-4].strip(_NAME_SPACE)
    return names if keep_empty else [name for name in names if name]


_EDGE_AND = re.compile(r"^and[ \t\r\n]|[ \t\r\n]and$", re.IGNORECASE)


def name_list_problems(field: str, value: str) -> list[str]:
    """What is wrong with a name list as bibtex and biber read it: two "and"s in a row (an empty name: biber
    skips the whole entry, bibtex prints ", ,"), or an "and" opening or ending it (read into a name: bibtex
    prints "John~and Smith"). citecheck reads the names without them."""
    text = value.strip(_NAME_SPACE)
    problems = []
    if text and len(split_multiple_persons_names(text, keep_empty=True)) > len(split_multiple_persons_names(text)):
        problems.append(f"{field} has two 'and's in a row (an empty name: biber skips the whole entry); "
                        "read without the empty name")
    if _EDGE_AND.search(text):
        problems.append(f"{field} {'opens' if text[:3].lower() == 'and' else 'ends'} with 'and' (a name left out? "
                        "bibtex reads the 'and' into a name); read without it")
    return problems


def split_literal_list(value: str) -> list[str]:
    """Items of a BibLaTeX list (``{A} and {B and C}``), each without its outer braces."""
    items = split_multiple_persons_names(value)
    return [i.strip()[1:-1] if i.strip().startswith("{") and _whole_group(i.strip()) else i.strip() for i in items]


def list_text(items: Sequence[str]) -> str:
    """A BibLaTeX list's items (``location = {London and New York}``) as the model's plain text,
    joined by ``crosswalk.LIST_SEPARATOR`` ("London; New York", as pandoc writes them in CSL), so that
    ``emit.bibtex`` writes them back as that many items, and CSL-JSON and RIS get pandoc's form."""
    return LIST_SEPARATOR.join(decoded for decoded in (decode_text(i) for i in items) if decoded)


NAME_CACHE_SIZE = 1 << 13  # distinct name strings remembered (a name recurs across a bibliography)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def parse_name(text: str) -> Name:
    """One BibTeX name: ``{Literal}``, ``Family, Given``, ``Given Family``, ``von Last, Jr, First``.

    Cached by the exact text (a Name is frozen, so sharing it is safe)."""
    stripped = text.strip()
    if stripped.startswith("{") and _whole_group(stripped) and len(split_literal_list(stripped)) == 1:
        return Name(literal=decode_text(stripped[1:-1]), raw=text)
    parts = parse_single_name_into_parts(stripped, strict=False)
    join = lambda words: decode_text(" ".join(words))  # noqa: E731
    return Name(family=join(parts.last), given=join(parts.first), particle=join(parts.von), suffix=join(parts.jr), raw=text)


def _whole_group(text: str) -> bool:
    """True if the brace opened at text[0] closes at text[-1]."""
    depth = 0
    for index, ch in enumerate(text):
        if ch == "{" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif ch == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index == len(text) - 1
    return False


def names_as_written_back(ref: Reference) -> Reference:
    """The authors and editors as a .bib wrote them for BibTeX's reading ("{\\relax Ch}ristopher Lee", kept in
    CSL-JSON's ``custom`` and RIS's M2 lines by ``emit.bibtex.written_name_lists``), while they still read as the
    entry's names: so written back to a .bib."""
    written = {k[len(NAMES_AS_WRITTEN):]: v for k, v in ref.extra if k.startswith(NAMES_AS_WRITTEN)}
    if not written:
        return ref
    names = {"author": ref.authors, "editor": ref.editors}
    plain = dict(ref.extra)
    latex: list[tuple[str, str]] = []  # another name list's (a translator's, a holder's), as ``latex:NAME``
    for role, value in written.items():
        read = parse_names(value)
        if role in names and [_parts(n) for n in read] == [_parts(n) for n in names[role]]:
            names[role] = read
        elif (role in NAME_LIST_FIELDS and plain.get(role, "").strip() and "latex:" + role not in plain
              and [_parts(n) for n in read] == [_parts(n) for n in parse_names(plain[role])]):
            latex.append(("latex:" + role, value))
    extra = tuple((k, v) for k, v in ref.extra if not k.startswith(NAMES_AS_WRITTEN)) + tuple(latex)
    return dataclasses.replace(ref, authors=names["author"], editors=names["editor"], extra=extra)


def _parts(name: Name) -> tuple[str, str, str, str, str]:
    return name.family, name.given, name.particle, name.suffix, name.literal


def parse_names(value: str) -> tuple[Name, ...]:
    """BibTeX names; ``and others`` (a list cut short) stays as the literal ``others``."""
    return tuple(
        Name(literal="others", raw=n) if n.strip() == "others" else parse_name(n)
        for n in split_multiple_persons_names(value)
    )


def names_text(names: Sequence[Name]) -> str:
    """Names as a BibTeX name list in plain text ("Parshley, H. M. and {World Bank}"), what
    ``parse_names`` reads back: how a role the records have no slot for (a translator) is kept in
    ``Reference.extra``, as a .bib file gives it."""
    out = []
    for name in names:
        if name.is_literal:
            out.append(name.literal if name.literal == "others" else "{" + name.literal + "}")
            continue
        family = "{" + name.family + "}" if " " in name.family.strip() else name.family
        last = with_particle(name.particle, family)
        out.append(", ".join(p for p in (last, name.suffix, name.given) if p) if name.given else
                   ", ".join(p for p in (last, name.suffix) if p))
    return " and ".join(out)


class _Fields:
    """An entry's fields by lowercased name, consumed as they are mapped."""

    def __init__(self, entry: Entry):
        self.items: dict[str, str] = {}
        self.taken: dict[str, str] = {}  # name -> value as written, of the fields taken so far
        for field in entry.fields:
            self.items.setdefault(field.key.lower(), field.value if isinstance(field.value, str) else str(field.value))

    def take(self, *names: str) -> str:
        for name in names:
            if name in self.items:
                self.taken[name] = self.items[name]
                return self.items.pop(name)
        return ""

    def text(self, *names: str) -> str:
        return decode_text(self.take(*names))

    def written(self, *names: str) -> str:
        """The value as written of the first of ``names`` taken (the one a ``take`` returned)."""
        return next((self.taken[name] for name in names if name in self.taken), "")


_NO_DATE_WORDS = re.compile(r"n\.\s?d\.?|no date|undated|s\.\s?d\.?|o\.\s?j\.?", re.IGNORECASE)
# Publication states biblatex's ``pubstate`` names (its localisation keys), as a year field words them.
PUBSTATES = {"in press": "inpress", "inpress": "inpress", "forthcoming": "forthcoming", "to appear": "forthcoming",
             "submitted": "submitted", "in preparation": "inpreparation", "prepublished": "prepublished"}
_CIRCA = re.compile(r"(?:circa|ca\.?|c\.|approx\.?|approximately|about)\s*\[?(\d{3,4})\]?", re.IGNORECASE)
_UNCERTAIN = re.compile(r"\[?(\d{3,4})\s*\?\]?")
_YEAR_RANGE = re.compile(r"(\d{4})\s*(?:/|-{1,3}|\u2013|\u2014)\s*(\d{2}|\d{4})")
YEAR_AS_WRITTEN = "bibtex:year"  # ``extra``: a year field that is more than a year ("circa 1850"), as written


@dataclasses.dataclass(frozen=True)
class _Date:
    year: int | None = None
    no_date: bool = False
    suffix: str = ""
    extra: tuple[tuple[str, str], ...] = ()  # ("date", EDTF), ("pubstate", ...), (YEAR_AS_WRITTEN, ...)
    problem: str = ""  # said when what the field says cannot be held (a finding)


def _year(fields: _Fields) -> _Date:
    """The year; a full date ("2019-05-03") also stays in the fields, for ``extra``, and so does the
    date a classic ``year``, ``month`` (``mar``, ``{March}``, ``3``) and ``day`` make ("2019-03"). No date
    at all is an unknown year (not n.d., which only "n.d." or ``date = {XXXX}`` says); a year field
    in words is read by ``_year_words``."""
    date = fields.items.get("date", "").strip()
    if date == "XXXX":  # ISO 8601-2 unspecified year: what emit.bibtex writes for n.d.
        fields.take("date")
        return _Date(no_date=True)
    match = re.match(r"^\{?(\d{4})", date)
    if match and date == match.group(1):
        fields.take("date")
    if match:
        year = fields.items.get("year", "").strip().strip("{}").strip()
        if year == match.group(1):
            fields.take("year")  # the year classic BibTeX output keeps beside the date biber reads
            _take_month_day(fields, date)  # ... and a season's month in words ("Spring": 2019-21)
        elif re.fullmatch(match.group(1) + r"[a-z]{1,2}", year):  # ... with its letter ("2019a", emit.bibtex_classic)
            fields.take("year")
            _take_month_day(fields, date)
            return _Date(year=int(match.group(1)), suffix=year[4:])
        elif year and year_words(decode_text(year)).year == int(match.group(1)):  # ... or in words ("circa 1850")
            return _Date(year=int(match.group(1)), extra=((YEAR_AS_WRITTEN, decode_text(fields.take("year"))),))
        return _Date(year=int(match.group(1)))
    before_year = list(fields.items)[: list(fields.items).index("year")] if "year" in fields.items else list(fields.items)
    written = fields.take("year")
    # "2019a": the year and its letter (with a month, the date they make, as a year's)
    match = re.fullmatch(r"\s*\{?(\d{4})([a-z]?)\}?\s*", written)
    if not match and not written.strip():  # no date: unknown, or not yet published (biblatex's pubstate says so)
        return _Date(no_date=decode_text(fields.items.get("pubstate", "")).lower() in PUBSTATES.values())
    if not match:
        return _year_words(decode_text(written), fields)
    month_day = _MONTH_DAY.fullmatch(decode_text(fields.items.get("month", "")).strip())  # jan # "~15": "jan 15"
    month = month_macro(month_day.group(1) if month_day else fields.items.get("month", ""))
    season = SEASON_MONTHS.get(decode_text(fields.items.get("month", "")).strip(" .{}").lower(), 0)
    if not month and season and "date" not in fields.items:  # "month = {Spring}": EDTF's season, as biber reads
        fields.take("month")  # one in ``date`` (biber ignores a month in words); classic BibTeX writes it back
        items = list(fields.items.items())
        items.insert(len([k for k in before_year if k in fields.items]), ("date", f"{match.group(1)}-{season}"))
        fields.items = dict(items)
    months = None if month or season else month_range(fields.items.get("month", ""))
    if months and "date" not in fields.items:  # "month = jun # "--" # jul": the range of months biber reads in
        fields.take("month")  # ``date`` (it rejects such a month) and CSL's issued, RIS's DA hold
        items = list(fields.items.items())
        items.insert(len([k for k in before_year if k in fields.items]),
                     ("date", f"{match.group(1)}-{months[0]:02d}/{match.group(1)}-{months[1]:02d}"))
        fields.items = dict(items)
    if month and "date" not in fields.items:  # classic year + month: the date they make
        fields.take("month")
        date = f"{match.group(1)}-{MONTH_MACROS.index(month) + 1:02d}"
        day = month_day.group(2) if month_day else fields.items.get("day", "").strip().strip("{}").strip()
        if day.isdigit() and 1 <= int(day) <= 31:  # biber's legacy day, as emit.bibtex_classic writes it
            if not month_day:
                fields.take("day")
            date += f"-{int(day):02d}"
        items = list(fields.items.items())  # the date where the year was: a second conversion orders as the first
        items.insert(len([k for k in before_year if k in fields.items]), ("date", date))
        fields.items = dict(items)
    return _Date(year=int(match.group(1)), suffix=match.group(2))


def _take_month_day(fields: _Fields, date: str) -> None:
    """A classic ``month`` (and ``day``) beside the ``date`` that holds them (emit.bibtex_classic writes the three
    for a year with its letter, ``year = {2019a}``, which biber reads no date in): taken, as the date says them."""
    parts = re.fullmatch(r"\{?\d{4}-(\d{2})(?:-(\d{2}))?\}?", date)
    season = SEASON_MONTHS.get(decode_text(fields.items.get("month", "")).strip(" .{}").lower(), 0)
    if parts and season and season == int(parts.group(1)) and not parts.group(2):
        fields.take("month")
        return
    months = month_range(fields.items.get("month", ""))  # a range of months, written beside its ``date``
    if months and re.fullmatch(rf"\{{?\d{{4}}-{months[0]:02d}/\d{{4}}-{months[1]:02d}\}}?", date):
        fields.take("month")
        return
    month = month_macro(fields.items.get("month", ""))
    if parts and month and MONTH_MACROS.index(month) + 1 == int(parts.group(1)):
        fields.take("month")
        day = fields.items.get("day", "").strip().strip("{}").strip()
        if parts.group(2) and day.isdigit() and int(day) == int(parts.group(2)):
            fields.take("day")


# two months, a range: "jun--jul" (``jun # "--" # jul``), "June--July", "Jun.–Jul.", "June/July", "6--7"
_MONTH_RANGE = re.compile(r"([A-Za-z]{3,9}\.?|\d{1,2})\s*(?:-{1,3}|[\u2013\u2014/])\s*([A-Za-z]{3,9}\.?|\d{1,2})")


def month_range(value: str) -> tuple[int, int] | None:
    """The first and last month (1-12) of a ``month`` that names two of one year in order, or None."""
    match = _MONTH_RANGE.fullmatch(decode_text(value).strip(" {}"))
    if match is None:
        return None
    first, last = month_macro(match.group(1)), month_macro(match.group(2))
    if first is None or last is None or MONTH_MACROS.index(first) >= MONTH_MACROS.index(last):
        return None
    return MONTH_MACROS.index(first) + 1, MONTH_MACROS.index(last) + 1


# a month with its day, as BibTeX's documentation writes one: ``month = jan # "~15"`` ("jan 15"), "March 3"
_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})")


def _year_words(text: str, fields: _Fields) -> _Date:
    return year_words(text, "pubstate" in fields.items)


def year_words(text: str, pubstate_given: bool = False, label: str = "year") -> _Date:
    """A year that is not a year: "n.d."; "in press", "forthcoming" (biblatex's ``pubstate``, unless
    ``pubstate_given``); "circa 1850" (EDTF ``1850~``); "1999/2000" (a range); else the first year in
    it, or none. What is more than a year is kept as written (classic BibTeX writes it back so).
    A date in words, "Spring 2020", "March 2019", is that date (``parse.word_dates``).
    ``parse.csl_json`` reads a CSL date's words (``{"literal": "circa 1850"}``) so too; ``label``
    names the field in a problem."""
    written = ((YEAR_AS_WRITTEN, text),)
    words = " ".join(text.lower().split()).strip(" .[]()")
    if _NO_DATE_WORDS.fullmatch(text.strip()):
        return _Date(no_date=True)
    if words in PUBSTATES:
        state = () if pubstate_given else (("pubstate", PUBSTATES[words]),)
        return _Date(no_date=True, extra=state + written)
    for pattern, edtf in ((_CIRCA, "{}~"), (_UNCERTAIN, "{}?")):
        match = pattern.fullmatch(text.strip())
        if match:
            year = int(match.group(1))
            return _Date(year=year, extra=(("date", edtf.format(f"{year:04d}")),) + written)
    match = _YEAR_RANGE.fullmatch(text.strip())
    if match:
        first, last = match.group(1), match.group(2)
        if len(last) == 2:  # "1999/00"
            last = str(int(first[:2] + last) + (100 if int(first[2:]) > int(last) else 0))
        return _Date(year=int(first), extra=(("date", f"{first}/{last}"),) + written)
    dated = wordy_date(text, None)  # "Spring 2020" (EDTF 2020-21), "March 2019", "12 March 2021"
    if dated:
        return _Date(year=int(dated[:4]), extra=(("date", dated),) + written)
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", text)
    if found:
        return _Date(year=int(found.group(1)), extra=written,
                     problem=f"{label} {{{text}}} is more than a year: read as {found.group(1)} (BibLaTeX's date holds "
                             "only that; classic BibTeX output keeps it as written)")
    return _Date(extra=written, problem=f"{label} {{{text}}} is not a year: no date for BibLaTeX; kept as written for "
                                        "classic BibTeX")


def _urls(fields: _Fields, bibtype: str, span: Span, findings: list[Finding]) -> tuple[Url, ...]:
    raw = fields.take("url")
    if not raw and bibtype == "misc" and _URL_MACRO.match(fields.items.get("howpublished", "")):
        raw = fields.take("howpublished")
    if not raw.strip():
        return ()
    # Mendeley writes an item's several URLs into one field, a space between them: each its own URL
    first, *more = re.split(r"\s+(?=(?:https?|ftp)://)", decode_url(raw).strip(), flags=re.IGNORECASE)
    others = tuple(Url(url=_repaired(text, "URL", span, findings), raw=text) for text in more)
    url = _repaired(first, "URL", span, findings)
    eprint, eprinttype = fields.items.get("eprint", ""), decode_text(fields.items.get("eprinttype", ""))
    snapshot = None
    if re.match(r"^\s*https?://", eprint) and eprinttype:
        fields.take("eprint")
        fields.take("eprinttype")
        archive_url = _repaired(decode_url(eprint), "URL", span, findings)
        stamp = _WAYBACK_TIME.search(archive_url)
        snapshot = ArchiveSnapshot(
            url=archive_url, original=url, timestamp=stamp.group(1) if stamp else "",
            archive=ARCHIVES.get(eprinttype, eprinttype),
        )
    elif "addendum" in fields.items:
        snapshot = _archived_at(fields, url, span, findings)
    return (Url(url=url, raw=raw if not more else first, snapshot=snapshot),) + others


# emit.bibtex's archived copy in an addendum, when the entry's eprint is its own: "Archived at \url{...}"
_ARCHIVED_AT = re.compile(r"(?:^\s*|\s*;\s*)Archived at\s+\\url\{(?P<url>[^{}\s]+)\}\.?\s*$")


def _archived_at(fields: _Fields, url: str, span: Span, findings: list[Finding]) -> ArchiveSnapshot | None:
    """The snapshot an ``addendum`` ends with ("Archived at \\url{...}"), taken out of it (the field
    too when nothing else is left), or None."""
    addendum = fields.items["addendum"]
    found = _ARCHIVED_AT.search(addendum)
    if found is None:
        return None
    rest = addendum[: found.start()].rstrip()
    if rest:
        fields.items["addendum"] = rest
    else:
        fields.take("addendum")
    archive_url = _repaired(decode_url(found["url"]), "URL", span, findings)
    stamp = _WAYBACK_TIME.search(archive_url)
    host = (urlsplit(archive_url).hostname or "").lower()
    return ArchiveSnapshot(url=archive_url, original=url, timestamp=stamp.group(1) if stamp else "",
                           archive="wayback" if host.endswith("archive.org") else host)


def _doi(raw: str, span: Span, findings: list[Finding]) -> str:
    return unquote(_DOI_PREFIX.sub("", _repaired(decode_url(raw), "DOI", span, findings)))


def _repaired(value: str, what: str, span: Span, findings: list[Finding]) -> str:
    """A URL or DOI a line wrap (or a paste) broke with a space, repaired as ``parse.urls`` repairs one
    in free text (``repair_url``), with the same ``url-repaired`` finding and fix; others unchanged."""
    if not re.search(r"\s", value.strip()):
        return value.strip()
    repaired, changes = repair_url(value)
    before = value.strip()
    fix = Fix(Target.REFERENCE, what.lower(), before, repaired, locations=(span,))
    findings.append(Finding(kind=Kind.URL_REPAIRED, severity=Severity.INFO, span=span, fix=fix,
                            message=f"line {span.line}: {what} repaired ({'; '.join(changes)}): {before} -> {repaired}"))
    return repaired


def _container_publisher(fields: _Fields, bibtype: str) -> tuple[str, str]:
    if bibtype == "online" and "organization" in fields.items:
        items = split_literal_list(fields.take("organization"))
        container = decode_text(items[0]) if items else ""
        publisher = list_text(items[1:])
        return container, publisher or _publisher(fields)
    container = fields.text(*CONTAINER_FIELDS.get(bibtype, ()), "booktitle", "journaltitle", "journal")
    return container, _publisher(fields)


def _publisher(fields: _Fields) -> str:
    for name in PUBLISHER_FIELDS:
        if name in fields.items:
            value = fields.take(name)
            items = split_literal_list(value)
            return list_text(items if "{" in value else _firm_names(items))  # braced items: a list as written
    return ""


# what follows a firm's "and" in its own name: "Longmans, Green, and Co.", "Charles Scribner and Sons"
_FIRM_TAIL = re.compile(r"^(?:Co\b|Company\b|Sons?\b|Brothers\b|Bros\b|Associates\b|Partners\b)")


def _firm_names(items: list[str]) -> list[str]:
    """A BibLaTeX list of publishers with a firm's "and" put back: BibTeX writes ``publisher = {Longmans, Green,
    and Co.}`` for one firm (its publisher field is no list), which split as a list gave "Longmans, Green," and
    "Co."; an item that is a firm's tail ("Co.", "Sons"), or follows one ending in a comma, joins the one before
    (where no item is braced: ``{Longmans, Green,} and {Co.}`` is a list as its writer meant)."""
    if len(items) < 2:
        return items
    out = [items[0]]
    for item in items[1:]:
        if _FIRM_TAIL.match(item) or out[-1].endswith(","):
            out[-1] = f"{out[-1]} and {item}"
        else:
            out.append(item)
    return out


def _entry_type(fields: _Fields, bibtype: str) -> EntryType:
    kind = ENTRY_TYPES.get(bibtype, EntryType.DOCUMENT)
    subtype = fields.items.get("entrysubtype", "").strip().lower()
    if kind is EntryType.ARTICLE and subtype in SUBTYPES:
        fields.take("entrysubtype")
        kind = SUBTYPES[subtype]
    elif bibtype == "misc" and subtype in _CSL_TYPES:
        # emit.bibtex writes an entry lacking a mandatory field as @misc with its CSL type here.
        fields.take("entrysubtype")
        kind = _CSL_TYPES[subtype]
    if bibtype == "unpublished" and ("eventtitle" in fields.items or "venue" in fields.items):
        kind = EntryType.PRESENTATION  # a paper given at an event (emit.bibtex writes one so)
    type_field = decode_text(fields.items.get("type", ""))
    if type_field and type_field == DEFAULT_TYPE_FIELD.get(bibtype):
        fields.take("type")
    elif not type_field and bibtype in ALIAS_TYPE_FIELD:
        fields.items["type"] = ALIAS_TYPE_FIELD[bibtype]
    return kind


EVENT_TYPES = frozenset({"inproceedings", "conference", "proceedings"})


def _event_location_as_venue(fields: _Fields, bibtype: str) -> None:
    """ACM's Digital Library exports a paper's conference place as ``location`` beside its publisher's
    ``address`` ("London, United Kingdom" and "New York, NY, USA"), as ACM's own style reads them: in
    an event's entry with both (and no ``venue``), the location is the venue and the address the place.
    Read as biblatex's alias, the conference place was the publisher's, and classic BibTeX got two ``address``."""
    items = fields.items
    if (bibtype in EVENT_TYPES and "venue" not in items and "location" in items and "address" in items
            and decode_text(items["location"]) != decode_text(items["address"])):
        items["venue"] = items.pop("location")


def entry_to_reference(entry: Entry, span: Span) -> Reference:
    """Convert one bibtexparser entry (enclosing braces already removed)."""
    fields = _Fields(entry)
    bibtype = entry.entry_type.lower()
    kind = _entry_type(fields, bibtype)
    date = _year(fields)
    suffix = decode_text(fields.take(YEAR_SUFFIX_FIELD)).strip()  # "a" of "2019a" (emit.crosswalk.YEAR_SUFFIX_FIELD)
    findings = [_problem(span, entry.key, date.problem)] if date.problem else []
    if not entry.key.strip():  # "@book{, author = ...}": biber stops on it (a syntax error) and skips it
        findings.append(_problem(span, "", f"@{bibtype} has no key: biber and bibtex skip it and no document can "
                                           "cite it (written out under a key citecheck makes)"))
    urls = _urls(fields, bibtype, span, findings)  # before the container: misc's howpublished may hold the URL
    # an @xdata's journaltitle or organization is the entries' that inherit it: kept under its own name
    container, publisher = ("", "") if bibtype in DATA_TYPES else _container_publisher(fields, bibtype)
    container_written = fields.written(*CONTAINER_FIELDS.get(bibtype, ()), "booktitle", "journaltitle", "journal")
    if decode_text(container_written) != container:  # misc's howpublished gave the URL, not the container
        container_written = ""
    number = fields.take("number")
    issue = "" if number else fields.take("issue")
    # every field is taken before ``extra`` is read from what is left (in this order: a field
    # with aliases, such as location/address, is taken by the first name present)
    findings += [_problem(span, entry.key, problem) for name in ("author", "editor", "translator")
                 for problem in name_list_problems(name, fields.items.get(name, ""))]
    authors = parse_names(fields.take("author"))
    editors = parse_names(fields.take("editor"))
    raw_title = fields.take("title")
    title = decode_text(raw_title)
    _event_location_as_venue(fields, bibtype)
    place = list_text(split_literal_list(fields.take("location", "address")))
    if not place and bibtype == "unpublished" and kind is EntryType.PRESENTATION:
        place = fields.text("venue")  # where a presentation was given (emit.bibtex writes it so)
    volume = fields.text("volume")
    pages = _DASHES.sub("-", fields.text("pages"))
    thin_pages = fields.written("pages") if _THIN_SPACE.search(fields.written("pages")) else ""  # "1\,--\,10"
    if kind is EntryType.LEGAL_CASE and not (volume or pages):
        volume, container, pages = reporter_parts(container)
        container_written = ""
    edition = edition_number(fields.text("edition"))  # classic BibTeX's "Second": biblatex's and CSL's 2
    doi = _doi(fields.take("doi"), span, findings)
    isbn = fields.text("isbn")
    accessed = fields.text("urldate")
    note = decode_paragraphs(fields.take("note"))
    _zotero_extra(fields)
    extra = date.extra + tuple((_extra_name(name), _extra_text(name, value)) for name, value in fields.items.items())
    marked = protected_title(raw_title, title)
    if marked:
        extra += ((PROTECTED_TITLE, marked),)
    if bibtype in KEPT_TYPES:
        extra += ((BIBTEX_TYPE, bibtype),)
    if bibtype == "unpublished" and kind is EntryType.DOCUMENT:  # no presentation: a manuscript, CSL's type for it
        extra += (("csl:type", "manuscript"),)  # (emit.bibtex.is_manuscript: @unpublished again; it was @misc)
    if thin_pages:  # the plain pages are "1-10": the thin spaces are kept for BibTeX only (emit.bibtex)
        extra += ((LATEX_AS_WRITTEN + "pages", _BLANKS.sub(" ", thin_pages).strip()),)
    extra += as_written(entry.key, (("title", raw_title, False), ("container", container_written, True),
                                    ("note", fields.written("note"), True),
                                    *((name, value, True) for name, value in fields.items.items()
                                      if name not in VERBATIM_FIELDS and name not in AS_WRITTEN_FIELDS)))
    return Reference(
        raw=entry.raw or "",
        span=span,
        type=kind,
        key=entry.key,
        authors=authors,
        editors=editors,
        year=date.year,
        no_date=date.no_date,
        year_suffix=date.suffix or suffix,
        title=title,
        container=container,
        publisher=publisher,
        place=place,
        volume=volume,
        issue=decode_text(number or issue),
        pages=pages,
        edition=edition,
        urls=urls,
        doi=doi,
        isbn=isbn,
        accessed=accessed,
        note=note,
        extra=extra,
        findings=tuple(findings),
    )


def _zotero_extra(fields: _Fields) -> None:
    """Zotero's Extra field as a .bib's ``extra``: its lines naming a field ("Original Date: 1850", Better
    BibTeX's "tex.howpublished: ...") are those fields, when the entry lacks them (``parse.extra_lines``)."""
    value = fields.items.get("extra", "")
    if ":" not in value:
        return
    from .extra_lines import keyed_lines  # it builds on this module

    read, rest = keyed_lines(value, set(fields.items) | set(fields.taken))
    for name, field_value in read:
        fields.items[name] = field_value
    if rest.strip():
        fields.items["extra"] = rest
    else:
        del fields.items["extra"]


DATE_FIELDS = frozenset({"date", "origdate", "eventdate"})  # EDTF: "1850~" is no tie, "1999/2000" no text


# a legal case's reporter citation, as emit.bibtex writes it in howpublished: "347 U.S. 483", "AC 562"
_REPORTER_CITATION = re.compile(r"^(?:(?P<volume>\d{1,4})\s+)?(?P<reporter>[A-Z].*?)\s+(?P<page>\d{1,5})$")


def reporter_parts(citation: str) -> tuple[str, str, str]:
    """The volume, reporter and first page of a legal case's reporter citation ("347 U.S. 483"); a
    reporter alone ("U.S.") as the reporter."""
    m = _REPORTER_CITATION.match(citation.strip())
    return (m.group("volume") or "", m.group("reporter"), m.group("page")) if m else ("", citation, "")


def _extra_name(name: str) -> str:
    """An extra field's name in the model: an RIS tag's field (``ris-ad``, ``emit.crosswalk.ris_field_name``)
    is the tag (``ris:AD``), as parse.ris keeps it, and a CSL variable's (``csl-archive``) the variable
    (``csl:archive``), as parse.csl_json keeps it; any other its own."""
    tag, variable = ris_tag_of_field(name), csl_variable_of_field(name)
    return f"ris:{tag}" if tag else f"csl:{variable}" if variable else name


def _extra_text(name: str, value: str) -> str:
    if name in PARAGRAPH_FIELDS:
        return decode_paragraphs(value)
    if name in NAME_LIST_FIELDS:  # a corporate name stays one: "{World Health Organization}" (``names_text``)
        return names_text(parse_names(value))
    if name in VERBATIM_FIELDS:
        return decode_url(value)
    if name in AS_WRITTEN_FIELDS:
        return re.sub(r"\s*\n\s*", " ", value).strip()
    if name == "keywords" and "{" in value:  # a braced keyword may hold a comma: "Humans, {Aged, 80 and over}"
        items = [decode_text(item) for item in _top_level_split(value)]
        return keywords_text([item for item in items if item])
    if name == "keywords" and "\n" in value.strip() and not re.search(r"[,;]", value):  # EndNote: one a line
        return keywords_text([decode_text(line) for line in value.splitlines() if line.strip()])
    if name in DATE_FIELDS and re.fullmatch(r"[\s{}0-9X/\-~?%:T+.]+", value):
        return value.replace("{", "").replace("}", "").strip()
    return decode_text(value)


def _top_level_split(value: str) -> list[str]:
    """``value`` split at the commas outside braces."""
    parts, depth, start = [], 0, 0
    for index, ch in enumerate(value):
        depth += (ch == "{") - (ch == "}")
        if ch == "," and depth == 0:
            parts.append(value[start:index])
            start = index + 1
    return parts + [value[start:]]


def _problem(span: Span, key: str, message: str) -> Finding:
    return Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, reference=key or None, span=span,
                   message=f"line {span.line}: {message}")


LATEX_AS_WRITTEN = "latex:"  # ``extra`` prefix: a field's value as the .bib wrote it, LaTeX markup and all
_MATH = re.compile(r"(?<!\\)\$")
_COMMAND_NAME = re.compile(r"\\([A-Za-z]+)")
# TeX that reads or writes files, or redefines things: never passed through (written as plain text).
_UNSAFE_TEX = re.compile(
    r"\\(?:input|include|InputIfFileExists|write|immediate|openout|openin|read|catcode|def|edef|gdef|xdef|let"
    r"|csname|newcommand|renewcommand|providecommand|special|usepackage|documentclass|loop|endinput|directlua"
    r"|every[a-z]+|output|uppercase|lowercase)(?![A-Za-z])|\^\^")


def unsafe_tex(value: str) -> bool:
    """Does ``value`` hold TeX that reads or writes files, or defines (never passed through)?"""
    return bool(_UNSAFE_TEX.search(value))


def latex_markup(value: str, groups: bool = True) -> bool:
    """Does ``value`` hold LaTeX that ``decode_text`` cannot give back as plain text: math
    (``$\\alpha$``), a formatting or unknown command (``\\emph{...}``, ``\\LaTeX``), or, with ``groups``,
    a brace group that protects words from case changes (``{IEEE}``)? Accents, escapes and symbols
    (``{\\"u}``, ``\\&``, ``\\textendash``) are not: their plain text writes them back equivalently."""
    if any(ligature in value for ligature, _ in _LIGATURES):  # "--", ``...'': written back as they were
        return True
    if "\\" not in value and "$" not in value and not (groups and "{" in value):
        return False
    if _MATH.search(value):
        return True
    if any(name not in _SYMBOLS and not (len(name) == 1 and name in _ACCENTS)
           for name in _COMMAND_NAME.findall(value)):
        return True
    return groups and _protects_words(value)


def _protects_words(value: str) -> bool:
    index = 0
    while index < len(value):
        if value[index] == "\\":
            index = _command_end(value, index)
        elif value[index] == "{":
            end = brace_group_end(value, index)
            if not value[index + 1 : end - 1].startswith("\\"):
                return True
            index = end
        else:
            index += 1
    return False


def as_written(key: str, values: Sequence[tuple[str, str, bool]]) -> tuple[tuple[str, str], ...]:
    """``extra`` pairs ``latex:NAME`` = the value as written, for each (name, value, groups) whose
    value holds LaTeX markup (``latex_markup``): ``emit.bibtex`` writes it back unchanged while the
    field's plain text is still what it decodes to. TeX that touches files or definitions is not kept."""
    out = []
    for name, value, groups in values:
        if not value or not latex_markup(value, groups):
            continue
        if name == "container" and " ".join(value.split()) == escape_title(decode_text(value)):
            continue  # citecheck's own braces ("Sleep {Sleep} memory", a name in a sentence-case title): no markup
        if _UNSAFE_TEX.search(value):
            logger.warning("%s: field %s holds TeX that reads, writes or defines (%s); written as plain text",
                           key, name, _UNSAFE_TEX.search(value).group())
            continue
        out.append((LATEX_AS_WRITTEN + name, "\n\n".join(_BLANKS.sub(" ", p).strip() for p in latex_paragraphs(value))
                    if name in PARAGRAPH_FIELDS else _BLANKS.sub(" ", value).strip()))
    return tuple(out)


def _failure(block: ParsingFailedBlock, span: Span) -> Finding:
    reason = getattr(block.error, "abort_reason", None) or str(block.error)
    first_line = (block.raw or "").strip().splitlines()[0][:60] if (block.raw or "").strip() else ""
    return Finding(
        kind=Kind.UNPARSED_ENTRY, severity=Severity.ERROR,
        message=f"line {span.line}: could not parse BibTeX block {first_line!r}: {reason.strip().rstrip('.')}"
                f"{_open_brace(block, span)}",
        span=span,
    )


def _open_brace(block: ParsingFailedBlock, span: Span) -> str:
    """Where a block that failed opens a brace it never closes (bibtexparser then runs into the next entry):
    "; line 11 opens a '{' it does not close: title = {Unbalanced {brace},", or ""."""
    lines = (block.raw or "").splitlines()
    leading = len(lines) - len((block.raw or "").lstrip("\n").splitlines())  # blank lines before the entry
    for number, line in enumerate(lines[1:], start=1):
        escaped = line.replace("\\{", "").replace("\\}", "")
        if escaped.count("{") > escaped.count("}") and _FIELD_START.match(line):
            return f"; line {span.line + number - leading} opens a '{{' it does not close: {line.strip()[:60]}"
    first = next((line for line in lines if line.strip()), "")
    escaped = first.replace("\\{", "").replace("\\}", "")
    if first.rstrip().endswith(("}", "},")) and escaped.count("{") > escaped.count("}"):  # an entry on one line
        return f"; line {span.line} opens {escaped.count('{')} '{{' and closes {escaped.count('}')}"
    return ""


_FIELD_START = re.compile(r"^\s*[A-Za-z][\w:.+-]*\s*=")


def _reference(entry: Entry, span: Span, comments: tuple[tuple[str, str], ...]) -> Reference:
    """The entry's reference, carrying the comments around it (as written) in ``extra``."""
    ref = entry_to_reference(entry, span)
    return dataclasses.replace(ref, extra=ref.extra + comments) if comments else ref


def iter_bibtex(source: TextSource, file: str, prelude: BibtexPrelude | None = None,
                size: int | None = None) -> Iterator[Reference | Finding]:
    """The entries of a BibTeX/BibLaTeX text as References, and Findings for blocks that failed or
    repeat a key, in file order, a chunk of the text at a time (``parse.bibtex_blocks``): memory
    stays flat however long the text. ``source`` gives the text from its start, piece by piece; it
    is read twice (the @string macros first), once if ``prelude`` (``scan_bibtex``) is given."""
    folded: dict[str, tuple[str, int]] = {}  # each key in lower case -> the key as first written, its line
    for parsed in iter_blocks(source, file, prelude, size):
        block, span, entry = parsed.block, parsed.span, parsed.entry
        comments = tuple((name, text) for name, text in ((COMMENTS_BEFORE, parsed.before), (COMMENTS_AFTER, parsed.after))
                         if text)
        if entry is not None and not isinstance(block, DuplicateBlockKeyBlock):
            case_clash = _case_clash(entry.key, span, folded)
            if case_clash is not None:
                yield case_clash
        if isinstance(block, DuplicateBlockKeyBlock):
            yield Finding(
                kind=Kind.DUPLICATE_KEY, severity=Severity.WARNING, reference=block.key,
                message=f"line {span.line}: key {block.key!r} is used by an earlier entry too", span=span,
            )
            if entry is not None:
                yield _reference(entry, span, comments)
        elif isinstance(block, DuplicateFieldKeyBlock):
            names = ", ".join(sorted(block.duplicate_keys))
            finding = Finding(
                kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING,
                message=f"line {span.line}: field(s) {names} given twice; the first is used", span=span,
            )
            if entry is None:
                yield finding
                continue
            ref = _reference(entry, span, comments)
            yield dataclasses.replace(finding, reference=ref.key)
            yield ref
        elif isinstance(block, ParsingFailedBlock):
            yield _failure(block, span)
        elif entry is not None:
            yield from (Finding(kind=Kind.MALFORMED_REFERENCE, severity=Severity.WARNING, reference=entry.key, span=span,
                                message=f"line {span.line}: {problem}") for problem in parsed.problems)
            yield _reference(entry, span, comments)
        yield from _stray_findings(parsed.strays, file)


def _stray_findings(strays: Sequence[tuple[int, str]], file: str) -> Iterator[Finding]:
    """An info finding for each run of lines of words outside any entry (``bibtex_blocks.stray_text``):
    bibtex and biber skip them as a comment, so a reference pasted between two entries is never read."""
    runs: list[list[tuple[int, str]]] = []
    for line, text in strays:
        if runs and runs[-1][-1][0] + 1 == line:
            runs[-1].append((line, text))
        else:
            runs.append([(line, text)])
    for run in runs:
        first, last = run[0][0], run[-1][0]
        lines = f"line {first}" if first == last else f"lines {first}-{last}"
        shown = run[0][1] if len(run[0][1]) <= 60 else run[0][1][:57] + "..."
        yield Finding(kind=Kind.UNPARSED_ENTRY, severity=Severity.INFO, span=Span(file, first, 1, 0, 0),
                      message=f"{lines}: text outside any entry, which bibtex and biber skip as a comment: {shown!r}"
                              " (start it with % to say it is one)")


def _case_clash(key: str, span: Span, folded: dict[str, tuple[str, int]]) -> Finding | None:
    """A duplicate-key warning when ``key`` differs from an earlier entry's key only in case
    (``Doe2018``, ``doe2018``): biber keeps both, but BibTeX compares keys ignoring case and skips
    the second as a repeated entry, so a natbib document loses it. ``folded`` gets ``key``."""
    first = folded.setdefault(key.lower(), (key, span.line))
    if first[0] == key:
        return None
    return Finding(
        kind=Kind.DUPLICATE_KEY, severity=Severity.WARNING, reference=key, span=span,
        message=f"line {span.line}: key {key!r} differs only in case from {first[0]!r} (line {first[1]}): "
                "BibTeX takes them for one key and skips this entry (biber keeps both)",
    )


def iter_bibtex_references(text: str, file: str, size: int | None = None) -> Iterator[Reference | Finding]:
    """``iter_bibtex`` over a text in memory."""
    return iter_bibtex(lambda: text_pieces(text), file, size=size)


def stream_bibtex_references(source: TextSource, file: str) -> Iterator[Reference] | None:
    """What ``parse.document.convert_references`` gives for a BibTeX file, one reference at a time
    (``iter_bibtex``); None when an entry may lack a key (the key it would get depends on every
    other entry: convert the whole file at once). The iterator raises InputError at its end when
    there was no entry at all, as ``convert_references`` does at once."""
    prelude = scan_bibtex(source())
    if prelude.keyless:
        return None
    return _references(source, file, prelude)


def _references(source: TextSource, file: str, prelude: BibtexPrelude) -> Iterator[Reference]:
    first: Finding | None = None
    count = 0
    for item in iter_bibtex(source, file, prelude):
        if isinstance(item, Reference):
            count += 1
            yield item
            continue
        logger.warning("%s: %s", file, item.message)  # a block that is skipped is said, with its line
        if first is None:
            first = item
    if count:
        return
    if first is not None:
        raise InputError(first.message, file, first.span.line if first.span else None)
    raise InputError("no BibTeX entries found", file)


def parse_bibtex(text: str, file: str) -> tuple[tuple[Reference, ...], tuple[Finding, ...]]:
    """All entries of a BibTeX/BibLaTeX file, and findings for blocks that failed."""
    refs: list[Reference] = []
    findings: list[Finding] = []
    for item in iter_bibtex_references(text, file):
        (refs if isinstance(item, Reference) else findings).append(item)
    return tuple(refs), tuple(findings)
