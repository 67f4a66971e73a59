"""Evidence sources: offline priors, and online ones (the cited page, Crossref, OpenAlex, OpenLibrary)."""
from .evidence import NameEvidenceSource
from .offline import offline_sources
from .page_meta import AuthorForm, PageAuthor, PageMetadata, extract_page_metadata
from .page_source import PageAuthorEvidence, PageFetcher
from .record import RecordAuthor, WorkRecord, WorkSource
from .sources import online_sources, user_agent
from .spelling import SpellingShape
from .surnames import SurnameFrequencies, SurnameFrequencyPrior
from .url_slug import UrlNameEvidence
from .verify import verify_references
from .work_sources import CrossrefEvidence, OpenAlexEvidence, OpenLibraryEvidence

__all__ = [
    "AuthorForm", "CrossrefEvidence", "NameEvidenceSource", "OpenAlexEvidence", "OpenLibraryEvidence",
    "PageAuthor", "PageAuthorEvidence", "PageFetcher", "PageMetadata", "RecordAuthor", "SpellingShape",
    "SurnameFrequencies", "SurnameFrequencyPrior", "UrlNameEvidence", "WorkRecord", "WorkSource",
    "extract_page_metadata", "offline_sources", "online_sources", "user_agent", "verify_references",
]
