"""The Markdown pandoc writes for a rendered document, its structure blanked in place so its text reads as text.

``pandoc --citeproc -t markdown`` (a Quarto or Hugo page's source too) wraps the reference list in fenced divs,
``::: {#refs .references .csl-bib-body}`` and one ``::: {#ref-key .csl-entry}`` ... ``:::`` per entry with no
blank line between entries, gives the heading attributes, ``# References {#references .unnumbered}``, and with
``link-citations`` writes each citation as a link to its entry, ``([Zaugg and Müller 2019, 1205](#ref-zaugg2019))``
(an unresolved key in bold, ``([**ghost2020?**](#ref-ghost2020))``): the heading was no bibliography heading,
the entries ran together with the fence lines ("no bibliography found"), and no citation was seen. GitHub
Markdown (``-t gfm``) has ``<div class="csl-entry">`` and ``</div>`` lines instead, each read as an entry. Each fence
or div line, heading attribute and link's markup is replaced by as many spaces: a blank line between entries, a plain
heading, the citation's text, every other character at its offset (spans and ``--fix`` edits still point at the
file).
"""
from __future__ import annotations

import re

# a fenced div's opening or closing line: three or more colons, then attributes or a class name, or nothing
_FENCE = re.compile(r"^[ \t]*:{3,}(?:[ \t]*(?:\{[^{}\n]*\}|[\w-]+))?[ \t]*:*[ \t]*$", re.MULTILINE)
# ... or, in pandoc's GitHub Markdown (``-t gfm``), a ``<div id="ref-key" class="csl-entry">`` or ``</div>`` line
_DIV_LINE = re.compile(r"^[ \t]*</?div(?:[ \t][^<>\n]*)?>[ \t]*$", re.MULTILINE | re.IGNORECASE)
_DIV_TAG = re.compile(r"</?div", re.IGNORECASE)  # what a _DIV_LINE holds (a literal first: found at once)
# an ATX heading's attributes at its end: "# References {#references .unnumbered}"
_HEADING_ATTRIBUTES = re.compile(r"^([ \t]*#{1,6}[ \t]+[^\n{}]*?)[ \t]*(\{[ \t]*[#.][^{}\n]*\})[ \t]*$", re.MULTILINE)
# a citation linked to its entry (citeproc's anchors are "ref-" and the key), its text over a line break at most
_CITATION_LINK = re.compile(r"\[(?P<bold>\*\*)?(?P<text>[^\[\]\n*]+(?:\n[^\[\]\n*]+)?)(?P=bold)?\]\(#ref-[^()\s]+\)")


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _link_text(match: re.Match[str]) -> str:
    start, end = match.span("text")
    whole = match.group()
    return " " * (start - match.start()) + match.group("text") + " " * (len(whole) - (end - match.start()))


def blank_pandoc_structure(text: str) -> str:
    """``text`` with its fenced div (and ``<div>``) lines, its headings' attributes and its citation links' markup as spaces
    (its length unchanged)."""
    if ":::" not in text and "{" not in text and "](#ref-" not in text and "div" not in text:
        return text
    # each pattern tried only on a text with what it needs (each tries every character of the text: "{" and
    # "div" are in many a reference list, "individual" and "division")
    if ":::" in text:
        text = _FENCE.sub(_spaces, text)
    if _DIV_TAG.search(text):
        text = _DIV_LINE.sub(_spaces, text)
    if "](#ref-" in text:
        text = _CITATION_LINK.sub(_link_text, text)
    if "{" in text:
        text = _HEADING_ATTRIBUTES.sub(lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), text)
    return text
