"""The entries a page's in-text number markers link to: ``<a href="#ref-CR7">7</a>`` -> {"ref-CR7": 7}.

Read before the page's text (the markers come before the list), so ``parse.html`` gives the entry
holding that id the number a reader clicked. Standard library only.
"""
from __future__ import annotations

import re
from html import unescape

_WIKI_NOTE = re.compile(r"^(?:cite_note-|CITEREF)")  # Wikipedia's notes: read by ``parse.html.wiki_footnotes``
_MARKER = re.compile(r"<a\s[^<>]*?\bhref\s*=\s*[\"']#([^\"'<>\s]{1,200})[\"'][^<>]*>((?:[^<]|<(?!/?a[\s>])){0,300}?)</a>",
                     re.IGNORECASE)
_MARKER_NUMBER = re.compile(r"^\[?(\d{1,4})\]?$")


def marker_targets(source: str) -> dict[str, int]:
    """The ids in-text number markers link to, with their numbers: ``<sup><a href="#ref-CR7">7</a></sup>``
    (Springer Nature), ``[<a href="#R7">7</a>]`` (PubMed Central), ``<a href="#bib7">[7]</a>``. A site
    numbers its list with CSS (or not at all in the HTML), so the entry holding that id is given the number
    of the markers that link to it, and "[7]" cites the entry a reader reaches by clicking it (only an id
    inside a reference-list entry counts: footnotes and figures are numbered too). An id also linked with
    other text (an author-date link's names or year) or with two numbers is no such marker; Wikipedia's
    notes are read apart (``wiki_footnotes``)."""
    found: dict[str, int] = {}
    clash: set[str] = set()
    for m in _MARKER.finditer(source):
        target = unescape(m.group(1))
        shown = " ".join(re.sub(r"<[^>]*>", "", unescape(m.group(2))).split())
        number = _MARKER_NUMBER.match(shown)
        if _WIKI_NOTE.match(target):
            continue
        if not number or (shown.isdigit() and 1500 <= int(shown) <= 2099):
            clash.add(target)  # an author-date link, "(<a>Smith et al.</a>, <a>2021</a>)": not numbered
            continue
        if found.setdefault(target, int(number.group(1))) != int(number.group(1)):
            clash.add(target)
    return {t: n for t, n in found.items() if t not in clash and n > 0}
