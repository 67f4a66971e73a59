"""Match citations to references; decide which side of a mismatch is wrong, with evidence."""
from .checks import describe
from .decide import Decision, decide
from .inherited import missing_parents
from .match import Match, MatchKind, NameDifference, match_citations
from .stage import Reconciliation, reconcile

__all__ = [
    "Decision", "Match", "MatchKind", "NameDifference", "Reconciliation", "decide", "describe", "match_citations",
    "missing_parents", "reconcile",
]
