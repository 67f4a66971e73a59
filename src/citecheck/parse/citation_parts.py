"""Reading one author-date citation ("Haerens, 2012, p 16") into names, year and locator.

Everything works on offsets into one text (``re`` patterns with ``pos``/``endpos``), so
each name keeps the exact place of its characters. Whitespace, including line breaks
left where a page header was removed, may appear anywhere inside a citation.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from anyascii import anyascii

from ..model import Citation, CitedName, CleanText
from .dates import FOREIGN_NO_DATE
from .names import ORGANISATION_WORDS

Range = tuple[int, int]

# APA's republished work, "1962/1996", is cited by its later year (the entry's), the first is the original's;
# two years in a row, "2019/2020", are a span (an academic or fiscal year), cited by the first; the AAA's
# and Chicago's original year in brackets after the year cited, "1990 [1925]", goes with it, as does ASA's and
# Chicago's before it, "[1899] 1996"
_YEAR = (
    r"(?:\[[1-9][0-9]{2,3}\]\s*(?=(?:1[0-9]|20)[0-9]{2}(?![0-9])))?"
    r"(?:(?P<original>[1-9][0-9]{2,3})\s*/\s*(?=(?:1[0-9]|20)[0-9]{2}(?![0-9])))?"
    r"(?P<year>(?:1[0-9]|20)[0-9]{2})(?P<suffix>[a-z]?)(?:\s*[/–-]\s*[0-9]{2,4}[a-z]?)?(?!\w)"
    r"(?:\s*\[[1-9][0-9]{2,3}\])?"
)
_NO_DATE = (  # APA: a work in press has no year ("in press-a" one of two); "(Moreau, s. d.)", "(COSTA, [s.d.])": n.d. in
    # other languages; "nd"
    rf"(?P<nd>[nN]\.\s?[dD](?:\.(?:-?(?P<ndsuffix>[a-z])(?!\w))?)?|[nN][dD](?![\w.])"
    rf"|(?:in\s+press|forthcoming)(?:-(?P<presssuffix>[a-z])(?!\w))?"
    rf"|{FOREIGN_NO_DATE}\.|\[{FOREIGN_NO_DATE}\.\])(?!\w)"
)
DATE = re.compile(rf"(?:{_YEAR}|{_NO_DATE})")
DATE_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", DATE.pattern)
# Harvard's and APA 6's "(Clark 2017a, b)": a lone letter after a year with a suffix is that year's next work
LONE_SUFFIX = r"\s*,\s*[a-z](?![\w.])"
_DATE_OR_SUFFIX = re.compile(rf"{DATE.pattern}|(?<=,)\s*(?P<lone>[a-z])(?![\w.])")
_DATES = rf"{DATE_PLAIN}(?:\s*,\s*{DATE_PLAIN}|{LONE_SUFFIX})*"

_KEYWORD = (
    r"(?:pp?|pgs?|pages?|chaps?|chapters?|ch|paras?|paragraphs?|¶{1,2}|§{1,2}|secs?|sections?|sect"
    r"|figs?|figures?|vols?|volumes?|pts?|parts?|nn?|notes?|cols?|ll?|lines?|loc|tables?|tab"
    r"|apps?|appendix|slides?|min|fn|s|с"  # German "S. 14" (Seite), Russian "с. 45" (страница)
    r"|ss|Bd|Kap|pág|págs|blz|str|tr|σ|σσ"  # "ss." (Italian, Polish), "Bd." (Band), "pág.", "blz.", "str.", "tr.", Greek "σ."
    r"|articles?|art|theorems?|thm|eqs?|equations?|lemmas?|props?|propositions?|defs?|definitions?|box|items?"
    r"|questions?|verses?|vv?|stanzas?|acts?|scenes?|sc|books?|bk|fols?|folios?|examples?|ex)"
)
# a page, "4", "12a", "xii"; a numbered part, "3.2"; a page's note, "4n2" (Chicago)
_NUM = r"(?:[0-9]+(?:\.[0-9]+)*[a-z]?(?:nn?[0-9]+)?|[ivxlcdm]+|[IVXLCDM]+)"
_RANGE = rf"{_NUM}(?:\s*[-–—]\s*{_NUM})?"
_LOC_ITEM = rf"(?i:{_KEYWORD})\.?\s*{_RANGE}(?:\s*(?:,|&|and)\s*{_RANGE})*(?:\s*ff?\.?)?"
_NOT_YEAR = r"(?!(?:1[0-9]|20)[0-9]{2}(?!\w))"
_BARE_RANGE = rf"{_NOT_YEAR}[0-9]+(?:n[0-9]+)?(?:\s*[-–—]\s*[0-9]+|\s?ff?\.)?"  # "45", "45–47", "4n2", "12f."
_TIMESTAMP = r"[0-9]{1,2}(?::[0-5][0-9]){1,2}"  # APA's place in a video or podcast: "(Smith, 2019, 00:12:34)"
LOCATOR = rf"(?:{_LOC_ITEM}(?:\s*,\s*{_LOC_ITEM})*|{_BARE_RANGE}(?:\s*,\s*{_BARE_RANGE})*|{_TIMESTAMP})"
# a remark after the place: "(Smith, 2019, p. 4, emphasis added)", "[italics in original]", "my translation"
REMARK = (r"\[?(?:(?:emphasis|italics)\s+(?:added|in\s+(?:the\s+)?original|mine)|my\s+(?:emphasis|italics|translation)"
          r"|translation\s+mine|original\s+emphasis"
          # APA's "(see Smith, 2019, for a review)": what the work is cited for, in lower-case words
          r"|for\s+(?:a\s+|an\s+|the\s+)?[a-z]+(?:\s+[a-z]+){0,3}|among\s+others|and\s+(?:the\s+)?references\s+therein)\]?")

# Name part, separator, one or more dates, an optional locator, then the end of the part.
_TAIL = re.compile(rf"(?P<sep>\s*,\s*|\s+)(?P<dates>{_DATES})(?:\s*[,:]\s*(?P<loc>{LOCATOR}))?(?:\s*,?\s*{REMARK})?\s*\Z")
_LOC_TAIL = re.compile(rf"\s*,\s*(?P<loc>{LOCATOR})\s*\Z")
# Where one citation ends and the next begins without a ';': "Smith 2019, Jones 2020",
# "Smith, 2019, as cited in Jones, 2020".
# "as cited in" and its kin in other languages: ABNT's "apud", German "zit. n." / "zitiert nach", French
# "cité par", Spanish and Portuguese "citado por/en/em", Italian "citato in" (``reconcile.secondary`` reads them too)
CITED_IN = (r"(?:(?:as\s+)?(?:cited|quoted)\s+in|apud|zit\.\s?(?:n\.|nach)|zitiert\s+nach|cit[ée]\s+(?:par|dans)"
            r"|citado\s+(?:por|en|em)|citato\s+in)")
_CHAIN = re.compile(rf"\s*,\s+(?:{CITED_IN}\s+)?(?=[^\W\d_])|\s+{CITED_IN}\s+")
_ENDS_WITH_DATE = re.compile(rf"{DATE_PLAIN}(?:\s*[,:]\s*{LOCATOR})?\s*\Z")
# "et al." in other languages: German "u. a." (und andere), Dutch "e. a." (en anderen), Spanish and Portuguese
# "y col." / "e col." (colaboradores), French "et coll.", Polish "i in." / "i wsp.", Czech "a kol.", Turkish
# "ve ark." / "vd.", Greek "κ.ά." / "και συν.", Vietnamese "và cộng sự" / "và nnk.", Korean "외" and "등"
FOREIGN_ETAL = re.compile(r"u\.\s?a\.|e\.\s?a\.|[ye]\s+col(?:s|aboradores)?\.|et\s+coll?\.|i\s+(?:in|wsp)\.|a\s+kol\."
                          r"|ve\s+ark\.|vd\.|κ\.\s?[άα]\.|και\s+συν\.|và\s+(?:cộng\s+sự|nnk\.|cs\.)|외|등")
_ETAL = re.compile(rf"(?:\s*,)?\s+(?:et\.?\s+al\.?|{FOREIGN_ETAL.pattern})\s*,?\s*\Z")
# "鈴木・佐藤"; ABNT's "SILVA; SOUZA" (only a range ``citations`` found to be one work's names holds a ";")
_NAME_SEP = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s*&\s*|\s+and\s+|\s*[・、;]\s*")
# "und", "y", "et", "e", "и" between two names ("Müller und Schmidt", "García y López"): a joiner only where
# the list has both names and not the whole ("Ortega y Gasset" is one name)
# ... and Dutch "en", Polish "i", Czech "a", Turkish "ve", Hungarian "és", Danish and Norwegian "og", Swedish
# "och", Greek "και", Vietnamese "và"
FOREIGN_JOINERS = frozenset({"und", "y", "et", "e", "и", "en", "i", "a", "ve", "és", "og", "och", "και", "và"})
_FOREIGN_SEP = re.compile(r"\s+(?:und|y|et|e|и|en|i|a|ve|és|og|och|και|và)\s+")
_PREFIX = re.compile(  # in italics too, as legal styles set the signal: "(*see also* Smith, 2019)"
    r"([*_]?)(?i:for\s+(?:a\s+|an\s+)?[a-z]+(?:\s+[a-z]+){0,2}\s*,\s*see(?:\s+also)?"  # "(for a review, see Smith, 2019)"
    r"|see\s+also|but\s+see|see|e\.\s?g\.|i\.\s?e\.|cf\.?|compare|for\s+example|for\s+instance"
    r"|also|as\s+cited\s+in|cited\s+in|quoted\s+in|and"
    # the same in other languages: "vgl.", "siehe (auch)", "z. B.", "voir (aussi)", "véase (también)",
    # "ver (também)", "vide", "zie (ook)", "vedi", "cfr.", "por ejemplo", "p. ex.", "bkz.", "zob."
    r"|vgl\.|siehe(?:\s+auch)?|z\.\s?B\.|voir(?:\s+aussi)?|v[ée]ase(?:\s+tambi[ée]n)?|ver(?:\s+tamb[ée]m)?|vide"
    r"|zie(?:\s+ook)?|vedi(?:\s+anche)?|cfr\.|por\s+ejemplo|p\.\s?ex\.|bkz\.|zob\.)\1(?:\s*,)?\s+"
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?")
_ELIDED_PARTICLE = re.compile(r"[dlo]['’][^\W\d_]")
_OPEN_QUOTES = "\"“"
_CLOSE_QUOTES = "\"”"

PARTICLES = frozenset(
    "van von der den de del della di da du le la dos das do bin ibn al ter ten zu y".split()
)
MAX_NAME_WORDS = 3

# Capitalised words that start a parenthetical or a sentence but are not names.
STOP_WORDS = frozenset(
    """
    a an the this that these those its their his her our we they it i he she you
    in on at by for from since until till after before during as of to with within without
    between through throughout around about circa ca c under over per via and or but nor so yet
    also even only just then thus hence however meanwhile moreover furthermore additionally
    although though while whilst when where whereas because if unlike like following according
    including despite both similarly indeed notably here there see cf eg ie note compare
    early late mid summer spring autumn fall winter today now recently later earlier
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    tier covid covid-19 table figure fig chapter section appendix article annex page vol volume
    part year years fy updated accessed retrieved published revised ed eds trans est estimated
    approx approximately roughly some many most all each every several other others such
    what which who whom whose why how
    laut nach gemäß vgl siehe selon voir según segundo conforme secondo volgens zie według podle dle göre
    σύμφωνα theo
    """.split()  # "according to" and "see" in other languages: "Laut Müller (2019)", "Selon Dupont (2018)"
)


def fold(text: str) -> str:
    """Whitespace (including line breaks) folded to single spaces."""
    return " ".join(text.split())


# a name a line break cut after a hyphen ("Smith-" / "Jones", "Kowal-" / "ski", as a PDF's lines break it)
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=([^\W\d_]))")


def unbreak(text: str) -> str:
    """``text`` with each name a line break cut after a hyphen whole again: a compound keeps its hyphen
    before a capital ("Smith-\\nJones"), a name the typesetter hyphenated loses it ("Kowal-\\nski")."""
    return _LINE_HYPHEN.sub(lambda m: "-" if m.group(1).isupper() else "", text) if "-" in text else text


def norm_title(text: str) -> str:
    """The form titles and names are compared in: ASCII, case-folded, no leading "The"."""
    folded = fold(anyascii(text)).casefold().rstrip(" .")
    return folded[4:] if folded.startswith("the ") else folded


def strip_range(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def strip_prefixes(text: str, start: int, end: int) -> int:
    """Skip "see", "e.g.," and the like at the start of a citation, and a title before a name ("Dr. Tedros")."""
    while (match := _PREFIX.match(text, start, end)) is not None:
        start = match.end()
    honorific = _HONORIFIC.match(text, start, end)
    return honorific.end() if honorific is not None else start


# a title before a name, which no citation cites: "(Dr. Tedros, 2021)", "Professor Kowalski (2016) argues"
HONORIFICS = frozenset("dr prof professor mr mrs ms mx sir dame rev".split())
_HONORIFIC = re.compile(r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev)\.?\s+(?=[^\W\d_a-z])")


def is_honorific(word: str) -> bool:
    return word[:1].isupper() and word.rstrip(".").casefold() in HONORIFICS


def is_name_word(word: str) -> bool:
    word = unbreak(word)
    if not _NAME_WORD.fullmatch(word):
        return False
    return word[0].isupper() or word.casefold() in PARTICLES or bool(_ELIDED_PARTICLE.match(word)) or is_caseless(word)


def is_han(word: str) -> bool:
    """A name in Chinese characters ("山田", "王"), which has no capitals."""
    return "\u4e00" <= word[0] <= "\u9fff"


def is_caseless(word: str) -> bool:
    """A name in a script without capitals: Chinese characters ("山田"), Hangul ("김철수"), Arabic ("العلي"),
    Hebrew ("כהן"). Read as a name only where the list has it."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not first.islower()


