"""The checks other than name spelling: years, missing and uncited works, ambiguity, et al.

Each check takes the citations, references and matches and returns
``(order, Finding)`` pairs; ``order`` is the index of the first citation concerned
(references come after all citations), so the stage can sort by appearance.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from citecheck.model import UNRESOLVED_KEY, Citation, EntryType, Evidence, Finding, Fix, Kind, Reference, Severity, Target

from .decide import decide
from .inherited import set_members, with_parents
from .keys import close_key, closest_key, is_keyed, note_label
from .name_order import order_fix
from .lone_suffix import lone_suffix, lone_suffix_finding
from .listed import author_count, cited_people, is_truncated, listed_names, short_form
from .match import FULL_FIT, Match, MatchKind
from .normalize import match_key, names_key
from .pubstate import cited_label, listed_label, listed_pending, same_state
from .secondary import cited_through
from .short_titles import cited_short_title
from .style import author_page_style
from .url_dates import year_from_links

__all__ = ["author_page_style"]  # the pipeline asks, before reconciling, whether to look for MLA's citations

Ordered = list[tuple[int, Finding]]
UNDECIDED = 0.5  # a fix no evidence supports: shown for review, never applied
# a year mismatch where the entry's link is dated with one of the two years ("/2018/nov/12/"): that side is right
LINK_DATE_CONFIDENCE = 0.85
LINK_DATE_WEIGHT = 1.7  # log-odds of 0.85
SUFFIX_ONLY = 0.95  # the citation lacks the suffix of the one entry whose authors it fits
SUFFIX_ONLY_LOOSE = 0.9  # ... of the only entry with these names and year, though not all authors fit
SUFFIX_LEANING = 0.7  # ... of the entry that fits best among several that all fit the authors badly


def describe(reference: Reference) -> str:
    """ "Zaugg (2019) These North Korean defectors...", "Smith, Jones & Lee (2019a) ..." for messages."""
    who = short_form(reference)
    title = f" {reference.title}" if reference.title and reference.authors else ""
    return f"{who} ({listed_label(reference)}){title}".strip()


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _verb(n: int) -> str:
    return "gives" if n == 1 else "give"


def _group_by_citation_key(citations: Sequence[Citation], matches: Sequence[Match]) -> dict[object, list[Match]]:
    """Matches grouped by what the citation says (folded names and year), in order of appearance."""
    groups: dict[object, list[Match]] = {}
    for match in matches:
        citation = citations[match.citation]
        key = (names_key(citation.name_texts), cited_label(citation).casefold())
        groups.setdefault(key, []).append(match)
    return groups


def year_mismatches(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    groups: dict[tuple[int, str], list[Match]] = {}
    for match in matches:
        if match.kind is MatchKind.YEAR_DIFFERS and match.reference is not None:
            label = cited_label(citations[match.citation])
            groups.setdefault((match.reference, label.casefold()), []).append(match)
    found = []
    for (ref_index, _), group in groups.items():
        reference, first = references[ref_index], citations[group[0].citation]
        if _lacks_suffix(first, reference) and lone_suffix(reference, references):  # "Lee 2020" for a lone "2020a"
            written = sum(1 for m in matches if m.reference == ref_index and citations[m.citation].year_suffix
                          and m.kind is not MatchKind.YEAR_DIFFERS)
            finding = lone_suffix_finding([citations[m.citation] for m in group], reference, written)
        elif _lacks_suffix(first, reference):
            finding = _missing_suffix(group, citations, references)
        else:
            finding = _year_mismatch(group, citations, reference)
        found.append((group[0].citation, finding))
    return found


def _lacks_suffix(citation: Citation, reference: Reference) -> bool:
    """The citation gives the entry's year (or n.d.) without the suffix the entry has."""
    if citation.year_suffix or not reference.year_suffix:
        return False
    if citation.no_date or reference.no_date:
        return citation.no_date and reference.no_date and same_state(citation, reference)
    return citation.year == reference.year


