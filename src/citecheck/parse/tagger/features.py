"""Token features for the reference tagger (a linear-chain CRF).

Each token of a whitespace-split reference string gets: its word (lower-cased, bare of
punctuation), prefixes and suffixes, a shape ("Xx.", "d-d"), its leading and trailing
punctuation, where it sits in the string, dictionary hits (months, journal, publisher and
organisation words, US Census surnames by rank, name particles, role words such as "eds"
or "Retrieved"), pattern hits (year, page range, initials, URL, DOI, ISBN, volume(issue))
and markup state (inside ``*italics*`` or quotes). Features of the two tokens either side
are added with a position prefix. ``FEATURE_VERSION`` changes whenever the features
change: a model trained on other features is refused.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

FEATURE_VERSION = "4"  # 4: tokens cut after ";" and ":" (dataset.split_word)

MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec janvier février mars avril mai juin juillet août septembre octobre
    novembre décembre januar februar märz juni juli oktober dezember spring summer autumn fall winter""".split()
)
JOURNAL_WORDS = frozenset(
    """journal review proceedings quarterly bulletin transactions annals letters studies research science
    sciences magazine bulletin newsletter gazette history quarterly zeitschrift revue rivista archives
    acta annual yearbook j. rev. proc. trans. ann. bull. int. am. soc. res. med. phys. chem. biol.""".split()
)
PUBLISHER_WORDS = frozenset(
    """press publishing publishers publisher books verlag editions éditions edizioni university univ. books
    routledge springer wiley elsevier penguin sage palgrave macmillan blackwell harper norton knopf
    oxford cambridge mit princeton yale harvard chicago stanford cornell columbia house random
    academic verso polity brill mohr gallimard seuil suhrkamp""".split()
)
ORGANISATION_WORDS = frozenset(
    """organization organisation office department ministry agency institute institution commission
    council association society foundation committee nations watch bureau center centre group company
    corporation inc inc. ltd ltd. llc plc service services network union bank fund trust board court
    government mission programme program project initiative forum federation alliance coalition
    authority international national unicef unesco unodc unhcr who oecd nato campaign agency world
    united states news times post herald tribune guardian reuters bbc cnn""".split()
)
PARTICLES = frozenset("van von de der den del della di da du dos la le ten ter zu bin ibn al el".split())
ROLE_WORDS = {
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

_YEAR = re.compile(r"^\(?\[?(1[5-9]\d\d|20\d\d)[a-z]?\]?\)?[.,;:]?\)?[.,;:]?$")
_YEAR_INSIDE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_PAGES = re.compile(r"^\(?(?:pp?\.)?[A-Za-z]?\d+\s*[-–—]+\s*[A-Za-z]?\d+\)?[.,;)]*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.-?){1,4},?$|^[A-Z]{1,3},?$")
_URL = re.compile(r"(?:https?://|www\.|<https?://)", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/|\bdoi\b", re.IGNORECASE)
_ISBN = re.compile(r"^(?:97[89][-\s]?)?\d{1,5}-\d{1,7}-\d{1,7}-[\dX][.,]?$|^\d{9}[\dX][.,]?$|^97[89]\d{10}[.,]?$")
_VOL_ISSUE = re.compile(r"^\*?\d+\*?\(\d+[-–/]?\d*\)[,:.]?")
_NUMBERED = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.)$")
_BARE = re.compile(r"^[\W_]+|[\W_]+$")
_ASCII_DIGIT = re.compile(r"[0-9]")  # str.isdigit on ASCII text


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """US Census 1990 surnames (bundled with ``citecheck.resolve``) and their rank."""
    ranks: dict[str, int] = {}
    data = resources.files("citecheck").joinpath("resolve", "data", "surnames-us-census-1990.tsv.gz")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="ascii") as text:
        for rank, line in enumerate((ln for ln in text if not ln.startswith("#")), start=1):
            ranks[line.split("\t", 1)[0].lower()] = rank
    return ranks


def _char_class(ch: str) -> str:
    return "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch


_ASCII_CLASSES = {i: _char_class(chr(i)) for i in range(128)}
_REPEATED = re.compile(r"(.)(?=\1)", re.DOTALL)  # a character the next one repeats


def shape(token: str) -> str:
    """A compressed character-class shape: "Smith," -> "Xx,", "2019" -> "d", "45–67" -> "d–d"."""
    if token.isascii():
        classes = token.translate(_ASCII_CLASSES)
    else:
        classes = "".join(map(_char_class, token))
    return _REPEATED.sub("", classes)[:8]


