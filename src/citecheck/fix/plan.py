"""Which proposed fixes are decided: confident enough to apply without review."""
from __future__ import annotations

from typing import Sequence

from ..model import Finding, Fix


def decided_fixes(findings: Sequence[Finding], threshold: float) -> tuple[Fix, ...]:
    return tuple(f.fix for f in findings if f.fix is not None and f.fix.confidence >= threshold)


def for_review(findings: Sequence[Finding], threshold: float) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.fix is not None and f.fix.confidence < threshold)
