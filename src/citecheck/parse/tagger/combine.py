"""Rules and tagger together: which reading of an entry to trust, field by field.

The rule parser (``parse/references.py``) reads author-date entries ("Lead (Year). Title.
*Container*. <URL>") exactly, and always owns what regular expressions find with
certainty: URLs (repaired, Wayback split), DOIs and access dates. The tagger knows the
shapes the rules do not (Chicago notes-bibliography with the year at the end, chapters
"In ..., edited by", theses, conference papers, numbered IEEE/Vancouver entries, MLA).

``decide`` keeps the rules' reading for the shapes they were written for (web references
with a URL, DOI or markdown italics, and title-first entries) when it *fits* the tagger's:
the rules found a year right after the lead, the tagger labels that year a date, and it
labels the lead as what the rules took it for (names, or the title). Then a plain segment the
rules guessed was the publisher is settled by the tagger (``guessed_publisher``: a journal and its
pages, a newspaper, a publisher and its place, words a link left behind); a title or publisher the
two read differently is the tagger's when it is sure (``TAGGER_WINS``), as is a title the rules
ran on into the editor or the place, and a container with the editors in front; any other field
the two read differently loses confidence; and the tagger fills fields the rules left empty
(editors, pages, edition ...) when it is sure and the text is not already in another field. Otherwise the tagger's reading is used,
with the rules' URLs, DOI and access date. (The year needs no comparison in a rules reading:
``rules_fit`` has already checked that the tagger reads the rules' year as a date.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ...model import Name
from ..names import FOREIGN_ORGANISATION_WORDS, ORGANISATION_WORDS, VIETNAMESE_FAMILY_NAMES, caseless_word, is_organisation
from .compare import FILL_CONFIDENCE, norm as _norm
from ..reference_segments import clean_title, place_publisher, strip_markup
from .fields import TaggedFields, read_fields
from .guessed_publisher import TAIL_FIELDS, settle_guessed_publisher, written_as_a_name
from .model import TaggedToken

NAME_LABELS = frozenset({"author", "editor"})
TITLE_LABELS = frozenset({"title", "date"})
# Fields the tagger may add to a rules reading (the rules leave them empty) and how sure it must be.
FILLABLE = ("editors", "translators", "edition", "pages", "volume", "issue", "container", "publisher", "place")
DISAGREE_FACTOR = 0.75
# Fields of a rules reading the tagger overrides when it is this sure and reads them otherwise
# in one of two ways (``_tagger_wins``): a wholly different segment (the rules took an
# organisation author, a handle or a report number for the title or publisher), or the rules'
# title with a bracketed genre left out ("[Video]", "(Press release)").
TAGGER_WINS = frozenset({"title", "publisher"})
TAGGER_WINS_AT = 0.9
YEAR_UNSURE = 0.6  # below this, the tagger's label of the rules' year does not count against them
_IN_PRESS = re.compile(r"\b(?:in\s+press|forthcoming)\b", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.")
_DIVISION = re.compile(r"(?:chapter|part|section|book|lecture)\s+[\w.]+", re.IGNORECASE)
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_DIGIT = re.compile(r"\d")
# Fields the tagger's reading brings (in the order they are compared and reported).
# (Final: read for every field of every entry; compiled, a Final constant is read directly)
TAGGED_FIELDS: Final = (
    "authors", "editors", "translators", "year", "year_suffix", "no_date", "title", "title_italic", "container", "publisher",
    "place", "volume", "issue", "pages", "edition",
)


@dataclass
class Decision:
    mode: str  # "rules" or "tagger"
    values: dict[str, object]
    confidence: dict[str, float]
    tagged: TaggedFields = field(default_factory=TaggedFields)


def _tokens_in(tagged: list[TaggedToken], start: int, end: int) -> list[TaggedToken]:
    return [t for t in tagged if t.end > start and t.start < end]


def rules_fit(tagged: list[TaggedToken], year_span: tuple[int, int] | None, lead_is_names: bool,
              organisation_lead: bool = False) -> bool:
    """Does the rules' author-date reading agree with the tagger's labels?

    The tagger must read the rules' year as a date (or be unsure of it), and (three quarters of)
    the lead before it as what the rules took it for: names, or for a title-first entry the title. One
    exception: a title-first lead of up to ten words, without a comma, an initial or a handle,
    that the tagger reads as names
    ("Cybersex Trafficking.", which it takes for an organisation) stays the rules' call, when
    what the tagger reads as the title after the year is an organisation's name (or nothing); and
    its mirror: a lead the rules read as an organisation (``organisation_lead``) that the tagger
    reads as a title, when it reads a title after the year too.
    """
    if year_span is None:
        return False
    at_year = _tokens_in(tagged, *year_span)
    in_press = bool(_IN_PRESS.search(" ".join(t.token for t in at_year)))  # a status the tagger never learnt
    # the tagger reads the year as a date, or is unsure what it is ("(n.d.-b).", a title-first
    # entry's "(2021)." that it half takes for the end of the title)
    as_date = sum(t.label == "date" or t.confidence < YEAR_UNSURE for t in at_year)
    if not at_year or (as_date * 2 < len(at_year) and not in_press):
        return False
    lead = [t for t in tagged if t.end <= year_span[0] and t.label != "number"]
    if not lead:
        return True
    wanted = NAME_LABELS if lead_is_names else TITLE_LABELS
    if not lead_is_names and lead[0].label in NAME_LABELS and (len(lead) > 10 or _names_then_title(lead)):
        # "Parisot, Eric. Graveyard Poetry: ... Ashgate, 2013.", "Marin, Louis. Utopics: The
        # Semiological Play of Textual Spaces. 1984.": no title-first entry
        return False
    if sum(t.label in wanted for t in lead) >= 0.75 * len(lead):
        return True
    short_title = len(lead) <= 10 and not any(
        "," in t.token or "@" in t.token or "[" in t.token or _INITIAL.fullmatch(t.token) for t in lead
    )
    # (a genre the tagger half reads is a title too: "Oxfam (2019) Annual report 2019. Available at: ...")
    after = " ".join(_title_after(tagged, year_span[1]))
    if organisation_lead and all(t.label in NAME_LABELS | TITLE_LABELS for t in lead):
        # an organisation the rules read as the author, the tagger as a title-first entry's title:
        # the rules' call when the tagger reads another title after the year ("Intergovernmental
        # Panel on Climate Change. (2021). *Climate change 2021 ...*"), which no entry has twice
        return bool(after) and not _organisation_named(after)
    if not (not lead_is_names and short_title and all(t.label in NAME_LABELS | TITLE_LABELS for t in lead)):
        return False
    # ... unless the tagger reads a title after the year that is no organisation's name: then the
    # lead is the author ("Shelter (n.d.) *Hidden homelessness*", "Greenpeace UK. n.d. "Plastic ..."");
    # not a lead in sentence case, which no English name is, before a site's name ("North Korean defectors. (2020).
    # The Diplomat. URL"; "République française (2002). Charte départementale ..." is a body's)
    return (not after or _organisation_named(after) or _REFERENCE_WORK.match(after) is not None
            or _sentence_cased([t.token for t in lead]) and _site_named(after))


_SMALL_WORDS: Final = frozenset("and the for from with into over under about than then".split())


_SITE_WORDS: Final = 4  # the most words of a site's or an outlet's name ("The Diplomat", "The Conversation")


def _site_named(text: str) -> bool:
    """A short name written as a name is, as a site's: "The Diplomat" (not "Charte départementale des éoliennes")."""
    return 0 < len(text.split()) <= _SITE_WORDS and written_as_a_name(text)