def _token_features(token: str, surnames: dict[str, int]) -> dict[str, str | float]:
    # \w is str.isalnum() or "_": a token with word characters at both ends has nothing to strip
    word = token if token[:1].isalnum() and token[-1:].isalnum() else _BARE.sub("", token)
    lower = word.lower()
    f: dict[str, str | float] = {
        "w": lower[:20] or token[:6],
        "shape": shape(token),
        "first": token[:1],
        "last": token[-1:],
        "p2": token[:2],
        "s3": lower[-3:],
        "len": str(min(len(word), 10)),
    }
    if word[:1].isupper():
        f["cap"] = 1.0
    if word.isupper() and len(word) > 1 and word.isalpha():
        f["allcaps"] = 1.0
    # every pattern below but _URL and _DOI needs a digit (\d only matches what str.isdigit accepts),
    # _INITIALS an ASCII capital first: tokens without one skip them
    digit = bool(_ASCII_DIGIT.search(token)) if token.isascii() else any(ch.isdigit() for ch in token)
    if digit:
        f["digit"] = 1.0
    if digit and _YEAR.match(token):
        f["year"] = 1.0
    elif digit and _YEAR_INSIDE.search(token):
        f["hasyear"] = 1.0
    if digit and _PAGES.match(token):
        f["pages"] = 1.0
    if "A" <= token[:1] <= "Z" and _INITIALS.match(token):
        f["initial"] = 1.0
    if _URL.search(token):
        f["url"] = 1.0
    if _DOI.search(token):
        f["doi"] = 1.0
    if digit and _ISBN.match(token):
        f["isbn"] = 1.0
    if digit and _VOL_ISSUE.match(token):
        f["volissue"] = 1.0
    if lower in MONTHS or lower[:3] in MONTHS and lower.isalpha() and len(lower) <= 4:
        f["month"] = 1.0
    if lower in JOURNAL_WORDS:
        f["journalw"] = 1.0
    if lower in PUBLISHER_WORDS:
        f["pubw"] = 1.0
    if lower in ORGANISATION_WORDS:
        f["orgw"] = 1.0
    if lower in PARTICLES and word.islower():
        f["particle"] = 1.0
    role = ROLE_WORDS.get(token.lower()) or ROLE_WORDS.get(lower)
    if role:
        f["role"] = role
    rank = surnames.get(lower) if word[:1].isupper() and word.isalpha() else None
    if rank:
        f["surname"] = "top1k" if rank <= 1000 else "top10k" if rank <= 10000 else "census"
    if "*" in token or "_" in token[:1] + token[-1:]:
        f["star"] = ("open" if token.lstrip("(")[:1] in "*_" else "") + ("close" if token.rstrip(".,;:)")[-1:] in "*_" else "")
    if token[:1] in "\"“'‘«":
        f["qopen"] = 1.0
    if token.rstrip(".,;:")[-1:] in "\"”'’»":
        f["qclose"] = 1.0
    if token[:1] in "([":
        f["popen"] = 1.0
    if token.rstrip(".,;:")[-1:] in ")]":
        f["pclose"] = 1.0
    return f


NEIGHBOUR_KEYS = ("w", "shape", "last", "year", "initial", "role", "surname", "month", "cap", "pages")
OFFSETS = (-2, -1, 1, 2)
TOKEN_CACHE_SIZE = 1 << 14  # distinct tokens remembered: about 1.7 kB each, so at most ~30 MB


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _cached_token(token: str) -> tuple[dict[str, str | float], tuple[dict[str, str | float], ...]]:
    """A token's own features and, for each offset in ``OFFSETS``, the features it gives the token at
    that distance ("-1:w" ...). Both depend on the token string alone, so they are computed once per
    distinct token (the dicts are shared: never mutate them)."""
    own = _token_features(token, surname_ranks())
    return own, _as_neighbour(own)


def _as_neighbour(own: dict[str, str | float]) -> tuple[dict[str, str | float], ...]:
    """The features a token with features ``own`` gives the token at each offset of ``OFFSETS``."""
    return tuple({f"{off}:{key}": own[key] for key in NEIGHBOUR_KEYS if key in own} for off in OFFSETS)


def clear_caches() -> None:
    """Forget the per-token feature caches and the author-list cache (tests and cold-cache timings)."""
    from ..names import parse_author_list

    _cached_token.cache_clear()
    _cached_attributes.cache_clear()
    parse_author_list.cache_clear()


_EDGE = tuple({f"{off}:edge": 1.0} for off in OFFSETS)


def sequence_features(tokens: list[str] | tuple[str, ...], cache: bool = True) -> list[dict[str, str | float]]:
    """The CRF features of every token of one reference (a list of dicts, crfsuite's item form).

    ``cache=False`` computes every token afresh (same result: the tests compare both)."""
    if cache:
        cached = [_cached_token(t) for t in tokens]
    else:
        surnames = surname_ranks()
        cached = []
        for t in tokens:
            own = _token_features(t, surnames)
            cached.append((own, _as_neighbour(own)))
    n = len(tokens)
    italic = quoted = False
    out: list[dict[str, str | float]] = []
    for i, token in enumerate(tokens):
        own = cached[i][0]
        f = dict(own)
        # markup state: inside *italics* or "quotes" opened by an earlier token
        if italic:
            f["in_italic"] = 1.0
        if quoted:
            f["in_quote"] = 1.0
        italic, quoted = markup_after(token, italic, quoted)
        f["pos"] = str(min(i, 6)) if i < 6 else ("end" if i >= n - 2 else "mid")
        f["rel"] = str(int(10 * i / n))
        if i == 0 and _NUMBERED.match(token):
            f["numbered"] = 1.0
        for k, off in enumerate(OFFSETS):
            j = i + off
            if 0 <= j < n:
                f.update(cached[j][1][k])
            else:
                f.update(_EDGE[k])
        if i > 0:
            f["-1w|w"] = f"{cached[i - 1][0]['w']}|{own['w']}"
        out.append(f)
    return out