def _year_mismatch(group: list[Match], citations: Sequence[Citation], reference: Reference) -> Finding:
    first = citations[group[0].citation]
    cited, listed = cited_label(first), listed_label(reference)
    evidence = (
        Evidence(
            source="bibliography", detail=f"the reference list gives {listed}; informational (weight 0)",
            supports=listed,
        ),
        Evidence(
            source="in-text citations",
            detail=f"{_plural(len(group), 'in-text citation')} {_verb(len(group))} {cited}; informational (weight 0)",
            supports=cited,
        ),
    )
    head = f"cited as {cited} ({_plural(len(group), 'citation')}) but listed as {listed}"
    alone = not any(m.rivals for m in group)
    if alone and first.year_suffix and not reference.year_suffix and first.year == reference.year:
        head += (
            f"; no other entry by these authors is from {listed}: drop the suffix from the citations, "
            "or add the entry they mean to the reference list"
        )
    message = f"{head}; which year is right is not decided offline: the fix (change the citations) will not be applied"
    fix = Fix(
        target=Target.CITATION,
        field="year",
        before=cited,
        after=listed,
        locations=tuple(citations[m.citation].span for m in group),
        reference=reference.key,
        confidence=UNDECIDED,
    )
    dated = year_from_links(reference)
    if dated is not None and not first.year_suffix and not reference.year_suffix and str(dated[0]) in (cited, listed):
        year, url = dated
        evidence += (Evidence(source="the entry's link", detail=f"the link is dated {year} ({url}): a page's address is "
                              f"copied from the page, the entry's year typed (weight {LINK_DATE_WEIGHT})",
                              supports=str(year), weight=LINK_DATE_WEIGHT),)
        if str(year) == listed:
            message = f"{head}; the entry's link is dated {year}: change the citations"
        else:
            message = f"{head}; the entry's link is dated {year}: change the reference"
            fix = Fix(target=Target.REFERENCE, field="year", before=listed, after=cited,
                      locations=(reference.span,), reference=reference.key, confidence=LINK_DATE_CONFIDENCE)
        fix = replace(fix, confidence=LINK_DATE_CONFIDENCE)
    return Finding(
        kind=Kind.YEAR_MISMATCH, severity=Severity.ERROR, message=message, reference=reference.key,
        citation=first.text, suggested=fix.after, evidence=evidence, fix=fix, span=first.span,
    )


def _missing_suffix(group: list[Match], citations: Sequence[Citation], references: Sequence[Reference]) -> Finding:
    """A citation of 2019 for an entry listed as 2019b: the reference list assigns suffixes, so it decides.

    Decided when the cited names fit this entry's authors and no other entry's (or when it
    is the only entry with these names and this year); leaning only when it merely fits
    better than others that fit no better by authors.
    """
    reference, first = references[group[0].reference], citations[group[0].citation]
    cited, listed = first.year_label, reference.year_label
    confidence = min(_suffix_confidence(m) for m in group)
    rivals = sorted({i for m in group for i in m.rivals})
    why = (
        "the year suffix is assigned by the reference list, and "
        + (f"{describe(reference)} is the only entry for these names from {cited}" if not rivals
           else f"{describe(reference)} is the only entry from {cited} whose authors the citation fits")
    )
    evidence = [
        Evidence(source="bibliography", detail=why, supports=listed, weight=round(_log_odds(confidence), 4)),
        Evidence(
            source="in-text citations",
            detail=f"{_plural(len(group), 'in-text citation')} {_verb(len(group))} {cited} without a suffix; "
            "informational (weight 0)",
            supports=cited,
        ),
    ]
    evidence.extend(
        Evidence(source="bibliography", detail=f"also from {cited}, fits the cited names less well: "
                 f"{references[i].key}: {describe(references[i])}")
        for i in rivals
    )
    decision = decide((listed, cited), evidence, default=listed)
    confidence = round(decision.confidence, 4)
    head = (
        f'"{first.text}" ({_plural(len(group), "citation")}) cites {cited} without its year suffix: '
        f"{describe(reference)}"
    )
    if confidence >= SUFFIX_ONLY_LOOSE:
        message = f"{head} is listed as {listed}; change the citations to {listed}"
    else:
        message = (
            f"{head} fits best, listed as {listed}, but the cited names do not fit its authors either, so "
            "it is not decided offline: the fix (change the citations) will not be applied"
        )
    fix = Fix(
        target=Target.CITATION, field="year", before=cited, after=listed,
        locations=tuple(citations[m.citation].span for m in group), reference=reference.key, confidence=confidence,
    )
    return Finding(
        kind=Kind.YEAR_MISMATCH, severity=Severity.ERROR, message=message, reference=reference.key,
        citation=first.text, suggested=listed, evidence=tuple(evidence), fix=fix, span=first.span,
    )


