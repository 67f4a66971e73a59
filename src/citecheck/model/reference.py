"""A bibliography entry, parsed into typed fields."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, replace
from enum import Enum
from typing import Any

from .finding import Finding
from .link import ArchiveSnapshot
from .names import Name
from .span import Span


class EntryType(str, Enum):
    """What kind of work an entry describes; values are CSL-JSON types."""

    ARTICLE = "article-journal"
    NEWS = "article-newspaper"
    MAGAZINE = "article-magazine"
    BOOK = "book"
    CHAPTER = "chapter"
    REPORT = "report"
    THESIS = "thesis"
    CONFERENCE = "paper-conference"
    WEBPAGE = "webpage"
    PATENT = "patent"
    DATASET = "dataset"
    SOFTWARE = "software"
    PREPRINT = "article"  # CSL 1.0.2's "article": a preprint or working paper, as Zotero writes one
    PRESENTATION = "speech"  # a paper, poster or talk given at an event, not published in proceedings
    INTERVIEW = "interview"
    FILM = "motion_picture"  # a film or other video recording
    BROADCAST = "broadcast"  # a TV or radio programme or episode, a podcast (CSL 1.0.2's "broadcast")
    LEGAL_CASE = "legal_case"  # a court's decision, cited by its name and reporter
    DOCUMENT = "document"


@dataclass(frozen=True)
class Url:
    """A URL given by a reference.

    ``url`` is the repaired, RFC 3986 URL of the work itself. When the reference gave
    an archive copy (a Wayback Machine URL), ``url`` is the original URL and
    ``snapshot`` holds the archived copy with its timestamp. ``raw`` is the text as found.
    """

    url: str
    raw: str = ""
    snapshot: ArchiveSnapshot | None = None


@dataclass(frozen=True)
class Reference:
    """One entry of a reference list.

    ``key`` is the citation key: taken from BibTeX input, otherwise generated
    (``citecheck.emit.keys``); it is the reference's id in reports.
    ``findings`` are what the parser noticed or repaired in this entry
    (url-repaired, name-repaired, malformed-reference).
    ``field_confidence`` gives the parser's confidence per field name (0..1).
    ``extra`` keeps fields the model has no slot for (BibTeX round trip), in order.
    """

    raw: str
    span: Span
    type: EntryType = EntryType.DOCUMENT
    key: str = ""
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    year: int | None = None
    year_suffix: str = ""
    no_date: bool = False
    title: str = ""
    container: str = ""
    publisher: str = ""
    place: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    urls: tuple[Url, ...] = ()
    doi: str = ""
    isbn: str = ""
    accessed: str = ""
    note: str = ""
    extra: tuple[tuple[str, str], ...] = ()
    field_confidence: tuple[tuple[str, float], ...] = ()
    findings: tuple[Finding, ...] = field(default=(), compare=False)

    @property
    def cite_names(self) -> tuple[str, ...]:
        """The names an author-date citation of this entry would show.

        Family names (or literals) of the authors; for an entry with no author, its
        title stands in as the author.
        """
        if self.authors:
            return tuple(a.sort_name for a in self.authors)
        if self.editors:
            return tuple(e.sort_name for e in self.editors)
        return (self.title,) if self.title else ()

    @property
    def year_label(self) -> str:
        if self.no_date or self.year is None:
            return "n.d." + self.year_suffix
        return f"{self.year}{self.year_suffix}"

    def excerpt(self, size: int = 60) -> str:
        """The start of the entry's text as found, on one line, for a message naming it."""
        flat = " ".join(self.raw.split())
        return flat if len(flat) <= size else flat[: size - 1] + "…"


# A Reference is made for every entry of a list, twice (read, then typed), and copied once more with its
# key: its frozen ``__init__`` sets each of its 25 fields with ``object.__setattr__``, and
# ``dataclasses.replace`` reads them all back first. It has no ``__post_init__``, so its state is its
# fields' values and nothing else: these two fill that state at once, from a record's state (a dict that
# shares its keys with every Reference's, a third of the size of one filled from a plain dict).
_DEFAULTS = {f.name: f.default for f in fields(Reference)}  # in field order; MISSING for raw and span
_REQUIRED = frozenset(name for name, value in _DEFAULTS.items() if value is MISSING)
_BLANK = Reference(raw="", span=Span("", 0, 0, 0, 0))  # every other field its default


def make_reference(**values: Any) -> Reference:
    """``Reference(**values)``, made without the frozen ``__init__`` (the same record: equal, with the
    same attributes in the same order)."""
    if not (_REQUIRED <= values.keys() <= _DEFAULTS.keys()):
        return Reference(**values)  # its TypeError names what is missing or unknown
    ref = object.__new__(Reference)
    state = ref.__dict__
    state.update(_BLANK.__dict__)
    state.update(values)
    return ref


def replace_reference(ref: Reference, **changes: Any) -> Reference:
    """``dataclasses.replace(ref, **changes)``, made without the frozen ``__init__``."""
    if not changes.keys() <= _DEFAULTS.keys() or type(ref) is not Reference:
        return replace(ref, **changes)
    new = object.__new__(Reference)
    state = new.__dict__
    state.update(ref.__dict__)
    state.update(changes)
    return new
