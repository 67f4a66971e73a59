"""Match citations to references; decide which side of a mismatch is wrong, with evidence."""
from .decide import Decision, decide
from .match import Match, MatchKind, NameDifference, match_citations
from .stage import Reconciliation, reconcile

__all__ = [
    "Decision", "Match", "MatchKind", "NameDifference", "Reconciliation", "decide", "match_citations", "reconcile",
]
