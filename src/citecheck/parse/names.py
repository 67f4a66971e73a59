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
import unicodedata
from functools import lru_cache
from importlib import resources

from .given_names import is_given_name, is_given_name_anywhere
from ..model import Name

logger = logging.getLogger(__name__)

PARTICLES = frozenset(
    "van von de der den del della dei des di da du dos das do la le lo ten ter te zu bin binti ibn al el af av y".split()
)
SUFFIXES = frozenset("jr jr. jnr jnr. sr sr. snr snr. ii iii iv".split())
# the names of bodies in other languages: "Instituto Nacional de Estadística", "Organización Mundial de la Salud"
FOREIGN_ORGANISATION_WORDS = frozenset(
    """instituto institut istituto instituut comisión comissão commissione ministerio ministère ministério ministero
    ministerium universidad université universidade università universität universiteit hochschule agencia agence
    agência agenzia consejo conseil conselho consiglio fundación fondation fundação fondazione stiftung stichting
    asociación associação associazione verband sociedad société sociedade società gesellschaft zentrum
    secretaría organización organização organizzazione gobierno gouvernement governo regierung bundesamt
    bundesinstitut bundesministerium departamento département dipartimento comité comitato ayuntamiento
    nacional nationale nazionale""".split()
)
ORGANISATION_WORDS = frozenset(
    """organization organisation office department ministry agency institute institution university
    college school commission council panel association society foundation committee nations watch bureau
    center centre group company corporation inc inc. ltd ltd. llc plc service services network union
    bank fund trust board court government mission programme program project initiative forum news
    federation alliance coalition authority international national unicef unesco unodc unhcr
    campaign press publishing media times magazine review journal library museum police army navy
    parliament congress senate republic kingdom states church team staff editors academy laboratory
    centers centres institutes agencies ministries offices departments societies universities associations
    councils committees commissions foundations academies laboratories memorial hospital clinic archives
    gallery observatory consortium secretariat directorate assembly""".split()
) | FOREIGN_ORGANISATION_WORDS
# "et al." as a name: BibTeX writes it "and others".
ETAL = Name(literal="others", raw="et al.")

_GLUED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,3})(?=[A-Z][a-z])")  # "B.Bochicchio", "J.R.Smith"
# "Sang- Hun", "Smith -Jones"; not a word suspended before a conjunction, "Bau-, Stadt- und Raumforschung", "pre- and post-"
_BROKEN_HYPHEN = re.compile(r"(?<=\w)(?:-\s+(?!(?:and|or|nor|to|und|oder|bzw|et|ou|y|o|e|en|of|i|a|ve|és)\b)|\s+-)(?=\w)")
# "(Ed.)", and in brackets the editor's mark of other languages: French "(dir.)" (sous la direction de) and
# "(éd.)", Spanish and Portuguese "(coord.)", "(org.)", "(orgs.)", Dutch and Polish "(red.)", Turkish "(haz.)"
# (a bare ", dir." is a film's director, ``ROLE_LABELS``')
_EDITORS = re.compile(r"[\s,]*(?:\(?\b(?:eds?|editors?|hrsg)\.?\)?|\((?:dir|[ée]ds?|coords?|orgs?|red|haz)\.\))\.?\s*$",
                      re.IGNORECASE)
_EDITOR_WORD_ENDS = ("ed", "eds", "editor", "editors", "hrsg", "(dir", "éd", "éds", "coord", "coords", "org", "orgs",
                     "red", "haz")  # how a text _EDITORS matches ends, less ".)" and spaces
_ETAL = re.compile(r"[\s,]*\bet\.?\s+al\b\.?", re.IGNORECASE)
_GLUED_HINT = re.compile(r"\.[A-Z][a-z]")  # what every _GLUED_INITIALS match holds (a literal first: found fast)
# Role labels after a name (Chicago "Reilly, Anne, host." / "Scorsese, Martin, dir."; "ed." is
# ``strip_editor_marker``'s): never a name. The key is the label, lower case, without its full stop.
ROLE_LABELS = {
    "host": "host", "hosts": "host", "co-host": "host", "cohost": "host", "presenter": "host",
    "dir": "director", "director": "director", "directors": "director",
    "prod": "producer", "producer": "producer", "producers": "producer",
    "exec. prod": "producer", "executive producer": "producer",
    "narr": "narrator", "narrator": "narrator", "writer": "writer", "creator": "creator",
    "performer": "performer", "composer": "composer", "comp": "compiler", "compiler": "compiler",
    "ill": "illustrator", "illus": "illustrator", "illustrator": "illustrator",
    "trans": "translator", "tr": "translator", "translator": "translator", "translators": "translator",
    "interviewer": "interviewer", "cond": "conductor", "conductor": "conductor",
    "photographer": "photographer",
}
_ROLE = re.compile(
    r"^\(?(?P<role>" + "|".join(sorted((re.escape(r) for r in ROLE_LABELS), key=len, reverse=True)) + r")\.?\)?$",
    re.IGNORECASE)
_TRAILING_ROLE = re.compile(
    r"(?:,\s*|\s+(?=\())\(?(?P<role>" + "|".join(sorted((re.escape(r) for r in ROLE_LABELS), key=len, reverse=True))
    + r")\.?\)?[.,]?\s*$", re.IGNORECASE)
_ROLE_ENDINGS = tuple(ROLE_LABELS)  # an ASCII text _TRAILING_ROLE matches ends in one of these, lower case
_SEMICOLON_PAIR = re.compile(r"^[^\W\d_][^,]*,\s*[A-Z]{1,3}$")  # "Press, WH": initials without stops
# (every match starts with a space, ";", "," or "&": the lookahead turns other positions away at once, where
# ``\s*`` and each alternative would be tried there first; the same matches, in half the time of a split)
_CONNECTOR = re.compile(r"(?=[\s;,&])\s*(?:;|,?\s*&|,?\s+and\s+|,\s+(?=&))\s*", re.IGNORECASE)
# "und", "y", "et", "e", "и" (German, Spanish, French, Italian, Portuguese, Russian) between two names: read as "&"
# only between two whole names (``_foreign_connector_between``), never in "Ortega y Gasset, José"
# "und", "y", "et", "e", "и", Dutch "en", Polish "i", Czech "a", Turkish "ve", Hungarian "és", Danish and
# Norwegian "og", Swedish "och", Greek "και" (a comma may go before it: "Rossi, Mario, e Bianchi, Laura")
# Hebrew's "ו" and Arabic's "و" ("and") written onto the next name of an inverted list: "כהן, ד' ולוי, מ'",
# "العلي، أحمد والحسن، محمد" (after a given part that follows a comma, before a family name and its comma);
# a name that merely starts with the letter ("וולך, דוד", "وليد، أحمد") has no list before it
_ATTACHED_AND = re.compile(r"(?<=,)(\s*[^\s,;&]+(?:\s[^\s,;&]+)?)\s[\u05d5\u0648](?=[\u05d0-\u05ea\u0620-\u064a]{2}[^\s,;]*"
                           r"(?:\s[^\s,;]+)?\s*,)")
