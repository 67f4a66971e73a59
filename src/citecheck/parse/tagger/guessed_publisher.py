"""A plain segment the rules guessed was the publisher, settled by the tagger's reading.

The rules take a plain segment after the title for the publisher when they know no better (with
the confidence ``GUESS``). The tagger often knows: the segment is a journal with its volume and
pages ("Ozone Sci., 7:3: 205.", "Langue française, 67-87.", also when the rules cut it at its
abbreviations' full stops: "Cold Spring Harb. Perspect. Med. 2."), a newspaper or journal alone ("The
Times." before "Retrieved from"), a publisher and its place ("Brotherhood of St Laurence,
Melbourne."), a place alone ("Washington, DC."), words a link left behind ("Retrieved on
November 10, 2015 at http://...": "at"), or no publisher at all (a report's series, a page
count). ``settle_guessed_publisher`` reads it so when the tagger is sure enough:
``RELABEL_CONFIDENCE`` for the rules' very words under another label, ``FILL_CONFIDENCE`` for words
the tagger reads otherwise.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .compare import FILL_CONFIDENCE, norm as _norm
from .fields import TaggedFields
from .model import TaggedToken

TAIL_FIELDS = ("container", "volume", "issue", "pages")
GUESS = 0.8  # the rules' confidence in a plain segment taken for the publisher
# how sure the tagger must be that a segment the rules read whole is another field (the same words,
# another label: less to be sure of than words the rules did not read)
RELABEL_CONFIDENCE = 0.7
# ... or, in an entry with a DOI, at all: a DOI names an article far more often than a page an
# organisation published ("... for Veterans. Preventing Chronic Disease. http://doi.org/10.5888/...")
DOI_RELABEL_CONFIDENCE = 0.3
_PAGE_WORDS = frozenset({"p", "pp"})


def settle_guessed_publisher(values: dict, confidence: dict, fields: TaggedFields, tagged: list[TaggedToken]) -> None:
    """Settle the rules' guessed publisher (``values`` and ``confidence`` changed in place)."""
    _retake_parted_journal(values, confidence, fields)
    _retake_tail(values, confidence, fields)
    _retake_container(values, confidence, fields)
    _drop_note_publisher(values, confidence, tagged)
    _part_place(values, confidence, fields)
    _retake_publisher_from_the_note(values, confidence, fields, tagged)
    _drop_unpublished(values, confidence, tagged)


def _retake_tail(values: dict, confidence: dict, fields: TaggedFields) -> None:
    """A plain segment the rules guessed was the publisher, which the tagger confidently reads as
    a journal with volume and pages ("Ozone Sci., 7:3: 205.", "Langue française, 67-87."): the
    tagger's reading wins."""
    if not values.get("publisher") or confidence.get("publisher", 1.0) > GUESS:
        return
    if any(values.get(name) for name in TAIL_FIELDS):
        return
    tail = {n: fields.values[n] for n in TAIL_FIELDS if fields.values.get(n)}
    if "container" not in tail:
        return
    # the tagger parts the rules' very words ("Langue française, 67-87."): less to be sure of
    same_words = _words(tail.values()) == _words([values["publisher"]])
    if fields.confidence.get("container", 0.0) < (RELABEL_CONFIDENCE if same_words else FILL_CONFIDENCE):
        return
    if fields.values.get("publisher") and _norm(fields.values["publisher"]) == _norm(values["publisher"]):
        return
    del values["publisher"], confidence["publisher"]
    if fields.values.get("publisher"):
        values["publisher"] = fields.values["publisher"]
        confidence["publisher"] = round(fields.confidence.get("publisher", 0.0), 3)
    _take(values, confidence, fields, tail)


def _retake_parted_journal(values: dict, confidence: dict, fields: TaggedFields) -> None:
    """A plain segment the rules guessed was the publisher which, with the container, numbers or note
    they read beside it, spells word for word the journal, volume and pages the tagger reads: "Cold
    Spring Harb. Perspect. Med. 2." (the rules' publisher "Cold Spring Harb" and note "Perspect. Med.
    2"), "Píxel-Bit. Revista de Medios y Educación, 48, 67-83." (publisher "Píxel-Bit", container
    "Revista ..."), "Zeitschrift ... Gesellschaft 90. *27*–*30*." (publisher "... 90", container
    "27"). The rules cut a journal at its abbreviations' full stops; the tagger's reading wins, as
    for the same words read whole (``_retake_tail``)."""
    if not values.get("publisher") or confidence.get("publisher", 1.0) > GUESS or fields.values.get("publisher"):
        return
    tail = {n: fields.values[n] for n in TAIL_FIELDS if fields.values.get(n)}
    if "container" not in tail or fields.confidence.get("container", 0.0) < RELABEL_CONFIDENCE:
        return
    theirs = _words(tail.values())
    beside = [n for n in (*TAIL_FIELDS, "note") if values.get(n)]
    for parts in (["publisher", *beside], ["publisher", *beside[:-1]] if beside[-1:] == ["note"] else []):
        if len(parts) > 1 and _words(values[n] for n in parts) == theirs:
            break
    else:
        return
    for name in parts:
        del values[name]
        confidence.pop(name, None)
    _take(values, confidence, fields, tail)