# an initial before a surname, "J." in APA's "J. Smith" (which tells same-surname authors apart): a name, even "A."
INITIAL = re.compile(r"[^\W\d_]\.(?:-?[^\W\d_]\.)*")


def is_stop_word(word: str) -> bool:
    if INITIAL.fullmatch(word.rstrip(",;:")) and word[0].isupper():
        return False  # "A. Smith": the initial, not the article
    bare = word.strip(".,:;")
    if len(bare) >= 2 and bare.isupper() and bare.isalpha():
        return False  # an acronym: "WHO" is the World Health Organization, not "who"
    return bare.casefold() in STOP_WORDS


def looks_like_name(words: list[str]) -> bool:
    """One author name: up to three capitalised words, particles allowed ("van der Berg")."""
    if not words or not all(is_name_word(w) for w in words):
        return False
    proper = [w for w in words if w.casefold() not in PARTICLES]
    last = words[-1]
    return bool(proper) and len(proper) <= MAX_NAME_WORDS and (
        last[0].isupper() or bool(_ELIDED_PARTICLE.match(last)) or is_caseless(last))


def name_pieces(text: str, start: int, end: int, known: frozenset[str] = frozenset()) -> list[Range] | None:
    """The ranges of the names in "Smith, Jones, & Lee", or None if it is not a name list."""
    pieces: list[Range] = []
    pos = start
    for sep in _NAME_SEP.finditer(text, start, end):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, end))
    if known:
        pieces = [part for a, b in pieces for part in _foreign_split(text, a, b, known)]
    if all(looks_like_name(unbreak(text[a:b]).split()) for a, b in pieces):
        return pieces
    return None


