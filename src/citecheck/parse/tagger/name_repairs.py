"""Label repairs of an entry's people: where the names end and the title begins (Vancouver's
"Holick MF. Vitamin D ..."), given names the tagger took for a date or a title, editors and their marks,
and organisations leading an entry. Run in order by ``label_repairs.repaired``.
"""
from __future__ import annotations

import re
from typing import Final

from ..given_names import is_given_name_anywhere
from ..names import is_organisation
from .model import TaggedToken
from .repair_tokens import ASCII_DIGIT, EDITORS_AFTER, FAMILY_NAME_COMMA, INITIAL_MARK, YEAR_TOKEN


def organisation_before_a_quoted_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's web page of an organisation with no date: "University of St Andrews. "Universal Short
    Title Catalogue." Accessed March 3, 2023. https://...", all read as the title: an organisation's name
    ending at its full stop, before a title in quotes or italics that opens the entry's title run, is
    its author."""
    if not tagged or tagged[0].label != "title" or any(t.label in ("author", "editor") for t in tagged):
        return tagged
    for k in range(1, min(len(tagged), 12)):
        if tagged[k].label not in ("title", "container"):
            return tagged
        if tagged[k].token[:1] in "\"“‘*_" and tagged[k - 1].token.endswith(".") and len(tagged[k].token) > 1:
            lead = " ".join(t.token for t in tagged[:k]).rstrip(".")
            if not is_organisation(lead) or any(ch in lead for ch in "\"“”*_:?!"):
                return tagged
            out = [*(t._replace(label="author") for t in tagged[:k]), *tagged[k:]]
            if tagged[k].label == "container":  # "War Memorial of Korea. *Exhibition Guide*. Seoul: ...": the title
                end = k
                while end < len(out) and out[end].label == "container":
                    end += 1
                out[k:end] = [t._replace(label="title") for t in out[k:end]]
            return out
        if tagged[k].label != "title":
            return tagged
    return tagged


def given_name_before_bracketed_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Wikipedia's "Doe, Jane (15 July 2019)": words after an author's "Family," and before the
    bracketed date, tagged as date ("Jane", "June" looks like a month), are the given name; so are those
    it unsurely tagged as the title after a given name's abbreviation ("Rahman, Md. Abdur (15 April 2022).")."""
    out = list(tagged)
    for i in range(1, len(out)):
        if out[i].label not in ("date", "title") or out[i - 1].label != "author":
            continue
        if not out[i - 1].token.endswith(",") and not (
                out[i].label == "title" and i >= 2 and out[i - 2].label == "author" and out[i - 2].token.endswith(",")
                and _GIVEN_ABBREVIATION.match(out[i - 1].token)):
            continue
        j = i
        while (j < len(out) and j - i < 3 and out[j].label == out[i].label and out[j].token.isalpha() and out[j].token[:1].isupper()
               and (out[j].label == "date" or out[j].confidence < UNSURE_GIVEN)):
            j += 1
        if i < j < len(out) and out[j].label == "date" and out[j].token.startswith("("):
            out[i:j] = [tok._replace(label="author") for tok in out[i:j]]
        break
    return out


_GIVEN_ABBREVIATION = re.compile(r"^(?:Md|Mohd|Muh|Wm|Chas|Geo|Jas|Jno|Thos|Th)\.$")  # "Md. Abdur", "Wm. Henry"
UNSURE_GIVEN = 0.7