_FOREIGN_CONNECTOR = re.compile(r",?\s(?:und|y|et|e|и|en|i|a|ve|és|og|och|και)\s")
_INITIALS = re.compile(r"^(?:[A-Z]\.?\s*-?\s*){1,4}$")
_UPPER = r"[^\W\d_a-zß-ÿ]"  # an upper-case letter, accented ones too ("É.")
_INITIAL_TOKEN = re.compile(rf"^(?:{_UPPER}\.-?)+$|^{_UPPER}$")
# Vancouver / NLM names: "Coubes P", "Pérez-Higueras JJ", "de la Macorra JC" (initials after, no full stops).
_VANCOUVER_NAME = re.compile(
    rf"^(?P<family>(?:[a-z]+\s)*[^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+)?)\s(?P<initials>{_UPPER}{{1,3}})\.?"
    r"(?:\s(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\.?)?$")  # "Casey DE Jr"
# GOST's and some Vancouver lists' "Иванов И. И.", "Smith J. A.", "Kuznetsova A.V.": initials with full stops after
_FAMILY_DOTTED_INITIALS = re.compile(
    rf"^(?P<family>(?:[a-z]+\s)*[^\W\d_][\w'’\-]+)\s(?P<initials>(?:{_UPPER}\.[\s-]?){{1,3}})$")
# "J. Smith", "P. Ólafsdóttir", and hyphenated initials of a hyphenated given name ("J.-P. Lee", "P.-H. P. Wang")
_GIVEN_FIRST_LIST = re.compile(  # ... and a particle before the family name ("K. von Schuckmann", "J. van der Berg")
    r"^(?:[A-Z]\.(?:-[A-Z]\.)?\s*){1,3}(?:(?:von|van|de|der|den|del|della|di|da|du|dos|le|la|ten|ter)\s+){0,2}"
    r"[^\W\d_a-zß-ÿ][\w'’-]+")
_CAP_WORD = r"[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_CAP_WORD_RE = re.compile(rf"^{_CAP_WORD}$")
_GIVEN_INITIAL_FAMILY = re.compile(rf"^{_CAP_WORD}(?:\s+[A-Z]\.){{1,2}}\s+{_CAP_WORD}(?:\s+(?:Jr|Sr|II|III|IV)\.?)?$")
_GIVEN_PARTICLE_FAMILY = re.compile(
    rf"^{_CAP_WORD}(?:\s+{_CAP_WORD})?(?:\s+(?:{'|'.join(sorted(p for p in PARTICLES if len(p) > 1))}))+\s+{_CAP_WORD}$")
_GIVEN_FAMILY = re.compile(  # "Barry Wilkinson", "Mary Ann Smith", "Jean DUPONT"
    rf"^{_CAP_WORD}\s+(?:{_CAP_WORD}\s+)?(?:[^\W\d_a-z][\w'’\-]*[a-zß-ÿ][\w'’\-]*|[A-Z]{{3,}})$")
_FAMILY_FIRST_EAST_ASIAN = re.compile(r"^(?P<family>[A-Z][a-z]{1,5})\s+(?P<given>[A-Z][a-z]+-[A-Za-z][a-z]+)$")
# Country and company suffixes that look like a Vancouver author's initials: "Greenpeace UK" is an organisation
ORG_SUFFIXES = frozenset("UK US USA EU UN NZ UAE LLC PLC INC LTD GMBH AU IN".split())
# ... and those that are also common initials: "Knuth DE", "Petrova NV", "Smith AB" are persons in a Vancouver
# list, where "Siemens AG" is rare; read as initials, unless the list around them shows no Vancouver names
# (``vancouver_list_sole_authors``) or the name before them is an acronym ("BASF SE")
AMBIGUOUS_SUFFIXES = frozenset("SA AG AB BV NV SE GB DE FR CA JP".split())
NOT_INITIALS = ORG_SUFFIXES | AMBIGUOUS_SUFFIXES
# ... and the unions and countries in capitals that open an organisation's name: "UN OEWG", "EU ISS", "US Army"
ORG_PREFIXES = frozenset("UN EU US USA UK NZ UAE".split())
# Common Korean, Chinese and Vietnamese family names in their usual romanisations.
_COMMON_CHINESE_FAMILY_NAMES = frozenset("""
    wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie tang
    feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
""".split())
KOREAN_FAMILY_NAMES = frozenset("""
    kim lee yi rhee park pak bak choi choe jung jeong chung kang gang cho jo yoon yun jang chang lim im
    han oh shin sin seo suh kwon gwon hwang ahn an song jeon jun hong ko go moon mun yang son bae baek
    paik heo hur yoo yu ryu nam noh roh ha kwak ku koo woo bong byun byeon cha pyo seong sung
""".split())
EAST_ASIAN_FAMILY_NAMES = _COMMON_CHINESE_FAMILY_NAMES | KOREAN_FAMILY_NAMES | frozenset("""
    nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly
""".split())
# One syllable of a romanised Korean given name (Revised Romanization, McCune-Reischauer and the
# usual spellings: "Min", "Jin", "Won", "Yeon", "Hyun", "Kyung", "Seok", "Hwan", "Soo", "Hee")
_KOREAN_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhc])?[wy]?"
                    r"(?:ae|eo|eu|ee|oo|oe|ui|a|e|i|o|u)(?:ng|[nmlkp](?![aeiouwy])|[kt]h?)?")