def _sentence_cased(words: list[str]) -> bool:
    """A title's words in sentence case, "North Korean defectors.", "Human trafficking in China": capitalised first,
    then a word of four letters or more in lower case, which no name has ("Médecins sans frontières" is written so
    in French, and is an organisation's name by its words)."""
    bare = [w.strip(".,;:()*_\"“”'‘’") for w in words]
    if len(bare) < 2 or not bare[0][:1].isupper():
        return False
    lower = any(len(w) >= 4 and w.isalpha() and w.islower() and w not in _SMALL_WORDS for w in bare[1:])
    return lower and not is_organisation(" ".join(bare))


# "In Wikipedia", "In Encyclopaedia Britannica": not a title after the year but the work a title-first entry is in
# (APA's "Plate tectonics. (2021). In Wikipedia. URL", whose lead the tagger reads as an organisation)
_REFERENCE_WORK: Final = re.compile(
    r"in\s+(?:the\s+)?(?:\w+\s+){0,3}(?:wikipedia|wiktionary|encyclop(?:a|ae|æ)dia|dictionary|britannica)\b", re.IGNORECASE)


def _title_after(tagged: list[TaggedToken], start: int) -> list[str]:
    """The words the tagger reads as a title or genre after the year, with a year it reads as a date
    inside their sentence ("Annual Review 2018.": a title with a number, which no organisation's name is)."""
    words: list[str] = []
    for t in tagged:
        if t.start < start:
            continue
        if t.label in ("title", "genre") or t.label == "date" and words and not words[-1].endswith("."):
            words.append(t.token)
    return words


