"""Evidence sources: offline priors now; page metadata, Crossref, OpenLibrary later."""
from .evidence import NameEvidenceSource
from .offline import offline_sources
from .spelling import SpellingShape
from .surnames import SurnameFrequencies, SurnameFrequencyPrior
from .url_slug import UrlNameEvidence

__all__ = [
    "NameEvidenceSource", "SpellingShape", "SurnameFrequencies", "SurnameFrequencyPrior", "UrlNameEvidence",
    "offline_sources",
]