_KOREAN_GIVEN = re.compile(rf"^(?:{_KOREAN_SYLLABLE})(?:-?{_KOREAN_SYLLABLE})?$")
CHINESE_FAMILY_NAMES = _COMMON_CHINESE_FAMILY_NAMES | frozenset("""
    yang song han xi mao wen bo qian kong meng qin bai lei fang jin dai fan fu xia gu hou shi tan jia zou cui
    lv qiu qu jiao xiang yan yin wan hao kang mo duan long tao
""".split())
_PINYIN_SYLLABLE = (r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er"
                    r"|a|o|e|i|u|v|ü)")
_PINYIN_GIVEN = re.compile(rf"^{_PINYIN_SYLLABLE}{_PINYIN_SYLLABLE}?$")
JAPANESE_FAMILY_NAMES_FILE = "japanese-family-names.txt"
# A romanised (Hepburn or Kunrei) Japanese given name: kana syllables, the syllabic n ("Ken'ichi"),
# a doubled consonant ("Ikko", "Tetchan"), "m" before b/p/m ("Kampo") and "h" for a long o ("Yohko").
_KANA_SYLLABLE = (r"(?:(?:[kgnhbpmr]y|sh|ch|j)[auo]|(?:sh|ch|j)[ie]|ts?u|fu|[kgsztdnhbpmrwy]?[aiueo]"
                  r"|n'?(?![aiueoy])|n'(?=[aiueoy])|[kstp](?=[kstp])|t(?=ch)|m(?=[bpm])|(?<=o)h(?![aiueoy]))")
_JAPANESE_GIVEN = re.compile(rf"^{_KANA_SYLLABLE}+$")
_LONG_VOWELS = str.maketrans("āīūēōâîûêô", "aiueoaiueo")


@lru_cache(maxsize=1)
def japanese_family_names() -> frozenset[str]:
    """Common Japanese family names, lower case (``data/japanese-family-names.txt``)."""
    data = resources.files("citecheck.parse").joinpath("data", JAPANESE_FAMILY_NAMES_FILE)
    lines = (line.strip() for line in data.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _romaji(word: str) -> str:
    """``word`` lower case with its long-vowel marks dropped ("Ōe" -> "oe", "Kenzaburō" -> "kenzaburo")."""
    return unicodedata.normalize("NFC", word).lower().translate(_LONG_VOWELS)


def _is_japanese_family_name(word: str) -> bool:
    return _capitalised(word) and _romaji(word) in japanese_family_names()


def _looks_japanese_given(word: str) -> bool:
    """"Haruki", "Kenzaburō", "Shin'ichi": a capitalised word of romanised kana syllables."""
    return _capitalised(word) and len(word) >= 2 and bool(_JAPANESE_GIVEN.match(_romaji(word)))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].replace("'", "").islower())


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


_FOREIGN_EDITORS = re.compile(r"(?<=[^\W\d_]|[.,]) \((?:(?P<one>hrsg|dir|[ée]d|coord|org|red|haz)|(?P<many>[ée]ds|coords|orgs))\.\)",
                              re.IGNORECASE)


def english_editor_marks(text: str) -> str:
    """``text`` with an editor's mark of another language after a name ("(Hrsg.)", "(dir.)", "(org.)") written
    "(Ed.)" or "(Eds.)", spaces before it keeping its length (and every offset after it): the form the tagger
    learnt."""
    if ".)" not in text:  # every mark ends so; most entries have none (a year's "(2019)" is no mark)
        return text
    return _FOREIGN_EDITORS.sub(_as_english_editor_mark, text)


def _as_english_editor_mark(m: re.Match[str]) -> str:
    english = " (Ed.)" if m.group("one") else " (Eds.)"
    return " " * (len(m.group(0)) - len(english)) + english


def role_of(token: str) -> str:
    """The role a label names ("dir." -> "director", "(host)" -> "host"); "" if ``token`` is none."""
    m = _ROLE.match(token.strip())
    return ROLE_LABELS[" ".join(m.group("role").lower().split())] if m else ""


def strip_role_marker(text: str) -> tuple[str, str]:
    """``("Reilly, Anne", "host")`` for "Reilly, Anne, host." or "Anne Reilly (host)"; the text
    unchanged and "" when no role label ends it, or when what is left would be no whole name
    ("Smith, Host" is Host Smith)."""
    if text.isascii() and not text.rstrip().rstrip(".,)").lower().endswith(_ROLE_ENDINGS):
        return text, ""  # the search tries every comma and space: most texts end in no label
    m = _TRAILING_ROLE.search(text)
    if not m:
        return text, ""
    rest = text[:m.start()].strip(" ,")
    if not rest or ("," not in rest and " " not in rest):
        return text, ""
    return rest, ROLE_LABELS[" ".join(m.group("role").lower().split())]


def is_organisation(text: str) -> bool:
    """An organisation name (or acronym) rather than a person."""
    words = [w.strip(".,()") for w in text.split()]
    if not words:
        return False
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha():
        return True
    if len(words) >= 2 and any(w.lower() in ORGANISATION_WORDS for w in words):
        return True
    if len(words) >= 2 and words[0] in ORG_PREFIXES:  # "UN Women", "UN GGE", "EU ISS": no person's "GGE" initials
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
    # "Lawrence Grossberg et al.": "et al." is the list's ``ETAL``, no name's
    text = _clean(_ETAL.sub("", text) if "al" in text.lower() else text)
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
    vietnamese = unmarked_vietnamese_name(words) if len(parts) == 1 and not suffix else None
    if vietnamese is not None:  # "Nguyen Thi Mai": family name first, as Vietnamese names are written
        return Name(family=vietnamese.family, given=vietnamese.given, raw=raw)
    paired = _spanish_family_names(words)
    if paired:
        return Name(family=" ".join(words[-paired:]), given=" ".join(words[:-paired]), suffix=suffix, raw=raw)
    last = words[-1]
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES and words[i - 1][:1].islower():
        i -= 1
    return Name(family=last, given=" ".join(words[:i]), particle=" ".join(words[i:-1]), suffix=suffix, raw=raw)


