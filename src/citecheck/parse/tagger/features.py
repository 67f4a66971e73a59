"""Features for the reference tagger (a linear-chain CRF over the chunks of a reference).

Each token of a whitespace-split reference string gets: its word (lower-cased, bare of
punctuation), prefixes and suffixes, a shape ("Xx.", "d-d"), its leading and trailing
punctuation, dictionary hits (months, journal, publisher and organisation words, US Census
surnames by rank, name particles, role words such as "eds" or "Retrieved") and pattern hits
(year, page range, initials, URL, DOI, ISBN, volume(issue)). The tagger labels chunks, the runs
of tokens with no punctuation, digit or dash between them (``chunk_spans``); a chunk's item is
made of its first and last token's features, the bag of its words, its length, the markup it
opens in (inside ``*italics*`` or quotes), where it sits, and the edge tokens of the two chunks
either side (``sequence_items``). ``FEATURE_VERSION`` changes whenever the features change: a
model trained on other features is refused.
"""
from __future__ import annotations

import gzip
import re
import weakref
from collections.abc import Iterable
from functools import lru_cache, partial
from importlib import resources
from typing import Final

FEATURE_VERSION = "5"  # 5: chunks, not tokens, are labelled (4: tokens cut after ";" and ":")
# The module's constants are ``Final``: compiled (mypyc), a Final constant is read directly, where any other
# module-level name is looked up in the module's dict at each use (once a token, or a chunk, for most here).

