"""The evidence sources that need no network, in the order their evidence is listed."""
from __future__ import annotations

from .evidence import NameEvidenceSource
from .spelling import SpellingShape
from .surnames import SurnameFrequencyPrior
from .url_slug import UrlNameEvidence


def offline_sources() -> tuple[NameEvidenceSource, ...]:
    """URL, census prior and spelling shape, using the bundled data."""
    return (UrlNameEvidence(), SurnameFrequencyPrior(), SpellingShape())