def _names_then_title(lead: list[TaggedToken]) -> bool:
    """The tagger reads the lead as names ending at a full stop, then a title: "Marin, Louis." then
    "Utopics: ...", "A Cantor." then "Windows Macros FAQ." (a lead wholly of names is another case:
    see ``rules_fit``)."""
    names = 0
    while names < len(lead) and lead[names].label in NAME_LABELS:
        names += 1
    return (2 <= names < len(lead) and lead[names - 1].token.endswith(".")
            and all(t.label == "title" for t in lead[names:]))


def organisation_lead(values: dict[str, object]) -> bool:
    """Do the rules read the lead as one organisation ("World Tourism Organization (UNWTO)")?"""
    authors = values.get("authors")
    if not isinstance(authors, tuple) or len(authors) != 1:
        return False
    literal = getattr(authors[0], "literal", "")
    return bool(literal) and _organisation_name(_BRACKETED.sub(" ", str(literal)))


def has_names(values: dict[str, object]) -> bool:
    """Does the rules' lead give names: authors, editors, or translators ("Wilson, Emily, trans.")?"""
    return bool(values.get("authors") or values.get("editors") or values.get("translators"))


def web_shaped(text: str, values: dict[str, object]) -> bool:
    """The shapes the rules were written for: a web reference (URL, DOI, markdown italics) or a
    title-first entry."""
    title_first = bool(values.get("title")) and not has_names(values)
    return bool(values.get("urls") or values.get("doi") or "*" in text or title_first)


def rules_may_win(
    text: str, tagged: list[TaggedToken], values: dict[str, object], year_span: tuple[int, int] | None
) -> bool:
    """Could ``decide`` keep the rules' reading, whatever they read after the lead? Known before that
    reading (``values`` holds the URLs, DOI and names): an entry with names is web-shaped only by
    its URLs, DOI or italics, and no reading is kept that does not fit the tagger's."""
    names = has_names(values)
    if names and not (values.get("urls") or values.get("doi") or "*" in text):
        return False
    return rules_fit(tagged, year_span, names, organisation_lead(values))


def decide(
    text: str, tagged: list[TaggedToken], values: dict[str, object], confidence: dict[str, float],
    year_span: tuple[int, int] | None,
) -> Decision:
    """The values and confidences to keep for an entry whose rule reading is ``values`` and which the
    tagger read as ``tagged`` (``load_tagger().tag(text)``)."""
    fields = read_fields(tagged)
    names = has_names(values)
    if (web_shaped(text, values) and rules_fit(tagged, year_span, names, organisation_lead(values))
            and not _journal_article(values, fields)):
        return _rules_reading(values, confidence, fields, text, tagged)
    return _tagger_reading(values, confidence, fields)


def _journal_article(values: dict, fields: TaggedFields) -> bool:
    """The tagger surely reads a journal and its volume or pages where the rules read none of them
    ("... Geomorphology 132 : 208–221. DOI: ..."): an article, whose reading is the tagger's."""
    if any(values.get(name) for name in TAIL_FIELDS):
        return False
    found, sure = fields.values, fields.confidence
    tail = [name for name in ("volume", "pages") if found.get(name)]
    return bool(found.get("container") and tail) and min(
        sure.get(name, 0.0) for name in ("container", *tail)) >= FILL_CONFIDENCE