def _take(values: dict, confidence: dict, fields: TaggedFields, tail: dict) -> None:
    """The tagger's ``tail`` fields into the reading, each with the tagger's confidence (an issue: its volume's)."""
    for name, value in tail.items():
        values[name] = value
        confidence[name] = round(fields.confidence.get(name, fields.confidence.get("volume", 0.0)), 3)


def _words(values: Iterable[object]) -> list[str]:
    """The words of ``values`` (as ``_norm`` folds them), sorted, less "p" and "pp" (the tagger's
    pages are their numbers): the same words however parted."""
    return sorted(w for w in _norm(" ".join(map(str, values))).split() if w not in _PAGE_WORDS)


def _retake_container(values: dict, confidence: dict, fields: TaggedFields) -> None:
    """A plain segment the rules guessed was the publisher, which the tagger confidently reads, word
    for word, as the container ("... Black activism, unchurched. The Atlantic. Retrieved from
    http://...", "... tomography. Tectonophysics, doi:10.1016/..."): a journal or a newspaper,
    whatever its volume. The tagger learnt both the outlet an APA web entry names as its container
    and the organisation that published a page, and tells them apart by the words around them; a
    DOI tells it too (``DOI_RELABEL_CONFIDENCE``)."""
    guessed = values.get("publisher")
    if not guessed or confidence.get("publisher", 1.0) > GUESS or values.get("container"):
        return
    theirs = fields.values.get("container")
    least = DOI_RELABEL_CONFIDENCE if values.get("doi") else RELABEL_CONFIDENCE
    if not theirs or _norm(theirs) != _norm(guessed) or fields.confidence.get("container", 0.0) < least:
        return
    values["container"] = values.pop("publisher")
    confidence["container"] = round(fields.confidence["container"], 3)
    del confidence["publisher"]


def _part_place(values: dict, confidence: dict, fields: TaggedFields) -> None:
    """A plain segment the rules guessed was the publisher, whose words the tagger surely reads as
    a publisher and its place ("Brotherhood of St Laurence, Melbourne."), or as a place alone
    ("Washington, DC."): parted so."""
    guessed = values.get("publisher")
    place = fields.values.get("place")
    if not guessed or not place or values.get("place") or confidence.get("publisher", 1.0) > GUESS:
        return
    publisher = fields.values.get("publisher", "")
    sure = min(fields.confidence.get(name, 0.0) for name in (("place", "publisher") if publisher else ("place",)))
    if sure < RELABEL_CONFIDENCE or _norm(guessed) not in (_norm(f"{publisher} {place}"), _norm(f"{place} {publisher}")):
        return
    values["place"], confidence["place"] = place, round(fields.confidence["place"], 3)
    if publisher:
        values["publisher"], confidence["publisher"] = publisher, round(fields.confidence["publisher"], 3)
    else:
        del values["publisher"], confidence["publisher"]


def _drop_note_publisher(values: dict, confidence: dict, tagged: list[TaggedToken]) -> None:
    """A plain segment the rules guessed was the publisher (or read as "Place: Publisher"), which
    the tagger reads as a note: words a link or an access date left behind ("Retrieved on November
    10, 2015 at http://...", "Available: http://..."), a remark ("JCR two-year Impact Factor:
    4.220"). No publisher (nor place)."""
    guessed = values.get("publisher")
    if not guessed:
        return
    parts = ["publisher"] if confidence.get("publisher", 1.0) <= GUESS else ["publisher", "place"]
    if not all(values.get(name) and _read_as_note(tagged, str(values[name])) for name in parts):
        return
    for name in parts:
        del values[name]
        confidence.pop(name, None)


def _read_as_note(tagged: list[TaggedToken], value: str) -> bool:
    tokens = _tokens_of(tagged, value)
    return bool(tokens) and all(t.label == "note" and t.confidence >= RELABEL_CONFIDENCE for t in tokens)


def _tokens_of(tagged: list[TaggedToken], value: str) -> list[TaggedToken]:
    """The tagged tokens that spell ``value`` (its words, as ``_norm`` folds them), the last such run."""
    wanted = _norm(value).split()
    flat = [(word, t) for t in tagged for word in _norm(t.token).split()]
    for i in range(len(flat) - len(wanted), -1, -1):
        if wanted and [w for w, _ in flat[i : i + len(wanted)]] == wanted:
            return list(dict.fromkeys(t for _, t in flat[i : i + len(wanted)]))
    return []