def _foreign_split(text: str, start: int, end: int, known: frozenset[str]) -> list[Range]:
    """One name range, or its names where "und", "y", "et" or "e" joins names the list has
    ("Müller und Schmidt"), but not a name the list has whole ("Ortega y Gasset")."""
    if norm_title(text[start:end]) in known:
        return [(start, end)]
    bounds = [start] + [x for m in _FOREIGN_SEP.finditer(text, start, end) for x in (m.start(), m.end())] + [end]
    parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if len(parts) > 1 and all(norm_title(text[a:b]) in known for a, b in parts):
        return parts
    return [(start, end)]


# A legal case, cited by its name as the author: "(Brown v. Board of Education 1954)", "(Roe v Wade, 1973)",
# "(Smith vs. Jones & Co 1999)". Its parties are capitalised words joined by small words ("of", "&"),
# abbreviations allowed ("U.S.", "Inc."); the name is one author, never "Brown" and "Board of Education".
_CASE_VERSUS = frozenset({"v", "v.", "vs", "vs."})
_CASE_JOINERS = frozenset({"of", "the", "for", "and", "&", "de", "del", "la", "le", "von", "van", "on", "in",
                           "ex", "rel."})
_CASE_WORD = re.compile(r"[^\W\d_][\w'’&.\-]*")
_CASE_ABBREVIATION = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_][^\W\d_]{0,4}\.")  # "U.S.", "Inc.", "Corp."
MAX_PARTY_WORDS = 8


