"""Evidence sources: offline priors, online ones (the cited page, Crossref, OpenAlex, OpenLibrary), and existence checks."""
from .evidence import NameEvidenceSource
from .existence import ExistenceSources, check_existence, existence_sources
from .guard import MemoryAnswerCache, SqliteAnswerCache
from .offline import offline_sources
from .page_meta import AuthorForm, PageAuthor, PageMetadata, extract_page_metadata
from .page_source import PageAuthorEvidence, PageFetcher
from .record import RecordAuthor, WorkRecord, WorkSource
from .sources import online_sources, user_agent
from .spelling import SpellingShape
from .surnames import SurnameFrequencies, SurnameFrequencyPrior
from .url_slug import UrlNameEvidence
from .prefetch import prefetch
from .verify import verify_references
from .work_sources import CrossrefEvidence, OpenAlexEvidence, OpenLibraryEvidence

__all__ = [
    "AuthorForm", "CrossrefEvidence", "ExistenceSources", "MemoryAnswerCache", "SqliteAnswerCache",
    "check_existence", "existence_sources", "prefetch", "NameEvidenceSource", "OpenAlexEvidence", "OpenLibraryEvidence",
    "PageAuthor", "PageAuthorEvidence", "PageFetcher", "PageMetadata", "RecordAuthor", "SpellingShape",
    "SurnameFrequencies", "SurnameFrequencyPrior", "UrlNameEvidence", "WorkRecord", "WorkSource",
    "extract_page_metadata", "offline_sources", "online_sources", "user_agent", "verify_references",
]
