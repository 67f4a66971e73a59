"""A saved article page (HTML) -> its text, mapped back to the HTML, ready for the document path.

The page becomes Markdown-like text: headings as ``## Title``, paragraphs and list items
separated by blank lines (so every ``<li>`` of a reference list is one entry), runs of
white space folded, entities decoded. Left out: ``head``, scripts, styles, navigation,
forms, the site around the article (``footer``, ``aside``, a site ``header``: ``_PageText._chrome``),
and Wikipedia's furniture (``[edit]`` links, the ``^ a b`` back-links, the ``[1]``
markers of ``sup.reference``, HighWire's "↵" back-links). A reference list without a heading (``<ol class="references">``,
``div.reflist``, ``section.references`` ...) gets a ``## References`` heading, so
``parse.sections`` finds it; a heading "References"/"Bibliography"/... followed by a list
is found as it is; its entries are ``<li>``s, ``<dd>``s or ``<div>``s named so (``_block_entry``: OUP's,
IEEE Xplore's, Cambridge Core's), and the article's back matter after it ("Keywords:", "Received:") ends
it. An entry of an ordered list under a reference heading (``<ol>``, from its
``start``, an ``<li value>`` honoured) starts with the number a browser shows, "3. ", as a typed
list does, so "[3]" cites it; a site's own styled reference list is not numbered (``_site_list``). In a reference list, italics are written as Markdown's ``*..*`` and a web
link's URL after its text (``"Title" <https://...>``: Wikipedia links the title to the page it
cites, and "the original" to an archived copy), as the free-text parser reads them; prose is left
as it reads. A numbered marker linking to an id inside an entry (``<a href="#ref-CR7">7</a>``:
``parse.html_markers``) gives that entry its number; a heading in another language, "References (45)",
a ``<summary>`` or a paragraph of its own naming the list heads it; a ``<template>`` under it is read;
an ``<hr>`` after it ends it. Pandoc's notes are written as Markdown's: the marker ``<a role="doc-noteref"
href="#fn1">`` as "[^fn1]", each ``<li role="doc-endnote">`` as "[^fn1]: its text" (``parse.trailing_notes``
reads them with the body, though pandoc puts them after its bibliography). Every character keeps its offset
in the HTML (``CleanText.origin``), so spans and fixes point into the page itself. Standard library only
(``html.parser``).

``wiki_footnotes`` reads Wikipedia's numbered notes: every marker ``<sup class="reference"><a
href="#cite_note-X">[1]</a></sup>`` is a key citation (key ``cite_note-X``, span on the marker
in the HTML) of the note ``<li id="cite_note-X">``; a link ``<a href="#CITEREFSmith2001">``
inside a note (the short notes of ``{{sfn}}``/Harvard templates) cites the full entry of
``<cite id="CITEREFSmith2001">`` in a Sources list. ``note_key`` gives the key of the note a
reference parsed from the page sits in.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

from ..model import Citation, CitedName, CleanText, Span, span_at
from .citation_numbers import superscript_in_unicode
from .html_cards import CardField, card_part, rewrite_card
from .html_markers import marker_targets

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "nav", "head", "form", "button",
                       "iframe", "select", "math"})
SKIP_CLASSES = frozenset({"mw-cite-backlink", "mw-editsection", "noprint", "navbox",
                          "mw-jump-link", "printfooter", "catlinks", "headerlink"})  # Sphinx's "¶" after a heading
REFERENCE_LIST_CLASSES = frozenset({"references", "reflist", "bibliography", "ref-list", "references-list",
                                    "citation-list"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
PARAGRAPH = frozenset({"p", "li", "ul", "ol", "dl", "dd", "dt", "table", "blockquote", "pre", "figure",
                       "section", "article", "main", "header", "footer", "aside", "address", "figcaption"})
LINE = frozenset({"div", "tr", "br", "hr", "caption", "details", "summary"})
CELL = frozenset({"td", "th"})
HEADING = re.compile(r"^h([1-6])$")
_NO_LIST, _OWN_HEADING = -1, -2  # no headless reference list open; one whose own heading is being read
ENTRY_TAGS = frozenset({"li", "dd"})  # in a reference list, one entry each, whatever blocks they hold
_REFERENCE_TITLE = re.compile(r"^\s*(?:references?|bibliography|works cited|sources|notes and references|"
                              r"literature|citations|footnotes|notes)\s*$", re.IGNORECASE)


class _PageText(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0
        self.heading: list[str] | None = None
        self.last_heading = ""
        self.sup_at: list[int] = []  # where each open <sup> began in ``chars``
        self.links: list[tuple[str, int, int] | None] = []  # each open <a>: (href, its offset, text start)
        self.shown: set[str] = set()  # the links written out in the current reference-list item
        self.italic_at: list[int] = []  # where each open <i>/<em> began (-1: not marked)
        self.item_depth = 0  # the stack depth of the open reference-list <li> (0: none)
        self.item_start = 0  # where its text starts in ``chars``
        self.label_at = -1  # where the open <dt> label of a reference list began in ``chars``
        self.glue = False  # the next <dd> continues a number label's line
        self.untitled = _NO_LIST  # where a reference list with no heading yet began (or _NO_LIST, _OWN_HEADING)
        self.counts: dict[int, int] = {}  # stack depth of each open <ol> -> the number of its last <li>
        self.unnumbered: set[int] = set()  # the depths of open <ol>s whose numbers are not written
        self.item_number = 0  # the number an <ol> shows before the open reference-list entry (0: none)
        self.targets = marker_targets(source[: _readable_end(source)])  # id -> the number of the in-text markers that link to it
        self.taken = set(self.targets.values())
        self.prev_number = 0  # the number of the last entry of the open reference list (0: none)
        self.linked = False  # an entry of that list was numbered by the markers linking to it
        self.doi_depth = 0  # the stack depth of an open hidden DOI (Wiley's span.data-doi; 0: none)
        self.doi_text: list[str] = []
        self.para_at = -1  # where the text of the open <p> began in ``chars`` (-1: none, or in an entry)
        self.heading_end = 0  # where the text after the last heading begins in ``chars``
        self.heading_start = 0  # where the open heading begins in ``chars``
        self.summary_at = -1  # where the text of an open <summary> began in ``chars`` (-1: none open)
        self.drop_bracket = False  # a "]" closing a link button taken out ("[<a>PubMed</a>]") is to go too
        self.note_label = ""  # the "[^fn1]: " of an open pandoc note, until its first text
        self.inline_depth = 0  # the stack depth of an open OUP div.mixed-citation, whose <div>s are inline (0: none)
        self.endnote_depth = 0  # the stack depth of an open note (li role="doc-endnote"; 0: none): its links shown
        self.tag_span = (-1, -1, 0)  # LaTeXML's entry tag, "Zhao et al. (2014)": its start, end, stack depth
        self.card_depth = 0  # the stack depth of an open ResearchGate reference card (0: none; ``parse.html_cards``)
        self.card_start = 0
        self.card_fields: list[CardField] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def put(self, text: str, origin: int, step: bool = False) -> None:
        for index, ch in enumerate(text):
            self.chars.append(ch)
            self.origin.append(origin + index if step else origin)

    def newlines(self, count: int, origin: int) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.origin.pop()
        if not self.chars:
            return
        have = 0  # the newlines the text already ends with (counted from the end: joining it all is quadratic)
        while have < len(self.chars) and self.chars[-1 - have] == "\n":
            have += 1
        self.put("\n" * max(0, count - have), origin)

    def _title_list(self, origin: int) -> None:
        """Head a reference list that has no heading of its own "## References" (``parse.sections``
        finds it so)."""
        self.untitled = _NO_LIST
        self.newlines(2, origin)
        self.put("## References", origin)
        self.newlines(2, origin)
        self.last_heading = "References"

    def text(self, data: str, origin: int) -> None:
        if self.skipping:
            return
        if self.untitled >= 0 and self.heading is None and data.strip():
            self._title_list(origin)
        if self.note_label and data.strip():
            self.newlines(2, origin)
            self.put(self.note_label, origin)
            self.note_label = ""
        if self.drop_bracket and data.strip():
            self.drop_bracket = False
            if data.lstrip().startswith("]"):
                skip = len(data) - len(data.lstrip()) + 1
                data, origin = data[skip:], origin + skip
        for index, ch in enumerate(data):
            if ch.isspace():
                if self.chars and self.chars[-1] not in " \n":
                    self.put(" ", origin + index)
            else:
                self.put(ch, origin + index)
        if self.heading is not None:
            self.heading.append(data)

    def handle_data(self, data: str) -> None:
        if self.doi_depth:
            self.doi_text.append(data)
        self.text(data, self._at())

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, raw: str) -> None:
        origin = self._at()
        value = unescape(raw)
        if self.skipping:
            return
        if self.untitled >= 0 and self.heading is None and not value.isspace():
            self._title_list(origin)
        if value.isspace():
            self.text(" ", origin)
        else:
            self.put(value, origin)
            if self.heading is not None:
                self.heading.append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        origin = self._at()
        classes = set((dict(attrs).get("class") or "").split())
        if tag in ("li", "p", "dd", "dt", "tr", "td", "th"):
            self._close_implicit(tag)
        if tag == "p":
            self._paragraph_heading()
        if tag in VOID:
            if not self.skipping and tag == "hr" and self._after_heading():
                self.newlines(2, origin)  # a rule ends a reference list, as in Markdown ("Written at: ...")
                self.put("---", origin)
                self.newlines(2, origin)
            elif not self.skipping and tag in LINE:
                self.newlines(1, origin)
            return
        # Wikipedia's citation markers are sup.reference (an entry of Elsevier's list is dd.reference)
        if "data-doi" in classes and self.item_depth and not self.skipping:  # Wiley's hidden DOI of an entry
            self.doi_depth, self.doi_text = len(self.stack) + 1, []
        role = (dict(attrs).get("role") or "").strip().lower()
        note_number = tag == "a" and "footnote-number" in classes  # Substack's note: its number, then its text
        if note_number and not self.skipping:
            self.note_label = f"[^{dict(attrs).get('id') or ''}]: "
            if self.stack and self.stack[-1][0] == "div":  # the note's <div>: its links are shown, as a list's are
                self.endnote_depth = self.endnote_depth or len(self.stack) - 1
        note_marker = _note_marker(tag, role, classes, dict(attrs).get("href"), dict(attrs).get("rel"))
        if note_marker and not self.skipping:
            self.put(f"[^{note_marker}]", origin)
        if role == "doc-endnotes" and not self.skipping:  # pandoc's notes, after its bibliography: no entries
            self.last_heading = ""
        skip = ((tag in SKIP_TAGS and not self._shown_template(tag, attrs)) or bool(classes & SKIP_CLASSES)
                or (bool(self.card_depth) and card_part(classes) == "shown")  # a card's badges, abstract, buttons
                or bool(classes & _HIDDEN_CLASSES) or "data-doi" in classes or bool(note_marker) or note_number
                or role == "doc-backlink" or (tag == "sup" and "reference" in classes) or self._chrome(tag, attrs))
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
        if tag == "sup":  # every <sup> is tracked, so its end tag pops its own start (-1: skipped)
            self.sup_at.append(-1 if self.skipping else len(self.chars))
        if tag == "a":  # every <a> is tracked too; only a web link in a reference list is kept
            self.links.append(self._web_link(attrs, origin))
        if tag in ("ol", "ul", "dl") and not self.item_depth:
            self.prev_number, self.linked = 0, False
        if tag == "ol":
            self.counts[len(self.stack)] = _number(dict(attrs).get("start"), 1) - 1
            if _site_list(classes, dict(attrs).get("style")) or not _REFERENCE_TITLE.match(self.last_heading):
                self.unnumbered.add(len(self.stack))
        number = self._count(attrs) if tag == "li" else 0
        csl_entry = "csl-entry" in classes  # pandoc's and Quarto's <div class="csl-entry" id="ref-key">
        if csl_entry and self.untitled >= 0 and self.heading is None and not self.skipping:
            self._title_list(origin)  # div#refs.references with no heading of its own
        # OUP's, IEEE's, Cambridge's <div> per entry; Frontiers' div.References (its text and its buttons)
        part = card_part(classes) if not self.skipping and _REFERENCE_TITLE.match(self.last_heading) else ""
        block_entry = (csl_entry or _block_entry(classes, role) or (tag == "div" and "References" in classes)
                       or (part == "card" and not self.card_depth))
        if tag in ENTRY_TAGS or block_entry:
            self.shown = set()
            if not self.skipping and not self.item_depth and _REFERENCE_TITLE.match(self.last_heading):
                self.item_depth, self.item_start = len(self.stack), len(self.chars)
                self.item_number = number
        # arXiv's "Zhao et al. (2014)", ScienceDirect's <span class="label">Smith et al., 2019</span>
        if ("ltx_tag_bibitem" in classes or (tag == "span" and "label" in classes)) and self.item_depth and not self.skipping:
            self.tag_span = (len(self.chars), -1, len(self.stack))
        if part == "card" and not self.card_depth and self.item_depth == len(self.stack):
            self.card_depth, self.card_start, self.card_fields = len(self.stack), self.item_start, []
        elif self.card_depth and part != "shown":
            listed = next((f.kind for f in reversed(self.card_fields) if f.end < 0 and f.kind in ("authors", "meta")),
                          "") if tag == "li" else ""  # an item of the card's list of authors, or of its dates
            if part or listed:
                self.card_fields.append(CardField(part or ("author" if listed == "authors" else "meta"),
                                                  len(self.stack), len(self.chars)))
        target = dict(attrs).get("id") or dict(attrs).get("name") or ""
        if target in self.targets and self.item_depth and not self.skipping:
            self.item_number = self.targets[target]  # the entry a marker "<a href='#ref-CR7'>7</a>" links to
            self.linked = True
        if tag == "dt" and not self.skipping and _REFERENCE_TITLE.match(self.last_heading):
            self.label_at = len(self.chars)
        if self.item_depth and not self.inline_depth and classes & _INLINE_CITATION_CLASSES:
            self.inline_depth = len(self.stack)  # OUP's div.mixed-citation: its <div>s are shown inline
        if tag == "li" and role == "doc-endnote" and not self.skipping:  # pandoc's note: "[^fn1]: its text"
            self.note_label = f"[^{target}]: "  # written before its first text (its <p> breaks no line)
            self.endnote_depth = self.endnote_depth or len(self.stack)
        if tag in ("i", "em", "span"):  # italics in a reference list are the work's or container's title
            italic = tag != "span" or bool(classes & _ITALIC_CLASSES)  # LaTeXML's span.ltx_font_italic
            self.italic_at.append(len(self.chars) if italic and not self.skipping else -1)  # the body's too: MLA's
            # title citation, "(<i>Beloved</i> 45)", is "(*Beloved* 45)", as pandoc writes it in Markdown
        if self.skipping:
            return
        level = HEADING.match(tag)
        if level and self.untitled >= 0:  # the reference list's own heading ("References", or other)
            self.untitled = _OWN_HEADING
        if level:
            self.heading_start = len(self.chars)
            self.newlines(2, origin)
            self.put("#" * int(level.group(1)) + " ", origin)
            self.heading = []
        elif tag in PARAGRAPH or tag in LINE or classes & _BLOCK_CLASSES or block_entry:
            self._break(tag, origin, opening=True)
            if tag == "p" and not self.item_depth:
                self.para_at = len(self.chars)
            if tag == "summary" and self.heading is None:  # "<summary>References (12)</summary>" heads its list
                self.heading, self.summary_at = [], len(self.chars)
        elif tag in CELL:
            self.text(" ", origin)
        if classes & REFERENCE_LIST_CLASSES and not _REFERENCE_TITLE.match(self.last_heading):
            self.untitled = origin  # headed "References" at its first text, unless a heading of its own comes first

    def _shown_template(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """A ``<template>`` holding the reference list a script shows on demand (under a References
        heading, or named so): read, as the list it is. Other templates are inert markup, left out."""
        values = dict(attrs)
        names = f"{values.get('class') or ''} {values.get('id') or ''}".lower()
        return tag == "template" and (bool(_REFERENCE_TITLE.match(self.last_heading)) or
                                      bool(re.search(r"reference|bibliograph", names)))

    def _chrome(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """The site around the article: a ``<footer>`` ("© 2023 Blog Inc.", "Posted by ...") or a
        ``<div>`` named so (a blog's ``div.post-footer``: "Like", "12 Comments", "Share"), an
        ``<aside>`` (a sidebar), a ``<header>`` outside any article (the site's banner), or an element
        whose ARIA role names one of them. After a reference list they would read as more entries.
        Kept when they hold notes or a bibliography (pandoc's ``aside.footnotes``,
        ``role="doc-endnotes"``, a ``footer`` classed or named "references")."""
        values = dict(attrs)
        role = (values.get("role") or "").strip().lower()
        if role in _CHROME_ROLES:
            chrome = True
        elif tag == "header":
            chrome = not any(name in ("article", "main") for name, _ in self.stack)
        else:
            chrome = tag in ("footer", "aside") or (tag in ("div", "section") and any(
                _FOOTER_NAME.match(name) for name in f"{values.get('class') or ''} {values.get('id') or ''}".split()))
        names = f"{values.get('class') or ''} {values.get('id') or ''} {role}".lower()
        return chrome and not _NOTES_NAMES.search(names)

    def _close_implicit(self, tag: str) -> None:
        """``<li>`` closes an open ``<li>`` of the same list; ``<p>`` an open ``<p>``."""
        containers = {"li": ("ul", "ol"), "dd": ("dl",), "dt": ("dl",), "tr": ("table", "tbody", "thead"),
                      "td": ("tr",), "th": ("tr",), "p": ("div", "li", "td", "section", "article", "body")}
        for index in range(len(self.stack) - 1, -1, -1):
            name = self.stack[index][0]
            if name in containers.get(tag, ()):
                return
            if name == tag or (tag in ("dd", "dt") and name in ("dd", "dt")) or (tag in ("td", "th") and name in ("td", "th")):
                self._pop_to(index)
                return

    def _pop_to(self, index: int) -> None:
        if self.inline_depth > index:
            self.inline_depth = 0
        if self.endnote_depth > index:
            self.endnote_depth = 0
        while len(self.stack) > index:
            _, skip = self.stack.pop()
            self.counts.pop(len(self.stack) + 1, None)
            self.unnumbered.discard(len(self.stack) + 1)
            if skip:
                self.skipping -= 1
            if len(self.stack) + 1 == self.doi_depth:
                self._hidden_doi()
            if self.card_depth:
                self._card_closing(len(self.stack) + 1)
            if self.tag_span[2] == len(self.stack) + 1 and self.tag_span[1] < 0:
                self.tag_span = (self.tag_span[0], len(self.chars), self.tag_span[2])
        if self.item_depth > len(self.stack):
            self.item_depth = 0
            self._drop_counts()
            self._drop_tag()
            self._number_item()

    def _drop_tag(self) -> None:
        """Take out of the closing entry LaTeXML's author-date tag ("Zhao et al. (2014)", arXiv's HTML of a
        natbib paper; ScienceDirect's label, "Smith et al., 2019") when the entry's own text gives its year: it only repeats the citation, and read as the
        entry's start it took the authors' and the title's place. A number tag, "[3]", stays, as a label."""
        start, end, _ = self.tag_span
        self.tag_span = (-1, -1, 0)
        if start < 0 or end < start:
            return
        tag = "".join(self.chars[start:end]).strip()
        year = re.search(r"\b(?:1[5-9]|20)\d{2}[a-z]?\b", tag)
        if _NUMBER_LABEL.match(tag) or year is None or year.group() not in "".join(self.chars[end:]):
            return
        while end < len(self.chars) and self.chars[end] in " .\n":
            end += 1
        del self.chars[start:end], self.origin[start:end]

    def _card_closing(self, depth: int) -> None:
        """An element of a ResearchGate reference card ends: a field's text is marked; at the card's own
        end, the card is rewritten as a reference (``parse.html_cards``)."""
        for field in self.card_fields:
            if field.depth == depth and field.end < 0:
                field.end = len(self.chars)
        if depth == self.card_depth:
            self.card_depth = 0
            rewrite_card(self.chars, self.origin, self.card_start, self.card_fields)

    def _count(self, attrs: list[tuple[str, str | None]]) -> int:
        """The number the nearest ``<ol>`` shows before this ``<li>`` (its ``value``, else one past the
        last; the ``<ol start>`` counted from), or 0 in a ``<ul>`` or an ``<ol>`` left unnumbered."""
        for depth in range(len(self.stack) - 1, 0, -1):
            name = self.stack[depth - 1][0]
            if name == "ul":
                return 0
            if name == "ol":
                count = _number(dict(attrs).get("value"), self.counts.get(depth, 0) + 1)
                self.counts[depth] = count
                return 0 if depth in self.unnumbered else count
        return 0

    def _hidden_doi(self) -> None:
        """The DOI a site keeps hidden in an entry for its scripts (Wiley's ``span.hidden.data-doi``),
        written as a link after the entry's text when the text does not give it, as a DOI button's is."""
        doi = "".join(self.doi_text).strip()
        self.doi_depth, self.doi_text = 0, []
        entry = "".join(self.chars[self.item_start:]).lower()
        if self.item_depth and re.fullmatch(r"10\.\d{4,9}/\S+", doi) and doi.lower() not in entry:
            origin = self.origin[-1] if self.origin else 0
            self.text(" ", origin)
            self.put(f"<https://doi.org/{doi}>", origin)

    def _drop_counts(self) -> None:
        """Take out of the closing entry the counts a site shows with it, not a link ("Cited by (1234)",
        Wiley's "Web of Science®Times Cited: 12"), so they are no part of its text."""
        entry = "".join(self.chars[self.item_start:])
        for found in reversed(list(_CITED_COUNT.finditer(entry))):
            start, end = self.item_start + found.start(), self.item_start + found.end()
            del self.chars[start:end], self.origin[start:end]

    def _number_item(self) -> None:
        """Write the number an ``<ol>`` shows before a reference-list entry ("3. ") at its start, as a
        typed or Markdown list has it, so ``parse.references`` labels the entry and "[3]" cites it
        (an entry whose text starts with its own "[3]" or "3." keeps that)."""
        number, self.item_number = self.item_number, 0
        if not number and self.linked and self.prev_number and self.prev_number + 1 not in self.taken:
            number = self.prev_number + 1  # between linked entries: "[3]–[5]" links to 3 and 5 only
        self.prev_number = number
        first = self.item_start
        while first < len(self.chars) and self.chars[first].isspace():
            first += 1
        head = "".join(self.chars[first:first + 8])
        glued = _GLUED_LABEL.match(head)
        if glued:  # PLOS's "<span class='label'>1.</span>Potts SG": the label apart from the text
            self.chars.insert(first + glued.end(), " ")
            self.origin.insert(first + glued.end(), self.origin[first + glued.end()])
            return
        if not number or first == len(self.chars) or _TYPED_LABEL.match(head):
            return
        label = f"{number}. "
        self.chars[first:first] = list(label)
        self.origin[first:first] = [self.origin[first]] * len(label)

    def handle_endtag(self, tag: str) -> None:
        origin = self._at()
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                closing_entry = self.item_depth == index + 1  # the end of a reference-list entry
                self._pop_to(index)
                break
        else:
            return
        sup_start = self.sup_at.pop() if tag == "sup" and self.sup_at else -1
        link = self.links.pop() if tag == "a" and self.links else None
        italic_start = self.italic_at.pop() if tag in ("i", "em", "span") and self.italic_at else -1
        if self.skipping:
            return
        if italic_start >= 0:
            self._mark_italic(italic_start)
        if link is not None:
            self._show_link(*link)
        if sup_start >= 0:
            self._superscript_numbers(sup_start)
        if tag == "dt" and self.label_at >= 0:
            self._label(origin)
            return
        if tag == "summary" and self.summary_at >= 0:
            self._summary_heading()
        if tag == "p":
            self._paragraph_heading()
        if HEADING.match(tag):
            title = " ".join("".join(self.heading or []).split())
            if _SITE_SECTION.match(title) and _REFERENCE_TITLE.match(self.last_heading):
                self._end_list(self.heading_start)  # "Share this article", "Related articles" after the list
            self.last_heading = title
            self.heading = None
            self.heading_end = len(self.chars)
            if _FOREIGN_TITLE.match(self.last_heading) or _COUNTED_TITLE.match(self.last_heading):
                self._as_references()
            self.newlines(2, origin)
            if self.untitled == _OWN_HEADING and not _REFERENCE_TITLE.match(self.last_heading):  # "Further reading"
                self._title_list(origin)
            elif self.untitled == _OWN_HEADING:
                self.untitled = _NO_LIST
        elif tag in PARAGRAPH or tag in LINE or closing_entry:
            self._break(tag, origin, closed_entry=closing_entry)
        elif tag in CELL:
            self.text(" ", origin)

    def _after_heading(self) -> bool:
        """Whether text follows the last heading (a rule right under a heading, "References<hr>", is
        decoration and does not end its section)."""
        return any(not ch.isspace() for ch in self.chars[self.heading_end:])

    def _paragraph_heading(self) -> None:
        """A paragraph that only names the reference list ("<p><strong>Bibliography</strong></p>", as
        blogs and E-International Relations essays head theirs): the paragraphs after it are its
        entries (italics and links kept). Written "References" when in another language or counted."""
        start, self.para_at = self.para_at, -1
        if start < 0 or self.skipping:
            return
        title = " ".join("".join(self.chars[start:]).split()).rstrip(":").strip()
        if _BACK_MATTER.match(title) and _REFERENCE_TITLE.match(self.last_heading):
            self._end_list(start)
            return
        if not title or len(title) > 40:
            return
        if _FOREIGN_TITLE.match(title) or _COUNTED_TITLE.match(title):
            at = self.origin[start] if start < len(self.origin) else 0
            while start < len(self.chars) and self.chars[start].isspace():
                start += 1
            del self.chars[start:], self.origin[start:]
            self.put("References", at)
        elif not _REFERENCE_TITLE.match(title) or _NOTES_TITLE.match(title):  # "<p>Notes</p>" may be prose's
            return
        self.last_heading, self.heading_end = "References", len(self.chars)

    def _end_list(self, start: int) -> None:
        """End the reference list before the paragraph at ``start`` in ``chars`` with a rule, "---", as
        ``<hr>`` does: the article's back matter follows it (Frontiers' "Keywords:", "Citation:",
        "Received:", "Copyright ©", "*Correspondence:"), no entries."""
        while start < len(self.chars) and self.chars[start].isspace():
            start += 1
        at = self.origin[start] if start < len(self.origin) else (self.origin[-1] if self.origin else 0)
        self.chars[start:start] = list("---\n\n")
        self.origin[start:start] = [at] * 5
        self.last_heading = ""

    def _summary_heading(self) -> None:
        """The end of a ``<summary>``: one naming a reference list ("References", "Références (8)") is
        written as its heading, "## References"; any other stays the line of text it is."""
        title = " ".join("".join(self.heading or []).split())
        start, self.summary_at, self.heading = self.summary_at, -1, None
        if not (_REFERENCE_TITLE.match(title) or _FOREIGN_TITLE.match(title) or _COUNTED_TITLE.match(title)):
            return
        at = self.origin[start] if start < len(self.origin) else (self.origin[-1] if self.origin else 0)
        del self.chars[start:], self.origin[start:]
        self.newlines(2, at)
        self.put("## References", at)
        self.newlines(2, at)
        self.last_heading = "References"

    def _as_references(self) -> None:
        """A reference heading in another language ("Literatur", "Bibliographie", "Referencias") is
        written "References" (at the heading's place), as ``parse.sections`` knows the list by it."""
        start = len(self.chars)
        while start > 0 and self.chars[start - 1] != "#":
            start -= 1
        while start < len(self.chars) and self.chars[start] == " ":
            start += 1
        at = self.origin[start] if start < len(self.origin) else (self.origin[-1] if self.origin else 0)
        del self.chars[start:], self.origin[start:]
        self.put("References", at)
        self.last_heading = "References"

    def _break(self, tag: str, origin: int, opening: bool = False, closed_entry: bool = False) -> None:
        """A block boundary: a blank line (a line for ``LINE`` tags), but only a space inside an entry
        of a reference list (publishers put an entry's text and its links in paragraphs of one <li>;
        pandoc its number and its text in two <div>s of one ``div.csl-entry``)."""
        own_edge = (tag in ENTRY_TAGS or opening) and len(self.stack) == self.item_depth  # the entry's own start
        if self.inline_depth and (len(self.stack) > self.inline_depth if opening else len(self.stack) >= self.inline_depth):
            return  # a field of OUP's citation ("<div class='surname'>Heckman</div> <div ...>T. M.</div>")
        if self.glue and tag == "dd":  # the entry after its number label ("[1]")
            self.glue = False
            self.text(" ", origin)
        elif self.item_depth and len(self.stack) >= self.item_depth and not own_edge:
            # blocks inside an entry are its fields (Elsevier: authors, title, host in three <div>s)
            tail = "".join(self.chars[max(self.item_start, len(self.chars) - 200):]).rstrip()
            last_word = tail.rsplit(None, 1)[-1] if tail else ""
            if tail and tail[-1] not in ".,;:!?([<>&" and "://" not in last_word and not _NUMBER_LABEL.match(tail):
                self.put(".", origin)
            self.text(" ", origin)
        else:
            self.newlines(2 if tag in PARAGRAPH or closed_entry else 1, origin)

    def _label(self, origin: int) -> None:
        """The end of a ``<dt>`` label in a reference list (Elsevier's ``dl.references``): a number
        ("[1]", "1.") is kept as the marker of the entry its ``<dd>`` holds; an author-date label
        ("Kim and Park, 2018") only repeats the citation and is taken out."""
        label = "".join(self.chars[self.label_at:]).strip()
        if _NUMBER_LABEL.match(label):
            self.glue = True
        else:
            del self.chars[self.label_at:], self.origin[self.label_at:]
        self.label_at = -1

    def _web_link(self, attrs: list[tuple[str, str | None]], origin: int) -> tuple[str, int, int] | None:
        """An ``<a href="...">`` inside a reference list: its URL is not in the text a reader sees
        (Wikipedia links an entry's title to the page it cites)."""
        href = (dict(attrs).get("href") or "").strip()
        if self.skipping or not (_REFERENCE_TITLE.match(self.last_heading) or self.endnote_depth) or not href:
            return None  # a link in a note is shown too: GOV.UK's notes link the works they name
        raw = self.get_starttag_text() or ""
        at = raw.find(href)
        return href, origin + at if at >= 0 else origin, len(self.chars)

    def _show_link(self, href: str, origin: int, start: int) -> None:
        """Write a reference-list link's URL after its text, "<https://...>", once per entry. A
        publisher's link button ("Article", "Google Scholar", "PubMed", "CAS", "Download references")
        is no part of the entry: its text is taken out, and a DOI it links to written in its place
        when the entry does not give one. Other DOI links are left out (the DOI is in the text)."""
        shown = "".join(self.chars[start:]).strip()
        redirect = _GOOGLE_REDIRECT.match(href)  # Google Docs' export links every address through google.com/url
        if redirect:  # the address it carries, mapped to where it sits in the link
            href, origin = unquote(unescape(redirect.group(1))), origin + redirect.start(1)
        if href.startswith("#") and shown in _BACK_ARROWS:  # HighWire's (bioRxiv's) "↵" back to the text
            del self.chars[start:], self.origin[start:]
            return
        bracketed = start > self.item_start and self.chars[start - 1] == "["  # PMC's "[<a>DOI</a>]"
        if _LINK_FURNITURE.match(shown) or (bracketed and shown.lower() == "doi"):  # Wikipedia's "doi:" stays
            while start > self.item_start and self.chars[start - 1] in _SEPARATORS:  # and the comma before it
                start -= 1
            if start > self.item_start and self.chars[start - 1] == "[" and not shown.startswith("["):
                start -= 1  # PubMed Central brackets the link: "[<a>PubMed</a>]"
                self.drop_bracket = True
                while start > self.item_start and self.chars[start - 1] in _SEPARATORS:
                    start -= 1
            del self.chars[start:], self.origin[start:]
            # the DOI it links to, or (Wiley's and Taylor & Francis's "/servlet/linkout?...&key=10.1093%2F...")
            # carries in its query
            self._unshown_doi(_DOI_HREF.match(href) or _LINKOUT_DOI.search(href), href, origin)
            return
        if not _WEB_HREF.match(href):
            # a title linked to its DOI, as Wikipedia links it when the cited url is a doi.org address: the DOI,
            # when the entry so far does not give it, where it was left out as if it were in the text
            self._unshown_doi(_DOI_HREF.match(href), href, origin, shown)
            return
        if href in self.shown or shown == href or shown.rstrip("/") == href.rstrip("/"):
            return
        self.shown.add(href)
        self.put(" <", origin)
        self.put(href, origin, step=True)
        self.put(">", origin + len(href) - 1)

    def _unshown_doi(self, doi: re.Match[str] | None, href: str, origin: int, shown: str = "") -> None:
        """Write the DOI a link points to, "<https://doi.org/...>", when the entry so far (with the link's own
        text, ``shown``) does not give it."""
        entry = "".join(self.chars[self.item_start:]).lower() if self.item_depth else ""
        found = unquote(unescape(doi.group(1))) if doi else ""
        if found and found not in self.shown and found.lower() not in entry and found.lower() not in shown.lower():
            self.shown.add(found)
            self.text(" ", origin)
            self.put("<", origin)
            self.put(f"https://doi.org/{found}", origin)
            self.put(">", origin + len(href) - 1)

    def _mark_italic(self, start: int) -> None:
        """Put Markdown's ``*`` around the text of an ``<i>``, as the free-text parser reads a title or a container
        in a reference list and the citation reader an MLA title citation in the body (inside any spaces at its
        edges)."""
        inner = "".join(self.chars[start:])
        if not inner.strip() or "*" in inner:
            return
        first = start + len(inner) - len(inner.lstrip())
        last = len(self.chars) - (len(inner) - len(inner.rstrip()))
        self.chars.insert(last, "*")
        self.origin.insert(last, self.origin[last - 1])
        self.chars.insert(first, "*")
        self.origin.insert(first, self.origin[first])

    def _superscript_numbers(self, start: int) -> None:
        """A superscript of citation numbers ("<sup>1,2</sup>", Vancouver) becomes the Unicode superscripts the
        reader sees ("¹,²"), which ``parse.citation_numbers`` reads as it reads them in copied text, so a message
        quotes the page as it shows, where it quoted "[1,2]", and its exponent rules apply ("10<sup>2</sup> km" is
        no citation of entry 2); other superscripts ("10<sup>th</sup>") stay. Each digit keeps its place in the page."""
        inner = "".join(self.chars[start:])
        if not _SUP_NUMBERS.match(inner):
            return
        if not superscript_in_unicode("".join(self.chars[max(0, start - 40) : start])):
            # "children <sup>1</sup>", "in 2019<sup>2</sup>", "vitamin D<sup>1</sup>": "[1]", as before
            self.chars.insert(start, "[")
            self.origin.insert(start, self.origin[start] if start < len(self.origin) else self.origin[-1])
            self.put("]", self.origin[-1])  # the span ends at its last digit
            return
        kept = [(ch.translate(_SUPERSCRIPTS), at) for ch, at in zip(self.chars[start:], self.origin[start:])
                if not ch.isspace()]
        self.chars[start:] = [ch for ch, _ in kept]
        self.origin[start:] = [at for _, at in kept]


_COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d{1,7})"
_CITED_COUNT = re.compile(rf"\s*(?:(?:times cited|cited by)\s*:?\s*\(?{_COUNT}\)?|citations?\s*(?::\s*{_COUNT}|\({_COUNT}\)))"
                          r"\.?(?=\s|$)", re.IGNORECASE)
# a paragraph of an article's back matter, after its reference list (Frontiers, journals' footers)
_BACK_MATTER = re.compile(r"^\*?(?:keywords|citation|received|accepted|published(?: online)?|edited by|reviewed by|"
                          r"correspondence|specialty section|copyright)\b\s*(?::|©|\(c\))", re.IGNORECASE)
# the sections a site puts after an article, inside it, under headings of their own: after a reference list they
# end it ("Share this article", "Related posts", "You may also like", "3 Comments", "About the author")
_SITE_SECTION = re.compile(
    r"^\W*(?:share(?: this)?(?: (?:article|post|page|story))?(?: on \w+)?|related(?: (?:articles?|posts?|stories|"
    r"content|reading|topics|links))?|you (?:may|might) also (?:like|enjoy)|more (?:from|on|in|like|stories|articles)"
    r"\b.*|recommended(?: (?:for you|reading|articles|posts))?|read (?:more|next|this next)|\d* ?comments?|"
    r"leave a (?:reply|comment)|join the (?:discussion|conversation)|about the authors?|tags|topics|categories|"
    r"subscribe\b.*|sign up\b.*|newsletter|popular(?: posts)?|trending|most (?:read|popular|viewed)|follow us)"
    r"\W*$", re.IGNORECASE)
_NOTES_TITLE = re.compile(r"^\s*(?:notes|footnotes|citations)\s*$", re.IGNORECASE)
_COUNTED_TITLE = re.compile(r"^\s*(?:references?|bibliography|works cited|literature cited|sources)\s*"
                            r"\(\d{1,4}\)\s*$", re.IGNORECASE)  # "References (45)", as ScienceDirect heads its list
_FOREIGN_TITLE = re.compile(
    r"^\s*(?:literatur|literaturverzeichnis|literaturangaben|quellen|quellenverzeichnis|einzelnachweise|"
    r"quellen und literatur|literatur und quellen|bibliographie|bibliografie|références|"
    r"références bibliographiques|notes et références|bibliografía|referencias|referencias bibliográficas|"
    r"obras citadas|bibliografia|riferimenti bibliografici|referências|referências bibliográficas|"
    r"literatuur|literatuurlijst|bronnen|referenties)\s*:?\s*$", re.IGNORECASE)
_GLUED_LABEL = re.compile(r"^(?:\[\d{1,4}\]|\(?\d{1,4}[.)])(?=[^\W\d_])")  # "1.Potts", "[3]I. Beltagy"
_NUMBER_LABEL = re.compile(r"^\[?\d{1,4}[.\]]?$|^\[[A-Z][A-Za-z]{0,5}\+?\d{2}[a-z]?\]$")  # "[3]", "3.", alpha's "[Knu84]"
_TYPED_LABEL = re.compile(r"^(?:\[\d{1,4}\](?!\d)|\(?\d{1,4}[.)](?:\s|$))")  # "[3] ", "[3]I. Beltagy", "3. ", "(3) "


# text for screen readers only ("(opens in new window)"); a plain "hidden" class may be a list a click shows
_HIDDEN_CLASSES = frozenset({"sr-only", "visually-hidden", "u-visually-hidden", "screen-reader-text",
                             "screenreader-only", "u-screenreader-only", "a11y-hidden"})
_ITALIC_CLASSES = frozenset({"ltx_font_italic", "italic", "ital", "html-italic"})  # MDPI's span.html-italic
_BLOCK_CLASSES = frozenset({"ltx_bibblock"})  # LaTeXML's entry blocks, spans its CSS shows as lines
_INLINE_CITATION_CLASSES = frozenset({"mixed-citation", "element-citation"})  # JATS fields, each in a <div>
# one entry of a reference list written in <div>s: OUP's div.js-splitview-ref-item, IEEE Xplore's
# div.reference-container, Cambridge Core's div.circle-list__item, a "ref-item" ...
_BLOCK_ENTRY_CLASS = re.compile(r"(?:^|[-_])(?:ref|reference|citation|bib|bibr)[-_]{1,2}(?:item|entry)$|"
                                r"^reference-container$|^circle-list__item$", re.IGNORECASE)


def _block_entry(classes: set[str], role: str) -> bool:
    """Whether an element is one entry of a reference list, though no ``<li>``: a class naming it so, or
    the ARIA role of a list item (Cell Press's and SAGE's ``<div role="listitem">``)."""
    return role in ("listitem", "doc-biblioentry") or any(_BLOCK_ENTRY_CLASS.search(name) for name in classes)


def _note_marker(tag: str, role: str, classes: set[str], href: str | None, rel: str | None) -> str:
    """The note a pandoc footnote marker links to (``<a href="#fn1" role="doc-noteref">``: "fn1"), written
    as Markdown's "[^fn1]", its note as "[^fn1]: ..." (``parse.trailing_notes`` reads them with the body);
    kramdown's (Jekyll's, GOV.UK's) ``<a href="#fn:1" rel="footnote">`` and Substack's
    ``<a class="footnote-anchor" href="#footnote-1">`` too."""
    marker = role == "doc-noteref" or bool(classes & {"footnote-ref", "footnote-anchor"}) or "footnote" in (rel or "").split()
    if tag != "a" or not marker or not (href or "").startswith("#"):
        return ""
    return (href or "")[1:].strip()


# a footer in a <div> named so: a blog's ("post-footer": likes, comments, share), a site's ("footer-wrap")
_FOOTER_NAME = re.compile(r"^(?:(?:site|page|post|publication|global|main|blog|entry)[-_]{1,2})?footer"
                          r"(?:[-_]{1,2}(?:wrap|wrapper|container|inner|area|widgets?))?$", re.IGNORECASE)
_CHROME_ROLES = frozenset({"contentinfo", "banner", "complementary", "navigation", "search"})
_NOTES_NAMES = re.compile(r"footnote|endnote|reference|bibliograph|citation|doc-notes?\b")
_SITE_LIST_CLASS = re.compile(r"ref|cit|bibl", re.IGNORECASE)


def _site_list(classes: set[str], style: str | None) -> bool:
    """An ``<ol>`` a site styles as its reference list (MediaWiki's ``ol.references``, Springer's
    ``ol.c-article-references`` ...) or without markers (``list-style: none``): its CSS, which is not
    read, decides whether numbers show (Springer's author-date lists are ``<ol>``s that show none),
    and a site that shows them cites its entries by link or id. Such a list is not numbered."""
    return any(_SITE_LIST_CLASS.search(name) for name in classes) or bool(
        re.search(r"list-style(?:-type)?\s*:\s*none", style or "", re.IGNORECASE))


def _number(value: str | None, default: int) -> int:
    """An ``<ol start>`` or ``<li value>`` (a number, maybe signed), else ``default``."""
    text = (value or "").strip()
    return int(text) if re.fullmatch(r"-?\d{1,6}", text) else default
_WEB_HREF = re.compile(r"^https?://(?!(?:dx\.)?doi\.org/)\S+$", re.IGNORECASE)
_LINKOUT_DOI = re.compile(r"^(?:https?://[^/\s]+)?/servlet/linkout\?(?:\S*?&)?key=(10\.\d{4,9}(?:%2F|/)[^&\s]+)",
                          re.IGNORECASE)
_GOOGLE_REDIRECT = re.compile(r"^https?://www\.google\.com/url\?(?:[^#\s]*?&(?:amp;)?)?q=(https?[^&#\s]+)", re.IGNORECASE)
_DOI_HREF = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.IGNORECASE)
# the link buttons publishers put after each entry (Springer Nature, Elsevier, Wiley, Taylor & Francis, PLOS ...)
_LINK_FURNITURE = re.compile(  # bare or bracketed ("[Crossref]", Taylor & Francis)
    r"^\[?(?:article|google scholar|search in google scholar|pubmed|pubmed central|pmc|europe pmc|medline|cas|"
    r"cross ?ref|full text via cross ?ref|view record in scopus|view in scopus|scopus|web of science ?®?|isi|"
    r"mathscinet|math ?reviews?|zbmath|ads|nasa ads|semantic scholar|wiley online library|open ?url|"
    r"find it(?: @ \w+)?|view article|view in article|view at publisher|publisher site|full text|abstract|"
    r"pdf|download references?|(?:cited by|times cited):?(?: \(?[\d,]+\)?)?|pmc free article|free article|"
    r"free full text|ref list|ads abstract service|view pdf|download pdf|view full text|view html|purchase pdf|"
    r"book|chapter|math|pubmed/ncbi|ncbi|taylor (?:&|and) francis online|t&f online|get rights and content|"
    r"full text links|view at crossref|view at scopus|open in viewer|search ads|find in my library|worldcat|"
    r"show in context|digital library|pubmed abstract|cross ?ref full text|green version|openurl|"
    r"abstract/(?:free )?full text)\]?$",
    re.IGNORECASE)