def _rules_reading(values: dict, confidence: dict, fields: TaggedFields, text: str = "",
                   tagged: list[TaggedToken] | None = None) -> Decision:
    values, confidence = dict(values), dict(confidence)
    tagged = tagged or []
    settle_guessed_publisher(values, confidence, fields, tagged)
    for name, value in list(values.items()):
        if name not in TAGGED_FIELDS or name == "year" or name not in confidence or not value or isinstance(value, bool):
            continue
        other = fields.values.get(name)
        if other and _norm(other) != _norm(value):
            sure = fields.confidence.get(name, 0.0)
            if name == "container" and sure >= FILL_CONFIDENCE and _editors_before(value, other, fields):
                values[name] = other  # "In O. Ashenfelter & D. Card (Eds.), *Handbook ...*": the book alone
                confidence[name] = round(sure, 3)
            elif name in TAGGER_WINS and not _sentence_case_lead_kept(name, values, value, other) and (
                    sure >= TAGGER_WINS_AT and _tagger_wins(name, value, other)
                    or name == "title" and _title_ran_on(value, other, _as_read(tagged, fields), sure)):
                values[name] = other  # where the title ends and who published it: the tagger, when sure
                confidence[name] = round(sure * DISAGREE_FACTOR, 3)
                if name == "title":
                    _lead_is_author(values, confidence, fields, value)
                    _keep_genre(values, confidence, str(value), str(other))
            else:
                confidence[name] = round(confidence[name] * DISAGREE_FACTOR, 3)
    _fill(values, confidence, fields, text)  # after the title's end is settled: what it gave up is free
    _drop_repeated_note(values, confidence)
    _genre_is_no_publisher(values, confidence)
    _link_label_is_no_outlet(values, confidence)
    return Decision("rules", values, confidence, fields)


def _sentence_case_lead_kept(name: str, values: dict, rules: object, tagger: object) -> bool:
    """A title-first entry's title in sentence case stays the rules' where the tagger reads the lead as the author
    and a title elsewhere, none of its words shared: "North Korean defectors. (2020). The Diplomat. URL" is a page
    titled so on The Diplomat (no name is written in sentence case), not a body's page titled "The Diplomat"."""
    if name != "title" or has_names(values):
        return False
    return (not set(_norm(rules).split()) & set(_norm(tagger).split()) and _sentence_cased(str(rules).split())
            and _site_named(str(tagger)))


def _fill(values: dict, confidence: dict, fields: TaggedFields, text: str) -> None:
    """The ``FILLABLE`` fields the rules left empty, from the tagger when it is sure and the words
    are not already in another field."""
    used = [_norm(v) for k, v in values.items() if v and k in TAGGED_FIELDS and not isinstance(v, bool)]
    for name in FILLABLE:
        candidate = fields.values.get(name)
        conf = fields.confidence.get(name, fields.confidence.get("volume", 0.0) if name == "issue" else 0.0)
        if values.get(name) or not candidate or conf < FILL_CONFIDENCE:
            continue
        norm = _norm(candidate)
        # a translator the rules misread ("Translated by H. M. Parshley" as the publisher, which the
        # tagger then corrects) is still the translator; only another role of the same names is not
        taken = used if name != "translators" else [_norm(values.get(k, ())) for k in ("authors", "editors")]
        if name != "edition" and _already_read(norm, taken, text):  # an edition's "2" is in any year
            continue
        values[name] = candidate
        confidence[name] = round(conf, 3)
        used.append(norm)


def _already_read(norm: str, taken: list[str], text: str) -> bool:
    """Do the rules' fields hold the words ``norm`` already? Not when the entry gives them more often
    than those fields do: "*Dublin's Georgian squares*. 2nd edn. Dublin: Four Courts" names Dublin
    twice, once in the title and once as the place."""
    if not norm or any(u and u != norm and u in norm for u in taken):
        return bool(norm)
    holders = [u for u in taken if u and norm in u]
    if not holders:
        return False
    word = re.compile(rf"(?<!\w){re.escape(norm)}(?!\w)")
    return len(word.findall(_norm(text))) <= sum(len(word.findall(u)) for u in holders)


