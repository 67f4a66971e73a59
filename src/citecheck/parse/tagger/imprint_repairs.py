"""Label repairs of an entry's imprint: its place and publisher where the tagger ran them into the title or a
journal ("... Arab Gulf State New York: Council on Foreign Relations", "Delmar Pub,"), a publisher's initial or
ACS's "Wiley-VCH: Weinheim", a German place's river ("Frankfurt a. M."), and a thesis's genre before its
university. Run in order by ``label_repairs.repaired``.
"""
from __future__ import annotations

import re
from typing import Final

from .model import TaggedToken
from .publisher_place import is_region


_ON_THE_RIVER = frozenset({"a.", "a.d.", "i."})  # German "Frankfurt a. M.", "Halle a. d. Saale", "Freiburg i. Br."


def river_abbreviation_is_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """German places named by their river, "Frankfurt a. M.: Suhrkamp", "Freiburg i. Br.: Herder": the tagger ends the
    title at "Frankfurt a." and reads "M.:" alone as the place. The town and the "a." before a place are the place."""
    for i in range(2, len(tagged)):
        town, mark, river = tagged[i - 2], tagged[i - 1], tagged[i]
        if (river.label == "location" and mark.token in _ON_THE_RIVER and mark.label != "location"
                and town.label == mark.label and town.token[:1].isupper() and town.token[1:].isalpha()):
            return [*tagged[:i - 2], town._replace(label="location"), mark._replace(label="location"), *tagged[i:]]
    return tagged


_NAME_ABBREVIATIONS: Final = frozenset({"St.", "Ste.", "Mt.", "Ft.", "Pt."})  # Saint, Sainte, Mount, Fort, Port


def abbreviated_first_word_goes_with_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Places and publishers named after a saint, a mount or a fort, "St. Louis, Mo.: Concordia", "St. Paul, MN:
    Minnesota Historical Society Press", "New York: St. Martin's Press": the abbreviation's full stop ends a
    chunk, and the tagger left "St." in the title before the place. The abbreviation before a capitalised word
    read as the place or the publisher is that word's; not a place of its own, which a street's "St." ends the
    title before ("Life on Main St. New York: Norton.", "... St. London:")."""
    for i in range(1, len(tagged)):
        mark, name = tagged[i - 1], tagged[i]
        if (mark.token in _NAME_ABBREVIATIONS and name.label in ("location", "publisher") and mark.label != name.label
                and name.token[:1].isupper() and (i < 2 or tagged[i - 2].label != name.label)):
            word = name.token.rstrip(",.:;")
            if word in _PLACE_FIRST_WORDS or (word,) in _PLACES:
                return tagged
            return [*tagged[:i - 1], mark._replace(label=name.label), *tagged[i:]]
    return tagged


_INITIAL_TOKEN = re.compile(r"^[A-Z]\.$")

_PLACE_FIRST_WORDS = frozenset("New San Los Las Santa Saint St. Sankt Hong Tel Cape Buenos Rio Thousand Englewood Den".split())

_PLACE_WORD = re.compile(r"^[A-Z][a-z]+[:,]?$|^(?:[A-Z]\.){2}[:,]?$")  # "York:", "Washington,", "D.C.:"

_REGION = re.compile(r"^(?:(?:[A-Z]\.){2}|[A-Z]{2}):$")  # "D.C.:", "NJ:": a region after its city's comma


_SUBTITLE_ARTICLES: Final = frozenset({"A", "An"})  # a subtitle opens so, hardly a publisher ("A & C Black" aside)


def _subtitle_before_the_publisher(tagged: list[TaggedToken], start: int) -> list[TaggedToken]:
    """"Parallel Program Design: A Foundation, Addison-Wesley, 1988.": the subtitle after the title's colon, opening
    with an article, that the tagger read as the publisher, up to its comma, is the title's (the publisher after it)."""
    end = start
    while end < len(tagged) and tagged[end].label == "publisher":
        if tagged[end].token.endswith(",") and end + 1 < len(tagged) and tagged[end + 1].label == "publisher":
            return [*tagged[:start], *(t._replace(label="title") for t in tagged[start:end + 1]), *tagged[end + 1:]]
        end += 1
    return tagged