def _party_word(token: str) -> bool:
    return token[0].isupper() and _CASE_WORD.fullmatch(token) is not None


def case_name_start(text: str, start: int, end: int) -> int | None:
    """Where the legal case name that ends at ``end`` begins ("Brown v. Board of Education"), at
    or after ``start``; None when ``text[start:end]`` does not end with one.

    Read backwards over whitespace-separated words: the second party, "v." (or "v", "vs."),
    then the first party, which stops at a word that ends the sentence before ("held. Roe v. Wade")
    and loses leading sentence words ("In Brown v. Board ...").
    """
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    if not tokens or start + tokens[-1][0] + len(tokens[-1][1]) != end:
        return None
    i = len(tokens) - 1
    second: list[str] = []  # backwards: its last word first
    while i > 0 and tokens[i][1] not in _CASE_VERSUS and len(second) < 2 * MAX_PARTY_WORDS:
        if not (_party_word(tokens[i][1]) or tokens[i][1] in _CASE_JOINERS):
            return None
        second.append(tokens[i][1])
        i -= 1
    if tokens[i][1] not in _CASE_VERSUS or i == 0 or not second:
        return None
    if not _party_word(second[0]) or not _party_word(second[-1]):
        return None
    first: list[tuple[int, str]] = []
    i -= 1
    while i >= 0 and len(first) < 2 * MAX_PARTY_WORDS:
        word = tokens[i][1]
        if not (_party_word(word) or word in _CASE_JOINERS):
            break
        if word.endswith(".") and not _CASE_ABBREVIATION.fullmatch(word):
            break  # "... in 1954 it was overruled. Roe v. Wade": the sentence before ends here
        first.insert(0, tokens[i])
        i -= 1
    while first and (first[0][1] in _CASE_JOINERS or is_stop_word(first[0][1])):
        first.pop(0)
    if not first or not _party_word(first[-1][1]):
        return None
    return start + first[0][0]


