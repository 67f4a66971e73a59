"""Numbered citations (IEEE, Vancouver): "[3]", "[2, 4]", "[4]-[6]", "[2,4–6]" cite entries by number.

A numbered reference list labels its entries "[3]" or "3." (``Reference.extra`` "label", set by
the reference splitter). When at least two entries carry such labels, every bracketed number
of the document's text cites the entry with that label: a key citation of that entry (matched
exactly, no year asked for), or, for a number no entry has, a ``missing-reference`` finding.
Ranges are expanded ("[4]-[6]" and "[4–6]" cite 4, 5 and 6). IEEE's locator after a single
number, "[2, p. 4]", "[2, Sec. 3]", "[3, Thm. 1]", cites entry 2 (3) and is kept as the locator. A bracket followed by ":" is a
Markdown link definition, not a citation. A document with no bracketed number may cite in
parentheses, as Vancouver allows: "(3)", "(2,4-6)" after a word (not an enumeration's "(1)"
at the start of a line or after a colon, nor the "(2) ...", "(3) ..." that go on with it), also with a page after
one number, "(7, p. 45)", "(7 p45)".

Nature's and Science's "(ref. 7)", "(refs 3–5)", written where a superscript would read as a power
("10 km² (ref. 7)"), cite by number too.

Unicode superscript numbers, as text copied from a Vancouver article carries them: "before.¹²"
cites 12, "trafficking²,³" cites 2 and 3, "⁴⁻⁶" cites 4 to 6. They are read in any document
with a numbered list, but only right after a word or a closing punctuation mark, and not as the
exponent of a unit or a formula: "12 m²", "km²", "x²", "E = mc²", "10⁻³", "(a+b)²" and
"s⁻¹" are left alone, as is a superscript run into a letter or digit ("x²y").

Superscripts that lost their formatting, plain digits glued to a word or its punctuation ("in
China.12 The"), are read only in a document where nothing else cites by number, and only when the
numbers first appear in rising order, as a numbered style assigns them (``_flattened_superscripts``).
"""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Citation, CleanText, Finding, Kind, Reference, Severity, Span

_ITEM = r"\d{1,4}(?:\s*[-–]\s*\d{1,4})?"
# IEEE's locator after one number: "[2, p. 4]", "[2, pp. 4–6]", "[2, Sec. 3]", "[3, Thm. 1]",
# "[2, Fig. 3]", "[2, Ch. 4]", "[2, Eq. (5)]": a word (a label, usually abbreviated), then the place
_LOCATOR = r"(?:[^\W\d_]{1,12}(?:\.\s*|\s+)|§\s*)[\w(][\w().,:§–\- ]{0,24}?"
_BRACKETS = re.compile(rf"\[(?P<first>\d{{1,4}})\]\s*[-–]\s*\[(?P<last>\d{{1,4}})\]"
                       rf"|\[(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*)\](?!:|\()"
                       rf"|\[(?P<one>\d{{1,4}}),\s*(?P<locator>{_LOCATOR})\](?!:|\()")
# Vancouver in parentheses, "(3)", "(2,4-6)": read only when the document has no bracketed
# number at all, and never at the start of a line (an enumeration: "(1) first, ...")
# Science sets its numbers in italics: "(*1*, *2*)", "(*3*–*5*)"
_ITALIC_ITEM = r"[*_]?\d{1,4}[*_]?(?:\s*[-–]\s*[*_]?\d{1,4}[*_]?)?"
# ... and with a page after one number: "(7, p. 45)", "(7 p45)", "(7, pp. 45-47)"
_PAREN_PAGE = r"pp?\.?[ \t]*\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?"
_PARENS = re.compile(rf"(?<=[^\s:;])[ \t]?\((?:(?P<items>{_ITALIC_ITEM}(?:\s*,\s*{_ITALIC_ITEM})*)"
                     rf"|(?P<one>\d{{1,4}}),?[ \t]+(?P<locator>{_PAREN_PAGE}))\)")
# an enumeration opened by "(1)" at the start of a line or after a colon goes on "(2)", "(3)" ...
# within its paragraph, after words: those are items, not citations
_ENUMERATION_START = re.compile(r"(?:^|[:;])[ \t]*\(1\)", re.MULTILINE)
_PAREN_NUMBER = re.compile(r"\((\d{1,2})\)(?=[ \t]+[^\W\d_])")  # an item: its words follow
PAREN_SLACK = 5  # "(2019)" is a year, not entry 2019: a number far past the list's last is no citation
MAX_RANGE = 50  # "[1-500]" is no citation range

