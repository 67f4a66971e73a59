"""The note on a citation read by a name of its author that is not a family name (``name_parts``): "(Tedros,
2021)" for Tedros Adhanom Ghebreyesus (2021) is a match, said once per entry and name as ``info``, so that a
reader who meant another work still sees how the citation was read."""
from __future__ import annotations

from collections.abc import Sequence

from citecheck.model import Citation, Evidence, Finding, Kind, Reference, Severity
from citecheck.model.names import with_particle

from .checks import describe
from .known_names import known_as
from .listed import cited_people
from .match import Match, MatchKind
from .normalize import match_key


def known_by_notes(citations: Sequence[Citation], references: Sequence[Reference], matches: Sequence[Match]
                   ) -> list[tuple[int, Finding]]:
    """One ``info`` note per entry cited by a name of its author that is not a family name."""
    groups: dict[tuple[int, str], list[int]] = {}
    for match in matches:
        if match.kind is MatchKind.KNOWN_BY and match.reference is not None:
            cited = citations[match.citation].names[0].text
            groups.setdefault((match.reference, match_key(cited)), []).append(match.citation)
    found = []
    for (ref_index, _), uses in groups.items():
        reference, first = references[ref_index], citations[uses[0]]
        cited = first.names[0].text
        person = cited_people(reference)[0]
        whole = person.literal or f"{person.given} {with_particle(person.particle, person.family)}"
        count = f"{len(uses)} citation{'' if len(uses) == 1 else 's'}"
        listed = f'{reference.key} is listed under "{whole}", the only entry of {reference.year} '
        if known_as(match_key(cited), person):  # a name in no word of theirs: "(Jokowi, 2019)" for Joko Widodo
            message = (f'"{first.text}" ({count}) names {whole} by "{cited}", the name they are widely known by: '
                       f"read as {describe(reference)} (citecheck's table of known-by names)")
            listed += f'whose first author is the person the table knows as "{cited}"'
        else:
            message = (f'"{first.text}" ({count}) names {whole} by "{cited}", a name that is not a family name: read '
                       f"as {describe(reference)} (Ethiopian, Eritrean, Indonesian and Burmese names are cited by the "
                       "name a person is known by)")
            listed += f'with "{cited}" among its first author\'s names'

        found.append((uses[0], Finding(
            kind=Kind.NAME_MISMATCH, severity=Severity.INFO, message=message, reference=reference.key,
            citation=first.text, span=first.span,
            evidence=(Evidence(source="bibliography", detail=listed),),
        )))
    return found