# a guessed publisher the tagger reads (in part) so is no publisher to drop: a publisher, place or
# outlet, or a date (Harvard's "22 January", which the rules read as the date once the tagger is done)
_KEPT_LABELS = frozenset({"publisher", "location", "container", "date"})


_SMALL_WORDS = frozenset("of the and for on in at to a an de la le du des el et der die und für".split())
_DIGIT = re.compile(r"\d")


def written_as_a_name(text: str) -> bool:
    """Every word capitalised but the small ones ("of", "the", "de" ...), and no number: as a name is
    written ("Al Jazeera", "Médecins Sans Frontières"), not a title in sentence case."""
    if _DIGIT.search(text):
        return False
    words = [w.strip(".,;()*_\"“”'") for w in text.split()]
    return all(not w[:1].isalpha() or w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words if w)


def _named_like_an_outlet(text: str) -> bool:
    """Up to five words written as a name is and no question: a name ("Al Jazeera", "The Diplomat",
    "E-International Relations"), not a title's second sentence ("And why should we care?", "Lignes
    directrices relatives ...")."""
    return 0 < len(text.split()) <= 5 and not text.rstrip().endswith(("?", "!")) and written_as_a_name(text)


def _retake_publisher_from_the_note(values: dict, confidence: dict, fields: TaggedFields,
                                    tagged: list[TaggedToken]) -> None:
    """A plain segment the rules guessed was the publisher, before a part of their note the tagger surely
    reads as the publisher and its place ("*Title*. ESRI Research Series No. 77. Dublin: Economic and
    Social Research Institute.", "Rapport de recherche no 3. Montréal: Université du Québec à Montréal."):
    the series is the note, and the note's publisher and place are the entry's. Not when the tagger
    reads any of the guessed words as a publisher or place."""
    guessed, note = values.get("publisher"), values.get("note")
    theirs, place = fields.values.get("publisher"), fields.values.get("place")
    if not guessed or not note or not theirs or confidence.get("publisher", 1.0) > GUESS or values.get("place"):
        return
    # the tagger's very words of the rules' note, under other labels: as sure as for a relabelling
    if min(fields.confidence.get(name, 0.0) for name in (("publisher", "place") if place else ("publisher",))) < RELABEL_CONFIDENCE:
        return
    parts = str(note).split("; ")
    spelt = {_norm(theirs), _norm(f"{place} {theirs}"), _norm(f"{theirs} {place}")} if place else {_norm(theirs)}
    kept = [part for part in parts if _norm(part) not in spelt]
    if len(kept) == len(parts):
        return
    tokens = _tokens_of([t for t in tagged if t.label not in ("url", "doi")], str(guessed))
    if not tokens or any(t.label in ("publisher", "location") for t in tokens):
        return
    values["note"] = "; ".join([str(guessed), *kept])
    confidence["note"] = confidence.get("publisher", GUESS)
    values["publisher"], confidence["publisher"] = theirs, round(fields.confidence["publisher"], 3)
    if place:
        values["place"], confidence["place"] = place, round(fields.confidence["place"], 3)


def _drop_unpublished(values: dict, confidence: dict, tagged: list[TaggedToken]) -> None:
    """A plain segment the rules guessed was the publisher, none of whose words the tagger reads as a
    publisher, a place or an outlet, and all of which it surely reads as something else: a report's
    series ("ESRI Research Series No. 77." before "Dublin: Economic and Social Research Institute"),
    a second sentence of the title, a page count ("..., 17 p."). No publisher, then, but a note (the
    words are the entry's: none is lost); the tagger's may fill the place (``combine._fill``). The words are looked for outside the links, whose
    words ("reuters" in "https://www.reuters.com/...") the tagger reads as a link."""
    guessed = values.get("publisher")
    if not guessed or confidence.get("publisher", 1.0) > GUESS:
        return
    tokens = _tokens_of([t for t in tagged if t.label not in ("url", "doi")], str(guessed))
    if not tokens or any(t.label in _KEPT_LABELS or t.confidence < RELABEL_CONFIDENCE for t in tokens):
        return
    if values.get("title_italic") and any(t.label == "title" for t in tokens):
        return  # the italics end the title: words after them the tagger ran it on into are no title
    if any(t.label == "title" for t in tokens) and _named_like_an_outlet(str(guessed)):
        return  # "Report on trafficking 2019. Al Jazeera. Retrieved from ...": an outlet the tagger ran the title into
    del values["publisher"], confidence["publisher"]
    # no publisher, but words the entry gives: kept as a note, never dropped
    values["note"] = "; ".join([*filter(None, [values.get("note")]), str(guessed)])
    confidence.setdefault("note", round(min(t.confidence for t in tokens), 3))