def _suffix_confidence(match: Match) -> float:
    if match.fit == FULL_FIT:
        return SUFFIX_ONLY
    return SUFFIX_ONLY_LOOSE if not match.rivals else SUFFIX_LEANING


def _log_odds(p: float) -> float:
    return math.log(p / (1.0 - p))


def missing_references(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    unmatched = [m for m in matches if m.kind is MatchKind.NONE and not cited_through(citations[m.citation])]
    found = _undefined_keys(citations, references, [m for m in unmatched if is_keyed(citations[m.citation])])
    unmatched = [m for m in unmatched if not is_keyed(citations[m.citation])]
    entries = _Nearest((_listed_key(r), r) for r in references) if unmatched else _Nearest([])
    for group in _group_by_citation_key(citations, unmatched).values():
        first = citations[group[0].citation]
        rivals = [references[i] for i in group[0].rivals]
        authored = [] if rivals else _authored_with_title(first, references)
        evidence = (_near_misses(first, rivals) if rivals else _titled_evidence(authored) if authored
                    else _closest(first, entries))
        message = f'"{first.text}" is cited ({_plural(len(group), "citation")}) but has no entry in the reference list'
        compound = None if rivals or authored else _compound_surname(first, references)
        fix = None
        if rivals:
            message += _near_miss_note(first, rivals)
        elif authored:
            message += (f"; {describe(authored[0])} has this title but is listed under its author: "
                        f"if it is the work meant, cite it by the author's name ({short_form(authored[0])})")
        elif compound is not None:
            family, entry = compound
            message += (f'; {describe(entry)} has "{first.names[0].text}" in its family name "{family}": if it is the '
                        "work meant, cite the whole family name")
            evidence = (Evidence(source="bibliography", detail=f'{entry.key} is listed under "{family}"'),)
            fix = Fix(Target.CITATION, "author", first.names[0].text, family,
                      locations=tuple(citations[m.citation].names[0].span for m in group), reference=entry.key,
                      confidence=UNDECIDED)
        found.append((group[0].citation, Finding(
            kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, message=message, citation=first.text,
            evidence=evidence + _places(citations, group), span=first.span, fix=fix,
        )))
    return found


_JOINING_WORDS = frozenset({"y", "i", "e", "de", "del", "da", "do", "dos", "das", "von", "van", "der", "den", "la", "le"})


def _compound_surname(citation: Citation, references: Sequence[Reference]) -> tuple[str, Reference] | None:
    """The one entry of the cited year whose first author's family name has several words, one of them the
    cited name alone: "(García, 1967)" for García Márquez, "(Webber, 1986)" for Lloyd Webber."""
    if len(citation.names) != 1 or citation.etal or citation.title_as_author:
        return None
    cited = match_key(citation.names[0].text)
    found: list[tuple[str, Reference]] = []
    for reference in references:
        names = listed_names(reference)
        if not names or (cited_label(citation) and cited_label(citation) != listed_label(reference)):
            continue
        family = names[0].text
        words = [w for w in re.split(r"[\s\-]+", family) if w and w.casefold() not in _JOINING_WORDS]
        if len(words) >= 2 and cited in {match_key(words[0]), match_key(words[-1])}:
            found.append((family, reference))
    return found[0] if len(found) == 1 else None


def _places(citations: Sequence[Citation], group: Sequence[Match]) -> tuple[Evidence, ...]:
    """Where each of several citations a finding groups is (the finding's place is the first's)."""
    if len(group) < 2:
        return ()
    return tuple(Evidence(source="in-text citations", detail=f'"{citations[m.citation].text}" at '
                          f"{citations[m.citation].span.location()}") for m in group)


def _undefined_keys(citations: Sequence[Citation], references: Sequence[Reference], unmatched: list[Match]) -> Ordered:
    """Key-based citations of keys no entry has: LaTeX's "Citation 'x' undefined"."""
    groups: dict[str, list[Match]] = {}
    for match in unmatched:
        groups.setdefault(citations[match.citation].key, []).append(match)
    found = []
    for key, group in groups.items():
        first = citations[group[0].citation]
        label = note_label(first)
        if key == UNRESOLVED_KEY:
            found.append((group[0].citation, _latex_unresolved(citations, group)))
            continue
        if label:  # a page's "[12]" marker whose note is missing: named as the reader sees it, not "cite_note-12"
            message = (f"[{label}] cites note {label} ({_plural(len(group), 'citation')}), "
                       f"but the page has no note {label}")
            evidence = (Evidence(source="bibliography", detail=f"the marker links to #{key}, and no note of the "
                                 "page has that id"),)
        else:
            message = f'undefined key "{key}": cited ({_plural(len(group), "citation")}) but no entry has this key'
            evidence = closest_key(key, references)
        found.append((group[0].citation, Finding(
            kind=Kind.MISSING_REFERENCE, severity=Severity.ERROR, message=message, citation=first.text,
            suggested=close_key(key, references), evidence=evidence, span=first.span,
        )))
    return found


def _latex_unresolved(citations: Sequence[Citation], group: Sequence[Match]) -> Finding:
    """LaTeX's "?" where it printed a citation of a key it could not resolve ("(?)", "[1, ?]"): one finding for
    them all, an error, but a warning when each is a "(?)" alone, which may be a writer's mark of doubt."""
    first = citations[group[0].citation]
    alone = all(citations[m.citation].group == "(?)" for m in group)
    message = (f'LaTeX printed "?" for {_plural(len(group), "citation")} it could not resolve: the document cited a key '
               "no bibliography entry had when it was made (check the key, then rerun BibTeX or biber and LaTeX)")
    if alone:
        message += '; or "(?)" marks a doubt in the text'
    places = tuple(Evidence(source="in-text citations", detail=f'"{citations[m.citation].group}" at '
                            f"{citations[m.citation].span.location()}") for m in group)
    return Finding(kind=Kind.MISSING_REFERENCE, severity=Severity.WARNING if alone else Severity.ERROR,
                   message=message, citation=first.text, span=first.span, evidence=places)


def _near_misses(citation: Citation, rivals: Sequence[Reference]) -> tuple[Evidence, ...]:
    """The entries by the cited authors that another suffix or title rules out."""
    why = "another short title" if cited_short_title(citation) else "another year suffix"
    return tuple(Evidence(source="bibliography", detail=f"by the cited authors, with {why}: {r.key}: {describe(r)}")
                 for r in rivals)


def _near_miss_note(citation: Citation, rivals: Sequence[Reference]) -> str:
    short = cited_short_title(citation)
    if short:
        return f'; no entry by {short_form(rivals[0])} has a title starting "{short}"'
    listed = ", ".join(r.year_label for r in rivals)
    return f"; the list gives {short_form(rivals[0])} {listed}, not {citation.year_label}"


def _authored_with_title(citation: Citation, references: Sequence[Reference]) -> list[Reference]:
    """For a title cited as its own author ("(*Song of Solomon*)"), the entries with authors that have
    that title: the work may be listed, under its author, whose name an MLA citation gives."""
    if not citation.title_as_author or len(citation.names) != 1:
        return []
    cited = match_key(citation.names[0].text)
    return [r for r in references if cited_people(r) and r.title and match_key(r.title) == cited]


def _titled_evidence(authored: Sequence[Reference]) -> tuple[Evidence, ...]:
    return tuple(Evidence(source="bibliography", detail=f"has the cited title, listed under its author: {r.key}: "
                          f"{describe(r)}") for r in authored)


T = TypeVar("T")


class _Nearest(Generic[T]):
    """The item whose text is nearest a query by ``fuzz.ratio``, the first of equals: what ``max``
    over every item gives, found by rapidfuzz over the distinct texts (each standing for the first
    item that has it), so that a document with thousands of entries and citations is not read in
    time their product takes in Python."""

    def __init__(self, texts: Iterable[tuple[str, T]]):
        self._first: dict[str, T] = {}
        for text, item in texts:
            self._first.setdefault(text, item)
        self._choices = list(self._first)

    def __bool__(self) -> bool:
        return bool(self._choices)

    def nearest(self, query: str) -> tuple[float, T] | None:
        if not self._choices:
            return None
        text, score, _ = process.extractOne(query, self._choices, scorer=fuzz.ratio, processor=None)
        return score, self._first[text]


def _listed_key(reference: Reference) -> str:
    return match_key(" ".join(n.text for n in listed_names(reference)))


def _closest(citation: Citation, entries: _Nearest[Reference]) -> tuple[Evidence, ...]:
    found = entries.nearest(match_key(" ".join(citation.name_texts)))
    if found is None:
        return (Evidence(source="bibliography", detail="the reference list is empty"),)
    score, reference = found
    detail = f"closest entry: {describe(reference)} (similarity {score:.0f}/100, too far to be the same work)"
    return (Evidence(source="bibliography", detail=detail),)


def uncited_references(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    cited = with_parents({i for m in matches for i in m.candidates}, references)  # a cited paper's proceedings too
    evidence = _UncitedEvidence(citations)
    return [
        (len(citations) + i, Finding(
            kind=Kind.UNCITED_REFERENCE, severity=Severity.WARNING,
            message=f"listed but never cited: {_described(r, references)}", reference=r.key, span=r.span,
            evidence=evidence.of(r),
        ))
        for i, r in enumerate(references)
        if i not in cited and not _data_only(r)
    ]


def _data_only(reference: Reference) -> bool:
    """An ``@xdata`` entry: data other entries take in, which biber never prints and nothing cites ("listed but
    never cited: (n.d.)" was said of one whose entries were uncited themselves)."""
    return any(name == "bibtex:type" and value.strip().lower() == "xdata" for name, value in reference.extra)


def _described(reference: Reference, references: Sequence[Reference]) -> str:
    """``describe``, but for an ``@set`` (no author, title or date of its own): its members', as biblatex prints it."""
    members = set_members(reference, references)
    if not members:
        return describe(reference)
    return "the set of " + "; ".join(f"{short_form(m)} ({listed_label(m)})".strip() for m in members)


class _UncitedEvidence:
    """Why an entry counts as uncited: what no citation gives (its key, or its names and year), and
    the citation closest to it, with its place (the document's citations read once for every entry)."""

    def __init__(self, citations: Sequence[Citation]):
        self._none = not citations
        self._files = ", ".join(sorted({c.span.file for c in citations}))
        # LaTeX's "?" (``UNRESOLVED_KEY``) names no key to be near
        self._keys = _Nearest((c.key.casefold(), c) for c in citations if is_keyed(c) and c.key != UNRESOLVED_KEY)
        self._names = _Nearest((match_key(" ".join(c.name_texts)), c) for c in citations if c.names)

    def of(self, reference: Reference) -> tuple[Evidence, ...]:
        if self._none:
            return (Evidence(source="in-text citations", detail="the document has no citations"),)
        if self._keys and reference.key:
            absent = f"no citation in {self._files} uses the key {reference.key}"
            found = self._keys.nearest(reference.key.casefold())
        else:
            year = f" ({reference.year_label})" if reference.year_label else ""
            absent = f"no citation in {self._files} names {short_form(reference) or reference.title}{year}"
            found = self._names.nearest(_listed_key(reference))
        evidence = [Evidence(source="in-text citations", detail=absent)]
        if found is not None:
            score, closest = found
            shown = f"key {closest.key}" if is_keyed(closest) else f'"{closest.text}"'
            evidence.append(Evidence(source="in-text citations", detail=f"closest citation: {shown} at "
                                     f"{closest.span.location()} (similarity {score:.0f}/100)"))
        return tuple(evidence)


def missing_years(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    """A citation without the year its entry gives, in an author-date document (not in MLA's
    author-page style, where no citation gives one)."""
    if author_page_style(citations, references):
        return []
    found = []
    for match in matches:
        citation = citations[match.citation]
        if citation.year_label or match.reference is None or is_keyed(citation) or citation.narrative:
            continue  # a narrative one without a year is MLA's, the author in the sentence: "Gates ... (112)"
        reference = references[match.reference]
        label = reference.year_label
        fix = Fix(
            target=Target.CITATION, field="year", before=citation.text, after=_with_year(citation, label),
            locations=(citation.span,), reference=reference.key, confidence=1.0,
        )
        evidence = (
            Evidence(
                source="bibliography", detail=f"the only matching entry, {describe(reference)}, gives {label}",
                supports=label,
            ),
        )
        message = f'"{citation.text}" gives no year; its entry gives {label}'
        found.append((match.citation, Finding(
            kind=Kind.CITATION_MISSING_YEAR, severity=Severity.WARNING, message=message, reference=reference.key,
            citation=citation.text, suggested=label, evidence=evidence, fix=fix, span=citation.span,
        )))
    return found


def _with_year(citation: Citation, label: str) -> str:
    """The citation with the year before its locator: "Okafor, p. 12" -> "Okafor, 2015, p. 12",
    "Okafor 12" -> "Okafor 2015, 12"; without one, after the names: "Okafor" -> "Okafor, 2015"."""
    text, locator = citation.text, citation.locator
    if not locator or not text.rstrip().endswith(locator):
        return f"{text}, {label}"
    names = text.rstrip()[: -len(locator)].rstrip()  # "Okafor," or "Okafor": the separator kept
    return f"{names} {label}, {locator}"


def ambiguous_citations(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    ambiguous = [m for m in matches if m.kind is MatchKind.AMBIGUOUS]
    mla = bool(ambiguous) and author_page_style(citations, references)
    found = []
    for group in _group_by_citation_key(citations, ambiguous).values():
        first = citations[group[0].citation]
        fits = [references[i] for i in group[0].candidates]
        evidence = tuple(Evidence(source="bibliography", detail=f"fits {r.key}: {describe(r)}") for r in fits)
        message = (
            f'"{first.text}" ({_plural(len(group), "citation")}) fits {len(fits)} entries equally; '
            + (_tell_apart_by_title(first, fits) if mla and not first.year_label else _tell_apart(first, fits))
        )
        found.append((group[0].citation, Finding(
            kind=Kind.AMBIGUOUS_CITATION, severity=Severity.ERROR, message=message, citation=first.text,
            evidence=evidence + _places(citations, group), span=first.span,
        )))
    return found


def _same_work(fits: Sequence[Reference]) -> bool:
    """Every entry the citation fits is the same work listed again (same authors, year, title)."""
    first = fits[0]
    return bool(first.title) and all(
        (r.year, r.year_suffix, r.no_date, _fold_title(r.title), _people(r))
        == (first.year, first.year_suffix, first.no_date, _fold_title(first.title), _people(first))
        for r in fits[1:])


def _people(reference: Reference) -> tuple[str, ...]:
    return tuple(match_key(n.family or n.literal) for n in cited_people(reference))


def _fold_title(title: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", title.casefold()).split())


MAX_KEYS_NAMED = 10  # a list pasted a thousand times is named by its first keys, not a page of them


def _some_keys(fits: Sequence[Reference]) -> str:
    keys = ", ".join(r.key for r in fits[:MAX_KEYS_NAMED])
    return keys + (f" and {len(fits) - MAX_KEYS_NAMED:,} more" if len(fits) > MAX_KEYS_NAMED else "")


def _tell_apart(citation: Citation, fits: Sequence[Reference]) -> str:
    if _same_work(fits):
        return ("they are the same work listed " + ("twice" if len(fits) == 2 else f"{len(fits)} times")
                + ": remove all but one (" + _some_keys(fits) + ")")
    initials = _first_initials(fits)
    if initials:
        return ("they are by different authors of one family name: add the first author's initials to tell them "
                "apart, as APA does (" + ", ".join(f"{i} {_first(r)} for {r.key}" for i, r in zip(initials, fits))
                + ")")
    years = {listed_pending(r) or ("n.d." if r.no_date or r.year is None else str(r.year)) for r in fits}
    forms = [short_form(r) for r in fits]
    if (len(years) == 1 and len({_people(r) for r in fits}) == len(fits) and len(set(forms)) == len(fits)
            and not citation.etal):
        # "(Park, 2020)" for Park & Lee (2020) and Park & Kim (2020): works of other co-authors, told apart by naming
        # them, never by year suffixes (APA 8.19)
        return ("they are works of different authors: name the authors to tell them apart ("
                + ", ".join(f"{form} for {r.key}" for form, r in zip(forms, fits)) + ")")
    if len(years) == 1 and not any(r.year_suffix for r in fits):
        (year,) = years
        head = (
            f"the reference list gives {_plural(len(fits), 'work')} by {short_form(fits[0])} from {year} "
            "without year suffixes"
        )
        if citation.year_suffix:
            return f"{head}: add the suffixes the citations use ({citation.year_label}, ...) to the entries"
        examples = ", ".join(f"{year}{letter}" for letter in "abc"[: min(len(fits), 3)])
        return f"{head}: add suffixes ({examples}) to the entries and to each citation"
    if len(years) == 1:
        return "add the year suffix to tell them apart: " + ", ".join(f"{r.year_label} for {r.key}" for r in fits)
    if not citation.year_label:
        return "add the year to tell them apart: " + ", ".join(f"{r.year_label} for {r.key}" for r in fits)
    return "name more authors, or correct the year, to tell them apart"


def _first_initials(fits: Sequence[Reference]) -> list[str]:
    """The first authors' initials ("A.", "J."), when they tell the entries apart (else [])."""
    firsts = [listed_names(r)[0] if listed_names(r) else None for r in fits]
    if any(f is None or not f.given_initials for f in firsts):
        return []
    written = [". ".join(f.given_initials) + "." for f in firsts if f is not None]
    return written if len(set(written)) == len(written) else []


def _tell_apart_by_title(citation: Citation, fits: Sequence[Reference]) -> str:
    """MLA tells an author's works apart by a short title, not a year: "(Smith, *White Teeth* 12)"."""
    if _same_work(fits):
        return _tell_apart(citation, fits)
    names = citation.text[: citation.text.rfind(citation.locator)].strip() if citation.locator else citation.text
    page = f" {citation.locator}" if citation.locator else ""
    return "add a short title to tell them apart: " + ", ".join(
        f"({names}, {_short_title(r)}{page}) for {r.key}" for r in fits)


_QUOTED_TYPES = frozenset({EntryType.ARTICLE, EntryType.CHAPTER, EntryType.NEWS, EntryType.MAGAZINE,
                           EntryType.CONFERENCE, EntryType.WEBPAGE})


def _short_title(reference: Reference) -> str:
    """MLA's short title: the title up to its subtitle, at most four words; quoted for a part
    of a larger work (an article, a chapter), italic otherwise."""
    head = re.split(r"[:.?!]\s", reference.title, maxsplit=1)[0].strip()
    short = " ".join(head.split()[:4])
    return f'"{short}"' if reference.type in _QUOTED_TYPES else f"*{short}*"


def etal_misuse(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> Ordered:
    groups: dict[tuple[int, str], list[Match]] = {}
    for match in matches:
        if match.reference is None or is_keyed(citations[match.citation]) or citations[match.citation].placeholder:
            continue
        problem = _etal_problem(citations[match.citation], references[match.reference], match)
        if problem is not None:
            groups.setdefault((match.reference, problem), []).append(match)
    found = []
    for (ref_index, problem), group in groups.items():
        reference, first = references[ref_index], citations[group[0].citation]
        severity, text, suggested = _ETAL_TEXT[problem](reference)
        message = f'"{first.text}" ({_plural(len(group), "citation")}): {text}'
        fix = order_fix(first, reference) if problem == "order" else None
        if fix is not None:  # every citation of the group written as the first is: "Garcia and Olsen"
            fix = replace(fix, locations=tuple(citations[m.citation].span for m in group
                                               if fix.before in citations[m.citation].text))
        found.append((group[0].citation, Finding(
            kind=Kind.ETAL_MISUSE, severity=severity, message=message, reference=reference.key,
            citation=first.text, suggested=suggested, span=first.span, fix=fix,
            evidence=_etal_evidence(reference, [citations[m.citation] for m in group]),
        )))
    return found


def _etal_evidence(reference: Reference, cited: Sequence[Citation]) -> tuple[Evidence, ...]:
    """The authors the entry lists, and each citation concerned with its place."""
    names = [n.text for n in listed_names(reference)]
    written = " & ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " & " + names[-1]
    listed = (f"the entry {reference.key} lists {_plural(author_count(reference), 'author')}: {written}"
              + (" et al." if is_truncated(reference) else ""))
    return (Evidence(source="bibliography", detail=listed),) + tuple(
        Evidence(source="in-text citations", detail=f'"{c.text}" at {c.span.location()}') for c in cited)


def _etal_problem(citation: Citation, reference: Reference, match: Match) -> str | None:
    if match.by_title or not cited_people(reference):
        return None
    listed, count = len(listed_names(reference)), author_count(reference)
    if match.kind is MatchKind.ETAL_ORDER:
        return "not-first"
    if match.kind is MatchKind.NAME_ORDER:
        return "order"
    if citation.etal and count < 3:
        return "etal-too-few"
    if not citation.etal and len(citation.names) < count:
        return "missing-etal" if count >= 3 else "partial"
    if not citation.etal and (listed >= 4 or listed == 3 and (_apa_shaped(citation) or _apa_entry(reference))):
        return "style-etal"
    return None


def _apa_shaped(citation: Citation) -> bool:
    """An APA parenthetical ("Okonjo, Reyes, & Baird, 2019"): "&", or a comma before the year.
    Harvard and Chicago list three authors in full ("Okonjo, Reyes and Baird 2019")."""
    return "&" in citation.text or bool(re.search(r",\s*(?:\d{4}|n\.\s?d\.)", citation.text))


_APA_AUTHORS = re.compile(r"^[^()]{0,300}?,\s*&\s+[^()]{1,80}\(\s*\d{4}")


def _apa_entry(reference: Reference) -> bool:
    """An APA entry, whose authors end ", & Dohnt, H. (2011)": its document cites three authors "Gradisar et al."
    in a narrative citation too ("Gradisar, Gardner, and Dohnt (2011)")."""
    return _APA_AUTHORS.match(reference.raw) is not None


def _names(reference: Reference) -> str:
    return " & ".join(n.text for n in listed_names(reference))


def _first(reference: Reference) -> str:
    return listed_names(reference)[0].text


def _in_order(reference: Reference) -> str:
    """The entry's authors as a citation names them: "Olsen and Garcia", "Fischer, Alvarez, and Chen"."""
    names = [n.text for n in listed_names(reference)]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + ", and " + names[-1]


def _some_of(reference: Reference) -> str:
    if is_truncated(reference):
        return (
            'names only some of the authors without "et al." '
            f'(the reference list itself gives "{_first(reference)} et al.")'
        )
    return f'names only some of the {author_count(reference)} authors without "et al."'


_ETAL_TEXT = {
    "not-first": lambda r: (
        Severity.WARNING,
        f'"et al." follows a name that is not the first author ({_first(r)} is)',
        f"{_first(r)} et al.",
    ),
    "etal-too-few": lambda r: (
        Severity.WARNING,
        f'"et al." used for a work with {_plural(author_count(r), "author")}: '
        f'name {"both" if author_count(r) == 2 else "the author"}',
        _names(r),
    ),
    "order": lambda r: (
        Severity.WARNING,
        f"names the authors in another order than the entry ({short_form(r)}): cite them in its order",
        _in_order(r),
    ),
    "missing-etal": lambda r: (Severity.WARNING, _some_of(r), f"{_first(r)} et al."),
    "partial": lambda r: (Severity.WARNING, "names only one of the two authors", _names(r)),
    "style-etal": lambda r: (
        Severity.INFO,
        f'style advice: {"APA cites" if author_count(r) == 3 else "APA, Harvard and Chicago cite"} a work with '
        f'{author_count(r)} authors as "{_first(r)} et al."',
        f"{_first(r)} et al.",
    ),
}
