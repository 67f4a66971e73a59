"""One frozen Settings record shared by the library and the CLI.

A ``[tool.citecheck]`` table in pyproject.toml or a ``citecheck.toml`` fills it (see
``config_file``); command-line flags override what the file says.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .history.changes import FailLevel
from .history.records import RotRule
from .model import Severity

HISTORY_FILE = "history.sqlite3"


@dataclass(frozen=True)
class Settings:
    offline: bool = True
    fail_on: Severity | None = Severity.ERROR  # None: never fail on findings
    fix_threshold: float = 0.8  # a decided fix is applied by --fix only at or above this confidence
    contact: str = "citecheck (https://github.com/citecheck/citecheck)"
    # networked runs
    cache_dir: Path | None = Path("cache")  # None: no persistent cache
    allow_private: bool = False  # let documents make us probe loopback/private addresses
    archive_all: bool = False  # look up an archived copy of every URL, not only of failed ones
    concurrency: int = 16  # link-check workers (the per-host limits keep it polite)
    save_missing: bool = False  # ask Save Page Now to archive live pages with no snapshot (IA keys in the environment)
    mailto: str = ""  # a contact address for Crossref's and OpenAlex's polite pools
    per_host: int = 2  # requests at once to one host
    host_gap: float = 0.2  # least seconds between two request starts to one host
    pause_host: str = "repeated"  # when a Retry-After pauses the whole host: repeated, always, never
    ignore: tuple[str, ...] = ()  # regular expressions (searched): URLs that match are never checked
    verify: bool = True  # online: give every reference an existence verdict (verified / mismatch / ...)
    # service base URLs (mirrors, a local pywb, tests)
    crossref_base: str = "https://api.crossref.org"
    openalex_base: str = "https://api.openalex.org"
    openlibrary_base: str = "https://openlibrary.org"
    arxiv_base: str = "https://export.arxiv.org/api/query"
    doi_base: str = "https://doi.org"
    semantic_scholar_base: str = ""  # empty: Semantic Scholar is not asked (optional)
    # scheduled link-rot checks (citecheck links)
    links_fail_on: FailLevel = FailLevel.NEW
    dead_after_failures: int = 3  # the rot rule: this many failed checks ...
    dead_after_days: float = 3.0  # ... spanning at least this many days declare a URL dead
    history_store: Path | None = None  # None: HISTORY_FILE under cache_dir

    @property
    def user_agent(self) -> str:
        from . import __version__

        return f"citecheck/{__version__} (+{self.contact})"

    @property
    def rot_rule(self) -> RotRule:
        return RotRule(failures=self.dead_after_failures, days=self.dead_after_days)

    @property
    def history_path(self) -> Path:
        if self.history_store is not None:
            return self.history_store
        return (self.cache_dir if self.cache_dir is not None else Path("cache")) / HISTORY_FILE