_BACK_ARROWS = frozenset({"↵", "↑", "^", "↩", "↩︎", "⤴"})  # a link back from an entry to its citation
_SEPARATORS = " \t,;|·"  # what stands between link buttons ("[Crossref], [PubMed]")
_SUP_NUMBERS = re.compile(r"^\s*\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\s*$")
_SUPERSCRIPTS = str.maketrans("0123456789-\u2013", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def _readable_end(source: str) -> int:
    """Where a page's markup ends: before a comment never closed (``<!--`` with no ``-->`` after it),
    which a browser hides to the end of the file and Python's parser would give back as text."""
    opened = source.rfind("<!--")
    return opened if opened >= 0 and source.find("-->", opened + 4) < 0 else len(source)


def html_text(file: str, source: str) -> CleanText:
    """The readable text of a page, each character mapped to its offset in ``source``."""
    parser = _PageText(source)
    parser.feed(source[: _readable_end(source)])
    parser.close()
    parser._pop_to(0)  # elements left open at the end (an unclosed last <li> is numbered too)
    parser.newlines(1, len(source))
    text = "".join(parser.chars).lstrip("\n")
    origin = parser.origin[len(parser.chars) - len(text):]
    return CleanText(file=file, text=text, origin=tuple(origin) + (len(source),), source=source)



# --- Wikipedia's numbered notes -----------------------------------------------------------------

_NOTE_ID = re.compile(r"^(?:cite_note-|CITEREF)")
# kramdown's "fn:1", pandoc's "fn1", Substack's "footnote-1" (its marker's is "footnote-anchor-1")
_ENDNOTE_ID = re.compile(r"^(?:fn(?!ref)[:-]?\w[\w:.-]{0,60}|footnote-\d{1,4})$")


@dataclass(frozen=True)
class Footnotes:
    """Markers citing notes, and where every note (or CITEREF anchor) sits in the page."""

    citations: tuple[Citation, ...]
    notes: tuple[tuple[str, int, int], ...]  # (id, start, end) offsets in the HTML

    def note_key(self, offset: int) -> str:
        """The id of the note holding ``offset``: a ``cite_note-`` one, else a ``CITEREF`` anchor, else
        a kramdown or pandoc note ("fn:1")."""
        for prefix in ("cite_note-", "CITEREF", "fn"):
            found = self._index(prefix)
            at = bisect.bisect_right(found[0], offset) - 1
            if at >= 0 and offset < found[1][at][2]:
                return found[1][at][0]
        return ""

    def _index(self, prefix: str) -> tuple[list[int], list[tuple[str, int, int]]]:
        """Notes of one kind (they do not nest in each other) by start, cached."""
        cache = self.__dict__.setdefault("_cache", {})
        if prefix not in cache:
            chosen = sorted((n for n in self.notes if n[0].startswith(prefix)), key=lambda n: n[1])
            cache[prefix] = ([n[1] for n in chosen], chosen)
        return cache[prefix]


class _Notes(HTMLParser):
    def __init__(self, source: str, endnotes: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.endnotes = endnotes  # read kramdown's and pandoc's notes too (``<li id="fn:1">``)
        self.starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.open: list[tuple[str, str, int]] = []  # (tag, id, start) of open elements
        self.notes: list[tuple[str, int, int]] = []
        self.marker: list[int] | None = None  # open sup.reference: [start, depth]
        self.links: list[tuple[str, int, int, bool]] = []  # (target, start, end, is_marker)
        self.link: tuple[str, int, bool] | None = None  # an open link to a note: (target, start, is a marker)

    def _at(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _end_of_tag(self, start: int) -> int:
        end = self.source.find(">", start)
        return end + 1 if end >= 0 else start

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._at()
        values = dict(attrs)
        if tag == "li" and self.open and self.open[-1][0] == "li":  # an unclosed <li>
            self._close(len(self.open) - 1, at)
        if tag in VOID:
            return
        self.open.append((tag, values.get("id") or "", at))
        if (self.endnotes and tag == "a" and "footnote-number" in (values.get("class") or "").split()
                and len(self.open) > 1 and self.open[-2][0] == "div" and _ENDNOTE_ID.match(values.get("id") or "")):
            self.open[-2] = ("div", values.get("id") or "", self.open[-2][2])  # Substack's note: the <div> its number opens
        if tag == "sup" and "reference" in (values.get("class") or "").split():
            self.marker = [at, len(self.open)]
        href = values.get("href") or ""
        if tag == "a" and href.startswith("#") and _NOTE_ID.match(href[1:]):
            self.link = (href[1:], at, False)
        elif self.endnotes and tag == "a" and _ENDNOTE_ID.match(href[1:]) and _note_marker(
                tag, (values.get("role") or "").strip().lower(), set((values.get("class") or "").split()), href,
                values.get("rel")):
            self.link = (href[1:], at, True)  # kramdown's <a href="#fn:1" rel="footnote">

    def handle_endtag(self, tag: str) -> None:
        at = self._at()
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                self._close(index, self._end_of_tag(at))
                return

    def _close(self, index: int, end: int) -> None:
        while len(self.open) > index:
            tag, ident, start = self.open.pop()
            if ident and (_NOTE_ID.match(ident) or (self.endnotes and tag in ("li", "div") and _ENDNOTE_ID.match(ident))):
                self.notes.append((ident, start, end))
            if tag == "a" and self.link is not None:
                target, link_start, marker = self.link
                sup = self.marker
                self.links.append((target, sup[0] if sup is not None else link_start, end, sup is not None or marker))
                self.link = None
            if self.marker is not None and len(self.open) < self.marker[1]:
                self.marker = None


_SHORT_NOTE = re.compile(r"^(?P<names>[^\d()]+?),?\s+(?P<year>(?:1[5-9]|20)\d{2})(?P<suffix>[a-z]?)$")
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")


def _short_note_citation(shown: str, span: Span) -> Citation | None:
    """"Harcourt 2006" / "Lee & Park 2001" as an author-date citation (names placed on the link)."""
    m = _SHORT_NOTE.match(shown)
    if not m:
        return None
    names = [n for n in _NAME_SPLIT.split(m.group("names").strip()) if n]
    etal = bool(names) and names[-1].endswith("et al.")
    names = [n.removesuffix("et al.").strip() for n in names]
    return Citation(text=shown, span=span, names=tuple(CitedName(n, span) for n in names if n),
                    year=int(m.group("year")), year_suffix=m.group("suffix"), etal=etal, group=shown)


def wiki_footnotes(file: str, source: str, endnotes: bool = False) -> Footnotes:
    """The note markers of a page as key citations, and its notes' places (empty when it has none).
    ``endnotes``: kramdown's and pandoc's notes too (``<a href="#fn:1" rel="footnote">`` citing
    ``<li id="fn:1">``), read so on a page with no reference list (GOV.UK's, whose notes hold its works)."""
    parser = _Notes(source, endnotes)
    parser.feed(source[: _readable_end(source)])
    parser.close()
    parser._close(0, len(source))
    notes = tuple(sorted(parser.notes, key=lambda n: n[1]))
    ids = {n[0] for n in notes}
    starts = tuple(parser.starts)
    citations: list[Citation] = []
    for target, start, end, in_marker in parser.links:
        if not in_marker and not target.startswith("CITEREF"):
            continue  # a back-link from a note to its marker
        span: Span = span_at(file, source, start, end, starts)
        shown = " ".join(re.sub(r"<[^>]*>", "", source[start:end]).split())
        if target.startswith("CITEREF") and target not in ids:
            # a short note's link to an entry the page does not have ("Harcourt 2006" when the Sources
            # list has Harcourt 2008): an author-date citation, for the cross-check to weigh
            dangling = _short_note_citation(unescape(shown), span)
            if dangling is not None:
                citations.append(dangling)
            continue
        citations.append(Citation(text=unescape(shown) or target, span=span, names=(), key=target,
                                  group=unescape(shown)))
    return Footnotes(tuple(sorted(citations, key=lambda c: c.span.start)), notes)