# Nature's and Science's numbers written out where a superscript would read as a power: "10 km² (ref. 7)",
# "(refs 3, 5)", "refs. 4–6"
_REFS = re.compile(rf"\b[Rr]efs?\.?[ \t]+(?P<items>{_ITEM}(?:\s*(?:,|and|&)\s*{_ITEM})*)(?![\d.,]*\d)")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_DIGITS = str.maketrans(_SUP + "⁻", "0123456789-")
_SUP_ITEM = rf"[{_SUP}]{{1,4}}(?:[⁻\-–][{_SUP}]{{1,4}})?"
_SUPERSCRIPT = re.compile(rf"(?<=[^\s\d{_SUP}⁻])(?P<items>{_SUP_ITEM}(?:,{_SUP_ITEM})*)(?![\w{_SUP}⁻⁺⁼⁽⁾=+^])")
# a superscript marked up, as Markdown writes one: pandoc's "helps.^1,2^", "^4-6^", and HTML's "<sup>3</sup>"
_MARKED_SUPERSCRIPT = re.compile(rf"(?<=\S)(?:\^|<sup>)(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*)(?:\^|</sup>)")
_CLOSING = frozenset(".,;:!?”’\"')]*…")
# plain digits glued to a word ("rise12 in") or to its closing punctuation ("China.12 The", "sold,2,3 and"),
# apart by commas or semicolons (natbib's "widely1;2."), before a space or the sentence's punctuation
# ("matters3. The", as LaTeX sets a superscript cite before the full stop)
_FLAT = re.compile(r"(?:(?<=[^\W\d_][.,;:!?”’\"')\]])|(?<=[^\W\d_]{3}))"
                   r"(?P<items>\d{1,3}(?:[-–]\d{1,3})?(?:[,;]\d{1,3}(?:[-–]\d{1,3})?)*)"
                   r"(?=[.,;:!?)\]”’\"']*(?:\s|$))")
_FLAT_ABBREVIATIONS = frozenset("fig figs p pp no nos vol vols eq eqs ref refs sec ch chap para art n v ed edn".split())
_MATH = frozenset("=+−-*/^×·<>≤≥±∙")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# units and their prefixes as exponents take them: "5 m²", "km²", "cm³", "ft²" (a lone letter, "x²", too)
UNITS = frozenset("""m cm mm km nm pm µm μm dm ft in yd mi sq ha ac s ms ns h hr min sec g kg mg µg μg t
    l ml ML mL L dl cl hz Hz khz kHz mhz MHz ghz GHz n N pa Pa kpa kPa j J w W kw kW v V a A mol cd k K ev eV
    kev keV mev MeV gev GeV b pc ly au AU lb lbs oz gal sr rad deg""".split())


def numbered_labels(references: Sequence[Reference]) -> dict[str, str]:
    """label -> key of the entries a numbered list labels (empty when fewer than two are)."""
    labels = {}
    for ref in references:
        label = dict(ref.extra).get("label", "")
        if label.isdigit():
            labels.setdefault(str(int(label)), ref.key)
    return labels if len(labels) >= 2 else {}


def _numbers(match: re.Match[str]) -> list[int]:
    if match.groupdict().get("first"):
        pairs = [(int(match.group("first")), int(match.group("last")))]
    elif match.groupdict().get("one"):
        pairs = [(int(match.group("one")), int(match.group("one")))]
    else:
        pairs = []
        for item in match.group("items").split(","):
            bounds = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", item.replace("*", "").replace("_", ""))
            pairs.append((int(bounds.group(1)), int(bounds.group(2) or bounds.group(1))))
    numbers = []
    for low, high in pairs:
        if high < low or high - low > MAX_RANGE:
            return []
        numbers.extend(range(low, high + 1))
    return numbers