# The tagger's fast path: crfsuite reads a dict item {"key": "value", "flag": 1.0} as the attributes
# "key:value" and "flag" (weight 1.0); every feature above has a string value or weight 1.0, so the
# same item can be handed over as a list of attribute names, already encoded, built from per-token
# pieces computed once per distinct token. ``sequence_items(t)`` equals ``flatten(sequence_features(t))``
# (same attributes, same order: tests/parse/test_parse_tagger_cache.py checks it).


def _attribute(key: str, value: str | float) -> bytes:
    if isinstance(value, str):
        return f"{key}:{value}".encode("utf-8")
    if value != 1.0:
        raise ValueError(f"feature {key} has weight {value}: only 1.0 can be flattened")
    return key.encode("utf-8")


def flatten(item: dict[str, str | float]) -> list[bytes]:
    """crfsuite's attribute names of one dict item (in order)."""
    return [_attribute(k, v) for k, v in item.items()]


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _cached_attributes(token: str) -> tuple:
    """Everything ``sequence_items`` needs of one distinct token, encoded:

    0  its own attributes;
    1-4  the attributes it gives the token at offset -2, -1, 1 and 2 ("-1:w:smith" ...);
    5, 6  b"-1w|w:" + its word, and b"|" + its word (the two halves of the word-bigram attribute);
    7  whether it can open or close *italics* or quotes (only then is ``markup_after`` called)."""
    own = _token_features(token, surname_ranks())
    attrs = {k: (f"{k}:{v}" if type(v) is str else k).encode("utf-8") for k, v in own.items()}
    chosen = [attrs[k] for k in NEIGHBOUR_KEYS if k in attrs]
    word = attrs["w"][2:]  # b"w:" + word
    return (
        tuple(attrs.values()),
        tuple([b"-2:" + a for a in chosen]),
        tuple([b"-1:" + a for a in chosen]),
        tuple([b"1:" + a for a in chosen]),
        tuple([b"2:" + a for a in chosen]),
        b"-1w|w:" + word,
        b"|" + word,
        "*" in token or '"' in token or "“" in token or "”" in token,
    )


@lru_cache(maxsize=512)
def _position_attributes(n: int) -> tuple[tuple[bytes, bytes], ...]:
    """The "pos" and "rel" attributes of each token of an ``n``-token reference (the same for every
    reference of that length)."""
    return tuple(
        (f"pos:{i if i < 6 else ('end' if i >= n - 2 else 'mid')}".encode(), f"rel:{int(10 * i / n)}".encode())
        for i in range(n)
    )


_EDGE_ATTR = tuple((f"{off}:edge".encode(),) for off in OFFSETS)
_MARKUP_STATE = {  # (italic, quoted) -> the attributes that say so
    (False, False): (), (True, False): (b"in_italic",), (False, True): (b"in_quote",), (True, True): (b"in_italic", b"in_quote"),
}


def sequence_items(tokens: list[str] | tuple[str, ...]) -> list[list[bytes]]:
    """``sequence_features`` as crfsuite attribute names (the form the tagger is fed).

    Every piece is looked up, none formatted: per-token attributes come from ``_cached_attributes``,
    the neighbours' from the same cache through four shifted lists (edges padded in), the position
    attributes from ``_position_attributes``; the markup state is recomputed only at tokens that
    can change it."""
    n = len(tokens)
    if not n:
        return []
    cached = [_cached_attributes(t) for t in tokens]
    edge_b2, edge_b1, edge_a1, edge_a2 = _EDGE_ATTR
    before2 = [edge_b2, edge_b2, *[c[1] for c in cached[:n - 2]]][:n]
    before1 = [edge_b1, *[c[2] for c in cached[:n - 1]]]
    after1 = [*[c[3] for c in cached[1:]], edge_a1]
    after2 = [*[c[4] for c in cached[2:]], edge_a2, edge_a2]
    positions = _position_attributes(n)
    first = cached[0]
    item = [*first[0], *positions[0]]
    if _NUMBERED.match(tokens[0]):
        item.append(b"numbered")
    item += [*before2[0], *before1[0], *after1[0], *after2[0]]
    out = [item]
    italic = quoted = False
    if first[7]:
        italic, quoted = markup_after(tokens[0], italic, quoted)
    state = _MARKUP_STATE[italic, quoted]
    prev = first
    for i in range(1, n):
        cur = cached[i]
        out.append([*cur[0], *state, *positions[i], *before2[i], *before1[i], *after1[i], *after2[i], prev[5] + cur[6]])
        if cur[7]:
            italic, quoted = markup_after(tokens[i], italic, quoted)
            state = _MARKUP_STATE[italic, quoted]
        prev = cur
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