# family names of Spain and Latin America common enough to tell a second family name from a middle name
_SPANISH_FAMILY_NAMES = frozenset("""
garcía rodríguez martínez hernández lópez gonzález pérez sánchez ramírez torres flores rivera gómez díaz
morales ortiz gutiérrez chávez ramos ruiz álvarez mendoza castillo jiménez moreno romero herrera medina
aguilar vargas castro fernández guzmán muñoz rojas navarro domínguez vázquez ortega delgado cruz suárez
márquez blanco molina serrano iglesias garrido cortés lozano santana peña cabrera calderón
""".split())


def _spanish_family_names(words: list[str]) -> int:
    """How many of a given-first name's last words are its family names, when it has two: "Ana García
    Márquez" (2), "José Ortega y Gasset" (3); 0 when it is no such name ("John Quincy Adams": a middle
    name is no Spanish family name; "Ana María López": María is a given name)."""
    if len(words) >= 4 and words[-2] == "y" and _capitalised(words[-3]) and _capitalised(words[-1]):
        return 3
    if len(words) < 3:
        return 0
    middle = words[-2]
    if middle.lower() not in _SPANISH_FAMILY_NAMES or is_given_name_anywhere(middle) or not _capitalised(words[-1]):
        return 0
    return 2


def _looks_given(token: str) -> bool:
    """Could ``token`` be the given part of an inverted name (after "Family,")?"""
    words = token.split()
    if not words or len(words) > 4 or is_organisation(token):
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES or _INITIAL_TOKEN.match(w) or _caseless_word(w) for w in words)


def is_vietnamese_name_list(text: str) -> bool:
    """Is ``text`` Vietnamese names, family name first ("Trần Thị Bình và Lê Văn Cường")?"""
    return not text.isascii() and _vietnamese_list(text) is not None


def caseless_word(word: str) -> bool:
    """A word of a script without capitals ("לוי", "ר'", "أحمد"): one a name may be (see ``_caseless_word``)."""
    return _caseless_word(word)


def _caseless_word(word: str) -> bool:
    """A word of a script without capitals, as a given name or a Hebrew initial is written ("דוד", "ד'",
    "أحمد"); not Chinese, Japanese or Korean, whose comma parts whole names ("최지영, 정수진")."""
    first = word[:1]
    return first.isalpha() and not first.isupper() and not first.islower() and not _east_asian(first)


def _east_asian(char: str) -> bool:
    return "\u1100" <= char <= "\u11ff" or "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or char >= "\uf900"


def _lower_case_given(token: str) -> bool:
    """"bell" in "hooks, bell": one lower-case word after a family name's comma is that person's
    given name, written as they write it; another author's family name would be capitalised (a
    particle alone, "de", or a role label, "trans", is neither)."""
    word = token.strip().rstrip(".")
    return (word.isalpha() and word.islower() and len(word) > 1 and word not in PARTICLES
            and not role_of(word) and word not in ("and", "et", "und", "others"))


def _capitals_family(token: str, nxt: str) -> bool:
    """"SMITH, J." / "DUPONT, Marie": a family name in capitals (ABNT, ISO 690) before initials with
    full stops or a given name in lower case, not an acronym ("UNICEF, WHO")."""
    if " " in token.strip() or not token.isupper():
        return False
    nxt = nxt.strip()
    if _INITIAL_TOKEN.match(nxt.split()[0] if nxt else "") and ("." in nxt or len(nxt) == 1):
        return True
    return any(c.islower() for c in nxt) and _looks_given(nxt)


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
        if names and role_of(token) and not (nxt and _INITIALS.match(nxt) and "." in nxt):
            i += 1  # "Reilly, Anne, host, ...": a role label, not a name ("Host, A." is one)
            continue
        if is_organisation(token) and not (nxt is not None and _capitals_family(token, nxt)):
            names.append(Name(literal=_clean(token), raw=token))
            i += 1
            continue
        vietnamese = unmarked_vietnamese_name(token.split())
        if vietnamese is not None:  # "Tran Van Hung, Le Thi Lan": a whole name each, family name first
            names.append(Name(family=vietnamese.family, given=vietnamese.given, raw=token))
            i += 1
            continue
        inverted = (i == 0 and first_inverted) or _single_family(token) or (nxt is not None and bool(_INITIALS.match(nxt)))
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if inverted and nxt is not None and nxt.lower() in SUFFIXES and after and _looks_given(after):
            names.append(parse_name(f"{token}, {nxt}, {after}", given_first=False))  # "King, Jr., Martin"
            i += 3
        elif inverted and nxt is not None and (_looks_given(nxt) or _lower_case_given(nxt)) and nxt.lower() not in SUFFIXES:
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
    if "\u060c" in text or "\u061b" in text:  # the Arabic comma and semicolon part names as "," and ";" do
        text = text.replace("\u060c", ",").replace("\u061b", ";")
    if ("\u05d5" in text or "\u0648" in text) and "," in text:
        text = _ATTACHED_AND.sub(r"\1 & ", text)
    if _GLUED_HINT.search(text):
        text = _GLUED_INITIALS.sub(r"\1 ", text)  # "B.Bochicchio" is "B. Bochicchio"
    text, _ = strip_editor_marker(text)
    text, _ = strip_role_marker(text)
    text, etal_count = _ETAL.subn("", text) if "al" in text.lower() else (text, 0)
    return _names_in_clean_text(_clean(text), etal_count > 0)


@lru_cache(maxsize=4096)  # the rules' "Marshall, Tyler" is the tagger's "Marshall, Tyler." once cleaned: read once
def _names_in_clean_text(text: str, etal: bool) -> tuple[Name, ...]:
    """``parse_author_list`` of a text it has cleaned (the names' ``raw`` are parts of it), "et al." taken out."""
    if not text:
        return (ETAL,) if etal else ()
    names = _parse_names(text)
    if etal:
        names.append(ETAL)
    logger.debug("authors %r -> %r", text, names)
    return tuple(names)


def clear_author_list_caches() -> None:
    """Forget the author lists read (``parse_author_list``'s cache and the one behind it)."""
    parse_author_list.cache_clear()
    _names_in_clean_text.cache_clear()