def find_numbered_citations(text: CleanText, references: Sequence[Reference]) -> tuple[tuple[Citation, ...], tuple[Finding, ...]]:
    labels = numbered_labels(references)
    if not labels:
        return (), ()
    citations: list[Citation] = []
    findings: list[Finding] = []
    pattern = _BRACKETS if _BRACKETS.search(text.text) else _PARENS
    last = max(int(label) for label in labels)
    enumerated = _enumeration_items(text.text) if pattern is _PARENS else set()
    for match in pattern.finditer(text.text):
        numbers = _numbers(match)
        if not numbers or (pattern is _PARENS and max(numbers) > last + PAREN_SLACK):
            continue
        if match.start() + match.group(0).find("(") in enumerated:  # an enumeration's item
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        locator = " ".join((match.groupdict().get("locator") or "").split())
        _cite(text.text[start:match.end()], text.span(start, match.end()), numbers, labels, citations, findings,
              locator)
    sup_citations, sup_findings = _superscript_citations(text, labels, last)
    if not citations and not findings and not sup_citations and not sup_findings:
        # nothing cites by number: superscripts that lost their formatting?
        sup_citations, sup_findings = _flattened_superscripts(text, labels, last)
    ref_citations, ref_findings = _written_out(text, labels, last)
    citations, findings = citations + sup_citations + ref_citations, findings + sup_findings + ref_findings
    return (tuple(sorted(citations, key=lambda c: c.span.start)),
            tuple(sorted(findings, key=lambda f: f.span.start if f.span is not None else 0)))