MONTHS: Final = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec janvier février mars avril mai juin juillet août septembre octobre
    novembre décembre januar februar märz juni juli oktober dezember spring summer autumn fall winter""".split()
)
JOURNAL_WORDS: Final = frozenset(
    """journal review proceedings quarterly bulletin transactions annals letters studies research science
    sciences magazine bulletin newsletter gazette history quarterly zeitschrift revue rivista archives
    acta annual yearbook j. rev. proc. trans. ann. bull. int. am. soc. res. med. phys. chem. biol.""".split()
)
PUBLISHER_WORDS: Final = frozenset(
    """press publishing publishers publisher books verlag editions éditions edizioni university univ. books
    routledge springer wiley elsevier penguin sage palgrave macmillan blackwell harper norton knopf
    oxford cambridge mit princeton yale harvard chicago stanford cornell columbia house random
    academic verso polity brill mohr gallimard seuil suhrkamp""".split()
)
ORGANISATION_WORDS: Final = frozenset(
    """organization organisation office department ministry agency institute institution commission
    council association society foundation committee nations watch bureau center centre group company
    corporation inc inc. ltd ltd. llc plc service services network union bank fund trust board court
    government mission programme program project initiative forum federation alliance coalition
    authority international national unicef unesco unodc unhcr who oecd nato campaign agency world
    united states news times post herald tribune guardian reuters bbc cnn""".split()
)
PARTICLES: Final = frozenset("van von de der den del della di da du dos la le ten ter zu bin ibn al el".split())
ROLE_WORDS: Final = {
    "ed.": "editor", "eds.": "editor", "ed": "editor", "eds": "editor", "(ed.)": "editor", "(eds.)": "editor",
    "(ed.),": "editor", "(eds.),": "editor", "edited": "editor", "editor": "editor", "editors": "editor",
    "hrsg.": "editor", "trans.": "editor", "translated": "editor", "in": "in", "in:": "in",
    "retrieved": "access", "accessed": "access", "viewed": "access", "available": "access", "archived": "access",
    "vol.": "vol", "vol": "vol", "volume": "vol", "no.": "no", "nr.": "no", "issue": "no", "iss.": "no",
    "pp.": "pp", "p.": "pp", "pages": "pp", "s.": "pp", "edn": "edn", "edn.": "edn", "edition": "edn",
    "ed.,": "editor", "thesis": "genre", "dissertation": "genre", "phd": "genre", "ph.d.": "genre",
    "doctoral": "genre", "master's": "genre", "paper": "genre", "report": "genre", "presented": "genre",
    "conference": "conf", "symposium": "conf", "workshop": "conf", "meeting": "conf", "congress": "conf",
    "et": "etal", "al.": "etal", "al.,": "etal", "and": "and", "&": "and", "&amp;": "and", "n.d.": "nd",
    "n.d": "nd", "(n.d.).": "nd", "(n.d.)": "nd", "from": "from", "doi:": "doi", "isbn": "isbn", "isbn:": "isbn",
    "online": "online", "[online].": "online", "[online]": "online", "url:": "url", "at:": "at",
}

_YEAR: Final = re.compile(r"^\(?\[?(1[5-9]\d\d|20\d\d)[a-z]?\]?\)?[.,;:]?\)?[.,;:]?$")
_YEAR_INSIDE: Final = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_PAGES: Final = re.compile(r"^\(?(?:pp?\.)?[A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+\)?[.,;)]*$")
_INITIALS: Final = re.compile(r"^(?:[A-Z]\.-?){1,4},?$|^[A-Z]{1,3},?$")
_URL: Final = re.compile(r"(?:https?://|www\.|<https?://)", re.IGNORECASE)
_DOI: Final = re.compile(r"10\.\d{4,9}/|\bdoi\b", re.IGNORECASE)
_ISBN: Final = re.compile(r"^(?:97[89][-\s]?)?\d{1,5}-\d{1,7}-\d{1,7}-[\dX][.,]?$|^\d{9}[\dX][.,]?$|^97[89]\d{10}[.,]?$")
_VOL_ISSUE: Final = re.compile(r"^\*?\d+\*?\(\d+[-–/]?\d*\)[,:.]?")
_NUMBERED: Final = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.)$")
_BARE: Final = re.compile(r"^[\W_]+|[\W_]+$")


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """US Census 1990 surnames (bundled with ``citecheck.resolve``) and their rank (read at once: the
    tagger's loading waits for this table)."""
    data = resources.files("citecheck").joinpath("resolve", "data", "surnames-us-census-1990.tsv.gz")
    lines = gzip.decompress(data.read_bytes()).decode("ascii").lower().splitlines()
    names = [line.split("\t", 1)[0] for line in lines if not line.startswith("#")]
    return dict(zip(names, range(1, len(names) + 1)))  # a name listed twice keeps its last rank, as before


def _char_class(ch: str) -> str:
    return "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch


_ASCII_CLASS_BYTES: Final = bytes(ord(_char_class(chr(i))) for i in range(128)) + bytes(128)  # for bytes.translate


def shape(token: str) -> str:
    """A compressed character-class shape: "Smith," -> "Xx,", "2019" -> "d", "45–67" -> "d–d"."""
    return _shape(token, token.isascii())


def _shape(token: str, ascii_token: bool) -> str:
    if ascii_token:  # a bytes table reads ASCII text faster than a str one (a dict lookup a character)
        classes = token.encode().translate(_ASCII_CLASS_BYTES).decode()
        known = _SHAPES.get(classes)
        if known is None:  # tokens share their classes ("Xxxxxx," is every capitalised six-letter
            known = _compressed(classes)  # word with a comma: about 1,500 distinct for 11,600 tokens)
            if len(_SHAPES) < _SHAPES_KEPT:
                _SHAPES[classes] = known
        return known
    return _compressed("".join([_char_class(ch) for ch in token]))


def _compressed(classes: str) -> str:
    """``classes`` with each run of one class cut to one character, at most 8 characters."""
    out = ""
    last = ""
    n = 0
    for cls in classes:
        if cls != last:
            if n == 8:
                break
            out += cls
            last = cls
            n += 1
    return out


_SHAPES: Final[dict[str, str]] = {}  # ``_compressed`` of the classes of ASCII tokens, remembered
_SHAPES_KEPT: Final = 1 << 12


HEAD_KEYS: Final = ("w", "shape", "first", "last", "p2", "s3", "len")  # the features every token has, first


def _token_features(token: str, surnames: dict[str, int]) -> tuple[tuple[str, ...], tuple[tuple[str, str | float], ...]]:
    """The values of a token's ``HEAD_KEYS`` features, and its other features (flags, "role",
    "surname", "star"), those it has only, in order, as ``(feature, value)`` pairs (``token_features``
    joins the two; the pairs are what ``KnownAttributes`` looks the known names up by, and a cheaper
    key for its cache than a dict's items made into a tuple)."""
    ascii_token = token.isascii()  # (str methods mypyc does not compile are asked once each)
    word = _bare(token, ascii_token)
    lower = word.lower()
    head = token[:1]
    values = (lower[:20] or token[:6], _shape(token, ascii_token), head, token[-1:], token[:2], lower[-3:],
              _WORD_LENGTHS[len(word)] if len(word) < 10 else "10")
    f: list[tuple[str, str | float]] = []
    initial = word[:1]
    cap = "A" <= initial <= "Z" if ascii_token else initial.isupper()
    alpha = word.isalpha()
    if cap:
        f.append(("cap", 1.0))
    if alpha and len(word) > 1 and word.isupper():
        f.append(("allcaps", 1.0))
    # every pattern below but _URL and _DOI needs a digit (\d only matches what str.isdigit accepts),
    # _INITIALS an ASCII capital first: tokens without one skip them
    digit = word != "" and not alpha and _has_digit(token, ascii_token)  # a digit is never bared, nor a letter
    # and a year four characters or more (at most 12 as _YEAR has it), a page range a dash, an ISBN
    # seven characters or more, a volume(issue) a bracket
    size = len(token)
    if digit:
        f.append(("digit", 1.0))
        if size >= 4:
            if size <= 12 and _YEAR.match(token):
                f.append(("year", 1.0))
            elif _YEAR_INSIDE.search(token):
                f.append(("hasyear", 1.0))
        if ("-" in token or "–" in token or "—" in token) and _PAGES.match(token):
            f.append(("pages", 1.0))
    # and a second character "." ("J.", "J.-P.") or at most four characters ("JRR,")
    if "A" <= head <= "Z" and (token[1:2] == "." or size <= 4) and _INITIALS.match(token):
        f.append(("initial", 1.0))
    folded = token.lower()
    # _URL needs "://" or "www." and _DOI a "/" or "do" (no other character matches h, t, p, w, d or o
    # when case is ignored): most tokens have none, and skip the searches
    if ("://" in token or "www." in folded) and _URL.search(token):
        f.append(("url", 1.0))
    if ("/" in token or "do" in folded) and _DOI.search(token):
        f.append(("doi", 1.0))
    if digit:
        if size >= 7 and _ISBN.match(token):
            f.append(("isbn", 1.0))
        if "(" in token and _VOL_ISSUE.match(token):
            f.append(("volissue", 1.0))
    if lower in MONTHS or len(lower) <= 4 and lower[:3] in MONTHS and lower.isalpha():
        f.append(("month", 1.0))
    if lower in JOURNAL_WORDS:
        f.append(("journalw", 1.0))
    if lower in PUBLISHER_WORDS:
        f.append(("pubw", 1.0))
    if lower in ORGANISATION_WORDS:
        f.append(("orgw", 1.0))
    if lower in PARTICLES and word.islower():
        f.append(("particle", 1.0))
    role = ROLE_WORDS.get(folded) or ROLE_WORDS.get(lower)
    if role:
        f.append(("role", role))
    rank = surnames.get(lower) if cap and alpha else None
    if rank:
        f.append(("surname", "top1k" if rank <= 1000 else "top10k" if rank <= 10000 else "census"))
    if "*" in token or "_" in head + token[-1:]:
        f.append(("star", ("open" if token.lstrip("(")[:1] in "*_" else "") + ("close" if token.rstrip(".,;:)")[-1:] in "*_" else "")))
    end = token[-1:]  # "" for a token of those only: "" is in every string (as for token[:1])
    if end in ".,;:":  # (stripped only where there is something to strip: a str method's call is dear)
        end = token.rstrip(".,;:")[-1:]
    if head in "\"“'‘«":
        f.append(("qopen", 1.0))
    if end in "\"”'’»":
        f.append(("qclose", 1.0))
    if head in "([":
        f.append(("popen", 1.0))
    if end in ")]":
        f.append(("pclose", 1.0))
    return values, tuple(f)


_WORD_LENGTHS: Final = tuple(str(n) for n in range(10))  # "len": a word's length up to 10
_ASCII_NON_ALNUM: Final = "".join(chr(i) for i in range(128) if not chr(i).isalnum())  # _BARE's [\W_] in ASCII


_EDGE_MARKS: Final = ".,;:()[]\"'*“”‘’«»"  # the non-word characters most often around a word


def _bare(token: str, ascii_token: bool | None = None) -> str:
    """``token`` less its leading and trailing non-word characters (``_BARE``; ``[\\W_]`` is every
    character but those ``str.isalnum`` accepts). Most tokens are a word with none, or with common
    marks around it: those need neither the regular expression nor a strip of every mark."""
    if token.isalnum():
        return token
    word = token.strip(_EDGE_MARKS)  # ("Smith," -> "Smith": one call asks what the two ends' would)
    if not word or word.isalnum() or word[0].isalnum() and word[-1].isalnum():
        return word
    if token.isascii() if ascii_token is None else ascii_token:
        return token.strip(_ASCII_NON_ALNUM)
    return _BARE.sub("", token)


NEIGHBOUR_KEYS: Final = ("w", "shape", "last", "year", "initial", "role", "surname", "month", "cap", "pages")
BAG_KEYS: Final = ("role", "month", "journalw", "pubw", "orgw", "surname", "initial", "year", "particle", "allcaps")
OFFSETS: Final = (-2, -1, 1, 2)
TOKEN_CACHE_SIZE: Final = 1 << 14  # distinct tokens each cache remembers: the three full take about 48 MB

# -- chunks ---------------------------------------------------------------------------------------
# A label almost never changes between two words with no punctuation, digit or dash between them:
# in the labelled data, 127 of 78,550 such gaps (0.2%), against a change at nearly one gap in two
# elsewhere. The tagger therefore labels chunks, the runs of tokens between such places, and every
# token takes its chunk's label: fewer items for crfsuite, and each item sees its whole phrase
# ("Review of Pacific Basin Financial Markets and Policies" is one container, never cut mid-name).

CHUNK_ENDS: Final = frozenset(".,;:)]\"”’'»*!?>")  # a token ending so may end a chunk
CHUNK_STARTS: Final = frozenset("([\"“‘'«*<")  # a token starting so may start one
_DASH: Final = re.compile(r"^[-–—]+$")
_LINK: Final = re.compile(r"^(?:https?://|www\.|doi)", re.IGNORECASE)
_DASHES: Final = "-–—"  # a _DASH starts with one of these
_LINK_FIRST: Final = "hHwWdD"  # and a _LINK with one of these (no other character matches h, w or d, case ignored)
_LINK_SECOND: Final = "tTwWoO"  # then one of these (nor t, w or o): "Design", "have" are no link, and need no pattern


_ASCII_DIGITS: Final = frozenset("0123456789")  # str.isdigit's in ASCII


def _has_digit(token: str, ascii_token: bool | None = None) -> bool:
    if token.isascii() if ascii_token is None else ascii_token:  # (a set's test of the token's characters
        return not _ASCII_DIGITS.isdisjoint(token)  # costs less than a regular expression's call, or a loop)
    return any(ch.isdigit() for ch in token)


def _edges(token: str, digit: bool | None = None) -> tuple[bool, bool]:
    """Whether a chunk may end after ``token``, and whether one may start at it (``digit``: whether
    it holds a digit, when its features already say)."""
    first = token[:1]
    if (_has_digit(token) if digit is None else digit) or first in _DASHES and _DASH.match(token):
        return True, True
    return token[-1:] in CHUNK_ENDS, first in CHUNK_STARTS or (first in _LINK_FIRST and token[1:2] in _LINK_SECOND
                                                                and bool(_LINK.match(token)))


# A chunk's bag adds a weight for each of its words, so a chunk of thousands of words (pasted noise,
# a 5 MB line) scores past exp()'s range and crfsuite's marginals turn NaN; the longest chunk of the
# labelled data is 29 tokens, so a chunk of more than this is read as several
MAX_CHUNK = 100


def chunk_spans(tokens: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
    """``(start, end)`` token indices of each chunk, in order, covering every token."""
    return _spans([_edges(t) for t in tokens])


def _spans(edges: list[tuple], end: int = 0, start: int = 1) -> list[tuple[int, int]]:
    """The chunks of tokens with these ``edges``: for each, whether a chunk may end after it (item
    ``end``) and start at it (item ``start``)."""
    if not edges:
        return []
    cuts = [i for i in range(1, len(edges)) if edges[i - 1][end] or edges[i][start]]
    spans = list(zip([0, *cuts], [*cuts, len(edges)]))
    if any(j - i > MAX_CHUNK for i, j in spans):
        return [(k, min(k + MAX_CHUNK, j)) for i, j in spans for k in range(i, j, MAX_CHUNK)]
    return spans


def token_features(token: str) -> dict[str, str | float]:
    """One token's own features (word, shape, dictionary and pattern hits); the chunk items are built
    from these."""
    values, others = _token_features(token, surname_ranks())
    return {**dict(zip(HEAD_KEYS, values)), **dict(others)}


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _token_pieces(token: str) -> tuple:
    """What every chunk item needs of one distinct token, encoded for crfsuite:

    0  its attributes ("w:smith", "cap" ...);
    1  those of them (``NEIGHBOUR_KEYS``) it shows to the chunks around it;
    2  what it adds to its chunk's bag ("bw:" + its word, "any:year" ...);
    3  whether it is capitalised;
    4  whether a chunk may end after it, and 5 start at it;
    6  whether it can open or close *italics* or quotes;
    7  its word (for the word pair across a chunk boundary, "bi:smith|the")."""
    return _pieces(token_features(token), token)


def _pieces(own: dict[str, str | float], token: str) -> tuple:
    attrs = {k: (f"{k}:{v}" if type(v) is str else k).encode() for k, v in own.items()}
    ends, starts = _edges(token, "digit" in own)
    word = attrs["w"][2:]
    return (
        tuple(attrs.values()),
        tuple([attrs[k] for k in NEIGHBOUR_KEYS if k in attrs]),
        (b"bw:" + word, *[b"any:" + attrs[k] for k in BAG_KEYS if k in attrs]),
        "cap" in own,
        ends,
        starts,
        "*" in token or '"' in token or "“" in token or "”" in token,
        word,
    )


# The prefixed attributes a token has as the first token of a chunk ("f:" its own, and "1:", "2:"
# shown to the one and two chunks before) or as the last ("l:", and "-1:", "-2:" shown to the
# chunks after): built only for the places a token takes, once per distinct token.
def _opening(pieces: tuple) -> tuple:
    chosen = pieces[1]
    return (tuple([b"f:" + a for a in pieces[0]]), tuple([b"1:" + a for a in chosen]), tuple([b"2:" + a for a in chosen]))


def _closing(pieces: tuple) -> tuple:
    chosen = pieces[1]
    return (tuple([b"l:" + a for a in chosen]), tuple([b"-1:" + a for a in chosen]), tuple([b"-2:" + a for a in chosen]))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _cached_opening(token: str) -> tuple:
    return _opening(_token_pieces(token))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _cached_closing(token: str) -> tuple:
    return _closing(_token_pieces(token))


def clear_caches() -> None:
    """Forget the per-token feature caches and the author-list cache (tests and cold-cache timings)."""
    from ..names import clear_author_list_caches

    _token_pieces.cache_clear()
    _cached_opening.cache_clear()
    _cached_closing.cache_clear()
    _SHAPES.clear()
    for forget in list(_KNOWN_CACHES):
        forget()
    clear_author_list_caches()


_EDGE: Final = tuple((f"{off}:edge".encode(),) for off in OFFSETS)
_MARKUP_STATES: Final = ((), (b"in_quote",), (b"in_italic",), (b"in_italic", b"in_quote"))  # the attributes that say
# where a chunk opens, by 2 * italic + quoted


def _length(n: int) -> bytes:
    return f"len:{n if n <= 8 else ('long' if n < 20 else 'vlong')}".encode()


_LENGTHS: Final = tuple(_length(n) for n in range(1, 9))


def _token_places(n: int) -> tuple[tuple[bytes, bytes], ...]:
    """Where each token of an ``n``-token reference sits: "tpos" (its index, up to 8) and "rel" (its
    tenth of the reference); the same for every reference of that length (remembered up to 512)."""
    return _places(n) if n <= 512 else _places.__wrapped__(n)


@lru_cache(maxsize=512)
def _places(n: int) -> tuple[tuple[bytes, bytes], ...]:
    return tuple((b"tpos:%d" % min(i, 8), b"rel:%d" % (10 * i // n)) for i in range(n))


def _chunk_places(m: int) -> tuple[bytes, ...]:
    """Where each chunk of ``m`` sits: its index up to 5, then the middle or the last two (the same
    for every reference of ``m`` chunks: remembered up to 512)."""
    return _cpos(m) if m <= 512 else _cpos.__wrapped__(m)


@lru_cache(maxsize=512)
def _cpos(m: int) -> tuple[bytes, ...]:
    return tuple(b"cpos:%d" % c if c < 6 else (b"cend" if c >= m - 2 else b"cmid") for c in range(m))


_SINGLE: Final = (b"single",)
_CAPS: Final = tuple(b"capr:%d" % q for q in range(5))  # the quarter of a chunk's words capitalised
_BEFORE_LENGTHS: Final = tuple(b"-1len:%d" % n for n in range(6))  # the length of the chunk before, up to 5
_AFTER_LENGTHS: Final = tuple(b"1len:%d" % n for n in range(6))  # and after


def sequence_items(tokens: list[str] | tuple[str, ...], cache: bool = True) -> tuple[list[tuple[int, int]], list[list[bytes]]]:
    """The chunks of a reference and, for each, its crfsuite attributes (what the model is trained on
    and fed): the first token's features and the last token's, the words either side of its start,
    the bag of its words and dictionary hits, its length and share of capitalised words, the markup
    state it opens in, where it sits (token and chunk position), and the features of the last token
    of the two chunks before it and of the first token of the two after it. ``cache=False`` computes
    every token afresh (same result)."""
    if not tokens:
        return [], []
    if cache:
        pieces = [_token_pieces(t) for t in tokens]
    else:
        pieces = [_pieces(token_features(t), t) for t in tokens]
    spans = _spans(pieces, 4, 5)
    if cache:
        opens = [_cached_opening(tokens[i]) for i, _ in spans]
        closes = [_cached_closing(tokens[j - 1]) for _, j in spans]
    else:
        opens = [_opening(pieces[i]) for i, _ in spans]
        closes = [_closing(pieces[j - 1]) for _, j in spans]
    return spans, _chunk_items(tokens, spans, pieces, opens, closes)


def _chunk_items(tokens: list[str] | tuple[str, ...], spans: list[tuple[int, int]], pieces: list[tuple],
                 opens: list[tuple], closes: list[tuple], pairs: dict[bytes, set[bytes]] | None = None) -> list[list[bytes]]:
    """Each chunk's item, from its tokens' pieces (slots 2 to 7 of ``_token_pieces``) and the opening and
    closing attributes of each chunk's first and last token (``_opening``, ``_closing``). ``pairs``: the
    only word pairs across a chunk boundary ("bi:left|right") to keep, the right words by left word
    (None: all)."""
    n = len(tokens)
    m = len(spans)
    token_places = _token_places(n)
    chunk_places = _chunk_places(m)
    edge_b2, edge_b1, edge_a1, edge_a2 = _EDGE
    items: list[list[bytes]] = []
    italic = quoted = False
    for c, (i, j) in enumerate(spans):
        size = j - i
        item = [*opens[c][0]]
        if size > 1:
            item += closes[c][0]
        else:
            item += _SINGLE
        item.append(_LENGTHS[size - 1] if size <= 8 else _length(size))
        markup = _MARKUP_STATES[(2 if italic else 0) + (1 if quoted else 0)]  # the state the chunk opens in
        caps = 0
        for k in range(i, j):
            piece = pieces[k]
            item += piece[2]
            caps += piece[3]
            if piece[6]:
                italic, quoted = markup_after(tokens[k], italic, quoted)
        item.append(_CAPS[4 * caps // size])
        item += markup
        item += token_places[i]
        item.append(chunk_places[c])
        if c >= 2:
            item += closes[c - 2][2]
        else:
            item += edge_b2
        if c >= 1:
            item += closes[c - 1][1]
            item.append(_BEFORE_LENGTHS[min(spans[c - 1][1] - spans[c - 1][0], 5)])
        else:
            item += edge_b1
        if c + 1 < m:
            item += opens[c + 1][1]
            item.append(_AFTER_LENGTHS[min(spans[c + 1][1] - spans[c + 1][0], 5)])
        else:
            item += edge_a1
        if c + 2 < m:
            item += opens[c + 2][2]
        else:
            item += edge_a2
        if c == 0:
            if _NUMBERED.match(tokens[0]):
                item.append(b"numbered")
        else:  # the words either side of the boundary
            left, right = pieces[i - 1][7], pieces[i][7]
            if pairs is None or right in pairs.get(left, ()):
                item.append(b"bi:" + left + b"|" + right)
        items.append(item)
    return items


# -- the model's attributes ----------------------------------------------------------------------
# crfsuite scores an item by the weights of the attributes it holds that the model knows; one the model
# does not know (never seen in training, or pruned by L1) has no weight and changes no score. The
# shipped model knows 6,626 attributes, and about one in seven that the full items hold is not among
# them: nearly every word pair across a chunk boundary, half the bag words, most words, prefixes and
# suffixes behind "f:", "1:", "l:" ... The tagger therefore builds its items of the known attributes
# only: the same attributes in the same order less the unknown ones, so crfsuite adds the same weights
# in the same order and gives the same labels and marginals, with less to build and to hand over.

_SIDES: Final = (b"1", b"2", b"l", b"-1", b"-2", b"any")  # the prefixes of what a token shows around it


class KnownAttributes:
    """Chunk items (``sequence_items``) cut down to the attributes a trained model knows.

    ``names``: the model's attributes (``model.model_attributes``). Each distinct token is read once
    (remembered, like ``_token_pieces``, up to ``TOKEN_CACHE_SIZE``) and its features looked up in
    tables of the known attributes, so an attribute the model does not know is never spelled out.
    What a token shows to the chunks around it ("1:", "2:", "l:", "-1:", "-2:") and adds to its
    chunk's bag ("any:") depends, but for its word, on a few features that tokens share (shape, last
    character, flags and dictionary hits), and so do its own ("f:") names of those: they are made
    once for each of their combinations (about 1,500 for 11,600 distinct tokens), and the known
    attributes of the word and of the token's first characters and suffix looked up on their own."""

    def __init__(self, names: Iterable[str | bytes]):
        self.names = frozenset(n.encode() if isinstance(n, str) else n for n in names)
        self._first: dict[tuple[str, str | float], bytes] = {}  # "f:" names by (feature, value)
        self._sides: dict[str, dict[str | float, list[bytes | None]]] = {}  # feature -> value -> names by side
        pairs = []
        for name in self.names:
            head, _, attribute = name.partition(b":")
            if head == b"bi":
                pairs.append(name)
            elif head == b"bw":  # a bag word: the word's own "any:"
                self._side("w", attribute.decode())[_SIDES.index(b"any")] = name
            elif head == b"f" or head in _SIDES:  # a token's attribute: "w:smith", or a flag ("cap": 1.0)
                key, colon, value = attribute.decode().partition(":")
                if head == b"f":
                    self._first[key, value if colon else 1.0] = name
                else:
                    self._side(key, value if colon else 1.0)[_SIDES.index(head)] = name
        self._words = {word: tuple(known) for word, known in self._sides.pop("w", {}).items()}
        # the "f:" names of the HEAD_KEYS features, by value, a table for each
        self._head_first = tuple({v: name for (k, v), name in self._first.items() if k == key} for key in HEAD_KEYS)
        self._pairs = _pairs_by_left(pairs)
        self._surnames = surname_ranks()
        # each distinct token's pieces, and what tokens share, remembered in plain dicts up to TOKEN_CACHE_SIZE
        # (the first seen: an lru_cache's call, key and reordering of its list at each hit cost more than a
        # lookup, 1,600 instructions a call, and its linked entries were the collector's to walk)
        self.token_cache: dict[str, tuple] = {}
        self.shared_cache: dict[tuple, tuple] = {}
        self._forget = partial(_clear_dicts, (self.token_cache, self.shared_cache))
        _KNOWN_CACHES.add(self._forget)

    def _side(self, key: str, value: str | float) -> list[bytes | None]:
        return self._sides.setdefault(key, {}).setdefault(value, [None] * len(_SIDES))

    def sequence_items(self, tokens: list[str] | tuple[str, ...]) -> tuple[list[tuple[int, int]], list[list[bytes]]]:
        """``sequence_items(tokens)`` less the attributes the model does not know: the same chunks,
        and each item the same attributes in the same order but for those."""
        if not tokens:
            return [], []
        known = self.token_cache
        pieces = []
        for token in tokens:
            got = known.get(token)
            if got is None:
                got = self._token_pieces(token)
                if len(known) < TOKEN_CACHE_SIZE:
                    known[token] = got
            pieces.append(got)
        spans = _spans(pieces, 4, 5)
        opens = [pieces[i][0] for i, _ in spans]
        closes = [pieces[j - 1][1] for _, j in spans]
        return spans, _chunk_items(tokens, spans, pieces, opens, closes, self._pairs)

    def _token_pieces(self, token: str) -> tuple:
        """``_token_pieces(token)`` with its known attributes only, and its opening and closing
        attributes (``_opening``, ``_closing``) in slots 0 and 1."""
        (word, shape, first, last, p2, s3, length), others = _token_features(token, self._surnames)
        key = (shape, last, others)
        shared = self.shared_cache.get(key)
        if shared is None:
            shared = self._shared_of(shape, last, others)
            if len(self.shared_cache) < TOKEN_CACHE_SIZE:
                self.shared_cache[key] = shared
        shape_first, last_first, others_first, around = shared
        words, _, firsts, _, p2s, s3s, lengths = self._head_first
        opening: list[bytes] = []  # the known "f:" names of the HEAD_KEYS features, then of the others
        for name in (words.get(word), shape_first, firsts.get(first), last_first, p2s.get(p2), s3s.get(s3),
                     lengths.get(length)):
            if name is not None:
                opening.append(name)
        opening.extend(others_first)
        own = self._words.get(word)
        if own is not None:  # the word's own known names go first, side by side
            around = tuple([(name, *known) if name else known for name, known in zip(own, around)])
        ends, starts = _edges(token, ("digit", 1.0) in others)
        return (
            (tuple(opening), around[0], around[1]),
            around[2:5],
            around[5],
            ("cap", 1.0) in others,
            ends,
            starts,
            "*" in token or '"' in token or "“" in token or "”" in token,
            word.encode(),
        )

    def _shared_of(self, shape: str, last: str, others: tuple[tuple[str, str | float], ...]) -> tuple:
        """What the tokens with this shape, last character and ``others`` (their features but the
        ``HEAD_KEYS`` ones, as ``(feature, value)`` pairs) share: the known "f:" names of the
        shape, of the last character and of the others, and the known names by side ("1:" ...
        "any:") in NEIGHBOUR_KEYS (BAG_KEYS) order, but for the word's."""
        features = {"shape": shape, "last": last, **dict(others)}
        near = self._known_sides(features, NEIGHBOUR_KEYS[1:])
        bag = self._known_sides(features, BAG_KEYS)
        around = (
            *(tuple([known[s] for known in near if known[s]]) for s in range(len(_SIDES) - 1)),
            tuple([known[-1] for known in bag if known[-1]]),
        )
        _, shapes, _, lasts, *_ = self._head_first
        return shapes.get(shape), lasts.get(last), tuple(filter(None, map(self._first.get, others))), around

    def _known_sides(self, features: dict[str, str | float], keys: tuple[str, ...]) -> list[list[bytes | None]]:
        """The known names by side of those of ``keys`` that ``features`` has, in order (none: left out)."""
        return [known for key in keys if key in features and (known := self._sides.get(key, {}).get(features[key]))]


def _pairs_by_left(names: Iterable[bytes]) -> dict[bytes, set[bytes]]:
    """Word pairs ("bi:left|right") as the right words by left word; a name with more than one "|"
    is read every way it can be ("bi:a|b|c": "a" then "b|c", and "a|b" then "c"): each reading
    spells it again."""
    by_left: dict[bytes, set[bytes]] = {}
    for name in names:
        pair = name[3:]
        for at in (i for i, ch in enumerate(pair) if ch == ord("|")):
            by_left.setdefault(pair[:at], set()).add(pair[at + 1:])
    return by_left


# what empties the token caches of each KnownAttributes, for clear_caches (a partial, not the instance: a class
# compiled by mypyc takes no weak reference)
_KNOWN_CACHES: weakref.WeakSet = weakref.WeakSet()


def _clear_dicts(caches: tuple[dict, ...]) -> None:
    for cache in caches:
        cache.clear()


def chunk_labels(labels: list[str] | tuple[str, ...], spans: list[tuple[int, int]]) -> list[str]:
    """The training label of each chunk: the label most of its tokens carry (the first of equals)."""
    out = []
    for i, j in spans:
        run = labels[i:j]
        out.append(max(dict.fromkeys(run), key=run.count))
    return out


def markup_after(token: str, italic: bool, quoted: bool) -> tuple[bool, bool]:
    """Whether the tokens after ``token`` are inside *italics* and inside quotes."""
    if "*" in token:
        stars = token.count("*")
        if stars % 2 == 1 or token.strip("*.,;:()") == "":
            italic = not italic
    if '"' in token or "“" in token or "”" in token:
        for ch in token:
            if ch in "“":
                quoted = True
            elif ch in "”":
                quoted = False
            elif ch == '"':
                quoted = not quoted
    return italic, quoted
