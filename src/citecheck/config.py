"""One frozen Settings record shared by the library and the CLI."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Severity


@dataclass(frozen=True)
class Settings:
    offline: bool = True
    fail_on: Severity = Severity.ERROR
    fix_threshold: float = 0.8  # a decided fix is applied by --fix only at or above this confidence
    contact: str = "citecheck (https://github.com/citecheck/citecheck)"