def _keep_genre(values: dict, confidence: dict, rules_title: str, title: str) -> None:
    """The bracketed genre the tagger's title leaves out ("(PhD thesis)", "[Video]") is a note, which
    the entry's type is read from."""
    left_out = [g.strip("[]() ") for g in _BRACKETED.findall(rules_title) if _norm(g) not in _norm(title)]
    if left_out:
        values["note"] = "; ".join([*filter(None, [values.get("note")]), *left_out])
        confidence.setdefault("note", 0.8)


def _drop_repeated_note(values: dict, confidence: dict) -> None:
    """A note, or a part of one between semicolons, whose every word another field now holds ("Oslo:
    Fjord Institute" once the place and publisher are read) says nothing new."""
    note = str(values.get("note", ""))
    if not _norm(note):
        return
    held = set(" ".join(_norm(values.get(k, "")) for k in ("title", "container", "publisher", "place")).split())
    parts = [p for p in note.split("; ") if not set(_norm(p).split()) <= held]
    if not parts:
        del values["note"]
        confidence.pop("note", None)
    elif len(parts) < len(note.split("; ")):
        values["note"] = "; ".join(parts)


_UNPUBLISHED = re.compile(r"^(?:unpublished\s+)?(?:manuscript|preprint|typescript|mimeo(?:graph)?)$", re.IGNORECASE)


def _genre_is_no_publisher(values: dict, confidence: dict) -> None:
    """"Merging databases under constraints. Manuscript, 1995.", "... Preprint, 1996.": a work's state,
    read as its publisher, names none; it is a note."""
    publisher = str(values.get("publisher") or "")
    if not _UNPUBLISHED.match(publisher.strip(" .,;:")):
        return
    values["publisher"] = ""
    confidence.pop("publisher", None)
    values["note"] = "; ".join([*filter(None, [str(values.get("note") or "")]), publisher.strip(" .,;:")])
    confidence.setdefault("note", 0.8)


_LINK_LABEL = re.compile(r"^(?:available(?:\s+(?:at|from|online))?|online|url|retrieved(?:\s+from)?)$", re.IGNORECASE)


def _link_label_is_no_outlet(values: dict, confidence: dict) -> None:
    """"... Chreods [Online], 4, 1–14. Available: http://...": the label before a link, read as the publisher
    or the container, names neither."""
    for name in ("publisher", "container"):
        if _LINK_LABEL.match(str(values.get(name) or "").strip(" .,;:[]()")):
            values[name] = ""
            confidence.pop(name, None)


def _lead_is_author(values: dict, confidence: dict, fields: TaggedFields, lead: object) -> None:
    """The rules took an entry's lead for its title ("Shelter (n.d.) *Hidden homelessness*"),
    the tagger read the title elsewhere and the lead as the author: the author is the tagger's."""
    authors = fields.values.get("authors")
    if values.get("authors") or not authors:
        return
    words = set(_norm(authors).split())
    if words and words <= set(_norm(lead).split()):
        values["authors"] = authors
        confidence["authors"] = round(fields.confidence.get("authors", 0.0) * DISAGREE_FACTOR, 3)


