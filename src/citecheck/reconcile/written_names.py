"""A cited name that is the listed one written otherwise: without its accents or without its particle.

Matching folds accents and particles ("Muller" fits Müller, "Dijk" fits van Dijk), so the citation finds its
entry; an editor still makes the two agree, as every style asks (APA 7 cites "van Dijk" as the list writes it,
and "Müller" with its umlaut). So a citation that drops what the entry writes, or an entry that drops what
every citation of it writes, gets a ``name-mismatch`` warning (not an error: the work is not in doubt) with a
fix to the side that lacks the accents or the particle: typing and copying lose diacritics, they do not add
them. Only where one side is plain ASCII and the other is not: "Dubè" for "Dubé" is left to the reader. The
particle counts only when the entry writes it before the family name ("van Dijk, T. A."): "Beethoven, Ludwig
van" is cited "Beethoven". Case is never a difference ("Van Dijk (2013)" opens a sentence), nor is typography: "D’Souza" (Word's curly
apostrophe) is "D'Souza", "Ji‐hoon" (U+2010) "Ji-hoon".
"""
from __future__ import annotations

from collections.abc import Sequence

from anyascii import anyascii

from citecheck.model import Citation, CitedName, Evidence, Finding, Fix, Kind, Reference, Severity, Target

from .keys import is_keyed
from .listed import fits, listed_names
from .match import Match, MatchKind

CONFIDENCE = 0.9  # applied by --fix: the other side writes the name in full
ACCENTS, PARTICLE = "accents", "particle"


def names_written_otherwise(
    citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
) -> list[tuple[int, Finding]]:
    """(order of first citation, finding) for each listed name some citations write without its accents
    or its particle, or that the entry writes without the accents its citations give it."""
    groups: dict[tuple[int, str, str, str], list[tuple[int, CitedName]]] = {}
    for match in matches:
        if match.reference is None or match.by_title or match.kind not in (MatchKind.EXACT, MatchKind.YEAR_DIFFERS):
            continue
        citation, reference = citations[match.citation], references[match.reference]
        if is_keyed(citation):
            continue
        listed = listed_names(reference)
        for name in citation.names:
            entry = next((e for e in listed if fits(name.text, e)), None)
            if entry is None:
                continue
            how = _how_written(name.text, entry.text, reference)
            if how:
                groups.setdefault((match.reference, entry.text, name.text.casefold(), how), []).append(
                    (match.citation, name))
    found = []
    for (ref_index, listed_text, _, how), uses in groups.items():
        reference = references[ref_index]
        first_index, first = uses[0]
        found.append((first_index, _finding(reference, listed_text, how, uses, citations[first_index])))
    return found


# typography, not accents: a curly apostrophe (Word's autocorrect), a Unicode hyphen, a no-break space
_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0060": "'", "\u00b4": "'",
                             "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " "})


def _how_written(cited: str, listed: str, reference: Reference) -> str:
    cited, listed = cited.strip().translate(_TYPOGRAPHY), listed.strip().translate(_TYPOGRAPHY)
    if cited.casefold() == listed.casefold():
        return ""
    plain_cited, plain_listed = anyascii(cited).casefold(), anyascii(listed).casefold()
    if plain_cited == plain_listed:
        return ACCENTS if _is_ascii(cited) != _is_ascii(listed) else ""
    words = listed.split()
    if (len(words) > 1 and words[0][:1].islower() and plain_cited == anyascii(" ".join(words[1:])).casefold()
            and listed.casefold() in reference.raw.casefold()):
        return PARTICLE  # "Dijk" for "van Dijk, T. A."
    return ""


def _is_ascii(text: str) -> bool:
    return text.isascii()


def _finding(reference: Reference, listed: str, how: str, uses: Sequence[tuple[int, CitedName]],
             first: Citation) -> Finding:
    spelled = uses[0][1].text
    count = f"{len(uses)} citation{'' if len(uses) == 1 else 's'}"
    head = f'cited as "{spelled}" ({count}) but listed as "{listed}"'
    if how == PARTICLE:
        message = f'{head}: the citation leaves out the particle the entry writes before the family name; cite "{listed}"'
        fix = _citation_fix(spelled, listed, uses, reference)
    elif _is_ascii(spelled):
        message = f'{head}: the citation drops the accents the entry writes; cite "{_as_cited(listed, spelled)}"'
        fix = _citation_fix(spelled, _as_cited(listed, spelled), uses, reference)
    else:
        message = f'{head}: the entry drops the accents the citation writes; list "{spelled}"'
        fix = Fix(target=Target.REFERENCE, field="author", before=listed, after=_as_listed(spelled, listed),
                  locations=(reference.span,), reference=reference.key, confidence=CONFIDENCE)
    evidence = (
        Evidence(source="bibliography", detail=f'the reference list writes "{listed}"', supports=listed),
        Evidence(source="in-text citations", detail=f'{count} write{"s" if len(uses) == 1 else ""} "{spelled}": '
                 + ("the same name without its particle" if how == PARTICLE else "the same letters, other accents"),
                 supports=spelled),
        Evidence(source="rule", detail="typing and copying lose accents and particles, they do not add them: the "
                 "side that writes them is taken as right", supports=fix.after),
    )
    return Finding(kind=Kind.NAME_MISMATCH, severity=Severity.WARNING, message=message, reference=reference.key,
                   citation=first.text, suggested=fix.after, evidence=evidence, fix=fix, span=uses[0][1].span)


def _citation_fix(spelled: str, after: str, uses: Sequence[tuple[int, CitedName]], reference: Reference) -> Fix:
    return Fix(target=Target.CITATION, field="author", before=spelled, after=after,
               locations=tuple(name.span for _, name in uses), reference=reference.key, confidence=CONFIDENCE)


def _as_cited(listed: str, spelled: str) -> str:
    """The listed name in the citation's capitals ("MULLER" -> "MÜLLER")."""
    letters = [c for c in spelled if c.isalpha()]
    return listed.upper() if len(letters) >= 2 and all(c.isupper() for c in letters) else listed


def _as_listed(spelled: str, listed: str) -> str:
    """The cited name in the entry's capitals."""
    letters = [c for c in listed if c.isalpha()]
    return spelled.upper() if len(letters) >= 2 and all(c.isupper() for c in letters) else spelled
