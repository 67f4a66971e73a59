"""The records every stage speaks: frozen dataclasses, standard library only."""
from .citation import UNRESOLVED_KEY, Citation, CitedName
from .document import PDF_MARGIN, PDF_PLACED, CleanText, SourceDoc, span_at
from .existence import Candidate, ExistenceCheck, Verdict
from .finding import Evidence, Finding, Fix, Kind, Severity, Target
from .link import ArchiveSnapshot, LinkCheck, LinkStatus
from .names import Name
from .reference import EntryType, Reference, Url
from .run import RunResult
from .span import Span

__all__ = [
    "ArchiveSnapshot", "Candidate", "Citation", "ExistenceCheck", "Verdict", "CitedName", "CleanText", "EntryType", "Evidence", "Finding",
    "Fix", "Kind", "LinkCheck", "LinkStatus", "Name", "Reference", "RunResult", "Severity",
    "SourceDoc", "Span", "Target", "Url", "span_at", "PDF_MARGIN", "PDF_PLACED", "UNRESOLVED_KEY",
]
