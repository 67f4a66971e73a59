"""Repairs of the tagger's labels: slips of shape that no reading of a reference allows, put right
token by token before the labels are read into fields (``fields.read_fields``). Each repair is one
small function named after the rule it keeps ("italics hold one field", "an initial opens the
publisher"), with the reference shape that showed the slip in its docstring.
"""
from __future__ import annotations

import re

from .model import TaggedToken

_ASCII_DIGIT = re.compile(r"[0-9]")


def _close_open_container(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A container run that stops mid-sentence before a publisher run ("... Workshop on Machine" +
    "Learning. Morgan Kaufmann."): the publisher's first word, up to its full stop, ends the container."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        prev, cur = out[i - 1], out[i]
        if (prev.label == "container" and cur.label == "publisher" and prev.token[-1:].isalpha()
                and cur.token.endswith((".", ",")) and out[i + 1].label == "publisher"):
            out[i] = cur._replace(label="container")
    return out


def repaired(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """The tagger's labels with the slips of shape that no reading of the entry allows put right."""
    for repair in (_given_name_before_bracketed_date, _status_is_the_date, _vancouver_editor_role_ends_the_names,
                   _initial_opens_the_publisher, _italic_title_in_author, _italics_hold_one_field,
                   _italic_container_ends_with_its_italics, _one_token_gap_is_bridged, _close_open_container,
                   _untitled_note_after_the_date_is_the_title):
        tagged = repair(tagged)
    return tagged


_LINK_WORDS = re.compile(r"^(?:retrieved|available|accessed|viewed|consulted|online|url|see|last)\b", re.IGNORECASE)


def _untitled_note_after_the_date_is_the_title(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An entry with no title whose names and year are followed by a note ("Stewart III, Charles and
    Jonathan Woon. 2009. Congressional Committee Assignments, 103rd to 112th Congresses.", all a
    note): what an author-date entry gives first after its year is its title, unless it is words
    a link or an access date brings ("Retrieved from ...")."""
    if any(t.label in ("title", "container") for t in tagged):
        return tagged
    i = 0
    while i < len(tagged) and tagged[i].label in ("author", "editor"):
        i += 1
    if i == 0 or i >= len(tagged) or tagged[i].label != "date":
        return tagged
    while i < len(tagged) and tagged[i].label == "date":
        i += 1
    j = i
    while j < len(tagged) and tagged[j].label == "note":
        j += 1
    if j - i < 2 or _LINK_WORDS.match(tagged[i].token.lstrip("([")):
        return tagged
    return [*tagged[:i], *(t._replace(label="title") for t in tagged[i:j]), *tagged[j:]]


def _given_name_before_bracketed_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """Wikipedia's "Doe, Jane (15 July 2019)": words after an author's "Family," and before the
    bracketed date, tagged as date ("Jane", "June" looks like a month), are the given name."""
    out = list(tagged)
    for i in range(1, len(out)):
        if out[i].label != "date" or out[i - 1].label != "author" or not out[i - 1].token.endswith(","):
            continue
        j = i
        while j < len(out) and j - i < 3 and out[j].label == "date" and out[j].token.isalpha() and out[j].token[:1].isupper():
            j += 1
        if i < j < len(out) and out[j].label == "date" and out[j].token.startswith("("):
            out[i:j] = [tok._replace(label="author") for tok in out[i:j]]
        break
    return out


_INITIAL_TOKEN = re.compile(r"^[A-Z]\.$")
_SPLIT_OFF = frozenset({"genre", "note", "publisher", "location", "edition"})


def _italics_hold_one_field(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """An italic title or container the tagger cut in two ("*Chicago climate action plan: Progress
    report 2015*", its end read as a genre): italics set one work's name, so its words keep the
    label of its first word."""
    out = list(tagged)
    i = 0
    while i < len(out):
        tok = out[i]
        if tok.label in ("title", "container") and tok.token[:1] in "*_" and not _closes_italic(tok.token[1:]):
            j = next((k for k in range(i + 1, min(len(out), i + 40)) if _closes_italic(out[k].token)), None)
            if j is not None and all(t.label == tok.label or t.label in _SPLIT_OFF for t in out[i + 1:j + 1]):
                out[i + 1:j + 1] = [t._replace(label=tok.label) for t in out[i + 1:j + 1]]
            i = j if j is not None else i
        i += 1
    return out


def _italic_container_ends_with_its_italics(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """IEEE's "in *Proc. IEEE Conf. (CVPR)*, Las Vegas, NV, USA, Jun. 2016": a container set in
    italics ends where they close; plain words after it, before a location, are the location."""
    out = list(tagged)
    start = next((i for i, t in enumerate(out) if t.label == "container"), len(out))
    if start < len(out) and out[start].token.lower() in ("in", "in:"):
        start += 1
    if start >= len(out) or out[start].label != "container" or out[start].token[:1] not in "*_":
        return out
    end = start  # the token closing the italics
    while end < len(out) and out[end].label == "container" and not _closes_italic(out[end].token[1:] if end == start else out[end].token):
        end += 1
    if end >= len(out) or out[end].label != "container":
        return out
    rest = end + 1
    while rest < len(out) and out[rest].label == "container":
        rest += 1
    if end + 1 < rest < len(out) and out[rest].label == "location":
        out[end + 1:rest] = [t._replace(label="location") for t in out[end + 1:rest]]
    return out


_BRIDGED = frozenset({"publisher", "container"})


def _one_token_gap_is_bridged(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """A run broken by one token of a place or publisher label ("Dept. Elect. | Eng., | MIT", the
    abbreviations misleading the tagger): that token belongs to the run around it."""
    out = list(tagged)
    for i in range(1, len(out) - 1):
        label = out[i - 1].label
        if (label in _BRIDGED and out[i + 1].label == label and out[i].label in ("location", "publisher")
                and out[i].label != label and not _ASCII_DIGIT.search(out[i].token)):
            out[i] = out[i]._replace(label=label)
    return out


def _closes_italic(token: str) -> bool:
    return token.rstrip(".,;:)]")[-1:] in ("*", "_")


_STATUS = frozenset({"forthcoming", "forthcoming.", "(forthcoming).", "(forthcoming)", "in", "press.", "press).", "(in"})


def _status_is_the_date(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"Smith, John. Forthcoming. *Floods*.": a run of "Forthcoming." or "(in press)." where the year
    goes stands for the year, whatever the tagger took it for."""
    out = list(tagged)
    for i, tok in enumerate(out):
        if tok.label == "title" and tok.token.lower() in _STATUS:
            j = i
            while j < len(out) and out[j].token.lower() in _STATUS and out[j].label == "title":
                j += 1
            words = " ".join(t.token.lower().strip("().") for t in out[i:j])
            if words in ("forthcoming", "in press") and out[j - 1].token.endswith("."):
                out[i:j] = [t._replace(label="date") for t in out[i:j]]
            break
    return out


def _vancouver_editor_role_ends_the_names(tagged: list[TaggedToken]) -> list[TaggedToken]:
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
    if role is not None:
        label = "container" if out[start].token.lower() in ("in:", "in") else "title"
        out[role + 1:end] = [t._replace(label=label) for t in out[role + 1:end]]
    return out


def _initial_opens_the_publisher(tagged: list[TaggedToken]) -> list[TaggedToken]:
    """"W. W. Norton": an initial the tagger took for a place, right before the publisher, is the
    publisher's first word."""
    out = list(tagged)
    for i in range(len(out) - 1):
        if (out[i].label == "location" and out[i + 1].label == "publisher" and _INITIAL_TOKEN.match(out[i].token)
                and (i == 0 or out[i - 1].label != "location")):
            out[i] = out[i]._replace(label="publisher")
    return out


def _italic_title_in_author(tagged: list[TaggedToken]) -> list[TaggedToken]:
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
    while rest < len(out) and out[rest].label == "author" and not _ASCII_DIGIT.search(out[rest].token):
        rest += 1
    if end < rest < len(out) and out[rest].label == "date":
        out[end:rest] = [t._replace(label="publisher") for t in out[end:rest]]
    return out