def _as_ampersands(text: str) -> str:
    """``text`` with each "und", "y", "et" or "e" that joins two names as "&": "Müller, K. und
    Schmidt, P.", "García, Juan y López, María", "K. Müller und P. Schmidt". Elsewhere the word
    stays: a family name ("Ortega y Gasset, José"), an organisation ("Ciencia y Tecnología")."""
    parts: list[str] = []
    start = 0
    for match in _FOREIGN_CONNECTOR.finditer(text):
        if _foreign_connector_between(text[:match.start()], text[match.end():]):
            parts.append(text[start:match.start()] + " & ")
            start = match.end()
    if not parts:
        return text
    return "".join(parts) + text[start:]


def _foreign_connector_between(left: str, right: str) -> bool:
    """Whether ``left`` ends and ``right`` starts with a whole name of the same shape: inverted
    ("Müller, K." / "Schmidt, P."; the given names initials or known given names) or initials
    first ("K. Müller" / "P. Schmidt")."""
    head, comma, given = left.rpartition(",")
    family, comma_after, rest = right.partition(",")
    if comma and comma_after and head.strip():
        after = rest.split()
        # the list's last name may give given names the lists do not know ("Dupont, Jean et Bernard, Luc",
        # "Conti, Giulia, Marino, Paolo e Gallo, Sara"): one capitalised word each side
        last_given = (len(after) == 1 and _CAP_WORD_RE.match(after[0].rstrip(".")) is not None
                      and len(given.split()) == 1 and _CAP_WORD_RE.match(given.strip()) is not None)
        return ((_given_part(given) or last_given) and _family_part(family) and bool(after)
                and (_given_part(after[0].rstrip(",;")) or last_given))
    last = left.rsplit(",", 1)[-1].split()
    first = right.split(",", 1)[0].split()
    return (len(last) >= 2 and len(first) >= 2 and all(_INITIAL_TOKEN.match(w) for w in last[:-1])
            and all(_INITIAL_TOKEN.match(w) for w in first[:-1])
            and _CAP_WORD_RE.match(last[-1]) is not None and _CAP_WORD_RE.match(first[-1].rstrip(".;")) is not None)


def _given_part(text: str) -> bool:
    """Initials or known given names, one to three ("K.", "K.-P.", "Juan", "María José")."""
    words = text.split()
    return 0 < len(words) <= 3 and all(_INITIAL_TOKEN.match(w) or is_given_name(w) for w in words)


def _family_part(text: str) -> bool:
    """A family name of one to three capitalised words, particles between ("Schmidt", "López de Vega")."""
    words = text.split()
    return (0 < len(words) <= 3 and _CAP_WORD_RE.match(words[0]) is not None
            and all(_CAP_WORD_RE.match(w) or w in PARTICLES for w in words)
            and (not is_organisation(text) or _in_capitals(text)))  # "DUPUY, Gabriel et MARTIN, Claire" (ISO 690)