def _organisation_read_as_title(kept: dict, kept_conf: dict, values: dict, confidence: dict, fields: TaggedFields) -> None:
    """The rules read the lead as a body named in another language, the tagger (which knows few such names)
    as the title: "Organización Mundial de la Salud. (2021). *Saneamiento*. Ginebra: OMS." The author is the
    rules'; the italic work the tagger took for a container is then the title (below), or its next title run
    is, less the place and publisher it ran on into ("*Saneamiento*. Ginebra: Organización Mundial de la Salud.")."""
    ours = values.get("authors")
    if kept.get("authors") or not ours or len(ours) != 1 or not ours[0].literal or not kept.get("title"):
        return
    literal = ours[0].literal
    if _norm(literal) != _norm(kept["title"]) or not any(w.lower() in FOREIGN_ORGANISATION_WORDS for w in literal.split()):
        return  # an English body's name the tagger knows: where it reads a title ("Guidelines on International ..."), it is one
    titles = [(text, conf) for label, text, conf, _start, _end in fields.runs if label == "title"]
    if not kept.get("container") and len(titles) < 2:
        return
    kept["authors"] = ours
    kept_conf["authors"] = confidence.get("authors", 0.7)
    del kept["title"]
    kept_conf.pop("title", None)
    if kept.get("container"):
        return
    head, _, tail = strip_markup(titles[1][0]).strip().rstrip(" .").rpartition(". ")
    imprint = place_publisher(tail) if head else None
    kept["title"], _ = clean_title(head if imprint else strip_markup(titles[1][0]))
    kept_conf["title"] = round(titles[1][1] * DISAGREE_FACTOR, 3)
    if imprint is not None and not kept.get("place") and not kept.get("publisher"):
        kept["place"], kept["publisher"] = imprint
        kept_conf["place"] = kept_conf["publisher"] = kept_conf["title"]


def _names_read_as_title(kept: dict, kept_conf: dict, values: dict, confidence: dict, fields: TaggedFields) -> None:
    """The tagger took the rules' authors, or all but the first, for the title: names in a script or an
    order it does not know (Hebrew "לוי, ר' ומזרחי, ש'", Vietnamese "Phạm Minh Đức, Hoàng Thu Hà và Vũ Quang
    Huy", family names first). Every word of its title is a word of the names the rules read from the
    lead: the authors are the rules', the title the tagger's next title (or the rules')."""
    ours = values.get("authors")
    if not ours or not all(_unfamiliar_name(n) for n in ours):
        return
    title = _norm(kept.get("title", ""))
    if not title:
        return
    named = {_without_attached_and(w) for n in ours for w in _norm(n.raw or n.literal).split()}
    words = [_without_attached_and(w) for w in title.split() if w not in _JOINING_WORDS]
    if not words or not all(w in named for w in words):
        return
    titles = [(text, conf) for label, text, conf, _start, _end in fields.runs if label == "title"]
    kept["authors"] = ours
    kept_conf["authors"] = confidence.get("authors", 0.7)
    if len(titles) > 1:
        kept["title"], _ = clean_title(strip_markup(titles[1][0]).strip(" ,;:"))
        kept_conf["title"] = round(titles[1][1] * DISAGREE_FACTOR, 3)
    else:
        kept["title"] = values.get("title") or ""
        kept_conf["title"] = confidence.get("title", 0.5)


_JOINING_WORDS = frozenset("and & và".split())


def _unfamiliar_name(name: Name) -> bool:
    """A person's name in a script without capitals (Hebrew, Arabic) or a Vietnamese one, family name first."""
    family = name.family.split()
    return bool(family) and not name.literal and (caseless_word(family[0]) or family[0].lower() in VIETNAMESE_FAMILY_NAMES)