_GIVEN_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’]*(?:-[^\W\d_][^\W\d_'’]*)?|(?:[^\W\d_]\.-?){1,3})$")


def _capitals_word(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def given_name_before_the_colon(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """DIN 1505's "KEMFERT, Claudia: *Das fossile Imperium*" and "MÜLLER, Karl ; WEBER, Anna: Speicherbedarf": the
    one word after a name's "Family," and before the colon (a given name or initials), tagged as the title's first
    word, is the given name. Only where the family name opens the entry or follows DIN's " ; " ("Little, Graham,
    Friendship: Being Ourselves" has its given name before the title). A family name of several words is in
    capitals ("VAN DER BERG, Jan: Dutch water"); a given name that is a month's ("Jan:") may be tagged the date."""
    if len(tagged) < 4 or tagged[0].label != "author":
        return tagged
    i = 1
    while i < len(tagged) and tagged[i].label == "author":
        i += 1
    if i + 1 >= len(tagged) or tagged[i].label not in ("title", "date") or tagged[i + 1].label != "title":
        return tagged
    family = tagged[i - 1].token
    if not family.endswith(","):
        return tagged
    first = i - 1  # the family name's first word: after the entry's start or DIN's " ; "
    while first > 0 and tagged[first - 1].token != ";" and _capitals_word(tagged[first - 1].token):
        first -= 1
    if first > 0 and tagged[first - 1].token != ";" or first < i - 1 and not _capitals_word(family[:-1]):
        return tagged
    word = tagged[i].token
    if not word.endswith(":") or not word[:1].isupper() or not _GIVEN_WORD.match(word[:-1]):
        return tagged
    out = list(tagged)
    out[i] = out[i]._replace(label="author")
    return out


_OPENS_TITLE = ("*", "_", '"', "“")


def given_names_before_the_title_are_the_authors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """MLA's "Adichie, Chimamanda Ngozi. *Americanah*. Alfred A. Knopf, 2013.": after the entry's first word, a family
    name with its comma, two or three capitalised words ending at a full stop, then an italic or quoted title; the
    tagger reads the given names as the title and the title as the container. They are the author's given names,
    and the italic or quoted run after them the title."""
    if len(tagged) < 5 or tagged[0].label != "author" or not tagged[0].token.endswith(","):
        return tagged
    end = next((i for i in range(1, min(5, len(tagged))) if tagged[i].token.endswith(".")), 0)
    if end < 2 or end + 1 >= len(tagged) or not tagged[end + 1].token.startswith(_OPENS_TITLE):
        return tagged
    words = [t.token.rstrip(".") for t in tagged[1:end + 1]]
    if not all(t.label == "title" for t in tagged[1:end + 1]) or not all(
            _GIVEN_WORD.match(w) and w[:1].isupper() for w in words):
        return tagged
    after = tagged[end + 1].label
    if after not in ("container", "title") or any(t.label == "title" for t in tagged[end + 1:] if after == "container"):
        return tagged
    out = [*tagged[:1], *(t._replace(label="author") for t in tagged[1:end + 1])]
    k = end + 1
    while k < len(tagged) and tagged[k].label == after:
        out.append(tagged[k]._replace(label="title"))
        k += 1
    return out + tagged[k:]


_SMALL_WORDS = frozenset("of on and the for to in a an at by with from & de du des la le et".split())
_EDITORS_WORD = re.compile(r"^editors?[.,]?$", re.IGNORECASE)


def committee_then_title_then_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """NLM's book by a committee, with editors after the title ("Institute of Medicine (US) Committee to
    Review Dietary Reference Intakes for Vitamin D and Calcium. Dietary reference intakes for calcium and
    vitamin D. Ross AC, Taylor CL, editors. Washington (DC): National Academies Press (US); 2011."), all
    read as names: after the first full stop, words in lower case (no name has them) open the title,
    which ends at its own full stop; the names after it, before "editors.", are the editors; and a year
    read as a note is the date."""
    if not tagged or tagged[0].label != "author":
        return tagged
    run = 0
    while run < len(tagged) and tagged[run].label == "author":
        run += 1
    stop = next((k + 1 for k in range(run - 1) if tagged[k].token.endswith(".") and len(tagged[k].token) > 3), 0)
    title_end = next((k + 1 for k in range(stop, run) if tagged[k].token.endswith(".")), 0)
    if not stop or not title_end or title_end >= run:
        return tagged
    lower = [t for t in tagged[stop:title_end] if t.token[:1].islower() and t.token.rstrip(".,").lower() not in _SMALL_WORDS]
    editors_at = next((k for k in range(title_end, len(tagged)) if _EDITORS_WORD.match(tagged[k].token)), None)
    if len(lower) < 2 or editors_at is None or any(t.label not in ("author", "editor") for t in tagged[title_end:editors_at]):
        return tagged
    out = list(tagged)
    out[stop:title_end] = [t._replace(label="title") for t in out[stop:title_end]]
    out[title_end:editors_at + 1] = [t._replace(label="editor") for t in out[title_end:editors_at + 1]]
    if not any(t.label == "date" for t in out):
        last = max((k for k in range(editors_at + 1, len(out)) if YEAR_TOKEN.match(out[k].token)), default=None)
        if last is not None:
            out[last] = out[last]._replace(label="date")
    return out


_REPEATED_AUTHOR: Final = re.compile(r"^(?:_{2,}|—{2,}|-{2,}|–{2,})[.,]?$")  # "______.", "———.", "---"


def vancouver_editor_role_ends_the_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's "Smith J, editor. Tropical medicine." (or "In: Smith J, editor. Tropical medicine."):
    the role word ends the editors; what the tagger ran on into is the title (the book's, after "In:")."""
    out = list(tagged)
    start = next((i for i, t in enumerate(out) if t.label == "editor"), None)
    if start is None:
        return out
    end = start
    while end < len(out) and out[end].label == "editor":
        end += 1
    role = next((k for k in range(start, end - 1) if out[k].token.lower() in ("editor.", "editors.", "eds.", "ed.")
                 and out[k - 1].token.endswith(",")), None)
    if role == start and names_only(out[role + 1:end]):
        return tagged  # "in Resources of Hope, ed. Robin Gable": the book, then its mark and editors' names
    if role is not None and out[role].token.lower() in ("ed.", "eds.") and names_only(out[role + 1:end]):
        # Chicago's "______. De doctrina christiana, ed. Joseph Martin.": "ed." names the editors after it (Vancouver
        # writes "editor."); the words before it, after the repeated author's dash, are the title
        if _REPEATED_AUTHOR.match(out[start].token) and start + 1 < role:
            out[start] = out[start]._replace(label="author")
            out[start + 1:role] = [t._replace(label="title") for t in out[start + 1:role]]
            return out
        return tagged
    if role is not None:
        label = "container" if out[start].token.lower() in ("in:", "in") else "title"
        out[role + 1:end] = [t._replace(label=label) for t in out[role + 1:end]]
    return out


_VANCOUVER_FAMILY = re.compile(  # "Chen", "Pérez-Higueras", "O'Brien", "D’Souza"
    r"^(?:[^\W\d_a-z]['’])?[^\W\d_a-z][^\W\d_]*[a-zß-ÿ][^\W\d_]*(?:['’\-][^\W\d_]+)*$")
_VANCOUVER_PARTICLE = re.compile(r"^[a-z]{1,4}$")  # "de la Macorra JC", "van der Berg J"
_VANCOUVER_INITIALS = re.compile(r"^[A-Z]{1,3}[,.]$")  # "L,", "JJ,", "H." (the last name's: the list ends)


def vancouver_names_end(tagged: list[TaggedToken]) -> int:
    """The index after the names of a Vancouver author list at the start of the entry ("Chen L, Wu H."
    -> 4), which ends at initials with a full stop; 0 when the entry does not start with one."""
    # (each pattern is tried only on a token that could match it: a particle starts with a lower-case
    # letter, a family name ends in no stop or comma, initials are four characters at most; most entries'
    # first token, "Smith,", is none of them, and a regular expression costs far more than these tests)
    i = 0
    while i < len(tagged):
        family = i
        while i < len(tagged) and "a" <= tagged[i].token[:1] <= "z" and _VANCOUVER_PARTICLE.match(tagged[i].token):
            i += 1
        words = 0
        while (i < len(tagged) and words < 2 and tagged[i].token[-1:] not in ".,;:"
               and _VANCOUVER_FAMILY.match(tagged[i].token)):
            i, words = i + 1, words + 1
        if (words == 0 or i >= len(tagged) or len(tagged[i].token) > 4 or not _VANCOUVER_INITIALS.match(tagged[i].token)
                or i - family > 4):
            return 0
        i += 1
        if tagged[i - 1].token.endswith("."):
            return i
        if i + 1 < len(tagged) and tagged[i].token == "et" and tagged[i + 1].token == "al.":
            return i + 2
    return 0


def vancouver_names_end_at_their_full_stop(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's authors end at the full stop after the last initials ("Chen L, Wu H. Heat. Lancet.
    2020;395:1-2."): the tagger runs a one-word title on into the names ("Wu H. Heat", "Okafor C.
    Malaria. N Engl J Med" all names), as a title of several words, lower-case after its first,
    does not lead it to, nor does a short one with a capital initial in it ("Holick MF. Vitamin D
    deficiency. N Engl J Med"). When the entry has Vancouver's date ("2020;", "2020 Mar;"), the few
    words after the names' full stop, up to their own, are the title, and author words after it, up
    to the date, the journal (a one-word journal taken for a date too: "Kim Y. Sleep. Sleep. 2016;").
    Names that go on are left as read: another initial ("Saunders L. G."), "and"/"et" ("Mair J. et
    Marti I."), a word without a full stop ("Cherri M. Pancake and Sue Utter.")."""
    end = vancouver_names_end(tagged)
    if not end or end + 1 >= len(tagged) or any(t.label != "author" for t in tagged[:end + 1]):
        return tagged
    if not vancouver_date(tagged):
        return tagged
    title_end = next((k + 1 for k in range(end, min(end + _SHORT_TITLE_WORDS, len(tagged)))
                      if tagged[k].token.endswith(".")), 0)
    title = tagged[end:title_end]
    if not title or any(t.label != "author" or _name_goes_on(title, k) for k, t in enumerate(title)):
        return tagged
    out = list(tagged)
    out[end:title_end] = [t._replace(label="title") for t in title]
    journal = title_end
    while (journal < len(out) and out[journal].label in ("author", "date") and journal - title_end < 8
           and not ASCII_DIGIT.search(out[journal].token)):
        journal += 1
        if out[journal - 1].token.endswith("."):
            break
    if (title_end < journal < len(out) and out[journal - 1].token.endswith(".")
            and ASCII_DIGIT.search(out[journal].token) and out[journal].label in ("date", "volume")):
        out[title_end:journal] = [t._replace(label="container") for t in out[title_end:journal]]
    return out


def vancouver_title_word_after_the_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"61. O'Brien S, Dubois C. Markets, brokers and borders: The new migration. Asian Surv.
    2021;12(1):33-58.": the words after the Vancouver names' full stop that the tagger reads as one
    more name, right before the title it reads, open the title."""
    start = 0
    while start < len(tagged) and tagged[start].label == "number":
        start += 1
    names = vancouver_names_end(tagged[start:])
    if not names or any(t.label != "author" for t in tagged[start:start + names]):
        return tagged
    end = start + names
    k = end
    while k < len(tagged) and k - end < 3 and tagged[k].label == "author" and not tagged[k].token.endswith("."):
        k += 1
    if k == end or k >= len(tagged) or tagged[k].label != "title" or not vancouver_date(tagged):
        return tagged
    return [*tagged[:end], *(t._replace(label="title") for t in tagged[end:k]), *tagged[k:]]


_SHORT_TITLE_WORDS = 6  # how far the title after Vancouver names is looked for; a longer one the tagger reads
_NAME_GOES_ON = re.compile(r"^(?:[A-Z]{1,3}[.,]+|and|et|und|&|[^.]*,)$")  # an initial, a connector, "Smith,"
_CONNECTOR = frozenset({"and", "et", "und", "&"})


def _name_goes_on(title: list[TaggedToken], k: int) -> bool:
    """Does the ``k``-th word after Vancouver names go on with names ("Mair J. et Marti I.", "Cherri M. Pancake
    and Sue Utter.")? A connector inside a sentence-case title, before a word in lower case ("Trees and
    tarmac."), does not."""
    token = title[k].token
    if not _NAME_GOES_ON.match(token):
        return False
    return token not in _CONNECTOR or k == 0 or k + 1 >= len(title) or not title[k + 1].token[:1].islower()


_VANCOUVER_YEAR = re.compile(r"^(?:1[5-9]|20)\d{2};?$")


def vancouver_date(tagged: list[TaggedToken]) -> bool:
    """Does the entry date itself as Vancouver does, the year (and month, day) ended by ";" before
    the volume ("2020;395:1-2", "2020 Mar 5;12:3"), or a book's year after its publisher's ";"
    ("London: Penguin; 2001.")?"""
    for i, t in enumerate(tagged):
        if _VANCOUVER_YEAR.match(t.token.rstrip(".")):
            if t.token.endswith(";") or (i > 0 and tagged[i - 1].token.endswith(";") and tagged[i - 1].token[:1].isupper()):
                return True  # "2020;395:1-2", or a book's "London: Penguin; 2001."
            after = tagged[i + 1:i + 3]
            if any(a.token.endswith(";") and a.token[:1].isalnum() and len(a.token) <= 5 for a in after):
                return True
    return False


def italic_title_in_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An author run that goes on into an italic work (MLA's "Morrison, Toni. *Beloved*. Alfred A.
    Knopf, 1987.", all read as names): no name is set in italics, so the italic words are the title,
    and the words between it and the date the publisher."""
    out = list(tagged)
    k = next((i for i in range(1, len(out)) if out[i].label != "author" or out[i].token[:1] in "*_"), len(out))
    if k == len(out) or out[k].label != "author" or not out[k - 1].token.endswith("."):
        return out
    end = next((i + 1 for i in range(k, len(out)) if out[i].token.rstrip(".,;:")[-1:] in ("*", "_")), None)
    if end is None or any(t.label != "author" for t in out[k:end]):
        return out
    out[k:end] = [t._replace(label="title") for t in out[k:end]]
    rest = end
    while rest < len(out) and out[rest].label == "author" and not ASCII_DIGIT.search(out[rest].token):
        rest += 1
    if end < rest < len(out) and out[rest].label == "date":
        out[end:rest] = [t._replace(label="publisher") for t in out[end:rest]]
    return out


LEAD_UNSURE = 0.6  # a lead labelled title less surely than this may be the author
TITLE_SURE = 0.9  # ... when the title after the date is labelled at least this surely


def unsure_lead_before_a_sure_title_is_the_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Conseil du paysage québécois (2002). Guide du paysage, ..., 17 p.": the tagger reads the lead
    as a title, unsurely, then surely reads a title after the date; an entry has one title, so the
    lead is its (corporate) author. A title-first entry's lead ends at a full stop ("The
    Competitiveness of ... Industries. (2000) Prepared by ..."): kept."""
    n = 0
    while n < len(tagged) and tagged[n].label == "title":
        n += 1
    if not 0 < n <= 10 or n + 1 >= len(tagged) or tagged[n].label != "date":
        return tagged
    if max(t.confidence for t in tagged[:n]) >= LEAD_UNSURE or tagged[n - 1].token.endswith("."):
        return tagged
    after = n
    while after < len(tagged) and tagged[after].label == "date":
        after += 1
    if after >= len(tagged) or tagged[after].label != "title" or tagged[after].confidence < TITLE_SURE:
        return tagged
    return [t._replace(label="author") for t in tagged[:n]] + tagged[n:]


def organisation_lead_of_the_title_is_the_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Vancouver's "Centers for Disease Control and Prevention. Lyme disease data tables: county level [Internet].
    Atlanta (GA): CDC; 2022": the tagger reads the organisation that opens the entry as the title's first
    sentence, unsurely, and the title after it surely. An organisation's name, up to its full stop, before a
    title, is the author (the entry names no one else)."""
    if not tagged or tagged[0].label != "title" or any(t.label in ("author", "editor") for t in tagged):
        return tagged
    end = next((k for k in range(min(len(tagged), 10)) if tagged[k].token.endswith(".")), None)
    if end is None or end + 1 >= len(tagged) or end == 0 or INITIAL_MARK.match(tagged[end].token):
        return tagged  # (a stop of an abbreviation, "... Reform Act H.R. 658", ends no name)
    lead, after = tagged[:end + 1], tagged[end + 1]
    if lead[0].token[:1] in _OPENS_TITLE:
        return tagged  # a quoted or italic lead is a title
    if (any(t.label != "title" or t.confidence >= TITLE_SURE for t in lead) or after.label != "title"
            or after.confidence < TITLE_SURE or not is_organisation(" ".join(t.token for t in lead).rstrip("."))):
        return tagged
    return [t._replace(label="author") for t in lead] + tagged[end + 1:]


_EDITOR_MARKS = frozenset({"ed.", "eds.", "edited"})
TITLE_AS_EDITOR_UNSURE = 0.7


def title_before_its_editor_mark(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """MLA's edited book, "Faith and Reason in Early Modern Europe. Ed. Martin Keller. Oxford:
    Clarendon Press, 1999.": the words before "Ed." that open the entry and end at a full stop, which
    the tagger half reads as more editors (or surely, but they hold a title's word: "Rivers in Memory,
    Myth and Law. Eds. ..."), are the title."""
    mark = 0
    while mark < len(tagged) and tagged[mark].label == "editor" and tagged[mark].token.lower() not in _EDITOR_MARKS:
        mark += 1
    if mark < 2 or mark >= len(tagged) or tagged[mark].label != "editor" or not tagged[mark - 1].token.endswith("."):
        return tagged
    if max(t.confidence for t in tagged[:mark]) >= TITLE_AS_EDITOR_UNSURE and not _holds_title_words(tagged[:mark]):
        return tagged
    return [t._replace(label="title") for t in tagged[:mark]] + tagged[mark:]


_NAME_SMALL_WORDS = frozenset(
    "and & und et y e i van von de der den del della di da du dos la le ten ter zu bin ibn al el".split())


def _holds_title_words(tokens: list[TaggedToken]) -> bool:
    """Does a run read as names hold a word no list of names has: a lower-case word other than a
    connector or a particle ("Rivers in Memory, Myth and Law.")?"""
    return any(t.token.isalpha() and t.token.islower() and t.token not in _NAME_SMALL_WORDS for t in tokens)


def book_before_the_editor_mark_after_a_comma(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "Raymond Williams, “Culture Is Ordinary,” in Resources of Hope: Culture, Democracy,
    Socialism, ed. Robin Gable (London: Verso, 1989)" and "Oxford Encyclopedia of Ancient Egypt, ed.
    D. B. Redford (New York: ...)": the tagger reads the book, its comma, "ed." and the editor's names
    as one run of editors. The words before ", ed." (", eds.", ", edited by") are the book, when the
    names after the mark are names only and the words before them are no list of names: they hold a
    title's lower-case word, or follow "In" and hold no initial. The book is the container after "In"
    or after a title, and the title elsewhere."""
    out = tagged
    i = 0
    while i < len(out):
        if out[i].label != "editor":
            i += 1
            continue
        j = i
        while j < len(out) and out[j].label == "editor":
            j += 1
        mark = next((k for k in range(i + 1, j - 1) if out[k].token.lower() in _EDITOR_MARKS
                     and out[k - 1].token.endswith(",")), None)
        if mark is not None:
            after = mark + 2 if out[mark + 1].token.lower() == "by" else mark + 1
            opens_in = out[i].token.lower() in ("in", "in:")
            book = out[i + 1 if opens_in else i:mark]
            if (book and book[0].token[:1].isupper() and names_only(out[after:j])
                    and (_holds_title_words(book)
                         or opens_in and not any(INITIAL_MARK.match(t.token.rstrip(",")) for t in book))):
                role = "container" if opens_in or any(t.label == "title" for t in out[:i]) else "title"
                out = [*out[:i], *(t._replace(label=role) for t in out[i:mark]), *out[mark:]]
        i = j
    return out


def names_before_editors_word_are_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's and ACM's "In Jean-Luc Gaudiot and Lubomir Bic, editors, Advanced Topics in Data-Flow
    Computing, pages 347-379.": the names the tagger ran into the container before the word
    "editors" are the editors, and the container what follows (not before "eds." that names the
    editors after it: "In Proceedings of ..., eds. Pamela Hinds et al.": the words are names only)."""
    out = tagged
    for k in range(2, len(tagged) - 1):
        # (the labels first: a regular expression costs far more than a comparison, and few tokens are editors)
        if not (tagged[k].label == "editor" and tagged[k - 1].label == "container" and tagged[k + 1].label == "container"
                and tagged[k - 1].token.endswith(",") and EDITORS_AFTER.match(tagged[k].token)):
            continue
        start = k - 1
        while start > 0 and tagged[start - 1].label == "container":
            start -= 1
        if tagged[start].token.lower() not in ("in", "in:") or not names_only(tagged[start + 1:k]):
            continue
        out = [*out[:start], *(t._replace(label="editor") for t in out[start:k]), *out[k:]]
    return out


def names_only(tokens: list[TaggedToken]) -> bool:
    """Capitalised words, initials and "and" only, no more than a list of editors holds."""
    return 0 < len(tokens) <= 10 and all(
        t.token in ("and", "&") or t.token[:1].isupper() and not ASCII_DIGIT.search(t.token) for t in tokens)


def family_name_the_title_ran_into(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A title-first entry, "Emissions trading in China: Progress and prospects Zhang, D., V.J.
    Karplus ... 2014 Energy Policy": the title's last word, a capitalised name and its comma right
    before the authors' first initials, is the first author's family name."""
    for k in range(1, len(tagged) - 1):
        cur = tagged[k]
        if cur.label == "title" and tagged[k + 1].label == "author" and tagged[k - 1].label == "title":
            if (FAMILY_NAME_COMMA.match(cur.token) and INITIAL_MARK.match(tagged[k + 1].token.rstrip(","))
                    and not tagged[k - 1].token.endswith((".", ",", ":", ";", "?", "!"))):
                return [*tagged[:k], cur._replace(label="author"), *tagged[k + 1:]]
            return tagged
    return tagged


def names_after_an_editor_mark_are_the_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Spirits in Culture, History and Mind. Eds. Jeannette Marie Mageo and Alan Howard. London:":
    the names after "Eds." (or "Ed.", "Edited by"), up to their full stop, that the tagger reads as
    more title are the editors (a mark after a sentence's full stop: one after a name's comma follows the
    editors)."""
    for k in range(len(tagged) - 1):
        if tagged[k].label != "editor" or tagged[k].token.lower() not in _EDITOR_MARKS:
            continue
        if k == 0 or not tagged[k - 1].token.endswith("."):  # "Tester, Keith, ed. The Flâneur.": the names before
            continue
        start = k + 2 if tagged[k + 1].token.lower() == "by" else k + 1
        end = start
        while end < len(tagged) and tagged[end].label == "title" and end - start < 12:
            end += 1
            if tagged[end - 1].token.endswith("."):
                break
        names = tagged[start:end]
        if (len(names) >= 2 and names[-1].token.endswith(".") and (end >= len(tagged) or tagged[end].label != "title")
                and all(t.token in ("and", "&") or t.token[:1].isupper() for t in names)):
            return [*tagged[:start], *(t._replace(label="editor") for t in names), *tagged[end:]]
    return tagged


_ARTICLES = frozenset({"The", "A", "An"})


def title_read_as_more_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Gerald Ham, The Archival Edge, American Archivist, Jan. 1975", "David McKay, American Politics
    and Society, 7th edn": an entry with no title whose first name, written given name first, the
    tagger ran on into the title (and the journal after it) as more names. The first part after it
    that no person's name is (it opens with an article, holds a lower-case word other than a
    connector, or opens with no given name in three words or more) is the title, the names after it
    the container."""
    if any(t.label == "title" for t in tagged):
        return tagged
    start = 0
    while start < len(tagged) and tagged[start].label == "number":
        start += 1
    end = start
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    parts: list[tuple[int, int]] = []
    k = start
    for j in range(start, end):
        if tagged[j].token.endswith(","):
            parts.append((k, j + 1))
            k = j + 1
    if k < end:
        parts.append((k, end))
    if len(parts) < 2:
        return tagged
    first = [t.token.rstrip(",") for t in tagged[parts[0][0]:parts[0][1]]]
    if not 2 <= len(first) <= 4 or not (is_given_name_anywhere(first[0]) or INITIAL_MARK.match(first[0])):
        return tagged
    if not all(w[:1].isupper() for w in first) or _capitals_word(first[-1]):  # "Wade DT": Vancouver's, family first
        return tagged
    for a, b in parts[1:]:
        raw = [t.token for t in tagged[a:b]]
        while raw and raw[0] in ("and", "&"):
            raw = raw[1:]
        words = [w.rstrip(",.") for w in raw]
        if not words:
            return tagged
        lower = any(w.isalpha() and w.islower() and w not in _NAME_SMALL_WORDS for w in words)
        person = is_given_name_anywhere(words[0]) or bool(INITIAL_MARK.match(raw[0].rstrip(",")))
        if raw[0] in _ARTICLES or lower or len(words) >= 3 and not person:
            out = list(tagged)
            out[a:b] = [t._replace(label="title") for t in tagged[a:b]]
            out[b:end] = [t._replace(label="container") for t in tagged[b:end]]
            return out
        if not person:
            return tagged  # a part that may be a person's name: the list goes on as read
    return tagged


# an editor's mark after the names, bracketed or not, in English, German and French: "(eds.)", "ed.", "Hrsg.",
# "(Hg.)", "(dir.)", "(éds.)"
_EDITOR_MARK_AFTER_THE_NAMES: Final = re.compile(r"^(?:\((?:eds?|editors?|hrsg|hg|dir|éds?)\.?\)|(?:eds?|hrsg|hg)\.)[.,:]?$", re.IGNORECASE)


def names_before_their_editor_mark_are_the_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """ISO 690's and Chicago's edited book, "DURAND, Marie et LEFÈVRE, Paul (dir.). *Les politiques de la ville*.
    Lyon : PUL, 2016.", "Warner, Marina ed. La bella e la bestia.", "Huf, Christina & Irmtraud Schnell Hrsg. 2015.":
    names that open the entry and end with an editor's mark, which the tagger reads with the mark as authors, are
    the book's editors."""
    end = 0
    while end < len(tagged) and tagged[end].label == "author":
        end += 1
    if end < 2 or not _EDITOR_MARK_AFTER_THE_NAMES.match(tagged[end - 1].token):
        return tagged
    if any(t.label in ("author", "editor") for t in tagged[end:]):
        return tagged
    return [t._replace(label="editor") for t in tagged[:end]] + tagged[end:]


_IN_MARKS: Final = frozenset({"in", "in:", "dans", "dans:", "en"})
_IN_NAMES: Final = 3  # the most words of the editors' names the tagger left in the container after "In"


def editors_after_in_read_as_authors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"... Sprachfrieden und Minderheitenschutz? in: Lüdi, Georges; Seelmann, Kurt (Hrsg.), Sprachenvielfalt ...",
    "« Military Ethics », in COOPER, L. TERRY, Handbook of Administrative Ethics ;": after a chapter's title,
    "In" and the first editor's name the tagger read as the container, then the others as a second run of
    authors, then the book as a title. The names from "In" on are the editors, the title after them the book."""
    n = len(tagged)
    for i in range(2, n - 2):
        t = tagged[i]
        if t.token.lower() not in _IN_MARKS or t.label != "container" or tagged[i - 1].label != "title":
            continue
        if not any(x.label == "author" for x in tagged[:i - 1]):
            return tagged
        names = i + 1
        while names < n and tagged[names].label == "container" and names - i <= _IN_NAMES:
            names += 1
        if names >= n or tagged[names].label != "author" or names - i > _IN_NAMES:
            return tagged
        end = names
        while end < n and tagged[end].label == "author":
            end += 1
        if end >= n or tagged[end].label != "title":
            return tagged
        book = end
        while book < n and tagged[book].label == "title":
            book += 1
        return [*tagged[:i], *(x._replace(label="editor") for x in tagged[i:end]),
                *(x._replace(label="container") for x in tagged[end:book]), *tagged[book:]]
    return tagged


_AFTER_THE_BOOK: Final = frozenset({"ed.", "eds.", "edited", "translated", "trans.", "(eds", "(ed.", "(eds.", "(ed.)", "(eds.)"})
_IMPRINT_AFTER_THE_BOOK: Final = frozenset({"location", "publisher", "date", "pages"})
_BOOK_WORDS: Final = 20  # the most words of a book read as its editors


def book_after_in_read_as_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's and MLA's "“Plato’s Pharmacy.” In Dissemination. Translated by Barbara Johnson. Chicago: ...",
    "“The Concentration City.” In The Best Short Stories of J. G. Ballard. New York: Holt": after a chapter's
    title, the book after "In" up to its full stop, which the tagger read as editors. Editors after "In" are
    named before their mark ("In J. Smith (Ed.), Book"); a sentence after "In" that no editor mark ends, with
    the book's editors ("Ed.", "Edited by", "(Eds") or its imprint after it, is the book."""
    n = len(tagged)
    for i in range(1, n - 2):
        t = tagged[i]
        if t.label != "editor" or t.token.lower() not in _IN_MARKS or tagged[i - 1].label != "title":
            continue
        end = i + 1  # past the book's full stop (an initial's is none: "of J. G. Ballard.")
        while end < n and tagged[end].label == "editor":
            end += 1
            if tagged[end - 1].token.endswith(".") and not INITIAL_MARK.match(tagged[end - 1].token):
                break
        last = tagged[end - 1].token
        if (end >= n or end == i + 1 or end - i > _BOOK_WORDS or not last.endswith(".") or INITIAL_MARK.match(last)
                or any(EDITORS_AFTER.match(x.token) for x in tagged[i + 1:end])):
            return tagged
        after = tagged[end]
        if after.token.lower() not in _AFTER_THE_BOOK and after.label not in _IMPRINT_AFTER_THE_BOOK:
            return tagged
        return [*tagged[:i], *(x._replace(label="container") for x in tagged[i:end]), *tagged[end:]]
    return tagged


_FAMILY_NAME: Final = re.compile(r"^[A-Z][a-zà-ÿ'’-]+,?$")  # "Prazniak", "Dirlik,"


def short_cross_reference_is_the_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's shortened note to an edited book cited in full elsewhere (CMOS 14.108): "“Place-Based
    Imagination.” In Prazniak and Dirlik, 15–51.", "In Keane et al. [4], pages 233-246.": the editors' family
    names after "In", which the tagger read as a journal, are the editors."""
    n = len(tagged)
    for i in range(1, n - 2):
        t = tagged[i]
        if t.label != "container" or t.token.lower() not in _IN_MARKS or tagged[i - 1].label != "title":
            continue
        end = i + 1
        while end < n and tagged[end].label == "container":
            end += 1
        words = [x.token for x in tagged[i + 1:end]]
        pair = (len(words) == 3 and words[1] in ("and", "&") and _FAMILY_NAME.match(words[0]) and not words[0].endswith(",")
                and _FAMILY_NAME.match(words[2]) and words[2].endswith(","))
        others = len(words) == 3 and _FAMILY_NAME.match(words[0]) and words[1] == "et" and words[2] in ("al.", "al.,")
        if (pair or others) and end < n and tagged[end].label in ("pages", "note"):
            return [*tagged[:i], *(x._replace(label="editor") for x in tagged[i:end]), *tagged[end:]]
        return tagged
    return tagged


_ONE_WORD_AUTHOR: Final = re.compile(r"^(?:[A-Z][A-Z'’-]{2,}|[A-Z][a-z]{3,})\.$")  # "COLLECTIF.", "SFAP.", "Augustine."
_TITLE_WORDS_IN_THE_NAME: Final = 3  # the most title words the tagger ran into a one-word name


def title_words_after_a_one_word_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"COLLECTIF. L’écriture, un outil de reconnaissance ...", "SFAP. L'infirmier(e) et les soins palliatifs",
    "GERACFAS. Module 6.", "Augustine. Contra academicos, De beata vita, ...": an organisation's acronym, a
    collective or a classical author's one name ends at its full stop; the words after it that the tagger ran
    into the names (no initial nor "and" among them), before the title it reads, are the title's first."""
    start = 0
    n = len(tagged)
    while start < n and tagged[start].label == "number":
        start += 1
    if start + 2 >= n or tagged[start].label != "author" or not _ONE_WORD_AUTHOR.match(tagged[start].token):
        return tagged
    end = start + 1
    while end < n and tagged[end].label == "author":
        end += 1
    if end >= n or tagged[end].label != "title" or not 1 <= end - start - 1 <= _TITLE_WORDS_IN_THE_NAME:
        return tagged
    tail = tagged[start + 1:end]
    if any(INITIAL_MARK.match(t.token.rstrip(",;:")) or t.token in ("and", "&", "et", "und") or t.token.endswith(";") for t in tail):
        return tagged
    if is_given_name_anywhere(tail[0].token.rstrip(".,;:")):
        return tagged  # the name's own given name after a slip of its comma: "Beza. Theodore. Psaumes ..."
    return [*tagged[:start + 1], *(t._replace(label="title") for t in tail), *tagged[end:]]


_TITLE_TAIL_WORDS: Final = 3  # the most title words the tagger ran into the names after their full stop
_NAME_END: Final = re.compile(r"^(?:[A-Z]\.(?:-?[A-Z]\.)*|[A-Z][\w'’-]+\.)$")  # "A.", "H.A.", "Jeyaraja."
_FULL_NAME_END: Final = re.compile(r"^[A-Z][a-z'’-]+\.$")  # "Jeyaraja.", not an initial


def title_words_after_the_names_full_stop(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Ackoff, Russell L. Scientific Method - Optimizing Applied Research Decisions.", "Hazell, T.J.; Weiler, H.A.
    Vitamin D: An overview ...": the tagger ran the title's first words (up to a colon or dash) into the names,
    written family name first. The words after the names' last full stop, before the title it reads, are the
    title's (up to a comma only for one word after a given name's full stop and before no name, "Tambiah, Stanley
    Jeyaraja. Magic, Science Religion ...": a comma ends a family name as often, "Jia, R.-Q., and J. Lei,")."""
    start = 0
    n = len(tagged)
    while start < n and tagged[start].label == "number":
        start += 1
    end = start
    while end < n and tagged[end].label == "author":
        end += 1
    if (end - start < 3 or end >= n or tagged[end].label != "title" or not tagged[start].token.endswith(",")
            or not FAMILY_NAME_COMMA.match(tagged[start].token)):
        return tagged  # names written family name first ("Tambiah, Stanley Jeyaraja."), not "W. Sterling, F. Carino"
    stop = next((j for j in range(end - 1, start, -1) if tagged[j].token.endswith(".") and _NAME_END.match(tagged[j].token)), None)
    if stop is None or not 1 <= end - stop - 1 <= _TITLE_TAIL_WORDS:
        return tagged
    tail = tagged[stop + 1:end]
    if tail[-1].token.endswith(","):
        # a comma ends a family name as often ("Jia, R.-Q., and J. Lei,", "FRIARD, Dominique. LOLIVIER, Isabelle."):
        # a title's only when one word stands before it and no given name nor initial after it
        # ("Tambiah, Stanley Jeyaraja. Magic, Science Religion ...")
        after = tagged[end].token.rstrip(".,;:")
        if (len(tail) != 1 or not _FULL_NAME_END.match(tagged[stop].token) or is_given_name_anywhere(after)
                or INITIAL_MARK.match(tagged[end].token.rstrip(",;:"))):
            return tagged  # after an initial, the family name of a name written given name first: "and J. Lei,"
    elif not tail[-1].token.endswith((":", "-", "–")):
        return tagged
    if any(not t.token[:1].isupper() and t.token not in ("-", "–") for t in tail) or any(t.token in ("and", "&") for t in tail):
        return tagged
    if any("." in t.token or INITIAL_MARK.match(t.token.rstrip(",:")) for t in tail):
        return tagged  # a name's initial or stop: "Smit, A. F. J.,", "Kevin O. Pope.,"
    return [*tagged[:stop + 1], *(t._replace(label="title") for t in tail), *tagged[end:]]


_OPENING_QUOTES: Final = ('"', "“", "«", "„")  # not "‘", also a transliterated ayn: "‘Umar, Khaled Ali."
_CLOSING_QUOTES: Final = ('"', "”", "»", "“")
_QUOTED_WORDS_IN_THE_NAMES: Final = 4  # the most words of a quoted title the tagger read as names


def quote_opening_in_the_names_opens_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's "Boubín, Jaroslav and Alena Míšková, “Spis M. Jana Příbrama ...,” Folia Historica Bohemica" and
    "“Charles R. Van Hise.” In Wikipedia.": a quoted title's first words (an initial among them) that the tagger read
    as names, up to the title it reads, in which the quote closes: no name is written opening a quote."""
    n = len(tagged)
    for i in range(n - 1):
        if tagged[i].label != "author" or not tagged[i].token.startswith(_OPENING_QUOTES):
            continue
        end = i
        while end < n and tagged[end].label == "author":
            end += 1
        if end >= n or tagged[end].label != "title" or end - i > _QUOTED_WORDS_IN_THE_NAMES:
            return tagged
        if any(t.token.rstrip(".,;:").endswith(_CLOSING_QUOTES) for t in tagged[i + 1:end]):
            return tagged  # the quote closes among the names: a nickname ('Dwayne "The Rock" Johnson')
        title_end = end
        while title_end < n and tagged[title_end].label == "title":
            title_end += 1
        if not any(t.token.rstrip(".,;:").endswith(_CLOSING_QUOTES) for t in tagged[end:title_end]):
            return tagged  # no quoted title: a stray mark ('"Alter, Robert. The Art of Biblical Narrative. ... 1981. "')
        return [*tagged[:i], *(t._replace(label="title") for t in tagged[i:end]), *tagged[end:]]
    return tagged


_TITLE_WORDS_BEFORE_ITS_COLON: Final = 2  # the most words of a title's first part the tagger ran into the names


def title_before_its_colon_after_the_names_comma(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Anderson, Chris, Free: The Future of a Radical Price", "de Waal T., Black Garden: Armenia and Azerbaijan
    ...", "ILO, Evaluation Summary: ...": a title's first part, one or two words up to its colon after the names'
    comma, that the tagger read as one more name, is the title's (not a given name: DIN's "Schöler, Jutta:
    Leistungsförderung", "Scholte, Jan Aart:"; nor initials or a code, "Li, H.:", "Bassoussi ME:"; nor "et al:")."""
    part = _last_names_part_before_the_title(tagged, ":")
    if part is None:
        return tagged
    first, end = part
    words = [t.token.rstrip(":,") for t in tagged[first:end]]
    if any(not w[:1].isupper() or "." in w or INITIAL_MARK.match(w) or w.isupper() and len(w) <= 3 for w in words):
        return tagged
    if is_given_name_anywhere(words[0]) or words[0] in _NAME_SMALL_WORDS:
        return tagged
    return [*tagged[:first], *(t._replace(label="title") for t in tagged[first:end]), *tagged[end:]]


def title_words_after_the_names_comma(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's notes, "Randall Packard, White Plague, Black Labour: Tuberculosis ...", "Orland Figes, Peasant
    Russia, Civil War: The Volga Countryside ...", "Watson, F.B., Paul, Judaism and the Gentiles.": the title's
    first one or two words up to its comma, which the tagger read as one more name, are the title's, where neither
    they nor the word after them is a given name or an initial ("Smith, J., White, P.,", "Collier, Peter")."""
    part = _last_names_part_before_the_title(tagged, ",")
    if part is None:
        return tagged
    first, end = part
    words = [t.token.rstrip(",") for t in tagged[first:end]]
    after = tagged[end].token.rstrip(".,;:")
    if any(not w[:1].isupper() or "." in w or w.isupper() or _given_name(w) for w in words):
        return tagged
    if words[0] in _NAME_SMALL_WORDS or not after[:1].isupper() or _given_name(after) or "." in after:
        return tagged
    return [*tagged[:first], *(t._replace(label="title") for t in tagged[first:end]), *tagged[end:]]


def _last_names_part_before_the_title(tagged: list[TaggedToken], mark: str) -> tuple[int, int] | None:
    """The last part of the names opening the entry (after its number), from the names' last comma up to the title
    the tagger reads, as token indices ``(first, end)``: where its last token ends with ``mark``, it holds at most
    ``_TITLE_WORDS_BEFORE_ITS_COLON`` words and a part of the names comes before it; else None."""
    n = len(tagged)
    start = 0
    while start < n and tagged[start].label == "number":
        start += 1
    end = start
    while end < n and tagged[end].label == "author":
        end += 1
    if end >= n or tagged[end].label != "title" or not tagged[end - 1].token.endswith(mark):
        return None
    first = end - 1
    while first > start and not tagged[first - 1].token.endswith((",", ";", ".")):
        first -= 1
    if first == start or not tagged[first - 1].token.endswith(",") or end - first > _TITLE_WORDS_BEFORE_ITS_COLON:
        return None
    return first, end


def _given_name(word: str) -> bool:
    """A given name, or one joined by a hyphen ("Jean-Philippe", "Miguel-Angel")."""
    return is_given_name_anywhere(word) or "-" in word and any(is_given_name_anywhere(p) for p in word.split("-") if p)


_LEAD_CONNECTORS: Final = frozenset({"and", "&", "et", "und", "y"})
_LEAD_WORDS: Final = 5  # the most words of a lead of names written given name first


def given_first_names_before_the_comma_are_the_authors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Chicago's notes, "Loic Wacquant, “Ghetto, Banlieue, Favela, etc: ...,” in Urban Outcasts", "Reni Septiani and
    Sophi Damayanti, Simultaneous identification of ...": the names written given name first up to the entry's first
    comma (a given name opening them, capitalised words and "and" only), which the tagger ran into the title, are the
    authors (in the labelled data such a lead is a title's in no entry of 250)."""
    n = len(tagged)
    start = 0
    while start < n and tagged[start].label == "number":
        start += 1
    end = start
    while end < n and end - start < _LEAD_WORDS and not tagged[end].token.endswith(","):
        end += 1
    if end >= n - 1 or end == start or not tagged[end].token.endswith(","):
        return tagged
    lead = tagged[start:end + 1]
    if any(t.label != "title" for t in lead) or tagged[end + 1].label != "title":
        return tagged
    words = [t.token.rstrip(",") for t in lead]
    if words[-1] in _LEAD_CONNECTORS or not is_given_name_anywhere(words[0]):
        return tagged
    if any(not (w[:1].isupper() and w[1:].islower() and "." not in w or w in _LEAD_CONNECTORS) for w in words):
        return tagged
    return [*tagged[:start], *(t._replace(label="author") for t in lead), *tagged[end + 1:]]


_BRACKETED_EDITOR_MARK_END: Final = re.compile(r"^(?:eds?|editors?)\.?\)[.,;:]?$", re.IGNORECASE)  # "ed.),", "eds.),"
_BOOK_BEFORE_ITS_EDITORS: Final = 12  # the most words of a book before its bracketed editors


def book_before_its_bracketed_editors(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's and SIAM's chapter, '"Gaussian Markov Random Fields at Multiple Resolutions," in Markov Random Fields:
    Theory and Applications (R. Chellappa, ed.), pp. 131-157': the book after "in", before the bracket that names
    its editors and ends with "ed.)" ("eds.)"), which the tagger read as more editors, is the container."""
    n = len(tagged)
    for i in range(1, n - 2):
        t = tagged[i]
        if t.label != "editor" or t.token.lower() not in _IN_MARKS or tagged[i - 1].label != "title":
            continue
        bracket = i + 1
        while bracket < n and tagged[bracket].label == "editor" and not tagged[bracket].token.startswith("("):
            bracket += 1
        if bracket >= n or bracket == i + 1 or bracket - i > _BOOK_BEFORE_ITS_EDITORS or tagged[bracket].label != "editor":
            return tagged
        end = bracket
        while end < n and tagged[end].label == "editor" and not _BRACKETED_EDITOR_MARK_END.match(tagged[end].token):
            end += 1
        if end >= n or tagged[end].label != "editor":
            return tagged
        book = tagged[i + 1:bracket]
        if not book[0].token[:1].isupper() or any(INITIAL_MARK.match(x.token.rstrip(",")) for x in book):
            return tagged
        return [*tagged[:i], *(x._replace(label="container") for x in tagged[i:bracket]), *tagged[bracket:]]
    return tagged