def _in_capitals(text: str) -> bool:
    """A family name a style writes in capitals ("MARTIN", "MÜLLER-LÜDENSCHEIDT"), which ``is_organisation``
    takes for an acronym; here it stands between a given name and a comma."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# a word suspended before a comma, as German compounds share their end ("Bau-, Stadt- und Raumforschung"):
# no name ends so, the comma parts no names
_SUSPENDED_COMPOUND = re.compile(r"[^\W\d_]{2}-,\s+[^\W\d_]")
# an organisation, a comma and what it is: "Gavi, the Vaccine Alliance" (one body; no person's given name is "the")
_BODY_AND_WHAT_IT_IS = re.compile(r"^[^\W\d_][^,;&]*,\s+[Tt]he\s+[^\W\d_][^,;&]*$")


_SLASH = re.compile(r"\s*/\s*")


def _slashes_as_semicolons(text: str) -> str:
    """German lists part their names with slashes ("Müller, Karl/Schmidt, Anna", "Müller, K. / Schmidt, A."):
    ``text`` with each such slash a semicolon when every part is one inverted name; otherwise as it is ("Frankfurt/M.",
    an organisation's "Umwelt/Naturschutz")."""
    parts = _SLASH.split(text)
    if len(parts) < 2:
        return text
    for part in parts:
        family, comma, given = part.partition(",")
        if not comma or "," in given or not _family_part(family.strip()) or not (
                _looks_given(given.strip()) or _INITIALS.match(given.strip())):
            return text
    return "; ".join(p.strip() for p in parts)


def _parse_names(text: str) -> list[Name]:
    if "/" in text:
        text = _slashes_as_semicolons(text)
    if not text.isascii() and "," not in text.split(" ", 1)[0] and (vietnamese := _vietnamese_list(text)) is not None:
        return vietnamese
    if _FOREIGN_CONNECTOR.search(text):
        text = _as_ampersands(text)
    # the split tries every position: a text with no ";", "&" nor "and" has nothing to split at
    pieces = _CONNECTOR.split(text) if ";" in text or "&" in text or "and" in text.lower() else [text]
    chunks = [c for c in pieces if c and c.strip(" ,")]
    if not chunks:  # only connectors ("&", "and"): no name at all
        return []
    vancouver = [t.strip() for c in chunks for t in c.split(",") if t.strip()]
    if len(vancouver) > 1 and all(_VANCOUVER_NAME.match(t) for t in vancouver):
        return [_vancouver_name(t) for t in vancouver]
    if all(_dotted_person(t) for t in vancouver):
        return [_dotted_initials_name(t) for t in vancouver]  # "Петров П. П., Сидоров С. С."
    if ";" in text:  # "Fattorini L, Mustazzolu A, Cirillo DM; the SMIRA Group": a Vancouver list, then more
        head, tail = text.split(";", 1)
        listed = [t.strip() for t in head.split(",") if t.strip()]
        if len(listed) > 1 and all(_VANCOUVER_NAME.match(t) for t in listed) and tail.strip(" ,;"):
            return [_vancouver_name(t) for t in listed] + _parse_names(tail.strip(" ,;"))
    if ";" in text and len(chunks) > 1 and all(_SEMICOLON_PAIR.match(c.strip(" ,")) for c in chunks):
        # "Press, WH; Teukolsky, SA; Vetterling, WT" (Wikipedia's lists): each a family name and initials
        return [parse_name(c.strip(" ,"), given_first=False) for c in chunks]
    family_first = _east_asian_family_first_list(chunks)
    if family_first:
        return family_first
    if "," not in text and len(chunks) == 1:
        return [_sole_name(text)]
    if "," not in text and is_organisation(text) and not any(
            _person_shaped(c) for c in chunks if _names_a_person(c, chunks)):
        return [Name(literal=_clean(text), raw=text)]  # "Federal Maritime and Hydrographic Agency"
    if "," not in text and _firm_name(text, chunks):
        return [Name(literal=_clean(text), raw=text)]  # "Johnson & Johnson", "Procter & Gamble"
    if "-," in text and _SUSPENDED_COMPOUND.search(text):
        return [Name(literal=_clean(text), raw=text)]  # "Bundesinstitut für Bau-, Stadt- und Raumforschung": one body
    if "," in text and _BODY_AND_WHAT_IT_IS.match(text.strip()):
        return [Name(literal=_clean(text), raw=text)]  # "Gavi, the Vaccine Alliance": one body, not Gavi and another
    if "," in text and _listing_organisation(text):
        return [Name(literal=_clean(text), raw=text)]  # "Department for Digital, Culture, Media and Sport"
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


_LISTED_PART = re.compile(r"(?=[\s,&])\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")  # the lookahead: see _CONNECTOR


def _listing_organisation(text: str) -> bool:
    """An organisation whose name lists its fields with commas: "Department for Digital, Culture, Media
    and Sport", "Department for Environment, Food and Rural Affairs". Its first part is an organisation's
    name, and every other part a word or two, capitalised, with no initial and no given name, where a
    person after an organisation would have them ("World Bank, Smith, John", "..., J. Smith")."""
    parts = [p for p in _LISTED_PART.split(text.strip()) if p]
    if len(parts) < 2 or "," in parts[0] or not is_organisation(parts[0]):
        return False
    if len(parts) == 2 and " " not in parts[1].strip() and _capitals_family(parts[0], parts[1]):
        return False  # ISO 690's and DIN's "QUASCHNING, Volker": a family name in capitals, then the given name
    for part in parts[1:]:
        words = part.split()
        if len(words) > 2 or any(not _capitalised(w) or "." in w or is_given_name(w) for w in words):
            return False
    return True


def _names_a_person(chunk: str, chunks: list[str]) -> bool:
    """Could ``chunk``, one part of an organisation's name split at "and", be a person's name on
    its own? Not a lone word ("Food" in "Food and Agriculture Organization", "Prevention" in
    "Centers for Disease Control and Prevention", "Bill" in "Bill & Melinda Gates Foundation"):
    a person in an author list has a given name or initials too; unless what follows starts
    "the" ("Smith and the Ocean Foundation"), which no organisation's name does after its "and"."""
    return len(chunk.split()) > 1 or any(c.strip().startswith("the ") for c in chunks[1:])


def _firm_name(text: str, chunks: list[str]) -> bool:
    """"Johnson & Johnson", "Procter & Gamble", "Ernst & Young": two lone capitalised words joined
    by "&", or one word twice ("Johnson and Johnson"), with no comma or initials: a firm. Persons
    in a reference list have given names or initials ("Smith, J., & Doe, A.")."""
    words = [c.strip() for c in chunks]
    if len(words) != 2 or any(len(w.split()) != 1 or not _CAP_WORD_RE.match(w) or w.isupper() for w in words):
        return False
    return "&" in text or words[0] == words[1]


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
    if _korean_given_first(words):  # "Min Jin Lee, Won Park, and ..."
        return True
    if len(words) == 2 and _korean_given_first(tokens[1].split()):  # "Kim Lee, Ji-hoon Park, and ...": inverted,
        return True  # "Ji-hoon Park" would be Kim Lee's given name
    if _chinese_full_name(words):  # "Lei Zhao, Xuhui Lee, and ...": inverted, it would be "Zhao, Lei"
        return True
    if len(words) in (3, 4) and words[-1].lower() in SUFFIXES:  # "Sammy Davis Jr.": only a person has a
        return bool(_GIVEN_FAMILY.match(" ".join(words[:-1])))  # "Jr.", and inverted it would be "Davis Jr."
    return (len(words) in (2, 3) and bool(_GIVEN_FAMILY.match(tokens[0]))
            and all(is_given_name_anywhere(w.split("-")[0]) for w in words[:-1]) and not is_given_name(words[-1]))


def _chinese_full_name(words: list[str]) -> bool:
    """Two words, each one or two pinyin syllables, one of them a Chinese family name ("Lei Zhao",
    "Tao Wang", "Wang Hui"): a whole Chinese name, in either order; a comma after it ends a name."""
    return (len(words) == 2 and all(w[:1].isupper() and w[1:].islower() and _PINYIN_GIVEN.match(w.lower()) for w in words)
            and any(w.lower() in CHINESE_FAMILY_NAMES for w in words))


def _is_chinese_family_first(words: list[str]) -> bool:
    """"Xi Jinping", "Wang Hui": a Chinese family name, then a given name of one or two pinyin
    syllables written as one word ("Ma Ruth" is not). A second word that is also an English given
    name ("Hui", "Na") counts only when the first is no English given name and the second no
    family name, so "Lee Ann" is not read so, nor "Li Yang" or "Lin Wang", which could as well be
    given name first; and a first word that is an English given name before a Chinese family
    name ("Lin Wang", "Su Chen") is taken to be given name first."""
    if len(words) != 2 or words[0].lower() not in CHINESE_FAMILY_NAMES:
        return False
    family, given = words
    if not (given[:1].isupper() and given[1:].islower() and _PINYIN_GIVEN.match(given.lower())):
        return False
    second_is_family = given.lower() in CHINESE_FAMILY_NAMES or given.lower() in EAST_ASIAN_FAMILY_NAMES
    if is_given_name(family) and second_is_family:
        return False
    return not is_given_name(given) or not (is_given_name(family) or second_is_family)


def _east_asian_family_first(words: list[str]) -> Name | None:
    """"Wang Hui", "Nakamura Hiroshi", "Kim Jong-un": a two-word East Asian name written family name
    first, with no comma (Chicago 8.14-8.15): a common family name, then a given name of its own
    shape (a hyphenated Korean one, one or two pinyin syllables, a romanised Japanese one; see
    ``_is_chinese_family_first`` and ``_japanese_name`` for what is not read so). None otherwise."""
    if len(words) != 2:
        return None
    m = _FAMILY_FIRST_EAST_ASIAN.match(" ".join(words))
    if m and m.group("family").lower() in EAST_ASIAN_FAMILY_NAMES:
        return Name(family=m.group("family"), given=m.group("given"), raw=" ".join(words))
    if _is_chinese_family_first(words):
        return Name(family=words[0], given=words[1], raw=" ".join(words))
    japanese = _japanese_name(words)
    return japanese if japanese is not None and japanese.family == words[0] else None


# Vietnamese family names, written first ("Nguyễn Văn An", "Trần Thị Bình"); a list of such names, its
# connector "và", is read family name first when one of them shows a letter only Vietnamese writes
VIETNAMESE_FAMILY_NAMES = frozenset("""nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý
    đinh đào lâm mai trương cao tạ hà lương chu đoàn vương trịnh thái la tô quách hứa kiều lưu nông triệu
    văn tăng châu khúc""".split())
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ")
_VIETNAMESE_SEP = re.compile(r"\s*,\s*(?:và\s+|&\s*)?|\s+(?:và|&)\s+")


def _vietnamese_list(text: str) -> list[Name] | None:
    """"Trần Thị Bình và Lê Văn Cường", "Phạm Minh Đức, Hoàng Thu Hà và Vũ Quang Huy": each name family name
    first, two to four words; None when the text is not such a list."""
    if not any(ch in _VIETNAMESE_LETTERS for ch in text.lower()):  # (before the split: most texts have none)
        return None
    tokens = [t.strip() for t in _VIETNAMESE_SEP.split(text.strip(" .,")) if t.strip()]
    if not tokens:
        return None
    for token in tokens:
        words = token.split()
        if not 2 <= len(words) <= 4 or words[0].lower() not in VIETNAMESE_FAMILY_NAMES or not all(
                w[:1].isupper() for w in words):
            return None
    return [Name(family=t.split()[0], given=" ".join(t.split()[1:]), raw=t) for t in tokens]


# the Vietnamese family names written without their marks ("Nguyen", "Tran", "Le"), and the middle names
# "Thi" and "Van" a Vietnamese name carries after its family name ("Nguyen Thi Mai", "Tran Van Hung")
_UNMARKED_VIETNAMESE_FAMILY_NAMES = frozenset("""nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo
    duong ly dinh dao trinh truong doan luong""".split())
_VIETNAMESE_MIDDLE = ("Thi", "Van")


def unmarked_vietnamese_name(words: list[str]) -> Name | None:
    """"Nguyen Thi Mai", "Tran Van Hung": a Vietnamese name written without its marks, family name first: three
    or four capitalised words, a common family name, then "Thi" or "Van" (the middle names that show a Vietnamese
    name, never an English given name); None when the words are not so."""
    if not 3 <= len(words) <= 4 or words[0].lower() not in _UNMARKED_VIETNAMESE_FAMILY_NAMES:
        return None
    if words[1] not in _VIETNAMESE_MIDDLE or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return None
    return Name(family=words[0], given=" ".join(words[1:]), raw=" ".join(words))


def _east_asian_family_first_list(chunks: list[str]) -> list[Name] | None:
    """Several authors each written family name first ("Wang Hui and Li Ming", "Nakamura Hiroshi,
    Sato Kenji, and Suzuki Aya"): every name two words, each an East Asian name family first
    (``_east_asian_family_first``) or, beside one that is, of that shape (``_family_first_shaped``:
    "Li Ming", which alone might be given name first, is so beside "Wang Hui"). Not when the commas
    could pair the words as "Family, Given" names: "García Márquez, Gabriel José" with no "and" is one
    inverted name (and an even run of them pairs), so the list must have an "and" (or "&", ";"), an
    odd number of names, or only whole Chinese names ("Li Ming, Wang Hui": ``_chinese_full_name``);
    "Li, Ming and Wang, Hui" has one-word names and is APA's. None when the list is not so."""
    tokens = [t.strip() for c in chunks for t in c.split(",") if t.strip()]
    if len(tokens) < 2 or any(len(t.split()) != 2 for t in tokens):
        return None
    if len(chunks) < 2 and len(tokens) % 2 == 0 and not all(_chinese_full_name(t.split()) for t in tokens):
        return None  # (whole Chinese names, "Li Ming, Wang Hui", pair as no "Family, Given" would)
    if not all(_family_first_shaped(t.split()) for t in tokens):
        return None
    if not any(_east_asian_family_first(t.split()) for t in tokens):
        return None
    return [Name(family=t.split()[0], given=t.split()[1], raw=t) for t in tokens]


def _family_first_shaped(words: list[str]) -> bool:
    """Could ``words`` be an East Asian name family name first: a common Chinese family name and a
    pinyin given name, a Japanese family name and a romanised Japanese given name (not a family
    name too), or a Korean family name and a hyphenated given name?"""
    family, given = words
    if _FAMILY_FIRST_EAST_ASIAN.match(" ".join(words)):
        return family.lower() in EAST_ASIAN_FAMILY_NAMES
    if family.lower() in CHINESE_FAMILY_NAMES and _capitalised(given) and _PINYIN_GIVEN.match(given.lower()):
        return True
    return _is_japanese_family_name(family) and _looks_japanese_given(given) and not _is_japanese_family_name(given)


def _korean_given_first(words: list[str]) -> bool:
    """"Min Jin Lee", "Won Park", "Sang-Hun Choe": a Korean name written given name first, as English
    sources write it: a Korean family name last, before it a given name of one or two romanised Korean
    syllables (one word, or two, or hyphenated), each word capitalised. "Lee" is also an English given
    name and "Won" none, so the rule for "Barry Wilkinson" does not read them; "Grace Park" and
    "Central Park" are not Korean-shaped ("Grace Park" is read by that rule). Two family names ("Li
    Yang", "Jun Kim") are left to those rules: a name written family name first reads so too."""
    if len(words) not in (2, 3) or words[-1].lower() not in KOREAN_FAMILY_NAMES or not _capitalised(words[-1]):
        return False
    given = words[:-1]
    if len(given) == 1 and (given[0].lower() in EAST_ASIAN_FAMILY_NAMES or given[0].lower() in CHINESE_FAMILY_NAMES):
        return False  # "Li Yang", "Jun Kim": two family names, which may as well be written family name first
    if not all(_capitalised(word.split("-")[0]) and word.replace("-", "")[1:].islower() for word in given):
        return False  # "Sang-Hun", "Kyung-sook", "Min Jin"; not "MIN JIN" nor "MinJin"
    return bool(_KOREAN_GIVEN.match("-".join(given).lower()))


def _japanese_name(words: list[str]) -> Name | None:
    """"Murakami Haruki" (family name first, as Japanese sources and Chicago write it) or "Haruki
    Murakami" (given name first): one word a common Japanese family name, the other a romanised
    Japanese given name that is not one too. ``None`` when the name is not so, or could be either
    ("Mori Ono"), or both words are English given names ("Abe Mae")."""
    if len(words) != 2:
        return None
    first, second = words
    if is_given_name(first) and is_given_name(second):
        return None
    first_family, second_family = _is_japanese_family_name(first), _is_japanese_family_name(second)
    if first_family and not second_family and _looks_japanese_given(second):
        return Name(family=first, given=second, raw=" ".join(words))
    if second_family and not first_family and _looks_japanese_given(first):
        return Name(family=second, given=first, raw=" ".join(words))
    return None


def _initials_not_a_suffix(vancouver: re.Match[str]) -> bool:
    """Are the capitals of "Family XX" a Vancouver author's initials, not a country or company suffix
    ("Greenpeace UK", "BASF SE")? "Knuth DE": DE is also a country code, but initials first of all."""
    initials = vancouver.group("initials")
    if initials in ORG_SUFFIXES:
        return False
    family = vancouver.group("family")
    return initials not in AMBIGUOUS_SUFFIXES or not (family.isupper() and family.isalpha())


def capitals_read_as_initials(name: Name) -> bool:
    """A sole author "Knuth DE" read as a person from two or three bare capitals after a name, which may as well
    be a company's suffix ("Siemens AG") or the letters of an outlet's or a body's name ("Daily NK", "India TV"):
    the list around it decides (``vancouver_list_sole_authors``)."""
    if name.literal or name.suffix:
        return False
    m = _VANCOUVER_NAME.match(name.raw)
    return m is not None and len(m.group("initials")) >= 2


def vancouver_shaped(name: Name) -> bool:
    """A person written as Vancouver writes one, family name and bare initials ("Smith J", "Nguyen TH")."""
    return not name.literal and _VANCOUVER_NAME.match(name.raw) is not None


def vancouver_list_sole_authors(authors: list[tuple[Name, ...]]) -> list[tuple[Name, ...]]:
    """The author lists of a reference list's entries, with a sole "Family XX" whose capitals may be a
    company suffix or a name's letters ("Siemens AG", "Daily NK", read as persons by ``parse_author_list``) made an
    organisation again when the list's other entries name persons and none the Vancouver way: there
    "Knuth DE" would be "Knuth, D. E.", so "Siemens AG" is a firm and "Daily NK" an outlet. In a Vancouver list
    it stays a person."""
    doubtful = [i for i, names in enumerate(authors) if len(names) == 1 and capitals_read_as_initials(names[0])]
    if not doubtful:
        return authors
    others = [n for i, names in enumerate(authors) if i not in doubtful for n in names]
    persons = [n for n in others if not n.literal]
    if not persons or any(vancouver_shaped(n) for n in persons):
        return authors
    out = list(authors)
    for i in doubtful:
        raw = out[i][0].raw
        out[i] = (Name(literal=raw, raw=raw),)
    return out


def _vancouver_name(text: str) -> Name:
    m = _VANCOUVER_NAME.match(text)
    assert m is not None  # called only on text _VANCOUVER_NAME matches
    particle, family = _split_particle_prefix(m.group("family").split())
    return Name(family=" ".join(family), given=" ".join(f"{c}." for c in m.group("initials")), particle=particle,
                suffix=m.group("suffix") or "", raw=text)


def _dotted_person(text: str) -> bool:
    """"Иванов И. И.", "Smith J. A.": a family name, then initials with full stops; not an organisation's
    country ("Greenpeace U.K.")."""
    m = _FAMILY_DOTTED_INITIALS.match(text)
    return (m is not None and not is_organisation(text)
            and "".join(c for c in m.group("initials") if c.isalpha()).upper() not in ORG_SUFFIXES)


def _dotted_initials_name(text: str) -> Name:
    m = _FAMILY_DOTTED_INITIALS.match(text)
    assert m is not None  # called only on text _FAMILY_DOTTED_INITIALS matches
    particle, family = _split_particle_prefix(m.group("family").split())
    given = " ".join(f"{c}." for c in m.group("initials") if c.isalpha())
    return Name(family=" ".join(family), given=given, particle=particle, raw=text)


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
        if vancouver and _initials_not_a_suffix(vancouver):  # not "Greenpeace UK"
            return _vancouver_name(text)
        if _GIVEN_INITIAL_FAMILY.match(text) or _GIVEN_PARTICLE_FAMILY.match(text):
            return parse_name(text, given_first=True)
        family_first = _east_asian_family_first(words) or unmarked_vietnamese_name(words)
        if family_first:
            return Name(family=family_first.family, given=family_first.given, raw=text)
        japanese = _japanese_name(words)  # "Haruki Murakami", given name first
        if japanese:
            return japanese
        if _korean_given_first(words):  # "Min Jin Lee", "Won Park"
            return Name(family=words[-1], given=" ".join(words[:-1]), raw=text)
        if (_GIVEN_FAMILY.match(text) and all(is_given_name_anywhere(w.split("-")[0]) for w in words[:-1])
                and not is_given_name(words[-1])):
            return parse_name(text, given_first=True)  # "Barry Wilkinson": a common given name, then a family name
    return Name(literal=text, raw=text)