def case_name_before(text: str, start: int, end: int) -> Range | None:
    """The range of the case name, in italics or not, that ends ``text[start:end]`` ("In *Roe v. Wade*")."""
    if end > start and text[end - 1] in "*_":
        opening = text.rfind(text[end - 1], start, end - 1)
        inner = opening + 1
        return (inner, end - 1) if opening >= 0 and case_name_start(text, inner, end - 1) == inner else None
    found = case_name_start(text, start, end)
    return None if found is None else (found, end)


def _case_name(text: str, start: int, end: int) -> Range | None:
    """The range of a case name that is all of ``text[start:end]``, in italics or not ("*Roe v. Wade*")."""
    if end - start > 2 and text[start] == text[end - 1] and text[start] in "*_":
        start, end = strip_range(text, start + 1, end - 1)
    return (start, end) if case_name_start(text, start, end) == start else None


def _title_allowed(name: str, comma_or_quoted: bool, known_hit: bool) -> bool:
    """Whether a name part that is not a list of surnames may stand as a title-as-author."""
    if known_hit:
        return True
    if not comma_or_quoted or not any(ch.isalpha() for ch in name):
        return False
    if name[0].isdigit():
        return ":" in name
    if not name[0].isupper():
        return False
    words = name.split()
    return not (len(words) <= MAX_NAME_WORDS and is_stop_word(words[0]))


def _unquote(text: str, start: int, end: int) -> tuple[Range, bool]:
    """Strip quotes around a title used as author (“Title,” 2019), or Markdown's italics, as APA writes the title of
    a work without an author ("*Labour Migration Report*, 2021")."""
    if end - start > 2 and text[start] in "*_" and text[end - 1] == text[start] and text[start] not in text[start + 1:end - 1]:
        return strip_range(text, start + 1, end - 1), True
    if end - start > 2 and text[start] in _OPEN_QUOTES and text[end - 1] in _CLOSE_QUOTES:
        inner_start, inner_end = strip_range(text, start + 1, end - 1)
        while inner_end > inner_start and text[inner_end - 1] == ",":
            inner_end -= 1
        return strip_range(text, inner_start, inner_end), True
    return (start, end), False


def read_names(text: str, start: int, end: int, comma: bool, known: frozenset[str]) -> tuple[list[Range], bool, bool] | None:
    """The name ranges, et-al flag and title-as-author flag of a citation's name part."""
    start, end = strip_range(text, start, end)
    etal_match = _ETAL.search(text, start, end)
    etal = etal_match is not None and etal_match.start() > start
    if etal:
        end = etal_match.start()
    italic = text[start] in "*_"
    (start, end), quoted = _unquote(text, start, end)
    if start >= end:
        return None
    known_hit = norm_title(text[start:end]) in known
    case = _case_name(text, start, end)
    if case is not None:
        return [case], etal, True  # a case name: "Brown v. Board of Education" is no list of authors
    if quoted and italic and not comma:
        return None  # "(*Homo sapiens* 2019)": an italic phrase; APA's title is "(*Title*, 2019)", with its comma
    pieces = None if quoted else name_pieces(text, start, end, known)
    if pieces is not None and len(pieces) > 1 and known_hit:  # "(Johnson & Johnson, 2021)": one name the list has
        return [(start, end)], etal, False
    if pieces is not None and any(is_caseless(text[a:b]) and norm_title(text[a:b]) not in known for a, b in pieces):
        return None  # a name in Chinese characters (Arabic, Hebrew ...) only where the list has it: "（東京, 2020）" cites no one
    if pieces is not None:
        # a sentence's word ("In", "May") is no name, unless the list has it ("Adams and Page 2005")
        stopped = any(is_stop_word(text[a:b].split()[0]) and norm_title(text[a:b]) not in known for a, b in pieces)
        return None if stopped and not known_hit else ([_family_first(text, a, b, known) for a, b in pieces], etal, False)
    if not quoted and _organisation_author(text[start:end]):
        return [(start, end)], etal, False  # "(Welsh Marine Energy Forum 2023)": one author, an organisation
    if not _title_allowed(text[start:end], comma or quoted, known_hit):
        return None
    return [(start, end)], etal, True