def _written_out(text: CleanText, labels: dict[str, str], last: int) -> tuple[list[Citation], list[Finding]]:
    """Nature's "(ref. 7)", "(refs 3, 5)", "refs. 4–6"."""
    citations: list[Citation] = []
    findings: list[Finding] = []
    for match in _REFS.finditer(text.text) if "ref" in text.text.lower() else ():
        items = re.sub(r"\s*(?:and|&)\s*", ", ", match.group("items"))
        numbers = _numbers(re.fullmatch(rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*)", items))
        if numbers and max(numbers) <= last + PAREN_SLACK:
            _cite(match.group(0), text.span(match.start(), match.end()), numbers, labels, citations, findings)
    return citations, findings


def _cite(group: str, span: Span, numbers: list[int], labels: dict[str, str], citations: list[Citation],
          findings: list[Finding], locator: str = "") -> None:
    """A key citation of each numbered entry ``group`` cites (with its ``locator``, "p. 4", as a
    bracket "[2, p. 4]" gives one); a missing-reference finding for a number the list has no entry for."""
    for number in numbers:
        key = labels.get(str(number))
        if key is not None:
            citations.append(Citation(text=group, span=span, names=(), key=key, locator=locator, group=group))
        else:
            findings.append(Finding(
                kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, citation=group, span=span,
                message=f"{group} cites entry {number}, but the numbered reference list has no entry {number}"))


def _enumeration_items(text: str) -> set[int]:
    """Offsets of the "(2)", "(3)" ... that go on an enumeration "(1)" opened at the start of a
    line or after a colon: in the same paragraph, in order, and each followed by its words
    ("reasons: (1) cost and (2) time"; "helps (4)." is a citation)."""
    items: set[int] = set()
    for start in _ENUMERATION_START.finditer(text):
        stop = text.find("\n\n", start.end())
        expected = 2
        for m in _PAREN_NUMBER.finditer(text, start.end(), stop if stop >= 0 else len(text)):
            if int(m.group(1)) == expected:
                items.add(m.start())
                expected += 1
    return items


def _superscript_citations(text: CleanText, labels: dict[str, str], last: int) -> tuple[list[Citation], list[Finding]]:
    """Unicode superscript numbers after a word or punctuation ("shown.¹²", "trafficking²,³", "⁴⁻⁶"), and
    superscripts marked up so ("shown.^12^", "trafficking^2,3^", "<sup>4-6</sup>")."""
    citations: list[Citation] = []
    findings: list[Finding] = []
    marked = list(_MARKED_SUPERSCRIPT.finditer(text.text)) if "^" in text.text or "<sup>" in text.text else []
    # powers are told by what is before them, where an earlier marked superscript's "^" is no formula's
    unmarked = _MARKED_SUPERSCRIPT.sub(lambda m: " " * len(m.group()), text.text) if marked else text.text
    for match in sorted((*_SUPERSCRIPT.finditer(text.text), *marked), key=lambda m: m.start()):
        if _exponent(unmarked, match.start()):
            continue
        plain = match.group("items").translate(_SUP_DIGITS)
        numbers = _numbers(re.fullmatch(rf"(?P<items>{_ITEM}(?:\s*,\s*{_ITEM})*)", plain))
        if not numbers or max(numbers) > last + PAREN_SLACK:
            continue
        _cite(match.group(0), text.span(match.start(), match.end()), numbers, labels, citations, findings)
    return citations, findings


def _flattened_superscripts(text: CleanText, labels: dict[str, str], last: int) -> tuple[list[Citation], list[Finding]]:
    """Superscript numbers that lost their formatting (text pasted from a PDF or saved as plain text):
    digits glued to a word's closing punctuation or to the word ("in China.12 The", "sold,2,3 and",
    "trafficking4-6 is"). Read only when the numbers met for the first time rise as the document goes,
    as Vancouver and IEEE number their entries: at least three of them, from 1 or 2, nine in ten
    higher than all before. Otherwise they are years, versions or codes, and nothing is read."""
    found = []
    for match in _FLAT.finditer(text.text):
        at = match.start()
        end = at if text.text[at - 1].isalpha() else at - 1  # the word ends at the digits or at their punctuation
        word = _WORD_BEFORE.search(text.text, max(0, at - 40), end)
        if word is None or word.group().lower() in _FLAT_ABBREVIATIONS or word.group() in UNITS:
            continue
        items = match.group("items").replace(";", ",")
        numbers = _numbers(re.fullmatch(rf"(?P<items>{_ITEM}(?:,{_ITEM})*)", items))
        if numbers and max(numbers) <= last + PAREN_SLACK:
            found.append((match, numbers))
    if not _in_citation_order([numbers for _, numbers in found]):
        return [], []
    citations: list[Citation] = []
    findings: list[Finding] = []
    for match, numbers in found:
        _cite(match.group(0), text.span(match.start(), match.end()), numbers, labels, citations, findings)
    return citations, findings


def _in_citation_order(cited: list[list[int]]) -> bool:
    """Do the numbers, in the order the text cites them, first appear rising (1, 2, 3 ...)?"""
    seen: set[int] = set()
    firsts: list[int] = []
    for numbers in cited:
        for n in numbers:
            if n not in seen:
                seen.add(n)
                firsts.append(n)
    if len(firsts) < 3 or firsts[0] > 2:
        return False
    rises = sum(n > max(firsts[:i]) for i, n in enumerate(firsts) if i)
    return rises >= 0.9 * (len(firsts) - 1)


def superscript_in_unicode(before: str) -> bool:
    """Whether a number a document sets in superscript (Word's, HTML's ``<sup>``) after ``before`` (the text before
    it) is written as the Unicode superscript the reader sees, which this module reads as a citation after a word
    or its punctuation, and as a power after a unit ("12 m²"): not after a blank, a digit or nothing ("children ¹",
    "in 2019²"), nor after a word of one letter that is no unit ("vitamin D¹", which text cannot tell from "x²"),
    where it would be no citation; ``inputs.docx`` and ``parse.html`` write those "[1]", a citation, as before."""
    if not before or before[-1].isspace() or before[-1].isdigit():
        return False
    word = _WORD_BEFORE.search(before)
    return not (word and len(word.group()) == 1 and word.group() not in UNITS)


def _exponent(text: str, at: int) -> bool:
    """Whether the superscript at ``at`` is a power (of a unit, a variable, a formula), not a citation."""
    before = text[at - 1]
    if before in _CLOSING:
        if before == ")":
            opening = text.rfind("(", 0, at)
            return opening >= 0 and any(ch in _MATH and ch != "-" for ch in text[opening + 1 : at - 1])
        return False
    word = _WORD_BEFORE.search(text, max(0, at - 40), at)
    if word is None:
        return True  # after a symbol ("%²", "=²"): no citation
    ahead = text[max(0, word.start() - 20) : word.start()].rstrip(" \t\u00a0\u202f")
    if word.group() in UNITS or len(word.group()) == 1:
        return True
    if ahead[-1:] in _MATH or (ahead[-1:] and ahead[-1].isdigit() and len(word.group()) <= 3):
        return True  # "E = mc²", "5 kph²"
    return False