def _without_attached_and(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "\u05d5\u0648" else word


def _organisation_name(text: str) -> bool:
    """Short enough to be a name and an organisation's by its words ("International Justice
    Mission", "UNODC"); ``is_organisation`` also takes any five words for one, as an author field
    may, but a title of five words is no organisation."""
    words = [w.strip(".,;:()*_\"“”'") for w in text.split()]
    if len(words) == 1:
        return is_organisation(words[0])
    return len(words) <= 8 and any(w.lower() in ORGANISATION_WORDS for w in words)


def _organisation_named(text: str) -> bool:
    """``_organisation_name``, written as a name is: every word but the small ones capitalised, no
    colon and no number. "Annual review of our work", "Cholera: Treatment centres and oral
    vaccination", "Annual Review 2018" hold an organisation's word ("review", "centres"), but are
    titles (read as the publisher, a title-first entry lost its title and its author)."""
    return (":" not in text and _organisation_name(text) and written_as_a_name(text)
            and _OCCASION_TITLE.match(text) is None)


# what was said where, a title however its words are capitalised: "Speech at the World Health Assembly",
# "Address to the Nation", "Remarks at the Summit of the Americas" (no organisation's name opens so)
_OCCASION_TITLE: Final = re.compile(
    r"(?:Speech|Remarks|Address|Statement|Keynote|Lecture|Testimony|Talk|Presentation)\s+(?:at|to|on|before|for)\s",
    re.IGNORECASE)


def _tagger_wins(name: str, rules: object, tagger: object) -> bool:
    """Does the tagger's reading of ``name`` replace the rules' (see ``TAGGER_WINS``)?

    Not when the two overlap otherwise: a title the tagger cuts at a year or a sentence, or
    runs on into the publisher, is the tagger's mistake more often than the rules'. Nor when
    the tagger's title is an organisation's name (a title-first entry's publisher)."""
    ours, theirs = _norm(rules), _norm(tagger)
    if not set(ours.split()) & set(theirs.split()):
        return name != "title" or not _organisation_name(str(tagger))
    if name == "title" and theirs.startswith(ours + " ") and (
            str(rules).rstrip().endswith(("?", "!")) or _DIVISION.fullmatch(str(rules).strip())):
        # "Who Benefits? Community Funds ...", "Chapter 29. Intergenerational mobility ...": the
        # rules ended the title at its question, or at the number of the chapter it names
        return True
    return name == "title" and _norm(_BRACKETED.sub(" ", str(rules))) == theirs


_EDITOR_WORDS = frozenset("in ed eds editor editors edited by and".split())


def _editors_before(rules: object, tagger: object, fields: TaggedFields) -> bool:
    """Is the rules' container the tagger's with the editors in front ("In O. Ashenfelter & D. Card
    (Eds.), *Handbook of labor economics* (Vol. 3, pp. 1761–1800)" read as one container)?"""
    ours, theirs = _norm(rules), _norm(tagger)
    editors = fields.values.get("editors")
    if not editors or not theirs or not ours.endswith(" " + theirs):
        return False
    names = set(" ".join(_norm(n.raw or n.family or n.literal) for n in editors).split())
    before = ours[: -len(theirs)].split()
    return bool(before) and all(w in names or w in _EDITOR_WORDS for w in before)


RAN_ON_LABELS = frozenset({"editor", "translator", "location", "publisher", "date", "container", "genre", "edition"})
RAN_ON_CONFIDENCE = 0.85
# the tagger's title, when the words the rules ran on into are that sure: less than ``TAGGER_WINS_AT``,
# since where it ends is what the sure labels after it say ("..., Maryknoll: Orbis, 2012.")
RAN_ON_TITLE_SURE = 0.7


def _as_read(tagged: list[TaggedToken], fields: TaggedFields) -> list[TaggedToken]:
    """The tokens with the labels their fields were read from (the label repairs')."""
    runs = fields.runs
    out, r = [], 0
    for t in tagged:
        while r < len(runs) and runs[r][4] <= t.start:
            r += 1
        out.append(t._replace(label=runs[r][0]) if r < len(runs) and runs[r][3] <= t.start else t)
    return out


_ROLE_MARKS = frozenset({"ed.", "eds.", "edited", "trans.", "translated"})
ROLE_MARK_SURE = 0.95


def _title_ran_on(rules: object, tagger: object, tagged: list[TaggedToken], sure: float) -> bool:
    """Did the rules' title run on past the title the tagger reads into what the tagger surely
    reads as other fields? A title-first entry whose year ends it: "Négociations ... de Limoges.
    Edited by Louis Paris. Paris, 1841.", "Mechanical Behaviour of Offshore Pipeline ..., ACEC
    Conference, Pattaya, Thailand, 1213 March 2009 (2009)." (where the tagger's title is cut short
    of the rules' at an unsure word, the rules keep it). The tagger's title must be sure
    (``RAN_ON_TITLE_SURE``) unless the run-on opens with an editor's or translator's mark it surely
    reads ("Spirits in Culture, History and Mind. Eds. Jeannette Marie Mageo ...")."""
    ours, theirs = _norm(rules), _norm(tagger)
    if not theirs or not ours.startswith(theirs + " "):
        return False
    title = [t for t in tagged if t.label == "title"]
    if not title:
        return False
    # the tokens after the tagger's title, as far as the rules' title goes
    rest_words = len(ours.split()) - len(theirs.split())
    after = [t for t in tagged if t.start >= title[-1].end]
    run_on, words = [], 0
    for t in after:
        if words >= rest_words:
            break
        run_on.append(t)
        words += len(_norm(t.token).split())
    if sure < RAN_ON_TITLE_SURE and not (run_on and run_on[0].token.lower() in _ROLE_MARKS
                                         and run_on[0].confidence >= ROLE_MARK_SURE):
        return False
    if run_on and all(t.label == "date" for t in run_on) and any(
            t.label == "date" for t in tagged if t.start >= run_on[-1].end):
        return False  # "Annual report on human rights 2019. (2016)": a year of the title's, the entry's after it
    # names after a role mark the tagger surely reads are the editors whoever labelled them (a label
    # repair reads the names it took for more title so, "Eds. Jeannette Marie Mageo and Alan Howard.")
    marked = bool(run_on) and run_on[0].token.lower() in _ROLE_MARKS and run_on[0].confidence >= RAN_ON_CONFIDENCE
    return bool(run_on) and all(t.label in RAN_ON_LABELS and (
        t.confidence >= RAN_ON_CONFIDENCE or marked and t.label == run_on[0].label) for t in run_on)


# words a link, an access date or a medium leaves in a note: the URL, the access date and the type hold them
_LINK_NOTE_WORDS = frozenset("""retrieved from at on available accessed access viewed consulted last modified url
online internet web print pdf archived original the of in via date cited wayback machine link here""".split())
_MONTH_WORD = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$")


def _kept_notes(fields: TaggedFields) -> list[str]:
    """The notes the tagger reads that say something the entry's other fields do not: not the words a
    link, an access date or a medium leaves ("Retrieved January 2, 2014, from", "[Online]. Available:",
    "Accessed 26 July 2024.", "Archived from the original on ...")."""
    kept = []
    for text in fields.values.get("note_text", []):
        plain = strip_markup(str(text)).strip(" .,;:()[]")
        words = [w.strip(".,;:()[]\"“”'") for w in plain.split()]
        if any(w and not _DIGIT.search(w) and w.lower() not in _LINK_NOTE_WORDS and not _MONTH_WORD.match(w.lower())
               for w in words):
            kept.append(plain)
    return kept


def _tagger_reading(values: dict, confidence: dict, fields: TaggedFields) -> Decision:
    kept = {k: v for k, v in values.items() if k in ("urls", "doi", "isbn", "accessed", "doi_fragment", "origdate")}
    kept_conf = {k: v for k, v in confidence.items() if k in ("urls", "doi", "isbn", "accessed")}
    for name in TAGGED_FIELDS:
        if name in fields.values and fields.values[name] not in ("", (), None):
            kept[name] = fields.values[name]
    for name, conf in fields.confidence.items():
        if name in TAGGED_FIELDS and kept.get(name) not in (None, "", ()):
            kept_conf[name] = round(conf, 3)
    _organisation_read_as_title(kept, kept_conf, values, confidence, fields)
    if (not kept.get("title") and kept.get("container") and not any(kept.get(k) for k in ("issue", "pages"))
            and (not kept.get("volume") or kept.get("publisher"))):
        # "J. Smith, *Gauges*. New York: Wiley, 2001.": a lone italic work with no journal's
        # volume or pages is the title of a book, not a container (APA's "*Title* (Vol. 2). Routledge."
        # gives a book's volume and its publisher)
        kept["title"] = kept.pop("container")
        if "container" in kept_conf:
            kept_conf["title"] = kept_conf.pop("container")
    _names_read_as_title(kept, kept_conf, values, confidence, fields)
    notes = [fields.values.get("genre")] if fields.values.get("genre") else []
    notes += _kept_notes(fields)
    if notes:
        kept["note"] = "; ".join(str(n) for n in notes)
        kept_conf["note"] = round(fields.confidence.get("genre", 0.5), 3)
    kept["genre"] = fields.values.get("genre", "")
    _genre_is_no_publisher(kept, kept_conf)
    _link_label_is_no_outlet(kept, kept_conf)
    return Decision("tagger", kept, kept_conf, fields)