def _family_first(text: str, start: int, end: int, known: frozenset[str]) -> Range:
    """A listed family name written before the given name, as East Asian names are ("Kim Jong-un", "Wang Hui"):
    the family name's range; any other name's whole range."""
    words = text[start:end].split()
    if not known or not 2 <= len(words) <= 3 or norm_title(text[start:end]) in known:
        return start, end
    if norm_title(words[0]) not in known or near_known(norm_title(text[start:end]), known):
        return start, end
    return start, start + len(words[0])


_ORG_JOINERS = frozenset({"of", "for", "and", "the", "on", "&"})


def _organisation_author(name: str) -> bool:
    """An organisation's name: more words than a person's ("International Organization for
    Migration"), or joined by "of", "for" ... ("Ministry of Health"): capitalised words (and the
    joiners) with an organisation word among them."""
    words = name.split()
    if len(words) <= MAX_NAME_WORDS and not any(w.casefold() in _ORG_JOINERS for w in words):
        return False  # "(World Bank 2019)" is read as a name already; "(Ministry of Health 2018)" is not
    return (2 <= len(words) <= 8 and words[0][:1].isupper() and words[-1][:1].isupper()
            and any(w.strip(".,").casefold() in ORGANISATION_WORDS for w in words)
            and all(is_name_word(w) or w.casefold() in _ORG_JOINERS for w in words))


def cited_names(clean: CleanText, ranges: list[Range]) -> tuple[CitedName, ...]:
    return tuple(CitedName(fold(unbreak(clean.text[a:b])), clean.span(a, b)) for a, b in ranges)


def date_fields(match: re.Match[str]) -> dict[str, object]:
    """Citation keyword arguments for one DATE match."""
    if match.group("nd"):
        return {"year": None, "no_date": True, "year_suffix": match.group("ndsuffix") or match.group("presssuffix") or ""}
    year, original = int(match.group("year")), match.group("original")
    if original and int(original) >= year - 1:  # a span ("2019/2020"), not a republication: the first year
        return {"year": int(original), "no_date": False, "year_suffix": ""}
    return {"year": year, "no_date": False, "year_suffix": match.group("suffix")}


def cited_dates(text: str, start: int, end: int, loc: str | None) -> tuple[list[dict[str, object]], str | None]:
    """The Citation date fields of the dates in text[start:end], and the locator (``dates_and_page``); a lone
    letter, "2017a, b", is the year before it with that suffix (none after a year without one)."""
    dates, loc = dates_and_page(text, list(_DATE_OR_SUFFIX.finditer(text, start, end)), loc)
    fields: list[dict[str, object]] = []
    for date in dates:
        if not date.group("lone"):
            fields.append(date_fields(date))
        elif fields and fields[-1]["year"] is not None and fields[-1]["year_suffix"]:
            fields.append({**fields[-1], "year_suffix": date.group("lone")})
    return fields, loc


_PAGE_GAP = 50  # "(Lee 2017, 1234)": a number this far below the year before it is a page, not a second work


def dates_and_page(text: str, dates: list[re.Match[str]], loc: str | None) -> tuple[list[re.Match[str]], str | None]:
    """The dates of a citation and its locator, where the last "date" is a page: Chicago's "(Lee 2017, 1234)",
    "Lee (2017, 1234–36)" cite page 1234 of Lee 2017, not a work of 1234 (several works of one author are
    listed in the order of their years, "(Freud 1900, 1915)")."""
    if loc or len(dates) < 2:
        return dates, loc
    for k in range(1, len(dates)):
        before = dates[k - 1].group("year")
        if before is None or not all(_plain_year(d) for d in dates[k:]):
            continue
        if int(dates[k].group("year")) < int(before) - _PAGE_GAP:
            return dates[:k], text[dates[k].start() : dates[-1].end()]
    return dates, loc


def _plain_year(date: re.Match[str]) -> bool:
    return date.group("year") is not None and not date.group("suffix") and not date.group("original")