def place_before_the_publisher_ending_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"... in the Arab Gulf State New York: Council on Foreign Relations, 1994", "... of Mental Illness
    Washington, D.C.: American Psychological Association 2005.": with no stop after the title, the tagger ran
    it on into the place before the publisher's colon. The word before the colon is the place (two with a
    place's first word, "New York:"), and so is a word with a comma before a region the tagger reads
    ("Washington," before "D.C.:"; not "..., Healthy Church, Ventura: Regal", the title's last word)."""
    if any(t.label == "location" and not t.token.endswith(":") for t in tagged):
        return tagged
    for i in range(1, len(tagged) - 1):
        t = tagged[i]
        if t.label == "title" and t.token.endswith(":") and tagged[i + 1].label == "publisher" and _PLACE_WORD.match(t.token):
            if tagged[i + 1].token in _SUBTITLE_ARTICLES and (t.token[:-1],) not in _PLACES:
                return _subtitle_before_the_publisher(tagged, i + 1)
            first = i - 1 if tagged[i - 1].token in _PLACE_FIRST_WORDS and tagged[i - 1].label == "title" else i
            if first == 0 or tagged[first - 1].label != "title":
                return tagged  # the whole title: no place ran into it
            return [*tagged[:first], *(x._replace(label="location") for x in tagged[first:i + 1]), *tagged[i + 1:]]
        if (t.label == "location" and _REGION.match(t.token) and tagged[i - 1].label == "title"
                and tagged[i - 1].token.endswith(",") and _PLACE_WORD.match(tagged[i - 1].token)
                and i >= 2 and tagged[i - 2].label == "title" and tagged[i + 1].label == "publisher"):
            return [*tagged[:i - 1], tagged[i - 1]._replace(label="location"), *tagged[i:]]
    return tagged


# words that name a publisher, never a place ("Wiley-VCH", "Oxford University Press", "Springer-Verlag")
_PUBLISHER_WORD = re.compile(r"(?:^|-)(?:Wiley|VCH|Springer|Elsevier|Verlag|Press|Publishers?|Publishing|Books|Inc|Ltd"
                             r"|Society|Academic|Pergamon|Dekker|Routledge|Blackwell|Macmillan|McGraw-Hill)\b[.,:]?")


def acs_publisher_before_its_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ACS writes a book's publisher before its place, after a semicolon ("*Solvents in Organic
    Chemistry*, 4th ed.; Wiley-VCH: Weinheim, 2011."), where Chicago writes "Weinheim: Wiley-VCH": a
    place run ending in ":" after a ";", then a publisher run, is the publisher, then the place, when
    the place's words name a publisher ("Wiley-VCH", "Academic Press"; "2 vols.; New York: Norton" stays)."""
    out = list(tagged)
    for i in range(1, len(out)):
        if out[i].label != "location" or out[i - 1].label == "location" or not out[i - 1].token.endswith(";"):
            continue
        colon = i
        while colon < len(out) and out[colon].label == "location" and not out[colon].token.endswith(":"):
            colon += 1
        if colon >= len(out) or out[colon].label != "location" or colon + 1 >= len(out) or out[colon + 1].label != "publisher":
            continue
        if not any(_PUBLISHER_WORD.search(t.token) for t in out[i:colon + 1]):
            continue  # "2 vols.; New York: Norton": a place, as the tagger read it
        end = colon + 1
        while end < len(out) and out[end].label == "publisher":
            end += 1
        out[i:colon + 1] = [t._replace(label="publisher") for t in out[i:colon + 1]]
        out[colon + 1:end] = [t._replace(label="location") for t in out[colon + 1:end]]
    return out


def initial_opens_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"W. W. Norton": an initial the tagger took for a place, right before the publisher, is the
    publisher's first word."""
    out = list(tagged)
    for i in range(len(out) - 1):
        if (out[i].label == "location" and out[i + 1].label == "publisher" and _INITIAL_TOKEN.match(out[i].token)
                and (i == 0 or out[i - 1].label != "location")):
            out[i] = out[i]._replace(label="publisher")
    return out


_PUBLISHER_NAME: Final = re.compile(r"(?:^|-)(?:Wiley|Springer|Elsevier|Verlag|Press|Pr|Publishers?|Publishing|Publications|Pub|Books|Routledge|Scientific|Ltd|Inc|Co"
                             r"|Pergamon|Dekker|Blackwell|Macmillan|McGraw-Hill|Kluwer|Prentice|Addison-Wesley)\b[.,:]?$")

PUBLISHER_UNSURE = 0.7


def publisher_named_so_is_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A book's "..., Delmar Pub, 2010." or "..., Springer-Verlag London, 2012.": words that name a publisher
    ("Pub", "Verlag", "Press", "Springer"), which the tagger unsurely read as a journal or a place before the
    year (the entry has no volume, pages nor publisher), are the publisher; a place after them stays one. A
    journal read surely is one ("Springer Journal of Things, 2012."), unless such a word ends it: IEEE and the
    ACM write a book's publisher and year alone after its title ("Optimization over integers. Athena Scientific,
    2005.", "New Science Library/Shambhala Publications, 1987.", "Natl Academy Pr, 1997.")."""
    if any(t.label in ("publisher", "volume", "pages") for t in tagged):
        return tagged
    for i, t in enumerate(tagged):
        if t.label not in ("container", "location"):
            continue
        if i > 0 and tagged[i - 1].label == t.label:
            return tagged  # the run's first word only
        end = i
        while end < len(tagged) and tagged[end].label == t.label:
            end += 1
        named = next((k for k in range(i, end) if _PUBLISHER_NAME.search(tagged[k].token)), None)
        if named is None or end >= len(tagged) or tagged[end].label != "date" or end - i > 5:
            return tagged
        if t.confidence >= PUBLISHER_UNSURE and (named != end - 1 or t.label != "container"):
            return tagged  # a journal surely read, unless the name ends it ("New Science Library/Shambhala Publications,")
        last = end if t.label == "container" else named + 1  # "Springer-Verlag London,": the place after the name
        return [*tagged[:i], *(x._replace(label="publisher") for x in tagged[i:last]), *tagged[last:]]
    return tagged


_PUBLISHER_READ_INTO: Final = frozenset({"title", "container"})
_PUBLISHER_WORDS_AT_THE_END: Final = 3  # "Springer-Verlag", "John Wiley & Sons,"


def publisher_ending_the_title_is_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A book's publisher the tagger ran the title into: "Fortran 90 Handbook. McGraw-Hill, New York, NY, 1992.",
    "Classical Electrodynamics (Wiley, 1998), 3rd ed.": in an entry with no publisher, the last words of the title
    (or of a journal it read), after the title's full stop or opening bracket, that end in a word naming a
    publisher ("Wiley", "Press", "McGraw-Hill"), before the place or the year, are the publisher."""
    n = len(tagged)
    end = 0
    while end < n:
        label = tagged[end].label
        if label not in _PUBLISHER_READ_INTO:
            end += 1
            continue
        start = end
        while end < n and tagged[end].label == label:
            end += 1
        if end >= n or tagged[end].label not in ("location", "date") or not _PUBLISHER_NAME.search(tagged[end - 1].token):
            continue
        for first in range(end - 1, max(end - 1 - _PUBLISHER_WORDS_AT_THE_END, start), -1):
            opens = tagged[first].token.startswith("(")
            if opens or tagged[first - 1].token.endswith("."):
                if any(t.label == "publisher" for t in tagged):
                    return tagged
                words = [t._replace(label="publisher") for t in tagged[first:end]]
                return [*tagged[:first], *words, *tagged[end:]]
    return tagged


_PUBLISHER_LINKS: Final = frozenset({"&", "and", "of", "und", "et", "y"})  # "Secker & Warburg", "Faber and Faber"
_SENTENCE_CLOSE: Final = re.compile(r"[a-z\d)’'\]*]\.$")  # "eighty-four.", "(2nd ed.).": not an initial's "G."
_IMPRINT_SENTENCE_WORDS: Final = 4  # the most words of a publisher's name ending an APA book


def publisher_sentence_ending_a_sentence_case_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """APA's book without italics, "Orwell, G. (1949). Nineteen eighty-four. Secker & Warburg.": the tagger reads the
    publisher the entry ends with as one more sentence of the title when no publisher's word names it. After the
    date, a title in sentence case (a word of four letters or more in lower case) whose last sentence is a name
    in title case ("Secker & Warburg.", "Faber and Faber.") ending the entry (or before its link) is the publisher."""
    n = len(tagged)
    end = n
    while end > 0 and tagged[end - 1].label in ("url", "doi"):
        end -= 1
    if end < 3 or tagged[end - 1].label != "title" or not tagged[end - 1].token.endswith("."):
        return tagged
    start = end - 1
    while start > 0 and tagged[start - 1].label == "title":
        start -= 1
    if start == 0 or tagged[start - 1].label != "date" or any(t.label == "publisher" for t in tagged):
        return tagged
    cut = end - 1
    while cut > start and not _SENTENCE_CLOSE.search(tagged[cut - 1].token):
        cut -= 1
    if cut == start or end - cut > _IMPRINT_SENTENCE_WORDS:
        return tagged
    name = [t.token.rstrip(".") for t in tagged[cut:end]]
    if not all(w[:1].isupper() and w[1:].replace("-", "").isalpha() or w in _PUBLISHER_LINKS for w in name):
        return tagged
    if not any(t.token[:1].islower() and len(t.token.strip(".,;:")) >= 4 for t in tagged[start:cut]):
        return tagged  # a title in title case: "The Great Gatsby. A Novel." is all title
    return [*tagged[:cut], *(t._replace(label="publisher") for t in tagged[cut:end]), *tagged[end:]]


_COMPANY_WORD: Final = re.compile(r"^(?:Co|Company|Sons|Cie)\.?[,.;:)]?$", re.IGNORECASE)  # "Co.,", "Sons.", "Cie."
_COMPANY_PARTNERS: Final = 3  # the most names before "& Co.": "Longmans, Green, and Co."


def partners_and_company_are_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A publisher named for its partners, "New York: Longmans, Green, and co., 1912.", "Longmans, Green & Co.,
    London", "Houghton, Mifflin & Co.": the commas between the names, which the tagger read as the publisher's end
    (the names after it as a place or more authors), are inside it; the names up to "& Co." are the publisher."""
    n = len(tagged)
    for k in range(2, n):
        if tagged[k - 1].token not in ("&", "and") or not _COMPANY_WORD.match(tagged[k].token):
            continue
        start = k - 1
        while (start > 0 and k - 1 - start < _COMPANY_PARTNERS and tagged[start - 1].token[:1].isupper()
               and not tagged[start - 1].token.endswith((":", ".")) and tagged[start - 1].label in _PARTNER_LABELS):
            start -= 1
        if start == k - 1 or not any(t.label == "publisher" for t in tagged[start:k + 1]):
            return tagged
        if all(t.label == "publisher" for t in tagged[start:k + 1]):
            return tagged
        return [*tagged[:start], *(t._replace(label="publisher") for t in tagged[start:k + 1]), *tagged[k + 1:]]
    return tagged


_PARTNER_LABELS: Final = frozenset({"publisher", "location", "author"})


_THESIS_OPENING = re.compile(r"^(?:M\.S\.|M\.A\.|Ph\.?D\.?|MSc|MA|MS|Master'?s|Master’s|Doctoral|Diplom)$", re.IGNORECASE)

_THESIS_WORD = re.compile(r"^(?:thesis|dissertation|diss\.)[.,]?$", re.IGNORECASE)


def thesis_genre_opening_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"... (in French). M.S. Thesis, University of Montreal, Montreal, Canada. 1969.", MLA's "Diss. University of
    California, Berkeley, 2001.": a thesis's genre that the tagger ran into the university after it is the genre,
    not part of the publisher."""
    for i in range(len(tagged) - 1):
        if (tagged[i].label == "publisher" and tagged[i + 1].label == "publisher" and tagged[i].token.endswith(".")
                and _THESIS_WORD.match(tagged[i].token) and (i == 0 or tagged[i - 1].label != "publisher")):
            return [*tagged[:i], tagged[i]._replace(label="genre"), *tagged[i + 1:]]  # "Diss." alone
    for i in range(len(tagged) - 2):
        if (tagged[i].label == "publisher" and tagged[i + 1].label == "publisher" and _THESIS_OPENING.match(tagged[i].token)
                and _THESIS_WORD.match(tagged[i + 1].token) and tagged[i + 2].label == "publisher"
                and (i == 0 or tagged[i - 1].label != "publisher")):
            return [*tagged[:i], *(t._replace(label="genre") for t in tagged[i:i + 2]), *tagged[i + 2:]]
    return tagged


# places a publisher is written with, as words without their trailing marks: publishing cities, and regions and
# countries written after a publisher ("Springer Berlin,", "Westview Press Boulder,", "Prentice Hall PTR New
# Jersey,", "RBA, Sydney,", "Wageningen Academic Publishers, The Netherlands.")
_PLACES: Final = frozenset(tuple(place.split()) for place in (
    "Amsterdam|Ann Arbor|Athens|Auckland|Austin|Baltimore|Barcelona|Basel|Basingstoke|Beijing|Berkeley|Berlin|Bern"
    "|Bielefeld|Bloomington|Boca Raton|Bologna|Bonn|Boston|Boulder|Bristol|Brussels|Bruxelles|Budapest|Cambridge"
    "|Canberra|Cape Town|Cheltenham|Chicago|Chichester|Copenhagen|Darmstadt|Delhi|Dordrecht|Dresden|Dublin"
    "|Edinburgh|Englewood Cliffs|Firenze|Florence|Frankfurt|Freiburg|Geneva|Genève|Glasgow|Göttingen|Hamburg"
    "|Hannover|Heidelberg|Helsinki|Hillsdale|Hoboken|Hong Kong|Ithaca|Leiden|Leipzig|Lisboa|Lisbon|London|Los Angeles"
    "|Lyon|Madrid|Mahwah|Melbourne|Milan|Milano|Montreal|Montréal|Moscow|München|Munich|New Delhi|New Haven|New York"
    "|Newbury Park|Norwood|Oslo|Oxford|Paris|Philadelphia|Princeton|Roma|Rome|San Diego|San Francisco|Seoul"
    "|Shanghai|Singapore|Stockholm|Stuttgart|Sydney|Thousand Oaks|Tokyo|Toronto|Tübingen|Upper Saddle River|Utrecht"
    "|Vancouver|Vienna|Weinheim|Wien|Wiesbaden|Zürich|Zurich|Pittsburgh|Karlsruhe|Pisa|Hiroshima|Kyoto|Osaka|Prague|Warsaw"
    "|Grand Rapids|Minneapolis|Nashville|Louisville|Downers Grove|Notre Dame|Chapel Hill|Durham|Madison|Urbana"
    "|Indianapolis"
    "|Trenton|Santa Barbara|Santa Clara|Seattle|Atlanta|Orlando|Honolulu|Denver|Dallas|Houston|Montpellier|Nice|Nancy"
    "|New Jersey|California|Massachusetts|England|Scotland|United Kingdom|UK|U.K.|USA|U.S.A.|United States"
    "|Germany|France|Italy|Spain|Switzerland|Austria|The Netherlands|Netherlands|Belgium|Canada|Australia"
    "|New Zealand|Japan|China|India"
).split("|"))
_PLACE_WORDS: Final = 3  # the most words of a place above
_PLACE_LAST_WORDS: Final = frozenset(place[-1] for place in _PLACES)
_PLACE_MARKS: Final = ",.;:"
# words a place after them belongs to: "University of Chicago", "Universidad de Madrid", "Press at Oxford"
_BEFORE_A_NAMED_PLACE: Final = frozenset({"of", "de", "du", "des", "di", "del", "at", "for", "and", "&", "in", "für", "der", "von", "van", "und", "et", "y", "à", "au", "aux", "zu"})

# an institution's words a city after them is part of: "Universität Hamburg", "TU Berlin", "Imperial College London"
_OWNING_A_NAMED_PLACE: Final = ("univ", "college", "institut", "school", "hochschule", "école", "ecole")
_OWNING_BY_NAME: Final = frozenset({"tu", "fu", "lmu", "eth", "epfl", "uni"})


def _place_before(tagged: list[TaggedToken], start: int, end: int) -> int:
    """Where the places that end tagged[start:end] begin (``end`` when none does): a place of the list, or
    several ("Berlin / Heidelberg,", "London, United Kingdom")."""
    if tagged[end - 1].token.rstrip(_PLACE_MARKS) not in _PLACE_LAST_WORDS:
        return end  # most publishers: no place's last word ends them
    while end > start:
        for size in range(min(_PLACE_WORDS, end - start), 0, -1):
            words = tuple(t.token.rstrip(_PLACE_MARKS) for t in tagged[end - size:end])
            if words in _PLACES:
                end -= size
                break
        else:
            if tagged[end - 1].token == "/" and end - 1 > start:
                end -= 1
                continue
            break
    if end < len(tagged) and tagged[end].token == "/":
        end += 1
    return end


def place_ending_the_publisher_is_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Springer Berlin, 1997.", "Prentice Hall, Upper Saddle River, New Jersey", "RBA, Sydney, viewed ...":
    a publishing city or country the tagger ran into the end of the publisher is the place, where the words
    before it name the publisher (not "University of Chicago", "Universite Paris 7"); and so is a publisher
    run of places alone right after the place ("Charles Griffin, London, United Kingdom.")."""
    out = tagged
    start = 0
    n = len(tagged)
    while start < n:
        if tagged[start].label != "publisher":
            start += 1
            continue
        end = start + 1
        while end < n and tagged[end].label == "publisher":
            end += 1
        cut = _place_before(tagged, start, end)
        if cut < end:
            if cut == start:
                keep = start > 0 and tagged[start - 1].label == "location" and tagged[start - 1].token.endswith(",")
            else:  # a place before the publisher is the entry's ("Amsterdam: H.J. Paris.", "Dordrecht: Springer Netherlands")
                before = tagged[cut - 1].token
                keep = (before.lower() not in _BEFORE_A_NAMED_PLACE and not before.endswith("-")
                        and not before.lower().startswith(_OWNING_A_NAMED_PLACE) and before.lower() not in _OWNING_BY_NAME
                        and not any(t.label == "location" for t in tagged[:start]))
            if keep:
                if out is tagged:
                    out = list(tagged)
                out[cut:end] = [t._replace(label="location") for t in tagged[cut:end]]
        start = end
    return out


def city_before_its_region_is_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Belo Horizonte, Brazil: Itatiaia, 1987.", "Naga City, Philippines: Lobel & Tria": a city the tagger read
    as a container (one or two capitalised words ending with a comma), right before a region it reads as
    the place before the publisher's colon, is the place."""
    n = len(tagged)
    for i in range(1, n - 1):
        region = tagged[i]
        if region.label != "location" or tagged[i - 1].label != "container" or tagged[i + 1].label != "publisher":
            continue
        if not region.token.endswith(":") or not is_region(region.token[:-1]) or not tagged[i - 1].token.endswith(","):
            continue
        first = i - 1
        while first > 0 and tagged[first - 1].label == "container":
            first -= 1
        if i - first > 2 or not all(t.token[:1].isupper() for t in tagged[first:i]):
            return tagged
        return [*tagged[:first], *(t._replace(label="location") for t in tagged[first:i]), *tagged[i:]]
    return tagged


def _is_place(words: list[str], codes: bool = True) -> bool:
    """Whether ``words`` (their marks stripped) name a place of the list or a region, or several joined by "&"
    or "and" ("Boston & New York"); with ``codes`` False, not a region's code ("NY", "UK"), which may as well
    be a publisher's ("PUF", "IVP", "CUP")."""
    part: list[str] = []
    for word in [*words, "&"]:
        if word in ("&", "and"):
            if not part or not (tuple(part) in _PLACES or is_region(" ".join(part))
                                and (codes or not (len(part) == 1 and part[0].isupper()))):
                return False
            part = []
        else:
            part.append(word)
    return True


def _city_and_its_region(words: list[str]) -> bool:
    """A city of the list and its region's name or code: "Trenton NJ", "Boulder Colorado"."""
    return len(words) >= 2 and tuple(words[:-1]) in _PLACES and is_region(words[-1])


def _words(tokens: list[TaggedToken]) -> list[str]:
    words = [t.token.lstrip("([").rstrip(_PLACE_MARKS) for t in tokens]
    return [w for w in words if w]  # a colon standing alone: "Paris, France : PUF"


def publisher_read_as_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """The publisher the tagger read as the place: "New York, Macmillan, 1913." (in an entry it reads no
    publisher in: a place of the list, a comma, then the publisher), and "Hamish Hamilton: London." (the place
    after the publisher's colon, which the tagger read the other way round)."""
    n = len(tagged)
    start = next((i for i, t in enumerate(tagged) if t.label == "location"), n)
    if start == 0 or start == n:
        return tagged
    end = start
    while end < n and tagged[end].label == "location":
        end += 1
    if any(t.label == "publisher" for t in tagged):
        if not tagged[end - 1].token.endswith(":") or end >= n or tagged[end].label != "publisher":
            return tagged
        if _is_place(_words(tagged[start:end])):
            return tagged
        last = end
        while last < n and tagged[last].label == "publisher":
            last += 1
        if last - end > 4 or not _is_place(_words(tagged[end:last]), codes=False):
            return tagged
        return [*tagged[:start], *(t._replace(label="publisher") for t in tagged[start:end]),
                *(t._replace(label="location") for t in tagged[end:last]), *tagged[last:]]
    if tagged[start - 1].label != "title" or any(t.label == "location" for t in tagged[end:]):
        return tagged
    comma = next((i for i in range(start, end - 1) if tagged[i].token.endswith(",")), None)
    if comma is None:
        return tagged
    if not _is_place(_words(tagged[start:comma + 1])) or _is_place(_words(tagged[comma + 1:end])):
        return tagged
    if any("," in t.token for t in tagged[comma + 1:end - 1]) or end - comma - 1 > 4:
        return tagged
    return [*tagged[:comma + 1], *(t._replace(label="publisher") for t in tagged[comma + 1:end]), *tagged[end:]]


_MEETING: Final = re.compile(r"^(?:Proc(?:eedings|\.)?|Conf(?:erence|\.)?|Symposium|Workshop|Congress|Meeting|Colloquium)\b",
                             re.IGNORECASE)
_MEETING_OPENINGS: Final = frozenset({"proc", "conf", "symp", "work", "cong", "meet", "coll"})  # asked before the pattern
_CONTAINER_WORDS_BEFORE_A_PLACE: Final = 3  # the least words of a container a place can end


def place_ending_the_container_is_the_place(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"In Proceedings of the Eighth International Joint Conference on Artificial Intelligence, Karlsruhe.",
    "..., Lyon, France. pp 636", "... Three Centuries of Encounters Trenton NJ: Africa World Press": a city or
    country of the list (or a city and its region) the tagger ran into the end of a proceedings' or book's
    title is where it was held or published: after a comma or a sentence's full stop in a meeting's proceedings,
    or before the publisher's colon (not a journal's own city: "Journal of the Chemical Society, London 89"); a
    listed city after a comma before the country goes with it ("..., Lyon, France."), and before the publisher's
    colon a city and its region ("Trenton NJ:") and places after a short book's full stop ("Morphological
    Metatheory. Amsterdam and Philadelphia: Benjamins.") are the place too."""
    n = len(tagged)
    start = 0
    while start < n:
        if tagged[start].label != "container":
            start += 1
            continue
        end = start
        while end < n and tagged[end].label == "container":
            end += 1
        colon = tagged[end - 1].token.endswith(":") and end < n and tagged[end].label == "publisher"
        if not colon and not any(t.token[:4].lower() in _MEETING_OPENINGS and _MEETING.match(t.token) for t in tagged[start:end]):
            start = end  # a journal's own city stays its name's ("Journal of the Chemical Society, London 89")
            continue
        cut = end
        # before the publisher's colon, a sentence's full stop ends a book's title of any length ("In ... (eds.),
        # Morphological Metatheory. Amsterdam and Philadelphia: Benjamins.")
        least = 1 if colon else _CONTAINER_WORDS_BEFORE_A_PLACE
        for size in range(min(4, end - start - least), 0, -1):
            words = _words(tagged[end - size:end])
            before = tagged[end - size - 1].token
            # after a comma, or a sentence's full stop ("Conference. Pittsburgh."; not an abbreviation's: "Proc. Natl.
            # Acad. Sci. USA", "Ann. Naturhist. Mus. Wien"), or before the publisher's colon; no code ("ACM", "WWW")
            stop = before.endswith(",") or before.endswith(".") and len(before) > 6 and before[-2].islower()
            if size > end - start - _CONTAINER_WORDS_BEFORE_A_PLACE and not stop:
                continue  # a short title's words before the colon are its own, but after its full stop
            if words and (_is_place(words, codes=False) or colon and _city_and_its_region(words)) and (stop or colon) \
                    and not before.endswith(("-", ":")):
                if words[0].lower() not in _BEFORE_A_NAMED_PLACE and before.lower() not in _BEFORE_A_NAMED_PLACE:
                    cut = end - size
                    break
        # a city of the list after a comma before the country cut ("..., Lyon, France. pp 6361")
        while (cut < end and cut - start > _CONTAINER_WORDS_BEFORE_A_PLACE and tagged[cut - 1].token.endswith(",")
               and tagged[cut - 2].token.endswith(",") and (tagged[cut - 1].token[:-1],) in _PLACES):
            cut -= 1
        if not colon:
            cut = min(cut, _city_and_region_before(tagged, start, end))
        if cut < end:
            return [*tagged[:cut], *(t._replace(label="location") for t in tagged[cut:end]), *tagged[end:]]
        start = end
    return tagged


_CITY_WORD: Final = re.compile(r"^[A-Z][a-zà-ÿ'’-]+,?$")  # "Abu", "Dhabi,": a city's capitalised word, not a code ("ACM,")
_CITY_WORDS: Final = 3  # the most words of a city before its region


def _city_and_region_before(tagged: list[TaggedToken], start: int, end: int) -> int:
    """Where a city and its region that end a meeting's container tagged[start:end] begin (``end`` when none
    does): IEEE writes where a conference was held as "City, Region," after its name ("in Proc. IEEE Int. Conf.
    Commun. (ICC), Abu Dhabi, UAE, Dec. 2018"), a region's code allowed ("UAE", "CA"), the city's words
    capitalised and after the name's comma ("San Diego, CA, USA,": a state and a country after it)."""
    regions = end
    while regions > end - 2 and tagged[regions - 1].token.endswith(",") and is_region(tagged[regions - 1].token[:-1]):
        regions -= 1  # "Abu Dhabi, UAE,", "San Diego, CA, USA,"
    if regions == end:
        return end
    for size in range(1, _CITY_WORDS + 1):
        first = regions - size
        if first - start < _CONTAINER_WORDS_BEFORE_A_PLACE:
            return end
        city = tagged[first:regions]
        if not all(_CITY_WORD.match(t.token) for t in city) or any(t.token.endswith(",") for t in city[:-1]):
            return end
        if city[-1].token.endswith(",") and tagged[first - 1].token.endswith(","):
            if city[0].token.lower() in _BEFORE_A_NAMED_PLACE or is_region(city[0].token.rstrip(",")):
                return end
            return first
    return end


def place_alone_read_as_the_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A book's "..., trans. Gerald M. Browne. Grand Rapids, 2002.", "Parts I-III. Helsinki 2004.": a place of the
    list alone before the year, no publisher named, which the tagger read as a journal, is the place; an entry
    that names a place, volume or pages besides keeps it ("Journal of the Chemical Society, London 89")."""
    return _place_alone_read_as(tagged, "container")


def place_alone_read_as_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "Disputes and Settlements. Cambridge, 1983.", "trans. D. W. Robertson, Jr. Indianapolis, 1958.", a
    place of the list (or several, "Hamburg und Leipzig,") alone before the year, which the tagger read as the
    publisher, is the place, as ``place_alone_read_as_the_container``."""
    return _place_alone_read_as(tagged, "publisher")


def _place_alone_read_as(tagged: list[TaggedToken], label: str) -> list[TaggedToken]:
    n = len(tagged)
    start = 0
    while start < n and tagged[start].label != label:
        start += 1
    end = start + 1
    while end < n and tagged[end].label == label:
        end += 1
    if start == 0 or end >= n or tagged[end].label != "date" or end - start > _PLACE_WORDS:
        return tagged
    if tagged[end - 1].token.rstrip(_PLACE_MARKS) not in _PLACE_LAST_WORDS:
        return tagged  # (asked first: most runs end in no place's last word)
    if any(t.label in _BESIDES_A_PLACE or t.label == label and k > end for k, t in enumerate(tagged)):
        return tagged
    if label == "container" and any(t.label == "publisher" for t in tagged):
        return tagged
    if not _is_place(_words(tagged[start:end]), codes=False):
        return tagged
    return [*tagged[:start], *(t._replace(label="location") for t in tagged[start:end]), *tagged[end:]]


_BESIDES_A_PLACE: Final = frozenset({"location", "volume", "pages"})


_IMPRINT_PUBLISHER_WORDS: Final = 10  # the most words of a publisher after the place's colon
_AFTER_THE_IMPRINT: Final = frozenset({"date", "pages", "url", "note", "doi", "isbn"})


def place_and_publisher_ending_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's and APA's imprint, "City: Publisher", that the tagger ran into the end of the title or the book:
    "Lexikon des Sozial- und Gesundheitswesens. Köln: Oldenbourg 1992", "*Housing Ireland's essential workers*.
    Dublin: Think-tank for Action on Social Change.", "William Kentridge (Brussels: Société des Expositions ...,
    1998).": a city of the list and its colon, after the title's full stop or opening the imprint's bracket, and
    the words after it up to the run's end (before the date, the pages, a link or the entry's end) are the place
    and the publisher, where the entry has neither."""
    if any(t.label in ("location", "publisher") for t in tagged):
        return tagged
    n = len(tagged)
    for i in range(1, n - 1):
        t = tagged[i]
        if t.label not in ("title", "container") or not t.token.endswith(":"):
            continue
        colon = i
        end = i + 1
        while end < n and tagged[end].label == t.label:
            end += 1
        if end - colon - 1 > _IMPRINT_PUBLISHER_WORDS or end == colon + 1:
            return tagged
        if end < n and tagged[end].label not in _AFTER_THE_IMPRINT:
            return tagged
        for size in (1, 2, 3):
            first = colon - size + 1
            if first < 1 or tagged[first - 1].label != t.label:
                break
            words = [x.token.lstrip("(").rstrip(_PLACE_MARKS) for x in tagged[first:colon + 1]]
            before = tagged[first - 1].token
            opens = tagged[first].token.startswith("(")
            stop = before.endswith((".", "*", "_")) and len(before.rstrip("*_.")) > 3 and before.rstrip("*_.")[-1:].islower()
            if tuple(words) in _PLACES and (opens or stop):
                return [*tagged[:first], *(x._replace(label="location") for x in tagged[first:colon + 1]),
                        *(x._replace(label="publisher") for x in tagged[colon + 1:end]), *tagged[end:]]
        return tagged
    return tagged
