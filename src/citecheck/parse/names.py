"""Author names in reference lists: "Family, Given" and "Given Family" forms, lists, literals.

A reference list in author-date style writes the first author inverted ("Enos, Olivia")
and, in many house styles, the co-authors after ``&``/``and`` given-first ("Yunjin Kim").
Organisations and handles ("Human Rights Watch", "HP Boe") are literals, never split.
East Asian names keep the family name the source gives. A name broken by line wrapping
("Sang- Hun") is rejoined by ``repair_name_text``; the caller reports the repair.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from .given_names import is_given_name
from ..model import Name

logger = logging.getLogger(__name__)

PARTICLES = frozenset(
    "van von de der den del della dei des di da du dos das do la le lo ten ter te zu bin binti ibn al el af av y".split()
)
SUFFIXES = frozenset("jr jr. jnr jnr. sr sr. snr snr. ii iii iv".split())
ORGANISATION_WORDS = frozenset(
    """organization organisation office department ministry agency institute institution university
    college school commission council association society foundation committee nations watch bureau
    center centre group company corporation inc inc. ltd ltd. llc plc service services network union
    bank fund trust board court government mission programme program project initiative forum news
    federation alliance coalition authority international national unicef unesco unodc unhcr
    campaign press publishing media times magazine review journal library museum police army navy
    parliament congress senate republic kingdom states church team staff editors""".split()
)
# "et al." as a name: BibTeX writes it "and others".
ETAL = Name(literal="others", raw="et al.")

_BROKEN_HYPHEN = re.compile(r"(?<=\w)(?:-\s+|\s+-)(?=\w)")
_EDITORS = re.compile(r"[\s,]*\(?\b(?:eds?|editors?|hrsg)\.?\)?\.?\s*$", re.IGNORECASE)
_EDITOR_WORD_ENDS = ("ed", "eds", "editor", "editors", "hrsg")  # how a text _EDITORS matches ends, less ".)" and spaces
_ETAL = re.compile(r"[\s,]*\bet\.?\s+al\b\.?", re.IGNORECASE)
_CONNECTOR = re.compile(r"\s*(?:;|,?\s*&|,?\s+and\s+|,\s+(?=&))\s*", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s*-?\s*){1,4}$")
_UPPER = r"[^\W\d_a-zß-ÿ]"  # an upper-case letter, accented ones too ("É.")
_INITIAL_TOKEN = re.compile(rf"^(?:{_UPPER}\.-?)+$|^{_UPPER}$")
# Vancouver / NLM names: "Coubes P", "Pérez-Higueras JJ", "de la Macorra JC" (initials after, no full stops).
_VANCOUVER_NAME = re.compile(
    rf"^(?P<family>(?:[a-z]+\s)*[^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+)?)\s(?P<initials>{_UPPER}{{1,3}})\.?"
    r"(?:\s(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\.?)?$")  # "Casey DE Jr"
_GIVEN_FIRST_LIST = re.compile(r"^(?:[A-Z]\.\s*){1,3}[^\W\d_a-zß-ÿ][\w'’-]+")  # "J. Smith", "P. Ólafsdóttir"
_CAP_WORD = r"[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_GIVEN_INITIAL_FAMILY = re.compile(rf"^{_CAP_WORD}(?:\s+[A-Z]\.){{1,2}}\s+{_CAP_WORD}(?:\s+(?:Jr|Sr|II|III|IV)\.?)?$")
_GIVEN_PARTICLE_FAMILY = re.compile(
    rf"^{_CAP_WORD}(?:\s+{_CAP_WORD})?(?:\s+(?:{'|'.join(sorted(p for p in PARTICLES if len(p) > 1))}))+\s+{_CAP_WORD}$")
_GIVEN_FAMILY = re.compile(  # "Barry Wilkinson", "Mary Ann Smith", "Jean DUPONT"
    rf"^{_CAP_WORD}\s+(?:{_CAP_WORD}\s+)?(?:[^\W\d_a-z][\w'’\-]*[a-zß-ÿ][\w'’\-]*|[A-Z]{{3,}})$")
_FAMILY_FIRST_EAST_ASIAN = re.compile(r"^(?P<family>[A-Z][a-z]{1,5})\s+(?P<given>[A-Z][a-z]+-[A-Za-z][a-z]+)$")
# Country and company suffixes that look like a Vancouver author's initials
NOT_INITIALS = frozenset("UK US USA EU UN NZ SA AG AB BV NV SE UAE LLC PLC INC LTD GB DE FR CA AU IN JP".split())
# Common Korean, Chinese and Vietnamese family names in their usual romanisations.
EAST_ASIAN_FAMILY_NAMES = frozenset("""
    kim lee yi rhee park pak bak choi choe jung jeong chung kang gang cho jo yoon yun jang chang lim im
    han oh shin sin seo suh kwon gwon hwang ahn an song jeon jun hong ko go moon mun yang son bae baek
    paik heo hur yoo yu ryu nam noh roh ha kwak ku koo woo
    wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie tang
    feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
    nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly
""".split())

CHINESE_FAMILY_NAMES = frozenset("""
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren
    shen yao xi mao wen bo qian kong meng qin bai lei fang jin dai fan fu xia gu hou shi tan jia zou cui
    lu lv qiu qu jiao xiang yan yin wan hao kang mo duan lei long tao he
""".split())
_PINYIN_SYLLABLE = (r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er"
                    r"|a|o|e|i|u|v|ü)")
_PINYIN_GIVEN = re.compile(rf"^{_PINYIN_SYLLABLE}{_PINYIN_SYLLABLE}?$")


def repair_name_text(text: str) -> str:
    """Rejoin a hyphenated name broken by a line wrap: "Sang- Hun" -> "Sang-Hun"."""
    return _BROKEN_HYPHEN.sub("-", text) if "-" in text else text


def strip_editor_marker(text: str) -> tuple[str, bool]:
    """``("Smith, J.", True)`` for "Smith, J. (Ed.)"; the text unchanged and False otherwise."""
    if not text.rstrip().rstrip(".)").lower().endswith(_EDITOR_WORD_ENDS):  # _EDITORS cannot match
        return text, False
    stripped = _EDITORS.sub("", text)
    if stripped != text and stripped.strip():
        return stripped.strip(), True
    return text, False


def is_organisation(text: str) -> bool:
    """An organisation name (or acronym) rather than a person."""
    words = [w.strip(".,()") for w in text.split()]
    if not words:
        return False
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha():
        return True
    if len(words) >= 2 and any(w.lower() in ORGANISATION_WORDS for w in words):
        return True
    return len(words) >= 5


def _single_spaced(text: str) -> str:
    """Runs of whitespace as one space, none at either end (``str.split`` splits where ``\\s`` matches)."""
    return " ".join(text.split())


def _clean(text: str) -> str:
    text = _single_spaced(repair_name_text(text)).strip(",;").strip()
    if text.endswith(".") and not _INITIAL_TOKEN.match(text.split()[-1]) and not text.lower().endswith(("jr.", "sr.")):
        text = text[:-1].rstrip()
    return text


def _split_particle_prefix(words: list[str]) -> tuple[str, list[str]]:
    """Leading lower-case particles ("van der Berg") and the rest."""
    i = 0
    while i < len(words) - 1 and words[i].lower() in PARTICLES and words[i][:1].islower():
        i += 1
    return " ".join(words[:i]), words[i:]


def _split_particle_suffix(words: list[str]) -> tuple[list[str], str]:
    """Trailing lower-case particles of an inverted given part ("Simone de")."""
    i = len(words)
    while i > 1 and words[i - 1].lower() in PARTICLES and words[i - 1][:1].islower():
        i -= 1
    return words[:i], " ".join(words[i:])


def parse_name(text: str, given_first: bool) -> Name:
    """One personal name ("Family, Given" unless ``given_first``), or a literal for an organisation."""
    raw = text.strip()
    text = _clean(text)
    if not text:
        return Name(raw=raw)
    if "," not in text and is_organisation(text):
        return Name(literal=text, raw=raw)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    suffix = ""
    if len(parts) > 1 and parts[-1].lower() in SUFFIXES:
        suffix = parts.pop()
    if not given_first and len(parts) >= 2:
        family_words = parts[0].split()
        if len(family_words) > 1 and family_words[-1].lower() in SUFFIXES:
            suffix = suffix or family_words.pop()
        if len(parts) > 2 and parts[1].lower() in SUFFIXES:  # "King, Jr., Martin"
            suffix = suffix or parts.pop(1)
        particle, family = _split_particle_prefix(family_words)
        given_words, trailing = _split_particle_suffix(" ".join(parts[1:]).split())
        return Name(
            family=" ".join(family), given=" ".join(given_words), particle=particle or trailing, suffix=suffix, raw=raw
        )
    words = " ".join(parts).split()
    if len(words) > 1 and words[-1].lower() in SUFFIXES:
        suffix = suffix or words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix, raw=raw)
    family = words[-1]
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES and words[i - 1][:1].islower():
        i -= 1
    return Name(family=family, given=" ".join(words[:i]), particle=" ".join(words[i:-1]), suffix=suffix, raw=raw)


def _looks_given(token: str) -> bool:
    """Could ``token`` be the given part of an inverted name (after "Family,")?"""
    words = token.split()
    if not words or len(words) > 4 or is_organisation(token):
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES or _INITIAL_TOKEN.match(w) for w in words)


def _single_family(token: str) -> bool:
    _, rest = _split_particle_prefix(token.split())
    return len(rest) == 1


def _names_from_commas(chunk: str, first_inverted: bool) -> list[Name]:
    """Names in a comma-separated run: "Smith, J., Doe, A." or "Smith, John, Jane Doe"."""
    tokens = [t.strip() for t in chunk.split(",") if t.strip()]
    names: list[Name] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.lower() in SUFFIXES and names:
            last = names.pop()
            names.append(Name(last.family, last.given, last.particle, token, last.literal, f"{last.raw}, {token}"))
            i += 1
            continue
        if is_organisation(token):
            names.append(Name(literal=_clean(token), raw=token))
            i += 1
            continue
        inverted = (i == 0 and first_inverted) or _single_family(token) or (nxt is not None and bool(_INITIALS.match(nxt)))
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if inverted and nxt is not None and nxt.lower() in SUFFIXES and after and _looks_given(after):
            names.append(parse_name(f"{token}, {nxt}, {after}", given_first=False))  # "King, Jr., Martin"
            i += 3
        elif inverted and nxt is not None and _looks_given(nxt) and nxt.lower() not in SUFFIXES:
            names.append(parse_name(f"{token}, {nxt}", given_first=False))
            i += 2
        elif inverted and " " not in token:
            names.append(parse_name(token, given_first=False))
            i += 1
        else:
            names.append(parse_name(token, given_first=True))
            i += 1
    return names


@lru_cache(maxsize=4096)  # the rules and the tagger often read the same author text; Names are frozen
def parse_author_list(text: str) -> tuple[Name, ...]:
    """The names in an author (or editor) field of a reference.

    "Barr, Heather" -> one person; "Enos, Olivia & Yunjin Kim" -> inverted first author,
    given-first co-author; "Smith, J., & Doe, A." (APA); "J. Smith, A. Doe, and B. Roe";
    "Human Rights Watch" / "HP Boe" -> one literal; "et al." -> a trailing ``ETAL`` name.
    """
    text = _single_spaced(repair_name_text(text))
    text, _ = strip_editor_marker(text)
    text, etal_count = _ETAL.subn("", text)
    text = _clean(text)
    if not text:
        return (ETAL,) if etal_count else ()
    names = _parse_names(text)
    if etal_count:
        names.append(ETAL)
    logger.debug("authors %r -> %r", text, names)
    return tuple(names)


def _parse_names(text: str) -> list[Name]:
    chunks = [c for c in _CONNECTOR.split(text) if c and c.strip(" ,")]
    if not chunks:  # only connectors ("&", "and"): no name at all
        return []
    vancouver = [t.strip() for c in chunks for t in c.split(",") if t.strip()]
    if len(vancouver) > 1 and all(_VANCOUVER_NAME.match(t) for t in vancouver):
        return [_vancouver_name(t) for t in vancouver]
    if ";" in text:  # "Fattorini L, Mustazzolu A, Cirillo DM; the SMIRA Group": a Vancouver list, then more
        head, tail = text.split(";", 1)
        listed = [t.strip() for t in head.split(",") if t.strip()]
        if len(listed) > 1 and all(_VANCOUVER_NAME.match(t) for t in listed) and tail.strip(" ,;"):
            return [_vancouver_name(t) for t in listed] + _parse_names(tail.strip(" ,;"))
    if "," not in text and len(chunks) == 1:
        return [_sole_name(text)]
    if "," not in text and is_organisation(text) and not any(_person_shaped(c) for c in chunks):
        return [Name(literal=_clean(text), raw=text)]  # "Federal Maritime and Hydrographic Agency"
    if "," not in chunks[0] and is_organisation(chunks[0]):
        return [Name(literal=_clean(text), raw=text)] if "," not in text else _org_and_more(chunks)
    given_first_list = bool(_GIVEN_FIRST_LIST.match(chunks[0])) or _leads_given_first(chunks[0])
    names = _names_from_commas(chunks[0], first_inverted=not given_first_list)
    for chunk in chunks[1:]:
        chunk = chunk.strip(" ,")
        if "," in chunk and not given_first_list:
            names.extend(_names_from_commas(chunk, first_inverted=True))
        elif is_organisation(chunk):
            names.append(Name(literal=_clean(chunk), raw=chunk))
        else:
            names.append(parse_name(chunk, given_first=True))
    return names


def _person_shaped(chunk: str) -> bool:
    """Does a name without a comma show a person ("J. Smith", "Barry Wilkinson", "Nguyen TH")?"""
    return not _sole_name(chunk.strip()).literal


def _leads_given_first(chunk: str) -> bool:
    """Whether a comma list starts "Pascal Ducournau, Pierre-Antoine Gourraud": its first name
    reads given name first (see ``_sole_name``) and the next one has two words or more, where an
    inverted list would have the first author's given name ("Ducournau, Pascal"). A suffix,
    on the first name or after it, does not count ("Sammy Davis Jr., Frank Sinatra")."""
    tokens = [t.strip() for t in chunk.split(",")]
    if len(tokens) > 2 and tokens[1].lower() in SUFFIXES:  # "John Smith, Jr., Mary Jones"
        del tokens[1]
    if len(tokens) < 2 or len(tokens[1].split()) < 2:
        return False
    words = tokens[0].split()
    if len(words) in (3, 4) and words[-1].lower() in SUFFIXES:  # "Sammy Davis Jr.": only a person has a
        return bool(_GIVEN_FAMILY.match(" ".join(words[:-1])))  # "Jr.", and inverted it would be "Davis Jr."
    return (len(words) in (2, 3) and bool(_GIVEN_FAMILY.match(tokens[0]))
            and all(is_given_name(w.split("-")[0]) for w in words[:-1]) and not is_given_name(words[-1]))


def _is_chinese_family_first(words: list[str]) -> bool:
    """"Xi Jinping", "Li Na": a Chinese family name, then a given name of one or two pinyin syllables
    written as one word that is not also an English given name ("Lee Ann", "Ma Ruth" are not)."""
    if len(words) != 2 or words[0].lower() not in CHINESE_FAMILY_NAMES:
        return False
    given = words[1]
    return (given[:1].isupper() and given[1:].islower() and bool(_PINYIN_GIVEN.match(given.lower()))
            and not is_given_name(given))


def _vancouver_name(text: str) -> Name:
    m = _VANCOUVER_NAME.match(text)
    particle, family = _split_particle_prefix(m.group("family").split())
    return Name(family=" ".join(family), given=" ".join(f"{c}." for c in m.group("initials")), particle=particle,
                suffix=m.group("suffix") or "", raw=text)


def _org_and_more(chunks: list[str]) -> list[Name]:
    return [Name(literal=_clean(c), raw=c) if is_organisation(c) else parse_name(c, given_first="," not in c) for c in chunks]


def _sole_name(text: str) -> Name:
    """A single author written without a comma: a family name alone, "J. Smith", or a literal.

    In an inverted list a person would be "Family, Given", so a multi-word name without a
    comma is a handle or an organisation ("HP Boe", "Human Rights Watch") and stays whole,
    unless its shape shows a person: Vancouver's "Nguyen TH", a middle initial ("Donald E. Knuth"), a lower-case
    particle before the family name ("Simone de Beauvoir"), an East Asian name written
    family first with a hyphenated given name ("Kim Jong-un", "Choe Sang-hun"), or two or three
    words, all but the last a common given name and the last not one ("Barry Wilkinson", "Mary Ann
    Smith", but not "Grace Hope", "Rose Garden Books" or "HP Boe").
    """
    words = text.split()
    if len(words) == 1:
        return Name(literal=text, raw=text) if is_organisation(text) else Name(family=text, raw=text)
    if len(words) > 2 and words[-1].lower().rstrip(",") in SUFFIXES:  # "Martin Luther King Jr."
        rest = " ".join(words[:-1]).rstrip(",")
        person = _sole_name(rest)
        if person.literal and _GIVEN_FAMILY.match(rest) and not is_organisation(rest):
            person = parse_name(rest, given_first=True)  # only a person has a "Jr.": "Grace Hope Jr." is one
        if not person.literal:
            return Name(family=person.family, given=person.given, particle=person.particle,
                        suffix=words[-1].rstrip(","), raw=text)
    if _GIVEN_FIRST_LIST.match(text):
        return parse_name(text, given_first=True)
    if not is_organisation(text):
        vancouver = _VANCOUVER_NAME.match(text)  # "Nguyen TH", a sole author in Vancouver style
        if vancouver and vancouver.group("initials") not in NOT_INITIALS:  # not "Greenpeace UK"
            return _vancouver_name(text)
        if _GIVEN_INITIAL_FAMILY.match(text) or _GIVEN_PARTICLE_FAMILY.match(text):
            return parse_name(text, given_first=True)
        m = _FAMILY_FIRST_EAST_ASIAN.match(text)
        if m and m.group("family").lower() in EAST_ASIAN_FAMILY_NAMES:
            return Name(family=m.group("family"), given=m.group("given"), raw=text)
        if _is_chinese_family_first(words):
            return Name(family=words[0], given=words[1], raw=text)
        if (_GIVEN_FAMILY.match(text) and all(is_given_name(w.split("-")[0]) for w in words[:-1])
                and not is_given_name(words[-1])):
            return parse_name(text, given_first=True)  # "Barry Wilkinson": a common given name, then a family name
    return Name(literal=text, raw=text)