# A year before 1000 ("Bede, 731"), read only after a comma, alone, for the name of an entry: a bare
# number after a name is a page ("(Bede 731)", MLA), and "(Total, 450)" is no citation
_EARLY_TAIL = re.compile(r"\s*,\s*(?P<year>[1-9][0-9]{2})(?!\w)\s*\Z")


def _early(clean: CleanText, start: int, end: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    text = clean.text
    tail = _EARLY_TAIL.search(text, start, end)
    if tail is None or tail.start() <= start:
        return ()
    read = read_names(text, start, tail.start(), True, known)
    if read is None or not all(norm_title(text[a:b]) in known for a, b in read[0]):
        return ()  # "(Total, 450)" is no citation: only the names of entries are read with such a year
    ranges, etal, title = read
    return (Citation(text=fold(text[start:end]), span=clean.span(start, end), names=cited_names(clean, ranges),
                     year=int(tail.group("year")), etal=etal, title_as_author=title, group=group),)


def _dated(clean: CleanText, start: int, tail: re.Match[str], known: frozenset[str], group: str) -> tuple[Citation, ...]:
    text = clean.text
    read = read_names(text, start, tail.start(), "," in tail.group("sep"), known)
    if read is None:
        return ()
    ranges, etal, title = read
    loc = tail.group("loc")
    end = tail.end("loc") if loc else tail.end("dates")
    dates, loc = cited_dates(text, tail.start("dates"), tail.end("dates"), loc)
    common = dict(
        text=fold(text[start:end]), span=clean.span(start, end), names=cited_names(clean, ranges),
        etal=etal, title_as_author=title, group=group,
    )
    return tuple(
        Citation(**common, **d, locator=fold(loc) if loc and i == len(dates) - 1 else "")
        for i, d in enumerate(dates)
    )


# MLA's author-page citation: "(Okafor 12)", "(Nguyen and Park 4-6)", "("Lagos Transit Report" 7)"
MLA_PAGE = r"(?:(?:pp?|pars?|paras?|ch|sec|ll?)\.\s*)?\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?"
_MLA_TAIL = re.compile(rf"\s+(?P<loc>{MLA_PAGE})\s*\Z")
# A title as MLA writes it in a citation, italic for a whole work, quoted for a part of one:
# "*Beloved*", "_Beloved_", '"Toni Morrison Papers"', '"Rivers,"' (the comma MLA puts inside the quotes)
# (one line break inside: a title the line wrapped, "*Half of a" / "Yellow Sun*", never across a blank line)
WRAPPED_TITLE = (r"(?:\*(?P<italic>[^*\n]+(?:\n[^*\n]+)?)\*|_(?P<underscored>[^_\n]+(?:\n[^_\n]+)?)_"
                 r"|[\"“](?P<quoted>[^\"“”\n]+?(?:\n[^\"“”\n]+?)?)[,.]?[\"”])")
_WRAPPED = re.compile(WRAPPED_TITLE)
_MLA_NAMES = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|,\s*)")
NEAR_NAME = 80.0


def near_known(name: str, known: frozenset[str]) -> bool:
    """A known name, or one spelled nearly so ("Okafer" for "Okafor"): the reconcile stage
    then weighs the spelling, as it does for "(Zuagg, 2019)"."""
    return name in known or any(fuzz.ratio(name, k) >= NEAR_NAME for k in known if " " not in k)


# MLA's author + short title, for one of several works by an author: "Smith, *White Teeth*", 'Lee, "Rivers,"'
_MLA_SHORT_TITLE = re.compile(rf",\s*{WRAPPED_TITLE}\s*\Z")


def wrapped_title(match: re.Match[str]) -> Range:
    """Where the title of a ``WRAPPED_TITLE`` match is, without its italics or quotes."""
    group = next(g for g in ("italic", "underscored", "quoted") if match.group(g) is not None)
    return strip_range(match.string, match.start(group), match.end(group))


