"""One frozen Settings record shared by the library and the CLI."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Severity


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
    concurrency: int = 8
    mailto: str = ""  # a contact address for Crossref's and OpenAlex's polite pools

    @property
    def user_agent(self) -> str:
        from . import __version__

        return f"citecheck/{__version__} (+{self.contact})"
