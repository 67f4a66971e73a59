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


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """US Census 1990 surnames (bundled with ``citecheck.resolve``) and their rank."""
    ranks: dict[str, int] = {}
    data = resources.files("citecheck").joinpath("resolve", "data", "surnames-us-census-1990.tsv.gz")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="ascii") as text:
        for rank, line in enumerate((ln for ln in text if not ln.startswith("#")), start=1):
            ranks[line.split("\t", 1)[0].lower()] = rank
    return ranks


def shape(token: str) -> str:
    """A compressed character-class shape: "Smith," -> "Xx,", "2019" -> "d", "45–67" -> "d–d"."""
    out: list[str] = []
    for ch in token:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def _token_features(token: str, surnames: dict[str, int]) -> dict[str, str | float]:
    word = _BARE.sub("", token)
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
    if any(ch.isdigit() for ch in token):
        f["digit"] = 1.0
    if _YEAR.match(token):
        f["year"] = 1.0
    elif _YEAR_INSIDE.search(token):
        f["hasyear"] = 1.0
    if _PAGES.match(token):
        f["pages"] = 1.0
    if _INITIALS.match(token):
        f["initial"] = 1.0
    if _URL.search(token):
        f["url"] = 1.0
    if _DOI.search(token):
        f["doi"] = 1.0
    if _ISBN.match(token):
        f["isbn"] = 1.0
    if _VOL_ISSUE.match(token):
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


def sequence_features(tokens: list[str] | tuple[str, ...]) -> list[dict[str, str | float]]:
    """The CRF features of every token of one reference (a list of dicts, crfsuite's item form)."""
    surnames = surname_ranks()
    base = [_token_features(t, surnames) for t in tokens]
    n = len(tokens)
    italic = quoted = False
    out: list[dict[str, str | float]] = []
    for i, token in enumerate(tokens):
        f = dict(base[i])
        # markup state: inside *italics* or "quotes" opened by an earlier token
        if italic:
            f["in_italic"] = 1.0
        if quoted:
            f["in_quote"] = 1.0
        stars = token.count("*")
        if stars % 2 == 1 or (stars and token.strip("*.,;:()") == ""):
            italic = not italic
        for ch in token:
            if ch in "“":
                quoted = True
            elif ch in "”":
                quoted = False
            elif ch == '"':
                quoted = not quoted
        f["pos"] = str(min(i, 6)) if i < 6 else ("end" if i >= n - 2 else "mid")
        f["rel"] = str(int(10 * i / n))
        if i == 0 and _NUMBERED.match(token):
            f["numbered"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                nb = base[j]
                for key in ("w", "shape", "last", "year", "initial", "role", "surname", "month", "cap", "pages"):
                    if key in nb:
                        f[f"{off}:{key}"] = nb[key]
            else:
                f[f"{off}:edge"] = 1.0
        if i > 0:
            f["-1w|w"] = f"{base[i - 1]['w']}|{base[i]['w']}"
        out.append(f)
    return out