def _author_page(clean: CleanText, start: int, end: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """MLA: every name (or the quoted title) known, then a page: one citation, no year expected.

    After the names a short title may tell one of the author's works from the others
    ("(Smith, *White Teeth* 12)", the page optional then); the citation's text keeps it.
    """
    text = clean.text
    tail = _MLA_TAIL.search(text, start, end)
    lead_end = tail.start() if tail else end
    titled = _MLA_SHORT_TITLE.search(text, start, lead_end)
    if tail is None and titled is None:
        return ()
    names_end = titled.start() if titled else lead_end
    etal_match = _ETAL.search(text, start, names_end)
    etal = etal_match is not None and etal_match.start() > start
    if etal_match is not None and etal:  # "(Gilbert et al. 30)"
        names_end = etal_match.start()
    wrapped = _WRAPPED.fullmatch(text, *strip_range(text, start, lead_end)) if titled is None else None
    if wrapped is not None and norm_title(text[slice(*wrapped_title(wrapped))]) in known:
        ranges = [wrapped_title(wrapped)]  # the title without its quotes
        title = True
    else:
        ranges, at = [], start
        for sep in list(_MLA_NAMES.finditer(text, start, names_end)) + [None]:
            stop = sep.start() if sep else names_end
            if not _mla_name(text[at:stop], known):
                return ()
            ranges.append((at, stop))
            at = sep.end() if sep else stop
        title = False
    return (Citation(text=fold(text[start:end]), span=clean.span(start, end), names=cited_names(clean, ranges),
                     locator=fold(tail.group("loc")) if tail else "", title_as_author=title, etal=etal and not title,
                     group=group),)


def _mla_name(name: str, known: frozenset[str]) -> bool:
    """A name of an MLA citation: a listed one, or nearly; capitalised, or in lower case exactly as listed
    ("(hooks 33)" for "hooks, bell.": an author who writes her name so)."""
    words = name.split()
    if looks_like_name(words):
        return near_known(norm_title(name), known)
    return bool(words) and all(_NAME_WORD.fullmatch(w) for w in words) and norm_title(name) in known


def undated(clean: CleanText, start: int, end: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """A citation without a year: only a known title (or name), optionally with a locator
    (", p. 3", or MLA's bare page: "(Okafor 12)"); a known title in quotes or italics alone
    is MLA's citation of a work without an author and without pages: '("Toni Morrison Papers")'."""
    text = clean.text
    start, end = strip_range(text, start, end)
    if not known or start >= end:
        return ()
    wrapped = _WRAPPED.fullmatch(text, start, end)
    if wrapped is not None and norm_title(text[slice(*wrapped_title(wrapped))]) in known:
        return (Citation(text=fold(text[start:end]), span=clean.span(start, end),
                         names=cited_names(clean, [wrapped_title(wrapped)]), title_as_author=True, group=group),)
    name_end, loc = end, ""
    if norm_title(text[start:end]) not in known:
        tail = _LOC_TAIL.search(text, start, end)
        if tail is None or norm_title(text[start : tail.start()]) not in known:
            return _author_page(clean, start, end, known, group)
        name_end, loc = strip_range(text, start, tail.start())[1], fold(tail.group("loc"))
    words = text[start:name_end].split()
    title = len(words) > 1 or not looks_like_name(words)
    return (
        Citation(
            text=fold(text[start:end]), span=clean.span(start, end),
            names=cited_names(clean, [(start, name_end)]), locator=loc, title_as_author=title, group=group,
        ),
    )


def _chained(clean: CleanText, start: int, end: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """Citations joined by a comma or "as cited in" after a year, when both sides parse."""
    text = clean.text
    for link in _CHAIN.finditer(text, start, end):
        if link.start() > start and _ENDS_WITH_DATE.search(text, start, link.start()):
            first = _single(clean, start, link.start(), known, group)
            rest = parse_part(clean, link.end(), end, known, group) if first else ()
            if rest:
                return first + rest
    return ()


# APA's personal communication, cited in the text only, never listed: "(J. Smith, personal communication, May 5, 2019)"
PERSONAL = re.compile(r"\b(?:personal\s+(?:communication|correspondence)|pers\.\s*comm\.|persönliche\s+Mitteilung"
                      r"|comunicaci[óo]n\s+personal|communication\s+personnelle|comunica[çc][ãa]o\s+pessoal)", re.IGNORECASE)


def parse_part(clean: CleanText, start: int, end: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """The citation(s) in one ';'-separated part of a parenthesis, or () if it is none (a personal communication
    is no citation of an entry)."""
    text = clean.text
    start, end = strip_range(text, start, end)
    start = strip_prefixes(text, start, end)
    if PERSONAL.search(text, start, end):
        return ()
    return _chained(clean, start, end, known, group) or _single(clean, start, end, known, group)


def _single(clean: CleanText, start: int, end: int, known: frozenset[str], group: str) -> tuple[Citation, ...]:
    """The citation(s) of one author list (several when it has several years)."""
    text = clean.text
    pos = start
    while pos < end and (tail := _TAIL.search(text, pos, end)) is not None:
        if tail.start() > start:
            found = _dated(clean, start, tail, known, group)
            if found:
                return found
        pos = tail.start() + 1
    return _early(clean, start, end, known, group) or undated(clean, start, end, known, group)
