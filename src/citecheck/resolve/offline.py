"""The evidence sources that need no network, in the order their evidence is listed."""
from __future__ import annotations

from collections.abc import Sequence

from citecheck.model import Evidence, Reference

from .evidence import NameEvidenceSource
from .spelling import SpellingShape
from .surnames import SurnameFrequencyPrior
from .url_slug import UrlNameEvidence


class OfflineNote:
    """Says, with weight 0, that a decision rests on offline evidence only (the run did not go online)."""

    name = "online sources"

    def weigh(self, candidates: Sequence[str], reference: Reference) -> Sequence[Evidence]:
        return (Evidence(source=self.name, detail="not verified online: the run is offline (the cited page, "
                         "Crossref, OpenAlex and OpenLibrary were not asked); decided on offline evidence only"),)


def offline_sources(*, note_offline: bool = False) -> tuple[NameEvidenceSource, ...]:
    """URL, census prior and spelling shape, using the bundled data (plus the offline note when asked)."""
    sources: tuple[NameEvidenceSource, ...] = (UrlNameEvidence(), SurnameFrequencyPrior(), SpellingShape())
    return sources + ((OfflineNote(),) if note_offline else ())
